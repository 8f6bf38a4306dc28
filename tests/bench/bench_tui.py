"""Benchmark of the facilitator app (a script; pytest does not collect it).

    .venv/bin/python tests/bench/bench_tui.py [--cards 1000] [--runs 5] [--keys 20]

1. Launch: the real `netwerktafel` process in a terminal of its own (a pty, 80×24), from
   start to the start screen being drawn. Target: under 1 s.
2. Filter: the inspiratiebank with a deck of CARDS example cards; for each keystroke in the
   search box, the time from the key to the next frame drawn with the filtered list.
   Target: under 50 ms.
3. Memory: the resident set size (RSS) of the running app with that deck, after opening
   the inspiratiebank and a session board. Target: under 150 MB.

The deck of CARDS cards is the default deck with its example cards repeated under new ids,
so every card is valid and searchable like a real one.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import pty
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402

from deck import default_deck_path, load_deck  # noqa: E402
from deck.model import CardBase  # noqa: E402
from game.tui.app import build_app  # noqa: E402
from game.tui.screens.inspiratiebank import InspiratiebankScreen  # noqa: E402
from game.tui.widgets.card_list import CardList  # noqa: E402

NETWERKTAFEL = str(Path(sys.executable).with_name("netwerktafel"))
SEARCHES = ("buurt", "jongeren", "wijk", "politie", "meld")


def big_deck(folder: Path, cards: int) -> Path:
    """A copy of the default deck with `cards` example cards; returns its folder."""
    shutil.copytree(default_deck_path(), folder)
    examples_file = folder / "voorbeelden.yaml"
    examples = yaml.safe_load(examples_file.read_text(encoding="utf-8"))
    grown = list(examples)
    copy = 1
    while len(grown) < cards:
        for card in examples:
            if len(grown) >= cards:
                break
            grown.append({**card, "id": f"{card['id']}-{copy}", "title": f"{card['title']} {copy}"})
        copy += 1
    examples_file.write_text(
        yaml.safe_dump(grown, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return folder


def _read_until(fd: int, wanted: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no {wanted!r} within {timeout} s")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def launch(
    deck: Path | None, data: Path, session: Path | None = None, keys: tuple[bytes, ...] = ()
) -> tuple[float, float]:
    """Start the app in a pty; seconds to the start screen (or board), and RSS after `keys`."""
    main, child = pty.openpty()
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
        "XDG_DATA_HOME": str(data),
    }
    args = [NETWERKTAFEL]
    if deck is not None:
        args += ["--deck", str(deck)]
    if session is not None:
        args += ["--session", str(session)]
    started = time.perf_counter()
    app = subprocess.Popen(
        args, stdin=child, stdout=child, stderr=child, env=env, start_new_session=True
    )
    os.close(child)
    try:
        _read_until(main, b"Agenda" if session else b"Wat wil je doen", timeout=20)
        elapsed = time.perf_counter() - started
        for key in keys:
            os.write(main, key)
            time.sleep(0.6)
            _drain(main)
        time.sleep(0.5)
        _drain(main)
        rss = _rss_mb(app.pid)
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait()
        os.close(main)
    return elapsed, rss


def _drain(fd: int) -> None:
    while select.select([fd], [], [], 0.05)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


async def filter_latencies(deck_folder: Path, keys: int) -> tuple[list[float], int]:
    """Milliseconds from a keystroke in the search box to the next frame with the new list."""
    deck = load_deck(deck_folder)
    app = build_app(deck=deck, data_dir=Path(tempfile.mkdtemp()))
    painted: list[float] = [0.0]
    original = app._display

    def display(*args: object, **kwargs: object) -> None:
        painted.append(time.perf_counter())
        original(*args, **kwargs)  # type: ignore[arg-type]

    app._display = display  # type: ignore[method-assign]
    latencies: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, InspiratiebankScreen)
        cards = screen.query_one(CardList)
        total = cards.option_count
        shown: list[float] = []
        show = cards.show

        def timed_show(found: list[CardBase]) -> None:
            show(found)
            shown.append(time.perf_counter())

        cards.show = timed_show  # type: ignore[method-assign,assignment]
        driver = app._driver
        assert driver is not None
        text = " ".join(SEARCHES)
        typed = 0
        for char in text * (keys // len(text) + 1):
            if typed >= keys:
                break
            if char == " ":
                screen.query_one("#search").value = ""  # type: ignore[attr-defined]
                await pilot.pause(0.1)
                continue
            shown.clear()
            start = time.perf_counter()
            driver.send_message(events.Key(char, char))
            # Done when a frame is drawn after the list took the filtered cards.
            while not shown or painted[-1] < shown[-1]:
                await asyncio.sleep(0.0005)
            latencies.append((painted[-1] - start) * 1000)
            typed += 1
            await pilot.pause(0.05)
    return latencies, total


def table(rows: list[tuple[str, str, str, str]]) -> str:
    """A plain text table."""
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=20)
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-tui-"))
    deck_folder = big_deck(work / "deck", options.cards)
    data = work / "data"

    launch(None, data)  # warm the file cache and bytecode
    default_launch = sorted(launch(None, data)[0] for _ in range(options.runs))
    big_launch = sorted(launch(deck_folder, data)[0] for _ in range(options.runs))

    latencies, total = asyncio.run(filter_latencies(deck_folder, options.keys))
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]

    # Memory: the big deck, inspiratiebank open, then back and a session's board.
    _, rss_bank = launch(deck_folder, data, keys=(b"i", b"b", b"u"))
    from game.tui.live_session import LiveSession
    from workshops import builtin_workshops

    session = data / "bench.nwt"
    LiveSession.create(
        session,
        deck=load_deck(deck_folder),
        deck_path=deck_folder,
        workshop=builtin_workshops()["netwerktafel"],
        case="Bench",
        clock=time.time,
    ).close()
    board_time, rss_board = launch(deck_folder, data, session=session, keys=(b"\r",))

    print(
        f"netwerktafel facilitator app — {platform.platform()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores"
    )
    print(f"deck of {total} example cards ({options.cards} asked), {options.runs} launches each\n")
    rows = [
        ("measure", "median", "worst", "target"),
        (
            "launch → start screen, default deck",
            f"{statistics.median(default_launch):.2f} s",
            f"{default_launch[-1]:.2f} s",
            "< 1 s",
        ),
        (
            f"launch → start screen, {total} cards",
            f"{statistics.median(big_launch):.2f} s",
            f"{big_launch[-1]:.2f} s",
            "< 1 s",
        ),
        (f"launch --session → board, {total} cards", f"{board_time:.2f} s", "", "< 1 s"),
        (
            f"keystroke → filtered list, {total} cards",
            f"{statistics.median(latencies):.1f} ms",
            f"{latencies[-1]:.1f} ms (p95 {p95:.1f})",
            "< 50 ms",
        ),
        (f"RSS, inspiratiebank open, {total} cards", f"{rss_bank:.0f} MB", "", "< 150 MB"),
        (f"RSS, session board, {total} cards", f"{rss_board:.0f} MB", "", "< 150 MB"),
    ]
    print(table(rows))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
