"""The sources at the foot of a card are measured from glyph widths at the sizes fitting tries
(print/fit_bound.py `exact_lines`): only the size chosen is wrapped by reportlab, and the card
sheets stay byte for byte what wrapping every size tried gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.enums import TA_LEFT
from reportlab.platypus import Paragraph

from deck import Deck
from print import fit
from print.fit_bound import exact_lines
from print.font_metrics import REGULAR
from print.imposition import PrintLayout
from print.paragraphs import escape, style
from tests.print.printed_decks import (
    DEFAULT,
    SIDES,
    same_sheets_with_fewer_wraps,
    wrong_counts_are_caught,
)

WORDS = [
    "Bron:",
    "Bronnen:",
    "Burgerparticipatie",
    "in",
    "lokale",
    "veiligheid",
    "(VIVES,",
    "2023);",
    "Samen",
    "Signaleren",
    "«citoyens»",
    "WWW",
    "iiii",
    "politiezone\u00a0Brugge",
    "—",
]
TEXTS = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)


@pytest.mark.parametrize(("deck", "language"), SIDES)
def test_measured_feet_give_the_same_pdf_with_fewer_wraps(
    deck: Deck, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    same_sheets_with_fewer_wraps("exact_lines", deck, language, 50, monkeypatch)


def test_a_wrong_measure_is_caught_and_the_foot_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    wrong_counts_are_caught("exact_lines", monkeypatch)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, size=st.floats(4.4, 9.0), width=st.floats(60.0, 170.0))
def test_an_exact_line_count_is_reportlabs(text: str, size: float, width: float) -> None:
    look = style("foot", size, "#5a5a58", TA_LEFT)
    lines = exact_lines(text, REGULAR, size, width, look.spaceShrinkage)
    paragraph = Paragraph(escape(text), look)
    paragraph.wrap(width, 1e6)
    if lines is not None:
        assert len(paragraph.blPara.lines) == lines


def test_most_feet_of_the_default_deck_are_measured() -> None:
    layout = fit.face_layout(PrintLayout().card)
    width = fit.mm(layout.content.width - layout.qr_size - fit.QR_GAP)
    feet = [fit.content_of(DEFAULT, card).foot for card in DEFAULT.cards]
    sizes = fit.sizes(layout.type.foot, layout.type.foot_min)
    known = [exact_lines(foot, REGULAR, size, width, 0.05) for foot in feet for size in sizes]
    assert sum(lines is not None for lines in known) > 0.8 * len(known)
