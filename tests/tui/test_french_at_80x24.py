"""What the French walk at 80×24 found covered, cut or still Dutch, now whole and French.

The app's runtime texts follow the catalogue's language, so these tests switch to French in
process; the module-level words (titles, key labels) stay Dutch here and are the French walk's
business (tests/tui/test_french.py).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from textual.widgets import DataTable, Input, Select

# A round screen takes its key labels when its module is imported: every one is imported
# here, in Dutch, so a French test that opens a round first leaves no French labels behind
# for a later test in this process (the snapshots read them in Dutch).
import game.tui.round_screens  # noqa: F401
from catalogue import use_language
from deck import example_deck_path, load_deck
from game.engine import Actor
from game.engine import commands as c
from game.store import SessionStore, new_token
from game.tui.app import NetwerktafelApp, build_app
from game.tui.deck_text import card_title
from game.tui.live_session import LiveSession, new_session_path
from game.tui.screens.action_editor import ActionEditor
from game.tui.screens.board import BoardScreen
from game.tui.screens.help import HelpScreen
from game.tui.screens.session_screen import SessionScreen
from game.tui.screens.setup import SetupScreen
from game.tui.screens.table import TableScreen
from tests.minimal_deck import write_minimal_deck
from tests.tui.app_steps import facilitator_app, seeded_session, text_of, until, write
from tests.tui.conftest import DECK, NOW
from workshops import builtin_workshops


def advance_to(live: LiveSession, round_id: str) -> None:
    """Move the session on to its round `round_id`."""
    while (plan := live.state.current_round()) is not None and plan.id != round_id:
        assert live.send(c.AdvanceRound()) is None


async def test_what_the_deck_changes_shows_on_setup_and_leaves_the_join_code_free(
    data_dir: Path, tmp_path: Path
) -> None:
    deck = load_deck(write_minimal_deck(tmp_path / "klein"))
    app = build_app(data_dir=data_dir, clock=lambda: NOW, deck=deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, SetupScreen))
        notes = app.screen.query_one("#fit-notes")
        await until(pilot, lambda: notes.display and "valt weg" in text_of(notes))
        assert "wat-is-burgerparticipatie" in " ".join(text_of(notes).split())
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, TableScreen))
        await pilot.pause(0.2)
        # Nothing lies over the big join code the room reads from.
        assert not app._notifications, [n.message for n in app._notifications]


async def test_the_setup_says_nothing_when_the_deck_runs_the_werkvorm_whole(
    data_dir: Path,
) -> None:
    app = facilitator_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.pause()
        assert not app.screen.query_one("#fit-notes").display
        assert not app.screen.query_one("#fit-label").display


async def test_the_board_keeps_the_session_file_name_whole_in_french(data_dir: Path) -> None:
    use_language("fr")
    path = seeded_session(data_dir, votes=False)
    when = dt.datetime(2026, 11, 29, 19, 30)
    title = "Sortie de l'école Saint-Joseph à Etterbeek"
    path.with_name(new_session_path(path.parent, title, when).name).touch()
    longest = new_session_path(path.parent, title, when)  # the longest the app makes
    assert longest.name == "sortie-de-l-ecole-saint-joseph-2026-11-29-2.nwt"
    for suffix in ("", ".begeleider"):
        Path(str(path) + suffix).rename(str(longest) + suffix)
    with SessionStore.open(longest) as store:
        code = store.state.info.join_code if store.state.info else ""
        for name in ("Marie-Christine", "Jean-Baptiste", "Anne-Sophie", "Léa"):
            store.submit(c.JoinParticipant(name, code), Actor(new_token()))
    app = facilitator_app(data_dir, session=longest)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        status = app.screen.query_one("#status")
        await until(pilot, lambda: "inscrits\xa0: 4" in text_of(status))
        shown = app.screen.query_one("#session-file")
        assert text_of(shown).strip() == longest.name
        assert shown.region.right <= 80
        assert text_of(status).lstrip().startswith(f"Code {code}")


async def test_the_board_names_the_werkvorm_in_french_when_there_is_no_case(
    data_dir: Path,
) -> None:
    use_language("fr")
    path = data_dir / "sessies" / "sans-cas.nwt"
    LiveSession.create(
        path,
        deck=DECK,
        deck_path=None,
        workshop=builtin_workshops()["kort"],
        case="",
        clock=lambda: NOW,
    ).close()
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        french = builtin_workshops()["kort"].title.in_language("fr")
        assert french != builtin_workshops()["kort"].title.in_language("nl")
        assert app.screen.sub_title == french


async def test_the_action_editor_names_approaches_and_roles_in_french(data_dir: Path) -> None:
    use_language("fr")
    path = seeded_session(data_dir)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        board = app.screen
        assert isinstance(board, BoardScreen)
        state = board.live.state
        editor = ActionEditor(state, board.live.send, DECK, approach="a2")
        await app.push_screen(editor)
        await pilot.pause()
        first = state.approaches["a2"]
        french = card_title(DECK, first.card_id, first.card_title)
        assert french != first.card_title
        assert editor.query_one("#title", Input).value == french
        approaches = [str(label) for label, _ in editor.query_one("#approach", Select)._options]
        assert f"{french} (Bert)" in approaches
        owners = " ".join(str(label) for label, _ in editor.query_one("#owner", Select)._options)
        mayor = state.stakeholders["s1"]
        assert card_title(DECK, mayor.role_id, mayor.role_title) in owners
        assert mayor.role_title not in owners


async def test_an_open_vote_over_the_approaches_lists_them_in_french(data_dir: Path) -> None:
    use_language("fr")
    path = seeded_session(data_dir, votes=False)
    live = LiveSession.open(path, DECK, lambda: NOW)
    advance_to(live, "stemming")
    # Hidden results: the screen lists the options instead of bars.
    assert live.send(c.OpenBallot("dots", "approaches", reveal="on-close")) is None
    live.close()
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.screen.query("#options")))
        options = app.screen.query_one("#options")
        await until(pilot, lambda: "(Bert)" in text_of(options))
        shown = " ".join(text_of(options).split())
        assert "Site web sur la sécurité locale (Bert)" in shown
        assert "Website over lokale veiligheid" not in shown


async def test_the_grid_keeps_whole_words_of_a_name_beside_long_french_form_titles(
    data_dir: Path,
) -> None:
    use_language("fr")
    deck = load_deck(example_deck_path())
    path = data_dir / "sessies" / "ecole.nwt"
    live = LiveSession.create(
        path,
        deck=deck,
        deck_path=example_deck_path(),
        workshop=builtin_workshops()["training"],
        case="",
        clock=lambda: NOW,
    )
    for role, name in (("schepen-van-mobiliteit", "Échevin de la mobilité"), ("buurtbewoner", "")):
        assert live.send(c.AddStakeholder(role, name)) is None
    live.close()
    app = build_app(data_dir=data_dir, clock=lambda: NOW, session=path, deck=deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        grid = app.screen.query_one("#grid")
        await until(pilot, lambda: "total" in text_of(grid))
        names = [line.split("  ")[0] for line in text_of(grid).splitlines()[1:]]
        assert names[:2] == ["Échevin de", "la mobilité"], names
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TableScreen))
        seated = " ".join(text_of(app.screen.query_one("#seated")).split())
        assert seated.count("Échevin de la mobilité") == 1, "a seat called by its role, once"


async def test_a_noted_concern_reads_name_space_colon_text_in_french(data_dir: Path) -> None:
    use_language("fr")
    path = seeded_session(data_dir, votes=False)
    live = LiveSession.open(path, DECK, lambda: NOW)
    advance_to(live, "bezorgdheden")
    live.close()
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.screen.query("#concerns-0")))
        await pilot.pause()
        columns = " ".join(
            " ".join(text_of(app.screen.query_one(f"#concerns-{number}")).split())
            for number in range(3)
        )
        assert "Ann : wie spreekt" in columns and "Bert : kost" in columns, columns


MORE_CONCERNS = """
- id: te-weinig-tijd
  type: bezorgdheid
  title: {nl: Te weinig tijd, fr: Trop peu de temps}
  worry: {nl: De school heeft geen uren over., fr: L'école n'a pas d'heures libres.}
  answer: {nl: Hou het kort., fr: Faites court.}
  text: {nl: Een kwartier volstaat., fr: Un quart d'heure suffit.}

- id: altijd-dezelfde-mensen
  type: bezorgdheid
  title: {nl: Altijd dezelfde mensen, fr: Toujours les mêmes}
  worry: {nl: Wie komt is wie altijd komt., fr: Ceux qui viennent sont toujours les mêmes.}
  answer: {nl: Ga zelf naar wie niet komt., fr: Allez vers ceux qui ne viennent pas.}
  text: {nl: Spreek ouders aan de schoolpoort aan., fr: Parlez aux parents devant l'école.}
"""


def four_concerns_app(data_dir: Path, tmp_path: Path, *steps: c.Command) -> NetwerktafelApp:
    """The app on a session at its concerns round, `steps` taken, on a deck with four
    concern cards."""
    folder = tmp_path / "deck"
    shutil.copytree(example_deck_path(), folder)
    with (folder / "bezorgdheden.yaml").open("a") as cards:
        cards.write(MORE_CONCERNS)
    deck = load_deck(folder)
    path = data_dir / "sessies" / "vier.nwt"
    live = LiveSession.create(
        path,
        deck=deck,
        deck_path=folder,
        workshop=builtin_workshops()["netwerktafel"],
        case="",
        clock=lambda: NOW,
    )
    for step in steps:
        assert live.send(step) is None, step
    advance_to(live, "bezorgdheden")
    live.close()
    return build_app(data_dir=data_dir, clock=lambda: NOW, session=path, deck=deck)


async def test_a_deck_with_four_concern_cards_notes_one_on_the_fourth(
    data_dir: Path, tmp_path: Path
) -> None:
    app = four_concerns_app(data_dir, tmp_path, c.AddStakeholder("buurtbewoner", "Noor"))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.screen.query("#concerns-3")))
        assert "(1–4)" in text_of(app.screen.query_one("#text-label"))
        await pilot.press("4")
        await write(pilot, "geen tijd voor nog een vergadering")
        await pilot.press("enter")
        board = app.screen
        assert isinstance(board, SessionScreen)
        await until(pilot, lambda: bool(board.live.state.concerns))
        (noted,) = board.live.state.concerns.values()
        assert noted.concern_id == "altijd-dezelfde-mensen"


async def test_a_seat_without_a_name_is_called_by_its_french_role_once(data_dir: Path) -> None:
    # The table read 'Burgemeester  Bourgmestre': the Dutch role title the seat stores as its
    # name, then the French role; the grid, the concern columns and the action editor's
    # owners said 'Burgemeester' too.
    use_language("fr")
    path = data_dir / "sessies" / "sans-nom.nwt"
    live = LiveSession.create(
        path,
        deck=DECK,
        deck_path=None,
        workshop=builtin_workshops()["netwerktafel"],
        case="",
        clock=lambda: NOW,
    )
    for step in (
        c.AddStakeholder("burgemeester"),
        c.AddStakeholder("bewoner", "Ann"),
        c.RecordConcern("s1", "algemeen-belang", "qui parle pour le quartier ?"),
        c.RecordApproach("s1", "buurtvaders"),
    ):
        assert live.send(step) is None, step
    live.close()
    mayor, french = "Burgemeester", card_title(DECK, "burgemeester", "Burgemeester")
    assert french == "Bourgmestre"
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        board = app.screen
        assert isinstance(board, BoardScreen)
        grid = board.query_one("#grid")
        await until(pilot, lambda: "total" in text_of(grid))
        assert french in text_of(grid) and mayor not in text_of(grid)
        editor = ActionEditor(board.live.state, board.live.send, DECK)
        await app.push_screen(editor)
        await pilot.pause()
        owners = [str(label) for label, _ in editor.query_one("#owner", Select)._options]
        assert french in owners and "Ann (Habitant)" in owners, owners
        assert not [owner for owner in owners if mayor in owner], owners
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TableScreen))
        seated = " ".join(text_of(app.screen.query_one("#seated")).split())
        assert seated.count(french) == 1 and mayor not in seated, seated
    live = LiveSession.open(path, DECK, lambda: NOW)
    advance_to(live, "bezorgdheden")
    live.close()
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.screen.query("#concerns-0")))
        await pilot.pause()
        column = " ".join(text_of(app.screen.query_one("#concerns-0")).split())
        people = " ".join(text_of(app.screen.query_one("#people")).split())
        assert f"{french} : qui parle" in column and mayor not in column, column
        assert french in people and mayor not in people, people


async def test_the_footer_and_the_help_name_the_keys_of_this_decks_concern_cards(
    data_dir: Path, tmp_path: Path
) -> None:
    # The footer and the help said '1-3' whatever the deck: four concern cards have 1-4.
    app = four_concerns_app(data_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.screen.query("#concerns-3")))
        footer = " ".join(text_of(key) for key in app.screen.query("FooterKey"))
        assert "1-4 Kaart kiezen" in footer and "1-3" not in footer, footer
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        assert ["1-4", "Kaart kiezen"] in [row[:2] for row in rows], rows
