"""`netwerktafel deck list`: the one function both the Typer command and the fast start run.

What it shows of a deck (every card's fields, and its line of the table in the run's
language) is worked out once per deck, language and program and then read from the cache
(`game.cli.deck_cache`): a second `deck list` of an unchanged deck loads neither the deck's models
nor the YAML reader.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalogue import LANGUAGES, _, current_language, ngettext
from deck.card_types import CARD_TYPES
from deck.problems import InputError, Location, Problem, did_you_mean, one_of
from game.cli.deck_cache import remembered
from game.cli.deck_opening import deck_location
from game.cli.exit_collection import skip_collection

if TYPE_CHECKING:
    from deck import Deck

Listing = dict[str, Any]
"""A deck as `deck list` shows it: {"title": {language: title}, "cards": [{"type", "fields",
"rows": {language: [type label, type colour, title, summary]}}]} (JSON, for the cache)."""


def list_cards(deck_path: Path | None, kind: str | None, as_json: bool) -> None:
    """Print the cards of the deck at `deck_path` (default: the built-in one), of type
    `kind` or all, as a table or as JSON; raises `InputError` for a bad deck or type."""
    skip_collection()
    if kind is not None and kind not in CARD_TYPES:
        raise InputError(
            [
                Problem(
                    Location(Path("--type")),
                    _("onbekend kaarttype '{kind}'").format(kind=kind),
                    hint=did_you_mean(kind, CARD_TYPES) or one_of(CARD_TYPES),
                )
            ]
        )
    # Worked out in the language of the run only: another language is another entry (a
    # Dutch run need not load the French catalogue, ± 4 ms).
    language = current_language()
    listing: Listing = remembered(
        f"list-{language}",
        deck_location(deck_path),
        lambda deck: card_listing(deck, (language,)),
        records=True,
    )
    cards = [card for card in listing["cards"] if kind is None or card["type"] == kind]
    if as_json:
        data = [card["fields"] for card in cards]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    sys.stdout.write(card_table(listing, cards, language))


def card_listing(deck: Deck, languages: Sequence[str] = LANGUAGES) -> Listing:
    """What `deck list` shows of `deck` (of models or of records), in `languages` (default:
    every one)."""
    from deck.card_types import card_type
    from deck.record import as_json
    from game.card_summary import summary, type_colour, type_label

    own, title = deck.manifest.language, deck.manifest.title
    return {
        "title": {language: title.in_language(language, own) for language in languages},
        "cards": [
            {
                "type": card_type(card),
                "fields": as_json(card),
                "rows": {
                    language: [
                        type_label(deck, card, language),
                        type_colour(deck, card),
                        card.title.in_language(language, own),
                        summary(deck, card, language),
                    ]
                    for language in languages
                },
            }
            for card in deck.cards
        ],
    }


def card_table(listing: Listing, cards: list[dict[str, Any]], language: str) -> str:
    """The table of `cards` (of `listing`): id, type, title and a summary line, in
    `language`."""
    from game.cli.card_table import Cell, Column, draw_table

    # Equal shares of a narrow terminal: long ids fold instead of starving the titles.
    columns = [
        Column("id", "fold", ratio=1, style="bold"),
        Column(_("soort"), "none"),
        Column(_("titel"), "fold", ratio=1),
        Column(_("kenmerken"), "ellipsis", ratio=1, style="dim"),
    ]
    rows = []
    for card in cards:
        label, colour, title, line = card["rows"][language]
        rows.append([Cell(card["fields"]["id"]), Cell(label, colour), Cell(title), Cell(line)])
    caption = ngettext("{count} kaart", "{count} kaarten", len(cards)).format(count=len(cards))
    return draw_table(listing["title"][language], columns, rows, caption)
