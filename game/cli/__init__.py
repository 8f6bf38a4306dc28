"""The `netwerktafel` command line: one Typer app with a sub-app per domain area.

The command modules are imported only when their command runs (`game.cli.lazy_group`, the
help texts in `game.cli.command_table`): `--help` and `deck list` must not pay for the
session, the store, the printing or the apps.
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

import typer

from catalogue import _, ngettext
from deck.problems import InputError, Location, Problem
from deck.regular_file import os_problem
from game.cli.lazy_group import LazyGroup
from game.cli.options import DeckOption, open_deck

app = typer.Typer(
    name="netwerktafel",
    cls=LazyGroup,
    help="Kaartspel en werkvormen voor burgerparticipatie in lokale veiligheid. "
    "Zonder opdracht start de begeleidersapp (netwerktafel [--deck MAP] [--session BESTAND]).",
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _package_version() -> str:
    # Imported here: importlib.metadata costs every command a few tens of milliseconds.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("netwerktafel")
    except PackageNotFoundError:
        return _("onbekend")


def _show_version(value: bool) -> None:
    if value:
        print(f"netwerktafel {_package_version()}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    show_version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Toon de versie en stop."
    ),
    debug: bool = typer.Option(
        False, "--debug", help="Toon bij een interne fout de volledige traceback."
    ),
    deck_path: DeckOption = None,
    session: str | None = typer.Option(
        None,
        "--session",
        metavar="SESSIE",
        help="Open dit sessiebestand (of deze naam in de gegevensmap) meteen.",
        show_default=False,
    ),
) -> None:
    """Participatiekaartspel en workshopbegeleider voor burgerparticipatie in lokale veiligheid.

    Zonder opdracht start de begeleidersapp: een netwerktafel voeren aan het toetsenbord.
    """
    if ctx.invoked_subcommand is not None:
        for option, given in (("--deck", deck_path), ("--session", session)):
            if given is not None:
                # Silently ignoring it would play or check another deck than the user meant.
                raise InputError(
                    [
                        Problem(
                            Location(Path(option)),
                            _(
                                "{option} vóór een opdracht geldt alleen voor de begeleidersapp"
                            ).format(option=option),
                            hint=_(
                                "zet het na de opdracht: netwerktafel {command} … {option} …"
                            ).format(command=ctx.invoked_subcommand, option=option),
                        )
                    ]
                )
        return
    _run_facilitator_app(deck_path, session)


def _run_facilitator_app(deck_path: Path | None, session: str | None) -> None:
    """Start the facilitator TUI; a bad deck stops it with the deck's problems (exit 2).

    Without a session the start screen is drawn before the deck loads; a session file is
    opened once first, so a wrong file is reported like any bad input before the app draws.
    """
    from game.tui.app import build_app

    if session is None:
        app = build_app(deck_path=deck_path)
    else:
        from game.store import session_path
        from game.tui.live_session import LiveSession

        deck = open_deck(deck_path)
        path = session_path(session)
        LiveSession.open(path, deck, time.time).close()
        app = build_app(deck_path=deck_path, session=path, deck=deck)
    app.run()
    if app.deck_problems is not None:
        raise app.deck_problems


def main() -> None:
    """Entry point of the console script: bad input exits 2, our own failures exit 1."""
    debug = "--debug" in sys.argv[1:]
    # An argument that is not UTF-8 reaches us as lone surrogates: echoing it back (a path,
    # a word that named nothing) must not fail, so such bytes are printed as escapes.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        app(prog_name="netwerktafel")
    except InputError as error:
        from game.engine.plain_text import visible

        for problem in error.problems:
            print(visible(str(problem), limit=None), file=sys.stderr)
        count = len(error.problems)
        print(
            ngettext("{count} probleem gevonden.", "{count} problemen gevonden.", count).format(
                count=count
            ),
            file=sys.stderr,
        )
        sys.exit(2)
    except OSError as error:
        # A path the user gave that the system refuses (too long, a loop of links, no
        # access): bad input, said in one line.
        from game.engine.plain_text import visible

        where = visible(str(error.filename), limit=None) if error.filename else "netwerktafel"
        print(f"{where}: {os_problem(error)}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print(_("Onderbroken."), file=sys.stderr)
        sys.exit(130)
    except Exception:
        if debug:
            traceback.print_exc()
        else:
            print(
                _(
                    "Interne fout in netwerktafel. Start opnieuw met --debug voor details "
                    "en meld het probleem."
                ),
                file=sys.stderr,
            )
        sys.exit(1)
