"""Which deck a session plays with: one rule for the CLI, the facilitator app and `serve`.

A session records its deck's id and, for a deck of one's own, the folder it came from and a
copy of its files. The deck to play with is, in this order: the one named with `--deck`; a
deck the caller already has loaded with the session's id (the app's); the copy kept in the
session; the recorded folder, if it still holds that deck (a session made before copies
were kept); the built-in deck, if the session was made with it. Anything else is one clear
message saying which deck the session needs and how to point at it.
"""

from __future__ import annotations

from pathlib import Path

from deck import Deck, default_deck_path, load_deck
from deck.loader import deck_from_files
from game.engine import SessionState
from game.store import session_problem


def session_deck(
    path: Path, state: SessionState, *, override: Path | None = None, loaded: Deck | None = None
) -> Deck:
    """The deck the session at `path` (in `state`) plays with; `InputError` when it is
    out of reach or `--deck` names another deck."""
    info = state.info
    assert info is not None, "only started sessions are opened"
    if override is not None:
        chosen = load_deck(override)
        if chosen.manifest.id != info.deck_id:
            raise _wrong_deck(path, info.deck_id, chosen.manifest.id)
        return chosen
    if loaded is not None and loaded.manifest.id == info.deck_id:
        return loaded
    if info.deck_files:
        files = tuple((file.name, file.text) for file in info.deck_files)
        return deck_from_files(files, path.parent / f"{path.name} (bewaard deck)")
    recorded = Path(info.deck_path) if info.deck_path else None
    if recorded is not None and recorded.exists():
        played = load_deck(recorded)
        if played.manifest.id == info.deck_id:
            return played
    if recorded is None:
        built_in = load_deck(default_deck_path())
        if built_in.manifest.id == info.deck_id:
            return built_in
    raise _wrong_deck(path, info.deck_id, loaded.manifest.id if loaded is not None else None)


def _wrong_deck(path: Path, wanted: str, other: str | None) -> Exception:
    other_text = f", niet met '{other}'" if other else ""
    return session_problem(
        path,
        f"deze sessie speelt met deck '{wanted}'{other_text}",
        hint="geef met --deck de map van dat deck",
    )
