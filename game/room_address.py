"""Where the room finds the pages of `netwerktafel serve`: this machine's address on the
network, the phone and beamer addresses, and the phone address as a QR code."""

from __future__ import annotations

import io
import socket
from dataclasses import dataclass

ALL_ADDRESSES = {"0.0.0.0", "::", ""}
DEFAULT_PORT = 8000


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


@dataclass(frozen=True)
class Addresses:
    """Where the room finds the pages of `netwerktafel serve`, as printed for people."""

    phone: str
    """The phone page, e.g. `http://192.168.1.20:8000`."""

    @classmethod
    def serving(cls, host: str, port: int) -> Addresses:
        """The addresses of a server listening on `host`:`port`."""
        return cls(public_url(host, port))

    @property
    def beamer(self) -> str:
        """The beamer page."""
        return f"{self.phone}/scherm"

    def phone_with_code(self, code: str) -> str:
        """The phone page with the join code filled in: what the QR code holds."""
        return f"{self.phone}/?code={code}"


def qr_text(url: str) -> str:
    """The URL as a QR code in terminal characters."""
    import segno  # only the screens and commands that show a code pay for it

    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True)
    return buffer.getvalue()
