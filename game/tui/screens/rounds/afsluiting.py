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

from catalogue import N_, _, current_language, ngettext
from game.engine import SessionState, ranked, results_visible
from game.engine.balance import balance_warnings
from game.export import write_export
from game.tui.context import AppContext
from game.tui.deck_text import ballot_heading, seat_name
from game.tui.live_session import LiveSession
from game.tui.screens.rounds.round_screen import RoundScreen
from game.tui.widgets.ballot_result import labelled_tally
from workshops.model import ClosingRound

FORMAT_NAMES = {"md": N_("Markdown"), "csv": N_("CSV"), "json": N_("JSON"), "pdf": N_("PDF")}


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
        Binding("m", "export('md')", _("Markdown")),
        Binding("c", "export('csv')", _("CSV")),
        Binding("j", "export('json')", _("JSON")),
        Binding("p", "export('pdf')", _("PDF")),
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
        self.query_one("#body").border_title = _("Terugblik en verslag")
        super().on_mount()

    def show_state(self, state: SessionState) -> None:
        present = [s for s in state.stakeholders.values() if s.present]
        deck = self.live.deck
        text = RichText()
        text.append(_("Aan tafel:") + " ", style="bold")
        text.append(", ".join(seat_name(deck, s) for s in present) or _("niemand"))
        done = sum(1 for a in state.actions.values() if a.fields.done)
        counts = (
            ngettext("{count} bezorgdheid", "{count} bezorgdheden", len(state.concerns)).format(
                count=len(state.concerns)
            ),
            ngettext("{count} aanpak", "{count} aanpakken", len(state.approaches)).format(
                count=len(state.approaches)
            ),
            ngettext("{count} stemronde", "{count} stemrondes", len(state.ballots)).format(
                count=len(state.ballots)
            ),
            ngettext("{count} actie", "{count} acties", len(state.actions)).format(
                count=len(state.actions)
            )
            + " "
            + ngettext("({count} klaar)", "({count} klaar)", done).format(count=done),
        )
        text.append("\n" + " · ".join(counts) + "\n")
        for ballot in state.ballots.values():
            if ballot.source != "approaches" or not results_visible(ballot):
                continue
            rows = [row for row in ranked(labelled_tally(state, ballot, deck)) if row.count][:3]
            if rows:
                text.append(
                    "\n" + _("{title}: ").format(title=ballot_heading(ballot, deck)[0]),
                    style="bold",
                )
                text.append(", ".join(f"{row.label} ({row.count})" for row in rows))
        warnings = balance_warnings(state, deck)
        if warnings:
            points = ngettext(
                "{count} aandachtspunt", "{count} aandachtspunten", len(warnings)
            ).format(count=len(warnings))
            text.append(
                "\n\n" + _("Balans: {points}, bv.").format(points=points) + " ", style="bold"
            )
            text.append(warnings[0].message)
        if self.reflection:
            text.append("\n\n" + _("Om op terug te blikken:"), style="bold")
            for question in self.reflection:
                text.append(f"\n• {question.in_language(current_language())}")
        exports = (
            _("Exporteer het verslag: m = Markdown, c = CSV-tabellen, j = JSON, p = PDF-verslag.")
            if pdf_report_available()
            else _("Exporteer het verslag: m = Markdown, c = CSV-tabellen, j = JSON.")
        )
        text.append("\n\n" + exports, style="dim")
        self.query_one("#review", Static).update(text)

    def action_export(self, fmt: str) -> None:
        """Write an export of the session to the report folder."""
        if fmt == "pdf" and not pdf_report_available():
            self.notify(
                _("Deze versie van netwerktafel maakt nog geen PDF-verslag."), severity="warning"
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
                _("Kan {file} niet schrijven: {reason}").format(file=target, reason=error.strerror),
                severity="error",
                title=_("Niet geëxporteerd"),
            )
            return
        self.written = [*self.written, *written]
        where = target if fmt == "csv" else written[0]
        said = _("{format} geschreven naar {file}").format(format=_(FORMAT_NAMES[fmt]), file=where)
        self.notify(said, title=_("Geëxporteerd"), timeout=8)
        self.query_one("#written", Static).update(
            RichText(
                _("Geschreven:") + "\n" + "\n".join(f"  {p}" for p in self.written),
                style="green",
            )
        )
