"""A field's bold label goes before its text as the paragraph's bullet, the text's first line
starting after label and gap: the text is then a paragraph in one font, which reportlab
breaks about eight times faster than one in two. The cards keep their sizes and lines."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from deck import Deck
from deck.card_content import Piece
from print import paragraphs
from print.colours import accent
from print.fit_rules import FIELD_GAP
from print.fonts import BOLD, REGULAR
from print.paragraphs import piece_flowable
from tests.print.printed_decks import SIDES, chosen


def test_a_label_goes_before_its_text_as_it_is_written() -> None:
    field = Piece("field", "Bewoners & politie <samen>", ("doel",), "R&D <x>")
    flowable = piece_flowable(field, 7.0, "#1b6a8c", width=160.0)
    assert flowable.bulletText == "R&D <x>"  # drawn as it is, never read as markup
    assert "".join(frag.text for frag in flowable.frags) == "Bewoners & politie <samen>"
    assert {frag.fontName for frag in flowable.frags} == {REGULAR}  # one font: fast to break
    look = flowable.style
    assert look.bulletFontName == BOLD and look.bulletColor == accent("#1b6a8c")
    gap = stringWidth("R&D <x>", BOLD, 7.0) + stringWidth(FIELD_GAP, REGULAR, 7.0)
    assert look.firstLineIndent == pytest.approx(gap)


@pytest.mark.parametrize("width", [None, 60.0])
def test_a_label_too_long_for_the_line_is_set_in_the_text(width: float | None) -> None:
    field = Piece("field", "Bewoners helpen mee.", ("doel",), "Donner un coup de main")
    flowable = piece_flowable(field, 7.0, "#1b6a8c", width=width)
    assert not flowable.bulletText
    assert [frag.text for frag in flowable.frags] == [
        "Donner un coup de main",
        FIELD_GAP + "Bewoners helpen mee.",
    ]


@pytest.mark.parametrize("card", ["poker", "mini"])
@pytest.mark.parametrize(("deck", "language"), SIDES)
def test_labels_before_the_text_keep_every_size_and_line(
    deck: Deck, language: str, card: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = chosen(deck, language, card)
    monkeypatch.setattr(paragraphs, "LABEL_SHARE", 0.0)
    assert before == chosen(deck, language, card)
