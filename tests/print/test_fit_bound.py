"""The proof that a card fits (print/fit_bound.py) holds to reportlab's own fit (print/fit.py).

A card the proof passes must truly fit: every bound is checked against what reportlab
measures and wraps, and `deck check`'s verdicts with the proof are the same as without it on
the default deck, the example deck and generated cards.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from deck import Deck, default_deck_path, load_deck
from deck.card_content import Piece, PieceKind, content_of
from deck.model import CardBase
from print import vera_table
from print.face_layout import LEADING, face_layout
from print.fit import fit_content
from print.fit_bound import _piece_height, fits_for_sure, lines_needed, words_of
from print.font_metrics import BOLD, COVERED, FACES, ITALIC, REGULAR, advances
from print.fonts import register_fonts
from print.imposition import CARD_SIZES, Size
from print.paragraphs import escape, piece_flowable, style
from print.printability import unprintable
from tests.print.font_table import measured

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = load_deck(default_deck_path())
EXAMPLE = load_deck(ROOT / "docs" / "voorbeelddeck")
SIZES = [CARD_SIZES["poker"], CARD_SIZES["mini"]]

WORDS = [
    "de",
    "wijk",
    "veiligheid",
    "buurtinformatienetwerken",
    "ideeën",
    "Mmmmmm",
    "iiiiii",
    "WWW",
    "l'été",
    "«citoyens»",
    "—",
    "€ 1.200",
    "30 %",
    "politiezone\u00a0Brugge",
]
TEXTS = st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join)
KINDS: list[PieceKind] = [
    "text",
    "statement",
    "field",
    "heading",
    "bullet",
    "check",
    "option",
    "quote",
]


def test_the_font_table_is_what_reportlab_measures() -> None:
    characters, widths, defaults, units = measured()
    assert "".join(vera_table.CHARACTERS) == characters
    assert {face: [int(w) for w in vera_table.ADVANCES[face].split()] for face in FACES} == widths
    assert (defaults, units) == (vera_table.DEFAULT_ADVANCE, vera_table.UNITS_PER_EM)
    register_fonts()
    faces = [pdfmetrics.getFont(face).face for face in FACES]
    assert frozenset(map(ord, COVERED)) == frozenset.intersection(
        *(frozenset(face.charToGlyph) for face in faces)
    )
    for face in FACES:
        for char in characters:
            assert advances(face)[char] == pytest.approx(
                pdfmetrics.stringWidth(char, face, 1), abs=1e-12
            )


@settings(max_examples=150, deadline=None)
@given(
    text=TEXTS,
    size=st.floats(4.4, 14.0),
    width=st.floats(60.0, 200.0),
    face=st.sampled_from([BOLD, ITALIC, REGULAR]),
)
def test_a_paragraph_needs_no_more_lines_than_the_bound(
    text: str, size: float, width: float, face: str
) -> None:
    words = words_of(text, face)
    assert words is not None
    bound = lines_needed(words, size, width, width, advances(face)[" "])
    role = {BOLD: "title", ITALIC: "kicker", REGULAR: "foot"}[face]
    _, height = Paragraph(escape(text), style(role, size)).wrap(width, 1e6)
    if bound is not None:
        assert height <= bound * size * LEADING + 1e-6


@settings(max_examples=200, deadline=None)
@given(
    kind=st.sampled_from(KINDS),
    text=TEXTS,
    label=st.sampled_from(
        [
            None,
            "Doel",
            "Doel ",  # a label ending in a space is a word of its own
            "Hoe het werkt",
            "3.",
            "12.",
            "A",
            "Donner un coup de main",
            "Donner un coup de main ",
        ]
    ),
    size=st.floats(5.5, 9.0),
    width=st.floats(80.0, 200.0),
    spacing=st.sampled_from([1.0, 0.15]),
    known=st.booleans(),
)
def test_a_body_paragraph_is_no_taller_than_its_bound(
    kind: PieceKind,
    text: str,
    label: str | None,
    size: float,
    width: float,
    spacing: float,
    known: bool,
) -> None:
    # A field's label goes before its text when the width is known and leaves room for it,
    # else it is set in the text: the bound holds for both.
    piece = Piece(kind, text, ("text",), label)
    bound = _piece_height(piece, size, width, spacing)
    flowable = piece_flowable(piece, size, "#1b6a8c", spacing, width if known else None)
    _, height = flowable.wrap(width, 1e6)
    if bound is not None:
        assert height <= bound[0] + 1e-6
        assert flowable.getSpaceAfter() == pytest.approx(bound[1])
        assert flowable.getSpaceBefore() == 0


def proven_share(deck: Deck) -> float:
    layout = face_layout(CARD_SIZES["poker"])
    languages = [None, *deck.manifest.languages]
    verdicts = [
        fits_for_sure(content_of(deck, card, language), layout)
        for card in deck.cards
        for language in languages
    ]
    return sum(verdicts) / len(verdicts)


@pytest.mark.parametrize("deck", [DEFAULT, EXAMPLE], ids=["standaarddeck", "voorbeelddeck"])
def test_deck_check_finds_the_same_with_the_proof_as_with_reportlab_alone(deck: Deck) -> None:
    for size in SIZES:
        assert unprintable(deck, size) == unprintable(deck, size, prove=False)
    # And the proof does the work: nearly every card of a real deck is proven.
    assert proven_share(deck) > 0.9


def test_cards_from_short_to_too_long_get_the_same_problems_with_the_proof(
    tmp_path: Path,
) -> None:
    (tmp_path / "deck.yaml").write_text(
        "id: lengtes\ntitle: {nl: Lengtes, fr: Longueurs}\nlanguages: [fr]\n"
        "types: {tip: {label: {nl: Tip, fr: Conseil}, colour: '#1b6a8c'}}\n"
        "files: [tips.yaml]\n",
        encoding="utf-8",
    )
    dutch = "Bewoners en politie maken samen de buurt veiliger. "
    french = "Les habitants et la police rendent ensemble le quartier plus sûr. "
    tips = "".join(
        f"- id: tip-{n}\n  type: tip\n  title: {{nl: Tip {n}, fr: Conseil {n}}}\n"
        f"  text: {{nl: '{dutch * n}', fr: '{french * n}'}}\n"
        for n in range(1, 30, 2)
    )
    (tmp_path / "tips.yaml").write_text(tips, encoding="utf-8")
    deck = load_deck(tmp_path)
    for size in SIZES:
        found = unprintable(deck, size)
        assert found == unprintable(deck, size, prove=False)
        assert found  # the longest do not fit
    assert 0 < proven_share(deck) < 1


PIECES = st.builds(
    Piece,
    kind=st.sampled_from(KINDS),
    text=TEXTS,
    path=st.just(("text",)),
    label=st.sampled_from([None, "Doel", "Methode", "2."]),
)


@settings(max_examples=80, deadline=None)
@given(
    base=st.sampled_from(DEFAULT.cards),
    title=TEXTS,
    body=st.lists(PIECES, min_size=1, max_size=9),
    foot=st.sampled_from(["", "Bron (VIVES, 2023)", "Een lange bron " * 12]),
    keep_survey=st.booleans(),
    size=st.sampled_from(SIZES),
)
def test_a_card_the_proof_passes_fits_as_reportlab_fits_it(
    base: CardBase,
    title: str,
    body: list[Piece],
    foot: str,
    keep_survey: bool,
    size: Size,
) -> None:
    content = content_of(DEFAULT, base)
    content = replace(
        content,
        title=title[:80],
        body=tuple(body),
        foot=foot,
        survey=content.survey if keep_survey else None,
    )
    layout = face_layout(size)
    if fits_for_sure(content, layout):
        assert fit_content(content, layout).problems == []
