"""The session behind the room's pages: one store, one worker thread, one poller.

SQLite calls block, and a durable commit waits for the disk. So the store is used only
from one worker thread: the event loop hands it work and keeps answering phones meanwhile.
Votes that arrive while a commit is on its way wait together and go into the next
transaction as one group (`SessionStore.submit_each`), so 200 phones voting at once cost a
handful of commits instead of 200.

What other processes write (the facilitator's app, `netwerktafel vote`, the hot seat) is
picked up by one poller that asks SQLite's `data_version` a few times a second; whenever the
state changes, every live page is woken once and draws itself from the new state.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from deck import Deck
from game.engine import Actor, Event, SessionState
from game.engine import commands as c
from game.store import Refused, SessionStore

POLL_SECONDS = 0.1
"""How often the poller asks whether another process wrote: well inside the 1 s a vote
may take to reach the beamer."""
WAKE_SECONDS = 0.25
"""Live pages are woken at most this often: when a whole room votes at once, one update
carries many votes, and the server's time goes to taking votes instead of redrawing."""

ParticipantCommand = c.JoinParticipant | c.CastVote
"""The only commands the room web sends: a participant joins, or votes."""

T = TypeVar("T")


class Full(Exception):
    """No room for one more live page."""


class Listeners:
    """The live pages open now, each woken when the session changes.

    Bounded, so a client that opens connections without end runs out of them before the
    server runs out of memory; a page that goes away is forgotten at once.
    """

    def __init__(self, limit: int, *, interval: float = WAKE_SECONDS) -> None:
        self.limit = limit
        self.interval = interval
        self._wakers: set[asyncio.Event] = set()
        self._last_wake = 0.0
        self._pending: asyncio.TimerHandle | None = None

    def __len__(self) -> int:
        return len(self._wakers)

    def add(self) -> asyncio.Event:
        """A new listener's wake-up call; `Full` when the limit is reached."""
        if len(self._wakers) >= self.limit:
            raise Full
        waker = asyncio.Event()
        waker.set()
        self._wakers.add(waker)
        return waker

    def remove(self, waker: asyncio.Event) -> None:
        """Forget a listener."""
        self._wakers.discard(waker)

    def wake_all(self) -> None:
        """Tell every listener the session changed: now, or at the end of the interval
        when they were woken just before."""
        if self._pending is not None:
            return  # a wake-up is on its way and will show this change too
        loop = asyncio.get_running_loop()
        wait = self._last_wake + self.interval - loop.time()
        if wait > 0:
            self._pending = loop.call_later(wait, self._wake_now)
        else:
            self._wake_now()

    def _wake_now(self) -> None:
        self._pending = None
        self._last_wake = asyncio.get_running_loop().time()
        for waker in self._wakers:
            waker.set()


@dataclass
class _Pending:
    command: ParticipantCommand
    actor: Actor
    outcome: asyncio.Future[Event]


class Room:
    """The session file as the room web uses it.

    `state` is the latest state, replaced (never changed) after every write and every
    change another process made; pages read it without waiting for anything.
    """

    def __init__(self, store: SessionStore, deck: Deck | None, *, live_limit: int = 1000) -> None:
        self._store = store
        self.deck = deck
        """The session's deck, for card kinds in results; None when it is out of reach."""
        self.state: SessionState = store.state
        self.listeners = Listeners(live_limit)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sessiebestand")
        self._pending: list[_Pending] = []
        self._writer: asyncio.Task[None] | None = None
        self._poller: asyncio.Task[None] | None = None

    @property
    def session_id(self) -> str:
        """The id of the session served."""
        info = self.state.info
        assert info is not None, "SessionStore.open only opens started sessions"
        return info.session_id

    @property
    def join_code(self) -> str:
        """The session's join code."""
        info = self.state.info
        assert info is not None
        return info.join_code

    async def start(self) -> None:
        """Start following the session file."""
        self._poller = asyncio.create_task(self._follow())

    async def stop(self) -> None:
        """Stop following; let the last writes finish; close the file."""
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
        if self._writer is not None:
            await asyncio.gather(self._writer, return_exceptions=True)
        await self._in_worker(self._store.close)
        self._worker.shutdown(wait=True)

    async def submit(self, command: ParticipantCommand, actor: Actor) -> Event:
        """Decide and append a participant's command; `Refused` when the engine refuses it.

        Returns once the event is on disk.
        """
        if not isinstance(command, c.JoinParticipant | c.CastVote):
            raise TypeError(f"the room web sends participant commands only, not {command!r}")
        outcome: asyncio.Future[Event] = asyncio.get_running_loop().create_future()
        self._pending.append(_Pending(command, actor, outcome))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write())
        return await outcome

    async def _write(self) -> None:
        loop = asyncio.get_running_loop()
        before, since = self.state, loop.time()
        while self._pending:
            batch, self._pending = self._pending, []
            items = [(pending.command, pending.actor) for pending in batch]
            try:
                outcomes = await self._in_worker(partial(self._store.submit_each, items))
            except Exception as error:  # a full disk, a damaged file: each request says so
                for pending in batch:
                    if not pending.outcome.done():
                        pending.outcome.set_exception(error)
                continue
            # The new state serves the next page at once; live pages are woken when the
            # queue is empty: while a room votes, the server takes votes first.
            self.state = self._store.state
            if loop.time() - since > WAKE_SECONDS:  # a stream of votes that never pauses
                self.listeners.wake_all()
                before, since = self.state, loop.time()
            for pending, outcome in zip(batch, outcomes, strict=True):
                if pending.outcome.done():
                    continue  # the phone went away; its vote counts all the same
                if isinstance(outcome, Refused):
                    pending.outcome.set_exception(outcome)
                else:
                    pending.outcome.set_result(outcome)
        if self.state is not before:
            self.listeners.wake_all()

    async def _follow(self) -> None:
        while True:
            await asyncio.sleep(POLL_SECONDS)
            try:
                changed = await self._in_worker(self._refresh)
            except Exception:
                continue
            if changed:
                self._changed(self._store.state)

    def _refresh(self) -> bool:
        return self._store.changed() and self._store.refresh()

    def _changed(self, state: SessionState) -> None:
        if state is not self.state:
            self.state = state
            self.listeners.wake_all()

    async def _in_worker(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._worker, work)
