"""End-to-end tests of `netwerktafel session …` and `netwerktafel vote`.

Commands run in-process; the voters that race each other or get killed are real processes.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.cli_inprocess import run

CLI = Path(sys.executable).parent / "netwerktafel"


def start(*args: str | Path) -> subprocess.Popen[str]:
    """The CLI as a process of its own, for the tests where processes race or die."""
    return subprocess.Popen(
        [str(CLI), *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def show(session: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(run("session", "show", session, "--json").stdout)
    return data


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, deck_dir: Path, workshop_file: Path) -> Path:
    """A session with three stakeholders and three approaches, made once through the CLI."""
    path = tmp_path_factory.mktemp("sjabloon") / "tafel.nwt"
    created = json.loads(
        run(
            "session",
            "new",
            path,
            "--deck",
            deck_dir,
            "--workshop",
            workshop_file,
            "--case",
            "Overlast op het stationsplein",
            "--json",
        ).stdout
    )
    assert created["session"] == str(path)
    assert len(created["join_code"]) == 6
    run("session", "add-stakeholder", path, "burgemeester")
    run("session", "add-stakeholder", path, "bewoner", "--name", "Ann")
    run("session", "add-stakeholder", path, "korpschef", "--name", "Karel")
    run("session", "add-approach", path, "burgemeester", "infokrant", "--note", "elke maand")
    run("session", "add-approach", path, "Ann", "buurtvaders")
    run("session", "add-approach", path, "s3", "buurtsignaal")
    return path


@pytest.fixture
def session(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template session, with its facilitator token beside it."""
    path = tmp_path / template.name
    for name in (template.name, f"{template.name}.begeleider"):
        shutil.copy2(template.parent / name, tmp_path / name)
    return path


def _dots_ballot(session: Path) -> list[str]:
    opened = json.loads(
        run(
            "session",
            "open-ballot",
            session,
            "--method",
            "dots",
            "--over",
            "approaches",
            "--dots",
            "3",
            "--json",
        ).stdout
    )
    assert opened["ballot"] == "b1"
    assert [o["label"] for o in opened["options"]] == [
        "Infokrant (Burgemeester)",
        "Buurtvaders (Ann)",
        "Buurtsignaal (Karel)",
    ]
    return [o["id"] for o in opened["options"]]


@pytest.mark.slow
def test_how_it_is_checked(session: Path, thorough: bool) -> None:
    """Processes vote at once (25 in the thorough run); every dot is there once; votes
    after closing are refused."""
    count = 25 if thorough else 8
    options = _dots_ballot(session)
    rng = random.Random(25)
    cast = {f"Deelnemer {n}": [rng.choice(options) for _ in range(3)] for n in range(count)}
    voters = [
        start(
            "vote",
            session,
            "--name",
            name,
            "--ballot",
            "b1",
            *[arg for choice in choices for arg in ("--choice", choice)],
        )
        for name, choices in cast.items()
    ]
    for voter in voters:
        out, err = voter.communicate(timeout=120)
        assert voter.returncode == 0, err
        assert out.startswith("Stem geteld voor Deelnemer")
    ballot = show(session)["ballots"][0]
    assert ballot["voters"] == count
    recorded = {vote["participant"]: vote["choices"] for vote in ballot["votes"]}
    assert recorded == cast
    expected = Counter(choice for choices in cast.values() for choice in choices)
    assert {row["option_id"]: row["count"] for row in ballot["tally"]["rows"]} == {
        option: expected[option] for option in options
    }
    assert ballot["tally"]["total"] == 3 * count

    run("session", "close-ballot", session, "b1")
    for name in ("Deelnemer 0", "Laatkomer"):
        refused = run("vote", session, "--name", name, "--ballot", "b1", "--choice", "1", code=2)
        assert refused.stderr == "Geweigerd: stemronde b1 is gesloten; je stem telt niet meer\n"
    after = show(session)["ballots"][0]
    assert after["tally"] == ballot["tally"] and after["open"] is False
    assert len(show(session)["participants"]) == count  # the refused join left nothing behind


@pytest.mark.slow
def test_kill_9_during_a_vote_storm_loses_no_acknowledged_vote(
    session: Path, thorough: bool
) -> None:
    count = 16 if thorough else 8
    _dots_ballot(session)
    rng = random.Random(9)
    voters = {
        f"Stemmer {n}": start(
            "vote",
            session,
            "--name",
            f"Stemmer {n}",
            "--ballot",
            "b1",
            "--choice",
            "1",
            "--choice",
            "2",
        )
        for n in range(count)
    }
    time.sleep(0.3)
    names = list(voters)
    rng.shuffle(names)
    for name in names[: count // 2]:
        time.sleep(rng.uniform(0, 0.15))
        os.kill(voters[name].pid, signal.SIGKILL)
    acknowledged = set()
    for name, voter in voters.items():
        out, _ = voter.communicate(timeout=120)
        if voter.returncode == 0 and out.startswith("Stem geteld"):
            acknowledged.add(name)
        else:
            assert voter.returncode == -signal.SIGKILL
    assert len(acknowledged) >= count // 2
    recorded = {vote["participant"] for vote in show(session)["ballots"][0]["votes"]}
    assert acknowledged <= recorded
    conn = sqlite3.connect(session)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_re_vote_replaces_the_earlier_one(session: Path) -> None:
    _dots_ballot(session)
    run("vote", session, "--name", "Els", "--ballot", "b1", "--choice", "1", "--choice", "1")
    run(
        "vote",
        session,
        "--name",
        " els ",
        "--ballot",
        "1",
        "--choice",
        "Buurtvaders (Ann)",
        "--reason",
        "toch dit",
    )
    data = show(session)
    assert [p["name"] for p in data["participants"]] == ["Els"]
    (vote,) = data["ballots"][0]["votes"]
    assert (vote["choices"], vote["reason"]) == (["2"], "toch dit")


def test_likert_and_ranking_votes(session: Path) -> None:
    run(
        "session",
        "open-ballot",
        session,
        "--method",
        "likert",
        "--statement",
        "politie-garandeert",
        "--anonymous",
        "--reveal",
        "on-close",
    )
    run("session", "open-ballot", session, "--method", "ranking")
    run("vote", session, "--name", "Els", "--ballot", "b1", "--choice", "4")
    run("vote", session, "--name", "Els", "--ballot", "b2", "--choice", "3", "--choice", "1")
    refused = run("vote", session, "--name", "Els", "--ballot", "b1", "--choice", "6", code=2)
    assert refused.stderr.startswith("Geweigerd: '6' is geen optie van stemronde b1; kies uit: 1")
    likert, ranking = show(session)["ballots"]
    assert likert["tally"] is None and "votes" not in likert
    assert ranking["tally"]["ranking"][0] == "3"
    run("session", "close-ballot", session, "b1")
    likert = show(session)["ballots"][0]
    assert likert["tally"]["rows"][3]["count"] == 1
    assert [row["benchmark_percent"] for row in likert["tally"]["rows"]] == [2, 4, 9, 43, 42]
    assert "votes" not in likert


def test_refusals_exit_2_with_one_line(session: Path, tmp_path: Path) -> None:
    cases = [
        (
            ("session", "add-stakeholder", session, "burgmeester"),
            "Geweigerd: geen rolkaart 'burgmeester' (bedoelde je 'burgemeester'?)\n",
        ),
        (
            ("session", "add-approach", session, "Piet", "buurtvaders"),
            "Geweigerd: er is geen belanghebbende 'Piet'\n",
        ),
        (("session", "close-ballot", session, "b1"), "Geweigerd: er is nog geen stemronde\n"),
        (
            (
                "session",
                "open-ballot",
                session,
                "--method",
                "dots",
                "--option",
                "A",
                "--option",
                "B",
                "--dilemma",
                "overvraging",
            ),
            "Geweigerd: kies één bron van opties, niet --option en --dilemma\n",
        ),
        (("session", "undo", session), None),
        (
            ("vote", session, "--name", "Els", "--ballot", "b1", "--choice", "1"),
            "Geweigerd: er is nog geen stemronde\n",
        ),
        (("session", "previous-round", session), "Geweigerd: dit is al de eerste ronde\n"),
    ]
    for args, message in cases:
        result = run(*args, code=0 if message is None else 2)
        if message is not None:
            assert result.stderr == message
    # A copy of the session file carries no facilitator rights.
    copy = tmp_path / "kopie.nwt"
    shutil.copy(session, copy)
    result = run("session", "close-ballot", copy, "b1", code=2)
    assert "de begeleidersleutel van deze sessie ontbreekt" in result.stderr


def test_rounds_actions_and_undo(session: Path) -> None:
    assert run("session", "next-round", session).stdout == "Ronde 2: Aanpakken (15 min)\n"
    extended = run("session", "extend-round", session, "5").stdout
    assert extended == "Ronde 2: Aanpakken (15 min + 5)\n"
    run("session", "previous-round", session)
    run("session", "record-concern", session, "Ann", "algemeen-belang", "--text", "wie spreekt?")
    run(
        "session",
        "add-action",
        session,
        "Buurtvaders starten",
        "--owner",
        "Ann",
        "--approach",
        "a2",
        "--due",
        "2026-05-01",
    )
    run("session", "edit-action", session, "x1", "--done", "--owner", "")
    run("session", "set-case", session, "Inbraken in de wijk")
    assert run("session", "undo", session).stdout == "Ongedaan gemaakt: casus gewijzigd.\n"
    run("session", "set-case", session, "Inbraken in de wijk")
    undone = run("session", "undo", session, "--taal", "fr").stdout
    assert undone == "Annulé\xa0: cas modifié.\n"  # what was undone is said in French too
    run("session", "remove-stakeholder", session, "Karel")
    data = show(session)
    assert data["session"]["case"] == "Overlast op het stationsplein"
    assert data["round"]["index"] == 0 and data["rounds"][1]["extra_minutes"] == 5
    assert data["concerns"][0]["text"] == "wie spreekt?"
    action = data["actions"][0]
    assert (action["done"], action["owner"], action["due"]) == (True, None, "2026-05-01")
    assert [s["present"] for s in data["stakeholders"]] == [True, True, False]
    summary = run("session", "show", session).stdout
    assert "Karel (weg)" in summary and "Buurtvaders starten" in summary


def test_exports_are_safe_and_keep_anonymous_votes_secret(session: Path, tmp_path: Path) -> None:
    run("session", "add-stakeholder", session, "bewoner", "--name", '=HYPERLINK("x")')
    run("session", "add-approach", session, '=HYPERLINK("x")', "infokrant", "--note", "+31 6")
    run(
        "session",
        "open-ballot",
        session,
        "--method",
        "choice",
        "--option",
        "Ja",
        "--option",
        "Nee",
        "--anonymous",
    )
    run(
        "session", "open-ballot", session, "--method", "choice", "--option", "Ja", "--option", "Nee"
    )
    run(
        "vote",
        session,
        "--name",
        "Geheime Gert",
        "--ballot",
        "b1",
        "--choice",
        "Nee",
        "--reason",
        "niemand-mag-dit-lezen",
    )
    run("vote", session, "--name", "Open Olga", "--ballot", "b2", "--choice", "Ja")

    folder = tmp_path / "tabellen"
    run("session", "export", session, "--format", "csv", "-o", folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "actions.csv",
        "approaches.csv",
        "concerns.csv",
        "results.csv",
        "votes.csv",
    ]
    with (folder / "approaches.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    injected = rows[-1]
    assert injected[2] == '\'=HYPERLINK("x")' and injected[6] == "'+31 6"
    votes = (folder / "votes.csv").read_text(encoding="utf-8-sig")
    assert "Open Olga" in votes and "Geheime Gert" not in votes
    assert "niemand-mag-dit-lezen" not in votes
    results = list(csv.DictReader((folder / "results.csv").open(encoding="utf-8-sig")))
    assert {(r["ballot_id"], r["option"], r["count"]) for r in results} >= {("b1", "Nee", "1")}

    report = tmp_path / "verslag.md"
    run("session", "export", session, "--format", "md", "-o", report)
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Verslag van de netwerktafel")
    assert "Overlast op het stationsplein" in text and "\\=HYPERLINK" not in text
    assert "Geheime Gert" not in text and "niemand-mag-dit-lezen" not in text

    whole = tmp_path / "sessie.json"
    run("session", "export", session, "--format", "json", "-o", whole)
    dumped = whole.read_text(encoding="utf-8")
    assert json.loads(dumped) == show(session)
    assert "niemand-mag-dit-lezen" not in dumped
    anonymous = json.loads(dumped)["ballots"][0]
    assert "votes" not in anonymous and anonymous["tally"]["rows"][1]["count"] == 1

    assert (
        "dit is een map"
        in run("session", "export", session, "--format", "md", "-o", folder, code=2).stderr
    )


def test_export_and_aggregate_check_their_target_first(session: Path, tmp_path: Path) -> None:
    text_file = tmp_path / "notities.txt"
    text_file.write_text("blijft\n")
    missing = tmp_path / "weg" / "sessie.json"
    for args, line in (
        (
            ("session", "export", session, "-f", "csv", "-o", text_file),
            f"{text_file}:1:1: dit is een bestand, geen map "
            "(csv schrijft een map met tabellen, bv. -o tabellen)",
        ),
        (
            ("aggregate", session, "-f", "csv", "-o", text_file),
            f"{text_file}:1:1: dit is een bestand, geen map (geef een map, bv. -o vergelijking)",
        ),
        (
            ("session", "export", session, "-f", "md", "-o", tmp_path),
            f"{tmp_path}:1:1: dit is een map, geen bestand "
            "(geef een bestandsnaam, bv. -o verslag.md)",
        ),
        (
            ("session", "export", session, "-f", "json", "-o", missing),
            f"{missing}:1:1: de map '{missing.parent}' bestaat niet (maak ze eerst aan)",
        ),
    ):
        assert run(*args, code=2).stderr.splitlines() == [line, "1 probleem gevonden."]
    assert text_file.read_text() == "blijft\n" and not missing.parent.exists()


def test_print_ballots_names_a_slips_file_when_given_a_folder(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    run("session", "new", session, "-w", "kort")
    run("session", "open-ballot", session, "--method", "choice", "--option", "A", "--option", "B")
    for language, line in (
        ("nl", "dit is een map, geen bestand (geef een bestandsnaam, bv. -o stembrieven.pdf)"),
        (
            "fr",
            "c'est un dossier, pas un fichier (donnez un nom de fichier, p. ex. -o bulletins.pdf)",
        ),
    ):
        refused = run("print", "ballots", session, "b1", "-o", tmp_path, "--taal", language, code=2)
        assert refused.stderr.splitlines()[0] == f"{tmp_path}:1:1: {line}"


def test_bad_files_get_a_clear_error_and_are_not_touched(tmp_path: Path, session: Path) -> None:
    text_file = tmp_path / "notities.txt"
    text_file.write_text("geen sessie\n")
    foreign = tmp_path / "ander.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    corrupted = tmp_path / "kapot.nwt"
    data = bytearray(session.read_bytes())
    data[4096 + 8 : 8192] = b"\x00\xff" * ((4096 - 8) // 2)
    corrupted.write_bytes(bytes(data))
    cases = [
        (text_file, "dit is geen netwerktafel-sessie (geen SQLite-databank)"),
        (foreign, "dit is een SQLite-databank, maar geen netwerktafel-sessie"),
        (corrupted, "het sessiebestand is beschadigd"),
        (tmp_path / "weg.nwt", "dit sessiebestand bestaat niet"),
    ]
    for path, message in cases:
        before = path.read_bytes() if path.exists() else None
        for args in (
            ("session", "show", path),
            ("vote", path, "--name", "X", "--ballot", "b1", "--choice", "1"),
            ("session", "close-ballot", path, "b1"),
        ):
            result = run(*args, code=2)
            assert result.stderr.startswith(f"{path}:1:1: {message}"), result.stderr
            assert result.stderr.endswith("1 probleem gevonden.\n")
        assert (path.read_bytes() if path.exists() else None) == before


def test_new_session_checks_its_input(tmp_path: Path, deck_dir: Path, workshop_file: Path) -> None:
    path = tmp_path / "nieuw.nwt"
    result = run("session", "new", path, "--deck", deck_dir, "--workshop", "kortt", code=2)
    assert "geen ingebouwde werkvorm" in result.stderr and "bedoelde je 'kort'?" in result.stderr
    # A werkvorm that names a card the deck lacks outright is refused, and nothing is made.
    named = tmp_path / "genoemd.yaml"
    named.write_text(
        workshop_file.read_text().replace(
            "    minutes: 5\n", "    minutes: 5\n    roles: [schepen]\n"
        )
    )
    result = run("session", "new", path, "--deck", deck_dir, "--workshop", named, code=2)
    assert "onbekende rolkaart 'schepen'" in result.stderr
    assert not path.exists()
    # A built-in werkvorm fits the small deck (issue 12): it used to be refused here.
    fitted = run("session", "new", tmp_path / "kort.nwt", "--deck", deck_dir, "-w", "kort")
    assert "Sessie gemaakt: " in fitted.stdout
    out = run("session", "new", path, "--deck", deck_dir, "--workshop", workshop_file).stdout
    assert out.startswith(f"Sessie gemaakt: {path}\nDeelnamecode: ")
    again = run("session", "new", path, "--deck", deck_dir, "--workshop", workshop_file, code=2)
    assert "hier staat al een bestand" in again.stderr


@pytest.mark.parametrize(
    ("language", "shares", "survey"),
    [
        ("nl", ("2 (66,7 %)", "1 (33,3 %)", "0 (0 %)"), "bevraging 42 %"),
        ("fr", ("2 (66,7\xa0%)", "1 (33,3\xa0%)", "0 (0\xa0%)"), "enquête 42\xa0%"),
    ],
)
def test_show_writes_shares_the_readers_way(
    session: Path, language: str, shares: tuple[str, ...], survey: str
) -> None:
    # The report writes 66,7 % (decimal comma, a space before %); `session show` wrote 66.7%.
    options = _dots_ballot(session)
    run("vote", session, "--name", "Els", "--ballot", "b1", "--choice", options[0])
    run("vote", session, "--name", "Ann", "--ballot", "b1", "--choice", options[0])
    run("vote", session, "--name", "Karel", "--ballot", "b1", "--choice", options[1])
    run(
        "session", "open-ballot", session, "--method", "likert", "--statement", "politie-garandeert"
    )
    run("vote", session, "--name", "Els", "--ballot", "b2", "--choice", "4")
    shown = run("session", "show", session, "--taal", language).stdout
    for share in (*shares, survey):
        assert share in shown, shown
