"""Start the facilitator app: what plain `netwerktafel` does, with or without Typer."""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.deck_opening import open_deck

if TYPE_CHECKING:
    from game.tui.app import NetwerktafelApp


def run_facilitator_app(deck_path: Path | None, session: str | None) -> None:
    """Start the facilitator TUI; a bad deck stops it with the deck's problems (exit 2).

    Without a session the start screen is drawn before the deck loads; a session file is
    opened once first, so a wrong file is reported like any bad input before the app draws.
    """
    # Python's cyclic garbage collector would sweep again and again over the thousands of
    # objects Textual makes while it imports and draws the first screen, none of them
    # garbage: it stays off until the start screen is drawn (the app turns it on again).
    gc.disable()
    try:
        app = _app(deck_path, session)
        app.run()
    finally:
        gc.enable()  # also when the app stopped before its first frame
    if app.deck_problems is not None:
        raise app.deck_problems


def _app(deck_path: Path | None, session: str | None) -> NetwerktafelApp:
    from game.tui.app import build_app

    if session is None:
        return build_app(deck_path=deck_path)
    from game.store import session_path
    from game.tui.live_session import LiveSession

    deck = open_deck(deck_path)
    path = session_path(session)
    LiveSession.open(path, deck, time.time).close()
    return build_app(deck_path=deck_path, session=path, deck=deck)
