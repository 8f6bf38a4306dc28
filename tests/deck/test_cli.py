"""`netwerktafel deck …` as a user runs it: its output and exit code (run in-process)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli_inprocess import invoke as run
from tests.deck.conftest import EXAMPLES, FORMS, MANIFEST, DeckWriter
from tests.schema_language import english_descriptions, english_or_missing


def test_check_valid_deck_prints_a_summary(write_deck: DeckWriter) -> None:
    result = run("deck", "check", write_deck())
    assert result.code == 0, result.stderr
    assert result.stdout.strip() == (
        "Deck 'testdeck' is in orde: 4 kaarten "
        "(1 Participatievorm, 1 Voorbeeld, 1 Bezorgdheid, 1 Stelling)."
    )


def test_check_broken_deck_lists_every_problem_and_exits_2(write_deck: DeckWriter) -> None:
    broken = EXAMPLES.replace("  method:", "  methode:").replace("n: 1198", "n: veel")
    result = run("deck", "check", write_deck(examples=broken))
    assert result.code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    assert "voorbeelden.yaml:10:3: card 'buurtvaders': onbekend veld 'methode'" in lines[0]
    assert (
        "voorbeelden.yaml:20:34: card 'stelling-plicht': 'benchmark.n' moet een geheel getal"
        in lines[1]
    )
    assert lines[2] == "2 problemen gevonden."
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_check_syntax_error_exits_2_without_traceback(write_deck: DeckWriter) -> None:
    result = run("deck", "check", write_deck(examples="- id: [x\n"))
    assert result.code == 2
    assert "voorbeelden.yaml:2:1: YAML-fout" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_missing_folder(tmp_path: Path) -> None:
    result = run("deck", "check", tmp_path / "nergens")
    assert result.code == 2
    assert "geen deck-manifest gevonden (controleer het pad)" in result.stderr


def test_list_json_holds_every_field(write_deck: DeckWriter) -> None:
    result = run("deck", "list", "--deck", write_deck(), "--json")
    assert result.code == 0, result.stderr
    cards = json.loads(result.stdout)
    assert [c["id"] for c in cards] == ["meedoen", "efficientie", "buurtvaders", "stelling-plicht"]
    statement = cards[3]
    assert statement["benchmark"] == {
        "table": "Tabel 4",
        "n": 1198,
        "percentages": [5, 13, 29, 40, 13],
        "low": 18,
        "high": 53,
        "language": None,
    }
    assert cards[2]["sources"][0]["url"] == "https://example.org/buurtvaders"


def test_list_filters_on_type(write_deck: DeckWriter) -> None:
    result = run("deck", "list", "--deck", write_deck(), "--type", "voorbeeld")
    assert result.code == 0
    assert "buurtvaders" in result.stdout and "stelling-plicht" not in result.stdout
    assert re.search(r"\b1 kaart\b", result.stdout)


def test_list_shows_square_brackets_as_written(write_deck: DeckWriter) -> None:
    # They read as rich markup before: "[/]" closed no tag and the list failed (exit 1).
    manifest = MANIFEST.replace("title: Testdeck", "title: 'Testdeck [/]'")
    forms = FORMS.replace("title: Meedoen", "title: 'Meedoen [bold]nu[/bold]'")
    result = run("deck", "list", "--deck", write_deck(manifest=manifest, forms=forms))
    assert result.code == 0, result.stderr
    assert "Testdeck [/]" in result.stdout
    assert "Meedoen [bold]nu[/bold]" in result.stdout


def test_list_unknown_type_suggests_one(write_deck: DeckWriter) -> None:
    result = run("deck", "list", "--deck", write_deck(), "--type", "voorbeld")
    assert result.code == 2
    assert "onbekend kaarttype 'voorbeld' (bedoelde je 'voorbeeld'?)" in result.stderr


def test_show_renders_a_card(write_deck: DeckWriter) -> None:
    result = run("deck", "show", "stelling-plicht", "--deck", write_deck())
    assert result.code == 0, result.stderr
    assert "Ik vind het mijn plicht" in result.stdout
    assert "N = 1.198" in result.stdout and "40%" in result.stdout
    assert "niet representatief" in result.stdout


def test_show_unknown_id_suggests_one(write_deck: DeckWriter) -> None:
    result = run("deck", "show", "buurtvader", "--deck", write_deck())
    assert result.code == 2
    assert "bedoelde je 'buurtvaders'?" in result.stderr


def test_schema_describes_card_fields() -> None:
    result = run("deck", "schema")
    assert result.code == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "array"
    example = schema["$defs"]["ExampleCard"]
    assert (
        example["properties"]["goal"]["description"]
        == "Waar het initiatief naar streeft (doelstelling)."
    )
    assert example["additionalProperties"] is False
    assert english_or_missing(schema) == []
    assert english_descriptions(schema) == []  # the Text definition's was English
    manifest = json.loads(run("deck", "schema", "--manifest").stdout)
    assert "files" in manifest["properties"] and "groups" in manifest["properties"]
    assert english_or_missing(manifest) == []
    assert english_descriptions(manifest) == []


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("netwerktafel ")
    for command in (
        [],
        ["deck"],
        ["deck", "check"],
        ["deck", "list"],
        ["deck", "show"],
        ["deck", "schema"],
    ):
        result = run(*command, "--help")
        assert result.code == 0, command
        assert "Gebruik: netwerktafel" in result.stdout


def test_check_help_shows_the_optional_deck_once_in_brackets() -> None:
    shown = run("deck", "check", "--help", env={"COLUMNS": "100"})
    assert shown.code == 0
    assert "netwerktafel deck check [OPTIES] [DECK]" in shown.stdout
    assert "[[DECK]]" not in shown.stdout
