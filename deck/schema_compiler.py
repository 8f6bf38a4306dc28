"""Compile the deck's pydantic models into the schema `deck.compiled_schema` validates with.

pydantic turns each model of `deck.model` into a pydantic-core schema when the class is
made; building those classes and the pydantic machinery behind them is most of a cold
`deck list`. This module writes those very schemas down (`deck/compiled_schema.json`), with
`deck.record.Record` in each model's place, so that pydantic-core alone can check a deck
against them. The models stay the one source: `tests/deck/test_compiled_schema.py` fails
when the file is not what this module makes of them.

Regenerate: `.venv/bin/python -m deck.schema_compiler`.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import pydantic_core

from deck.compiled_schema import FORMAT, SOURCE, named
from deck.model import CARD_MODELS, Manifest
from deck.record import Record

_DROPPED = {"metadata", "serialization"}
"""Schema keys that only serve pydantic's own layers (JSON Schema, dumping), not validation."""
_REF_SUFFIX = re.compile(r":\d+$")
"""pydantic makes a ref unique with the class's id(); the file must not change between runs."""


def compiled_schema() -> dict[str, Any]:
    """The compiled schema of the manifest and of every card type, as JSON data."""
    return {
        "format": FORMAT,
        "pydantic_core": pydantic_core.__version__,
        "manifest": _compile(Manifest.__pydantic_core_schema__),
        "cards": {
            kind: _compile(model.__pydantic_core_schema__) for kind, model in CARD_MODELS.items()
        },
    }


def compiled_text() -> str:
    """The file `deck/compiled_schema.json` as it should read."""
    # Not sorted: a model's fields come in their order, in a record and in `deck list --json`.
    return json.dumps(compiled_schema(), ensure_ascii=False, indent=1) + "\n"


def _compile(node: object) -> object:
    if isinstance(node, dict):
        compiled: dict[str, object] = {}
        for key, value in node.items():
            if key in _DROPPED:
                continue
            if key == "cls":
                compiled[key] = _python(Record)
            elif key in ("ref", "schema_ref"):
                compiled[key] = _REF_SUFFIX.sub("", value)
            else:
                compiled[key] = _compile(value)
        return compiled
    if isinstance(node, list):
        return [_compile(item) for item in node]
    if isinstance(node, tuple):
        return {"$tuple": [_compile(item) for item in node]}
    if node is None or isinstance(node, str | int | float | bool):
        return node
    if callable(node):
        return _python(node)
    raise TypeError(f"the compiled schema cannot hold {node!r}: teach deck.compiled_schema it")


def _python(value: Any) -> dict[str, str]:
    """A reference to a function or class by module and name, checked to lead back to it."""
    module, name = value.__module__, value.__qualname__
    if module == "deck.model" or module.startswith("pydantic"):
        raise TypeError(
            f"{module}.{name} would load the models again: give the rule its own light module "
            "(as deck.survey_sums), and let the model use it from there"
        )
    if named(f"{module}:{name}") != value:
        raise TypeError(f"{module}:{name} does not lead back to {value!r}")
    return {"$python": f"{module}:{name}"}


def main() -> None:
    """Write `deck/compiled_schema.json` anew from the models."""
    SOURCE.write_text(compiled_text(), encoding="utf-8")
    sys.stdout.write(f"{SOURCE} geschreven\n")


if __name__ == "__main__":
    main()
