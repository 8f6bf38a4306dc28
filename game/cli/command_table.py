"""Every top-level command of `netwerktafel`: where it lives and its help text.

This is the one place the top-level help texts are written: `netwerktafel --help` lists them
from here without importing a single command module, and each command module takes its own
help from here, so the list and the command's own `--help` cannot tell it differently.
Keep this module free of imports: it is read on every start.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommandEntry:
    """A top-level command: the module that defines it, the object there, its help."""

    module: str
    attribute: str
    help: str


COMMANDS: dict[str, CommandEntry] = {
    "deck": CommandEntry(
        "game.cli.deck_commands",
        "deck_app",
        "Het kaartspel: controleren, bekijken en beschrijven.",
    ),
    "workshop": CommandEntry(
        "game.cli.workshop_commands",
        "workshop_app",
        "Werkvormen: de rondes van een sessie bekijken en controleren.",
    ),
    "print": CommandEntry(
        "game.cli.print_commands",
        "print_app",
        "Afdrukken: kaartvellen, het sessieverslag en papieren stembrieven als PDF.",
    ),
    "session": CommandEntry(
        "game.cli.session_commands",
        "session_app",
        "Een netwerktafel voeren: sessie maken, belanghebbenden, aanpakken, stemrondes, verslag.",
    ),
    "vote": CommandEntry(
        "game.cli.vote_command",
        "vote",
        "Stem: zonder --choice in de deelnemersapp, met --choice meteen (voor scripts).",
    ),
    "serve": CommandEntry(
        "game.cli.serve_command",
        "serve",
        "Stemmen op de gsm en een scherm voor de beamer: toont de adressen, de deelnamecode en\n"
        "een QR-code.\n\nEén proces bedient de hele zaal. Een foute deelnamecode wordt na een "
        "paar pogingen\ntrager beantwoord, per netwerkadres.",
    ),
    "aggregate": CommandEntry(
        "game.cli.aggregate_command",
        "aggregate",
        "Vergelijk netwerktafels: per stelling elke tafel naast de bevraging, de gekozen\n"
        "vormen en voorbeelden, en de actieplannen naast elkaar. De sessiebestanden worden\n"
        "alleen gelezen, nooit gewijzigd.",
    ),
}
"""In the order `netwerktafel --help` lists them."""


def help_of(name: str) -> str:
    """The help text of the top-level command `name`."""
    return COMMANDS[name].help
