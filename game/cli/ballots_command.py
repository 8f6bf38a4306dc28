"""`netwerktafel print ballots SESSIE STEMRONDE`: paper slips for an open ballot.

For whoever has no phone: the slips carry the ballot's id, its options with their numbers
(the keys the facilitator types on the slip screen, `p` in the app) and the method's
instruction, in the language of `--taal`: a statement's or dilemma's words come from the
session's deck in it when the deck is in reach. The session file is only read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from catalogue import _, current_language, ngettext
from deck import Deck, InputError, Location, Problem
from game.cli.options import SessionArg
from game.cli.output_file import checked_output_file

MAX_SLIPS = 1000


def ballots(
    session: SessionArg,
    ballot: Annotated[
        str, typer.Argument(metavar="STEMRONDE", help="Id van de open stemronde (b1).")
    ],
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
    # Imported here: `print cards` registers this command beside it and needs no store.
    from game.cli.outcome import refuse, warn
    from game.engine import find_ballot
    from game.session_deck import session_deck
    from game.store import read_state, session_path
    from print.ballot_slips import slips_per_page, write_slips

    path = session_path(session)
    state = read_state(path, warn=warn)
    found = find_ballot(state, ballot)
    if isinstance(found, str):
        refuse(found)
    if not found.is_open:
        refuse(
            _("stemronde {ballot} is gesloten; stembrieven zijn er voor een open stemronde").format(
                ballot=found.id
            )
        )
    if count is not None and not 1 <= count <= MAX_SLIPS:
        refuse(_("druk 1 tot {most} stembrieven, niet {count}").format(most=MAX_SLIPS, count=count))
    target = checked_output_file(
        output or Path(f"{path.stem}-stembrieven-{found.id}.pdf"),
        _("geef een bestandsnaam, bv. -o stembrieven.pdf"),
    )
    try:
        # The slips need no deck: without it a statement keeps the words it was opened with.
        deck: Deck | None = session_deck(path, state)
    except InputError:
        deck = None
    language = current_language()
    try:
        per_page = slips_per_page(found, language, deck, state)
        summary = write_slips(target, found, count or per_page, language, deck, state)
    except OSError as error:
        message = _("kan het bestand niet schrijven: {reason}").format(reason=error.strerror)
        raise InputError([Problem(Location(target), message)]) from None
    pages = ngettext("{count} pagina", "{count} pagina's", summary.pages).format(
        count=summary.pages
    )
    print(
        _(
            "{target} geschreven: {count} stembrieven voor stemronde {ballot} "
            "({per_page} per A4, {pages}). Snij langs de stippellijnen."
        ).format(
            target=target,
            count=summary.slips,
            ballot=found.id,
            per_page=summary.per_page,
            pages=pages,
        )
    )
