"""The check of issue 15, end to end through the command line: one session with a matrix
ballot over the approaches, a consent ballot on an action with one block, a likert ballot
with "geen mening", and paper slips on each; the tallies read back from `session show
--json` and from the report PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber

from tests.cli_inprocess import Outcome, invoke


def run(*args: str | Path) -> Outcome:
    done = invoke(*args)
    assert done.code == 0, done.stderr
    return done


def test_matrix_consent_geen_mening_and_paper_in_one_session(tmp_path: Path) -> None:
    s = tmp_path / "tafel.nwt"
    run("session", "new", s, "--workshop", "kort", "--case", "Overlast op het stationsplein")
    run("session", "add-stakeholder", s, "burgemeester")
    run("session", "add-stakeholder", s, "bewoner", "--name", "Ann")
    run("session", "add-approach", s, "burgemeester", "wijktafel")
    run("session", "add-approach", s, "Ann", "buurtvaders")

    # A matrix over the two approaches: two voters, two paper slips.
    run("session", "open-ballot", s, "--method", "matrix", "--over", "approaches")
    run("vote", s, "--name", "Piet", "--ballot", "b1", "--choice", "1=5/4", "--choice", "2=4/1")
    run("vote", s, "--name", "Lies", "--ballot", "b1", "--choice", "1=4/5", "--choice", "2=5/2")
    run("session", "paper-vote", s, "b1", "--choice", "1=3/3", "--choice", "2=4/1")
    run("session", "paper-vote", s, "b1", "--choice", "1=4/4", "--choice", "2=3/2")

    # Consent on an action: one block with its reason, one agreement on paper.
    run("session", "add-action", s, "Buurtvaders starten op het plein")
    run("session", "open-ballot", s, "--method", "consent", "--action", "x1")
    run("vote", s, "--name", "Piet", "--ballot", "b2", "--choice", "akkoord")
    run("vote", s, "--name", "Lies", "--ballot", "b2", "--choice", "blokkeren",
        "--reason", "eerst met de jeugddienst praten")  # fmt: skip
    run("session", "paper-vote", s, "b2", "--choice", "akkoord")

    # A statement with "geen mening", on a phone-less table as well.
    run("session", "open-ballot", s, "--method", "likert", "--geen-mening",
        "--statement", "stelling-politie-garandeert-veiligheid")  # fmt: skip
    run("vote", s, "--name", "Piet", "--ballot", "b3", "--choice", "4")
    run("vote", s, "--name", "Lies", "--ballot", "b3", "--choice", "geen mening")
    run("session", "paper-vote", s, "b3", "--choice", "5")
    run("session", "paper-vote", s, "b3", "--choice", "geen mening")
    for ballot in ("b1", "b2", "b3"):
        run("session", "close-ballot", s, ballot)

    shown = json.loads(run("session", "show", s, "--json").stdout)
    matrix, consent, likert = shown["ballots"]
    assert [b["paper_votes"] for b in shown["ballots"]] == [2, 1, 2]
    points = matrix["tally"]["matrix"]["points"]
    assert points[0]["means"] == [4.0, 4.0] and points[0]["spreads"] == [0.71, 0.71]
    assert points[0]["quadrant"] == "snel doen"
    assert points[1]["means"] == [4.0, 1.5] and points[1]["quadrant"] == "plannen"
    assert matrix["tally"]["voters"] == 4 and matrix["tally"]["paper"] == 2
    counts = {row["option_id"]: row["count"] for row in consent["tally"]["rows"]}
    assert counts == {"akkoord": 2, "onthouding": 0, "bezwaar": 0, "blokkeren": 1}
    assert consent["tally"]["reasons"] == [
        {"answer": "blokkeren", "reason": "eerst met de jeugddienst praten"}
    ]
    assert shown["actions"][0]["blocked"] is True
    assert likert["tally"]["no_opinion"] == 2 and likert["tally"]["voters"] == 4
    assert [row["percent"] for row in likert["tally"]["rows"]] == [0.0, 0.0, 0.0, 50.0, 50.0]

    report = tmp_path / "verslag.pdf"
    run("print", "report", s, "-o", report)
    with pdfplumber.open(report) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert "matrix · gesloten · 4 deelnemers stemden · waarvan 2 op papier" in text
    assert "1. Wijktafel" in text and "4,0 ± 0,7 4,0 ± 0,7 snel doen" in text
    assert "4,0 ± 0,7 1,5 ± 0,5 plannen" in text
    assert "instemming · gesloten · 3 deelnemers stemden · waarvan 1 op papier" in text
    assert "blokkeren: eerst met de jeugddienst praten" in text
    assert "open · geblokkeerd" in text  # the word whole: the column is wide enough
    assert "2 deelnemers zonder mening, apart geteld" in text
    assert "2 stemmen kwamen op papier." in text
    assert "Piet" not in text and "Lies" not in text
