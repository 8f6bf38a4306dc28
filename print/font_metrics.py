"""The card font in numbers, without reportlab: which characters it prints, how wide they are.

`deck check` asks both of every card: can the font print each character (else it prints an
empty box), and does the text fit (print/fit_bound.py). Both answers come from a table of the
four Vera faces (print/vera_table.py, generated from the TTFs and checked against reportlab
by a test), so the check need not load reportlab and its fonts.
"""

from __future__ import annotations

from functools import cache

from print.vera_table import ADVANCES, CHARACTERS, DEFAULT_ADVANCE, UNITS_PER_EM

FONT_LABEL = "Bitstream Vera Sans"
"""The typeface's name as a trainer would look it up."""

REGULAR = "NT-Vera"
BOLD = "NT-Vera-Bold"
ITALIC = "NT-Vera-Italic"
BOLD_ITALIC = "NT-Vera-BoldItalic"
"""Font names as registered with reportlab; prefixed so they never clash with another user's."""

FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)

LINE_BREAKS = "\n\r\t"
"""Line breaks and tabs in YAML text become spaces in a paragraph; they never print."""

REPLACEMENTS = {
    "ĳ": "ij",
    "Ĳ": "IJ",
    "→": "->",
    "←": "<-",
    "✓": "v",
    "✔": "v",
    "☐": "[ ]",
    "■": "•",
    "▪": "•",
    "●": "•",
    "\u200b": "",
    "\ufeff": "",
}
"""Suggestions for characters trainers are likely to type that Vera cannot print."""

COVERED = frozenset(CHARACTERS)
"""Every character all four faces can print."""
_PRINTED = COVERED | frozenset(LINE_BREAKS)


@cache
def advances(face: str) -> dict[str, float]:
    """The width of each character `face` prints, in points at a type size of 1 point."""
    widths = ADVANCES[face].split()
    return {char: int(width) / UNITS_PER_EM for char, width in zip(CHARACTERS, widths, strict=True)}


def default_advance(face: str) -> float:
    """The width reportlab measures for a character `face` lacks, at 1 point."""
    return DEFAULT_ADVANCE[face] / UNITS_PER_EM


def missing_glyphs(text: str) -> list[str]:
    """Characters of `text` the card font cannot print, each once, in order of appearance."""
    if _PRINTED.issuperset(text):  # nearly every text: one pass in C, nothing to list
        return []
    # Each distinct character once, in order of first appearance: linear in the text.
    return [char for char in dict.fromkeys(text) if char not in _PRINTED]


def can_print(text: str) -> bool:
    """Whether every character of `text` prints in the card font."""
    return not missing_glyphs(text)
