"""Vote results as block-character bars: one bar per option, optionally beside the survey.

Shared by the facilitator app and the participant app. The widget only draws a `Tally`
(the engine counts); whether results may be shown at all is the caller's decision.
Bars use eighth blocks, so small differences show even in a narrow terminal, and plain
characters keep snapshots stable.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text as RichText
from textual.widget import Widget

from catalogue import _, ngettext
from deck.survey import percent, survey_label, survey_sample
from game.engine.ballots import Tally, TallyRow, ranked
from game.matrix_grid import grid_lines, legend_lines

_EIGHTHS = " ▏▎▍▌▋▊▉"
_FULL = "█"
_SHADE = "▒"


def bar(fraction: float, width: int) -> str:
    """A bar `fraction` (0–1) of `width` cells long, in eighth-cell steps."""
    fraction = min(max(fraction, 0.0), 1.0)
    eighths = round(fraction * width * 8)
    full, rest = divmod(eighths, 8)
    text = _FULL * full + (_EIGHTHS[rest] if rest else "")
    return text[:width]


def best_first(method: str) -> bool:
    """Whether results are shown best first: every method but a scale, whose answers keep
    their order. The facilitator's screens and the participant's agree on it."""
    return method != "likert"


def share(value: float) -> str:
    """A share as a whole percentage the reader's way: `50%`, French `50 %`."""
    return percent(f"{value:.0f}", narrow=True)


class TallyBars(Widget):
    """A bar chart of a ballot's tally; a survey distribution can stand beside it.

    `benchmark` holds the survey's percentages per option (likert answers 1–5). Left out,
    the tally's own `benchmark_percent` figures are used when it has them. `ranked=True`
    orders the options best first; otherwise they keep the ballot's order.
    """

    DEFAULT_CSS = """
    TallyBars {
        height: auto;
        padding: 0 1;
    }
    TallyBars > .tally-bars--bar {
        color: $primary;
    }
    TallyBars > .tally-bars--benchmark {
        color: $accent;
    }
    TallyBars > .tally-bars--figure {
        text-style: bold;
    }
    TallyBars > .tally-bars--note {
        color: $text-muted;
    }
    """

    COMPONENT_CLASSES = {
        "tally-bars--label",
        "tally-bars--bar",
        "tally-bars--benchmark",
        "tally-bars--figure",
        "tally-bars--note",
    }

    def __init__(
        self,
        tally: Tally | None = None,
        benchmark: Sequence[int | None] | None = None,
        *,
        ranked: bool = False,
        benchmark_label: str | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._tally = tally
        self._benchmark = tuple(benchmark) if benchmark is not None else None
        self._ranked = ranked
        self.benchmark_label = benchmark_label

    @property
    def ranked(self) -> bool:
        """Whether the options show best first (else in the ballot's order)."""
        return self._ranked

    @ranked.setter
    def ranked(self, value: bool) -> None:
        if value != self._ranked:
            self._ranked = value
            self.refresh()

    @property
    def tally(self) -> Tally | None:
        """The tally on show."""
        return self._tally

    def update(self, tally: Tally | None, benchmark: Sequence[int | None] | None = None) -> None:
        """Show another tally (or nothing), redrawing only when something changed."""
        new_benchmark = tuple(benchmark) if benchmark is not None else None
        if tally == self._tally and new_benchmark == self._benchmark:
            return
        self._tally = tally
        self._benchmark = new_benchmark
        self.refresh(layout=True)

    # --- drawing ---------------------------------------------------------------------

    def _benchmarks(self, result: Tally, rows: Sequence[TallyRow]) -> list[int | None]:
        if self._benchmark is None:
            return [row.benchmark_percent for row in rows]
        # The benchmark is given in the ballot's option order; rows may be ranked.
        position = {row.option_id: n for n, row in enumerate(result.rows)}
        given = self._benchmark
        return [
            given[position[row.option_id]] if position[row.option_id] < len(given) else None
            for row in rows
        ]

    def render(self) -> RichText:
        """Draw one line per option (two with a benchmark), then a line of totals."""
        result = self._tally
        if result is None or not result.rows:
            return RichText(_("Nog geen stemronde."), style=self._style("note"))
        if result.method == "matrix":
            return self._matrix(result)
        rows = ranked(result) if self._ranked else result.rows
        benchmarks = self._benchmarks(result, rows)
        with_benchmark = any(b is not None for b in benchmarks)
        width = max(self.size.width, 20)
        figures = [self._figure(result, row) for row in rows]
        surveyed = [share(b) if b is not None else "–" for b in benchmarks]
        figure_width = max(cell_len(f) for f in figures)
        if with_benchmark:
            # The survey's figures share the column: at least '100%' wide, as before, and
            # as wide as the widest of them (French `100 %`).
            figure_width = max(figure_width, 4, *(cell_len(s) for s in surveyed))
        longest = max(cell_len(row.label) for row in rows)
        # Labels too long for a column beside the bars get a line of their own above
        # their bar: a label is never cut (`Regisseren: de …`).
        stacked = longest > max(8, width // 2)
        label_width = 0 if stacked else longest
        indent = 0 if stacked else label_width + 1
        bar_width = max(4, width - indent - figure_width - 1)
        biggest = self._scale(result, rows)
        text = RichText(no_wrap=True, overflow="crop")
        label_style, bar_style = self._style("label"), self._style("bar")
        bench_style, figure_style = self._style("benchmark"), self._style("figure")
        for row, figure, benchmark, shown in zip(rows, figures, benchmarks, surveyed, strict=True):
            size = row.points if result.method == "ranking" else row.count
            fraction = row.percent / 100 if result.method == "likert" else size / biggest
            if stacked:
                for line in textwrap.wrap(row.label, width) or [""]:
                    text.append(line + "\n", label_style)
            else:
                text.append(row.label.ljust(label_width) + " ", label_style)
            text.append(bar(fraction, bar_width).ljust(bar_width), bar_style)
            text.append(" ")
            text.append(figure.rjust(figure_width), figure_style)
            text.append("\n")
            if with_benchmark:
                text.append(" " * indent)
                # Whole shaded cells: tells the survey apart from the table without colour.
                shaded = _SHADE * round((benchmark or 0) / 100 * bar_width)
                text.append(shaded.ljust(bar_width), bench_style)
                text.append(" ")
                text.append(shown.rjust(figure_width), bench_style)
                text.append("\n")
        text.append(self._totals(result, with_benchmark, width), self._style("note"))
        return text

    def _matrix(self, result: Tally) -> RichText:
        """The 2×2 grid with every option's number at its means, then the legend."""
        width = max(self.size.width, 30)
        inner = min(61, width - 6) | 1  # odd, so the middle line has a column of its own
        # At 80×24 the legend must show under the grid without scrolling.
        height = 11 if inner >= 41 and self.screen.size.height >= 34 else 7
        text = RichText(no_wrap=True, overflow="crop")
        for line in grid_lines(result.points, result.axes, width=inner, height=height):
            text.append(line + "\n", self._style("bar"))
        for line in legend_lines(result.points, result.axes):
            text.append(line + "\n", self._style("label"))
        text.append(self._totals(result, False, width), self._style("note"))
        return text

    def _scale(self, result: Tally, rows: Sequence[TallyRow]) -> int:
        if result.method == "ranking":
            return max((row.points for row in rows), default=0) or 1
        return max((row.count for row in rows), default=0) or 1

    @staticmethod
    def _figure(result: Tally, row: TallyRow) -> str:
        if result.method == "ranking":
            return _("{points} ptn").format(points=row.points)
        if result.method == "likert":
            return share(row.percent)
        return f"{row.count} ({share(row.percent)})"

    def _totals(self, result: Tally, with_benchmark: bool, width: int) -> str:
        people = ngettext("{count} stemmer", "{count} stemmers", result.voters).format(
            count=result.voters
        )
        if result.voters == 0:
            line = _("Nog geen stemmen.")
        elif result.method == "dots":
            line = people + ", " + _("{count} stippen").format(count=result.total)
        elif result.method == "likert" and result.mean is not None:
            mean = f"{result.mean:.1f}".replace(".", ",")
            line = people + ", " + _("gemiddeld {mean}").format(mean=mean)
        else:
            line = people
        if result.no_opinion:
            line += ", " + _("waarvan {count} geen mening (apart geteld)").format(
                count=result.no_opinion
            )
        if result.paper:
            line += ", " + _("waarvan {count} op papier").format(count=result.paper)
        if with_benchmark:
            label = self.benchmark_label or survey_label(result.benchmark_n)
            table = _("tafel")
            line += f"   {_FULL} {table}   {_SHADE} {label}"
            # Whose answers the shaded bars are: never shown as if they spoke for everyone.
            line += "\n" + textwrap.fill(f"{_SHADE} {survey_sample()}", width)
        return line

    def _style(self, part: str) -> Style:
        return self.get_component_rich_style(f"tally-bars--{part}", partial=True)
