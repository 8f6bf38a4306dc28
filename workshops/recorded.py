"""A session's werkvorm found again, to say its titles in another language than recorded.

A session records the titles of its werkvorm and rounds in the werkvorm's own language (Dutch
for the built-in ones); the werkvorm holds every translation. For a built-in werkvorm whose
texts still match what the session recorded, a reader in another language gets the titles
from it; otherwise (a werkvorm file of one's own, which the session does not keep, or a
werkvorm changed since) the recorded title stays.
"""

from __future__ import annotations

from workshops.loader import builtin_workshops
from workshops.model import StatementsRound, Workshop, round_kind


def recorded_workshop(workshop_id: str | None, recorded_title: str | None) -> Workshop | None:
    """The built-in werkvorm a session was started with, if its title is the recorded one."""
    if workshop_id is None or recorded_title is None:
        return None
    found = builtin_workshops().get(workshop_id)
    if found is None or found.title.in_language(found.language) != recorded_title:
        return None
    return found


def workshop_title(workshop: Workshop | None, recorded: str, language: str) -> str:
    """The werkvorm's title in `language`, or the recorded one."""
    if workshop is None:
        return recorded
    return workshop.title.in_language(language, workshop.language)


def round_title(
    workshop: Workshop | None, round_id: str, kind: str, recorded: str, language: str
) -> str:
    """A round's title in `language`: the werkvorm's title (or its title without a survey)
    that the session recorded, said in `language`; the recorded title when none matches."""
    found = workshop.round(round_id) if workshop is not None else None
    if workshop is None or found is None or round_kind(found) != kind:
        return recorded
    titles = [found.title]
    without = found.without_survey if isinstance(found, StatementsRound) else None
    if without is not None and without.title is not None:
        titles.append(without.title)
    for title in titles:
        if title.in_language(workshop.language) == recorded:
            return title.in_language(language, workshop.language)
    return recorded
