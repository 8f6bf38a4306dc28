"""Afsluiting: look back on the session and export the report (Markdown, CSV, JSON, PDF)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path

from rich.text import Text as RichText
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from game.engine import SessionState, ranked, results_visible, tally
from game.engine.balance import balance_warnings
from game.export import write_export
from game.tui.context import AppContext
from game.tui.live_session import LiveSession
from game.tui.screens.rounds.round_screen import RoundScreen
from workshops.model import ClosingRound

FORMAT_NAMES = {"md": "Markdown", "csv": "CSV", "json": "JSON", "pdf": "PDF"}


def count(number: int, one: str, many: str) -> str:
    """`1 actie`, `3 acties`."""
    return f"{number} {one if number == 1 else many}"


def pdf_report_available() -> bool:
    """Whether this installation has the PDF report writer (`print.report`)."""
    try:
        return importlib.util.find_spec("print.report") is not None
    except ImportError:
        return False


def export_target(folder: Path, session_file: Path, fmt: str) -> Path:
    """Where an export of a session goes: the report folder, named after the session."""
    if fmt == "csv":
        return folder / f"{session_file.stem}-csv"
    return folder / f"{session_file.stem}.{fmt}"


class AfsluitingScreen(RoundScreen):
    """What the table did, in numbers and top results; m, c and j write the exports."""

    CSS_PATH = "afsluiting.tcss"
    BINDINGS = [
        Binding("m", "export('md')", "Markdown"),
        Binding("c", "export('csv')", "CSV"),
        Binding("j", "export('json')", "JSON"),
        Binding("p", "export('pdf')", "PDF"),
    ]

    def __init__(self, live: LiveSession, context: AppContext, index: int) -> None:
        super().__init__(live, context, index)
        settings = self.settings
        self.reflection = settings.reflection if isinstance(settings, ClosingRound) else ()
        self.written: list[Path] = []

    def compose_round(self) -> Iterable[Widget]:
        with VerticalScroll(id="body"):
            yield Static(id="review")
            yield Static(id="written")

    def on_mount(self) -> None:
        self.query_one("#body").border_title = "Terugblik en verslag"
        super().on_mount()

    def show_state(self, state: SessionState) -> None:
        present = [s for s in state.stakeholders.values() if s.present]
        text = RichText()
        text.append("Aan tafel: ", style="bold")
        text.append(", ".join(s.name for s in present) or "niemand")
        done = sum(1 for a in state.actions.values() if a.fields.done)
        counts = (
            count(len(state.concerns), "bezorgdheid", "bezorgdheden"),
            count(len(state.approaches), "aanpak", "aanpakken"),
            count(len(state.ballots), "stemronde", "stemrondes"),
            count(len(state.actions), "actie", "acties") + f" ({done} klaar)",
        )
        text.append("\n" + " · ".join(counts) + "\n")
        for ballot in state.ballots.values():
            if ballot.source != "approaches" or not results_visible(ballot):
                continue
            rows = [row for row in ranked(tally(ballot)) if row.count][:3]
            if rows:
                text.append(f"\n{ballot.title}: ", style="bold")
                text.append(", ".join(f"{row.label} ({row.count})" for row in rows))
        warnings = balance_warnings(state, self.live.deck)
        if warnings:
            text.append(f"\n\nBalans: {len(warnings)} aandachtspunten, bv. ", style="bold")
            text.append(warnings[0].message)
        if self.reflection:
            text.append("\n\nOm op terug te blikken:", style="bold")
            for question in self.reflection:
                text.append(f"\n• {question}")
        pdf = ", p = PDF-verslag" if pdf_report_available() else ""
        text.append(
            f"\n\nExporteer het verslag: m = Markdown, c = CSV-tabellen, j = JSON{pdf}.",
            style="dim",
        )
        self.query_one("#review", Static).update(text)

    def action_export(self, fmt: str) -> None:
        """Write an export of the session to the report folder."""
        if fmt == "pdf" and not pdf_report_available():
            self.notify(
                "Deze versie van netwerktafel maakt nog geen PDF-verslag.", severity="warning"
            )
            return
        target = export_target(self.context.reports_dir, self.live.path, fmt)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if fmt == "pdf":
                from print.report import write_report

                write_report(target, self.live.state, self.live.deck)
                written = [target]
            else:
                written = write_export(self.live.state, fmt, target, deck=self.live.deck)
        except OSError as error:
            self.notify(
                f"Kan {target} niet schrijven: {error.strerror}",
                severity="error",
                title="Niet geëxporteerd",
            )
            return
        self.written = [*self.written, *written]
        where = target if fmt == "csv" else written[0]
        self.notify(f"{FORMAT_NAMES[fmt]} geschreven naar {where}", title="Geëxporteerd", timeout=8)
        self.query_one("#written", Static).update(
            RichText("Geschreven:\n" + "\n".join(f"  {p}" for p in self.written), style="green")
        )
