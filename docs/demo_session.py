"""A sample netwerktafel, played through the engine and the store, and its report.

Builds a realistic session — nuisance around a station square, eight stakeholders from
the default deck's role cards, three statements, concerns, approaches, a dilemma, a dot
vote of twelve participants and an action plan — writes its PDF report and Markdown
export, and renders the report's first two pages as the PNGs the README shows.

    .venv/bin/python docs/demo_session.py            # into a temporary folder
    .venv/bin/python docs/demo_session.py --out uit  # keep the session, PDF and Markdown

The clock is fixed and every vote is scripted, so the report is the same on every run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deck import Deck, default_deck_path, load_deck  # noqa: E402
from game.engine import Actor  # noqa: E402
from game.engine import commands as c  # noqa: E402
from game.engine.case_text import CaseText, compose_case  # noqa: E402
from game.export import write_export  # noqa: E402
from game.store import SessionStore  # noqa: E402
from print.report import write_report  # noqa: E402
from workshops import open_workshop  # noqa: E402

START = dt.datetime(2026, 3, 12, 18, 30, tzinfo=dt.UTC)
"""Thursday evening, 19.30 in Brussels."""

CASE = CaseText(
    title="Overlast rond het stationsplein",
    description=(
        "Sinds de heraanleg van het stationsplein klagen bewoners en handelaars over "
        "samenscholingen 's avonds, lawaai, zwerfvuil en een gevoel van onveiligheid bij de "
        "fietsenstalling. Jongeren zeggen dat er voor hen geen andere plek is om af te "
        "spreken. De politie krijgt veel meldingen, maar weinig zijn strafbaar.\n\n"
        "Vraag aan de tafel: hoe betrekken we bewoners, handelaars en jongeren bij een "
        "aanpak die het plein voor iedereen leefbaar houdt?"
    ),
    theme="Overlast",
)

STAKEHOLDERS = (
    ("burgemeester", "Els Vermeulen"),
    ("korpschef", "Marc De Smet"),
    ("ambtenaar-preventie", "Sofie Claes"),
    ("hulpverleningszone", "Pieter Janssens"),
    ("bewoner", "Ann Peeters"),
    ("jongere", "Yassine El Amrani"),
    ("winkelier", "Karin Wouters"),
    ("middenveld", "Jonas Maes"),
)

CONCERNS = (
    ("s1", "algemeen-belang", "Op een bewonersavond komen altijd dezelfde mondige mensen."),
    ("s2", "efficientie", "Wie stuurt vrijwilligers bij als het 's avonds escaleert?"),
    ("s2", "effectiviteit", "Meldingen zonder opvolging ondermijnen het vertrouwen."),
    ("s4", "efficientie", "We hebben geen capaciteit voor nog een overlegstructuur."),
    ("s6", "algemeen-belang", "Jongeren worden besproken, maar niet uitgenodigd."),
    ("s7", "effectiviteit", "Handelaars willen zien dat er iets verandert, niet alleen praten."),
)

APPROACHES = (
    ("s1", "wijktafel", "Driemaandelijks op het plein zelf, met terugkoppeling van de acties."),
    ("s2", "politiecafe", "Wijkinspecteurs aan de koffiebar in het stationsgebouw."),
    ("s3", "verkennende-wandeling", "Avondwandeling met bewoners, jongeren en handelaars."),
    ("s3", "belevingskaart", "Waar voelen mensen zich (on)veilig? Digitaal en op papier."),
    ("s1", "sociale-media", "Eén kanaal voor updates over werken en afspraken."),
    ("s5", "buurtinformatienetwerk", "Bestaand BIN uitbreiden naar de stationsbuurt."),
    ("s6", "pleinpatrons", "Jongeren als peter of meter van het plein, met een vergoeding."),
    ("s6", "youth-led-tours", "Jongeren tonen hún plein aan de raad."),
    ("s7", "charter", "Afspraken tussen handelaars, jongeren en stad over het plein."),
    ("s8", "bondgenoten", "Jeugdwerk als brug naar jongeren die niet vanzelf komen."),
    ("s8", "buurtvaders", "Vaders uit de buurt 's avonds aanwezig op het plein."),
)

STATEMENTS = (
    # statement card id, answers 1–5 of the twelve participants
    ("stelling-politie-garandeert-veiligheid", (1, 2, 2, 3, 3, 4, 4, 4, 4, 5, 5, 5)),
    ("stelling-hulp-van-burgers-zinvol", (2, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5)),
    ("stelling-gemeente-betrekt-de-buurt", (1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5)),
)

ACTIONS = (
    (
        "Eerste wijktafel op het stationsplein",
        "s1",
        "wijktafel",
        "2026-04-23",
        "Uitnodiging via infokrant, BIN en jeugdwerk; zaal in het stationsgebouw.",
    ),
    (
        "Avondwandeling met jongeren en handelaars",
        "s3",
        "verkennende-wandeling",
        "2026-04-09",
        "Route langs de fietsenstalling; verslag op de belevingskaart.",
    ),
    (
        "Pleinpatrons werven en opleiden",
        "s8",
        "pleinpatrons",
        "2026-06-01",
        "Zes jongeren, vergoeding via het preventiebudget.",
    ),
    (
        "Charter van het plein opstellen",
        "s7",
        "charter",
        "2026-09-15",
        "Ontwerp bespreken op de tweede wijktafel.",
    ),
    ("Wijkinspecteur wekelijks in het politiecafé", "s2", "politiecafe", "2026-04-02", ""),
)

PARTICIPANTS = 12
DOTS = 3


def build_session(path: Path, deck: Deck) -> None:
    """Play the demo netwerktafel into a new session file at `path`."""
    script = open_workshop("netwerktafel")
    now = START
    created = SessionStore.create_for_workshop(
        path, deck=deck, workshop=script, case=compose_case(CASE), now=now
    )
    store, me = created.store, created.facilitator
    assert store.state.info is not None
    code = store.state.info.join_code

    def at(minutes: float) -> dt.datetime:
        return START + dt.timedelta(minutes=minutes)

    with store:
        store.submit_many(
            [(c.AddStakeholder(role, name), me) for role, name in STAKEHOLDERS],
            deck=deck,
            now=at(2),
        )
        people = [Actor(f"demo-deelnemer-{n:02d}-sleutel") for n in range(PARTICIPANTS)]
        store.submit_many(
            [
                (c.JoinParticipant(f"Deelnemer {n + 1}", code), person)
                for n, person in enumerate(people)
            ],
            now=at(5),
        )
        store.submit(c.AdvanceRound(), me, now=at(15))

        for number, (card_id, answers) in enumerate(STATEMENTS):
            minute = 16 + 6 * number
            store.submit(
                c.OpenBallot("likert", "statement", statement_id=card_id),
                me,
                deck=deck,
                now=at(minute),
            )
            ballot = f"b{number + 1}"
            store.submit_many(
                [
                    (c.CastVote(ballot, (str(answer),)), person)
                    for person, answer in zip(people, answers, strict=True)
                ],
                now=at(minute + 3),
            )
            store.submit(c.CloseBallot(ballot), me, now=at(minute + 5))
        store.submit(c.AdvanceRound(), me, now=at(35))

        store.submit_many(
            [(c.RecordConcern(who, concern, text), me) for who, concern, text in CONCERNS],
            deck=deck,
            now=at(45),
        )
        store.submit_many([(c.AdvanceRound(), me), (c.AdvanceRound(), me)], now=at(55))
        store.submit_many(
            [(c.RecordApproach(who, card, note), me) for who, card, note in APPROACHES],
            deck=deck,
            now=at(80),
        )
        store.submit(c.AdvanceRound(), me, now=at(90))

        # The dilemma: a quick anonymous choice.
        store.submit(
            c.OpenBallot(
                "choice", "dilemma", dilemma_id="regisseren-of-faciliteren", anonymous=True
            ),
            me,
            deck=deck,
            now=at(92),
        )
        picks = (1, 2, 2, 3, 2, 2, 1, 2, 3, 2, 2, 1)
        store.submit_many(
            [
                (c.CastVote("b4", (str(pick),)), person)
                for person, pick in zip(people, picks, strict=True)
            ],
            now=at(96),
        )
        store.submit_many([(c.CloseBallot("b4"), me), (c.AdvanceRound(), me)], now=at(100))

        # The dot vote over the approaches: three dots each, scripted by a seeded draw
        # weighted towards the approaches the table talked about most.
        store.submit(
            c.OpenBallot("dots", "approaches", dots=DOTS, reveal="on-close"), me, now=at(101)
        )
        weights = (9, 3, 7, 3, 1, 2, 8, 4, 5, 4, 6)
        draw = random.Random(2026)
        options = [str(n) for n in range(1, len(APPROACHES) + 1)]
        store.submit_many(
            [
                (c.CastVote("b5", tuple(draw.choices(options, weights, k=DOTS))), person)
                for person in people
            ],
            now=at(110),
        )
        store.submit_many([(c.CloseBallot("b5"), me), (c.AdvanceRound(), me)], now=at(115))

        approach_of = {card: f"a{n}" for n, (_, card, _) in enumerate(APPROACHES, start=1)}
        store.submit_many(
            [
                (
                    c.AddAction(
                        title, owner=owner, approach_id=approach_of[card], due=due, note=note
                    ),
                    me,
                )
                for title, owner, card, due, note in ACTIONS
            ],
            now=at(135),
        )
        store.submit(c.EditAction("x5", done=True), me, now=at(136))
        store.submit(c.AdvanceRound(), me, now=at(140))


def render_pages(pdf: Path, targets: list[Path], width: int = 1100) -> None:
    """PNGs of the first pages of `pdf`, `width` pixels wide, one per target."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        for index, target in enumerate(targets):
            page = document[index]
            scale = width / page.get_width()
            image = page.render(scale=scale).to_pil()
            # A palette of 64 colours keeps the picture sharp and the file small.
            image = image.convert("RGB").quantize(colors=64, dither=0)
            image.save(target, optimize=True)
            page.close()
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="Map voor sessie, PDF en Markdown.")
    parser.add_argument(
        "--pictures",
        type=Path,
        default=ROOT / "docs",
        help="Map voor rapport-1.png en rapport-2.png.",
    )
    args = parser.parse_args()
    deck = load_deck(default_deck_path())
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.out or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        session = folder / "stationsplein.nwt"
        for leftover in (session, session.with_name(session.name + ".begeleider")):
            leftover.unlink(missing_ok=True)
        build_session(session, deck)
        with SessionStore.open(session) as store:
            state = store.state
        pdf = folder / "verslag-stationsplein.pdf"
        summary = write_report(pdf, state, deck)
        markdown = folder / "verslag-stationsplein.md"
        write_export(state, "md", markdown, deck)
        pictures = [args.pictures / "rapport-1.png", args.pictures / "rapport-2.png"]
        render_pages(pdf, pictures)
        size = f"{summary.pages} pagina's, {summary.bytes // 1024} KB"
        if args.out:
            print(f"Sessie: {session}")
            print(f"Verslag: {pdf} ({size})")
            print(f"Markdown: {markdown}")
        else:
            print(f"Verslag gemaakt ({size}); bewaar het met --out MAP.")
        for picture in pictures:
            print(f"Afbeelding: {picture} ({picture.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
