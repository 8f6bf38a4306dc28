"""Exports of a session: a Markdown report, tidy CSV tables, and JSON of the whole state.

Everything here reads the state through `game.engine.views` (the Markdown report through
`game.engine.report`, which keeps its rules), so what an export may show is decided in one
place: no token, no anonymous vote, no result that is still hidden. The Markdown report
holds the same sections as the PDF report (`print/report.py`), with tables for charts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from catalogue import translation, translator
from deck import Deck
from deck.atomic_write import write_atomically
from game.engine import SessionState, session_view
from game.engine.ballots import matrix_places
from game.engine.report import (
    HIDDEN,
    NOTHING_YET,
    SECTION_TITLES,
    BallotResult,
    SessionReport,
    approaches_text,
    labelled,
    mean_spread,
    number_text,
    percent_text,
    quoted,
    session_report,
    status_text,
    who,
)
from game.matrix_grid import grid_lines

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_TABLES = ("approaches", "votes", "results", "concerns", "actions")
"""The CSV files an export writes, one tidy table per kind."""


def safe_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP's advice: a quote
    in front of anything starting with = + - @ tab or carriage return)."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def csv_tables(state: SessionState) -> dict[str, list[list[str]]]:
    """The session as tidy tables: a header row, then one row per thing, every cell safe."""
    view = session_view(state)
    tables: dict[str, list[list[object]]] = {
        "approaches": [
            ["id", "stakeholder_id", "stakeholder", "card_id", "title", "form", "note", "at"],
            *[
                [
                    a["id"],
                    a["stakeholder_id"],
                    a["stakeholder"],
                    a["card_id"],
                    a["title"],
                    a["form"],
                    a["note"],
                    a["at"],
                ]
                for a in view["approaches"]
            ],
        ],
        "concerns": [
            ["id", "stakeholder_id", "stakeholder", "concern", "concern_title", "text", "at"],
            *[
                [
                    x["id"],
                    x["stakeholder_id"],
                    x["stakeholder"],
                    x["concern"],
                    x["concern_title"],
                    x["text"],
                    x["at"],
                ]
                for x in view["concerns"]
            ],
        ],
        "actions": [
            ["id", "title", "owner_id", "owner", "approach_id", "due", "done", "note"],
            *[
                [
                    x["id"],
                    x["title"],
                    x["owner_id"],
                    x["owner"],
                    x["approach_id"],
                    x["due"],
                    "ja" if x["done"] else "nee",
                    x["note"],
                ]
                for x in view["actions"]
            ],
        ],
        "votes": [
            [
                "ballot_id",
                "ballot",
                "participant_id",
                "participant",
                "position",
                "option_id",
                "option",
                "axis",
                "value",
                "reason",
                "at",
            ]
        ],
        "results": [
            [
                "ballot_id",
                "ballot",
                "method",
                "option_id",
                "option",
                "count",
                "percent",
                "points",
                "mean_rank",
                "benchmark_percent",
                "benchmark_n",
                "voters",
                "axis",
                "mean",
                "spread",
                "paper",
            ]
        ],
    }
    for ballot in view["ballots"]:
        labels = {o["id"]: o["label"] for o in ballot["options"]}
        # Votes only of ballots that show who voted what: never anonymous, never hidden.
        # A paper slip is a vote of nobody: no participant id, "papier N" as the name.
        voters = [
            *((v["participant_id"], v["participant"], v) for v in ballot.get("votes", [])),
            *(("", slip["slip"], slip) for slip in ballot.get("paper", [])),
        ]
        for voter_id, voter, vote in voters:
            for position, option_id, axis, value in _vote_cells(ballot, vote["choices"]):
                tables["votes"].append(
                    [
                        ballot["id"],
                        ballot["title"],
                        voter_id,
                        voter,
                        position,
                        option_id,
                        labels.get(option_id),
                        axis,
                        value,
                        vote["reason"],
                        vote["at"],
                    ]
                )
        result = ballot["tally"]
        if result is None:
            continue
        head = [ballot["id"], ballot["title"], ballot["method"]]
        if result["matrix"] is not None:
            # Tidy: one row per option × axis, its mean and spread.
            for point in result["matrix"]["points"]:
                for axis_index, axis in enumerate(result["matrix"]["axes"]):
                    mean = point["means"][axis_index] if point["means"] else None
                    spread = point["spreads"][axis_index] if point["spreads"] else None
                    tables["results"].append(
                        [
                            *head,
                            point["option_id"],
                            point["label"],
                            point["voters"],
                            *[None] * 5,
                            result["voters"],
                            axis,
                            mean,
                            spread,
                            result["paper"],
                        ]
                    )
            continue
        for row in result["rows"]:
            tables["results"].append(
                [
                    *head,
                    row["option_id"],
                    row["label"],
                    row["count"],
                    row["percent"],
                    row["points"],
                    row["mean_rank"],
                    row["benchmark_percent"],
                    result["benchmark_n"],
                    result["voters"],
                    None,
                    None,
                    None,
                    result["paper"],
                ]
            )
    assert set(tables) == set(CSV_TABLES), "CSV_TABLES names every table, in order"
    return {
        name: [[safe_cell(cell) for cell in row] for row in tables[name]] for name in CSV_TABLES
    }


def _vote_cells(
    ballot: dict[str, object], choices: list[str]
) -> list[tuple[int, str, str | None, int | None]]:
    """A vote's tidy cells: (position, option id, axis, value); a matrix vote gives one
    per option × axis, every other vote one per choice."""
    if ballot["method"] != "matrix":
        return [(position, choice, None, None) for position, choice in enumerate(choices, 1)]
    axes = ballot["axes"]
    assert isinstance(axes, list)
    places = matrix_places(choices)
    return [
        (position, option_id, axis, places[option_id][index])
        for position, option_id in enumerate(places, start=1)
        for index, axis in enumerate(axes)
    ]


def csv_text(rows: Iterable[list[str]]) -> str:
    """Rows as CSV text, with the line ends spreadsheets expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


def json_text(state: SessionState) -> str:
    """The whole session as JSON (what `session show --json` prints)."""
    return json.dumps(session_view(state), ensure_ascii=False, indent=2) + "\n"


def markdown_report(state: SessionState, deck: Deck, language: str | None = None) -> str:
    """The session report in Markdown, in `language` (default: the process's): the sections
    of the PDF report, with tables and text where the PDF has charts. Participants are
    counted, never named."""
    report = session_report(state, deck, language=language)
    _ = translator(report.language)
    lines: list[str] = ["# " + _("Verslag van de netwerktafel"), ""]
    header = report.header
    if header.case.title:
        lines += [f"**{_md(header.case.title)}**", ""]
    when = ", ".join(part for part in (header.date, header.time) if part)
    facts = [_("Datum: {when}").format(when=when)] if when else []
    if header.workshop:
        facts.append(_("Werkvorm: {title}").format(title=_md(header.workshop)))
    facts.append(_("Kaartspel: {title}").format(title=_md(header.deck_title)))
    lines += ["  \n".join(facts), ""]
    for number, (key, title) in enumerate(SECTION_TITLES.items(), start=1):
        lines += [f"## {number}. {_(title)}", ""]
        lines += _MD_SECTIONS[key](report)
    return "\n".join(lines).rstrip() + "\n"


def _nothing(report: SessionReport, section: str) -> list[str]:
    return [f"_{translator(report.language)(NOTHING_YET[section])}_", ""]


def _md_case(report: SessionReport) -> list[str]:
    case = report.header.case
    if case.empty:
        return _nothing(report, "case")
    # The title heads the report; repeat it only when there is nothing else to say.
    lines = [f"**{_md(case.title)}**", ""] if case.title and not case.description else []
    for paragraph in case.description.split("\n\n"):
        if paragraph.strip():
            lines += [_md(paragraph), ""]
    if case.theme:
        _ = translator(report.language)
        lines += [_("Thema: {theme}").format(theme=_md(case.theme)), ""]
    return lines


def _md_table(report: SessionReport) -> list[str]:
    _ = translator(report.language)
    table = report.table
    lines: list[str] = []
    if table.seats:
        heads = (_("Belanghebbende"), _("Rol"), _("Bezorgdheden"), _("Aanpakken"), _("Acties"))
        lines += ["| " + " | ".join(heads) + " |", "| --- | --- | ---: | ---: | ---: |"]
        for seat in table.seats:
            name = _md(seat.name) if seat.named else "–"
            if not seat.present:
                name += " _(" + _("verliet de tafel") + ")_"
            lines.append(
                f"| {name} | {_cell(seat.role)} | {seat.concerns} | {seat.approaches} "
                f"| {seat.actions} |"
            )
        lines.append("")
    else:
        lines += _nothing(report, "table")
    return [*lines, f"{table.participants_sentence}  ", f"_{table.consent_note}_", ""]


def _md_statements(report: SessionReport) -> list[str]:
    if not report.statements:
        return _nothing(report, "statements")
    language = report.language
    _ = translator(language)
    lines: list[str] = []
    for number, result in enumerate(report.statements, start=1):
        label = report.type_labels.get(result.kind, _("Stelling"))
        ballot = (
            _("Stemronde {id}, {status}, anoniem.")
            if result.anonymous
            else _("Stemronde {id}, {status}.")
        )
        lines += [
            "### "
            + labelled(f"{_md(label)} {number}", quoted(_md(result.text), language), language),
            "",
            ballot.format(id=result.ballot_id, status=status_text(result.is_open, language))
            + " "
            + _("Aan tafel N = {n}.").format(n=number_text(result.voters, language))
            + (f" {_md(result.survey_note)}" if result.has_benchmark else ""),
            "",
        ]
        if not result.visible:
            lines += [f"_{_(HIDDEN)}_", ""]
        heads = [_("Antwoord"), _("Aan tafel")] + ([_("Bevraging")] if result.has_benchmark else [])
        lines += [
            "| " + " | ".join(heads) + " |",
            "| --- | ---: |" + (" ---: |" if result.has_benchmark else ""),
        ]
        for answer in result.answers:
            table = (
                f"{answer.count} · {percent_text(answer.percent, language)}"
                if result.visible and result.voters
                else "–"
            )
            survey = (
                f" {percent_text(answer.benchmark_percent or 0, language)} |"
                if result.has_benchmark
                else ""
            )
            lines.append(f"| {_cell(answer.label)} | {table} |{survey}")
        lines.append("")
        if result.summary:
            lines += [result.summary, ""]
    return lines


def _md_concerns(report: SessionReport) -> list[str]:
    if not report.concerns:
        return _nothing(report, "concern-cards")
    language = report.language
    _ = translator(language)
    lines: list[str] = []
    if not report.concerns_raised:
        lines += _nothing(report, "concerns")
    for group in report.concerns:
        lines += [f"### {_md(group.title)}", ""]
        sentence = group.raised_sentence
        lines += [
            labelled(sentence, "", language).rstrip() if group.raised else f"_{sentence}_",
            "",
        ]
        for raised in group.raised:
            name = f"**{_md(who(raised.stakeholder, raised.role))}**"
            lines.append(
                "- " + (labelled(name, _md(raised.text), language) if raised.text else name)
            )
        if group.raised:
            lines.append("")
        if group.answer:
            lines += ["> **" + _("Het antwoord:") + f"** {_md(group.answer)}", ""]
    return lines


def _md_approaches(report: SessionReport) -> list[str]:
    grid = report.approaches
    if not grid.total:
        return _nothing(report, "approaches")
    words = translation(report.language)
    _ = words.gettext
    titles = [title for _form, title in grid.forms]
    lines = [
        "| " + " | ".join([_("Belanghebbende"), *(_md(t) for t in titles)]) + " |",
        "| --- |" + " --- |" * len(titles),
    ]
    for row in grid.rows:
        name = _md(who(row.stakeholder, row.role))
        if not row.present:
            name += " _(" + _("verliet de tafel") + ")_"
        cells = []
        for entries in row.cells:
            cells.append(
                "<br>".join(
                    f"**{_md(e.title)}**" + (f" — {_md(e.note)}" if e.note else "") for e in entries
                )
                or "–"
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    totals = [approaches_text(n, report.language) for n in grid.per_form()]
    lines.append("| **" + _("Totaal") + "** | " + " | ".join(totals) + " |")
    return [*lines, ""]


def _md_ballots(report: SessionReport) -> list[str]:
    if not report.ballots:
        return _nothing(report, "ballots")
    _ = translator(report.language)
    lines: list[str] = []
    for result in report.ballots:
        lines += [f"### {_md(result.title)}", "", _md(result.description) + ".", ""]
        if result.missing:
            options = "; ".join(_md(o.label) for o in result.options)
            lines += [f"_{result.missing}_", "", _("Opties: {options}").format(options=options), ""]
            continue
        if result.method == "matrix":
            lines += _md_matrix(result)
            continue
        last = _("Gemiddelde plaats") if result.method == "ranking" else "%"
        heads = (_("Plaats"), _("Optie"), result.unit_title, last)
        lines += ["| " + " | ".join(heads) + " |", "| ---: | --- | ---: | ---: |"]
        for place, option in zip(result.places(), result.options, strict=True):
            if result.method == "ranking":
                mean = (
                    number_text(option.mean_rank, result.language)
                    if option.mean_rank is not None
                    else "–"
                )
                lines.append(f"| {place} | {_cell(option.label)} | {option.points} | {mean} |")
            else:
                lines.append(
                    f"| {place} | {_cell(option.label)} | {option.count} "
                    f"| {percent_text(option.percent, result.language)} |"
                )
        lines.append("")
        if result.reasons:
            lines += [_("Redenen (zonder namen):"), ""]
            lines += [
                "- " + labelled(_md(answer), _md(reason), report.language)
                for answer, reason in result.reasons
            ]
            lines.append("")
        if result.blocked:
            lines += ["**" + _("Geblokkeerd: iemand aan tafel blokkeert dit voorstel.") + "**", ""]
    return lines


def _md_matrix(result: BallotResult) -> list[str]:
    """A matrix as a table of means ± spreads and quadrants, and the grid drawn in text."""
    _ = translator(result.language)
    first, second = result.axes
    spread = _("{axis} (gem. ± spreiding)")
    header = (
        _("Nr."),
        _("Optie"),
        spread.format(axis=_md(first).capitalize()),
        spread.format(axis=_md(second).capitalize()),
        _("Kwadrant"),
    )
    lines = ["| " + " | ".join(header) + " |", "| ---: | --- | ---: | ---: | --- |"]
    for point in result.points:
        quadrant = _(point.quadrant) if point.quadrant else "–"
        lines.append(
            f"| {point.option_id} | {_cell(point.label)} | {mean_spread(point, 0)} "
            f"| {mean_spread(point, 1)} | {quadrant} |"
        )
    grid = grid_lines(result.points, result.axes, language=result.language)
    return [*lines, "", "```", *grid, "```", ""]


def _md_balance(report: SessionReport) -> list[str]:
    balance = report.balance
    lines = [balance.summary, ""]
    if balance.findings:
        lines += [f"- {_md(finding)}" for finding in balance.findings]
        lines.append("")
    return lines


def _md_actions(report: SessionReport) -> list[str]:
    if not report.actions:
        return _nothing(report, "actions")
    _ = translator(report.language)
    heads = (_("Nr."), _("Actie"), _("Trekker"), _("Bij aanpak"), _("Tegen"), _("Stand"))
    lines = ["| " + " | ".join(heads) + " |", "| ---: | --- | --- | --- | --- | --- |"]
    for number, x in enumerate(report.actions, start=1):
        what = f"**{_md(x.title)}**" + (f"<br>{_md(x.note)}" if x.note else "")
        lines.append(
            f"| {number} | {what} | {_cell(x.owner)} | {_cell(x.approach)} | {_cell(x.due)} "
            f"| {x.standing} |"
        )
    return [*lines, ""]


def _md_cards(report: SessionReport) -> list[str]:
    cards = report.cards
    if not cards.count:
        return _nothing(report, "cards")
    _ = translator(report.language)
    lines = ["| " + _("Type") + " | " + _("Kaarten") + " |", "| --- | --- |"]
    for group in cards.groups:
        entries = [
            _md(card.title)
            + (f" [{', '.join(map(str, sorted(set(card.sources))))}]" if card.sources else "")
            for card in group.cards
        ]
        lines.append(f"| {_md(group.label)} | {' · '.join(entries)} |")
    lines.append("")
    if cards.sources:
        lines += ["**" + _("Bronnen") + "**", ""]
        lines += [f"{n}. {_md(source)}" for n, source in enumerate(cards.sources, start=1)]
        lines.append("")
    return lines


_MD_SECTIONS: dict[str, Callable[[SessionReport], list[str]]] = {
    "case": _md_case,
    "table": _md_table,
    "statements": _md_statements,
    "concerns": _md_concerns,
    "approaches": _md_approaches,
    "ballots": _md_ballots,
    "balance": _md_balance,
    "actions": _md_actions,
    "cards": _md_cards,
}
"""How each section of `SECTION_TITLES` is written in Markdown."""


def markdown_text(text: object) -> str:
    """A text for Markdown on one line, its markup characters escaped."""
    # Keep text from turning into markup (a name starting with '#', stray '*' or '_').
    value = "" if text is None else str(text)
    for char in ("\\", "*", "_", "`", "[", "]", "<", ">", "#", "|"):
        value = value.replace(char, "\\" + char)
    return " ".join(value.split())


_md = markdown_text
"""The short name the Markdown sections above use."""


def _cell(text: object) -> str:
    return _md(text) if text not in (None, "") else "–"


def _write_text(path: Path, text: str) -> None:
    # Exports carry names, reasons and results: readable by their owner only.
    write_atomically(path, text.encode("utf-8"), private=True)


def write_export(
    state: SessionState,
    fmt: str,
    target: Path,
    deck: Deck | None = None,
    language: str | None = None,
) -> list[Path]:
    """Write an export: `md` or `json` to the file `target`, `csv` as files in the folder
    `target`. The Markdown report needs the session's `deck` (for the concern cards'
    answers, the forms and the sources) and is written in `language` (default: the
    process's). Returns the files written."""
    if fmt == "csv":
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        written = []
        for name, rows in csv_tables(state).items():
            path = target / f"{name}.csv"
            # UTF-8 with BOM so spreadsheet programs show accents (é, ë) right.
            _write_text(path, "\ufeff" + csv_text(rows))
            written.append(path)
        return written
    if target.parent != Path():
        target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "md":
        if deck is None:
            raise ValueError("the Markdown report needs the session's deck")
        text = markdown_report(state, deck, language)
    else:
        text = json_text(state)
    _write_text(target, text)
    return [target]
