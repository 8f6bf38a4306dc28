"""The beamer page's routes: the projected screen, its live updates and its QR code."""

from __future__ import annotations

import datetime as dt
import io

from aiohttp import web

from catalogue import translator
from game.web import pages
from game.web.beamer_view import beamer_view
from game.web.guard import from_other_site
from game.web.keys import ADDRESSES, QR_SVG, ROOM
from game.web.language import page_language
from game.web.live import event_stream


async def page(request: web.Request) -> web.Response:
    """GET /scherm: the whole beamer page."""
    room = request.app[ROOM]
    language = page_language(request)
    view = beamer_view(room.state, deck=room.deck, now=dt.datetime.now(dt.UTC), language=language)
    html = pages.beamer_page(view, phone_url=request.app[ADDRESSES].phone, language=language)
    return web.Response(text=html, content_type="text/html")


async def live(request: web.Request) -> web.StreamResponse:
    """GET /scherm/live: the beamer's changing part after every change in the session."""
    language = page_language(request)
    if from_other_site(request):
        _ = translator(language)
        text = _("Alleen het scherm zelf volgt de sessie.")
        raise web.HTTPForbidden(text=text)
    room = request.app[ROOM]

    def draw() -> pages.Parts:
        now = dt.datetime.now(dt.UTC)
        view = beamer_view(room.state, deck=room.deck, now=now, language=language)
        return pages.beamer_parts(view, language)

    return await event_stream(request, room, draw)


async def qr_code(request: web.Request) -> web.Response:
    """GET /scherm/qr.svg: the phone page's address with the join code in it."""
    return web.Response(
        body=request.app[QR_SVG],
        content_type="image/svg+xml",
        headers={"Cache-Control": "no-cache"},
    )


def qr_svg(url: str) -> bytes:
    """A QR code of `url` as SVG, dark on white, with the quiet zone scanners need."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=10, border=4, dark="#111", light="#fff", xmldecl=False
    )
    return buffer.getvalue()
