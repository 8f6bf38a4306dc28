"""Aan tafel: 'r' draws a free role card, the name is typed, Enter seats the stakeholder."""

from __future__ import annotations

import random
from pathlib import Path

from game.tui.app import build_app
from game.tui.screens.board import BoardScreen
from game.tui.screens.table import TableScreen
from tests.tui.app_steps import seeded_session, session_state_of, until, write
from tests.tui.conftest import DECK, NOW


async def test_drawn_role_is_seated_under_the_typed_name(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = build_app(
        data_dir=data_dir, clock=lambda: NOW, session=path, deck=DECK, rng=random.Random(5)
    )
    async with app.run_test(size=(100, 34)) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, BoardScreen))
        await pilot.press("t")
        await until(pilot, lambda: isinstance(pilot.app.screen, TableScreen))
        screen = pilot.app.screen
        assert isinstance(screen, TableScreen)
        await pilot.press("r")
        role = screen.role
        assert role is not None
        # The netwerktafel's case round suggests roles; one not yet at the table is drawn.
        assert role.id in screen._suggested()
        assert role.id not in {"burgemeester", "korpschef", "jongere"}
        await write(pilot, "Student Lien")
        await pilot.press("enter")
        await pilot.pause()
    with session_state_of(path) as store:
        seated = {(s.role_id, s.name) for s in store.state.stakeholders.values()}
    assert (role.id, "Student Lien") in seated
