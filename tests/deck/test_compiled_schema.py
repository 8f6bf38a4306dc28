"""The compiled schema (deck/compiled_schema.json) says of any data what the models say.

`deck list` checks a deck against it instead of building the models. That is only right
while the file is exactly what `deck.schema_compiler` makes of the models, and while
pydantic-core, fed that file, gives the verdict the models give: on the shipped decks, and
on cards and manifests with any field broken.
"""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pydantic_core
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import ValidationError

import deck.loader
from deck import InputError, default_deck_path, example_deck_path, load_deck, validated_decks
from deck.compiled_schema import SOURCE, compiled_checks
from deck.loader import load_deck_records
from deck.model import CARD_MODELS, CardBase, ExampleCard
from deck.model_checks import MODEL_CHECKS
from deck.record import Record, as_json
from deck.schema_compiler import compiled_text
from game.cli.deck_list import card_listing
from tests.deck.conftest import EXAMPLES, FORMS, DeckWriter

DECKS = [default_deck_path(), example_deck_path()]


def test_the_file_is_what_the_models_compile_to() -> None:
    # Also after an upgrade of pydantic: a user's netwerktafel then checks with the models
    # (below), but here the file must be made anew, or deck list loses its speed unseen.
    assert SOURCE.read_text(encoding="utf-8") == compiled_text(), (
        "deck/compiled_schema.json is out of date with deck/model.py or the installed "
        "pydantic-core: run `.venv/bin/python -m deck.schema_compiler` and commit the file"
    )


def test_another_pydantic_core_leaves_the_models_to_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pydantic_core, "__version__", "0.0.1")
    compiled_checks.cache_clear()
    try:
        listed = load_deck_records(example_deck_path())
    finally:
        compiled_checks.cache_clear()
    assert all(isinstance(card, CardBase) for card in listed.cards)


@pytest.mark.parametrize("folder", DECKS, ids=["ingebouwd", "voorbeeld"])
def test_records_list_as_the_models_do(folder: Path) -> None:
    models = load_deck(folder)
    records = load_deck_records(folder)
    assert all(isinstance(card, Record) for card in records.cards)
    assert all(isinstance(card, CardBase) for card in models.cards)
    for model in CARD_MODELS.values():  # a deck of records answers by the model's tag too
        by_record = [card.id for card in records.of_type(model)]
        assert by_record == [card.id for card in models.of_type(model)]
    assert records.of_type(ExampleCard)
    # Compared as text: `deck list --json` shows the fields in the models' order.
    assert json.dumps(card_listing(records)) == json.dumps(card_listing(models))


@pytest.mark.parametrize("folder", DECKS, ids=["ingebouwd", "voorbeeld"])
def test_as_json_is_what_pydantic_dumps(folder: Path) -> None:
    deck = load_deck(folder)
    for card in deck.cards:
        assert json.dumps(as_json(card)) == json.dumps(card.model_dump(mode="json"))
    assert json.dumps(as_json(deck.manifest)) == json.dumps(deck.manifest.model_dump(mode="json"))


def test_a_deck_with_problems_gets_the_models_words(write_deck: DeckWriter) -> None:
    deck_folder = write_deck(forms=FORMS.replace("id: meedoen", "id: Meedoen!"))
    with pytest.raises(InputError) as by_models:
        load_deck(deck_folder)
    with pytest.raises(InputError) as by_records:
        load_deck_records(deck_folder)
    assert [str(p) for p in by_records.value.problems] == [str(p) for p in by_models.value.problems]
    assert "Meedoen!" in str(by_records.value)


def _read(file: Path) -> Any:
    # libyaml, as the loader reads: PyYAML's own parser refuses a "?" the decks use.
    return yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


ITEMS: list[dict[str, Any]] = [
    item
    for folder in DECKS
    for name in _read(folder / "deck.yaml")["files"]
    for item in _read(folder / name)
]
MANIFESTS: list[dict[str, Any]] = [_read(folder / "deck.yaml") for folder in DECKS]

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=300),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["", " ", "Meedoen", "meedoen", "Fout Id", "#12ab9", "#12ab9f", "https://x"]),
    st.lists(st.integers(min_value=-5, max_value=120), max_size=6),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(
        st.sampled_from(["nl", "fr", "en", "de", "x"]), st.text(max_size=6), max_size=3
    ),
)


def _paths(value: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside `value` a mutation can hit, the root excluded."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*path, key))
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*path, index))
            found.extend(_paths(item, (*path, index)))
    return found


@st.composite
def broken(draw: st.DrawFn, originals: list[dict[str, Any]]) -> dict[str, Any]:
    """A shipped card or manifest with a few of its values replaced, removed or added."""
    item = copy.deepcopy(draw(st.sampled_from(originals)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        # Half the time a top-level field (an id, a reference, a number), else anywhere.
        top = [(key,) for key in item]
        path = draw(st.sampled_from(top) | st.sampled_from(_paths(item) or top))
        *parents, last = path
        parent: Any = item
        for step in parents:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "remove":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "titel", "id", "low", "fr"]))] = draw(junk)
        else:
            parent[last] = draw(junk)
    return item


def _verdict(check: Any, *args: object) -> object:
    try:
        return as_json(check(*args))
    except ValidationError:
        return "invalid"


@settings(max_examples=600, deadline=None)
@given(broken(ITEMS))
def test_cards_get_the_models_verdict(item: dict[str, Any]) -> None:
    kind = item.get("type")
    if not isinstance(kind, str) or kind not in compiled_checks().card_validators:
        return  # the loader tells an unknown type before any check
    assert _verdict(compiled_checks().card, kind, item) == _verdict(MODEL_CHECKS.card, kind, item)


@settings(max_examples=200, deadline=None)
@given(broken(MANIFESTS))
def test_manifests_get_the_models_verdict(item: dict[str, Any]) -> None:
    assert _verdict(compiled_checks().manifest, item) == _verdict(MODEL_CHECKS.manifest, item)


def test_every_card_type_has_its_fields() -> None:
    for kind, model in CARD_MODELS.items():
        assert compiled_checks().fields(kind) == set(model.model_fields)


def test_a_damaged_compiled_schema_leaves_the_models_to_check(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import deck.compiled_schema

    broken_file = tmp_path / "compiled_schema.json"
    monkeypatch.setattr(deck.compiled_schema, "SOURCE", broken_file)
    for damage in ("", "{", '{"format": 0}', '{"format": 1}', '{"format": 1, "manifest": {}}'):
        broken_file.write_text(damage, encoding="utf-8")
        compiled_checks.cache_clear()
        try:
            listed = load_deck_records(example_deck_path())
        finally:
            compiled_checks.cache_clear()
        assert all(isinstance(card, CardBase) for card in listed.cards)
    broken_file.unlink()
    assert all(isinstance(card, CardBase) for card in load_deck_records(example_deck_path()).cards)
    compiled_checks.cache_clear()


@pytest.mark.parametrize("folder", DECKS, ids=["ingebouwd", "voorbeeld"])
def test_records_print_as_the_models_do(folder: Path) -> None:
    from deck.card_content import content_of

    models, records = load_deck(folder), load_deck_records(folder)
    for language in ("nl", "fr"):
        for model, record in zip(models.cards, records.cards, strict=True):
            by_record = content_of(records, record, language)
            by_model = content_of(models, model, language)
            if by_model.survey is not None:  # holds the benchmark: a model, or a record
                assert by_record.survey is not None
                assert as_json(by_record.survey.benchmark) == as_json(by_model.survey.benchmark)
                same = replace(by_record.survey, benchmark=by_model.survey.benchmark)
                by_record = replace(by_record, survey=same)
            assert by_record == by_model


def test_what_does_not_print_is_told_alike(write_deck: DeckWriter) -> None:
    from print.imposition import CARD_SIZES
    from print.printability import unprintable

    # Too long for any card, and a character the card font lacks.
    long_text = " ".join(["Burgers melden wat ze zien in hun straat."] * 60)
    forms = FORMS.replace("Burgers melden wat ze zien.", long_text).replace(
        "Burgers slaan bruggen.", "Burgers slaan bruggen \u2615."
    )
    folder = write_deck(forms=forms)
    by_models = unprintable(load_deck(folder), CARD_SIZES["poker"])
    by_records = unprintable(load_deck_records(folder), CARD_SIZES["poker"])
    assert len(by_models) >= 2
    assert [str(problem) for problem in by_records] == [str(problem) for problem in by_models]


def test_problems_between_cards_are_said_without_the_models(write_deck: DeckWriter) -> None:
    # An unknown sub-form is no field's problem: the compiled schema passes the card and the
    # loader's own check words it, the same as with the models, without loading them again.
    examples = EXAMPLES.replace("subform: bemiddelen", "subform: bemiddelaar", 1)
    folder = write_deck(examples=examples)
    with pytest.raises(InputError) as by_models:
        load_deck(folder)
    validated_decks.forget()
    loads: list[Path] = []
    original = deck.loader.load_deck

    def counted(path: Path) -> object:
        loads.append(path)
        return original(path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(deck.loader, "load_deck", counted)
        with pytest.raises(InputError) as by_records:
            load_deck_records(folder)
    assert loads == []
    assert [str(p) for p in by_records.value.problems] == [str(p) for p in by_models.value.problems]
    assert "bemiddelaar" in str(by_records.value)
