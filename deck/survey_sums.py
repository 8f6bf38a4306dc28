"""The rule a survey benchmark's figures keep: its printed sums agree with its percentages.

A function of any object with `percentages`, `low` and `high`, so that the model
(`deck.model.Benchmark`) and the compiled schema (`deck.compiled_schema`) check it alike.
"""

from __future__ import annotations

from typing import Protocol, TypeVar


class Figures(Protocol):
    """What the rule reads of a benchmark."""

    @property
    def percentages(self) -> tuple[int, int, int, int, int]: ...
    @property
    def low(self) -> int: ...
    @property
    def high(self) -> int: ...


F = TypeVar("F", bound=Figures)


def sums_agree(benchmark: F) -> F:
    """`benchmark` itself when its figures add up; `ValueError` (the message a trainer
    reads) when they do not."""
    # Printed tables round each cell, so sums may be off by a point or two, never more.
    percentages = benchmark.percentages
    total = sum(percentages)
    if not 97 <= total <= 103:
        raise ValueError(f"de vijf percentages tellen op tot {total}%, niet tot ongeveer 100%")
    for label, printed, parts in (
        ("low", benchmark.low, percentages[0] + percentages[1]),
        ("high", benchmark.high, percentages[3] + percentages[4]),
    ):
        if abs(printed - parts) > 2:
            raise ValueError(
                f"'{label}' is {printed}%, maar de twee percentages samen zijn {parts}%"
            )
    return benchmark
