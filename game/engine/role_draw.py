"""Drawing a role card at random, as students do in the training workshop."""

from __future__ import annotations

import random
from collections.abc import Sequence

from deck.loaded_deck import Deck
from deck.model import RoleCard
from game.engine.state import SessionState


def draw_role(
    deck: Deck, state: SessionState, rng: random.Random, pool: Sequence[str] = ()
) -> RoleCard | None:
    """A role card nobody at the table plays yet, drawn with `rng`; None when all are taken.

    Roles in `pool` (the workshop's suggestions for the case) come first, so a class plays
    the stakeholders the case needs before anyone draws a side role.
    """
    taken = {s.role_id for s in state.stakeholders.values() if s.present}
    free = [role for role in deck.of_type(RoleCard) if role.id not in taken]
    preferred = [role for role in free if role.id in pool]
    candidates = preferred or free
    return rng.choice(candidates) if candidates else None
