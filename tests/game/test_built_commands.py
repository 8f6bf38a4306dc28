"""A command's Typer tree is built once per language in a process, and each run still
speaks its own language (issue 14: "Typer rebuilds the command tree every call")."""

from __future__ import annotations

from typing import Any

import pytest

from game.cli import lazy_group
from tests.cli_inprocess import run


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the command groups Typer builds from here on."""
    monkeypatch.setattr(lazy_group, "_BUILT", {}, raising=False)
    built: list[str] = []
    original = lazy_group.get_group

    def counted(typer_app: Any) -> Any:
        group = original(typer_app)
        built.append(str(typer_app.info.name))
        return group

    monkeypatch.setattr(lazy_group, "get_group", counted)
    return built


def test_a_second_run_reuses_the_built_tree(builds: list[str]) -> None:
    run("session", "--help")
    run("session", "--help")
    run("deck", "show", "--help")
    assert len(builds) == 2, builds


def test_each_run_speaks_its_own_language(builds: list[str]) -> None:
    dutch = run("session", "--help").stdout
    french = run("--taal", "fr", "session", "--help").stdout
    again = run("session", "--help").stdout
    assert "Een netwerktafel voeren" in dutch
    assert "Een netwerktafel voeren" not in french
    assert again == dutch
    assert run("--taal", "fr", "session", "--help").stdout == french
    assert len(builds) == 2, builds
