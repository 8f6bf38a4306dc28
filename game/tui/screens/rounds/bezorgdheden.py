"""Bezorgdheden: each stakeholder's worries under the three concern cards, with the answer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from rich.text import Text as RichText
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from catalogue import N_, _
from deck.model import ConcernCard
from game.engine import SessionState, Stakeholder
from game.engine import commands as c
from game.engine.report import labelled
from game.tui.context import AppContext
from game.tui.deck_text import deck_text, seat_name
from game.tui.live_session import LiveSession
from game.tui.screens.rounds.round_screen import RoundScreen

IDLE_LABEL = N_("Notitie: kies links wie spreekt (↑↓), dan het nummer van de kaart (1–{last}).")
IDLE_PLACEHOLDER = N_("kies eerst wie spreekt en een kaart")


class BezorgdhedenScreen(RoundScreen):
    """Who speaks (left), the three concern cards (columns), the chosen card's answer."""

    CSS_PATH = "bezorgdheden.tcss"
    BINDINGS = [
        # A key per concern card, up to nine (a deck of one's own may have more than the
        # default deck's three); one line in the footer and in the help for them all, which
        # names this deck's keys (`__init__`).
        *[
            Binding(
                str(key), f"choose({key - 1})", _("Kaart kiezen") if key == 1 else "", show=key == 1
            )
            for key in range(1, 10)
        ],
        # While the note field has the focus, Esc and the arrows go back to who speaks:
        # a key meant for the list never ends up in the note, nor leaves the round.
        Binding("escape", "back", _("Bord")),
        Binding("up", "to_people(-1)", _("Vorige"), show=False),
        Binding("down", "to_people(1)", _("Volgende"), show=False),
    ]

    def __init__(self, live: LiveSession, context: AppContext, index: int) -> None:
        super().__init__(live, context, index)
        self.cards = list(live.deck.of_type(ConcernCard))
        self.card: ConcernCard | None = self.cards[0] if self.cards else None
        self.people: list[Stakeholder] = []
        # This screen's own copy of its bindings: the shown one says `1-3` on the default deck.
        last = min(len(self.cards), 9)
        keys = self._bindings.key_to_bindings
        keys["1"] = [replace(b, key_display=f"1-{last}" if last > 1 else "1") for b in keys["1"]]

    def compose_round(self) -> Iterable[Widget]:
        with Horizontal(id="body"):
            with Vertical(id="people-pane"):
                yield OptionList(id="people")
            with Vertical(id="right"):
                with Horizontal(id="columns"):
                    for number in range(len(self.cards)):
                        with VerticalScroll(id=f"column-{number}", classes="column"):
                            yield Static(id=f"concerns-{number}")
                with VerticalScroll(id="answer-pane"):
                    yield Static(id="answer")
        yield Static(RichText(self.idle_label, style="dim"), id="text-label")
        yield Input(placeholder=_(IDLE_PLACEHOLDER), id="text", compact=True)

    def on_mount(self) -> None:
        self.query_one("#people-pane").border_title = _("Wie spreekt?")
        for number in range(len(self.cards)):
            # The key in the border, the title inside: a narrow column wraps it, whole.
            self.query_one(f"#column-{number}").border_title = f"{number + 1}"
        super().on_mount()
        self.query_one("#people").focus()
        self.show_card()

    @property
    def idle_label(self) -> str:
        """How to note a concern, with the keys of this deck's cards (at most 1–9)."""
        return _(IDLE_LABEL).format(last=min(len(self.cards), 9))

    @property
    def speaker(self) -> Stakeholder | None:
        """The highlighted stakeholder."""
        highlighted = self.query_one("#people", OptionList).highlighted
        if highlighted is None or not 0 <= highlighted < len(self.people):
            return None
        return self.people[highlighted]

    def show_state(self, state: SessionState) -> None:
        deck = self.live.deck
        people = self.query_one("#people", OptionList)
        before = people.highlighted
        self.people = [s for s in state.stakeholders.values() if s.present]
        counts = {s.id: 0 for s in self.people}
        for concern in state.concerns.values():
            if concern.stakeholder_id in counts:
                counts[concern.stakeholder_id] += 1
        people.clear_options()
        people.add_options(
            Option(
                RichText.assemble((seat_name(deck, s), "bold"), (f"  {counts[s.id]}", "dim")),
                id=s.id,
            )
            for s in self.people
        )
        if self.people:
            people.highlighted = min(before or 0, len(self.people) - 1)
        for number, card in enumerate(self.cards):
            text = RichText.assemble((deck_text(deck, card.title), "bold underline"), "\n")
            noted = [x for x in state.concerns.values() if x.concern_id == card.id]
            for concern in noted:
                who = state.stakeholders.get(concern.stakeholder_id)
                name = seat_name(deck, who) if who else concern.stakeholder_id
                if concern.text:
                    # `labelled` words it (French: `Nom : texte`); the name goes in bold.
                    said = labelled("\0", concern.text)
                    lead, rest = said.split("\0", 1)
                    text.append(lead)
                    text.append(name, style="bold")
                    text.append(rest + "\n")
                else:
                    text.append(name + "\n", style="bold")
            if not noted:
                text.append("—", style="dim")
            self.query_one(f"#concerns-{number}", Static).update(text)

    def show_card(self) -> None:
        """Mark the chosen concern card and show its answer, to read out."""
        for number, card in enumerate(self.cards):
            self.query_one(f"#column-{number}").set_class(card is self.card, "-chosen")
        answer = self.query_one("#answer", Static)
        pane = self.query_one("#answer-pane")
        if self.card is None:
            answer.update(_("Dit deck heeft geen bezorgdheidskaarten."))
            return
        deck = self.live.deck
        title = deck_text(deck, self.card.title).lower()
        pane.border_title = _("Antwoord op {concern}").format(concern=title)
        # The answer comes first: it is what the facilitator reads out to the table.
        answer.update(
            RichText.assemble(
                deck_text(deck, self.card.answer),
                "\n\n",
                (_("De bezorgdheid:") + " ", "bold dim"),
                (deck_text(deck, self.card.worry), "dim"),
            )
        )

    def action_choose(self, number: int) -> None:
        """Choose concern card `number` and write the speaker's worry under it."""
        if number >= len(self.cards):
            return
        self.card = self.cards[number]
        self.show_card()
        self.action_write()

    def action_write(self) -> None:
        """Put the cursor in the text box for the speaker's worry."""
        speaker = self.speaker
        text = self.query_one("#text", Input)
        if speaker is None:
            self.notify(_("Zet eerst iemand aan tafel (bord: t)."), severity="warning")
            return
        card = deck_text(self.live.deck, self.card.title) if self.card else "?"
        self.query_one("#text-label", Static).update(
            RichText.assemble(
                (
                    _("Bezorgdheid van {who} over {concern}").format(
                        who=seat_name(self.live.deck, speaker), concern=card
                    ),
                    "bold",
                ),
                ("  " + _("Enter noteert · Esc of ↑↓: terug naar de lijst"), "dim"),
            )
        )
        text.placeholder = _("typ de bezorgdheid (mag leeg)")
        text.add_class("-writing")
        text.focus()

    def _stop_writing(self) -> None:
        text = self.query_one("#text", Input)
        text.value = ""
        text.placeholder = _(IDLE_PLACEHOLDER)
        text.remove_class("-writing")
        self.query_one("#text-label", Static).update(RichText(self.idle_label, style="dim"))
        self.query_one("#people").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The arrows only leave the note field; elsewhere the lists use them."""
        if action == "to_people":
            return self.query_one("#text", Input).has_focus
        return True

    def action_to_people(self, step: int) -> None:
        """Leave the note field for the list of who speaks, one up or down."""
        self._stop_writing()
        people = self.query_one("#people", OptionList)
        if people.option_count:
            people.highlighted = max(
                0, min((people.highlighted or 0) + step, people.option_count - 1)
            )

    def action_back(self) -> None:
        """Esc: from the note field back to the list; from the list back to the board."""
        if self.query_one("#text", Input).has_focus:
            self._stop_writing()
        else:
            self.app.pop_screen()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_write()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        speaker = self.speaker
        if speaker is None or self.card is None:
            return
        if self.send(c.RecordConcern(speaker.id, self.card.id, event.value.strip())):
            self._stop_writing()
