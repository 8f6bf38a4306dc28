"""The participant app served to browsers in the room, with textual-serve.

textual-serve starts one process of the participant app per browser tab and passes the
tab's keys and screen over a websocket; it has no authentication of its own. So:

- the join code is checked by the app itself, in each tab's process, and a wrong code is
  answered only after a delay that doubles with every wrong code in that tab; after a few
  the tab's app stops (`game.participation.JoinThrottle`);
- a new tab means a new process, so this server, the one process every tab goes through,
  limits how many app processes one address may start per minute, and how many may run
  at once. Together: one address can try a few dozen codes a minute, out of 25^6 (about
  244 million) codes.

Those limits live in this process's memory: they protect the session while the server
runs, and the session file stays what it is, a record of what the table decided.
"""

from __future__ import annotations

import asyncio
import logging
import shlex
import sys
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

TEMPLATES = Path(__file__).parent / "web"
"""Our page template: the app's page without a font from the web."""

PAGE_TITLE = "netwerktafel · stemmen"


@dataclass
class TabLimiter:
    """How many app processes (browser tabs) an address may start, and how many may run."""

    per_minute: int = 12
    at_once: int = 120
    started: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))
    running: int = 0

    def admit(self, address: str, now: float | None = None) -> bool:
        """Whether `address` may start one more tab now; counts it when so."""
        moment = time.monotonic() if now is None else now
        recent = self.started[address]
        while recent and moment - recent[0] > 60:
            recent.popleft()
        if len(recent) >= self.per_minute or self.running >= self.at_once:
            return False
        recent.append(moment)
        return True


def app_command(session: Path) -> str:
    """The shell command textual-serve runs for each tab: this Python, our app, the session."""
    return shlex.join([sys.executable, "-m", "game.tui.participant", str(session.resolve())])


class RoomServer(Server):
    """textual-serve's server with our page, quiet logging and a limit on new tabs."""

    def __init__(
        self,
        session: Path,
        *,
        host: str,
        port: int,
        public_url: str,
        limiter: TabLimiter | None = None,
    ) -> None:
        super().__init__(
            app_command(session),
            host=host,
            port=port,
            title=PAGE_TITLE,
            public_url=public_url,
            templates_path=TEMPLATES,
        )
        self.limiter = limiter or TabLimiter()
        self.tabs: set[AppService] = set()
        """The app processes running now, one per tab: stopped with the server."""

    def initialize_logging(self) -> None:
        """Warnings only: the terminal shows the URL and the code, not every request."""
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """The command printed the URL and the code already; textual-serve's banner is not
        for the room."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Stop every tab's app, so no process outlives the server."""
        await asyncio.gather(*(tab.stop() for tab in list(self.tabs)), return_exceptions=True)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Start the app for one tab, unless this address started too many just now.

        textual-serve's own handler, plus the limit and a record of the running apps.
        """
        address = request.remote or "?"
        if not self.limiter.admit(address):
            raise web.HTTPTooManyRequests(
                text="Te veel nieuwe vensters vanaf dit toestel. Wacht een minuut."
            )
        if request.headers.get("Upgrade", "").lower() != "websocket":
            # Only the page's own script opens this; anything else starts no app.
            raise web.HTTPBadRequest(text="Open de stempagina zelf.")
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)

        async def close() -> None:
            await websocket.close()

        self.limiter.running += 1
        tab: AppService | None = None
        try:
            await websocket.prepare(request)
            tab = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.tabs.add(tab)
            await tab.start(width, height)
            await self._process_messages(websocket, tab)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            logging.getLogger("textual-serve").exception(error)
        finally:
            self.limiter.running -= 1
            if tab is not None:
                self.tabs.discard(tab)
                await tab.stop()
        return websocket
