"""Benchmark of the room web (a script; pytest does not collect it).

    .venv/bin/python tests/bench/bench_room.py [--phones 200] [--ballots 10] [--clients 2]

A real `netwerktafel serve` process on 127.0.0.1 and a session file. PHONES simulated phones
(spread over CLIENTS processes, asyncio + aiohttp, each phone with its own cookies) join at
once with the code and a name, open the live-update connection the phone page's script
opens, and vote on every ballot as soon as it appears on their page (no pause: the worst
case). This process plays the facilitator (opens and closes BALLOTS ballots in the session
file, as the TUI would) and the beamer (one live connection to /scherm/live).

Measured:
- every acknowledged vote counted exactly once (read back from the session file);
- vote request: from sending the form to the server's answer (the vote is on disk);
- vote to beamer / to phones: from a vote's acknowledgement to the first live update that
  shows a count including it (results are shown at once, so every phone's page changes);
- the server's peak memory (VmHWM) and its CPU time per participant.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.engine import commands as c  # noqa: E402
from game.store import SessionStore  # noqa: E402

CLI = Path(sys.executable).parent / "netwerktafel"
METHODS = ("choice", "likert", "dots", "ranking", "choice")
OPTIONS = ("Wijktafel", "Buurtsignaal", "Politiecafé", "Burgerbudget")
STATEMENT = "Bewoners horen mee te beslissen over de aanpak van overlast."
COUNT = re.compile(r'data-stemmen="(\d+)"')
BALLOT = re.compile(r'name="stemronde" value="(b\d+)"')


# --- the phones (run in CLIENTS child processes) ------------------------------------------


async def phone(
    base: str, code: str, name: str, ballots: int, think: float, out: dict[str, list]
) -> None:
    """One phone: join, listen, vote on each ballot as it appears."""
    seen_here: list[tuple[float, int]] = []
    out["seen"].append(seen_here)
    import aiohttp

    jar = aiohttp.CookieJar(unsafe=True)
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=30)
    async with aiohttp.ClientSession(cookie_jar=jar, timeout=timeout) as session:
        joining = time.time()
        async with session.get(base + "/") as response:
            await response.read()
        csrf = next(m.value for m in jar if m.key == "nwt_formulier")
        form = {"_csrf": csrf, "code": code, "naam": name}
        async with session.post(base + "/aanmelden", data=form, allow_redirects=False) as r:
            assert r.status == 303, r.status
        async with session.get(base + "/") as response:
            await response.read()  # the waiting screen, drawn
        out["joins"].append((joining, time.time()))
        voted: set[str] = set()
        casting: set[asyncio.Task[None]] = set()

        async def cast(ballot: str, html: str) -> None:
            session_id = re.search(r'name="sessie" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
            vote = {"_csrf": csrf, "sessie": session_id, "stemronde": ballot}
            fields = _choices(html)
            if think:
                await asyncio.sleep(random.uniform(0, think))
            started = time.time()
            async with session.post(
                base + "/stem", data=[*vote.items(), *fields], allow_redirects=False
            ) as r:
                await r.read()
                done = time.time()
            if r.status == 303:
                out["acks"].append((ballot, started, done, name))
            else:
                out["refused"].append((ballot, r.status))

        async with session.get(base + "/live") as live:
            while True:
                # One event at a time; a phone keeps reading while it makes up its mind.
                raw = await live.content.readuntil(b"\n\n")
                lines = raw.decode().split("\n")
                data = [line[6:] for line in lines if line.startswith("data: ")]
                if not data:
                    continue
                part, _, html = "\n".join(data).partition("\n")
                seen = time.time()
                counts = COUNT.findall(html)
                if counts:
                    seen_here.append((seen, int(counts[-1])))
                found = BALLOT.search(html)
                if found and found.group(1) not in voted:
                    voted.add(found.group(1))
                    task = asyncio.create_task(cast(found.group(1), html))
                    casting.add(task)
                    task.add_done_callback(casting.discard)
                if part == "formulier" and len(voted) >= ballots and "stemformulier" not in html:
                    await asyncio.gather(*casting)
                    return  # the last ballot closed


def _choices(html: str) -> list[tuple[str, str]]:
    options = re.findall(r'data-optie="([^"]+)"', html) or re.findall(
        r'name="keuze" value="([^"]+)"', html
    )
    if 'data-methode="dots"' in html:
        return [("stip", random.choice(options)) for _ in range(3)]
    if 'data-methode="ranking"' in html:
        random.shuffle(options)
        return [("volgorde", option) for option in options]
    return [("keuze", random.choice(options))]


def run_phones(base: str, code: str, first: int, count: int, ballots: int, think: float) -> None:
    """Child process: COUNT phones; prints their measurements as JSON."""
    out: dict[str, list] = {"acks": [], "seen": [], "refused": [], "joins": []}

    async def main() -> None:
        await asyncio.gather(
            *(
                phone(base, code, f"Telefoon {n}", ballots, think, out)
                for n in range(first, first + count)
            )
        )

    asyncio.run(main())
    print(json.dumps(out))


# --- the facilitator and the beamer (this process) ----------------------------------------


async def beamer(base: str, seen: list[tuple[float, int]], stop: asyncio.Event) -> None:
    """The projector: one live connection, noting when each count shows."""
    import aiohttp

    async with aiohttp.ClientSession() as session, session.get(base + "/scherm/live") as live:
        data: list[str] = []
        while not stop.is_set():
            try:
                raw = await asyncio.wait_for(live.content.readline(), 0.5)
            except TimeoutError:
                continue
            line = raw.decode().rstrip("\n")
            if line.startswith("data: "):
                data.append(line[6:])
            elif not line and data:
                counts = COUNT.findall("\n".join(data))
                if counts:
                    seen.append((time.time(), int(counts[-1])))
                data = []


def rss_peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def latencies(acks: list, seen: list[tuple[float, int]]) -> list[float]:
    """Per acknowledged vote: from its acknowledgement to the first update of this
    listener that shows a count including it.

    The rank-th acknowledged vote of a ballot is counted once an update shows at least
    `rank` votes; counts restart with each ballot, so only updates after it count.
    """
    result = []
    by_ballot: dict[str, list[float]] = {}
    for ballot, _, done, _ in acks:
        by_ballot.setdefault(ballot, []).append(done)
    ordered = sorted(seen)
    times_seen = [t for t, _ in ordered]
    for times in by_ballot.values():
        times.sort()
        for rank, done in enumerate(times, start=1):
            for t, n in ordered[bisect.bisect_left(times_seen, done) :]:
                if n >= rank:
                    result.append(t - done)
                    break
    return result


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--ballots", type=int, default=10)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="each phone votes a random 0..THINK s after the ballot appears (0: all at once)",
    )
    parser.add_argument("--child", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        base, code, first, count, ballots, think = args.child
        run_phones(base, code, int(first), int(count), int(ballots), float(think))
        return

    folder = Path(tempfile.mkdtemp(prefix="bench-room-"))
    created = SessionStore.create(folder / "zaal.nwt", deck_id="burgers-als-partners")
    store, facilitator = created.store, created.facilitator
    code = store.state.info.join_code  # type: ignore[union-attr]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(CLI), "serve", str(folder / "zaal.nwt"), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    import urllib.request

    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/", timeout=1).read()
            break
        except OSError:
            time.sleep(0.05)
    cpu_before = cpu_seconds(server.pid)
    beamer_seen: list[tuple[float, int]] = []

    async def facilitate() -> None:
        stop = asyncio.Event()
        watcher = asyncio.create_task(beamer(base, beamer_seen, stop))
        per = args.phones // args.clients
        children = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                __file__,
                "--child",
                base,
                code,
                str(i * per),
                str(per if i < args.clients - 1 else args.phones - i * per),
                str(args.ballots),
                str(args.think),
                stdout=asyncio.subprocess.PIPE,
            )
            for i in range(args.clients)
        ]
        while len(store.state.participants) < args.phones:
            await asyncio.sleep(0.1)
            store.refresh()
        await asyncio.sleep(1.0)  # every phone's live connection is open
        for number in range(args.ballots):
            method = METHODS[number % len(METHODS)]
            if method == "likert":
                command = c.OpenBallot("likert", "statement", options=(STATEMENT,))
            else:
                command = c.OpenBallot(method, "options", options=OPTIONS)  # type: ignore[arg-type]
            event = store.submit(command, facilitator)
            ballot = event.ballot_id  # type: ignore[attr-defined]
            deadline = time.monotonic() + 60
            while (
                len(store.state.ballots[ballot].votes) < args.phones and time.monotonic() < deadline
            ):
                await asyncio.sleep(0.05)
                store.refresh()
            await asyncio.sleep(1.0)  # the last updates reach everyone
            store.submit(c.CloseBallot(ballot), facilitator)
        outputs = [await child.communicate() for child in children]
        stop.set()
        await watcher
        results: dict[str, list] = {"acks": [], "seen": [], "refused": [], "joins": []}
        for stdout, _ in outputs:
            for key, values in json.loads(stdout).items():
                results[key] += values
        report(results, beamer_seen, server.pid, cpu_before, store, args)

    try:
        asyncio.run(facilitate())
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
        if "Traceback" in errors:
            print("SERVER PRINTED A TRACEBACK:\n" + errors)
        store.close()


def report(
    results: dict[str, list],
    beamer_seen: list,
    pid: int,
    cpu_before: float,
    store: SessionStore,
    args: argparse.Namespace,
) -> None:
    store.refresh()
    acks = results["acks"]
    counted = sum(len(b.votes) for b in store.state.ballots.values())
    acked_pairs = {(ballot, name) for ballot, _, _, name in acks}
    requests = [done - started for _, started, done, _ in acks]
    to_beamer = latencies(acks, beamer_seen)
    to_phones = [x for seen in results["seen"] for x in latencies(acks, seen)]
    cpu = cpu_seconds(pid) - cpu_before
    joins = [done - started for started, done in results["joins"]]
    first = min(started for started, _ in results["joins"])
    last_joined = max(done for _, done in results["joins"]) - first
    when = f"binnen {args.think:g} s" if args.think else "allemaal tegelijk"
    print(
        f"# {args.phones} telefoons, {args.ballots} stemrondes, stemmen {when}, "
        f"{args.clients} clientprocessen; Python {platform.python_version()}, "
        f"{os.cpu_count()} cores"
    )
    print("| meting | waarde | doel |")
    print("| --- | ---: | --- |")
    print(
        f"| stemmen bevestigd / geteld in het bestand / geweigerd | {len(acks)} / {counted} / "
        f"{len(results['refused'])} | elk precies één keer |"
    )
    print(f"| dubbele bevestigingen | {len(acks) - len(acked_pairs)} | 0 |")
    print(
        f"| aanmelden (pagina, formulier, wachtscherm) p50 / p95 | {pct(joins, 0.5) * 1000:.0f}"
        f" / {pct(joins, 0.95) * 1000:.0f} ms, alle {len(joins)} binnen na {last_joined:.1f} s"
        " | |"
    )
    print(
        f"| stemverzoek p50 / p95 / max | {pct(requests, 0.5) * 1000:.0f} / "
        f"{pct(requests, 0.95) * 1000:.0f} / {max(requests) * 1000:.0f} ms | p95 < 150 ms |"
    )
    print(
        f"| stem tot op de beamer p50 / p95 | {pct(to_beamer, 0.5) * 1000:.0f} / "
        f"{pct(to_beamer, 0.95) * 1000:.0f} ms | p95 < 1 s |"
    )
    print(
        f"| stem tot op de telefoons p50 / p95 ({len(to_phones)} metingen) | "
        f"{pct(to_phones, 0.5) * 1000:.0f} / {pct(to_phones, 0.95) * 1000:.0f} ms | p95 < 1 s |"
    )
    print(f"| geheugen van de server (piek) | {rss_peak_mb(pid):.0f} MB | < 150 MB |")
    print(
        f"| CPU van de server per deelnemer | {cpu / args.phones * 1000:.0f} ms "
        f"({cpu:.1f} s in totaal) | |"
    )
    print(f"| gemiddelde stemverzoek | {statistics.mean(requests) * 1000:.0f} ms | |")


if __name__ == "__main__":
    main()
