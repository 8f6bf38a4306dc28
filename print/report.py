"""The session report as an A4 PDF: what the table decided, to hand to every partner.

`render_report` lays out `game.engine.report.session_report` (the same read model as the
Markdown export) with the sections of `print.report_sections`, a running foot with page
numbers, a bookmark per section and the document's metadata. The PDF is deterministic:
`invariant=1` leaves out the creation date and random document id, so the same session and
deck give the same bytes.

The caller opens the session (the CLI does, through the store) and passes its state; this
package never touches the session file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from catalogue import translator
from deck import Deck
from deck.atomic_write import write_atomically
from game.engine import SessionState
from game.engine.report import SessionReport, session_report
from print.a4_document import a4_document, build
from print.colours import MUTED
from print.fonts import REGULAR
from print.report_sections import SECTIONS, cover
from print.report_style import (
    MARGIN_BOTTOM,
    MARGIN_X,
    PAGE,
    RULE,
    ReportColours,
    printable,
)

FOOT_SIZE = 7.5


@dataclass(frozen=True)
class ReportSummary:
    """What was written, for the command to report."""

    pages: int
    bytes: int


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages back until the end, to print "pagina 2 van 5".

    The page count is only known once every flowable is placed; each page's drawing
    operations are kept and the foot is added when the document is saved.
    """

    foot_text = ""
    page_words = "pagina {page} van {pages}"
    """How the foot numbers a page, in the report's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.page_count = 0

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for page in self._pages:
            self.__dict__.update(page)
            self._draw_foot(total)
            super().showPage()
        # Set after the pages' own states are restored, which would undo it.
        self.page_count = total
        super().save()

    def _draw_foot(self, total: int) -> None:
        width = PAGE[0]
        y = MARGIN_BOTTOM - 9
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, y + 10, width - MARGIN_X, y + 10)
        self.setFont(REGULAR, FOOT_SIZE)
        self.setFillColor(MUTED)
        number = self.page_words.format(page=self._pageNumber, pages=total)
        room = width - 2 * MARGIN_X - stringWidth(number, REGULAR, FOOT_SIZE) - 12
        self.drawString(MARGIN_X, y, shorten(self.foot_text, REGULAR, FOOT_SIZE, room))
        self.drawRightString(width - MARGIN_X, y, number)
        self.restoreState()


def shorten(text: str, font: str, size: float, width: float) -> str:
    """`text` cut at a word and ended with an ellipsis so it fits in `width` points."""
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and stringWidth(" ".join(words) + " …", font, size) > width:
        words.pop()
    return " ".join(words).rstrip(" ·,") + " …"


def _foot_text(report: SessionReport) -> str:
    header = report.header
    # The date first: a long case title is what gets cut.
    _ = translator(report.language)
    parts = [_("Verslag van de netwerktafel")]
    if header.date:
        parts.append(header.date)
    if header.case.title:
        parts.append(printable(" ".join(header.case.title.split())))
    return " · ".join(parts)


def report_flowables(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """Every flowable of the report, cover first, then the sections in order."""
    flowables = cover(report, colours)
    for section in SECTIONS:
        flowables += section(report, colours)
    return flowables


def render_report(state: SessionState, deck: Deck, language: str | None = None) -> bytes:
    """The report of a session as PDF bytes, with the texts and colours of its deck, in
    `language` (default: the process's)."""
    return render(session_report(state, deck, language=language), ReportColours.of(deck))[0]


def render(report: SessionReport, colours: ReportColours) -> tuple[bytes, int]:
    """The PDF of a report already built, and its number of pages."""
    _ = translator(report.language)
    buffer = io.BytesIO()
    title = report.header.case.title or "Netwerktafel"
    document = a4_document(
        buffer,
        title=_("Verslag: {title}").format(title=" ".join(title.split())),
        author="netwerktafel",
        subject=_("Verslag van de netwerktafel ({deck})").format(deck=report.header.deck_title),
        creator="netwerktafel print report",
        keywords=["netwerktafel", _("verslag"), _("burgerparticipatie")],
        displayDocTitle=1,
        lang=f"{report.language}-BE",
    )
    foot = _foot_text(report)
    page_words = _("pagina {page} van {pages}")
    made: list[_NumberedCanvas] = []

    def canvas_maker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        canvas = _NumberedCanvas(*args, **kwargs)
        canvas.foot_text = foot
        canvas.page_words = page_words
        made.append(canvas)
        # Open with the section bookmarks beside the page: a report is read by section.
        canvas.showOutline()
        return canvas

    build(document, report_flowables(report, colours), canvasmaker=canvas_maker)
    return buffer.getvalue(), made[-1].page_count


def write_report(
    path: Path, state: SessionState, deck: Deck, language: str | None = None
) -> ReportSummary:
    """Write the report of a session to `path` in `language` (default: the process's); a
    failure leaves no half-written file."""
    data, pages = render(session_report(state, deck, language=language), ReportColours.of(deck))
    write_atomically(path, data, private=True)
    return ReportSummary(pages, len(data))
