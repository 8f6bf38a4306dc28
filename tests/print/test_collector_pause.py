"""Fitting and drawing run with the cyclic garbage collector paused, and only while they run:
afterwards it collects as before (or stays off if it was off), and what was frozen before
stays frozen."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from deck.collector_pause import collector_paused
from print import fit, sheets
from print.imposition import PrintLayout
from tests.print.printed_decks import EXAMPLE


@pytest.mark.parametrize("collecting", [True, False])
def test_the_collector_is_paused_only_inside_the_block(collecting: bool) -> None:
    (gc.enable if collecting else gc.disable)()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() == collecting
    finally:
        gc.enable()


def test_fitting_and_drawing_pause_it_and_leave_it_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    collecting: list[bool] = []
    fit_face, draw_front = fit.fit_face, sheets.draw_front

    def fitted(*args: Any) -> Any:
        collecting.append(gc.isenabled())
        return fit_face(*args)

    def drawn(*args: Any) -> None:
        collecting.append(gc.isenabled())
        draw_front(*args)

    # What the caller froze stays frozen: nothing unfreezes it. (The freeze count itself may
    # drop meanwhile: a frozen object that reference counting frees leaves the count.)
    unfrozen: list[bool] = []
    monkeypatch.setattr(gc, "unfreeze", lambda: unfrozen.append(True))
    monkeypatch.setattr(fit, "fit_face", fitted)
    monkeypatch.setattr(sheets, "draw_front", drawn)
    layout = PrintLayout()
    faces, _ = fit.fit_cards(EXAMPLE, EXAMPLE.cards, layout.card)
    sheets.render_cards(EXAMPLE, list(EXAMPLE.cards), layout, faces=faces)
    assert collecting and not any(collecting)  # paused for every card fitted and drawn
    assert gc.isenabled() and not unfrozen
