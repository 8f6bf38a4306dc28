"""Survey figures always say whose answers they are: the sample, and the item's own N.

The survey behind the statement and willingness cards was not a random sample: the summary
says its results can "onder geen beding" be generalised to all residents. These tests hold
every place that shows survey figures — printed cards, the terminal panels, the workshop
texts and the card prose — to the one wording of `deck.survey`.
"""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from catalogue import use_language
from deck import default_deck_path, load_deck
from deck.card_content import content_of
from deck.loaded_deck import Deck
from deck.model import CardBase, StatementCard, WillingnessCard
from deck.survey import (
    SAMPLE,
    SAMPLE_SIZE,
    percent,
    survey_label,
    survey_n,
    survey_note,
    survey_sample,
    thousands,
    translation_note,
)
from deck.text import Text
from game.card_panels import card_panel
from tests.cli_inprocess import invoke
from tests.seed_figures import MUNICIPALITIES, OTHER_SURVEY_NS, STATEMENTS, TASKS
from tests.seed_figures import SAMPLE_SIZE as SEED_SAMPLE_SIZE
from workshops import builtin_workshops

DUTCH_NUMBERS = {10: "tien"}


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(default_deck_path())


def survey_cards() -> list[str]:
    default = load_deck(default_deck_path())
    return [card.id for card in default.cards if isinstance(card, StatementCard | WillingnessCard)]


def test_the_sample_is_the_summarys() -> None:
    assert SAMPLE_SIZE == SEED_SAMPLE_SIZE
    assert SAMPLE.startswith(f"{thousands(SEED_SAMPLE_SIZE)} inwoners van ")
    assert f"van {DUTCH_NUMBERS[MUNICIPALITIES]} Vlaamse gemeenten" in SAMPLE
    assert SAMPLE.endswith("niet representatief")
    assert survey_sample() == SAMPLE


def test_the_wording_of_one_item() -> None:
    assert survey_n(1042) == "N = 1.042"
    assert survey_n(None) == ""
    assert survey_label(1201) == "bevraging, N = 1.201"
    assert survey_label(None) == "bevraging"
    note = survey_note(1201, "Tabel 4")
    assert note == f"Bevraging (Tabel 4), N = 1.201: antwoorden van {SAMPLE}."
    assert survey_note(None) == f"Bevraging: antwoorden van {SAMPLE}."


def test_every_item_n_is_within_the_sample() -> None:
    ns = [row[2] for row in STATEMENTS] + [row[2] for row in TASKS]
    assert min(ns) == 1042 and max(ns) == 1201
    assert all(n <= SAMPLE_SIZE for n in ns)


@pytest.mark.parametrize("card_id", survey_cards())
def test_a_survey_card_names_the_sample_and_its_n(deck: Deck, card_id: str) -> None:
    card = deck.get(card_id)
    assert isinstance(card, StatementCard | WillingnessCard)
    assert card.benchmark is not None
    n = survey_n(card.benchmark.n)
    printed = content_of(deck, card)
    printed_text = " ".join([printed.kicker, *(piece.text for piece in printed.body)])
    assert SAMPLE in printed_text and n in printed.kicker
    console = Console(width=200, record=True)
    console.print(card_panel(deck, card))
    shown = console.export_text()
    assert survey_note(card.benchmark.n, card.benchmark.table) in shown


SURVEY_FIGURE = re.compile(r"\d+%")


def test_card_prose_with_survey_figures_names_respondents_and_n(deck: Deck) -> None:
    """A survey percentage reads "van de bevraagde inwoners (N = …)", never "de inwoners"."""
    allowed_ns = {row[2] for row in STATEMENTS} | {row[2] for row in TASKS}
    allowed_ns |= set(OTHER_SURVEY_NS.values())
    checked = 0
    for card in deck.cards:
        if isinstance(card, StatementCard | WillingnessCard):
            continue
        text = " ".join(str(card.text).split())
        if not SURVEY_FIGURE.search(text) or not any(
            "vives" in (source.author or "").lower() or "vives" in (source.url or "")
            for source in card.sources
        ):
            continue
        checked += 1
        assert "bevraagde" in text, card.id
        assert "van de inwoners" not in text, card.id
        ns = [int(n.replace(".", "")) for n in re.findall(r"N = ([\d.]+)", text)]
        assert ns, f"{card.id}: een percentage uit de bevraging zonder N"
        assert set(ns) <= allowed_ns, card.id
        french = " ".join(card.text.in_language("fr").split())
        assert "interrogés" in french, card.id
    assert checked >= 10


def _translation_notes(deck: Deck, card: CardBase, language: str) -> list[tuple[str, str]]:
    labels = {translation_note("nl", code)[0] for code in ("nl", "fr", "en")}
    body = content_of(deck, card, language).body
    return [(p.label, p.text) for p in body if p.label in labels]


def test_the_translation_note_reads_in_the_language_shown() -> None:
    assert translation_note("nl", "fr") == ("Traduction", "du questionnaire néerlandophone")
    assert translation_note("fr", "nl") == ("Vertaling", "uit de Franstalige vragenlijst")
    # A deck may be written in a language the product does not speak: the Dutch wording.
    assert translation_note("nl", "en") == ("Vertaling", "uit de Nederlandstalige vragenlijst")


@pytest.mark.parametrize("card_id", survey_cards())
def test_a_survey_item_shown_in_french_says_it_is_a_translation(deck: Deck, card_id: str) -> None:
    card = deck.get(card_id)
    assert card is not None
    assert _translation_notes(deck, card, "fr") == [
        ("Traduction", "du questionnaire néerlandophone")
    ]
    assert _translation_notes(deck, card, "nl") == []


def test_the_note_follows_the_language_the_survey_asked_in(deck: Deck) -> None:
    card = deck.get("stelling-anderen-helpen")
    assert isinstance(card, StatementCard) and card.benchmark is not None
    asked_in_french = card.model_copy(
        update={"benchmark": card.benchmark.model_copy(update={"language": "fr"})}
    )
    assert _translation_notes(deck, asked_in_french, "fr") == []
    assert _translation_notes(deck, asked_in_french, "nl") == [
        ("Vertaling", "uit de Franstalige vragenlijst")
    ]
    # A card without French falls back to the wording that was asked: no translation to mark.
    dutch_only = card.model_copy(
        update={"text": Text("Ik vind het belangrijk om anderen te helpen")}
    )
    assert _translation_notes(deck, dutch_only, "fr") == []


def test_workshop_texts_name_the_sample() -> None:
    for workshop in builtin_workshops().values():
        texts = [str(workshop.description)] + [str(r.instructions) for r in workshop.rounds]
        for text in texts:
            flat = " ".join(text.split())
            assert "1.219 bewoners" not in flat and "de bewoners" not in flat, workshop.id
            if "naast" in flat and "bevraging" in flat:
                assert SAMPLE in flat, (workshop.id, flat[:80])


def test_deck_show_in_french_says_the_item_is_a_translation() -> None:
    try:
        french = invoke("--taal", "fr", "deck", "show", "stelling-anderen-helpen")
        dutch = invoke("--taal", "nl", "deck", "show", "stelling-anderen-helpen")
    finally:
        use_language("nl")
    assert french.code == 0, french.stderr
    assert "Je trouve important d'aider les autres" in french.stdout
    assert "Traduction\xa0: du questionnaire néerlandophone" in french.stdout
    assert dutch.code == 0, dutch.stderr
    assert "Ik vind het belangrijk om anderen te helpen" in dutch.stdout
    assert "Vertaling" not in dutch.stdout and "Traduction" not in dutch.stdout


def test_a_statement_is_quoted_the_way_its_language_quotes(deck: Deck) -> None:
    card = deck.get("stelling-anderen-helpen")
    assert card is not None

    def statement(language: str) -> str:
        body = content_of(deck, card, language).body
        return next(piece.text for piece in body if piece.kind == "statement")

    assert statement("nl") == "“Ik vind het belangrijk om anderen te helpen”"
    assert statement("fr") == "«\u00a0Je trouve important d'aider les autres\u00a0»"


def test_a_share_is_written_the_readers_way() -> None:
    assert percent("19,4", "nl") == "19,4 %" and percent(6, "nl", narrow=True) == "6%"
    assert percent("19,4", "fr") == percent("19,4", "fr", narrow=True) == "19,4\u00a0%"
