"""A process reads and validates a deck once while its files stay the same
(`deck.validated_decks`), and never hands out a deck whose files changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deck import default_deck_path, load_deck, validated_decks
from deck.loader import deck_files, deck_from_files
from deck.problems import InputError
from tests.minimal_deck import ONE_FORM, write_minimal_deck


@pytest.fixture(autouse=True)
def nothing_kept() -> None:
    validated_decks.forget()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the loader parses from here on."""
    import deck.loader
    import deck.yaml_source

    parsed: list[Path] = []
    original = deck.yaml_source.parse_yaml

    def counted(raw: bytes, file: Path) -> object:
        parsed.append(file)
        return original(raw, file)

    for module in (deck.loader, deck.yaml_source):
        monkeypatch.setattr(module, "parse_yaml", counted)
    return parsed


def test_an_unchanged_deck_is_validated_once(tmp_path: Path, parses: list[Path]) -> None:
    folder = tmp_path / "deck"
    shutil.copytree(default_deck_path(), folder)
    first = load_deck(folder)
    read = len(parses)
    assert read > 1
    assert load_deck(folder) is first
    assert len(parses) == read


def test_a_changed_file_is_read_anew(tmp_path: Path) -> None:
    folder = write_minimal_deck(tmp_path / "deck")
    before = load_deck(folder)
    cards = folder / "kaarten.yaml"
    # Same length, other bytes: only the content tells the change.
    cards.write_text(ONE_FORM.replace("title: Meedoen", "title: Meedoem"))
    assert len(cards.read_text()) == len(ONE_FORM)
    after = load_deck(folder)
    assert after is not before
    assert [str(c.title) for c in after.cards] != [str(c.title) for c in before.cards]


def test_a_file_that_grew_or_went_is_read_anew(tmp_path: Path) -> None:
    folder = write_minimal_deck(tmp_path / "deck")
    before = load_deck(folder)
    cards = folder / "kaarten.yaml"
    cards.write_text(ONE_FORM + "\n# een opmerking erbij\n")
    assert load_deck(folder) is not None
    assert load_deck(folder) is not before  # the grown file was read anew
    cards.unlink()
    with pytest.raises(InputError):
        load_deck(folder)


def test_a_deck_with_problems_is_never_kept(tmp_path: Path, parses: list[Path]) -> None:
    folder = write_minimal_deck(tmp_path / "deck", ONE_FORM.replace("type: vorm", "type: vrom"))
    for _ in range(2):
        with pytest.raises(InputError):
            load_deck(folder)
    assert parses.count(folder / "kaarten.yaml") == 2


def test_a_recorded_deck_is_validated_once(tmp_path: Path, parses: list[Path]) -> None:
    files = deck_files(default_deck_path())
    first = deck_from_files(files, tmp_path)
    read = len(parses)
    assert deck_from_files(files, tmp_path) is first
    assert len(parses) == read
    edited = ((files[0][0], files[0][1] + "\n"), *files[1:])
    assert deck_from_files(edited, tmp_path) is not first


def test_only_a_few_decks_are_kept(tmp_path: Path) -> None:
    folders = [write_minimal_deck(tmp_path / f"deck{n}") for n in range(validated_decks.KEPT + 1)]
    first = load_deck(folders[0])
    for folder in folders[1:]:
        load_deck(folder)
    assert load_deck(folders[0]) is not first
