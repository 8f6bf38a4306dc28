"""Every card of the default deck rests on the five source documents, and says which.

`SOURCE_URLS` is the list of web addresses that occur in the source documents (the seeds in
`../shared/seeds/`), each with the document it comes from. A card may cite only these: an
address from anywhere else is a fact the research does not hold.
"""

from __future__ import annotations

import pytest
from rich.console import Console

from deck import default_deck_path, load_deck
from deck.card_content import content_of
from deck.loaded_deck import Deck
from deck.model import ConcernCard, ExampleCard
from game.card_panels import card_panel

SLIDES = "002 presentatie 'Burgerparticipatie in lokale veiligheid: wat, waarom, hoe?'"
SOURCE_URLS: dict[str, str] = {
    "https://www.vives.be/nl/onderzoek/sociale-innovatie/"
    "burgerparticipatie-lokale-veiligheidszorg": SLIDES,
    "https://www.besafe.be/nl/veiligheidsthemas/burgerparticipatie": SLIDES,
    "https://www.besafe.be/sites/default/files/2021-04/executive_summary_bin_nl_def.pdf": SLIDES,
    "https://www.politieacademie.nl/kennisenonderzoek/Onderzoek/Documents/"
    "19433%20191211%20DEF%20Boek%20Anne%20Faber%20DI.PDF": SLIDES,
    "https://youtu.be/ycuEPc2pOqg": SLIDES,
    "https://www.formyblock.org/youthledtours": SLIDES,
    "https://www.youtube.com/watch?app=desktop&v=Bsk6kRhOFtY": SLIDES,
    "https://www.slechtnieuws.nl/#intro": SLIDES,
    "https://www.kortrijk.be/preventieteam/VIK": SLIDES,
    "https://www.lomap.be/": SLIDES,
}

NOT_IN_THE_SOURCES = (
    # Details a reader of the deck found in none of the five documents (issue 13).
    "Borgerhout",
    "Nederlandse politie",
    "tv-programma",
    "Haagse proeftuin",
    "bestuurlijke politie",
    "babbeltruc",
    "omzet ",
    "JES, KRAS",
    "Politie (Nederland)",
    "Dorpsignaal",
    "signal crimes",
    "Amerikaanse steden",
    "laatste ronde",
)


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(default_deck_path())


def test_every_card_cites_a_source(deck: Deck) -> None:
    assert [card.id for card in deck.cards if not card.sources] == []


def test_every_url_is_one_of_the_sources(deck: Deck) -> None:
    for card in deck.cards:
        for source in card.sources:
            if source.url is not None:
                assert source.url in SOURCE_URLS, f"{card.id}: {source.url}"


def test_no_detail_the_sources_do_not_hold(deck: Deck) -> None:
    for card in deck.cards:
        written = card.model_dump_json()
        for phrase in NOT_IN_THE_SOURCES:
            assert phrase not in written, f"{card.id}: {phrase!r}"


def test_wijkbabbels_is_direct_inspraak(deck: Deck) -> None:
    # The summary names wijkbabbels among the ways citizens get "directer inspraak".
    card = deck.get("wijkbabbels")
    assert isinstance(card, ExampleCard)
    assert (card.form, card.subform, card.phase) == ("meepraten", "inspraak", "beleidsvorming")


def test_conflict_is_the_answer_not_the_worry(deck: Deck) -> None:
    # The slides put "Burgerparticipatie is conflict" under the answer to the fear of failure.
    card = deck.get("efficientie")
    assert isinstance(card, ConcernCard)
    assert "is conflict" not in str(card.worry)
    assert "Burgerparticipatie is conflict" in str(card.answer)
    assert "falen en conflict" in str(card.worry)


def test_the_tip_of_the_iceberg_is_the_authors_summary(deck: Deck) -> None:
    card = deck.get("effectiviteit")
    assert isinstance(card, ConcernCard)
    assert not any("ijsberg" in str(quote) for quote in card.quotes)
    assert "onderzoekers" in str(card.text) and "ijsberg" in str(card.text)


def test_paraphrases_are_never_shown_as_quotations(deck: Deck) -> None:
    for card in deck.of_type(ConcernCard):
        printed = content_of(deck, card)
        assert all(piece.kind != "quote" for piece in printed.body), card.id
        console = Console(width=120, record=True)
        console.print(card_panel(deck, card))
        shown = console.export_text()
        assert "(parafrase)" in shown
        assert "“" not in shown and "”" not in shown, card.id
