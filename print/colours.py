"""Colours of the printed cards, and keeping text readable on any type colour.

A custom deck may give a card type any colour, pale yellow included. White on pale yellow
cannot be read, nor can pale yellow text on white paper, so the ink on a band and the
shade of coloured labels follow the colour's lightness.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.colors import Color, HexColor, white

INK = HexColor("#1d1d1b")
"""Body text: a warm near-black, softer than pure black."""
MUTED = HexColor("#5a5a58")
"""Secondary text: form lines, quotes, sources."""

LIGHT = 0.55
"""Relative luminance above which a background takes dark ink instead of white."""
LABEL_MAX = 0.18
"""Coloured text on white paper is darkened until its luminance is at most this."""


def luminance(colour: Color) -> float:
    """Relative luminance (WCAG) of a colour, 0 for black to 1 for white."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red) + 0.7152 * linear(colour.green) + 0.0722 * linear(colour.blue)
    )


def ink_on(background: Color) -> Color:
    """White on dark backgrounds, near-black on light ones."""
    return INK if luminance(background) > LIGHT else white


@cache
def accent(colour: str) -> Color:
    """A type colour dark enough to read as text on white paper."""
    shade = HexColor(colour)
    factor = 0.85
    while luminance(shade) > LABEL_MAX and factor > 0.05:
        base = HexColor(colour)
        shade = Color(base.red * factor, base.green * factor, base.blue * factor)
        factor -= 0.05
    return shade


def tint(colour: Color, strength: float) -> Color:
    """`colour` mixed with white: `strength` 1 is the colour, 0 is white."""
    return Color(
        1 - (1 - colour.red) * strength,
        1 - (1 - colour.green) * strength,
        1 - (1 - colour.blue) * strength,
    )


def hex_of(colour: Color) -> str:
    """A colour as `#rrggbb`, for Paragraph markup."""
    parts = (colour.red, colour.green, colour.blue)
    return "#" + "".join(f"{round(part * 255):02x}" for part in parts)


def markup_colour(colour: Color) -> str:
    """A colour for `<font color=…>` in Paragraph markup, as `rgb(r,g,b)`.

    reportlab reads this form directly; a `#rrggbb` string first misses its CSS parser and
    then tries several slower ways, which costs a measurable share of a big deck's export.
    """
    red, green, blue = (round(part * 255) for part in (colour.red, colour.green, colour.blue))
    return f"rgb({red},{green},{blue})"
