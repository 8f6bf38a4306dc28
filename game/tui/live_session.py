"""The session the facilitator app is running: its store, the facilitator's key, the deck.

Screens send commands through `LiveSession.send` and read `state`; `poll` picks up what
other processes (voters, the CLI) wrote, cheaply enough to call twice a second. Every
change is in the session file the moment `send` returns, so a killed app loses nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from catalogue import _, current_language
from deck import Deck, InputError
from deck.search import fold
from game.engine import Actor, RoundPlan, SessionState, seconds_left
from game.engine import commands as c
from game.engine import events as e
from game.engine.case_text import parse_case
from game.engine.report import local_zone
from game.session_deck import session_deck
from game.store import (
    SESSION_SUFFIX,
    Refused,
    SessionStore,
    StoreError,
    read_facilitator_token,
)
from game.tui.time_signal import TimeSignal
from workshops import Workshop, fit_to_deck, open_workshop
from workshops.model import RoundBase, round_kind
from workshops.recorded import recorded_workshop, round_title, workshop_title

Clock = Callable[[], float]


class LiveSession:
    """An open session file, driven as its facilitator."""

    def __init__(self, store: SessionStore, token: str, deck: Deck, clock: Clock) -> None:
        self.store = store
        self.facilitator = Actor(token)
        self.deck = deck
        self.clock = clock
        self._workshop: Workshop | bool | None = False
        self.time_signal = TimeSignal()
        """Shared by the session's screens, so each moment is signalled once."""
        self.flagged: set[tuple[str, str]] = set()
        """Look-alike names the facilitator has been told about."""
        self.seat_tokens: dict[str, str] = {}
        """The hot seat's participant tokens by name key, for the whole run: the same person
        keeps one token, so their vote on an anonymous ballot can be found and replaced."""

    # --- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, deck: Deck, clock: Clock) -> LiveSession:
        """Open a session file as its facilitator; `InputError` when that cannot be done."""
        store = SessionStore.open(path)
        try:
            token = read_facilitator_token(store.path)
            played = session_deck(store.path, store.state, loaded=deck)
        except BaseException:
            store.close()
            raise
        return cls(store, token, played, clock)

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        deck: Deck,
        deck_path: Path | None,
        workshop: Workshop,
        case: str,
        clock: Clock,
    ) -> LiveSession:
        """Make a new session file for `workshop`, fitted to `deck`, and open it."""
        fitted = fit_to_deck(workshop, deck)
        created = SessionStore.create_for_workshop(
            path,
            deck=deck,
            workshop=fitted.workshop,
            deck_path=deck_path,
            case=case,
            now=dt.datetime.fromtimestamp(clock(), dt.UTC),
        )
        live = cls(created.store, created.facilitator_token, deck, clock)
        live._workshop = fitted.workshop
        return live

    def close(self) -> None:
        """Close the session file."""
        self.store.close()

    # --- reading ---------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The session file."""
        return self.store.path

    @property
    def state(self) -> SessionState:
        """The session as last read or written."""
        return self.store.state

    def now(self) -> dt.datetime:
        """The app's clock as a time."""
        return dt.datetime.fromtimestamp(self.clock(), dt.UTC)

    def poll(self) -> bool:
        """Pick up what other processes wrote; whether anything changed."""
        return self.store.refresh()

    def seconds_left(self) -> float | None:
        """Seconds left in the current round's time box (negative when over), or None."""
        return seconds_left(self.state, self.now())

    @property
    def workshop(self) -> Workshop | None:
        """The workshop script the session was started with, fitted to its deck as on the
        day it was made, if it can still be found."""
        if self._workshop is False:
            info = self.state.info
            found: Workshop | None = None
            if info is not None and info.workshop_id:
                try:
                    found = fit_to_deck(open_workshop(info.workshop_id), self.deck).workshop
                except InputError:
                    found = None
            self._workshop = found
        return self._workshop if isinstance(self._workshop, Workshop) else None

    def round_settings(self, plan: RoundPlan | None) -> RoundBase | None:
        """The workshop script's settings for a round (statements, method, …), if known."""
        if plan is None or self.workshop is None:
            return None
        found = self.workshop.round(plan.id)
        return found if found is not None and round_kind(found) == plan.kind else None

    @property
    def workshop_title(self) -> str:
        """The werkvorm's title in the app's language (the recorded one for a werkvorm of
        one's own), or "" when the session has none."""
        info = self.state.info
        if info is None or not info.workshop_title:
            return ""
        recorded = recorded_workshop(info.workshop_id, info.workshop_title)
        return workshop_title(recorded, info.workshop_title, current_language())

    def round_title(self, plan: RoundPlan) -> str:
        """A round's title in the app's language: the workshop script's, which may carry
        French, else the one recorded in the session."""
        settings = self.round_settings(plan)
        return settings.title.in_language(current_language()) if settings else plan.title

    # --- writing ---------------------------------------------------------------------

    def send(self, command: c.Command) -> str | None:
        """Carry out a facilitator command: None when done, else the Dutch reason why not."""
        try:
            self.store.submit(command, self.facilitator, now=self.now(), deck=self.deck)
        except Refused as refusal:
            return refusal.reason
        except StoreError as error:
            return str(error)
        return None

    def undo(self) -> tuple[bool, str]:
        """Undo the facilitator's last command: whether it worked, and what to tell."""
        try:
            event = self.store.submit(c.Undo(), self.facilitator, now=self.now(), deck=self.deck)
        except Refused as refusal:
            return False, refusal.reason
        except StoreError as error:
            return False, str(error)
        assert isinstance(event, e.Undone)
        return True, _("Ongedaan gemaakt: {value}.").format(
            value=_(e.undone_label(event.target_kind))
        )


# --- session files in the data folder ---------------------------------------------------


@dataclass(frozen=True)
class SessionFile:
    """A session file as the start screen lists it."""

    path: Path
    case_title: str
    started_at: dt.datetime | None
    workshop_title: str
    round_line: str
    stakeholders: int
    problem: str | None = None
    """Why it cannot be opened, when it cannot."""


def recent_sessions(folder: Path, limit: int = 20) -> list[SessionFile]:
    """The session files in `folder`, most recently changed first."""
    try:
        files = [p for p in folder.glob(f"*{SESSION_SUFFIX}") if p.is_file()]
    except OSError:
        return []

    def changed(path: Path) -> float:
        # A session's latest writes live in its -wal file until a checkpoint.
        times = [path.stat().st_mtime]
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            times.append(wal.stat().st_mtime)
        return max(times)

    files.sort(key=changed, reverse=True)
    return [describe_session(path) for path in files[:limit]]


def describe_session(path: Path) -> SessionFile:
    """What the start screen says about one session file."""
    try:
        with SessionStore.open(path) as store:
            state = store.state
    except InputError as error:
        reason = error.problems[0].message if error.problems else _("kan niet open")
        return SessionFile(path, path.stem, None, "", "", 0, problem=reason)
    info = state.info
    assert info is not None
    title = parse_case(info.case).title or _("(nog geen casus)")
    plan = state.current_round()
    rounds = len(info.rounds)
    # The titles as recorded, in the app's language when the built-in werkvorm has it.
    workshop = recorded_workshop(info.workshop_id, info.workshop_title)
    language = current_language()
    round_line = (
        _("ronde {number}/{count}: {title}").format(
            number=state.round.index + 1,
            count=rounds,
            title=round_title(workshop, plan.id, plan.kind, plan.title, language),
        )
        if plan
        else ""
    )
    started = dt.datetime.fromisoformat(info.started_at)
    seated = sum(1 for s in state.stakeholders.values() if s.present)
    said = workshop_title(workshop, info.workshop_title, language) if info.workshop_title else ""
    return SessionFile(path, title, started, said, round_line, seated)


SLUG_LENGTH = 30
"""At most this much of the case title names a new session file: the board's status line
shows the whole name beside the join code and who joined, at 80 columns too."""


def new_session_path(folder: Path, case_title: str, when: dt.datetime) -> Path:
    """A fresh file name for a new session: the case title and the date, never taken."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(case_title)).strip("-")
    if len(slug) > SLUG_LENGTH:
        cut = slug[: SLUG_LENGTH + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:SLUG_LENGTH]
    slug = slug or "sessie"
    stem = f"{slug}-{when:%Y-%m-%d}"
    candidate = folder / f"{stem}{SESSION_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{SESSION_SUFFIX}"
        number += 1
    return candidate


def local_time(moment: dt.datetime) -> dt.datetime:
    """A UTC time in the session's time zone (Europe/Brussels, as in the report), whatever
    the computer's own zone: the screen and the report never disagree on a time."""
    return moment.astimezone(local_zone())
