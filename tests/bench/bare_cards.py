"""The floor of `netwerktafel print cards`: a bare reportlab script drawing the same cards.

    python tests/bench/bare_cards.py TEXTS.json OUT.pdf

It imports nothing but reportlab and the standard library. TEXTS.json holds the deck's title
and, per card, its title, form line, body texts, sources line and colour, gathered from the
deck beforehand (`texts_of`): reading and checking a deck is not drawing it. The drawing is
what any exporter of these cards has to do at least: the same A4 page, Bitstream Vera
embedded, one Paragraph per text shrunk to fit with KeepInFrame in the same 3×3 grid of
poker cards, duplex with a coloured back and the deck title, the same crop marks.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

CardTexts = tuple[str, str, list[str], str, str]
"""Title, form line, body texts, sources line, colour (#rrggbb)."""


def texts_of(deck: Any, cards: list[Any]) -> tuple[str, list[CardTexts]]:
    """The deck title and every card's printed texts, as the bare script takes them."""
    from deck.card_content import content_of

    texts: list[CardTexts] = []
    for card in cards:
        content = content_of(deck, card)
        body = [
            f"{piece.label} {piece.text}" if piece.label else piece.text for piece in content.body
        ]
        texts.append((content.title, content.kicker, body, content.foot, content.colour))
    return str(deck.manifest.title), texts


def draw(title: str, texts: list[CardTexts]) -> tuple[bytes, int]:
    """The PDF of the cards, and its number of pages."""
    import reportlab
    from reportlab.lib.colors import HexColor, white
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame, KeepInFrame, Paragraph

    fonts = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont("BareVera", str(fonts / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont("BareVeraBd", str(fonts / "VeraBd.ttf")))
    heading = ParagraphStyle("t", fontName="BareVeraBd", fontSize=10.5, leading=12.8)
    kicker = ParagraphStyle("k", fontName="BareVera", fontSize=6.4, leading=7.8)
    body_style = ParagraphStyle("b", fontName="BareVera", fontSize=7.4, leading=9.0, spaceAfter=2.8)
    foot = ParagraphStyle("f", fontName="BareVera", fontSize=5.2, leading=6.3)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(210 * mm, 297 * mm), invariant=1, initialFontName="BareVera")
    slots = [(10.5 + 63 * c, 297 - 16.5 - 88 * (r + 1)) for r in range(3) for c in range(3)]
    pages = 0
    for first in range(0, len(texts), 9):
        sheet = texts[first : first + 9]
        for (x, y), (name, line, body, source, colour) in zip(slots, sheet, strict=False):
            canvas.setFillColor(HexColor(colour))
            canvas.rect(x * mm, (y + 79) * mm, 63 * mm, 9 * mm, stroke=0, fill=1)
            story = [Paragraph(escape(name), heading), Paragraph(escape(line), kicker)]
            story += [Paragraph(escape(text), body_style) for text in body]
            story.append(Paragraph(escape(source), foot))
            frame = Frame(x * mm + 3 * mm, y * mm + 3 * mm, 57 * mm, 75 * mm, 0, 0, 0, 0)
            frame.addFromList([KeepInFrame(57 * mm, 75 * mm, story, mode="shrink")], canvas)
        canvas.setLineWidth(0.25)
        for x in (10.5, 73.5, 136.5, 199.5):
            canvas.line(x * mm, 283.5 * mm, x * mm, 288.5 * mm)
            canvas.line(x * mm, 13.5 * mm, x * mm, 8.5 * mm)
        for y in (16.5, 104.5, 192.5, 280.5):
            canvas.line(7.5 * mm, y * mm, 3 * mm, y * mm)
            canvas.line(202.5 * mm, y * mm, 207 * mm, y * mm)
        canvas.showPage()
        for (x, y), (_, _, _, _, colour) in zip(slots, sheet, strict=False):
            mirrored = 210 - x - 63
            canvas.setFillColor(HexColor(colour))
            canvas.rect(mirrored * mm, y * mm, 63 * mm, 88 * mm, stroke=0, fill=1)
            canvas.setFillColor(white)
            canvas.setFont("BareVeraBd", 7)
            canvas.drawCentredString((mirrored + 31.5) * mm, (y + 44) * mm, title)
        canvas.showPage()
        pages += 2
    canvas.save()
    return buffer.getvalue(), pages


def main(source: Path, target: Path) -> None:
    """Read the texts, draw the cards, write the PDF."""
    data = json.loads(source.read_text(encoding="utf-8"))
    pdf, _ = draw(data["title"], [tuple(card) for card in data["cards"]])
    target.write_bytes(pdf)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
