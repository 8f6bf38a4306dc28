"""The default deck: it loads, it is complete, and its survey figures match the source.

The survey figures are compared with `tests/seed_figures.py`, a table transcribed separately
from the research summary, so a typo on either side fails the suite.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from deck import default_deck_path
from deck.loaded_deck import Deck
from deck.loader import load_deck
from deck.model import (
    ConceptCard,
    ConcernCard,
    DilemmaCard,
    ExampleCard,
    FormCard,
    RoleCard,
    StatementCard,
    TipCard,
    WillingnessCard,
)
from deck.references import texts_in
from deck.text import Text
from tests.seed_figures import STATEMENTS, TASKS

TABLE_1 = {
    "burgemeester": 9,
    "gemeenteraadslid-schepen": 8,
    "ambtenaar-preventie": 19,
    "korpschef": 6,
    "commissaris": 10,
    "hulpverleningszone": 5,
}
SUBFORMS = {
    "transparantie": {"informeren", "communiceren"},
    "meepraten": {"inspraak", "meebeslissen"},
    "meedoen": {"signaleren", "bemiddelen"},
}
CONCERNS = {"algemeen-belang", "efficientie", "effectiviteit"}


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(default_deck_path())


def test_default_deck_validates(deck: Deck) -> None:
    assert deck.manifest.id == "burgers-als-partners"
    assert deck.manifest.language == "nl"
    assert set(deck.manifest.types) == {
        "begrip",
        "vorm",
        "voorbeeld",
        "bezorgdheid",
        "tip",
        "stelling",
        "bereidheid",
        "rol",
        "dilemma",
    }
    assert len({card.id for card in deck.cards}) == len(deck.cards)


def test_forms_and_subforms(deck: Deck) -> None:
    forms = {form.id: form for form in deck.of_type(FormCard)}
    assert set(forms) == set(SUBFORMS)
    for form_id, subs in SUBFORMS.items():
        assert {sub.id for sub in forms[form_id].subforms} == subs
    assert forms["meepraten"].phase == "beleidsvorming"
    assert forms["meedoen"].phase == "beleidsuitvoering"
    assert forms["transparantie"].phase is None
    assert forms["transparantie"].conditions
    assert any("Myhill" in (source.author or "") for source in forms["transparantie"].sources)


def test_examples_cover_every_subform(deck: Deck) -> None:
    examples = deck.of_type(ExampleCard)
    assert len(examples) >= 40
    per_subform = Counter(example.subform for example in examples)
    for subs in SUBFORMS.values():
        for sub in subs:
            assert per_subform[sub] >= 5, f"te weinig voorbeelden voor {sub}"
    for example in examples:
        assert example.subform in SUBFORMS[example.form], example.id
        assert example.phase in ("beleidsvorming", "beleidsuitvoering")
        assert str(example.goal).strip() and str(example.method).strip(), example.id
        assert str(example.text).strip(), example.id
        assert example.themes and example.audiences, example.id
        assert example.sources, example.id
        assert set(example.themes) <= set(deck.manifest.themes), example.id
        assert set(example.audiences) <= set(deck.manifest.audiences), example.id
        assert set(example.answers) <= CONCERNS, example.id


def test_concerns_and_tips(deck: Deck) -> None:
    concerns = deck.of_type(ConcernCard)
    assert {concern.id for concern in concerns} == CONCERNS
    for concern in concerns:
        assert str(concern.answer).strip() and concern.quotes
    answered = {concern for example in deck.of_type(ExampleCard) for concern in example.answers}
    assert answered == CONCERNS
    tips = deck.of_type(TipCard)
    assert len(tips) >= 5
    assert all(tip.checks for tip in tips)


def test_all_statements_match_the_survey(deck: Deck) -> None:
    statements = {str(card.text): card for card in deck.of_type(StatementCard)}
    assert len(deck.of_type(StatementCard)) == len(STATEMENTS) == 18
    for text, table, n, percentages, low, high in STATEMENTS:
        assert text in statements, f"stelling ontbreekt of wijkt af: {text!r}"
        benchmark = statements[text].benchmark
        assert benchmark is not None, text
        assert benchmark.table == table, text
        assert benchmark.n == n, text
        assert benchmark.percentages == percentages, text
        assert (benchmark.low, benchmark.high) == (low, high), text
        assert [str(label) for label in statements[text].scale] == [
            "Helemaal oneens",
            "Oneens",
            "Niet eens, niet oneens",
            "Eens",
            "Helemaal eens",
        ]


def test_all_task_types_match_the_survey(deck: Deck) -> None:
    cards = {str(card.title): card for card in deck.of_type(WillingnessCard)}
    assert len(deck.of_type(WillingnessCard)) == len(TASKS) == 7
    for name, definition, n, percentages, low, high in TASKS:
        assert name in cards, f"taaktype ontbreekt: {name!r}"
        card = cards[name]
        assert str(card.definition) == definition, name
        benchmark = card.benchmark
        assert benchmark.table == "Tabel 8", name
        assert benchmark.n == n, name
        assert benchmark.percentages == percentages, name
        assert (benchmark.low, benchmark.high) == (low, high), name
        assert [str(label) for label in card.scale] == [
            "Zeker niet",
            "Waarschijnlijk niet",
            "Misschien",
            "Waarschijnlijk wel",
            "Zeker wel",
        ]


def test_roles_of_table_1_and_residents(deck: Deck) -> None:
    roles = {role.id: role for role in deck.of_type(RoleCard)}
    for role_id, count in TABLE_1.items():
        assert role_id in roles, role_id
        assert roles[role_id].interviewed == count, role_id
    assert sum(role.interviewed or 0 for role in roles.values()) == 57
    residents = [role for role in roles.values() if role.group == "bewoners"]
    assert len(residents) >= 5
    for role in residents:
        assert role.audiences, role.id
        assert set(role.audiences) <= set(deck.manifest.audiences), role.id


def test_dilemmas(deck: Deck) -> None:
    dilemmas = {card.id: card for card in deck.of_type(DilemmaCard)}
    assert len(dilemmas) >= 7
    for required in (
        "regisseren-of-faciliteren",
        "signaleren-of-optreden",
        "onzuivere-motieven",
        "overvraging",
        "eigen-ingrijpen",
        "onterechte-criminalisering",
        "doorgeschoten-sociale-controle",
    ):
        assert required in dilemmas, required
    for card in dilemmas.values():
        if card.kind == "dilemma":
            assert 2 <= len(card.options) <= 4, card.id


def test_the_what_step_has_its_concepts(deck: Deck) -> None:
    """The "Wat?" before "Waarom?" and "Hoe?": the definition, the participation wheel, and
    the two choices of what citizen participation in local safety is (not)."""
    concepts = {card.id: card for card in deck.of_type(ConceptCard)}
    assert set(concepts) == {
        "wat-is-burgerparticipatie",
        "participatiewiel",
        "beleidsparticipatie",
        "veiligheid-binnen-leefbaarheid",
    }
    assert deck.cards[0].id == "wat-is-burgerparticipatie"  # the deck starts with "Wat?"
    definition = concepts["wat-is-burgerparticipatie"]
    assert "Myhill, 2012" in str(definition.text)
    assert any(source.author == "Myhill" and source.year == 2012 for source in definition.sources)
    wheel = " ".join(str(point) for point in concepts["participatiewiel"].points)
    for form in ("Transparantie", "Meepraten", "Meedoen"):
        assert form in wheel
    assert "maatschappelijke participatie" in str(concepts["beleidsparticipatie"].title)
    assert "leefbaarheid" in str(concepts["veiligheid-binnen-leefbaarheid"].text)
    for card in concepts.values():
        assert card.points and card.sources, card.id


def _manifest_texts(deck: Deck) -> list[tuple[str, Text]]:
    manifest = deck.manifest
    texts = [("title", manifest.title)]
    texts += [(f"types.{kind}.label", style.label) for kind, style in manifest.types.items()]
    texts += [(f"themes.{key}", label) for key, label in manifest.themes.items()]
    texts += [(f"audiences.{key}", label) for key, label in manifest.audiences.items()]
    return texts


def _every_text(deck: Deck) -> list[tuple[str, Text]]:
    texts = _manifest_texts(deck)
    for card in deck.cards:
        texts += [(".".join([card.id, *map(str, path)]), text) for path, text in texts_in(card)]
    return texts


def test_every_text_has_a_french_side(deck: Deck) -> None:
    assert "fr" in deck.manifest.languages
    untranslated = [where for where, text in _every_text(deck) if text.languages() != {"nl", "fr"}]
    assert untranslated == []


def test_french_keeps_every_figure(deck: Deck) -> None:
    def figures(text: str) -> Counter[str]:
        joined = re.sub(r"(?<=\d)[.\u00a0 ](?=\d{3}\b)", "", text)
        return Counter(re.findall(r"\d+", joined))

    differing = [
        where
        for where, text in _every_text(deck)
        if figures(text.in_language("nl")) != figures(text.in_language("fr"))
    ]
    assert differing == []
