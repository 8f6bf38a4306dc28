"""Problems found in a user's file, reported so a trainer can fix them.

A loader collects every problem it finds instead of stopping at the first, and raises one
`InputError` carrying them all. Each renders as one line
`FILE:LINE:COL: card 'ID': what is wrong (hint)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from catalogue import Message, _


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file; line and column count from 1."""

    file: Path
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file."""

    where: Location
    message: str
    subject: str | None = None
    """What the problem is about, e.g. `card 'buurtvaders'`."""
    hint: str | None = None

    def __str__(self) -> str:
        about = f"{self.subject}: " if self.subject else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.where}: {about}{self.message}{hint}"


class InputError(Exception):
    """Raised with every problem found in an input; the CLI prints them and exits 2."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def card_subject(card_id: str) -> str:
    """What a problem with one card is about: `card 'buurtvaders'` (`carte « … »` in French)."""
    return _("card '{id}'").format(id=card_id)


def manifest_subject() -> str:
    """What a problem in `deck.yaml` itself is about."""
    return _("manifest")


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate to a misspelt word, if one is close enough."""
    import difflib  # only for a problem: a deck in order never needs it

    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return Message("bedoelde je '{word}'?", word=close[0]) if close else None


def one_of(candidates: Iterable[str], limit: int = 8) -> str:
    """A hint listing the allowed values."""
    values = sorted(candidates)
    shown = ", ".join(values[:limit])
    if len(values) > limit:
        return Message(
            "kies uit: {values}, … ({more} meer)", values=shown, more=len(values) - limit
        )
    return Message("kies uit: {values}", values=shown)


def field_name(loc: tuple[str | int, ...]) -> str:
    """A field's dotted name for a message: `subforms.title` (list positions left out)."""
    names = [str(part) for part in loc if isinstance(part, str)]
    return ".".join(names) if names else "waarde"
