"""netwerktafel runs without pydantic plugins, and does not look for any.

The first time pydantic builds a validator (a model class, a TypeAdapter: Typer builds one
per option) it imports its plugin loader, which imports `importlib.metadata` and reads the
entry points of every installed distribution: ± 20 ms of CPU per command (8 % of `deck
list`), for plugins this program never uses. `PYDANTIC_DISABLE_PLUGINS` only skips the
reading (± 5 ms), not the import, and as an environment variable it would reach every
process this one starts. So the loader pydantic imports is replaced, in this process only,
by one that names no plugin. pydantic's `plugin._schema_validator` takes nothing else from
it than `get_plugins` (tests/deck/test_pydantic_plugins.py checks that).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from types import ModuleType

LOADER = "pydantic.plugin._loader"
"""The module through which pydantic finds its plugins."""


def _no_plugins() -> Iterable[object]:
    return ()


def skip_plugin_discovery() -> None:
    """Let pydantic find no plugins without looking, unless its loader is already in use."""
    if LOADER in sys.modules:
        return
    loader = ModuleType(LOADER, "netwerktafel runs without pydantic plugins.")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[LOADER] = loader
