"""QR codes to a card's source, drawn as vector squares.

The modules come from segno, already a dependency: reportlab's own QR widget takes about
25 ms a code in pure Python, which alone would break the one-second budget for a deck with
forty web sources. Dark modules are merged into horizontal runs and drawn as one path, and
each distinct code is stored once in the PDF as a form that every card citing it reuses.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from print.forms import place_form
from print.qr_mask import qr_matrix


@lru_cache(maxsize=1024)
def qr_runs(url: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The size in modules of the QR code for `url`, and its dark runs (row, column, length)."""
    # Error level M survives a smudge; segno picks the smallest version, print/qr_mask.py
    # the mask segno would pick.
    matrix = qr_matrix(url)
    runs: list[tuple[int, int, int]] = []
    for row, line in enumerate(matrix):
        column = 0
        width = len(line)
        while column < width:
            if line[column]:
                start = column
                while column < width and line[column]:
                    column += 1
                runs.append((row, start, column - start))
            else:
                column += 1
    return len(matrix), tuple(runs)


def draw_qr(canvas: Canvas, url: str, x: float, y: float, size: float, colour: Color) -> None:
    """The QR code for `url` as a `size`-point square with its bottom-left corner at (x, y).

    Each distinct code becomes one PDF form, drawn in module units and placed by scaling:
    sixty cards citing the same report share one copy of its code.
    """
    modules, runs = qr_runs(url)
    name = "qr-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]

    def draw(form: Canvas) -> None:
        form.setFillColor(colour)
        # The path reportlab's `beginPath`, `rect` and `drawPath(fill=1)` write (a new path,
        # a rectangle per run, filled by the even-odd rule, its default), written directly:
        # its formatting of each whole number as a float took a tenth of the drawing time.
        rectangles = " ".join(f"{x} {modules - y - 1} {w} 1 re" for y, x, w in runs)
        form.addLiteral(f"n {rectangles}")
        form.addLiteral("f*")

    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / modules, size / modules)
    place_form(canvas, name, (0, 0, modules, modules), draw)
    canvas.restoreState()
