"""Typer's help formatter, imported without the two renderers it never uses here.

`typer.rich_utils` imports `rich.markdown` (markdown-it and its rules) and `rich.traceback`
(pygments) when it loads: about 70 ms, most of `netwerktafel --help`. Our help texts use
rich markup, not Markdown, and pretty tracebacks are off (`pretty_exceptions_enable=False`),
so printing help needs neither. Each is replaced by a stand-in while the formatter loads;
a stand-in imports the real class the first time it is used, should Typer ever use it.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import Any

FORMATTER = "typer.rich_utils"
UNUSED = {"rich.markdown": "Markdown", "rich.traceback": "Traceback"}
"""Module → the one name the formatter takes from it."""


class _OnFirstUse(type):
    """The metaclass of a stand-in: calling it or reading an attribute loads the real class."""

    home: str

    def real(cls) -> Any:
        """The class this stands in for, imported now."""
        return getattr(import_module(cls.home), cls.__name__)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls.real()(*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        return getattr(cls.real(), name)


def rich_utils() -> ModuleType:
    """`typer.rich_utils`, loaded without Markdown and tracebacks if not loaded yet."""
    loaded = sys.modules.get(FORMATTER)
    if loaded is not None:
        return loaded
    stand_ins: dict[str, ModuleType] = {}
    for module, name in UNUSED.items():
        if module not in sys.modules:
            stand_in = ModuleType(module)
            setattr(stand_in, name, _OnFirstUse(name, (), {"home": module}))
            stand_ins[module] = stand_in
    sys.modules.update(stand_ins)
    try:
        return import_module(FORMATTER)
    finally:
        # Whoever imports these modules later gets the real ones.
        for module, stand_in in stand_ins.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]
