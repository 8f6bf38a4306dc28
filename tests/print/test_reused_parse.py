"""Fitting parses the markup of each shape of card text once (print/paragraphs.py): the card
sheets stay byte for byte what a fresh parse of every paragraph gives, in every language of
the default deck and the example deck, and so do the fragments of any text."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import HexColor
from reportlab.platypus.paraparser import ParaParser

from deck import Deck
from print import paragraphs
from print.colours import markup_colour
from print.paragraphs import escape, paragraph, style
from tests.print.printed_decks import DEFAULT, SIDES, sheets


@pytest.mark.parametrize(("deck", "language"), SIDES)
def test_reused_parses_give_the_same_pdf_as_fresh_ones(
    deck: Deck, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reused = sheets(deck, language)
    monkeypatch.setattr(paragraphs, "REUSE_PARSE", False)
    assert sheets(deck, language) == reused


def test_the_parser_reads_each_shape_of_text_once() -> None:
    # Hundreds of texts, a few shapes: plain text in each role, a field's bold label, and
    # the odd text with an entity (R&D) that is its own shape.
    with mock.patch.object(ParaParser, "parse", autospec=True, side_effect=ParaParser.parse) as p:
        sheets(DEFAULT, DEFAULT.manifest.language)
    texts = len(paragraphs._PARSED)
    assert p.call_count == texts < 60


SPACES = ["  ", "\n", "\t", "\u00a0", "\u200b", "\u2009", "\x85", "\x1c"]
WORDS = st.sampled_from(["de", "wijk", "R&D", "<jongeren>", "ideeën", "«citoyens»", "—", *SPACES])
TEXTS = st.lists(WORDS, min_size=0, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    label=st.one_of(st.none(), TEXTS),
    text=TEXTS,
    role=st.sampled_from(["body", "title", "kicker", "quote", "statement", "bullet"]),
    sizes=st.lists(st.sampled_from([5.5, 6.25, 7.0, 9.75]), min_size=1, max_size=3),
    bullet=st.sampled_from([None, "•", "12."]),
)
def test_a_paragraph_has_the_fragments_of_a_fresh_parse(
    label: str | None, text: str, role: str, sizes: list[float], bullet: str | None
) -> None:
    markup = escape(text)
    if label is not None:
        ink = markup_colour(HexColor("#1b6a8c"))
        markup = f'<font color="{ink}"><b>{escape(label)}</b></font>\u00a0\u00a0{markup}'
    for size in sizes:
        look = style(role, size)
        reused = paragraph(markup, look, bullet)
        paragraphs.REUSE_PARSE = False
        try:
            fresh = paragraph(markup, look, bullet)
        finally:
            paragraphs.REUSE_PARSE = True
        assert [vars(frag) for frag in reused.frags] == [vars(frag) for frag in fresh.frags]
        assert reused.bulletText == fresh.bulletText
