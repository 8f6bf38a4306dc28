"""The survey distribution as a small stacked bar: how the item's respondents answered."""

from __future__ import annotations

from reportlab.lib.colors import HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from deck.card_content import Survey
from print.colours import INK, MUTED
from print.fonts import BOLD, ITALIC, REGULAR

SCALE_COLOURS = ("#a6611a", "#dfc27d", "#d9d9d6", "#80cdc1", "#018571")
"""A brown-to-teal diverging scale: readable for colour-blind players and in greyscale."""
DARK_SEGMENTS = {0, 4}
"""Segments dark enough for white numbers."""


class SurveyBar(Flowable):
    """A caption, a bar of the five answer shares, and the low and high sums beneath it."""

    def __init__(self, survey: Survey, size: float) -> None:
        super().__init__()
        self.survey = survey
        self.size = size
        self.caption_height = size * 1.25
        self.bar_height = size * 1.75
        self.legend_height = size * 1.3

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.caption_height + self.bar_height + self.legend_height + self.size * 0.4
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.size * 0.6

    def draw(self) -> None:
        canvas = self.canv
        size = self.size
        benchmark = self.survey.benchmark
        small = size * 0.85
        canvas.saveState()
        top = self.height
        canvas.setFillColor(MUTED)
        canvas.setFont(ITALIC, small)
        canvas.drawString(0, top - small, self.survey.caption)
        bar_top = top - self.caption_height
        bar_y = bar_top - self.bar_height
        total = sum(benchmark.percentages) or 1
        x = 0.0
        for index, share in enumerate(benchmark.percentages):
            width = self.width * share / total
            canvas.setFillColor(HexColor(SCALE_COLOURS[index]))
            canvas.rect(x, bar_y, width, self.bar_height, stroke=0, fill=1)
            label = f"{share}"
            if stringWidth(label, BOLD, small) + small * 0.6 < width:
                canvas.setFillColor(white if index in DARK_SEGMENTS else INK)
                canvas.setFont(BOLD, small)
                canvas.drawCentredString(
                    x + width / 2, bar_y + (self.bar_height - small * 0.72) / 2, label
                )
            x += width
        legend_y = bar_y - self.legend_height
        canvas.setFont(REGULAR, small)
        canvas.setFillColor(HexColor(SCALE_COLOURS[0]))
        canvas.drawString(0, legend_y + small * 0.3, f"{benchmark.low} % {self.survey.low_word}")
        canvas.setFillColor(HexColor(SCALE_COLOURS[4]))
        canvas.drawRightString(
            self.width, legend_y + small * 0.3, f"{benchmark.high} % {self.survey.high_word}"
        )
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(self.width / 2, legend_y + small * 0.3, self.survey.unit)
        canvas.restoreState()
