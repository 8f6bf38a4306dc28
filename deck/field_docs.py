"""Field descriptions for the JSON Schemas, read from the models' attribute docstrings.

Every model documents its fields with a docstring under each one. Pydantic can read those
itself (`use_attribute_docstrings`), but it does so for every model when it is defined, by
reading and parsing the source: a tenth of the start of every command and of the apps, for
text that only `deck schema` and `workshop schema` show. Here they are read when a schema
is written.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Iterable
from itertools import pairwise
from types import ModuleType
from typing import Any

from pydantic import BaseModel


def models_in(*modules: ModuleType) -> list[type[BaseModel]]:
    """Every pydantic model defined in `modules`."""
    return [
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == module.__name__
    ]


def attribute_docs(model: type[BaseModel]) -> dict[str, str]:
    """The docstring under each field of `model` and of the models it inherits from."""
    docs: dict[str, str] = {}
    for klass in reversed(model.__mro__):
        if not issubclass(klass, BaseModel) or klass.__module__.startswith("pydantic"):
            continue
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        definition = ast.parse(source).body[0]
        if not isinstance(definition, ast.ClassDef):
            continue
        body = definition.body
        for field, doc in pairwise(body):
            if (
                isinstance(field, ast.AnnAssign)
                and isinstance(field.target, ast.Name)
                and isinstance(doc, ast.Expr)
                and isinstance(doc.value, ast.Constant)
                and isinstance(doc.value.value, str)
            ):
                docs[field.target.id] = inspect.cleandoc(doc.value.value)
    return docs


def with_field_docs(schema: dict[str, Any], models: Iterable[type[BaseModel]]) -> dict[str, Any]:
    """`schema` with each property described by its field's docstring, unless it has one."""
    by_title = {model.__name__: model for model in models}
    for part in (schema, *schema.get("$defs", {}).values()):
        model = by_title.get(part.get("title", ""))
        if model is None:
            continue
        docs = attribute_docs(model)
        for name, prop in part.get("properties", {}).items():
            if name in docs:
                prop.setdefault("description", docs[name])
    return schema
