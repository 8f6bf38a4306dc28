"""The phone page with JavaScript switched off: join, vote with every method, change the
vote, see the results — only by following the page's own forms."""

from __future__ import annotations

from deck import Deck
from game.web.beamer import qr_svg
from game.web.guard import CSRF_COOKIE, PARTICIPANT_COOKIE
from tests.web.conftest import PUBLIC, ServedRoom, open_statement


def votes_of(served: ServedRoom, ballot_id: str) -> dict[str, tuple[str, ...]]:
    """Name → choices on a ballot, as the facilitator's store reads the file."""
    ballot = served.table.ballot(ballot_id)
    people = served.table.store.state.participants
    return {people[pid].name: vote.choices for pid, vote in ballot.votes.items()}


async def test_join_with_code_and_name_then_wait(served: ServedRoom) -> None:
    phone = await served.phone()
    page = await phone.open()
    assert page.status == 200
    assert "Deelnamecode" in page.text and "Je voornaam" in page.text
    page = await phone.join(served.table.code.lower(), "Fatima")
    assert page.status == 200 and page.url.endswith("/")
    assert "Even wachten" in page.text and "Fatima" in page.text
    served.table.store.refresh()
    names = [p.name for p in served.table.store.state.participants.values()]
    assert names == ["Fatima"]
    assert phone.cookie(PARTICIPANT_COOKIE) and phone.cookie(CSRF_COOKIE)


async def test_cookie_is_httponly_and_strict(served: ServedRoom) -> None:
    phone = await served.phone()
    await phone.open()
    async with phone.session.post(
        phone.base + "/aanmelden",
        data={
            "_csrf": phone.cookie(CSRF_COOKIE) or "",
            "code": served.table.code,
            "naam": "Ann",
        },
        allow_redirects=False,
    ) as response:
        assert response.status == 303
        header = next(
            h for h in response.headers.getall("Set-Cookie") if h.startswith(PARTICIPANT_COOKIE)
        )
    assert "HttpOnly" in header and "SameSite=Strict" in header and "Path=/" in header


async def test_qr_address_fills_in_the_code(served: ServedRoom) -> None:
    phone = await served.phone()
    page = await phone.open(f"/?code={served.table.code}")
    assert f'value="{served.table.code}"' in page.html
    # Only the name is left to type.
    page = await phone.submit("/aanmelden", "Meedoen", fill={"naam": "Piet"})
    assert "Even wachten" in page.text


async def test_dots_without_javascript_plus_minus_then_vote_and_change(
    served: ServedRoom,
) -> None:
    phone = await served.phone()
    await phone.join(served.table.code, "Sam")
    ballot = served.table.open("dots", dots=3)
    await served.settled()
    page = await phone.open()
    assert "Nog 3 van 3 stippen over" in page.text
    page = await phone.submit("/stem", name="plus", value="2")
    page = await phone.submit("/stem", name="plus", value="2")
    page = await phone.submit("/stem", name="plus", value="1")
    assert "Nog 0 van 3 stippen over" in page.text
    # No dot left: every + is switched off; − still works.
    assert all(disabled for n, _, _, disabled in page.form("/stem").buttons if n == "plus")
    page = await phone.submit("/stem", name="min", value="1")
    page = await phone.submit("/stem", name="plus", value="3")
    assert votes_of(served, ballot) == {}, "moving dots is not voting"
    page = await phone.submit("/stem", "Stem")
    assert "Je stem is geteld" in page.text
    assert votes_of(served, ballot) == {"Sam": ("2", "2", "3")}
    # Change the vote while the ballot is open: the new vote replaces the old one.
    page = await phone.submit("/stem", name="min", value="2")
    page = await phone.submit("/stem", name="min", value="2")
    page = await phone.submit("/stem", "Stem wijzigen")
    assert votes_of(served, ballot) == {"Sam": ("3",)}
    assert "Wijktafel (" not in page.text


async def test_ranking_with_up_and_down(served: ServedRoom) -> None:
    phone = await served.phone()
    await phone.join(served.table.code, "Lotte")
    ballot = served.table.open("ranking")
    await served.settled()
    await phone.open()
    await phone.submit("/stem", name="omhoog", value="3")
    await phone.submit("/stem", name="omhoog", value="3")
    page = await phone.submit("/stem", name="omlaag", value="1")
    assert (
        page.text.index("Politiecafé")
        < page.text.index("Buurtsignaal")
        < page.text.index("Wijktafel")
    )
    page = await phone.submit("/stem", "Stem")
    assert votes_of(served, ballot) == {"Lotte": ("3", "2", "1")}
    assert "1. Politiecafé" in page.text


async def test_likert_is_one_tap_and_choice_one_or_several(
    served: ServedRoom, default_deck: Deck
) -> None:
    phone = await served.phone()
    await phone.join(served.table.code, "Noor")
    likert = open_statement(served.table, default_deck, "stelling-hulp-van-burgers-zinvol")
    await served.settled()
    page = await phone.open()
    assert "Tik het antwoord" in page.text
    page = await phone.submit("/stem", "Helemaal eens")
    assert votes_of(served, likert) == {"Noor": ("5",)}
    page = await phone.submit("/stem", "Niet eens, niet oneens")
    assert votes_of(served, likert) == {"Noor": ("3",)}
    served.table.close(likert)

    single = served.table.open("choice")
    await served.settled()
    await phone.open()
    await phone.submit("/stem", "Buurtsignaal")
    assert votes_of(served, single) == {"Noor": ("2",)}
    served.table.close(single)

    several = served.table.open("choice", max_choices=2)
    await served.settled()
    await phone.open()
    page = await phone.submit("/stem", "Stem", check=("1", "3"))
    assert votes_of(served, several) == {"Noor": ("1", "3")}
    # Three boxes where two may be chosen: refused in Dutch, nothing recorded.
    page = await phone.submit("/stem", "Stem wijzigen", check=("1", "2", "3"))
    assert page.status == 400 and "Kies hoogstens 2 opties" in page.text
    assert votes_of(served, several) == {"Noor": ("1", "3")}


async def test_statement_results_beside_the_survey_after_reveal(
    served: ServedRoom, default_deck: Deck
) -> None:
    voters = [await served.phone() for _ in range(4)]
    for n, phone in enumerate(voters):
        await phone.join(served.table.code, f"Deelnemer {n}")
    ballot = open_statement(
        served.table, default_deck, "stelling-hulp-van-burgers-zinvol", reveal="manual"
    )
    await served.settled()
    for phone, answer in zip(voters, ("Eens", "Eens", "Helemaal eens", "Oneens"), strict=True):
        await phone.open()
        await phone.submit("/stem", answer)
    page = await voters[0].open()
    assert "Je stem is geteld" in page.text and "Uitslag" not in page.text
    served.table.close(ballot)
    await served.settled()
    page = await voters[0].open()
    assert "De uitslag volgt" in page.text or "Even wachten" in page.text
    assert "50 %" not in page.text
    served.table.reveal(ballot)
    await served.settled()
    page = await voters[0].open()
    card = default_deck.get("stelling-hulp-van-burgers-zinvol")
    benchmark = card.benchmark  # type: ignore[union-attr]
    assert "De uitslag" in page.text
    assert "aan tafel (4 stemmen)" in page.text and "bevraging" in page.text
    assert "50 %" in page.text  # two of four said "eens"
    for share in benchmark.percentages:
        assert f"{share} %" in page.text
    assert "niet representatief" in page.text
    assert f"N = {benchmark.n:,}".replace(",", ".") in page.text


async def test_reload_comes_back_as_the_same_participant(served: ServedRoom) -> None:
    phone = await served.phone()
    await phone.join(served.table.code, "Ann")
    ballot = served.table.open("choice")
    await served.settled()
    await phone.open()
    await phone.submit("/stem", "Wijktafel")
    # A phone that locks and wakes, or a reload: no code, no name, the same vote.
    page = await phone.open()
    assert "Je stem is geteld" in page.text and "Wijktafel" in page.text
    assert len(served.table.store.state.participants) == 1
    assert votes_of(served, ballot) == {"Ann": ("1",)}


async def test_closed_ballot_and_wrong_code_get_a_dutch_page(served: ServedRoom) -> None:
    phone = await served.phone()
    page = await phone.join("XXXXXX", "Ann")
    assert page.status == 403 and "deelnamecode klopt niet" in page.text
    page = await phone.join(served.table.code, "Ann")
    ballot = served.table.open("choice")
    await served.settled()
    await phone.open()
    served.table.close(ballot)
    page = await phone.submit("/stem", "Wijktafel")
    assert page.status == 409 and "Stemronde gesloten" in page.text
    assert "Traceback" not in page.html and "<form" not in page.html


async def test_stale_cookie_of_another_session_asks_to_join_again(served: ServedRoom) -> None:
    phone = await served.phone()
    phone.session.cookie_jar.update_cookies(
        {PARTICIPANT_COOKIE: "andere-sessie.abcdefghijklmnopqrstuvwxyz"}
    )
    page = await phone.open()
    assert "vorige netwerktafel is afgelopen" in page.text
    assert "Deelnamecode" in page.text


async def test_anonymous_join_then_a_name_for_a_named_ballot(served: ServedRoom) -> None:
    phone = await served.phone()
    page = await phone.open()
    assert "Anoniem meedoen" not in page.text, "only while every open ballot is anonymous"
    secret = served.table.open("choice", anonymous=True)
    await served.settled()
    page = await phone.open()
    page = await phone.submit("/aanmelden", "Anoniem meedoen", fill={"code": served.table.code})
    assert page.status == 200 and "anoniem" in page.text.lower()
    await phone.submit("/stem", "Buurtsignaal")
    named = served.table.open("choice")
    await served.settled()
    page = await phone.open()
    assert "niet anoniem" in page.text
    page = await phone.submit("/naam", "Verder", fill={"naam": "Bram"})
    page = await phone.submit("/stem", "Politiecafé")
    assert votes_of(served, named) == {"Bram": ("3",)}
    # The anonymous vote still counts once, and is not asked again.
    assert len(served.table.ballot(secret).votes) == 1
    page = await phone.open()
    assert "Je stem is geteld" in page.text


async def test_beamer_link_and_qr_code_carry_the_public_address(served: ServedRoom) -> None:
    phone = await served.phone()
    page = await phone.open("/scherm")
    assert PUBLIC in page.text and served.table.code in page.text
    async with phone.session.get(phone.base + "/scherm/qr.svg") as response:
        assert response.status == 200
        assert response.content_type == "image/svg+xml"
        body = await response.read()
    # The code in the QR code is the phone address with the join code in it.
    assert body == qr_svg(f"{PUBLIC}/?code={served.table.code}")


async def test_no_opinion_is_a_button_of_its_own_and_counted_apart(
    served: ServedRoom, default_deck: Deck
) -> None:
    ann, bob = await served.phone(), await served.phone()
    await ann.join(served.table.code, "Ann")
    await bob.join(served.table.code, "Bob")
    ballot = open_statement(
        served.table, default_deck, "stelling-hulp-van-burgers-zinvol", no_opinion=True
    )
    await served.settled()
    page = await ann.open()
    assert "Geen mening" in page.text
    await ann.submit("/stem", "Geen mening")
    await bob.open()
    page = await bob.submit("/stem", "Helemaal eens")
    assert votes_of(served, ballot) == {"Ann": ("geen-mening",), "Bob": ("5",)}
    page = await ann.open()
    assert "Je stem is geteld" in page.text and "Geen mening" in page.text
    # Shown at once (the default): one of one answer is "helemaal eens", Ann apart.
    assert "100 %" in page.text
    assert "Geen mening: 1 deelnemer, apart geteld" in page.text


async def test_a_phone_that_lost_its_cookie_cannot_take_a_name_in_use(
    served: ServedRoom,
) -> None:
    phone = await served.phone()
    await phone.join(served.table.code, "Ann")
    ballot = served.table.open("choice")
    await served.settled()
    await phone.open()
    await phone.submit("/stem", "Wijktafel")
    stranger = await served.phone()
    page = await stranger.join(served.table.code, " ANN ")
    assert page.status == 400 and "Deze naam is al in gebruik" in page.text
    # The phone that still has its cookie is Ann, with her vote.
    page = await phone.open()
    assert "Je stem is geteld" in page.text
    assert votes_of(served, ballot) == {"Ann": ("1",)}


async def test_consent_with_a_reason_and_the_reasons_without_names(served: ServedRoom) -> None:
    from game.engine import commands as c

    table = served.table
    table.store.submit(
        c.OpenBallot("consent", "proposal", options=("Elke maand een wijktafel",)),
        table.facilitator,
    )
    await served.settled()
    ann, bob = await served.phone(), await served.phone()
    await ann.join(table.code, "Ann")
    await bob.join(table.code, "Bob")
    page = await ann.open()
    assert "Elke maand een wijktafel" in page.text
    assert "verplicht bij bezwaar en blokkeren" in page.text
    page = await ann.submit("/stem", "blokkeren")
    assert page.status == 400 and "hoort een reden" in page.text
    assert votes_of(served, "b1") == {}
    page = await ann.submit("/stem", "blokkeren", fill={"toelichting": "te duur voor dit jaar"})
    assert "Je stem is geteld" in page.text
    await bob.open()
    await bob.submit("/stem", "akkoord")
    assert votes_of(served, "b1") == {"Ann": ("blokkeren",), "Bob": ("akkoord",)}
    beamer = await bob.open("/scherm")
    assert "te duur voor dit jaar" in beamer.text and "Geblokkeerd" in beamer.text
    assert "Ann" not in beamer.text
