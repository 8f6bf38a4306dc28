"""Texts that come in one language or several.

Every text field of a deck takes either a plain string (in the deck's own language) or a
mapping of language codes to strings. `Text` is that value, with `in_language` to pick
the string a reader should see.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic_core import PydanticCustomError, core_schema

Language = Literal["nl", "fr", "en"]
"""Languages a deck text can be written in."""

LANGUAGES: tuple[Language, ...] = ("nl", "fr", "en")

LANGUAGE_NAMES: dict[Language, str] = {"nl": "Nederlands", "fr": "Frans", "en": "Engels"}
"""The languages by their Dutch names, for the JSON Schema a trainer's editor shows."""


def _validate(value: object) -> str | dict[str, str]:
    # One plain validator instead of a pydantic union, so a wrong value gets one clear
    # Dutch message rather than one error per union member.
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("empty_text", "lege tekst")
        return value
    if isinstance(value, dict) and value:
        for code, translation in value.items():
            if code not in LANGUAGES:
                raise PydanticCustomError(
                    "unknown_language",
                    "onbekende taal '{code}' (kies uit: nl, fr, en)",
                    {"code": str(code)},
                )
            if not isinstance(translation, str) or not translation.strip():
                raise PydanticCustomError(
                    "empty_text", "lege of ongeldige tekst voor taal '{code}'", {"code": code}
                )
        return dict(value)
    raise PydanticCustomError(
        "text_type", "verwacht tekst, of een mapping van taal (nl, fr, en) naar tekst"
    )


_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {
                code: {"type": "string", "minLength": 1, "description": f"De tekst in het {name}."}
                for code, name in LANGUAGE_NAMES.items()
            },
            "additionalProperties": False,
            "minProperties": 1,
        },
    ]
}

TextValue = str | dict[str, str]
"""What a text holds: one string (in the deck's language), or language code → string."""


class Text:
    """A text in the deck's language, or a mapping `{nl: …, fr: …, en: …}`.

    A plain class that pydantic validates through `__get_pydantic_core_schema__` (not a
    pydantic model): the deck's compiled schema (`deck.compiled_schema`) builds the same
    texts without loading pydantic's model machinery.
    """

    __slots__ = ("root",)

    def __init__(self, root: TextValue) -> None:
        self.root = root

    @classmethod
    def of(cls, value: object) -> Text:
        """The text `value` (a string or a language mapping) stands for; `PydanticCustomError`
        with a Dutch message when it is none."""
        return value if isinstance(value, Text) else cls(_validate(value))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: object, handler: object
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.of,
            ref="deck.text.Text",
            serialization=core_schema.plain_serializer_function_ser_schema(_root),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: object, handler: object) -> dict[str, Any]:
        # The schema's description is read by a trainer in an editor: Dutch, not this docstring.
        return {
            **_SCHEMA,
            "title": "Text",
            "description": "Een tekst in de taal van het deck, of een vertaling "
            "`{nl: …, fr: …, en: …}`.",
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self.root == other.root

    def __hash__(self) -> int:
        root = self.root
        return hash(root if isinstance(root, str) else tuple(sorted(root.items())))

    def __repr__(self) -> str:
        return f"Text({self.root!r})"

    def in_language(self, language: str, fallback: str = "nl") -> str:
        """The text in `language`, else in `fallback`, else in any language it has."""
        value = self.root
        if isinstance(value, str):
            return value
        for code in (language, fallback):
            if code in value:
                return value[code]
        return next(iter(value.values()))

    def languages(self) -> frozenset[str] | None:
        """Languages this text is written in; None for a plain string (the deck's language)."""
        if isinstance(self.root, str):
            return None
        return frozenset(self.root)

    def longest(self) -> int:
        """Length of the longest translation, for print-fit checks."""
        if isinstance(self.root, str):
            return len(self.root)
        return max(len(v) for v in self.root.values())

    def __str__(self) -> str:
        return self.in_language("nl")


def _root(text: Text) -> TextValue:
    return text.root
