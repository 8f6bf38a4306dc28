"""`netwerktafel workshop …` as a user runs it: its output and exit code (run in-process)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_inprocess import Outcome, invoke
from tests.schema_language import english_or_missing

from .conftest import WORKSHOP, WorkshopWriter


def run(*args: str | Path) -> Outcome:
    result = invoke(*args, env={"COLUMNS": "160"})
    assert "Traceback" not in result.stderr
    assert "Interne fout" not in result.stderr
    return result


def test_list_shows_the_builtin_formats() -> None:
    result = run("workshop", "list")
    assert result.code == 0, result.stderr
    expected_words = (
        "netwerktafel",
        "150",
        "kort",
        "45",
        "training",
        "Netwerktafel als rollenspel",
    )
    for expected in expected_words:
        assert expected in result.stdout


def test_list_as_json() -> None:
    result = run("workshop", "list", "--json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"id": "netwerktafel", "title": "Netwerktafel", "minutes": 150, "rounds": 10},
        {"id": "kort", "title": "Korte netwerktafel", "minutes": 45, "rounds": 5},
        {"id": "training", "title": "Netwerktafel als rollenspel", "minutes": 90, "rounds": 7},
    ]


def test_check_valid_script_prints_one_line(
    write_workshop: WorkshopWriter, deck_folder: Path
) -> None:
    result = run("workshop", "check", write_workshop(), "--deck", deck_folder)
    assert result.code == 0, result.stderr
    assert result.stdout == (
        "Werkvorm 'proef' is in orde: 5 rondes, 30 minuten, past bij deck 'proefdeck'.\n"
    )


def test_check_broken_script_lists_every_problem_and_exits_2(
    write_workshop: WorkshopWriter, deck_folder: Path
) -> None:
    text = WORKSHOP.replace("    dots: 3", "    dot: 3").replace("kind: casus", "kind: cassus")
    path = write_workshop(text)
    result = run("workshop", "check", path, "--deck", deck_folder)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{path}:9:11: ronde 'casus': onbekende soort ronde 'cassus' (bedoelde je 'casus'?)",
        f"{path}:30:5: ronde 'stemming': onbekend veld 'dot' (bedoelde je 'dots'?)",
        "2 problemen gevonden.",
    ]


def test_check_reports_card_references_against_the_deck(
    write_workshop: WorkshopWriter, deck_folder: Path
) -> None:
    path = write_workshop(WORKSHOP.replace("[stelling-plicht]", "[stelling-plich]"))
    result = run("workshop", "check", path, "--deck", deck_folder)
    assert result.code == 2
    assert result.stderr.splitlines() == [
        f"{path}:18:18: ronde 'stellingen': onbekende stellingkaart 'stelling-plich' "
        "(bedoelde je 'stelling-plicht'?)",
        "1 probleem gevonden.",
    ]


def test_check_syntax_error_and_missing_file(
    write_workshop: WorkshopWriter, tmp_path: Path
) -> None:
    result = run("workshop", "check", write_workshop("id: [kapot\n"))
    assert result.code == 2
    assert "proef.yaml:2:1: YAML-fout" in result.stderr
    missing = tmp_path / "weg.yaml"
    result = run("workshop", "check", missing)
    assert result.code == 2
    assert f"{missing}:1:1: bestand niet gevonden" in result.stderr


def test_show_gives_the_agenda_with_a_running_clock() -> None:
    result = run("workshop", "show", "kort", "--start", "19:30")
    assert result.code == 0, result.stderr
    expected_words = (
        "Korte netwerktafel",
        "19:30–19:35",
        "19:35–19:43",
        "20:05–20:15",
        "3 stippen",
    )
    for expected in expected_words:
        assert expected in result.stdout


def test_show_joins_a_rounds_settings_the_languages_way() -> None:
    # French puts a no-break space before ';' (it printed 'anonyme; résultat').
    dutch = run("workshop", "show", "kort").stdout
    french = run("workshop", "show", "kort", "--taal", "fr").stdout
    assert "anoniem; " in dutch
    assert "anonyme\xa0; " in french and "anonyme;" not in french


def test_show_without_start_counts_from_zero_and_can_show_instructions(
    write_workshop: WorkshopWriter,
) -> None:
    result = run("workshop", "show", write_workshop(), "--instructions")
    assert result.code == 0, result.stderr
    assert "0:25–0:30" in result.stdout
    assert "Spreek af wie wat doet." in result.stdout


def test_show_as_json_round_trips() -> None:
    result = run("workshop", "show", "training", "--json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "training" and len(data["cases"]) == 6
    assert data["rounds"][-1]["kind"] == "afsluiting"


def test_show_bad_input_exits_2() -> None:
    result = run("workshop", "show", "kort", "--start", "25:00")
    assert result.code == 2
    assert "--start:1:1: '25:00' is geen tijdstip (schrijf UU:MM, bv. 19:00)" in result.stderr
    result = run("workshop", "show", "kortt")
    assert result.code == 2
    assert "(bedoelde je 'kort'?)" in result.stderr


def test_schema_describes_the_rounds() -> None:
    result = run("workshop", "schema")
    assert result.code == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["title"] == "netwerktafel-werkvorm"
    assert schema["properties"]["minutes"]["description"].startswith("Totale duur")
    assert english_or_missing(schema) == []
    kinds = schema["properties"]["rounds"]["items"]["discriminator"]["mapping"]
    assert set(kinds) == {
        "casus",
        "stellingen",
        "bezorgdheden",
        "pauze",
        "aanpakken",
        "dilemma",
        "stemming",
        "actieplan",
        "afsluiting",
    }


def test_show_summarises_every_round_kind() -> None:
    result = run("workshop", "show", "netwerktafel", "--start", "19:00")
    assert result.code == 0, result.stderr
    for expected in (
        "19:00–19:15",
        "21:25–21:30",
        "(optioneel)",
        "pauze",
        "stelling-zelf-bijdragen",
        "hoogstens 2 per belanghebbende",
        "1 trekken uit alle dilemmakaarten",
        "top 3",
        "verslag: md, pdf",
    ):
        assert expected in result.stdout, expected


def _refused_in_french(
    write_workshop: WorkshopWriter, deck_folder: Path, text: str
) -> tuple[Path, list[str]]:
    """`text` written as a werkvorm and checked in French against the deck: its path and
    the lines the check says, which must refuse it (exit 2)."""
    path = write_workshop(text)
    result = run("workshop", "check", path, "--deck", deck_folder, "--taal", "fr")
    assert result.code == 2, result
    return path, result.stderr.splitlines()


def test_check_says_every_problem_of_a_broken_script_in_french(
    write_workshop: WorkshopWriter, deck_folder: Path
) -> None:
    text = (
        WORKSHOP.replace("kind: casus", "kind: cassus")
        .replace("    dots: 3", "    dots: 3\n    axes: [a, b]")
        .replace("- id: actieplan", "- id: casus")
    )
    path, said = _refused_in_french(write_workshop, deck_folder, text)
    assert said == [
        f"{path}:9:11: tour «\xa0casus\xa0»: type de tour inconnu «\xa0cassus\xa0» "
        "(vouliez-vous dire «\xa0casus\xa0»\xa0?)",
        f"{path}:26:5: tour «\xa0stemming\xa0»: «\xa0axes\xa0» ne vaut qu'avec "
        "«\xa0method: matrix\xa0», pas avec «\xa0dots\xa0»",
        "2 problèmes trouvés.",
    ]
    duplicate = WORKSHOP.replace("- id: actieplan", "- id: casus")
    path, said = _refused_in_french(write_workshop, deck_folder, duplicate)
    assert said == [
        f"{path}:32:9: tour «\xa0casus\xa0»: id en double (déjà utilisé à la ligne 8)",
        "1 problème trouvé.",
    ]


def test_check_says_the_card_references_and_the_minutes_in_french(
    write_workshop: WorkshopWriter, deck_folder: Path
) -> None:
    minutes = WORKSHOP.replace("minutes: 30", "minutes: 25")
    path, said = _refused_in_french(write_workshop, deck_folder, minutes)
    assert said[0] == (
        f"{path}:6:10: format d'atelier «\xa0proef\xa0»: les tours durent ensemble 30 minutes "
        "(5 + 10 + 5 + 5 + 5), mais «\xa0minutes\xa0» vaut 25 "
        "(mettez «\xa0minutes: 30\xa0» ou adaptez la durée d'un tour)"
    )
    text = WORKSHOP.replace("[stelling-plicht]", "[stelling-plich]").replace(
        "roles: [burgemeester, bewoner]", "roles: [burgemeester, meedoen]"
    )
    path, said = _refused_in_french(write_workshop, deck_folder, text)
    assert said == [
        f"{path}:12:27: tour «\xa0casus\xa0»: la carte «\xa0meedoen\xa0» est de type "
        "«\xa0vorm\xa0», pas une carte rôle (choisissez parmi\xa0: bewoner, burgemeester)",
        f"{path}:18:18: tour «\xa0stellingen\xa0»: carte affirmation inconnue "
        "«\xa0stelling-plich\xa0» (vouliez-vous dire «\xa0stelling-plicht\xa0»\xa0?)",
        "2 problèmes trouvés.",
    ]
