"""Workshop scripts as data: a workshop (werkvorm) and its ordered rounds.

A workshop script says what happens at the table and for how long: a title, a total time
and the rounds in order. Each round has a `kind` that decides its settings (which
statements, which ballot method, how many dots, …). The engine reads these models. The
docstrings of the models and their fields become the descriptions of the JSON Schema
(`netwerktafel workshop schema`) a trainer's editor shows, so they are in Dutch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, model_validator

from catalogue import _
from deck.model import Slug, Strict
from deck.problems import Location
from deck.text import Language, Text


def workshop_subject(workshop_id: str) -> str:
    """What a problem in the werkvorm itself is about: `werkvorm 'kort'`."""
    return _("werkvorm '{id}'").format(id=workshop_id)


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
    """Velden die elke ronde heeft."""

    id: Slug
    """Id van de ronde, uniek binnen de werkvorm (`stemming`, `stellingen-2`)."""
    title: Text
    """Titel van de ronde zoals de agenda ze toont."""
    minutes: Minutes
    """Tijdvak van de ronde in minuten."""
    instructions: Text
    """Wat de begeleider in deze ronde doet en zegt."""
    optional: bool = False
    """Een optionele ronde: de begeleider mag ze overslaan als de tijd krap is."""
    needs: tuple[Slug, ...] = ()
    """Kaarten waar deze ronde over gaat (`wat-is-burgerparticipatie`): mist het deck er één,
    dan valt de ronde weg, met één regel uitleg, in plaats van het deck te weigeren."""


class CaseRound(RoundBase):
    """Casus: de begeleider schetst het lokale probleem; elke belanghebbende stelt zijn rol voor."""

    kind: Literal["casus"]
    """Soort ronde: `casus`."""
    roles: tuple[Slug, ...] = ()
    """Rolkaarten (`rol`) voorgesteld voor de tafel; elk moet in het deck zitten."""
    prefer: tuple[Slug, ...] = ()
    """Rolkaarten voorgesteld voor de tafel als het deck ze heeft; ids die het deck niet heeft,
    vallen weg (een werkvorm voor elk deck gebruikt dit in plaats van `roles`)."""
    draw_roles: bool = False
    """Deelnemers trekken een willekeurige rolkaart en spelen die belanghebbende (training);
    bij een deck zonder rolkaarten kiest de begeleider de rollen."""

    @model_validator(mode="after")
    def _roles_or_prefer(self) -> CaseRound:
        if self.roles and self.prefer:
            raise ValueError(_("geef 'roles' (verplicht in het deck) of 'prefer', niet allebei"))
        return self


class WithoutSurvey(Strict):
    """Hoe een ronde heet en verloopt met een deck zonder bevraging."""

    title: Text | None = None
    """Titel van de ronde zonder bevraging; weglaten houdt de gewone titel."""
    instructions: Text
    """Wat de begeleider doet en zegt als er geen cijfers van een bevraging naast de uitslag
    staan."""


class StatementsRound(RoundBase):
    """Stellingen: iedereen geeft een score van 1 tot 5; de uitslag staat naast die van de
    bevraging, als de kaart er een heeft."""

    kind: Literal["stellingen"]
    """Soort ronde: `stellingen`."""
    statements: tuple[Slug, ...] = ()
    """Stellingkaarten (`stelling`) voor de tafel, in deze volgorde; elk moet in het deck
    zitten."""
    count: int | None = Field(default=None, ge=1, le=20)
    """In plaats van vaste stellingen: hoeveel stellingen van het deck de ronde voorlegt
    (minder als het deck er minder heeft; de ronde valt weg als het er geen heeft)."""
    prefer: tuple[Slug, ...] = ()
    """Samen met `count`: stellingen die eerst komen als het deck ze heeft; de andere
    stellingen van het deck vullen aan tot `count`, in de volgorde van het deck."""
    anonymous: bool = True
    """Anoniem stemmen: niemand ziet of exporteert wie welke score gaf."""
    reveal: Reveal = "on-close"
    """Wanneer de uitslag van de tafel (naast de bevraging, als die er is) verschijnt."""
    no_opinion: bool = False
    """Deelnemers mogen "geen mening" antwoorden: apart geteld, buiten de percentages (zoals
    de tabellen van de bevraging tellen)."""
    without_survey: WithoutSurvey | None = None
    """Titel en instructies voor als geen van de stellingen van de ronde cijfers uit een
    bevraging heeft (een deck zonder bevraging): ze vervangen dan `title` en `instructions`."""

    @model_validator(mode="after")
    def _statements_or_count(self) -> StatementsRound:
        if self.statements and self.count is not None:
            raise ValueError(_("geef 'statements' of 'count', niet allebei"))
        if not self.statements and self.count is None:
            raise ValueError(
                _("geef 'statements' (ids van stellingkaarten) of 'count' (aantal stellingen)")
            )
        if self.prefer and self.count is None:
            raise ValueError(_("'prefer' geldt alleen samen met 'count'"))
        for field in ("statements", "prefer"):
            ids = getattr(self, field)
            if len(set(ids)) != len(ids):
                raise ValueError(
                    _("een stelling staat meer dan eens in '{field}'").format(field=field)
                )
        return self

    @property
    def statement_count(self) -> int:
        """How many statements this round puts to the table."""
        return len(self.statements) if self.statements else self.count or 0


class ConcernsRound(RoundBase):
    """Bezorgdheden: de zorgen van elke belanghebbende, geplaatst onder de bezorgdheidskaarten."""

    kind: Literal["bezorgdheden"]
    """Soort ronde: `bezorgdheden`."""
    per_stakeholder: int = Field(default=1, ge=1, le=10)
    """Hoeveel bezorgdheden elke belanghebbende hoogstens noemt."""
    read_answer: bool = True
    """Lees het antwoord voor op de bezorgdheidskaart waaronder een zorg komt."""


class PauseRound(RoundBase):
    """Pauze: er wordt niet gespeeld, maar de tijd telt mee in de agenda."""

    kind: Literal["pauze"]
    """Soort ronde: `pauze`."""


class ApproachesRound(RoundBase):
    """Aanpakken: om beurten kiest elke belanghebbende aanpakken uit de inspiratiebank."""

    kind: Literal["aanpakken"]
    """Soort ronde: `aanpakken`."""
    per_stakeholder: int = Field(default=2, ge=1, le=10)
    """Hoeveel aanpakken elke belanghebbende hoogstens kiest."""
    forms: tuple[Slug, ...] = ()
    """Participatievormen (`vorm`-kaarten) om uit te kiezen; leeg laat elke vorm toe."""
    balance_warnings: bool = True
    """Toon balanswaarschuwingen terwijl het rooster belanghebbende × vorm vol raakt."""


class DilemmaRound(RoundBase):
    """Dilemma: een dilemma- of risicokaart komt op tafel, met een snelle stemming."""

    kind: Literal["dilemma"]
    """Soort ronde: `dilemma`."""
    cards: tuple[Slug, ...] = ()
    """Dilemmakaarten (`dilemma`) om uit te trekken; leeg trekt uit alle dilemmakaarten van
    het deck (de ronde valt weg als het deck er geen heeft)."""
    draw: int = Field(default=1, ge=1, le=5)
    """Hoeveel kaarten deze ronde trekt."""
    vote: bool = True
    """Houd een snelle keuzestemming over de opties op de kaart."""


class VoteRound(RoundBase):
    """Stemming: een stemronde over de gekozen aanpakken of over de eigen opties van de ronde."""

    kind: Literal["stemming"]
    """Soort ronde: `stemming`."""
    method: VoteMethod = "dots"
    """Manier van stemmen: dots (stippen), ranking (rangschikking), likert (1–5 per optie),
    choice (keuze) of matrix (elke optie op twee schalen van 1 tot 5: impact ×
    haalbaarheid)."""
    over: VoteOver = "approaches"
    """Stem over de aanpakken van de sessie (`approaches`), of over `options`."""
    options: tuple[Text, ...] = ()
    """De opties om over te stemmen bij `over: options`."""
    dots: int = Field(default=3, ge=1, le=20)
    """Stippen per deelnemer (bij `dots`); meer stippen op één optie mag."""
    max_choices: int = Field(default=1, ge=1, le=20)
    """Hoeveel opties een deelnemer hoogstens kiest (bij `choice`)."""
    axes: tuple[Annotated[str, Field(min_length=1, max_length=40)], ...] = ()
    """De namen van de twee schalen van 1 tot 5 (bij `matrix`); leeg: impact en
    haalbaarheid."""
    anonymous: bool = False
    """Niemand ziet of exporteert wie wat stemde; ligt vast zodra de stemronde opent."""
    reveal: Reveal = "on-close"
    """Wanneer de uitslag verschijnt."""

    @model_validator(mode="after")
    def _settings_fit(self) -> VoteRound:
        if self.over == "options" and len(self.options) < 2:
            raise ValueError(_("met 'over: options' zijn minstens twee 'options' nodig"))
        if self.over == "approaches" and self.options:
            raise ValueError(_("'options' geldt alleen bij 'over: options'"))
        given = self.model_fields_set
        for field, method, used in (
            ("dots", "dots", "dots" in given),
            ("max_choices", "choice", "max_choices" in given),
            ("axes", "matrix", bool(self.axes)),
        ):
            if used and self.method != method:
                raise ValueError(
                    _("'{field}' geldt alleen bij 'method: {method}', niet bij '{given}'").format(
                        field=field, method=method, given=self.method
                    )
                )
        if self.axes and len(self.axes) != 2:
            raise ValueError(
                _("een matrix heeft twee assen, niet {count}").format(count=len(self.axes))
            )
        return self


class ActionPlanRound(RoundBase):
    """Actieplan: de best gestemde aanpakken krijgen een trekker, een eerste stap en een datum."""

    kind: Literal["actieplan"]
    """Soort ronde: `actieplan`."""
    top: int = Field(default=3, ge=1, le=20)
    """Hoeveel van de best gestemde aanpakken in het actieplan komen."""
    tips: tuple[Slug, ...] = ()
    """Tipkaarten (`tip`) als checklist; leeg gebruikt alle tipkaarten van het deck."""


class ClosingRound(RoundBase):
    """Afsluiting: terugblikken, het verslag exporteren en delen."""

    kind: Literal["afsluiting"]
    """Soort ronde: `afsluiting`."""
    review: tuple[ReviewTopic, ...] = ()
    """Wat het scherm toont bij het terugblikken: concerns (bezorgdheden), approaches
    (aanpakken), votes (stemmingen), actions (actieplan)."""
    reflection: tuple[Text, ...] = ()
    """Vragen voor een slotreflectie (in de training)."""
    export: tuple[ExportFormat, ...] = ("md",)
    """Formaten van het verslag om op het einde te exporteren."""


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
    """Een kant-en-klare lokale casus om te spelen, bijvoorbeeld in de klas."""

    id: Slug
    """Id van de casus, uniek binnen de werkvorm."""
    title: Text
    """Korte naam van de casus (`Overlast op het stationsplein`)."""
    text: Text
    """De situatie zoals de begeleider ze voorstelt."""
    roles: tuple[Slug, ...] = ()
    """Rolkaarten (`rol`) die bij deze casus passen; elk moet in het deck zitten."""
    prefer: tuple[Slug, ...] = ()
    """Rolkaarten die bij deze casus passen als het deck ze heeft; ids die het deck niet heeft,
    vallen weg, en blijft er geen over, dan komen de rollen uit alle rolkaarten van het deck."""

    @model_validator(mode="after")
    def _roles_or_prefer(self) -> SampleCase:
        if self.roles and self.prefer:
            raise ValueError(_("geef 'roles' (verplicht in het deck) of 'prefer', niet allebei"))
        return self


class Workshop(Strict):
    """Een werkvorm: de rondes van een sessie, op volgorde, elk met een tijdvak."""

    # Load one with `workshops.load_workshop`, which also checks that round ids are unique
    # and that the rounds' minutes add up to `minutes`. (The docstring above is the JSON
    # Schema's description, so it is written for the trainer, in Dutch.)

    id: Slug
    """Id van de werkvorm (`netwerktafel`, `kort`, `training`)."""
    language: Language = "nl"
    """De taal van gewone teksten (zonder vertaling)."""
    languages: tuple[Language, ...] = ()
    """Andere talen waarin elke tekst van de werkvorm vertaald moet zijn, als
    `{nl: …, fr: …}`; `workshop check` meldt elke ontbrekende vertaling."""
    title: Text
    """Titel van de werkvorm."""
    description: Text
    """Wat de werkvorm is en hoe ze verloopt, in enkele zinnen."""
    audience: Text
    """Voor wie: wie aan tafel zit en wie begeleidt."""
    purpose: Text
    """Wat de tafel op het einde bereikt heeft."""
    minutes: Minutes
    """Totale duur in minuten; gelijk aan de som van de minuten van de rondes."""
    cases: tuple[SampleCase, ...] = ()
    """Kant-en-klare casussen om uit te kiezen bij de start (voor training)."""
    rounds: tuple[Round, ...] = Field(min_length=1)
    """De rondes, in de volgorde waarin ze gespeeld worden."""

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
            return Location(Path(workshop_subject(self.id)))
        return self._locate(*path)

    def round_title(self, round_id: str, language: str) -> str | None:
        """The title of the round with this id in `language` (else the werkvorm's own
        language), or None when the werkvorm has no such round."""
        found = self.round(round_id)
        return None if found is None else found.title.in_language(language, self.language)

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
