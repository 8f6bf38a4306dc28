"""The card-sheet PDF: fronts and backs interleaved, ready for a home printer or a print shop.

The writer follows the imposition page by page and adds what printers and viewers read:
`PrintScaling: None` so the print dialog starts at 100 %, the duplex mode that matches the
backs, TrimBox and BleedBox for one-card-per-page files, a title and author, embedded fonts
and no reference to an unembedded Helvetica. `invariant=1` makes the same deck and options
give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from catalogue import translator
from deck import Deck
from deck.atomic_write import write_atomically
from deck.card_types import card_type
from deck.collector_pause import collector_paused
from deck.model import CardBase
from print.card_back import draw_back
from print.card_face import draw_front
from print.face_layout import face_layout, mm
from print.fit import FittedFace, fit_face
from print.fonts import REGULAR, register_fonts
from print.imposition import Backs, Box, Page, PrintLayout, Segment, Sheet, impose, paginate

MARK_WIDTH = 0.25
"""Line width of crop marks in points: thin enough to cut on, thick enough to see."""
REGISTRATION = HexColor("#000000")
FOLD_DASH = (2.0, 1.5)

DUPLEX = {
    Backs.LONG: "DuplexFlipLongEdge",
    Backs.SHORT: "DuplexFlipShortEdge",
    Backs.NONE: "Simplex",
    Backs.FOLD: "Simplex",
}


@dataclass(frozen=True)
class SheetSummary:
    """What was written, for the command to report."""

    cards: int
    pages: int
    sheet: Sheet
    bytes: int


Progress = Callable[[int], None]
"""Called after each page with the number of cards whose front has been drawn so far."""


def render_cards(
    deck: Deck,
    cards: Sequence[CardBase],
    layout: PrintLayout,
    progress: Progress | None = None,
    faces: Sequence[FittedFace] | None = None,
    language: str | None = None,
) -> tuple[bytes, SheetSummary]:
    """The PDF for `cards` of `deck` with these print options, and a summary of it.

    `faces` are the cards already fitted to `layout.card` (by `fit_cards`, in the same
    `language`), to save fitting them twice; without them each card is fitted as it is
    drawn. `language` is the side of the deck to print, labels included (default: the
    deck's own language).
    """
    if not cards:
        raise ValueError("no cards to print: a PDF needs at least one page")
    register_fonts()
    sheet = impose(layout)
    pages = paginate(len(cards), sheet)
    # Binary streams: ASCII85 only made PDFs 7-bit safe for mail, at a quarter more bytes
    # and, in reportlab's pure Python, a tenth of the export's time.
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        with collector_paused():
            return _render(deck, cards, layout, sheet, pages, progress, faces, language)
    finally:
        rl_config.useA85 = a85


def _render(
    deck: Deck,
    cards: Sequence[CardBase],
    layout: PrintLayout,
    sheet: Sheet,
    pages: tuple[Page, ...],
    progress: Progress | None,
    faces: Sequence[FittedFace] | None,
    language: str | None,
) -> tuple[bytes, SheetSummary]:
    face = face_layout(layout.card)
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(mm(sheet.page.width), mm(sheet.page.height)),
        invariant=1,
        pageCompression=1,
        initialFontName=REGULAR,
        initialFontSize=8,
    )
    manifest = deck.manifest
    language = language or manifest.language
    _ = translator(language)
    title = manifest.title.in_language(language, manifest.language)
    canvas.setTitle(_("{title} — kaarten").format(title=title))
    canvas.setAuthor(manifest.author or title)
    subject = _("Kaartspel '{deck}', {count} kaarten van {size}")
    canvas.setSubject(subject.format(deck=manifest.id, count=len(cards), size=layout.card))
    canvas.setCreator("netwerktafel print cards")
    canvas.setKeywords(["netwerktafel", _("kaartspel"), manifest.id])
    canvas.setViewerPreference("PrintScaling", "None")
    canvas.setViewerPreference("Duplex", DUPLEX[layout.backs])
    if sheet.trim_box is not None and sheet.bleed_box is not None:
        canvas.setTrimBox(_points(sheet.trim_box))
        canvas.setBleedBox(_points(sheet.bleed_box))

    fitted: dict[int, FittedFace] = dict(enumerate(faces)) if faces is not None else {}
    drawn = 0
    for page in pages:
        for placement in page.placements:
            card = cards[placement.card]
            if placement.side == "front":
                if placement.card not in fitted:
                    fitted[placement.card] = fit_face(deck, card, face, language)
                draw_front(canvas, fitted[placement.card], placement.slot)
                drawn += 1
            else:
                kind = card_type(card)
                style = manifest.types.get(kind)
                label = style.label.in_language(language, manifest.language) if style else kind
                colour = style.colour if style else "#555555"
                draw_back(canvas, face, placement.slot, title, label, colour)
        _draw_marks(canvas, page)
        canvas.showPage()
        if progress is not None:
            progress(drawn)
    canvas.save()
    data = buffer.getvalue()
    return data, SheetSummary(len(cards), len(pages), sheet, len(data))


def write_cards(
    path: Path,
    deck: Deck,
    cards: Sequence[CardBase],
    layout: PrintLayout,
    progress: Progress | None = None,
    faces: Sequence[FittedFace] | None = None,
    language: str | None = None,
) -> SheetSummary:
    """Write the card sheets to `path`; a failure leaves no half-written file behind."""
    data, summary = render_cards(deck, cards, layout, progress, faces, language)
    write_atomically(path, data)
    return summary


def _points(box: Box) -> tuple[float, float, float, float]:
    return (mm(box.x), mm(box.y), mm(box.right), mm(box.top))


def _draw_marks(canvas: Canvas, page: Page) -> None:
    """Crop marks as solid hairlines, fold marks dashed."""
    if not page.crop_marks and not page.fold_marks:
        return
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(MARK_WIDTH)
    canvas.setLineCap(0)
    _lines(canvas, page.crop_marks)
    if page.fold_marks:
        canvas.setDash(list(FOLD_DASH), 0)
        _lines(canvas, page.fold_marks)
    canvas.restoreState()


def _lines(canvas: Canvas, segments: tuple[Segment, ...]) -> None:
    path = canvas.beginPath()
    for segment in segments:
        path.moveTo(mm(segment.x1), mm(segment.y1))
        path.lineTo(mm(segment.x2), mm(segment.y2))
    canvas.drawPath(path, stroke=1, fill=0)
