"""`netwerktafel print ballots SESSION BALLOT`: paper slips for an open ballot.

For whoever has no phone: the slips carry the ballot's id, its options with their numbers
(the keys the facilitator types on the slip screen, `p` in the app) and the method's
instruction. The session file is only read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from deck import InputError, Location, Problem
from game.cli.report_command import check_pdf_target
from game.cli.session_commands import refuse
from game.engine import find_ballot
from game.store import read_state, session_path

MAX_SLIPS = 1000


def ballots(
    session: Annotated[
        str,
        typer.Argument(
            metavar="SESSION",
            help="Sessiebestand, of alleen een naam (dan in de gegevensmap van netwerktafel).",
            show_default=False,
        ),
    ],
    ballot: Annotated[str, typer.Argument(metavar="BALLOT", help="Id van de open stemronde (b1).")],
    count: Annotated[
        int | None,
        typer.Option(
            "-n",
            "--aantal",
            help="Hoeveel stembrieven. Standaard: één volle A4.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="BESTAND",
            help="Het PDF-bestand. Standaard: <sessie>-stembrieven-<stemronde>.pdf.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Druk papieren stembrieven voor een open stemronde: meerdere per A4, met snijlijnen."""
    from print.ballot_slips import slips_per_page, write_slips

    path = session_path(session)
    state = read_state(path)
    found = find_ballot(state, ballot)
    if isinstance(found, str):
        refuse(found)
    if not found.is_open:
        refuse(f"stemronde {found.id} is gesloten; stembrieven zijn er voor een open stemronde")
    if count is not None and not 1 <= count <= MAX_SLIPS:
        refuse(f"druk 1 tot {MAX_SLIPS} stembrieven, niet {count}")
    target = check_pdf_target(output or Path(f"{path.stem}-stembrieven-{found.id}.pdf"))
    try:
        summary = write_slips(target, found, count or slips_per_page(found))
    except OSError as error:
        message = f"kan het bestand niet schrijven: {error.strerror}"
        raise InputError([Problem(Location(target), message)]) from None
    pages = "1 pagina" if summary.pages == 1 else f"{summary.pages} pagina's"
    print(
        f"{target} geschreven: {summary.slips} stembrieven voor stemronde {found.id} "
        f"({summary.per_page} per A4, {pages}). Snij langs de stippellijnen."
    )
