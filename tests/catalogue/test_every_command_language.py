"""`--taal` on every command: each command of the command table (every sub-command of each
group) prints no Dutch catalogue text under `--taal fr`, and no French one under `--taal nl`.

Each runs with `--help` (its real input would be a session, a printer or a server); the
commands that print texts from data run once more with real input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from catalogue import translation
from game.cli.lazy_group import load_every_command
from game.cli.root import app
from tests.cli_inprocess import invoke

PLACEHOLDER = re.compile(r"\{\w*\}")
BOX = re.compile(r"[│╭╮╰╯─┃━┏┓┗┛┡┩╇┳╈┻┼═]+")


def flat(text: str) -> str:
    """Printed text with the boxes of rich's panels and tables gone and one space between
    words, so a sentence wrapped over lines reads whole."""
    return " ".join(BOX.sub(" ", text).split())


def _fragments(text: str) -> Iterator[str]:
    # The literal parts of a message between its placeholders, when long enough to be a
    # sentence of ours and not a word any language shares.
    for part in PLACEHOLDER.split(text):
        part = " ".join(part.split())
        if len(part) >= 14 and part.count(" ") >= 2:
            yield part


def _catalogue_pairs() -> list[tuple[str, str]]:
    catalog = translation("fr")._catalog  # type: ignore[attr-defined]
    pairs = []
    for key, french in catalog.items():
        if not key or not isinstance(french, str):
            continue
        dutch = key[0] if isinstance(key, tuple) else key
        dutch = dutch.split("\x04")[-1]  # a msgctxt before the msgid
        if dutch != french:
            pairs.append((dutch, french))
    return pairs


PAIRS = _catalogue_pairs()
DUTCH = sorted({f for dutch, _ in PAIRS for f in _fragments(dutch)})
FRENCH = sorted({f for dutch, french in PAIRS for f in _fragments(french)} - set(DUTCH))


def leaf_commands() -> list[tuple[str, ...]]:
    """Every command a user can run, as its path of names (`('session', 'show')`)."""
    root = load_every_command(typer.main.get_command(app))
    found: list[tuple[str, ...]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, (*path, name))
        else:
            found.append(path)

    walk(root, ())
    return found


LEAVES = leaf_commands()


def left_over(output: str, words: list[str]) -> list[str]:
    said = flat(output)
    return [word for word in words if word in said]


def test_the_walk_sees_every_command() -> None:
    assert len(LEAVES) > 30
    assert ("session", "show") in LEAVES and ("print", "cards") in LEAVES and ("vote",) in LEAVES
    assert len(DUTCH) > 300 and len(FRENCH) > 300
    # The probe finds a language where it is: a check that could not fail proves nothing.
    assert left_over(invoke("deck", "--help").stdout, DUTCH)
    assert left_over(invoke("deck", "--help", "--taal", "fr").stdout, FRENCH)


@pytest.mark.parametrize("path", LEAVES, ids=" ".join)
@pytest.mark.parametrize(("language", "other"), [("fr", "DUTCH"), ("nl", "FRENCH")])
def test_a_commands_help_speaks_only_its_language(
    path: tuple[str, ...], language: str, other: str
) -> None:
    shown = invoke(*path, "--help", "--taal", language)
    assert shown.code == 0, shown.stderr
    assert not left_over(shown.stdout, DUTCH if other == "DUTCH" else FRENCH)


def _session(tmp_path: Path) -> Path:
    session = tmp_path / "tafel.nwt"
    assert invoke("session", "new", session, "-w", "kort", "--case", "Overlast").code == 0
    assert invoke("session", "add-stakeholder", session, "burgemeester").code == 0
    return session


REAL_RUNS: list[tuple[str, ...]] = [
    ("deck", "list"),
    ("deck", "show", "buurtvaders"),
    ("deck", "show", "algemeen-belang"),
    ("deck", "check"),
    ("workshop", "list"),
    ("workshop", "show", "netwerktafel", "-i"),
    ("workshop", "check", "training"),
    ("session", "show", "SESSION"),
    ("session", "next-round", "SESSION"),
    ("session", "verify", "SESSION"),
]


@pytest.mark.parametrize("args", REAL_RUNS, ids=" ".join)
@pytest.mark.parametrize(("language", "other"), [("fr", "DUTCH"), ("nl", "FRENCH")])
def test_a_command_with_real_input_speaks_only_its_language(
    args: tuple[str, ...], language: str, other: str, tmp_path: Path
) -> None:
    session = _session(tmp_path)
    line = [str(session) if arg == "SESSION" else arg for arg in args]
    shown = invoke(*line, "--taal", language)
    assert shown.code == 0, shown.stderr
    assert not left_over(shown.stdout + shown.stderr, DUTCH if other == "DUTCH" else FRENCH)
