"""What the room web's handlers find on the application: typed keys, one per shared object."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from game.web.guard import JoinGuard
from game.web.room import Room


@dataclass(frozen=True)
class Addresses:
    """Where the room finds its pages, as printed for people."""

    phone: str
    """The phone page, e.g. `http://192.168.1.20:8000`."""

    @property
    def beamer(self) -> str:
        """The beamer page."""
        return f"{self.phone}/scherm"

    def phone_with_code(self, code: str) -> str:
        """The phone page with the join code filled in: what the QR code holds."""
        return f"{self.phone}/?code={code}"


ROOM = web.AppKey("room", Room)
GUARD = web.AppKey("guard", JoinGuard)
ADDRESSES = web.AppKey("addresses", Addresses)
QR_SVG = web.AppKey("qr_svg", bytes)
