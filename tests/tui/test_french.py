"""The facilitator app in French (`netwerktafel --taal fr`) at 80×24: snapshots of its main
screens, and a walk through a whole session that fails on any Dutch catalogue text left on
a screen, as the print test reads the French PDF back for Dutch labels.

The app takes its words when its modules are imported, so the walk runs in a fresh process
that chooses French first (`tests/tui/french_walk.py`), once for every test here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from pytest_textual_snapshot import SVGImageExtension

from deck.text import Text
from tests.tui.french_walk import SNAPSHOTS
from workshops import builtin_workshops

ROOT = Path(__file__).resolve().parents[2]
FRENCH_PO = ROOT / "catalogue" / "fr" / "LC_MESSAGES" / "netwerktafel.po"
PLACEHOLDER = re.compile(r"\{[^}]*\}")
PATH = re.compile(r"\S*/\S*")
Walk = dict[str, dict[str, str]]

# The walk is a whole session in its own process (± 8 s of CPU): one worker runs this
# module, or every worker that drew one of its tests would walk it again.
pytestmark = [pytest.mark.xdist_group("french-walk"), pytest.mark.slow]


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Walk:
    """Every screen of a French session, read once for this module."""
    data_dir = tmp_path_factory.mktemp("french-walk")
    result = subprocess.run(
        [sys.executable, "-m", "tests.tui.french_walk", str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen: Walk = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


@pytest.mark.parametrize("name", SNAPSHOTS)
def test_main_screens_in_french(name: str, walk: Walk, snapshot: Any) -> None:
    assert walk[name]["svg"] == snapshot(extension_class=SVGImageExtension)


def dutch_phrases() -> list[str]:
    """The pieces of every catalogue text whose French differs from its Dutch: each run of
    words between placeholders, and the first three words of a long one (a sentence may
    wrap on screen, its start stays on one line). A lone short word (`van`, `niet`) could
    be a name inside French text: it counts as a whole, capitalised message (`Bord`)."""
    with FRENCH_PO.open("rb") as po:
        catalogue = read_po(po)
    phrases: set[str] = set()
    for message in catalogue:
        dutch, french = forms(message.id), forms(message.string)
        if not message.id or dutch == french[: len(dutch)]:
            continue
        for text in dutch:
            for piece in PLACEHOLDER.split(text):
                words = piece.split()
                if sum(char.isalpha() for char in piece) < 4:
                    continue
                lone = len(words) == 1 and (piece != text or not piece[0].isupper())
                if lone and len(piece) < 8:
                    continue
                phrases.add(" ".join(words))
                if len(words) > 3:
                    phrases.add(" ".join(words[:3]))
    return sorted(phrases)


def forms(value: object) -> list[str]:
    """A catalogue entry's text, or its singular and plural."""
    if isinstance(value, str):
        return [value]
    return [str(form) for form in value] if isinstance(value, tuple | list) else []


def untranslated_workshop_texts() -> Iterator[str]:
    """Texts of the built-in werkvormen that have no French yet: they fall back to Dutch by
    design (as a card without French does), so they are not the app's words left behind."""
    for workshop in builtin_workshops().values():
        for text in (workshop.title, workshop.description):
            if text.in_language("fr") == text.in_language("nl"):
                yield text.in_language("nl")
        for round_ in workshop.rounds:
            for name in ("title", "instructions"):
                said: Text | None = getattr(round_, name, None)
                if said is not None and said.in_language("fr") == said.in_language("nl"):
                    yield said.in_language("nl")
            for option in getattr(round_, "options", ()):
                if option.in_language("fr") == option.in_language("nl"):
                    yield option.in_language("nl")


def test_no_dutch_left_on_any_screen(walk: Walk) -> None:
    pattern = re.compile(
        "|".join(rf"(?<!\w){re.escape(phrase)}(?!\w)" for phrase in dutch_phrases())
    )
    # A werkvorm text without French may wrap over lines (the agenda): any of its words
    # is its own, not the app's.
    fallbacks = " ".join(untranslated_workshop_texts())
    left: list[str] = []
    for screen, seen in walk.items():
        for line in seen["text"].splitlines():
            line = PATH.sub(" ", line)  # a folder name (`sessies`) is not a sentence
            left += [
                f"{screen}: {found.group()!r} in {line.strip()!r}"
                for found in pattern.finditer(line)
                if found.group() not in fallbacks
            ]
    assert not left, "\n".join(left)


def test_what_the_user_walk_found_is_fixed(walk: Walk) -> None:
    # The room's pages run in another process: the command to start them keeps French.
    assert "--taal fr" in " ".join(walk["browser"]["text"].split())
    # The help lists the concern keys once (1-3), not a line per card key.
    keys = walk["bezorgdheden-hulp"]["text"]
    assert "1-3" in keys and "Choisir la carte" in keys and "Carte 2" not in keys


def test_the_walk_saw_every_round(walk: Walk) -> None:
    # A walk that stopped early would find no Dutch on the screens it never reached.
    assert {f"round-{number}" for number in range(1, 11)} <= set(walk)
    assert "Tour 10/10" in walk["round-10"]["text"]
    assert len(dutch_phrases()) > 500


def test_the_closing_round_counts_finished_actions_in_the_singular_up_to_one(walk: Walk) -> None:
    # French takes the singular for 0 and 1: `0 action (0 faite)`, not `(0 faites)`.
    assert "(0 faite)" in walk["round-10"]["text"]
