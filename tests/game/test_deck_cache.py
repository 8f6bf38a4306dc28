"""The deck cache: an answer of before for the same deck and program, never a stale one, and
never an error of its own (game/cli/deck_cache.py)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from deck import Deck, InputError
from game.cli import deck_cache
from game.cli.deck_cache import remembered
from tests.cli_inprocess import run
from tests.minimal_deck import ONE_FORM, write_minimal_deck

LONG_AGO = time.time() - 3600


def aged(folder: Path) -> Path:
    """`folder` with every file changed an hour ago: old enough to be remembered."""
    for file in folder.iterdir():
        os.utime(file, (LONG_AGO, LONG_AGO))
    return folder


@pytest.fixture
def deck_folder(tmp_path: Path) -> Path:
    return aged(write_minimal_deck(tmp_path / "deck"))


class Counted:
    """A `worked_out` that counts its calls and answers with the first card's title."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, deck: Deck) -> dict[str, str]:
        self.calls += 1
        return {"title": deck.cards[0].title.in_language("nl", "nl")}


def edit(file: Path, old: str, new: str) -> None:
    file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_the_same_deck_is_worked_out_once(deck_folder: Path) -> None:
    worked_out = Counted()
    first = remembered("test", deck_folder, worked_out)
    assert remembered("test", deck_folder, worked_out) == first == {"title": "Meedoen"}
    assert worked_out.calls == 1


def test_an_edited_card_is_worked_out_again(deck_folder: Path) -> None:
    worked_out = Counted()
    remembered("test", deck_folder, worked_out)
    edit(deck_folder / "kaarten.yaml", "title: Meedoen", "title: Meedoen nu")
    assert remembered("test", deck_folder, worked_out) == {"title": "Meedoen nu"}
    assert worked_out.calls == 2


def test_a_file_changed_in_the_last_seconds_is_not_remembered(tmp_path: Path) -> None:
    # It may have changed while it was read: the answer could belong to other bytes.
    folder = write_minimal_deck(tmp_path / "vers")
    worked_out = Counted()
    remembered("test", folder, worked_out)
    remembered("test", folder, worked_out)
    assert worked_out.calls == 2
    assert not list(deck_cache.cache_folder().glob("test-*"))


def test_another_program_works_it_out_again(
    deck_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = tmp_path / "validator.py"
    module.write_text("RULES = 1\n")

    def program() -> Iterator[str]:
        yield str(module)

    monkeypatch.setattr(deck_cache, "program_files", program)
    worked_out = Counted()
    remembered("test", deck_folder, worked_out)
    remembered("test", deck_folder, worked_out)
    module.write_text("RULES = 22\n")  # an editable checkout, edited
    remembered("test", deck_folder, worked_out)
    assert worked_out.calls == 2


def test_the_program_is_every_module_of_outside_pythons_library() -> None:
    files = set(deck_cache.program_files())
    assert deck_cache.__file__ in files
    import pydantic
    import yaml

    assert {pydantic.__file__, yaml.__file__} <= files
    assert os.__file__ not in files
    assert any(name.endswith("netwerktafel.mo") for name in files)


def test_a_corrupt_entry_is_worked_out_again_and_replaced(deck_folder: Path) -> None:
    worked_out = Counted()
    remembered("test", deck_folder, worked_out)
    (entry,) = deck_cache.cache_folder().glob("test-*")
    for junk in (b"{niet af", b"\xff\xfe", b"[]", b'{"format": 1, "files": 3}', b""):
        entry.write_bytes(junk)
        assert remembered("test", deck_folder, worked_out) == {"title": "Meedoen"}
    assert worked_out.calls == 6
    assert remembered("test", deck_folder, worked_out) == {"title": "Meedoen"}
    assert worked_out.calls == 6  # the last run wrote a good entry again


def test_an_unreadable_entry_is_no_error(deck_folder: Path) -> None:
    worked_out = Counted()
    remembered("test", deck_folder, worked_out)
    (entry,) = deck_cache.cache_folder().glob("test-*")
    entry.unlink()
    entry.mkdir()  # reading it fails, and so does writing over it
    assert remembered("test", deck_folder, worked_out) == {"title": "Meedoen"}
    assert remembered("test", deck_folder, worked_out) == {"title": "Meedoen"}
    assert worked_out.calls == 3


def test_a_cache_that_cannot_be_made_is_no_error(
    deck_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv(deck_cache.ENVIRONMENT_VARIABLE, str(blocker / "cache"))
    worked_out = Counted()
    assert remembered("test", deck_folder, worked_out) == {"title": "Meedoen"}
    assert remembered("test", deck_folder, worked_out) == {"title": "Meedoen"}
    assert worked_out.calls == 2


def test_a_deck_with_problems_is_never_remembered(tmp_path: Path) -> None:
    folder = aged(write_minimal_deck(tmp_path / "fout", ONE_FORM.replace("type: vorm", "type: x")))
    for _ in range(2):
        run("deck", "list", "--deck", folder, code=2)
        run("deck", "check", folder, code=2)
    assert not list(deck_cache.cache_folder().iterdir())


@pytest.mark.parametrize(
    "command", [("deck", "list", "--deck"), ("deck", "check")], ids=["list", "check"]
)
def test_edit_one_card_and_the_command_sees_it(command: tuple[str, ...], deck_folder: Path) -> None:
    first = run(*command, deck_folder)
    assert run(*command, deck_folder) == first  # from the cache
    assert list(deck_cache.cache_folder().iterdir())
    cards = deck_folder / "kaarten.yaml"
    edit(cards, "title: Meedoen", "title: Samen beslissen")
    aged(deck_folder)  # even when the change keeps an old time: the bytes decide
    changed = run(*command, deck_folder)
    if "list" in command:
        assert "Samen beslissen" in changed.stdout and "Meedoen" not in changed.stdout
    edit(cards, "type: vorm", "type: vrom")
    aged(deck_folder)
    broken = run(*command, deck_folder, code=2)
    assert "kaarten.yaml:2:" in broken.stderr and "vorm" in broken.stderr, broken


def test_an_edited_deck_replaces_its_entry(deck_folder: Path) -> None:
    worked_out = Counted()
    previous = "Een klein deck"
    for title in ("Een ander deck", "Nog een deck", "Een derde deck"):
        edit(deck_folder / "deck.yaml", f"title: {previous}", f"title: {title}")
        previous = title
        aged(deck_folder)
        remembered("test", deck_folder, worked_out)
        assert remembered("test", deck_folder, worked_out) == {"title": "Meedoen"}
    assert worked_out.calls == 3
    assert len(list(deck_cache.cache_folder().iterdir())) == 1


def test_a_file_that_grew_after_its_size_was_taken_is_not_read_past_it(
    deck_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A card file growing while the entry is written: its digest would belong to other bytes
    # than its size, and nothing bounded the read. The bounded read refuses; no entry, no error.
    cards = deck_folder / "kaarten.yaml"
    seen = os.stat
    real_size = cards.stat().st_size

    def earlier(path: Path, *args: Any, **kwargs: Any) -> os.stat_result:
        status = seen(path, *args, **kwargs)
        if os.fspath(path) != os.fspath(cards):
            return status
        fields = list(status)
        fields[6] = real_size - 1  # st_size
        return os.stat_result(fields)

    worked_out = Counted()
    with monkeypatch.context() as patched:
        patched.setattr(deck_cache.os, "stat", earlier)
        assert remembered("test", deck_folder, worked_out) == {"title": "Meedoen"}
        assert not list(deck_cache.cache_folder().glob("test-*"))
    remembered("test", deck_folder, worked_out)
    assert len(list(deck_cache.cache_folder().glob("test-*"))) == 1
    with pytest.raises(InputError):
        deck_cache._digest(cards, real_size - 1)
