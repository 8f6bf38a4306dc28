"""A deck value checked by the compiled schema: its fields as attributes, without a model.

pydantic-core builds a record where it would build a model of `deck.model` (the compiled
schema names this class in the model's place): the same fields with the same values, in
the same order, but no methods and no pydantic machinery behind it.
"""

from __future__ import annotations

from typing import Any

from deck.text import Text


class Record:
    """The fields of one deck value (a card, the manifest, a source, …) as attributes."""

    # pydantic-core sets the three bookkeeping attributes a model has: slots keep them out
    # of __dict__, which holds the fields alone, as a model's does.
    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
    )

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"Record({fields})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and vars(self) == vars(other)

    __hash__ = None  # type: ignore[assignment]

    def __getattr__(self, name: str) -> Any:
        # Only reached for a name the record lacks: say which fields it has.
        raise AttributeError(f"record has no field {name!r} (fields: {', '.join(vars(self))})")


def as_json(value: object) -> Any:
    """`value` (a record or a model, and what they hold) as JSON data: what pydantic's
    `model_dump(mode="json")` gives of a model, for a record too."""
    if isinstance(value, Text):
        return value.root
    if hasattr(value, "__pydantic_fields_set__"):  # a model, or a record
        return {name: as_json(item) for name, item in vars(value).items()}
    if isinstance(value, tuple | list):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    return value
