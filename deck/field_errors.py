"""Turn pydantic validation errors into Dutch problems that point into the YAML file."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from catalogue import _
from deck.problems import Problem, did_you_mean, field_name, one_of
from deck.yaml_source import PathKey, YamlDocument


def field_problems(
    error: ValidationError,
    document: YamlDocument,
    base: PathKey,
    model: type[BaseModel],
    subject: str | None,
) -> Iterator[Problem]:
    """One problem per pydantic error of `model` validated from the value at `base`.

    A misspelt key shows up twice in pydantic (an unknown key and a missing field); only
    the unknown key is reported, since its did-you-mean hint already names the field.
    """
    details = error.errors(include_url=False)
    suggested = {
        (*tuple(d["loc"])[:-1], hint)
        for d in details
        if d["type"] == "extra_forbidden"
        and (hint := _closest_field(model, tuple(d["loc"]))) is not None
    }
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "missing" and loc in suggested:
            continue
        path = (*base, *loc)
        kind = detail["type"]
        where = document.where(path, key=kind == "extra_forbidden")
        message, hint = _describe(detail, model, loc)
        yield Problem(where, message, subject, hint)


def _closest_field(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    import difflib  # only for a problem: a deck in order never needs it

    close = difflib.get_close_matches(str(loc[-1]), allowed_keys(model, loc[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None


def _describe(
    detail: ErrorDetails, model: type[BaseModel], loc: tuple[str | int, ...]
) -> tuple[str, str | None]:
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    value = detail.get("input")
    name = field_name(loc)
    if kind == "missing":
        return _("verplicht veld '{name}' ontbreekt").format(name=name), None
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, loc[:-1])
        key = str(loc[-1])
        return _("onbekend veld '{key}'").format(key=key), did_you_mean(key, allowed) or (
            one_of(allowed) if allowed else None
        )
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        hint = did_you_mean(str(value), expected) or one_of(expected)
        return _("ongeldige waarde '{value}' voor '{name}'").format(value=value, name=name), hint
    if kind == "string_pattern_mismatch":
        if name.endswith("url"):
            return _("'{value}' is geen webadres").format(value=value), _(
                "begin met http:// of https://"
            )
        if "#" in str(ctx.get("pattern", "")):
            return _("'{value}' is geen kleur").format(value=value), _(
                "schrijf #rrggbb, bv. #1b6a8c"
            )
        return (
            _("'{value}' is geen geldige id voor '{name}'").format(value=value, name=name),
            _("gebruik kleine letters, cijfers en koppeltekens, bv. 'pop-up-politiekantoor'"),
        )
    if kind in {"string_type", "str_type"}:
        return _("'{name}' moet tekst zijn, niet {value}").format(
            name=name, value=_kind_of(value)
        ), _quote_hint(value)
    if kind == "string_too_short":
        return _("'{name}' is leeg").format(name=name), _("vul een tekst in")
    if kind in {"string_too_long", "too_long"}:
        return _("'{name}' is te lang (hoogstens {value})").format(
            name=name, value=ctx.get("max_length")
        ), None
    if kind == "too_short":
        return _("'{name}' heeft te weinig elementen (minstens {value})").format(
            name=name, value=ctx.get("min_length")
        ), None
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return _("'{name}' moet een geheel getal zijn, niet {value}").format(
            name=name, value=_kind_of(value)
        ), None
    if kind in {"bool_type", "bool_parsing"}:
        return _("'{name}' moet true of false zijn").format(name=name), None
    if kind in {"list_type", "tuple_type"}:
        return _("'{name}' moet een lijst zijn, niet {value}").format(
            name=name, value=_kind_of(value)
        ), _("schrijf [a, b] of '- a'")
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return _("'{name}' moet een mapping (sleutel: waarde) zijn, niet {value}").format(
            name=name, value=_kind_of(value)
        ), None
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        bound = next(iter(ctx.values()), "?")
        words = {
            "greater_than_equal": _("minstens"),
            "greater_than": _("meer dan"),
            "less_than_equal": _("hoogstens"),
            "less_than": _("minder dan"),
        }
        return _("'{name}' is {value}, maar moet {value2} {bound} zijn").format(
            name=name, value=value, value2=words[kind], bound=bound
        ), None
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"])), None
    if kind in _TEXT_ERRORS:
        return _text_problem(kind, name, str(ctx.get("code", "")))
    # Our own validators raise PydanticCustomError with a Dutch message already.
    return f"'{name}': {detail['msg']}", None


_TEXT_ERRORS = ("unknown_language", "empty_text", "text_type")
"""The errors of deck.text's validator, said here so they are said in the reader's language."""


def _text_problem(kind: str, name: str, code: str) -> tuple[str, str | None]:
    if kind == "unknown_language":
        said = _("'{name}': onbekende taal '{code}'").format(name=name, code=code)
        # "fr: Chaque mercredi, la rue …" unquoted inside {…}: YAML cuts the text at the
        # comma and reads the rest as a key. A "language" with a space in it is that, and so
        # is a word longer than a language code (nl, fr-BE): "Parents, direction, pompiers".
        if " " in code.strip() or len(code) > 5:
            return said, _(
                "staat er een komma in de tekst? Zet de tekst dan tussen aanhalingstekens"
            )
        return said, _("kies uit: {values}").format(values="nl, fr, en")
    if kind == "empty_text" and code:
        return _("'{name}': lege of ongeldige tekst voor taal '{code}'").format(
            name=name, code=code
        ), None
    if kind == "empty_text":
        return _("'{name}': lege tekst").format(name=name), None
    return _("'{name}': verwacht tekst, of een mapping van taal (nl, fr, en) naar tekst").format(
        name=name
    ), None


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return _("het getal {value}").format(value=value)
    if isinstance(value, list):
        return _("een lijst")
    if isinstance(value, dict):
        return _("een mapping")
    if value is None:
        return _("niets")
    if isinstance(value, str):
        return _("tekst")
    return _("een {name}").format(name=type(value).__name__)


def _quote_hint(value: object) -> str | None:
    if isinstance(value, bool | int | float) or value is None:
        return _("zet de waarde tussen aanhalingstekens")
    if type(value).__name__ in {"date", "datetime"}:
        return _("een datum wordt pas tekst tussen aanhalingstekens")
    return None


def allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """Field names of the (nested) model found at `loc` inside `model`."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field else None
    return list(current.model_fields) if current else []


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return None
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None
