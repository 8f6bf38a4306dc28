"""Decks this process already validated, handed out again while their files stay the same.

A long-running process (the facilitator app opening session after session, the suite running
the command line in-process) would otherwise read and validate the same deck each time. A
deck is reused only when every file it was built from reads back byte for byte the same, so
an edited deck is always read anew; a deck with problems is never kept (its messages are
worked out every time).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from deck.problems import InputError
from deck.regular_file import read_regular_file

if TYPE_CHECKING:
    from deck.loaded_deck import Deck

KEPT = 8
"""Decks kept at most: the least recently used goes first."""

Sources = tuple[tuple[Path, bytes], ...]
"""Every file a deck was built from, with its bytes at the time."""

_kept: OrderedDict[Hashable, tuple[Sources, Deck]] = OrderedDict()


def recall(key: Hashable) -> Deck | None:
    """The deck kept under `key` if each of its files still holds the same bytes, else None."""
    kept = _kept.get(key)
    if kept is None:
        return None
    sources, deck = kept
    for path, data in sources:
        try:
            if read_regular_file(path, len(data)) != data:
                return None
        except InputError:  # gone, grown, or unreadable now: the loader says what
            return None
    _kept.move_to_end(key)
    return deck


def keep(key: Hashable, sources: Sources, deck: Deck) -> None:
    """Remember `deck`, built from `sources`, under `key`."""
    _kept[key] = (sources, deck)
    _kept.move_to_end(key)
    while len(_kept) > KEPT:
        _kept.popitem(last=False)


def forget() -> None:
    """Drop every kept deck."""
    _kept.clear()
