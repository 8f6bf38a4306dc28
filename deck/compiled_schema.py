"""Check deck data against the compiled schema: pydantic-core alone, no pydantic models.

`deck/compiled_schema.json` is what pydantic makes of the models in `deck.model`, written
down by `deck.schema_compiler` (a test keeps the two equal). Validating against it gives
the same verdict on the same data as the models, and `deck.record.Record`s with the same
fields where the models give model instances, for a fraction of the start: building the
model classes and importing pydantic's machinery for them is most of a cold `deck list`.
It holds for the pydantic-core it was made with; under another, the models check the deck
(slower, never wrong).

It says only whether data is valid: the messages for data that is not come from the models
(`deck.model_checks`), which know each field's name and hint.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pydantic_core
from pydantic_core import SchemaError, SchemaValidator, ValidationError

from deck.checks import NeedsModels

if TYPE_CHECKING:
    from deck.model import CardBase, Manifest
    from deck.problems import Problem
    from deck.yaml_source import PathKey, YamlDocument

SOURCE = Path(__file__).with_name("compiled_schema.json")
FORMAT = 1
"""The layout of the file (`deck.schema_compiler` writes it); no other is read."""


class CompiledChecks:
    """The loader's checks (`deck.checks`) against the compiled schema: records for models,
    and `NeedsModels` for any problem."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"{SOURCE}: format {data.get('format')!r}, expected {FORMAT}")
        # The schema is pydantic-core's own language, and pydantic (which made it from the
        # models) requires one exact pydantic-core: another version may read it otherwise.
        if data.get("pydantic_core") != pydantic_core.__version__:
            raise ValueError(
                f"{SOURCE}: made with pydantic-core {data.get('pydantic_core')}, "
                f"this is {pydantic_core.__version__}"
            )
        self.manifest_validator = SchemaValidator(_resolved(data["manifest"]))
        cards: dict[str, Any] = data["cards"]
        self.card_validators = {
            kind: SchemaValidator(_resolved(schema)) for kind, schema in cards.items()
        }
        self.card_fields: dict[str, Collection[str]] = {
            kind: frozenset(_model_fields(schema)) for kind, schema in cards.items()
        }

    def manifest(self, data: object) -> Manifest:
        """The manifest `data` stands for, as a record; `ValidationError` when invalid."""
        return cast("Manifest", self.manifest_validator.validate_python(data))

    def card(self, kind: str, data: object) -> CardBase:
        """The card of type `kind` that `data` stands for, as a record; `ValidationError`."""
        return cast("CardBase", self.card_validators[kind].validate_python(data))

    def fields(self, kind: str) -> Collection[str]:
        """The fields a card of type `kind` has."""
        return self.card_fields[kind]

    def problems(
        self,
        error: ValidationError,
        document: YamlDocument,
        path: PathKey,
        kind: str | None,
        subject: str,
    ) -> list[Problem]:
        """Never words a problem: the models must (`NeedsModels`)."""
        raise NeedsModels from error


@cache
def compiled_checks() -> CompiledChecks:
    """The checks of the compiled schema, read once per process; `OSError` or `ValueError`
    when the file is missing or damaged."""
    try:
        return CompiledChecks(json.loads(SOURCE.read_bytes()))
    except (KeyError, TypeError, AttributeError, ImportError, SchemaError) as error:
        raise ValueError(f"{SOURCE}: {error!r}") from error


def _resolved(node: Any) -> Any:
    """The schema with each `{"$python": "module:name"}` replaced by what it names, and each
    `{"$tuple": [...]}` by a tuple."""
    if isinstance(node, dict):
        if "$python" in node:
            return named(node["$python"])
        if "$tuple" in node:
            return tuple(_resolved(item) for item in node["$tuple"])
        return {key: _resolved(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_resolved(item) for item in node]
    return node


def named(reference: str) -> Any:
    """The function or class `reference` ("module:qualified.name") names."""
    module, name = reference.split(":")
    found: Any = importlib.import_module(module)
    for part in name.split("."):
        found = getattr(found, part)
    return found


def _model_fields(schema: dict[str, Any]) -> dict[str, Any]:
    """The fields of the model a card schema validates (under definitions and validators)."""
    node = schema
    while node.get("type") != "model-fields":
        node = node["schema"]
    fields: dict[str, Any] = node["fields"]
    return fields
