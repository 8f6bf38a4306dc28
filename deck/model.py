"""The deck as data: the manifest and every kind of card.

These pydantic models are the deck format. Each field's docstring becomes its description
in the JSON Schema that `netwerktafel deck schema` exports, so editors can explain a field
while a trainer writes a card.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from catalogue import N_, translation
from deck.problems import Location
from deck.text import Language, Text

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
"""A content id: lower-case letters, digits and single hyphens (`pop-up-politiekantoor`)."""

Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]

CardType = Literal[
    "begrip", "vorm", "voorbeeld", "bezorgdheid", "tip", "stelling", "bereidheid", "rol", "dilemma"
]
CARD_TYPES: tuple[CardType, ...] = (
    "begrip",
    "vorm",
    "voorbeeld",
    "bezorgdheid",
    "tip",
    "stelling",
    "bereidheid",
    "rol",
    "dilemma",
)

Phase = Literal["beleidsvorming", "beleidsuitvoering"]
"""Policy phase: shaping policy (beleidsvorming) or carrying it out (beleidsuitvoering)."""


class Strict(BaseModel):
    """Base for every deck model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Source(Strict):
    """Where a card's facts come from."""

    title: str = Field(min_length=1)
    """Title of the publication, initiative or web page."""
    author: str | None = None
    """Author(s) or organisation, as cited (`Myhill`, `Bervoets, Van Ham & Ferwerda`)."""
    year: int | None = Field(default=None, ge=1900, le=2100)
    """Year of publication."""
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """Web address; printed as a QR code on the card."""


class CardBase(Strict):
    """Fields every card has."""

    id: Slug
    """Unique id of the card in the deck (a Dutch slug)."""
    title: Text
    """Title on the card."""
    text: Text
    """Body text of the card."""
    sources: tuple[Source, ...] = ()
    """Where the card's content comes from."""


class ConceptCard(CardBase):
    """A concept of the "Wat?" step: what citizen participation in local safety is, and is not."""

    type: Literal["begrip"]
    points: tuple[Text, ...] = ()
    """The concept's key points, printed as a list under the text."""


class SubForm(Strict):
    """A sub-form of a participation form (informeren, inspraak, signaleren, …)."""

    id: Slug
    """Id of the sub-form, referenced by example cards."""
    title: Text
    """Name of the sub-form."""
    text: Text
    """What citizens do in this sub-form."""


class FormCard(CardBase):
    """A participation form: transparantie, meepraten or meedoen."""

    type: Literal["vorm"]
    phase: Phase | None = None
    """The policy phase this form belongs to; none when it serves both."""
    subforms: tuple[SubForm, ...] = Field(min_length=1)
    """The form's sub-forms."""
    conditions: tuple[Text, ...] = ()
    """Conditions for success of this form."""


class ExampleCard(CardBase):
    """An example from the inspiratiebank: a concrete initiative a municipality can copy."""

    type: Literal["voorbeeld"]
    form: Slug
    """Id of the participation form (a `vorm` card)."""
    subform: Slug
    """Id of a sub-form of that form."""
    phase: Phase
    """The policy phase the initiative works in."""
    goal: Text
    """What the initiative aims at (doelstelling)."""
    themes: tuple[Slug, ...] = Field(min_length=1)
    """Safety themes it addresses; ids declared under `themes` in the manifest."""
    method: Text
    """How it works (methode)."""
    audiences: tuple[Slug, ...] = Field(min_length=1)
    """Who it reaches (doelgroep); ids declared under `audiences` in the manifest."""
    answers: tuple[Slug, ...] = ()
    """Ids of the concerns (`bezorgdheid` cards) this approach helps to answer."""


class ConcernCard(CardBase):
    """One of the recurring worries of safety actors, with its answer."""

    type: Literal["bezorgdheid"]
    worry: Text
    """The gist of the worry, in our own words (shown as plain text, never as a quotation)."""
    quotes: tuple[Text, ...] = ()
    """What interviewees said, as paraphrases in our own words: shown marked as paraphrases,
    never in quotation marks or italics, because they are not verbatim."""
    answer: Text
    """The answer the research gives to this worry."""


class TipCard(CardBase):
    """An overarching tip for any participation project."""

    type: Literal["tip"]
    checks: tuple[Text, ...] = ()
    """Questions to tick off when the tip serves as a checklist."""


Percent = Annotated[int, Field(ge=0, le=100)]


class Benchmark(Strict):
    """A survey distribution over a five-point scale, as printed in the source table."""

    table: str = Field(min_length=1)
    """The table of the source it comes from (`Tabel 4`)."""
    n: int = Field(gt=0)
    """Number of respondents who answered."""
    percentages: tuple[Percent, Percent, Percent, Percent, Percent]
    """Share of respondents per answer, from the lowest answer (1) to the highest (5)."""
    low: Percent
    """The table's printed sum of the two lowest answers (som oneens / som niet)."""
    high: Percent
    """The table's printed sum of the two highest answers (som eens / som wel)."""
    language: Language | None = None
    """The language the survey asked this item in (default: the deck's language). Shown in
    another language, the card says its wording is a translation of the questionnaire."""

    @model_validator(mode="after")
    def _sums_agree(self) -> Benchmark:
        # Printed tables round each cell, so sums may be off by a point or two, never more.
        total = sum(self.percentages)
        if not 97 <= total <= 103:
            raise ValueError(f"de vijf percentages tellen op tot {total}%, niet tot ongeveer 100%")
        for label, printed, parts in (
            ("low", self.low, self.percentages[0] + self.percentages[1]),
            ("high", self.high, self.percentages[3] + self.percentages[4]),
        ):
            if abs(printed - parts) > 2:
                raise ValueError(
                    f"'{label}' is {printed}%, maar de twee percentages samen zijn {parts}%"
                )
        return self


class StatementCard(CardBase):
    """A Likert statement; from a survey, `text` keeps the survey's exact wording."""

    type: Literal["stelling"]
    scale: tuple[Text, Text, Text, Text, Text]
    """Labels of the five answers, from 1 to 5."""
    benchmark: Benchmark | None = None
    """How the survey's residents answered; leave it out for a statement without a survey,
    and the table's answers are shown alone."""


class WillingnessCard(CardBase):
    """A task type residents were asked to take part in, with the survey's answers."""

    type: Literal["bereidheid"]
    definition: Text
    """The survey's description of the task type, in its own words."""
    scale: tuple[Text, Text, Text, Text, Text]
    """Labels of the five answers, from 1 (zeker niet) to 5 (zeker wel)."""
    benchmark: Benchmark
    """How the survey's residents answered."""


STANDARD_ROLE_GROUPS: dict[str, str] = {
    "stad-gemeente": N_("Stad of gemeente"),
    "politiezone": N_("Politiezone"),
    "hulpverleningszone": N_("Hulpverleningszone"),
    "middenveld": N_("Middenveld"),
    "bewoners": N_("Bewoners"),
}
"""The sides of a local safety table, for a deck whose manifest declares no `groups`."""


class RoleCard(CardBase):
    """A stakeholder's perspective at the table."""

    type: Literal["rol"]
    group: Slug
    """Which side of the table the role sits on: an id declared under `groups` in the
    manifest."""
    stake: Text
    """What is my stake in the case?"""
    fear: Text
    """What do I fear when citizens get involved?"""
    brings: Text
    """What can I bring to the table?"""
    interviewed: int | None = Field(default=None, ge=0)
    """How many people in this function were interviewed (Table 1 of the research)."""
    audiences: tuple[Slug, ...] = ()
    """Audience ids this role speaks for, used by the balance warnings."""


class DilemmaCard(CardBase):
    """A dilemma or risk a municipality faces with citizens' initiatives."""

    type: Literal["dilemma"]
    kind: Literal["dilemma", "risico"]
    """A dilemma (two defensible choices) or a risk to watch for."""
    question: Text
    """The question the table discusses."""
    options: tuple[Text, ...] = Field(default=(), max_length=6)
    """Choices for a quick vote; empty for a risk without a vote."""


Card = Annotated[
    ConceptCard
    | FormCard
    | ExampleCard
    | ConcernCard
    | TipCard
    | StatementCard
    | WillingnessCard
    | RoleCard
    | DilemmaCard,
    Field(discriminator="type"),
]
"""Any card; its `type` decides which fields it has."""

CARD_MODELS: dict[str, type[CardBase]] = {
    "begrip": ConceptCard,
    "vorm": FormCard,
    "voorbeeld": ExampleCard,
    "bezorgdheid": ConcernCard,
    "tip": TipCard,
    "stelling": StatementCard,
    "bereidheid": WillingnessCard,
    "rol": RoleCard,
    "dilemma": DilemmaCard,
}


class CardTypeStyle(Strict):
    """How a card type looks in the TUI and on paper."""

    label: Text
    """Name of the card type as printed on the card."""
    colour: Colour
    """Colour of the card type's band, as `#rrggbb`."""
    icon: str | None = Field(default=None, max_length=2)
    """One character shown beside the label."""


class Manifest(Strict):
    """The deck's manifest, `deck.yaml`: what the deck is and which files hold its cards."""

    id: Slug
    """Id of the deck."""
    title: Text
    """Title of the deck, printed on every card back."""
    language: Language = "nl"
    """The language plain-string texts are written in."""
    languages: tuple[Language, ...] = ()
    """Further languages every text must be translated into."""
    author: str | None = None
    """Who made the deck."""
    version: str | None = None
    """Version of the deck's content."""
    types: dict[CardType, CardTypeStyle]
    """Label and colour of every card type the deck uses."""
    themes: dict[Slug, Text] = {}
    """Safety themes example cards may name: id → label."""
    audiences: dict[Slug, Text] = {}
    """Audiences example and role cards may name: id → label."""
    groups: dict[Slug, Text] = {}
    """Role groups, the sides of the table role cards sit on: id → label. Without it, the
    five of a local safety table (stad-gemeente, politiezone, hulpverleningszone,
    middenveld, bewoners)."""
    files: tuple[str, ...] = Field(min_length=1)
    """Card files, relative to the manifest."""

    def role_groups(self) -> dict[str, Text]:
        """The role groups role cards may name, id → label: declared, or the standard five."""
        if self.groups:
            return dict(self.groups)
        # The labels come with their French from the catalogue, like any deck text would.
        french = translation("fr")
        return {
            key: Text({"nl": label, "fr": french.gettext(label)})
            for key, label in STANDARD_ROLE_GROUPS.items()
        }


C = TypeVar("C", bound=CardBase)


class Deck:
    """A loaded, validated deck: the manifest and its cards in file order.

    Build one with `deck.load_deck`; every cross-reference in it has been checked.
    """

    def __init__(
        self,
        manifest: Manifest,
        cards: tuple[CardBase, ...],
        locate: Callable[..., Location] | None = None,
    ) -> None:
        self.manifest = manifest
        self.cards = cards
        self._by_id = {card.id: card for card in cards}
        self._locate = locate

    def where(self, card_id: str, *path: str | int) -> Location:
        """Where a card (or a field inside it, `deck.where("x", "text")`) stands in its file.

        Lets checks made after loading (does the text fit on a printed card?) report
        `FILE:LINE:COL` like the loader does.
        """
        if self._locate is None:
            return Location(Path(self.manifest.id))
        return self._locate(card_id, *path)

    def __len__(self) -> int:
        return len(self.cards)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._by_id

    def get(self, card_id: str) -> CardBase | None:
        """The card with this id, or None."""
        return self._by_id.get(card_id)

    def of_type(self, model: type[C]) -> tuple[C, ...]:
        """Every card of one model (`deck.of_type(ExampleCard)`), in deck order."""
        return tuple(card for card in self.cards if isinstance(card, model))

    def counts(self) -> dict[str, int]:
        """Number of cards per card type, in the canonical type order."""
        counts = dict.fromkeys(CARD_TYPES, 0)
        for card in self.cards:
            counts[card_type(card)] += 1
        return {kind: n for kind, n in counts.items() if n}

    def subform(self, subform_id: str) -> tuple[FormCard, SubForm] | None:
        """The form card and sub-form with this sub-form id, or None."""
        for form in self.of_type(FormCard):
            for sub in form.subforms:
                if sub.id == subform_id:
                    return form, sub
        return None


def card_type(card: CardBase) -> CardType:
    """The `type` tag of a card."""
    return card.type  # type: ignore[attr-defined]
