"""`netwerktafel vote`: vote in a session, in the participant app or from a script.

Without `--choice` it opens the participant app in this terminal: join with the join code
and a name, wait for a ballot, vote, change the vote, see the results. With both `--code`
and `--name` the app joins at once; with one of them it fills in that field and asks the
rest (the README says the same).

With `--choice` it is the scriptable one-shot: it joins (or re-joins, by name) and casts
one vote, in one transaction, so a refused vote leaves nothing behind, not even the join.
It is meant for a terminal on the facilitator's machine and for scripts: the session file
itself is the way in, so the join code is read from it unless `--code` is given.

Both go through `game.participation.Voter`, as the browser app and the hot seat do. The
participant token lives only in the process: joining again with the same name gets the same
participant back (see `game.participation`).

Exit 0 when the vote is recorded (on disk), 2 with one Dutch line when it is refused.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from catalogue import _
from game.cli.facilitation import ballot_deck, option_ids_of
from game.cli.outcome import emit_json, guarded, refuse
from game.cli.session_choice import OptionalSessionArg, chosen_session
from game.engine import find_ballot
from game.engine.answers import option_labels
from game.participation import BallotRef, Voter
from game.store import SessionStore, facilitator_key_beside


def vote(
    session: OptionalSessionArg = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="Je naam (dezelfde naam = opnieuw stemmen)."),
    ] = None,
    code: Annotated[
        str | None,
        typer.Option(
            "--code",
            help="Deelnamecode. Met --code én --name meldt de app je meteen aan; zonder "
            "vraagt ze ernaar. Met --choice staat ze standaard in het sessiebestand.",
        ),
    ] = None,
    ballot: Annotated[
        str | None, typer.Option("--ballot", help="Met --choice: id van de stemronde (b1).")
    ] = None,
    choices: Annotated[
        list[str] | None,
        typer.Option(
            "--choice",
            help="Stem zonder app: een optie (nummer of naam). Herhaal: stippen stapelen, "
            "rangorde = volgorde; bij een schaal: 1–5; bij een matrix per optie "
            "OPTIE=IMPACT/HAALBAARHEID (bv. --choice 1=4/2 --choice 2=3/5).",
        ),
    ] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Met --choice: een korte toelichting.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Met --choice: schrijf het resultaat als JSON.")
    ] = False,
) -> None:
    """Vote: in the participant app without --choice, at once with it (help: command_table)."""
    path = chosen_session(session)
    if not choices:
        stray = [
            flag
            for flag, given in (("--ballot", ballot), ("--reason", reason), ("--json", as_json))
            if given
        ]
        if stray:
            refuse(
                _("{value} hoort bij --choice; zonder --choice opent de app").format(
                    value=", ".join(stray)
                )
            )
        _run_app(path, code, name)
        return
    if name is None or ballot is None:
        refuse(_("met --choice horen ook --name en --ballot"))
    _vote_once(path, name, ballot, choices, reason, code, as_json)


def _run_app(path: Path, code: str | None, name: str | None) -> None:
    # Imported here: the scriptable path should not pay for loading Textual.
    from game.tui.participant import ParticipantApp

    with SessionStore.open(path) as store:
        ParticipantApp(store, code=code, name=name).run()


def _vote_once(
    path: Path,
    name: str,
    ballot: str,
    choices: list[str],
    reason: str | None,
    code: str | None,
    as_json: bool,
) -> None:
    with guarded(), SessionStore.open(path) as store:
        state = store.state
        found = find_ballot(state, ballot)
        if isinstance(found, str):
            refuse(found)
        shown = ballot_deck(path, state, found)
        option_ids = option_ids_of(found, choices, state, shown)
        assert state.info is not None
        # The facilitator's machine may re-join a participant by name (a scripted vote);
        # elsewhere a name in use needs its own token.
        voter = Voter(store, vouch=facilitator_key_beside(store.path))
        join_code = code if code is not None else state.info.join_code
        cast = voter.join_and_vote(
            join_code, name, BallotRef(voter.session_id, found.id), tuple(option_ids), reason
        )
    if as_json:
        emit_json(
            {"ballot": cast.ballot_id, "participant": voter.participant_id, "choices": option_ids}
        )
        return
    named = {option.id: option.label for option in option_labels(found, None, shown, state)}
    labels = ", ".join(named.get(x, x) for x in option_ids)
    print(
        _("Stem geteld voor {value} in stemronde {ballot_id}: {labels}").format(
            value=name.strip(), ballot_id=cast.ballot_id, labels=labels
        )
    )
    sys.stdout.flush()
