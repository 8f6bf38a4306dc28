"""`--taal` on the command line: anywhere on the line, help included, bad values refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalogue import use_language
from tests.cli_inprocess import invoke


@pytest.fixture(autouse=True)
def dutch_again(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for variable in ("NETWERKTAFEL_TAAL", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    yield
    use_language("nl")


def test_help_speaks_french_with_the_option_before_or_after_the_command() -> None:
    assert "Vérifier un jeu" in invoke("--taal", "fr", "deck", "--help").stdout
    assert "Vérifier un jeu" in invoke("deck", "--taal=fr", "--help").stdout
    dutch = invoke("deck", "--help").stdout
    assert "Controleer een deck" in dutch
    assert "Vérifier" not in dutch


def test_the_variable_and_the_locale_choose_when_the_option_is_absent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    assert "Vérifier un jeu" in invoke("deck", "--help").stdout
    monkeypatch.setenv("NETWERKTAFEL_TAAL", "nl")
    assert "Controleer een deck" in invoke("deck", "--help").stdout
    assert "Vérifier un jeu" in invoke("deck", "--help", "--taal", "fr").stdout


def test_every_command_accepts_the_option() -> None:
    for command in (["deck", "check"], ["workshop", "list"], ["session", "new"], ["vote"]):
        assert "--taal" in invoke(*command, "--help").stdout, command


@pytest.mark.parametrize(
    "args", [["--taal", "de", "deck", "check"], ["deck", "check", "--taal=EN"]]
)
def test_an_unknown_language_is_one_line_and_exit_2(args: list[str]) -> None:
    outcome = invoke(*args)
    assert outcome.code == 2
    assert outcome.stderr.splitlines()[0].startswith("--taal:")
    assert "onbekende taal" in outcome.stderr


def test_an_unknown_language_in_the_variable_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NETWERKTAFEL_TAAL", "klingon")
    outcome = invoke("deck", "check")
    assert outcome.code == 2
    assert "NETWERKTAFEL_TAAL" in outcome.stderr
    assert "klingon" in outcome.stderr


def test_the_problem_count_is_french_in_french(tmp_path: Path) -> None:
    outcome = invoke("deck", "check", tmp_path / "geen-deck", "--taal", "fr")
    assert outcome.code == 2
    assert "1 problème trouvé." in outcome.stderr


def test_a_whole_session_from_the_command_line_speaks_french(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"

    def french(*args: str | Path) -> str:
        outcome = invoke(*args, "--taal", "fr")
        assert outcome.code == 0, outcome.stderr
        return outcome.stdout

    assert "Session créée" in french("session", "new", session)
    assert "Partie prenante s1" in french("session", "add-stakeholder", session, "burgemeester")
    refused = invoke("session", "open-ballot", session, "--method", "dots", "--option", "A")
    assert refused.code == 2 and "geef minstens twee opties" in refused.stderr
    opened = french(
        "session", "open-ballot", session, "--method", "choice", "--option", "A", "--option", "B"
    )
    assert "Vote b1 ouvert" in opened and "(choix)" in opened
    counted = french("vote", session, "--name", "Chloé", "--ballot", "b1", "--choice", "1")
    assert "Voix comptée pour Chloé" in counted
    shown = french("session", "show", session)
    assert "À la table" in shown and "préoccupations" in shown
    assert "est en ordre" in french("deck", "check")
    refused = invoke("session", "next-round", tmp_path / "nergens.nwt", "--taal", "fr")
    assert refused.code == 2 and "problème trouvé" in refused.stderr
    # What the command line looks up (a ballot, a stakeholder) is refused in French too.
    for args, said in (
        (("vote", session, "--name", "Jo", "--ballot", "b9", "--choice", "1"), "«\xa0b9\xa0»"),
        (("session", "record-concern", session, "Niemand", "efficientie"), "«\xa0Niemand\xa0»"),
    ):
        refused = invoke(*args, "--taal", "fr")
        assert refused.code == 2 and said in refused.stderr, refused.stderr
        assert "er is geen" not in refused.stderr and "il n'y a pas de" in refused.stderr


def test_a_file_that_is_no_file_is_said_whole_in_french() -> None:
    refused = invoke("workshop", "check", "/dev/null", "--taal", "fr")
    assert refused.code == 2
    assert "ce n'est pas un fichier ordinaire (un tube ou un périphérique)" in refused.stderr


def test_deck_check_names_each_problem_in_french(tmp_path: Path) -> None:
    manifest = "id: x\ntitle: X\nlanguage: nl\ntypes: {}\nfiles: [kaarten.yaml]\nfoo: 1\n"
    (tmp_path / "deck.yaml").write_text(manifest, encoding="utf-8")
    (tmp_path / "kaarten.yaml").write_text("[]\n", encoding="utf-8")
    french = invoke("deck", "check", tmp_path, "--taal", "fr")
    assert french.code == 2
    assert "deck.yaml:6:1: manifeste: champ inconnu «\xa0foo\xa0»" in french.stderr
    assert "1 problème trouvé." in french.stderr
    dutch = invoke("deck", "check", tmp_path)
    assert "deck.yaml:6:1: manifest: onbekend veld 'foo'" in dutch.stderr
    (tmp_path / "deck.yaml").write_text(manifest.replace("foo: 1\n", ""), encoding="utf-8")
    (tmp_path / "kaarten.yaml").write_text("- {id: wat, type: begrip, title: Wat}\n", "utf-8")
    french = invoke("deck", "check", tmp_path, "--taal", "fr")
    assert (
        "kaarten.yaml:1:3: carte «\xa0wat\xa0»: champ obligatoire «\xa0text\xa0» manquant"
        in french.stderr
    )
    dutch = invoke("deck", "check", tmp_path)
    assert "kaarten.yaml:1:3: card 'wat': verplicht veld 'text' ontbreekt" in dutch.stderr


def test_deck_list_shows_the_decks_french_side() -> None:
    french = invoke("deck", "list", "--type", "rol", "--taal", "fr", env={"COLUMNS": "120"})
    assert french.code == 0, french.stderr
    assert "Les citoyens, partenaires de la sécurité locale" in french.stdout
    assert "Bourgmestre" in french.stdout and "Burgemeester" not in french.stdout
    dutch = invoke("deck", "list", "--type", "rol", env={"COLUMNS": "120"})
    assert "Burgers als partners in lokale veiligheid" in dutch.stdout
    assert "Burgemeester" in dutch.stdout


@pytest.mark.parametrize(
    ("language", "args", "sentence"),
    [
        (
            "nl",
            ("session", "--help"),
            "Open een stemronde over de aanpakken, een stelling, eigen opties, een dilemma, of "
            "(consent) één voorstel of één actie van het actieplan.",
        ),
        (
            "fr",
            ("session", "--help"),
            "Ouvrir un vote sur les approches, une affirmation, des options propres, un dilemme, "
            "ou (consentement) une proposition ou une action du plan d'action.",
        ),
        (
            "nl",
            ("--help",),
            "De sessiebestanden worden alleen gelezen, nooit gewijzigd.",
        ),
        (
            "fr",
            ("--help",),
            "Les fichiers de session sont seulement lus, jamais modifiés.",
        ),
    ],
)
def test_a_help_line_is_not_broken_where_the_docstring_broke_it(
    language: str, args: tuple[str, ...], sentence: str
) -> None:
    # Wide enough for the whole sentence: any break left is a newline of the source text.
    shown = invoke(*args, "--taal", language, env={"COLUMNS": "250"})
    assert any(sentence in line for line in shown.stdout.splitlines()), shown.stdout
