"""The language a command line asks for: `--taal` anywhere on it, else the environment.

Without Typer, so the command lines that run without it (`game.cli.fast_start`) settle their
language exactly as the Typer tree does (`game.cli.language`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from catalogue import ENVIRONMENT_VARIABLE, LANGUAGES, _, language_from_environment, parse_language
from deck.problems import InputError, Location, Problem

OPTION = "--taal"


def chosen_language(args: Sequence[str], environ: os._Environ[str] | dict[str, str]) -> str:
    """The language `args` ask for with `--taal`, else the environment's.

    A `--taal` or `NETWERKTAFEL_TAAL` that names no language is bad input: one line, exit 2.
    """
    given = _option_value(args)
    if given is not None:
        chosen = parse_language(given)
        if chosen is None:
            raise _unknown(OPTION, given)
        return chosen
    from_environment = environ.get(ENVIRONMENT_VARIABLE, "")
    if from_environment and parse_language(from_environment) is None:
        raise _unknown(ENVIRONMENT_VARIABLE, from_environment)
    return language_from_environment(environ)


def _option_value(args: Sequence[str]) -> str | None:
    found: str | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == OPTION and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith(OPTION + "="):
            found = arg.removeprefix(OPTION + "=")
    return found


def _unknown(where: str, value: str) -> InputError:
    return InputError(
        [
            Problem(
                Location(Path(where)),
                _("onbekende taal '{value}'").format(value=value),
                hint=_("kies uit {languages}").format(languages=", ".join(LANGUAGES)),
            )
        ]
    )
