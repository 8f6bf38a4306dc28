"""The report in French: Markdown and PDF carry no Dutch label of ours, read back against the
catalogue, and every sentence is in the reader's language whatever the process speaks.

The vocabulary checked is the words of the Dutch msgids of the modules that write the
report, less the words of their French translations: only one of our own labels or
sentences left in Dutch could bring such a word into the French report. What people typed
in the session (the case, names, notes, typed options) and the sources' bibliographic
titles are printed as written and left out of the check.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import cache
from pathlib import Path

import pdfplumber

from catalogue import translation, use_language
from deck import Deck
from game.engine import Actor, SessionState
from game.engine import commands as c
from game.engine.ballots import matrix_choice
from game.engine.report import (
    date_text,
    number_text,
    percent_text,
    session_report,
    statement_result,
)
from game.export import markdown_report
from game.store import SessionStore
from print.report import render_report
from tests.cli_inprocess import run
from tests.dutch_words import dutch_only_words, words
from tests.report.conftest import CASE, START, at

REPORT_WRITERS = (
    "game/engine/report.py",
    "game/engine/balance.py",
    "game/engine/ballots.py",
    "game/export.py",
    "print/report.py",
    "print/report_sections.py",
    "deck/survey.py",
)
"""Every module whose words reach the report."""


@cache
def dutch_report_words() -> frozenset[str]:
    """Words that only a Dutch label or sentence of ours would put in the report."""
    return dutch_only_words(REPORT_WRITERS)


def typed_words(state: SessionState) -> set[str]:
    """Words people typed into the session: the report prints them as written."""
    typed = [CASE.title, CASE.description, CASE.theme]
    typed += [s.name for s in state.stakeholders.values()]
    typed += [x.text for x in state.concerns.values()]
    typed += [a.note for a in state.approaches.values()]
    typed += [f"{x.fields.title} {x.fields.note}" for x in state.actions.values()]
    for ballot in state.ballots.values():
        if ballot.source in ("options", "proposal"):
            typed += [ballot.title, *(option.label for option in ballot.options)]
        typed += [vote.reason or "" for vote in ballot.votes.values()]
    return set().union(*(words(text) for text in typed))


def source_words(deck: Deck) -> set[str]:
    """Words of the sources' bibliographic entries: cited as published (Dutch titles)."""
    texts = [f"{s.author} {s.title}" for card in deck.cards for s in card.sources]
    return set().union(*(words(text) for text in texts))


def dutch_left(text: str, state: SessionState, deck: Deck) -> list[str]:
    found = words(text) & dutch_report_words()
    return sorted(found - typed_words(state) - source_words(deck))


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(page.extract_text(use_text_flow=True) or "" for page in pdf.pages)


def test_the_vocabulary_holds_the_report_words_a_french_reader_must_not_see() -> None:
    named = {"verslag", "stellingen", "aanpakken", "gesloten", "deelnemers", "actieplan"}
    named |= {"bevraging", "trekker", "maart", "donderdag", "geblokkeerd", "gemiddeld"}
    assert named <= dutch_report_words()


def test_the_french_markdown_report_has_no_dutch_label(state: SessionState, deck: Deck) -> None:
    use_language("nl")  # the reader's language, not the process's
    text = markdown_report(state, deck, "fr")
    assert text.startswith("# Rapport de la table de concertation\n")
    assert "jeudi 12 mars 2026, 19\u00a0h\u00a030" in text
    assert "## 2. À la table" in text and "1er juin 2026" in text
    assert "«\u00a0La police doit garantir la sécurité dans mon quartier\u00a0»" in text
    assert not dutch_left(text, state, deck)


def test_the_french_pdf_report_has_no_dutch_label(state: SessionState, deck: Deck) -> None:
    text = pdf_text(render_report(state, deck, "fr"))
    assert "Rapport de la table de concertation" in text and "page 1 sur" in text
    assert "Plan d'action" in text and "Cartes utilisées et sources" in text
    assert not dutch_left(text, state, deck)


def test_an_empty_session_reports_in_french(empty_file: Path, deck: Deck) -> None:
    with SessionStore.open(empty_file) as store:
        state = store.state
    text = markdown_report(state, deck, "fr")
    assert "_Aucun cas n'a été décrit._" in text
    assert not dutch_left(text, state, deck)
    assert not dutch_left(pdf_text(render_report(state, deck, "fr")), state, deck)


def test_print_report_with_taal_fr_writes_the_french_report(
    session_file: Path, state: SessionState, deck: Deck, tmp_path: Path
) -> None:
    target = tmp_path / "rapport.pdf"
    said = run("print", "report", session_file, "-o", target, "--taal", "fr").stdout
    assert said.startswith(f"{target} écrit")
    text = pdf_text(target.read_bytes())
    assert "Rapport de la table de concertation" in text
    assert not dutch_left(text, state, deck)
    markdown = tmp_path / "rapport.md"
    run("session", "export", session_file, "--format", "md", "-o", markdown, "--taal", "fr")
    assert not dutch_left(markdown.read_text(encoding="utf-8"), state, deck)


def test_each_reader_gets_the_result_sentences_in_their_own_language(
    state: SessionState, deck: Deck
) -> None:
    ballot = state.ballots["b1"]
    use_language("fr")
    dutch = statement_result(ballot, deck, language="nl")
    use_language("nl")
    french = statement_result(ballot, deck, language="fr")
    assert dutch.summary.startswith("Aan tafel 20 % oneens en 80 % eens, gemiddeld 3,8 op 5.")
    assert french.summary.startswith(
        "À la table, 20\u00a0% pas d'accord et 80\u00a0% d'accord, moyenne de 3,8 sur 5."
    )
    assert french.answers[0].label == "Pas du tout d'accord"
    assert french.text == "La police doit garantir la sécurité dans mon quartier"
    report = session_report(state, deck, language="fr")
    dots = report.ballots[0]
    assert dots.description.startswith("gommettes, 3 gommettes par participant · clôturé")
    assert dots.figure(dots.options[0]) == "6 gommettes · 46,2\u00a0%"
    # A ballot over the approaches names them by the cards' French titles and roles.
    assert [o.label for o in dots.options][2:] == ["Charte (Karin)", "Café police (Chef de corps)"]
    assert report.actions[2].standing == "fait"


def test_dates_and_figures_are_written_the_readers_way() -> None:
    assert date_text("2026-05-01", "fr") == "1er mai 2026"
    assert date_text("2026-05-14", "fr") == "14 mai 2026"
    assert date_text("2026-05-01", "nl") == "1 mei 2026"
    assert date_text("geen datum", "fr") == "geen datum"
    assert number_text(1219, "fr") == "1\u00a0219" and number_text(1219, "nl") == "1.219"
    assert number_text(1219.25, "fr") == "1\u00a0219,2"
    assert percent_text(19.44, "fr") == "19,4\u00a0%" and percent_text(50, "nl") == "50 %"


def test_the_report_date_is_french_for_every_month() -> None:
    french = translation("fr")
    for month in range(1, 13):
        text = date_text(dt.date(2026, month, 14).isoformat(), "fr")
        assert not words(text) & dutch_report_words(), text
        assert french.gettext("mei") == "mai"


def test_matrix_consent_dilemma_and_willingness_report_in_french(
    tmp_path: Path, deck: Deck
) -> None:
    created = SessionStore.create(tmp_path / "m.nwt", deck_id=deck.manifest.id, now=START)
    store, me = created.store, created.facilitator
    assert store.state.info is not None
    piet = Actor("sleutel-van-piet")
    with store:
        store.submit(c.JoinParticipant("Piet", store.state.info.join_code), piet, now=at(1))
        store.submit(c.OpenBallot("matrix", "options", options=("Lampen", "Banken")), me)
        store.submit(c.CastVote("b1", (matrix_choice("1", 4, 2), matrix_choice("2", 5, 4))), piet)
        store.submit(c.CloseBallot("b1"), me)
        store.submit(
            c.OpenBallot("choice", "dilemma", dilemma_id="regisseren-of-faciliteren"), me, deck=deck
        )
        store.submit(c.CastVote("b2", ("1",)), piet)
        store.submit(c.OpenBallot("consent", "proposal", options=("Elke maand een wijktafel",)), me)
        store.submit(c.CastVote("b3", ("blokkeren",), reason="te duur"), piet)
        store.submit(c.CloseBallot("b3"), me)
        store.submit(
            c.OpenBallot("likert", "statement", statement_id="bereidheid-opsporing"), me, deck=deck
        )
        store.submit(c.CastVote("b4", ("4",)), piet)
        store.submit(c.CloseBallot("b4"), me)
        store.submit(c.AddStakeholder("korpschef"), me, deck=deck)
        store.submit(c.AddStakeholder("burgemeester", "Els"), me, deck=deck)
        store.submit(c.RecordApproach("s1", "politiecafe"), me, deck=deck)
        store.submit(c.RecordApproach("s2", "wijktafel"), me, deck=deck)
        store.submit(c.OpenBallot("matrix", "approaches"), me)
        store.submit(c.CastVote("b5", (matrix_choice("1", 5, 5), matrix_choice("2", 1, 1))), piet)
        store.submit(c.CloseBallot("b5"), me)
        state = store.state
    use_language("nl")
    text = markdown_report(state, deck, "fr")
    assert "à planifier" in text and "Faisabilité (moy. ± écart)" in text
    assert "Piloter" in text and "blocage" in text and "Bloqué" in text
    assert "pas prêts" in text
    # A matrix over the approaches names them in French, in its table and its grid; a
    # point in a corner leaves the quadrant's name whole (it is written in the frame).
    assert "| 1 | Café police (Chef de corps) |" in text and "Politiecafé" not in text
    assert "─ à faire vite ─┐" in text and "─ à planifier ─" in text
    assert not dutch_left(text, state, deck)
    assert not dutch_left(pdf_text(render_report(state, deck, "fr")), state, deck)
