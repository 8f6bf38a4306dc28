"""`netwerktafel serve`: the room's web pages — a phone page to vote, a beamer page to project.

One process serves the whole room. Participants open the printed URL on their phone (or
scan the QR code, which carries the join code too) and vote; the projector shows
`/scherm`: the join code, the round and its clock, how many voted, and the results once the
facilitator reveals them. Every vote goes into the session file, like a vote from a
terminal. Bound to 127.0.0.1 (this machine only) unless `--host` says otherwise:
`--host 0.0.0.0` serves the whole local network. The pages need no internet.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import Annotated

import typer

from catalogue import _
from deck import Deck, InputError
from game.cli.options import DeckOption
from game.cli.session_choice import OptionalSessionArg, chosen_session
from game.engine import SessionState
from game.room_address import ALL_ADDRESSES, DEFAULT_PORT, Addresses, qr_text
from game.session_deck import session_deck
from game.store import SessionStore


def serve(
    session: OptionalSessionArg = None,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Adres om op te luisteren. 127.0.0.1: alleen deze computer; "
            "0.0.0.0: het hele lokale netwerk.",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Poort.", min=1, max=65535)] = DEFAULT_PORT,
    deck_path: DeckOption = None,
) -> None:
    """Serve the phone and beamer pages of a session (help text: `command_table`)."""
    # Imported here: aiohttp and Jinja2 load only for this command.
    from game.web import listening_socket, run_room

    path = Path(chosen_session(session))
    # Opened before it is resolved: a loop of symbolic links is then one Dutch line.
    with SessionStore.open(path, with_key=False) as store:
        state = store.state
    path = path.resolve()
    info = state.info
    assert info is not None
    deck = _deck(path, state, deck_path)
    try:
        sock = listening_socket(host, port)
    except OSError as error:
        print(
            _("netwerktafel serve: {value}").format(value=_bind_problem(host, port, error)),
            file=sys.stderr,
        )
        raise typer.Exit(2) from None
    addresses = Addresses.serving(host, port)
    print(_("Stemmen op de gsm: {phone}").format(phone=addresses.phone))
    print(_("Deelnamecode: {join_code}").format(join_code=info.join_code))
    print(_("Scherm voor de beamer: {beamer}").format(beamer=addresses.beamer))
    if host in ALL_ADDRESSES:
        print(_("Deelnemers op hetzelfde (wifi-)netwerk openen het adres hierboven."))
    elif host == "127.0.0.1":
        print(_("Alleen op deze computer bereikbaar; --host 0.0.0.0 opent het voor het netwerk."))
    print(_("QR-code (met de deelnamecode erin):"))
    print(qr_text(addresses.phone_with_code(info.join_code)), end="")
    print(_("Stoppen: Ctrl+C"), flush=True)
    run_room(path, sock=sock, addresses=addresses, deck=deck)


def _bind_problem(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return _("poort {port} is al in gebruik (kies een andere met --port)").format(port=port)
    if error.errno == errno.EACCES:
        return _(
            "poort {port} mag alleen de beheerder openen (kies er een boven 1024 met --port)"
        ).format(port=port)
    return _("kan niet luisteren op {host}:{port}: {strerror} (controleer --host)").format(
        host=host, port=port, strerror=error.strerror
    )


def _deck(path: Path, state: SessionState, override: Path | None) -> Deck | None:
    """The session's deck, for what kind of card a statement is; the pages do without it."""
    try:
        return session_deck(path, state, override=override)
    except InputError:
        if override is not None:
            raise
        print(
            _(
                "Let op: het deck van deze sessie is niet gevonden (--deck wijst het aan); "
                "de pagina's werken, maar tonen een bereidheid als stelling."
            )
        )
        return None
