"""Drawing one card's front: colour band, label, mark, title, form line, body, foot."""

from __future__ import annotations

import hashlib

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from print.colours import INK, ink_on, tint
from print.face_layout import SAFE, mm
from print.fit import FOOT_GAP, TITLE_GAP, FittedFace
from print.fonts import BOLD
from print.forms import place_form
from print.imposition import Slot
from print.marks import draw_form_mark, draw_icon_mark
from print.qr import draw_qr

BLEED_REACH = 15.0
"""Backgrounds are drawn this far past the cut (mm) and clipped to the bleed box."""
FOOT_STRIP = 1.2
"""Height (mm) of the thin colour strip along the bottom cut, outside the safe zone."""


def enter_slot(canvas: Canvas, slot: Slot) -> None:
    """Clip to the slot's bleed box and move the origin to the card's bottom-left corner.

    After this, drawing happens in card coordinates (points), turned with the card.
    """
    bleed = slot.bleed
    clip = canvas.beginPath()
    clip.rect(mm(bleed.x), mm(bleed.y), mm(bleed.width), mm(bleed.height))
    canvas.clipPath(clip, stroke=0, fill=0)
    if slot.rotation == 90:
        # A quarter turn anticlockwise: the card's bottom edge lies along the slot's right side.
        canvas.translate(mm(slot.trim.right), mm(slot.trim.y))
        canvas.rotate(90)
    else:
        canvas.translate(mm(slot.trim.x), mm(slot.trim.y))


def draw_front(canvas: Canvas, face: FittedFace, slot: Slot) -> None:
    """Draw a fitted card face into `slot`."""
    layout = face.layout
    content = face.content
    card = layout.card
    width, height = mm(card.width), mm(card.height)
    colour = HexColor(content.colour)
    canvas.saveState()
    enter_slot(canvas, slot)

    reach = mm(BLEED_REACH)
    name = f"front-{layout.card.width}x{layout.card.height}-{content.colour}-{content.form}-"
    name += f"{content.icon}-{content.form_letter}-{content.type_label}"
    place_form(
        canvas,
        "f" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:16],
        (-reach, -reach, width + reach, height + reach),
        lambda form: _draw_chrome(form, face),
    )

    # Title, form line and body, top down in the content box.
    box = layout.content
    left = mm(box.x)
    y = mm(box.top)
    text_width = mm(box.width)
    y -= face.title.height
    face.title.flowables[0].drawOn(canvas, left, y)
    if face.kicker is not None:
        y -= mm(TITLE_GAP) + face.kicker.height
        face.kicker.flowables[0].drawOn(canvas, left, y)
    y -= mm(TITLE_GAP)
    if face.centre_body:
        y -= max(0.0, (face.body_room - face.body.height) / 2)
    _draw_stack(canvas, face.body.flowables, left, y)

    # Foot: a hairline, the sources, the QR code.
    qr = mm(layout.qr_size) if content.url else 0.0
    foot_height = max(qr, face.foot.height if face.foot else 0.0)
    if foot_height:
        bottom = mm(box.y)
        rule = bottom + foot_height + mm(FOOT_GAP) / 2
        canvas.setStrokeColor(tint(colour, 0.45))
        canvas.setLineWidth(0.4)
        canvas.line(left, rule, left + text_width, rule)
        if face.foot is not None:
            paragraph = face.foot.flowables[0]
            paragraph.drawOn(canvas, left, bottom + (foot_height - face.foot.height))
        if content.url:
            draw_qr(canvas, content.url, left + text_width - qr, bottom, qr, INK)
    canvas.restoreState()


def _draw_chrome(canvas: Canvas, face: FittedFace) -> None:
    """What every front of one type (and form) shares: the colour band, label and mark."""
    layout, content = face.layout, face.content
    width, height = mm(layout.card.width), mm(layout.card.height)
    colour = HexColor(content.colour)
    # Colour band along the top and a thin strip along the bottom, both into the bleed.
    reach = mm(BLEED_REACH)
    canvas.setFillColor(colour)
    band_bottom = height - mm(layout.band_height)
    canvas.rect(
        -reach, band_bottom, width + 2 * reach, mm(layout.band_height) + reach, stroke=0, fill=1
    )
    canvas.rect(-reach, -reach, width + 2 * reach, reach + mm(FOOT_STRIP), stroke=0, fill=1)

    # Type label and the mark, in the band's safe part.
    centre = mm(layout.label_centre)
    label_size = layout.type.label
    ink = ink_on(colour)
    canvas.setFillColor(ink)
    canvas.setFont(BOLD, label_size)
    canvas.drawString(
        mm(SAFE),
        centre - label_size * 0.36,
        content.type_label.upper(),
        charSpace=label_size * 0.09,
    )
    mark = mm(layout.mark_size)
    mark_x = width - mm(SAFE) - mark / 2
    if content.form:
        draw_form_mark(canvas, content.form, mark_x, centre, mark, ink, colour, content.form_letter)
    else:
        draw_icon_mark(canvas, content.icon, mark_x, centre, mark, ink)


def _draw_stack(canvas: Canvas, flowables: list[Flowable], left: float, top: float) -> None:
    """Draw already wrapped flowables downwards from `top`, with their spacing."""
    y = top
    last = len(flowables) - 1
    for index, flowable in enumerate(flowables):
        if index:
            y -= flowable.getSpaceBefore()
        y -= flowable.height
        flowable.drawOn(canvas, left, y)
        if index < last:
            y -= flowable.getSpaceAfter()
