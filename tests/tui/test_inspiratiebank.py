"""The inspiratiebank screen, driven with Pilot as a facilitator would."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from deck import default_deck_path, load_deck
from game.tui.app import NetwerktafelApp
from game.tui.context import AppContext
from game.tui.screens.inspiratiebank import InspiratiebankScreen
from game.tui.widgets.card_detail import CardDetail
from game.tui.widgets.card_list import CardList

DECK = load_deck(default_deck_path())


def app(tmp_path: Path) -> NetwerktafelApp:
    return NetwerktafelApp(AppContext(DECK, tmp_path, clock=lambda: 0.0))


async def open_bank(pilot: Pilot[None]) -> None:
    """From the start screen to the inspiratiebank, as a facilitator would."""
    await pilot.press("i")
    await pilot.pause()


async def test_typing_filters_the_list_and_shows_the_card(tmp_path: Path) -> None:
    async with app(tmp_path).run_test(size=(100, 30)) as pilot:
        await open_bank(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, InspiratiebankScreen)
        cards = screen.query_one(CardList)
        assert cards.option_count == len(screen.index) >= 40
        await pilot.press(*"buurtvaders")
        await pilot.pause()
        assert cards.option_count == 1
        assert cards.highlighted_card is not None
        assert cards.highlighted_card.id == "buurtvaders"
        assert cards.border_title == f"1 van {len(screen.index)} voorbeelden"


async def test_filters_and_clearing(tmp_path: Path) -> None:
    async with app(tmp_path).run_test(size=(100, 30)) as pilot:
        await open_bank(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, InspiratiebankScreen)
        cards = screen.query_one(CardList)
        everything = cards.option_count
        screen.query_one("#form").value = "subform:bemiddelen"  # type: ignore[attr-defined]
        await pilot.pause()
        assert 0 < cards.option_count < everything
        assert all(getattr(card, "subform", None) == "bemiddelen" for card in cards._cards)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert cards.option_count == everything


async def test_nothing_found_says_so(tmp_path: Path) -> None:
    async with app(tmp_path).run_test(size=(80, 24)) as pilot:
        await open_bank(pilot)
        await pilot.press(*"xyzzy")
        await pilot.pause()
        detail = pilot.app.screen.query_one(CardDetail)
        assert "Geen kaart gevonden" in str(detail.query_one("Static").render())


async def test_command_palette_opens_any_card(tmp_path: Path) -> None:
    async with app(tmp_path).run_test(size=(100, 30)) as pilot:
        await open_bank(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"korpschef")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        from game.tui.screens.card import CardScreen

        assert isinstance(pilot.app.screen, CardScreen)
        assert pilot.app.screen.card.id.startswith("korpschef")


async def test_help_lists_bindings(tmp_path: Path) -> None:
    async with app(tmp_path).run_test(size=(80, 24)) as pilot:
        await open_bank(pilot)
        await pilot.press("f1")
        await pilot.pause()
        from textual.widgets import DataTable

        table = pilot.app.screen.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert any("Filters wissen" in row for row in rows)
        assert any("Stoppen" in row for row in rows)
