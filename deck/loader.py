"""Load a deck folder (or its manifest) into a validated `Deck`.

Every problem in every file is collected before anything is raised, so a trainer fixing a
custom deck sees the whole list at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from deck.field_errors import field_problems
from deck.model import CARD_MODELS, CardBase, Deck, Manifest
from deck.problems import InputError, Location, Problem, did_you_mean, one_of
from deck.references import check_references
from deck.yaml_source import YamlDocument, collection_paused, read_yaml

MANIFEST = "deck.yaml"


@dataclass
class LoadedCards:
    """Cards read from the card files, with where each one stands."""

    cards: list[CardBase] = field(default_factory=list)
    documents: dict[str, tuple[YamlDocument, int]] = field(default_factory=dict)
    """Card id → the document it was read from and its index there."""
    unreadable: set[str] = field(default_factory=set)
    """Ids of cards that failed validation, so references to them are not reported twice."""
    complete: bool = True
    """False when a whole card file could not be read: references may point into it."""

    def where(self, card_id: str, *path: str | int, key: bool = False) -> Location:
        """Position of a card (or of a field inside it) in its file."""
        document, index = self.documents[card_id]
        return document.where((index, *path), key=key)


def manifest_path(path: Path) -> Path:
    """The manifest of a deck given as a folder or as the manifest file itself."""
    return path / MANIFEST if path.is_dir() else path


def load_deck(path: Path) -> Deck:
    """Load and validate the deck at `path`; raise `InputError` with every problem found."""
    with collection_paused():
        return _load_deck(path)


def _load_deck(path: Path) -> Deck:
    manifest_file = manifest_path(path)
    if not manifest_file.exists():
        hint = (
            f"een deck is een map met {MANIFEST}, of dat bestand zelf"
            if path.exists()
            else "controleer het pad"
        )
        raise InputError(
            [Problem(Location(manifest_file), "geen deck-manifest gevonden", hint=hint)]
        )
    manifest, manifest_document = _read_manifest(manifest_file)
    problems: list[Problem] = []
    loaded = LoadedCards()
    for number, name in enumerate(manifest.files):
        card_file = manifest_file.parent / name
        if not card_file.is_file():
            loaded.complete = False
            problems.append(
                Problem(
                    manifest_document.where(("files", number)),
                    f"kaartbestand '{name}' bestaat niet",
                    "manifest",
                    hint=f"gezocht in {manifest_file.parent}",
                )
            )
            continue
        try:
            _read_card_file(card_file, loaded, problems)
        except InputError as error:
            loaded.complete = False
            problems.extend(error.problems)
    problems.extend(check_references(manifest, loaded))
    if problems:
        raise InputError(problems)
    return Deck(manifest, tuple(loaded.cards), loaded.where)


def _read_manifest(file: Path) -> tuple[Manifest, YamlDocument]:
    document = read_yaml(file)
    if not isinstance(document.data, dict):
        raise InputError(
            [
                Problem(
                    document.where(()),
                    "het manifest moet een mapping zijn",
                    hint="begin met 'id: …'",
                )
            ]
        )
    try:
        return Manifest.model_validate(document.data), document
    except ValidationError as error:
        raise InputError(field_problems(error, document, (), Manifest, "manifest")) from None


def _read_card_file(file: Path, loaded: LoadedCards, problems: list[Problem]) -> None:
    document = read_yaml(file)
    if not isinstance(document.data, list):
        raise InputError(
            [
                Problem(
                    document.where(()),
                    "een kaartbestand moet een lijst van kaarten zijn",
                    hint="begin elke kaart met '- id: …'",
                )
            ]
        )
    for index, item in enumerate(document.data):
        card = _read_card(document, index, item, problems, loaded.unreadable)
        if card is None:
            continue
        if card.id in loaded.documents:
            first = loaded.where(card.id)
            problems.append(
                Problem(
                    document.where((index, "id")),
                    "dubbele id",
                    f"card '{card.id}'",
                    hint=f"ook gebruikt in {first}",
                )
            )
            continue
        loaded.cards.append(card)
        loaded.documents[card.id] = (document, index)


def _read_card(
    document: YamlDocument,
    index: int,
    item: object,
    problems: list[Problem],
    unreadable: set[str],
) -> CardBase | None:
    if not isinstance(item, dict):
        problems.append(
            Problem(document.where((index,)), "een kaart moet een mapping zijn (sleutel: waarde)")
        )
        return None
    card_id = item.get("id")
    subject = f"card '{card_id}'" if isinstance(card_id, str) else f"card #{index + 1}"
    kind = item.get("type")
    if not isinstance(kind, str) or kind not in CARD_MODELS:
        if kind is None:
            message, hint = "verplicht veld 'type' ontbreekt", one_of(CARD_MODELS)
        else:
            message = f"onbekend kaarttype '{kind}'"
            hint = did_you_mean(str(kind), CARD_MODELS) or one_of(CARD_MODELS)
        problems.append(Problem(document.where((index, "type")), message, subject, hint))
        return None
    model = CARD_MODELS[kind]
    try:
        return model.model_validate(item)
    except ValidationError as error:
        problems.extend(field_problems(error, document, (index,), model, subject))
        if isinstance(card_id, str):
            unreadable.add(card_id)
        return None
