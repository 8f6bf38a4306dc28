"""Make every card's text fit its face, and find the cards that cannot fit.

Text shrinks step by step from its preferred size down to a minimum. A card whose body
does not fit even at the minimum is reported (print/printability.py, `netwerktafel deck
check`) instead of being printed unreadably small or cut off.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from catalogue import _
from deck import Deck, Problem
from deck.card_content import CardContent, FieldPath, content_of
from deck.collector_pause import collector_paused
from deck.problems import card_subject
from print.colours import MUTED, hex_of
from print.face_layout import FaceLayout, face_layout, mm, most_characters
from print.fit_bound import (
    FONTS,
    INDENT,
    SPACE_AFTER,
    SPACE_AFTER_OTHERS,
    STATEMENT_SCALE,
    exact_lines,
    run_lines,
)
from print.fit_rules import (
    FOOT_GAP,
    FOOT_LINES,
    FOOT_SHARE,
    KICKER_LINES,
    QR_GAP,
    TIGHT_SPACING,
    TIGHT_TITLE,
    TITLE_GAP,
    printed_length,
    sizes,
)
from print.fonts import BOLD, REGULAR, register_fonts
from print.glyph_check import glyph_problems
from print.imposition import Size
from print.paragraphs import LEADING, escape, paragraph, piece_flowable, style
from print.survey_bar import SurveyBar

if TYPE_CHECKING:
    from deck.model import CardBase

ESTIMATE_MARGIN = 1.06
"""Wrap at the preferred size unless the estimate says the text is clearly too tall."""
FULL_ENOUGH = 0.92
"""A shrunk body filling this share of its room is not worth another wrap to grow it."""
WRAP_LOSS = 1.08
"""Wrapped lines hold about this much less than their width: words are not split."""


@dataclass
class Block:
    """Flowables wrapped at one size, with their total height in points."""

    size: float
    flowables: list[Flowable]
    height: float


@dataclass(frozen=True)
class FitProblem:
    """A part of a card that does not fit its face, before it is located in the YAML."""

    part: str
    """Which part: `title`, `kicker`, `sources` or `body`."""
    message: str
    path: FieldPath
    """The card field to point the trainer at."""
    hint: str


@dataclass
class FittedFace:
    """A card's face with every text wrapped at the size it prints at."""

    content: CardContent
    layout: FaceLayout
    title: Block
    kicker: Block | None
    body: Block
    foot: Block | None
    body_room: float
    """Height in points the body may take."""
    centre_body: bool
    problems: list[FitProblem] = field(default_factory=list)
    """What does not fit even at the minimum sizes."""

    @property
    def fits(self) -> bool:
        """Whether all text fits at or above the minimum sizes."""
        return not self.problems


def _stack(flowables: list[Flowable], width: float) -> float:
    """Height of flowables stacked at `width`, with their spacing, in points."""
    return _stacked(flowables, [flowable.wrap(width, 1e6)[1] for flowable in flowables])


def _stacked(flowables: list[Flowable], heights: list[float]) -> float:
    """Height of flowables of these heights stacked, with their spacing, in points."""
    height = 0.0
    last = len(flowables) - 1
    for index, (flowable, own) in enumerate(zip(flowables, heights, strict=True)):
        if index:
            height += flowable.getSpaceBefore()
        height += own
        if index < last:
            height += flowable.getSpaceAfter()
    return height


Measure = Callable[[float], float | None]
"""The exact height of a text at a type size, from glyph widths; None where they leave doubt."""
Count = Callable[[Flowable, float], float | None]
"""The exact height of a flowable at a width, from glyph widths; None where they leave doubt."""


def _largest_fitting(
    sizes: list[float],
    build: Callable[[float], list[Flowable]],
    width: float,
    room: float,
    estimate: Callable[[float], float] | None = None,
    measure: Measure | None = None,
    count: Count | None = None,
) -> tuple[Block, bool]:
    """A block at nearly the largest size whose height fits `room`, else at the smallest.

    Wrapping is the expensive part of printing, so sizes are guessed rather than searched.
    `estimate` (a rough height for a size) skips sizes that clearly will not fit; after a
    real wrap, a text's height growing about with the square of its size puts the next
    guess within a step of the answer. `measure` stands in for the wrap at a size it
    knows, and `count` for the wrap of one flowable: only the size chosen is wrapped, and
    the search takes the same steps (if a height there is not reportlab's, the search is
    made again with reportlab alone).
    """

    # By size tried: the heights of the flowables (by index) counted from glyph widths
    # instead of wrapped, wrapped only in the block kept; None where the whole height was
    # measured and no flowable is built yet.
    counted_at: dict[float, dict[int, float] | None] = {}

    def make(size: float) -> Block:
        height = measure(size) if measure is not None else None
        if height is not None:
            counted_at[size] = None
            return Block(size, [], height)
        flowables = build(size)
        heights: list[float] = []
        counted: dict[int, float] = {}
        for index, flowable in enumerate(flowables):
            own = count(flowable, width) if count is not None else None
            if own is None:
                own = flowable.wrap(width, 1e6)[1]
            else:
                counted[index] = own
            heights.append(own)
        counted_at[size] = counted
        return Block(size, flowables, _stacked(flowables, heights))

    block, fits = _search(sizes, make, room, estimate)
    counted = counted_at[block.size]
    if counted is None:
        flowables = build(block.size)
        height = _stack(flowables, width)
        if height != block.height:
            return _largest_fitting(sizes, build, width, room, estimate)
        return Block(block.size, flowables, height), fits
    wrapped = {i: block.flowables[i].wrap(width, 1e6)[1] for i in counted}
    if wrapped != counted:
        return _largest_fitting(sizes, build, width, room, estimate)
    return block, fits


def _search(
    sizes: list[float],
    make: Callable[[float], Block],
    room: float,
    estimate: Callable[[float], float] | None,
) -> tuple[Block, bool]:
    """The steps of `_largest_fitting`, with `make` giving the block at a size."""
    preferred, smallest = sizes[0], sizes[-1]
    start = preferred
    if estimate is not None and estimate(preferred) > room * ESTIMATE_MARGIN:
        start = next((size for size in sizes if estimate(size) <= room), smallest)
    block = make(start)
    if block.height <= room + 1e-6:
        if start == preferred or block.height > room * FULL_ENOUGH:
            return block, True
        # The estimate was cautious: one guess upwards, kept only if it still fits.
        guess = block.size * (room / max(block.height, 1.0)) ** 0.5
        up = next((size for size in sizes if block.size < size <= guess + 1e-9), None)
        if up is not None:
            bigger = make(up)
            if bigger.height <= room + 1e-6:
                return bigger, True
        return block, True
    tried = {start}
    while True:
        guess = block.size * (max(room, 1.0) / block.height) ** 0.5
        # Snap down to the grid of sizes, and always move at least one step down.
        candidates = [size for size in sizes if size <= guess + 1e-9 and size not in tried]
        below = [size for size in sizes if size < block.size - 1e-9]
        if not below:
            return block, False
        size = candidates[0] if candidates else below[0]
        size = min(size, below[0])
        tried.add(size)
        block = make(size)
        if block.height <= room + 1e-6:
            return block, True
        if size <= smallest + 1e-9:
            return block, False


def _counted(flowable: Flowable, width: float) -> float | None:
    """The height of a paragraph in more than one font (a field with its bold label set in
    its text) at `width`, from glyph widths (print/fit_bound.py `run_lines`); None for any
    other flowable, or where the widths leave doubt.

    reportlab breaks such a paragraph about eight times slower than one in a single font,
    which it breaks fast enough that counting first would not pay.
    """
    if not isinstance(flowable, Paragraph) or len(flowable.frags) < 2 or flowable.bulletText:
        return None
    look = flowable.style
    size = look.fontSize
    if any(frag.fontSize != size for frag in flowable.frags):
        return None
    runs = [(frag.text, frag.fontName) for frag in flowable.frags]
    first = width - look.leftIndent - look.firstLineIndent - look.rightIndent
    rest = width - look.leftIndent - look.rightIndent
    lines = run_lines(runs, size, first, rest, look.spaceShrinkage)
    return None if lines is None else lines * look.leading


def _body_estimate(content: CardContent, width: float, spacing: float) -> Callable[[float], float]:
    """A rough height of the card's body at any size, from its text widths measured once.

    Only used to choose which size to wrap first; the real wrap decides.
    """
    pieces: list[tuple[float, float, float, float]] = []  # width at 1 pt, indent, scale, space
    for piece in content.body:
        font = FONTS.get(piece.kind, REGULAR)
        text_width = stringWidth(piece.text, font, 1)
        if piece.kind == "field" and piece.label:
            text_width += stringWidth(piece.label + "  ", BOLD, 1)
        indent = INDENT.get(piece.kind, 0.0)
        scale = STATEMENT_SCALE if piece.kind == "statement" else 1.0
        space = SPACE_AFTER.get(piece.kind, SPACE_AFTER_OTHERS) * spacing
        pieces.append((text_width, indent, scale, space))

    def estimate(size: float) -> float:
        height = 0.0
        for text_width, indent, scale, space in pieces:
            line = max(width - indent * size, 1.0)
            lines = max(1, math.ceil(text_width * size * scale * WRAP_LOSS / line))
            height += (lines * LEADING + space) * size * scale
        if content.survey is not None:
            bar = SurveyBar(content.survey, size)
            height += bar.wrap(width, 1e6)[1] + bar.getSpaceBefore()
        return height

    return estimate


def _lines_fit(block: Block, lines: int) -> bool:
    return block.height <= block.size * LEADING * lines + 1e-6


def fit_face(
    deck: Deck, card: CardBase, layout: FaceLayout, language: str | None = None
) -> FittedFace:
    """Wrap every text of `card` at the largest sizes that fit a face with this layout."""
    register_fonts()
    content = content_of(deck, card, language)
    return fit_content(content, layout)


def fit_content(content: CardContent, layout: FaceLayout, tight: bool = False) -> FittedFace:
    """Wrap a card's printed content to fit `layout`.

    A card whose body does not fit at the minimum size is tried once more `tight`: less
    room between paragraphs and a smaller title, before it is reported as too long.
    """
    limit = most_characters(layout)
    length = printed_length(content)
    if length > limit:
        return _overlong(content, layout, length, limit)
    typo = layout.type
    width = mm(layout.content.width)
    problems: list[FitProblem] = []

    # Title: at most `title_lines` lines, shrinking as needed.
    title = None
    for size in sizes(min(typo.title, TIGHT_TITLE) if tight else typo.title, typo.title_min):
        title = Block(size, [paragraph(escape(content.title), style("title", size))], 0.0)
        title.height = _stack(title.flowables, width)
        if _lines_fit(title, layout.title_lines):
            break
    else:
        problems.append(
            FitProblem(
                "title",
                _("de titel past niet op {lines} regels, ook niet in {size}").format(
                    lines=layout.title_lines, size=_pt(typo.title_min)
                ),
                ("title",),
                _("maak de titel korter"),
            )
        )
    assert title is not None

    kicker = None
    if content.kicker:
        accent = hex_of(MUTED)
        for size in sizes(typo.kicker, typo.kicker_min):
            kicker = Block(
                size, [paragraph(escape(content.kicker), style("kicker", size, accent))], 0
            )
            kicker.height = _stack(kicker.flowables, width)
            if _lines_fit(kicker, KICKER_LINES):
                break
        else:
            problems.append(
                FitProblem(
                    "kicker",
                    _("de vormregel past niet op twee regels, ook niet in {size}").format(
                        size=_pt(typo.kicker_min)
                    ),
                    content.kicker_path,
                    _("gebruik kortere namen"),
                )
            )

    # Foot: the sources beside the QR code, never taller than a share of the face.
    foot = None
    qr = mm(layout.qr_size) if content.url else 0.0
    foot_room = mm(layout.content.height) * FOOT_SHARE
    if content.foot:
        foot_width = width - (qr + mm(QR_GAP) if qr else 0.0)
        foot_style_colour = hex_of(MUTED)

        def foot_style(size: float) -> ParagraphStyle:
            return style("foot", size, foot_style_colour, TA_LEFT)

        def build_foot(size: float) -> list[Flowable]:
            return [paragraph(escape(content.foot), foot_style(size))]

        def measure_foot(size: float) -> float | None:
            look = foot_style(size)
            lines = exact_lines(content.foot, REGULAR, size, foot_width, look.spaceShrinkage)
            return None if lines is None else lines * look.leading

        target = max(qr, typo.foot * LEADING * FOOT_LINES)
        foot, fits = _largest_fitting(
            sizes(typo.foot, typo.foot_min),
            build_foot,
            foot_width,
            min(target, foot_room),
            measure=measure_foot,
        )
        if not fits and foot.height > foot_room:
            problems.append(
                FitProblem(
                    "sources",
                    _("de bronnen nemen meer dan {share} % van de kaart in, ook in {size}").format(
                        share=round(FOOT_SHARE * 100), size=_pt(typo.foot_min)
                    ),
                    ("sources",),
                    _("kort de titels van de bronnen in of laat er een weg"),
                )
            )
    foot_height = max(qr, foot.height if foot else 0.0)

    used = title.height + (mm(TITLE_GAP) + kicker.height if kicker else 0.0) + mm(TITLE_GAP)
    if foot_height:
        used += foot_height + mm(FOOT_GAP)
    room = mm(layout.content.height) - used

    def build_body(size: float) -> list[Flowable]:
        spacing = TIGHT_SPACING if tight else 1.0
        flowables = [piece_flowable(p, size, content.colour, spacing, width) for p in content.body]
        if content.survey is not None:
            flowables.append(SurveyBar(content.survey, size))
        return flowables

    estimate = _body_estimate(content, width, TIGHT_SPACING if tight else 1.0)
    body, fits = _largest_fitting(
        sizes(typo.body, typo.body_min), build_body, width, room, estimate, count=_counted
    )
    if not fits and not tight:
        return fit_content(content, layout, tight=True)
    if not fits:
        share = round(100 * (body.height - room) / max(room, 1.0))
        problems.append(
            FitProblem(
                "body",
                _(
                    "de tekst past niet op een kaart van {card}, ook niet in {size} "
                    "(ongeveer {share} % te lang)"
                ).format(card=layout.card, size=_pt(typo.body_min), share=max(share, 1)),
                _longest_field(content),
                _("maak de tekst of de andere velden korter"),
            )
        )
    return FittedFace(
        content=content,
        layout=layout,
        title=title,
        kicker=kicker,
        body=body,
        foot=foot,
        body_room=room,
        centre_body=content.survey is not None,
        problems=problems,
    )


def _overlong(content: CardContent, layout: FaceLayout, length: int, limit: int) -> FittedFace:
    """A card with more text than any face can hold: refused before its text is measured.

    The face returned is the card cut to `limit` characters per text, so it is a real face
    and costs a bounded time; it carries the one problem that says what is wrong.
    """
    budget = limit
    body = []
    for piece in content.body:
        if budget <= 0:
            break
        body.append(replace(piece, text=piece.text[:budget]))
        budget -= len(piece.text)
    shortened = replace(
        content,
        title=content.title[:limit],
        kicker=content.kicker[:limit],
        foot=content.foot[:limit],
        body=tuple(body),
    )
    fitted = fit_content(shortened, layout)
    fitted.content = content
    fitted.problems = [
        FitProblem(
            "body",
            _(
                "de tekst is te lang voor een kaart van {card}: {length} tekens, "
                "er passen er hoogstens {limit}"
            ).format(card=layout.card, length=length, limit=limit),
            _longest_text(content),
            _("maak de tekst korter"),
        )
    ]
    return fitted


def _longest_text(content: CardContent) -> FieldPath:
    """The field with the most text on the card, title and sources included."""
    lengths: dict[FieldPath, int] = {
        ("title",): len(content.title),
        content.kicker_path: len(content.kicker),
        ("sources",): len(content.foot),
    }
    for piece in content.body:
        key = piece.path[:1]
        lengths[key] = lengths.get(key, 0) + len(piece.text)
    return max(lengths, key=lambda key: lengths[key])


def _pt(size: float) -> str:
    return f"{size:.1f}".rstrip("0").rstrip(".").replace(".", ",") + " pt"


def _longest_field(content: CardContent) -> FieldPath:
    """The field that adds most text to the body: the one worth shortening first."""
    lengths: dict[FieldPath, int] = {}
    for piece in content.body:
        key = piece.path[:1]
        lengths[key] = lengths.get(key, 0) + len(piece.text)
    return max(lengths, key=lambda key: lengths[key]) if lengths else ("text",)


# --- Reporting -------------------------------------------------------------------------------


def fit_problems(
    deck: Deck, card: CardBase, fitted: FittedFace, language: str | None
) -> list[Problem]:
    """The problems of one fitted face as `Problem`s located in the card's YAML."""
    other = language is not None and language != deck.manifest.language
    suffix = _(" (taal {language})").format(language=language) if other else ""
    return [
        Problem(deck.where(card.id, *p.path), p.message + suffix, card_subject(card.id), p.hint)
        for p in fitted.problems
    ]


def fit_cards(
    deck: Deck, cards: Iterable[CardBase], card_size: Size, language: str | None = None
) -> tuple[list[FittedFace], list[Problem]]:
    """Every card fitted to `card_size` in `language` (default: the deck's language), and
    all that keeps one from printing well: text too long and characters the font lacks.

    The print command fits once and draws the faces it got here.
    """
    register_fonts()
    layout = face_layout(card_size)
    chosen = tuple(cards)
    faces: list[FittedFace] = []
    problems: list[Problem] = []
    with collector_paused():
        for card in chosen:
            fitted = fit_face(deck, card, layout, language)
            faces.append(fitted)
            problems.extend(fit_problems(deck, card, fitted, language))
    problems.extend(glyph_problems(deck, chosen))
    return faces, problems
