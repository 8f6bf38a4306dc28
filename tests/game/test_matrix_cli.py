"""Matrix ballots and paper slips from the command line: open-ballot --method matrix
[--axes], vote --choice OPTIE=A/B, session paper-vote, show, the CSV and Markdown exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.cli_inprocess import Outcome, invoke


def run(*args: str | Path, code: int = 0) -> Outcome:
    done = invoke(*args)
    assert done.code == code, done.stderr
    return done


def test_a_matrix_with_paper_slips_from_the_command_line(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    run("session", "new", session, "--workshop", "kort")
    opened = run(
        "session", "open-ballot", session, "--method", "matrix",
        "--option", "Wijktafel", "--option", "Buurtvaders", "--axes", "nut, kostprijs",
    )  # fmt: skip
    assert "OPTIE=NUT/KOSTPRIJS" in opened.stdout
    run("vote", session, "--name", "Ann", "--ballot", "b1",
        "--choice", "Wijktafel=5/4", "--choice", "2=2/1")  # fmt: skip
    refused = run("vote", session, "--name", "Bob", "--ballot", "b1", "--choice", "1=6/4", code=2)
    assert "nut van optie 1 moet 1 tot 5 zijn, niet 6" in refused.stderr
    refused = run("vote", session, "--name", "Bob", "--ballot", "b1",
                  "--choice", "Infokrant=3/3", "--choice", "2=1/1", code=2)  # fmt: skip
    assert "'Infokrant=3/3' is geen optie van stemronde b1" in refused.stderr
    slip = run("session", "paper-vote", session, "b1", "--choice", "1=3/2", "--choice", "2=4/5")
    assert "Stembrief papier 1 ingevoerd in stemronde b1" in slip.stdout
    refused = run("session", "paper-vote", session, "b1", "--choice", "1=3/2", code=2)
    assert "stembrief: plaats elke optie op nut en kostprijs; nog niet: 2" in refused.stderr

    shown = json.loads(run("session", "show", session, "--json").stdout)
    ballot = shown["ballots"][0]
    assert ballot["voters"] == 2 and ballot["paper_votes"] == 1
    assert ballot["paper"][0]["slip"] == "papier 1"
    points = ballot["tally"]["matrix"]["points"]
    assert ballot["tally"]["matrix"]["axes"] == ["nut", "kostprijs"]
    assert points[0]["means"] == [4.0, 3.0] and points[0]["quadrant"] == "snel doen"
    assert points[1]["means"] == [3.0, 3.0] and points[1]["spreads"] == [1.0, 2.0]
    text = run("session", "show", session).stdout
    assert "waarvan 1 op papier" in text and "snel doen" in text
    assert "1. Wijktafel: nut 4,0 ± 1,0, kostprijs 3,0 ± 1,0 → snel doen" in text

    run("session", "export", session, "--format", "csv", "-o", tmp_path / "csv")
    with (tmp_path / "csv" / "votes.csv").open(encoding="utf-8-sig") as votes_file:
        votes = list(csv.DictReader(votes_file))
    assert len(votes) == 2 * 2 * 2  # two votes × two options × two axes
    assert {(v["participant"], v["option"], v["axis"], v["value"]) for v in votes} >= {
        ("Ann", "Wijktafel", "nut", "5"),
        ("papier 1", "Buurtvaders", "kostprijs", "5"),
    }
    with (tmp_path / "csv" / "results.csv").open(encoding="utf-8-sig") as results_file:
        results = list(csv.DictReader(results_file))
    assert [(r["option"], r["axis"], r["mean"], r["spread"], r["paper"]) for r in results] == [
        ("Wijktafel", "nut", "4.0", "1.0", "1"),
        ("Wijktafel", "kostprijs", "3.0", "1.0", "1"),
        ("Buurtvaders", "nut", "3.0", "1.0", "1"),
        ("Buurtvaders", "kostprijs", "3.0", "2.0", "1"),
    ]
    run("session", "export", session, "--format", "md", "-o", tmp_path / "verslag.md")
    markdown = (tmp_path / "verslag.md").read_text(encoding="utf-8")
    assert "| 1 | Wijktafel | 4,0 ± 1,0 | 3,0 ± 1,0 | snel doen |" in markdown
    assert "waarvan 1 op papier" in markdown and "Ann" not in markdown

    run("session", "close-ballot", session, "b1")
    refused = run("session", "paper-vote", session, "b1", "--choice", "1=3/2", code=2)
    assert "stemronde b1 is gesloten" in refused.stderr


def test_bad_axes_are_refused(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    run("session", "new", session, "--workshop", "kort")
    base = ("session", "open-ballot", session, "--option", "A", "--option", "B")
    refused = run(*base, "--method", "matrix", "--axes", "alleen", code=2)
    assert "een matrix heeft twee assen, niet 1" in refused.stderr
    refused = run(*base, "--method", "dots", "--axes", "a,b", code=2)
    assert "assen horen alleen bij een matrix" in refused.stderr


def test_the_default_axes_are_said_in_the_runs_language(tmp_path: Path) -> None:
    # The vote hint read OPTION=IMPACT/HAALBAARHEID under --taal fr.
    session = tmp_path / "tafel.nwt"
    run("session", "new", session, "--workshop", "kort")
    opened = run(
        "session", "open-ballot", session, "--method", "matrix",
        "--option", "Wijktafel", "--option", "Buurtvaders", "--taal", "fr",
    )  # fmt: skip
    assert "IMPACT/FAISABILITÉ" in opened.stdout, opened.stdout
    assert "HAALBAARHEID" not in opened.stdout
    run(
        "vote", session, "--name", "Ann", "--ballot", "b1", "--choice", "1=4/2", "--choice", "2=3/3"
    )
    shown = run("session", "show", session, "--taal", "fr").stdout
    assert "1. Wijktafel: impact 4,0 ± 0,0, faisabilité 2,0 ± 0,0" in shown, shown
    assert "haalbaarheid" not in shown
