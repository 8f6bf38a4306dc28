"""Check that a JSON Schema explains every field, in Dutch (for the trainer's editor)."""

from __future__ import annotations

import re
from collections.abc import Iterator

ENGLISH = re.compile(r"\b(the|which|when|where|every|this|from|should|must)\b", re.IGNORECASE)
"""Words that give away an English description; none of them is Dutch."""


def field_descriptions(schema: object, path: str = "") -> Iterator[tuple[str, str | None]]:
    """Every property of every object in the schema, with its description (None: none)."""
    if isinstance(schema, dict):
        for name, value in schema.get("properties", {}).items():
            yield f"{path}/{name}", value.get("description") if isinstance(value, dict) else None
        for key, value in schema.items():
            yield from field_descriptions(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from field_descriptions(value, f"{path}/{index}")


def english_or_missing(schema: object) -> list[str]:
    """Paths of fields without a description or with an English one."""
    return [
        f"{path}: {description!r}"
        for path, description in field_descriptions(schema)
        if not description or ENGLISH.search(description)
    ]


def english_descriptions(schema: object) -> list[str]:
    """Every description anywhere in the schema (definitions too) that is English."""
    if isinstance(schema, dict):
        own = schema.get("description")
        found = [own] if isinstance(own, str) and ENGLISH.search(own) else []
        return found + [text for value in schema.values() for text in english_descriptions(value)]
    if isinstance(schema, list):
        return [text for value in schema for text in english_descriptions(value)]
    return []
