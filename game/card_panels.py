"""Cards rendered with rich: a table of many, a panel for one (terminal and TUI alike).

The panel says what the printed card says (`deck.card_content`), so screen and paper
never tell a card differently, and no raw id or slug reaches the reader."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from catalogue import _, current_language, ngettext, translator
from deck import Deck
from deck.card_content import PHASES, SURVEY_WORDS, Piece, Survey, content_of
from deck.model import (
    CardBase,
    ConcernCard,
    DilemmaCard,
    ExampleCard,
    FormCard,
    RoleCard,
    StatementCard,
    WillingnessCard,
    card_type,
)
from deck.survey import survey_n, survey_note, table_name


def type_label(deck: Deck, card: CardBase, language: str | None = None) -> str:
    """The manifest's label for the card's type, in `language` (default: the process's)
    when the deck has it."""
    style = deck.manifest.types.get(card_type(card))
    if style is None:
        return card_type(card)
    return style.label.in_language(language or current_language(), deck.manifest.language)


def type_colour(deck: Deck, card: CardBase) -> str:
    """The manifest's colour for the card's type."""
    style = deck.manifest.types.get(card_type(card))
    return style.colour if style else "#777777"


def summary(deck: Deck, card: CardBase, language: str | None = None) -> str:
    """One short line that tells cards of the same type apart in a list, in `language`
    (default: the process's) when the deck has it."""
    shown = language or current_language()
    _ = translator(shown)
    if isinstance(card, ExampleCard):
        found = deck.subform(card.subform)
        sub = found[1].title.in_language(shown, deck.manifest.language) if found else card.subform
        return f"{sub} · {_(PHASES[card.phase]) if card.phase in PHASES else card.phase}"
    if isinstance(card, StatementCard | WillingnessCard):
        b = card.benchmark
        if b is None:
            return _("zonder bevraging")
        low, high = SURVEY_WORDS[card_type(card)]
        return (
            f"{table_name(b.table, shown)}, {survey_n(b.n, shown)}: "
            f"{b.low}% {_(low)}, {b.high}% {_(high)}"
        )
    if isinstance(card, RoleCard):
        label = deck.manifest.role_groups().get(card.group)
        return label.in_language(shown, deck.manifest.language) if label else card.group
    if isinstance(card, DilemmaCard):
        return _("Risico") if card.kind == "risico" else _("Dilemma")
    if isinstance(card, FormCard):
        return ", ".join(
            sub.title.in_language(shown, deck.manifest.language) for sub in card.subforms
        )
    return ""


def card_table(deck: Deck, cards: tuple[CardBase, ...], language: str | None = None) -> Table:
    """A table of cards: id, type, title and a summary line, in `language` (default: the
    process's) where the deck has it."""
    shown = language or current_language()
    own = deck.manifest.language
    # Ratios share a narrow terminal fairly: long ids fold instead of starving the titles.
    # Every cell, header and caption is text, never rich markup: a card may say "[bold]",
    # and a string would load rich's emoji table to look for `:codes:` (± 2.5 ms).
    title = RichText(deck.manifest.title.in_language(shown, own))
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column(RichText("id"), style="bold", overflow="fold", ratio=3, min_width=12)
    table.add_column(RichText(_("soort")), no_wrap=True)
    table.add_column(RichText(_("titel")), overflow="fold", ratio=3, min_width=12)
    table.add_column(RichText(_("kenmerken")), style="dim", ratio=3, min_width=10)
    for card in cards:
        table.add_row(
            RichText(card.id),
            RichText(type_label(deck, card, shown), style=type_colour(deck, card)),
            RichText(card.title.in_language(shown, own)),
            RichText(summary(deck, card, shown)),
        )
    table.caption = RichText(
        ngettext("{count} kaart", "{count} kaarten", len(cards)).format(count=len(cards)),
        style="table.caption",
    )
    return table


def _bar(survey: Survey) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="dim")
    grid.add_column()
    grid.add_column(justify="right")
    for label, share in zip(survey.scale, survey.benchmark.percentages, strict=True):
        grid.add_row(label, "█" * round(share / 2) or "▏", f"{share}%")
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
        parts.append(_bar(survey))
        parts.append(RichText(f"{b.low}% {survey.low_word}, {b.high}% {survey.high_word}"))
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
