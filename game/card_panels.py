"""Cards rendered with rich: a table of many, a panel for one (terminal and TUI alike)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from deck import Deck
from deck.model import (
    Benchmark,
    CardBase,
    ConcernCard,
    DilemmaCard,
    ExampleCard,
    FormCard,
    RoleCard,
    StatementCard,
    TipCard,
    WillingnessCard,
    card_type,
)
from deck.survey import survey_n, survey_note
from deck.text import Text


def type_label(deck: Deck, card: CardBase) -> str:
    """The manifest's label for the card's type."""
    style = deck.manifest.types.get(card_type(card))
    return str(style.label) if style else card_type(card)


def type_colour(deck: Deck, card: CardBase) -> str:
    """The manifest's colour for the card's type."""
    style = deck.manifest.types.get(card_type(card))
    return style.colour if style else "#777777"


def summary(deck: Deck, card: CardBase) -> str:
    """One short line that tells cards of the same type apart in a list."""
    if isinstance(card, ExampleCard):
        found = deck.subform(card.subform)
        sub = str(found[1].title) if found else card.subform
        return f"{sub} · {card.phase}"
    if isinstance(card, StatementCard | WillingnessCard):
        b = card.benchmark
        low, high = ("niet", "wel") if isinstance(card, WillingnessCard) else ("oneens", "eens")
        return f"{b.table}, {survey_n(b.n)}: {b.low}% {low}, {b.high}% {high}"
    if isinstance(card, RoleCard):
        return card.group
    if isinstance(card, DilemmaCard):
        return card.kind
    if isinstance(card, FormCard):
        return ", ".join(str(sub.title) for sub in card.subforms)
    return ""


def card_table(deck: Deck, cards: tuple[CardBase, ...]) -> Table:
    """A table of cards: id, type, title and a summary line."""
    # Ratios share a narrow terminal fairly: long ids fold instead of starving the titles.
    table = Table(title=str(deck.manifest.title), title_justify="left", expand=True)
    table.add_column("id", style="bold", overflow="fold", ratio=3, min_width=12)
    table.add_column("soort", no_wrap=True)
    table.add_column("titel", overflow="fold", ratio=3, min_width=12)
    table.add_column("kenmerken", style="dim", ratio=3, min_width=10)
    for card in cards:
        table.add_row(
            card.id,
            RichText(type_label(deck, card), style=type_colour(deck, card)),
            str(card.title),
            summary(deck, card),
        )
    table.caption = f"{len(cards)} kaarten"
    return table


def _bar(benchmark: Benchmark, labels: tuple[Text, ...]) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="dim")
    grid.add_column()
    grid.add_column(justify="right")
    for label, share in zip(labels, benchmark.percentages, strict=True):
        grid.add_row(str(label), "█" * round(share / 2) or "▏", f"{share}%")
    return grid


def card_panel(deck: Deck, card: CardBase) -> Panel:
    """One card, with every field a reader needs, in a coloured panel."""
    parts: list[RenderableType] = []

    def field(label: str, value: str) -> None:
        parts.append(RichText.assemble((f"{label}: ", "bold"), value))

    if isinstance(card, ExampleCard):
        found = deck.subform(card.subform)
        field("Vorm", f"{card.form} — {found[1].title if found else card.subform}")
        field("Beleidsfase", card.phase)
        field("Doelstelling", str(card.goal))
        field("Thema", ", ".join(str(deck.manifest.themes.get(t, t)) for t in card.themes))
        field("Methode", str(card.method))
        field(
            "Doelgroep", ", ".join(str(deck.manifest.audiences.get(a, a)) for a in card.audiences)
        )
        if card.answers:
            field("Antwoord op", ", ".join(card.answers))
    parts.append(RichText(str(card.text)))
    if isinstance(card, FormCard):
        for sub in card.subforms:
            parts.append(RichText.assemble((f"• {sub.title}: ", "bold"), str(sub.text)))
        for condition in card.conditions:
            parts.append(RichText(f"✓ {condition}"))
    if isinstance(card, ConcernCard):
        field("Bezorgdheid", str(card.worry))
        if card.quotes:
            # Paraphrases, not verbatim: no quotation marks, no italics.
            parts.append(RichText("Wat geïnterviewden zeiden (parafrase):", style="bold"))
            for quote in card.quotes:
                parts.append(RichText(f"– {quote}"))
        field("Antwoord", str(card.answer))
    if isinstance(card, TipCard):
        for check in card.checks:
            parts.append(RichText(f"☐ {check}"))
    if isinstance(card, WillingnessCard):
        field("Omschrijving in de bevraging", str(card.definition))
    if isinstance(card, StatementCard | WillingnessCard):
        b = card.benchmark
        parts.append(RichText(survey_note(b.n, b.table), style="bold"))
        parts.append(_bar(b, card.scale))
    if isinstance(card, RoleCard):
        field("Mijn belang", str(card.stake))
        field("Mijn vrees", str(card.fear))
        field("Wat ik meebreng", str(card.brings))
        if card.interviewed is not None:
            field("Geïnterviewd", str(card.interviewed))
    if isinstance(card, DilemmaCard):
        field("Vraag", str(card.question))
        for number, option in enumerate(card.options, start=1):
            parts.append(RichText(f"  {number}. {option}"))
    for source in card.sources:
        cited = ", ".join(str(x) for x in (source.author, source.year) if x)
        line = f"Bron: {source.title}" + (f" ({cited})" if cited else "")
        parts.append(RichText(line + (f" — {source.url}" if source.url else ""), style="dim"))
    colour = type_colour(deck, card)
    return Panel(
        Group(*parts),
        title=RichText.assemble(
            (f" {type_label(deck, card)} ", f"bold white on {colour}"), f" {card.title}"
        ),
        title_align="left",
        subtitle=card.id,
        subtitle_align="right",
        border_style=colour,
    )
