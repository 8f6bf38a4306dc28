"""The board and the round screens, each driven with Pilot on a session part-way through."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from deck.survey import survey_sample, thousands
from game.engine import Actor
from game.engine import commands as c
from game.store import SessionStore, new_token
from game.tui.app import build_app
from game.tui.live_session import LiveSession
from game.tui.screens.board import BoardScreen
from game.tui.screens.case_editor import CaseEditor
from game.tui.screens.help import HelpScreen
from game.tui.screens.path_prompt import PathPrompt
from game.tui.screens.rounds.casus import CasusScreen
from game.tui.screens.rounds.dilemma import DilemmaScreen
from game.tui.screens.rounds.pauze import PauzeScreen
from game.tui.screens.rounds.round_screen import RoundScreen
from game.tui.screens.rounds.stellingen import StellingenScreen
from game.tui.screens.rounds.stemming import StemmingScreen
from game.tui.screens.table import TableScreen
from game.tui.widgets.round_clock import RoundClock
from game.tui.widgets.tally_bars import TallyBars
from tests.tui.app_steps import facilitator_app, seeded_session, text_of, until, write
from tests.tui.conftest import DECK, NOW
from workshops import Workshop, builtin_workshops


def join_and_vote(path: Path, name: str, ballot: str | None = None, *choices: str) -> None:
    """A participant joins (and votes) through a connection of their own."""
    with SessionStore.open(path) as store:
        voter = Actor(new_token())
        code = store.state.info.join_code if store.state.info else ""
        steps: list[tuple[c.Command, Actor]] = [(c.JoinParticipant(name, code), voter)]
        if ballot is not None:
            steps.append((c.CastVote(ballot, choices), voter))
        store.submit_many(steps)


async def test_the_board_follows_the_table_live(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        board = app.screen
        status = board.query_one("#status")
        assert "aangemeld: 0" in text_of(status)
        join_and_vote(path, "Lies")  # no key pressed: the poll picks it up
        await until(pilot, lambda: "aangemeld: 1 (Lies)" in text_of(status), timeout=2)
        balance = text_of(board.query_one("#balance"))
        assert "Geen aanpak bereikt ouderen, al noemt de casus hen." in balance
        assert "Sam (Jongere) koos nog geen aanpak." in balance
        grid = text_of(board.query_one("#grid"))
        assert "Buurtvaders" in grid and "Website over" in grid

        await pilot.press("plus", "n", "n", "v")
        await pilot.pause()
        state = board.live.state  # type: ignore[attr-defined]
        assert state.round.index == 1 and state.round.extra_minutes[0] == 5
        assert board.query_one("#now-pane").border_title == "Ronde 2 van 10"
        await pilot.press("v", "v")  # the first round: going back further is refused
        await pilot.pause()
        assert any("al de eerste ronde" in n.message for n in app._notifications)

        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        described = {row[1] for row in rows}
        assert {
            "Ronde",
            "Volgende",
            "Vorige",
            "5 min",
            "Tafel",
            "Inspiratiebank",
            "Sluiten",
            "Ongedaan",
            "Hulp",
            "Kaart zoeken",
            "Stoppen",
        } <= described


async def test_the_timer_runs_and_says_when_time_is_up(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    now = [NOW]
    app = build_app(data_dir=data_dir, clock=lambda: now[0], session=path, deck=DECK)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        timer = app.screen.query_one("#timer")
        assert timer.value == "15:00"  # type: ignore[attr-defined]
        now[0] += 14 * 60 + 30
        await pilot.pause(0.6)
        assert timer.value == "00:30" and timer.has_class("-almost")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CasusScreen))
        now[0] += 95
        await pilot.pause(0.6)
        clock = app.screen.query_one(RoundClock)
        assert text_of(clock).rstrip().endswith("01:05 over tijd")
        assert clock.has_class("-over-time")


async def test_statements_beside_the_survey(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("n", "n", "enter")
        await until(pilot, lambda: isinstance(app.screen, StellingenScreen))
        await pilot.press("down", "o")  # the second statement
        await pilot.pause()
        live = app.screen.live  # type: ignore[attr-defined]
        (ballot,) = live.state.ballots.values()
        assert ballot.statement.card_id == "stelling-zelf-bijdragen" and ballot.anonymous
        for name, answer in (("Lies", "4"), ("Tom", "2")):
            join_and_vote(path, name, ballot.id, answer)
        bars = app.screen.query_one(TallyBars)
        status = app.screen.query_one("#ballot-status")
        await until(pilot, lambda: "gestemd: 2 van 2 aangemelden" in text_of(status))
        assert not bars.display and "Gestemd:" not in text_of(status)  # anonymous, hidden
        await pilot.press("r")  # show the result while the ballot is still open
        await pilot.pause()
        assert bars.display
        lines = [line.strip() for line in text_of(bars).splitlines()]
        assert lines[6].startswith("Eens") and lines[6].endswith("50%")
        survey = ballot.statement.benchmark
        assert lines[7].startswith("▒") and lines[7].endswith(f"{survey[3]}%")
        shown = " ".join(lines)
        assert f"bevraging, N = {thousands(ballot.statement.benchmark_n)}" in shown
        assert survey_sample() in shown
        await pilot.press("c")
        await pilot.pause()
        statements = app.screen.query_one("#statements", OptionList)
        marks = [str(statements.get_option_at_index(i).prompt)[0] for i in (0, 1)]
        assert marks == ["·", "✓"]


async def test_the_what_round_is_a_quick_choice_before_the_statements(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("n", "enter")
        await until(pilot, lambda: isinstance(app.screen, StemmingScreen))
        assert app.screen.plan.title == "Wat is burgerparticipatie?"  # type: ignore[attr-defined]
        await pilot.press("o")
        await pilot.pause()
        live = app.screen.live  # type: ignore[attr-defined]
        (ballot,) = live.state.ballots.values()
        assert (ballot.method, ballot.source, ballot.max_choices) == ("choice", "options", 4)
        assert ballot.options[3].label == "Buren organiseren samen een buurtfeest."
        join_and_vote(path, "Lies", ballot.id, "1", "2", "3")
        join_and_vote(path, "Tom", ballot.id, "1", "4")
        status = app.screen.query_one("#ballot-status")
        await until(pilot, lambda: "gestemd: 2 van 2 aangemelden" in text_of(status))
        await pilot.press("c")
        await pilot.pause()
        bars = text_of(app.screen.query_one(TallyBars)).splitlines()
        # A label too long to stand beside its bar stands whole above it.
        assert bars[0].strip() == "Bewoners melden verdachte situaties aan de politie."
        assert bars[1].rstrip().endswith("2 (100%)")
        # The statements follow, with a ballot of their own.
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, StellingenScreen))


async def test_a_dilemma_vote_and_the_break(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("n", "n", "n", "n", "enter")
        await until(pilot, lambda: isinstance(app.screen, PauzeScreen))
        assert app.screen.query_one("#countdown").value == "10:00"  # type: ignore[attr-defined]
        assert "20:40" in text_of(app.screen.query_one("#until"))
        await pilot.press("ctrl+n", "ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, DilemmaScreen))
        await pilot.press("o", "c")
        await pilot.pause()
        live = app.screen.live  # type: ignore[attr-defined]
        (ballot,) = live.state.ballots.values()
        assert ballot.method == "choice" and ballot.source == "dilemma" and not ballot.is_open
        assert ballot.options[0].label.startswith("Regisseren")
        await pilot.press("h")  # reopen, for a late voter
        await pilot.pause()
        assert live.state.ballots[ballot.id].is_open


async def test_the_case_can_be_rewritten_and_stakeholders_leave(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CasusScreen))
        assert "Wat staat er op het spel?" in text_of(app.screen.query_one("#role"))
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, CaseEditor))
        title = app.screen.query_one("#case-title")
        title.value = ""  # type: ignore[attr-defined]
        await write(pilot, "Overlast en zwerfvuil op het stationsplein")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CasusScreen))
        live = app.screen.live  # type: ignore[attr-defined]
        assert live.state.info.case.startswith("Overlast en zwerfvuil op het stationsplein\n\n")
        assert live.state.info.case.endswith("Thema: Overlast")
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TableScreen))
        await pilot.press("tab", "tab", "down", "delete")  # Bert leaves the table
        await pilot.pause()
        assert not live.state.stakeholders["s2"].present
        assert not any(n.message.startswith("Van tafel") for n in app._notifications)


async def test_the_deck_prints_from_the_start_screen(data_dir: Path) -> None:
    app = facilitator_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, PathPrompt))
        target = data_dir / "afdrukken" / f"kaarten-{DECK.manifest.id}.pdf"
        assert app.screen.query_one("#path").value == str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(
            pilot,
            lambda: any(n.message.startswith("Deck afgedrukt: ") for n in app._notifications),
            timeout=30,
        )
    assert target.read_bytes().startswith(b"%PDF")


def test_new_sessions_get_their_own_file_name(tmp_path: Path) -> None:
    from game.tui.live_session import new_session_path

    when = dt.datetime(2026, 3, 14, 19, 30)
    first = new_session_path(tmp_path, "Overlast op het Stationsplein!", when)
    assert first.name == "overlast-op-het-stationsplein-2026-03-14.nwt"
    first.write_bytes(b"")
    assert new_session_path(tmp_path, "Overlast op het stationsplein", when).name == (
        "overlast-op-het-stationsplein-2026-03-14-2.nwt"
    )
    assert new_session_path(tmp_path, "", when).name == "sessie-2026-03-14.nwt"
    assert new_session_path(tmp_path, "Éénrichting", when).name.startswith("eenrichting-")


async def test_votes_show_behind_the_help_screen(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        board = app.screen
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        join_and_vote(path, "Noor")
        status = board.query_one("#status")
        await until(pilot, lambda: "aangemeld: 1 (Noor)" in text_of(status), timeout=2)


async def walk_rounds(data_dir: Path, workshop: Workshop) -> None:
    """Open every round's screen of a fresh session of `workshop`, from the board."""
    path = data_dir / f"{workshop.id}.nwt"
    LiveSession.create(
        path, deck=DECK, deck_path=None, workshop=workshop, case="Casus", clock=lambda: NOW
    ).close()
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        for index, planned in enumerate(workshop.rounds):
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, RoundScreen))
            screen = app.screen
            assert isinstance(screen, RoundScreen)
            assert (screen.index, screen.plan.kind) == (index, planned.kind)
            assert screen.settings is not None  # the workshop's own settings are found
            await pilot.press("escape", "n")
            await pilot.pause()


@pytest.mark.slow
async def test_every_round_of_the_other_workshops_has_its_screen(data_dir: Path) -> None:
    # The full netwerktafel's rounds are opened by the snapshot tests.
    for workshop_id in ("kort", "training"):
        await walk_rounds(data_dir, builtin_workshops()[workshop_id])
