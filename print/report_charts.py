"""The report's charts as vector drawings (reportlab.graphics), readable on any printer.

Colour is never the only carrier of meaning: every bar has its figure printed on it or
beside it, the disagreeing side of a statement's bar is hatched, and the shades step from
dark to light so a black-and-white copy still tells the answers apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from print.colours import INK, MUTED, accent, luminance, tint
from print.fonts import BOLD, ITALIC
from print.report_style import RULE

DISAGREE_GREYS = ("#5f5f5c", "#b9b9b5")
"""Answers 1 and 2: greys, hatched. The deck's statement colour is kept for agreeing."""
NEUTRAL_GREY = "#e6e6e2"
"""Answer 3: the palest, the middle of the scale."""
HATCHED = frozenset({0, 1})
"""Which answers (0-based) are hatched: the disagreeing side."""
HATCH_SPACING = 3.2
BAR_GAP = 0.8
"""White space between the segments of a stacked bar, in points."""


def label_ink(fill: Color) -> Color:
    """White or near-black, whichever contrasts more with `fill` (WCAG contrast ratio)."""
    light = luminance(fill)
    on_white = 1.05 / (light + 0.05)
    on_ink = (light + 0.05) / (luminance(INK) + 0.05)
    return white if on_white >= on_ink else INK


def likert_colours(colour: str) -> tuple[Color, ...]:
    """Fill colours of answers 1–5: greys for disagreeing, the type colour for agreeing."""
    strong = accent(colour)
    return (
        HexColor(DISAGREE_GREYS[0]),
        HexColor(DISAGREE_GREYS[1]),
        HexColor(NEUTRAL_GREY),
        tint(strong, 0.45),
        strong,
    )


def _hatch(drawing: Drawing, x: float, y: float, width: float, height: float) -> None:
    """Diagonal white lines inside a rectangle (drawn to its edges, no clipping needed)."""
    offset = -height
    while offset < width:
        start = max(0.0, -offset)
        end = min(height, width - offset)
        if end > start:
            drawing.add(
                Line(
                    x + offset + start,
                    y + start,
                    x + offset + end,
                    y + end,
                    strokeColor=white,
                    strokeWidth=0.6,
                )
            )
        offset += HATCH_SPACING


def stacked_bar(
    shares: Sequence[float],
    colour: str,
    width: float,
    height: float = 14.0,
    *,
    empty_text: str = "",
) -> Drawing:
    """One 100 % bar of five answer shares (percent), each labelled when it fits.

    With no shares at all (nobody voted yet), an outlined empty bar carrying `empty_text`.
    """
    drawing = Drawing(width, height)
    total = sum(shares)
    if total <= 0:
        drawing.add(Rect(0, 0, width, height, fillColor=None, strokeColor=RULE, strokeWidth=0.6))
        if empty_text:
            drawing.add(
                String(
                    width / 2,
                    height / 2 - 3,
                    empty_text,
                    fontName=ITALIC,
                    fontSize=7.5,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
        return drawing
    fills = likert_colours(colour)
    x = 0.0
    size = 7.5
    for index, share in enumerate(shares):
        segment = width * share / total
        if segment <= 0:
            continue
        inner = max(segment - BAR_GAP, 0.3)
        fill = fills[index % len(fills)]
        drawing.add(Rect(x, 0, inner, height, fillColor=fill, strokeColor=None, strokeWidth=0))
        if index in HATCHED:
            _hatch(drawing, x, 0, inner, height)
        label = f"{round(share)} %"
        label_width = stringWidth(label, BOLD, size)
        if label_width + 6 <= inner:
            ink = label_ink(fill)
            # A white badge behind the figure keeps it legible over the hatching.
            if index in HATCHED:
                ink = INK
                drawing.add(
                    Rect(
                        x + (inner - label_width) / 2 - 1.5,
                        height / 2 - size * 0.5,
                        label_width + 3,
                        size * 1.08,
                        rx=1.2,
                        ry=1.2,
                        fillColor=white,
                        strokeColor=None,
                        strokeWidth=0,
                    )
                )
            drawing.add(
                String(
                    x + inner / 2,
                    height / 2 - size * 0.35,
                    label,
                    fontName=BOLD,
                    fontSize=size,
                    fillColor=ink,
                    textAnchor="middle",
                )
            )
        x += segment
    return drawing


def swatch(index: int, colour: str, size: float = 8.0) -> Drawing:
    """The legend's sample of answer `index` (0-based): its fill, hatched like the bar."""
    drawing = Drawing(size, size)
    fill = likert_colours(colour)[index]
    drawing.add(Rect(0, 0, size, size, fillColor=fill, strokeColor=None, strokeWidth=0))
    if index in HATCHED:
        _hatch(drawing, 0, 0, size, size)
    return drawing


def value_bar(
    fraction: float, colour: Color, width: float, height: float = 9.0, label: str = ""
) -> Drawing:
    """A horizontal bar filling `fraction` of `width` on a faint track, `label` after it.

    The label goes inside the bar's end when the bar is long, else just after it, so the
    figure is always printed and never hangs off the drawing.
    """
    drawing = Drawing(width, height)
    drawing.add(
        Rect(0, 0, width, height, fillColor=tint(colour, 0.08), strokeColor=None, strokeWidth=0)
    )
    length = max(0.0, min(1.0, fraction)) * width
    if length > 0:
        drawing.add(Rect(0, 0, length, height, fillColor=colour, strokeColor=None, strokeWidth=0))
    if label:
        size = 7.5
        label_width = stringWidth(label, BOLD, size)
        baseline = height / 2 - size * 0.35
        if label_width + 6 <= length:
            drawing.add(
                String(
                    length - 3,
                    baseline,
                    label,
                    fontName=BOLD,
                    fontSize=size,
                    fillColor=label_ink(colour),
                    textAnchor="end",
                )
            )
        else:
            drawing.add(
                String(
                    min(length + 3, width - label_width),
                    baseline,
                    label,
                    fontName=BOLD,
                    fontSize=size,
                    fillColor=INK,
                    textAnchor="start",
                )
            )
    return drawing
