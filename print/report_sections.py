"""The report's sections as flowables, one function per section, in the report's order.

Each function turns one part of `SessionReport` into flowables and says in a sentence
what is missing when the session has nothing for it yet (no votes, no approaches), so a
report of a fresh session is still a clean document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.colors import Color, white
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from catalogue import translation, translator
from deck.survey import table_name
from game.engine.report import (
    NOTHING_YET,
    SECTION_TITLES,
    ApproachGrid,
    BallotResult,
    CardsSection,
    ConcernGroup,
    SessionReport,
    StatementResult,
    approaches_text,
    labelled,
    mean_spread,
    number_text,
    percent_text,
    quoted,
    status_text,
    who,
)
from print.colours import INK, MUTED, accent, hex_of, markup_colour, tint
from print.fonts import BOLD
from print.matrix_chart import matrix_chart
from print.report_charts import stacked_bar, swatch, value_bar
from print.report_style import (
    BALLOT_TYPES,
    RULE,
    WIDTH,
    ZEBRA,
    ReportColours,
    bulleted,
    muted,
    printable,
    right,
    safe,
    small,
    text_style,
)

Section = Callable[[SessionReport, ReportColours], list[Flowable]]


class SectionHeading(Flowable):
    """A numbered section title behind a bar of the section's colour; a PDF bookmark too."""

    def __init__(self, number: int, title: str, colour: Color) -> None:
        super().__init__()
        self.number = number
        self.title = title
        self.colour = colour
        self.keepWithNext = 1
        self.size = 13.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.size * 1.7
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return 14.0

    def getSpaceAfter(self) -> float:
        return 5.0

    def draw(self) -> None:
        canvas = self.canv
        key = f"sectie-{self.number}"
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(f"{self.number}. {self.title}", key, level=0)
        baseline = self.size * 0.55
        canvas.saveState()
        canvas.setFillColor(self.colour)
        canvas.rect(0, baseline - 2.5, 4.2, self.size + 3, stroke=0, fill=1)
        canvas.setFont(BOLD, self.size)
        number = f"{self.number}"
        canvas.drawString(10, baseline, number)
        canvas.setFillColor(INK)
        canvas.drawString(10 + self.size * 1.35, baseline, self.title)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(0, 0.5, self.width, 0.5)
        canvas.restoreState()


def heading(report: SessionReport, section: str, colours: ReportColours) -> SectionHeading:
    """The heading of a section by its key in `SECTION_TITLES`, numbered in their order,
    in the report's language."""
    number = list(SECTION_TITLES).index(section) + 1
    title = translator(report.language)(SECTION_TITLES[section])
    return SectionHeading(number, title, colours.ink(section))


def bold(text: str) -> str:
    """A text of ours in bold, as Paragraph markup."""
    return f"<b>{safe(text)}</b>"


def note(text: str) -> Paragraph:
    """A sentence saying what the session has not got yet (already safe markup)."""
    return Paragraph(text, muted(9))


def nothing_yet(report: SessionReport, section: str) -> Paragraph:
    """What a section says while the session has nothing for it, in the report's language."""
    return note(safe(translator(report.language)(NOTHING_YET[section])))


def _table_style(colour: Color, rows: int, header: bool = True) -> list[tuple[object, ...]]:
    """A quiet table: header on a wash of `colour`, rows striped, hairlines between."""
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.6),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ]
    first = 1 if header else 0
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), tint(colour, 0.13)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, colour),
        ]
    for row in range(first, rows):
        if (row - first) % 2 == 1:
            commands.append(("BACKGROUND", (0, row), (-1, row), ZEBRA))
    return commands


def _head(text: str) -> Paragraph:
    return Paragraph(safe(text), text_style("cellbold", 8))


def _cell(text: str, size: float = 8.5) -> Paragraph:
    return Paragraph(text, text_style("cell", size))


# --- cover ------------------------------------------------------------------------------------

COVER_TITLE_MAX = 110
"""Characters of the case's title on the cover; a longer one is given whole under Casus."""


def cover_title(title: str) -> str:
    """The case title as the cover shows it: cut at a word when it is very long."""
    if len(title) <= COVER_TITLE_MAX:
        return title
    return title[:COVER_TITLE_MAX].rsplit(" ", 1)[0].rstrip(" ,.;:") + " …"


def cover(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """Title block: what the table was about, when, and the key figures."""
    _ = translator(report.language)
    header = report.header
    house = colours.ink("case")
    title = cover_title(header.case.title) or _("Casus nog niet beschreven")
    when = ", ".join(part for part in (header.date, header.time) if part)
    meta = [when] if when else []
    if header.workshop:
        meta.append(_("werkvorm {title}").format(title=header.workshop))
    meta.append(_("kaartspel {title}").format(title=header.deck_title))
    flowables: list[Flowable] = [
        Paragraph(
            safe(_("Verslag van de netwerktafel").upper()),
            text_style("bold", 8.5, hex_of(house)),
        ),
        Spacer(0, 3),
        Paragraph(safe(title), text_style("title", 22)),
        Spacer(0, 4),
        Paragraph(safe(" · ".join(meta)), text_style("body", 9, hex_of(MUTED))),
        Spacer(0, 6),
        _key_figures(report, colours),
    ]
    return flowables


def _key_figures(report: SessionReport, colours: ReportColours) -> Table:
    present = sum(1 for seat in report.table.seats if seat.present)
    # A context of their own: "bezorgdheid" alone is a msgid without a plural elsewhere.
    words = translation(report.language)
    tiles = [
        ("table", present, words.npgettext("kerncijfer", "aan tafel", "aan tafel", present)),
        (
            "table",
            report.table.participants,
            words.npgettext("kerncijfer", "deelnemer", "deelnemers", report.table.participants),
        ),
        (
            "statements",
            len(report.statements),
            words.npgettext("kerncijfer", "stelling", "stellingen", len(report.statements)),
        ),
        (
            "concerns",
            report.concerns_raised,
            words.npgettext("kerncijfer", "bezorgdheid", "bezorgdheden", report.concerns_raised),
        ),
        (
            "approaches",
            report.approaches.total,
            words.npgettext("kerncijfer", "aanpak", "aanpakken", report.approaches.total),
        ),
        (
            "ballots",
            len(report.ballots),
            words.npgettext("kerncijfer", "stemronde", "stemrondes", len(report.ballots)),
        ),
        (
            "actions",
            len(report.actions),
            words.npgettext("kerncijfer", "actie", "acties", len(report.actions)),
        ),
    ]
    cells = []
    for section, count, unit in tiles:
        ink = hex_of(colours.ink(section))
        cells.append(
            [
                Paragraph(number_text(count, report.language), text_style("number", 18, ink)),
                Spacer(0, 2),
                Paragraph(safe(unit), text_style("small", 7.5, hex_of(MUTED))),
            ]
        )
    width = WIDTH / len(tiles)
    table = Table([cells], colWidths=[width] * len(tiles))
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEAFTER", (0, 0), (-2, -1), 2.5, white),
    ]
    for index, (section, *_rest) in enumerate(tiles):
        style.append(("BACKGROUND", (index, 0), (index, 0), colours.wash(section, 0.1)))
        style.append(("LINEABOVE", (index, 0), (index, 0), 1.6, colours.ink(section)))
    table.setStyle(TableStyle(style))
    return table


# --- 1 case -----------------------------------------------------------------------------------


def case_section(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """The local problem on the table."""
    case = report.header.case
    flowables: list[Flowable] = [heading(report, "case", colours)]
    if case.empty:
        return [*flowables, nothing_yet(report, "case")]
    if case.title and (not case.description or cover_title(case.title) != case.title):
        # The cover carries the title; repeat it when there is nothing else to say, or
        # when the cover could only show the start of it.
        flowables.append(Paragraph(safe(case.title), text_style("bold", 10.5)))
    for paragraph in case.description.split("\n\n"):
        if paragraph.strip():
            flowables.append(Paragraph(safe(" ".join(paragraph.split())), text_style("body", 9.5)))
    if case.theme:
        _ = translator(report.language)
        ink = markup_colour(colours.ink("case"))
        theme = bold(_("Thema"))
        flowables.append(
            Paragraph(
                f'<font color="{ink}">{theme}</font>\u00a0\u00a0{safe(case.theme)}',
                text_style("body", 9),
            )
        )
    return flowables


# --- 2 table ----------------------------------------------------------------------------------


def table_section(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """The stakeholders with their roles; participants as a count only."""
    _ = translator(report.language)
    table = report.table
    flowables: list[Flowable] = [heading(report, "table", colours)]
    if table.seats:
        rows: list[list[object]] = [
            [
                _head(_("Belanghebbende")),
                _head(_("Rol")),
                *(
                    Paragraph(safe(title), text_style("cellbold", 8, align=TA_RIGHT))
                    for title in (_("Bezorgdheden"), _("Aanpakken"), _("Acties"))
                ),
            ]
        ]
        for seat in table.seats:
            name = safe(seat.name) if seat.named else "–"
            if not seat.present:
                name += " <i>(" + safe(_("verliet de tafel")) + ")</i>"
            rows.append(
                [
                    _cell(f"<b>{name}</b>" if seat.named else name),
                    _cell(safe(seat.role)),
                    *(
                        Paragraph(number_text(count, report.language), right())
                        for count in (seat.concerns, seat.approaches, seat.actions)
                    ),
                ]
            )
        grid = Table(
            rows,
            colWidths=[50 * mm, WIDTH - 50 * mm - 3 * 29 * mm, 29 * mm, 29 * mm, 29 * mm],
            repeatRows=1,
            splitInRow=1,
        )
        grid.setStyle(TableStyle(_table_style(colours.ink("table"), len(rows))))
        flowables.append(grid)
    else:
        flowables.append(nothing_yet(report, "table"))
    flowables += [
        Spacer(0, 6),
        Paragraph(table.participants_sentence, text_style("body", 9)),
        Paragraph(safe(table.consent_note), muted(8)),
    ]
    return flowables


# --- 3 statements -----------------------------------------------------------------------------


def statements_section(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """Each statement's answers at the table beside the survey's, with N."""
    title = heading(report, "statements", colours)
    if not report.statements:
        return [title, nothing_yet(report, "statements")]
    _ = translator(report.language)
    blocks = [
        _statement(result, report.type_labels.get(result.kind, _("Stelling")), number, colours)
        for number, result in enumerate(report.statements, start=1)
    ]
    return opened(title, blocks)


def opened(title: SectionHeading, blocks: list[list[Flowable]]) -> list[Flowable]:
    """A section of blocks that each stay on one page, the heading kept with the first.

    (A heading's keepWithNext cannot hold on to a KeepTogether, so it goes inside it.)
    """
    flowables: list[Flowable] = []
    for index, block in enumerate(blocks):
        flowables.append(KeepTogether([title, *block] if index == 0 else block))
        flowables.append(Spacer(0, 9))
    return flowables


LABEL_WIDTH = 36 * mm
"""Left column of the statement charts: who answered, and N."""


def _statement(
    result: StatementResult, label: str, number: int, colours: ReportColours
) -> list[Flowable]:
    language = result.language
    _ = translator(language)
    colour = colours.of_type(result.kind)
    ink = hex_of(accent(colour))
    ballot = (
        _("stemronde {id}, {status}, anoniem")
        if result.anonymous
        else _("stemronde {id}, {status}")
    )
    kicker = f"{label} {number} · " + ballot.format(
        id=result.ballot_id, status=status_text(result.is_open, language)
    )
    parts: list[Flowable] = [
        Paragraph(safe(kicker), text_style("bold", 7.5, ink)),
        Spacer(0, 1.5),
        Paragraph(safe(quoted(result.text, language)), text_style("statement", 10.5)),
    ]
    bar_width = WIDTH - LABEL_WIDTH
    column = bar_width / max(len(result.answers), 1)
    voters = result.voters
    if not result.visible:
        waiting = translation(language).ngettext(
            "uitslag nog niet bekendgemaakt ({count} stem)",
            "uitslag nog niet bekendgemaakt ({count} stemmen)",
            voters,
        )
        table_bar = stacked_bar(
            (), colour, bar_width, empty_text=waiting.format(count=number_text(voters, language))
        )
    else:
        table_bar = stacked_bar(
            [a.percent for a in result.answers],
            colour,
            bar_width,
            empty_text=_("nog geen stemmen"),
        )
    rows: list[list[object]] = [
        [
            [
                Paragraph(bold(_("Aan tafel")), text_style("cell", 8.5)),
                Paragraph(f"N = {number_text(voters, language)}", small()),
            ],
            table_bar,
            *[""] * (len(result.answers) - 1),
        ]
    ]
    if result.has_benchmark:
        survey = [a.benchmark_percent or 0 for a in result.answers]
        table = table_name(result.benchmark_table, language) if result.benchmark_table else ""
        source = f" · {safe(table)}" if table else ""
        rows.append(
            [
                [
                    Paragraph(bold(_("Bevraging")), text_style("cell", 8.5)),
                    Paragraph(
                        f"N = {number_text(result.benchmark_n or 0, language)}{source}", small()
                    ),
                ],
                stacked_bar(survey, colour, bar_width),
                *[""] * (len(result.answers) - 1),
            ]
        )
    legend: list[object] = [Paragraph(safe(_("Antwoord")), small())]
    for index, answer in enumerate(result.answers):
        legend.append(
            Table(
                [[swatch(index, colour, 7), Paragraph(safe(answer.label), small(7))]],
                colWidths=[10, column - 12],
                style=[
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ],
            )
        )
    rows.append(legend)
    figures_row: list[object] = [Paragraph(safe(_("aan tafel (aantal · %)")), small())]
    for answer in result.answers:
        figure = (
            f"{number_text(answer.count, language)} · {percent_text(answer.percent, language)}"
            if result.visible and voters
            else "–"
        )
        figures_row.append(Paragraph(figure, text_style("cell", 8)))
    rows.append(figures_row)
    if result.has_benchmark:
        rows.append(
            [Paragraph(safe(_("bevraging")), small())]
            + [
                Paragraph(percent_text(a.benchmark_percent or 0, language), text_style("cell", 8))
                for a in result.answers
            ]
        )
    chart = Table(rows, colWidths=[LABEL_WIDTH] + [column] * len(result.answers))
    bars = 2 if result.has_benchmark else 1
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, bars), (-1, bars), 5),
        ("VALIGN", (0, bars), (-1, bars), "TOP"),
        ("LINEBELOW", (0, bars), (-1, bars), 0.4, RULE),
    ]
    for row in range(bars):
        style.append(("SPAN", (1, row), (-1, row)))
    chart.setStyle(TableStyle(style))
    parts.append(Spacer(0, 4))
    parts.append(chart)
    if result.summary:
        parts += [Spacer(0, 3), Paragraph(safe(result.summary), text_style("body", 8.5))]
    if result.has_benchmark:
        parts += [Spacer(0, 2), Paragraph(safe(result.survey_note), muted(7.5))]
    return parts


# --- 4 concerns -------------------------------------------------------------------------------


def concerns_section(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """Concerns raised per stakeholder, under the three concern cards, with each answer."""
    flowables: list[Flowable] = [heading(report, "concerns", colours)]
    if not report.concerns:
        return [*flowables, nothing_yet(report, "concern-cards")]
    if not report.concerns_raised:
        flowables.append(nothing_yet(report, "concerns"))
    for group in report.concerns:
        flowables.append(_concern(group, colours))
        flowables.append(Spacer(0, 6))
    return flowables


def _concern(group: ConcernGroup, colours: ReportColours) -> Table:
    _ = translator(group.language)
    ink = colours.ink("concerns")
    left: list[Flowable] = [
        Paragraph(safe(group.title), text_style("bold", 10.5, hex_of(ink))),
        Paragraph(safe(group.raised_sentence), muted(8)),
    ]
    for raised in group.raised:
        name = bold(who(raised.stakeholder, raised.role))
        left.append(
            Paragraph(
                labelled(name, safe(raised.text), group.language) if raised.text else name,
                bulleted(8.5),
                bulletText="•",
            )
        )
    right_side: list[Flowable] = [
        Paragraph(safe(_("Het antwoord").upper()), text_style("bold", 7, hex_of(ink))),
        Spacer(0, 1.5),
        Paragraph(
            safe(group.answer)
            if group.answer
            else "<i>" + safe(_("Het kaartspel heeft geen antwoord.")) + "</i>",
            text_style("cell", 8),
        ),
    ]
    # splitInRow: a concern raised by many, at length, may run on to the next page.
    table = Table([[left, right_side]], colWidths=[WIDTH * 0.55, WIDTH * 0.45], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 10),
                ("LEFTPADDING", (1, 0), (1, 0), 7),
                ("RIGHTPADDING", (1, 0), (1, 0), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("BACKGROUND", (1, 0), (1, 0), colours.wash("concerns", 0.08)),
                ("LINEBEFORE", (1, 0), (1, 0), 1.6, ink),
                ("LINEABOVE", (0, 0), (0, 0), 0.5, RULE),
            ]
        )
    )
    return table


# --- 5 approaches -----------------------------------------------------------------------------


def approaches_section(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """The approaches chosen, in a stakeholder × form grid."""
    grid = report.approaches
    flowables: list[Flowable] = [heading(report, "approaches", colours)]
    if not grid.total:
        return [*flowables, nothing_yet(report, "approaches")]
    flowables.append(_grid(grid, colours, report.language))
    return flowables


def _grid(grid: ApproachGrid, colours: ReportColours, language: str) -> Table:
    _ = translator(language)
    first = 38 * mm
    column = (WIDTH - first) / max(len(grid.forms), 1)
    form_ink = colours.ink("case")
    rows: list[list[object]] = [
        [
            _head(_("Belanghebbende")),
            *[
                Paragraph(safe(title), text_style("cellbold", 8, hex_of(form_ink)))
                for _form, title in grid.forms
            ],
        ]
    ]
    for row in grid.rows:
        name = [Paragraph(f"<b>{safe(row.stakeholder)}</b>", text_style("cell", 8.5))]
        if row.role and row.role != row.stakeholder:
            name.append(Paragraph(safe(row.role), small()))
        if not row.present:
            name.append(Paragraph(safe(_("verliet de tafel")), muted(7)))
        cells: list[object] = [name]
        for entries in row.cells:
            if not entries:
                cells.append(Paragraph("–", small()))
                continue
            cell: list[Flowable] = []
            for entry in entries:
                cell.append(Paragraph(f"<b>{safe(entry.title)}</b>", text_style("cell", 8.5)))
                if entry.note:
                    cell.append(Paragraph(safe(entry.note), small(7.5)))
                cell.append(Spacer(0, 2.5))
            cells.append(cell[:-1])
        rows.append(cells)
    rows.append(
        [_head(_("Totaal"))]
        + [_cell(f"<b>{approaches_text(n, language)}</b>", 8) for n in grid.per_form()]
    )
    table = Table(rows, colWidths=[first] + [column] * len(grid.forms), repeatRows=1, splitInRow=1)
    style = _table_style(colours.ink("approaches"), len(rows))
    style += [
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, colours.ink("approaches")),
        ("BACKGROUND", (0, -1), (-1, -1), white),
        ("LINEAFTER", (0, 0), (-2, -1), 0.4, RULE),
    ]
    table.setStyle(TableStyle(style))
    return table


# --- 6 ballots --------------------------------------------------------------------------------


def ballots_section(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """Every ballot's result as a bar chart; who voted what is never shown."""
    title = heading(report, "ballots", colours)
    if not report.ballots:
        return [title, nothing_yet(report, "ballots")]
    return opened(title, [_ballot(result, colours) for result in report.ballots])


def _ballot(result: BallotResult, colours: ReportColours) -> list[Flowable]:
    _ = translator(result.language)
    colour = accent(colours.of_type(BALLOT_TYPES.get(result.source, "vorm")))
    parts: list[Flowable] = [
        Paragraph(safe(result.title), text_style("bold", 10.5)),
        Paragraph(safe(result.description), muted(8)),
        Spacer(0, 3),
    ]
    if result.missing:
        options = "; ".join(safe(option.label) for option in result.options)
        return [
            *parts,
            note(safe(result.missing)),
            Paragraph(bold(_("Opties:")) + f" {options}", small(8)),
        ]
    if result.method == "matrix":
        return [*parts, *_matrix(result, colour)]
    biggest = max(result.value(option) for option in result.options) or 1
    label_width = 74 * mm
    bar_width = WIDTH - label_width - 8 * mm
    rows: list[list[object]] = []
    for place, option in zip(result.places(), result.options, strict=True):
        rows.append(
            [
                Paragraph(f"{place}.", right(8)),
                Paragraph(
                    f"<b>{safe(option.label)}</b>" if place == 1 else safe(option.label),
                    text_style("cell", 8.5),
                ),
                value_bar(
                    result.value(option) / biggest,
                    colour,
                    bar_width,
                    label=printable(result.figure(option)),
                ),
            ]
        )
    chart = Table(rows, colWidths=[8 * mm, label_width, bar_width])
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 5),
        ("RIGHTPADDING", (1, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
    ]
    chart.setStyle(TableStyle(style))
    parts.append(chart)
    if result.method == "ranking":
        parts.append(
            Paragraph(
                safe(
                    _(
                        "Punten volgens Borda: bij n opties krijgt de eerste plaats n punten, de "
                        "tweede n−1, enzovoort."
                    )
                ),
                small(7),
            )
        )
    if result.reasons:
        parts.append(Paragraph(safe(_("Redenen (zonder namen):")), small(8)))
        parts += [
            Paragraph(labelled(safe(answer), safe(reason), result.language), small(8))
            for answer, reason in result.reasons
        ]
    if result.blocked:
        blocked = safe(_("Geblokkeerd: iemand aan tafel blokkeert dit voorstel."))
        parts.append(Paragraph(f"<b>{blocked}</b>", small(8)))
    return parts


def _matrix(result: BallotResult, colour: Color) -> list[Flowable]:
    """The grid, then each option's means ± spreads and quadrant in a table."""
    _ = translator(result.language)
    first, second = result.axes
    spread = _("{axis} (gem. ± spreiding)")
    rows: list[list[object]] = [
        [
            Paragraph(bold(_("Nr.")), small(8)),
            Paragraph(bold(_("Optie")), small(8)),
            Paragraph(safe(spread.format(axis=first.capitalize())), small(8)),
            Paragraph(safe(spread.format(axis=second.capitalize())), small(8)),
            Paragraph(bold(_("Kwadrant")), small(8)),
        ]
    ]
    for point in result.points:
        quadrant = _(point.quadrant) if point.quadrant else "–"
        figures = (mean_spread(point, 0), mean_spread(point, 1), quadrant)
        rows.append(
            [
                Paragraph(f"{safe(point.option_id)}.", right(8)),
                Paragraph(safe(point.label), text_style("cell", 8.5)),
                *[Paragraph(safe(figure), text_style("cell", 8.5)) for figure in figures],
            ]
        )
    table = Table(rows, colWidths=[10 * mm, WIDTH - 100 * mm, 32 * mm, 32 * mm, 26 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
            ]
        )
    )
    return [
        matrix_chart(result.points, result.axes, colour, min(WIDTH, 130 * mm), result.language),
        Spacer(0, 4),
        table,
        Paragraph(
            _(
                "Elke optie staat op het gemiddelde van beide schalen (1–5); de streepjes tonen "
                "de spreiding (standaardafwijking). Vanaf 3 telt een schaal als hoog."
            ),
            small(7),
        ),
    ]


# --- 7 balance --------------------------------------------------------------------------------


def balance_section(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """What the choice of approaches leaves out: the balance warnings."""
    balance = report.balance
    flowables: list[Flowable] = [
        heading(report, "balance", colours),
        Paragraph(safe(balance.summary), text_style("body", 9)),
    ]
    ink = markup_colour(colours.ink("balance"))
    for finding in balance.findings:
        flowables.append(
            Paragraph(
                f'<font color="{ink}"><b>!</b></font>\u00a0\u00a0{safe(finding)}',
                text_style("body", 9),
            )
        )
    return flowables


# --- 8 actions --------------------------------------------------------------------------------


def actions_section(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """The action plan: who does what by when."""
    flowables: list[Flowable] = [heading(report, "actions", colours)]
    if not report.actions:
        return [*flowables, nothing_yet(report, "actions")]
    _ = translator(report.language)
    heads = (_("Nr."), _("Actie"), _("Trekker"), _("Bij aanpak"), _("Tegen"), _("Stand"))
    rows: list[list[object]] = [[_head(head) for head in heads]]
    for number, action in enumerate(report.actions, start=1):
        what: list[Flowable] = [Paragraph(f"<b>{safe(action.title)}</b>", text_style("cell", 8.5))]
        if action.note:
            what.append(Paragraph(safe(action.note), small(7.5)))
        rows.append(
            [
                Paragraph(f"{number}", text_style("cell", 8.5)),
                what,
                _cell(safe(action.owner) if action.owner else "–"),
                _cell(safe(action.approach) if action.approach else "–", 8),
                _cell(safe(action.due) if action.due else "–", 8),
                _cell(
                    f"<b>{safe(action.standing)}</b>"
                    if action.done or action.blocked
                    else safe(action.standing),
                    8,
                ),
            ]
        )
    # "Stand" is wide enough for a bold "geblokkeerd" at 8 pt, so the word never breaks.
    widths = [9 * mm, 0.0, 30 * mm, 29 * mm, 23 * mm, 24 * mm]
    widths[1] = WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(_table_style(colours.ink("actions"), len(rows))))
    flowables.append(table)
    return flowables


# --- 9 cards ----------------------------------------------------------------------------------


def cards_section(report: SessionReport, colours: ReportColours) -> list[Flowable]:
    """The cards that were on the table, and where their facts come from."""
    _ = translator(report.language)
    cards = report.cards
    flowables: list[Flowable] = [heading(report, "cards", colours)]
    if not cards.count:
        return [*flowables, nothing_yet(report, "cards")]
    flowables.append(_card_table(cards, colours))
    if cards.sources:
        flowables += [
            Spacer(0, 8),
            Paragraph(safe(_("Bronnen")), text_style("bold", 9)),
            Spacer(0, 2),
        ]
        for number, source in enumerate(cards.sources, start=1):
            flowables.append(
                Paragraph(
                    _linked(source), bulleted(7.5, hex_of(MUTED), 2.6), bulletText=f"[{number}]"
                )
            )
    return flowables


def _card_table(cards: CardsSection, colours: ReportColours) -> Table:
    rows: list[list[object]] = []
    for group in cards.groups:
        ink = hex_of(accent(colours.of_type(group.kind)))
        entries = []
        for card in group.cards:
            numbers = ", ".join(map(str, sorted(set(card.sources))))
            refs = (
                f' <font size="6.5" color="{hex_of(MUTED)}">[{numbers}]</font>'
                if card.sources
                else ""
            )
            entries.append(f"{safe(card.title)}{refs}")
        rows.append(
            [
                Paragraph(safe(group.label), text_style("cellbold", 8.5, ink)),
                Paragraph(" · ".join(entries), text_style("cell", 8.5)),
            ]
        )
    table = Table(rows, colWidths=[34 * mm, WIDTH - 34 * mm], splitInRow=1)
    table.setStyle(TableStyle(_table_style(colours.ink("cards"), len(rows), header=False)))
    return table


def _linked(source: str) -> str:
    """A cited source with its web address made clickable."""
    words = source.split(" ")
    out = []
    for word in words:
        if word.startswith(("http://", "https://")):
            href = safe(word).replace('"', "&quot;")
            out.append(f'<a href="{href}" color="{hex_of(MUTED)}">{safe(word)}</a>')
        else:
            out.append(safe(word))
    return " ".join(out)


SECTIONS: Sequence[Section] = (
    case_section,
    table_section,
    statements_section,
    concerns_section,
    approaches_section,
    ballots_section,
    balance_section,
    actions_section,
    cards_section,
)
"""The report's sections in order; their numbers match `SECTION_TITLES`."""
