"""The loader against junk: any text or YAML structure gives a clean InputError or a
valid workshop, never another exception."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from deck import InputError
from workshops.loader import parse_workshop
from workshops.model import ROUND_KINDS, ROUND_MODELS, Workshop

from .conftest import WORKSHOP

JUNK = settings(max_examples=200, deadline=None)
FILE = Path("junk.yaml")

FIELDS = sorted(
    {"id", "title", "description", "audience", "purpose", "minutes", "rounds", "cases"}
    | {name for model in ROUND_MODELS.values() for name in model.model_fields}
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from([*ROUND_KINDS, "dots", "likert", "options", "approaches", "on-close", ""]),
)
structures = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=25,
)
VALID: dict[str, Any] = yaml.safe_load(WORKSHOP)


def loads_cleanly(raw: bytes) -> None:
    try:
        workshop = parse_workshop(raw, FILE)
    except InputError as error:
        assert error.problems
        for problem in error.problems:
            assert str(problem).startswith(f"{FILE}:")
        return
    assert isinstance(workshop, Workshop)
    assert workshop.rounds_minutes() == workshop.minutes


@JUNK
@given(st.binary(max_size=300))
def test_junk_bytes(raw: bytes) -> None:
    loads_cleanly(raw)


@JUNK
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}'\"#&*!|>%@ \n\t?,.0")), max_size=120))
def test_junk_yaml_like_text(text: str) -> None:
    loads_cleanly(text.encode())


@JUNK
@given(structures)
def test_junk_structures(data: object) -> None:
    loads_cleanly(yaml.safe_dump(data, allow_unicode=True).encode())


@JUNK
@given(
    st.integers(min_value=0, max_value=len(VALID["rounds"]) - 1),
    st.sampled_from(FIELDS),
    structures,
    st.booleans(),
)
def test_one_junk_value_in_a_valid_script(
    index: int, field: str, value: object, in_round: bool
) -> None:
    data = copy.deepcopy(VALID)
    target = data["rounds"][index] if in_round else data
    target[field] = value
    loads_cleanly(yaml.safe_dump(data, allow_unicode=True).encode())
