"""Drawing role cards at random: only free roles, the suggested ones first, none when all sit."""

from __future__ import annotations

import random

from deck import Deck
from deck.model import RoleCard
from game.engine import commands as c
from game.engine.role_draw import draw_role
from tests.game.engine_helpers import Table


def test_draws_only_roles_nobody_plays(deck: Deck) -> None:
    table = Table(deck)
    roles = {role.id for role in deck.of_type(RoleCard)}
    rng = random.Random(7)
    drawn = set()
    for _ in roles:
        role = draw_role(deck, table.state, rng)
        assert role is not None and role.id not in drawn
        drawn.add(role.id)
        table.do(c.AddStakeholder(role.id))
    assert drawn == roles
    assert draw_role(deck, table.state, rng) is None


def test_a_role_that_left_the_table_can_be_drawn_again(deck: Deck) -> None:
    table = Table(deck)
    (only, *rest) = [role.id for role in deck.of_type(RoleCard)]
    for role_id in rest:
        table.do(c.AddStakeholder(role_id))
    table.do(c.AddStakeholder(only))
    assert draw_role(deck, table.state, random.Random(1)) is None
    stakeholder = next(s for s in table.state.stakeholders.values() if s.role_id == only)
    table.do(c.RemoveStakeholder(stakeholder.id))
    role = draw_role(deck, table.state, random.Random(1))
    assert role is not None and role.id == only


def test_suggested_roles_come_first(deck: Deck) -> None:
    table = Table(deck)
    last = deck.of_type(RoleCard)[-1].id
    for seed in range(10):
        role = draw_role(deck, table.state, random.Random(seed), (last,))
        assert role is not None and role.id == last


def test_the_same_seed_draws_the_same_role(deck: Deck) -> None:
    table = Table(deck)
    assert draw_role(deck, table.state, random.Random(3)) == draw_role(
        deck, table.state, random.Random(3)
    )
