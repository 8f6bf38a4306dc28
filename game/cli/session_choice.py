"""Which session a participant command means when SESSIE is left out.

At a netwerktafel one laptop usually runs one session, so `netwerktafel vote` and
`netwerktafel serve` may leave SESSIE out: they then take the one session in the data
folder that changed in the last `RECENT_HOURS` hours. With none, or with several, they say
so and list what they found; guessing between two sessions could send votes to the wrong
table.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from catalogue import _
from game.store import SESSION_SUFFIX, default_session_dir, session_path, session_problem

RECENT_HOURS = 12

OptionalSessionArg = Annotated[
    str | None,
    typer.Argument(
        metavar="SESSIE",
        help=(
            "Sessiebestand, of alleen een naam (dan in de gegevensmap). Weggelaten: de enige "
            f"sessie in de gegevensmap die de laatste {RECENT_HOURS} uur gewijzigd is."
        ),
        show_default=False,
    ),
]


def recent_sessions(folder: Path, *, now: float | None = None) -> list[Path]:
    """Sessions in `folder` changed in the last `RECENT_HOURS` hours, newest first."""
    moment = time.time() if now is None else now
    found = []
    for path in folder.glob(f"*{SESSION_SUFFIX}"):
        try:
            # The write-ahead log changes with every vote; the file itself may lag behind.
            changed = max(p.stat().st_mtime for p in (path, Path(f"{path}-wal")) if p.exists())
        except OSError:
            continue
        if moment - changed <= RECENT_HOURS * 3600:
            found.append((changed, path))
    return [path for _, path in sorted(found, reverse=True)]


def chosen_session(session: str | None) -> Path:
    """The session file `session` names, or the one recent session in the data folder.

    Raises `InputError` when SESSIE is left out and there is not exactly one.
    """
    if session is not None:
        return session_path(session)
    folder = default_session_dir()
    found = recent_sessions(folder)
    if len(found) == 1:
        return found[0]
    if not found:
        raise session_problem(
            folder,
            _("geen sessie die de laatste {RECENT_HOURS} uur gewijzigd is").format(
                RECENT_HOURS=RECENT_HOURS
            ),
            hint=_("geef het sessiebestand of de naam van de sessie"),
        )
    names = ", ".join(path.stem for path in found[:5])
    raise session_problem(
        folder,
        _("{count} recente sessies ({names})").format(count=len(found), names=names),
        hint=_("zeg welke: netwerktafel vote NAAM"),
    )
