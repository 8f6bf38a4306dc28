"""Checks that span cards: references between cards, to the manifest, and translations."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from pydantic_core import ValidationError

from catalogue import _
from deck.card_types import card_type
from deck.problems import (
    Location,
    Problem,
    card_subject,
    did_you_mean,
    field_name,
    manifest_subject,
    one_of,
)
from deck.record import fields_of
from deck.role_groups import role_groups
from deck.text import Text

if TYPE_CHECKING:
    from pydantic import BaseModel, TypeAdapter

    from deck.loader import LoadedCards, RejectedCard
    from deck.model import ExampleCard, FormCard, Manifest, RoleCard
    from deck.yaml_source import YamlDocument

PathKey = tuple[str | int, ...]


def check_references(manifest: Manifest, loaded: LoadedCards) -> list[Problem]:
    """Every broken reference, missing card style and missing translation in the deck."""
    problems: list[Problem] = []
    # Told apart by type, not by model class: the cards may be records of the compiled schema.
    forms = {card.id: cast("FormCard", card) for card in loaded.cards if card_type(card) == "vorm"}
    concerns = {card.id for card in loaded.cards if card_type(card) == "bezorgdheid"}
    # Asked once, and only of a deck with role cards (the standard groups load the French
    # catalogue).
    groups: dict[str, Text] | None = None

    def unknown(card_id: str, path: PathKey, what: str, value: str, known: Iterable[str]) -> None:
        # A reference into a file or card that failed to load is not a second problem.
        if not loaded.complete or value in loaded.unreadable:
            return
        known = list(known)
        hint = did_you_mean(value, known) or (
            one_of(known) if known else _("het deck heeft geen {what}").format(what=what)
        )
        problems.append(
            Problem(
                loaded.where(card_id, *path),
                _("onbekende {what} '{value}'").format(what=what, value=value),
                card_subject(card_id),
                hint,
            )
        )

    for card in loaded.cards:
        kind = card_type(card)
        if kind not in manifest.types:
            problems.append(
                Problem(
                    loaded.where(card.id, "type"),
                    _("kaarttype '{kind}' heeft geen stijl in het manifest").format(kind=kind),
                    card_subject(card.id),
                    hint=_("voeg het toe onder 'types' in deck.yaml"),
                )
            )
        if kind == "voorbeeld":
            card = cast("ExampleCard", card)
            form = forms.get(card.form)
            if form is None:
                unknown(card.id, ("form",), _("participatievorm"), card.form, forms)
            elif card.subform not in {sub.id for sub in form.subforms}:
                unknown(
                    card.id,
                    ("subform",),
                    _("subvorm van '{form}'").format(form=form.id),
                    card.subform,
                    [sub.id for sub in form.subforms],
                )
            for i, theme in enumerate(card.themes):
                if theme not in manifest.themes:
                    unknown(card.id, ("themes", i), _("thema"), theme, manifest.themes)
            for i, answer in enumerate(card.answers):
                if answer not in concerns:
                    unknown(card.id, ("answers", i), _("bezorgdheid"), answer, concerns)
        if kind == "rol":
            card = cast("RoleCard", card)
            groups = role_groups(manifest) if groups is None else groups
            if card.group not in groups:
                hint = did_you_mean(card.group, groups) or _(
                    "{choices}; of zet de groepen van je deck onder 'groups' in deck.yaml"
                ).format(choices=one_of(groups))
                problems.append(
                    Problem(
                        loaded.where(card.id, "group"),
                        _("onbekende groep '{group}'").format(group=card.group),
                        card_subject(card.id),
                        hint,
                    )
                )
        if kind in ("voorbeeld", "rol"):
            for i, audience in enumerate(cast("ExampleCard | RoleCard", card).audiences):
                if audience not in manifest.audiences:
                    unknown(card.id, ("audiences", i), _("doelgroep"), audience, manifest.audiences)
        for path, missing in missing_translations(manifest, card):
            where = loaded.where(card.id, *path)
            problems.append(_untranslated(manifest, where, card_subject(card.id), path, missing))
    for rejected in loaded.rejected:
        problems.extend(_rejected_untranslated(manifest, rejected))
    return problems


def check_manifest_texts(manifest: Manifest, document: YamlDocument) -> list[Problem]:
    """A problem for every text of the manifest itself (title, labels of card types, themes,
    audiences and role groups) that lacks a language the deck declares."""
    return [
        _untranslated(manifest, document.where(path), manifest_subject(), path, missing)
        for path, missing in missing_translations(manifest, manifest)
    ]


def _untranslated(
    manifest: Manifest, where: Location, subject: str, path: PathKey, missing: list[str]
) -> Problem:
    return Problem(
        where,
        _("'{field}': vertaling ontbreekt voor {languages}").format(
            field=field_name(path), languages=", ".join(missing)
        ),
        subject,
        hint=_("het deck vraagt talen {languages}").format(
            languages=", ".join(_languages(manifest))
        ),
    )


def _rejected_untranslated(manifest: Manifest, card: RejectedCard) -> Iterator[Problem]:
    """Missing translations in the good fields of a card that failed validation, so that
    fixing its wrong field does not bring new problems to light on the same card."""
    from deck.model import CARD_MODELS  # a rejected card comes only from the models' checks

    model = CARD_MODELS[card.kind]
    for name in model.model_fields:
        if name in card.wrong or name not in card.item:
            continue
        try:
            value = _field_adapter(model, name).validate_python(card.item[name])
        except ValidationError:
            continue
        texts = _texts_at(value, (name,))
        for path, missing in _missing(texts, manifest.language, manifest.languages):
            where = card.document.where((card.index, *path))
            yield _untranslated(manifest, where, card.subject, path, missing)


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    # Only a card that failed validation comes here, always with its model loaded.
    from pydantic import TypeAdapter

    annotation = model.model_fields[name].annotation
    return TypeAdapter(Any if annotation is None else annotation)


def missing_translations(
    manifest: Manifest, model: BaseModel
) -> Iterator[tuple[PathKey, list[str]]]:
    """Every text in `model` that lacks one of the deck's languages, with the missing ones."""
    return missing_languages(model, manifest.language, manifest.languages)


def missing_languages(
    model: BaseModel, language: str, languages: Iterable[str]
) -> Iterator[tuple[PathKey, list[str]]]:
    """Every text in `model` that lacks one of `languages` or `language` (the language of a
    plain string), with the missing ones; nothing when `languages` is empty."""
    return _missing(texts_in(model), language, languages)


def _missing(
    texts: Iterable[tuple[PathKey, Text]], language: str, languages: Iterable[str]
) -> Iterator[tuple[PathKey, list[str]]]:
    required = {language, *languages}
    if len(required) < 2:
        return
    for path, text in texts:
        missing = sorted(required - (text.languages() or {language}))
        if missing:
            yield path, missing


def _languages(manifest: Manifest) -> list[str]:
    return sorted({manifest.language, *manifest.languages})


def texts_in(model: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, Text]]:
    """Every `Text` inside a model (or a record of the compiled schema), with its path, depth
    first in field order."""
    for name, value in (fields_of(model) or {}).items():
        yield from _texts_at(value, (*path, name))


def _texts_at(value: object, path: PathKey) -> Iterator[tuple[PathKey, Text]]:
    if isinstance(value, Text):
        yield path, value
    elif fields_of(value) is not None:
        yield from texts_in(cast("BaseModel", value), path)
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from _texts_at(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts_at(item, (*path, key))
