"""The beamer page: the code, the round and its clock, how many voted, the revealed results —
and nothing the session hides."""

from __future__ import annotations

import asyncio
import datetime as dt
import time

import aiohttp

from deck import Deck
from game.engine import commands as c
from game.engine.state import RoundPlan
from game.web.beamer_view import beamer_view
from game.web.live import sse_message
from game.web.pages import clock_text
from tests.participant.conftest import Table
from tests.web.conftest import ServedRoom, open_statement


async def test_code_qr_and_waiting_before_any_ballot(served: ServedRoom) -> None:
    phone = await served.phone()
    page = await phone.open("/scherm")
    assert page.status == 200
    assert served.table.code in page.text
    assert 'src="/scherm/qr.svg"' in page.html
    assert "Nog geen stemronde" in page.text
    assert 'http-equiv="refresh"' in page.html, "without JavaScript it reloads itself"


async def test_open_ballot_shows_how_many_voted_not_the_results(
    served: ServedRoom, default_deck: Deck
) -> None:
    phones = [await served.phone() for _ in range(3)]
    for n, phone in enumerate(phones):
        await phone.join(served.table.code, f"Stemmer {n}")
    ballot = open_statement(
        served.table, default_deck, "stelling-hulp-van-burgers-zinvol", reveal="manual"
    )
    await served.settled()
    for phone in phones[:2]:
        await phone.open()
        await phone.submit("/stem", "Eens")
    beamer = await phones[0].open("/scherm")
    assert "2 van 3 deelnemers stemden" in beamer.text
    assert "%" not in beamer.text, "hidden results stay hidden"
    served.table.close(ballot)
    await served.settled()
    beamer = await phones[0].open("/scherm")
    assert "gesloten" in beamer.text and "%" not in beamer.text
    served.table.reveal(ballot)
    await served.settled()
    beamer = await phones[0].open("/scherm")
    card = default_deck.get("stelling-hulp-van-burgers-zinvol")
    assert card.benchmark is not None  # type: ignore[union-attr]
    assert "100 %" in beamer.text and "aan tafel (2 stemmen)" in beamer.text
    assert f"N = {card.benchmark.n:,}".replace(",", ".") in beamer.text  # type: ignore[union-attr]
    assert "niet representatief" in beamer.text


async def test_after_vote_results_never_reach_the_beamer_while_open(served: ServedRoom) -> None:
    phone = await served.phone()
    await phone.join(served.table.code, "Ann")
    served.table.open("choice", reveal="after-vote")
    await served.settled()
    await phone.open()
    page = await phone.submit("/stem", "Wijktafel")
    assert "100 %" in page.text, "the voter sees the results once voted"
    beamer = await phone.open("/scherm")
    assert "100 %" not in beamer.text and "1 van 1 deelnemer stemde" in beamer.text


async def test_dot_vote_over_approaches_names_each_stakeholder_never_a_voter(
    served: ServedRoom, default_deck: Deck
) -> None:
    table = served.table
    me = table.facilitator
    table.store.submit(c.AddStakeholder("bewoner", "Ann Peeters"), me, deck=default_deck)
    table.store.submit(c.AddStakeholder("burgemeester", "Els Vermeulen"), me, deck=default_deck)
    s1, s2 = list(table.store.state.stakeholders)
    table.store.submit(c.RecordApproach(s1, "buurtvaders", ""), me, deck=default_deck)
    table.store.submit(c.RecordApproach(s2, "wijktafel", ""), me, deck=default_deck)
    table.store.submit(c.OpenBallot("dots", "approaches", anonymous=True), me)
    await served.settled()
    phone = await served.phone()
    await phone.open()
    await phone.submit("/aanmelden", "Anoniem meedoen", fill={"code": table.code})
    await phone.submit("/stem", name="plus", value="2")
    await phone.submit("/stem", name="plus", value="2")
    await phone.submit("/stem", "Stem")
    voter = next(iter(table.store.state.participants.values()), None)
    table.store.refresh()
    voter = next(iter(table.store.state.participants.values()))
    beamer = await phone.open("/scherm")
    assert "Buurtvaders" in beamer.text and "Ann Peeters" in beamer.text
    assert "Els Vermeulen" in beamer.text and "2 stippen" in beamer.text
    assert voter.name not in beamer.text, "who voted is never on the screen"


def test_clock_turns_red_and_says_so_when_time_is_up(tmp_path: object) -> None:
    from game.engine import SessionState, apply
    from game.engine import events as e

    start = dt.datetime(2026, 11, 29, 14, 0, tzinfo=dt.UTC)
    state = apply(
        SessionState(),
        e.SessionStarted(
            at=start.isoformat(),
            session_id="s",
            case="",
            deck_id="d",
            deck_path=None,
            workshop_id="kort",
            workshop_title="Kort",
            rounds=(RoundPlan("casus", "casus", "De casus", 10),),
            join_code="ACDEFG",
            facilitator_token_hash="x",
        ),
    )
    running = beamer_view(state, deck=None, now=start + dt.timedelta(minutes=4))
    assert running.seconds_left == 360 and not running.over_time
    over = beamer_view(state, deck=None, now=start + dt.timedelta(minutes=11, seconds=30))
    assert over.over_time and clock_text(over.seconds_left or 0) == "+1:30"
    from game.web.pages import beamer_parts

    html = dict(beamer_parts(over, "nl"))["ronde"]
    assert 'class="klok om"' in html and "De tijd is om" in html


def test_server_sent_events_keep_every_line() -> None:
    assert sse_message("deel", "uitslag\n<p>a</p>\n<p>b</p>") == (
        b"event: deel\ndata: uitslag\ndata: <p>a</p>\ndata: <p>b</p>\n\n"
    )


async def read_events(response: aiohttp.ClientResponse, until: float) -> list[tuple[float, str]]:
    """Events of a live connection as they arrive (time, data), until a deadline."""
    found: list[tuple[float, str]] = []
    data: list[str] = []
    while time.monotonic() < until:
        try:
            line = await asyncio.wait_for(response.content.readline(), until - time.monotonic())
        except TimeoutError:
            break
        text = line.decode().rstrip("\n")
        if text.startswith("data: "):
            data.append(text[6:])
        elif text == "" and data:
            found.append((time.monotonic(), "\n".join(data)))
            data = []
    return found


async def test_beamer_follows_a_vote_from_another_process_within_a_second(
    served: ServedRoom, table: Table
) -> None:
    from game.engine import Actor

    phone = await served.phone()
    await phone.join(table.code, "Ann")
    served.table.open("choice")
    await served.settled()
    async with aiohttp.ClientSession() as session, session.get(phone.base + "/scherm/live") as live:
        assert live.headers["Content-Type"].startswith("text/event-stream")
        first = await read_events(live, time.monotonic() + 1.0)
        assert first and "0 van 1 deelnemer stemde" in first[-1][1]
        # A vote written by another connection (as another process would).
        other = Actor("een-andere-stemmer-met-een-lange-sleutel")
        table.store.submit(c.JoinParticipant("Bob", table.code), other)
        cast_at = time.monotonic()
        table.store.submit(c.CastVote("b1", ("2",)), other)
        later = await read_events(live, time.monotonic() + 1.5)
        seen = [at for at, html in later if "1 van 2 deelnemers stemden" in html]
        assert seen and seen[0] - cast_at < 1.0


def test_round_title_is_said_in_the_rooms_language() -> None:
    """The session records a built-in werkvorm's titles in Dutch; a French beamer says them in
    French, and a werkvorm of one's own keeps the title it recorded."""
    from game.engine import SessionState, apply
    from game.engine import events as e
    from workshops.loader import builtin_workshops

    kort = builtin_workshops()["kort"]
    first = kort.rounds[0]
    start = dt.datetime(2026, 11, 29, 14, 0, tzinfo=dt.UTC)

    def started(workshop_id: str, workshop_title: str) -> SessionState:
        return apply(
            SessionState(),
            e.SessionStarted(
                at=start.isoformat(),
                session_id="s",
                case="",
                deck_id="d",
                deck_path=None,
                workshop_id=workshop_id,
                workshop_title=workshop_title,
                rounds=(RoundPlan(first.id, "casus", first.title.in_language("nl"), 5),),
                join_code="ACDEFG",
                facilitator_token_hash="x",
            ),
        )

    builtin = started("kort", kort.title.in_language("nl"))
    assert beamer_view(builtin, deck=None, now=start, language="fr").round_title == "Le cas"
    assert beamer_view(builtin, deck=None, now=start, language="nl").round_title == "De casus"
    own = started("avondtafel", "Avondtafel")
    assert beamer_view(own, deck=None, now=start, language="fr").round_title == "De casus"
