"""What the room web's handlers find on the application: typed keys, one per shared object."""

from __future__ import annotations

from aiohttp import web

from game.room_address import Addresses
from game.web.guard import JoinGuard
from game.web.room import Room

ROOM = web.AppKey("room", Room)
GUARD = web.AppKey("guard", JoinGuard)
ADDRESSES = web.AppKey("addresses", Addresses)
QR_SVG = web.AppKey("qr_svg", bytes)
