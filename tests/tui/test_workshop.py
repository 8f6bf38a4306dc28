"""A short netwerktafel run end to end at the keyboard, with votes from another process."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest
from textual.widgets import OptionList

from game.tui.screens.board import BoardScreen
from game.tui.screens.inspiratiebank import InspiratiebankScreen
from game.tui.screens.note_prompt import NotePrompt
from game.tui.screens.rounds.aanpakken import AanpakkenScreen
from game.tui.screens.rounds.actieplan import ActieplanScreen
from game.tui.screens.rounds.afsluiting import AfsluitingScreen, pdf_report_available
from game.tui.screens.rounds.bezorgdheden import BezorgdhedenScreen
from game.tui.screens.rounds.stemming import StemmingScreen
from game.tui.screens.table import TableScreen
from game.tui.widgets.tally_bars import TallyBars
from tests.tui.app_steps import NETWERKTAFEL, facilitator_app, text_of, until, write


def vote(session: Path, name: str, *choices: str) -> None:
    """Cast a vote the way a participant in another terminal would."""
    args = [NETWERKTAFEL, "vote", str(session), "--name", name, "--ballot", "b1"]
    for choice in choices:
        args += ["--choice", choice]
    done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=30)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
@pytest.mark.usefixtures("fixed_codes")
async def test_a_short_workshop_from_start_to_report(data_dir: Path) -> None:
    app = facilitator_app(data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        # A new session for a case.
        await pilot.press("n")
        await pilot.pause()
        await write(pilot, "Overlast op het stationsplein")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, TableScreen))
        table = app.screen
        assert isinstance(table, TableScreen)
        live = table.live
        assert live.state.info is not None and live.state.info.join_code == "KM3N7Q"

        # Three stakeholders: burgemeester Ann, korpschef Bert, bewoner Sam.
        for downs, name in ((0, "Ann"), (1, "Bert"), (4, "Sam")):
            await pilot.press(*["down"] * downs, "enter")
            await write(pilot, name)
            await pilot.press("enter")
        assert [(s.role_id, s.name) for s in live.state.stakeholders.values()] == [
            ("burgemeester", "Ann"),
            ("korpschef", "Bert"),
            ("bewoner", "Sam"),
        ]

        # To the board, on to the concerns round.
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("n", "n", "n", "enter")
        await until(pilot, lambda: isinstance(app.screen, BezorgdhedenScreen))
        await pilot.press("2")  # Ann, efficiëntie
        await write(pilot, "kost te veel tijd")
        await pilot.press("enter")
        await pilot.press("down", "1")  # Bert, algemeen belang
        await write(pilot, "wie spreekt voor de buurt?")
        await pilot.press("enter")
        assert [(x.stakeholder_id, x.concern_id, x.text) for x in live.state.concerns.values()] == [
            ("s1", "efficientie", "kost te veel tijd"),
            ("s2", "algemeen-belang", "wie spreekt voor de buurt?"),
        ]

        # Past the break to the approaches: each picks one from the inspiratiebank.
        await pilot.press("ctrl+n", "ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, AanpakkenScreen))
        for downs, search, note in (
            (0, "buurtvaders", "vaders uit de wijk"),
            (1, "website", ""),
            (1, "whatsapp", "bestaat al"),
        ):
            await pilot.press(*["down"] * downs, "enter")
            await until(pilot, lambda: isinstance(app.screen, InspiratiebankScreen))
            await pilot.press(*search[:3])  # typing in the search box filters as you go
            await write(pilot, search[3:])
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, NotePrompt))
            await write(pilot, note)
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, AanpakkenScreen))
        assert [(a.stakeholder_id, a.card_id, a.note) for a in live.state.approaches.values()] == [
            ("s1", "buurtvaders", "vaders uit de wijk"),
            ("s2", "website-veiligheid", ""),
            ("s3", "whatsapp-buurtgroep", "bestaat al"),
        ]

        # Skip the dilemma; open the dot vote.
        await pilot.press("ctrl+n", "ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, StemmingScreen))
        await pilot.press("o")
        await pilot.pause()
        ballot = live.state.ballots["b1"]
        assert ballot.method == "dots" and ballot.is_open and len(ballot.options) == 3

        # Votes arrive from other processes and show without a key press.
        vote(live.path, "Lies", "1", "1", "2")
        vote(live.path, "Tom", "1", "3", "3")
        vote(live.path, "Noor", "Buurtvaders (Ann)", "2", "1")
        status = app.screen.query_one("#ballot-status")
        await until(pilot, lambda: "gestemd: 3 van 3 aangemelden" in text_of(status))
        assert "Gestemd: Lies, Tom, Noor" in text_of(status)
        assert not app.screen.query_one(TallyBars).display  # hidden until closed

        # Close: the result shows (the round reveals on close); reveal is then refused.
        await pilot.press("c")
        await pilot.pause()
        assert not live.state.ballots["b1"].is_open
        bars = app.screen.query_one(TallyBars)
        assert bars.display
        first = text_of(bars).splitlines()[0].strip()
        assert first.startswith("Buurtvaders (Ann)") and first.rstrip().endswith("5 (56%)")
        await pilot.press("r")
        await pilot.pause()
        assert not live.state.ballots["b1"].revealed

        # The action plan: the top approach comes first, with its title to start from.
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, ActieplanScreen))
        await pilot.press("a")
        await pilot.pause()
        await write(pilot, " starten")  # title: "Buurtvaders starten"
        await pilot.press("enter", "enter", "down", "enter")  # owner: Ann
        await pilot.pause()
        await pilot.press("tab")
        await write(pilot, "2026-04-01")
        await pilot.press("enter")
        await write(pilot, "met de jeugddienst")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ActieplanScreen))
        (action,) = live.state.actions.values()
        assert action.fields.title == "Buurtvaders starten"
        assert action.fields.owner == "s1" and action.fields.approach_id == "a1"
        assert action.fields.due == "2026-04-01" and action.fields.note == "met de jeugddienst"
        await pilot.press("space")
        await pilot.pause()
        assert live.state.actions["x1"].fields.done

        # Closing round: export the report in every format.
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, AfsluitingScreen))
        await pilot.press("m", "c", "j", "p")
        await pilot.pause()

    reports = data_dir / "verslagen"
    stem = live.path.stem
    report = (reports / f"{stem}.md").read_text(encoding="utf-8")
    assert "Overlast op het stationsplein" in report
    lines = report.splitlines()
    assert any("Buurtvaders (Ann)" in line and "| 5 |" in line for line in lines)
    assert any("Buurtvaders starten" in line and "jeugddienst" in line for line in lines)
    with (reports / f"{stem}-csv" / "approaches.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["card_id"] for row in rows] == [
        "buurtvaders",
        "website-veiligheid",
        "whatsapp-buurtgroep",
    ]
    whole = json.loads((reports / f"{stem}.json").read_text(encoding="utf-8"))
    assert [p["name"] for p in whole["participants"]] == ["Lies", "Tom", "Noor"]
    assert whole["ballots"][0]["tally"]["ranking"][0] == "1"
    assert [c["concern"] for c in whole["concerns"]] == ["efficientie", "algemeen-belang"]
    if pdf_report_available():
        assert (reports / f"{stem}.pdf").read_bytes().startswith(b"%PDF")


async def test_undo_takes_back_the_last_command(data_dir: Path) -> None:
    app = facilitator_app(data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await write(pilot, "Inbraken")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, TableScreen))
        live = app.screen.live  # type: ignore[attr-defined]
        await pilot.press("enter")
        await write(pilot, "Ann")
        await pilot.press("enter")
        assert live.state.stakeholders["s1"].present
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "s1" not in live.state.stakeholders
        seated = app.screen.query_one("#seated", OptionList)
        assert seated.option_count == 1 and seated.get_option_at_index(0).disabled
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert live.state.undo == ()  # nothing left: refused, with a notification
        assert any("niets om ongedaan" in n.message for n in app._notifications)
