"""How a session command ends: a refusal as one Dutch line (exit 2), a failure of the store
(exit 1), or a result as JSON on stdout. Shared by `session …` and `vote`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer

from catalogue import _
from game.engine.plain_text import visible
from game.store import Refused, StoreError


def refuse(reason: str) -> NoReturn:
    """Print a refusal as one Dutch line and exit 2."""
    print(_("Geweigerd: {value}").format(value=visible(reason, limit=None)), file=sys.stderr)
    raise typer.Exit(2)


@contextmanager
def guarded() -> Iterator[None]:
    """Turn a refusal into exit 2 and a failure to write into exit 1, each with one line."""
    try:
        yield
    except Refused as refusal:
        refuse(refusal.reason)
    except StoreError as error:
        print(_("Fout: {error}").format(error=error), file=sys.stderr)
        raise typer.Exit(1) from None


def warn(line: str) -> None:
    """Tell the user, on stderr, what opening a session found (a tampered log, an upgrade)."""
    print(_("Let op: {line}").format(line=visible(line, limit=None)), file=sys.stderr)


def emit_json(data: object) -> None:
    """Print data as JSON on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
