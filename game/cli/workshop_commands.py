"""`netwerktafel workshop …`: list, check, show and describe workshop scripts."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import TypeAdapter
from rich.markup import escape
from rich.table import Table

from catalogue import N_, _, current_language
from deck import InputError, Location, Problem
from deck.text import Text
from game.cli.command_table import help_of
from game.cli.options import DeckOption, open_deck
from game.cli.terminal import out
from workshops.deck_fit import fit_to_deck
from workshops.loader import builtin_workshops, open_workshop
from workshops.model import (
    ActionPlanRound,
    ApproachesRound,
    CaseRound,
    ClosingRound,
    ConcernsRound,
    DilemmaRound,
    RoundBase,
    StatementsRound,
    VoteRound,
    Workshop,
    round_kind,
)

workshop_app = typer.Typer(help=help_of("workshop"), no_args_is_help=True)


WorkshopArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID|BESTAND",
        help="Id van een ingebouwde werkvorm (netwerktafel, kort, training) of een YAML-bestand.",
        show_default=False,
    ),
]


@workshop_app.command("list")
def list_workshops(
    as_json: Annotated[bool, typer.Option("--json", help="Schrijf een JSON-lijst.")] = False,
) -> None:
    """Toon de ingebouwde werkvormen: id, titel, duur en aantal rondes."""
    workshops = builtin_workshops()
    if as_json:
        data = [
            {
                "id": w.id,
                "title": w.title.in_language(current_language(), w.language),
                "minutes": w.minutes,
                "rounds": len(w.rounds),
            }
            for w in workshops.values()
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=_("Ingebouwde werkvormen"), title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column(_("titel"))
    table.add_column(_("minuten"), justify="right")
    table.add_column(_("rondes"), justify="right")
    for w in workshops.values():
        title = w.title.in_language(current_language(), w.language)
        table.add_row(w.id, escape(title), str(w.minutes), str(len(w.rounds)))
    out.print(table)


@workshop_app.command("check")
def check(
    workshop: Annotated[
        str,
        typer.Argument(
            metavar="BESTAND",
            help="Het YAML-bestand van de werkvorm (of de id van een ingebouwde werkvorm).",
            show_default=False,
        ),
    ],
    deck_path: DeckOption = None,
) -> None:
    """Controleer een werkvorm, ook tegen de kaarten van het deck; elk probleem als
    BESTAND:REGEL:KOLOM, en dan stopt het met code 2."""
    deck = open_deck(deck_path)
    fitted = fit_to_deck(open_workshop(workshop), deck)
    script = fitted.workshop
    for note in fitted.notes:
        print(note)
    optional = sum(1 for r in script.rounds if r.optional)
    extra = _(", waarvan {optional} optioneel").format(optional=optional) if optional else ""
    print(
        _(
            "Werkvorm '{id}' is in orde: {count} rondes{extra}, {minutes} minuten, "
            "past bij deck '{id2}'."
        ).format(
            id=script.id,
            count=len(script.rounds),
            extra=extra,
            minutes=script.minutes,
            id2=deck.manifest.id,
        )
    )


@workshop_app.command("show")
def show(
    workshop: WorkshopArgument,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", help="Starttijd van de sessie als UU:MM, bv. 19:00.", show_default=False
        ),
    ] = None,
    instructions: Annotated[
        bool, typer.Option("--instructions", "-i", help="Toon ook de instructies per ronde.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Schrijf de hele werkvorm als JSON.")
    ] = False,
) -> None:
    """Toon de agenda van een werkvorm: de rondes met hun tijdvak en de klok."""
    script = open_workshop(workshop)
    if as_json:
        sys.stdout.write(
            json.dumps(script.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
        )
        return
    offset = _parse_start(start)

    def t(text: Text) -> str:
        return escape(text.in_language(current_language(), script.language).strip())

    heading = _("{title} ({id}) — {minutes} minuten").format(
        title=f"[bold]{t(script.title)}[/bold]", id=script.id, minutes=script.minutes
    )
    out.print(heading)
    out.print(t(script.description))
    table = Table(title_justify="left", show_lines=False)
    table.add_column("#", justify="right")
    table.add_column(_("tijd"), no_wrap=True)
    table.add_column("min", justify="right")
    table.add_column(_("ronde"))
    table.add_column(_("soort"), no_wrap=True)
    table.add_column(_("instellingen"))
    for number, (round_, begin) in enumerate(script.schedule(), start=1):
        clock = f"{_clock(offset + begin)}–{_clock(offset + begin + round_.minutes)}"
        optional = " [dim]" + _("(optioneel)") + "[/dim]" if round_.optional else ""
        title = t(round_.title) + optional
        table.add_row(
            str(number),
            clock,
            str(round_.minutes),
            title,
            round_kind(round_),
            escape(round_settings(round_)),
        )
    out.print(table)
    if script.cases:
        out.print("[bold]" + _("Voorbeeldcasussen") + "[/bold]")
        for case in script.cases:
            out.print(f"  • {t(case.title)} ({case.id})")
    if instructions:
        for number, round_ in enumerate(script.rounds, start=1):
            out.print(f"\n[bold]{number}. {t(round_.title)}[/bold] ({round_.minutes} min)")
            out.print(t(round_.instructions))
            if isinstance(round_, ClosingRound) and round_.reflection:
                for question in round_.reflection:
                    out.print(f"  ? {t(question)}")


@workshop_app.command("schema")
def schema() -> None:
    """Schrijf het JSON Schema van een werkvorm, voor editors."""
    import deck.model
    import deck.text
    import workshops.model
    from deck.field_docs import models_in, with_field_docs

    adapter: TypeAdapter[Workshop] = TypeAdapter(Workshop)
    models = models_in(deck.model, deck.text, workshops.model)
    document = with_field_docs(adapter.json_schema(), models)
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "netwerktafel-werkvorm"
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


_REVEAL = {
    "after-vote": N_("uitslag na eigen stem"),
    "on-close": N_("uitslag bij sluiten"),
    "manual": N_("uitslag op teken van de begeleider"),
}
_METHOD = {
    "dots": N_("stippen"),
    "ranking": N_("rangschikking"),
    "likert": N_("score 1–5"),
    "choice": N_("keuze"),
    "matrix": N_("impact × haalbaarheid"),
}
_REVIEW = {
    "concerns": N_("bezorgdheden"),
    "approaches": N_("aanpakken"),
    "votes": N_("stemmingen"),
    "actions": N_("actieplan"),
}


def round_settings(round_: RoundBase) -> str:
    """A short summary of a round's own settings, for the agenda."""
    parts: list[str] = []
    if isinstance(round_, CaseRound):
        if round_.draw_roles:
            parts.append(_("rolkaarten trekken"))
        if round_.roles:
            parts.append(_("rollen: ") + ", ".join(round_.roles))
        if round_.prefer:
            parts.append(
                _("rollen als het deck ze heeft: {roles}").format(roles=", ".join(round_.prefer))
            )
    elif isinstance(round_, StatementsRound):
        if round_.statements:
            parts.append(_("stellingen: ") + ", ".join(round_.statements))
        elif round_.prefer:
            parts.append(
                _("{count} stellingen, bij voorkeur: {ids}").format(
                    count=round_.count, ids=", ".join(round_.prefer)
                )
            )
        else:
            parts.append(_("{count} stellingen naar keuze").format(count=round_.count))
        parts.append(_("anoniem") if round_.anonymous else _("niet anoniem"))
        parts.append(_(_REVEAL[round_.reveal]))
    elif isinstance(round_, ConcernsRound):
        parts.append(
            _("hoogstens {per_stakeholder} per belanghebbende").format(
                per_stakeholder=round_.per_stakeholder
            )
        )
        if round_.read_answer:
            parts.append(_("antwoord voorlezen"))
    elif isinstance(round_, ApproachesRound):
        parts.append(
            _("hoogstens {per_stakeholder} per belanghebbende").format(
                per_stakeholder=round_.per_stakeholder
            )
        )
        if round_.forms:
            parts.append(_("vormen: ") + ", ".join(round_.forms))
    elif isinstance(round_, DilemmaRound):
        source = ", ".join(round_.cards) if round_.cards else _("alle dilemmakaarten")
        parts.append(_("{draw} trekken uit {source}").format(draw=round_.draw, source=source))
        if round_.vote:
            parts.append(_("snelle stemming"))
    elif isinstance(round_, VoteRound):
        method = _(_METHOD[round_.method])
        if round_.method == "dots":
            method = _("{dots} stippen").format(dots=round_.dots)
        elif round_.method == "choice" and round_.max_choices > 1:
            method = _("keuze (tot {max_choices})").format(max_choices=round_.max_choices)
        subject = (
            _("de aanpakken")
            if round_.over == "approaches"
            else _("{count} opties").format(count=len(round_.options))
        )
        parts.append(_("{method} over {subject}").format(method=method, subject=subject))
        if round_.anonymous:
            parts.append(_("anoniem"))
        parts.append(_(_REVEAL[round_.reveal]))
    elif isinstance(round_, ActionPlanRound):
        parts.append(_("top {top}").format(top=round_.top))
        parts.append(
            _("tips: ") + ", ".join(round_.tips)
            if round_.tips
            else _("alle tipkaarten als checklist")
        )
    elif isinstance(round_, ClosingRound):
        if round_.review:
            parts.append(_("terugblik: ") + ", ".join(_(_REVIEW[t]) for t in round_.review))
        if round_.reflection:
            parts.append(_("{count} reflectievragen").format(count=len(round_.reflection)))
        if round_.export:
            parts.append(_("verslag: ") + ", ".join(round_.export))
    if round_.needs:
        parts.append(_("alleen met de kaarten {ids}").format(ids=", ".join(round_.needs)))
    return _("; ").join(parts)


def _parse_start(start: str | None) -> int:
    """Minutes after midnight of `--start`; 0 (clock shows elapsed time) when not given."""
    if start is None:
        return 0
    match = re.fullmatch(r"(\d{1,2})[:.u](\d{2})", start.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise InputError(
            [
                Problem(
                    Location(Path("--start")),
                    _("'{start}' is geen tijdstip").format(start=start),
                    hint=_("schrijf UU:MM, bv. 19:00"),
                )
            ]
        )
    return int(match[1]) * 60 + int(match[2])


def _clock(minutes: int) -> str:
    # A session that runs past midnight wraps around, as a wall clock does.
    return f"{minutes // 60 % 24}:{minutes % 60:02d}"
