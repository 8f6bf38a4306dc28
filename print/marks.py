"""Small drawn marks: one per participation form, and a ring around a type's icon.

The three forms get a pictogram a player learns to recognise across the table:
transparantie an eye (seeing what the government does), meepraten two speech balloons,
meedoen two linked rings (working together). A form a custom deck adds shows the card
type's icon from the manifest, else the first letter of its title in the card's language.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from print.fonts import BOLD, can_print

KNOWN_FORMS = ("transparantie", "meepraten", "meedoen")


def draw_ring(canvas: Canvas, cx: float, cy: float, size: float, colour: Color) -> None:
    """The ring every mark sits in."""
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(size * 0.07)
    canvas.circle(cx, cy, size / 2 - size * 0.035, stroke=1, fill=0)


def draw_form_mark(
    canvas: Canvas,
    form: str,
    cx: float,
    cy: float,
    size: float,
    colour: Color,
    ground: Color,
    letter: str | None = None,
) -> None:
    """The mark of participation form `form`, centred on (cx, cy), `size` points across.

    `letter` is what a form without a pictogram shows (default: the id's initial).
    """
    canvas.saveState()
    draw_ring(canvas, cx, cy, size, colour)
    canvas.setFillColor(colour)
    canvas.setStrokeColor(colour)
    r = size / 2
    if form == "transparantie":
        # An eye: two arcs meeting at the corners, and a pupil.
        w, h = r * 0.62, r * 0.36
        path = canvas.beginPath()
        path.moveTo(cx - w, cy)
        path.curveTo(cx - w * 0.45, cy + h * 1.25, cx + w * 0.45, cy + h * 1.25, cx + w, cy)
        path.curveTo(cx + w * 0.45, cy - h * 1.25, cx - w * 0.45, cy - h * 1.25, cx - w, cy)
        path.close()
        canvas.setLineWidth(size * 0.06)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.circle(cx, cy, h * 0.62, stroke=0, fill=1)
    elif form == "meepraten":
        # Two speech balloons, the second behind the first.
        for dx, dy, scale, filled in (
            (r * 0.16, r * 0.14, 0.78, False),
            (-r * 0.14, -r * 0.08, 0.8, True),
        ):
            w, h = r * 0.5 * scale, r * 0.34 * scale
            x, y = cx + dx, cy + dy
            canvas.setLineWidth(size * 0.05)
            canvas.roundRect(x - w, y - h, 2 * w, 2 * h, h * 0.6, stroke=1, fill=1 if filled else 0)
            tail = canvas.beginPath()
            tail.moveTo(x - w * 0.45, y - h * 0.9)
            tail.lineTo(x - w * 0.7, y - h * 1.75)
            tail.lineTo(x - w * 0.05, y - h * 0.9)
            tail.close()
            canvas.drawPath(tail, stroke=0, fill=1)
            if filled:
                canvas.setFillColor(ground)
                for k in (-1, 0, 1):
                    canvas.circle(x + k * w * 0.45, y, h * 0.16, stroke=0, fill=1)
                canvas.setFillColor(colour)
    elif form == "meedoen":
        # Two linked rings: hands joined in the work.
        canvas.setLineWidth(size * 0.075)
        ring = r * 0.3
        canvas.circle(cx - ring * 0.62, cy, ring, stroke=1, fill=0)
        canvas.circle(cx + ring * 0.62, cy, ring, stroke=1, fill=0)
    else:
        shown = letter if letter and can_print(letter) else form[:1].upper()
        draw_centred_glyph(
            canvas, shown, cx, cy, size * (0.55 if len(shown) == 1 else 0.42), colour
        )
    canvas.restoreState()


def draw_centred_glyph(
    canvas: Canvas, text: str, cx: float, cy: float, font_size: float, colour: Color
) -> None:
    """A short text (an icon character) centred on (cx, cy)."""
    canvas.setFillColor(colour)
    canvas.setFont(BOLD, font_size)
    width = stringWidth(text, BOLD, font_size)
    canvas.drawString(cx - width / 2, cy - font_size * 0.36, text)


def draw_icon_mark(
    canvas: Canvas, icon: str | None, cx: float, cy: float, size: float, colour: Color
) -> bool:
    """A card type's icon from the manifest in a ring; False when there is none to print."""
    if not icon or not can_print(icon):
        return False
    canvas.saveState()
    draw_ring(canvas, cx, cy, size, colour)
    draw_centred_glyph(canvas, icon, cx, cy, size * (0.55 if len(icon) == 1 else 0.42), colour)
    canvas.restoreState()
    return True
