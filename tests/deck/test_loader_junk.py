"""The loader against junk: any text or YAML structure gives a clean error or a valid deck."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deck import InputError, load_deck
from deck.yaml_source import parse_yaml
from tests.deck.conftest import EXAMPLES, FORMS, MANIFEST

JUNK = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["vorm", "voorbeeld", "meedoen", "bemiddelen", "overlast", "id", "type"]),
)
structures = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "type", "title", "text", "form", "subform", "themes", "x"])
            | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


def write(folder: Path, examples: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deck.yaml").write_text(MANIFEST, encoding="utf-8")
    (folder / "vormen.yaml").write_text(FORMS, encoding="utf-8")
    (folder / "voorbeelden.yaml").write_bytes(examples)
    return folder


def loads_cleanly(folder: Path) -> None:
    try:
        load_deck(folder)
    except InputError as error:
        assert error.problems
        for problem in error.problems:
            text = str(problem)
            assert text.startswith(str(folder)), text
            assert problem.where.line >= 1 and problem.where.column >= 1


@JUNK
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes(tmp_path: Path, raw: bytes) -> None:
    loads_cleanly(write(tmp_path / "bytes", raw))


@JUNK
@given(text=st.text(max_size=300))
def test_arbitrary_text(tmp_path: Path, text: str) -> None:
    loads_cleanly(write(tmp_path / "text", text.encode("utf-8", "surrogatepass")))


@JUNK
@given(data=structures)
def test_arbitrary_yaml_structures(tmp_path: Path, data: object) -> None:
    loads_cleanly(write(tmp_path / "tree", yaml.safe_dump(data, allow_unicode=True).encode()))


@JUNK
@given(cards=st.lists(structures, max_size=4))
def test_junk_cards_beside_valid_ones(tmp_path: Path, cards: list[object]) -> None:
    junk = yaml.safe_dump(cards, allow_unicode=True) if cards else ""
    loads_cleanly(write(tmp_path / "mixed", (EXAMPLES + junk).encode()))


@JUNK
@given(mutation=st.tuples(st.integers(0, len(EXAMPLES) - 1), st.text(max_size=6)))
def test_edited_valid_file(tmp_path: Path, mutation: tuple[int, str]) -> None:
    at, inserted = mutation
    edited = EXAMPLES[:at] + inserted + EXAMPLES[at:]
    loads_cleanly(write(tmp_path / "edited", edited.encode("utf-8", "surrogatepass")))


def test_alias_bomb_is_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    try:
        parse_yaml(bomb.encode(), Path("bom.yaml"))
    except InputError as error:
        assert "te groot" in str(error)
    else:
        raise AssertionError("an alias bomb must be refused")


def test_unsafe_tags_are_not_executed() -> None:
    try:
        parse_yaml(b"- !!python/object/apply:os.system ['echo hi']\n", Path("x.yaml"))
    except InputError as error:
        assert "x.yaml:1:3" in str(error)
    else:
        raise AssertionError("a python tag must be refused")


@given(
    number=st.integers().map(str)
    | st.from_regex(r"[-+]?[0-9][0-9_]{0,8}", fullmatch=True)
    | st.from_regex(r"[1-9]:[0-5][0-9]", fullmatch=True)
    | st.from_regex(r"0[xob][0-9a-f]{1,6}", fullmatch=True)
)
def test_a_number_reads_as_the_safe_loader_reads_it(number: str) -> None:
    # Plain decimals take a shortcut past the safe constructor: same value, same type.
    text = f"- n: {number}\n  m: [{number}, x]\n"
    data = parse_yaml(text.encode("utf-8"), Path("getallen.yaml")).data
    expected = yaml.safe_load(text)
    assert data == expected
    assert [type(value) for value in data[0]["m"]] == [type(v) for v in expected[0]["m"]]
