"""Proof that a card's text fits its face, from glyph widths alone: no reportlab, no wrapping.

reportlab breaks a paragraph's lines greedily: a word goes on the line if it fits, else it
starts the next. Greedy breaking needs the fewest lines any breaking can, so breaking the
same words greedily with widths at least as large, at no more places, needs at least as many
lines: an upper bound, and from it an upper bound on every height print/fit.py compares with
its room. When each bound leaves room, print/fit.py finds the card fits (it tries the
smallest sizes last); when one does not, only reportlab can tell, and `deck check` fits the
card with it.

The widths are the font's own (print/font_metrics.py), summed over each word, with a margin
for rounding. A text with a character whose breaking or width is not plain (a soft hyphen,
an unusual space, a character the font lacks) proves nothing. The paragraph styles mirror
print/paragraphs.py and print/survey_bar.py; tests/print/test_fit_bound.py holds them to it.

Breaking the same words greedily on lines as wide as reportlab lets them run gives a lower
bound; where it meets the upper bound, the count is exact (`exact_lines`). print/fit.py
measures the sources at a card's foot so at the sizes it tries, and wraps only the one it
keeps (tests/print/test_measured_foot.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from deck.card_content import CardContent, Piece
from print.face_layout import LEADING, FaceLayout, mm, most_characters
from print.fit_rules import (
    FIELD_GAP,
    FOOT_GAP,
    FOOT_LINES,
    FOOT_SHARE,
    KICKER_LINES,
    QR_GAP,
    TIGHT_SPACING,
    TIGHT_TITLE,
    TITLE_GAP,
    printed_length,
    quoted,
    sizes,
)
from print.font_metrics import (
    BOLD,
    BOLD_ITALIC,
    COVERED,
    ITALIC,
    LINE_BREAKS,
    REGULAR,
    advances,
)

MARGIN = 1e-6
"""Points given away on every comparison, against rounding in the sums."""

_BREAKS = frozenset(" " + LINE_BREAKS)
"""Where this proof lets a line break: spaces and line breaks (reportlab breaks there too)."""
_PLAIN = (COVERED | frozenset(LINE_BREAKS)) - frozenset("\xad\uffff")
"""Characters with a plain width and no break of their own; the soft hyphen breaks a word."""

SPACE_AFTER = {"heading": 0.15}
"""Room after a body paragraph, in type sizes, by kind; 0.38 for the others."""
SPACE_AFTER_OTHERS = 0.38
INDENT = {"bullet": 1.1, "option": 1.5, "check": 1.35}
"""Room left of a body paragraph's text, in type sizes: the bullet, number or tick box."""
FONTS = {"heading": BOLD, "quote": ITALIC, "statement": BOLD_ITALIC}
STATEMENT_SCALE = 1.3
"""A statement is set this much larger than the body."""
BULLET_GAP = 0.6
"""reportlab's room after a bullet, in type sizes: a wider bullet narrows the first line."""
SURVEY_HEIGHT = 1.25 + 1.75 + 1.3 + 0.4
"""The survey bar's caption, bar, legend and gap, in type sizes."""
SURVEY_SPACE_BEFORE = 0.6


def fits_for_sure(content: CardContent, layout: FaceLayout) -> bool:
    """Whether the bounds prove that print/fit.py fits `content` on `layout` without a
    problem. False means unproven, not too long."""
    if printed_length(content) > most_characters(layout):
        return False
    typo = layout.type
    width = mm(layout.content.width)
    title = _title_height(
        content.title, BOLD, sizes(typo.title, typo.title_min), width, layout.title_lines
    )
    kicker = 0.0
    if content.kicker:
        found = _title_height(
            content.kicker, ITALIC, sizes(typo.kicker, typo.kicker_min), width, KICKER_LINES
        )
        if found is None:
            return False
        kicker = mm(TITLE_GAP) + found
    foot = _foot_height(content, layout)
    if title is None or foot is None:
        return False
    room = mm(layout.content.height) - kicker - mm(TITLE_GAP)
    if foot:
        room -= foot + mm(FOOT_GAP)
    if _body_height(content, layout, 1.0) <= room - title - MARGIN:
        return True
    # Too full for the normal layout: print/fit.py tries once more with a smaller title
    # and less room between paragraphs.
    tight = _title_height(
        content.title,
        BOLD,
        sizes(min(typo.title, TIGHT_TITLE), typo.title_min),
        width,
        layout.title_lines,
    )
    if tight is None:
        return False
    return _body_height(content, layout, TIGHT_SPACING) <= room - tight - MARGIN


def lines_needed(
    words: tuple[float, ...], size: float, first: float, rest: float, space: float
) -> int | None:
    """The most lines reportlab can break `words` into at `size`, on lines `first` then
    `rest` points wide with spaces `space` wide at 1 point; None when a word may not fit a
    line (reportlab would split it) or there is no word."""
    if not words or max(words) * size > min(first, rest) - MARGIN:
        return None
    lines, room, used = 1, first, words[0] * size
    for word in words[1:]:
        added = (space + word) * size
        if used + added <= room - MARGIN:
            used += added
        else:
            lines, room, used = lines + 1, rest, word * size
    return lines


def _fewest(
    words: tuple[float, ...], size: float, first: float, rest: float, gap: float, slack: float
) -> int | None:
    """The fewest lines reportlab can break `words` into at `size`, on a first line `first`
    and further lines `rest` points wide with spaces `gap` wide (at 1 point); None when a
    word may not fit a line or there is no word.

    reportlab lets a line run past its width by the style's `spaceShrinkage` of a space for
    each word already on it (`slack` a word, at 1 point), so this breaks greedily on lines
    that much wider: greedy breaking on lines at least as wide needs no more lines.
    """
    if not words or max(words) * size > min(first, rest) - MARGIN:
        return None
    slack *= size
    lines, room, used, count = 1, first, words[0] * size, 1
    for word in words[1:]:
        added = (gap + word) * size
        if used + added <= room + slack * count + MARGIN:
            used += added
            count += 1
        else:
            lines, room, used, count = lines + 1, rest, word * size, 1
    return lines


def exact_lines(text: str, face: str, size: float, width: float, shrink: float) -> int | None:
    """How many lines reportlab breaks a paragraph of `text` in `face` into at `size` on
    lines `width` points wide (`shrink`: the style's `spaceShrinkage`), when the glyph
    widths leave no doubt; None when they do, or a character is not plain."""
    return run_lines(((text, face),), size, width, width, shrink)


def run_lines(
    runs: Sequence[tuple[str, str]], size: float, first: float, rest: float, shrink: float
) -> int | None:
    """How many lines reportlab breaks a paragraph of `runs` (its fragments in order: text
    and face, each set at `size`) into, on a first line `first` and further lines `rest`
    points wide (`shrink`: the style's `spaceShrinkage`), when the glyph widths leave no
    doubt; None when they do, or a character is not plain.

    A field whose bold label is set in its text (a label too long to go before it) is two
    runs: reportlab breaks such a paragraph about eight times slower than a text in one
    font, and print/fit.py counts its lines here at the sizes it tries. Between words the
    space is the narrowest face's for the fewest lines and the widest's for the most, as
    reportlab takes the space of the word before.
    """
    words = _run_words(runs)
    if words is None:
        return None
    widest, narrowest = _spaces(*[face for _, face in runs])
    most = lines_needed(words, size, first, rest, widest)
    if most is None or _fewest(words, size, first, rest, narrowest, shrink * widest) != most:
        return None
    return most


def _run_words(runs: Sequence[tuple[str, str]]) -> tuple[float, ...] | None:
    """Widths of the words of `runs` at 1 point: a word runs on from one run into the next
    unless a break lies between them; None if a character is not plain."""
    if len(runs) == 1:  # a card's foot, measured at every size fitting tries
        return words_of(*runs[0])
    words: list[float] = []
    open_end = False
    for text, face in runs:
        found = words_of(text, face)
        if found is None:
            return None
        if found and open_end and text[0] not in _BREAKS:
            words[-1] += found[0]
            found = found[1:]
        words.extend(found)
        if text:
            open_end = text[-1] not in _BREAKS
    return tuple(words)


@lru_cache(maxsize=4096)
def words_of(text: str, face: str) -> tuple[float, ...] | None:
    """Widths of the words of `text` in `face` at 1 point, or None if a character is not plain."""
    if not _PLAIN.issuperset(text):
        return None
    for line_break in LINE_BREAKS:  # a space each: str.translate took ten times longer
        if line_break in text:
            text = text.replace(line_break, " ")
    width = advances(face).__getitem__
    return tuple(sum(map(width, word)) for word in text.split(" ") if word)


def _space(*faces: str) -> float:
    """The widest space of `faces` at 1 point: what a line break may leave between words."""
    return _spaces(*faces)[0]


@lru_cache(maxsize=64)
def _spaces(*faces: str) -> tuple[float, float]:
    """The widest and the narrowest space of `faces` at 1 point."""
    spaces = [advances(face)[" "] for face in faces]
    return max(spaces), min(spaces)


def _title_height(
    text: str, face: str, tried: list[float], width: float, most: int
) -> float | None:
    """The tallest a title (or form line) can print: print/fit.py takes the largest size at
    which it fits on `most` lines. None if no size is sure to fit."""
    words = words_of(text, face)
    if words is None:
        return None
    tallest = 0.0
    for size in tried:
        needed = lines_needed(words, size, width, width, _space(face))
        # Up to the first size sure to fit, any size may be the one reportlab takes.
        tallest = max(tallest, min(most, needed or most) * size * LEADING)
        if needed is not None and needed <= most:
            return tallest
    return None


def _foot_height(content: CardContent, layout: FaceLayout) -> float | None:
    """The tallest the foot (sources beside the QR code) can print, 0 without one; None if
    the sources may take more than their share of the face."""
    typo = layout.type
    qr = mm(layout.qr_size) if content.url else 0.0
    if not content.foot:
        return qr
    words = words_of(content.foot, REGULAR)
    if words is None:
        return None
    width = mm(layout.content.width) - (qr + mm(QR_GAP) if qr else 0.0)
    needed = lines_needed(words, typo.foot_min, width, width, _space(REGULAR))
    if needed is None:
        return None
    smallest = needed * typo.foot_min * LEADING
    share = mm(layout.content.height) * FOOT_SHARE
    if smallest > share - MARGIN:
        return None
    # It fits its target at some size, or takes the smallest size (and is no taller then).
    target = min(max(qr, typo.foot * LEADING * FOOT_LINES), share)
    return max(qr, target + MARGIN, smallest)


def _body_height(content: CardContent, layout: FaceLayout, spacing: float) -> float:
    """The tallest the body can print at the smallest size, its paragraphs `spacing` apart
    (a share of the normal room); infinite when a paragraph proves nothing."""
    size = layout.type.body_min
    width = mm(layout.content.width)
    # Each flowable as (height, room before, room after), stacked as print/fit.py does.
    stack: list[tuple[float, float, float]] = []
    for piece in content.body:
        measured = _piece_height(piece, size, width, spacing)
        if measured is None:
            return float("inf")
        stack.append((measured[0], 0.0, measured[1]))
    if content.survey is not None:
        stack.append((SURVEY_HEIGHT * size, SURVEY_SPACE_BEFORE * size, 0.0))
    return (
        sum(height for height, _, _ in stack)
        + sum(before for _, before, _ in stack[1:])
        + sum(after for _, _, after in stack[:-1])
    )


def _piece_height(
    piece: Piece, size: float, width: float, spacing: float
) -> tuple[float, float] | None:
    """A body paragraph's tallest height and the room after it, at body size `size`."""
    kind = piece.kind
    face = FONTS.get(kind, REGULAR)
    after = SPACE_AFTER.get(kind, SPACE_AFTER_OTHERS) * size * spacing
    space = _space(face)
    if kind == "statement":
        size *= STATEMENT_SCALE
        # print/paragraphs.py sets a statement's style without the card's spacing.
        after = SPACE_AFTER_OTHERS * size
    text = quoted(piece.text) if kind in ("quote", "statement") else piece.text
    if kind == "field":
        # The label and the text as one paragraph in two fonts (print/paragraphs.py).
        words = _run_words(((piece.label or "", BOLD), (FIELD_GAP + text, REGULAR)))
        space = _space(BOLD, REGULAR)
    else:
        words = words_of(text, face)
    if words is None:
        return None
    indent = INDENT.get(kind, 0.0) * size
    first = rest_width = width - indent
    if kind in ("bullet", "option"):
        mark = (piece.label or "•") if kind == "option" else "•"
        bullet = words_of(mark, BOLD)
        if bullet is None or len(bullet) != 1:
            return None
        # reportlab narrows the first line when the bullet and its gap overrun the indent.
        first -= max(0.0, (bullet[0] + BULLET_GAP) * size - indent)
    lines = lines_needed(words, size, first, rest_width, space)
    if lines is None:
        return None
    return lines * size * LEADING, after
