"""What a card says: its texts, per card type, in one language, as plain strings.

The printed card (print/) and the terminal card panel (game.card_panels) are both drawn from
this one content, so the table and the screen never tell a card differently. It lives with
the deck because it needs nothing but the deck: no reportlab, no rich, no textual.

A card face is a title, a form line (the kicker), a body of pieces and a foot with the
sources. Each piece remembers the field it came from, so a text that does not fit or a
character the font lacks can be reported at its line in the YAML.

The printed card is a card for the table, not the full record: a concern card shows the
worry and its answer but leaves the interview quotes to the facilitator's screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from catalogue import translator
from deck import Deck
from deck.card_types import card_type
from deck.phases import PHASES
from deck.role_groups import role_groups
from deck.survey import SURVEY_WORDS, survey_n, survey_sample, table_name, translation_note
from deck.text import Text

if TYPE_CHECKING:
    from deck.model import (
        Benchmark,
        CardBase,
        ConceptCard,
        ConcernCard,
        DilemmaCard,
        ExampleCard,
        FormCard,
        RoleCard,
        Source,
        StatementCard,
        TipCard,
        WillingnessCard,
    )

FieldPath = tuple[str | int, ...]

PieceKind = Literal["text", "statement", "field", "heading", "bullet", "check", "option", "quote"]


@dataclass(frozen=True)
class Piece:
    """One paragraph of a card's body."""

    kind: PieceKind
    text: str
    path: FieldPath
    label: str | None = None
    """Bold lead-in of a field (`Doel`), a heading's text, or an option's number."""


@dataclass(frozen=True)
class Survey:
    """A survey distribution to draw as a bar."""

    benchmark: Benchmark
    scale: tuple[str, str, str, str, str]
    low_word: str
    high_word: str
    caption: str
    """What the bar shows: `Zo antwoordden zij (N = 1.201):`."""
    unit: str
    """The unit of the numbers in the bar: `(in %)`."""


@dataclass(frozen=True)
class CardContent:
    """Every text printed on one card's face."""

    card_id: str
    type: str
    type_label: str
    colour: str
    icon: str | None
    form: str | None
    """Id of the participation form whose mark the card carries, if any."""
    form_letter: str | None
    """What that mark shows for a form without a pictogram of its own: the type's icon from
    the manifest, else the first letter of the form's title in the card's language."""
    title: str
    kicker: str
    kicker_path: FieldPath
    body: tuple[Piece, ...]
    survey: Survey | None
    foot: str
    url: str | None
    """Web address for the QR code: the first source that has one."""


def paragraphs(text: str) -> list[str]:
    """A YAML text split into paragraphs: folded blocks mark a paragraph with a line break."""
    return [part.strip() for part in text.split("\n") if part.strip()]


def cite(source: Source) -> str:
    """A source as one line: title, then author and year."""
    who = ", ".join(str(part) for part in (source.author, source.year) if part)
    return f"{source.title} ({who})" if who else source.title


def content_of(deck: Deck, card: CardBase, language: str | None = None) -> CardContent:
    """What `card` prints, in `language` (default: the deck's own language).

    The deck's texts and our own labels are both in `language`; a text the deck lacks in it
    falls back to the deck's own language.
    """
    lang = language or deck.manifest.language
    _ = translator(lang)

    def t(text: Text) -> str:
        return text.in_language(lang, deck.manifest.language)

    kind = card_type(card)
    style = deck.manifest.types.get(kind)
    body: list[Piece] = []

    def add(piece_kind: PieceKind, text: Text, *path: str | int, label: str | None = None) -> None:
        for paragraph in paragraphs(t(text)):
            body.append(Piece(piece_kind, paragraph, tuple(path), label))

    def field(label: str, value: str, *path: str | int) -> None:
        body.append(Piece("field", value, tuple(path), label))

    def subtitle(neutral: str) -> str:
        # The deck's own subtitle for the type, else wording that fits any deck's field.
        return t(style.subtitle) if style is not None and style.subtitle else neutral

    form: str | None = None
    kicker: str = ""
    kicker_path: FieldPath = ("text",)
    survey: Survey | None = None

    # Told apart by type, not by model class: a deck checked by the compiled schema holds
    # records (deck.record), with the same fields.
    if kind == "voorbeeld":
        card = cast("ExampleCard", card)
        form = card.form
        form_card = deck.get(card.form)
        found = deck.subform(card.subform)
        parts = [
            t(form_card.title) if form_card else card.form,
            t(found[1].title) if found else card.subform,
            _(PHASES[card.phase]) if card.phase in PHASES else card.phase,
        ]
        kicker, kicker_path = " · ".join(parts), ("subform",)
        add("text", card.text, "text")
        field(_("Doel"), t(card.goal), "goal")
        field(_("Methode"), t(card.method), "method")
        themes = ", ".join(_label(deck.manifest.themes, theme, t) for theme in card.themes)
        field(_("Thema"), themes, "themes")
        audiences = ", ".join(_label(deck.manifest.audiences, a, t) for a in card.audiences)
        field(_("Doelgroep"), audiences, "audiences")
        if card.answers:
            answers = ", ".join(_title(deck, concern, t) for concern in card.answers)
            field(_("Antwoord op"), answers, "answers")
    elif kind == "begrip":
        card = cast("ConceptCard", card)
        kicker, kicker_path = subtitle(_("Wat het is, en wat niet")), ("text",)
        add("text", card.text, "text")
        for number, point in enumerate(card.points):
            add("bullet", point, "points", number)
    elif kind == "vorm":
        card = cast("FormCard", card)
        form = card.id
        subforms = " · ".join(t(sub.title) for sub in card.subforms)
        phase = _(PHASES[card.phase]) if card.phase in PHASES else _("Beide beleidsfasen")
        kicker, kicker_path = f"{subforms} — {phase}", ("subforms",)
        add("text", card.text, "text")
        for number, sub in enumerate(card.subforms):
            field(t(sub.title), t(sub.text), "subforms", number, "text")
        if card.conditions:
            body.append(Piece("heading", _("Voorwaarden"), ("conditions",)))
            for number, condition in enumerate(card.conditions):
                add("bullet", condition, "conditions", number)
    elif kind == "bezorgdheid":
        card = cast("ConcernCard", card)
        kicker, kicker_path = subtitle(_("Bezorgdheid en antwoord")), ("worry",)
        # The worry is our summary, not a quotation: printed as a field, not in quote marks.
        field(_("Bezorgdheid"), t(card.worry), "worry")
        add("text", card.text, "text")
        field(_("Antwoord"), t(card.answer), "answer")
    elif kind == "tip":
        card = cast("TipCard", card)
        kicker, kicker_path = subtitle(_("Tip voor elk participatieproject")), ("text",)
        add("text", card.text, "text")
        for number, check in enumerate(card.checks):
            add("check", check, "checks", number)
    elif kind in SURVEY_WORDS:
        card = cast("StatementCard | WillingnessCard", card)
        b = card.benchmark
        scale = tuple(t(label) for label in card.scale)
        if kind == "stelling":
            card = cast("StatementCard", card)
            # Quotation marks are the language's own: “…” in Dutch, « … » in French.
            quoted = _("“{statement}”").format(statement=" ".join(paragraphs(t(card.text))))
            body.append(Piece("statement", quoted, ("text",)))
            asked_wording = card.text
        else:
            card = cast("WillingnessCard", card)
            add("text", card.text, "text")
            field(_("In de bevraging"), t(card.definition), "definition")
            asked_wording = card.definition
        if b is None:
            # A statement of a deck without a survey: the table's own answers, nothing more.
            kicker, kicker_path = _("Stelling voor de tafel · score van 1 tot 5"), ("scale",)
            field(_("Schaal"), f"1 = {scale[0]} · 5 = {scale[4]}", "scale")
        else:
            kicker = _("Bevraging · {table} · {n}").format(
                table=table_name(b.table, lang), n=survey_n(b.n, lang)
            )
            kicker_path = ("benchmark",)
            asked_in = b.language or deck.manifest.language
            if t(asked_wording) != asked_wording.in_language(asked_in):
                field(*translation_note(asked_in, lang), "benchmark")
            field(_("Wie antwoordde"), survey_sample(lang), "benchmark")
            low, high = SURVEY_WORDS[kind]
            survey = Survey(
                b,
                (scale[0], scale[1], scale[2], scale[3], scale[4]),
                _(low),
                _(high),
                caption=_("Zo antwoordden zij ({n}):").format(n=survey_n(b.n, lang)),
                unit=_("(in %)"),
            )
    elif kind == "rol":
        card = cast("RoleCard", card)
        kicker = _label(role_groups(deck.manifest), card.group, t)
        if card.interviewed:
            kicker += " · " + _("{count} geïnterviewd").format(count=card.interviewed)
        kicker_path = ("group",)
        add("text", card.text, "text")
        field(_("Mijn belang"), t(card.stake), "stake")
        field(_("Mijn vrees"), t(card.fear), "fear")
        field(_("Wat ik meebreng"), t(card.brings), "brings")
    elif kind == "dilemma":
        card = cast("DilemmaCard", card)
        if card.kind == "risico":
            kicker = _("Risico om op te letten")
        elif card.options:
            kicker = _("Dilemma · {count} keuzes om over te stemmen").format(
                count=len(card.options)
            )
        else:
            kicker = _("Dilemma: twee verdedigbare keuzes")
        kicker_path = ("kind",)
        add("text", card.text, "text")
        add("heading", card.question, "question")
        for number, option in enumerate(card.options):
            add("option", option, "options", number, label=f"{number + 1}.")
    else:
        add("text", card.text, "text")

    url = next((source.url for source in card.sources if source.url), None)
    foot = ""
    if card.sources:
        cited = "; ".join(cite(source) for source in card.sources)
        lead = _("Bron: {sources}") if len(card.sources) == 1 else _("Bronnen: {sources}")
        foot = lead.format(sources=cited)
    form_letter = None
    if form is not None:
        form_card = deck.get(form)
        title = t(form_card.title) if form_card is not None else form
        form_letter = style.icon if style is not None and style.icon else title[:1].upper()
    return CardContent(
        card_id=card.id,
        type=kind,
        type_label=t(style.label) if style else kind,
        colour=style.colour if style else "#555555",
        icon=style.icon if style else None,
        form=form,
        form_letter=form_letter,
        title=t(card.title),
        kicker=kicker,
        kicker_path=kicker_path,
        body=tuple(body),
        survey=survey,
        foot=foot,
        url=url,
    )


def _label(labels: dict[str, Text], key: str, t: Callable[[Text], str]) -> str:
    value = labels.get(key)
    return key if value is None else t(value)


def _title(deck: Deck, card_id: str, t: Callable[[Text], str]) -> str:
    card = deck.get(card_id)
    return card_id if card is None else t(card.title)
