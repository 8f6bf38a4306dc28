"""The round the table is in and the time left in its time box, on one line."""

from __future__ import annotations

import math
from collections.abc import Callable

from rich.table import Table
from rich.text import Text as RichText
from textual.widgets import Static

from catalogue import _
from game.engine import RoundPlan, SessionState


def clock_text(seconds: float) -> str:
    """Minutes and seconds as `12:34`; hours as `1:02:03`. The sign is the caller's."""
    whole = math.ceil(abs(seconds)) if seconds > 0 else math.floor(abs(seconds))
    minutes, secs = divmod(int(whole), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


def time_left_text(seconds: float | None) -> str:
    """`nog 12:34` or `3:10 over tijd`, for people."""
    if seconds is None:
        return ""
    if seconds >= 0:
        return _("nog {time}").format(time=clock_text(seconds))
    return _("{time} over tijd").format(time=clock_text(seconds))


class RoundClock(Static):
    """`Ronde 3/9 · Bezorgdheden` on the left, the time left on the right."""

    DEFAULT_CSS = """
    RoundClock {
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    RoundClock.-over-time {
        background: $error 30%;
    }
    RoundClock.-flash {
        background: $warning;
        color: $text;
    }
    """

    def show(
        self, state: SessionState, seconds: float | None, title_of: Callable[[RoundPlan], str]
    ) -> None:
        """Draw the current round of `state`, called by `title_of`, with `seconds` left."""
        plan = state.current_round()
        info = state.info
        grid = Table.grid(expand=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        if plan is None or info is None:
            grid.add_row(_("Deze sessie heeft geen rondes."), "")
        else:
            extra = state.round.extra_minutes[state.round.index]
            minutes = f"{plan.minutes}+{extra} min" if extra else f"{plan.minutes} min"
            grid.add_row(
                RichText.assemble(
                    (
                        _("Ronde {number}/{count}").format(
                            number=state.round.index + 1, count=len(info.rounds)
                        )
                        + " · ",
                        "dim",
                    ),
                    (title_of(plan), "bold"),
                    (f" · {minutes}", "dim"),
                ),
                RichText(time_left_text(seconds), style="bold"),
            )
        self.set_class(seconds is not None and seconds < 0, "-over-time")
        self.update(grid)
