"""Look-alike names: a Cyrillic `Аnn` beside `Ann` is a different name, flagged, not refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Static

from game.engine import Actor
from game.engine import commands as c
from game.engine.decide import name_key
from game.engine.lookalike import look_alike_key, look_alikes
from game.store import SessionStore
from game.tui.screens.board import BoardScreen
from tests.tui.app_steps import facilitator_app, seeded_session, text_of, until


@pytest.mark.parametrize(
    ("latin", "other"),
    [
        ("Ann", "\u0410nn"),  # Cyrillic capital A
        ("Piet", "Рiet"),  # Cyrillic Er
        ("Sofie", "Sοfie"),  # Greek omicron
        ("Mia", "Mi\u200ba"),  # a zero-width space inside
        ("Kees", "Кеes"),  # Cyrillic Ka and Ie
    ],
)
def test_names_that_look_alike_have_one_look_alike_key(latin: str, other: str) -> None:
    assert name_key(latin) != name_key(other)
    assert look_alike_key(latin) == look_alike_key(other)


def test_different_names_stay_apart() -> None:
    assert look_alike_key("Ann") != look_alike_key("Anna")
    assert look_alike_key("Олег") != look_alike_key("Oleg")


@given(st.text(alphabet=st.characters(max_codepoint=0x7F, categories=["L", "N"]), max_size=20))
def test_plain_latin_names_are_their_own_key(name: str) -> None:
    assert look_alike_key(name) == name_key(name)


def test_the_pairs_name_who_joined_first(tmp_path: Path) -> None:
    created = SessionStore.create(tmp_path / "s.nwt", deck_id="d")
    with created.store as store:
        code = store.state.info.join_code  # type: ignore[union-attr]
        for n, name in enumerate(("Ann", "Bram", "\u0410nn")):
            store.submit(c.JoinParticipant(name, code), Actor(f"sleutel-{n}-" * 4))
        state = store.state
    assert look_alikes(state) == [("Ann", "\u0410nn")]


async def test_the_facilitator_is_told_when_a_look_alike_joins(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        with SessionStore.open(path) as store:
            code = store.state.info.join_code  # type: ignore[union-attr]
            store.submit(c.JoinParticipant("Ann", code), Actor("sleutel-ann-" * 4))
            store.submit(c.JoinParticipant("\u0410nn", code), Actor("sleutel-kopie-" * 4))
        notes = lambda: [n.message for n in app._notifications]  # noqa: E731
        await until(pilot, lambda: any("lijkt op 'Ann'" in m for m in notes()))
        status = text_of(app.screen.query_one("#status", Static))
        assert "⚠ \u0410nn ≈ Ann" in status
        await pilot.pause(1.2)  # another poll: told once, not again
        assert sum("lijkt op" in m for m in notes()) == 1
