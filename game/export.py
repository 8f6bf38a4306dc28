"""Exports of a session: a Markdown report, tidy CSV tables, and JSON of the whole state.

Everything here reads the state through `game.engine.views`, so what an export may show
is decided in one place: no token, no anonymous vote, no result that is still hidden.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from game.engine import SessionState, session_view
from game.engine.ballots import METHOD_LABELS

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
                [a["id"], a["stakeholder_id"], a["stakeholder"], a["card_id"], a["title"],
                 a["form"], a["note"], a["at"]]
                for a in view["approaches"]
            ],
        ],
        "concerns": [
            ["id", "stakeholder_id", "stakeholder", "concern", "concern_title", "text", "at"],
            *[
                [x["id"], x["stakeholder_id"], x["stakeholder"], x["concern"],
                 x["concern_title"], x["text"], x["at"]]
                for x in view["concerns"]
            ],
        ],
        "actions": [
            ["id", "title", "owner_id", "owner", "approach_id", "due", "done", "note"],
            *[
                [x["id"], x["title"], x["owner_id"], x["owner"], x["approach_id"], x["due"],
                 "ja" if x["done"] else "nee", x["note"]]
                for x in view["actions"]
            ],
        ],
        "votes": [["ballot_id", "ballot", "participant_id", "participant", "position",
                   "option_id", "option", "reason", "at"]],
        "results": [["ballot_id", "ballot", "method", "option_id", "option", "count", "percent",
                     "points", "mean_rank", "benchmark_percent", "voters"]],
    }
    for ballot in view["ballots"]:
        labels = {o["id"]: o["label"] for o in ballot["options"]}
        # Votes only of ballots that show who voted what: never anonymous, never hidden.
        for vote in ballot.get("votes", []):
            for position, choice in enumerate(vote["choices"], start=1):
                tables["votes"].append(
                    [ballot["id"], ballot["title"], vote["participant_id"], vote["participant"],
                     position, choice, labels.get(choice), vote["reason"], vote["at"]]
                )
        result = ballot["tally"]
        if result is None:
            continue
        for row in result["rows"]:
            tables["results"].append(
                [ballot["id"], ballot["title"], ballot["method"], row["option_id"], row["label"],
                 row["count"], row["percent"], row["points"], row["mean_rank"],
                 row["benchmark_percent"], result["voters"]]
            )
    return {
        name: [[safe_cell(cell) for cell in row] for row in rows] for name, rows in tables.items()
    }


def _csv_text(rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


def json_text(state: SessionState) -> str:
    """The whole session as JSON (what `session show --json` prints)."""
    return json.dumps(session_view(state), ensure_ascii=False, indent=2) + "\n"


def markdown_report(state: SessionState) -> str:
    """A readable report of the session in Markdown."""
    view = session_view(state)
    session = view["session"] or {}
    lines: list[str] = ["# Verslag van de netwerktafel", ""]
    if session.get("case"):
        lines += ["## Casus", "", session["case"], ""]
    workshop = session.get("workshop") or {}
    if workshop.get("title"):
        started = session.get("started_at", "")
        lines += [f"Werkvorm: {workshop['title']}  ", f"Gestart: {started}", ""]
    lines += ["## Aan tafel", ""]
    present = [s for s in view["stakeholders"] if s["present"]]
    if present:
        lines += [f"- **{_md(s['name'])}** — {_md(s['role'])}" for s in present]
    else:
        lines.append("_Nog niemand._")
    if view["participants"]:
        lines += ["", f"Deelnemers die stemden of meededen: {len(view['participants'])}."]
    lines.append("")
    if view["concerns"]:
        lines += ["## Bezorgdheden", ""]
        by_card: dict[str, list[dict[str, Any]]] = {}
        for concern in view["concerns"]:
            by_card.setdefault(concern["concern_title"], []).append(concern)
        for title, concerns in by_card.items():
            lines += [f"### {_md(title)}", ""]
            for concern in concerns:
                text = f": {_md(concern['text'])}" if concern["text"] else ""
                lines.append(f"- {_md(concern['stakeholder'] or '')}{text}")
            lines.append("")
    if view["approaches"]:
        lines += ["## Aanpakken", "", "| Belanghebbende | Aanpak | Vorm | Notitie |",
                  "| --- | --- | --- | --- |"]
        for a in view["approaches"]:
            lines.append(
                f"| {_cell(a['stakeholder'])} | {_cell(a['title'])} | {_cell(a['form'])} "
                f"| {_cell(a['note'])} |"
            )
        lines.append("")
    if view["ballots"]:
        lines += ["## Stemrondes", ""]
        for ballot in view["ballots"]:
            lines += _ballot_lines(ballot)
    if view["actions"]:
        lines += ["## Actieplan", "", "| Actie | Trekker | Tegen | Klaar | Notitie |",
                  "| --- | --- | --- | --- | --- |"]
        for x in view["actions"]:
            lines.append(
                f"| {_cell(x['title'])} | {_cell(x['owner'])} | {_cell(x['due'])} "
                f"| {'ja' if x['done'] else 'nee'} | {_cell(x['note'])} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _ballot_lines(ballot: dict[str, Any]) -> list[str]:
    method = METHOD_LABELS.get(ballot["method"], ballot["method"])
    state = "open" if ballot["open"] else "gesloten"
    anonymous = ", anoniem" if ballot["anonymous"] else ""
    lines = [f"### {_md(ballot['title'])}", "",
             f"{method}, {state}{anonymous}, {ballot['voters']} stemmer(s).", ""]
    result = ballot["tally"]
    if result is None:
        return [*lines, "_De uitslag is nog niet bekendgemaakt._", ""]
    if ballot["method"] == "likert":
        bench = ballot["statement"] and ballot["statement"]["benchmark"]
        header = "| Antwoord | Tafel | Bevraging |" if bench else "| Antwoord | Tafel |"
        lines += [header, "| --- | --- | --- |" if bench else "| --- | --- |"]
        for row in result["rows"]:
            extra = f" {row['benchmark_percent']}% |" if bench else ""
            lines.append(f"| {_cell(row['label'])} | {row['percent']}% ({row['count']}) |{extra}")
        if bench:
            n = ballot["statement"]["benchmark_n"]
            lines += ["", f"Bevraging: {ballot['statement']['benchmark_table']}, N = {n}."]
        if result["mean"] is not None:
            lines += ["", f"Gemiddelde aan tafel: {result['mean']}."]
        return [*lines, ""]
    rows = {row["option_id"]: row for row in result["rows"]}
    if ballot["method"] == "ranking":
        lines += ["| Optie | Punten | Gemiddelde plaats |", "| --- | --- | --- |"]
        for option_id in result["ranking"]:
            row = rows[option_id]
            mean = row["mean_rank"] if row["mean_rank"] is not None else "–"
            lines.append(f"| {_cell(row['label'])} | {row['points']} | {mean} |")
    else:
        unit = "Stippen" if ballot["method"] == "dots" else "Stemmen"
        lines += [f"| Optie | {unit} | % |", "| --- | --- | --- |"]
        for option_id in result["ranking"]:
            row = rows[option_id]
            lines.append(f"| {_cell(row['label'])} | {row['count']} | {row['percent']}% |")
    return [*lines, ""]


def _md(text: object) -> str:
    # Keep text from turning into markup (a name starting with '#', stray '*' or '_').
    value = "" if text is None else str(text)
    for char in ("\\", "*", "_", "`", "[", "]", "<", ">", "#", "|"):
        value = value.replace(char, "\\" + char)
    return " ".join(value.split())


def _cell(text: object) -> str:
    return _md(text) if text not in (None, "") else "–"


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_export(state: SessionState, fmt: str, target: Path) -> list[Path]:
    """Write an export: `md` or `json` to the file `target`, `csv` as files in the folder
    `target`. Returns the files written."""
    if fmt == "csv":
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for name, rows in csv_tables(state).items():
            path = target / f"{name}.csv"
            # UTF-8 with BOM so spreadsheet programs show accents (é, ë) right.
            _write_atomic(path, "\ufeff" + _csv_text(rows))
            written.append(path)
        return written
    if target.parent != Path():
        target.parent.mkdir(parents=True, exist_ok=True)
    text = markdown_report(state) if fmt == "md" else json_text(state)
    _write_atomic(target, text)
    return [target]
