"""The verkeersveiligheid example (deck/voorbeeld): a deck from another field, in nl and
fr, without a survey and with its own role groups, runs every werkvorm and prints."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import aiohttp
import pdfplumber
import pytest
from rich.console import Console

from deck import InputError, default_deck_path, example_deck_path, load_deck
from deck.card_content import content_of
from deck.model import RoleCard, StatementCard
from game.card_panels import card_body
from game.engine import commands as c
from game.store import SessionStore
from tests.cli_inprocess import invoke
from tests.participant.conftest import Table
from tests.web.conftest import Phone, serve_table
from workshops.loader import BUILTIN_ORDER

EXAMPLE = example_deck_path()

SURVEY_WORDS = ("bevraging", "inwoners", "Zo antwoordden", "Wie antwoordde", "respondent")
"""Wording that belongs to the default deck's survey and must not show without one."""


def no_survey_wording(text: str) -> None:
    for word in SURVEY_WORDS:
        assert word.lower() not in text.lower(), (word, text)


def test_the_example_passes_deck_check_with_what_the_issue_asks() -> None:
    checked = invoke("deck", "check", EXAMPLE)
    assert checked.code == 0, checked.stderr
    deck = load_deck(EXAMPLE)
    assert deck.manifest.language == "nl" and deck.manifest.languages == ("fr",)
    counts = deck.counts()
    assert counts["vorm"] >= 3 and counts["voorbeeld"] >= 6 and counts["bezorgdheid"] >= 2
    assert counts["stelling"] >= 2 and counts["rol"] >= 3 and counts["dilemma"] >= 1
    assert all(card.benchmark is None for card in deck.of_type(StatementCard))
    groups = {role.group for role in deck.of_type(RoleCard)}
    assert groups <= set(deck.manifest.groups) and "stad-gemeente" not in groups


def run(*args: str | Path) -> str:
    outcome = invoke(*args)
    assert outcome.code == 0, (args, outcome.stderr)
    return outcome.stdout


@pytest.mark.parametrize("workshop", BUILTIN_ORDER)
def test_every_builtin_werkvorm_runs_from_session_new_to_print_report(
    workshop: str, tmp_path: Path
) -> None:
    session = tmp_path / "school.nwt"
    made = run("session", "new", session, "-w", workshop, "--deck", EXAMPLE, "--case", "Snel")
    assert f"Sessie gemaakt: {session}" in made
    for role in ("schepen-van-mobiliteit", "schooldirecteur", "buurtbewoner"):
        run("session", "add-stakeholder", session, role, "--name", role.split("-")[0])
    run("session", "record-concern", session, "schepen", "verwachtingen", "--text", "Budget")
    run("session", "add-approach", session, "schooldirecteur", "schoolstraat")
    run("session", "add-approach", session, "buurtbewoner", "terugkoppelbrief")
    statement = json.loads(
        run(
            "session",
            "open-ballot",
            session,
            "--method",
            "likert",
            "--statement",
            "zelfstandig-naar-school",
            "--json",
        )
    )["ballot"]
    run("vote", session, "--name", "Ann", "--ballot", statement, "--choice", "4")
    run("vote", session, "--name", "Bert", "--ballot", statement, "--choice", "2")
    run("session", "close-ballot", session, statement)
    dots = json.loads(run("session", "open-ballot", session, "--method", "dots", "--json"))
    run("vote", session, "--name", "Ann", "--ballot", dots["ballot"], "--choice", "1")
    run("session", "close-ballot", session, dots["ballot"])
    shown = run("session", "show", session)
    assert "zelfstandig" in shown.lower()
    no_survey_wording(shown)
    markdown = tmp_path / "verslag.md"
    run("session", "export", session, "--format", "md", "-o", markdown)
    text = markdown.read_text()
    assert "Kinderen van de lagere school" in text
    no_survey_wording(text)
    pdf = tmp_path / "verslag.pdf"
    run("print", "report", session, "-o", pdf)
    with pdfplumber.open(pdf) as document:
        report = "\n".join(page.extract_text() or "" for page in document.pages)
    assert "Kinderen van de lagere school" in report
    no_survey_wording(report)


def test_the_cards_print_without_survey_wording(tmp_path: Path) -> None:
    pdf = tmp_path / "kaarten.pdf"
    run("print", "cards", "--deck", EXAMPLE, "-o", pdf)
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    for title in ("Schoolstraat", "Zelfstandig naar school", "Buurtbewoner", "Drempels of"):
        assert title in text
    assert "Stelling voor de tafel" in text and "Schaal" in text
    assert "Gemeente" in text and "School" in text and "Buurt" in text
    no_survey_wording(text)
    deck = load_deck(EXAMPLE)
    for language in ("nl", "fr"):
        for card in deck.of_type(StatementCard):
            content = content_of(deck, card, language)
            assert content.survey is None
            no_survey_wording(" ".join(piece.text for piece in content.body))


SAFETY_WORDS = (
    "veiligheidsactoren",
    "lokale veiligheid",
    "acteurs de la sécurité",
    "sécurité locale",
)
"""Our own subtitles' wording for the default deck's field, which another deck must not print."""


def test_the_subtitles_come_from_the_deck_not_from_the_safety_field() -> None:
    example, default = load_deck(EXAMPLE), load_deck(default_deck_path())
    for language, neutral, own in (
        ("nl", "Bezorgdheid en antwoord", "Bezorgdheid van veiligheidsactoren"),
        ("fr", "Préoccupation et réponse", "Préoccupation des acteurs de la sécurité"),
    ):
        for card in example.cards:
            content = content_of(example, card, language)
            labels = [content.kicker, *(piece.label or "" for piece in content.body)]
            for word in SAFETY_WORDS:
                assert word not in " ".join(labels).lower(), (card.id, language, labels)
        concern = example.get("verwachtingen")
        assert concern is not None
        assert content_of(example, concern, language).kicker == neutral
        # The default deck names its own field in its manifest, and keeps saying it.
        worry = default.get("algemeen-belang")
        assert worry is not None
        assert content_of(default, worry, language).kicker == own


def _deck_with_own_form_ids(root: Path, *, icons: bool) -> Path:
    """The example deck with its form 'meedoen' renamed 'zelf-doen' (no pictogram of ours)."""
    copy = root / ("met-iconen" if icons else "zonder-iconen")
    shutil.copytree(EXAMPLE, copy)
    for path in copy.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("meedoen", "zelf-doen")
        if not icons:
            text = text.replace(', icon: "◊"', "").replace(', icon: "+"', "")
        path.write_text(text, encoding="utf-8")
    return copy


def _marks(pdf: Path) -> list[str]:
    """What one card's mark shows: the band's characters not in the type label's size."""
    with pdfplumber.open(pdf) as document:
        chars = document.pages[0].chars
    label = chars[0]  # the type label comes first, in the band
    return [
        char["text"]
        for char in chars
        if abs(char["top"] - label["top"]) < 2 and abs(char["size"] - label["size"]) > 0.1
    ]


@pytest.mark.parametrize("icons", [True, False], ids=["met-iconen", "zonder-iconen"])
def test_a_form_of_its_own_shows_the_manifests_icon_or_its_titles_letter(
    tmp_path: Path, icons: bool
) -> None:
    deck = _deck_with_own_form_ids(tmp_path, icons=icons)
    expected = {
        # the form card, an example card of that form
        "nl": ["◊", "+"] if icons else ["M", "M"],
        "fr": ["◊", "+"] if icons else ["P", "P"],  # Participation active, not the id's Z
    }
    for language, marks in expected.items():
        pdf = tmp_path / f"{language}-{icons}.pdf"
        for card, mark in zip(("zelf-doen", "schoolstraat"), marks, strict=True):
            one = ("--id", card, "--backs", "none", "--deck", deck)
            run("print", "cards", *one, "-o", pdf, "--taal", language)
            assert _marks(pdf) == [mark], (language, card)


def test_the_terminal_card_shows_the_manifests_group_and_no_survey() -> None:
    deck = load_deck(EXAMPLE)
    console = Console(width=80, record=True)
    for card_id in ("zelfstandig-naar-school", "schooldirecteur"):
        card = deck.get(card_id)
        assert card is not None
        console.print(card_body(deck, card))
    text = console.export_text()
    assert "School" in text
    no_survey_wording(text)


def test_a_role_group_the_manifest_does_not_declare(tmp_path: Path) -> None:
    folder = tmp_path / "deck"
    shutil.copytree(EXAMPLE, folder)
    roles = folder / "rollen.yaml"
    roles.write_text(roles.read_text().replace("group: school", "group: directie"))
    with pytest.raises(InputError) as caught:
        load_deck(folder)
    line = next(
        n for n, text in enumerate(roles.read_text().splitlines(), 1) if "group: directie" in text
    )
    assert [str(p) for p in caught.value.problems] == [
        f"{roles}:{line}:10: card 'schooldirecteur': onbekende groep 'directie' "
        "(kies uit: buurt, gemeente, school; of zet de groepen van je deck onder 'groups' in "
        "deck.yaml)"
    ]


async def test_the_beamer_and_the_phone_show_the_tables_answers_alone(tmp_path: Path) -> None:

    deck = load_deck(EXAMPLE)
    created = SessionStore.create(tmp_path / "tafel.nwt", deck_id=deck.manifest.id)
    table = Table(tmp_path / "tafel.nwt", created.store, created.facilitator)
    opened = table.store.submit(
        c.OpenBallot("likert", "statement", statement_id="bewoners-beslissen-mee"),
        table.facilitator,
        deck=deck,
    )
    server, room = await serve_table(table, deck)
    phones: list[Phone] = []
    try:
        base = str(server.make_url("")).rstrip("/")
        for name in ("Ann", "Bert"):
            jar = aiohttp.CookieJar(unsafe=True)
            phone = Phone(base, aiohttp.ClientSession(cookie_jar=jar))
            phones.append(phone)
            await phone.join(table.code, name)
            await phone.open()
            await phone.submit("/stem", "Eens")
        table.close(opened.ballot_id)  # type: ignore[attr-defined]
        for _ in range(100):
            if room.state.version == table.store.state.version:
                break
            await asyncio.sleep(0.02)
        beamer = await phones[0].open("/scherm")
        assert "100 %" in beamer.text and "aan tafel (2 stemmen)" in beamer.text
        no_survey_wording(beamer.text)
        phone_page = await phones[1].open()
        assert "100 %" in phone_page.text
        no_survey_wording(phone_page.text)
    finally:
        for phone in phones:
            await phone.session.close()
        await server.close()
        table.store.close()
