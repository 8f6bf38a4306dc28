"""A matrix ballot's 2×2 grid as a vector drawing: impact up, haalbaarheid to the right.

Each option is a numbered dot at its two means, with thin whiskers of ± one spread, and
its label beside it; the quadrants carry their names ("snel doen", "plannen", "later",
"laten"), so the grid reads the same on a black-and-white printer.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib.colors import Color, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from catalogue import translator
from game.engine.ballots import MATRIX_MIDDLE, QUADRANTS, MatrixPoint
from print.colours import INK, MUTED, tint
from print.fonts import BOLD, ITALIC, REGULAR
from print.report_style import RULE

SCALE_LOW, SCALE_HIGH = 1, 5
MARGIN_LEFT = 22.0
"""Room for the impact axis: its ticks and its name, turned upright."""
MARGIN_BOTTOM = 22.0
DOT = 6.0
LABEL_SIZE = 7.5


def matrix_chart(
    points: tuple[MatrixPoint, ...],
    axes: tuple[str, ...],
    colour: Color,
    width: float,
    language: str | None = None,
) -> Drawing:
    """The grid, `width` wide and about two thirds as high, with every placed option, its
    quadrants named in `language` (default: the process's)."""
    _ = translator(language)
    height = round(width * 0.62)
    drawing = Drawing(width, height)
    plot_w = width - MARGIN_LEFT - 4
    plot_h = height - MARGIN_BOTTOM - 4
    x0, y0 = MARGIN_LEFT, MARGIN_BOTTOM

    def at(first: float, second: float) -> tuple[float, float]:
        span = SCALE_HIGH - SCALE_LOW
        return (
            x0 + (second - SCALE_LOW) / span * plot_w,
            y0 + (first - SCALE_LOW) / span * plot_h,
        )

    mid_x, mid_y = at(MATRIX_MIDDLE, MATRIX_MIDDLE)
    # The quadrant to do first is tinted; the others stay white.
    drawing.add(
        Rect(
            mid_x,
            mid_y,
            x0 + plot_w - mid_x,
            y0 + plot_h - mid_y,
            fillColor=tint(colour, 0.12),
            strokeColor=None,
            strokeWidth=0,
        )
    )
    drawing.add(Rect(x0, y0, plot_w, plot_h, fillColor=None, strokeColor=RULE, strokeWidth=0.6))
    drawing.add(Line(mid_x, y0, mid_x, y0 + plot_h, strokeColor=MUTED, strokeWidth=0.6))
    drawing.add(Line(x0, mid_y, x0 + plot_w, mid_y, strokeColor=MUTED, strokeWidth=0.6))
    for (high_first, high_second), name in QUADRANTS.items():
        y = y0 + plot_h - 10 if high_first else y0 + 4
        x, anchor = (x0 + plot_w - 4, "end") if high_second else (x0 + 4, "start")
        drawing.add(
            String(x, y, _(name), fontName=ITALIC, fontSize=8, fillColor=MUTED, textAnchor=anchor)
        )
    for value in range(SCALE_LOW, SCALE_HIGH + 1):
        tick_x, tick_y = at(value, value)
        drawing.add(
            String(
                tick_x,
                y0 - 9,
                str(value),
                fontName=REGULAR,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
        drawing.add(
            String(
                x0 - 4,
                tick_y - 2,
                str(value),
                fontName=REGULAR,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    first_axis, second_axis = axes
    drawing.add(
        String(
            x0 + plot_w / 2,
            2,
            second_axis,
            fontName=BOLD,
            fontSize=8,
            fillColor=INK,
            textAnchor="middle",
        )
    )
    name = String(0, 0, first_axis, fontName=BOLD, fontSize=8, fillColor=INK, textAnchor="middle")
    # Turned a quarter to the left, centred on the impact axis.
    drawing.add(Group(name, transform=(0, 1, -1, 0, 8, y0 + plot_h / 2)))
    for point in points:
        if point.means is None or point.spreads is None:
            continue
        x, y = at(*point.means)
        spread_x = point.spreads[1] / (SCALE_HIGH - SCALE_LOW) * plot_w
        spread_y = point.spreads[0] / (SCALE_HIGH - SCALE_LOW) * plot_h
        whisker = {"strokeColor": colour, "strokeWidth": 0.5}
        drawing.add(Line(max(x0, x - spread_x), y, min(x0 + plot_w, x + spread_x), y, **whisker))
        drawing.add(Line(x, max(y0, y - spread_y), x, min(y0 + plot_h, y + spread_y), **whisker))
        drawing.add(Circle(x, y, DOT, fillColor=colour, strokeColor=white, strokeWidth=0.8))
        drawing.add(
            String(
                x,
                y - 2.6,
                point.option_id,
                fontName=BOLD,
                fontSize=7,
                fillColor=white,
                textAnchor="middle",
            )
        )
        label = _short(point.label, plot_w / 2.2)
        right_side = x + DOT + 2 + stringWidth(label, REGULAR, LABEL_SIZE) <= x0 + plot_w
        drawing.add(
            String(
                x + DOT + 2 if right_side else x - DOT - 2,
                y + DOT - 1,
                label,
                fontName=REGULAR,
                fontSize=LABEL_SIZE,
                fillColor=INK,
                textAnchor="start" if right_side else "end",
            )
        )
    return drawing


def _short(label: str, room: float) -> str:
    """The label cut to fit `room` points, with an ellipsis when cut."""
    if stringWidth(label, REGULAR, LABEL_SIZE) <= room:
        return label
    while label and stringWidth(label + "…", REGULAR, LABEL_SIZE) > room:
        label = label[:-1]
    return label.rstrip() + "…"
