"""The typeface of the printed cards: Bitstream Vera, embedded, and what it can print.

reportlab ships Bitstream Vera (regular, bold, italic, bold italic), so the cards need no
font from the system and print the same everywhere. Vera covers Dutch and French accents
(ë é è ï ç), curly quotes, dashes, the ellipsis and the euro sign, but not ĳ, arrows or
ticks. A character missing from a TrueType font raises no error in reportlab: it prints as
an empty box. `missing_glyphs` finds such characters before anything is printed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# The font's names and what it can print live with its measures, which need no reportlab.
from print.font_metrics import (
    BOLD,
    BOLD_ITALIC,
    FONT_LABEL,
    ITALIC,
    REGULAR,
    REPLACEMENTS,
    can_print,
    missing_glyphs,
)

__all__ = [
    "BOLD",
    "BOLD_ITALIC",
    "FAMILY",
    "FONT_LABEL",
    "ITALIC",
    "REGULAR",
    "REPLACEMENTS",
    "CardFont",
    "can_print",
    "missing_glyphs",
    "register_fonts",
]

FAMILY = "NT-Vera"
"""The family name the four faces are registered under, for <b> and <i> in a Paragraph."""

_FILES = {
    REGULAR: "Vera.ttf",
    BOLD: "VeraBd.ttf",
    ITALIC: "VeraIt.ttf",
    BOLD_ITALIC: "VeraBI.ttf",
}


class CardFont(TTFont):
    """A TrueType font that remembers the width of every string it has measured.

    Paragraph wrapping measures word after word, and fitting a card wraps its text at a few
    sizes; without the C accelerator reportlab sums glyph widths in Python each time. Widths
    are kept at 1 point and scaled, so one entry serves every size.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._widths: dict[str, float] = {}
        self._glyphs = _GlyphWidths(self.face.charWidths, self.face.defaultWidth)

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if isinstance(text, bytes):
            text = text.decode(encoding or "utf8")
        width = self._widths.get(text)
        if width is None:
            width = 0.001 * sum(map(self._glyphs.__getitem__, text))
            if len(self._widths) < 200_000:
                self._widths[text] = width
        return width * size


class _GlyphWidths(dict[str, float]):
    """The font's glyph widths by character (reportlab keeps them by code point, which costs
    an `ord` per character measured); a character the font lacks has its default width."""

    def __init__(self, by_code: dict[int, float], default: float) -> None:
        super().__init__((chr(code), width) for code, width in by_code.items())
        self.default = default

    def __missing__(self, char: str) -> float:
        return self.default


def _font_folder() -> Path:
    return Path(reportlab.__file__).parent / "fonts"


@cache
def register_fonts() -> str:
    """Register the four Vera faces and their family with reportlab; returns the family name.

    Safe to call often: the work is done once per process.
    """
    folder = _font_folder()
    for name, file in _FILES.items():
        pdfmetrics.registerFont(CardFont(name, str(folder / file)))
    # With the family registered, <b> and <i> in a Paragraph pick the right face.
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return FAMILY
