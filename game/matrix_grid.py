"""A matrix ballot's 2×2 grid as lines of text, for terminals (`session show`, the TUIs).

Haalbaarheid (the second axis) runs left to right, impact (the first) bottom to top, as
prioritisation grids are drawn; the middle lines sit at 3. Every option is a point marked
with its number; the legend under the grid names it, with its means, spreads and quadrant.
"""

from __future__ import annotations

from catalogue import translator
from game.engine.ballots import MATRIX_MIDDLE, QUADRANTS, MatrixPoint
from game.engine.report import mean_spread

SCALE_LOW, SCALE_HIGH = 1, 5


def grid_lines(
    points: tuple[MatrixPoint, ...],
    axes: tuple[str, ...],
    *,
    width: int = 41,
    height: int = 11,
    language: str | None = None,
) -> list[str]:
    """The grid, `width` × `height` characters inside its frame, with axis names, its
    quadrants named in `language` (default: the process's)."""
    _ = translator(language)
    canvas = [[" "] * width for _row in range(height)]
    middle_col = _column(MATRIX_MIDDLE, width)
    middle_row = _row(MATRIX_MIDDLE, height)
    for row in range(height):
        canvas[row][middle_col] = "│"
    for col in range(width):
        canvas[middle_row][col] = "┼" if col == middle_col else "─"
    for point in points:
        if point.means is None:
            continue
        first, second = point.means
        _place(canvas, _row(first, height), _column(second, width), point.option_id)
    # The quadrants are named in the frame, where no point can land on their letters.
    names = {corner: _(name) for corner, name in QUADRANTS.items()}
    top = _border(names[(True, False)], names[(True, True)], width, middle_col, "┬")
    bottom = _border(names[(False, False)], names[(False, True)], width, middle_col, "┴")
    first_axis, second_axis = axes
    lines = [f"  {first_axis} ↑"]
    lines.append(f"  ┌{top}┐")
    lines += ["  │" + "".join(row) + "│" for row in canvas]
    lines.append(f"  └{bottom}┘")
    lines.append(f"  {'→ ' + second_axis:>{width + 2}}")
    return lines


def legend_lines(
    points: tuple[MatrixPoint, ...], axes: tuple[str, ...], language: str | None = None
) -> list[str]:
    """One line per option: its number, label, mean ± spread on both axes and quadrant,
    in `language` (default: the process's)."""
    _ = translator(language)
    first, second = axes
    lines = []
    for point in points:
        if point.means is None:
            lines.append(
                "  "
                + _("{number}. {label}: nog niet geplaatst").format(
                    number=point.option_id, label=point.label
                )
            )
            continue
        lines.append(
            f"  {point.option_id}. {point.label}: {first} {mean_spread(point, 0)}, "
            f"{second} {mean_spread(point, 1)} → {_(point.quadrant or '')}"
        )
    return lines


def _border(left: str, right: str, width: int, middle: int, joint: str) -> str:
    """A frame line `width` long with its joint at `middle` and a quadrant's name in each
    half (`─ plannen ───┬─── snel doen ─`), each cut to fit its half."""
    line = ["─"] * width
    line[middle] = joint
    room = max(0, min(middle, width - middle - 1) - 3)
    left_text, right_text = f" {left[:room]} ", f" {right[:room]} "
    _write([line], 0, 1, left_text)
    _write([line], 0, width - 1 - len(right_text), right_text)
    return "".join(line)


def _column(value: float, width: int) -> int:
    return round((value - SCALE_LOW) / (SCALE_HIGH - SCALE_LOW) * (width - 1))


def _row(value: float, height: int) -> int:
    return round((SCALE_HIGH - value) / (SCALE_HIGH - SCALE_LOW) * (height - 1))


def _write(canvas: list[list[str]], row: int, start: int, text: str) -> None:
    for offset, char in enumerate(text):
        if 0 <= start + offset < len(canvas[row]):
            canvas[row][start + offset] = char


def _place(canvas: list[list[str]], row: int, col: int, mark: str) -> None:
    """Put a point's mark at (row, col), or in the nearest free place on its row."""
    width = len(canvas[row])
    taken = {"●", *"0123456789"}
    for shift in range(width):
        for start in (col + shift, col - shift):
            cells = range(start, start + len(mark))
            if start < 0 or start + len(mark) > width:
                continue
            if any(canvas[row][c] in taken or canvas[row][c].isalpha() for c in cells):
                continue
            _write(canvas, row, start, mark)
            return
    _write(canvas, row, max(0, min(col, width - len(mark))), mark)
