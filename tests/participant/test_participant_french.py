"""The participant app in French (`netwerktafel vote --taal fr`): its screens, their keys
and the engine's refusals, read off the screen at 80×24.

The app takes its words when its modules are imported, after `--taal` is read; so it runs
in a fresh process that chooses French first, as the command line does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import asyncio, json, sys
from pathlib import Path
from catalogue import use_language
use_language("fr")
from textual.widgets import Button, Static
from game.engine import commands as c
from game.tui.participant.screens.choice_vote import ChoiceVoteScreen
from game.tui.participant.screens.join import JoinScreen
from game.tui.participant.screens.likert_vote import LikertVoteScreen
from game.tui.participant.screens.waiting import WaitingScreen
from tests.participant.conftest import make_table
from tests.participant.pilot_steps import TERMINAL, join, participant_app, screen_is, until
from tests.tui.conftest import DECK


def words(screen) -> list[str]:
    shown = [str(widget.render()) for widget in screen.query(Static) if widget.display]
    return shown + [str(button.label) for button in screen.query(Button)]


async def main(path: str) -> None:
    table = make_table(Path(path))
    app = participant_app(table)
    seen = {}
    async with app.run_test(size=TERMINAL) as pilot:
        await until(pilot, screen_is(pilot, JoinScreen))
        seen["join"] = words(pilot.app.screen)
        await join(pilot, table.code, "Chloé")
        await until(pilot, screen_is(pilot, WaitingScreen))
        seen["waiting"] = words(pilot.app.screen)
        proposal = ("Une table de quartier chaque mois",)
        table.store.submit(c.OpenBallot("consent", "proposal", options=proposal), table.facilitator)
        await until(pilot, screen_is(pilot, ChoiceVoteScreen))
        seen["vote"] = words(pilot.app.screen)
        active = pilot.app.screen.active_bindings.values()
        seen["keys"] = [shown.binding.description for shown in active]
        # A card of the deck: the statement, its scale, a dilemma and its options come from
        # the session's deck in the participant's language, not as the session recorded them.
        facilitate = lambda command: table.store.submit(command, table.facilitator, deck=DECK)
        facilitate(c.CloseBallot("b1"))
        statement = "stelling-hulp-van-burgers-zinvol"
        facilitate(c.OpenBallot("likert", "statement", statement_id=statement))
        await until(pilot, screen_is(pilot, LikertVoteScreen))
        seen["statement"] = words(pilot.app.screen)
        await pilot.press("4", "enter")
        await until(pilot, lambda: pilot.app.screen.stage.kind == "voted")
        seen["voted"] = words(pilot.app.screen)
        facilitate(c.CloseBallot("b2"))
        facilitate(c.OpenBallot("choice", "dilemma", dilemma_id="regisseren-of-faciliteren"))
        on_b3 = lambda: pilot.app.screen.stage.kind == "vote" and pilot.app.screen.ballot.id == "b3"
        await until(pilot, on_b3)
        seen["dilemma"] = words(pilot.app.screen)
    table.store.close()
    print(json.dumps(seen))


asyncio.run(main(sys.argv[1]))
"""


def test_the_participant_app_speaks_french(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "tafel.nwt")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    join = " ".join(seen["join"])
    assert "Voter à la table de concertation" in join and "Participer" in join
    assert "Bienvenue, Chloé." in " ".join(seen["waiting"])
    vote = " ".join(seen["vote"])
    assert "Consentez à la proposition" in vote
    assert "objection" in vote and "blocage" in vote and "bezwaar" not in vote
    assert "Arrêter" in seen["keys"]
    statement = " ".join(seen["statement"])
    assert "L'aide des citoyens pour réduire la criminalité a du sens" in statement
    assert "De hulp van burgers" not in statement and "d'accord" in statement
    voted = " ".join(seen["voted"])
    assert "L'aide des citoyens" in voted and "De hulp van burgers" not in voted
    dilemma = " ".join(seen["dilemma"])
    assert "La commune prend-elle les commandes" in dilemma and "Piloter" in dilemma
    assert "Regisseren" not in dilemma
