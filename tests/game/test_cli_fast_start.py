"""The command lines run without Typer (`game.cli.fast_start`) say exactly what Typer says.

Each command line of the table runs twice in this process: once as the console script runs
it (the fast start) and once with the fast start switched off (Typer parses it); stdout,
stderr and the exit code must be the same. Shapes the matcher does not know go to Typer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import fast_start
from tests.cli_inprocess import Outcome, invoke
from tests.minimal_deck import write_minimal_deck
from tests.test_import_hygiene import full_names_after


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A good minimal deck and one with a broken card."""
    root = tmp_path_factory.mktemp("decks")
    good = write_minimal_deck(root / "goed")
    bad = write_minimal_deck(root / "fout", "- id: meedoen\n  type: vorm\n  title: [\n")
    return {"GOED": good, "FOUT": bad, "GEEN": root / "bestaat-niet"}


TABLE = [
    ("deck", "list"),
    ("deck", "list", "--json"),
    ("deck", "list", "--taal", "fr"),
    ("--taal", "fr", "deck", "list", "--json"),
    ("deck", "list", "--deck", "GOED"),
    ("deck", "list", "--deck=GOED", "--json", "--taal=fr"),
    ("deck", "list", "--deck", "FOUT"),
    ("deck", "list", "--deck", "FOUT", "--taal", "fr"),
    ("deck", "list", "--deck", "GEEN"),
    ("deck", "list", "--type", "rol"),
    ("deck", "list", "--type", "rollen", "--taal", "fr"),
    ("deck", "list", "--taal", "xx"),
    ("deck", "check"),
    ("deck", "check", "--taal", "fr"),
    ("deck", "check", "GOED"),
    ("deck", "check", "FOUT"),
    ("deck", "check", "FOUT", "--taal", "fr"),
    ("deck", "check", "GEEN"),
]


def _args(args: tuple[str, ...], decks: dict[str, Path]) -> list[str]:
    def place(arg: str) -> str:
        for name, path in decks.items():
            arg = arg.replace(name, str(path))
        return arg

    return [place(arg) for arg in args]


def through_typer(args: list[str]) -> Outcome:
    """`invoke` with the fast start switched off: Typer parses and runs `args`."""
    run = fast_start.run
    fast_start.run = lambda args: False
    try:
        return invoke(*args)
    finally:
        fast_start.run = run


@pytest.mark.parametrize("args", TABLE, ids=" ".join)
def test_the_fast_start_says_what_typer_says(args: tuple[str, ...], decks: dict[str, Path]) -> None:
    line = _args(args, decks)
    assert fast_start.match(line) is not None  # the fast start does run this line
    fast = invoke(*line)
    assert "Traceback" not in fast.stderr and "Interne fout" not in fast.stderr, fast
    assert fast == through_typer(line)


@pytest.mark.parametrize(
    "args",
    [
        ("deck", "list", "--help"),
        ("--help",),
        ("--version",),
        ("deck", "lijst"),
        ("deck", "list", "--jsn"),
        ("deck", "list", "--json", "--json"),
        ("deck", "list", "extra"),
        ("deck", "list", "--deck"),
        ("deck", "list", "--deck", "--json"),
        ("deck", "list", "--deck", ""),
        ("deck", "list", "-t", "rol"),
        ("deck", "list", "--taal", "fr", "--taal", "nl"),
        ("deck", "list", "--", "--json"),
        ("deck", "check", "een", "twee"),
        ("deck", "check", "-"),
        ("deck", "check", "--json"),
        ("deck", "show", "meedoen"),
        ("--deck", "x", "deck", "list"),
        ("--debug", "deck", "check"),
        ("session", "list"),
        ("x",),
        ("--taal",),
    ],
    ids=" ".join,
)
def test_any_other_command_line_goes_to_typer(args: tuple[str, ...]) -> None:
    assert fast_start.match(args) is None


@pytest.mark.parametrize(
    ("args", "options"),
    [
        ((), {}),
        (("--taal", "fr"), {}),
        (
            ("--deck", "d", "--session", "s", "--debug"),
            {"--deck": "d", "--session": "s", "--debug": ""},
        ),
        (("--session=s",), {"--session": "s"}),
    ],
)
def test_plain_netwerktafel_with_its_options_is_the_app(
    args: tuple[str, ...], options: dict[str, str]
) -> None:
    parsed = fast_start.match(args)
    assert parsed is not None and parsed.shape is fast_start.APP
    assert parsed.options == options


WORDS = st.sampled_from(
    [
        "deck",
        "list",
        "check",
        "--json",
        "--deck",
        "GOED",
        "FOUT",
        "--taal",
        "fr",
        "--type",
        "rol",
        "tip",
        "--",
        "--help",
        "-t",
        "x",
        "--deck=GOED",
        "--taal=fr",
        "",
    ]
)


@settings(max_examples=40, deadline=None)
@given(
    tail=st.lists(WORDS, max_size=4),
    start=st.sampled_from([["deck", "list"], ["deck", "check"], []]),
)
def test_whatever_the_fast_start_takes_ends_as_in_typer(
    start: list[str], tail: list[str], decks: dict[str, Path]
) -> None:
    line = _args((*start, *tail), decks)
    parsed = fast_start.match(line)
    if parsed is None or parsed.shape is fast_start.APP:
        return  # Typer's, or the app (which needs a terminal)
    assert invoke(*line) == through_typer(line)


@pytest.mark.parametrize("args", [("deck", "list"), ("deck", "list", "--json"), ("deck", "check")])
def test_the_fast_start_does_not_load_typer(args: tuple[str, ...]) -> None:
    modules = full_names_after(*args)
    assert "game.cli.deck_list" in modules or "game.cli.deck_check" in modules  # it ran
    assert not {name for name in modules if name.split(".")[0] == "typer"}


# --- print cards -----------------------------------------------------------------------------

PRINT_TABLE = [
    ("print", "cards", "--deck", "GOED", "-o", "UIT"),
    ("print", "cards", "-o", "UIT"),
    ("print", "cards", "--deck", "GOED", "--output", "UIT", "--taal", "fr"),
    ("print", "cards", "--deck=GOED", "--output=UIT", "--paper", "letter", "--size", "bridge"),
    ("print", "cards", "--deck", "GOED", "-o", "UIT", "--backs", "short", "--bleed", "3"),
    ("print", "cards", "--deck", "GOED", "-o", "UIT", "--back-offset", "0.5,1", "--no-crop-marks"),
    ("print", "cards", "--deck", "GOED", "-o", "UIT", "--type", "vorm", "--id", "meedoen"),
    ("print", "cards", "--deck", "GOED", "-o", "UIT", "--per-page", "--bleed=3"),
    ("print", "cards", "--deck", "GOED", "-o", "UIT", "--backs", "fold", "--crop-marks"),
    ("print", "cards", "--deck", "GOED", "-o", "UIT", "-t", "vorm", "--paper", "a5"),
    ("print", "cards", "--deck", "GOED", "-o", "UIT", "--size", "reus", "--backs", "dubbel"),
    ("print", "cards", "--deck", "GOED", "-o", "UIT", "--type", "rollen", "--id", "niets"),
    ("print", "cards", "--deck", "GOED", "-o", "UIT", "--back-offset", "x", "--bleed", "y"),
    ("print", "cards", "--deck", "GOED", "-o", "GEEN/kaarten.pdf"),
    ("print", "cards", "--deck", "GOED", "-o", "GEEN/kaarten.pdf", "--taal", "fr"),
    ("print", "cards", "--deck", "FOUT", "-o", "UIT", "--size", "reus"),
    ("print", "cards", "--deck", "GEEN", "-o", "UIT"),
    ("print", "cards", "--deck", "GOED", "-o", "UIT", "--type", "rol"),
]


@pytest.fixture(scope="module")
def print_places(
    decks: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The decks, and UIT: where the card sheets go."""
    return {**decks, "UIT": tmp_path_factory.mktemp("uit") / "kaarten.pdf"}


def _printed(line: list[str], target: Path, run: Callable[[list[str]], Outcome]) -> Outcome:
    """`run(line)` with the card sheets it writes to `target` read back into its stdout."""
    target.unlink(missing_ok=True)
    outcome = run(line)
    sheets = target.read_bytes().hex() if target.exists() else "geen PDF"
    return Outcome(outcome.code, outcome.stdout + sheets, outcome.stderr)


def _fast(line: list[str]) -> Outcome:
    return invoke(*line)


@pytest.mark.parametrize("args", PRINT_TABLE, ids=" ".join)
def test_print_cards_without_typer_says_and_draws_what_typer_does(
    args: tuple[str, ...], print_places: dict[str, Path]
) -> None:
    line = _args(args, print_places)
    parsed = fast_start.match(line)
    assert parsed is not None and parsed.shape is fast_start.PRINT_CARDS
    fast = _printed(line, print_places["UIT"], _fast)
    assert "Traceback" not in fast.stderr and "Interne fout" not in fast.stderr, fast
    assert fast == _printed(line, print_places["UIT"], through_typer)


@pytest.mark.parametrize(
    "args",
    [
        ("print", "cards", "-o=kaarten.pdf"),
        ("print", "cards", "-okaarten.pdf"),
        ("print", "cards", "-o", "a.pdf", "--output", "b.pdf"),
        ("print", "cards", "--crop-marks", "--no-crop-marks"),
        ("print", "cards", "--type", "rol", "-t", "tip"),
        ("print", "cards", "--id", "a", "--id", "b"),
        ("print", "cards", "--per-page", "--per-page"),
        ("print", "cards", "--per-page=ja"),
        ("print", "cards", "--bleed", "-1"),
        ("print", "cards", "--help"),
        ("print", "cards", "kaarten.pdf"),
        ("print", "cards", "--output"),
        ("print", "report", "sessie"),
        ("print",),
    ],
    ids=" ".join,
)
def test_any_other_print_line_goes_to_typer(args: tuple[str, ...]) -> None:
    assert fast_start.match(args) is None


PRINT_WORDS = st.sampled_from(
    [
        "--deck",
        "GOED",
        "FOUT",
        "-o",
        "--output",
        "UIT",
        "--output=UIT",
        "--taal",
        "fr",
        "--type",
        "-t",
        "vorm",
        "rol",
        "--id",
        "meedoen",
        "--size",
        "mini",
        "--paper",
        "letter",
        "--backs",
        "none",
        "--per-page",
        "--no-crop-marks",
        "--crop-marks",
        "--bleed",
        "2",
        "--back-offset",
        "1,-1",
        "-1,1",
        "--",
        "x",
        "",
    ]
)


@settings(max_examples=40, deadline=None)
@given(tail=st.lists(PRINT_WORDS, max_size=6))
def test_whatever_print_line_the_fast_start_takes_ends_as_in_typer(
    tail: list[str], print_places: dict[str, Path]
) -> None:
    # Without -o the sheets would go to the working folder: every line writes to UIT.
    line = _args(("print", "cards", *tail, "-o", "UIT"), print_places)
    if fast_start.match(line) is None:
        return  # Typer's
    target = print_places["UIT"]
    assert _printed(line, target, _fast) == _printed(line, target, through_typer)


def test_print_cards_without_typer_does_not_load_it(tmp_path: Path) -> None:
    target = tmp_path / "kaarten.pdf"
    modules = full_names_after("print", "cards", "-o", str(target))
    assert target.exists() and "game.cli.print_cards" in modules  # it ran
    assert not {name for name in modules if name.split(".")[0] == "typer"}
