"""A session keeps a copy of its deck, so it opens when the deck folder moved or is gone."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from deck import default_deck_path, example_deck_path, load_deck
from game.engine import Actor
from game.engine import commands as c
from game.engine.state import DeckFile
from game.session_deck import session_deck
from game.store import Refused, SessionStore, read_facilitator_token, read_state
from game.tui.live_session import LiveSession
from tests.cli_inprocess import invoke

EXAMPLE = example_deck_path()


@pytest.fixture
def moved_session(tmp_path: Path) -> Path:
    """A session made with a deck folder that was renamed afterwards."""
    folder = tmp_path / "mijn-deck"
    shutil.copytree(EXAMPLE, folder)
    session = tmp_path / "school.nwt"
    made = invoke("session", "new", session, "-w", "kort", "--deck", folder)
    assert made.code == 0, made.stderr
    folder.rename(tmp_path / "verhuisd")
    return session


def test_the_session_keeps_every_file_of_its_deck(moved_session: Path) -> None:
    info = read_state(moved_session).info
    assert info is not None
    manifest = load_deck(EXAMPLE).manifest
    assert [file.name for file in info.deck_files] == ["deck.yaml", *manifest.files]
    assert info.deck_files[0].text == (EXAMPLE / "deck.yaml").read_text(encoding="utf-8")


def test_add_stakeholder_and_the_report_work_after_the_folder_moved(
    moved_session: Path, tmp_path: Path
) -> None:
    added = invoke(
        "session", "add-stakeholder", moved_session, "schooldirecteur", "--name", "Nadia"
    )
    assert added.code == 0, added.stderr
    assert added.stdout == "Belanghebbende s1: Nadia (Directeur van de school)\n"
    approach = invoke("session", "add-approach", moved_session, "Nadia", "schoolstraat")
    assert approach.code == 0, approach.stderr
    report = invoke("print", "report", moved_session, "-o", tmp_path / "verslag.pdf")
    assert report.code == 0, report.stderr
    shutil.rmtree(tmp_path / "verhuisd")
    again = invoke("session", "add-stakeholder", moved_session, "buurtbewoner")
    assert again.code == 0, again.stderr


def test_the_facilitator_app_opens_it_with_the_kept_copy(moved_session: Path) -> None:
    default = load_deck(default_deck_path())
    live = LiveSession.open(moved_session, default, clock=lambda: 0.0)
    try:
        assert live.deck.manifest.id == "verkeersveiligheid"
        assert live.deck.get("schoolstraat") is not None
        workshop = live.workshop
        assert workshop is not None and workshop.round("stellingen") is not None
    finally:
        live.close()


def test_another_deck_given_with_deck_is_still_refused(moved_session: Path) -> None:
    refused = invoke(
        "session", "add-stakeholder", moved_session, "burgemeester", "--deck", default_deck_path()
    )
    assert refused.code == 2
    assert "deze sessie speelt met deck 'verkeersveiligheid'" in refused.stderr


def test_the_copy_is_kept_once_and_only_for_the_sessions_own_deck(moved_session: Path) -> None:
    with SessionStore.open(moved_session) as store:
        token = read_facilitator_token(store.path)
        again = c.RecordDeck("verkeersveiligheid", (DeckFile("deck.yaml", "id: x"),))
        with pytest.raises(Refused, match="bewaart haar deck al"):
            store.submit(again, Actor(token))
        assert store.state.info is not None and len(store.state.info.deck_files) == 7


def test_a_session_with_the_builtin_deck_keeps_no_copy(tmp_path: Path) -> None:
    session = tmp_path / "gewoon.nwt"
    assert invoke("session", "new", session, "-w", "kort").code == 0
    state = read_state(session)
    assert state.info is not None and state.info.deck_files == ()
    assert session_deck(session, state).manifest.id == "burgers-als-partners"


def test_another_deck_id_is_refused_by_the_engine(tmp_path: Path) -> None:
    made = SessionStore.create(tmp_path / "t.nwt", deck_id="verkeersveiligheid")
    with made.store as store:
        wrong = c.RecordDeck("ander-deck", (DeckFile("deck.yaml", "id: ander-deck"),))
        with pytest.raises(Refused, match="niet met 'ander-deck'"):
            store.submit(wrong, made.facilitator, now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
