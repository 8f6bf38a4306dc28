"""`netwerktafel print …`: print-ready PDFs: the card sheets and the session report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from deck.card_types import CARD_TYPES
from game.cli.ballots_command import ballots
from game.cli.command_table import help_of
from game.cli.options import DeckOption
from game.cli.print_cards import BACKS, BLEED, OUTPUT, PAPER, SIZE, print_cards
from game.cli.report_command import report

print_app = typer.Typer(help=help_of("print"), no_args_is_help=True)


@print_app.command("cards")
def cards(
    deck_path: DeckOption = None,
    output: Annotated[
        Path,
        typer.Option("-o", "--output", metavar="BESTAND", help="Het PDF-bestand om te schrijven."),
    ] = OUTPUT,
    paper: Annotated[
        str, typer.Option("--paper", metavar="a4|letter", help="Papierformaat.")
    ] = PAPER,
    size: Annotated[
        str,
        typer.Option(
            "--size",
            metavar="FORMAAT",
            help="Kaartformaat: poker (63×88 mm), poker-us (63,5×88,9), bridge (57×89), "
            "tarot (70×120), mini (44×68), a7 (74×105), a6 (105×148), of BxH in mm (bv. 60x90).",
        ),
    ] = SIZE,
    bleed: Annotated[
        str,
        typer.Option(
            "--bleed",
            metavar="MM",
            help="Afloop rond elke kaart in mm: 0 voor thuis, 3 voor een drukkerij.",
        ),
    ] = BLEED,
    crop_marks: Annotated[
        bool,
        typer.Option(
            "--crop-marks/--no-crop-marks",
            help="Snijtekens buiten de kaarten (niet bij --per-page: daar zegt de TrimBox waar "
            "gesneden wordt).",
        ),
    ] = True,
    backs: Annotated[
        str,
        typer.Option(
            "--backs",
            metavar="long|short|none|fold",
            help="Achterkanten: long = dubbelzijdig, kantelen over de lange kant; short = over de "
            "korte kant; none = geen; fold = naast de voorkant, om te vouwen.",
        ),
    ] = BACKS,
    back_offset: Annotated[
        str | None,
        typer.Option(
            "--back-offset",
            metavar="X,Y",
            help="Verschuif de achterkanten in mm om een printer bij te stellen (X naar rechts, "
            "Y naar boven, gezien op de achterkant), bv. 0.5,-1.",
        ),
    ] = None,
    per_page: Annotated[
        bool,
        typer.Option(
            "--per-page",
            help="Eén kaart per pagina, met afloop, TrimBox en BleedBox: voor een drukkerij.",
        ),
    ] = False,
    types: Annotated[
        list[str] | None,
        typer.Option(
            "--type",
            "-t",
            metavar="TYPE",
            help=f"Alleen kaarten van dit type ({', '.join(CARD_TYPES)}); herhaal voor meer.",
        ),
    ] = None,
    ids: Annotated[
        list[str] | None,
        typer.Option(
            "--id",
            metavar="ID",
            help="Alleen deze kaart; herhaal voor meer. Samen met --type: die kaarten erbij.",
        ),
    ] = None,
) -> None:
    """Maak een PDF met kaartvellen om thuis af te drukken of naar een drukkerij te sturen."""
    print_cards(
        deck_path,
        output=output,
        paper=paper,
        size=size,
        bleed=bleed,
        crop_marks=crop_marks,
        backs=backs,
        back_offset=back_offset,
        per_page=per_page,
        types=types,
        ids=ids,
    )


# Registered last, so `print --help` lists the card sheets first.
print_app.command("report")(report)
print_app.command("ballots")(ballots)
