"""`netwerktafel aggregate`: many session files compared, read back against each session.

Three sessions are generated (seeded random votes, approaches and actions) on the default
deck; the aggregate's tidy CSV is checked value by value against each session's own
`session show --json`. A broken file and a foreign SQLite file among them are reported in
one Dutch line each and skipped, the session files keep every byte, and no `-wal` or `-shm`
file appears beside them. Names typed at the table never reach any output.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import random
import shutil
import sqlite3
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given
from hypothesis import strategies as st

from deck import Deck, default_deck_path, example_deck_path, load_deck
from game.cli.aggregate_command import session_labels
from game.engine import Actor, RoundPlan
from game.engine import commands as c
from game.engine.comparison import ComparedSession, compare
from game.store import SessionStore, read_session
from tests.game.test_cli import run
from tests.pdf_reading import pdf_pages

START = dt.datetime(2026, 3, 12, 18, 30, tzinfo=dt.UTC)
SHARED = "stelling-hulp-van-burgers-zinvol"
STAKEHOLDER_NAMES = ("Burgemeester Bart Geheim", "Korpschef Kim Verborgen", "Bewoner Bo Stil")
PARTICIPANTS = ("Lies Onbekend", "Tom Naamloos", "Noor Anoniem", "Jan Zwijgzaam", "Ann Discreet")
APPROACHES = ("buurtvaders", "wijktafel", "politiecafe", "website-veiligheid", "burgerbudget")


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(default_deck_path())


def play(path: Path, deck: Deck, seed: int, workshop: str, extra: str | None) -> Path:
    """A session with seeded random votes on the shared statement (and `extra`)."""
    rng = random.Random(seed)
    created = SessionStore.create(
        path,
        deck_id=deck.manifest.id,
        case=f"Overlast in wijk {seed}\n\nBeschrijving.",
        workshop_id=workshop,
        workshop_title=workshop.title(),
        rounds=(RoundPlan("casus", "casus", "Casus", 15),),
        now=START,
    )
    store, me = created.store, created.facilitator
    assert store.state.info is not None
    code = store.state.info.join_code
    people = [Actor(f"sleutel-{seed}-{n}") for n in range(len(PARTICIPANTS))]
    with store:
        store.submit_many(
            [
                (c.AddStakeholder(role, name), me)
                for role, name in zip(
                    ("burgemeester", "korpschef", "bewoner"), STAKEHOLDER_NAMES, strict=True
                )
            ],
            deck=deck,
            now=START,
        )
        store.submit_many(
            [(c.JoinParticipant(n, code), p) for n, p in zip(PARTICIPANTS, people, strict=True)],
            now=START,
        )
        statements = [SHARED] + ([extra] if extra else [])
        for number, statement in enumerate(statements, start=1):
            store.submit(
                c.OpenBallot("likert", "statement", statement_id=statement, no_opinion=True),
                me,
                deck=deck,
                now=START,
            )
            voters = people[: rng.randint(2, len(people))]
            answers = [str(rng.randint(1, 5)) for _ in voters]
            answers[-1] = "geen-mening"  # counted apart from the scale
            store.submit_many(
                [
                    (c.CastVote(f"b{number}", (answer,)), p)
                    for answer, p in zip(answers, voters, strict=True)
                ],
                now=START,
            )
            store.submit(c.CloseBallot(f"b{number}"), me, now=START)
        chosen = rng.sample(APPROACHES, 3)
        store.submit_many(
            [
                (c.RecordApproach(f"s{rng.randint(1, 3)}", card, f"notitie {card}"), me)
                for card in chosen
            ],
            deck=deck,
            now=START,
        )
        store.submit_many(
            [
                (
                    c.AddAction(
                        f"Actie {n} van {seed}",
                        owner=f"s{n}",
                        approach_id="a1",
                        due=f"2026-0{n + 3}-01",
                        note="eerste stap",
                    ),
                    me,
                )
                for n in (1, 2)
            ],
            now=START,
        )
        store.submit(c.EditAction("x2", done=True), me, now=START)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, deck: Deck) -> list[Path]:
    folder = tmp_path_factory.mktemp("tafels")
    sessions = [
        play(folder / "gent.nwt", deck, 1, "netwerktafel", "stelling-zelf-bijdragen"),
        play(folder / "kortrijk.nwt", deck, 2, "netwerktafel", "stelling-zelf-bijdragen"),
        play(folder / "brugge.nwt", deck, 3, "kort", "stelling-gemeente-betrekt-de-buurt"),
    ]
    broken = folder / "kapot.nwt"  # a session cut off halfway, as by a full disk
    whole = sessions[0].read_bytes()
    broken.write_bytes(whole[: len(whole) // 2] + b"\xff" * 512)
    foreign = folder / "vreemd.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    return [*sessions, broken, foreign]


def fingerprints(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def cell(value: object) -> str:
    return "" if value is None else str(value)


def test_csv_matches_every_sessions_own_json(files: list[Path], tmp_path: Path) -> None:
    folder = files[0].parent
    before = fingerprints(folder)
    result = run("aggregate", *files, "--format", "csv", "-o", tmp_path / "uit")
    assert "3 sessies vergeleken (2 overgeslagen)" in result.stdout
    problems = result.stderr.strip().splitlines()
    assert len(problems) == 2, problems  # one Dutch line per skipped file
    assert problems[0].startswith(f"{files[3]}:") and "beschadigd" in problems[0]
    assert problems[1].startswith(f"{files[4]}:") and "geen netwerktafel-sessie" in problems[1]
    assert all(line.endswith("overgeslagen") for line in problems)
    assert fingerprints(folder) == before  # same files, same bytes: no -wal, no -shm

    statements = read_csv(tmp_path / "uit" / "statements.csv")
    approaches = read_csv(tmp_path / "uit" / "approaches.csv")
    actions = read_csv(tmp_path / "uit" / "actions.csv")
    sessions = read_csv(tmp_path / "uit" / "sessions.csv")
    assert [s["session"] for s in sessions] == ["gent", "kortrijk", "brugge"]
    for path in files[:3]:
        label = path.stem
        view = json.loads(run("session", "show", path, "--json").stdout)
        expected_answers = [
            {
                "session": label,
                "ballot_id": b["id"],
                "statement_id": b["statement"]["card_id"],
                "statement": b["statement"]["text"],
                "answer": row["option_id"],
                "label": row["label"],
                "count": cell(row["count"]),
                "percent": cell(row["percent"]),
                "voters": cell(b["tally"]["voters"]),
                "no_opinion": cell(b["tally"]["no_opinion"]),
                "benchmark_percent": cell(row["benchmark_percent"]),
                "benchmark_n": cell(b["statement"]["benchmark_n"]),
                "benchmark_table": cell(b["statement"]["benchmark_table"]),
            }
            for b in view["ballots"]
            if b["statement"]
            for row in b["tally"]["rows"]
        ]
        assert [r for r in statements if r["session"] == label] == expected_answers
        assert len(expected_answers) == 10
        assert {r["no_opinion"] for r in expected_answers} == {"1"}
        roles = {s["id"]: s["role"] for s in view["stakeholders"]}
        assert [r for r in approaches if r["session"] == label] == [
            {
                "session": label,
                "approach_id": a["id"],
                "card_id": a["card_id"],
                "title": a["title"],
                "form": a["form"],
                "role": roles[a["stakeholder_id"]],
                "note": a["note"],
            }
            for a in view["approaches"]
        ]
        mine = [r for r in actions if r["session"] == label]
        assert [
            (r["action_id"], r["title"], r["owner_role"], r["due"], r["done"], r["note"])
            for r in mine
        ] == [
            (
                x["id"],
                x["title"],
                roles[x["owner_id"]],
                x["due"],
                "ja" if x["done"] else "nee",
                x["note"],
            )
            for x in view["actions"]
        ]
    everything = "".join(p.read_text(encoding="utf-8-sig") for p in (tmp_path / "uit").iterdir())
    for name in STAKEHOLDER_NAMES + PARTICIPANTS:
        assert name not in everything


def test_markdown_compares_on_what_the_sessions_share(files: list[Path], tmp_path: Path) -> None:
    target = tmp_path / "vergelijking.md"
    run("aggregate", *files[:3], "-o", target)
    text = target.read_text(encoding="utf-8")
    assert "verschillende werkvormen (netwerktafel: gent, kortrijk; kort: brugge)" in text
    assert (
        "Stelling 'Ik moet zelf bijdragen aan de veiligheid van mijn buurt' niet vergeleken: "
        "alleen met zichtbare uitslag in gent, kortrijk." in " ".join(text.split())
    )
    assert "| Antwoord | gent | kortrijk | brugge | bevraging, N = 1.193 |" in text
    assert "1.219 inwoners van tien Vlaamse gemeenten die de bevraging invulden" in text
    for name in STAKEHOLDER_NAMES + PARTICIPANTS:
        assert name not in text


def test_pdf_holds_the_comparison_and_no_names(files: list[Path], tmp_path: Path) -> None:
    target = tmp_path / "vergelijking.pdf"
    run("aggregate", *files[:3], "--format", "pdf", "-o", target)
    with pdfplumber.open(target) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        width, height = pdf.pages[0].width, pdf.pages[0].height
    assert (round(width), round(height)) == (595, 842)  # A4
    text = " ".join(" ".join(pages).split())
    for wanted in (
        "Vergelijking van netwerktafels",
        "Stellingen",
        "Bevraging",
        "De hulp van burgers bij het verminderen van criminaliteit is zinvol",
        "Actieplannen",
        "Actie 1 van 2",
        "trekker: Burgemeester",
        "niet vergeleken",
    ):
        assert wanted in text, wanted
    for name in STAKEHOLDER_NAMES + PARTICIPANTS:
        assert name not in text


def test_a_session_still_open_elsewhere_is_read_whole_and_left_alone(
    tmp_path: Path, deck: Deck
) -> None:
    created = SessionStore.create(
        tmp_path / "open.nwt",
        deck_id=deck.manifest.id,
        case="Nog bezig",
        workshop_id="kort",
        workshop_title="Kort",
        rounds=(RoundPlan("casus", "casus", "Casus", 15),),
        now=START,
    )
    store = created.store  # the facilitator's app still has it open
    try:
        store.submit(c.AddStakeholder("burgemeester"), created.facilitator, deck=deck, now=START)
        wal = Path(f"{store.path}-wal")
        assert wal.exists() and wal.stat().st_size > 0  # the newest event is in the -wal
        before = fingerprints(tmp_path)
        state = read_session(store.path)
        assert fingerprints(tmp_path) == before
        assert state.version == store.state.version and len(state.stakeholders) == 1
    finally:
        store.close()


def test_nothing_readable_is_bad_input(tmp_path: Path) -> None:
    junk = tmp_path / "kapot.nwt"
    junk.write_text("geen sessie")
    result = run("aggregate", junk, "-o", tmp_path / "x.md", code=2)
    assert "geen enkele sessie kon gelezen worden" in result.stderr
    assert not (tmp_path / "x.md").exists()


def test_compare_orders_cards_and_sums_forms(files: list[Path]) -> None:
    compared = compare([ComparedSession(p.stem, read_session(p)) for p in files[:3]])
    assert compared.labels == ("gent", "kortrijk", "brugge")
    assert [s.statement_id for s in compared.statements] == ["stelling-hulp-van-burgers-zinvol"]
    totals = [sum(card.counts) for card in compared.cards]
    assert totals == sorted(totals, reverse=True)
    per_session = [sum(counts[i] for _, counts in compared.forms) for i in range(3)]
    assert per_session == [3, 3, 3]
    for statement in compared.statements:
        for _, distribution in statement.tables:
            assert abs(sum(distribution.percents) - 100) < 0.5


@given(
    st.lists(
        st.sampled_from(["a/x.nwt", "b/x.nwt", "a/y.nwt", "x.nwt", "a/x.nwt"]),
        min_size=1,
        max_size=6,
    )
)
def test_labels_are_unique_and_short(names: list[str]) -> None:
    labels = session_labels([Path(name) for name in names])
    assert len(set(labels)) == len(labels)
    for name, label in zip(names, labels, strict=True):
        assert Path(name).stem in label


def test_a_tampered_session_is_compared_up_to_its_break_and_said_so(
    files: list[Path], tmp_path: Path
) -> None:
    tampered = tmp_path / "vervalst.nwt"
    tampered.write_bytes(files[0].read_bytes())
    with sqlite3.connect(tampered) as conn:
        conn.execute("DROP TRIGGER events_append_only_update")
        conn.execute("UPDATE events SET payload = payload || ' ' WHERE seq = 3")
    conn.close()
    result = run("aggregate", tampered, files[1], "-o", tmp_path / "x.md")
    assert "Let op:" in result.stderr and "gebeurtenis 3" in result.stderr
    assert (tmp_path / "x.md").exists()


def test_the_comparison_speaks_french_with_the_decks_french_titles(
    files: list[Path], tmp_path: Path
) -> None:
    markdown, pdf = tmp_path / "comparaison.md", tmp_path / "comparaison.pdf"
    said = run("aggregate", *files[:3], "-o", markdown, "--taal", "fr")
    assert said.stdout.startswith(f"{markdown} écrit\xa0: 3 sessions comparées")
    run("aggregate", *files[:3], "--format", "pdf", "-o", pdf, "--taal", "fr")
    # Words joined by single spaces: split() reads a no-break space as a space too.
    text = " ".join(markdown.read_text(encoding="utf-8").split())
    paper = " ".join(pdf_pages(pdf.read_bytes()))
    for wanted in (
        "Comparaison de tables de concertation",
        "3 sessions côte à côte",
        "Les sessions utilisent des formats d'atelier différents (netwerktafel: gent, kortrijk; "
        "kort: brugge)",
        "Affirmation « Je dois contribuer moi-même à la sécurité de mon quartier » non comparée",
        "« L'aide des citoyens pour réduire la criminalité a du sens »",
        "Pas du tout d'accord",
        "Plans d'action",
        "pilote : Bourgmestre",
        "première étape : eerste stap",
    ):
        assert wanted in text, wanted
    for wanted in (
        "Comparaison de tables de concertation",
        "Plans d'action",
        "pilote : Bourgmestre",
    ):
        assert wanted in paper, wanted
    for dutch in (
        "Vergelijking",
        "naast elkaar",
        "Stellingen",
        "Actieplannen",
        "trekker",
        "Helemaal oneens",
        "Burgemeester",
        "niet vergeleken",
        "Bevraging",  # the survey's bar on paper was named in Dutch
    ):
        assert dutch not in text and dutch not in paper, dutch
    assert "Enquête" in paper


def test_a_decks_own_forms_are_named_by_their_cards(tmp_path: Path) -> None:
    deck = tmp_path / "deck"
    shutil.copytree(example_deck_path(), deck)
    for name in ("vormen.yaml", "voorbeelden.yaml"):
        path = deck / name
        path.write_text(path.read_text(encoding="utf-8").replace("meedoen", "agir"), "utf-8")
    session = tmp_path / "school.nwt"
    run("session", "new", session, "--deck", deck, "-w", "kort", "--case", "Snelheid")
    run("session", "add-stakeholder", session, "schooldirecteur")
    run("session", "add-approach", session, "schooldirecteur", "schoolstraat")
    for language, title in (("nl", "Meedoen"), ("fr", "Participation active")):
        target = tmp_path / f"vergelijking-{language}.md"
        run("aggregate", session, "-o", target, "--taal", language)
        text = target.read_text(encoding="utf-8")
        assert f"| {title} | 1 |" in text and "(agir)" not in text and "| agir |" not in text


def test_the_table_of_sessions_has_the_same_columns_in_markdown_and_on_paper(
    files: list[Path], tmp_path: Path
) -> None:
    # The paper said 'Rollen' where the Markdown said 'Belanghebbenden'.
    markdown, pdf = tmp_path / "vergelijking.md", tmp_path / "vergelijking.pdf"
    run("aggregate", *files[:3], "-o", markdown)
    run("aggregate", *files[:3], "--format", "pdf", "-o", pdf)
    header = "| Sessie | Casus | Datum | Werkvorm | Kaartspel | Belanghebbenden | Deelnemers |"
    assert header in markdown.read_text(encoding="utf-8")
    with pdfplumber.open(pdf) as paper:
        lines = (paper.pages[0].extract_text() or "").splitlines()
    assert "Sessie Casus Datum Werkvorm Kaartspel Belanghebbenden Deelnemers" in lines, lines
