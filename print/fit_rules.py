"""The rules a card's text is fitted by, shared by the fit (print/fit.py, with reportlab) and
its proof from glyph widths (print/fit_bound.py, without): the sizes tried, the gaps and
shares of the face, and what counts as a card's length."""

from __future__ import annotations

from deck.card_content import CardContent

STEP = 0.25
"""Type sizes are tried in quarter points: fine enough to use the room, few enough to be fast."""

TITLE_GAP = 1.2
"""Millimetres between title, form line and body."""
FOOT_GAP = 1.6
"""Millimetres between the body and the foot's rule."""
QR_GAP = 1.5
TIGHT_TITLE = 8.0
"""Largest title size on a card too full for the normal layout."""
TIGHT_SPACING = 0.15
"""Share of the normal room between paragraphs left on a card too full for it."""
FOOT_SHARE = 0.3
"""The foot (sources) may take at most this share of the content area."""
KICKER_LINES = 2
"""The form line may take this many lines before it shrinks."""
FOOT_LINES = 3
"""The sources aim at this many lines (or the QR code's height, if taller)."""
FIELD_GAP = "\u00a0\u00a0"
"""Between a field's label and its text: two no-break spaces."""


def sizes(preferred: float, minimum: float) -> list[float]:
    """Sizes from preferred down to minimum in steps of `STEP`, both ends included."""
    found: list[float] = []
    size = preferred
    while size > minimum + 1e-9:
        found.append(round(size, 2))
        size -= STEP
    found.append(minimum)
    return found


def printed_length(content: CardContent) -> int:
    """How many characters the card prints, not counting spaces and line breaks (a run of
    them prints as one space, or none at a line end)."""
    texts = [content.title, content.kicker, content.foot]
    texts += [text for piece in content.body for text in (piece.text, piece.label or "")]
    return sum(len("".join(text.split())) for text in texts)


def quoted(text: str) -> str:
    """A quote or statement as printed: between curly quotes, unless it brings its own."""
    if text[:1] in "“\"'‘„«":
        return text
    return f"“{text}”"
