"""`aggregate` output as tidy CSV tables and as a Markdown comparison.

The CSV tables are tidy: one row per session × statement × answer, one per approach, one
per action (and one per session), so a spreadsheet or pandas reads them without
reshaping; the `session` column joins them. Cells are formula-safe like every export. The
Markdown puts the sessions side by side: the statements beside the survey, the forms and
examples chosen where, and the action plans.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalogue import _
from deck.atomic_write import write_atomically
from deck.survey import survey_label
from game.engine.comparison import (
    COMPARISON_TITLE,
    SESSION_COLUMNS,
    Comparison,
    StatementComparison,
    comparison_intro,
)
from game.engine.report import date_text, labelled, number_text, percent_text, quoted
from game.export import csv_text, markdown_text, safe_cell

COMPARISON_TABLES = ("sessions", "statements", "approaches", "actions")
"""The CSV files `aggregate --format csv` writes into its folder."""


def comparison_tables(comparison: Comparison) -> dict[str, list[list[str]]]:
    """The comparison as tidy tables: a header row, then one row per thing, every cell safe."""
    tables: dict[str, list[list[Any]]] = {
        "sessions": [
            ["session", "case", "started_at", "deck", "workshop", "stakeholders", "participants"],
            *[
                [s.label, s.case, s.started_at, s.deck, s.workshop, s.stakeholders, s.participants]
                for s in comparison.sessions
            ],
        ],
        "statements": [
            [
                "session",
                "ballot_id",
                "statement_id",
                "statement",
                "answer",
                "label",
                "count",
                "percent",
                "voters",
                "no_opinion",
                "benchmark_percent",
                "benchmark_n",
                "benchmark_table",
            ],
            *[
                [
                    a.session,
                    a.ballot_id,
                    a.statement_id,
                    a.statement,
                    a.answer,
                    a.label,
                    a.count,
                    a.percent,
                    a.voters,
                    a.no_opinion,
                    a.benchmark_percent,
                    a.benchmark_n,
                    a.benchmark_table,
                ]
                for a in comparison.answers
            ],
        ],
        "approaches": [
            ["session", "approach_id", "card_id", "title", "form", "role", "note"],
            *[
                [a.session, a.approach_id, a.card_id, a.title, a.form, a.role, a.note]
                for a in comparison.approaches
            ],
        ],
        "actions": [
            ["session", "action_id", "title", "owner_role", "approach", "due", "done", "note"],
            *[
                [
                    a.session,
                    a.action_id,
                    a.title,
                    a.owner_role,
                    a.approach,
                    a.due,
                    "ja" if a.done else "nee",
                    a.note,
                ]
                for a in comparison.actions
            ],
        ],
    }
    return {
        name: [[safe_cell(cell) for cell in row] for row in rows] for name, rows in tables.items()
    }


def write_comparison_csv(comparison: Comparison, folder: Path) -> list[Path]:
    """Write the tidy tables into `folder` (made if needed); returns the files written."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    written = []
    for name, rows in comparison_tables(comparison).items():
        path = folder / f"{name}.csv"
        # UTF-8 with BOM so spreadsheet programs show accents (é, ë) right.
        write_atomically(path, ("\ufeff" + csv_text(rows)).encode("utf-8"), private=True)
        written.append(path)
    return written


def comparison_markdown(comparison: Comparison) -> str:
    """The comparison in Markdown: sessions, statements, forms and examples, action plans."""
    labels = comparison.labels
    lines = [
        "# " + _(COMPARISON_TITLE),
        "",
        comparison_intro(len(labels)),
        "",
        "| " + " | ".join(_(column) for column in SESSION_COLUMNS) + " |",
        "| --- | --- | --- | --- | --- | ---: | ---: |",
    ]
    for s in comparison.sessions:
        lines.append(
            f"| {_cell(s.label)} | {_cell(s.case)} | {_cell(date_text(s.started_at))} "
            f"| {_cell(s.workshop)} | {_cell(s.deck)} | {s.stakeholders} | {s.participants} |"
        )
    lines.append("")
    if comparison.left_out:
        lines += ["**" + _("Niet vergeleken") + "**", ""]
        lines += [f"- {markdown_text(line)}" for line in comparison.left_out]
        lines.append("")
    lines += ["## " + _("Stellingen"), ""]
    if not comparison.statements:
        lines += ["_" + _("Geen stelling met een zichtbare uitslag in elke sessie.") + "_", ""]
    for statement in comparison.statements:
        lines += _md_statement(statement, labels)
    lines += ["## " + _("Participatievormen en voorbeelden"), ""]
    header = "| | " + " | ".join(_cell(label) for label in labels) + " |"
    rule = "| --- |" + " ---: |" * len(labels)
    lines += [labelled(_("Aanpakken per participatievorm"), "").rstrip(), ""]
    lines += [header, rule]
    for form, counts in comparison.forms:
        title = comparison.form_title(form)
        lines.append(f"| {_cell(title)} | " + " | ".join(str(n) for n in counts) + " |")
    lines.append("")
    if comparison.cards:
        heading = _("Gekozen voorbeelden en vormen (aantal keer gekozen)")
        lines += [labelled(heading, "").rstrip(), "", header, rule]
        for card in comparison.cards:
            chosen = " | ".join(str(n) if n else "·" for n in card.counts)
            lines.append(f"| {_cell(comparison.card_label(card))} | {chosen} |")
        lines.append("")
    else:
        lines += ["_" + _("Er werden nergens aanpakken gekozen.") + "_", ""]
    lines += ["## " + _("Actieplannen"), ""]
    for s in comparison.sessions:
        lines += [f"### {_cell(s.label)}: {_cell(s.case)}", ""]
        actions = comparison.actions_of(s.label)
        if not actions:
            lines += ["_" + _("Geen acties.") + "_", ""]
            continue
        for action in actions:
            parts = [f"**{_cell(action.title)}**", *map(markdown_text, action.details)]
            lines.append("- " + " · ".join(parts))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _md_statement(statement: StatementComparison, labels: tuple[str, ...]) -> list[str]:
    survey = statement.benchmark is not None
    lines = ["### " + quoted(markdown_text(statement.text)), ""]
    if survey:
        lines += [f"_{markdown_text(statement.survey_note)}_", ""]
    columns = [_cell(label) for label in labels]
    if survey:
        columns.append(markdown_text(survey_label(statement.benchmark_n)))
    lines += [
        f"| {_('Antwoord')} | " + " | ".join(columns) + " |",
        "| --- |" + " ---: |" * len(columns),
    ]
    for index, answer in enumerate(statement.labels):
        cells = [percent_text(d.percents[index]) for _, d in statement.tables]
        if statement.benchmark is not None:
            cells.append(percent_text(statement.benchmark[index]))
        lines.append(f"| {_cell(answer)} | " + " | ".join(cells) + " |")
    voters = [number_text(d.voters) for _, d in statement.tables]
    if survey:
        voters.append(number_text(statement.benchmark_n or 0))
    lines += ["| N | " + " | ".join(voters) + " |", ""]
    return lines


def _cell(text: object) -> str:
    return markdown_text(text) if text not in (None, "") else "–"


def write_comparison_markdown(comparison: Comparison, target: Path) -> Path:
    """Write the Markdown comparison to `target`."""
    write_atomically(target, comparison_markdown(comparison).encode("utf-8"), private=True)
    return target
