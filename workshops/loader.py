"""Load a workshop script from YAML, check it, and find the built-in formats.

Like the deck loader, every problem in a script is collected before anything is raised,
each pointing at `FILE:LINE:COL`, so a trainer writing a script sees the whole list at once.
Card references (statement ids, role ids, …) need a deck and are checked separately by
`check_against_deck`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from catalogue import N_, _, ngettext
from deck.card_types import card_type
from deck.field_errors import field_problems
from deck.loaded_deck import Deck
from deck.model import (
    CARD_MODELS,
    CardBase,
    DilemmaCard,
    FormCard,
    RoleCard,
    StatementCard,
    TipCard,
)
from deck.problems import InputError, Location, Problem, did_you_mean, field_name, one_of
from deck.references import missing_languages
from deck.yaml_source import PathKey, YamlDocument, parse_yaml, read_yaml
from workshops.model import (
    ROUND_MODELS,
    ActionPlanRound,
    ApproachesRound,
    CaseRound,
    DilemmaRound,
    PauseRound,
    RoundBase,
    StatementsRound,
    Workshop,
    workshop_subject,
)

_STAND_IN = PauseRound.model_validate(
    {"kind": "pauze", "id": "pauze", "title": "-", "minutes": 1, "instructions": "-"}
)

BUILTIN_ORDER = ("netwerktafel", "kort", "training")
"""The built-in formats, in the order `workshop list` shows them."""


def load_workshop(path: Path) -> Workshop:
    """Load and validate the workshop script at `path`; raise `InputError` with every problem.

    The returned workshop has unique round ids and rounds whose minutes add up to its
    total; `workshop.where(...)` points back into the file.
    """
    return workshop_from_document(read_yaml(path))


def parse_workshop(raw: bytes, file: Path) -> Workshop:
    """Like `load_workshop`, for YAML bytes that came from `file` (used in messages)."""
    return workshop_from_document(parse_yaml(raw, file))


def workshop_from_document(document: YamlDocument) -> Workshop:
    """Validate the data of a YAML document as a workshop script."""
    data = document.data
    if not isinstance(data, dict):
        raise InputError(
            [
                Problem(
                    document.where(()),
                    _("een werkvorm moet een mapping zijn (sleutel: waarde)"),
                    hint=_("begin met 'id: …', 'title: …' en 'rounds:'"),
                )
            ]
        )
    raw_id = data.get("id")
    subject = workshop_subject(raw_id) if isinstance(raw_id, str) else _("werkvorm")
    problems: list[Problem] = []
    rounds_ok = True
    values = dict(data)
    raw_rounds = data.get("rounds")
    if isinstance(raw_rounds, list) and raw_rounds:
        rounds: list[RoundBase] = []
        for index, item in enumerate(raw_rounds):
            round_ = _read_round(document, index, item, problems)
            if round_ is None:
                rounds_ok = False
            else:
                rounds.append(round_)
        # Validated rounds go in as model instances, so each round is validated only once,
        # against the model its own `kind` names (clearer errors than the union gives).
        values["rounds"] = rounds
    if not rounds_ok:
        # The failed rounds are reported already; a stand-in keeps the header's own
        # validation from adding a misleading problem about a shortened list of rounds.
        values["rounds"] = values["rounds"] or [_STAND_IN]
    workshop: Workshop | None = None
    try:
        workshop = Workshop.model_validate(values)
    except ValidationError as error:
        problems.extend(field_problems(error, document, (), Workshop, subject))
    if workshop is not None and not problems:
        workshop._locate = functools.partial(_locate, document)
        problems.extend(_structure_problems(workshop))
    if problems or workshop is None:
        raise InputError(problems)
    return workshop


def _locate(document: YamlDocument, *path: str | int) -> Location:
    return document.where(path)


def _read_round(
    document: YamlDocument, index: int, item: object, problems: list[Problem]
) -> RoundBase | None:
    base: PathKey = ("rounds", index)
    if not isinstance(item, dict):
        problems.append(
            Problem(
                document.where(base),
                _("een ronde moet een mapping zijn (sleutel: waarde)"),
                _("ronde #{number}").format(number=index + 1),
                hint=_("begin elke ronde met '- kind: …'"),
            )
        )
        return None
    round_id = item.get("id")
    subject = (
        _round_subject(round_id)
        if isinstance(round_id, str)
        else _("ronde #{number}").format(number=index + 1)
    )
    kind = item.get("kind")
    if not isinstance(kind, str) or kind not in ROUND_MODELS:
        if kind is None:
            message = _("verplicht veld '{name}' ontbreekt").format(name="kind")
            hint = one_of(ROUND_MODELS, limit=9)
        else:
            message = _("onbekende soort ronde '{kind}'").format(kind=kind)
            hint = did_you_mean(str(kind), ROUND_MODELS) or one_of(ROUND_MODELS, limit=9)
        problems.append(Problem(document.where((*base, "kind")), message, subject, hint))
        return None
    model = ROUND_MODELS[kind]
    try:
        return model.model_validate(item)
    except ValidationError as error:
        problems.extend(field_problems(error, document, base, model, subject))
        return None


def _structure_problems(workshop: Workshop) -> list[Problem]:
    """Duplicate ids and a total that does not match the rounds: checks that need no deck."""
    problems: list[Problem] = []
    for field, items, subject in (
        ("rounds", workshop.rounds, _round_subject),
        ("cases", workshop.cases, _case_subject),
    ):
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in first:
                earlier = workshop.where(field, first[item.id], "id")
                problems.append(
                    Problem(
                        workshop.where(field, index, "id"),
                        _("dubbele id"),
                        subject(item.id),
                        hint=_("ook gebruikt op regel {line}").format(line=earlier.line),
                    )
                )
            else:
                first[item.id] = index
    problems.extend(check_minutes(workshop))
    problems.extend(_missing_translations(workshop))
    return problems


def _missing_translations(workshop: Workshop) -> list[Problem]:
    """A problem for every text that lacks a language the werkvorm declares."""
    asked = ", ".join(sorted({workshop.language, *workshop.languages}))
    return [
        Problem(
            workshop.where(*path),
            _("'{field}': vertaling ontbreekt voor {languages}").format(
                field=field_name(path), languages=", ".join(missing)
            ),
            workshop_subject(workshop.id),
            hint=_("de werkvorm vraagt talen {languages}").format(languages=asked),
        )
        for path, missing in missing_languages(workshop, workshop.language, workshop.languages)
    ]


def check_minutes(workshop: Workshop) -> list[Problem]:
    """A problem when the rounds' minutes do not add up to the workshop's total."""
    total = workshop.rounds_minutes()
    if total == workshop.minutes:
        return []
    parts = " + ".join(str(r.minutes) for r in workshop.rounds)
    return [
        Problem(
            workshop.where("minutes"),
            _(
                "de rondes duren samen {total} minuten ({parts}), maar 'minutes' is {minutes}"
            ).format(total=total, parts=parts, minutes=workshop.minutes),
            workshop_subject(workshop.id),
            hint=_("zet 'minutes: {total}' of pas de tijd van een ronde aan").format(total=total),
        )
    ]


def _round_subject(round_id: str) -> str:
    return _("ronde '{id}'").format(id=round_id)


def _case_subject(case_id: str) -> str:
    return _("casus '{id}'").format(id=case_id)


class _Refusals(NamedTuple):
    """What a script naming cards of one type is told about a card id: each a whole sentence,
    so the catalogue can say it in French (a card type in a sentence changes with it)."""

    unknown: str
    none: str
    other_type: str


_REFUSALS = {
    "stelling": _Refusals(
        N_("onbekende stellingkaart '{id}'"),
        N_("het deck heeft geen stellingkaarten"),
        N_("kaart '{id}' is een {kind}kaart, geen stellingkaart"),
    ),
    "rol": _Refusals(
        N_("onbekende rolkaart '{id}'"),
        N_("het deck heeft geen rolkaarten"),
        N_("kaart '{id}' is een {kind}kaart, geen rolkaart"),
    ),
    "vorm": _Refusals(
        N_("onbekende participatievorm '{id}'"),
        N_("het deck heeft geen participatievormen"),
        N_("kaart '{id}' is een {kind}kaart, geen participatievorm"),
    ),
    "dilemma": _Refusals(
        N_("onbekende dilemmakaart '{id}'"),
        N_("het deck heeft geen dilemmakaarten"),
        N_("kaart '{id}' is een {kind}kaart, geen dilemmakaart"),
    ),
    "tip": _Refusals(
        N_("onbekende tipkaart '{id}'"),
        N_("het deck heeft geen tipkaarten"),
        N_("kaart '{id}' is een {kind}kaart, geen tipkaart"),
    ),
}


def check_against_deck(workshop: Workshop, deck: Deck) -> list[Problem]:
    """Every problem between a workshop and the deck it will be played with.

    Card ids the script names outright must exist and be of the right type (with a
    did-you-mean hint), a round must not draw more of its named cards than it names, and
    the rounds' minutes must add up to the total (already true for a workshop from
    `load_workshop`). Rounds that name a kind of card or preferences adapt to the deck
    instead (`workshops.deck_fit`).
    """
    problems = check_minutes(workshop)

    def refs(path: PathKey, ids: Iterable[str], model: type[CardBase], subject: str) -> None:
        kind = next(k for k, m in CARD_MODELS.items() if m is model)
        said = _REFUSALS[kind]
        fitting = [c.id for c in deck.of_type(model)]
        for number, card_id in enumerate(ids):
            card = deck.get(card_id)
            if isinstance(card, model):
                continue
            if card is None:
                message = _(said.unknown).format(id=card_id)
            else:
                message = _(said.other_type).format(id=card_id, kind=card_type(card))
            hint = did_you_mean(card_id, fitting) or (one_of(fitting) if fitting else _(said.none))
            problems.append(Problem(workshop.where(*path, number), message, subject, hint))

    for number, case in enumerate(workshop.cases):
        refs(("cases", number, "roles"), case.roles, RoleCard, _case_subject(case.id))
    for number, round_ in enumerate(workshop.rounds):
        base: PathKey = ("rounds", number)
        subject = _round_subject(round_.id)
        if isinstance(round_, CaseRound):
            refs((*base, "roles"), round_.roles, RoleCard, subject)
        elif isinstance(round_, StatementsRound):
            refs((*base, "statements"), round_.statements, StatementCard, subject)
        elif isinstance(round_, ApproachesRound):
            refs((*base, "forms"), round_.forms, FormCard, subject)
        elif isinstance(round_, DilemmaRound):
            refs((*base, "cards"), round_.cards, DilemmaCard, subject)
            _check_dilemmas(workshop, deck, number, round_, problems)
        elif isinstance(round_, ActionPlanRound):
            refs((*base, "tips"), round_.tips, TipCard, subject)
    return problems


def _check_dilemmas(
    workshop: Workshop, deck: Deck, number: int, round_: DilemmaRound, problems: list[Problem]
) -> None:
    base: PathKey = ("rounds", number)
    subject = _round_subject(round_.id)
    if not round_.cards:
        return  # a round that draws from every dilemma card adapts to the deck (deck_fit)
    pool = [c for c in (deck.get(i) for i in round_.cards) if isinstance(c, DilemmaCard)]
    if len(pool) < len(round_.cards):
        return  # the unknown ids are reported already; counting on would mislead
    if len(pool) < round_.draw:
        problems.append(
            Problem(
                workshop.where(*base, "draw"),
                ngettext(
                    "de ronde trekt {draw} dilemmakaarten, er is er {count}",
                    "de ronde trekt {draw} dilemmakaarten, er zijn er {count}",
                    len(pool),
                ).format(draw=round_.draw, count=len(pool)),
                subject,
                _("verlaag 'draw' of voeg dilemmakaarten toe"),
            )
        )
    if round_.vote:
        for index, card in enumerate(pool):
            if not card.options:
                problems.append(
                    Problem(
                        workshop.where(*base, "cards", index),
                        _("dilemmakaart '{id}' heeft geen keuzes om over te stemmen").format(
                            id=card.id
                        ),
                        subject,
                        _("kies een kaart met 'options', of zet 'vote: false'"),
                    )
                )


def builtin_dir() -> Path:
    """The folder of the built-in workshop formats that ship inside the package."""
    return Path(str(resources.files("workshops") / "builtin"))


def builtin_workshop_path(workshop_id: str) -> Path:
    """The YAML file of a built-in format; `InputError` with a hint for an unknown id."""
    path = builtin_dir() / f"{workshop_id}.yaml"
    if "/" in workshop_id or "\\" in workshop_id or not path.is_file():
        known = builtin_ids()
        raise InputError(
            [
                Problem(
                    Location(Path(workshop_id)),
                    _("geen ingebouwde werkvorm met deze id"),
                    hint=did_you_mean(workshop_id, known) or one_of(known),
                )
            ]
        )
    return path


def builtin_ids() -> tuple[str, ...]:
    """Ids of the built-in formats: the main three first, then any others by name."""
    stems = {path.stem for path in builtin_dir().glob("*.yaml")}
    first = [i for i in BUILTIN_ORDER if i in stems]
    return (*first, *sorted(stems - set(first)))


@functools.cache
def _builtin_workshops() -> tuple[tuple[str, Workshop], ...]:
    return tuple((i, load_workshop(builtin_dir() / f"{i}.yaml")) for i in builtin_ids())


def builtin_workshops() -> dict[str, Workshop]:
    """Every built-in format by id, in `BUILTIN_ORDER` (loaded once per process)."""
    return dict(_builtin_workshops())


def open_workshop(spec: str | Path) -> Workshop:
    """A built-in format by id (`kort`), or the script at a path (`mijn-werkvorm.yaml`).

    An existing file wins over a built-in id of the same name; a word that is neither gets
    one problem with a did-you-mean hint over the built-in ids.
    """
    path = Path(spec)
    if path.exists():
        return load_workshop(path)
    text = str(spec)
    if text in builtin_ids():
        return builtin_workshops()[text]
    looks_like_file = path.suffix in {".yaml", ".yml"} or "/" in text or "\\" in text
    if looks_like_file:
        return load_workshop(path)  # reports "bestand niet gevonden" at that path
    known = builtin_ids()
    raise InputError(
        [
            Problem(
                Location(path),
                _("geen ingebouwde werkvorm en geen bestand met deze naam"),
                hint=did_you_mean(text, known) or one_of(known),
            )
        ]
    )
