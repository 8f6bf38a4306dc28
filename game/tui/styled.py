"""Translated sentences with styled parts: the words come whole from the catalogue, so a
language can put the parts where its grammar wants them."""

from __future__ import annotations

from string import Formatter

from rich.text import Text as RichText

from catalogue import _


def styled(template: str, **parts: tuple[str, str]) -> RichText:
    """`template` as rich text, each `{name}` filled with the text and style `parts` give."""
    text = RichText()
    for literal, field, _spec, _conversion in Formatter().parse(template):
        text.append(literal)
        if field is not None:
            value, style = parts[field]
            text.append(value, style=style)
    return text


def quoted(statement: str) -> str:
    """A statement between the quotation marks of the app's language (« … » in French)."""
    return _("“{statement}”").format(statement=statement)
