"""Reusable PDF forms: draw a repeated graphic once, place it many times.

Every back of one card type is the same drawing, and so is every front's colour band for
one type and form. Storing each once as a form XObject keeps a 500-card PDF small and
saves most of the time reportlab spends formatting numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

_KEY = "_netwerktafel_forms"


def place_form(
    canvas: Canvas,
    name: str,
    bbox: tuple[float, float, float, float],
    draw: Callable[[Canvas], None],
) -> None:
    """Show form `name` at the current origin, drawing it with `draw` the first time.

    `bbox` is (left, bottom, right, top) in the form's own coordinates; whatever `draw`
    paints outside it is cut off.
    """
    forms: set[str] = canvas.__dict__.setdefault(_KEY, set())
    if name not in forms:
        forms.add(name)
        canvas.beginForm(name, *bbox)
        draw(canvas)
        canvas.endForm()
    canvas.doForm(name)
