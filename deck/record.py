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


def fields_of(value: object) -> dict[str, Any] | None:
    """The fields of a model or a record, name → value in their order; None for any other
    value (a text, a tuple, a string …)."""
    # pydantic-core gives both a model and a record the bookkeeping attributes (see __slots__
    # above), and the __dict__ of either holds its fields alone, in their order.
    return vars(value) if hasattr(value, "__pydantic_fields_set__") else None


def as_json(value: object) -> Any:
    """`value` (a record or a model, and what they hold) as JSON data: what pydantic's
    `model_dump(mode="json")` gives of a model, for a record too."""
    if isinstance(value, Text):
        return value.root
    fields = fields_of(value)
    if fields is not None:
        return {name: as_json(item) for name, item in fields.items()}
    if isinstance(value, tuple | list):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    return value
