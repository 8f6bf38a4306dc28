"""The loader's checks done by the pydantic models of `deck.model` (see `deck.checks`)."""

from __future__ import annotations

from collections.abc import Collection

from pydantic_core import ValidationError

from deck.field_errors import field_problems
from deck.model import CARD_MODELS, CardBase, Manifest
from deck.problems import Problem
from deck.yaml_source import PathKey, YamlDocument


class ModelChecks:
    """Checks by the models: slower to start, and the only ones that word a problem."""

    def manifest(self, data: object) -> Manifest:
        """The manifest `data` stands for; `ValidationError` when it is invalid."""
        return Manifest.model_validate(data)

    def card(self, kind: str, data: object) -> CardBase:
        """The card of type `kind` that `data` stands for; `ValidationError` when invalid."""
        return CARD_MODELS[kind].model_validate(data)

    def fields(self, kind: str) -> Collection[str]:
        """The fields a card of type `kind` has."""
        return CARD_MODELS[kind].model_fields

    def problems(
        self,
        error: ValidationError,
        document: YamlDocument,
        path: PathKey,
        kind: str | None,
        subject: str,
    ) -> list[Problem]:
        """A problem for each error of `error`, worded from the model's fields."""
        model = Manifest if kind is None else CARD_MODELS[kind]
        return list(field_problems(error, document, path, model, subject))


MODEL_CHECKS = ModelChecks()
