"""Start the facilitator app: what plain `netwerktafel` does, with or without Typer."""

from __future__ import annotations

import time
from pathlib import Path

from game.cli.deck_opening import open_deck


def run_facilitator_app(deck_path: Path | None, session: str | None) -> None:
    """Start the facilitator TUI; a bad deck stops it with the deck's problems (exit 2).

    Without a session the start screen is drawn before the deck loads; a session file is
    opened once first, so a wrong file is reported like any bad input before the app draws.
    """
    from game.tui.app import build_app

    if session is None:
        app = build_app(deck_path=deck_path)
    else:
        from game.store import session_path
        from game.tui.live_session import LiveSession

        deck = open_deck(deck_path)
        path = session_path(session)
        LiveSession.open(path, deck, time.time).close()
        app = build_app(deck_path=deck_path, session=path, deck=deck)
    app.run()
    if app.deck_problems is not None:
        raise app.deck_problems
