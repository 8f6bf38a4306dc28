"""Keys that used to surprise: each does what its screen says, and nothing else."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from game.tui.screens.board import BoardScreen
from game.tui.screens.inspiratiebank import InspiratiebankScreen
from game.tui.screens.note_prompt import NotePrompt
from game.tui.screens.rounds.aanpakken import AanpakkenScreen
from game.tui.screens.rounds.bezorgdheden import BezorgdhedenScreen
from game.tui.widgets.card_list import CardList
from tests.tui.app_steps import facilitator_app, seeded_session, text_of, until


async def test_concern_keys_never_end_up_in_the_note(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("n", "n", "n", "enter")
        await until(pilot, lambda: isinstance(app.screen, BezorgdhedenScreen))
        screen = app.screen
        assert isinstance(screen, BezorgdhedenScreen)
        note = screen.query_one("#text", Input)
        people = screen.query_one("#people", OptionList)
        label = screen.query_one("#text-label")
        assert "Notitie" in text_of(label), "the note field is labelled before it is used"
        await pilot.press("2")  # Ann, efficiëntie: the field says whose note it is
        assert note.has_focus
        assert "Bezorgdheid van Ann over Efficiëntie" in text_of(label)
        await pilot.press("down", "3")  # back to the list, Bert, and his worry on card 3
        assert note.value == "" and people.highlighted == 1
        assert note.has_focus and "Bezorgdheid van Bert over Effectiviteit" in text_of(label)
        await pilot.press("escape")  # out of the note, not out of the round
        assert isinstance(app.screen, BezorgdhedenScreen) and people.has_focus
        assert len(screen.live.state.concerns) == 2, "nothing noted on the way"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))


async def test_the_bank_walks_from_the_search_box_and_esc_in_the_note_comes_back(
    data_dir: Path,
) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("n", "n", "n", "n", "n", "enter")
        await until(pilot, lambda: isinstance(app.screen, AanpakkenScreen))
        await pilot.press("enter")  # Ann picks from the bank
        await until(pilot, lambda: isinstance(app.screen, InspiratiebankScreen))
        bank = app.screen
        cards = bank.query_one(CardList)
        await pilot.press(*"wijk")
        await pilot.pause()
        assert cards.highlighted == 0
        await pilot.press("down")  # in the search box: the list moves
        assert bank.query_one("#search").has_focus and cards.highlighted == 1
        second = cards.highlighted_card
        assert second is not None
        await pilot.press("enter")  # takes the highlighted card, not the top hit
        await until(pilot, lambda: isinstance(app.screen, NotePrompt))
        assert str(second.title) in text_of(app.screen.query_one(Static))
        await pilot.press("escape")  # back in the bank, the search as it was
        await until(pilot, lambda: app.screen is bank)
        assert bank.query_one("#search", Input).value == "wijk"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, NotePrompt))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AanpakkenScreen))
        assert isinstance(app.screen, AanpakkenScreen)
        chosen = [a.card_id for a in app.screen.live.state.approaches.values()]
        assert chosen[-1] == second.id
