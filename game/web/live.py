"""Live updates as server-sent events: the page's changing part, pushed when it changes.

One connection per open page, woken by the room whenever the session changes; it draws
the page's parts anew and sends those that differ from what it sent last: a vote sends
every phone the new results, not its form again. A comment line
every few seconds keeps idle connections (and the proxies of a venue's network) open, and a
page that goes away is forgotten at once (the server cancels its handler).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from aiohttp import web

from catalogue import N_
from game.web.pages import Parts
from game.web.room import Full, Room

KEEPALIVE_SECONDS = 15.0
RETRY_MS = 2000
"""How long a browser waits before it reconnects a dropped connection."""


def sse_message(event: str, data: str) -> bytes:
    """One server-sent event; every line of `data` gets its own `data:` field."""
    lines = "".join(f"data: {line}\n" for line in data.split("\n"))
    return f"event: {event}\n{lines}\n".encode()


async def event_stream(
    request: web.Request, room: Room, draw: Callable[[], Parts]
) -> web.StreamResponse:
    """Serve one live connection: `draw()` gives the page's changing parts as they are now;
    a part is sent when it differs from what this page got last (one `deel` event each:
    the part's name on the first line, its HTML after it)."""
    try:
        waker = room.listeners.add()
    except Full:
        raise web.HTTPServiceUnavailable(
            text=N_("Te veel open stempagina's; probeer het over een minuut opnieuw."),
            headers={"Retry-After": "30"},
        ) from None
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream; charset=utf-8",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        }
    )
    try:
        await response.prepare(request)
        await response.write(f"retry: {RETRY_MS}\n\n".encode())
        sent: dict[str, str] = {}
        while True:
            try:
                await asyncio.wait_for(waker.wait(), KEEPALIVE_SECONDS)
            except TimeoutError:
                await response.write(b": wacht\n\n")
                continue
            waker.clear()
            for name, html in draw():
                if sent.get(name) != html:
                    await response.write(sse_message("deel", f"{name}\n{html}"))
                    sent[name] = html
    except ConnectionResetError:
        pass  # the page went away while we wrote to it
    finally:
        room.listeners.remove(waker)
    return response
