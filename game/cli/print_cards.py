"""`netwerktafel print cards`: the one function both the Typer command and the fast start run."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from catalogue import _, current_language, ngettext
from deck.card_types import CARD_TYPES, card_type
from deck.problems import InputError, Location, Problem, did_you_mean, one_of
from game.cli.deck_opening import open_deck
from game.cli.exit_collection import skip_collection_at_exit
from game.cli.output_file import checked_output_file

if TYPE_CHECKING:
    from deck import Deck
    from deck.model import CardBase
    from print.imposition import PrintLayout
    from print.sheets import Progress, SheetSummary

T = TypeVar("T")

OUTPUT = Path("kaarten.pdf")
PAPER = "a4"
SIZE = "poker"
BLEED = "0"
BACKS = "long"
"""The defaults of `print cards`' options, for the Typer command and the fast start alike."""

PROGRESS_FROM = 200
"""Show a progress bar from this many cards on: smaller decks are done before it would draw."""


def print_cards(
    deck_path: Path | None = None,
    *,
    output: Path = OUTPUT,
    paper: str = PAPER,
    size: str = SIZE,
    bleed: str = BLEED,
    crop_marks: bool = True,
    backs: str = BACKS,
    back_offset: str | None = None,
    per_page: bool = False,
    types: list[str] | None = None,
    ids: list[str] | None = None,
) -> None:
    """Write the card sheets of the deck at `deck_path` (default: the built-in one) to
    `output` with these print options (as `print cards` takes them) and say what was
    written; raises `InputError` with every problem in the options, the deck or the cards."""
    # The sheets are written and closed before the process ends: its last walk for cycles
    # (over the deck's models, reportlab and the fitted cards) would find nothing to do.
    skip_collection_at_exit()
    # Every mistake in the options is reported in one go, before anything is drawn.
    problems: list[Problem] = []
    layout = _layout(paper, size, bleed, crop_marks, backs, back_offset, per_page, problems)
    kinds, wanted = _split(types), _split(ids)
    problems.extend(_type_problems(kinds))
    try:
        deck = open_deck(deck_path)
    except InputError as error:
        raise InputError([*problems, *error.problems]) from None
    problems.extend(_id_problems(deck, wanted))
    if problems or layout is None:
        raise InputError(problems)
    chosen = _choose(deck, kinds, wanted)
    target = checked_output_file(output, _("geef een bestandsnaam, bv. -o kaarten.pdf"))

    from print.fit import fit_cards
    from print.sheets import write_cards

    # Fit every card before drawing any: a card too long to print stops the run with its line.
    language = current_language()
    faces, unfit = fit_cards(deck, chosen, layout.card, language)
    if unfit:
        raise InputError(unfit)
    with _progress(len(chosen)) as progress:
        try:
            summary = write_cards(target, deck, chosen, layout, progress, faces, language)
        except OSError as error:
            raise InputError(
                [
                    Problem(
                        Location(target),
                        _("kan het bestand niet schrijven: {reason}").format(reason=error.strerror),
                    )
                ]
            ) from None
    print(_summary(target, summary, layout, paper))
    print(_advice(layout))


def _summary(target: Path, summary: SheetSummary, layout: PrintLayout, paper: str) -> str:
    """One line saying what was written."""
    sheet = summary.sheet
    pages = ngettext("{count} pagina", "{count} pagina's", summary.pages).format(
        count=summary.pages
    )
    cards = ngettext("{count} kaart", "{count} kaarten", summary.cards).format(count=summary.cards)
    head = _("{file} geschreven: {cards} van {size}").format(
        file=target, cards=cards, size=layout.card
    )
    if layout.per_page:
        if sheet.backs:
            return _("{head}, één per pagina: {pages} (voor- en achterkanten).").format(
                head=head, pages=pages
            )
        return _("{head}, één per pagina: {pages}.").format(head=head, pages=pages)
    duplex = bool(sheet.backs) and not sheet.backs_on_same_page
    sheets = summary.pages // 2 if duplex else summary.pages
    paper_name = "Letter" if paper.strip().lower() == "letter" else "A4"
    where = ngettext(
        "op {count} vel {paper}, {per_sheet} per vel",
        "op {count} vellen {paper}, {per_sheet} per vel",
        sheets,
    ).format(count=sheets, paper=paper_name, per_sheet=sheet.per_sheet)
    if duplex:
        where += _(", voor- en achterkant ({pages})").format(pages=pages)
    elif sheet.backs_on_same_page:
        where += _(" met de achterkant ernaast ({pages})").format(pages=pages)
    else:
        where += f" ({pages})"
    return f"{head} {where}."


def _layout(
    paper: str,
    size: str,
    bleed: str,
    crop_marks: bool,
    backs: str,
    back_offset: str | None,
    per_page: bool,
    problems: list[Problem],
) -> PrintLayout | None:
    """The print layout from the options, or None; each bad option adds one problem."""
    from print.imposition import (
        Backs,
        ImpositionError,
        PrintLayout,
        impose,
        parse_bleed,
        parse_card_size,
        parse_offset,
        parse_paper,
    )

    def parsed(option: str, parse: Callable[[str], T], value: str) -> T | None:
        try:
            return parse(value)
        except ImpositionError as error:
            problems.append(Problem(Location(Path(option)), error.message, hint=error.hint))
            return None

    paper_size = parsed("--paper", parse_paper, paper)
    card_size = parsed("--size", parse_card_size, size)
    bleed_mm = parsed("--bleed", parse_bleed, bleed)
    offset = parsed("--back-offset", parse_offset, back_offset) if back_offset else (0.0, 0.0)
    backs_mode = None
    try:
        backs_mode = Backs(backs.strip().lower())
    except ValueError:
        choices = [mode.value for mode in Backs]
        problems.append(
            Problem(
                Location(Path("--backs")),
                _("onbekende keuze '{value}' voor de achterkanten").format(value=backs),
                hint=did_you_mean(backs, choices) or one_of(choices),
            )
        )
    if (
        paper_size is None
        or card_size is None
        or bleed_mm is None
        or offset is None
        or backs_mode is None
    ):
        return None
    layout = PrintLayout(
        paper=paper_size,
        card=card_size,
        bleed=bleed_mm,
        crop_marks=crop_marks,
        backs=backs_mode,
        back_offset=offset,
        per_page=per_page,
    )
    try:
        impose(layout)
    except ImpositionError as error:
        problems.append(Problem(Location(Path(error.option)), error.message, hint=error.hint))
        return None
    return layout


def _split(values: list[str] | None) -> list[str]:
    """Repeated options, also accepting comma-separated lists (`--type tip,rol`)."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _type_problems(kinds: list[str]) -> list[Problem]:
    return [
        Problem(
            Location(Path("--type")),
            _("onbekend kaarttype '{type}'").format(type=kind),
            hint=did_you_mean(kind, CARD_TYPES) or one_of(CARD_TYPES),
        )
        for kind in kinds
        if kind not in CARD_TYPES
    ]


def _id_problems(deck: Deck, ids: list[str]) -> list[Problem]:
    return [
        Problem(
            Location(Path("--id")),
            _("geen kaart met id '{id}'").format(id=card_id),
            hint=did_you_mean(card_id, [card.id for card in deck.cards])
            or _("zie 'netwerktafel deck list'"),
        )
        for card_id in ids
        if card_id not in deck
    ]


def _choose(deck: Deck, types: list[str], ids: list[str]) -> list[CardBase]:
    """The cards to print, in deck order: all, or those of the given types and ids."""
    if not types and not ids:
        chosen = list(deck.cards)
    else:
        chosen = [card for card in deck.cards if card_type(card) in types or card.id in ids]
    if chosen:
        return chosen
    if types:
        where = Location(Path("--type"))
        hint = ngettext(
            "dit deck heeft geen kaarten van dat type",
            "dit deck heeft geen kaarten van die types",
            len(types),
        )
    else:
        where = Location(Path("--deck"))
        hint = _("dit deck heeft nog geen kaarten")
    raise InputError([Problem(where, _("geen kaarten om af te drukken"), hint=hint)])


@contextmanager
def _progress(total: int) -> Iterator[Progress | None]:
    """A progress bar on stderr for long runs on a terminal; nothing otherwise."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn(_("Kaarten tekenen")),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("kaarten", total=total)
        yield lambda done: bar.update(task, completed=min(done, total))


def _advice(layout: PrintLayout) -> str:
    """How to print this file: the settings a trainer has to get right in the print dialog."""
    from print.imposition import Backs

    if layout.per_page:
        if layout.bleed:
            return _(
                "Voor de drukkerij: één kaart per pagina, de snijlijn staat in de TrimBox, "
                "{bleed} mm afloop in de BleedBox."
            ).format(bleed=f"{layout.bleed:g}")
        return _(
            "Voor de drukkerij: één kaart per pagina, de snijlijn staat in de TrimBox "
            "(zonder afloop)."
        )
    duplex = {
        Backs.LONG: _("dubbelzijdig, kantelen over de lange kant"),
        Backs.SHORT: _("dubbelzijdig, kantelen over de korte kant"),
        Backs.NONE: _("enkelzijdig"),
        Backs.FOLD: _("enkelzijdig; vouw elke kaart op de stippellijn"),
    }[layout.backs]
    return _("Afdrukken op werkelijke grootte (100 %, niet 'passend maken'), {duplex}.").format(
        duplex=duplex
    )
