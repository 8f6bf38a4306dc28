"""The language of the command line: `--taal nl|fr` on every command, help said in it.

The language is settled before Click parses anything (a command's own `--help` must already
speak it), from `--taal` anywhere on the line, else `NETWERKTAFEL_TAAL`, else the system
locale, else Dutch. Typer builds the Click commands from Dutch help texts; they are
translated here, on the command tree of this one run, when the language is known.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperGroup, TyperOption

from catalogue import N_, _, use_language
from game.cli.click_words import LocalContext, localised_error, speak_command
from game.cli.language_choice import OPTION, chosen_language

_HELP = N_(
    "Taal van de uitvoer: nl of fr. Anders NETWERKTAFEL_TAAL, dan de taal van het systeem, "
    "dan Nederlands."
)


class LanguageGroup(TyperGroup):
    """The root command: settles the language, then lets Click parse and complain in it."""

    context_class = LocalContext

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Any = None,
        **extra: Any,
    ) -> Any:
        use_language(chosen_language(args, os.environ))
        self.localise(self)
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageError as error:
            raise localised_error(error) from None

    def invoke(self, ctx: Any) -> Any:
        """Run the chosen command; its usage errors (parsed in a sub-context) said in the
        run's language."""
        try:
            return super().invoke(ctx)
        except UsageError as error:
            raise localised_error(error) from None

    def localise(self, command: Command) -> None:
        """Translate the help of `command`'s tree and give each of its commands `--taal`
        (the root does it on its whole tree; a lazily loaded command, when it loads)."""
        option = _language_option()
        for each in command_tree(command):
            _translate_help(each)
            speak_command(each)
            each.params.append(option)


Command = Any
"""A Click command of Typer's own Click (Typer vendors it; its types are private)."""


def command_tree(command: Command) -> Iterator[Command]:
    """`command` and every command under it."""
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from command_tree(sub)


def _translate_help(command: Command) -> None:
    if command.help:
        command.help = flowing(_(command.help))
    if command.short_help:
        command.short_help = flowing(_(command.short_help))
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            param.help = flowing(_(text))


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
"""A break between two lines of one paragraph (not `str.split()`: it would eat no-break spaces)."""


def flowing(text: str) -> str:
    """`text` with the line breaks of its source joined within each paragraph.

    A docstring (and its msgid) breaks its lines at the source's margin; Rich keeps such a
    break, so the help table broke sentences mid-way. Rich wraps to the terminal itself.
    Paragraphs (a blank line) and Click's `\\b` blocks keep their lines.
    """
    return "\n\n".join(
        paragraph if paragraph.startswith("\b") else _LINE_BREAK.sub(" ", paragraph)
        for paragraph in text.split("\n\n")
    )


def _language_option() -> TyperOption:
    """`--taal`, already read before parsing: declared so Click accepts and lists it."""
    probe = typer.Typer()

    @probe.command()
    def declare(
        taal: str | None = typer.Option(None, OPTION, metavar="nl|fr", help=_(_HELP)),
    ) -> None:
        """Only here to let Typer build the option."""

    option = typer.main.get_command(probe).params[0]
    option.expose_value = False
    assert isinstance(option, TyperOption)
    return option


def help_texts(command: Command) -> Iterator[str]:
    """Every Dutch help text of `command`'s tree, as Typer builds it (for extraction)."""
    for each in command_tree(command):
        for text in (each.help, each.short_help):
            if text:
                yield text
        for param in each.params:
            text = getattr(param, "help", None)
            if text:
                yield text


def extract(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[Any, ...]]:
    """A Babel extractor (babel.cfg names it for this file): this file's own `_()` texts,
    then the help texts of the whole command line, which Typer takes from docstrings."""
    from babel.messages.extract import extract_python

    from game.cli.lazy_group import load_every_command
    from game.cli.root import app

    yield from extract_python(fileobj, keywords, comment_tags, options)
    for text in dict.fromkeys(help_texts(load_every_command(typer.main.get_command(app)))):
        yield 0, None, text, []
