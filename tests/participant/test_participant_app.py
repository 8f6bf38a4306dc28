"""The participant app, driven with Pilot the way a participant would use it."""

from __future__ import annotations

import time

import pytest
from rich.text import Text
from textual.widgets import Button, Input, Static

from game.participation import JoinThrottle
from game.tui.participant.screens.choice_vote import ChoiceVoteScreen
from game.tui.participant.screens.confirmation import ConfirmationScreen
from game.tui.participant.screens.dots_vote import DotsVoteScreen
from game.tui.participant.screens.join import JoinScreen
from game.tui.participant.screens.likert_vote import LikertVoteScreen
from game.tui.participant.screens.name_needed import NameNeededScreen
from game.tui.participant.screens.ranking_vote import RankingVoteScreen
from game.tui.participant.screens.results import ResultsScreen
from game.tui.participant.screens.waiting import WaitingScreen
from game.tui.participant.widgets.option_rows import OptionRow, OptionRows
from game.tui.widgets.tally_bars import TallyBars
from tests.participant.conftest import Table
from tests.participant.pilot_steps import (
    PHONE,
    TERMINAL,
    join,
    participant_app,
    screen_is,
    until,
)


def text_of(widget: Static) -> str:
    """What a Static shows, as plain text."""
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


def problem(pilot) -> str:  # type: ignore[no-untyped-def]
    """The red line of the screen, or '' when it is hidden."""
    line = pilot.app.screen.query_one("#problem", Static)
    return text_of(line) if line.display else ""


async def test_dots_spread_cast_and_changed(table: Table) -> None:
    app = participant_app(table)
    async with app.run_test(size=PHONE) as pilot:
        await join(pilot, table.code, "Ann")
        await until(pilot, screen_is(pilot, WaitingScreen))
        ballot = table.open("dots", dots=3)
        waited = await until(pilot, screen_is(pilot, DotsVoteScreen))
        assert waited < 1.0, "a new ballot shows within a second"
        await pilot.press("1", "1", "down", "plus")
        assert pilot.app.screen.query_one(OptionRows).choices == ("1", "1", "2")
        assert "Nog 0 stippen" in text_of(pilot.app.screen.query_one("#status", Static))
        await pilot.press("plus")
        assert "3 stippen, niet 4" in problem(pilot)
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        assert table.ballot(ballot).votes["p1"].choices == ("1", "1", "2")
        mine = text_of(pilot.app.screen.query_one("#mine", Static))
        assert "●● Wijktafel" in mine and "● Buurtsignaal" in mine
        # Change the vote: the earlier dots are filled in; take one back, add one elsewhere.
        await pilot.press("w")
        await until(pilot, screen_is(pilot, DotsVoteScreen))
        assert pilot.app.screen.query_one(OptionRows).choices == ("1", "1", "2")
        await pilot.press("minus", "down", "down", "plus", "enter")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        assert table.ballot(ballot).votes["p1"].choices == ("1", "2", "3")
        assert len(table.ballot(ballot).votes) == 1


async def test_dots_by_tapping(table: Table) -> None:
    table.open("dots", dots=2, stack=False)
    app = participant_app(table)
    async with app.run_test(size=PHONE) as pilot:
        await join(pilot, table.code, "Bart")
        await until(pilot, screen_is(pilot, DotsVoteScreen))
        rows = list(pilot.app.screen.query(OptionRow))
        await pilot.click(rows[2])
        await pilot.click(rows[2])
        assert "hoogstens één stip" in problem(pilot)
        await pilot.click(rows[0])
        await pilot.click("#remove")
        await pilot.click(rows[1])
        await pilot.click("#cast")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        assert table.ballot("b1").votes["p1"].choices == ("2", "3")


async def test_ranking(table: Table) -> None:
    ballot = table.open("ranking")
    app = participant_app(table)
    async with app.run_test(size=TERMINAL) as pilot:
        await join(pilot, table.code, "Chris")
        await until(pilot, screen_is(pilot, RankingVoteScreen))
        # Politiecafé to the top: down twice, then up twice.
        await pilot.press("down", "down", "plus", "plus")
        assert pilot.app.screen.query_one(OptionRows).choices == ("3", "1", "2")
        await pilot.click("#down")
        assert pilot.app.screen.query_one(OptionRows).choices == ("1", "3", "2")
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        assert table.ballot(ballot).votes["p1"].choices == ("1", "3", "2")
        assert "1. Wijktafel" in text_of(pilot.app.screen.query_one("#mine", Static))


async def test_likert_with_results_beside_the_vote(table: Table) -> None:
    ballot = table.open("likert", options=("Buren letten op elkaar.",))
    app = participant_app(table)
    async with app.run_test(size=PHONE) as pilot:
        await join(pilot, table.code, "Dina")
        await until(pilot, screen_is(pilot, LikertVoteScreen))
        await pilot.press("enter")
        assert "kies minstens één optie" in problem(pilot).lower()
        await pilot.press("4")
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        assert table.ballot(ballot).votes["p1"].choices == ("4",)
        bars = pilot.app.screen.query_one(TallyBars)
        assert bars.display and bars.tally is not None and bars.tally.voters == 1


async def test_choice_of_several_is_limited_by_the_ballot(table: Table) -> None:
    ballot = table.open("choice", max_choices=2)
    app = participant_app(table)
    async with app.run_test(size=TERMINAL) as pilot:
        await join(pilot, table.code, "Emre")
        await until(pilot, screen_is(pilot, ChoiceVoteScreen))
        await pilot.press("1", "3", "2")
        assert "hoogstens 2 opties" in problem(pilot)
        await pilot.press("3", "2", "enter")  # 3 off, 2 on
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        assert table.ballot(ballot).votes["p1"].choices == ("1", "2")


async def test_single_choice_replaces_the_pick_and_takes_a_reason(table: Table) -> None:
    ballot = table.open("choice")
    app = participant_app(table)
    async with app.run_test(size=PHONE) as pilot:
        await join(pilot, table.code, "Fien")
        await until(pilot, screen_is(pilot, ChoiceVoteScreen))
        await pilot.press("1", "2")
        assert pilot.app.screen.query_one(OptionRows).choices == ("2",)
        await pilot.click("#reason")
        await pilot.press(*"[b]dicht bij[/b]", "enter")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        vote = table.ballot(ballot).votes["p1"]
        assert vote.choices == ("2",) and vote.reason == "[b]dicht bij[/b]"
        assert "[b]dicht bij[/b]" in text_of(pilot.app.screen.query_one("#mine", Static))


async def test_hidden_results_wait_for_the_reveal(table: Table) -> None:
    ballot = table.open("choice", reveal="manual")
    app = participant_app(table)
    async with app.run_test(size=PHONE) as pilot:
        await join(pilot, table.code, "Gert")
        await until(pilot, screen_is(pilot, ChoiceVoteScreen))
        await pilot.press("3", "enter")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        assert not pilot.app.screen.query_one(TallyBars).display
        table.close(ballot)
        await until(pilot, screen_is(pilot, WaitingScreen))
        assert any("uitslag volgt" in text_of(s) for s in pilot.app.screen.query(Static))
        table.reveal(ballot)
        await until(pilot, screen_is(pilot, ResultsScreen))
        bars = pilot.app.screen.query_one(TallyBars)
        assert bars.tally is not None and bars.tally.rows[2].count == 1
        assert "Politiecafé" in text_of(pilot.app.screen.query_one("#mine", Static))


async def test_closing_the_ballot_ends_a_change(table: Table) -> None:
    ballot = table.open("choice", reveal="on-close")
    app = participant_app(table)
    async with app.run_test(size=PHONE) as pilot:
        await join(pilot, table.code, "Hanne")
        await until(pilot, screen_is(pilot, ChoiceVoteScreen))
        await pilot.press("1", "enter")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        await pilot.press("w")
        await until(pilot, screen_is(pilot, ChoiceVoteScreen))
        table.close(ballot)
        await until(pilot, screen_is(pilot, ResultsScreen))
        assert table.ballot(ballot).votes["p1"].choices == ("1",)


async def test_wrong_code_is_refused_after_a_delay_and_gives_up(table: Table) -> None:
    # A delay long enough that a loaded machine still sees the wait before it ends.
    throttle = JoinThrottle(first_delay=1.0, longest=1.5, limit=2)
    app = participant_app(table, throttle=throttle)
    async with app.run_test(size=PHONE) as pilot:
        start = time.perf_counter()
        await join(pilot, "AAAAAA", "Ines")
        await pilot.pause(0.05)
        assert "Even geduld" in problem(pilot)
        assert pilot.app.screen.query_one("#join", Button).disabled
        await until(pilot, lambda: "klopt niet" in problem(pilot))
        assert time.perf_counter() - start >= 1.0
        assert not table.store.state.participants
        await join(pilot, "AAAAAA", "Ines")
        await until(pilot, lambda: "Te veel foute codes" in problem(pilot))
        await until(pilot, lambda: app.return_code is not None)  # the app shows why, then ends
    assert app.return_code == 0  # the tab closes: a new one is a new process
    assert throttle.wrong == 2


async def test_code_and_name_on_the_command_line_join_at_once(table: Table) -> None:
    app = participant_app(table, code=table.code.lower(), name="Jan")
    async with app.run_test(size=TERMINAL) as pilot:
        await until(pilot, screen_is(pilot, WaitingScreen))
        assert app.voter.name == "Jan"


async def test_a_name_alone_on_the_command_line_only_fills_in_the_join_screen(
    table: Table,
) -> None:
    app = participant_app(table, name="Jan")
    async with app.run_test(size=TERMINAL) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, JoinScreen)
        assert screen.query_one("#name", Input).value == "Jan"
        assert screen.query_one("#code", Input).has_focus
        assert not table.store.state.participants
        await pilot.press(*table.code, "enter", "enter")
        await until(pilot, screen_is(pilot, WaitingScreen))
        assert app.voter.name == "Jan"


async def test_bad_name_says_why(table: Table) -> None:
    app = participant_app(table)
    async with app.run_test(size=PHONE) as pilot:
        await join(pilot, table.code, "   ")
        await until(pilot, lambda: "naam mag niet leeg" in problem(pilot))
        assert isinstance(pilot.app.screen, JoinScreen)


async def test_anonymous_join_then_a_named_ballot(table: Table) -> None:
    app = participant_app(table)
    async with app.run_test(size=PHONE) as pilot:
        assert not pilot.app.screen.query_one("#anonymous").display
        secret = table.open("likert", options=("Ik voel me veilig.",), anonymous=True)
        await until(pilot, lambda: pilot.app.screen.query_one("#anonymous").display)
        pilot.app.screen.query_one("#code").value = table.code  # type: ignore[attr-defined]
        await pilot.click("#anonymous")
        await until(pilot, screen_is(pilot, LikertVoteScreen))
        assert app.voter.name is not None and app.voter.name.startswith("anoniem ")
        await pilot.press("2", "enter")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        own = app.voter.own_vote(table.ballot(secret))
        assert own is not None and own.choices == ("2",)
        assert "p1" not in table.ballot(secret).votes  # under a pseudonym, not the id
        named = table.open("choice")
        await until(pilot, screen_is(pilot, NameNeededScreen))
        # The anonymous ballot stays open: having voted on it, Karel is not asked again.
        await pilot.press(*"Karel", "enter")
        await until(pilot, screen_is(pilot, ChoiceVoteScreen))
        await pilot.press("1", "enter")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        assert table.ballot(named).votes["p2"].choices == ("1",)
        assert table.store.state.participants["p2"].name == "Karel"


@pytest.mark.parametrize("size", [PHONE, TERMINAL])
async def test_vote_screen_fits_terminal_and_phone(table: Table, size: tuple[int, int]) -> None:
    table.open("dots", options=tuple(f"Aanpak met een lange naam nummer {n}" for n in range(5)))
    app = participant_app(table)
    async with app.run_test(size=size) as pilot:
        await join(pilot, table.code, "Lotte")
        await until(pilot, screen_is(pilot, DotsVoteScreen))
        screen = pilot.app.screen
        width, _ = size
        rows = screen.query_one(OptionRows)
        assert rows.region.width <= width and rows.region.height >= 5
        # Nothing runs off the right edge: every row's text wraps inside the screen.
        assert all(row.region.right <= width for row in screen.query(OptionRow))
        await pilot.press("enter")
        assert "kies minstens" in problem(pilot).lower()
