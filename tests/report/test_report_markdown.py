"""The Markdown export holds the same sections as the PDF report, with tables for charts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from deck import Deck
from game.engine import SessionState
from game.engine.balance import balance_warnings
from game.engine.report import NOTHING_YET, SECTION_TITLES
from game.export import markdown_report
from game.store import SessionStore
from print.report import render_report
from tests.report.conftest import PARTICIPANTS, SECRET_REASON, dutch, pdf_text, thousands
from tests.report.test_report_pdf import run


def md_headings(text: str) -> list[str]:
    return re.findall(r"^## \d+\. (.+)$", text, flags=re.MULTILINE)


def pdf_headings(text: str) -> list[str]:
    titles = list(SECTION_TITLES.values())
    found = [(text.find(f"{n} {title}"), title) for n, title in enumerate(titles, 1)]
    return [title for place, title in sorted(found) if place >= 0]


def test_markdown_and_pdf_have_the_same_sections_in_the_same_order(
    state: SessionState, deck: Deck
) -> None:
    markdown = markdown_report(state, deck)
    assert markdown.startswith("# Verslag van de netwerktafel\n")
    assert md_headings(markdown) == list(SECTION_TITLES.values())
    assert pdf_headings(pdf_text(render_report(state, deck))) == md_headings(markdown)


def test_markdown_export_figures_match_show_json(session_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "verslag.md"
    run("session", "export", session_file, "--format", "md", "-o", target)
    text = target.read_text(encoding="utf-8")
    view = json.loads(run("session", "show", session_file, "--json").stdout)
    for ballot in view["ballots"]:
        result = ballot["tally"]
        if ballot["method"] == "likert":
            statement = ballot["statement"]
            assert f"Aan tafel N = {ballot['voters']}" in text
            assert f"N = {thousands(statement['benchmark_n'])}" in text
            if result is None:
                continue
            for row, survey in zip(result["rows"], statement["benchmark"], strict=True):
                table = f"{row['count']} · {dutch(row['percent'])} %"
                assert f"| {row['label']} | {table} | {survey} % |" in text
        elif ballot["method"] == "ranking":
            for row in result["rows"]:
                mean = dutch(row["mean_rank"]) if row["mean_rank"] is not None else "–"
                assert f"| {row['label']} | {row['points']} | {mean} |" in text
        else:
            for row in result["rows"]:
                assert f"| {row['label']} | {row['count']} | {dutch(row['percent'])} % |" in text
    for approach in view["approaches"]:
        assert f"**{approach['title']}**" in text
    for action in view["actions"]:
        assert f"**{action['title']}**" in text and (action["owner"] or "–") in text
    for concern in view["concerns"]:
        assert concern["text"] in text
    per_form = [
        sum(a["form"] == form for a in view["approaches"])
        for form in ("transparantie", "meepraten", "meedoen")
    ]
    totals = " | ".join(f"{n} {'aanpak' if n == 1 else 'aanpakken'}" for n in per_form)
    assert f"| **Totaal** | {totals} |" in text


def test_markdown_names_no_participant_and_keeps_anonymous_votes_secret(
    state: SessionState, deck: Deck
) -> None:
    text = markdown_report(state, deck)
    for name in PARTICIPANTS:
        assert name.split()[0] not in text
    assert SECRET_REASON not in text
    for warning in balance_warnings(state, deck):
        assert warning.message.split("(")[0].strip() in text


def test_markdown_of_an_empty_session_says_what_is_missing(empty_file: Path, deck: Deck) -> None:
    with SessionStore.open(empty_file) as store:
        text = markdown_report(store.state, deck)
    assert md_headings(text) == list(SECTION_TITLES.values())
    for section, sentence in NOTHING_YET.items():
        if section != "concern-cards":
            assert sentence in text, section
    assert "None" not in text
