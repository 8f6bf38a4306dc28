"""One rule for which deck a session plays with, used by the CLI, the app and `serve`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deck import Deck, InputError, default_deck_path, load_deck
from game.session_deck import session_deck
from game.store import SessionStore
from tests.game.conftest import write_deck


def test_the_built_in_deck_of_a_session_made_with_it(tmp_path: Path) -> None:
    created = SessionStore.create(tmp_path / "t.nwt", deck_id="burgers-als-partners")
    with created.store as store:
        played = session_deck(store.path, store.state)
    assert played.manifest.id == "burgers-als-partners"


def test_a_deck_of_ones_own_from_its_folder_then_moved(tmp_path: Path, deck: Deck) -> None:
    folder = tmp_path / "mijn-deck"
    write_deck(folder)
    created = SessionStore.create(
        tmp_path / "t.nwt", deck_id=deck.manifest.id, deck_path=str(folder)
    )
    with created.store as store:
        assert session_deck(store.path, store.state).manifest.id == deck.manifest.id
        # The app's own deck is used as it is when it is the session's.
        assert session_deck(store.path, store.state, loaded=deck) is deck
        shutil.move(folder, tmp_path / "elders")
        with pytest.raises(InputError) as caught:
            session_deck(store.path, store.state)
        assert f"speelt met deck '{deck.manifest.id}'" in str(caught.value)
        assert "--deck" in str(caught.value)
        moved = session_deck(store.path, store.state, override=tmp_path / "elders")
        assert moved.manifest.id == deck.manifest.id
        with pytest.raises(InputError) as caught:
            session_deck(store.path, store.state, override=default_deck_path())
        assert "niet met 'burgers-als-partners'" in str(caught.value)
        built_in = load_deck(default_deck_path())
        with pytest.raises(InputError):
            session_deck(store.path, store.state, loaded=built_in)
