"""`session new --deck D` runs every built-in werkvorm with any deck, up to `print report`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_inprocess import invoke
from tests.minimal_deck import write_minimal_deck
from workshops.loader import BUILTIN_ORDER


@pytest.fixture
def minimal_deck(tmp_path: Path) -> Path:
    """A deck with only what the format requires: a manifest and one form card."""
    return write_minimal_deck(tmp_path / "klein")


@pytest.mark.parametrize("workshop", BUILTIN_ORDER)
def test_a_minimal_deck_runs_every_builtin_werkvorm(
    workshop: str, minimal_deck: Path, tmp_path: Path
) -> None:
    session = tmp_path / "tafel.nwt"
    made = invoke("session", "new", session, "--workshop", workshop, "--deck", minimal_deck)
    assert made.code == 0, made.stderr
    lines = made.stdout.splitlines()
    left_out = [line for line in lines if line.startswith("Ronde '")]
    assert any("valt weg" in line for line in left_out)
    assert f"Sessie gemaakt: {session}" in lines
    approach = invoke("session", "add-approach", session, "begeleider", "meedoen")
    assert approach.code == 2  # no stakeholder yet: one refusal, not a traceback
    assert approach.stderr.startswith("Geweigerd: ")
    shown = invoke("session", "show", session, "--json")
    assert shown.code == 0, shown.stderr
    rounds = [r["id"] for r in json.loads(shown.stdout)["rounds"]]
    assert "stellingen" not in rounds and "casus" in rounds
    report = invoke("print", "report", session, "-o", tmp_path / "verslag.pdf")
    assert report.code == 0, report.stderr
    assert (tmp_path / "verslag.pdf").read_bytes().startswith(b"%PDF")


def test_the_json_answer_lists_what_was_left_out(minimal_deck: Path, tmp_path: Path) -> None:
    made = invoke(
        "session", "new", tmp_path / "t.nwt", "-w", "kort", "--deck", minimal_deck, "--json"
    )
    assert made.code == 0, made.stderr
    assert json.loads(made.stdout)["left_out"] == [
        "Ronde 'stellingen' (Twee stellingen) valt weg: het deck heeft geen stellingkaarten."
    ]


def test_workshop_check_names_what_a_deck_leaves_out(minimal_deck: Path) -> None:
    checked = invoke("workshop", "check", "kort", "--deck", minimal_deck)
    assert checked.code == 0, checked.stderr
    assert checked.stdout == (
        "Ronde 'stellingen' (Twee stellingen) valt weg: het deck heeft geen stellingkaarten.\n"
        "Werkvorm 'kort' is in orde: 4 rondes, 37 minuten, past bij deck 'klein'.\n"
    )


@pytest.mark.parametrize("workshop", BUILTIN_ORDER)
def test_the_default_deck_runs_every_builtin_werkvorm_whole(workshop: str, tmp_path: Path) -> None:
    made = invoke("session", "new", tmp_path / "t.nwt", "--workshop", workshop, "--json")
    assert made.code == 0, made.stderr
    answer = json.loads(made.stdout)
    assert answer["left_out"] == [] and answer["deck"] == "burgers-als-partners"
