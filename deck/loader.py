"""Load a deck folder (or its manifest) into a validated `Deck`.

Every problem in every file is collected before anything is raised, so a trainer fixing a
custom deck sees the whole list at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic_core import ValidationError

from catalogue import _
from deck import validated_decks
from deck.card_types import CARD_TYPES
from deck.checks import Checks, NeedsModels
from deck.collector_pause import collector_paused
from deck.loaded_deck import Deck
from deck.manifest_file import MANIFEST, manifest_path
from deck.problems import (
    InputError,
    Location,
    Problem,
    card_subject,
    did_you_mean,
    manifest_subject,
    one_of,
)
from deck.references import check_manifest_texts, check_references
from deck.regular_file import read_regular_file
from deck.yaml_source import MAX_BYTES, YamlDocument, parse_yaml, read_yaml

if TYPE_CHECKING:
    from deck.model import CardBase, Manifest

__all__ = [
    "MANIFEST",
    "deck_files",
    "deck_from_files",
    "load_deck",
    "load_deck_records",
    "manifest_path",
]

MAX_PROBLEMS = 200
"""Problems worth listing at once: past this, the rest of a card file is not checked (a
file of thousands of broken cards would take long to list, and nobody reads it all)."""
MAX_UNKNOWN_KEYS = 20
"""A card with more unknown keys than this is told in one line, not one line per key:
it is no card with typos but something else, and validating it key by key costs time."""


@dataclass
class RejectedCard:
    """A card that failed validation: its raw fields and which of them were wrong."""

    document: YamlDocument
    index: int
    subject: str
    kind: str
    item: dict[str, object]
    wrong: frozenset[str]
    """Top-level fields a validation error points into (or at)."""


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
    rejected: list[RejectedCard] = field(default_factory=list)
    """Cards that failed validation, kept to check the translations of their good fields."""

    def where(self, card_id: str, *path: str | int, key: bool = False) -> Location:
        """Position of a card (or of a field inside it) in its file."""
        document, index = self.documents[card_id]
        return document.where((index, *path), key=key)


def load_deck(path: Path) -> Deck:
    """Load and validate the deck at `path`; raise `InputError` with every problem found."""
    from deck.model_checks import MODEL_CHECKS

    with collector_paused():
        return _load_deck(path, MODEL_CHECKS)


def load_deck_records(path: Path) -> Deck:
    """The deck at `path` checked against the compiled schema (`deck.compiled_schema`): the
    verdict of `load_deck`, with records where it has models, for a command that only reads
    a deck's fields (`deck list`, `deck check`) and need not build the models. A deck with
    any problem is loaded again by `load_deck`, which words every problem."""
    from deck.compiled_schema import compiled_checks

    try:
        checks = compiled_checks()
    except (OSError, ValueError):  # a damaged install: the models still know the format
        return load_deck(path)
    try:
        with collector_paused():
            return _load_deck(path, checks, remember=False)
    except NeedsModels:
        # Only a field's problem needs the models' words; every other problem (YAML, files,
        # types, references, translations) the loader says alike with either checks.
        return load_deck(path)


def _load_deck(path: Path, checks: Checks, *, remember: bool = True) -> Deck:
    manifest_file = manifest_path(path)
    if not manifest_file.exists():
        hint = (
            _("een deck is een map met {MANIFEST}, of dat bestand zelf").format(MANIFEST=MANIFEST)
            if path.exists()
            else _("controleer het pad")
        )
        raise InputError(
            [Problem(Location(manifest_file), _("geen deck-manifest gevonden"), hint=hint)]
        )

    key = ("folder", manifest_file)
    deck = validated_decks.recall(key) if remember else None
    if deck is not None:
        return deck
    sources: list[tuple[Path, bytes]] = []

    def read_file(file: Path) -> YamlDocument:
        raw = read_regular_file(file, MAX_BYTES)
        sources.append((file, raw))
        return parse_yaml(raw, file)

    def read(name: str) -> YamlDocument | None:
        file = manifest_file.parent / name
        return read_file(file) if file.is_file() else None

    deck = _build_deck(manifest_file, read_file(manifest_file), read, checks)
    if remember:
        validated_decks.keep(key, tuple(sources), deck)
    return deck


def deck_files(path: Path) -> tuple[tuple[str, str], ...]:
    """The texts of the deck at `path`: its manifest first, then every card file it names,
    each as (name relative to the manifest's folder, YAML text). For a deck that loads."""
    manifest_file = manifest_path(path)
    from deck.model_checks import MODEL_CHECKS

    manifest = _read_manifest(read_yaml(manifest_file), MODEL_CHECKS)
    names = (manifest_file.name, *manifest.files)
    return tuple(
        (name, read_regular_file(manifest_file.parent / name, MAX_BYTES).decode("utf-8-sig"))
        for name in names
    )


def deck_from_files(files: Sequence[tuple[str, str]], origin: Path) -> Deck:
    """Load and validate a deck from the texts `deck_files` gave (manifest first), as if
    they stood in the folder `origin` (used in messages); `InputError` with every problem."""
    texts = dict(files)
    if not files:
        raise InputError([Problem(Location(origin), _("geen deck-manifest gevonden"))])
    manifest_name = files[0][0]

    def read(name: str) -> YamlDocument | None:
        text = texts.get(name)
        return None if text is None else parse_yaml(text.encode("utf-8"), origin / name)

    key = ("files", tuple(files), origin)
    deck = validated_decks.recall(key)
    if deck is not None:
        return deck
    from deck.model_checks import MODEL_CHECKS

    with collector_paused():
        manifest_document = read(manifest_name)
        assert manifest_document is not None
        deck = _build_deck(origin / manifest_name, manifest_document, read, MODEL_CHECKS)
    validated_decks.keep(key, (), deck)
    return deck


def _build_deck(
    manifest_file: Path,
    manifest_document: YamlDocument,
    read: Callable[[str], YamlDocument | None],
    checks: Checks,
) -> Deck:
    problems: list[Problem] = []
    try:
        manifest: Manifest | None = _read_manifest(manifest_document, checks)
    except InputError as error:
        # The cards are still worth checking on their own: a wrong colour in the manifest
        # must not hide every card's problems until it is fixed.
        manifest = None
        problems.extend(error.problems)
    loaded = LoadedCards()
    for number, name in enumerate(_card_files(manifest, manifest_document)):
        try:
            document = read(name)
        except InputError as error:
            loaded.complete = False
            problems.extend(error.problems)
            continue
        if document is None:
            loaded.complete = False
            problems.append(
                Problem(
                    manifest_document.where(("files", number)),
                    _("kaartbestand '{name}' bestaat niet").format(name=name),
                    manifest_subject(),
                    hint=_("gezocht in {parent}").format(parent=manifest_file.parent),
                )
            )
            continue
        try:
            _read_card_file(document, loaded, problems, checks)
        except InputError as error:
            loaded.complete = False
            problems.extend(error.problems)
    if manifest is None:  # what spans cards and manifest needs a valid manifest
        raise InputError(problems)
    problems.extend(check_references(manifest, loaded))
    problems.extend(check_manifest_texts(manifest, manifest_document))
    if problems:
        raise InputError(problems)
    return Deck(manifest, tuple(loaded.cards), loaded.where)


def _card_files(manifest: Manifest | None, document: YamlDocument) -> tuple[str, ...]:
    """The card files a manifest names, read from the raw manifest when it is invalid."""
    if manifest is not None:
        return manifest.files
    data = document.data
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        return ()
    return tuple(name for name in files if isinstance(name, str))


def _read_manifest(document: YamlDocument, checks: Checks) -> Manifest:
    if not isinstance(document.data, dict):
        raise InputError(
            [
                Problem(
                    document.where(()),
                    _("het manifest moet een mapping zijn"),
                    hint=_("begin met 'id: …'"),
                )
            ]
        )
    try:
        return checks.manifest(document.data)
    except ValidationError as error:
        raise InputError(checks.problems(error, document, (), None, manifest_subject())) from None


def _read_card_file(
    document: YamlDocument, loaded: LoadedCards, problems: list[Problem], checks: Checks
) -> None:
    if not isinstance(document.data, list):
        raise InputError(
            [
                Problem(
                    document.where(()),
                    _("een kaartbestand moet een lijst van kaarten zijn"),
                    hint=_("begin elke kaart met '- id: …'"),
                )
            ]
        )
    for index, item in enumerate(document.data):
        if len(problems) >= MAX_PROBLEMS:
            loaded.complete = False
            problems.append(
                Problem(
                    document.where((index,)),
                    _("te veel problemen: de kaarten vanaf hier zijn niet gecontroleerd"),
                    hint=_("los eerst de problemen hierboven op"),
                )
            )
            return
        card = _read_card(document, index, item, problems, loaded, checks)
        if card is None:
            continue
        if card.id in loaded.documents:
            first = loaded.where(card.id)
            problems.append(
                Problem(
                    document.where((index, "id")),
                    _("dubbele id"),
                    card_subject(card.id),
                    hint=_("ook gebruikt in {first}").format(first=first),
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
    loaded: LoadedCards,
    checks: Checks,
) -> CardBase | None:
    if not isinstance(item, dict):
        problems.append(
            Problem(
                document.where((index,)), _("een kaart moet een mapping zijn (sleutel: waarde)")
            )
        )
        return None
    card_id = item.get("id")
    subject = (
        card_subject(card_id)
        if isinstance(card_id, str)
        else _("card #{number}").format(number=index + 1)
    )
    kind = item.get("type")
    if not isinstance(kind, str) or kind not in CARD_TYPES:
        if kind is None:
            message, hint = _("verplicht veld 'type' ontbreekt"), one_of(CARD_TYPES)
        else:
            message = _("onbekend kaarttype '{kind}'").format(kind=kind)
            hint = did_you_mean(str(kind), CARD_TYPES) or one_of(CARD_TYPES)
        problems.append(Problem(document.where((index, "type")), message, subject, hint))
        return None
    fields = checks.fields(kind)
    unknown = [key for key in item if key not in fields]
    if len(unknown) > MAX_UNKNOWN_KEYS:
        problems.append(
            Problem(
                document.where((index, unknown[0]), key=True),
                _("{count} onbekende velden, te veel om op te sommen").format(count=len(unknown)),
                subject,
                _("een kaart van type '{type}' kent alleen {fields}").format(
                    type=kind, fields=", ".join(sorted(fields))
                ),
            )
        )
        if isinstance(card_id, str):
            loaded.unreadable.add(card_id)
        return None
    try:
        return checks.card(kind, item)
    except ValidationError as error:
        problems.extend(checks.problems(error, document, (index,), kind, subject))
        if isinstance(card_id, str):
            loaded.unreadable.add(card_id)
        wrong = frozenset(str(e["loc"][0]) for e in error.errors() if e["loc"])
        loaded.rejected.append(RejectedCard(document, index, subject, kind, item, wrong))
        return None
