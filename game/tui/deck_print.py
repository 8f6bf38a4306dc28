"""Print the whole deck from the app: the `print cards` exporter with its defaults.

A4, poker size, no bleed, crop marks, backs for duplex on the long edge: what a trainer
with a home printer wants. Other settings are for `netwerktafel print cards`.
"""

from __future__ import annotations

from pathlib import Path

from deck import Deck, InputError


def print_deck(deck: Deck, target: Path) -> str:
    """Write the card sheets of every card to `target`; one Dutch line saying what was done.

    Raises `InputError` when a card cannot print (text too long, a missing glyph) and
    `OSError` when the file cannot be written.
    """
    from print.fit import fit_cards
    from print.imposition import PrintLayout
    from print.sheets import write_cards

    layout = PrintLayout()
    cards = list(deck.cards)
    faces, problems = fit_cards(deck, cards, layout.card)
    if problems:
        raise InputError(problems)
    target.parent.mkdir(parents=True, exist_ok=True)
    summary = write_cards(target, deck, cards, layout, None, faces)
    pages = "1 pagina" if summary.pages == 1 else f"{summary.pages} pagina's"
    return (
        f"{summary.cards} kaarten op {pages} naar {target}. Druk af op ware grootte, "
        "dubbelzijdig over de lange kant."
    )
