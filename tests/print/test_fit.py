"""Text that must fit a card, and characters the font must have: found before printing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Paragraph

from deck import default_deck_path, load_deck
from deck.card_content import Piece, content_of
from print import paragraphs
from print.face_layout import BODY_MIN, NARROWEST, face_layout, most_characters
from print.fit import fit_cards, fit_content, fit_face, printed_length
from print.fonts import (
    BOLD,
    BOLD_ITALIC,
    ITALIC,
    REGULAR,
    can_print,
    missing_glyphs,
    register_fonts,
)
from print.imposition import CARD_SIZES
from print.printability import unprintable
from tests.print.conftest import DeckMaker

POKER = CARD_SIZES["poker"]
DEFAULT = load_deck(default_deck_path())
LONG = " ".join(["Een lange zin over burgerparticipatie in lokale veiligheid."] * 30)


def line_of(folder: Path, needle: str) -> int:
    """The line (from 1) of the card file where `needle` first appears."""
    lines = (folder / "kaarten.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def test_the_font_prints_dutch_and_french_accents() -> None:
    assert missing_glyphs("ë é è ï ç à ô û € – … “ ” •") == []
    assert can_print("Coördinatie van de façade, één keer, ideeën")
    assert missing_glyphs("ĳs → ✓ ĳ") == ["ĳ", "→", "✓"]
    assert missing_glyphs("regel\nregel\tregel") == []
    assert missing_glyphs("→ regel\r\nregel\t✓ →") == ["→", "✓"]  # line breaks never listed


def test_short_text_prints_at_the_preferred_size(make_deck: DeckMaker) -> None:
    deck = load_deck(make_deck(1))
    layout = face_layout(POKER)
    fitted = fit_face(deck, deck.cards[0], layout)
    assert fitted.fits
    assert fitted.body.size == layout.type.body
    assert fitted.body.height <= fitted.body_room


def test_longer_text_shrinks_but_stays_readable(make_deck: DeckMaker) -> None:
    medium = " ".join(["Burgers denken mee over veiligheid in hun buurt."] * 10)
    deck = load_deck(make_deck(1, texts={0: medium}))
    layout = face_layout(POKER)
    fitted = fit_face(deck, deck.cards[0], layout)
    assert fitted.fits
    assert BODY_MIN <= fitted.body.size < layout.type.body
    assert fitted.body.height <= fitted.body_room


def test_text_too_long_is_reported_at_its_line(make_deck: DeckMaker) -> None:
    folder = make_deck(2, texts={1: LONG})
    deck = load_deck(folder)
    problems = unprintable(deck, POKER)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.subject == "card 'kaart-1'"
    assert problem.where.file == folder / "kaarten.yaml"
    assert problem.where.line == line_of(folder, "Een lange zin")
    assert "past niet op een kaart van 63×88 mm, ook niet in 5,5 pt" in problem.message
    assert "te lang" in problem.message
    assert problem.hint == "maak de tekst of de andere velden korter"
    # On an A6 card the same text has room.
    assert unprintable(deck, CARD_SIZES["a6"]) == []


def test_a_title_too_long_for_three_lines_is_reported(make_deck: DeckMaker) -> None:
    title = "Een titel die veel te lang is " * 6
    extra = f"- id: lange-titel\n  type: tip\n  title: {title!r}\n  text: Kort.\n"
    deck = load_deck(make_deck(0, extra=extra))
    problems = unprintable(deck, POKER)
    assert [p.subject for p in problems] == ["card 'lange-titel'"]
    assert "de titel past niet op 3 regels" in problems[0].message


def test_missing_characters_are_reported_with_a_replacement(make_deck: DeckMaker) -> None:
    extra = """\
- id: pijl
  type: tip
  title: Van ĳs naar water
  text: Eerst melden → dan handelen.
  checks: [Klaar ✓]
  sources:
    - {title: "Bron → pagina"}
"""
    folder = make_deck(0, extra=extra)
    deck = load_deck(folder)
    problems = unprintable(deck, POKER)
    by_line = {p.where.line: p for p in problems}
    assert set(by_line) == {
        line_of(folder, "title: Van"),
        line_of(folder, "text: Eerst"),
        line_of(folder, "checks:"),
        line_of(folder, "Bron →"),
    }
    title = by_line[line_of(folder, "title: Van")]
    assert title.subject == "card 'pijl'"
    assert "'ĳ' (U+0133)" in title.message
    assert "leeg vakje" in title.message and "Bitstream Vera Sans" in title.message
    assert title.hint == "vervang 'ĳ' door 'ij'"
    assert by_line[line_of(folder, "text: Eerst")].hint == "vervang '→' door '->'"


def test_manifest_labels_are_checked_too(make_deck: DeckMaker) -> None:
    folder = make_deck(1)
    manifest = folder / "deck.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("label: Tip,", "label: Tip ✓,"),
        encoding="utf-8",
    )
    problems = unprintable(load_deck(folder), POKER)
    assert [p.subject for p in problems] == ["manifest 'types.tip.label'"]
    assert problems[0].where.file == manifest


BILINGUAL = """\
id: tweetalig
title: {nl: Tweetalig deck, fr: Jeu bilingue}
language: nl
languages: [fr]
types:
  tip: {label: {nl: Tip, fr: Conseil}, colour: "#9a6b00"}
files: [tips.yaml]
"""


def test_every_language_of_the_deck_is_checked(tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").write_text(BILINGUAL, encoding="utf-8")
    long_french = LONG.replace("Een lange zin over", "Une longue phrase sur la")
    (tmp_path / "tips.yaml").write_text(
        "- id: tweetalig\n  type: tip\n  title: {nl: Tip, fr: Conseil}\n"
        f"  text: {{nl: Kort., fr: {long_french!r}}}\n",
        encoding="utf-8",
    )
    deck = load_deck(tmp_path)
    problems = unprintable(deck, POKER)
    assert len(problems) == 1
    assert problems[0].message.endswith("(taal fr)")
    # The print command fits the deck's own language only, which fits.
    _, printing = fit_cards(deck, deck.cards, POKER)
    assert printing == []


def test_the_default_deck_prints_on_poker_cards() -> None:
    assert unprintable(load_deck(default_deck_path()), POKER) == []


def test_what_the_cards_add_themselves_is_in_the_font(make_deck: DeckMaker) -> None:
    # Labels, separators and quotes come from our code, not the YAML; deck check cannot
    # catch them, so they are checked here for every card type.
    deck = load_deck(make_deck(8))
    for card in deck.cards:
        content = content_of(deck, card)
        printed = [content.title, content.kicker, content.foot, content.type_label]
        printed += [piece.text for piece in content.body]
        printed += [piece.label for piece in content.body if piece.label]
        assert [text for text in printed if not can_print(text)] == [], card.id


def test_no_glyph_of_the_card_fonts_is_narrower_than_the_bound() -> None:
    # most_characters counts on it: no text can pack more characters into a line.
    register_fonts()
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        codes = getFont(name).face.charToGlyph
        printable = [chr(code) for code in codes if code > 0x20 and not chr(code).isspace()]
        assert min(stringWidth(char, name, 1) for char in printable) > NARROWEST


def test_a_text_longer_than_any_card_holds_is_refused_before_it_is_measured(
    make_deck: DeckMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = "Burgers denken mee over veiligheid. " * 700  # 25,000 characters, three cards full
    folder = make_deck(1, texts={0: huge})
    deck = load_deck(folder)
    measured: list[int] = []

    def counting(text: str, *args: object, **kwargs: object) -> Paragraph:
        measured.append(len(text))
        return Paragraph(text, *args, **kwargs)

    monkeypatch.setattr(paragraphs, "Paragraph", counting)
    problems = unprintable(deck, POKER)
    limit = most_characters(face_layout(POKER))
    assert [p.message for p in problems] == [
        f"de tekst is te lang voor een kaart van 63×88 mm: "
        f"{printed_length(content_of(deck, deck.cards[0]))} tekens, er passen er hoogstens {limit}"
    ]
    assert problems[0].where.line == line_of(folder, "Burgers denken mee")
    assert problems[0].hint == "maak de tekst korter"
    # Only the first `limit` characters were ever wrapped, never the whole text.
    assert measured and max(measured) <= limit


@settings(max_examples=12, deadline=None)
@given(repeats=st.integers(0, 400), word=st.sampled_from(["Wijk ", "ideeën ", "veiligheid. "]))
def test_the_bound_refuses_exactly_the_texts_longer_than_it(repeats: int, word: str) -> None:
    layout = face_layout(POKER)
    limit = most_characters(layout)
    text = word * (limit // len(word.strip()) - 200 + repeats)
    content = replace(content_of(DEFAULT, DEFAULT.cards[0]), body=(Piece("text", text, ("text",)),))
    fitted = fit_content(content, layout)
    refused = any("er passen er hoogstens" in problem.message for problem in fitted.problems)
    assert refused == (printed_length(content) > limit)
    if refused:
        assert len(fitted.problems) == 1
