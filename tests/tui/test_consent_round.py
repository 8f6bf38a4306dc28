"""Consent on an action from the facilitator's action plan: `k` opens it, the phones and
terminals vote, the plan shows the block, `k` closes it."""

from __future__ import annotations

from pathlib import Path

from game.engine import Actor
from game.engine import commands as c
from game.store import SessionStore, new_token
from game.tui.screens.board import BoardScreen
from game.tui.screens.rounds.actieplan import ActieplanScreen
from tests.tui.app_steps import facilitator_app, seeded_session, text_of, until


async def test_k_opens_consent_on_the_action_and_shows_a_block(data_dir: Path) -> None:
    path = seeded_session(data_dir)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        for _ in range(8):
            await pilot.press("n")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ActieplanScreen))
        live = app.screen.live  # type: ignore[attr-defined]
        action_id = next(iter(live.state.actions))
        await pilot.press("k")
        await pilot.pause()
        (ballot,) = [b for b in live.state.ballots.values() if b.method == "consent"]
        assert ballot.is_open and ballot.options[0].ref == action_id
        table = app.screen.query_one("#actions")
        await until(pilot, lambda: "instemming loopt" in text_of(table))
        # A participant blocks it from their own terminal (another connection to the file).
        with SessionStore.open(path) as store:
            voter = Actor(new_token())
            code = store.state.info.join_code  # type: ignore[union-attr]
            store.submit(c.JoinParticipant("Wout", code), voter)
            store.submit(c.CastVote(ballot.id, ("blokkeren",), "geen budget"), voter)
        await until(pilot, lambda: "GEBLOKKEERD" in text_of(table), timeout=5)
        await pilot.press("k")
        await pilot.pause()
        assert not live.state.ballots[ballot.id].is_open
        assert "instemming loopt" not in text_of(table) and "GEBLOKKEERD" in text_of(table)
