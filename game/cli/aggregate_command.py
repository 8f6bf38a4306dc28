"""`netwerktafel aggregate SESSIE… [--format csv|md|pdf] -o OUT`: many tables compared.

Each session file is read through `game.store.read_session`, which copies it before SQLite
sees it: the files stay byte for byte as they were and nothing appears beside them. A file
that is missing, broken or not a session is reported in one Dutch line and skipped; the
others are compared. With no session left, nothing is written and the command exits 2.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from catalogue import _
from deck import InputError, Location, Problem
from game.cli.outcome import warn
from game.cli.output_file import checked_output_file, checked_output_folder
from game.cli.recorded_words import played_deck
from game.comparison_export import write_comparison_csv, write_comparison_markdown
from game.engine import SessionState
from game.engine.comparison import ComparedSession, Comparison, compare
from game.store import read_session, session_path


def session_labels(paths: list[Path]) -> list[str]:
    """A short, unique label per file: its name without `.nwt`, with the folder when two
    files share a name, and a number when even that is not enough."""
    labels = [path.stem for path in paths]
    for index, path in enumerate(paths):
        if labels.count(path.stem) > 1 and path.parent.name:
            labels[index] = f"{path.parent.name}/{path.stem}"
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if labels.count(label) == 1 else f"{label} ({seen[label]})")
    return unique


def aggregate(
    sessions: Annotated[
        list[str],
        typer.Argument(
            metavar="SESSIE…",
            help="Eén of meer sessiebestanden (of namen in de gegevensmap).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="UIT",
            help="Doelbestand (md, pdf) of doelmap (csv).",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        Literal["csv", "md", "pdf"],
        typer.Option("--format", "-f", help="csv (nette tabellen), md of pdf."),
    ] = "md",
) -> None:
    """Compare sessions side by side, reading their files only (help text: `command_table`)."""
    paths = [session_path(name) for name in sessions]
    read: list[tuple[Path, SessionState]] = []
    for path in paths:
        try:
            read.append((path, read_session(path, warn=warn)))
        except InputError as error:
            for problem in error.problems:
                print(_("{problem} — overgeslagen").format(problem=problem), file=sys.stderr)
    if not read:
        raise InputError(
            [Problem(Location(Path(sessions[0])), _("geen enkele sessie kon gelezen worden"))]
        )
    labels = session_labels([path for path, _ in read])
    comparison = compare(
        [
            ComparedSession(label, state, played_deck(path, state))
            for label, (path, state) in zip(labels, read, strict=True)
        ]
    )
    try:
        written = _write(comparison, fmt, output)
    except OSError as error:
        message = _("kan niet schrijven: {strerror}").format(strerror=error.strerror)
        raise InputError([Problem(Location(output), message)]) from None
    skipped = len(paths) - len(read)
    note = _(" ({skipped} overgeslagen)").format(skipped=skipped) if skipped else ""
    count = _("1 sessie") if len(read) == 1 else _("{count} sessies").format(count=len(read))
    print(
        _("{written} geschreven: {count} vergeleken{note}.").format(
            written=written, count=count, note=note
        )
    )


def _write(comparison: Comparison, fmt: str, output: Path) -> Path:
    if fmt == "csv":
        checked_output_folder(output, _("geef een map, bv. -o vergelijking"))
        write_comparison_csv(comparison, output)
        return output
    checked_output_file(
        output, _("geef een bestandsnaam, bv. -o vergelijking.{fmt}").format(fmt=fmt)
    )
    if fmt == "md":
        return write_comparison_markdown(comparison, output)
    from print.comparison import write_comparison_pdf  # reportlab only when a PDF is asked

    write_comparison_pdf(comparison, output)
    return output
