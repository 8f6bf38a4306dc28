"""The session as plain data (JSON-ready dicts), for `show --json`, exports and screens.

This is the one place that decides what of the state may be shown: token hashes never;
an anonymous ballot's votes never (only its tally); a ballot's tally and votes only once
its results are visible (unless the caller asks for hidden results, for the facilitator's
own eyes).
"""

from __future__ import annotations

from typing import Any

from game.engine.ballots import (
    Tally,
    blocked_actions,
    paper_name,
    ranked,
    results_visible,
    tally,
)
from game.engine.state import Ballot, SessionState

FORMAT_VERSION = 1
"""Version of the JSON layout below; raised when a field changes meaning or goes away."""


def session_view(state: SessionState, *, show_hidden: bool = False) -> dict[str, Any]:
    """The whole session as JSON-ready data."""
    info = state.info
    names = {s.id: s.name for s in state.stakeholders.values()}
    current = state.current_round()
    blocked = blocked_actions(
        b for b in state.ballots.values() if show_hidden or results_visible(b)
    )
    return {
        "format": FORMAT_VERSION,
        "session": None
        if info is None
        else {
            "id": info.session_id,
            "case": info.case,
            "deck": info.deck_id,
            "workshop": {"id": info.workshop_id, "title": info.workshop_title},
            "join_code": info.join_code,
            "started_at": info.started_at,
            "events": state.version,
        },
        "rounds": []
        if info is None
        else [
            {
                "index": index,
                "id": plan.id,
                "kind": plan.kind,
                "title": plan.title,
                "minutes": plan.minutes,
                "extra_minutes": state.round.extra_minutes[index],
                "optional": plan.optional,
                "current": index == state.round.index,
            }
            for index, plan in enumerate(info.rounds)
        ],
        "round": None
        if current is None
        else {"index": state.round.index, "id": current.id, "started_at": state.round.started_at},
        "stakeholders": [
            {
                "id": s.id,
                "role_id": s.role_id,
                "role": s.role_title,
                "group": s.group,
                "name": s.name,
                "present": s.present,
            }
            for s in state.stakeholders.values()
        ],
        "participants": [
            {"id": p.id, "name": p.name, "joined_at": p.joined_at}
            for p in state.participants.values()
        ],
        "concerns": [
            {
                "id": x.id,
                "stakeholder_id": x.stakeholder_id,
                "stakeholder": names.get(x.stakeholder_id),
                "concern": x.concern_id,
                "concern_title": x.concern_title,
                "text": x.text,
                "at": x.at,
            }
            for x in state.concerns.values()
        ],
        "approaches": [
            {
                "id": a.id,
                "stakeholder_id": a.stakeholder_id,
                "stakeholder": names.get(a.stakeholder_id),
                "card_id": a.card_id,
                "title": a.card_title,
                "form": a.form,
                "note": a.note,
                "at": a.at,
            }
            for a in state.approaches.values()
        ],
        "ballots": [ballot_view(state, b, show_hidden=show_hidden) for b in state.ballots.values()],
        "actions": [
            {
                "id": x.id,
                "title": x.fields.title,
                "owner_id": x.fields.owner,
                "owner": names.get(x.fields.owner) if x.fields.owner else None,
                "approach_id": x.fields.approach_id,
                "due": x.fields.due,
                "note": x.fields.note,
                "done": x.fields.done,
                "blocked": x.id in blocked,
                "at": x.at,
            }
            for x in state.actions.values()
        ],
    }


def ballot_view(
    state: SessionState, ballot: Ballot, *, show_hidden: bool = False
) -> dict[str, Any]:
    """One ballot as JSON-ready data, with its tally and votes where they may be shown."""
    visible = results_visible(ballot) or show_hidden
    view: dict[str, Any] = {
        "id": ballot.id,
        "title": ballot.title,
        "method": ballot.method,
        "source": ballot.source,
        "options": [{"id": o.id, "label": o.label, "ref": o.ref} for o in ballot.options],
        "dots": ballot.dots,
        "max_choices": ballot.max_choices,
        "stack": ballot.stack,
        "anonymous": ballot.anonymous,
        "reveal": ballot.reveal,
        "no_opinion": ballot.no_opinion,
        "axes": list(ballot.axes),
        "open": ballot.is_open,
        "revealed": ballot.revealed,
        "opened_at": ballot.opened_at,
        "closed_at": ballot.closed_at,
        "statement": None
        if ballot.statement is None
        else {
            "card_id": ballot.statement.card_id,
            "text": ballot.statement.text,
            "scale": list(ballot.statement.scale),
            "benchmark": list(ballot.statement.benchmark)
            if ballot.statement.benchmark is not None
            else None,
            "benchmark_n": ballot.statement.benchmark_n,
            "benchmark_table": ballot.statement.benchmark_table,
        },
        "voters": len(ballot.votes) + len(ballot.paper_votes),
        "paper_votes": len(ballot.paper_votes),
        "results_visible": results_visible(ballot),
        "tally": tally_view(tally(ballot)) if visible else None,
    }
    if not ballot.anonymous and visible:
        people = state.participants
        view["votes"] = [
            {
                "participant_id": pid,
                "participant": people[pid].name if pid in people else None,
                "choices": list(vote.choices),
                "reason": vote.reason,
                "at": vote.at,
            }
            for pid, vote in ballot.votes.items()
        ]
        # A slip names nobody, but like votes it shows only where votes may be seen.
        view["paper"] = [
            {
                "slip": paper_name(slip),
                "choices": list(vote.choices),
                "reason": vote.reason,
                "at": vote.at,
            }
            for slip, vote in ballot.paper_votes.items()
        ]
    return view


def tally_view(result: Tally) -> dict[str, Any]:
    """A tally as JSON-ready data; rows in option order, `ranking` best first."""
    return {
        "voters": result.voters,
        "total": result.total,
        "mean": result.mean,
        "reasons": [{"answer": answer, "reason": reason} for answer, reason in result.reasons],
        "no_opinion": result.no_opinion,
        "paper": result.paper,
        "benchmark_n": result.benchmark_n,
        "rows": [
            {
                "option_id": row.option_id,
                "label": row.label,
                "count": row.count,
                "percent": row.percent,
                "points": row.points,
                "mean_rank": row.mean_rank,
                "benchmark_percent": row.benchmark_percent,
            }
            for row in result.rows
        ],
        "ranking": [row.option_id for row in ranked(result)],
        "matrix": None
        if result.method != "matrix"
        else {
            "axes": list(result.axes),
            "points": [
                {
                    "option_id": point.option_id,
                    "label": point.label,
                    "voters": point.voters,
                    "means": list(point.means) if point.means else None,
                    "spreads": list(point.spreads) if point.spreads else None,
                    "quadrant": point.quadrant,
                }
                for point in result.points
            ],
        },
    }
