"""The `netwerktafel` command line: `main`, the console script.

The most used command lines (`deck list`, `deck check`, the app) run without Typer
(`game.cli.fast_start`); every other one goes to the Typer app in `game.cli.root`, which
loads each command's module only when it runs.
"""

from __future__ import annotations

import sys
from typing import Any

from catalogue import _, ngettext
from deck.problems import InputError
from deck.regular_file import os_problem
from game.cli import fast_start


def __getattr__(name: str) -> Any:
    # `game.cli.app` is the Typer app, loaded only by those who ask for it.
    if name == "app":
        from game.cli.root import app

        return app
    raise AttributeError(f"module 'game.cli' has no attribute {name!r}")


def main() -> None:
    """Entry point of the console script: bad input exits 2, our own failures exit 1."""
    debug = "--debug" in sys.argv[1:]
    # An argument that is not UTF-8 reaches us as lone surrogates: echoing it back (a path,
    # a word that named nothing) must not fail, so such bytes are printed as escapes.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        if not fast_start.run(sys.argv[1:]):
            from game.cli.root import app

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
            import traceback  # only here: it loads linecache and tokenize (± 3 ms)

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
