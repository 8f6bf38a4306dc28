"""Benchmark: load and validate the default deck and generated decks of 1,000 and 5,000 cards.

Run: `.venv/bin/python tests/bench/bench_deck.py`. Prints a table; targets are in the README.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import yaml

from deck import default_deck_path, load_deck

MANIFEST = {
    "id": "bench",
    "title": "Benchmarkdeck",
    "types": {
        "vorm": {"label": "Vorm", "colour": "#1b6a8c"},
        "voorbeeld": {"label": "Voorbeeld", "colour": "#2e7d32"},
        "bezorgdheid": {"label": "Bezorgdheid", "colour": "#c62828"},
    },
    "themes": {f"thema-{i}": f"Thema {i}" for i in range(20)},
    "audiences": {f"doelgroep-{i}": f"Doelgroep {i}" for i in range(10)},
    "files": ["vormen.yaml", "voorbeelden.yaml"],
}
FORMS = [
    {
        "id": "meedoen",
        "type": "vorm",
        "title": "Meedoen",
        "text": "Burgers helpen mee.",
        "subforms": [
            {"id": "signaleren", "title": "Signaleren", "text": "Melden wat je ziet."},
            {"id": "bemiddelen", "title": "Bemiddelen", "text": "Bruggen slaan."},
        ],
    },
    {
        "id": "efficientie",
        "type": "bezorgdheid",
        "title": "Efficiëntie",
        "text": "Angst voor falen.",
        "worry": "Het loopt uit de hand.",
        "answer": "Durf te falen.",
    },
]


def generated_deck(folder: Path, cards: int) -> Path:
    """A deck of `cards` example cards (plus a form and a concern) written to `folder`."""
    examples = [
        {
            "id": f"voorbeeld-{i}",
            "type": "voorbeeld",
            "title": f"Voorbeeld {i}",
            "text": "Een initiatief waarin bewoners en politie samen de buurt veiliger maken. " * 3,
            "form": "meedoen",
            "subform": "signaleren" if i % 2 else "bemiddelen",
            "phase": "beleidsuitvoering",
            "goal": "Samen signalen opvangen en opvolgen.",
            "themes": [f"thema-{i % 20}", f"thema-{(i + 7) % 20}"],
            "method": "Buurtwandeling met een vaste groep bewoners.",
            "audiences": [f"doelgroep-{i % 10}"],
            "answers": ["efficientie"],
            "sources": [{"title": "Bron", "author": "Auteur", "year": 2020}],
        }
        for i in range(cards - len(FORMS))
    ]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deck.yaml").write_text(yaml.safe_dump(MANIFEST), encoding="utf-8")
    (folder / "vormen.yaml").write_text(yaml.safe_dump(FORMS), encoding="utf-8")
    (folder / "voorbeelden.yaml").write_text(
        yaml.safe_dump(examples, allow_unicode=True), encoding="utf-8"
    )
    return folder


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best wall time of `action` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    """Print the benchmark table."""
    rows: list[tuple[str, int, float, float, str]] = []
    default = default_deck_path()
    size = len(load_deck(default))
    median, best = timed(lambda: load_deck(default), 20)
    rows.append(("standaarddeck", size, median, best, "< 50 ms"))
    with tempfile.TemporaryDirectory() as tmp:
        for cards, repeat in ((1000, 5), (5000, 3)):
            folder = generated_deck(Path(tmp) / str(cards), cards)
            median, best = timed(partial(load_deck, folder), repeat)
            rows.append(
                (f"gegenereerd, {cards}", cards, median, best, "< 1 s" if cards == 5000 else "")
            )
    print(f"{'deck':<22} {'kaarten':>8} {'mediaan ms':>11} {'beste ms':>9} {'µs/kaart':>9}  doel")
    for name, cards, median, best, target in rows:
        print(
            f"{name:<22} {cards:>8} {median:>11.1f} {best:>9.1f} "
            f"{median * 1000 / cards:>9.0f}  {target}"
        )


if __name__ == "__main__":
    main()
