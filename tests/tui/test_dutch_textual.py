"""Textual's own words (palette, its commands, the open Select menu) show in Dutch."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandInput, CommandPalette
from textual.widgets import Footer, OptionList, Select

from game.tui.screens.setup import SetupScreen
from game.tui.screens.start import StartScreen
from tests.tui.app_steps import facilitator_app, until

ENGLISH = ("Search", "Keys", "Quit", "Screenshot", "Theme", "Dismiss", "Exit the")


def footer_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the footer shows, as text."""
    footer = app.screen.query_one(Footer)
    return " ".join(str(item.render()) for item in footer.query("FooterKey"))


async def test_the_palette_and_its_commands_speak_dutch(data_dir: Path) -> None:
    app = facilitator_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        placeholder = str(app.screen.query_one(CommandInput).placeholder)
        assert placeholder == "Zoek een kaart of een opdracht…"
        names = [command.title for command in app.get_system_commands(app.screen)]
        assert names == ["Hulp", "Bel aan/uit", "Kleuren", "Schermafdruk", "Stoppen"]
        helps = " ".join(command.help for command in app.get_system_commands(app.screen))
        assert not any(word in helps for word in ENGLISH)
        await pilot.press(*"stoppen")
        await pilot.pause(0.5)
        assert "Stoppen" in str(
            app.screen.query_one("CommandList", OptionList).get_option_at_index(0).prompt
        )
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, StartScreen))


async def test_an_open_select_menu_closes_in_dutch(data_dir: Path) -> None:
    app = facilitator_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, SetupScreen))
        select = app.screen.query_one("#workshop", Select)
        select.focus()
        await pilot.press("enter")
        await until(pilot, lambda: select.expanded)
        shown = footer_text(app)
        assert "Menu sluiten" in shown
        assert not any(word in shown for word in ENGLISH)
