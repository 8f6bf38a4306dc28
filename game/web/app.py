"""The room web application: its routes, its safety nets, and running it.

Only the routes the two pages need answer; anything else is a Dutch 404 page. No route
shows the facilitator key, the session file's path or a directory listing; a request that
makes a handler fail gets a Dutch error page and one line on the facilitator's terminal,
never a traceback.
"""

from __future__ import annotations

import logging
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

from catalogue import N_, translator
from deck import Deck
from game.room_address import Addresses
from game.store import SessionStore, StoreError
from game.web import beamer, pages, phone
from game.web.guard import MAX_BODY, JoinGuard
from game.web.keys import ADDRESSES, GUARD, QR_SVG, ROOM
from game.web.language import choose as choose_language
from game.web.language import page_language
from game.web.room import Room

STATIC = Path(__file__).parent / "static"
STATIC_FILES = {
    "room.css": "text/css",
    "live.js": "text/javascript",
    "icoon.svg": "image/svg+xml",
    "LICENSE.txt": "text/plain",
}
"""The only files under /static/: each a file of the package, none from the internet."""

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

log = logging.getLogger("netwerktafel.serve")


@web.middleware
async def dutch_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn every failure into a Dutch page: 4xx as they are, anything else as 500."""
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400 or error.content_type == "text/html":
            raise
        return _error_response(request, error.status, error.text or "")
    except StoreError as error:
        log.warning("netwerktafel serve: %s", error)
        return _error_response(request, 503, str(error))
    except Exception as error:
        log.warning(
            "netwerktafel serve: interne fout bij %s %s: %s: %s",
            request.method,
            request.path,
            type(error).__name__,
            error,
        )
        return _error_response(request, 500, "")


_TITLES = {
    400: (N_("Onbegrijpelijk verzoek"), N_("Deze pagina kon dat verzoek niet lezen.")),
    403: (N_("Niet toegestaan"), N_("Dat kan niet vanaf deze pagina.")),
    404: (
        N_("Niet gevonden"),
        N_("Deze pagina bestaat niet. De stempagina staat op het adres /."),
    ),
    405: (N_("Niet toegestaan"), N_("Deze pagina werkt zo niet; open de stempagina.")),
    413: (N_("Te groot"), N_("Wat je stuurde is te groot voor een stem.")),
    415: (
        N_("Onbegrijpelijk verzoek"),
        N_("Deze pagina aanvaardt alleen haar eigen formulieren."),
    ),
    429: (N_("Even geduld"), N_("Te veel verzoeken; wacht even en probeer opnieuw.")),
    500: (N_("Er ging iets mis"), N_("Er ging iets mis bij netwerktafel. Probeer het opnieuw.")),
    503: (
        N_("Even niet beschikbaar"),
        N_("De stempagina is even te druk; probeer het zo opnieuw."),
    ),
}
"""The error pages, in Dutch: shown in the reader's language."""


def _error_response(request: web.Request, status: int, detail: str) -> web.Response:
    language = page_language(request)
    _ = translator(language)
    title, message = _TITLES.get(status, _TITLES[400] if status < 500 else _TITLES[500])
    # A detail is one of our sentences, marked in Dutch where it was raised.
    shown = _(detail) if detail and not detail.startswith(str(status)) else _(message)
    return web.Response(
        text=pages.error_page(_(title), shown, language=language),
        content_type="text/html",
        status=status,
    )


@web.middleware
async def safety_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Headers that keep other sites from framing, sniffing or scripting the pages."""
    response = await handler(request)
    response.headers.update(SECURITY_HEADERS)
    if response.content_type == "text/html":
        response.headers["Cache-Control"] = "no-store"
    return response


async def static(request: web.Request) -> web.Response:
    """GET /static/NAME: one of the page's own files."""
    name = request.match_info["name"]
    if name not in STATIC_FILES:
        raise web.HTTPNotFound()
    return web.Response(
        body=(STATIC / name).read_bytes(),
        content_type=STATIC_FILES[name],
        headers={"Cache-Control": "max-age=3600"},
    )


def create_app(
    room: Room, addresses: Addresses, *, guard: JoinGuard | None = None
) -> web.Application:
    """The room web for `room`, printed to people as `addresses`."""
    app = web.Application(client_max_size=MAX_BODY, middlewares=[safety_headers, dutch_errors])
    app[ROOM] = room
    app[GUARD] = guard or JoinGuard()
    app[ADDRESSES] = addresses
    app[QR_SVG] = beamer.qr_svg(addresses.phone_with_code(room.join_code))
    app.router.add_get("/", phone.page)
    app.router.add_post("/aanmelden", phone.join)
    app.router.add_post("/naam", phone.give_name)
    app.router.add_post("/stem", phone.vote)
    app.router.add_get("/live", phone.live)
    app.router.add_get("/scherm", beamer.page)
    app.router.add_get("/scherm/live", beamer.live)
    app.router.add_get("/scherm/qr.svg", beamer.qr_code)
    app.router.add_get("/static/{name}", static)
    app.router.add_get("/taal/{code}", choose_language)

    async def start(_: web.Application) -> None:
        await room.start()

    async def stop(_: web.Application) -> None:
        await room.stop()

    app.on_startup.append(start)
    app.on_cleanup.append(stop)
    return app


def listening_socket(host: str, port: int) -> socket.socket:
    """The socket the room listens on, bound before anything is printed; `OSError` when the
    port is taken or the address is not this machine's."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(512)
    except OSError:
        sock.close()
        raise
    return sock


def run_room(path: Path, *, sock: socket.socket, addresses: Addresses, deck: Deck | None) -> None:
    """Serve the session at `path` on `sock` until Ctrl+C."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)
    # aiohttp logs a malformed request with a traceback; the phone got its 400 already.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    logging.getLogger("aiohttp.access").setLevel(logging.CRITICAL)
    # The room web never holds the facilitator key: it checks the chain, not the seals.
    store = SessionStore.open(path, with_key=False)
    app = create_app(Room(store, deck), addresses)
    web.run_app(
        app,
        sock=sock,
        print=None,
        access_log=None,
        handler_cancellation=True,
        shutdown_timeout=2.0,
    )
