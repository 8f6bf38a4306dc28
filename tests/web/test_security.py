"""The room web refuses what it must: forged forms, other sites, guessed codes, floods,
other people's votes, facilitator commands, and text that would run as HTML."""

from __future__ import annotations

import asyncio
import logging

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deck import Deck
from game.engine import commands as c
from game.web.guard import CSRF_COOKIE, MAX_BODY, PARTICIPANT_COOKIE, JoinGuard
from tests.participant.conftest import Table
from tests.web.conftest import ServedRoom, serve_table

XSS_NAMES = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')


async def post(phone_session: aiohttp.ClientSession, url: str, **kwargs: object) -> int:
    """Status of a POST, redirects not followed."""
    async with phone_session.post(url, allow_redirects=False, **kwargs) as response:  # type: ignore[arg-type]
        return response.status


async def test_forms_without_the_forgery_token_are_refused(served: ServedRoom) -> None:
    phone = await served.phone()
    await phone.open()
    code = served.table.code
    base = phone.base
    assert await post(phone.session, base + "/aanmelden", data={"code": code, "naam": "X"}) == 403
    wrong = {"_csrf": "a" * 24, "code": code, "naam": "X"}
    assert await post(phone.session, base + "/aanmelden", data=wrong) == 403
    # Another site's page posting into the room: refused even with a matching token.
    token = phone.cookie(CSRF_COOKIE) or ""
    other_site = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
    form = {"_csrf": token, "code": code, "naam": "X"}
    assert await post(phone.session, base + "/aanmelden", data=form, headers=other_site) == 403
    assert served.table.store.refresh() is False, "nothing was written"
    assert await post(phone.session, base + "/aanmelden", data=form) == 303


async def test_live_connections_check_the_origin(served: ServedRoom) -> None:
    phone = await served.phone()
    await phone.join(served.table.code, "Ann")
    for path in ("/live", "/scherm/live"):
        async with phone.session.get(
            phone.base + path, headers={"Origin": "http://evil.example"}
        ) as response:
            assert response.status == 403


@pytest.mark.parametrize("name", XSS_NAMES)
async def test_names_with_html_stay_text(served: ServedRoom, default_deck: Deck, name: str) -> None:
    table = served.table
    me = table.facilitator
    table.store.submit(c.AddStakeholder("bewoner", name), me, deck=default_deck)
    table.store.submit(c.AddStakeholder("burgemeester", "Els"), me, deck=default_deck)
    s1, s2 = list(table.store.state.stakeholders)
    table.store.submit(c.RecordApproach(s1, "buurtvaders", name), me, deck=default_deck)
    table.store.submit(c.RecordApproach(s2, "wijktafel", ""), me, deck=default_deck)
    event = table.store.submit(c.OpenBallot("dots", "approaches"), me)
    ballot = event.ballot_id  # type: ignore[attr-defined]
    await served.settled()
    phone = await served.phone()
    page = await phone.join(table.code, name)
    await phone.submit("/stem", name="plus", value="1")
    page = await phone.submit("/stem", "Stem", fill={"toelichting": name})
    assert ballot in table.store.state.ballots
    beamer = await phone.open("/scherm")
    for shown in (page, beamer):
        assert "<script>alert" not in shown.html and "<img src=x" not in shown.html
        assert "onerror=alert(1)>" not in shown.html.replace("&gt;", "")
        assert name in shown.text, "the name is shown, as text"


async def test_bodies_are_size_limited(served: ServedRoom) -> None:
    phone = await served.phone()
    await phone.open()
    token = phone.cookie(CSRF_COOKIE) or ""
    huge = {"_csrf": token, "code": served.table.code, "naam": "x" * (MAX_BODY + 1)}
    assert await post(phone.session, phone.base + "/aanmelden", data=huge) == 413


async def test_only_the_pages_routes_answer(served: ServedRoom) -> None:
    phone = await served.phone()
    path = str(served.table.path)
    for route in (
        "/static/",
        "/static/../store.py",
        "/static/%2e%2e/app.py",
        "/sessie",
        "/begeleider",
        "/ws",
        "/" + served.table.path.name,
        "/static/room.css/..",
    ):
        page = await phone.open(route)
        assert page.status in (403, 404), route
        assert "Traceback" not in page.html
    for route in ("/", "/scherm", "/static/room.css", "/static/live.js"):
        page = await phone.open(route)
        assert page.status == 200, route
        assert path not in page.html and "begeleider" not in page.html.lower(), route
    async with phone.session.delete(phone.base + "/stem") as response:
        assert response.status == 405


async def test_no_facilitator_command_over_http(served: ServedRoom) -> None:
    phone = await served.phone()
    await phone.join(served.table.code, "Ann")
    ballot = served.table.open("choice")
    await served.settled()
    # Whatever a phone posts to the vote route becomes a CastVote of its own token or
    # nothing: extra fields naming facilitator actions are ignored.
    token = phone.cookie(CSRF_COOKIE) or ""
    for extra in ({"actie": "close-ballot"}, {"command": "RevealBallot"}, {"stemronde": "b9"}):
        data = {
            "_csrf": token,
            "sessie": served.room.session_id,
            "stemronde": ballot,
            "keuze": "1",
            **extra,
        }
        await post(phone.session, phone.base + "/stem", data=data)
    served.table.store.refresh()
    kinds = {type(event).__name__ for _, event in served.table.store.events()}
    assert kinds <= {"SessionStarted", "ParticipantJoined", "BallotOpened", "VoteCast"}
    with pytest.raises(TypeError):
        await served.room.submit(c.CloseBallot(ballot), served.table.facilitator)  # type: ignore[arg-type]


async def test_a_phone_votes_only_as_itself(served: ServedRoom) -> None:
    ann, bob = await served.phone(), await served.phone()
    await ann.join(served.table.code, "Ann")
    await bob.join(served.table.code, "Bob")
    ballot = served.table.open("choice")
    await served.settled()
    await ann.open()
    await ann.submit("/stem", "Wijktafel")
    # Bob's phone posts a vote: it counts as Bob's, never as Ann's.
    await bob.open()
    await bob.submit("/stem", "Politiecafé")
    ballot_state = served.table.ballot(ballot)
    people = served.table.store.state.participants
    assert {people[p].name: v.choices for p, v in ballot_state.votes.items()} == {
        "Ann": ("1",),
        "Bob": ("3",),
    }
    # Without a participant cookie a vote is no vote.
    stranger = await served.phone()
    await stranger.open()
    data = {
        "_csrf": stranger.cookie(CSRF_COOKIE) or "",
        "sessie": served.room.session_id,
        "stemronde": ballot,
        "keuze": "2",
    }
    assert await post(stranger.session, stranger.base + "/stem", data=data) == 401
    assert len(served.table.ballot(ballot).votes) == 2


async def test_wrong_codes_slow_down_that_address_and_firing_without_waiting_gains_nothing(
    table: Table,
) -> None:
    guard = JoinGuard(free=2, first_pause=0.2, longest_pause=0.4)
    server, _room = await serve_table(table, None, guard=guard)
    try:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            base = str(server.make_url("")).rstrip("/")
            async with session.get(base + "/"):
                pass
            token = next(m.value for m in session.cookie_jar if m.key == CSRF_COOKIE)

            async def attempt(code: str) -> tuple[int, float]:
                started = asyncio.get_running_loop().time()
                form = {"_csrf": token, "code": code, "naam": f"Gok {code}"}
                async with session.post(base + "/aanmelden", data=form, allow_redirects=False) as r:
                    return r.status, asyncio.get_running_loop().time() - started

            # Eight wrong codes at once, then the right one, all without waiting.
            wrongs = [attempt(f"WRONG{n}") for n in range(8)]
            results = await asyncio.gather(*wrongs, attempt(table.code))
            statuses = [status for status, _ in results]
            assert statuses[:8] == [403] * 8
            # The right code from this address waited its turn behind the pauses.
            assert statuses[8] == 303
            assert results[8][1] >= 0.2 * 1 + 0.4 * 5, "six pauses past the two free codes"
    finally:
        await server.close()


async def test_right_codes_are_never_throttled_200_phones_behind_one_address(
    table: Table,
) -> None:
    server, _room = await serve_table(table, None)
    try:
        base = str(server.make_url("")).rstrip("/")

        async def join(n: int) -> int:
            jar = aiohttp.CookieJar(unsafe=True)
            async with aiohttp.ClientSession(cookie_jar=jar) as session:
                async with session.get(base + "/"):
                    pass
                token = next(m.value for m in jar if m.key == CSRF_COOKIE)
                form = {"_csrf": token, "code": table.code, "naam": f"Deelnemer {n}"}
                async with session.post(base + "/aanmelden", data=form, allow_redirects=False) as r:
                    assert any(m.key == PARTICIPANT_COOKIE for m in jar)
                    return r.status

        statuses = await asyncio.wait_for(asyncio.gather(*(join(n) for n in range(200))), 30)
        assert statuses == [303] * 200
        table.store.refresh()
        assert len(table.store.state.participants) == 200
    finally:
        await server.close()


def test_join_guard_pauses_double_and_are_forgotten() -> None:
    now = [0.0]
    guard = JoinGuard(free=1, first_pause=1, longest_pause=4, forget_after=60, clock=lambda: now[0])
    guard.wrong_code("10.0.0.5")
    assert not guard.penalised("10.0.0.5")
    for _ in range(4):
        guard.wrong_code("10.0.0.5")
    assert guard.penalised("10.0.0.5")
    # 1 + 2 + 4 + 4 seconds, one after the other.
    assert guard._addresses["10.0.0.5"].next_try == pytest.approx(11)
    assert not guard.penalised("10.0.0.6"), "another phone is not held up"
    now[0] = 200.0
    assert not guard.penalised("10.0.0.5"), "an hour of quiet forgets the address"


async def test_open_live_connections_are_bounded_and_freed_at_once(table: Table) -> None:
    server, room = await serve_table(table, None, live_limit=3)
    try:
        base = str(server.make_url("")).rstrip("/")
        async with aiohttp.ClientSession() as session:
            streams = [await session.get(base + "/scherm/live") for _ in range(3)]
            for stream in streams:
                assert stream.status == 200
                await stream.content.readline()
            async with session.get(base + "/scherm/live") as refused:
                assert refused.status == 503
            assert len(room.listeners) == 3
            streams[0].close()
            for _ in range(50):
                if len(room.listeners) == 2:
                    break
                await asyncio.sleep(0.02)
            assert len(room.listeners) == 2, "a closed page is forgotten at once"
            again = await session.get(base + "/scherm/live")
            assert again.status == 200
            again.close()
            for stream in streams[1:]:
                stream.close()
    finally:
        await server.close()


async def test_malformed_requests_get_4xx_and_no_traceback(
    served: ServedRoom, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    phone = await served.phone()
    await phone.open()
    token = phone.cookie(CSRF_COOKIE) or ""
    base = phone.base
    assert (
        await post(
            phone.session,
            base + "/stem",
            data=b"\xff\xfe\x00garbage",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        == 400
    )
    bad_multipart = {"Content-Type": "multipart/form-data; boundary=zz"}
    status = await post(
        phone.session, base + "/aanmelden", data=b"--zz\r\nnonsense", headers=bad_multipart
    )
    assert 400 <= status < 500
    for form in (
        {"_csrf": token, "code": "\x00\x01", "naam": "\u202e\ufeff"},
        {"_csrf": token, "code": served.table.code, "naam": ""},
        {"_csrf": token, "code": served.table.code, "naam": "x" * 61},
    ):
        assert 400 <= await post(phone.session, base + "/aanmelden", data=form) < 500
    assert "Traceback" not in caplog.text
    assert "interne fout" not in caplog.text


async def test_draft_moves_never_carry_junk_into_the_address(served: ServedRoom) -> None:
    phone = await served.phone()
    await phone.join(served.table.code, "Ann")
    ballot = served.table.open("dots", dots=3)
    await served.settled()
    await phone.open()
    data = {
        "_csrf": phone.cookie(CSRF_COOKIE) or "",
        "sessie": served.room.session_id,
        "stemronde": ballot,
        "stip": "1\r\nSet-Cookie: x=y",
        "plus": "2",
    }
    async with phone.session.post(phone.base + "/stem", data=data, allow_redirects=False) as r:
        assert r.status == 303
        assert r.headers["Location"] == f"/?stemronde={ballot}&concept=2"
        assert "x=y" not in str(r.headers)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    form=st.dictionaries(
        st.sampled_from(
            [
                "code",
                "naam",
                "anoniem",
                "sessie",
                "stemronde",
                "keuze",
                "stip",
                "volgorde",
                "toelichting",
                "plus",
                "min",
                "omhoog",
                "omlaag",
            ]
        ),
        st.text(max_size=30),
        max_size=6,
    ),
    route=st.sampled_from(["/aanmelden", "/stem", "/naam"]),
)
def test_junk_forms_never_fail_the_server(table: Table, form: dict[str, str], route: str) -> None:
    async def run() -> None:
        server, _room = await serve_table(table, None)
        try:
            async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as s:
                base = str(server.make_url("")).rstrip("/")
                async with s.get(base + "/"):
                    pass
                token = next(m.value for m in s.cookie_jar if m.key == CSRF_COOKIE)
                async with s.post(base + route, data={"_csrf": token, **form}) as response:
                    assert response.status < 500, await response.text()
        finally:
            await server.close()

    asyncio.run(run())
