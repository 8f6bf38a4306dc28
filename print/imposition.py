"""Where every card goes on the paper: pure geometry in millimetres, no reportlab.

The document writer only draws what this module decides, so every promise a trainer relies
on — cards at their exact size, centred, bleed around each card, crop marks outside the
cuts, backs that land behind their fronts — is plain arithmetic that tests can check.

Coordinates follow PDF: the origin is the bottom-left corner of the page, x to the right,
y upwards, all lengths in millimetres.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal

EPSILON = 1e-6
"""Tolerance for comparing lengths that come out of float arithmetic."""

EDGE = 3.0
"""Nothing is printed closer than this to the paper's edge: most home printers cannot."""
MARK_GAP = 3.0
"""Crop marks start this far outside the cut…"""
MARK_GAP_MIN = 2.0
"""…or this close when the paper is tight (Letter leaves 7.7 mm above a 3×3 poker grid)."""
MARK_LENGTH = 5.0
"""Longest crop mark: short marks keep viewers from scaling the page to fit them."""
MARK_LENGTH_MIN = 2.0
"""Shortest crop mark still easy to see and to line a ruler up with."""
MAX_BLEED = 10.0
MAX_BACK_OFFSET = 10.0
MIN_CARD = (30.0, 40.0)
"""Smallest card the face layout can hold: a band, a title and a few lines of text."""


class ImpositionError(ValueError):
    """A print option that cannot work, with a Dutch message and hint for the trainer."""

    def __init__(self, option: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.option = option
        self.message = message
        self.hint = hint


def format_mm(value: float) -> str:
    """A length the way a Dutch reader writes it: `63`, `63,5`."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


@dataclass(frozen=True)
class Size:
    """A width and a height in millimetres."""

    width: float
    height: float

    def rotated(self) -> Size:
        """The same rectangle turned a quarter."""
        return Size(self.height, self.width)

    def __str__(self) -> str:
        return f"{format_mm(self.width)}×{format_mm(self.height)} mm"


PAPER_SIZES: dict[str, Size] = {
    "a4": Size(210.0, 297.0),
    "letter": Size(215.9, 279.4),
}

CARD_SIZES: dict[str, Size] = {
    "poker": Size(63.0, 88.0),
    "poker-us": Size(63.5, 88.9),
    "bridge": Size(57.0, 89.0),
    "tarot": Size(70.0, 120.0),
    "mini": Size(44.0, 68.0),
    "a7": Size(74.0, 105.0),
    "a6": Size(105.0, 148.0),
}
"""Card sizes in mm. Poker is the European 63×88; `poker-us` is 2.5×3.5 inch."""


class Backs(StrEnum):
    """How card backs are printed."""

    LONG = "long"
    """Duplex, the printer turns the sheet over its long edge: columns mirror."""
    SHORT = "short"
    """Duplex, the printer turns the sheet over its short edge: rows mirror."""
    NONE = "none"
    """Fronts only."""
    FOLD = "fold"
    """Each back beside its front on the same page, to fold over and glue."""


Side = Literal["front", "back"]


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle on a page."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    def grown(self, left: float, right: float, bottom: float, top: float) -> Box:
        """This box with each side moved outwards by the given length."""
        return Box(
            self.x - left, self.y - bottom, self.width + left + right, self.height + bottom + top
        )

    def shifted(self, dx: float, dy: float) -> Box:
        """This box moved by (dx, dy)."""
        return Box(self.x + dx, self.y + dy, self.width, self.height)

    def mirrored_x(self, page_width: float) -> Box:
        """This box reflected across the page's vertical centre line."""
        return Box(page_width - self.right, self.y, self.width, self.height)

    def mirrored_y(self, page_height: float) -> Box:
        """This box reflected across the page's horizontal centre line."""
        return Box(self.x, page_height - self.top, self.width, self.height)

    def overlaps(self, other: Box) -> bool:
        """Whether the interiors of the two boxes share any area (touching is fine)."""
        return (
            self.x < other.right - EPSILON
            and other.x < self.right - EPSILON
            and self.y < other.top - EPSILON
            and other.y < self.top - EPSILON
        )

    def contains(self, other: Box) -> bool:
        """Whether `other` lies inside this box (edges may touch)."""
        return (
            other.x >= self.x - EPSILON
            and other.y >= self.y - EPSILON
            and other.right <= self.right + EPSILON
            and other.top <= self.top + EPSILON
        )


@dataclass(frozen=True)
class Segment:
    """A straight line on the page: a crop mark or a fold mark."""

    x1: float
    y1: float
    x2: float
    y2: float

    def crosses(self, box: Box) -> bool:
        """Whether any part of this horizontal or vertical segment lies inside `box`.

        Touching the box's edge does not count: a cut line may end where a card's edge is.
        """
        return _overlaps_open(self.x1, self.x2, box.x, box.right) and _overlaps_open(
            self.y1, self.y2, box.y, box.top
        )


def _overlaps_open(a: float, b: float, low: float, high: float) -> bool:
    """Whether the closed interval [a, b] (in any order) meets the open interval (low, high)."""
    start, end = sorted((a, b))
    return start < high - EPSILON and end > low + EPSILON


@dataclass(frozen=True)
class Slot:
    """Where one card face goes: its cut (trim) box, its bleed box and its turn.

    `rotation` is 0 for an upright card or 90 when the card is turned a quarter
    anticlockwise on the page to fit more cards. `trim` and `bleed` are in page coordinates,
    so a turned card's trim box is as wide as the card is tall.
    """

    trim: Box
    bleed: Box
    rotation: int = 0

    def shifted(self, dx: float, dy: float) -> Slot:
        """This slot moved by (dx, dy)."""
        return replace(self, trim=self.trim.shifted(dx, dy), bleed=self.bleed.shifted(dx, dy))

    def mirrored(self, page: Size, backs: Backs) -> Slot:
        """Where this front's back goes when the sheet is turned over its long or short edge.

        The card keeps its turn: backs are drawn point-symmetric, so a back upside down
        behind its front looks the same.
        """
        if backs is Backs.LONG:
            return replace(
                self, trim=self.trim.mirrored_x(page.width), bleed=self.bleed.mirrored_x(page.width)
            )
        return replace(
            self, trim=self.trim.mirrored_y(page.height), bleed=self.bleed.mirrored_y(page.height)
        )


@dataclass(frozen=True)
class PrintLayout:
    """The options that decide the imposition."""

    paper: Size = PAPER_SIZES["a4"]
    card: Size = CARD_SIZES["poker"]
    bleed: float = 0.0
    crop_marks: bool = True
    backs: Backs = Backs.LONG
    back_offset: tuple[float, float] = (0.0, 0.0)
    per_page: bool = False


@dataclass(frozen=True)
class Sheet:
    """The imposition of one sheet: every slot a front can take, and where its back goes.

    `backs[i]` belongs to `fronts[i]`: behind it on the next page for duplex, beside it on
    the same page for fold, and the tuple is empty when backs are not printed.
    """

    page: Size
    columns: int
    rows: int
    rotated: bool
    fronts: tuple[Slot, ...]
    backs: tuple[Slot, ...]
    backs_on_same_page: bool
    crop_marks: tuple[Segment, ...]
    fold_marks: tuple[Segment, ...]
    trim_box: Box | None = None
    """Set in one-card-per-page mode: the card's cut, for the PDF's TrimBox."""
    bleed_box: Box | None = None
    """Set in one-card-per-page mode: the card with its bleed, for the PDF's BleedBox."""

    @property
    def per_sheet(self) -> int:
        """How many cards one sheet holds."""
        return len(self.fronts)


@dataclass(frozen=True)
class Placement:
    """One card face placed on a page."""

    card: int
    """Index of the card in the list being printed."""
    side: Side
    slot: Slot


@dataclass(frozen=True)
class Page:
    """One page of the document, ready to draw."""

    size: Size
    side: Side
    """What the page mainly carries: fronts, or the backs of the previous page."""
    placements: tuple[Placement, ...]
    crop_marks: tuple[Segment, ...] = ()
    fold_marks: tuple[Segment, ...] = ()
    trim_box: Box | None = None
    bleed_box: Box | None = None


# --- Parsing options -------------------------------------------------------------------------

_NUMBER = r"\d+(?:[.,]\d+)?"
_SIZE = re.compile(rf"^\s*({_NUMBER})\s*[x×X*]\s*({_NUMBER})\s*(?:mm)?\s*$")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse_paper(text: str) -> Size:
    """The paper size named `a4` or `letter` (any case)."""
    size = PAPER_SIZES.get(text.strip().lower())
    if size is None:
        raise ImpositionError(
            "--paper", f"onbekend papierformaat '{text}'", f"kies uit: {', '.join(PAPER_SIZES)}"
        )
    return size


def parse_card_size(text: str) -> Size:
    """A named card size (`poker`, `tarot`, …) or `WxH` in millimetres (`63.5x88.9`)."""
    name = text.strip().lower()
    if name in CARD_SIZES:
        return CARD_SIZES[name]
    match = _SIZE.match(text)
    if match is None:
        raise ImpositionError(
            "--size",
            f"onbekend kaartformaat '{text}'",
            f"kies uit: {', '.join(CARD_SIZES)}, of geef breedte x hoogte in mm, bv. 63x88",
        )
    size = Size(_number(match.group(1)), _number(match.group(2)))
    low_w, low_h = MIN_CARD
    if size.width < low_w or size.height < low_h:
        raise ImpositionError(
            "--size",
            f"kaart van {size} is te klein",
            f"minstens {format_mm(low_w)}×{format_mm(low_h)} mm",
        )
    return size


def parse_bleed(text: str) -> float:
    """A bleed in millimetres, `0` to `10`; a decimal comma is fine (`1,5`)."""
    try:
        value = _number(text.strip())
    except ValueError:
        raise ImpositionError(
            "--bleed", f"afloop '{text}' is geen getal", "geef de afloop in mm, bv. 3"
        ) from None
    if not math.isfinite(value) or value < 0 or value > MAX_BLEED:
        raise ImpositionError(
            "--bleed",
            f"afloop van {text} mm kan niet",
            f"kies 0 tot {format_mm(MAX_BLEED)} mm; drukkerijen vragen meestal 3",
        )
    return value


def parse_offset(text: str) -> tuple[float, float]:
    """A back offset `X,Y` in mm (`0.5,-1`), or `X;Y` to allow decimal commas (`0,5;-1`)."""
    separator = ";" if ";" in text else ","
    parts = text.split(separator)
    hint = "schrijf X,Y in mm, bv. 0.5,-1; X naar rechts, Y naar boven, gezien op de achterkant"
    if len(parts) != 2:
        raise ImpositionError("--back-offset", f"verschuiving '{text}' is geen X,Y", hint)
    try:
        x, y = (_number(part.strip()) for part in parts)
    except ValueError:
        raise ImpositionError("--back-offset", f"verschuiving '{text}' is geen X,Y", hint) from None
    if not (math.isfinite(x) and math.isfinite(y)) or max(abs(x), abs(y)) > MAX_BACK_OFFSET:
        raise ImpositionError(
            "--back-offset",
            f"verschuiving '{text}' is te groot",
            f"hoogstens {format_mm(MAX_BACK_OFFSET)} mm in elke richting",
        )
    return (x, y)


# --- Imposition ------------------------------------------------------------------------------


def impose(layout: PrintLayout) -> Sheet:
    """The imposition for these options; raises `ImpositionError` when they cannot work."""
    if layout.back_offset != (0.0, 0.0) and (
        layout.per_page or layout.backs not in (Backs.LONG, Backs.SHORT)
    ):
        raise ImpositionError(
            "--back-offset",
            "de achterkanten verschuiven kan alleen bij dubbelzijdig afdrukken op vellen",
            "gebruik --backs long of --backs short, zonder --per-page",
        )
    if layout.per_page:
        if layout.backs is Backs.FOLD:
            raise ImpositionError(
                "--backs",
                "vouwkaarten (--backs fold) passen niet bij één kaart per pagina",
                "kies --backs long, short of none bij --per-page",
            )
        return _impose_per_page(layout)
    return _impose_sheet(layout)


def _impose_per_page(layout: PrintLayout) -> Sheet:
    # A print shop's page: exactly the card plus its bleed, with the cut in the TrimBox.
    b = layout.bleed
    page = Size(layout.card.width + 2 * b, layout.card.height + 2 * b)
    trim = Box(b, b, layout.card.width, layout.card.height)
    slot = Slot(trim, trim.grown(b, b, b, b))
    backs = () if layout.backs is Backs.NONE else (slot,)
    return Sheet(
        page=page,
        columns=1,
        rows=1,
        rotated=False,
        fronts=(slot,),
        backs=backs,
        backs_on_same_page=False,
        crop_marks=(),
        fold_marks=(),
        trim_box=trim,
        bleed_box=slot.bleed,
    )


def _fit(space: float, unit: float, gutter: float) -> int:
    """How many units of `unit` mm with `gutter` mm between them fit in `space` mm."""
    if space + EPSILON < unit:
        return 0
    return int((space - unit + EPSILON) // (unit + gutter)) + 1


def _side_need(layout: PrintLayout) -> float:
    """Room needed between the outermost cut and the paper's edge."""
    if layout.crop_marks:
        return EDGE + max(layout.bleed, MARK_GAP_MIN) + MARK_LENGTH_MIN
    return EDGE + layout.bleed


def _impose_sheet(layout: PrintLayout) -> Sheet:
    paper, card, b = layout.paper, layout.card, layout.bleed
    fold = layout.backs is Backs.FOLD
    # The unit repeated over the sheet: a card, or for fold a front and its back side by side.
    unit = Size(card.width * 2, card.height) if fold else card
    gutter = 2 * b  # neighbouring bleeds touch; each card keeps its own cut lines
    need = _side_need(layout)
    options = []
    for rotated in (False, True):
        footprint = unit.rotated() if rotated else unit
        columns = _fit(paper.width - 2 * need, footprint.width, gutter)
        rows = _fit(paper.height - 2 * need, footprint.height, gutter)
        options.append((columns * rows, not rotated, rotated, columns, rows, footprint))
    count, _, rotated, columns, rows, footprint = max(options, key=lambda o: (o[0], o[1]))
    if count == 0:
        raise ImpositionError(
            "--size",
            f"een kaart van {card} past niet op {_paper_name(paper)}"
            + (" met afloop en snijtekens" if b and layout.crop_marks else ""),
            "kies een kleiner kaartformaat"
            + (", minder afloop" if b else "")
            + (" of --no-crop-marks" if layout.crop_marks else ""),
        )
    block_width = columns * footprint.width + (columns - 1) * gutter
    block_height = rows * footprint.height + (rows - 1) * gutter
    left = (paper.width - block_width) / 2
    bottom = (paper.height - block_height) / 2

    fronts: list[Slot] = []
    backs: list[Slot] = []
    folds: list[tuple[float, bool]] = []
    for row in range(rows):  # reading order: top row first, left to right
        y = bottom + (rows - 1 - row) * (footprint.height + gutter)
        for column in range(columns):
            x = left + column * (footprint.width + gutter)
            unit_box = Box(x, y, footprint.width, footprint.height)
            if fold:
                front, back, fold_line = _fold_pair(unit_box, card, b, rotated)
                fronts.append(front)
                backs.append(back)
                folds.append(fold_line)
            else:
                fronts.append(Slot(unit_box, unit_box.grown(b, b, b, b), 90 if rotated else 0))
    if layout.backs in (Backs.LONG, Backs.SHORT):
        dx, dy = layout.back_offset
        for front in fronts:
            backs.append(front.mirrored(paper, layout.backs).shifted(dx, dy))
    pitch_x, pitch_y = footprint.width + gutter, footprint.height + gutter
    units = [
        Box(left + c * pitch_x, bottom + r * pitch_y, footprint.width, footprint.height)
        for r in range(rows)
        for c in range(columns)
    ]
    crop, fold_marks = _marks(layout, paper, units, folds)
    return Sheet(
        page=paper,
        columns=columns,
        rows=rows,
        rotated=rotated,
        fronts=tuple(fronts),
        backs=tuple(backs),
        backs_on_same_page=fold,
        crop_marks=crop if layout.crop_marks else (),
        fold_marks=fold_marks if layout.crop_marks else (),
    )


def _fold_pair(
    unit: Box, card: Size, b: float, rotated: bool
) -> tuple[Slot, Slot, tuple[float, bool]]:
    """Front and back of a fold-over pair, and its fold line (position, is it vertical).

    Upright, the front is on the left and the back on the right of a vertical fold; turned,
    the front is below and the back above a horizontal fold. Folding brings the back exactly
    behind the front. There is no bleed across the fold: it is not cut.
    """
    if not rotated:
        front = Box(unit.x, unit.y, card.width, card.height)
        back = Box(unit.x + card.width, unit.y, card.width, card.height)
        return (
            Slot(front, front.grown(b, 0, b, b), 0),
            Slot(back, back.grown(0, b, b, b), 0),
            (front.right, True),
        )
    front = Box(unit.x, unit.y, card.height, card.width)
    back = Box(unit.x, unit.y + card.width, card.height, card.width)
    return (
        Slot(front, front.grown(b, b, b, 0), 90),
        Slot(back, back.grown(b, b, 0, b), 90),
        (front.top, False),
    )


def _paper_name(paper: Size) -> str:
    for name, size in PAPER_SIZES.items():
        if size == paper:
            return name.upper() if name == "a4" else name.capitalize()
    return f"papier van {paper}"


def _mark_extent(margin: float, bleed: float) -> tuple[float, float]:
    """Gap from the cut and length of the crop marks in a margin of `margin` mm."""
    space = margin - EDGE
    gap = max(bleed, MARK_GAP_MIN, min(MARK_GAP, space - MARK_LENGTH_MIN))
    return gap, max(0.0, min(MARK_LENGTH, space - gap))


def _distinct(values: list[float]) -> list[float]:
    """Sorted values with near-duplicates (shared cut lines) merged."""
    result: list[float] = []
    for value in sorted(values):
        if not result or value - result[-1] > EPSILON:
            result.append(value)
    return result


def _marks(
    layout: PrintLayout,
    paper: Size,
    units: list[Box],
    folds: list[tuple[float, bool]],
) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Crop marks on every cut line and fold marks on every fold, in the margins only.

    Marks are drawn from the imposition, not with reportlab's `cropMarks`, which marks one
    trim box per page: right for one card per page, wrong for a sheet of cards.
    """
    left = min(u.x for u in units)
    right = max(u.right for u in units)
    bottom = min(u.y for u in units)
    top = max(u.top for u in units)
    x_gap, x_len = _mark_extent(left, layout.bleed)
    y_gap, y_len = _mark_extent(bottom, layout.bleed)

    def vertical(x: float) -> list[Segment]:
        return [
            Segment(x, top + y_gap, x, top + y_gap + y_len),
            Segment(x, bottom - y_gap, x, bottom - y_gap - y_len),
        ]

    def horizontal(y: float) -> list[Segment]:
        return [
            Segment(left - x_gap, y, left - x_gap - x_len, y),
            Segment(right + x_gap, y, right + x_gap + x_len, y),
        ]

    crop: list[Segment] = []
    for x in _distinct([u.x for u in units] + [u.right for u in units]):
        crop.extend(vertical(x))
    for y in _distinct([u.y for u in units] + [u.top for u in units]):
        crop.extend(horizontal(y))
    fold: list[Segment] = []
    for position in _distinct([p for p, is_vertical in folds if is_vertical]):
        fold.extend(vertical(position))
    for position in _distinct([p for p, is_vertical in folds if not is_vertical]):
        fold.extend(horizontal(position))
    return tuple(crop), tuple(fold)


# --- Pages -----------------------------------------------------------------------------------


def sheets_needed(count: int, sheet: Sheet) -> int:
    """How many sheets `count` cards fill: an exact fit adds no blank sheet."""
    return -(-count // sheet.per_sheet) if count > 0 else 0


def paginate(count: int, sheet: Sheet) -> tuple[Page, ...]:
    """Every page for `count` cards: fronts, each followed by its backs page for duplex.

    No cards, no pages. The last sheet may be partly filled; its backs page carries the
    backs of exactly the fronts on it, each at its mirrored place.
    """
    pages: list[Page] = []
    per_sheet = sheet.per_sheet
    for number in range(sheets_needed(count, sheet)):
        cards = range(number * per_sheet, min(count, (number + 1) * per_sheet))
        fronts = [Placement(card, "front", sheet.fronts[i]) for i, card in enumerate(cards)]
        if sheet.backs_on_same_page:
            fronts += [Placement(card, "back", sheet.backs[i]) for i, card in enumerate(cards)]
        pages.append(
            Page(
                size=sheet.page,
                side="front",
                placements=tuple(fronts),
                crop_marks=sheet.crop_marks,
                fold_marks=sheet.fold_marks,
                trim_box=sheet.trim_box,
                bleed_box=sheet.bleed_box,
            )
        )
        if sheet.backs and not sheet.backs_on_same_page:
            pages.append(
                Page(
                    size=sheet.page,
                    side="back",
                    placements=tuple(
                        Placement(card, "back", sheet.backs[i]) for i, card in enumerate(cards)
                    ),
                    trim_box=sheet.trim_box,
                    bleed_box=sheet.bleed_box,
                )
            )
    return tuple(pages)
