"""The card table of `deck list`, drawn as rich draws a table, without loading rich.

rich (± 25 ms to import, ± 30 ms to lay out 111 rows) was a third of `deck list`; this draws
the same table: rich's heavy-headed box, its title left above and its caption centred below,
the width of the terminal (COLUMNS, else the terminal of stdin, stdout or stderr, else 80)
shared as rich shares it (the type column as wide as its longest label, the other three in
equal parts, the first part rounded up), ids and titles folded, the summary wrapped at words
with a word too long cut with "…". In a terminal that takes colour, as rich: the title in
italics, the header bold, ids bold, each type in its colour, the summary and caption dim.
`deck show` and the app keep rich.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

Overflow = Literal["fold", "ellipsis", "none"]
Style = Literal["bold", "dim", "italic", "dim italic"]
_WORDS = re.compile(r"\s*\S+\s*")


@dataclass(frozen=True)
class Column:
    """A column: its header, how a too long word is treated, its ratio of the free width
    (None: as wide as its widest cell, never wrapped) and the style of its cells."""

    header: str
    overflow: Overflow
    ratio: int | None = None
    style: Style | None = None


@dataclass(frozen=True)
class Cell:
    """A cell's text and its colour (an RGB hex colour, or None)."""

    text: str
    colour: str | None = None


def draw_table(
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    caption: str,
    *,
    width: int | None = None,
    colour: bool | None = None,
) -> str:
    """The table as lines of text, `width` columns wide (default: the terminal's), with
    colour where `colour` says (default: when stdout is a terminal that takes it)."""
    width = terminal_width() if width is None else width
    if colour is None:
        ansi = _Ansi(colour_system(), colours=os.environ.get("NO_COLOR", "") == "")
    else:
        ansi = _Ansi("truecolor" if colour else None)
    widths = _widths(columns, rows, width)
    lines = [ansi.style(_pad(line, width), "italic") for line in wrap(title, width, "fold")]
    lines.append("┏" + "┳".join("━" * (w + 2) for w in widths) + "┓")
    header = [Cell(c.header) for c in columns]
    lines += _row(header, columns, widths, "┃", ansi, bottom=True)
    lines.append("┡" + "╇".join("━" * (w + 2) for w in widths) + "┩")
    for row in rows:
        lines += _row(row, columns, widths, "│", ansi)
    lines.append("└" + "┴".join("─" * (w + 2) for w in widths) + "┘")
    left = max(0, width - cell_width(caption)) // 2
    lines.append(ansi.style(_pad(" " * left + caption, width), "dim italic"))
    return "\n".join(lines) + "\n"


def _row(
    cells: Sequence[Cell],
    columns: Sequence[Column],
    widths: Sequence[int],
    bar: str,
    ansi: _Ansi,
    *,
    bottom: bool = False,
) -> Iterator[str]:
    """The lines of one row; a header (`bottom`) is bold and aligned at the bottom."""
    wrapped = [
        wrap(cell.text, width, column.overflow)
        for cell, column, width in zip(cells, columns, widths, strict=True)
    ]
    height = max(len(lines) for lines in wrapped)
    if bottom:
        wrapped = [[""] * (height - len(lines)) + lines for lines in wrapped]
    for index in range(height):
        parts = []
        for lines, width, cell, column in zip(wrapped, widths, cells, columns, strict=True):
            text = _pad(lines[index] if index < len(lines) else "", width)
            style = "bold" if bottom else column.style
            shown = ansi.colour(text, cell.colour) if cell.colour else ansi.style(text, style)
            parts.append(f" {shown} ")
        yield bar + bar.join(parts) + bar


def _widths(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width: int) -> list[int]:
    """Each column's width inside its padding, as rich's `ratio_distribute` shares it."""
    fixed = {
        index: max(cell_width(text) for text in [column.header, *(row[index].text for row in rows)])
        for index, column in enumerate(columns)
        if column.ratio is None
    }
    room = width - (3 * len(columns) + 1)
    ratios = [column.ratio or 0 for column in columns if column.ratio is not None]
    shares = iter(_ratio_distribute(room - sum(fixed.values()), ratios))
    widths = [fixed[i] if i in fixed else next(shares) for i in range(len(columns))]
    # A terminal too narrow for the type column: the widest column gives up a cell until
    # the table fits (rich squeezes it otherwise: the tables differ there).
    while sum(widths) > room and max(widths) > 1:
        widths[widths.index(max(widths))] -= 1
    return widths


def _ratio_distribute(total: int, ratios: Sequence[int]) -> list[int]:
    shares = []
    total_ratio, remaining = sum(ratios), total
    for ratio in ratios:
        share = max(1, -(-ratio * remaining // total_ratio)) if total_ratio else remaining
        shares.append(share)
        total_ratio -= ratio
        remaining -= share
    return shares


def wrap(text: str, width: int, overflow: Overflow) -> list[str]:
    """`text` in lines of at most `width` cells, broken where rich breaks them (its
    `divide_line`); a word longer than a line is folded, or cut with "…" or (none) cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        breaks = _breaks(paragraph, width, fold=overflow == "fold")
        for start, end in zip([0, *breaks], [*breaks, len(paragraph)], strict=True):
            lines.append(_cut(_trim_end(paragraph[start:end], width), width, overflow))
    return lines


def _breaks(text: str, width: int, *, fold: bool) -> list[int]:
    """Where rich's `divide_line` breaks `text` into lines of `width` cells."""
    breaks: list[int] = []
    offset = 0
    for match in _WORDS.finditer(text):
        start, word = match.start(), match.group()
        length = cell_width(word.rstrip())
        if width - offset >= length:
            offset += cell_width(word)
        elif length > width and fold:
            pieces = _chop(word, width)
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = cell_width(pieces[-1])
        elif length > width or (offset and start):
            if start:
                breaks.append(start)
            offset = cell_width(word)
    return breaks


def _chop(word: str, width: int) -> list[str]:
    pieces, piece = [], ""
    for char in word:
        if piece and cell_width(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def _trim_end(line: str, width: int) -> str:
    """`line` without the trailing whitespace that sticks out past `width` (rich keeps the
    rest: a no-break space before "?" stays)."""
    excess = cell_width(line) - width
    if excess <= 0:
        return line
    stripped = line.rstrip()
    return line[: len(line) - min(len(line) - len(stripped), excess)]


def _cut(line: str, width: int, overflow: Overflow) -> str:
    if cell_width(line) <= width:
        return line
    kept = ""
    room = width - 1 if overflow == "ellipsis" else width
    for char in line:
        if cell_width(kept + char) > room:
            break
        kept += char
    return kept + "…" if overflow == "ellipsis" else kept


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_width(text))


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: two for a wide character, none for a combining one."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def terminal_width() -> int:
    """The width rich would use: COLUMNS, else the terminal of stdin, stdout or stderr, else 80."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns
        except OSError:
            continue
    return 80


ColourSystem = Literal["truecolor", "256", "16"] | None
_TERM_COLOURS: dict[str, ColourSystem] = {"kitty": "256", "256color": "256", "16color": "16"}


def colour_system() -> ColourSystem:
    """The colours stdout takes, as rich decides it: none when it is no terminal (unless
    TTY_COMPATIBLE or FORCE_COLOR says it is) or TERM is dumb; all with COLORTERM truecolor
    or 24bit; else what the end of TERM says (256color: 256), else the 16 standard ones."""
    environ = os.environ
    compatible, forced = environ.get("TTY_COMPATIBLE", ""), environ.get("FORCE_COLOR")
    if compatible in ("0", "1"):
        is_terminal = compatible == "1"
    elif forced is not None:
        is_terminal = forced != ""
    else:
        is_terminal = hasattr(sys.stdout, "isatty") and sys.stdout.isatty()
    term = environ.get("TERM", "").strip().lower()
    if not is_terminal or term in ("dumb", "unknown"):
        return None
    if environ.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return "truecolor"
    return _TERM_COLOURS.get(term.rpartition("-")[2], "16")


_STYLES = {"bold": "1", "dim": "2", "italic": "3", "dim italic": "2;3"}
_STANDARD = (
    (0, 0, 0), (170, 0, 0), (0, 170, 0), (170, 85, 0), (0, 0, 170), (170, 0, 170),
    (0, 170, 170), (170, 170, 170), (85, 85, 85), (255, 85, 85), (85, 255, 85),
    (255, 255, 85), (85, 85, 255), (255, 85, 255), (85, 255, 255), (255, 255, 255),
)  # fmt: skip
"""rich's 16 standard colours, to find the nearest of a card type's colour."""


@dataclass(frozen=True)
class _Ansi:
    system: ColourSystem
    colours: bool = True
    """False with NO_COLOR: styles (bold, dim, italic) without colours, as rich."""

    def style(self, text: str, style: Style | None) -> str:
        if self.system is None or style is None or not text.strip():
            return text
        return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"

    def colour(self, text: str, colour: str) -> str:
        if self.system is None or not self.colours or not text.strip():
            return text
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        if self.system == "truecolor":
            code = f"38;2;{red};{green};{blue}"
        elif self.system == "256":
            code = f"38;5;{_eight_bit(red, green, blue)}"
        else:
            number = _standard(red, green, blue)
            code = str(30 + number if number < 8 else 82 + number)
        return f"\x1b[{code}m{text}\x1b[39m"


def _eight_bit(red: int, green: int, blue: int) -> int:
    """The colour of a 256-colour terminal rich gives an RGB colour: a grey when it is
    hardly saturated, else the nearest of the 6×6×6 cube."""
    from colorsys import rgb_to_hls

    _hue, lightness, saturation = rgb_to_hls(red / 255, green / 255, blue / 255)
    if saturation < 0.15:
        grey = round(lightness * 25.0)
        return 16 if grey == 0 else 231 if grey == 25 else 231 + grey
    red6, green6, blue6 = (c / 95 if c < 95 else 1 + (c - 95) / 40 for c in (red, green, blue))
    return 16 + 36 * round(red6) + 6 * round(green6) + round(blue6)


def _standard(red: int, green: int, blue: int) -> int:
    """The nearest of the 16 standard colours, by rich's weighted distance."""

    def distance(index: int) -> float:
        red2, green2, blue2 = _STANDARD[index]
        mean = (red + red2) // 2
        dr, dg, db = red - red2, green - green2, blue - blue2
        return float(
            (((512 + mean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - mean) * db * db) >> 8)
        )

    return min(range(len(_STANDARD)), key=distance)
