"""Benchmark of the session store (a script; pytest does not collect it).

    .venv/bin/python tests/bench/bench_sessions.py [--participants 200] [--ballots 10]
        [--processes 8] [--events 100000] [--only votes|fold]

1. Votes: PARTICIPANTS participants × BALLOTS dots ballots, cast from PROCESSES processes
   on one session file at once. Each vote is one durable transaction (BEGIN IMMEDIATE,
   catch up, decide, append, COMMIT with synchronous=FULL). Reports votes per second and
   the latency per vote (p50/p95/p99). Target: p95 under 50 ms.
2. Fold: a session of EVENTS events (participants joining, ballots, and votes, many of
   them re-votes), opened from disk and folded. Reports the time to open it whole, and
   how that splits into reading the rows, checking the hash chain and the facilitator's
   seals (`game.log_chain`), and decoding and folding them (`fold_rows`), each as the store
   does it (the cyclic garbage collector paused); and the floor of `bench_commands.py`
   (`SELECT *` + `json.loads` of each payload), also without the collector.
   Targets: folding 100,000 events under 1 s; opening ≤ 1.5× the floor.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing as mp
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game import log_chain  # noqa: E402
from game.engine import Actor, RoundPlan, SessionState  # noqa: E402
from game.engine import commands as c  # noqa: E402
from game.engine.fold import fold_rows  # noqa: E402
from game.store import SessionStore, token_path  # noqa: E402

DECK_ID = "bench"
OPTIONS = tuple(f"Optie {n}" for n in range(6))


def _make_session(path: Path, ballots: int) -> tuple[str, str]:
    created = SessionStore.create(
        path, deck_id=DECK_ID, rounds=(RoundPlan("stemming", "stemming", "Stemmen", 15),)
    )
    with created.store as store:
        store.submit_many(
            [
                (c.OpenBallot("dots", "options", options=OPTIONS, dots=3), created.facilitator)
                for _ in range(ballots)
            ]
        )
        assert store.state.info is not None
        return store.state.info.join_code, created.facilitator_token


def _voter(
    path: str,
    names: list[str],
    ballots: int,
    code: str,
    start: mp.synchronize.Event,
    results: mp.Queue[list[float]],
) -> None:
    """One voting process: join its participants, wait for the start, then vote."""
    with SessionStore.open(Path(path)) as store:
        actors = [Actor(f"bench-token-{name}") for name in names]
        joins = [(c.JoinParticipant(n, code), a) for n, a in zip(names, actors, strict=True)]
        store.submit_many(joins)
        start.wait()
        latencies = []
        for ballot in range(1, ballots + 1):
            for number, actor in enumerate(actors):
                choices = tuple(str((number + ballot + k) % len(OPTIONS) + 1) for k in range(3))
                began = time.perf_counter()
                store.submit(c.CastVote(f"b{ballot}", choices), actor)
                latencies.append(time.perf_counter() - began)
    results.put(latencies)


def bench_votes(folder: Path, participants: int, ballots: int, processes: int) -> dict[str, float]:
    path = folder / "stemmen.nwt"
    code, _ = _make_session(path, ballots)
    context = mp.get_context("spawn")
    start = context.Event()
    results: mp.Queue[list[float]] = context.Queue()
    names = [f"Deelnemer {n}" for n in range(participants)]
    groups = [names[n::processes] for n in range(processes)]
    workers = [
        context.Process(target=_voter, args=(str(path), group, ballots, code, start, results))
        for group in groups
    ]
    for worker in workers:
        worker.start()
    # Give every process time to start and join its participants before the storm.
    deadline = time.monotonic() + 60
    with SessionStore.open(path) as store:
        while len(store.state.participants) < participants and time.monotonic() < deadline:
            time.sleep(0.05)
            store.refresh()
    began = time.perf_counter()
    start.set()
    latencies = [x for _ in workers for x in results.get(timeout=600)]
    elapsed = time.perf_counter() - began
    for worker in workers:
        worker.join()
    with SessionStore.open(path) as store:
        counted = sum(len(b.votes) for b in store.state.ballots.values())
    assert counted == participants * ballots == len(latencies), (counted, len(latencies))
    ms = sorted(x * 1000 for x in latencies)
    return {
        "votes": len(ms),
        "seconds": elapsed,
        "votes_per_s": len(ms) / elapsed,
        "p50": statistics.median(ms),
        "p95": ms[int(0.95 * (len(ms) - 1))],
        "p99": ms[int(0.99 * (len(ms) - 1))],
        "max": ms[-1],
        "over_50": sum(1 for x in ms if x > 50),
    }


def _build_log(path: Path, events: int, participants: int = 200, ballots: int = 10) -> None:
    created = SessionStore.create(path, deck_id=DECK_ID)
    facilitator = created.facilitator
    with created.store as store:
        assert store.state.info is not None
        code = store.state.info.join_code
        actors = [Actor(f"t{n}") for n in range(participants)]
        store.submit_many(
            [(c.OpenBallot("dots", "options", options=OPTIONS), facilitator)] * ballots
            + [(c.JoinParticipant(f"P{n}", code), actor) for n, actor in enumerate(actors)]
        )
        number = 0
        while store.state.version < events:
            batch = []
            for _ in range(min(5000, events - store.state.version)):
                number += 1
                choices = (str(number % 6 + 1), str(number % 5 + 1), str(number % 4 + 1))
                vote = c.CastVote(f"b{number % ballots + 1}", choices)
                batch.append((vote, actors[number % participants]))
            store.submit_many(batch)


def _floor(path: Path) -> float:
    """`SELECT *` over the events and `json.loads` of each payload (bench_commands' floor)."""
    began = time.perf_counter()
    conn = sqlite3.connect(path)
    decoded = [json.loads(row[4]) for row in conn.execute("SELECT * FROM events ORDER BY seq")]
    conn.close()
    elapsed = time.perf_counter() - began
    assert len(decoded) > 0
    return elapsed


def bench_fold(folder: Path, events: int, rounds: int = 3) -> dict[str, float]:
    path = folder / "lang.nwt"
    _build_log(path, events)
    opened, reads, checks, folds, floors, bare_floors = [], [], [], [], [], []
    key = token_path(path).read_text(encoding="utf-8").strip()
    for _ in range(rounds):
        began = time.perf_counter()
        with SessionStore.open(path) as store:
            assert store.state.version == events
        opened.append(time.perf_counter() - began)
        floors.append(_floor(path))
        # The floor as the open runs: without the cyclic garbage collector.
        gc.disable()
        try:
            bare_floors.append(_floor(path))
        finally:
            gc.enable()
        # The open's work in its parts (as `game.store` does it, the collector paused),
        # to see where the time goes.
        conn = sqlite3.connect(path)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        gc.disable()
        try:
            t0 = time.perf_counter()
            rows = conn.execute(
                "SELECT seq, kind, version, at, payload, chain, seal FROM events ORDER BY seq"
            ).fetchall()
            t1 = time.perf_counter()
            sealed_from = int(meta["sealed_from"])
            start = log_chain.start(meta["session_id"], sealed_from)
            position, broken = log_chain.check(rows, start, key=key, sealed_from=sealed_from)
            broken = broken or log_chain.check_head(meta["kop"], rows, position, key=key)
            t2 = time.perf_counter()
            state = fold_rows([(row[1], row[2], row[4]) for row in rows], SessionState())
            t3 = time.perf_counter()
        finally:
            gc.enable()
        conn.close()
        assert broken is None and state.version == events
        reads.append(t1 - t0)
        checks.append(t2 - t1)
        folds.append(t3 - t2)
    return {
        "events": events,
        "open": min(opened),
        "read": min(reads),
        "check": min(checks),
        "fold": min(folds),
        "floor": min(floors),
        "bare_floor": min(bare_floors),
        "size_mb": path.stat().st_size / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--ballots", type=int, default=10)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--only", choices=["votes", "fold"], help="run one of the two")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nwt-bench-") as tmp:
        folder = Path(tmp)
        votes = None
        if args.only != "fold":
            votes = bench_votes(folder, args.participants, args.ballots, args.processes)
        folded = bench_fold(folder, args.events) if args.only != "votes" else None
    python = platform.python_version()
    print(f"machine: {platform.machine()}, {mp.cpu_count()} cores, Python {python}")
    print()
    print("| meting | waarde | doel |")
    print("| --- | --- | --- |")
    if votes is not None:
        _print_votes(args, votes)
    if folded is not None:
        _print_fold(folded)


def _print_votes(args: argparse.Namespace, votes: dict[str, float]) -> None:
    print(
        f"| stemmen ({args.participants} deelnemers × {args.ballots} stemrondes, "
        f"{args.processes} processen) | {votes['votes']:.0f} stemmen in {votes['seconds']:.2f} s "
        f"= {votes['votes_per_s']:.0f} stemmen/s | |"
    )
    print(f"| latentie per stem p50 | {votes['p50']:.1f} ms | |")
    print(f"| latentie per stem p95 | {votes['p95']:.1f} ms | < 50 ms |")
    print(f"| latentie per stem p99 | {votes['p99']:.1f} ms | |")
    print(f"| latentie per stem max | {votes['max']:.1f} ms | |")
    print(f"| stemmen trager dan 50 ms | {votes['over_50']:.0f} van {votes['votes']:.0f} | |")


def _print_fold(folded: dict[str, float]) -> None:
    print(
        f"| sessie van {folded['events']:.0f} gebeurtenissen openen ({folded['size_mb']:.1f} MB) "
        f"| {folded['open'] * 1000:.0f} ms | |"
    )
    print(f"| — rijen lezen | {folded['read'] * 1000:.0f} ms | |")
    print(f"| — keten en zegels controleren | {folded['check'] * 1000:.0f} ms | |")
    print(f"| — decoderen en folden | {folded['fold'] * 1000:.0f} ms | < 1 s |")
    ratio = folded["open"] / folded["floor"]
    print(
        f"| vloer: `SELECT *` + `json.loads` | {folded['floor'] * 1000:.0f} ms "
        f"(openen = {ratio:.2f}×) | openen ≤ 1,5× |"
    )
    bare_ratio = folded["open"] / folded["bare_floor"]
    print(
        f"| vloer zonder cyclische GC | {folded['bare_floor'] * 1000:.0f} ms "
        f"(openen = {bare_ratio:.2f}×) | |"
    )


if __name__ == "__main__":
    main()
