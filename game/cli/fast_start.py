"""The command lines people type most, run without Typer.

`netwerktafel deck list`, `netwerktafel deck check`, `netwerktafel print cards` and plain
`netwerktafel` (the app) with their usual options are recognised here by a small, strict
matcher and run by the very functions their Typer commands call. Typer (± 30 ms to import,
more to build a command's tree and its options' pydantic validators) is then never loaded.
Any other shape (an unknown option, `--help`, a typo, an option given twice, a value that
looks like an option, `--`, a short option written `-o=…`) is not ours: it goes to Typer, so
every usage error and help text stays Typer's.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalogue import use_language
from game.cli.language_choice import OPTION as LANGUAGE_OPTION
from game.cli.language_choice import chosen_language


@dataclass(frozen=True)
class Shape:
    """One command line this module runs: its words, its flags, its options with a value,
    and how many arguments it takes."""

    words: tuple[str, ...]
    flags: frozenset[str] = frozenset()
    valued: frozenset[str] = frozenset()
    arguments: int = 0
    same: tuple[frozenset[str], ...] = ()
    """Names of one option (`-o` and `--output`, `--crop-marks` and `--no-crop-marks`):
    giving two of them is giving the option twice."""


APP = Shape((), frozenset({"--debug"}), frozenset({"--deck", "--session"}))
LIST = Shape(("deck", "list"), frozenset({"--json"}), frozenset({"--deck", "--type"}))
CHECK = Shape(("deck", "check"), arguments=1)
PRINT_OPTIONS = {
    "--deck": "deck_path",
    "-o": "output",
    "--output": "output",
    "--paper": "paper",
    "--size": "size",
    "--bleed": "bleed",
    "--backs": "backs",
    "--back-offset": "back_offset",
    "--type": "types",
    "-t": "types",
    "--id": "ids",
}
"""`print cards`' options with a value, by the parameter of `print_cards` they give: names
of one parameter (`-o`, `--output`) are one option."""
PRINT_CARDS = Shape(
    ("print", "cards"),
    frozenset({"--crop-marks", "--no-crop-marks", "--per-page"}),
    frozenset(PRINT_OPTIONS),
    same=(
        frozenset({"--crop-marks", "--no-crop-marks"}),
        *{
            frozenset(name for name, given in PRINT_OPTIONS.items() if given == parameter)
            for parameter in PRINT_OPTIONS.values()
        },
    ),
)
SHAPES = (LIST, CHECK, PRINT_CARDS, APP)


@dataclass(frozen=True)
class Parsed:
    """A command line that matched a shape: its options (a flag is "") and arguments."""

    shape: Shape
    options: dict[str, str]
    arguments: tuple[str, ...]

    def path(self, option: str) -> Path | None:
        """The value of `option` as a path, as Typer converts a `Path` option."""
        value = self.options.get(option)
        return None if value is None else Path(value)


def match(args: Sequence[str]) -> Parsed | None:
    """`args` as one of `SHAPES`, or None when it is any other command line."""
    rest = _without_language(args)
    if rest is None:
        return None
    for shape in SHAPES:
        words = len(shape.words)
        if tuple(rest[:words]) == shape.words and (words or not rest or rest[0].startswith("-")):
            return _parse(shape, rest[words:])
    return None


def _without_language(args: Sequence[str]) -> list[str] | None:
    """`args` without its one `--taal` and its value (read by `chosen_language`); None when
    there is more than one, or the line ends the option parsing with `--`."""
    rest: list[str] = []
    seen = 0
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            return None
        if arg == LANGUAGE_OPTION:
            if index + 1 == len(args) or not _plain(args[index + 1]):
                return None
            seen += 1
            index += 2
            continue
        if arg.startswith(LANGUAGE_OPTION + "="):
            seen += 1
        else:
            rest.append(arg)
        index += 1
    return rest if seen <= 1 else None


def _parse(shape: Shape, args: Sequence[str]) -> Parsed | None:
    options: dict[str, str] = {}
    arguments: list[str] = []
    seen: set[frozenset[str]] = set()
    index = 0
    while index < len(args):
        arg = args[index]
        name, equals, value = arg.partition("=")
        if arg in shape.flags:
            given = ""
        elif name in shape.valued and equals and name.startswith("--"):
            # Click reads `-o=x` as the value "=x": such a line is Typer's.
            given = value
        elif arg in shape.valued and index + 1 < len(args):
            index += 1
            given = args[index]
        elif _plain(arg) and len(arguments) < shape.arguments:
            arguments.append(arg)
            index += 1
            continue
        else:
            return None
        option = next((names for names in shape.same if name in names), frozenset({name}))
        if option in seen or (name in shape.valued and not _plain(given)):
            return None
        seen.add(option)
        options[name] = given
        index += 1
    return Parsed(shape, options, tuple(arguments))


def _plain(value: str) -> bool:
    """A value Click would take without question: not empty, not like an option."""
    return bool(value) and not value.startswith("-")


def run(args: Sequence[str]) -> bool:
    """Run `args` when it is one of `SHAPES` and say True; False (nothing done) otherwise.

    Bad input raises `InputError` as the Typer commands do; `game.cli.main` reports it.
    """
    parsed = match(args)
    if parsed is None:
        return False
    use_language(chosen_language(args, os.environ))
    command = _command(parsed)
    try:
        command()
    except KeyboardInterrupt:
        sys.exit(130)  # as Typer ends an interrupted command: no message
    except BrokenPipeError:
        # The reader went away (`| head`): as Click, say nothing and exit 1, and let the
        # interpreter's last flush of stdout go nowhere instead of failing.
        if hasattr(sys.stdout, "fileno"):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    return True


def _command(parsed: Parsed) -> Callable[[], None]:
    if parsed.shape is LIST:
        from game.cli.deck_list import list_cards

        kind = parsed.options.get("--type")
        return lambda: list_cards(parsed.path("--deck"), kind, "--json" in parsed.options)
    if parsed.shape is PRINT_CARDS:
        return _print_cards(parsed)
    if parsed.shape is CHECK:
        from game.cli.deck_check import check_deck

        given = parsed.arguments
        return lambda: check_deck(Path(given[0]) if given else None)
    from game.cli.facilitator_app import run_facilitator_app

    return lambda: run_facilitator_app(parsed.path("--deck"), parsed.options.get("--session"))


def _print_cards(parsed: Parsed) -> Callable[[], None]:
    from game.cli.print_cards import print_cards

    options = parsed.options
    given: dict[str, Any] = {}
    for name, value in options.items():
        parameter = PRINT_OPTIONS.get(name)
        if parameter in ("deck_path", "output"):
            given[parameter] = Path(value)  # as Typer converts a `Path` option
        elif parameter in ("types", "ids"):
            given[parameter] = [value]
        elif parameter is not None:
            given[parameter] = value
    return lambda: print_cards(
        crop_marks="--no-crop-marks" not in options,
        per_page="--per-page" in options,
        **given,
    )
