"""The command lines people type most, run without Typer.

`netwerktafel deck list`, `netwerktafel deck check` and plain `netwerktafel` (the app) with
their usual options are recognised here by a small, strict matcher and run by the very
functions their Typer commands call. Typer (± 30 ms to import, more to build a command's
tree and its options' pydantic validators) is then never loaded. Any other shape (an
unknown option, `--help`, a typo, an option given twice, a value that looks like an option,
`--`) is not ours: it goes to Typer, so every usage error and help text stays Typer's.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

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


APP = Shape((), frozenset({"--debug"}), frozenset({"--deck", "--session"}))
LIST = Shape(("deck", "list"), frozenset({"--json"}), frozenset({"--deck", "--type"}))
CHECK = Shape(("deck", "check"), arguments=1)
SHAPES = (LIST, CHECK, APP)


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
    index = 0
    while index < len(args):
        arg = args[index]
        name, equals, value = arg.partition("=")
        if arg in shape.flags:
            given = ""
        elif name in shape.valued and equals:
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
        if name in options or (name in shape.valued and not _plain(given)):
            return None
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
    if parsed.shape is CHECK:
        from game.cli.deck_check import check_deck

        given = parsed.arguments
        return lambda: check_deck(Path(given[0]) if given else None)
    from game.cli.facilitator_app import run_facilitator_app

    return lambda: run_facilitator_app(parsed.path("--deck"), parsed.options.get("--session"))
