"""Benchmark: the session report of a big netwerktafel, as PDF and as Markdown.

Run: `.venv/bin/python tests/bench/bench_report.py` (add `--runs N`, default 5).
Prints a table. Target (issue 7): the report of a session with 30 participants and 20
ballots in under 1 s.

The session is played through the store on the default deck: eight stakeholders, twelve
approaches, six concerns, twenty ballots (eight statements, eight dot votes over the
approaches, two choices, two rankings) with every participant voting on each, and an
action plan. Each step is timed in this process, best and median of the runs; the whole
command (`netwerktafel print report`, a fresh process with its imports and the opening of
the session file) is timed once per run too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
NETWERKTAFEL = Path(sys.executable).parent / "netwerktafel"

PARTICIPANTS = 30
BALLOTS = 20
START = dt.datetime(2026, 3, 12, 18, 30, tzinfo=dt.UTC)

STAKEHOLDERS = (
    "burgemeester",
    "korpschef",
    "ambtenaar-preventie",
    "hulpverleningszone",
    "bewoner",
    "jongere",
    "winkelier",
    "middenveld",
)
APPROACHES = (
    "wijktafel",
    "politiecafe",
    "verkennende-wandeling",
    "belevingskaart",
    "sociale-media",
    "buurtinformatienetwerk",
    "pleinpatrons",
    "youth-led-tours",
    "charter",
    "bondgenoten",
    "buurtvaders",
    "infokrant",
)
CONCERNS = ("algemeen-belang", "efficientie", "effectiviteit")
STATEMENTS = (
    "stelling-politie-garandeert-veiligheid",
    "stelling-anderen-helpen",
    "stelling-hulp-van-burgers-zinvol",
    "stelling-meehelpen-bij-opsporing",
    "stelling-zelf-bijdragen",
    "stelling-alleen-de-overheid",
    "stelling-gemeente-informeert",
    "stelling-gemeente-betrekt-de-buurt",
)


def build_session(path: Path) -> None:
    """Play the big session into `path`."""
    from deck import default_deck_path, load_deck
    from game.engine import Actor
    from game.engine import commands as c
    from game.store import SessionStore

    deck = load_deck(default_deck_path())
    draw = random.Random(7)
    created = SessionStore.create(
        path, deck_id=deck.manifest.id, case="Overlast rond het stationsplein", now=START
    )
    store, me = created.store, created.facilitator
    assert store.state.info is not None
    code = store.state.info.join_code
    people = [Actor(f"bench-deelnemer-{n:02d}-sleutel") for n in range(PARTICIPANTS)]
    with store:
        store.submit_many(
            [(c.AddStakeholder(role, f"Persoon {n}"), me) for n, role in enumerate(STAKEHOLDERS)],
            deck=deck,
            now=START,
        )
        store.submit_many(
            [(c.JoinParticipant(f"Deelnemer {n}", code), p) for n, p in enumerate(people)],
            now=START,
        )
        store.submit_many(
            [
                (c.RecordApproach(f"s{n % 8 + 1}", card, "Een korte notitie bij deze aanpak."), me)
                for n, card in enumerate(APPROACHES)
            ]
            + [
                (c.RecordConcern(f"s{n + 1}", concern, "Een bezorgdheid in eigen woorden."), me)
                for n, concern in enumerate(CONCERNS * 2)
            ],
            deck=deck,
            now=START,
        )
        kinds = ["likert"] * 8 + ["dots"] * 8 + ["choice"] * 2 + ["ranking"] * 2
        assert len(kinds) == BALLOTS
        for number, kind in enumerate(kinds, start=1):
            if kind == "likert":
                command = c.OpenBallot("likert", "statement", statement_id=STATEMENTS[number - 1])
            elif kind == "dots":
                command = c.OpenBallot("dots", "approaches", title=f"Stippen {number}", dots=3)
            else:
                command = c.OpenBallot(
                    "choice" if kind == "choice" else "ranking",
                    "options",
                    title=f"Keuze {number}",
                    options=("Verlichting", "Banken", "Vuilbakken", "Camera's"),
                )
            store.submit(command, me, deck=deck, now=START)
            ballot = store.state.ballots[f"b{number}"]
            options = [o.id for o in ballot.options]
            votes = []
            for person in people:
                if kind == "likert":
                    choice: tuple[str, ...] = (str(draw.randint(1, 5)),)
                elif kind == "dots":
                    choice = tuple(draw.choices(options, k=3))
                elif kind == "choice":
                    choice = (draw.choice(options),)
                else:
                    choice = tuple(draw.sample(options, k=len(options)))
                votes.append((c.CastVote(ballot.id, choice), person))
            store.submit_many(votes, now=START)
            store.submit(c.CloseBallot(ballot.id), me, now=START)
        store.submit_many(
            [
                (
                    c.AddAction(
                        f"Actie {n}",
                        owner=f"s{n}",
                        approach_id=f"a{n}",
                        due="2026-06-01",
                        note="Eerste stap.",
                    ),
                    me,
                )
                for n in range(1, 6)
            ],
            now=START,
        )


def timed(step: Callable[[], T], runs: int) -> tuple[list[float], T]:
    """Seconds of each run of `step`, and its last result."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return times, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from deck import default_deck_path, load_deck
    from game.engine.report import session_report
    from game.export import markdown_report
    from game.store import SessionStore
    from print.report import render, render_report
    from print.report_style import ReportColours

    with tempfile.TemporaryDirectory() as folder:
        session = Path(folder) / "groot.nwt"
        start = time.perf_counter()
        build_session(session)
        built = time.perf_counter() - start
        deck = load_deck(default_deck_path())
        with SessionStore.open(session) as store:
            state = store.state
        render_report(state, deck)  # warm up: fonts registered, caches filled once

        colours = ReportColours.of(deck)
        model_times, report = timed(lambda: session_report(state, deck), args.runs)
        pdf_times, (_, pages) = timed(lambda: render(report, colours), args.runs)
        whole_times, data = timed(lambda: render_report(state, deck), args.runs)
        md_times, markdown = timed(lambda: markdown_report(state, deck), args.runs)
        target = Path(folder) / "verslag.pdf"
        cli_times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(
                [str(NETWERKTAFEL), "print", "report", str(session), "-o", str(target)],
                check=True,
                capture_output=True,
            )
            cli_times.append(time.perf_counter() - start)
        assert target.read_bytes() == data, "the command and the library disagree"

    rows = [
        ("report model (session_report)", model_times, ""),
        ("PDF layout and drawing (render)", pdf_times, f"{pages} pages"),
        ("PDF report from the state", whole_times, f"{len(data) // 1024} KB"),
        ("Markdown report from the state", md_times, f"{len(markdown) // 1024} KB"),
        ("netwerktafel print report (process)", cli_times, "with imports, open, fold"),
    ]
    print(
        f"Session: {PARTICIPANTS} participants, {BALLOTS} ballots, "
        f"{len(state.approaches)} approaches, {state.version} events (built in {built:.1f} s)"
    )
    print(f"Python {platform.python_version()}, {platform.machine()}, {args.runs} runs")
    print()
    print(f"{'step':<38} {'best':>8} {'median':>8}  note")
    print("-" * 72)
    for name, times, note in rows:
        print(f"{name:<38} {min(times):>7.3f}s {statistics.median(times):>7.3f}s  {note}")
    print()
    best = min(whole_times)
    verdict = "met" if best < 1.0 else "MISSED"
    print(f"Target: PDF report under 1 s — {verdict} ({best:.3f} s).")


if __name__ == "__main__":
    main()
