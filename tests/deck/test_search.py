"""Searching the inspiratiebank."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from deck import load_deck
from deck.model import ExampleCard
from deck.search import ExampleIndex, ExampleQuery, fold
from tests.deck.conftest import EXAMPLES, FORMS, MANIFEST, DeckWriter

SECOND = """\
- id: politiecafe
  type: voorbeeld
  title: Politiecafé
  text: Een avond in een café waar bewoners de wijkagent ontmoeten.
  form: meedoen
  subform: signaleren
  phase: beleidsuitvoering
  goal: Drempels verlagen.
  themes: [verkeer]
  method: Informeel gesprek
  audiences: [buurtbewoners]
"""


def index(write_deck: DeckWriter) -> ExampleIndex:
    return ExampleIndex(load_deck(write_deck(examples=EXAMPLES + SECOND)))


def ids(found: list[ExampleCard]) -> list[str]:
    return [card.id for card in found]


def test_empty_query_returns_every_example_in_deck_order(write_deck: DeckWriter) -> None:
    assert ids(index(write_deck).search(ExampleQuery())) == ["buurtvaders", "politiecafe"]


def test_text_ignores_case_and_accents(write_deck: DeckWriter) -> None:
    bank = index(write_deck)
    assert ids(bank.search(ExampleQuery(text="CAFE"))) == ["politiecafe"]
    assert ids(bank.search(ExampleQuery(text="café wijkagent"))) == ["politiecafe"]
    assert ids(bank.search(ExampleQuery(text="café jongeren"))) == []


def test_text_finds_theme_and_audience_labels(write_deck: DeckWriter) -> None:
    bank = index(write_deck)
    assert ids(bank.search(ExampleQuery(text="buurtbewoners"))) == ["politiecafe"]
    assert ids(bank.search(ExampleQuery(text="overlast"))) == ["buurtvaders"]


def test_filters_combine(write_deck: DeckWriter) -> None:
    bank = index(write_deck)
    assert ids(bank.search(ExampleQuery(subform="signaleren"))) == ["politiecafe"]
    assert ids(bank.search(ExampleQuery(form="meedoen", audience="jongeren"))) == ["buurtvaders"]
    assert ids(bank.search(ExampleQuery(theme="verkeer", phase="beleidsvorming"))) == []
    assert ids(bank.search(ExampleQuery(answers="efficientie"))) == ["buurtvaders"]


def test_fold() -> None:
    assert fold("Efficiëntie en Café") == "efficientie en cafe"


@given(text=st.text(max_size=30))
def test_any_text_gives_a_subset_in_order(text: str) -> None:
    bank = _BANK
    found = ids(bank.search(ExampleQuery(text=text)))
    every = ids(bank.search(ExampleQuery()))
    assert found == [card_id for card_id in every if card_id in found]


def _fixture_bank() -> ExampleIndex:
    folder = Path(tempfile.mkdtemp())
    (folder / "deck.yaml").write_text(MANIFEST, encoding="utf-8")
    (folder / "vormen.yaml").write_text(FORMS, encoding="utf-8")
    (folder / "voorbeelden.yaml").write_text(EXAMPLES + SECOND, encoding="utf-8")
    return ExampleIndex(load_deck(folder))


_BANK = _fixture_bank()
