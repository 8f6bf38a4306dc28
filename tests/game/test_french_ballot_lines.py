"""A ballot opened from a deck card reads in the language of whoever runs the command:
`session open-ballot`, `vote` and a refused choice quote the card's French side."""

from __future__ import annotations

from pathlib import Path

from tests.cli_inprocess import invoke


def test_a_dilemma_and_a_statement_read_in_french(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    assert invoke("session", "new", session, "--workshop", "kort").code == 0
    opened = invoke(
        "--taal", "fr", "session", "open-ballot", session, "--method", "choice",
        "--dilemma", "regisseren-of-faciliteren",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    assert "Vote b1 ouvert\xa0: La commune prend-elle les commandes" in opened.stdout
    assert "  2. Faciliter\u00a0: la commune soutient" in opened.stdout
    voted = invoke(
        "vote", session, "--taal", "fr", "--name", "Piet", "--ballot", "b1", "--choice", "2"
    )
    assert voted.code == 0, voted.stderr
    assert "Faciliter\u00a0: la commune soutient" in voted.stdout
    opened = invoke(
        "--taal", "fr", "session", "open-ballot", session, "--method", "likert",
        "--statement", "stelling-hulp-van-burgers-zinvol",
    )  # fmt: skip
    assert "L'aide des citoyens pour réduire la criminalité a du sens" in opened.stdout
    assert "  1. Pas du tout d'accord" in opened.stdout
    refused = invoke(
        "vote", session, "--taal", "fr", "--name", "Piet", "--ballot", "b2", "--choice", "9"
    )
    assert refused.code == 2
    assert "1 (Pas du tout d'accord)" in refused.stderr and "Helemaal" not in refused.stderr
    # In Dutch the same lines quote the Dutch side, without loading the deck again.
    voted = invoke("vote", session, "--name", "Piet", "--ballot", "b2", "--choice", "4")
    assert "Stem geteld voor Piet in stemronde b2: Eens" in voted.stdout
    shown = invoke("session", "show", session, "--taal", "fr")
    assert shown.code == 0, shown.stderr
    assert "b1 La commune prend-elle les commandes" in " ".join(shown.stdout.split())
    assert "Pas du tout d'accord" in shown.stdout and "Helemaal" not in shown.stdout


def test_our_own_ballot_titles_are_recorded_once_for_every_reader(tmp_path: Path) -> None:
    """A ballot over approaches opened in French reads 'Stemming over de aanpakken' to a Dutch
    reader (the report, session show), not the French words of whoever opened it."""
    session = tmp_path / "tafel.nwt"
    assert invoke("session", "new", session, "--workshop", "kort").code == 0
    for role, card in (("burgemeester", "wijktafel"), ("bewoner", "buurtvaders")):
        assert invoke("session", "add-stakeholder", session, role).code == 0
        assert invoke("session", "add-approach", session, role, card).code == 0
    opened = invoke("--taal", "fr", "session", "open-ballot", session, "--method", "dots")
    assert "Vote sur les approches (gommettes)" in opened.stdout, opened.stderr
    options = invoke("--taal", "fr", "session", "open-ballot", session, "--method", "choice",
                     "--option", "ja", "--option", "nee")  # fmt: skip
    assert ": Vote (choix)" in options.stdout, options.stderr
    dutch = invoke("session", "show", session)
    assert "b1 Stemming over de aanpakken" in dutch.stdout
    assert "b2 Stemronde" in dutch.stdout and "Vote sur" not in dutch.stdout
    report = tmp_path / "verslag.md"
    assert invoke("session", "export", session, "--format", "md", "-o", report).code == 0
    assert "Stemming over de aanpakken" in report.read_text(encoding="utf-8")
