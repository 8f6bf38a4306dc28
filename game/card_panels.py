"""Cards rendered with rich: a panel for one (terminal and TUI alike).

The panel says what the printed card says (`deck.card_content`), so screen and paper
never tell a card differently, and no raw id or slug reaches the reader."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from catalogue import _
from deck import Deck
from deck.card_content import Piece, Survey, content_of
from deck.model import CardBase, ConcernCard
from deck.survey import percent, survey_note
from game.card_summary import type_colour


def _bar(survey: Survey, language: str) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="dim")
    grid.add_column()
    grid.add_column(justify="right")
    for label, share in zip(survey.scale, survey.benchmark.percentages, strict=True):
        grid.add_row(label, "█" * round(share / 2) or "▏", percent(share, language, narrow=True))
    return grid


def _piece(piece: Piece) -> RichText:
    if piece.kind == "field":
        return RichText.assemble((_("{label}: ").format(label=piece.label), "bold"), piece.text)
    if piece.kind in ("statement", "heading"):
        return RichText(piece.text, style="bold")
    if piece.kind == "quote":
        return RichText(f"“{piece.text}”", style="italic")
    lead = {"bullet": "• ", "check": "☐ ", "option": f"  {piece.label} "}.get(piece.kind, "")
    return RichText(lead + piece.text)


def card_heading(deck: Deck, card: CardBase, language: str | None = None) -> RichText:
    """The card's type on its colour, then its title: a panel's (or a border's) title."""
    content = content_of(deck, card, language)
    return RichText.assemble(
        (f" {content.type_label} ", f"bold white on {content.colour}"), f" {content.title}"
    )


def card_body(deck: Deck, card: CardBase, language: str | None = None) -> Group:
    """Everything on a card but its title: what the printed card says (`content_of`), plus
    what only a screen has room for: a concern's interview paraphrases, the sources' links.

    In `language` when the deck has it (default: the deck's own language)."""
    content = content_of(deck, card, language)
    shown = language or deck.manifest.language
    parts: list[RenderableType] = []
    if content.kicker:
        parts.append(RichText(content.kicker, style="italic"))
    parts += [_piece(piece) for piece in content.body]
    if isinstance(card, ConcernCard) and card.quotes:
        # Paraphrases, not verbatim: no quotation marks, no italics.
        parts.append(RichText(_("Wat geïnterviewden zeiden (parafrase):"), style="bold"))
        parts += [
            RichText(f"– {quote.in_language(shown, deck.manifest.language)}")
            for quote in card.quotes
        ]
    if content.survey is not None:
        survey, b = content.survey, content.survey.benchmark
        parts.append(RichText(survey_note(b.n, b.table), style="bold"))
        parts.append(_bar(survey, shown))
        low, high = (percent(figure, shown, narrow=True) for figure in (b.low, b.high))
        parts.append(RichText(f"{low} {survey.low_word}, {high} {survey.high_word}"))
    if content.foot:
        parts.append(RichText(content.foot, style="dim"))
    parts += [RichText(source.url, style="dim") for source in card.sources if source.url]
    return Group(*parts)


def card_panel(deck: Deck, card: CardBase, language: str | None = None) -> Panel:
    """One card in a panel of its type's colour, for the terminal (`deck show`)."""
    return Panel(
        card_body(deck, card, language),
        title=card_heading(deck, card, language),
        title_align="left",
        border_style=type_colour(deck, card),
    )
