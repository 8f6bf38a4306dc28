"""The imposition: where cards, backs and marks go, as plain geometry."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from print.imposition import (
    CARD_SIZES,
    EDGE,
    MARK_GAP_MIN,
    PAPER_SIZES,
    Backs,
    Box,
    ImpositionError,
    PrintLayout,
    Segment,
    Sheet,
    Size,
    impose,
    paginate,
    parse_bleed,
    parse_card_size,
    parse_offset,
    parse_paper,
)

A4, LETTER = PAPER_SIZES["a4"], PAPER_SIZES["letter"]
POKER = CARD_SIZES["poker"]


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-6)


# --- Options ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("poker", Size(63, 88)),
        ("POKER", Size(63, 88)),
        ("bridge", Size(57, 89)),
        ("tarot", Size(70, 120)),
        ("mini", Size(44, 68)),
        ("a7", Size(74, 105)),
        ("a6", Size(105, 148)),
        ("poker-us", Size(63.5, 88.9)),
        ("63.5x88.9", Size(63.5, 88.9)),
        ("63,5x88,9", Size(63.5, 88.9)),
        ("70×120", Size(70, 120)),
        (" 50 X 80 mm ", Size(50, 80)),
    ],
)
def test_card_sizes_by_name_or_width_by_height(text: str, size: Size) -> None:
    assert parse_card_size(text) == size


@pytest.mark.parametrize("text", ["jumbo", "63x", "x88", "63-88", "63x88x2", "", "10x10"])
def test_bad_card_sizes_are_refused_with_a_hint(text: str) -> None:
    with pytest.raises(ImpositionError) as caught:
        parse_card_size(text)
    assert caught.value.option == "--size"
    assert caught.value.hint


def test_paper_names() -> None:
    assert parse_paper("A4") == A4
    assert parse_paper("letter") == LETTER
    with pytest.raises(ImpositionError, match="onbekend papierformaat"):
        parse_paper("a3")


@pytest.mark.parametrize(("text", "value"), [("0", 0.0), ("3", 3.0), ("1,5", 1.5), ("2.5", 2.5)])
def test_bleed_accepts_decimal_commas(text: str, value: float) -> None:
    assert parse_bleed(text) == value


@pytest.mark.parametrize("text", ["-1", "drie", "11", "nan", "inf"])
def test_bad_bleed_is_refused(text: str) -> None:
    with pytest.raises(ImpositionError) as caught:
        parse_bleed(text)
    assert caught.value.option == "--bleed"


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("0.5,-1", (0.5, -1.0)),
        ("0,5;-1", (0.5, -1.0)),
        (" 1 , 2 ", (1.0, 2.0)),
        ("0,0", (0.0, 0.0)),
    ],
)
def test_back_offsets(text: str, offset: tuple[float, float]) -> None:
    assert parse_offset(text) == offset


@pytest.mark.parametrize("text", ["1", "1,2,3", "a,b", "0,5,-1", "20,0", ""])
def test_bad_back_offsets_are_refused(text: str) -> None:
    with pytest.raises(ImpositionError) as caught:
        parse_offset(text)
    assert caught.value.option == "--back-offset"


# --- Sheets ----------------------------------------------------------------------------------


def test_poker_on_a4_is_three_by_three_centred_with_shared_cut_lines() -> None:
    sheet = impose(PrintLayout())
    assert (sheet.columns, sheet.rows, sheet.rotated) == (3, 3, False)
    first = sheet.fronts[0].trim
    # 3 × 63 = 189 mm of 210: 10.5 mm each side; 3 × 88 = 264 of 297: 16.5 mm top and bottom.
    assert (first.x, first.top) == (approx(10.5), approx(297 - 16.5))
    last = sheet.fronts[-1].trim
    assert (last.right, last.y) == (approx(210 - 10.5), approx(16.5))
    # Without bleed neighbours share a cut: 4 vertical and 4 horizontal cut lines, two marks each.
    assert len(sheet.crop_marks) == 16


def test_fronts_run_in_reading_order() -> None:
    sheet = impose(PrintLayout())
    positions = [(-slot.trim.top, slot.trim.x) for slot in sheet.fronts]
    assert positions == sorted(positions)


def test_long_edge_backs_mirror_the_columns() -> None:
    sheet = impose(PrintLayout(backs=Backs.LONG))
    for front, back in zip(sheet.fronts, sheet.backs, strict=True):
        assert back.trim.x == approx(210 - front.trim.right)
        assert back.trim.y == approx(front.trim.y)
    # The first card's back is in the top-right corner of the back page.
    assert sheet.backs[0].trim == sheet.fronts[2].trim


def test_short_edge_backs_mirror_the_rows() -> None:
    sheet = impose(PrintLayout(backs=Backs.SHORT))
    for front, back in zip(sheet.fronts, sheet.backs, strict=True):
        assert back.trim.x == approx(front.trim.x)
        assert back.trim.y == approx(297 - front.trim.top)
    assert sheet.backs[0].trim == sheet.fronts[6].trim


def test_back_offset_moves_every_back() -> None:
    plain = impose(PrintLayout())
    moved = impose(PrintLayout(back_offset=(1.5, -0.5)))
    for a, b in zip(plain.backs, moved.backs, strict=True):
        assert (b.trim.x - a.trim.x, b.trim.y - a.trim.y) == (approx(1.5), approx(-0.5))
    assert moved.fronts == plain.fronts


@pytest.mark.parametrize(
    "layout",
    [
        PrintLayout(back_offset=(1, 0), backs=Backs.NONE),
        PrintLayout(back_offset=(1, 0), backs=Backs.FOLD),
        PrintLayout(back_offset=(1, 0), per_page=True),
        PrintLayout(backs=Backs.FOLD, per_page=True),
    ],
)
def test_options_that_do_not_go_together_are_refused(layout: PrintLayout) -> None:
    with pytest.raises(ImpositionError):
        impose(layout)


def test_no_backs() -> None:
    sheet = impose(PrintLayout(backs=Backs.NONE))
    assert sheet.backs == ()
    assert [p.side for p in paginate(10, sheet)] == ["front", "front"]


def test_bleed_surrounds_every_card_and_turns_poker_eight_up() -> None:
    sheet = impose(PrintLayout(bleed=3))
    # 3 × (63 + 6) leaves no room for marks on A4; turned, 2 × 4 cards fit.
    assert (sheet.columns, sheet.rows, sheet.rotated, sheet.per_sheet) == (2, 4, True, 8)
    for slot in sheet.fronts:
        assert slot.rotation == 90
        assert (slot.trim.width, slot.trim.height) == (88, 63)
        assert slot.bleed == slot.trim.grown(3, 3, 3, 3)
    # Every card has its own cut lines: 4 vertical and 8 horizontal, two marks each.
    assert len(sheet.crop_marks) == 2 * (4 + 8)


def test_crop_marks_start_outside_the_bleed() -> None:
    bleed = 4.0
    sheet = impose(PrintLayout(bleed=bleed, card=CARD_SIZES["mini"]))
    trims = [slot.trim for slot in sheet.fronts]
    left, right = min(t.x for t in trims), max(t.right for t in trims)
    bottom, top = min(t.y for t in trims), max(t.top for t in trims)
    for mark in sheet.crop_marks:
        low_x, high_x = sorted((mark.x1, mark.x2))
        low_y, high_y = sorted((mark.y1, mark.y2))
        if low_x == high_x:  # vertical: above or below the block
            near = low_y - top if low_y > top else bottom - high_y
        else:
            near = low_x - right if low_x > right else left - high_x
        assert near >= bleed - 1e-9
        assert not any(mark.crosses(slot.bleed) for slot in sheet.fronts)


def test_no_crop_marks() -> None:
    sheet = impose(PrintLayout(crop_marks=False))
    assert sheet.crop_marks == ()
    assert sheet.per_sheet == 9


def test_marks_fit_letter_with_a_shorter_gap() -> None:
    sheet = impose(PrintLayout(paper=LETTER))
    assert sheet.per_sheet == 9
    top = max(slot.trim.top for slot in sheet.fronts)
    above = [m for m in sheet.crop_marks if m.y1 > top]
    assert above
    for mark in above:
        assert min(mark.y1, mark.y2) - top >= MARK_GAP_MIN - 1e-9
        assert max(mark.y1, mark.y2) <= LETTER.height - EDGE + 1e-9


def test_a_card_larger_than_the_paper_is_refused() -> None:
    with pytest.raises(ImpositionError, match="past niet op A4"):
        impose(PrintLayout(card=Size(200, 290)))


def test_fold_puts_each_back_beside_its_front() -> None:
    sheet = impose(PrintLayout(backs=Backs.FOLD))
    assert sheet.backs_on_same_page
    assert sheet.per_sheet == 4  # pairs of 88 × 126 mm, turned: 2 × 2 on A4
    for front, back in zip(sheet.fronts, sheet.backs, strict=True):
        assert not front.trim.overlaps(back.trim)
        # Turned pairs fold over a horizontal line: the back sits right above its front.
        assert back.trim.y == approx(front.trim.top)
        assert back.trim.x == approx(front.trim.x)
        # No bleed across the fold.
        assert front.bleed.top == approx(front.trim.top)
        assert back.bleed.y == approx(back.trim.y)
    assert len(sheet.fold_marks) == 2 * 2  # two folds rows, marked left and right
    pages = paginate(5, sheet)
    assert [len(p.placements) for p in pages] == [8, 2]


def test_upright_fold_pairs_fold_over_a_vertical_line() -> None:
    sheet = impose(PrintLayout(backs=Backs.FOLD, card=CARD_SIZES["tarot"]))
    assert not sheet.rotated
    for front, back in zip(sheet.fronts, sheet.backs, strict=True):
        assert back.trim.x == approx(front.trim.right)
        assert front.bleed.right == approx(front.trim.right)


def test_per_page_is_one_card_with_its_bleed_and_boxes() -> None:
    sheet = impose(PrintLayout(per_page=True, bleed=3))
    assert sheet.page == Size(69, 94)
    assert sheet.trim_box == Box(3, 3, 63, 88)
    assert sheet.bleed_box == Box(0, 0, 69, 94)
    assert sheet.crop_marks == ()
    pages = paginate(3, sheet)
    assert [p.side for p in pages] == ["front", "back"] * 3
    assert all(p.trim_box == Box(3, 3, 63, 88) for p in pages)


# --- Page fill (Squib had all three bugs: a blank extra page, a lost page, a lost column) ----


@pytest.mark.parametrize("backs", [Backs.LONG, Backs.SHORT, Backs.NONE, Backs.FOLD])
def test_page_fill(backs: Backs) -> None:
    sheet = impose(PrintLayout(backs=backs))
    k = sheet.per_sheet
    duplex = backs in (Backs.LONG, Backs.SHORT)
    for count, sheets in [(0, 0), (1, 1), (k - 1, 1), (k, 1), (k + 1, 2), (3 * k, 3)]:
        pages = paginate(count, sheet)
        assert len(pages) == sheets * (2 if duplex else 1), count
        fronts = [pl.card for p in pages for pl in p.placements if pl.side == "front"]
        assert fronts == list(range(count))
        if backs is not Backs.NONE:
            back_cards = [pl.card for p in pages for pl in p.placements if pl.side == "back"]
            assert back_cards == list(range(count))


def test_an_exact_fit_fills_every_column() -> None:
    sheet = impose(PrintLayout())
    (front, back) = paginate(9, sheet)
    assert sorted({round(pl.slot.trim.x, 6) for pl in front.placements}) == [10.5, 73.5, 136.5]
    assert len(back.placements) == 9


def test_the_last_backs_land_behind_their_fronts() -> None:
    sheet = impose(PrintLayout())
    front, back = paginate(10, sheet)[2:]
    assert [pl.card for pl in front.placements] == [9]
    assert back.placements[0].slot.trim.x == approx(210 - front.placements[0].slot.trim.right)


# --- Properties ------------------------------------------------------------------------------

lengths = st.floats(min_value=30, max_value=220, allow_nan=False).map(lambda v: round(v, 1))


@st.composite
def layouts(draw: st.DrawFn) -> PrintLayout:
    paper = draw(st.sampled_from([A4, LETTER, Size(297, 420), Size(148, 210)]))
    card = Size(draw(lengths), draw(lengths))
    return PrintLayout(
        paper=paper,
        card=card,
        bleed=draw(st.sampled_from([0.0, 0.5, 2.0, 3.0, 5.0])),
        crop_marks=draw(st.booleans()),
        backs=draw(st.sampled_from(list(Backs))),
    )


def _impose_or_skip(layout: PrintLayout) -> Sheet:
    try:
        return impose(layout)
    except ImpositionError:
        assume(False)
        raise


@settings(max_examples=300, deadline=None)
@given(layouts())
def test_cards_never_overlap_and_stay_on_the_paper(layout: PrintLayout) -> None:
    sheet = _impose_or_skip(layout)
    paper = Box(0, 0, layout.paper.width, layout.paper.height)
    printable = paper.grown(-EDGE, -EDGE, -EDGE, -EDGE)
    slots = list(sheet.fronts) + (list(sheet.backs) if sheet.backs_on_same_page else [])
    for slot in slots:
        assert printable.contains(slot.bleed)
        assert slot.bleed.contains(slot.trim)
        card = layout.card.rotated() if slot.rotation else layout.card
        assert (slot.trim.width, slot.trim.height) == (approx(card.width), approx(card.height))
    for a, b in itertools.combinations(slots, 2):
        assert not a.bleed.overlaps(b.bleed)
    # Centred: the margins left and right (and top and bottom) are equal.
    left = min(s.trim.x for s in slots)
    right = max(s.trim.right for s in slots)
    bottom = min(s.trim.y for s in slots)
    top = max(s.trim.top for s in slots)
    assert left == approx(layout.paper.width - right)
    assert bottom == approx(layout.paper.height - top)


@settings(max_examples=300, deadline=None)
@given(layouts())
def test_crop_marks_never_cross_a_card(layout: PrintLayout) -> None:
    sheet = _impose_or_skip(layout)
    printable = Box(0, 0, layout.paper.width, layout.paper.height).grown(-EDGE, -EDGE, -EDGE, -EDGE)
    slots = list(sheet.fronts) + (list(sheet.backs) if sheet.backs_on_same_page else [])
    if layout.crop_marks:
        assert sheet.crop_marks
    for mark in sheet.crop_marks + sheet.fold_marks:
        extent = Box(
            min(mark.x1, mark.x2),
            min(mark.y1, mark.y2),
            abs(mark.x2 - mark.x1),
            abs(mark.y2 - mark.y1),
        )
        assert printable.contains(extent)
        gap = MARK_GAP_MIN
        for slot in slots:
            assert not mark.crosses(slot.bleed)
            assert not mark.crosses(slot.trim.grown(gap, gap, gap, gap))


@settings(max_examples=300, deadline=None)
@given(layouts())
def test_backs_mirror_fronts(layout: PrintLayout) -> None:
    sheet = _impose_or_skip(layout)
    if layout.backs is Backs.NONE:
        assert sheet.backs == ()
        return
    assert len(sheet.backs) == len(sheet.fronts)
    width, height = layout.paper.width, layout.paper.height
    for front, back in zip(sheet.fronts, sheet.backs, strict=True):
        if layout.backs is Backs.LONG:
            assert back.trim.x == approx(width - front.trim.right)
            assert back.trim.y == approx(front.trim.y)
        elif layout.backs is Backs.SHORT:
            assert back.trim.x == approx(front.trim.x)
            assert back.trim.y == approx(height - front.trim.top)
        else:  # fold: the back touches its front along the fold and mirrors it across it
            assert front.trim.right == approx(back.trim.x) or front.trim.top == approx(back.trim.y)
        assert back.trim.width == approx(front.trim.width)
        assert back.trim.height == approx(front.trim.height)
    if layout.backs in (Backs.LONG, Backs.SHORT):
        # A full sheet's backs fill exactly the front positions: same grid, mirrored.
        assert {(round(s.trim.x, 6), round(s.trim.y, 6)) for s in sheet.backs} == {
            (round(s.trim.x, 6), round(s.trim.y, 6)) for s in sheet.fronts
        }


def test_segment_crossing() -> None:
    box = Box(10, 10, 10, 10)
    assert Segment(15, 0, 15, 30).crosses(box)
    assert not Segment(10, 0, 10, 30).crosses(box)  # along the edge
    assert not Segment(15, 21, 15, 30).crosses(box)  # above
    assert not Segment(15, 20, 15, 30).crosses(box)  # touching the top
