"""A list of cards that tells its screen which card is highlighted or chosen.

The list draws only the lines on screen (Textual's line API), so showing a thousand cards
after each keystroke costs no more than showing ten: nothing is measured or laid out per
card. Each card takes two lines: its title, and a short line of its features (or, in a
narrow list, the rest of a long title).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from catalogue import _
from deck import Deck
from deck.model import CardBase
from game.card_summary import summary, type_colour
from game.tui.deck_text import deck_text

LINES_PER_CARD = 2


def fold_title(title: str, width: int) -> tuple[str, str]:
    """`title` on one line of `width` cells, or split at a space over two (the second
    ends in `…` when even two are too short); the second is empty when one line does."""
    if cell_len(title) <= width:
        return title, ""
    words = title.split(" ")
    first = words.pop(0)
    while words and cell_len(f"{first} {words[0]}") <= width:
        first += " " + words.pop(0)
    rest = " ".join(words)
    if cell_len(rest) > width - 1:
        rest = set_cell_size(rest, width - 2) + "…"
    return first, rest


class CardList(ScrollView, can_focus=True):
    """Cards by title, with a short line of their features; Enter chooses one."""

    DEFAULT_CSS = """
    CardList {
        background: $surface;
    }
    CardList > .card-list--cursor {
        background: $block-cursor-blurred-background;
    }
    CardList:focus > .card-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    CardList > .card-list--summary {
        color: $text-muted;
    }
    """

    COMPONENT_CLASSES = {"card-list--cursor", "card-list--summary"}

    BINDINGS = [
        Binding("up", "cursor(-1)", _("Vorige kaart"), show=False),
        Binding("down", "cursor(1)", _("Volgende kaart"), show=False),
        Binding("pageup", "page(-1)", _("Pagina omhoog"), show=False),
        Binding("pagedown", "page(1)", _("Pagina omlaag"), show=False),
        Binding("home", "first", _("Eerste kaart"), show=False),
        Binding("end", "last", _("Laatste kaart"), show=False),
        Binding("enter", "choose", _("Kiezen"), show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True)
    """Index of the card under the cursor, or None when the list is empty."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto a card."""

        card: CardBase

    @dataclass
    class Chosen(Message):
        """The user pressed Enter on (or clicked) a card."""

        card: CardBase

    def __init__(self, deck: Deck, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.deck = deck
        self._cards: list[CardBase] = []
        self._summaries: dict[str, str] = {}
        """Each card's feature line, made once: a search shows the same cards again."""
        self._styles: tuple[Style, Style, Style] | None = None
        """Plain, cursor and summary styles, worked out once per look of the widget."""

    # --- what is shown ---------------------------------------------------------------

    def show(self, cards: list[CardBase]) -> None:
        """Replace the list with these cards, keeping the highlighted card if it remains."""
        current = self.highlighted_card
        self._cards = list(cards)
        self.virtual_size = Size(self.size.width, len(self._cards) * LINES_PER_CARD)
        if not self._cards:
            self.highlighted = None
        else:
            ids = [card.id for card in self._cards]
            self.highlighted = ids.index(current.id) if current and current.id in ids else 0
        self.refresh()

    @property
    def option_count(self) -> int:
        """How many cards the list holds."""
        return len(self._cards)

    @property
    def highlighted_card(self) -> CardBase | None:
        """The card under the cursor, if any."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self._cards):
            return None
        return self._cards[self.highlighted]

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        card = self.highlighted_card
        if new is not None:
            self._bring_into_view(new)
        if card is not None and old != new:
            self.post_message(self.Highlighted(card))
        self.refresh()

    def _bring_into_view(self, index: int) -> None:
        top = index * LINES_PER_CARD
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + LINES_PER_CARD > self.scroll_y + self.size.height:
            self.scroll_to(y=top + LINES_PER_CARD - self.size.height, animate=False, immediate=True)

    # --- drawing ---------------------------------------------------------------------

    def _summary(self, card: CardBase) -> str:
        text = self._summaries.get(card.id)
        if text is None:
            text = summary(self.deck, card)
            self._summaries[card.id] = text
        return text

    def notify_style_update(self) -> None:
        self._styles = None
        super().notify_style_update()

    def _on_focus(self, event: events.Focus) -> None:
        self._styles = None
        super()._on_focus(event)

    def _on_blur(self, event: events.Blur) -> None:
        self._styles = None
        super()._on_blur(event)

    def _line_styles(self) -> tuple[Style, Style, Style]:
        # Looking styles up costs more than drawing a line; they change only with the
        # theme and the focus.
        if self._styles is None:
            base = self.rich_style
            self._styles = (
                base,
                base + self.get_component_rich_style("card-list--cursor"),
                self.get_component_rich_style("card-list--summary", partial=True),
            )
        return self._styles

    def render_line(self, y: int) -> Strip:
        """One line of one card: its title (first line) or its features (second)."""
        # The scrollbar's columns are not ours to write in.
        width = self.scrollable_content_region.width
        index, part = divmod(y + int(self.scroll_y), LINES_PER_CARD)
        base, cursor, muted = self._line_styles()
        if not 0 <= index < len(self._cards):
            return Strip.blank(width, base)
        card = self._cards[index]
        style = cursor if index == self.highlighted else base
        first, rest = fold_title(deck_text(self.deck, card.title), width - 1)
        if part == 0:
            segments = [
                Segment("▌", style + Style(color=type_colour(self.deck, card))),
                Segment(first, style + Style(bold=True)),
            ]
        elif rest:
            # A title too long for one line takes the second one too: titles stay whole.
            segments = [Segment(" " + rest, style + Style(bold=True))]
        else:
            line = " " + self._summary(card)
            if cell_len(line) > width:
                line = set_cell_size(line, width - 1) + "…"
            segments = [Segment(line, style + muted)]
        return Strip(segments).crop_extend(0, width, style)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._cards) * LINES_PER_CARD)

    # --- keys and mouse ----------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        if self._cards:
            self.highlighted = max(0, min(index, len(self._cards) - 1))

    def action_cursor(self, step: int) -> None:
        """Move the cursor `step` cards."""
        self._move_to((self.highlighted or 0) + step)

    def action_page(self, direction: int) -> None:
        """Move the cursor a screenful."""
        per_page = max(1, self.size.height // LINES_PER_CARD)
        self._move_to((self.highlighted or 0) + direction * per_page)

    def action_first(self) -> None:
        """To the first card."""
        self._move_to(0)

    def action_last(self) -> None:
        """To the last card."""
        self._move_to(len(self._cards) - 1)

    def action_choose(self) -> None:
        """Choose the card under the cursor."""
        card = self.highlighted_card
        if card is not None:
            self.post_message(self.Chosen(card))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_y)) // LINES_PER_CARD
        if 0 <= index < len(self._cards):
            self.highlighted = index
            self.post_message(self.Chosen(self._cards[index]))
