"""A bilingual table: each phone chooses its own language, and all vote on one ballot.

The room speaks the language of `serve` until a phone taps "Français" or "Nederlands"
(kept in a cookie); the engine's refusals reach each phone in that phone's language.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from catalogue import use_language
from deck import Deck
from game.engine import commands as c
from game.web.language import LANGUAGE_COOKIE
from tests.web.conftest import Phone, ServedRoom, open_statement


@pytest.fixture(autouse=True)
def dutch_room() -> Iterator[None]:
    use_language("nl")
    yield
    use_language("nl")


async def french_phone(served: ServedRoom) -> Phone:
    phone = await served.phone()
    page = await phone.open("/taal/fr?naar=gsm")
    assert page.status == 200 and page.url.endswith("/")
    assert phone.cookie(LANGUAGE_COOKIE) == "fr"
    return phone


async def test_a_phone_switches_to_french_and_keeps_it(served: ServedRoom) -> None:
    dutch = await served.phone()
    page = await dutch.open()
    assert 'lang="nl"' in page.html and "Meedoen aan de netwerktafel" in page.text
    assert "Français" in page.text
    french = await french_phone(served)
    page = french.page
    assert 'lang="fr"' in page.html
    assert "Participer à la table de concertation" in page.text
    assert "Votre prénom" in page.text and "Nederlands" in page.text
    page = await french.submit(
        "/aanmelden", "Participer", fill={"code": served.table.code, "naam": "Chloé"}
    )
    assert "Un instant" in page.text and "Vous êtes inscrit comme Chloé" in page.text
    assert "Meedoen" in (await dutch.open()).text, "one phone's choice is its own"


async def test_a_bilingual_table_votes_on_one_ballot(served: ServedRoom) -> None:
    table = served.table
    table.store.submit(
        c.OpenBallot("consent", "proposal", options=("Elke maand een wijktafel",)),
        table.facilitator,
    )
    await served.settled()
    chloe, ann = await french_phone(served), await served.phone()
    await chloe.submit("/aanmelden", "Participer", fill={"code": table.code, "naam": "Chloé"})
    await ann.join(table.code, "Ann")
    page = await chloe.open()
    assert "Consentez-vous à cette proposition ?" in page.text
    assert "objection" in page.text and "blocage" in page.text
    refused = await chloe.submit("/stem", "blocage")
    assert refused.status == 400
    assert "Dites pourquoi vous choisissez « blocage »" in refused.text
    page = await ann.open()
    refused = await ann.submit("/stem", "blokkeren")
    assert "Zeg waarom je 'blokkeren' kiest" in refused.text
    page = await chloe.submit("/stem", "blocage", fill={"toelichting": "trop cher"})
    assert "Votre vote a été compté." in page.text
    page = await ann.submit("/stem", "akkoord")
    assert "Je stem is geteld." in page.text
    ballot = table.ballot("b1")
    assert sorted(vote.choices for vote in ballot.votes.values()) == [
        ("akkoord",),
        ("blokkeren",),
    ]


async def test_the_beamer_follows_serve_or_its_own_switch(served: ServedRoom) -> None:
    screen = await served.phone()
    page = await screen.open("/scherm")
    assert "Stem mee op je gsm" in page.text and "Français" in page.text
    page = await screen.open("/taal/fr?naar=scherm")
    print(page.text)
    assert page.url.endswith("/scherm")
    assert "Votez sur votre GSM" in page.text and "Code de participation" in page.text
    use_language("fr")  # `serve --taal fr`: a browser that chose nothing reads French
    page = await (await served.phone()).open("/scherm")
    assert "Votez sur votre GSM" in page.text


async def test_an_unknown_language_is_not_found(served: ServedRoom) -> None:
    phone = await served.phone()
    page = await phone.open("/taal/de")
    assert page.status == 404 and phone.cookie(LANGUAGE_COOKIE) is None


async def test_each_phone_reads_the_result_in_its_own_language(
    served: ServedRoom, default_deck: Deck
) -> None:
    table = served.table
    chloe, ann = await french_phone(served), await served.phone()
    await chloe.submit("/aanmelden", "Participer", fill={"code": table.code, "naam": "Chloé"})
    await ann.join(table.code, "Ann")
    ballot = open_statement(table, default_deck, "stelling-hulp-van-burgers-zinvol")
    await served.settled()
    await chloe.open()
    await chloe.submit("/stem", "D'accord")
    await ann.open()
    await ann.submit("/stem", "Helemaal oneens")
    table.close(ballot)
    await served.settled()
    french = (await chloe.open()).text.replace("\u00a0", " ")
    assert "Pas du tout d'accord" in french and "à la table (2 votes)" in french
    assert "À la table, 50 % pas d'accord et 50 % d'accord, moyenne de 2,5 sur 5." in french
    assert "non représentatif" in french
    for dutch_word in ("Aan tafel", "gemiddeld", "oneens", "bevraging", "stemmen"):
        assert dutch_word not in french, dutch_word
    dutch = (await ann.open()).text
    assert "Aan tafel 50 % oneens en 50 % eens, gemiddeld 2,5 op 5." in dutch
    assert "Helemaal oneens" in dutch and "moyenne" not in dutch


async def test_the_french_beamer_shows_the_result_in_french(served: ServedRoom) -> None:
    table = served.table
    ann = await served.phone()
    await ann.join(table.code, "Ann")
    ballot = table.open("dots", dots=2, options=("Verlichting", "Banken"))
    await served.settled()
    await ann.open()
    await ann.submit("/stem", name="plus", value="1")
    await ann.submit("/stem", name="plus", value="1")
    await ann.submit("/stem", "Stem")
    table.close(ballot)
    await served.settled()
    screen = await served.phone()
    text = (await screen.open("/taal/fr?naar=scherm")).text.replace("\u00a0", " ")
    assert "Verlichting 2 gommettes · 100 % Banken 0 gommette · 0 %" in text
    assert "1 participant a voté (2 gommettes)" in text and "clôturé" in text
    assert "stippen" not in text and "gesloten" not in text


async def test_a_french_phone_and_beamer_name_the_approaches_in_french(
    served: ServedRoom, default_deck: Deck
) -> None:
    table = served.table
    me = table.facilitator
    table.store.submit(c.AddStakeholder("korpschef"), me, deck=default_deck)
    table.store.submit(c.AddStakeholder("burgemeester", "Els Vermeulen"), me, deck=default_deck)
    s1, s2 = list(table.store.state.stakeholders)
    table.store.submit(c.RecordApproach(s1, "politiecafe", ""), me, deck=default_deck)
    table.store.submit(c.RecordApproach(s2, "wijktafel", ""), me, deck=default_deck)
    table.store.submit(c.OpenBallot("dots", "approaches", reveal="immediately"), me)
    await served.settled()
    chloe = await french_phone(served)
    page = await chloe.submit(
        "/aanmelden", "Participer", fill={"code": table.code, "naam": "Chloé"}
    )
    assert "Café police (Chef de corps)" in page.text and "Politiecafé" not in page.text
    assert "Vote sur les approches" in page.text and "Stemming" not in page.text
    await chloe.submit("/stem", name="plus", value="1")
    await chloe.submit("/stem", "Voter")
    screen = await served.phone()
    beamer = (await screen.open("/taal/fr?naar=scherm")).text
    assert "Café police" in beamer and "Chef de corps" in beamer
    assert "Politiecafé" not in beamer and "Korpschef" not in beamer
    dutch = (await (await served.phone()).open("/scherm")).text
    assert "Politiecafé" in dutch and "Korpschef" in dutch


async def test_a_french_phone_reads_a_dilemma_in_french(
    served: ServedRoom, default_deck: Deck
) -> None:
    table = served.table
    table.store.submit(
        c.OpenBallot("choice", "dilemma", dilemma_id="regisseren-of-faciliteren"),
        table.facilitator,
        deck=default_deck,
    )
    await served.settled()
    chloe = await french_phone(served)
    page = await chloe.submit(
        "/aanmelden", "Participer", fill={"code": table.code, "naam": "Chloé"}
    )
    assert "La commune prend-elle les commandes de cette initiative citoyenne" in page.text
    assert "Piloter" in page.text and "Regisseren" not in page.text


async def test_the_switch_keeps_the_join_code_of_the_qr_link(served: ServedRoom) -> None:
    """A participant who scans the QR code and then picks a language does not type the code."""
    phone = await served.phone()
    code = served.table.code
    page = await phone.open(f"/?code={code}")
    assert f"/taal/fr?naar=gsm&amp;code={code}" in page.html
    page = await phone.open(f"/taal/fr?naar=gsm&code={code}")
    assert page.url.endswith(f"/?code={code}") and "Votre prénom" in page.text
    assert f'name="code" value="{code}"' in page.html
    page = await phone.open(f"/taal/nl?naar=gsm&code={code}%0d%0aSet-Cookie:%20x=1")
    assert page.url.endswith("/") and 'name="code" value=""' in page.html, "only a join code"
    page = await phone.open(f"/taal/fr?naar=scherm&code={code}")
    assert page.url.endswith("/scherm")
