"""Writes print/vera_table.py, the card font's characters and advance widths, from the TTFs.

Run `.venv/bin/python -m tests.print.font_table` after changing the card fonts;
tests/print/test_font_metrics.py checks that the table says what reportlab measures.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from print.fonts import _FILES, register_fonts

TABLE = Path(__file__).resolve().parents[2] / "print" / "vera_table.py"
CHUNK = 48


def measured() -> tuple[str, dict[str, list[int]], dict[str, int], int]:
    """From reportlab's faces: every character, each face's advances and default advance
    in font units, and the units per em."""
    register_fonts()
    faces = {name: pdfmetrics.getFont(name).face for name in _FILES}
    sets = {name: frozenset(face.charToGlyph) for name, face in faces.items()}
    first = next(iter(sets.values()))
    assert all(codes == first for codes in sets.values()), "the four faces cover different text"
    characters = "".join(chr(code) for code in sorted(first))
    units = 2048
    advances = {
        name: [round(face.charWidths[ord(char)] * units / 1000) for char in characters]
        for name, face in faces.items()
    }
    defaults = {name: round(face.defaultWidth * units / 1000) for name, face in faces.items()}
    return characters, advances, defaults, units


def source() -> str:
    """The text of print/vera_table.py."""
    characters, advances, defaults, units = measured()
    lines = [
        '"""The four Vera faces of the printed cards in numbers: generated, do not edit.',
        "",
        "Written by `python -m tests.print.font_table` from the TTF files reportlab ships;",
        "tests/print/test_font_metrics.py checks it against reportlab's own measures.",
        '"""',
        "",
        f"UNITS_PER_EM = {units}",
        "",
        "CHARACTERS = (",
        *(f"    {characters[i : i + CHUNK]!r}" for i in range(0, len(characters), CHUNK)),
        ")",
        '"""Every character the faces print, in code point order."""',
        "",
        "ADVANCES = {",
    ]
    for name, widths in advances.items():
        numbers = [str(width) for width in widths]
        lines.append(f"    {name!r}: (")
        lines += [
            f"        {' '.join(numbers[i : i + 16]) + ' '!r}" for i in range(0, len(numbers), 16)
        ]
        lines.append("    ),")
    lines += [
        "}",
        '"""Per face: the advance width of each of CHARACTERS, in font units."""',
        "",
        f"DEFAULT_ADVANCE = {defaults!r}",
        '"""Per face: the width reportlab measures for a character the face lacks."""',
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    TABLE.write_text(source(), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", str(TABLE)], check=True)
