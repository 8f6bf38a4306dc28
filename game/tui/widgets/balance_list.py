"""The balance warnings, one per line, as the engine found them."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text as RichText
from textual.widgets import Static

from game.engine.balance import BalanceWarning


class BalanceList(Static):
    """Warnings with a sign in front; a calm line when there are none."""

    DEFAULT_CSS = """
    BalanceList {
        height: auto;
    }
    """

    def show(self, warnings: Sequence[BalanceWarning], *, empty: str) -> None:
        """Draw `warnings`, or `empty` when there are none."""
        if not warnings:
            self.update(RichText(empty, style="dim"))
            return
        text = RichText()
        for number, warning in enumerate(warnings):
            if number:
                text.append("\n")
            text.append("⚠ ", style="bold yellow")
            text.append(warning.message)
        self.update(text)
