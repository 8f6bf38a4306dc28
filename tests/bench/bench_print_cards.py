"""Benchmark: `netwerktafel print cards` against a bare reportlab script, and how it scales.

Run: `.venv/bin/python tests/bench/bench_print_cards.py` (add `--quick` to skip 5,000 cards).
Prints a table. Targets (issue 3): our export at most 2× the bare script; the whole command
under 1 s for the default deck; 5,000 cards grow linearly.

The bare script is the floor any exporter stands on: the same cards' texts, as Paragraphs
shrunk to fit with KeepInFrame, in the same 3×3 grid on A4, duplex with a coloured back
and the deck title, the same crop marks, with Bitstream Vera embedded. Each measurement
runs in a fresh process, so no cache warmed by one run speeds up the next; imports are not
timed there (the whole-command figure includes them).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deck import Deck
    from deck.model import CardBase

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2]))
NETWERKTAFEL = Path(sys.executable).parent / "netwerktafel"
SIZES = (0, 1000, 5000)
"""Card counts: 0 stands for the default deck as it is."""


def _cards(count: int) -> tuple[Deck, list[CardBase]]:
    from deck import default_deck_path, load_deck

    deck = load_deck(default_deck_path())
    cards = list(deck.cards)
    if count:
        cards = [cards[i % len(cards)] for i in range(count)]
    return deck, cards


def run_ours(count: int) -> dict[str, float]:
    """Our export, as the command does it: fit every card, then draw the sheets."""
    from print.fit import fit_cards
    from print.imposition import PrintLayout
    from print.sheets import render_cards

    deck, cards = _cards(count)
    layout = PrintLayout()  # A4, poker, duplex long edge, crop marks
    start = time.perf_counter()
    faces, problems = fit_cards(deck, cards, layout.card)
    data, summary = render_cards(deck, cards, layout, faces=faces)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "bytes": len(data),
        "pages": summary.pages,
        "problems": len(problems),
    }


def run_bare(count: int) -> dict[str, float]:
    """The bare reportlab script (`bare_cards.py`): same texts, same grid, nothing but reportlab."""
    from tests.bench.bare_cards import draw, texts_of

    deck, cards = _cards(count)
    # Gathering the texts is not the reportlab part: done before the clock starts.
    title, texts = texts_of(deck, cards)
    start = time.perf_counter()
    pdf, pages = draw(title, texts)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "bytes": len(pdf), "pages": pages, "problems": 0}


def _worker(kind: str, count: int) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(HERE), "--worker", kind, str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _command_seconds(runs: int) -> tuple[float, float]:
    """Fastest wall time of the whole command on the default deck, and of `--version`."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "kaarten.pdf"
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(
                [NETWERKTAFEL, "print", "cards", "-o", out], check=True, capture_output=True
            )
            times.append(time.perf_counter() - start)
        floor = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([NETWERKTAFEL, "--version"], check=True, capture_output=True)
            floor.append(time.perf_counter() - start)
    return min(times), min(floor)


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = SIZES[:2] if quick else SIZES
    print(
        f"netwerktafel print cards — {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )
    print()
    header = (
        f"{'cards':>6} {'pages':>6} {'ours s':>8} {'bare s':>8} {'ratio':>6} "
        f"{'ours ms/card':>13} {'bare ms/card':>13} {'ours KB':>8} {'bare KB':>8} "
        f"{'ours MB RSS':>12}"
    )
    print(header)
    print("-" * len(header))
    per_card: list[float] = []
    for count in sizes:
        # Alternate the two and keep the fastest of each: on a shared machine the slower runs
        # measure the neighbours, not the exporter.
        repeats = 5 if count == 0 else 3 if count <= 1000 else 1
        ours, bare = [], []
        for _ in range(repeats):
            ours.append(_worker("ours", count))
            bare.append(_worker("bare", count))
        ours_s = min(r["seconds"] for r in ours)
        bare_s = min(r["seconds"] for r in bare)
        cards = ours[0]["cards"]
        per_card.append(ours_s / cards)
        print(
            f"{cards:>6.0f} {ours[0]['pages']:>6.0f} {ours_s:>8.3f} {bare_s:>8.3f} "
            f"{ours_s / bare_s:>5.2f}× {1000 * ours_s / cards:>13.2f} "
            f"{1000 * bare_s / cards:>13.2f} {ours[0]['bytes'] / 1024:>8.0f} "
            f"{bare[0]['bytes'] / 1024:>8.0f} {ours[0]['rss']:>12.0f}"
        )
    print()
    if len(per_card) > 1:
        growth = per_card[-1] / per_card[0]
        print(f"time per card, largest run against the default deck: {growth:.2f}× (1 is linear)")
    command, floor = _command_seconds(5)
    print(
        f"whole command on the default deck (subprocess, fastest of 5): {command:.2f} s "
        f"(of which starting Python and the CLI, `netwerktafel --version`: {floor:.2f} s)"
    )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        kind, count = sys.argv[2], int(sys.argv[3])
        figures = (run_ours if kind == "ours" else run_bare)(count)
        figures["cards"] = count or len(_cards(0)[1])
        figures["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(figures))
    else:
        main()
