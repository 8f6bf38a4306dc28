"""The lines of a paragraph in two fonts (a field whose bold label is set in its text) are
counted from glyph widths at the sizes fitting tries (print/fit_bound.py `run_lines`): only
the size chosen is wrapped by reportlab, and the card sheets stay byte for byte what wrapping
every size tried gives, in every language of the default deck and the example deck and in
three card formats. Here every label is set in its text (`LABEL_SHARE` 0), as a label too
long to go before it is."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from deck import Deck
from deck.card_content import Piece
from print import fit, paragraphs
from print.fit_bound import _fewest, _run_words, lines_needed
from print.font_metrics import BOLD, BOLD_ITALIC, ITALIC, REGULAR, advances
from print.paragraphs import escape, piece_flowable, style
from tests.print.printed_decks import (
    SIDES,
    chosen,
    same_sheets_with_fewer_wraps,
    wrong_counts_are_caught,
)
from tests.print.test_fit_bound import WORDS as PROOF_WORDS

FORMATS = ["poker", "tarot", "mini"]
"""A common card, a large one and one so small that many cards take the smallest sizes."""


@pytest.fixture(autouse=True)
def labels_in_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paragraphs, "LABEL_SHARE", 0.0)


@pytest.mark.parametrize(("deck", "language"), SIDES)
def test_counted_fields_give_the_same_pdf_with_fewer_wraps(
    deck: Deck, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    same_sheets_with_fewer_wraps("run_lines", deck, language, 100, monkeypatch)


@pytest.mark.parametrize("card", FORMATS[1:])
@pytest.mark.parametrize(("deck", "language"), SIDES)
def test_counted_fields_choose_the_same_sizes_in_other_formats(
    deck: Deck, language: str, card: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = chosen(deck, language, card)
    monkeypatch.setattr(fit, "run_lines", lambda *args: None)
    assert counted == chosen(deck, language, card)


def test_a_wrong_count_is_caught_and_the_body_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    wrong_counts_are_caught("run_lines", monkeypatch)


# The fit proof's words (plain text of every width and script), and markup's own characters.
WORDS = [word for word in PROOF_WORDS if word != "veiligheid"] + ["R&D", "<jongeren>"]
TEXTS = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)
LABELS = st.lists(st.sampled_from(WORDS[:9]), min_size=1, max_size=4).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    label=LABELS,
    text=TEXTS,
    size=st.floats(4.4, 12.0),
    width=st.floats(40.0, 220.0),
    spacing=st.sampled_from([1.0, 0.15]),
)
def test_a_counted_field_has_the_lines_reportlab_breaks_it_into(
    label: str, text: str, size: float, width: float, spacing: float
) -> None:
    flowable = piece_flowable(Piece("field", text, ("text",), label), size, "#1b6a8c", spacing)
    counted = fit._counted(flowable, width)
    _, height = flowable.wrap(width, 1e6)
    if counted is not None:
        assert counted == height


FACES = st.sampled_from([REGULAR, BOLD, ITALIC, BOLD_ITALIC])


@settings(max_examples=300, deadline=None)
@given(
    runs=st.lists(st.tuples(TEXTS, FACES), min_size=1, max_size=3),
    size=st.floats(4.4, 12.0),
    first=st.floats(40.0, 220.0),
    less=st.floats(0.0, 20.0),
)
def test_reportlab_breaks_runs_into_no_fewer_lines_than_the_lower_bound(
    runs: list[tuple[str, str]], size: float, first: float, less: float
) -> None:
    # A size whose fewest lines are too many is one reportlab would reject too: the lower
    # bound never rejects a size reportlab accepts, and the upper bound never accepts one it
    # rejects.
    words = _run_words(runs)
    assert words is not None
    markup = "".join(f'<font name="{face}">{escape(text)}</font>' for text, face in runs)
    look = style("body", size)
    rest = first + less
    paragraph = Paragraph(markup, look)
    lines = len(paragraph.breakLines([first, rest]).lines)
    spaces = [advances(face)[" "] for _, face in runs]
    fewest = _fewest(words, size, first, rest, min(spaces), look.spaceShrinkage * max(spaces))
    most = lines_needed(words, size, first, rest, max(spaces))
    if fewest is not None and most is not None:
        assert fewest <= lines <= most
