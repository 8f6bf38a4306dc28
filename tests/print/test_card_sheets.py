"""The card-sheet PDF as a PDF reader and a printer see it: pages, boxes, marks, text, pixels."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image

from deck import Deck, load_deck
from deck.model import CardBase
from print.imposition import (
    CARD_SIZES,
    PAPER_SIZES,
    Backs,
    Box,
    PrintLayout,
    Size,
    impose,
)
from print.sheets import render_cards
from tests.print.conftest import COLOURS, DeckMaker, title_of, type_of

PT = 72 / 25.4
DPI = 300
A4 = PAPER_SIZES["a4"]


def cards_of(folder: Path, count: int) -> tuple[Deck, list[CardBase]]:
    deck = load_deck(folder)
    return deck, list(deck.cards[:count])


def render(folder: Path, count: int, **options: object) -> bytes:
    deck, cards = cards_of(folder, count)
    data, _ = render_cards(deck, cards, PrintLayout(**options))  # type: ignore[arg-type]
    return data


def page_image(data: bytes, index: int, dpi: int = DPI) -> Image.Image:
    document = pdfium.PdfDocument(data)
    return document[index].render(scale=dpi / 72).to_pil().convert("RGB")


def rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def near(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 30) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def pixel(image: Image.Image, page: Size, x: float, y: float) -> tuple[int, int, int]:
    """The colour at (x, y) mm in PDF coordinates (origin bottom-left)."""
    scale = image.width / page.width
    value = image.getpixel((int(x * scale), int((page.height - y) * scale)))
    assert isinstance(value, tuple)
    return (value[0], value[1], value[2])


def assert_card_at(image: Image.Image, page: Size, box: Box, colour: str) -> None:
    """The card's colour fills its box's corners and stops within 0.2 mm of each cut."""
    inside, outside = 0.15, 0.2
    want = rgb(colour)
    corners = [
        (box.x, box.y, 1, 1),
        (box.right, box.y, -1, 1),
        (box.x, box.top, 1, -1),
        (box.right, box.top, -1, -1),
    ]
    for x, y, dx, dy in corners:
        here = pixel(image, page, x + dx * inside, y + dy * inside)
        assert near(here, want), f"{colour} expected inside {box} at ({x}, {y}), found {here}"
        beside = pixel(image, page, x - dx * outside, y + dy * inside)
        beyond = pixel(image, page, x + dx * inside, y - dy * outside)
        assert not near(beside, want), f"colour runs past the side of {box} at ({x}, {y})"
        assert not near(beyond, want), f"colour runs past the end of {box} at ({x}, {y})"


def poker_grid() -> list[Box]:
    """Where 3×3 poker cards must sit on A4, worked out by hand: 10.5 mm and 16.5 mm margins."""
    return [
        Box(10.5 + 63 * column, 297 - 16.5 - 88 * (row + 1), 63, 88)
        for row in range(3)
        for column in range(3)
    ]


# --- Pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "duplex_pages", "simplex_pages"),
    [(1, 2, 1), (8, 2, 1), (9, 2, 1), (10, 4, 2), (18, 4, 2)],
)
def test_page_count_and_size(
    make_deck: DeckMaker, count: int, duplex_pages: int, simplex_pages: int
) -> None:
    folder = make_deck(count)
    with pdfplumber.open(io.BytesIO(render(folder, count))) as pdf:
        assert len(pdf.pages) == duplex_pages
        for page in pdf.pages:
            assert (page.width, page.height) == (pytest.approx(210 * PT), pytest.approx(297 * PT))
    simplex = render(folder, count, backs=Backs.NONE)
    assert len(pdfium.PdfDocument(simplex)) == simplex_pages


def test_every_card_sits_at_its_place_within_a_fifth_of_a_millimetre(make_deck: DeckMaker) -> None:
    folder = make_deck(9)
    data = render(folder, 9)
    front = page_image(data, 0)
    for number, box in enumerate(poker_grid()):
        assert_card_at(front, A4, box, COLOURS[type_of(number)])


def test_backs_mirror_the_columns_for_the_long_edge(make_deck: DeckMaker) -> None:
    folder = make_deck(9)
    back = page_image(render(folder, 9, backs=Backs.LONG), 1)
    grid = poker_grid()
    for number in range(9):
        row, column = divmod(number, 3)
        assert_card_at(back, A4, grid[row * 3 + 2 - column], COLOURS[type_of(number)])


def test_backs_mirror_the_rows_for_the_short_edge(make_deck: DeckMaker) -> None:
    folder = make_deck(9)
    back = page_image(render(folder, 9, backs=Backs.SHORT), 1)
    grid = poker_grid()
    for number in range(9):
        row, column = divmod(number, 3)
        assert_card_at(back, A4, grid[(2 - row) * 3 + column], COLOURS[type_of(number)])


def test_a_part_sheet_has_backs_only_behind_its_fronts(make_deck: DeckMaker) -> None:
    folder = make_deck(10)
    data = render(folder, 10)
    back = page_image(data, 3)
    grid = poker_grid()
    # The tenth card is top left on the third page, so its back is top right on the fourth.
    assert_card_at(back, A4, grid[2], COLOURS[type_of(9)])
    for empty in grid[:2] + grid[3:]:
        middle = pixel(back, A4, empty.x + empty.width / 2, empty.y + 2)
        assert near(middle, (255, 255, 255))


def test_back_offset_moves_the_backs(make_deck: DeckMaker) -> None:
    folder = make_deck(1)
    back = page_image(render(folder, 1, back_offset=(1.5, -1.0)), 1)
    expected = poker_grid()[2]
    assert_card_at(back, A4, Box(expected.x + 1.5, expected.y - 1.0, 63, 88), COLOURS[type_of(0)])


def test_fold_puts_front_and_back_on_one_page(make_deck: DeckMaker) -> None:
    folder = make_deck(5)
    data = render(folder, 5, backs=Backs.FOLD)
    sheet = impose(PrintLayout(backs=Backs.FOLD))
    assert len(pdfium.PdfDocument(data)) == 2  # 4 pairs a sheet
    image = page_image(data, 0)
    for number in range(4):
        colour = COLOURS[type_of(number)]
        # Turned a quarter, so check the card's colour at the centre of its long edges.
        for slot in (sheet.fronts[number], sheet.backs[number]):
            edge = pixel(image, A4, slot.trim.x + 0.3, slot.trim.y + slot.trim.height / 2)
            assert near(edge, rgb(colour))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        dashed = [line for line in pdf.pages[0].lines if line.get("dash") and line["dash"][0]]
        assert dashed, "fold lines are marked dashed"


def test_bleed_runs_past_the_cut_but_not_into_the_neighbour(make_deck: DeckMaker) -> None:
    folder = make_deck(8)
    data = render(folder, 8, bleed=3.0)
    sheet = impose(PrintLayout(bleed=3.0))
    back = page_image(data, 1)
    for number in range(8):
        slot = sheet.backs[number]
        # The back's colour reaches 2.8 mm past the cut on every side, and stops at 3.2 mm.
        assert_card_at(back, A4, slot.bleed, COLOURS[type_of(number)])


# --- Marks -----------------------------------------------------------------------------------


def test_crop_marks_mark_every_cut_and_stay_outside_every_card(make_deck: DeckMaker) -> None:
    folder = make_deck(9)
    with pdfplumber.open(io.BytesIO(render(folder, 9))) as pdf:
        page = pdf.pages[0]
        marks = [line for line in page.lines if line["linewidth"] == pytest.approx(0.25)]
    cards = poker_grid()
    vertical = sorted({round(m["x0"] / PT, 2) for m in marks if m["x0"] == m["x1"]})
    horizontal = sorted({round(297 - m["top"] / PT, 2) for m in marks if m["top"] == m["bottom"]})
    assert vertical == [10.5, 73.5, 136.5, 199.5]
    assert horizontal == [16.5, 104.5, 192.5, 280.5]
    for mark in marks:
        x0, x1 = mark["x0"] / PT, mark["x1"] / PT
        y0, y1 = 297 - mark["bottom"] / PT, 297 - mark["top"] / PT
        for card in cards:
            inside = _overlaps(x0, x1, card.x, card.right) and _overlaps(y0, y1, card.y, card.top)
            assert not inside, f"crop mark {mark} crosses card {card}"
        # Marks start 3 mm outside the cut and stop 3 mm short of the paper's edge.
        if x0 == x1:  # above or below the grid
            assert y0 >= 280.5 + 3 - 0.01 or y1 <= 16.5 - 3 + 0.01
            assert y0 >= 3 - 0.01 and y1 <= 294 + 0.01
        else:  # left or right of it
            assert x0 >= 199.5 + 3 - 0.01 or x1 <= 10.5 - 3 + 0.01
            assert x0 >= 3 - 0.01 and x1 <= 207 + 0.01


def _overlaps(low: float, high: float, start: float, end: float) -> bool:
    """Whether [low, high] reaches into the open interval (start, end)."""
    if low == high:
        return start + 0.01 < low < end - 0.01
    return low < end - 0.01 and high > start + 0.01


def test_no_crop_marks(make_deck: DeckMaker) -> None:
    folder = make_deck(3)
    with pdfplumber.open(io.BytesIO(render(folder, 3, crop_marks=False))) as pdf:
        assert not [line for line in pdf.pages[0].lines if line["linewidth"] == pytest.approx(0.25)]


# --- Text, fonts, metadata -------------------------------------------------------------------


def test_every_title_is_text_with_its_accents(make_deck: DeckMaker) -> None:
    folder = make_deck(12)
    with pdfplumber.open(io.BytesIO(render(folder, 12))) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    for number in range(12):
        assert title_of(number) in text
    assert "façades en coördinatie" in text


def test_turned_cards_keep_their_titles(make_deck: DeckMaker) -> None:
    folder = make_deck(8)
    data = render(folder, 8, bleed=3.0)  # poker with bleed goes 8-up, turned
    page = pdfium.PdfDocument(data)[0]
    text = page.get_textpage().get_text_range()
    for number in range(8):
        assert title_of(number) in text


def test_yaml_text_is_printed_literally_not_read_as_markup(make_deck: DeckMaker) -> None:
    folder = make_deck(1, texts={0: "Vraag <jongeren> & R&D wat ze <b>denken</b>."})
    with pdfplumber.open(io.BytesIO(render(folder, 1))) as pdf:
        text = pdf.pages[0].extract_text()
    assert "<jongeren> & R&D" in text
    assert "<b>denken</b>" in text


def test_fonts_are_embedded_and_helvetica_never_referenced(make_deck: DeckMaker) -> None:
    data = render(make_deck(3), 3)
    assert b"/FontFile2" in data
    assert b"Helvetica" not in data
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fonts = {char["fontname"] for char in pdf.pages[0].chars}
    assert fonts and all("+BitstreamVera" in font for font in fonts)


def test_metadata_and_viewer_preferences(make_deck: DeckMaker) -> None:
    data = render(make_deck(2), 2, backs=Backs.SHORT)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert pdf.metadata["Title"] == "Proefdeck voor de drukker — kaarten"
        assert pdf.metadata["Author"] == "Testploeg"
    assert b"/PrintScaling /None" in data
    assert b"/Duplex /DuplexFlipShortEdge" in data
    assert b"/Duplex /DuplexFlipLongEdge" in render(make_deck(2), 2)


def test_two_runs_give_the_same_bytes(make_deck: DeckMaker) -> None:
    folder = make_deck(11)
    assert render(folder, 11) == render(folder, 11)


def test_text_stays_in_the_safe_zone(make_deck: DeckMaker) -> None:
    folder = make_deck(9)
    with pdfplumber.open(io.BytesIO(render(folder, 9))) as pdf:
        chars = pdf.pages[0].chars
    safe = [card.grown(-3, -3, -3, -3) for card in poker_grid()]
    for char in chars:
        x, y = char["x0"] / PT, 297 - char["bottom"] / PT
        box = Box(x, y, char["width"] / PT, char["height"] / PT)
        assert any(zone.grown(0.1, 0.1, 0.1, 0.1).contains(box) for zone in safe), char["text"]


def test_source_qr_code_is_drawn_in_the_foot(make_deck: DeckMaker) -> None:
    folder = make_deck(2)  # card 0 has a web source, card 1 none
    with pdfplumber.open(io.BytesIO(render(folder, 2))) as pdf:
        rects = pdf.pages[0].rects
    first, second = poker_grid()[:2]

    def modules(card: Box) -> int:
        return sum(
            1
            for r in rects
            if card.right - 15 < r["x0"] / PT < card.right - 3
            and card.y + 3 <= 297 - r["bottom"] / PT < card.y + 15
        )

    assert modules(first) > 20
    assert modules(second) == 0


# --- Print shop ------------------------------------------------------------------------------


def test_per_page_sets_trim_and_bleed_boxes_on_every_page(make_deck: DeckMaker) -> None:
    data = render(make_deck(3), 3, per_page=True, bleed=3.0)
    document = pdfium.PdfDocument(data)
    assert len(document) == 6
    for page in document:
        assert page.get_size() == (pytest.approx(69 * PT), pytest.approx(94 * PT))
        assert page.get_trimbox() == pytest.approx((3 * PT, 3 * PT, 66 * PT, 91 * PT))
        assert page.get_bleedbox() == pytest.approx((0, 0, 69 * PT, 94 * PT))
    # The colour band and the foot strip run into the bleed, to the page's very corners.
    image = page_image(data, 0)
    for x, y in ((0.2, 0.2), (68.8, 0.2), (0.2, 93.8), (68.8, 93.8)):
        assert near(pixel(image, Size(69, 94), x, y), rgb(COLOURS[type_of(0)]))


@pytest.mark.parametrize("paper", sorted(PAPER_SIZES))
@pytest.mark.parametrize("size", sorted(CARD_SIZES))
def test_every_size_and_paper_gives_a_valid_pdf(
    make_deck: DeckMaker, paper: str, size: str
) -> None:
    layout = PrintLayout(paper=PAPER_SIZES[paper], card=CARD_SIZES[size])
    deck, cards = cards_of(make_deck(3), 3)
    data, summary = render_cards(deck, cards, layout)
    document = pdfium.PdfDocument(data)
    assert len(document) == summary.pages == 2 * -(-3 // summary.sheet.per_sheet)
    width, height = document[0].get_size()
    assert (width, height) == (
        pytest.approx(PAPER_SIZES[paper].width * PT),
        pytest.approx(PAPER_SIZES[paper].height * PT),
    )
    text = document[0].get_textpage().get_text_range()
    assert title_of(0) in text


def test_a_rendered_page_is_not_blank(make_deck: DeckMaker) -> None:
    image = page_image(render(make_deck(9), 9), 0, dpi=50)
    counted = image.getcolors(maxcolors=1_000_000)
    assert counted is not None
    colours = [(n, c) for n, c in counted if isinstance(c, tuple)]
    assert len(colours) == len(counted), "an RGB page counts its colours as tuples"
    white = sum(n for n, c in colours if near(c, (255, 255, 255), 8))
    assert white < 0.95 * image.width * image.height  # cards are white, but ink shows
    assert len({c for n, c in colours if n > 50}) > 8


def test_no_cards_is_an_error_not_an_empty_pdf(make_deck: DeckMaker) -> None:
    deck, _ = cards_of(make_deck(1), 1)
    with pytest.raises(ValueError, match="no cards"):
        render_cards(deck, [], PrintLayout())
