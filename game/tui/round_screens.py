"""Which screen serves which round kind."""

from __future__ import annotations

from textual.screen import Screen

from game.tui.context import AppContext
from game.tui.live_session import LiveSession
from game.tui.screens.rounds.aanpakken import AanpakkenScreen
from game.tui.screens.rounds.actieplan import ActieplanScreen
from game.tui.screens.rounds.afsluiting import AfsluitingScreen
from game.tui.screens.rounds.bezorgdheden import BezorgdhedenScreen
from game.tui.screens.rounds.casus import CasusScreen
from game.tui.screens.rounds.dilemma import DilemmaScreen
from game.tui.screens.rounds.pauze import PauzeScreen
from game.tui.screens.rounds.round_screen import RoundScreen
from game.tui.screens.rounds.stellingen import StellingenScreen
from game.tui.screens.rounds.stemming import StemmingScreen


def round_screen(live: LiveSession, context: AppContext) -> Screen[None] | None:
    """The screen of the round the session is in, or None when it has no rounds."""
    screens: dict[str, type[RoundScreen]] = {
        "casus": CasusScreen,
        "stellingen": StellingenScreen,
        "bezorgdheden": BezorgdhedenScreen,
        "pauze": PauzeScreen,
        "aanpakken": AanpakkenScreen,
        "dilemma": DilemmaScreen,
        "stemming": StemmingScreen,
        "actieplan": ActieplanScreen,
        "afsluiting": AfsluitingScreen,
    }
    plan = live.state.current_round()
    if plan is None:
        return None
    kind = screens.get(plan.kind)
    if kind is None:
        return None
    return kind(live, context, live.state.round.index)
