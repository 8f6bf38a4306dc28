"""Stem doorgeven in the facilitator's app: the keyboard goes round, the screen clears."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from game.engine import Actor
from game.engine import commands as c
from game.engine import events as e
from game.store import SessionStore, read_facilitator_token
from game.tui.participant.widgets.option_rows import OptionRow, OptionRows
from game.tui.screens.board import BoardScreen
from game.tui.screens.help import HelpScreen
from game.tui.screens.hot_seat import HotSeatScreen
from game.tui.screens.rounds.stemming import StemmingScreen
from tests.tui.app_steps import facilitator_app, seeded_session, text_of, until
from tests.tui.conftest import DECK


def at_the_vote(data_dir: Path) -> Path:
    """A session at its stemming round, with Lies and Tom already joined."""
    path = seeded_session(data_dir, votes=False)
    with SessionStore.open(path) as store:
        boss = Actor(read_facilitator_token(path))
        info = store.state.info
        assert info is not None
        while (round_ := store.state.current_round()) is not None and round_.kind != "stemming":
            store.submit(c.AdvanceRound(), boss, deck=DECK)
        for name in ("Lies", "Tom"):
            store.submit(c.JoinParticipant(name, info.join_code), Actor(f"sleutel-{name}-" * 3))
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The facilitator app's data folder for one test."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def seat_text(screen: HotSeatScreen) -> str:
    """Everything the hot seat shows now, as plain text."""
    return "\n".join(text_of(widget) for widget in screen.query(Static))


async def test_the_keyboard_goes_round_and_the_screen_clears(data_dir: Path) -> None:
    path = at_the_vote(data_dir)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StemmingScreen))
        await pilot.press("f1")  # the key is in the help, not in the crowded footer
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        table = app.screen.query_one(DataTable)
        assert "Stem doorgeven" in {table.get_row_at(i)[1] for i in range(table.row_count)}
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, StemmingScreen))
        await pilot.press("d")  # no ballot yet: says so, stays
        await pilot.pause()
        assert isinstance(app.screen, StemmingScreen)
        open_named_ballot(app)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        seat = app.screen
        assert isinstance(seat, HotSeatScreen)
        names = seat.query_one("#names", OptionList)
        assert [str(names.get_option_at_index(i).prompt) for i in range(2)] == ["Lies", "Tom"]

        # Lies picks her name and puts her three dots on the first approach.
        await pilot.press("enter")
        await until(pilot, lambda: seat.phase == "vote")
        assert "Stem van Lies" in seat_text(seat)
        await pilot.press("1", "1", "1", "enter")
        await until(pilot, lambda: seat.phase == "thanks")
        cleared = seat_text(seat)
        assert "Dank je, Lies" in cleared
        assert not seat.query(OptionRows), "nothing of Lies's vote stays on the screen"

        # Noor is new: she types her name, and votes by tapping.
        await pilot.press("enter")
        await until(pilot, lambda: seat.phase == "pick")
        first = seat.query_one("#names", OptionList).get_option_at_index(0)
        assert "✓ gestemd" in str(first.prompt)
        await pilot.press(*"Noor", "enter")
        await until(pilot, lambda: seat.phase == "vote")
        rows = list(seat.query(OptionRow))
        assert all("●" not in text_of(row) for row in rows), "a fresh, empty ballot"
        await pilot.click(rows[1])
        await pilot.click("#cast")
        await until(pilot, lambda: seat.phase == "thanks")

        # Lies again: asked first, then an empty ballot (her vote stays private), and her
        # new vote replaces it.
        await pilot.press("enter")
        await until(pilot, lambda: seat.phase == "pick")
        await pilot.press("enter")
        await until(pilot, lambda: seat.phase == "confirm")
        await pilot.press("j")
        await until(pilot, lambda: seat.phase == "vote")
        assert seat.query_one(OptionRows).choices == ()
        await pilot.press("enter")
        assert "kies minstens één optie" in text_of(seat.query_one("#problem", Static)).lower()
        await pilot.press("2", "enter")
        await until(pilot, lambda: seat.phase == "thanks")
        await pilot.press("enter")
        await until(pilot, lambda: seat.phase == "pick")
        # French says oui: o answers yes as j does.
        await pilot.press("enter")
        await until(pilot, lambda: seat.phase == "confirm")
        await pilot.press("o")
        await until(pilot, lambda: seat.phase == "vote")
        await pilot.press("escape")
        await until(pilot, lambda: seat.phase == "pick")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, StemmingScreen))

    with SessionStore.open(path) as store:
        people = {p.id: p.name for p in store.state.participants.values()}
        votes = {people[pid]: vote.choices for pid, vote in store.state.ballots["b1"].votes.items()}
    assert votes == {"Lies": ("2",), "Noor": ("2",)}


def vote_elsewhere(path: Path, name: str, choices: tuple[str, ...]) -> None:
    """`name` votes on b1 from their own terminal, with the token they joined with."""
    with SessionStore.open(path) as store:
        store.submit(c.CastVote("b1", choices, None), Actor(f"sleutel-{name}-" * 3))


def votes_by_name(path: Path) -> dict[str, tuple[str, ...]]:
    """Every vote on b1, by the voter's name."""
    with SessionStore.open(path) as store:
        people = {p.id: p.name for p in store.state.participants.values()}
        return {people[pid]: v.choices for pid, v in store.state.ballots["b1"].votes.items()}


async def open_hot_seat(pilot, app) -> HotSeatScreen:  # type: ignore[no-untyped-def]
    """From the board to the hot seat of a freshly opened ballot."""
    await until(pilot, lambda: isinstance(app.screen, BoardScreen))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, StemmingScreen))
    open_named_ballot(app)
    await until(pilot, lambda: "b1" in app.screen.live.state.ballots)
    return app.screen


def open_named_ballot(app) -> None:  # type: ignore[no-untyped-def]
    """Open the round's ballot as `o` would, but not anonymous.

    The workshop's own ballot is anonymous, and on an anonymous ballot a participant who
    joined elsewhere (as Lies and Tom did) votes there, not here: see the last test."""
    command = app.screen.open_command()
    assert isinstance(command, c.OpenBallot) and command.anonymous
    assert app.screen.live.send(dataclasses.replace(command, anonymous=False)) is None


async def test_a_typed_new_name_votes_under_that_name(data_dir: Path) -> None:
    path = at_the_vote(data_dir)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_hot_seat(pilot, app)
        vote_elsewhere(path, "Lies", ("1",))
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        seat = app.screen
        assert isinstance(seat, HotSeatScreen)
        await pilot.pause()
        # Straight away, without reaching for the name field: the letters land in it.
        await pilot.press(*"Fatima", "enter")
        await until(pilot, lambda: seat.phase != "pick")
        assert "Stem van Fatima" in seat_text(seat)
        await pilot.press("2", "enter")
        await until(pilot, lambda: seat.phase == "thanks")
    assert votes_by_name(path) == {"Lies": ("1",), "Fatima": ("2",)}


async def test_typing_filters_the_names_and_down_walks_them(data_dir: Path) -> None:
    path = at_the_vote(data_dir)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_hot_seat(pilot, app)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        seat = app.screen
        assert isinstance(seat, HotSeatScreen)
        await pilot.pause()
        await pilot.press("t")
        names = seat.query_one("#names", OptionList)
        await until(pilot, lambda: names.option_count == 1)
        assert str(names.get_option_at_index(0).prompt) == "Tom"
        # Down walks into the list; a letter typed there goes back to the name field.
        await pilot.press("backspace", "down", "down")
        assert names.has_focus and names.highlighted == 1
        await pilot.press("x")
        assert seat.query_one("#new-name", Input).value == "x"
        await pilot.press("backspace", "down", "enter")
        await until(pilot, lambda: seat.phase == "vote")
        assert "Stem van Lies" in seat_text(seat)


async def test_a_vote_cast_elsewhere_is_replaced_only_when_asked(data_dir: Path) -> None:
    path = at_the_vote(data_dir)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_hot_seat(pilot, app)
        vote_elsewhere(path, "Tom", ("1",))
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        seat = app.screen
        assert isinstance(seat, HotSeatScreen)
        await pilot.pause()
        await pilot.press(*"tom", "enter")
        await until(pilot, lambda: seat.phase == "confirm")
        assert "Tom heeft al gestemd" in seat_text(seat)
        await pilot.press("escape")  # no: back to the names, Tom's vote stands
        await until(pilot, lambda: seat.phase == "pick")
        assert votes_by_name(path) == {"Tom": ("1",)}
        await pilot.press(*"Tom", "enter")
        await until(pilot, lambda: seat.phase == "confirm")
        await pilot.press("enter")  # Enter is the safe answer: no
        await until(pilot, lambda: seat.phase == "pick")
        await pilot.press(*"Tom", "enter")
        await until(pilot, lambda: seat.phase == "confirm")
        await pilot.press("j")  # yes: a fresh ballot replaces the vote
        await until(pilot, lambda: seat.phase == "vote")
        assert "Stem van Tom" in seat_text(seat)
        await pilot.press("2", "enter")
        await until(pilot, lambda: seat.phase == "thanks")
    assert votes_by_name(path) == {"Tom": ("2",)}


async def test_on_an_anonymous_ballot_the_hot_seat_keeps_each_token_for_the_run(
    data_dir: Path,
) -> None:
    path = at_the_vote(data_dir)
    with SessionStore.open(path) as store:
        boss = Actor(read_facilitator_token(path))
        store.submit(c.OpenBallot("choice", "options", options=("ja", "nee"), anonymous=True), boss)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StemmingScreen))
        await seat_and_vote(pilot, app, 1, replace=False)
        await seat_and_vote(pilot, app, 2, replace=True)
    with SessionStore.open(path) as store:
        ballot = store.state.ballots["b1"]
        participants = set(store.state.participants)
        rejoined = store.events()
    assert not any(isinstance(event, e.ParticipantRejoined) for _, event in rejoined)
    assert [vote.choices for vote in ballot.votes.values()] == [("2",)]
    assert not set(ballot.votes) & participants, "the vote is under a pseudonym, not an id"


async def seat_and_vote(pilot, app, option: int, *, replace: bool) -> None:  # type: ignore[no-untyped-def]
    """On the anonymous ballot's hot seat: Lies is sent to her own terminal, Noor votes."""
    await pilot.press("d")
    await until(pilot, lambda: isinstance(app.screen, HotSeatScreen))
    seat = app.screen
    assert isinstance(seat, HotSeatScreen)
    await pilot.pause()
    # Lies joined in her own terminal: her vote on this ballot is cast there.
    await pilot.press(*"Lies", "enter")
    await pilot.pause()
    assert seat.phase == "pick"
    assert "op deze anonieme stemronde stemt Lies daar" in seat_text(seat)
    await pilot.press(*("backspace" for _ in "Lies"), *"Noor", "enter")
    if replace:
        # The app kept Noor's token: it finds her anonymous vote and asks first.
        await until(pilot, lambda: seat.phase == "confirm")
        await pilot.press("j")
    await until(pilot, lambda: seat.phase == "vote")
    await pilot.click(list(seat.query(OptionRow))[option - 1])
    await pilot.click("#cast")
    await until(pilot, lambda: seat.phase == "thanks")
    await pilot.press("escape")
    await until(pilot, lambda: seat.phase == "pick")
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(app.screen, StemmingScreen))
