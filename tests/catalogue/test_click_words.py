"""Click's and Typer's own words (usage line, help panels, usage errors) are Dutch by default
and French with `--taal fr`; none of Typer's English is left in either."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer
from hypothesis import assume, given
from hypothesis import strategies as st

from catalogue import translation, use_language
from game.cli import app
from game.cli.click_words import _METAVARS, localised_message
from game.cli.language import command_tree
from game.cli.lazy_group import load_every_command
from tests.cli_inprocess import invoke

NEUTRAL_METAVARS = frozenset({"ID", "TYPE", "MM", "X,Y"})
"""Placeholders that are no word of one language; a list of values (`nl|fr`) is one too."""

ENGLISH = (
    "Usage:",
    "COMMAND [ARGS]",
    "Commands ",
    "Error",
    "Show this message",
    "for help",
    "Missing",
    "No such",
    "Did you mean",
    "Invalid value",
    "Input should",
    "Value error",
    "requires an argument",
    "is not one of",
    "Got unexpected",
    "[default:",
    "[required]",
)
"""Typer's own words as it prints them untranslated."""


@pytest.fixture(autouse=True)
def dutch_again(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for variable in ("NETWERKTAFEL_TAAL", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    yield
    use_language("nl")


def _no_english(text: str) -> None:
    left = [word for word in ENGLISH if word in text]
    assert not left, (left, text)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", ("Gebruik: netwerktafel [OPTIES] OPDRACHT", "─ Opties ─", "─ Opdrachten ─")),
        (
            "fr",
            ("Utilisation\xa0: netwerktafel [OPTIONS] COMMANDE", "─ Options ─", "─ Commandes ─"),
        ),
    ],
)
def test_the_root_help_speaks_the_language(language: str, words: tuple[str, ...]) -> None:
    shown = invoke("--taal", language, "--help")
    assert shown.code == 0
    for word in words:
        assert word in shown.stdout
    _no_english(shown.stdout)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", ("─ Argumenten ─", "Toon deze hulp en stop.", "[verplicht]", "[standaard: 3]")),
        ("fr", ("─ Arguments ─", "Afficher cette aide", "[obligatoire]", "[par défaut : 3]")),
    ],
)
def test_a_commands_help_speaks_the_language(language: str, words: tuple[str, ...]) -> None:
    shown = invoke("session", "open-ballot", "--help", "--taal", language)
    assert shown.code == 0
    flat = " ".join(shown.stdout.replace("│", " ").split())
    for word in words:
        assert word in flat
    _no_english(flat)


USAGE_ERRORS = [
    (["deck", "show"], "argument 'ID' ontbreekt.", "l'argument 'ID' manque."),
    (["deck", "check", "--bogus"], "onbekende optie: --bogus", "option inconnue : --bogus"),
    (
        ["sesion"],
        "onbekende opdracht 'sesion'. Bedoelde je 'session'?",
        "commande inconnue 'sesion'. Vouliez-vous dire 'session' ?",
    ),
    (
        ["session", "open-ballot", "x", "--method", "dots", "--dots", "veel"],
        "ongeldige waarde voor '--dots': verwacht een geheel getal",
        "valeur non valable pour '--dots' : un nombre entier est attendu",
    ),
    (
        ["session", "open-ballot", "x", "--method", "stippen"],
        "ongeldige waarde voor '--method': 'stippen' is geen van 'dots'",
        "valeur non valable pour '--method' : 'stippen' ne fait pas partie de 'dots'",
    ),
    (
        ["session", "open-ballot", "x", "--method"],
        "optie '--method' vraagt een waarde.",
        "l'option '--method' demande une valeur.",
    ),
    (["deck", "show", "a", "b"], "onverwachte extra argumenten (b)", "arguments supplémentaires"),
    (["serve", "x", "--port", "0"], "verwacht minstens 1", "au moins 1 est attendu"),
]


@pytest.mark.parametrize(("args", "dutch", "french"), USAGE_ERRORS)
def test_a_usage_error_speaks_the_language(args: list[str], dutch: str, french: str) -> None:
    for language, said, prefix, other in (
        ("nl", dutch, "Gebruik: ", french),
        ("fr", french, "Utilisation : ", dutch),
    ):
        shown = invoke("--taal", language, *args)
        assert shown.code == 2
        flat = " ".join(shown.stderr.replace("│", " ").split())
        assert said in flat, (language, flat)
        assert other not in flat
        # The usage line, in the language, when Click knows the command (not for an
        # option's missing value, which its parser reports without one).
        assert flat.startswith((prefix.strip(), "╭")), flat
        _no_english(flat)


TRIGGERS = (
    "Missing",
    "No such",
    "Invalid",
    "Option",
    "Value",
    "Input",
    "Did you",
    "Got",
    "Choose",
    "Argument",
    "Possible",
    "is not one of",
)


@given(st.text())
def test_a_message_without_typers_english_is_left_as_it_is(text: str) -> None:
    # Our own messages (a Dutch BadParameter, a value the user typed) pass unchanged.
    assume(not any(word in text for word in TRIGGERS))
    assert localised_message(text) == text


def test_our_dutch_placeholders_are_said_in_french() -> None:
    wide = {"COLUMNS": "120"}
    french = invoke("--taal", "fr", "print", "cards", "--help", env=wide).stdout
    assert "FICHIER" in french and "BESTAND" not in french
    assert "{ID|FICHIER}" in invoke("--taal", "fr", "workshop", "show", "--help", env=wide).stdout
    dutch = invoke("print", "cards", "--help", env=wide).stdout
    assert "BESTAND" in dutch and "FICHIER" not in dutch


def _source_metavars() -> set[str]:
    # The command tree as Typer builds it from our code, before a run says it in a language.
    root = load_every_command(typer.main.get_command(app))
    return {
        param.metavar
        for command in command_tree(root)
        for param in command.params
        if param.metavar is not None
    }


def test_every_placeholder_is_dutch_at_the_source_and_said_in_french() -> None:
    found = _source_metavars()
    assert {"SESSIE", "STEMRONDE", "BELANGHEBBENDE", "KAART"} <= found
    values = {m for m in found if "|" in m and m.islower()}  # choices: nl|fr, a4|letter
    assert found - values - NEUTRAL_METAVARS <= _METAVARS, "a placeholder not in _METAVARS"
    french = translation("fr")
    for dutch in _METAVARS:
        assert french.gettext(dutch) != dutch, dutch


@pytest.mark.parametrize(
    ("args", "dutch", "french"),
    [
        (["session", "paper-vote"], "{SESSIE} {STEMRONDE}", "{SESSION} {SCRUTIN}"),
        (["session", "add-stakeholder"], "{SESSIE} {ROL}", "{SESSION} {RÔLE}"),
        (
            ["session", "record-concern"],
            "{SESSIE} {BELANGHEBBENDE} {BEZORGDHEID}",
            "{SESSION} {PARTIE_PRENANTE} {PRÉOCCUPATION}",
        ),
        (
            ["session", "add-approach"],
            "{SESSIE} {BELANGHEBBENDE} {KAART}",
            "{SESSION} {PARTIE_PRENANTE} {CARTE}",
        ),
        (["session", "edit-action"], "{SESSIE} {ACTIE}", "{SESSION} {ACTION}"),
        (["print", "ballots"], "{SESSIE} {STEMRONDE}", "{SESSION} {SCRUTIN}"),
        (["aggregate"], "{SESSIE…}", "{SESSION…}"),
        (["deck", "check"], "[DECK]", "[JEU]"),
    ],
)
def test_a_commands_usage_line_names_its_placeholders_in_the_language(
    args: list[str], dutch: str, french: str
) -> None:
    assert dutch in _usage(invoke(*args, "--help").stdout)
    assert french in _usage(invoke("--taal", "fr", *args, "--help").stdout)


def _usage(help_text: str) -> str:
    """The usage line of a command's help, whole when Click wrapped it."""
    lines = help_text.strip().split("\n\n")[0]
    return " ".join(lines.split())


@pytest.mark.parametrize(
    ("args", "summary"),
    [
        (["session"], "één per soort) of de hele sessie (json)."),
        ([], "per stelling elke tafel naast de bevraging, de gekozen vormen en voorbeelden"),
        (["--taal", "fr", "session"], "un par type) ou toute la session (json)."),
    ],
)
def test_a_groups_list_shows_each_commands_summary_as_one_sentence(
    args: list[str], summary: str
) -> None:
    # A docstring's line break inside its first sentence used to break the row there.
    shown = invoke(*args, "--help", env={"COLUMNS": "200"}).stdout
    assert any(summary in line for line in shown.splitlines()), shown
