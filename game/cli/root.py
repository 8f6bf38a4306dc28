"""The `netwerktafel` command line as Typer parses it: one Typer app with a sub-app per
domain area.

The command modules are imported only when their command runs (`game.cli.lazy_group`, the
help texts in `game.cli.command_table`): `--help` and `deck list` must not pay for the
session, the store, the printing or the apps. `game.cli.main` runs the few most used
command lines without Typer (`game.cli.fast_start`) and everything else through `app`.
"""

from __future__ import annotations

from pathlib import Path

import typer

from catalogue import _
from deck.problems import InputError, Location, Problem
from game.cli.facilitator_app import run_facilitator_app
from game.cli.lazy_group import LazyGroup
from game.cli.options import DeckOption

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
    run_facilitator_app(deck_path, session)
