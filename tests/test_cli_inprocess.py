"""The suite's in-process CLI runner leaves the test process as it found it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from catalogue import current_language
from tests.cli_inprocess import WIDTH, invoke


def test_a_run_puts_back_cwd_environment_and_argv(tmp_path: Path) -> None:
    cwd, environment, argv = os.getcwd(), dict(os.environ), list(sys.argv)
    result = invoke(
        "print", "cards", "-o", "kaarten.pdf", cwd=tmp_path, env={"NETWERKTAFEL_PROEF": "1"}
    )
    assert result.code == 0, result
    assert (tmp_path / "kaarten.pdf").is_file(), "the run worked in the folder it was given"
    assert (os.getcwd(), dict(os.environ), sys.argv) == (cwd, environment, argv)


def test_every_run_sees_the_width_it_is_given() -> None:
    def widest(columns: int) -> int:
        result = invoke("deck", "list", env={"COLUMNS": str(columns)})
        assert result.code == 0, result
        return max(len(line) for line in result.stdout.splitlines())

    assert widest(60) <= 60 < widest(WIDTH) <= WIDTH


def test_exit_codes_are_the_console_scripts() -> None:
    assert invoke("--version").code == 0
    refused = invoke("deck", "show", "bestaat-niet")
    assert refused.code == 2 and refused.stdout == "" and "Traceback" not in refused.stderr


def test_a_run_in_french_leaves_the_process_in_its_language() -> None:
    before = current_language()
    assert "Vérifier un jeu" in invoke("--taal", "fr", "deck", "--help").stdout
    assert current_language() == before
