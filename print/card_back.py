"""Drawing one card's back: the type's colour, the deck's title and the card type.

The back is point-symmetric — its top half is repeated upside down in the bottom half — so
it looks the same whichever way a card lands behind its front: turned over the long edge or
the short one, or turned a quarter on the sheet.
"""

from __future__ import annotations

import hashlib
import math

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from print.card_face import BLEED_REACH, enter_slot
from print.colours import ink_on
from print.face_layout import SAFE, FaceLayout, mm
from print.fonts import BOLD, REGULAR
from print.forms import place_form
from print.imposition import Slot

SEATS = 6
"""Dots around the round table of the emblem; an even number keeps it point-symmetric."""


def draw_back(
    canvas: Canvas, layout: FaceLayout, slot: Slot, deck_title: str, type_label: str, colour: str
) -> None:
    """Draw the back of a card of one type into `slot`."""
    width, height = mm(layout.card.width), mm(layout.card.height)
    reach = mm(BLEED_REACH)
    canvas.saveState()
    enter_slot(canvas, slot)
    key = f"back-{layout.card.width}x{layout.card.height}-{colour}-{type_label}-{deck_title}"
    place_form(
        canvas,
        "b" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        (-reach, -reach, width + reach, height + reach),
        lambda form: _draw_back(form, layout, deck_title, type_label, colour),
    )
    canvas.restoreState()


def _draw_back(
    canvas: Canvas, layout: FaceLayout, deck_title: str, type_label: str, colour: str
) -> None:
    width, height = mm(layout.card.width), mm(layout.card.height)
    ground = HexColor(colour)
    ink = ink_on(ground)
    reach = mm(BLEED_REACH)
    canvas.setFillColor(ground)
    canvas.rect(-reach, -reach, width + 2 * reach, height + 2 * reach, stroke=0, fill=1)

    inset = mm(SAFE)
    canvas.setStrokeColor(ink)
    canvas.setLineWidth(0.8 * layout.scale)
    canvas.roundRect(inset, inset, width - 2 * inset, height - 2 * inset, mm(2.5), stroke=1, fill=0)

    # The emblem: a round table with seats around it.
    cx, cy = width / 2, height / 2
    radius = min(width, height) * 0.17
    canvas.setLineWidth(radius * 0.12)
    canvas.circle(cx, cy, radius, stroke=1, fill=0)
    canvas.setFillColor(ink)
    for seat in range(SEATS):
        angle = math.pi / 2 + seat * 2 * math.pi / SEATS
        canvas.circle(
            cx + math.cos(angle) * radius * 1.5,
            cy + math.sin(angle) * radius * 1.5,
            radius * 0.2,
            stroke=0,
            fill=1,
        )

    for turn in (0, 180):
        canvas.saveState()
        canvas.translate(cx, cy)
        canvas.rotate(turn)
        _draw_half(canvas, layout, width, height, deck_title, type_label, ink)
        canvas.restoreState()


def _draw_half(
    canvas: Canvas,
    layout: FaceLayout,
    width: float,
    height: float,
    title: str,
    label: str,
    ink: Color,
) -> None:
    """The label and the deck title in the top half, with the origin at the card's centre."""
    room = width - 2 * mm(SAFE) - mm(4) * layout.scale
    top = height / 2 - mm(SAFE) - mm(3.2) * layout.scale
    label_size = layout.type.label * 1.2
    text = label.upper()
    spacing = label_size * 0.12
    while label_size > 5 and _spaced_width(text, label_size, spacing) > room:
        label_size -= 0.25
        spacing = label_size * 0.12
    canvas.setFillColor(ink)
    canvas.setFont(BOLD, label_size)
    text_width = _spaced_width(text, label_size, spacing)
    canvas.drawString(-text_width / 2, top - label_size * 0.75, text, charSpace=spacing)

    size = layout.type.kicker
    lines = simpleSplit(title, REGULAR, size, room)
    while len(lines) > 2 and size > 4.5:
        size -= 0.25
        lines = simpleSplit(title, REGULAR, size, room)
    canvas.setFont(REGULAR, size)
    y = top - label_size * 0.75 - size * 1.6
    for line in lines[:3]:
        canvas.drawCentredString(0, y, line)
        y -= size * 1.2


def _spaced_width(text: str, size: float, spacing: float) -> float:
    return stringWidth(text, BOLD, size) + spacing * max(len(text) - 1, 0)
