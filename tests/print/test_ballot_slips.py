"""Paper ballot slips: read back with pdfplumber (slips per page, options, the ballot's id,
the instruction), inside the page, for every method; the CLI refuses a closed ballot."""

from __future__ import annotations

import io
import sqlite3
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from game.engine import commands as c
from print.ballot_slips import render_slips, slips_per_page
from tests.cli_inprocess import invoke
from tests.dutch_words import dutch_only_words, words
from tests.game.engine_helpers import Table


def columns_text(page: pdfplumber.page.Page) -> str:
    """A page's text column by column (two slips side by side), on one line."""
    half = page.width / 2
    parts = (page.crop((0, 0, half, page.height)), page.crop((half, 0, page.width, page.height)))
    return " ".join(" ".join((part.extract_text() or "").split()) for part in parts)


def opened(command: c.OpenBallot) -> Table:
    table = Table(None)
    table.do(command)
    return table


BALLOTS = {
    "matrix": c.OpenBallot("matrix", "options", options=("Wijktafel", "Buurtvaders", "Infokrant")),
    "dots": c.OpenBallot("dots", "options", options=("A", "B", "C"), dots=3),
    "ranking": c.OpenBallot("ranking", "options", options=("A", "B", "C")),
    "likert": c.OpenBallot(
        "likert", "statement", options=("Het plein is veilig",), no_opinion=True
    ),
    "choice": c.OpenBallot("choice", "options", options=("Ja", "Nee"), max_choices=1),
    "consent": c.OpenBallot("consent", "proposal", options=("Een wijktafel elke maand",)),
}
INSTRUCTIONS = {
    "matrix": "voor impact en één voor haalbaarheid",
    "dots": "Kleur 3 bolletjes in",
    "ranking": "1 bij je beste keuze",
    "likert": "Kruis één vakje aan: 1 = helemaal oneens",
    "choice": "Kruis één vakje aan.",
    "consent": "waarom: zonder reden telt dat antwoord niet",
}


@pytest.mark.parametrize("method", list(BALLOTS))
def test_slips_read_back(method: str) -> None:
    table = opened(BALLOTS[method])
    ballot = table.state.ballots["b1"]
    per_page = slips_per_page(ballot)
    assert per_page >= 4, "several slips to an A4"
    count = per_page + 1
    data, summary = render_slips(ballot, count)
    assert summary.slips == count and summary.pages == 2 and summary.per_page == per_page
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 2
        first, second = (columns_text(page) for page in pdf.pages)
        # The id twice on every slip: in the band and at the foot.
        assert first.count("stemronde b1") == 2 * per_page and second.count("stemronde b1") == 2
        assert first.count(INSTRUCTIONS[method]) == per_page
        for option in ballot.options:
            assert first.count(option.label) >= per_page
        if method == "likert":
            assert first.count("Geen mening") == per_page
        page = pdf.pages[0]
        for char in page.chars:
            assert char["x0"] > 0 and char["x1"] < page.width
            assert char["top"] > 0 and char["bottom"] < page.height
        dashed = [line for line in page.lines if line.get("dash")]
        assert page.lines, "cut lines are drawn"
        assert dashed or page.lines


def test_slips_of_two_ballots_differ_in_their_id() -> None:
    table = opened(BALLOTS["choice"])
    table.do(c.OpenBallot("choice", "options", options=("Ja", "Nee")))
    first, _ = render_slips(table.state.ballots["b1"], 2)
    second, _ = render_slips(table.state.ballots["b2"], 2)
    with pdfplumber.open(io.BytesIO(second)) as pdf:
        text = pdf.pages[0].extract_text()
    assert "stemronde b2" in text and "stemronde b1" not in text
    assert first != second


def test_print_ballots_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    session = tmp_path / "tafel.nwt"
    assert invoke("session", "new", session, "--workshop", "kort").code == 0
    opened = invoke(
        "session", "open-ballot", session, "--method", "matrix", "--option", "Wijktafel",
        "--option", "Buurtvaders",
    )  # fmt: skip
    assert opened.code == 0
    target = tmp_path / "brieven.pdf"
    done = invoke("print", "ballots", session, "b1", "-n", "7", "-o", target)
    assert done.code == 0, done.stderr
    assert "7 stembrieven voor stemronde b1" in done.stdout
    with pdfplumber.open(target) as pdf:
        text = " ".join(page.extract_text() for page in pdf.pages)
    assert text.count("STEMBRIEF") == 7 and "Buurtvaders" in text
    default = invoke("print", "ballots", session, "1")
    assert default.code == 0, default.stderr
    for args, message in (
        (("b9",), "er is geen stemronde 'b9'"),
        (("b1", "-n", "0"), "druk 1 tot 1000 stembrieven, niet 0"),
    ):
        refused = invoke("print", "ballots", session, *args, "-o", target)
        assert refused.code == 2 and message in refused.stderr
    assert invoke("session", "close-ballot", session, "b1").code == 0
    refused = invoke("print", "ballots", session, "b1", "-o", target)
    assert refused.code == 2 and "stemronde b1 is gesloten" in refused.stderr


def test_slips_of_a_tampered_session_say_so(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    assert invoke("session", "new", session, "--workshop", "kort").code == 0
    opened = invoke(
        "session", "open-ballot", session, "--method", "choice", "--option", "Wijktafel",
        "--option", "Buurtvaders",
    )  # fmt: skip
    assert opened.code == 0
    assert invoke("session", "add-stakeholder", session, "burgemeester").code == 0
    with sqlite3.connect(session) as conn:
        conn.execute("DROP TRIGGER events_append_only_update")
        conn.execute("UPDATE events SET payload = payload || ' ' WHERE seq = 3")
    conn.close()
    result = invoke("print", "ballots", session, "b1", "-o", tmp_path / "brieven.pdf")
    assert result.code == 0, result.stderr  # the ballot is before the break: still printed
    assert "Let op:" in result.stderr and "gebeurtenis 3" in result.stderr


FRENCH_INSTRUCTIONS = {
    "matrix": "pour impact et une pour faisabilité",
    "dots": "Coloriez 3 cercles",
    "ranking": "1 pour votre meilleur choix",
    "likert": "1 = pas du tout d'accord",
    "choice": "Cochez une seule case.",
    "consent": "sans raison, cette réponse ne compte pas",
}


@cache
def dutch_slip_words() -> frozenset[str]:
    """Words only a Dutch text of the slips' own (or of a method's name) could print."""
    return dutch_only_words(("print/ballot_slips.py", "game/engine/ballots.py"))


@pytest.mark.parametrize("method", list(BALLOTS))
def test_french_slips_read_back_without_a_dutch_word_of_ours(method: str) -> None:
    table = opened(BALLOTS[method])
    ballot = table.state.ballots["b1"]
    data, _ = render_slips(ballot, 2, "fr")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = columns_text(pdf.pages[0])
    assert text.count("vote b1") == 4 and text.count("BULLETIN DE VOTE") == 2
    assert text.count(FRENCH_INSTRUCTIONS[method]) == 2
    assert "Remettez ce bulletin à l'animateur." in text
    typed = set().union(*(words(o.label) for o in ballot.options), words(ballot.title))
    left = (words(text) & dutch_slip_words()) - typed
    assert not left, f"Dutch on the French slips: {sorted(left)}"


def test_the_dutch_check_of_the_slips_would_see_dutch() -> None:
    data, _ = render_slips(opened(BALLOTS["consent"]).state.ballots["b1"], 2, "nl")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = columns_text(pdf.pages[0])
    assert {"stembrief", "begeleider", "bezwaar", "blokkeren"} <= words(text) & dutch_slip_words()


def test_print_ballots_taal_fr_on_a_statement_card(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    assert invoke("session", "new", session, "--workshop", "kort").code == 0
    opened = invoke(
        "session", "open-ballot", session, "--method", "likert",
        "--statement", "stelling-hulp-van-burgers-zinvol",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    target = tmp_path / "bulletins.pdf"
    done = invoke("print", "ballots", session, "b1", "-n", "2", "-o", target, "--taal", "fr")
    assert done.code == 0, done.stderr
    with pdfplumber.open(target) as pdf:
        text = columns_text(pdf.pages[0])
    # The statement and its scale from the deck's French side.
    assert "L'aide des citoyens pour réduire la criminalité a du sens" in text
    assert text.count("Pas du tout d'accord") == 2 and "Helemaal" not in text
    assert not words(text) & dutch_slip_words()
