"""The join code in letters large enough to read from across a table.

Textual's `Digits` draws 0–9 and A–F only; a join code uses more letters, so this widget
has its own 5×5 block font for every character of the join code alphabet. Where the
terminal is wide enough each pixel is two cells wide, which keeps the letters square.
"""

from __future__ import annotations

from rich.text import Text as RichText
from textual.widget import Widget

from catalogue import _

# Each glyph is five rows of five pixels; '#' is ink.
_FONT_ROWS = {
    "A": (" ### ", "#   #", "#####", "#   #", "#   #"),
    "C": (" ####", "#    ", "#    ", "#    ", " ####"),
    "D": ("#### ", "#   #", "#   #", "#   #", "#### "),
    "E": ("#####", "#    ", "#### ", "#    ", "#####"),
    "F": ("#####", "#    ", "#### ", "#    ", "#    "),
    "G": (" ####", "#    ", "#  ##", "#   #", " ####"),
    "H": ("#   #", "#   #", "#####", "#   #", "#   #"),
    "J": ("  ###", "    #", "    #", "#   #", " ### "),
    "K": ("#   #", "#  # ", "###  ", "#  # ", "#   #"),
    "M": ("#   #", "## ##", "# # #", "#   #", "#   #"),
    "N": ("#   #", "##  #", "# # #", "#  ##", "#   #"),
    "P": ("#### ", "#   #", "#### ", "#    ", "#    "),
    "Q": (" ### ", "#   #", "# # #", "#  # ", " ## #"),
    "R": ("#### ", "#   #", "#### ", "#  # ", "#   #"),
    "T": ("#####", "  #  ", "  #  ", "  #  ", "  #  "),
    "U": ("#   #", "#   #", "#   #", "#   #", " ### "),
    "V": ("#   #", "#   #", "#   #", " # # ", "  #  "),
    "W": ("#   #", "#   #", "# # #", "## ##", "#   #"),
    "X": ("#   #", " # # ", "  #  ", " # # ", "#   #"),
    "Y": ("#   #", " # # ", "  #  ", "  #  ", "  #  "),
    "0": (" ### ", "#   #", "#   #", "#   #", " ### "),
    "1": ("  #  ", " ##  ", "  #  ", "  #  ", " ### "),
    "2": (" ### ", "#   #", "  ## ", " #   ", "#####"),
    "3": ("#### ", "    #", " ### ", "    #", "#### "),
    "4": ("#   #", "#   #", "#####", "    #", "    #"),
    "5": ("#####", "#    ", "#### ", "    #", "#### "),
    "6": (" ### ", "#    ", "#### ", "#   #", " ### "),
    "7": ("#####", "    #", "   # ", "  #  ", "  #  "),
    "8": (" ### ", "#   #", " ### ", "#   #", " ### "),
    "9": (" ### ", "#   #", " ####", "    #", " ### "),
    # For the board's big clock on a projector.
    ":": ("     ", "  #  ", "     ", "  #  ", "     "),
    "-": ("     ", "     ", "#####", "     ", "     "),
}
_UNKNOWN = ("#####", "#   #", "#   #", "#   #", "#####")
GLYPH_HEIGHT = 5


def banner(code: str, *, double: bool) -> list[str]:
    """The rows of `code` in the block font; `double` draws each pixel two cells wide."""
    ink = "██" if double else "█"
    blank = "  " if double else " "
    gap = blank * 1
    rows = []
    for row in range(GLYPH_HEIGHT):
        glyphs = [_FONT_ROWS.get(char, _UNKNOWN)[row] for char in code.upper()]
        line = gap.join("".join(ink if px == "#" else blank for px in glyph) for glyph in glyphs)
        rows.append(line.rstrip())
    return rows


class JoinCode(Widget):
    """A join code drawn large, centred, with the plain code underneath."""

    DEFAULT_CSS = """
    JoinCode {
        height: 6;
        content-align: center middle;
        color: $accent;
        text-style: bold;
    }
    """

    def __init__(self, code: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.code = code

    def render(self) -> RichText:
        """The code in block letters, two cells a pixel when it fits."""
        wide = len(self.code) * 12 - 2
        double = self.size.width >= wide
        rows = banner(self.code, double=double)
        width = max(len(row) for row in rows)
        text = RichText(justify="center", no_wrap=True, overflow="crop")
        for row in rows:
            text.append(row.ljust(width) + "\n")
        spaced = " ".join(self.code[i : i + 3] for i in range(0, len(self.code), 3))
        line = _("deelnamecode {code}").format(code=spaced)
        text.append(line.center(width).rstrip(), style="not bold dim")
        return text
