"""How survey figures are introduced, wherever they appear: one wording for every view.

The benchmark figures on statement and willingness cards come from a survey that was not a
random sample: 1,219 residents of ten Flemish municipalities filled it in, recruited door to
door, in shopping streets and in Facebook groups. The research summary says its results can
"onder geen beding" be generalised to all residents. So no view may say "de inwoners" as if
the survey spoke for everyone: each says whose answers they are and how many answered the
item (each item has its own N, between 1,042 and 1,201).

Cards (print), the TUI, the session report (PDF and Markdown), the room's phone and beamer
pages and the workshop texts all take their wording from here. Pure text on the message
catalogue alone, so any view may import it.
"""

from __future__ import annotations

from catalogue import N_, translator

SAMPLE_SIZE = 1219
"""How many residents filled in the survey (the summary's "1,219 burgers")."""

SAMPLE = N_(
    "1.219 inwoners van tien Vlaamse gemeenten die de bevraging invulden; niet representatief"
)
"""Who answered the survey, in one line: the wording every view shows with survey figures."""

SURVEY_WORDS = {"stelling": (N_("oneens"), N_("eens")), "bereidheid": (N_("niet"), N_("wel"))}
"""How the survey tables name the sum of the two lowest and the two highest answers."""

RESPONDENTS = N_("bevraagde inwoners")
"""What to call the survey's respondents in a sentence ("54% van de bevraagde inwoners")."""


TRANSLATION = N_("Vertaling")
"""The label of the line that says a survey item is shown in translation."""

QUESTIONNAIRES = {
    "nl": N_("uit de Nederlandstalige vragenlijst"),
    "fr": N_("uit de Franstalige vragenlijst"),
    "en": N_("uit de Engelstalige vragenlijst"),
}
"""Where a translated survey item comes from, per language the survey asked it in."""

_SEPARATORS = {"fr": "\u00a0"}
"""Thousands separators other than Dutch's dot: French writes 1 219 (a no-break space)."""

_PERCENT_SIGNS = {"fr": "\u00a0%"}
"""The percent sign after a figure where it differs from Dutch: French puts a no-break
space before it, narrow column or not."""


def translation_note(asked_in: str, shown_in: str) -> tuple[str, str]:
    """The label and text saying an item asked in `asked_in` is shown in `shown_in`.

    `("Traduction", "du questionnaire néerlandophone")` for a Dutch item on a French card. The
    respondents answered the original wording, not the translation, so every view that shows
    an item in another language says so.
    """
    say = translator(shown_in)
    return say(TRANSLATION), say(QUESTIONNAIRES[asked_in])


def thousands(value: int, language: str | None = None) -> str:
    """A whole number with the thousands separator of `language`: 1.219 (nl), 1 219 (fr).

    `language` None is the process's language, as for every function here.
    """
    if language is None:
        from catalogue import current_language

        language = current_language()
    return f"{value:,}".replace(",", _SEPARATORS.get(language, "."))


def percent(figure: int | str, language: str | None = None, *, narrow: bool = False) -> str:
    """A figure (a number already written the reader's way) as a percentage: `19,4 %`.

    Dutch drops the space where room is `narrow` (a terminal's bars, a card's one line:
    `6%`); French always keeps it, a no-break space (`6 %`). `language` None is the
    process's language.
    """
    if language is None:
        from catalogue import current_language

        language = current_language()
    return f"{figure}{_PERCENT_SIGNS.get(language, '%' if narrow else ' %')}"


def respondents(language: str | None = None) -> str:
    """The survey's respondents in a sentence: `bevraagde inwoners`."""
    return translator(language)(RESPONDENTS)


def survey_sample(language: str | None = None) -> str:
    """Who answered the survey: `1.219 inwoners van tien … invulden; niet representatief`."""
    return translator(language)(SAMPLE)


def survey_n(n: int | None, language: str | None = None) -> str:
    """One item's number of answers, `N = 1.201`, or an empty text when it is unknown."""
    return f"N = {thousands(n, language)}" if n else ""


def survey_label(n: int | None, language: str | None = None) -> str:
    """A short name for the survey's figures beside the table's, for a legend or a column.

    `bevraging, N = 1.201`; the full `survey_note` must be shown nearby.
    """
    _ = translator(language)
    if not n:
        return _("bevraging")
    return _("bevraging, {n}").format(n=survey_n(n, language))


def table_name(table: str, language: str | None = None) -> str:
    """A benchmark's source table (`Tabel 4`, as the deck writes it) in `language`."""
    number = table.removeprefix("Tabel ").strip()
    if number.isdigit() and table.startswith("Tabel "):
        _ = translator(language)
        return _("Tabel {number}").format(number=number)
    return table


def survey_note(n: int | None, table: str | None = None, language: str | None = None) -> str:
    """The full introduction of one item's survey figures: its N, its table, and the sample.

    `Bevraging (Tabel 4), N = 1.201: antwoorden van 1.219 inwoners van tien Vlaamse gemeenten
    die de bevraging invulden; niet representatief.`
    """
    _ = translator(language)
    where = f" ({table_name(table, language)})" if table else ""
    count = f", {survey_n(n, language)}" if n else ""
    return _("Bevraging{where}{count}: antwoorden van {sample}.").format(
        where=where, count=count, sample=survey_sample(language)
    )
