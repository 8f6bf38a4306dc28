"""The comparison of many netwerktafels as an A4 PDF (`netwerktafel aggregate --format pdf`).

It lays out `game.engine.comparison.Comparison` with the report's styles and charts: per
statement a bar per table and one for the survey, the forms and examples chosen per
session, and the action plans side by side. Like the report it is deterministic
(`invariant=1`) and gets its data handed in: it never opens a session file.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

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
from game.engine.report import date_text, number_text, quoted
from print.a4_document import a4_document, build
from print.colours import MUTED
from print.fonts import REGULAR
from print.report_charts import stacked_bar, swatch
from print.report_style import (
    MARGIN_BOTTOM,
    MARGIN_X,
    PAGE,
    RULE,
    WIDTH,
    ZEBRA,
    bulleted,
    muted,
    safe,
    small,
    text_style,
)

STATEMENT_COLOUR = "#5e35b1"
"""The statement colour of the default deck: the comparison has the states, not the decks."""
LABEL_WIDTH = 40 * mm


def comparison_flowables(comparison: Comparison) -> list[Flowable]:
    """Every flowable of the comparison, in order."""
    flowables: list[Flowable] = [
        Paragraph(safe(_(COMPARISON_TITLE)), text_style("title", 18)),
        Spacer(0, 4),
        Paragraph(safe(comparison_intro(len(comparison.sessions))), muted(9)),
        Spacer(0, 6),
        _sessions_table(comparison),
    ]
    if comparison.left_out:
        flowables += [Spacer(0, 6), Paragraph(_("Niet vergeleken"), text_style("bold", 9))]
        flowables += [
            Paragraph(safe(line), bulleted(8), bulletText="•") for line in comparison.left_out
        ]
    flowables += [Spacer(0, 10), _heading(_("Stellingen"))]
    if not comparison.statements:
        flowables.append(
            Paragraph(_("Geen stelling met een zichtbare uitslag in elke sessie."), muted(9))
        )
    for statement in comparison.statements:
        flowables += [KeepTogether(_statement(statement)), Spacer(0, 8)]
    flowables += [Spacer(0, 4), _heading(_("Participatievormen en voorbeelden"))]
    flowables += _choices(comparison)
    flowables += [Spacer(0, 10), _heading(_("Actieplannen"))]
    flowables += _actions(comparison)
    return flowables


def _heading(text: str) -> Paragraph:
    style = text_style("heading", 13)
    return Paragraph(safe(text), style.clone(f"{style.name}-spaced", spaceAfter=5))


def _quiet(rows: int) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), ZEBRA) for row in range(2, rows, 2)]
    return TableStyle(commands)


def _sessions_table(comparison: Comparison) -> Table:
    cell, head = text_style("cell", 7.5), text_style("cellbold", 7.5)
    rows: list[list[object]] = [[Paragraph(_(text), head) for text in SESSION_COLUMNS]]
    for s in comparison.sessions:
        rows.append(
            [
                Paragraph(safe(value), cell)
                for value in (
                    s.label,
                    s.case,
                    date_text(s.started_at),
                    s.workshop,
                    s.deck,
                    str(s.stakeholders),
                    str(s.participants),
                )
            ]
        )
    # A column is as wide as its longest word: 'Belanghebbenden', the default deck's id.
    widths = [0.11, 0.18, 0.12, 0.11, 0.17, 0.17, 0.14]
    table = Table(rows, colWidths=[WIDTH * w for w in widths], repeatRows=1)
    table.setStyle(_quiet(len(rows)))
    return table


def _statement(statement: StatementComparison) -> list[Flowable]:
    bar_width = WIDTH - LABEL_WIDTH
    rows: list[list[object]] = []
    for label, distribution in statement.tables:
        rows.append(
            [
                [
                    Paragraph(f"<b>{safe(label)}</b>", text_style("cell", 8)),
                    Paragraph(f"N = {number_text(distribution.voters)}", small(7)),
                ],
                stacked_bar(
                    distribution.percents,
                    STATEMENT_COLOUR,
                    bar_width,
                    empty_text=_("nog geen stemmen"),
                ),
            ]
        )
    if statement.benchmark is not None:
        rows.append(
            [
                [
                    Paragraph(safe(_("Bevraging")), text_style("cellbold", 8)),
                    Paragraph(safe(survey_label(statement.benchmark_n)), small(7)),
                ],
                stacked_bar(statement.benchmark, STATEMENT_COLOUR, bar_width),
            ]
        )
    chart = Table(rows, colWidths=[LABEL_WIDTH, bar_width])
    chart.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    column = bar_width / max(len(statement.labels), 1)
    tight = TableStyle(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    keys: list[object] = [Paragraph(_("Antwoord"), small(7))]
    for index, text in enumerate(statement.labels):
        key = Table(
            [[swatch(index, STATEMENT_COLOUR, 7), Paragraph(safe(text), small(7))]],
            colWidths=[10, column - 12],
        )
        key.setStyle(tight)
        keys.append(key)
    legend = Table([keys], colWidths=[LABEL_WIDTH] + [column] * len(statement.labels))
    legend.setStyle(tight)
    parts: list[Flowable] = [
        Paragraph(quoted(safe(statement.text)), text_style("statement", 10)),
        Spacer(0, 3),
        chart,
        Spacer(0, 2),
        legend,
    ]
    if statement.benchmark is not None:
        parts += [Spacer(0, 2), Paragraph(safe(statement.survey_note), muted(7.5))]
    return parts


def _count_table(header: list[str], body: list[tuple[str, tuple[int, ...]]]) -> Table:
    cell, head = text_style("cell", 7.5), text_style("cellbold", 7.5)
    figure = text_style("cell", 7.5, align=2)
    right = text_style("cellbold", 7.5, align=2)
    rows: list[list[object]] = [
        [Paragraph(safe(header[0]), head)] + [Paragraph(safe(text), right) for text in header[1:]]
    ]
    for title, counts in body:
        rows.append(
            [Paragraph(safe(title), cell)]
            + [Paragraph(str(n) if n else "·", figure) for n in counts]
        )
    first = WIDTH * 0.34
    other = (WIDTH - first) / max(len(header) - 1, 1)
    table = Table(rows, colWidths=[first] + [other] * (len(header) - 1), repeatRows=1)
    table.setStyle(_quiet(len(rows)))
    return table


def _choices(comparison: Comparison) -> list[Flowable]:
    header = ["", *comparison.labels]
    forms = [(comparison.form_title(form), counts) for form, counts in comparison.forms]
    flowables: list[Flowable] = [
        Paragraph(_("Aanpakken per participatievorm"), text_style("bold", 9)),
        Spacer(0, 3),
        _count_table([_("Vorm"), *comparison.labels], forms),
        Spacer(0, 8),
    ]
    if not comparison.cards:
        return [*flowables, Paragraph(_("Er werden nergens aanpakken gekozen."), muted(9))]
    cards = [(comparison.card_label(card), card.counts) for card in comparison.cards]
    header[0] = _("Voorbeeld of vorm")
    return [
        *flowables,
        Paragraph(_("Gekozen voorbeelden en vormen (aantal keer gekozen)"), text_style("bold", 9)),
        Spacer(0, 3),
        _count_table(header, cards),
    ]


def _actions(comparison: Comparison) -> list[Flowable]:
    flowables: list[Flowable] = []
    for s in comparison.sessions:
        block: list[Flowable] = [
            Paragraph(f"{safe(s.label)}: {safe(s.case)}", text_style("bold", 9.5)),
            Spacer(0, 2),
        ]
        actions = comparison.actions_of(s.label)
        if not actions:
            block.append(Paragraph(_("Geen acties."), muted(8.5)))
        for action in actions:
            parts = [f"<b>{safe(action.title)}</b>", *map(safe, action.details)]
            block.append(Paragraph(" · ".join(parts), bulleted(8.5), bulletText="•"))
        flowables += [KeepTogether(block), Spacer(0, 6)]
    return flowables


def _foot(canvas: Canvas, document: Any) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    y = MARGIN_BOTTOM - 9
    canvas.drawString(MARGIN_X, y, _(COMPARISON_TITLE))
    canvas.drawRightString(
        PAGE[0] - MARGIN_X, y, _("pagina {number}").format(number=canvas.getPageNumber())
    )
    canvas.restoreState()


def render_comparison(comparison: Comparison) -> bytes:
    """The comparison as PDF bytes."""
    buffer = io.BytesIO()
    document = a4_document(
        buffer,
        on_page=_foot,
        title=_(COMPARISON_TITLE),
        author="netwerktafel",
        creator="netwerktafel aggregate",
    )
    build(document, comparison_flowables(comparison))
    return buffer.getvalue()


def write_comparison_pdf(comparison: Comparison, target: Path) -> Path:
    """Write the comparison PDF to `target`."""
    write_atomically(target, render_comparison(comparison), private=True)
    return target
