"""The deck as data: the manifest and every kind of card.

These pydantic models are the deck format. Each model's and field's docstring becomes its
description in the JSON Schema that `netwerktafel deck schema` exports, so editors can
explain a field while a trainer writes a card: those docstrings are in Dutch.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from deck.card_types import CardType
from deck.survey_sums import sums_agree
from deck.text import Language, Text

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
"""A content id: lower-case letters, digits and single hyphens (`pop-up-politiekantoor`)."""

Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]

Phase = Literal["beleidsvorming", "beleidsuitvoering"]
"""Policy phase: shaping policy (beleidsvorming) or carrying it out (beleidsuitvoering)."""


class Strict(BaseModel):
    """Base for every deck model: unknown keys are errors, values are immutable."""

    # Field docstrings describe the JSON Schema; deck.field_docs reads them only when a
    # schema is written (pydantic's use_attribute_docstrings parses the source at import).
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Waar de feiten van een kaart vandaan komen."""

    title: str = Field(min_length=1)
    """Titel van de publicatie, het initiatief of de webpagina."""
    author: str | None = None
    """Auteur(s) of organisatie, zoals geciteerd (`Myhill`, `Bervoets, Van Ham & Ferwerda`)."""
    year: int | None = Field(default=None, ge=1900, le=2100)
    """Jaar van publicatie."""
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """Webadres; op de kaart gedrukt als QR-code."""


class CardBase(Strict):
    """Fields every card has."""

    id: Slug
    """Unieke id van de kaart in het deck (kleine letters, cijfers en koppeltekens)."""
    title: Text
    """Titel op de kaart."""
    text: Text
    """Hoofdtekst van de kaart."""
    sources: tuple[Source, ...] = ()
    """Bronnen van de inhoud van de kaart."""


class ConceptCard(CardBase):
    """Een begrip van de stap "Wat?": wat burgerparticipatie is, en wat niet."""

    type: Literal["begrip"]
    """Kaarttype: `begrip`."""
    points: tuple[Text, ...] = ()
    """De kernpunten van het begrip, als lijst onder de tekst gedrukt."""


class SubForm(Strict):
    """Een subvorm van een participatievorm (informeren, inspraak, signaleren, …)."""

    id: Slug
    """Id van de subvorm, waarnaar voorbeeldkaarten verwijzen."""
    title: Text
    """Naam van de subvorm."""
    text: Text
    """Wat burgers doen in deze subvorm."""


class FormCard(CardBase):
    """Een participatievorm, bv. transparantie, meepraten of meedoen."""

    type: Literal["vorm"]
    """Kaarttype: `vorm`."""
    phase: Phase | None = None
    """De beleidsfase van deze vorm; weglaten als ze bij beide past."""
    subforms: tuple[SubForm, ...] = Field(min_length=1)
    """De subvormen van deze vorm."""
    conditions: tuple[Text, ...] = ()
    """Voorwaarden voor succes van deze vorm."""


class ExampleCard(CardBase):
    """Een voorbeeld uit de inspiratiebank: een concreet initiatief om over te nemen."""

    type: Literal["voorbeeld"]
    """Kaarttype: `voorbeeld`."""
    form: Slug
    """Id van de participatievorm (een `vorm`-kaart)."""
    subform: Slug
    """Id van een subvorm van die vorm."""
    phase: Phase
    """De beleidsfase waarin het initiatief werkt."""
    goal: Text
    """Waar het initiatief naar streeft (doelstelling)."""
    themes: tuple[Slug, ...] = Field(min_length=1)
    """Thema's waarover het gaat; ids uit `themes` in het manifest."""
    method: Text
    """Hoe het werkt (methode)."""
    audiences: tuple[Slug, ...] = Field(min_length=1)
    """Wie het bereikt (doelgroep); ids uit `audiences` in het manifest."""
    answers: tuple[Slug, ...] = ()
    """Ids van de bezorgdheden (`bezorgdheid`-kaarten) waarop deze aanpak een antwoord is."""


class ConcernCard(CardBase):
    """Een terugkerende bezorgdheid over burgers betrekken, met haar antwoord."""

    type: Literal["bezorgdheid"]
    """Kaarttype: `bezorgdheid`."""
    worry: Text
    """De kern van de bezorgdheid, in eigen woorden (gewone tekst, nooit als citaat)."""
    quotes: tuple[Text, ...] = ()
    """Wat geïnterviewden zeiden, als parafrase in eigen woorden: getoond als parafrase, nooit
    tussen aanhalingstekens of cursief, want het is niet letterlijk."""
    answer: Text
    """Het antwoord op deze bezorgdheid."""


class TipCard(CardBase):
    """Een overkoepelende tip voor elk participatieproject."""

    type: Literal["tip"]
    """Kaarttype: `tip`."""
    checks: tuple[Text, ...] = ()
    """Vragen om af te vinken als de tip als checklist dient."""


Percent = Annotated[int, Field(ge=0, le=100)]


class Benchmark(Strict):
    """De verdeling van een bevraging over een vijfpuntenschaal, zoals in de brontabel."""

    table: str = Field(min_length=1)
    """De tabel van de bron waar ze uit komt (`Tabel 4`)."""
    n: int = Field(gt=0)
    """Aantal respondenten dat antwoordde (N)."""
    percentages: tuple[Percent, Percent, Percent, Percent, Percent]
    """Procent van de respondenten per antwoord, van het laagste (1) tot het hoogste (5)."""
    low: Percent
    """De gedrukte som van de twee laagste antwoorden in de tabel (som oneens / som niet)."""
    high: Percent
    """De gedrukte som van de twee hoogste antwoorden in de tabel (som eens / som wel)."""
    language: Language | None = None
    """De taal waarin de bevraging dit item stelde (standaard: de taal van het deck). In een
    andere taal getoond, zegt de kaart dat het een vertaling van de vragenlijst is."""

    _sums_agree = model_validator(mode="after")(sums_agree)
    """The printed sums agree with the percentages (`deck.survey_sums`)."""


class StatementCard(CardBase):
    """Een stelling met een score van 1 tot 5; uit een bevraging houdt `text` haar woorden."""

    type: Literal["stelling"]
    """Kaarttype: `stelling`."""
    scale: tuple[Text, Text, Text, Text, Text]
    """Labels van de vijf antwoorden, van 1 tot 5."""
    benchmark: Benchmark | None = None
    """Hoe de bevraagden antwoordden; laat weg voor een stelling zonder bevraging, dan staan
    de antwoorden van de tafel alleen."""


class WillingnessCard(CardBase):
    """Een soort taak waarvoor inwoners bevraagd werden, met de antwoorden uit de bevraging."""

    type: Literal["bereidheid"]
    """Kaarttype: `bereidheid`."""
    definition: Text
    """De omschrijving van de taak zoals in de bevraging."""
    scale: tuple[Text, Text, Text, Text, Text]
    """Labels van de vijf antwoorden, van 1 (zeker niet) tot 5 (zeker wel)."""
    benchmark: Benchmark
    """Hoe de bevraagden antwoordden."""


class RoleCard(CardBase):
    """Het perspectief van een belanghebbende aan tafel."""

    type: Literal["rol"]
    """Kaarttype: `rol`."""
    group: Slug
    """Aan welke kant van de tafel de rol zit: een id uit `groups` in het manifest."""
    stake: Text
    """Wat staat er voor mij op het spel?"""
    fear: Text
    """Waar ben ik bang voor als burgers meedoen?"""
    brings: Text
    """Wat kan ik inbrengen?"""
    interviewed: int | None = Field(default=None, ge=0)
    """Hoeveel mensen in deze functie geïnterviewd werden (Tabel 1 van het onderzoek)."""
    audiences: tuple[Slug, ...] = ()
    """Doelgroepen (ids) waarvoor deze rol spreekt, voor de balanswaarschuwingen."""


class DilemmaCard(CardBase):
    """Een dilemma of risico voor een gemeente bij initiatieven van burgers."""

    type: Literal["dilemma"]
    """Kaarttype: `dilemma`."""
    kind: Literal["dilemma", "risico"]
    """Een dilemma (twee verdedigbare keuzes) of een risico om op te letten."""
    question: Text
    """De vraag die de tafel bespreekt."""
    options: tuple[Text, ...] = Field(default=(), max_length=6)
    """Keuzes voor een snelle stemming; leeg voor een risico zonder stemming."""


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
    """Hoe een kaarttype eruitziet op het scherm en op papier."""

    label: Text
    """Naam van het kaarttype zoals op de kaart gedrukt."""
    colour: Colour
    """Kleur van de band van het kaarttype, als `#rrggbb`."""
    icon: str | None = Field(default=None, max_length=2)
    """Eén teken naast het label."""
    subtitle: Text | None = None
    """Ondertitel onder de titel van kaarten van dit type, voor de types met een vaste
    ondertitel (begrip, bezorgdheid, tip). Weglaten geeft een neutrale ondertitel die bij
    elk deck past."""


class Manifest(Strict):
    """Het manifest `deck.yaml`: wat het deck is en in welke bestanden de kaarten staan."""

    id: Slug
    """Id van het deck."""
    title: Text
    """Titel van het deck, op de achterkant van elke kaart gedrukt."""
    language: Language = "nl"
    """De taal van gewone teksten (zonder vertaling)."""
    languages: tuple[Language, ...] = ()
    """Andere talen waarin elke tekst vertaald moet zijn."""
    author: str | None = None
    """Wie het deck maakte."""
    version: str | None = None
    """Versie van de inhoud van het deck."""
    types: dict[CardType, CardTypeStyle]
    """Label en kleur van elk kaarttype dat het deck gebruikt."""
    themes: dict[Slug, Text] = {}
    """Thema's die voorbeeldkaarten mogen noemen: id → label."""
    audiences: dict[Slug, Text] = {}
    """Doelgroepen die voorbeeld- en rolkaarten mogen noemen: id → label."""
    groups: dict[Slug, Text] = {}
    """Rolgroepen, de kanten van de tafel waar rolkaarten zitten: id → label. Zonder deze
    sleutel gelden de vijf van een lokale veiligheidstafel (stad-gemeente, politiezone,
    hulpverleningszone, middenveld, bewoners)."""
    files: tuple[str, ...] = Field(min_length=1)
    """Kaartbestanden, relatief ten opzichte van het manifest."""
