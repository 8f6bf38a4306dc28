"""`netwerktafel deck …`: check, list, show and describe the card deck."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from catalogue import _, current_language
from deck import InputError, Location, Problem, default_deck_path, example_deck_path
from deck.card_types import CARD_TYPES
from deck.loader import deck_files, manifest_path
from deck.model import Card, Manifest
from deck.problems import did_you_mean
from game.cli.command_table import help_of
from game.cli.deck_check import check_deck
from game.cli.deck_list import list_cards as list_cards_of
from game.cli.options import DeckOption, open_deck

# The card table and panel (rich), the printing rules and the JSON Schema are imported by
# the commands that show them: `deck check` needs none of them.

deck_app = typer.Typer(help=help_of("deck"), no_args_is_help=True)


@deck_app.command("check")
def check(
    deck_path: Annotated[
        Path | None,
        typer.Argument(
            metavar="DECK",
            help="Deck-map met deck.yaml, of dat manifest zelf. Standaard: het ingebouwde deck.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Controleer een deck; meldt elk probleem als BESTAND:REGEL:KOLOM en stopt met code 2."""
    check_deck(deck_path)


FolderArg = Annotated[
    Path,
    typer.Argument(
        metavar="MAP", help="Een nieuwe (of lege) map voor het deck.", show_default=False
    ),
]


@deck_app.command("export")
def export(folder: FolderArg, deck_path: DeckOption = None) -> None:
    """Schrijf een deck (standaard het ingebouwde) naar een nieuwe map.

    Het begin van een eigen deck, ook zonder de broncode van netwerktafel.
    """
    _write_copy(deck_path if deck_path is not None else default_deck_path(), folder)


@deck_app.command("voorbeeld")
def example(folder: FolderArg) -> None:
    """Schrijf het voorbeelddeck (verkeersveiligheid rond een school) naar een nieuwe map.

    Een volledig deck uit een ander veld, in het Nederlands en het Frans, zonder bevraging en
    met eigen rolgroepen: om te bekijken, te spelen en aan te passen.
    """
    _write_copy(example_deck_path(), folder)


def _write_copy(source: Path, folder: Path) -> None:
    """Copy the deck at `source` into `folder`, which must be new or empty."""
    deck = open_deck(source)  # only a deck that loads is worth starting from
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(
            [
                Problem(
                    Location(folder),
                    _("deze map bestaat al en is niet leeg"),
                    hint=_("kies een nieuwe map"),
                )
            ]
        )
    files = deck_files(source)
    outside = [name for name, _text in files if not _inside(folder, name)]
    if outside:
        raise InputError(
            [
                Problem(
                    Location(manifest_path(source)),
                    _("kaartbestand '{name}' ligt buiten de deckmap").format(name=name),
                    hint=_("zet het in de map van deck.yaml om het deck te exporteren"),
                )
                for name in outside
            ]
        )
    for name, text in files:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(
        _(
            "Deck '{id}' geschreven naar {folder}: {files} bestanden, {cards} kaarten. "
            "Geef het een eigen id en titel in deck.yaml, pas de kaarten aan en controleer "
            "met: netwerktafel deck check {folder}"
        ).format(id=deck.manifest.id, folder=folder, files=len(files), cards=len(deck))
    )


def _inside(folder: Path, name: str) -> bool:
    """Whether a file named in a manifest stays inside the deck's folder."""
    relative = Path(name)
    return not relative.is_absolute() and ".." not in relative.parts


@deck_app.command("list")
def list_cards(
    deck_path: DeckOption = None,
    kind: Annotated[
        str | None,
        typer.Option("--type", "-t", help=f"Alleen kaarten van dit type: {', '.join(CARD_TYPES)}."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Schrijf een JSON-lijst met alle velden.")
    ] = False,
) -> None:
    """Toon de kaarten van een deck als tabel, of als JSON."""
    list_cards_of(deck_path, kind, as_json)


@deck_app.command("show")
def show(
    card_id: Annotated[str, typer.Argument(metavar="ID", help="Id van de kaart, bv. buurtvaders.")],
    deck_path: DeckOption = None,
) -> None:
    """Toon één kaart leesbaar in de terminal."""
    deck = open_deck(deck_path)
    card = deck.get(card_id)
    if card is None:
        raise InputError(
            [
                Problem(
                    Location(Path(card_id)),
                    _("geen kaart met deze id"),
                    hint=did_you_mean(card_id, [c.id for c in deck.cards])
                    or _("zie 'netwerktafel deck list'"),
                )
            ]
        )
    from game.card_panels import card_panel
    from game.cli.terminal import out

    # In the language of the command line (--taal), where the deck has it.
    out.print(card_panel(deck, card, current_language()))


@deck_app.command("schema")
def schema(
    manifest: Annotated[
        bool,
        typer.Option("--manifest", help="Het schema van deck.yaml in plaats van een kaartbestand."),
    ] = False,
) -> None:
    """Schrijf het JSON Schema van een kaartbestand (of van het manifest), voor editors."""
    from pydantic import TypeAdapter

    import deck.model
    import deck.text
    from deck.field_docs import models_in, with_field_docs

    model: TypeAdapter[object] = TypeAdapter(Manifest if manifest else list[Card])
    document = with_field_docs(model.json_schema(), models_in(deck.model, deck.text))
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "netwerktafel-manifest" if manifest else "netwerktafel-kaartbestand"
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
