"""The regions of a card face and its type sizes, for any card size; no reportlab.

Everything a reader needs stays in the safe zone, `SAFE` mm inside the cut, so a cut that
wanders a little never touches text. Only backgrounds (the colour band) run to the edge and
into the bleed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from print.imposition import Box, Size

PT_PER_MM = 72 / 25.4
SAFE = 3.0
"""Safe zone: art and text stay this many millimetres inside the cut."""

REFERENCE = Size(63.0, 88.0)
"""The card the type sizes are designed for; other sizes scale from it."""


LEADING = 1.22
"""Line height of every paragraph on a card, as a multiple of its type size."""
NARROWEST = 0.16
"""Narrower than any glyph of the card font, in ems (Vera's narrowest, the division slash,
is 0.167 em; tests/print/test_fit.py checks it against the fonts)."""


def mm(value: float) -> float:
    """Millimetres in PDF points."""
    return value * PT_PER_MM


@dataclass(frozen=True)
class Typography:
    """Type sizes in points: the preferred size and, where text shrinks, the smallest."""

    label: float
    title: float
    title_min: float
    kicker: float
    kicker_min: float
    body: float
    body_min: float
    foot: float
    foot_min: float


BODY_MIN = 5.5
"""Smallest body text a reader can still read at the table; below it the card is too full."""


@dataclass(frozen=True)
class FaceLayout:
    """Where things go on one card face, in millimetres from the card's bottom-left corner."""

    card: Size
    scale: float
    band_height: float
    """Height of the colour band, measured down from the cut."""
    content: Box
    """The safe area below the band: title, form line, body and foot."""
    mark_size: float
    qr_size: float
    type: Typography
    title_lines: int = 3
    """A title may take this many lines before it shrinks."""

    @property
    def safe(self) -> Box:
        """The whole safe zone of the face."""
        return Box(SAFE, SAFE, self.card.width - 2 * SAFE, self.card.height - 2 * SAFE)

    @property
    def label_centre(self) -> float:
        """Height of the middle of the band's safe part, where the label and mark sit."""
        return (self.card.height - SAFE + self.card.height - self.band_height) / 2


def face_layout(card: Size) -> FaceLayout:
    """The face layout for a card of this size; type scales with the card, within limits."""
    scale = max(0.8, min(1.5, card.width / REFERENCE.width, card.height / REFERENCE.height))
    band_height = SAFE + 6.0 * scale
    gap = 1.8 * scale
    content = Box(
        SAFE,
        SAFE,
        card.width - 2 * SAFE,
        card.height - band_height - gap - SAFE,
    )
    return FaceLayout(
        card=card,
        scale=scale,
        band_height=band_height,
        content=content,
        mark_size=4.6 * scale,
        qr_size=11.0 * scale,
        type=Typography(
            label=6.6 * scale,
            title=10.5 * scale,
            title_min=7.0,
            kicker=6.4 * scale,
            kicker_min=5.0,
            body=7.4 * scale,
            body_min=BODY_MIN,
            foot=5.2 * scale,
            foot_min=4.4,
        ),
    )


def most_characters(layout: FaceLayout) -> int:
    """More characters than a face of this layout can ever hold, spaces not counted.

    The content area filled edge to edge with the narrowest glyph at the smallest type size,
    lines packed at that size's leading: a card with more characters cannot fit, whatever
    they are, so it is refused without measuring. Measuring it would cost time that grows
    with the square of a paragraph's length (reportlab's line breaking).
    """
    typo = layout.type
    smallest = min(typo.title_min, typo.kicker_min, typo.body_min, typo.foot_min)
    per_line = mm(layout.content.width) / (NARROWEST * smallest)
    lines = mm(layout.content.height) / (LEADING * smallest)
    return math.ceil(per_line * lines)
