"""Fitting reuses a text's parse at every size it tries: the card sheets stay byte for byte
what a fresh parse per size gives, in every language of the default deck."""

from __future__ import annotations

import pytest

from deck import default_deck_path, load_deck
from print import paragraphs
from print.fit import fit_cards
from print.imposition import PrintLayout
from print.sheets import render_cards

DECK = load_deck(default_deck_path())


def sheets(language: str) -> bytes:
    """The default deck's card sheets in `language`, fitted and drawn from a cold cache."""
    paragraphs._PARSED.clear()
    layout = PrintLayout()
    faces, problems = fit_cards(DECK, DECK.cards, layout.card, language)
    assert not problems
    pdf, _ = render_cards(DECK, list(DECK.cards), layout, faces=faces, language=language)
    return pdf


@pytest.mark.parametrize("language", [DECK.manifest.language, *DECK.manifest.languages])
def test_reused_parses_give_the_same_pdf_as_fresh_ones(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reused = sheets(language)
    assert paragraphs._PARSED  # the reuse did happen
    monkeypatch.setattr(paragraphs, "REUSE_PARSE", False)
    assert sheets(language) == reused
