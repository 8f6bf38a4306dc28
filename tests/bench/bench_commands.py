"""Benchmark: netwerktafel side by side with the floor each of its commands stands on.

Run: `.venv/bin/python tests/bench/bench_commands.py [--rounds 5] [--only NAME …]`.
Prints a table: netwerktafel, its floor and the ratio, with the target of issue 14.

Each pair runs alternately, netwerktafel then the floor, for several rounds, and the table
shows the median of each. Whole processes are measured in CPU seconds (user + system, from
`wait4`): on a machine shared with others the wall clock measures the neighbours, the CPU
time measures the program. The in-process rows run in a fresh process each time and time
only the work after the imports, on the wall clock.

The floors:
- `python -c "import yaml, pydantic"`: the libraries every deck command needs, imported
  (`deck list` and `deck check` run cold, with an empty deck cache, and warm, after the same
  command filled it; cold also in French and on the example deck);
- `tests/bench/bare_cards.py`: a bare reportlab script drawing the same cards (see there);
- a one-widget Textual app, to its first screen in a pseudo-terminal of 80×24;
- `SELECT *` over the events table and `json.loads` of every payload;
- for `deck check` on a 5 MB input: libyaml parsing the same file (target: under 2 s).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import pty
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
NETWERKTAFEL = str(Path(sys.executable).parent / "netwerktafel")
BARE_CARDS = str(ROOT / "tests" / "bench" / "bare_cards.py")
HERE = str(Path(__file__).resolve())
TIMEOUT = 30.0
"""A run that takes longer is stopped and shown as more than this (the 5 MB deck before)."""

ONE_WIDGET_APP = """
from textual.app import App
from textual.widgets import Static

class OneWidget(App):
    def compose(self):
        yield Static("Wat wil je doen?")

OneWidget().run()
"""

Measure = Callable[[], float]


@dataclass
class Pair:
    """One row: netwerktafel and its floor, each a measurement in seconds."""

    name: str
    label: str
    ours: Measure
    floor_label: str
    floor: Measure
    target: str


def process_cpu(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) of a whole process, or more than TIMEOUT if stopped."""
    child = subprocess.Popen(
        args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + TIMEOUT
    while True:
        pid, _, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = 0  # reaped here; keeps Popen from waiting again
            return usage.ru_utime + usage.ru_stime
        if time.monotonic() > deadline:
            child.kill()
            child.wait()
            return float("inf")
        time.sleep(0.002)


def first_screen_cpu(args: list[str], wanted: bytes, env: dict[str, str]) -> float:
    """CPU seconds of an app in an 80×24 pseudo-terminal until `wanted` is on its screen."""
    main, tty = pty.openpty()
    env = {**env, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    app = subprocess.Popen(args, stdin=tty, stdout=tty, stderr=tty, env=env, start_new_session=True)
    os.close(tty)
    seen = b""
    try:
        deadline = time.monotonic() + TIMEOUT
        while wanted not in seen:
            if time.monotonic() > deadline:
                return float("inf")
            if select.select([main], [], [], 0.5)[0]:
                seen += os.read(main, 65536)
        fields = Path(f"/proc/{app.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait()
        os.close(main)


def cold(args: list[str], work: Path) -> Measure:
    """A run with an empty deck cache (game/cli/deck_cache.py): the deck is worked out."""

    def measure() -> float:
        # A new folder for every run of every row: one row must not warm another's cache.
        folder = tempfile.mkdtemp(prefix="cache-cold-", dir=work)
        return process_cpu(args, work, {**os.environ, "NETWERKTAFEL_CACHE": folder})

    return measure


def warm(args: list[str], work: Path) -> Measure:
    """A run after the same command filled the deck cache: the answer is read from it."""
    env = {**os.environ, "NETWERKTAFEL_CACHE": str(work / "cache-warm")}
    subprocess.run(args, cwd=work, env=env, capture_output=True, check=True)
    return lambda: process_cpu(args, work, env)


def worker_seconds(kind: str, *args: str) -> float:
    """Seconds a fresh worker process reports for one in-process measurement."""
    done = subprocess.run(
        [PYTHON, HERE, "--worker", kind, *args], capture_output=True, text=True, check=True
    )
    return float(done.stdout.split()[-1])


# --- workers: each runs in a fresh process and prints the seconds of its work ----------------


def work_print_ours() -> float:
    """Our card sheets of the default deck, fitted and drawn, after the imports."""
    from deck import default_deck_path, load_deck
    from print.fit import fit_cards
    from print.imposition import PrintLayout
    from print.sheets import render_cards

    deck = load_deck(default_deck_path())
    layout = PrintLayout()
    start = time.perf_counter()
    faces, _ = fit_cards(deck, deck.cards, layout.card)
    render_cards(deck, list(deck.cards), layout, faces=faces)
    return time.perf_counter() - start


def work_print_bare(texts: str) -> float:
    """The bare script's drawing of the same cards, after the imports."""
    # What `draw` imports, imported before the clock starts as for ours.
    import reportlab.pdfbase.ttfonts
    import reportlab.pdfgen.canvas
    import reportlab.platypus  # noqa: F401

    from tests.bench.bare_cards import draw

    data = json.loads(Path(texts).read_text(encoding="utf-8"))
    start = time.perf_counter()
    draw(data["title"], [tuple(card) for card in data["cards"]])
    return time.perf_counter() - start


def work_open_ours(session: str) -> float:
    """Opening a session file with the store: read, check, decode and fold every event."""
    from game.store import SessionStore

    start = time.perf_counter()
    SessionStore.open(Path(session)).close()
    return time.perf_counter() - start


def work_open_floor(session: str) -> float:
    """`SELECT *` over the events and `json.loads` of each payload: the least an open does."""
    import sqlite3

    start = time.perf_counter()
    conn = sqlite3.connect(session)
    rows = conn.execute("SELECT * FROM events ORDER BY seq").fetchall()
    payload = [name for _, name, *_ in conn.execute("PRAGMA table_info(events)")].index("payload")
    decoded = [json.loads(row[payload]) for row in rows]
    conn.close()
    seconds = time.perf_counter() - start
    assert decoded
    return seconds


WORKERS: dict[str, Callable[..., float]] = {
    "print-ours": work_print_ours,
    "print-bare": work_print_bare,
    "open-ours": work_open_ours,
    "open-floor": work_open_floor,
}


# --- inputs ----------------------------------------------------------------------------------


def write_texts(target: Path) -> Path:
    """The default deck's printed texts, as the bare card script reads them."""
    from deck import default_deck_path, load_deck
    from tests.bench.bare_cards import texts_of

    deck = load_deck(default_deck_path())
    title, texts = texts_of(deck, list(deck.cards))
    target.write_text(json.dumps({"title": title, "cards": texts}), encoding="utf-8")
    return target


def big_decks(folder: Path) -> dict[str, Path]:
    """Decks of 3 to 5 MB: a huge text field, a card with 20k or 199k keys, many bad cards."""
    import yaml

    manifest = {
        "id": "groot",
        "title": "Groot deck",
        "types": {"tip": {"label": "Tip", "colour": "#1b6a8c"}},
        "files": ["tips.yaml"],
    }
    words = "Bewoners en politie maken samen de buurt veiliger. "
    base = {"id": "tip-1", "type": "tip", "title": "Een tip"}
    cards = {
        "tekstveld van 4,5 MB": [{**base, "text": words * (4_500_000 // len(words))}],
        "20.000 sleutels in één kaart": [
            {**base, "text": "Kort.", **{f"veld-{n}-{'x' * 200}": n for n in range(20_000)}}
        ],
        "199.000 sleutels in één kaart": [
            {**base, "text": "Kort.", **{f"v{n}": n for n in range(199_000)}}
        ],
        "5.000 kaarten met elk 20 onbekende velden": [
            {
                **base,
                "id": f"tip-{card}",
                "text": "Kort.",
                **{f"onbekend-veld-{n}-{'y' * 20}": "waarde" for n in range(20)},
            }
            for card in range(5_000)
        ],
    }
    decks = {}
    for number, (name, content) in enumerate(cards.items()):
        deck = folder / f"groot-{number}"
        deck.mkdir()
        (deck / "deck.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
        (deck / "tips.yaml").write_text(yaml.safe_dump(content, width=10**9), encoding="utf-8")
        decks[name] = deck
    return decks


def session_of(folder: Path, events: int) -> Path:
    """A session file of `events` events: participants joining, ballots and many votes."""
    from tests.bench.bench_sessions import _build_log

    path = folder / "lang.nwt"
    _build_log(path, events)
    return path


# --- the table -------------------------------------------------------------------------------


def pairs(work: Path, only: set[str]) -> list[Pair]:
    """Every row of the table, its inputs prepared in `work`."""

    def run(*args: str) -> Measure:
        return lambda: process_cpu(list(args), work)

    floor_libs = run(PYTHON, "-c", "import yaml, pydantic")
    libs = '`python -c "import yaml, pydantic"`'
    rows = [Pair("help", "`--help`", run(NETWERKTAFEL, "--help"), libs, floor_libs, "≤ 2×")]
    example = str(ROOT / "deck" / "voorbeeld")
    for name, command, target in (("list", "list", "≤ 2×"), ("check", "check", "≤ 3×")):
        args = [NETWERKTAFEL, "deck", command]
        # The example deck, and French: the target holds for every deck and language.
        on_example = [*args, "--deck", example] if command == "list" else [*args, example]
        french = ["--taal", "fr"]
        rows += [
            Pair(name, f"`deck {command}`, koud", cold(args, work), libs, floor_libs, target),
            Pair(name, f"`deck {command}`, warm", warm(args, work), libs, floor_libs, target),
            Pair(
                name,
                f"`deck {command} --taal fr`, koud",
                cold([*args, *french], work),
                libs,
                floor_libs,
                target,
            ),
            Pair(
                name,
                f"`deck {command}`, voorbeelddeck, koud",
                cold(on_example, work),
                libs,
                floor_libs,
                target,
            ),
            Pair(
                name,
                f"`deck {command} --taal fr`, voorbeelddeck, koud",
                cold([*on_example, *french], work),
                libs,
                floor_libs,
                target,
            ),
        ]
    if only and not only & {"print", "print-inprocess"}:
        texts = ""
    else:
        texts = str(write_texts(work / "texts.json"))
    rows += [
        Pair(
            "print",
            "`print cards`, hele proces",
            run(NETWERKTAFEL, "print", "cards", "-o", str(work / "kaarten.pdf")),
            "kaal reportlab-script, hele proces",
            run(PYTHON, BARE_CARDS, texts, str(work / "kaal.pdf")),
            "≤ 1,5×",
        ),
        Pair(
            "print-inprocess",
            "`print cards`, in het proces (passen + tekenen)",
            lambda: worker_seconds("print-ours"),
            "kaal reportlab-script, in het proces (tekenen)",
            lambda: worker_seconds("print-bare", texts),
            "≤ 1,2×",
        ),
    ]
    data = work / "data"
    data.mkdir(exist_ok=True)
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    rows.append(
        Pair(
            "tui",
            "begeleidersapp tot het startscherm",
            lambda: first_screen_cpu([NETWERKTAFEL], b"Wat wil je doen", env),
            "Textual-app met één widget",
            lambda: first_screen_cpu([PYTHON, "-c", ONE_WIDGET_APP], b"Wat wil je doen", env),
            "≤ 1,5×",
        )
    )
    if not only or "open" in only:
        session = str(session_of(work, 100_000))
        rows.append(
            Pair(
                "open",
                "sessie van 100.000 gebeurtenissen openen",
                lambda: worker_seconds("open-ours", session),
                "`SELECT *` + `json.loads`",
                lambda: worker_seconds("open-floor", session),
                "≤ 1,5×",
            )
        )
    if not only or "big" in only:
        for name, deck in big_decks(work).items():
            source = str(deck / "tips.yaml")
            parse = f"import yaml; yaml.compose(open({source!r}), yaml.CSafeLoader)"
            rows.append(
                Pair(
                    "big",
                    f"`deck check`, {name}",
                    run(NETWERKTAFEL, "deck", "check", str(deck)),
                    "libyaml leest hetzelfde bestand",
                    run(PYTHON, "-c", parse),
                    "< 2 s",
                )
            )
    return [row for row in rows if not only or row.name in only]


def seconds(value: float) -> str:
    """Seconds the Dutch way, or more than the timeout."""
    if value == float("inf"):
        return f"> {TIMEOUT:.0f} s"
    return f"{value:.3f} s".replace(".", ",")


PACKAGES = ("catalogue", "deck", "workshops", "game", "print")
"""netwerktafel's own packages (pyproject.toml)."""


def byte_compile() -> None:
    """Compile netwerktafel's modules once, as installing it does (pip writes the .pyc files).

    With PYTHONDONTWRITEBYTECODE set, as on the shared machine, a checkout installed in
    editable mode compiles every module it imports again in every process it starts: ± 30 ms
    of `deck list` and `deck check` (measured side by side) that no installed netwerktafel
    pays."""
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1)


def main() -> None:
    """Measure every pair alternately and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--only", nargs="*", default=[], help="help list check print print-inprocess tui open big"
    )
    options = parser.parse_args()
    byte_compile()
    print(
        f"netwerktafel side by side with its floors — {platform.machine()}, {os.cpu_count()} "
        f"cores, Python {platform.python_version()}, median of {options.rounds} rounds"
    )
    print()
    print("| meting | netwerktafel | vloer | verhouding | doel |")
    print("| --- | ---: | --- | ---: | --- |")
    with tempfile.TemporaryDirectory(prefix="bench-commands-") as folder:
        for pair in pairs(Path(folder), set(options.only)):
            rounds = 1 if pair.name == "big" else options.rounds
            ours: list[float] = []
            floor: list[float] = []
            for _ in range(rounds):
                ours.append(pair.ours())
                floor.append(pair.floor())
            mine, base = statistics.median(ours), statistics.median(floor)
            ratio = f"{mine / base:.2f}×".replace(".", ",") if mine != float("inf") else "—"
            print(
                f"| {pair.label} | {seconds(mine)} | {pair.floor_label} {seconds(base)} "
                f"| {ratio} | {pair.target} |",
                flush=True,
            )


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--worker":
        print(WORKERS[sys.argv[2]](*sys.argv[3:]))
    else:
        main()
