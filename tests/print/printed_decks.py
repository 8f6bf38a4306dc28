"""The real decks the card-sheet tests print: the default deck and the example deck, each in
every language it declares, drawn from a cold parse cache; and the checks that counting lines
from glyph widths (print/fit.py `exact_lines` for the foot, `run_lines` for a field in two
fonts) changes no card sheet, only how many paragraphs reportlab wraps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from deck import Deck, default_deck_path, load_deck
from print import fit, paragraphs
from print.fit import FittedFace, fit_cards
from print.imposition import CARD_SIZES, PrintLayout
from print.sheets import render_cards

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = load_deck(default_deck_path())
EXAMPLE = load_deck(ROOT / "docs" / "voorbeelddeck")
SIDES = [
    pytest.param(deck, language, id=f"{deck.manifest.id}-{language}")
    for deck in (DEFAULT, EXAMPLE)
    for language in dict.fromkeys([deck.manifest.language, *deck.manifest.languages])
]
"""(deck, language) for every side of both decks."""


def sheets(deck: Deck, language: str) -> bytes:
    """The deck's card sheets in `language`, fitted and drawn from a cold parse cache."""
    paragraphs._PARSED.clear()
    layout = PrintLayout()
    faces, problems = fit_cards(deck, deck.cards, layout.card, language)
    assert not problems
    pdf, _ = render_cards(deck, list(deck.cards), layout, faces=faces, language=language)
    return pdf


def wraps_while(run: Callable[[], bytes], monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, int]:
    """What `run` gives, and how many paragraphs reportlab wrapped meanwhile."""
    count = 0
    wrap = Paragraph.wrap

    def counted(self: Paragraph, width: float, height: float) -> tuple[float, float]:
        nonlocal count
        count += 1
        return wrap(self, width, height)

    with monkeypatch.context() as patch:
        patch.setattr(Paragraph, "wrap", counted)
        return run(), count


def same_sheets_with_fewer_wraps(
    counter: str, deck: Deck, language: str, fewer: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deck's card sheets are the same whether print/fit.py's `counter` counts lines or
    knows none (reportlab wraps every size tried), and on the default deck the counts save
    more than `fewer` wraps."""
    counted, wraps = wraps_while(lambda: sheets(deck, language), monkeypatch)
    monkeypatch.setattr(fit, counter, lambda *args: None)
    wrapped, more = wraps_while(lambda: sheets(deck, language), monkeypatch)
    assert counted == wrapped
    if deck is DEFAULT:
        assert wraps < more - fewer


def wrong_counts_are_caught(counter: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With print/fit.py's `counter` counting one line too many, the default deck's card
    sheets stay right: the wrap of the size kept finds the difference."""
    language = DEFAULT.manifest.language
    right = sheets(DEFAULT, language)
    count = getattr(fit, counter)
    calls: list[int | None] = []

    def one_too_many(*args: object) -> int | None:
        lines = count(*args)
        calls.append(lines)
        return None if lines is None else lines + 1

    monkeypatch.setattr(fit, counter, one_too_many)
    assert sheets(DEFAULT, language) == right
    # The wrong counts were made, not skipped: the check above caught real ones.
    assert calls
    assert any(lines is not None for lines in calls)


def chosen(deck: Deck, language: str, card: str) -> list[tuple[object, ...]]:
    """What fitting chose for every card: each block's size, height and paragraphs' lines."""
    faces, _ = fit_cards(deck, deck.cards, CARD_SIZES[card], language)
    return [_face(face) for face in faces]


def _face(face: FittedFace) -> tuple[object, ...]:
    blocks = [face.title, face.kicker, face.body, face.foot]
    return tuple(
        (block.size, block.height, [_lines(flowable) for flowable in block.flowables])
        for block in blocks
        if block is not None
    )


def _lines(flowable: object) -> int:
    paragraph = getattr(flowable, "paragraph", flowable)
    return len(paragraph.blPara.lines) if isinstance(paragraph, Paragraph) else -1
