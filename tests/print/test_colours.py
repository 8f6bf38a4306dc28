"""Readable ink on any type colour a custom deck may choose."""

from __future__ import annotations

import pytest
from reportlab.lib.colors import HexColor, white

from print.colours import INK, LABEL_MAX, accent, ink_on, luminance
from tests.print.conftest import COLOURS


def test_luminance_runs_from_black_to_white() -> None:
    assert luminance(HexColor("#000000")) == 0
    assert luminance(HexColor("#ffffff")) == pytest.approx(1)


@pytest.mark.parametrize("colour", sorted(set(COLOURS.values())))
def test_the_default_colours_take_white_ink(colour: str) -> None:
    assert ink_on(HexColor(colour)) == white


@pytest.mark.parametrize("colour", ["#ffeb3b", "#fff9c4", "#b2ebf2", "#ffffff"])
def test_pale_bands_take_dark_ink_and_pale_labels_are_darkened(colour: str) -> None:
    assert ink_on(HexColor(colour)) == INK
    assert luminance(accent(colour)) <= LABEL_MAX
    # A darker shade of the same hue, not just black: the channels keep their order.
    base, shade = HexColor(colour), accent(colour)
    order = sorted(range(3), key=lambda i: (base.red, base.green, base.blue)[i])
    assert sorted(range(3), key=lambda i: (shade.red, shade.green, shade.blue)[i]) == order


def test_dark_colours_are_kept_as_labels() -> None:
    assert accent("#1b6a8c") == HexColor("#1b6a8c")
