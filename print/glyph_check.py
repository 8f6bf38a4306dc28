"""Characters the card font cannot print, found in every text of a deck.

A character missing from a TrueType font raises no error in reportlab: it prints as an
empty box. So every text of every card — in every language — and every label of the
manifest is checked against the font before anything is printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from deck import Deck, Location, Problem
from deck.card_content import FieldPath
from deck.problems import card_subject
from deck.record import fields_of
from deck.text import Text
from print.font_metrics import FONT_LABEL, REPLACEMENTS, missing_glyphs

if TYPE_CHECKING:
    from deck.model import CardBase


def _texts(value: object, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    """Every printable string inside a card's field, with its path."""
    if isinstance(value, Text):
        root = value.root
        if isinstance(root, str):
            yield path, root
        else:
            for language, text in root.items():
                yield (*path, language), text
    elif (fields := fields_of(value)) is not None:  # a model, or a record
        for name, field in fields.items():
            if name not in ("id", "type", "url"):
                yield from _texts(field, (*path, name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def _glyph_problem(where: Location, subject: str, missing: list[str]) -> Problem:
    shown = ", ".join(f"'{char}' (U+{ord(char):04X})" for char in missing)
    suggestions = [
        f"'{char}' door '{REPLACEMENTS[char]}'" for char in missing if char in REPLACEMENTS
    ]
    hint = "vervang " + ", ".join(suggestions) if suggestions else "vervang of schrap het teken"
    noun = "teken" if len(missing) == 1 else "tekens"
    return Problem(
        where,
        f"{noun} {shown} {'zit' if len(missing) == 1 else 'zitten'} niet in het lettertype "
        f"{FONT_LABEL} en {'wordt' if len(missing) == 1 else 'worden'} als een leeg vakje gedrukt",
        subject,
        hint,
    )


def glyph_problems(deck: Deck, cards: Iterable[CardBase] | None = None) -> list[Problem]:
    """Characters the card font cannot print, in every text of every card and the manifest."""
    problems: list[Problem] = []
    chosen = deck.cards if cards is None else tuple(cards)
    for card in chosen:
        for path, text in _texts(card, ()):
            missing = missing_glyphs(text)
            if missing:
                problems.append(
                    _glyph_problem(deck.where(card.id, *path), card_subject(card.id), missing)
                )
    manifest = deck.manifest
    manifest_texts: list[tuple[str, str]] = []

    def add(name: str, value: object) -> None:
        for path, text in _texts(value, ()):
            manifest_texts.append((".".join([name, *map(str, path)]), text))

    add("title", manifest.title)
    for kind, type_style in manifest.types.items():
        add(f"types.{kind}", type_style)
    for group in ("themes", "audiences"):
        for key, label in getattr(manifest, group).items():
            add(f"{group}.{key}", label)
    where = _manifest_location(deck)
    for name, text in manifest_texts:
        missing = missing_glyphs(text)
        if missing:
            problems.append(_glyph_problem(where, f"manifest '{name}'", missing))
    return problems


def _manifest_location(deck: Deck) -> Location:
    # Card files sit beside the manifest (the loader resolves them against its folder).
    if deck.cards:
        return Location(deck.where(deck.cards[0].id).file.parent / "deck.yaml")
    return Location(Path("deck.yaml"))
