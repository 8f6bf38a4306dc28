"""Sessions to write reports of, and reading a report back with a PDF reader.

The scripted session is played through the store with a fixed clock, on the default deck,
so its report has every section and known figures. Participants carry names that must
never appear in a report.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from deck import Deck, default_deck_path, load_deck
from game.engine import Actor, RoundPlan, SessionState
from game.engine import commands as c
from game.engine.case_text import CaseText, compose_case
from game.store import SessionStore
from tests.pdf_reading import pdf_pages

START = dt.datetime(2026, 3, 12, 18, 30, tzinfo=dt.UTC)
"""19.30 in Brussels."""

PARTICIPANTS = ("Geheime Gert", "Zwijgzame Zoë", "Open Olga", "Stille Stijn", "Anoniem Anke")
"""People who voted. Not one of these names may be printed: nobody consented to it."""
SECRET_REASON = "niemand-mag-deze-toelichting-lezen"

CASE = CaseText(
    "Overlast rond het stationsplein",
    "Bewoners klagen over lawaai en zwerfvuil.\n\nWat doen we samen?",
    "Overlast",
)


def at(minutes: float) -> dt.datetime:
    """A moment of the session, minutes after its start."""
    return START + dt.timedelta(minutes=minutes)


@pytest.fixture(scope="session")
def deck() -> Deck:
    """The default deck: the report's texts, colours and sources come from it."""
    return load_deck(default_deck_path())


def play_session(path: Path, deck: Deck) -> Path:
    """A session with every section filled in, written to `path`."""
    created = SessionStore.create(
        path,
        deck_id=deck.manifest.id,
        case=compose_case(CASE),
        workshop_id="netwerktafel",
        workshop_title="Netwerktafel",
        rounds=(RoundPlan("casus", "casus", "Casus", 15),),
        now=START,
    )
    store, me = created.store, created.facilitator
    assert store.state.info is not None
    code = store.state.info.join_code
    people = [Actor(f"sleutel-van-deelnemer-{n}") for n in range(len(PARTICIPANTS))]
    with store:
        store.submit_many(
            [
                (c.AddStakeholder("burgemeester", "Els Vermeulen"), me),
                (c.AddStakeholder("korpschef"), me),
                (c.AddStakeholder("jongere", "Yassine"), me),
                (c.AddStakeholder("winkelier", "Karin"), me),
            ],
            deck=deck,
            now=at(1),
        )
        store.submit_many(
            [
                (c.JoinParticipant(name, code), person)
                for name, person in zip(PARTICIPANTS, people, strict=True)
            ],
            now=at(2),
        )
        # b1: a statement everybody answered; b2: a statement whose result stays hidden.
        store.submit(
            c.OpenBallot(
                "likert", "statement", statement_id="stelling-politie-garandeert-veiligheid"
            ),
            me,
            deck=deck,
            now=at(3),
        )
        store.submit_many(
            [
                (c.CastVote("b1", (answer,)), person)
                for answer, person in zip(("1", "4", "4", "5", "5"), people, strict=True)
            ],
            now=at(4),
        )
        store.submit(c.CloseBallot("b1"), me, now=at(5))
        store.submit(
            c.OpenBallot(
                "likert",
                "statement",
                statement_id="stelling-gemeente-informeert",
                reveal="manual",
                anonymous=True,
            ),
            me,
            deck=deck,
            now=at(6),
        )
        store.submit_many([(c.CastVote("b2", ("2",)), person) for person in people[:3]], now=at(7))
        store.submit_many(
            [
                (c.RecordConcern("s1", "algemeen-belang", "Altijd dezelfde stemmen"), me),
                (c.RecordConcern("s2", "efficientie", "Geen capaciteit"), me),
                (c.RecordConcern("s4", "efficientie"), me),
            ],
            deck=deck,
            now=at(10),
        )
        store.submit_many(
            [
                (c.RecordApproach("s1", "wijktafel", "Op het plein zelf"), me),
                (c.RecordApproach("s2", "politiecafe"), me),
                (c.RecordApproach("s3", "pleinpatrons", "Met vergoeding"), me),
                (c.RecordApproach("s4", "charter"), me),
            ],
            deck=deck,
            now=at(20),
        )
        # b3: an anonymous dot vote over the approaches, with reasons nobody may read.
        store.submit(c.OpenBallot("dots", "approaches", dots=3, anonymous=True), me, now=at(21))
        dots = (("3", "3", "1"), ("3", "4", "4"), ("1", "3", "2"), ("3", "1", "4"), ("3",))
        store.submit_many(
            [
                (c.CastVote("b3", choice, reason=SECRET_REASON), person)
                for choice, person in zip(dots, people, strict=True)
            ],
            now=at(22),
        )
        store.submit(c.CloseBallot("b3"), me, now=at(23))
        # b4: an open (not anonymous) choice on options; b5: a ranking.
        store.submit(
            c.OpenBallot(
                "choice",
                "options",
                title="Wanneer de wijktafel?",
                options=("Dinsdagavond", "Zaterdagochtend"),
            ),
            me,
            now=at(24),
        )
        store.submit_many(
            [
                (c.CastVote("b4", (choice,), reason=SECRET_REASON), person)
                for choice, person in zip(("1", "2", "2", "2"), people, strict=False)
            ],
            now=at(25),
        )
        store.submit(
            c.OpenBallot(
                "ranking",
                "options",
                title="Wat eerst?",
                options=("Verlichting", "Banken", "Vuilbakken"),
            ),
            me,
            now=at(26),
        )
        store.submit_many(
            [
                (c.CastVote("b5", order), person)
                for order, person in zip(
                    (("1", "3", "2"), ("3", "1"), ("1", "2", "3")), people, strict=False
                )
            ],
            now=at(27),
        )
        store.submit_many(
            [
                (
                    c.AddAction(
                        "Eerste wijktafel",
                        owner="s1",
                        approach_id="a1",
                        due="2026-04-23",
                        note="Zaal in het station",
                    ),
                    me,
                ),
                (
                    c.AddAction(
                        "Pleinpatrons werven", owner="s3", approach_id="a3", due="2026-06-01"
                    ),
                    me,
                ),
                (c.AddAction("Politiecafé starten", owner="s2", due="2026-04-02"), me),
            ],
            now=at(30),
        )
        store.submit(c.EditAction("x3", done=True), me, now=at(31))
        store.submit(c.RemoveStakeholder("s4"), me, now=at(32))
    return path


@pytest.fixture(scope="session")
def session_file(tmp_path_factory: pytest.TempPathFactory, deck: Deck) -> Path:
    """The scripted session on disk (with its facilitator token beside it)."""
    return play_session(tmp_path_factory.mktemp("sessie") / "stationsplein.nwt", deck)


@pytest.fixture(scope="session")
def state(session_file: Path) -> SessionState:
    """The scripted session's state, as the store folds it."""
    with SessionStore.open(session_file) as store:
        return store.state


@pytest.fixture(scope="session")
def empty_file(tmp_path_factory: pytest.TempPathFactory, deck: Deck) -> Path:
    """A session just made: no case, nobody at the table, no votes."""
    path = tmp_path_factory.mktemp("leeg") / "leeg.nwt"
    created = SessionStore.create(path, deck_id=deck.manifest.id, now=START)
    created.store.close()
    return path


def pdf_text(data: bytes) -> str:
    """The text of the whole PDF on one line."""
    return " ".join(pdf_pages(data))


def dutch(value: float) -> str:
    """A figure as the report writes it: 8,3 and 25 (no decimal when it is whole)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return re.sub(r"\.", ",", text)


def thousands(value: int) -> str:
    """A whole number with a Dutch thousands separator: 1.201."""
    return f"{value:,}".replace(",", ".")
