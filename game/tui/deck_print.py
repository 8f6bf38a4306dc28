"""Print the whole deck from the app: the `print cards` exporter with its defaults.

A4, poker size, no bleed, crop marks, backs for duplex on the long edge: what a trainer
with a home printer wants. Other settings are for `netwerktafel print cards`.
"""

from __future__ import annotations

from pathlib import Path

from catalogue import _, current_language, ngettext
from deck import Deck, InputError


def print_deck(deck: Deck, target: Path) -> str:
    """Write the card sheets of every card to `target`, in the app's language; one line
    saying what was done.

    Raises `InputError` when a card cannot print (text too long, a missing glyph) and
    `OSError` when the file cannot be written.
    """
    from print.fit import fit_cards
    from print.imposition import PrintLayout
    from print.sheets import write_cards

    layout = PrintLayout()
    cards = list(deck.cards)
    language = current_language()
    faces, problems = fit_cards(deck, cards, layout.card, language)
    if problems:
        raise InputError(problems)
    target.parent.mkdir(parents=True, exist_ok=True)
    summary = write_cards(target, deck, cards, layout, None, faces, language)
    pages = ngettext("{count} pagina", "{count} pagina's", summary.pages).format(
        count=summary.pages
    )
    return _(
        "{cards} kaarten op {pages} naar {file}. Druk af op ware grootte, "
        "dubbelzijdig over de lange kant."
    ).format(cards=summary.cards, pages=pages, file=target)
