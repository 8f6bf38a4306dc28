"""The board shows how participants vote in a browser, as `netwerktafel serve` prints it."""

from __future__ import annotations

from pathlib import Path

from game.room_address import public_url, qr_text
from game.tui.screens.board import BoardScreen
from game.tui.screens.browser_voting import BrowserVotingScreen
from tests.tui.app_steps import facilitator_app, seeded_session, text_of, until


async def test_w_on_the_board_shows_command_address_code_and_qr(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    async with facilitator_app(data_dir, session=path).run_test(size=(80, 40)) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, BoardScreen))
        code = pilot.app.screen.live.state.info.join_code  # type: ignore[attr-defined]
        await pilot.press("w")
        await until(pilot, lambda: isinstance(pilot.app.screen, BrowserVotingScreen))
        screen = pilot.app.screen
        # Long paths wrap on screen; compare without the white space.
        command = "".join(text_of(screen.query_one("#command")).split())
        assert command == f"netwerktafelserve{path}--host0.0.0.0"
        address = "".join(text_of(screen.query_one("#address")).split())
        assert public_url("0.0.0.0", 8000) in address and code in address
        beamer = "".join(text_of(screen.query_one("#beamer")).split())
        assert f"{public_url('0.0.0.0', 8000)}/scherm" in beamer
        qr = text_of(screen.query_one("#qr")).splitlines()
        assert len(qr) > 10 and all("█" in line or "▀" in line for line in qr if line)
        # The QR code carries the join code: scanning it skips typing the code.
        assert text_of(screen.query_one("#qr")) == qr_text(
            f"{public_url('0.0.0.0', 8000)}/?code={code}"
        )
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, BoardScreen))
