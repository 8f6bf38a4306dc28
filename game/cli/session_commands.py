"""`netwerktafel session …`: run a session from the command line (scriptable).

Every command opens the session file, does one thing and closes it, so several terminals
(and the TUI) can work on the same session at once. Facilitator commands use the
facilitator token from the sidecar file that `session new` wrote next to the session file
(`<session>.begeleider`, readable by its owner only; see `game.store`). A refused command
prints one Dutch line and exits 2; a file that is not a session, is damaged or read-only
exits 2 with the file's name; only a failure of the store itself (disk full, busy too
long) exits 1.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.table import Table
from rich.text import Text as RichText

from catalogue import _, current_language, ngettext
from deck import default_deck_path, load_deck
from deck.survey import survey_note
from game.cli.command_table import help_of
from game.cli.facilitation import ballot_deck, facilitate, option_ids_of, stakeholder_id
from game.cli.options import SessionArg
from game.cli.outcome import emit_json, guarded, refuse, warn
from game.cli.output_file import checked_output_file, checked_output_folder
from game.cli.recorded_words import recorded_words
from game.cli.report_command import write_pdf_report
from game.cli.terminal import out
from game.engine import SessionState, ballot_view, find_ballot, session_view
from game.engine import commands as c
from game.engine import events as e
from game.engine.answers import ballot_title, option_labels
from game.engine.ballots import MatrixPoint, axes_of, method_label, paper_name
from game.engine.plain_text import visible
from game.engine.report import percent_text
from game.export import json_text, write_export
from game.log_chain import moment
from game.matrix_grid import grid_lines, legend_lines
from game.session_deck import session_deck
from game.store import LogCheck, SessionStore, check_log, read_state, session_path, token_path
from workshops import fit_to_deck, open_workshop
from workshops.recorded import recorded_workshop, round_title, workshop_title

session_app = typer.Typer(help=help_of("session"), no_args_is_help=True)


DeckOverride = Annotated[
    Path | None,
    typer.Option(
        "--deck",
        help="Deck-map of deck.yaml. Standaard: het deck waarmee de sessie gemaakt is.",
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Schrijf het resultaat als JSON.")]
StakeholderArg = Annotated[
    str, typer.Argument(metavar="BELANGHEBBENDE", help="Id, naam of rol van de belanghebbende.")
]
"""A stakeholder as a facilitator names them (`stakeholder_id`)."""
BallotArg = Annotated[str, typer.Argument(metavar="STEMRONDE", help="Id van de stemronde (b1).")]
"""A ballot by its id (`find_ballot`)."""


# --- creating --------------------------------------------------------------------------------


@session_app.command("new")
def new(
    session: SessionArg,
    workshop: Annotated[
        str,
        typer.Option(
            "--workshop",
            "-w",
            help="Werkvorm: een ingebouwde id (netwerktafel, kort, training) of een YAML-bestand.",
        ),
    ] = "netwerktafel",
    deck_path: Annotated[
        Path | None,
        typer.Option("--deck", help="Deck-map of deck.yaml. Standaard: het ingebouwde deck."),
    ] = None,
    case: Annotated[str, typer.Option("--case", help="De lokale casus die op tafel ligt.")] = "",
    as_json: JsonFlag = False,
) -> None:
    """Maak een nieuwe sessie en toon de deelnamecode."""
    deck = load_deck(deck_path if deck_path is not None else default_deck_path())
    fitted = fit_to_deck(open_workshop(workshop), deck)
    script = fitted.workshop
    path = session_path(session)
    with guarded():
        created = SessionStore.create_for_workshop(
            path, deck=deck, workshop=script, deck_path=deck_path, case=case
        )
    state = created.store.state
    created.store.close()
    assert state.info is not None
    if as_json:
        emit_json(
            {
                "session": str(path),
                "join_code": state.info.join_code,
                "session_id": state.info.session_id,
                "workshop": script.id,
                "deck": deck.manifest.id,
                "left_out": list(fitted.notes),
            }
        )
        return
    for note in fitted.notes:
        print(note)
    print(_("Sessie gemaakt: {path}").format(path=path))
    print(_("Deelnamecode: {join_code}").format(join_code=state.info.join_code))
    print(
        _("Werkvorm: {title} ({count} rondes, {minutes} minuten)").format(
            title=script.title.in_language(current_language(), script.language),
            count=len(script.rounds),
            minutes=script.minutes,
        )
    )


@session_app.command("set-case")
def set_case(
    session: SessionArg,
    text: Annotated[str, typer.Argument(metavar="TEKST", help="De nieuwe tekst van de casus.")],
) -> None:
    """Vervang de tekst van de casus."""
    facilitate(session, lambda state: c.SetCase(text))
    print(_("Casus bijgewerkt."))


# --- the table -----------------------------------------------------------------------------


@session_app.command("add-stakeholder")
def add_stakeholder(
    session: SessionArg,
    role_id: Annotated[str, typer.Argument(metavar="ROL", help="Id van een rolkaart.")],
    name: Annotated[str | None, typer.Option("--name", help="Naam van wie de rol opneemt.")] = None,
    deck: DeckOverride = None,
    as_json: JsonFlag = False,
) -> None:
    """Zet een belanghebbende aan tafel: een rolkaart en eventueel een naam."""
    done = facilitate(
        session, lambda state: c.AddStakeholder(role_id, name), deck=deck, needs_deck=True
    )
    event = done.event
    assert isinstance(event, e.StakeholderAdded)
    if as_json:
        emit_json({"stakeholder": event.stakeholder_id, "name": event.name, "role": event.role_id})
        return
    seat = done.state.stakeholders[event.stakeholder_id]
    words = done.words()
    print(
        _("Belanghebbende {stakeholder_id}: {seat}").format(
            stakeholder_id=event.stakeholder_id, seat=words.label(seat)
        )
    )


@session_app.command("remove-stakeholder")
def remove_stakeholder(
    session: SessionArg,
    stakeholder: StakeholderArg,
) -> None:
    """Haal een belanghebbende van tafel; wat die inbracht blijft bewaard."""
    facilitate(session, lambda state: c.RemoveStakeholder(stakeholder_id(state, stakeholder)))
    print(_("Belanghebbende van tafel gehaald."))


@session_app.command("record-concern")
def record_concern(
    session: SessionArg,
    stakeholder: StakeholderArg,
    concern_id: Annotated[
        str, typer.Argument(metavar="BEZORGDHEID", help="Id van een bezorgdheidskaart.")
    ],
    text: Annotated[str, typer.Option("--text", help="De bezorgdheid in eigen woorden.")] = "",
    deck: DeckOverride = None,
) -> None:
    """Noteer een bezorgdheid van een belanghebbende onder een bezorgdheidskaart."""
    done = facilitate(
        session,
        lambda state: c.RecordConcern(stakeholder_id(state, stakeholder), concern_id, text),
        deck=deck,
        needs_deck=True,
    )
    event = done.event
    assert isinstance(event, e.ConcernRecorded)
    print(
        _("Bezorgdheid {concern_id}: {concern_title}").format(
            concern_id=event.concern_id,
            concern_title=done.words().card(event.concern_card, event.concern_title),
        )
    )


@session_app.command("add-approach")
def add_approach(
    session: SessionArg,
    stakeholder: StakeholderArg,
    card_id: Annotated[
        str, typer.Argument(metavar="KAART", help="Id van een voorbeeld- of vormkaart.")
    ],
    note: Annotated[str, typer.Option("--note", help="Waarom deze aanpak, voor deze casus.")] = "",
    deck: DeckOverride = None,
    as_json: JsonFlag = False,
) -> None:
    """Noteer een aanpak die een belanghebbende kiest, met een notitie."""
    done = facilitate(
        session,
        lambda state: c.RecordApproach(stakeholder_id(state, stakeholder), card_id, note),
        deck=deck,
        needs_deck=True,
    )
    event = done.event
    assert isinstance(event, e.ApproachRecorded)
    if as_json:
        emit_json({"approach": event.approach_id, "card": event.card_id})
        return
    words = done.words()
    print(
        _("Aanpak {approach_id}: {card_title} voor {who}").format(
            approach_id=event.approach_id,
            card_title=words.card(event.card_id, event.card_title),
            who=words.seat(done.state.stakeholders[event.stakeholder_id]),
        )
    )


# --- rounds ----------------------------------------------------------------------------------


def _round_line(state: SessionState) -> str:
    plan = state.current_round()
    if plan is None:
        return _("Deze sessie heeft geen rondes.")
    extra = state.round.extra_minutes[state.round.index]
    minutes = _("{minutes} min").format(minutes=plan.minutes) + (f" + {extra}" if extra else "")
    assert state.info is not None  # a session with a current round has started
    workshop = recorded_workshop(state.info.workshop_id, state.info.workshop_title)
    title = round_title(workshop, plan.id, plan.kind, plan.title, current_language())
    return _("Ronde {value}: {title} ({minutes})").format(
        value=state.round.index + 1, title=title, minutes=minutes
    )


@session_app.command("next-round")
def next_round(session: SessionArg) -> None:
    """Ga naar de volgende ronde van de werkvorm."""
    print(_round_line(facilitate(session, lambda state: c.AdvanceRound()).state))


@session_app.command("previous-round")
def previous_round(session: SessionArg) -> None:
    """Ga terug naar de vorige ronde."""
    print(_round_line(facilitate(session, lambda state: c.GoBack()).state))


@session_app.command("extend-round")
def extend_round(
    session: SessionArg,
    minutes: Annotated[int, typer.Argument(metavar="MINUTEN", help="Hoeveel minuten erbij.")],
) -> None:
    """Geef de huidige ronde meer tijd."""
    print(_round_line(facilitate(session, lambda state: c.ExtendRound(minutes)).state))


# --- ballots -----------------------------------------------------------------------------------


Method = Literal["dots", "ranking", "likert", "choice", "consent", "matrix"]
Reveal = Literal["immediately", "after-vote", "on-close", "manual"]


@session_app.command("open-ballot")
def open_ballot(
    session: SessionArg,
    method: Annotated[
        Method,
        typer.Option(
            "--method",
            help="stippen (dots), rangorde (ranking), schaal 1–5 (likert), keuze (choice), "
            "instemming (consent) of impact × haalbaarheid (matrix).",
        ),
    ],
    over: Annotated[
        Literal["approaches"] | None,
        typer.Option("--over", help="Stem over de genoteerde aanpakken (standaard)."),
    ] = None,
    statement: Annotated[
        str | None, typer.Option("--statement", help="Id van een stellingkaart (likert).")
    ] = None,
    options: Annotated[
        list[str] | None,
        typer.Option("--option", help="Een eigen optie; herhaal voor meer opties."),
    ] = None,
    dilemma: Annotated[
        str | None, typer.Option("--dilemma", help="Id van een dilemmakaart met keuzes.")
    ] = None,
    proposal: Annotated[
        str | None,
        typer.Option("--proposal", help="Een voorstel om over in te stemmen (consent)."),
    ] = None,
    action: Annotated[
        str | None,
        typer.Option("--action", help="Id van een actie om over in te stemmen (consent)."),
    ] = None,
    dots: Annotated[int, typer.Option("--dots", help="Stippen per deelnemer (dots).")] = 3,
    max_choices: Annotated[
        int, typer.Option("--max", help="Hoeveel opties iemand mag kiezen (choice).")
    ] = 1,
    no_stack: Annotated[
        bool, typer.Option("--no-stack", help="Hoogstens één stip per optie (dots).")
    ] = False,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Niemand ziet of exporteert wie wat stemde.")
    ] = False,
    reveal: Annotated[
        Reveal,
        typer.Option("--reveal", help="Wanneer de uitslag zichtbaar wordt."),
    ] = "immediately",
    no_opinion: Annotated[
        bool,
        typer.Option(
            "--geen-mening",
            help="Ook 'geen mening' mag (schaal 1–5); apart geteld, buiten de percentages.",
        ),
    ] = False,
    axes: Annotated[
        str | None,
        typer.Option(
            "--axes",
            help="Matrix: de namen van de twee schalen, met een komma "
            '(standaard "impact,haalbaarheid").',
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Titel van de stemronde.")] = None,
    deck: DeckOverride = None,
    as_json: JsonFlag = False,
) -> None:
    """Open een stemronde over de aanpakken, een stelling, eigen opties, een dilemma, of
    (consent) één voorstel of één actie van het actieplan."""
    given = [
        name
        for name, value in (
            ("--over", over),
            ("--statement", statement),
            ("--option", options),
            ("--dilemma", dilemma),
            ("--proposal", proposal),
            ("--action", action),
        )
        if value
    ]
    if len(given) > 1:
        refuse(_("kies één bron van opties, niet {value}").format(value=" en ".join(given)))
    source: Literal["approaches", "options", "statement", "dilemma", "proposal", "action"]
    if proposal:
        source, options = "proposal", [proposal]
    elif action:
        source = "action"
    elif statement or (method == "likert" and options):
        source = "statement"
    elif options:
        source = "options"
    elif dilemma:
        source = "dilemma"
    else:
        source = "approaches"
    command = c.OpenBallot(
        method=method,
        source=source,
        title=title,
        options=tuple(options or ()),
        statement_id=statement,
        dilemma_id=dilemma,
        dots=dots,
        max_choices=max_choices,
        stack=not no_stack,
        anonymous=anonymous,
        reveal=reveal,
        no_opinion=no_opinion,
        action_id=action,
        axes=tuple(axes.split(",")) if axes is not None else (),
    )
    done = facilitate(
        session, lambda state: command, deck=deck, needs_deck=source in ("statement", "dilemma")
    )
    event, state = done.event, done.state
    assert isinstance(event, e.BallotOpened)
    if as_json:
        emit_json(
            {
                "ballot": event.ballot_id,
                "title": event.title,
                "method": event.method,
                "options": [{"id": o.id, "label": o.label, "ref": o.ref} for o in event.options],
            }
        )
        return
    opened = state.ballots[event.ballot_id]
    shown = ballot_deck(done.path, state, opened, loaded=done.deck, override=deck)
    print(
        _("Stemronde {ballot_id} geopend: {title} ({value})").format(
            ballot_id=event.ballot_id,
            title=ballot_title(opened, None, shown),
            value=method_label(event.method),
        )
    )
    for option in option_labels(opened, None, shown, state)[: len(event.options)]:
        print(f"  {option.id}. {option.label}")
    if event.axes:
        # Our default axes are msgids: said in the run's language (a facilitator's own stay).
        first, second = axes_of(opened, current_language())
        print(
            _("Stem per optie OPTIE={first}/{second}, elk 1–5 (bv. 1=4/2).").format(
                first=first.upper(), second=second.upper()
            )
        )


def _ballot_command(session: str, ballot: str, kind: Any, done: str) -> None:
    def build(state: SessionState) -> c.Command:
        found = find_ballot(state, ballot)
        if isinstance(found, str):
            refuse(found)
        command: c.Command = kind(found.id)
        return command

    event = facilitate(session, build).event
    print(
        _("Stemronde {value} {done}.").format(value=getattr(event, "ballot_id", ballot), done=done)
    )


@session_app.command("close-ballot")
def close_ballot(
    session: SessionArg,
    ballot: BallotArg,
) -> None:
    """Sluit een stemronde: stemmen daarna worden geweigerd."""
    _ballot_command(session, ballot, c.CloseBallot, _("gesloten"))


@session_app.command("reopen-ballot")
def reopen_ballot(
    session: SessionArg,
    ballot: BallotArg,
) -> None:
    """Open een gesloten stemronde opnieuw."""
    _ballot_command(session, ballot, c.ReopenBallot, _("weer geopend"))


@session_app.command("reveal")
def reveal_ballot(
    session: SessionArg,
    ballot: BallotArg,
) -> None:
    """Maak de uitslag van een stemronde zichtbaar voor iedereen."""
    _ballot_command(session, ballot, c.RevealBallot, _("heeft een zichtbare uitslag"))


@session_app.command("paper-vote")
def paper_vote(
    session: SessionArg,
    ballot: BallotArg,
    choices: Annotated[
        list[str],
        typer.Option(
            "--choice",
            help="Wat op de stembrief staat, zoals bij `vote --choice`: een optie (nummer of "
            "naam), herhaald voor stippen en rangorde; bij een matrix OPTIE=IMPACT/HAALBAARHEID.",
        ),
    ],
    reason: Annotated[
        str | None, typer.Option("--reason", help="De reden op de stembrief (instemming).")
    ] = None,
) -> None:
    """Voer één papieren stembrief in: hij telt als de stem van "papier 1", "papier 2" …"""

    def build(state: SessionState) -> c.Command:
        found = find_ballot(state, ballot)
        if isinstance(found, str):
            refuse(found)
        # A slip printed with --taal fr names the options in French: they count as typed.
        shown = ballot_deck(session_path(session), state, found)
        return c.CastPaperVote(found.id, tuple(option_ids_of(found, choices, state, shown)), reason)

    event = facilitate(session, build).event
    assert isinstance(event, e.PaperVoteCast)
    print(
        _("Stembrief {slip} ingevoerd in stemronde {ballot}.").format(
            slip=paper_name(event.slip), ballot=event.ballot_id
        )
    )


# --- action plan -------------------------------------------------------------------------------


OwnerOption = Annotated[
    str | None,
    typer.Option("--owner", help="Trekker: id, naam of rol van een belanghebbende."),
]
ApproachOption = Annotated[
    str | None, typer.Option("--approach", help="Id van de aanpak waar de actie bij hoort.")
]
DueOption = Annotated[str | None, typer.Option("--due", help="Datum als JJJJ-MM-DD.")]


@session_app.command("add-action")
def add_action(
    session: SessionArg,
    title: Annotated[str, typer.Argument(metavar="TEKST", help="Wat er gebeurt.")],
    owner: OwnerOption = None,
    approach: ApproachOption = None,
    due: DueOption = None,
    note: Annotated[str, typer.Option("--note", help="Eerste stap of toelichting.")] = "",
) -> None:
    """Zet een actie op het actieplan: wie doet wat tegen wanneer."""

    def build(state: SessionState) -> c.Command:
        who = stakeholder_id(state, owner) if owner else None
        return c.AddAction(title, owner=who, approach_id=approach, due=due, note=note)

    event = facilitate(session, build).event
    assert isinstance(event, e.ActionAdded)
    print(
        _("Actie {action_id}: {title}").format(action_id=event.action_id, title=event.fields.title)
    )


@session_app.command("edit-action")
def edit_action(
    session: SessionArg,
    action: Annotated[str, typer.Argument(metavar="ACTIE", help="Id van de actie (x1).")],
    title: Annotated[str | None, typer.Option("--title", help="Nieuwe omschrijving.")] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", help='Nieuwe trekker; "" maakt leeg.')
    ] = None,
    approach: Annotated[
        str | None, typer.Option("--approach", help='Andere aanpak; "" maakt leeg.')
    ] = None,
    due: Annotated[str | None, typer.Option("--due", help='Nieuwe datum; "" maakt leeg.')] = None,
    note: Annotated[str | None, typer.Option("--note", help="Nieuwe notitie.")] = None,
    done: Annotated[
        bool | None,
        typer.Option("--done/--not-done", help="Afgevinkt of niet.", show_default=False),
    ] = None,
) -> None:
    """Wijzig een actie van het actieplan."""

    def build(state: SessionState) -> c.Command:
        who = stakeholder_id(state, owner) if owner else owner
        return c.EditAction(
            action, title=title, owner=who, approach_id=approach, due=due, note=note, done=done
        )

    facilitate(session, build)
    print(_("Actie {action} bijgewerkt.").format(action=action))


@session_app.command("undo")
def undo(session: SessionArg) -> None:
    """Maak de laatste opdracht van de begeleider ongedaan (stemmen blijven staan)."""
    event = facilitate(session, lambda state: c.Undo()).event
    assert isinstance(event, e.Undone)
    print(_("Ongedaan gemaakt: {value}.").format(value=_(e.undone_label(event.target_kind))))


# --- reading -------------------------------------------------------------------------------------


@session_app.command("verify")
def verify(session: SessionArg) -> None:
    """Controleer of het logboek van de sessie heel is: de keten, en de zegels van de begeleider."""
    path = session_path(session)
    found = check_log(path)
    if found.problem is not None:
        print(f"{visible(str(path), limit=None)}: {found.problem}", file=sys.stderr)
        raise typer.Exit(2)
    print(log_check_text(found, path))


def log_check_text(found: LogCheck, path: Path) -> str:
    """What `verify` says about a log that is whole, in Dutch."""
    if not found.chained:
        return _(
            "{session} is gemaakt met een oudere versie en heeft nog geen keten; het krijgt er "
            "een (met een reservekopie ernaast) zodra netwerktafel het opent."
        ).format(session=path.name)
    if not found.keyed:
        return _(
            "Het logboek is heel: {events} gebeurtenissen; de zegels zijn niet gecontroleerd, "
            "want de begeleidersleutel ({key}) staat er niet naast."
        ).format(events=found.events, key=token_path(path).name)
    if found.sealed == 0:
        return _(
            "Het logboek is heel: {events} gebeurtenissen, nog geen enkele verzegeld door de "
            "begeleider."
        ).format(events=found.events)
    text = _(
        "Het logboek is heel: {events} gebeurtenissen, verzegeld door de begeleider tot en met "
        "gebeurtenis {sealed} ({moment})."
    ).format(events=found.events, sealed=found.sealed, moment=moment(found.sealed_at))
    after = found.events - found.sealed
    if after:
        text += " " + _(
            "De {after} erna (van deelnemers) verzegelt de volgende opdracht van de begeleider."
        ).format(after=after)
    return text


@session_app.command("show")
def show(session: SessionArg, as_json: JsonFlag = False) -> None:
    """Toon een overzicht van de sessie, of de hele sessie als JSON."""
    state = read_state(session_path(session), warn=warn)
    if as_json:
        sys.stdout.write(json_text(state))
        return
    _print_summary(state, session_path(session))


def _print_summary(state: SessionState, path: Path) -> None:
    view = session_view(state)
    info = view["session"]
    out.print(
        RichText.assemble(
            (_("Netwerktafel"), "bold"), _(" — deelnamecode "), (info["join_code"], "bold")
        )
    )
    if info["case"]:
        out.print(_("Casus: {case}").format(case=info["case"]), markup=False)
    recorded = info["workshop"]["title"]
    if recorded:
        workshop = recorded_workshop(info["workshop"]["id"], recorded)
        out.print(
            _("Werkvorm: {title} — {value}").format(
                title=workshop_title(workshop, recorded, current_language()),
                value=_round_line(state),
            ),
            markup=False,
        )
    words = recorded_words(path, state)
    people = Table(title=_("Aan tafel"), title_justify="left")
    for column in ("id", _("naam"), _("rol"), _("aanpakken"), _("bezorgdheden")):
        people.add_column(column)
    for seat in state.stakeholders.values():
        approaches = [
            words.card(a.card_id, a.card_title)
            for a in state.approaches.values()
            if a.stakeholder_id == seat.id
        ]
        concerns = [
            words.card(x.concern_id, x.concern_title)
            for x in state.concerns.values()
            if x.stakeholder_id == seat.id
        ]
        name = words.seat(seat)
        name = name if seat.present else _("{name} (weg)").format(name=name)
        # Names and titles are typed by people: shown as text, never read as rich markup.
        cells = (seat.id, name, words.role(seat), ", ".join(approaches), ", ".join(concerns))
        people.add_row(*map(RichText, cells))
    out.print(people)
    out.print(_("Deelnemers: {count}").format(count=len(view["participants"])))
    for ballot in state.ballots.values():
        said = _BallotWords(
            ballot_title(ballot, None, words.deck),
            {o.id: o.label for o in option_labels(ballot, None, words.deck, state)},
            axes_of(ballot, current_language()),
        )
        _print_ballot(ballot_view(state, ballot), said)
    if view["actions"]:
        plan = Table(title=_("Actieplan"), title_justify="left")
        for column in ("id", _("actie"), _("trekker"), _("tegen"), _("klaar")):
            plan.add_column(column)
        for x in view["actions"]:
            done = _("ja") if x["done"] else ""
            cells = (x["id"], x["title"], x["owner"] or "", x["due"] or "", done)
            plan.add_row(*map(RichText, cells))
        out.print(plan)


@dataclass(frozen=True)
class _BallotWords:
    """A ballot's title, option labels and (a matrix's) scales as the reader says them."""

    title: str
    labels: dict[str, str]
    axes: tuple[str, str]


def _print_ballot(ballot: dict[str, Any], words: _BallotWords) -> None:
    status = _("open") if ballot["open"] else _("gesloten")
    anonymous = _(", anoniem") if ballot["anonymous"] else ""
    heading = RichText.assemble(
        "\n",
        (ballot["id"], "bold"),
        ngettext(
            " {title} — {value}, {status}{anonymous}, {voters} gestemd",
            " {title} — {value}, {status}{anonymous}, {voters} gestemd",
            ballot["voters"],
        ).format(
            title=words.title,
            value=method_label(ballot["method"]),
            status=status,
            anonymous=anonymous,
            voters=ballot["voters"],
        ),
    )
    out.print(heading)
    if ballot["paper_votes"]:
        out.print("  " + _("waarvan {count} op papier").format(count=ballot["paper_votes"]))
    result = ballot["tally"]
    if result is None:
        out.print(_("  uitslag nog verborgen"))
        return
    if result["matrix"] is not None:
        points = tuple(
            MatrixPoint(
                p["option_id"],
                words.labels.get(p["option_id"], p["label"]),
                p["voters"],
                tuple(p["means"]) if p["means"] else None,
                tuple(p["spreads"]) if p["spreads"] else None,
            )
            for p in result["matrix"]["points"]
        )
        for line in (*grid_lines(points, words.axes), *legend_lines(points, words.axes)):
            out.print(RichText(line))
        return
    rows = {row["option_id"]: row for row in result["rows"]}
    order = result["ranking"] if ballot["method"] != "likert" else list(rows)
    grid = Table.grid(padding=(0, 1))
    for justify in ("right", "left", "left", "right", "left"):
        grid.add_column(justify=justify)
    biggest = max((row["points"] or row["count"] for row in rows.values()), default=0) or 1
    for option_id in order:
        row = rows[option_id]
        if ballot["method"] == "ranking":
            figure, size = _("{points} punten").format(points=row["points"]), row["points"]
        else:
            figure, size = f"{row['count']} ({percent_text(row['percent'])})", row["count"]
        bar = "█" * round(20 * size / biggest)
        benchmark = row["benchmark_percent"]
        bench = (
            _("bevraging {benchmark}").format(benchmark=percent_text(benchmark))
            if benchmark is not None
            else ""
        )
        label = words.labels.get(option_id, row["label"])
        grid.add_row(f"  {option_id}.", RichText(label), bar, figure, bench)
    out.print(grid)
    for reason in result["reasons"]:
        out.print(RichText(f"  {_(reason['answer'])}: {reason['reason']}"))
    if result["no_opinion"]:
        out.print(
            _("  geen mening: {no_opinion} (apart geteld, niet in de percentages)").format(
                no_opinion=result["no_opinion"]
            )
        )
    statement = ballot["statement"]
    if statement and statement["benchmark"] is not None:
        out.print(f"  {survey_note(statement['benchmark_n'], statement['benchmark_table'])}")


@session_app.command("export")
def export(
    session: SessionArg,
    fmt: Annotated[
        Literal["md", "csv", "json", "pdf"],
        typer.Option("--format", "-f", help="md, csv, json of pdf."),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Doelbestand (md, json, pdf) of doelmap (csv)."),
    ],
) -> None:
    """Exporteer het verslag (md of pdf), nette tabellen (csv, één per soort) of de hele
    sessie (json)."""
    path = session_path(session)
    state = read_state(path, warn=warn)
    if fmt == "pdf":
        print(write_pdf_report(state, session_deck(path, state), output))
        return
    if fmt == "csv":
        checked_output_folder(output, _("csv schrijft een map met tabellen, bv. -o tabellen"))
    elif fmt == "md":
        checked_output_file(output, _("geef een bestandsnaam, bv. -o verslag.md"))
    else:
        checked_output_file(output, _("geef een bestandsnaam, bv. -o sessie.json"))
    try:
        deck = session_deck(path, state) if fmt == "md" else None
        written = write_export(state, fmt, output, deck)
    except OSError as error:
        print(
            _("Fout: kon {value} niet schrijven: {strerror}").format(
                value=visible(str(output)), strerror=error.strerror
            ),
            file=sys.stderr,
        )
        raise typer.Exit(2) from None
    for path in written:
        print(_("Geschreven: {path}").format(path=path))
