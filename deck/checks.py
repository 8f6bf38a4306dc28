"""How the loader checks one manifest or card: with the models, or with the compiled schema.

The loader (`deck.loader`) reads files, finds cards and their types, and checks what spans
cards; what one manifest or one card must look like it leaves to a `Checks`:

- `deck.model_checks`: the pydantic models, which say what is wrong with each field;
- `deck.compiled_schema`: pydantic-core against the models' compiled schema, the same
  verdict without building the models, but no words for a problem: it raises `NeedsModels`
  and the deck is loaded again with the models.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pydantic_core import ValidationError

    from deck.model import CardBase, Manifest
    from deck.problems import Problem
    from deck.yaml_source import PathKey, YamlDocument


class NeedsModels(Exception):
    """The compiled schema found a problem: only the models can word it."""


class Checks(Protocol):
    """What one manifest or one card must look like, and what to say when it does not."""

    def manifest(self, data: object) -> Manifest:
        """The manifest `data` stands for; `ValidationError` when it is invalid."""
        ...

    def card(self, kind: str, data: object) -> CardBase:
        """The card of type `kind` that `data` stands for; `ValidationError` when invalid."""
        ...

    def fields(self, kind: str) -> Collection[str]:
        """The fields a card of type `kind` has."""
        ...

    def problems(
        self,
        error: ValidationError,
        document: YamlDocument,
        path: PathKey,
        kind: str | None,
        subject: str,
    ) -> list[Problem]:
        """A problem for each error of `error`, about the manifest (`kind` None) or a card of
        type `kind` at `path` in `document`."""
        ...
