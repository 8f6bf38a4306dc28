"""`netwerktafel serve`: the participant app in the browsers of the room.

Participants open the printed URL (or scan the QR code) on a phone or laptop on the same
network, type the join code from the facilitator's screen and their name, and vote; every
vote goes into the session file, like a vote from a terminal. Bound to 127.0.0.1 (this
machine only) unless `--host` says otherwise: `--host 0.0.0.0` serves the whole local
network. The page needs no internet: its fonts and scripts come from this machine.
"""

from __future__ import annotations

import io
import socket
from pathlib import Path
from typing import Annotated

import segno
import typer

from game.cli.session_choice import OptionalSessionArg, chosen_session
from game.store import SessionStore

ALL_ADDRESSES = {"0.0.0.0", "::", ""}


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent), or 127.0.0.1."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        # Connecting a UDP socket only picks the outgoing interface; nothing goes out.
        probe.connect(("10.255.255.255", 1))
        address = str(probe.getsockname()[0])
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    return address


def public_url(host: str, port: int) -> str:
    """The URL participants open: for `0.0.0.0`, this machine's address on the network."""
    shown = lan_address() if host in ALL_ADDRESSES else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def qr_text(url: str) -> str:
    """The URL as a QR code in terminal characters."""
    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True)
    return buffer.getvalue()


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
    port: Annotated[int, typer.Option("--port", help="Poort.", min=1, max=65535)] = 8000,
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
