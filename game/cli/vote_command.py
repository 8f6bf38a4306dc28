"""`netwerktafel vote`: join a session (or re-join by name) and cast one vote.

Meant for a terminal on the facilitator's machine (a split pane, SSH) and for scripts: the
session file itself is the way in, so the join code is read from it unless `--code` is
given. Each run gets a fresh participant token; joining again with the same name is a
re-join, so a second vote by the same name replaces the first. The join and the vote are
one transaction: a refused vote leaves nothing behind, not even the join.

Exit 0 when the vote is recorded (on disk), 2 with one Dutch line when it is refused.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from game.cli.session_commands import SessionArg, emit_json, guarded, open_store, refuse
from game.engine import Actor, find_ballot, resolve_choice
from game.engine import commands as c
from game.engine import events as e
from game.store import new_token


def vote(
    session: SessionArg,
    name: Annotated[str, typer.Option("--name", help="Je naam (dezelfde naam = opnieuw stemmen).")],
    ballot: Annotated[str, typer.Option("--ballot", help="Id van de stemronde (b1).")],
    choices: Annotated[
        list[str],
        typer.Option(
            "--choice",
            help="Een optie (nummer of naam). Herhaal: stippen stapelen, rangorde = volgorde; "
            "bij een schaal: 1–5.",
        ),
    ],
    reason: Annotated[
        str | None, typer.Option("--reason", help="Een korte toelichting bij je stem.")
    ] = None,
    code: Annotated[
        str | None,
        typer.Option("--code", help="Deelnamecode. Standaard: de code in het sessiebestand."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Schrijf het resultaat als JSON.")
    ] = False,
) -> None:
    """Meld je aan (of opnieuw, met dezelfde naam) en breng één stem uit."""
    with guarded(), open_store(session) as store:
        state = store.state
        found = find_ballot(state, ballot)
        if isinstance(found, str):
            refuse(found)
        option_ids = []
        for choice in choices:
            option_id = resolve_choice(found, choice)
            if option_id is None:
                known = ", ".join(f"{o.id} ({o.label})" for o in found.options)
                refuse(f"'{choice}' is geen optie van stemronde {found.id}; kies uit: {known}")
            option_ids.append(option_id)
        assert state.info is not None
        actor = Actor(new_token())
        join_code = code if code is not None else state.info.join_code
        joined, cast = store.submit_many(
            [
                (c.JoinParticipant(name, join_code), actor),
                (c.CastVote(found.id, tuple(option_ids), reason), actor),
            ]
        )
    assert isinstance(cast, e.VoteCast)
    participant = getattr(joined, "participant_id", "")
    if as_json:
        emit_json({"ballot": cast.ballot_id, "participant": participant, "choices": option_ids})
        return
    labels = ", ".join(found.option(x).label for x in option_ids)  # type: ignore[union-attr]
    print(f"Stem geteld voor {name.strip()} in stemronde {cast.ballot_id}: {labels}")
    sys.stdout.flush()
