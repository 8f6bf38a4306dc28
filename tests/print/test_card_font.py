"""The card font measures a text from its glyph widths by character and remembers it: to the
last bit what summing reportlab's widths by code point gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics

from print.font_metrics import FACES
from print.fonts import register_fonts


@given(
    text=st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=40),
    face=st.sampled_from(FACES),
    size=st.floats(4.0, 14.0),
)
def test_a_text_is_as_wide_as_its_glyphs(text: str, face: str, size: float) -> None:
    register_fonts()
    font = pdfmetrics.getFont(face)
    widths, default = font.face.charWidths, font.face.defaultWidth
    summed = 0.001 * sum(widths.get(ord(char), default) for char in text) * size
    # Twice: the second answer comes from what the font remembered.
    assert font.stringWidth(text, size) == summed
    assert font.stringWidth(text, size) == summed
