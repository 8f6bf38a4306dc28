"""The facilitator app and `netwerktafel serve` side by side on one session file: a vote
from a phone shows on the facilitator's screen as any vote does."""

from __future__ import annotations

from pathlib import Path

import aiohttp

from game.tui.screens.board import BoardScreen
from game.tui.screens.rounds.stellingen import StellingenScreen
from game.tui.widgets.tally_bars import TallyBars
from tests.tui.app_steps import facilitator_app, seeded_session, text_of, until
from tests.web.conftest import Phone
from tests.web.served import serving


async def test_phone_votes_appear_on_the_facilitators_board(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    with serving(path) as served:
        async with app.run_test(size=(100, 32)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, BoardScreen))
            await pilot.press("n", "n", "enter")  # past the case and "Wat?" rounds
            await until(pilot, lambda: isinstance(app.screen, StellingenScreen))
            await pilot.press("o")
            await pilot.pause()
            status = app.screen.query_one("#ballot-status")
            for name, answer in (("Lies", "Eens"), ("Tom", "Oneens")):
                jar = aiohttp.CookieJar(unsafe=True)
                async with aiohttp.ClientSession(cookie_jar=jar) as session:
                    phone = Phone(served.url, session)
                    page = await phone.join(served.code, name)
                    assert "Tik het antwoord" in page.text, page.text
                    page = await phone.submit("/stem", answer)
                    assert "Je stem is geteld" in page.text
            await until(pilot, lambda: "gestemd: 2 van 2 aangemelden" in text_of(status))
            await pilot.press("r")
            await pilot.pause()
            bars = app.screen.query_one(TallyBars)
            assert bars.display and "50%" in text_of(bars)
