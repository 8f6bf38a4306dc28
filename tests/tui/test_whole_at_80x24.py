"""What the walk at 80×24 found cut or below the fold, now whole and in view."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget

from game.engine import commands as c
from game.tui.app import build_app
from game.tui.live_session import LiveSession
from game.tui.screens.board import BoardScreen
from game.tui.screens.rounds.actieplan import ActieplanScreen
from game.tui.screens.rounds.dilemma import DilemmaScreen
from game.tui.screens.table import TableScreen
from game.tui.widgets.ballot_result import BallotResult
from tests.tui.app_steps import facilitator_app, seeded_session, text_of, until
from tests.tui.conftest import DECK, NOW


def in_view(widget: Widget) -> bool:
    """Whether the widget's top line is on screen (not scrolled below the fold)."""
    return widget.region.height > 0 and widget.screen.region.contains_point(widget.region.offset)


def grow_the_table(path: Path) -> None:
    """Six at the table, some with long names, and an action with a long title."""
    live = LiveSession.open(path, DECK, lambda: NOW)
    for role, name in (
        ("bewoner", "Els Verhoeven"),
        ("middenveld", "Youssef"),
        ("winkelier", "Katrien"),
    ):
        assert live.send(c.AddStakeholder(role, name)) is None, role
    assert (
        live.send(
            c.AddAction(
                "Een wijkwandeling met de jongeren, de buurtvaders en de wijkagent plannen",
                owner="s4",
                due="2026-05-15",
            )
        )
        is None
    )
    live.close()


async def test_the_board_shows_whole_names_and_every_stakeholder(data_dir: Path) -> None:
    path = seeded_session(data_dir)
    grow_the_table(path)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        grid = text_of(app.screen.query_one("#grid"))
        for whole in ("Transparantie", "Meepraten", "Meedoen", "Els Verhoeven", "Katrien"):
            assert whole in grid
        agenda = " ".join(text_of(app.screen.query_one("#agenda")).split())
        assert "burgerparticipatie?" in agenda and "…" not in agenda
        pane = app.screen.query_one("#grid-pane")
        assert pane.max_scroll_y == 0, "every stakeholder's row without scrolling"


async def test_an_action_shows_its_owner_and_date_beside_a_long_title(data_dir: Path) -> None:
    path = seeded_session(data_dir)
    grow_the_table(path)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        for _ in range(8):
            await pilot.press("n")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ActieplanScreen))
        table = app.screen.query_one("#actions")
        await pilot.pause()
        shown = " ".join(text_of(table).replace("│", " ").split())
        assert "Els Verhoeven" in shown and "2026-05-15" in shown
        assert "de buurtvaders en de wijkagent plannen" in shown
        assert table.border_title == "Actieplan"


async def test_the_dilemma_ballot_comes_into_view_when_opened(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("n", "n", "n", "n", "n", "n", "enter")
        await until(pilot, lambda: isinstance(app.screen, DilemmaScreen))
        result = app.screen.query_one(BallotResult)
        await pilot.press("o")
        await pilot.pause(0.3)
        assert in_view(result.query_one("#ballot-status"))


async def test_the_name_prompt_of_a_drawn_role_is_whole(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = build_app(data_dir=data_dir, clock=lambda: NOW, session=path, deck=DECK)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TableScreen))
        await pilot.press("down", "enter")
        await pilot.pause()
        label = " ".join(text_of(app.screen.query_one("#name-label")).split())
        assert label.startswith("Naam voor ") and label.endswith("')")


async def test_notifications_stay_on_the_title_bar(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("plus", "enter")  # a notification, then a round with its clock
        await pilot.press("ctrl+z")  # and one with a title: it stays on one line too
        await pilot.pause(0.5)
        toasts = list(app.screen.query("Toast"))
        assert toasts
        for toast in toasts:
            region = toast.region
            assert region.y == 0 and region.height == 1, region
            assert not region.overlaps(app.screen.query_one("RoundClock").region)


async def test_a_big_terminal_gets_a_big_clock_code_and_agenda(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(200, 50)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.pause(0.6)
        board = app.screen
        big = board.query_one("#big-timer")
        assert big.display and not board.query_one("#timer").display
        assert big.region.height == 5 and "█" in text_of(big)
        code = board.query_one("#board-code")
        assert code.display and "deelnamecode" in text_of(code)
        assert board.query_one("#agenda-pane").region.width >= 50
