"""Cards printed in French carry no Dutch label: read back from the PDF, against the catalogue.

The default deck is printed in French, and every word of the PDF is checked against the
Dutch label vocabulary: the words of the Dutch msgids of the modules that write on a card,
less the words of their French translations. Printed again with a filler as every French
text, only our own labels could bring Dutch words onto the sheet.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_file
from pydantic import BaseModel

from catalogue import translation
from deck import Deck, default_deck_path, load_deck
from deck.model import Benchmark
from deck.text import Text
from print.imposition import Backs, PrintLayout
from print.sheets import render_cards
from tests.cli_inprocess import invoke
from tests.pdf_reading import pdf_pages

ROOT = Path(__file__).resolve().parents[2]
CARD_WRITERS = (
    "deck/card_content.py",
    "deck/survey.py",
    "deck/phases.py",
    "deck/role_groups.py",
    "print/sheets.py",
    "print/card_back.py",
    "print/card_face.py",
    "print/survey_bar.py",
)
"""Every module whose words reach a printed card."""
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
WORD = re.compile(r"[^\W\d_]+")
FILLER = "lorem"


def words(text: str) -> set[str]:
    """The words of `text`, lower case, placeholders left out."""
    return {word.lower() for word in WORD.findall(re.sub(r"\{\w+\}", " ", text))}


@cache
def dutch_label_words() -> frozenset[str]:
    """Words that only a Dutch label of ours would put on a card."""
    french = translation("fr")
    dutch: set[str] = set()
    translated: set[str] = set()
    for module in CARD_WRITERS:
        for _, message, _, _ in extract_from_file("python", ROOT / module, keywords=KEYWORDS):
            for msgid in [message] if isinstance(message, str) else message:
                dutch |= words(msgid)
                translated |= words(french.gettext(msgid))
    return frozenset(dutch - translated)


def in_french(value: Any) -> Any:
    """`value` with a French side on every deck text: the filler, as many words long."""
    if isinstance(value, Text):
        dutch = value.in_language("nl")
        return Text({"nl": dutch, "fr": " ".join([FILLER] * len(dutch.split()))})
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        return value.model_copy(update={name: in_french(getattr(value, name)) for name in fields})
    if isinstance(value, tuple):
        return tuple(in_french(item) for item in value)
    if isinstance(value, dict):
        return {key: in_french(item) for key, item in value.items()}
    return value


def kept_as_written(value: Any) -> set[str]:
    """Words of the deck's plain strings (a source's title, an author): printed as written."""
    if isinstance(value, Text | Benchmark):
        # A benchmark's table (`Tabel 4`) is a label of ours in the deck, translated.
        return set()
    if isinstance(value, str):
        return words(value)
    if isinstance(value, BaseModel):
        return set().union(*(kept_as_written(getattr(value, n)) for n in type(value).model_fields))
    if isinstance(value, tuple | list):
        return set().union(*(kept_as_written(item) for item in value))
    return set()


def pdf_words(data: bytes) -> set[str]:
    """The words printed on the cards, read in drawing order (`pdf_pages`)."""
    return set().union(*(words(page) for page in pdf_pages(data)))


def test_the_vocabulary_holds_the_labels_the_issue_names() -> None:
    # Doel, Methode, Thema, Doelgroep, Antwoord op, Bron:, Mijn belang, Zo antwoordden de
    # inwoners, oneens/eens, Beleidsvorming: the check below would miss none of them.
    named = {"doel", "methode", "thema", "doelgroep", "antwoord", "bron", "mijn", "belang"}
    named |= {"antwoordden", "oneens", "eens", "beleidsvorming"}
    assert named <= dutch_label_words()


FRONTS = PrintLayout(backs=Backs.NONE)
"""Backs carry only the deck's texts (type label, title): fronts are enough and halve it."""


@pytest.mark.slow
def test_every_card_of_the_default_deck_prints_in_french_without_a_dutch_label() -> None:
    deck = load_deck(default_deck_path())
    data, summary = render_cards(deck, deck.cards, FRONTS, language="fr")
    assert summary.cards == len(deck.cards)
    printed = pdf_words(data)
    assert {"objectif", "source", "enquête", "thème"} <= printed
    left = (printed & dutch_label_words()) - kept_as_written(deck.cards)
    assert not left, f"Dutch labels on the French cards: {sorted(left)}"


def test_our_labels_alone_carry_no_dutch() -> None:
    # The deck's French might hide a label's word; with a filler as every French text,
    # only our labels can bring Dutch. A third of the deck holds every kind of card.
    deck = load_deck(default_deck_path())
    french = Deck(in_french(deck.manifest), in_french(deck.cards[::3]))
    assert {type(card) for card in french.cards} == {type(card) for card in deck.cards}
    data, _ = render_cards(french, french.cards, FRONTS, language="fr")
    printed = pdf_words(data)
    assert FILLER in printed and "objectif" in printed
    left = (printed & dutch_label_words()) - kept_as_written(deck.cards)
    assert not left, f"Dutch labels on the French cards: {sorted(left)}"


def test_the_same_cards_in_dutch_carry_the_dutch_labels() -> None:
    # The check can fail: the Dutch print of the same deck is full of these words.
    deck = load_deck(default_deck_path())
    french = Deck(in_french(deck.manifest), in_french(deck.cards))
    data, _ = render_cards(french, french.cards[:18], FRONTS, language="nl")
    assert {"doel", "methode", "doelgroep", "bron"} <= pdf_words(data) & dutch_label_words()


def test_print_cards_with_taal_fr_prints_french_labels(tmp_path: Path) -> None:
    target = tmp_path / "cartes.pdf"
    one_of_each = ("--id", "buurtvaders", "--id", "stelling-anderen-helpen", "--backs", "none")
    outcome = invoke("print", "cards", *one_of_each, "-o", target, "--taal", "fr")
    assert outcome.code == 0, outcome.stderr
    assert "écrit" in outcome.stdout and "Imprimez en taille réelle" in outcome.stdout
    printed = pdf_words(target.read_bytes())
    assert {"objectif", "méthode", "thème", "public", "cible", "enquête"} <= printed
    dutch = invoke("print", "cards", *one_of_each, "-o", tmp_path / "nl.pdf")
    assert "geschreven" in dutch.stdout
