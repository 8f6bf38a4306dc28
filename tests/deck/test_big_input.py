"""Big or hostile deck files are answered in time linear in their size.

No timed assertions: the tests count work (cards validated, text measured) and check that
a refusal comes before the expensive part.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deck import InputError, load_deck
from deck.loader import MAX_PROBLEMS, MAX_UNKNOWN_KEYS
from tests.deck.conftest import FORMS, MANIFEST

SOME = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def deck_of(folder: Path, examples: list[dict[str, object]]) -> Path:
    """A deck whose example file holds `examples`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deck.yaml").write_text(MANIFEST, encoding="utf-8")
    (folder / "vormen.yaml").write_text(FORMS, encoding="utf-8")
    text = yaml.safe_dump(examples, allow_unicode=True, width=10**9)
    (folder / "voorbeelden.yaml").write_text(text, encoding="utf-8")
    return folder


def problems_of(folder: Path) -> list[str]:
    try:
        load_deck(folder)
    except InputError as error:
        return [str(problem) for problem in error.problems]
    return []


def tip(number: int, **extra: object) -> dict[str, object]:
    return {"id": f"tip-{number}", "type": "tip", "title": "Een tip", "text": "Kort.", **extra}


def test_a_card_with_thousands_of_unknown_keys_is_one_line(tmp_path: Path) -> None:
    keys = {f"veld-{n}": n for n in range(20_000)}
    problems = problems_of(deck_of(tmp_path, [tip(1, **keys)]))
    assert len(problems) == 1
    assert "card 'tip-1': 20000 onbekende velden, te veel om op te sommen" in problems[0]
    assert (
        "(een kaart van type 'tip' kent alleen checks, id, sources, text, title, type)"
        in (problems[0])
    )


def test_a_few_unknown_keys_are_each_reported_with_a_hint(tmp_path: Path) -> None:
    keys = {f"veld-{n}": n for n in range(MAX_UNKNOWN_KEYS - 1)} | {"titel": "x"}
    problems = problems_of(deck_of(tmp_path, [tip(1, **keys)]))
    assert len(problems) == MAX_UNKNOWN_KEYS
    assert any("onbekend veld 'titel' (bedoelde je 'title'?)" in line for line in problems)


@pytest.mark.slow
@SOME
# Past MAX_PROBLEMS cards (one bad key each) the list is cut whatever follows: files of up to
# 2.5 times that try both sides of the cut without parsing thousands of cards per example.
@given(cards=st.integers(0, 5 * MAX_PROBLEMS // 2), bad_keys=st.integers(1, MAX_UNKNOWN_KEYS))
def test_the_number_of_problems_is_bounded_whatever_the_file(
    tmp_path_factory: object, cards: int, bad_keys: int
) -> None:
    folder = tmp_path_factory.mktemp("deck")  # type: ignore[attr-defined]
    broken = [tip(n, **{f"fout-{k}": k for k in range(bad_keys)}) for n in range(cards)]
    problems = problems_of(deck_of(folder, broken))
    read = -(-MAX_PROBLEMS // bad_keys)  # cards read before the list is long enough
    if cards > read:
        assert len(problems) == read * bad_keys + 1
        assert "te veel problemen: de kaarten vanaf hier zijn niet gecontroleerd" in problems[-1]
    else:
        assert len(problems) == cards * bad_keys
