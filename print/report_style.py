"""The look of the session report: page, type sizes, paragraph styles, section colours.

Colours come from the deck's manifest, so a section wears the colour of the cards it is
about (statements in the statement cards' colour, the action plan in the tips' colour).
A custom deck may pick any colour: headings and labels use `accent`, which darkens a pale
colour until it reads on white paper, and charts never rely on colour alone.

Every text a user or a deck wrote goes through `safe` before it reaches a Paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from deck import Deck
from print.colours import INK, MUTED, accent, hex_of, tint
from print.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, REPLACEMENTS, missing_glyphs
from print.paragraphs import escape

PAGE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 20 * mm
WIDTH = PAGE[0] - 2 * MARGIN_X
"""Width of the text frame."""

RULE = HexColor("#d6d6d2")
"""Hairlines and table grids: visible, never louder than the text."""
ZEBRA = HexColor("#f4f4f1")
"""Every other table row, so a long row is easy to follow across the page."""

NEUTRAL = "#37474f"
"""Section colour when the deck has no card type for it."""

SECTION_TYPES: dict[str, str] = {
    "case": "vorm",
    "table": "rol",
    "statements": "stelling",
    "concerns": "bezorgdheid",
    "approaches": "voorbeeld",
    "ballots": "voorbeeld",
    "balance": "vorm",
    "actions": "tip",
    "cards": "vorm",
}
"""The card type whose colour each section wears."""

BALLOT_TYPES: dict[str, str] = {
    "approaches": "voorbeeld",
    "dilemma": "dilemma",
    "options": "vorm",
    "statement": "stelling",
}
"""The card type whose colour a ballot's bars take, by what its options come from."""


def printable(text: str) -> str:
    """Text with every character the font lacks replaced, so none prints as an empty box:
    the known ones by their usual stand-in (ĳ → ij), any other by a question mark."""
    for char in missing_glyphs(text):
        text = text.replace(char, REPLACEMENTS.get(char, "?"))
    return text


def safe(text: str | None) -> str:
    """User or deck text ready for a Paragraph: printable in the font, markup escaped."""
    return escape(printable(text)) if text else ""


@dataclass(frozen=True)
class ReportColours:
    """The deck's type colours, looked up by card type or by report section."""

    types: dict[str, str]

    @classmethod
    def of(cls, deck: Deck) -> ReportColours:
        """The colours of `deck`'s card types."""
        return cls({kind: style.colour for kind, style in deck.manifest.types.items()})

    def of_type(self, kind: str) -> str:
        """The colour of a card type, as `#rrggbb`."""
        return self.types.get(kind, NEUTRAL)

    def section(self, section: str) -> str:
        """The colour a report section wears."""
        return self.of_type(SECTION_TYPES.get(section, ""))

    def ink(self, section: str) -> Color:
        """The section's colour, dark enough for text on white."""
        return accent(self.section(section))

    def wash(self, section: str, strength: float = 0.1) -> Color:
        """A pale wash of the section's colour, for the background of a box."""
        return tint(HexColor(self.section(section)), strength)


@cache
def text_style(
    role: str, size: float = 9.0, colour: str = hex_of(INK), align: int = TA_LEFT
) -> ParagraphStyle:
    """A paragraph style of the report by role (`body`, `bold`, `title`, `statement`,
    `cell`, `cellbold`, `number`, `muted`, `small`), at one size, colour and alignment."""
    font = {
        "bold": BOLD,
        "title": BOLD,
        "heading": BOLD,
        "cellbold": BOLD,
        "number": BOLD,
        "italic": ITALIC,
        "muted": ITALIC,
        "statement": BOLD_ITALIC,
    }.get(role, REGULAR)
    leading = {"title": 1.15, "number": 1.0, "heading": 1.2}.get(role, 1.32)
    space_after = {"body": 0.55, "statement": 0.35, "muted": 0.4}.get(role, 0.0)
    return ParagraphStyle(
        f"report-{role}-{size}-{colour}-{align}",
        fontName=font,
        fontSize=size,
        leading=size * leading,
        textColor=HexColor(colour),
        alignment=align,
        spaceAfter=size * space_after,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )


@cache
def bulleted(size: float = 8.5, colour: str = hex_of(INK), indent: float = 1.2) -> ParagraphStyle:
    """A list item: the text hangs `indent` type sizes right of its bullet."""
    base = text_style("cell", size, colour)
    return ParagraphStyle(
        f"{base.name}-bullet-{indent}",
        parent=base,
        leftIndent=size * indent,
        bulletIndent=0,
        bulletFontName=REGULAR,
        bulletFontSize=size,
        spaceAfter=size * 0.2,
    )


def muted(size: float = 8.0, align: int = TA_LEFT) -> ParagraphStyle:
    """Secondary text: italic grey."""
    return text_style("muted", size, hex_of(MUTED), align)


def small(size: float = 7.5, align: int = TA_LEFT) -> ParagraphStyle:
    """Small regular text in grey: table notes, sources."""
    return text_style("small", size, hex_of(MUTED), align)


def right(size: float = 8.5) -> ParagraphStyle:
    """A figure in a table column, aligned right."""
    return text_style("cell", size, hex_of(INK), TA_RIGHT)
