"""The room web in-process (aiohttp's test server) on a session file, and phones without
JavaScript that read its pages and follow its forms."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from deck import Deck, default_deck_path, load_deck
from game.engine import commands as c
from game.room_address import Addresses
from game.store import SessionStore
from game.web import create_app
from game.web.guard import JoinGuard
from game.web.room import Room
from tests.participant.conftest import Table, make_table
from tests.web.form_client import Form, read_forms, visible_text

PUBLIC = "http://zaal.test:8000"
"""The address the room prints (the tests reach the server on its own port)."""


@pytest.fixture(scope="session")
def default_deck() -> Deck:
    """The built-in deck, for statement cards with survey figures."""
    return load_deck(default_deck_path())


@pytest.fixture
def table(tmp_path: Path) -> Iterator[Table]:
    """A started session in a temporary folder, and the facilitator's own store."""
    made = make_table(tmp_path / "tafel.nwt")
    yield made
    made.store.close()


def open_statement(table: Table, deck: Deck, card_id: str, **settings: object) -> str:
    """Open a likert ballot on a statement card of the default deck; returns its id."""
    event = table.store.submit(
        c.OpenBallot("likert", "statement", statement_id=card_id, **settings),  # type: ignore[arg-type]
        table.facilitator,
        deck=deck,
    )
    return event.ballot_id  # type: ignore[attr-defined]


@dataclass
class Page:
    """A page as a phone got it."""

    status: int
    html: str
    url: str

    @property
    def text(self) -> str:
        """What a person reads on it."""
        return visible_text(self.html)

    @property
    def forms(self) -> list[Form]:
        """Its forms."""
        return read_forms(self.html)

    def form(self, action: str) -> Form:
        """The form that posts to `action`."""
        for form in self.forms:
            if form.action == action:
                return form
        raise AssertionError(f"no form to {action} on the page: {self.text[:300]}")


@dataclass
class Phone:
    """One phone: its own cookies, the page it shows, and forms it follows."""

    base: str
    session: aiohttp.ClientSession
    page: Page = field(default_factory=lambda: Page(0, "", ""))

    async def open(self, path: str = "/") -> Page:
        """Open an address (as typed, or as in the QR code)."""
        async with self.session.get(self.base + path) as response:
            self.page = Page(response.status, await response.text(), str(response.url))
        return self.page

    async def submit(
        self,
        action: str,
        button: str | None = None,
        *,
        name: str | None = None,
        value: str | None = None,
        fill: dict[str, str] | None = None,
        check: tuple[str, ...] | None = None,
    ) -> Page:
        """Press a button of the form to `action` (by its text or name/value), as a browser
        would: fields sent as they are, redirects followed."""
        form = self.page.form(action)
        pressed = form.button(button, name=name, value=value) if (button or name) else None
        data = form.data(pressed, fill=fill, check=check)
        async with self.session.post(self.base + action, data=data) as response:
            self.page = Page(response.status, await response.text(), str(response.url))
        return self.page

    async def join(self, code: str, name: str) -> Page:
        """Open the page and join with `code` and `name`."""
        await self.open()
        return await self.submit("/aanmelden", "Meedoen", fill={"code": code, "naam": name})

    def cookie(self, name: str) -> str | None:
        """The value of one of this phone's cookies."""
        for morsel in self.session.cookie_jar:
            if morsel.key == name:
                return morsel.value
        return None


@dataclass
class ServedRoom:
    """The room web serving a table's session file, reached on its test server."""

    table: Table
    server: TestServer
    room: Room
    phones: list[Phone] = field(default_factory=list)

    @property
    def base(self) -> str:
        """The server's own address."""
        return str(self.server.make_url("")).rstrip("/")

    async def phone(self) -> Phone:
        """A new phone with no cookies yet."""
        session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        made = Phone(self.base, session)
        self.phones.append(made)
        return made

    async def settled(self) -> None:
        """Wait until the room has seen what the facilitator's store wrote."""
        import asyncio

        for _ in range(100):
            if self.room.state.version == self.table.store.state.version:
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the room did not pick up the facilitator's change")


async def serve_table(
    table: Table, deck: Deck | None, *, guard: JoinGuard | None = None, live_limit: int = 1000
) -> tuple[TestServer, Room]:
    """Start the room web on `table`'s file, as `netwerktafel serve` would."""
    room = Room(SessionStore.open(table.path), deck, live_limit=live_limit)
    server = TestServer(create_app(room, Addresses(PUBLIC), guard=guard))
    await server.start_server()
    return server, room


@pytest.fixture
async def served(table: Table, default_deck: Deck) -> AsyncIterator[ServedRoom]:
    """The room web on the table's session file."""
    server, room = await serve_table(table, default_deck)
    made = ServedRoom(table, server, room)
    try:
        yield made
    finally:
        for phone in made.phones:
            await phone.session.close()
        await server.close()


def ballot_id_on(page: Page) -> str:
    """The ballot a phone's vote form is for."""
    match = re.search(r'name="stemronde" value="([^"]+)"', page.html)
    assert match, page.text[:300]
    return match.group(1)
