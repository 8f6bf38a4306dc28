"""Every reason a deck's cards would not print well: text that does not fit, characters the
font lacks. What `netwerktafel deck check` reports beyond the deck's own format.

A card whose fit print/fit_bound.py proves, in every language the deck declares, is not
fitted at all; only the others are fitted with reportlab (print/fit.py), so checking a deck
whose cards all clearly fit does not load reportlab.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from deck import Deck, Problem
from deck.card_content import content_of
from print.face_layout import face_layout
from print.fit_bound import fits_for_sure
from print.glyph_check import glyph_problems
from print.imposition import Size

if TYPE_CHECKING:
    from deck.model import CardBase


def unprintable(
    deck: Deck, card_size: Size, cards: Iterable[CardBase] | None = None, *, prove: bool = True
) -> list[Problem]:
    """Every reason some card of `deck` would not print well on cards of `card_size`.

    Reports text that does not fit even at the minimum type size, and characters the font
    lacks; each problem points at the field in the YAML. Checks every language the deck
    declares, since any of them may be printed: first the fit in the deck's language, then
    the characters, then what else does not fit in another language (a part reported once
    per card). With `prove=False` every card is fitted with reportlab (for the tests that
    hold the proof to the fit).
    """
    chosen = deck.cards if cards is None else tuple(cards)
    layout = face_layout(card_size)
    others = [code for code in deck.manifest.languages if code != deck.manifest.language]
    first: list[Problem] = []
    later: list[Problem] = []
    for card in chosen:
        if prove and all(
            fits_for_sure(content_of(deck, card, language), layout) for language in (None, *others)
        ):
            continue
        # Imported here: reportlab and its fonts are most of the cost of a deck check.
        from print.fit import fit_face, fit_problems

        fitted = fit_face(deck, card, layout)
        first.extend(fit_problems(deck, card, fitted, None))
        reported = {problem.part for problem in fitted.problems}
        for language in others:
            fitted = fit_face(deck, card, layout, language)
            fitted.problems = [p for p in fitted.problems if p.part not in reported]
            reported.update(p.part for p in fitted.problems)
            later.extend(fit_problems(deck, card, fitted, language))
    return [*first, *glyph_problems(deck, chosen), *later]
