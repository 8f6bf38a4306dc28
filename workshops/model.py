"""Workshop scripts as data: a workshop (werkvorm) and its ordered rounds.

A workshop script says what happens at the table and for how long: a title, a total time
and the rounds in order. Each round has a `kind` that decides its settings (which
statements, which ballot method, how many dots, …). The engine reads these models; the
field docstrings become descriptions in the JSON Schema (`netwerktafel workshop schema`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, model_validator

from deck.model import Slug, Strict
from deck.problems import Location
from deck.text import Text

Minutes = Annotated[int, Field(ge=1, le=480)]
"""A time box in whole minutes: at least one minute, at most eight hours."""

RoundKind = Literal[
    "casus",
    "stellingen",
    "bezorgdheden",
    "pauze",
    "aanpakken",
    "dilemma",
    "stemming",
    "actieplan",
    "afsluiting",
]
ROUND_KINDS: tuple[RoundKind, ...] = (
    "casus",
    "stellingen",
    "bezorgdheden",
    "pauze",
    "aanpakken",
    "dilemma",
    "stemming",
    "actieplan",
    "afsluiting",
)

VoteMethod = Literal["dots", "ranking", "likert", "choice", "matrix"]
"""How a ballot is cast: dots to spread, a ranking, a 1–5 score per option, or a choice."""

VoteOver = Literal["approaches", "options"]
"""What a ballot is about: the approaches recorded in the session, or the round's own options."""

Reveal = Literal["after-vote", "on-close", "manual"]
"""When results show: to a participant once they voted, when the ballot closes, or when the
facilitator reveals them."""

ReviewTopic = Literal["concerns", "approaches", "votes", "actions"]
"""What the closing round looks back on: concerns voiced, approaches chosen, vote results,
the action plan."""

ExportFormat = Literal["md", "csv", "json", "pdf"]


class RoundBase(Strict):
    """Fields every round has."""

    id: Slug
    """Id of the round, unique within the workshop (`stemming`, `stellingen-2`)."""
    title: Text
    """Title of the round as shown on the agenda."""
    minutes: Minutes
    """Time box of the round in minutes."""
    instructions: Text
    """What the facilitator does and says in this round."""
    optional: bool = False
    """An optional round; the facilitator may skip it when time is short."""


class CaseRound(RoundBase):
    """Casus: the facilitator presents the local problem; each stakeholder introduces their role."""

    kind: Literal["casus"]
    roles: tuple[Slug, ...] = ()
    """Role cards (`rol`) suggested for the table; empty leaves the choice to the facilitator."""
    draw_roles: bool = False
    """Participants draw a role card at random and play that stakeholder (for training)."""


class StatementsRound(RoundBase):
    """Stellingen: everyone scores survey statements 1–5; the result is shown beside the survey."""

    kind: Literal["stellingen"]
    statements: tuple[Slug, ...] = ()
    """Statement cards (`stelling`) to put to the table, in this order."""
    count: int | None = Field(default=None, ge=1, le=20)
    """Instead of fixed statements: how many statements the facilitator picks at the table."""
    anonymous: bool = True
    """Votes on statements are anonymous: nobody sees or exports who scored what."""
    reveal: Reveal = "on-close"
    """When the table's result (beside the survey benchmark) shows."""
    no_opinion: bool = False
    """Participants may answer "geen mening": counted apart, outside the percentages (as
    the survey's own tables count)."""

    @model_validator(mode="after")
    def _statements_or_count(self) -> StatementsRound:
        if self.statements and self.count is not None:
            raise ValueError("geef 'statements' of 'count', niet allebei")
        if not self.statements and self.count is None:
            raise ValueError(
                "geef 'statements' (ids van stellingkaarten) of 'count' (aantal stellingen)"
            )
        if len(set(self.statements)) != len(self.statements):
            raise ValueError("een stelling staat meer dan eens in 'statements'")
        return self

    @property
    def statement_count(self) -> int:
        """How many statements this round puts to the table."""
        return len(self.statements) if self.statements else self.count or 0


class ConcernsRound(RoundBase):
    """Bezorgdheden: each stakeholder's worries, placed under the three concern cards."""

    kind: Literal["bezorgdheden"]
    per_stakeholder: int = Field(default=1, ge=1, le=10)
    """How many concerns each stakeholder may name at most."""
    read_answer: bool = True
    """Read out the answer on the concern card a worry is placed under."""


class PauseRound(RoundBase):
    """Pauze: a break; no game happens, but the time counts in the agenda."""

    kind: Literal["pauze"]


class ApproachesRound(RoundBase):
    """Aanpakken: in turn, each stakeholder picks approaches from the inspiratiebank."""

    kind: Literal["aanpakken"]
    per_stakeholder: int = Field(default=2, ge=1, le=10)
    """How many approaches each stakeholder may pick at most."""
    forms: tuple[Slug, ...] = ()
    """Participation forms (`vorm` cards) to pick from; empty allows every form."""
    balance_warnings: bool = True
    """Show balance warnings as the stakeholder × form grid fills."""


class DilemmaRound(RoundBase):
    """Dilemma: one dilemma or risk card is put on the table, with a quick vote."""

    kind: Literal["dilemma"]
    cards: tuple[Slug, ...] = ()
    """Dilemma cards (`dilemma`) to draw from; empty draws from every dilemma card in the deck."""
    draw: int = Field(default=1, ge=1, le=5)
    """How many cards are drawn in this round."""
    vote: bool = True
    """Hold a quick choice vote over the card's options."""


class VoteRound(RoundBase):
    """Stemming: a ballot over the recorded approaches or over the round's own options."""

    kind: Literal["stemming"]
    method: VoteMethod = "dots"
    """Ballot method: dots, ranking, likert (1–5 per option), choice, or matrix (every
    option on two 1–5 scales: impact × haalbaarheid)."""
    over: VoteOver = "approaches"
    """Vote over the approaches recorded in the session, or over `options`."""
    options: tuple[Text, ...] = ()
    """The options to vote on when `over` is `options`."""
    dots: int = Field(default=3, ge=1, le=20)
    """Dots per participant (method `dots`); several dots on one option are allowed."""
    max_choices: int = Field(default=1, ge=1, le=20)
    """How many options a participant may choose at most (method `choice`)."""
    axes: tuple[Annotated[str, Field(min_length=1, max_length=40)], ...] = ()
    """The names of the two 1–5 scales (method `matrix`); empty means impact and
    haalbaarheid."""
    anonymous: bool = False
    """Nobody sees or exports who voted what; fixed when the ballot opens."""
    reveal: Reveal = "on-close"
    """When the results show."""

    @model_validator(mode="after")
    def _settings_fit(self) -> VoteRound:
        if self.over == "options" and len(self.options) < 2:
            raise ValueError("met 'over: options' zijn minstens twee 'options' nodig")
        if self.over == "approaches" and self.options:
            raise ValueError("'options' geldt alleen bij 'over: options'")
        if "dots" in self.model_fields_set and self.method != "dots":
            raise ValueError(f"'dots' geldt alleen bij 'method: dots', niet bij '{self.method}'")
        if "max_choices" in self.model_fields_set and self.method != "choice":
            raise ValueError(
                f"'max_choices' geldt alleen bij 'method: choice', niet bij '{self.method}'"
            )
        if self.axes and self.method != "matrix":
            raise ValueError(f"'axes' geldt alleen bij 'method: matrix', niet bij '{self.method}'")
        if self.axes and len(self.axes) != 2:
            raise ValueError(f"een matrix heeft twee assen, niet {len(self.axes)}")
        return self


class ActionPlanRound(RoundBase):
    """Actieplan: the top approaches get an owner, a first step and a date."""

    kind: Literal["actieplan"]
    top: int = Field(default=3, ge=1, le=20)
    """How many of the best-voted approaches go into the action plan."""
    tips: tuple[Slug, ...] = ()
    """Tip cards (`tip`) used as a checklist; empty uses every tip card in the deck."""


class ClosingRound(RoundBase):
    """Afsluiting: look back, export the report and share it."""

    kind: Literal["afsluiting"]
    review: tuple[ReviewTopic, ...] = ()
    """What to show on screen while looking back: concerns, approaches, votes, actions."""
    reflection: tuple[Text, ...] = ()
    """Questions for a closing reflection (used in training)."""
    export: tuple[ExportFormat, ...] = ("md",)
    """Report formats to export at the end of the session."""


Round = Annotated[
    CaseRound
    | StatementsRound
    | ConcernsRound
    | PauseRound
    | ApproachesRound
    | DilemmaRound
    | VoteRound
    | ActionPlanRound
    | ClosingRound,
    Field(discriminator="kind"),
]
"""Any round; its `kind` decides which settings it has."""

ROUND_MODELS: dict[str, type[RoundBase]] = {
    "casus": CaseRound,
    "stellingen": StatementsRound,
    "bezorgdheden": ConcernsRound,
    "pauze": PauseRound,
    "aanpakken": ApproachesRound,
    "dilemma": DilemmaRound,
    "stemming": VoteRound,
    "actieplan": ActionPlanRound,
    "afsluiting": ClosingRound,
}


class SampleCase(Strict):
    """A ready-made local case to play, e.g. for a classroom."""

    id: Slug
    """Id of the case, unique within the workshop."""
    title: Text
    """Short name of the case (`Overlast op het stationsplein`)."""
    text: Text
    """The situation as the facilitator presents it."""
    roles: tuple[Slug, ...] = ()
    """Role cards (`rol`) that fit this case."""


class Workshop(Strict):
    """A workshop script (werkvorm): the rounds of a session, in order, with their time boxes.

    Load one with `workshops.load_workshop`, which also checks that round ids are unique and
    that the rounds' minutes add up to `minutes`.
    """

    id: Slug
    """Id of the workshop (`netwerktafel`, `kort`, `training`)."""
    title: Text
    """Title of the workshop."""
    description: Text
    """What the workshop is and how it runs, in a few sentences."""
    audience: Text
    """For whom: who sits at the table, and who facilitates."""
    purpose: Text
    """What the table has achieved at the end."""
    minutes: Minutes
    """Total time in minutes; must equal the sum of the rounds' minutes."""
    cases: tuple[SampleCase, ...] = ()
    """Ready-made cases to pick from when the session starts (for training)."""
    rounds: tuple[Round, ...] = Field(min_length=1)
    """The rounds, in the order they are played."""

    _locate: Callable[..., Location] | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        # Two scripts that say the same are equal, whichever file they were read from;
        # pydantic's own equality would also compare the private locator.
        if not isinstance(other, Workshop):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((self.id, self.minutes, len(self.rounds)))

    def where(self, *path: str | int) -> Location:
        """Where a value of the script (`workshop.where("rounds", 2, "statements", 0)`) stands.

        Lets checks made after loading (do the card ids exist in this deck?) report
        `FILE:LINE:COL` like the loader does.
        """
        if self._locate is None:
            return Location(Path(f"werkvorm '{self.id}'"))
        return self._locate(*path)

    def round(self, round_id: str) -> RoundBase | None:
        """The round with this id, or None."""
        return next((r for r in self.rounds if r.id == round_id), None)

    def index(self, round_id: str) -> int:
        """Position of the round with this id in `rounds`; ValueError if there is none."""
        for number, each in enumerate(self.rounds):
            if each.id == round_id:
                return number
        raise ValueError(round_id)

    def schedule(self) -> tuple[tuple[RoundBase, int], ...]:
        """Every round with its start, in minutes after the start of the session."""
        start = 0
        agenda: list[tuple[RoundBase, int]] = []
        for each in self.rounds:
            agenda.append((each, start))
            start += each.minutes
        return tuple(agenda)

    def rounds_minutes(self) -> int:
        """Sum of the rounds' time boxes, optional rounds included."""
        return sum(each.minutes for each in self.rounds)


def round_kind(round_: RoundBase) -> RoundKind:
    """The `kind` tag of a round."""
    return round_.kind  # type: ignore[attr-defined]
