"""The terminal card panel says what the printed card says, with titles, never raw ids."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from deck import default_deck_path, load_deck
from deck.card_content import content_of
from deck.role_groups import role_groups
from game.card_panels import card_panel
from game.card_summary import summary

DECK = load_deck(default_deck_path())
SLUGS = {
    slug
    for slug in (
        *(card.id for card in DECK.cards),
        *DECK.manifest.themes,
        *DECK.manifest.audiences,
        *role_groups(DECK.manifest),
    )
    if "-" in slug
}
"""Ids and keys a reader would notice as code: one-word ones are ordinary Dutch words."""


def panel_text(card_id: str, width: int = 200) -> str:
    """The panel of one card as plain text, one line per paragraph at a wide width."""
    card = DECK.get(card_id)
    assert card is not None
    console = Console(width=width, record=True, color_system=None)
    console.print(card_panel(DECK, card))
    return console.export_text()


def flat(text: str) -> str:
    """Text without the panel's borders and line breaks."""
    return " ".join(text.replace("│", " ").split())


def test_an_example_card_names_concerns_form_and_phase_by_their_titles() -> None:
    text = flat(panel_text("buurtvaders"))
    assert "Antwoord op: Algemeen belang, Efficiëntie" in text
    assert "Meedoen · Bemiddelen · Beleidsuitvoering" in text
    assert "algemeen-belang" not in text and "beleidsuitvoering" not in text


def test_a_role_card_names_its_group() -> None:
    text = flat(panel_text("burgemeester"))
    assert "Stad of gemeente" in text and "stad-gemeente" not in text


@pytest.mark.parametrize("card", DECK.cards, ids=lambda card: card.id)
def test_every_card_shows_all_its_printed_text_and_no_slug(card) -> None:  # type: ignore[no-untyped-def]
    content = content_of(DECK, card)
    text = flat(panel_text(card.id, width=400))
    for piece in content.body:
        assert " ".join(piece.text.split()) in text, piece.path
    assert content.title in text and " ".join(content.kicker.split()) in text
    assert " ".join(content.foot.split()) in text
    words = set(re.sub(r"https?://\S+", "", text).replace(",", " ").split())
    assert not words & SLUGS, "a raw id or slug on the panel"


def test_list_summaries_use_titles_too() -> None:
    lines = {card.id: summary(DECK, card) for card in DECK.cards}
    assert lines["buurtvaders"] == "Bemiddelen · Beleidsuitvoering"
    assert lines["burgemeester"] == "Stad of gemeente"
    assert lines["bereidheid-opsporing"].endswith("% niet, 46% wel")


def test_french_survey_shares_keep_the_space_before_the_percent_sign() -> None:
    # The French summary and panel read '6% pas d'accord': the sign was written by hand.
    card = DECK.get("bereidheid-opsporing")
    assert card is not None
    assert summary(DECK, card, "fr").endswith("\u00a0% pas prêts, 46\u00a0% prêts")
    console = Console(width=200, record=True, color_system=None)
    console.print(card_panel(DECK, card, "fr"))
    french = console.export_text()
    assert "46\u00a0% prêts" in french and not re.search(r"\d%", french), french
    assert summary(DECK, card, "nl").endswith("% niet, 46% wel")
