"""A print run keeps what existed before it out of the cyclic collector's passes, and only
for the run: what the run makes is still collected, and nothing stays frozen afterwards."""

from __future__ import annotations

import gc
import weakref

from print.fit import fit_cards
from print.frozen_heap import frozen_heap
from print.imposition import PrintLayout
from print.sheets import render_cards
from tests.print.printed_decks import EXAMPLE


class Node:
    """An object that can sit in a reference cycle."""

    other: Node | None = None


def test_the_heap_is_frozen_only_inside_the_block() -> None:
    before = Node()
    with frozen_heap():
        assert gc.get_freeze_count() > 0
        made = Node()
        made.other = Node()
        made.other.other = made  # a cycle made during the run
        gone = weakref.ref(made)
        del made
        gc.collect()
        assert gone() is None  # the run's own garbage is still collected
    assert gc.get_freeze_count() == 0
    assert before.other is None


def test_fitting_and_drawing_leave_nothing_frozen() -> None:
    layout = PrintLayout()
    faces, _ = fit_cards(EXAMPLE, EXAMPLE.cards, layout.card)
    assert gc.get_freeze_count() == 0
    render_cards(EXAMPLE, list(EXAMPLE.cards), layout, faces=faces)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
