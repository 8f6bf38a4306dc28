"""The top-level command group, which imports a command's module only when it runs.

`netwerktafel --help` lists every command from `command_table` without importing any command
module; `netwerktafel deck list` imports the deck commands and nothing of the session, the
store, the printing or the apps. Only the command that runs has its Typer tree built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

import typer
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer.core import TyperArgument, TyperCommand, TyperOption
from typer.main import get_command, get_group

from catalogue import current_language
from game.cli.command_table import COMMANDS
from game.cli.language import LanguageGroup


class _Listed(TyperCommand):
    """A command as the help lists it: its name and help, not yet imported."""


@dataclass(frozen=True)
class _Deferred(RuntimeParam):
    """Typer's coercion of a root option, its pydantic validator built only for a value.

    Typer builds a pydantic validator per option, which imports pydantic: plain
    `netwerktafel` (the facilitator app, whose start screen needs no pydantic) gives none of
    the root's options, and `RuntimeParam.coerce` keeps an unset one None without it.
    """

    descriptor: TypeDescriptor
    built: list[RuntimeParam] = field(default_factory=list)

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        if not self.built:
            self.built.append(build_runtime_param(self.descriptor))
        return self.built[0].coerce(value, param=param, ctx=ctx)


class LazyGroup(LanguageGroup):
    """The root group: commands listed from the table, imported when resolved, and then
    spoken in the run's language like the rest of the tree."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for name, entry in COMMANDS.items():
            self.commands.setdefault(name, _Listed(name=name, help=entry.help))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Parse the root's options (`--taal` included) without pydantic for those not given."""
        for param in self.get_params(ctx):
            if isinstance(param, TyperOption | TyperArgument) and param._runtime_param is None:
                described = param.type_descriptor
                param._runtime_param = _Deferred(
                    annotation=described.annotation,
                    parameter_info=described.parameter_info,
                    descriptor=described,
                )
        return list(super().parse_args(ctx, args))

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        """The command named by `args[0]`, imported and built on first use."""
        name, command, rest = super().resolve_command(ctx, args)
        if name is not None and isinstance(command, _Listed):
            key = (name, current_language())
            if key not in _BUILT:
                _BUILT[key] = load_command(name)
                self.localise(_BUILT[key])
            command = self.commands[name] = _BUILT[key]
        return name, command, rest


_BUILT: dict[tuple[str, str], Any] = {}
"""Each command once built and spoken in a language, for the next run in this process.

Typer builds a command's whole tree from its functions' signatures and type hints (tens of
milliseconds for `session`); a process that runs the command line more than once (the
suite runs it in-process thousands of times) builds it once per language. A built Click
command holds no state of a run: each run gets its own context.
"""


def load_every_command(root: Any) -> Any:
    """`root` with every listed command loaded (for extracting all help texts)."""
    for name, command in list(root.commands.items()):
        if isinstance(command, _Listed):
            root.commands[name] = load_command(name)
    return root


def load_command(name: str) -> Any:
    """Import the module of top-level command `name` and build its click command."""
    entry = COMMANDS[name]
    target = getattr(import_module(entry.module), entry.attribute)
    if isinstance(target, typer.Typer):
        command: Any = get_group(target)
    else:
        single = typer.Typer(add_completion=False, rich_markup_mode="rich")
        single.command(name, help=entry.help)(target)
        command = get_command(single)
    command.name = name
    return command
