"""A loaded deck: its manifest and cards, with the look-ups every user of a deck needs.

Apart from the models (`deck.model`), so that a deck checked by the compiled schema
(`deck.compiled_schema`: plain records instead of models, for `deck list`) is the same
`Deck` with the same look-ups.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from deck.card_types import CARD_TYPES, card_type, model_type
from deck.problems import Location

if TYPE_CHECKING:
    from deck.model import CardBase, FormCard, Manifest, SubForm

C = TypeVar("C", bound="CardBase")


class Deck:
    """A loaded, validated deck: the manifest and its cards in file order.

    Build one with `deck.load_deck`; every cross-reference in it has been checked.
    """

    def __init__(
        self,
        manifest: Manifest,
        cards: tuple[CardBase, ...],
        locate: Callable[..., Location] | None = None,
    ) -> None:
        self.manifest = manifest
        self.cards = cards
        self._by_id = {card.id: card for card in cards}
        self._locate = locate
        self._subforms: dict[str, tuple[FormCard, SubForm]] | None = None

    def where(self, card_id: str, *path: str | int) -> Location:
        """Where a card (or a field inside it, `deck.where("x", "text")`) stands in its file.

        Lets checks made after loading (does the text fit on a printed card?) report
        `FILE:LINE:COL` like the loader does.
        """
        if self._locate is None:
            return Location(Path(self.manifest.id))
        return self._locate(card_id, *path)

    def __len__(self) -> int:
        return len(self.cards)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._by_id

    def get(self, card_id: str) -> CardBase | None:
        """The card with this id, or None."""
        return self._by_id.get(card_id)

    def of_type(self, model: type[C]) -> tuple[C, ...]:
        """Every card of one model (`deck.of_type(ExampleCard)`), in deck order; by the
        model's type tag, so a deck of records answers too."""
        kind = model_type(model)
        return tuple(cast(C, card) for card in self.cards if card_type(card) == kind)

    def counts(self) -> dict[str, int]:
        """Number of cards per card type, in the canonical type order."""
        counts = dict.fromkeys(CARD_TYPES, 0)
        for card in self.cards:
            counts[card_type(card)] += 1
        return {kind: n for kind, n in counts.items() if n}

    def subform(self, subform_id: str) -> tuple[FormCard, SubForm] | None:
        """The form card and sub-form with this sub-form id, or None."""
        if self._subforms is None:
            # Indexed once: every example card asks, and a scan of the deck for each was a
            # tenth of working out what the cards show.
            self._subforms = {}
            # By type, not by model class: a deck of records has no FormCard.
            forms = [cast("FormCard", card) for card in self.cards if card_type(card) == "vorm"]
            for form in forms:
                for sub in form.subforms:
                    self._subforms.setdefault(sub.id, (form, sub))
        return self._subforms.get(subform_id)
