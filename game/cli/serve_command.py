"""`netwerktafel serve`: the participant app in the browsers of the room.

Participants open the printed URL (or scan the QR code) on a phone or laptop on the same
network, type the join code from the facilitator's screen and their name, and vote; every
vote goes into the session file, like a vote from a terminal. Bound to 127.0.0.1 (this
machine only) unless `--host` says otherwise: `--host 0.0.0.0` serves the whole local
network. The page needs no internet: its fonts and scripts come from this machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from game.cli.session_choice import OptionalSessionArg, chosen_session
from game.room_address import DEFAULT_PORT, public_url, qr_text
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
) -> None:
    """Laat deelnemers stemmen in hun browser: toont de URL, de deelnamecode en een QR-code.

    Een foute deelnamecode wordt pas na een pauze geweigerd, elke volgende later.
    """
    # Imported here: aiohttp and textual-serve load only for this command.
    from game.tui.participant.room_server import RoomServer

    path = Path(chosen_session(session)).resolve()
    with SessionStore.open(path) as store:
        info = store.state.info
        assert info is not None
        code = info.join_code
    url = public_url(host, port)
    print(f"Stemmen in de browser: {url}")
    print(f"Deelnamecode: {code}")
    if host == "127.0.0.1":
        print("Alleen op deze computer bereikbaar; --host 0.0.0.0 opent het voor het netwerk.")
    print(qr_text(url), end="")
    print("Stoppen: Ctrl+C", flush=True)
    RoomServer(path, host=host, port=port, public_url=url).serve()
