"""`netwerktafel print report SESSIE`: the session report as an A4 PDF.

The command opens the session file through the store (a missing file or one that is not a
session stops with the store's message and exit 2), loads the deck the session was played
with, and hands both to `print.report`, which never touches the session file itself.
`session export --format pdf` writes the same file through `write_pdf_report`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from catalogue import _
from deck import InputError, Location, Problem
from game.cli.options import SessionArg
from game.cli.output_file import checked_output_file

if TYPE_CHECKING:
    from deck import Deck
    from game.engine import SessionState


def write_pdf_report(state: SessionState, deck: Deck, output: Path) -> str:
    """Write the report and return the line that says what was written."""
    from print.report import write_report

    target = checked_output_file(output, _("geef een bestandsnaam, bv. -o verslag.pdf"))
    try:
        summary = write_report(target, state, deck)
    except OSError as error:
        message = _("kan het bestand niet schrijven: {strerror}").format(strerror=error.strerror)
        raise InputError([Problem(Location(target), message)]) from None
    pages = (
        _("1 pagina") if summary.pages == 1 else _("{pages} pagina's").format(pages=summary.pages)
    )
    return _("{target} geschreven: verslag van {pages} A4 ({value} KB).").format(
        target=target, pages=pages, value=max(1, summary.bytes // 1024)
    )


def report(
    session: SessionArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="BESTAND",
            help="Het PDF-bestand om te schrijven. Standaard: <sessie>-verslag.pdf.",
            show_default=False,
        ),
    ] = None,
    deck_path: Annotated[
        Path | None,
        typer.Option(
            "--deck",
            help="Deck-map of deck.yaml. Standaard: het deck waarmee de sessie gemaakt is.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Maak het verslag van een sessie als A4-PDF, om aan elke partner te geven."""
    # Imported here: `print cards` registers this command beside it and needs no store.
    from game.cli.outcome import warn
    from game.session_deck import session_deck
    from game.store import read_state, session_path

    path = session_path(session)
    state = read_state(path, warn=warn)
    deck = session_deck(path, state, override=deck_path)
    print(write_pdf_report(state, deck, output or Path(f"{path.stem}-verslag.pdf")))
