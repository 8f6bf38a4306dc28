"""Click's and Typer's own words (usage line, help panels, usage errors) in the run's language.

Typer ships its own copy of Click without gettext: "Usage:", "Options", "Show this message
and exit.", "Missing argument 'ID'." are English literals in its code. They are said through
the catalogue here, at the three places Typer lets them through: the usage line comes from a
formatter of ours (`LocalContext`), the help panels' titles are module constants of
`typer.rich_utils` (set when help or an error is about to be shown, so a command that shows
neither never imports it), and a usage error's English sentence is matched, part by part,
against `_SENTENCES` and said again in Dutch, in French through `_()`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from typer._click.core import Context
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer._click.formatting import HelpFormatter

from catalogue import N_, _
from game.cli.typer_help import rich_utils

_USAGE = N_("Gebruik: ")
_OPTIONS_METAVAR = N_("[OPTIES]")
_SUBCOMMAND_METAVAR = N_("OPDRACHT [ARGUMENTEN]...")
_HELP_OPTION = N_("Toon deze hulp en stop.")

_METAVARS = frozenset(
    # The placeholders our options and arguments show, where they are Dutch words; each
    # is said in the run's language when the command's help or usage is built. The others
    # (ID, TYPE, MM, X,Y) read the same in both languages.
    (
        N_("BESTAND"),
        N_("ID|BESTAND"),
        N_("SESSIE"),
        N_("SESSIE…"),
        N_("STEMRONDE"),
        N_("BELANGHEBBENDE"),
        N_("KAART"),
        N_("BEZORGDHEID"),
        N_("ROL"),
        N_("ACTIE"),
        N_("DECK"),
        N_("MAP"),
        N_("TEKST"),
        N_("MINUTEN"),
        N_("FORMAAT"),
        N_("UIT"),
    )
)

_PANEL_WORDS: dict[str, str] = {
    "ARGUMENTS_PANEL_TITLE": N_("Argumenten"),
    "OPTIONS_PANEL_TITLE": N_("Opties"),
    "COMMANDS_PANEL_TITLE": N_("Opdrachten"),
    "ERRORS_PANEL_TITLE": N_("Fout"),
    "ABORTED_TEXT": N_("Afgebroken."),
    "RICH_HELP": N_("Probeer [blue]'{command_path} {help_option}'[/] voor hulp."),
    "DEFAULT_STRING": N_("[standaard: {}]"),
    "ENVVAR_STRING": N_("[omgevingsvariabele: {}]"),
    "REQUIRED_LONG_STRING": N_("[verplicht]"),
    "DEPRECATED_STRING": N_("(verouderd) "),
}
"""`typer.rich_utils` constant → its Dutch text."""

_QUOTED = r"'[^']*'"
_SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), dutch)
    for pattern, dutch in (
        (r"No such option: (?P<option>\S+)", N_("onbekende optie: {option}")),
        (r"\(Possible options: (?P<options>[^)]*)\)", N_("(mogelijke opties: {options})")),
        (rf"No such command (?P<name>{_QUOTED})\.", N_("onbekende opdracht {name}.")),
        (r"Did you mean (?P<names>.+)\?", N_("Bedoelde je {names}?")),
        (r"^Missing command\.", N_("de opdracht ontbreekt.")),
        (rf"Missing argument (?P<name>{_QUOTED})\.", N_("argument {name} ontbreekt.")),
        (rf"Missing option (?P<name>{_QUOTED}(?: / {_QUOTED})*)\.", N_("optie {name} ontbreekt.")),
        (r"Choose from:", N_("kies uit:")),
        (
            rf"Option (?P<option>{_QUOTED}) requires an argument\.",
            N_("optie {option} vraagt een waarde."),
        ),
        (
            rf"Option (?P<option>{_QUOTED}) requires (?P<count>\d+) arguments\.",
            N_("optie {option} vraagt {count} waarden."),
        ),
        (
            rf"Option (?P<option>{_QUOTED}) does not take a value\.",
            N_("optie {option} neemt geen waarde."),
        ),
        (
            rf"Argument (?P<name>{_QUOTED}) takes (?P<count>\d+) values\.",
            N_("argument {name} vraagt {count} waarden."),
        ),
        (
            r"Got unexpected extra argument(?:\(s\)|s)? \((?P<values>.*)\)",
            N_("onverwachte extra argumenten ({values})"),
        ),
        (r"^Invalid value for (?P<name>.+?): ", N_("ongeldige waarde voor {name}: ")),
        (r"^Invalid value: ", N_("ongeldige waarde: ")),
        (r"Value error, ", ""),
        (
            r"(?P<value>'[^']*') is not one of (?P<choices>.+?)\.$",
            N_("{value} is geen van {choices}."),
        ),
        (
            r"Value (?P<value>.+?) is not a valid (?P<kind>\w+)\.",
            N_("waarde {value} is geen geldige {kind}."),
        ),
        (
            r"Input should be a valid integer(?:, unable to parse string as an integer)?",
            N_("verwacht een geheel getal"),
        ),
        (
            r"Input should be a valid number(?:, unable to parse string as a number)?",
            N_("verwacht een getal"),
        ),
        (
            r"Input should be greater than or equal to (?P<limit>\S+)",
            N_("verwacht minstens {limit}"),
        ),
        (r"Input should be less than or equal to (?P<limit>\S+)", N_("verwacht hoogstens {limit}")),
    )
)
"""English sentences (and parts of them) of Click, Typer and pydantic's coercion → Dutch.

Parts, not whole messages: "Invalid value for '--dots': Input should be a valid integer" is
two parts, each said in Dutch, so the table stays short and a new combination still reads
right. The replacements contain no English, so no part is said twice."""


def localised_message(english: str) -> str:
    """A usage error's message with every part the table knows said in the run's language."""
    text = english
    for pattern, dutch in _SENTENCES:
        text = pattern.sub(_saying(_(dutch) if dutch else ""), text)  # _("") is the header
    return text


def _saying(said: str) -> Callable[[re.Match[str]], str]:
    return lambda found: said.format(**found.groupdict())


def localised_error(error: UsageError) -> UsageError:
    """`error` as a usage error in the run's language (help shown for no arguments stays)."""
    speak_panels()
    if isinstance(error, NoArgsIsHelpError):
        return error
    said = UsageError(localised_message(error.format_message()), error.ctx)
    said.exit_code = error.exit_code
    return said


def speak_panels() -> None:
    """Set Typer's help and error panel words in the run's language (imports rich_utils,
    which help and error output load anyway, in its lighter way)."""
    formatter = rich_utils()
    for name, dutch in _PANEL_WORDS.items():
        setattr(formatter, name, _(dutch))


def speak_command(command: Any) -> None:
    """The usage line's words of one command (`[OPTIONS]`, `COMMAND [ARGS]...`)."""
    command.context_class = LocalContext
    if command.options_metavar:
        command.options_metavar = _(_OPTIONS_METAVAR)
    if getattr(command, "subcommand_metavar", None):
        command.subcommand_metavar = _(_SUBCOMMAND_METAVAR)
    for param in command.params:
        if param.metavar in _METAVARS:
            param.metavar = _(param.metavar)


class LocalFormatter(HelpFormatter):
    """Click's help formatter with the usage line's prefix in the run's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """Write the usage line, `Gebruik: …` rather than `Usage: …`."""
        super().write_usage(prog, args, _(_USAGE) if prefix is None else prefix)


class LocalContext(Context):
    """A Click context whose help and usage speak the run's language."""

    formatter_class = LocalFormatter

    def get_help(self) -> str:
        """The command's help, with Typer's panel words and the help option's own help
        said in the run's language."""
        speak_panels()
        option = self.command.get_help_option(self)
        if option is not None:
            option.help = _(_HELP_OPTION)
        return super().get_help()
