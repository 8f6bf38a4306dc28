"""QR codes are written as one literal path: the same PDF, byte for byte, as drawing each run
of dark modules with reportlab's own path `rect` and `drawPath`."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from print.qr import draw_qr, qr_runs

INK = HexColor("#1d1d1b")
URLS = st.sampled_from(["https://www.lomap.be/", "https://youtu.be/ycuEPc2pOqg"]) | st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz0123456789/.:-%#", min_size=1, max_size=120
)


def pdf_of(draw: Callable[[Canvas], None]) -> bytes:
    canvas = Canvas(io.BytesIO(), invariant=1, pageCompression=0)
    draw(canvas)
    canvas.showPage()
    return bytes(canvas.getpdfdata())


def with_reportlab_paths(url: str, canvas: Canvas) -> None:
    """The QR code drawn as before: a path rectangle per run, filled."""
    modules, runs = qr_runs(url)
    name = "qr-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    canvas.saveState()
    canvas.translate(40, 50)
    canvas.scale(60 / modules, 60 / modules)
    canvas.beginForm(name, 0, 0, modules, modules)
    canvas.setFillColor(INK)
    path = canvas.beginPath()
    for row, column, length in runs:
        path.rect(column, modules - row - 1, length, 1)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.endForm()
    canvas.doForm(name)
    canvas.restoreState()


@settings(max_examples=15, deadline=None)
@given(url=URLS)
def test_a_qr_code_is_the_path_reportlab_would_draw(url: str) -> None:
    ours = pdf_of(lambda canvas: draw_qr(canvas, url, 40, 50, 60, INK))
    assert ours.count(b" re") == len(qr_runs(url)[1])
    assert ours == pdf_of(lambda canvas: with_reportlab_paths(url, canvas))
