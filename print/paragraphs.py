"""Card texts as reportlab flowables, at a given type size.

Every text from a YAML file is escaped before it reaches a `Paragraph`: Paragraph reads
XML-like markup and silently drops an unknown tag together with its text, so a trainer's
`<jongeren>` or `R&D` would vanish or break the card. Only markup we write ourselves
(bold labels, colours) reaches the parser unescaped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag

from deck.card_content import Piece
from print.colours import MUTED, accent, hex_of, markup_colour
from print.face_layout import LEADING
from print.fit_rules import FIELD_GAP, quoted
from print.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts


def escape(text: str) -> str:
    """Text made safe for a Paragraph: markup characters become entities."""
    # What xml.sax.saxutils.escape does, without its import of urllib.request (with http,
    # email and ssl: 15 ms of every `print cards`).
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


@lru_cache(maxsize=512)
def style(
    role: str, size: float, colour: str = "#1d1d1b", align: int = TA_LEFT, spacing: float = 1.0
) -> ParagraphStyle:
    """A paragraph style for one role (`body`, `title`, …) at one size; cached per size."""
    register_fonts()
    font = {
        "title": BOLD,
        "label": BOLD,
        "heading": BOLD,
        "quote": ITALIC,
        "statement": BOLD_ITALIC,
        "kicker": ITALIC,
        "foot": REGULAR,
    }.get(role, REGULAR)
    space_after = {"title": 0.0, "kicker": 0.0, "foot": 0.0, "heading": 0.15}.get(role, 0.38)
    indent = {"bullet": 1.1, "option": 1.5}.get(role, 0.0)
    return ParagraphStyle(
        # The size comes last, after "@": `paragraph` reuses a text's parse across sizes.
        f"{role}-{colour}-{align}-{spacing}@{size:.2f}",
        fontName=font,
        fontSize=size,
        leading=size * LEADING,
        textColor=HexColor(colour),
        spaceAfter=size * space_after * spacing,
        alignment=align,
        leftIndent=size * indent,
        bulletIndent=0,
        bulletFontName=BOLD,
        bulletFontSize=size,
        # Long Dutch compounds may still break mid-word rather than run off the card.
        splitLongWords=1,
        allowWidows=1,
        allowOrphans=1,
    )


_PARSED: dict[tuple[str, str, str | None], list[ParaFrag] | None] = {}
"""Fragments as the parser made them, per markup shape, style without its size, and bullet;
None for a shape whose texts the parser did not keep apart."""
PARSED_LIMIT = 20_000
"""Forget every parse past this many shapes: a deck of thousands of cards stays bounded."""
REUSE_PARSE = True
"""Whether `paragraph` reuses parses; the tests switch it off to compare with a fresh parse."""
_TAG = re.compile(r"(<[^<>]*>)")
_SPACES = "".join(char for char in map(chr, range(0x3001)) if char.isspace()) + "\u200b"
"""Every character reportlab's cleaning of a text may split at: Python's whitespace, and the
zero-width space that reportlab counts as one too; never at a no-break space."""
_ODD_SPACE = re.compile(f"[{re.escape(_SPACES.replace(' ', '').replace(chr(0xA0), ''))}]")


def paragraph(markup: str, paragraph_style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A Paragraph of `markup` in `paragraph_style`, its markup parsed once for every text
    of the same shape and every size.

    reportlab parses a Paragraph's markup anew for each Paragraph: two fifths of the time
    fitting takes. The parser copies the text between two tags into a fragment as it is
    (unless it holds an entity such as `&amp;`), and our markup never sets a font size: so
    the fragments of two markups that differ only in those texts, and in the style's size,
    differ only there. A markup's shape (its tags, with numbered stand-ins for the texts)
    is parsed once; every text of that shape at every size gets copies of its fragments.
    """
    if not REUSE_PARSE:
        return Paragraph(markup, paragraph_style, bulletText=bullet)
    family = paragraph_style.name.rpartition("@")[0]
    shape, texts = _shape(markup)
    parsed = _parsed(shape, texts, paragraph_style, bullet, family)
    if parsed is None:
        # The parser split this shape's texts its own way: the markup is its own shape.
        shape, texts = markup, []
        parsed = _parsed(shape, texts, paragraph_style, bullet, family)
        assert parsed is not None
    size = paragraph_style.fontSize
    if texts:
        frags = [
            frag.clone(fontSize=size, text=text) for frag, text in zip(parsed, texts, strict=True)
        ]
    else:
        frags = [frag.clone(fontSize=size) for frag in parsed]
    return Paragraph(markup, paragraph_style, bulletText=bullet, frags=frags)


def _shape(markup: str) -> tuple[str, list[str]]:
    """The markup, cleaned as reportlab cleans it, with its texts between tags replaced by
    stand-ins, and those texts; a markup with an entity is its own shape (the parser turns
    the entity into text)."""
    if "&" in markup:
        return markup, []
    # Cleaning twice may not give what cleaning once gives: the shape is clean already.
    cleaned = cleanBlockQuotedText(markup) if _unclean(markup) else markup
    parts = _TAG.split(cleaned)
    texts = [part for part in parts[::2] if part]
    number = iter(range(len(texts)))
    shape = "".join(
        part if index % 2 or not part else f"t{next(number)}" for index, part in enumerate(parts)
    )
    return shape, texts


def _unclean(markup: str) -> bool:
    """Whether reportlab's cleaning changes `markup`: it has whitespace other than single
    spaces between two characters (most card texts have none, and cleaning costs more)."""
    edges = markup[:1] + markup[-1:]
    return bool(_ODD_SPACE.search(markup)) or "  " in markup or " " in edges


def _parsed(
    shape: str, texts: list[str], paragraph_style: ParagraphStyle, bullet: str | None, family: str
) -> list[ParaFrag] | None:
    """The fragments of `shape` in this style family, parsed the first time; None when the
    parser did not give one fragment per text."""
    key = (shape, family, bullet)
    if key in _PARSED:
        return _PARSED[key]
    if len(_PARSED) >= PARSED_LIMIT:
        _PARSED.clear()
    fresh = Paragraph(shape, paragraph_style, bulletText=bullet).frags
    if texts and [frag.text for frag in fresh] != [f"t{n}" for n in range(len(texts))]:
        _PARSED[key] = None
        return None
    # Copies: wrapping and drawing must not change what later paragraphs start from.
    parsed = _PARSED[key] = [frag.clone() for frag in fresh]
    return parsed


@lru_cache(maxsize=4096)
def _field_style(size: float, spacing: float, lead: float, colour: str) -> ParagraphStyle:
    """The body style with a field's label as bullet: its first line starts `lead` in."""
    body = style("body", size, spacing=spacing)
    return ParagraphStyle(body.name, body, firstLineIndent=lead, bulletColor=accent(colour))


class CheckItem(Flowable):
    """A checklist line: an empty square to tick, then the text (Vera has no ☐ glyph)."""

    def __init__(self, paragraph: Paragraph, size: float, colour: Color) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.size = size
        self.colour = colour
        self.indent = size * 1.35

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _, height = self.paragraph.wrap(available_width - self.indent, available_height)
        self.width, self.height = available_width, height
        return available_width, height

    def getSpaceAfter(self) -> float:
        return float(self.paragraph.getSpaceAfter())

    def draw(self) -> None:
        side = self.size * 0.72
        # Paragraph puts the first baseline one font size below its top.
        baseline = self.height - self.size
        self.canv.saveState()
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(max(0.4, self.size * 0.07))
        self.canv.rect(self.size * 0.1, baseline - side * 0.05, side, side, stroke=1, fill=0)
        self.canv.restoreState()
        self.paragraph.drawOn(self.canv, self.indent, 0)


LABEL_SHARE = 0.5
"""A field's label up to this share of the line is set as its paragraph's bullet."""


def piece_flowable(
    piece: Piece, size: float, colour: str, spacing: float = 1.0, width: float | None = None
) -> Flowable:
    """The flowable for one body piece at body size `size`, in the card type's colour, for
    lines `width` points wide (if known).

    `spacing` scales the room between paragraphs: a full card gives up whitespace before
    its text gets smaller than the minimum.

    A field's bold label goes before its text as the paragraph's bullet, the text's first
    line starting where label and gap end: reportlab breaks a paragraph in one font about
    eight times faster than one in two. A label longer than `LABEL_SHARE` of the line (or
    of unknown width) is set in the text, where its words may break over lines.
    """
    shade = hex_of(accent(colour))
    text = escape(piece.text)
    if piece.kind == "field":
        label = piece.label or ""
        register_fonts()
        lead = stringWidth(label, BOLD, size) + stringWidth(FIELD_GAP, REGULAR, size)
        if label and width is not None and lead <= width * LABEL_SHARE:
            return paragraph(text, _field_style(size, spacing, lead, colour), label)
        label = escape(label)
        ink = markup_colour(accent(colour))
        markup = f'<font color="{ink}"><b>{label}</b></font>{FIELD_GAP}{text}'
        return paragraph(markup, style("body", size, spacing=spacing))
    if piece.kind == "heading":
        return paragraph(text, style("heading", size, shade, spacing=spacing))
    if piece.kind == "quote":
        return paragraph(quoted(text), style("quote", size, hex_of(MUTED), spacing=spacing))
    if piece.kind == "statement":
        return paragraph(quoted(text), style("statement", size * 1.3, align=TA_CENTER))
    if piece.kind == "bullet":
        return paragraph(text, style("bullet", size, spacing=spacing), "•")
    if piece.kind == "option":
        numbered = style("option", size, spacing=spacing)
        return paragraph(text, numbered, piece.label or "•")
    if piece.kind == "check":
        item = paragraph(text, style("body", size, spacing=spacing))
        return CheckItem(item, size, accent(colour))
    return paragraph(text, style("body", size, spacing=spacing))
