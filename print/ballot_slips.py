"""Paper ballot slips for one open ballot: several to an A4 page, with cut lines between.

Each slip carries the ballot's id in large type (slips of two ballots never mix), the
question, the method's instruction in plain words of the reader's language (Dutch or
French: `--taal`) and, per option, its number (the key the
facilitator types on the slip screen) and what to mark: boxes to tick, dots to colour, a
box per place of a ranking, five boxes 1–5 on a scale, two rows of five for a matrix.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from catalogue import current_language, translation
from deck import Deck
from game.engine import Ballot, SessionState
from game.engine.answers import ballot_title, option_labels
from game.engine.ballots import axes_of, method_label
from print.colours import INK, MUTED
from print.fonts import BOLD, ITALIC, REGULAR, REPLACEMENTS, missing_glyphs, register_fonts

PAGE_W, PAGE_H = A4
MARGIN = 10 * mm
COLUMNS = 2
SLIP_W = (PAGE_W - 2 * MARGIN) / COLUMNS
PAD = 4 * mm
TEXT_W = SLIP_W - 2 * PAD
BOX = 3.6 * mm
"""Side of a box to tick, a dot's diameter."""
LABEL_SIZE = 8.5
LINE = LABEL_SIZE * 1.25


@dataclass(frozen=True)
class SlipSummary:
    """What was printed."""

    slips: int
    per_page: int
    pages: int
    bytes: int


def instruction(ballot: Ballot, language: str | None = None) -> str:
    """What to do on the slip, in plain words of `language` (default: the process's)."""
    words = translation(language or current_language())
    _ = words.gettext
    if ballot.method == "dots":
        if ballot.stack:
            text = words.ngettext(
                "Kleur {count} bolletje in bij de opties die je kiest. Meer bolletjes = sterker "
                "voor.",
                "Kleur {count} bolletjes in bij de opties die je kiest. Meer bolletjes = sterker "
                "voor.",
                ballot.dots,
            )
        else:
            text = words.ngettext(
                "Kleur {count} bolletje in bij de opties die je kiest (hoogstens één per optie). "
                "Meer bolletjes = sterker voor.",
                "Kleur {count} bolletjes in bij de opties die je kiest (hoogstens één per "
                "optie). Meer bolletjes = sterker voor.",
                ballot.dots,
            )
        return text.format(count=ballot.dots)
    if ballot.method == "ranking":
        return _("Schrijf je rangorde in de vakjes: 1 bij je beste keuze, 2 bij de volgende, …")
    if ballot.method == "likert":
        return _("Kruis één vakje aan: 1 = helemaal oneens, 5 = helemaal eens.")
    if ballot.method == "consent":
        return _(
            "Kruis één antwoord aan. Bij bezwaar of blokkeren schrijf je op de lijnen "
            "waarom: zonder reden telt dat antwoord niet."
        )
    if ballot.method == "matrix":
        first, second = axes_of(ballot, language or current_language())
        return _(
            "Kruis per optie één vakje aan voor {first} en één voor {second}: 1 = laag, 5 = hoog."
        ).format(first=first, second=second)
    if ballot.max_choices == 1:
        return _("Kruis één vakje aan.")
    return _("Kruis hoogstens {count} vakjes aan.").format(count=ballot.max_choices)


def printable(text: str) -> str:
    """`text` with what the font cannot print replaced (→ becomes ->, an emoji ?)."""
    for char, instead in REPLACEMENTS.items():
        text = text.replace(char, instead)
    for char in missing_glyphs(text):
        text = text.replace(char, "?")
    return " ".join(text.split())


def _lines(text: str, font: str, size: float, width: float, most: int) -> list[str]:
    lines = simpleSplit(printable(text), font, size, width)
    if len(lines) > most:
        lines = [*lines[: most - 1], lines[most - 1].rstrip(" ,.") + " …"]
    return lines or [""]


class SlipLayout:
    """Where everything of one ballot's slip goes, measured once for every slip, in one
    language (the deck gives a statement's or a dilemma's own words in it)."""

    def __init__(
        self,
        ballot: Ballot,
        language: str,
        deck: Deck | None = None,
        state: SessionState | None = None,
    ) -> None:
        self.ballot = ballot
        self.language = language
        self.words = translation(language).gettext
        self.title = _lines(ballot_title(ballot, language, deck), BOLD, 10, TEXT_W, 3)
        self.how = _lines(instruction(ballot, language), ITALIC, 7.5, TEXT_W, 4)
        self.marks_w = self._marks_width()
        label_w = TEXT_W - 6 * mm - self.marks_w - 2 * mm
        # "Geen mening" is one of the answers here: it comes last, numbered 0.
        self.labels = [
            _lines(o.label, REGULAR, LABEL_SIZE, label_w, 2)
            for o in option_labels(ballot, language, deck, state)
        ]
        rows = sum(max(len(lines), self._marks_rows()) for lines in self.labels)
        reason = 4 if ballot.method == "consent" else 0
        scale = LINE if ballot.method == "matrix" else 0  # the figures 1–5 above the boxes
        self.height = scale + (
            PAD
            + 9 * mm  # the band with the ballot's id
            + len(self.title) * 12.5
            + len(self.how) * 9.5
            + 2 * mm
            + rows * LINE
            + len(self.labels) * 1.2 * mm
            + reason * 6 * mm
            + 6 * mm  # the hand-in line
            + PAD
        )

    def _marks_rows(self) -> int:
        return 2 if self.ballot.method == "matrix" else 1

    def _marks_width(self) -> float:
        method = self.ballot.method
        if method in ("likert", "consent") or (method == "choice"):
            return BOX
        if method == "ranking":
            return BOX * 1.8
        if method == "dots":
            dots = self.ballot.dots if self.ballot.stack else 1
            return dots * (BOX + 1.2 * mm)
        return 22 * mm + 5 * (BOX + 1.4 * mm)  # matrix: axis name, five boxes

    def per_page(self) -> int:
        """How many slips fit on one page."""
        rows = max(1, int((PAGE_H - 2 * MARGIN) // self.height))
        return rows * COLUMNS

    def draw(self, canvas: Canvas, x: float, top: float) -> None:
        """One slip with its top-left corner at (x, top)."""
        ballot = self.ballot
        _ = self.words
        left, right = x + PAD, x + SLIP_W - PAD
        y = top - PAD
        canvas.setFillColor(INK)
        canvas.rect(left, y - 7 * mm, TEXT_W, 7 * mm, stroke=0, fill=1)
        canvas.setFillColor("#ffffff")
        canvas.setFont(BOLD, 9)
        method = method_label(ballot.method, self.language)
        head = _("STEMBRIEF · {method}").format(method=method)
        canvas.drawString(left + 2 * mm, y - 4.8 * mm, printable(head))
        canvas.setFont(BOLD, 13)
        ballot_id = _("stemronde {id}").format(id=ballot.id)
        canvas.drawRightString(right - 2 * mm, y - 5.2 * mm, ballot_id)
        y -= 9 * mm
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 10)
        for line in self.title:
            y -= 12.5
            canvas.drawString(left, y + 3, line)
        canvas.setFillColor(MUTED)
        canvas.setFont(ITALIC, 7.5)
        for line in self.how:
            y -= 9.5
            canvas.drawString(left, y + 2, line)
        y -= 2 * mm
        canvas.setFillColor(INK)
        if ballot.method == "matrix":
            # The figures once, above the columns of boxes, so a cross never hides them.
            canvas.setFont(BOLD, 7)
            for value in range(1, 6):
                bx = right - self.marks_w + 22 * mm + (value - 1) * (BOX + 1.4 * mm)
                canvas.drawCentredString(bx + BOX / 2, y - LINE + 3, str(value))
            y -= LINE
        for number, lines in enumerate(self.labels, start=1):
            height = max(len(lines), self._marks_rows()) * LINE
            y -= 1.2 * mm
            is_no_opinion = number > len(ballot.options)
            canvas.setFont(BOLD, LABEL_SIZE)
            canvas.drawString(left, y - LABEL_SIZE, "0" if is_no_opinion else f"{number}.")
            canvas.setFont(REGULAR, LABEL_SIZE)
            for index, line in enumerate(lines):
                canvas.drawString(left + 6 * mm, y - LABEL_SIZE - index * LINE, line)
            self._marks(canvas, right - self.marks_w, y)
            y -= height
        if ballot.method == "consent":
            canvas.setFont(REGULAR, 7.5)
            canvas.drawString(left, y - 4 * mm, printable(_("Reden (bij bezwaar of blokkeren):")))
            canvas.setStrokeColor(MUTED)
            canvas.setLineWidth(0.4)
            for row in range(1, 4):
                canvas.line(left, y - 4 * mm - row * 6 * mm, right, y - 4 * mm - row * 6 * mm)
            y -= 24 * mm
        canvas.setFillColor(MUTED)
        canvas.setFont(ITALIC, 7)
        canvas.drawString(left, y - 5 * mm, printable(_("Geef deze stembrief aan de begeleider.")))
        canvas.drawRightString(right, y - 5 * mm, ballot_id)

    def _marks(self, canvas: Canvas, x: float, y: float) -> None:
        ballot = self.ballot
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        base = y - LABEL_SIZE - 1
        if ballot.method == "dots":
            for dot in range(ballot.dots if ballot.stack else 1):
                cx = x + dot * (BOX + 1.2 * mm) + BOX / 2
                canvas.circle(cx, base + BOX / 2 - 0.6, BOX / 2, stroke=1, fill=0)
        elif ballot.method == "ranking":
            canvas.rect(x, base - 1.5, BOX * 1.8, BOX + 1.5, stroke=1, fill=0)
        elif ballot.method == "matrix":
            for row, axis in enumerate(axes_of(ballot, self.language)):
                line = base - row * LINE
                canvas.setFont(REGULAR, 6.5)
                canvas.drawRightString(x + 21 * mm, line + 0.6, printable(axis)[:18])
                for value in range(1, 6):
                    bx = x + 22 * mm + (value - 1) * (BOX + 1.4 * mm)
                    canvas.rect(bx, line - 0.6, BOX, BOX, stroke=1, fill=0)
        else:
            canvas.rect(x, base - 0.6, BOX, BOX, stroke=1, fill=0)


def _cut_lines(canvas: Canvas, layout: SlipLayout, rows: int) -> None:
    """Dashed lines around every slip, and ticks in the margin where to cut."""
    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.4)
    canvas.setDash(3, 2)
    bottom = PAGE_H - MARGIN - rows * layout.height
    for column in range(COLUMNS + 1):
        x = MARGIN + column * SLIP_W
        canvas.line(x, PAGE_H - MARGIN, x, bottom)
    for row in range(rows + 1):
        y = PAGE_H - MARGIN - row * layout.height
        canvas.line(MARGIN, y, PAGE_W - MARGIN, y)
    canvas.setDash()
    canvas.setLineWidth(0.6)
    for column in range(COLUMNS + 1):
        x = MARGIN + column * SLIP_W
        canvas.line(x, PAGE_H - MARGIN + 2 * mm, x, PAGE_H - 2 * mm)
        canvas.line(x, bottom - 2 * mm, x, max(2 * mm, bottom - MARGIN + 2 * mm))
    for row in range(rows + 1):
        y = PAGE_H - MARGIN - row * layout.height
        canvas.line(2 * mm, y, MARGIN - 2 * mm, y)
        canvas.line(PAGE_W - MARGIN + 2 * mm, y, PAGE_W - 2 * mm, y)
    canvas.restoreState()


def slips_per_page(
    ballot: Ballot,
    language: str | None = None,
    deck: Deck | None = None,
    state: SessionState | None = None,
) -> int:
    """How many of this ballot's slips fit on one A4."""
    register_fonts()
    return SlipLayout(ballot, language or current_language(), deck, state).per_page()


def render_slips(
    ballot: Ballot,
    count: int,
    language: str | None = None,
    deck: Deck | None = None,
    state: SessionState | None = None,
) -> tuple[bytes, SlipSummary]:
    """`count` slips for `ballot` as PDF bytes (the same bytes every run), in `language`
    (default: the process's), with the texts of the session's `deck` and `state` (its
    approaches) when they are known."""
    register_fonts()
    layout = SlipLayout(ballot, language or current_language(), deck, state)
    _ = layout.words
    per_page = layout.per_page()
    buffer = io.BytesIO()
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
        canvas.setTitle(_("Stembrieven voor stemronde {id}").format(id=ballot.id))
        canvas.setAuthor("netwerktafel")
        canvas.setSubject(printable(" ".join(layout.title)))
        pages = 0
        for start in range(0, count, per_page):
            on_page = min(per_page, count - start)
            rows = -(-on_page // COLUMNS)
            for index in range(on_page):
                row, column = divmod(index, COLUMNS)
                layout.draw(canvas, MARGIN + column * SLIP_W, PAGE_H - MARGIN - row * layout.height)
            _cut_lines(canvas, layout, rows)
            canvas.showPage()
            pages += 1
        canvas.save()
    finally:
        rl_config.useA85 = a85
    data = buffer.getvalue()
    return data, SlipSummary(count, per_page, pages, len(data))


def write_slips(
    target: Path,
    ballot: Ballot,
    count: int,
    language: str | None = None,
    deck: Deck | None = None,
    state: SessionState | None = None,
) -> SlipSummary:
    """Write the slips to `target`, in `language` (default: the process's)."""
    data, summary = render_slips(ballot, count, language, deck, state)
    target.write_bytes(data)
    return summary
