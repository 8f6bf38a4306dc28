"""Read YAML safely and keep track of where every value stands in the file.

PyYAML's safe loader gives values without positions, and silently keeps the last of two
equal keys. Here the safe composer builds the node tree, our own walk turns it into plain
data (refusing duplicate keys and unsafe tags), and the tree stays with the data so that a
validation error at a path (`(3, "themes", 1)`) can point at its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from deck.collector_pause import collector_paused
from deck.problems import InputError, Location, Problem
from deck.regular_file import read_regular_file

PathKey = tuple[str | int, ...]

MAX_NODES = 200_000
"""Bound on values per file, so an alias bomb cannot expand without end."""

MAX_BYTES = 10_000_000

# libyaml's parser is ten times faster than the pure-Python one and gives the same nodes
# and marks; PyYAML's wheels ship it, a source build may not.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """Data read from one YAML file, and the node tree that knows where each value stands."""

    file: Path
    data: Any
    root: yaml.Node | None = None
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def where(self, path: PathKey, *, key: bool = False) -> Location:
        """Position of the value at `path` (or its key), else of the nearest enclosing value.

        Positions are looked up in the node tree only when a problem is reported, so a
        valid file pays nothing for them.
        """
        node = self.root
        if node is None:
            return Location(self.file)
        for step, part in enumerate(path):
            child = self._child(node, part)
            if child is None:
                break
            key_node, value_node = child
            if key and step == len(path) - 1 and key_node is not None:
                node = key_node
                break
            node = value_node
        mark = node.start_mark
        return Location(self.file, mark.line + 1, mark.column + 1)

    def _child(self, node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            return (None, node.value[part]) if 0 <= part < len(node.value) else None
        if isinstance(node, yaml.MappingNode):
            # A mapping is indexed once: a card with many bad keys costs linear time to
            # report, not a scan of all its keys per problem.
            keys = self._keys.get(id(node))
            if keys is None:
                keys = {}
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode):
                        keys.setdefault(key_node.value, (key_node, value_node))
                self._keys[id(node)] = keys
            return keys.get(str(part))
        return None


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_DECIMAL = re.compile("[-+]?(0|[1-9][0-9]*)")
"""An int the safe constructor reads as a plain decimal: no 0x, 0o, 0b, leading 0, _ or :."""


class _Walker:
    def __init__(self, file: Path) -> None:
        self.file = file
        self.constructor = yaml.constructor.SafeConstructor()
        self.problems: list[Problem] = []
        self.count = 0

    def at(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.file, mark.line + 1, mark.column + 1)

    def walk(self, node: yaml.Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES or depth > 100:
            raise _TooLarge(self.at(node))
        if isinstance(node, yaml.ScalarNode):
            # Most values are plain strings: take them as they are, build the rest safely.
            if node.tag == _STR:
                return node.value
            if node.tag == _INT and _DECIMAL.fullmatch(node.value):
                # What the safe constructor makes of a plain decimal, without its detours
                # (a card of many numbers costs a second less).
                return int(node.value)
            return self.constructor.construct_object(node)
        if node.tag not in _PLAIN_TAGS:
            # Tags like !!python/object would be code in an unsafe loader; here they are refused.
            raise _Refused(self.at(node), f"YAML-tag '{node.tag}' is niet toegestaan")
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth)
        return [self.walk(item, depth + 1) for item in node.value]

    def mapping(self, node: yaml.MappingNode, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    Problem(self.at(key_node), "een sleutel moet een eenvoudige naam zijn")
                )
                continue
            key = key_node.value
            if key in first_line:
                self.problems.append(
                    Problem(
                        self.at(key_node),
                        f"sleutel '{key}' staat twee keer in dezelfde mapping",
                        hint=f"eerste keer op regel {first_line[key]}",
                    )
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.walk(value_node, depth + 1)
        return result


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Refused(Exception):
    def __init__(self, where: Location, message: str) -> None:
        self.where = where
        self.message = message


class _TooLarge(_Refused):
    def __init__(self, where: Location) -> None:
        super().__init__(where, "YAML is te groot of te diep genest")


_SYNTAX_MESSAGES = (
    ("character '\\t'", "tab gevonden", "spring in met spaties, niet met tabs"),
    (
        "mapping values are not allowed",
        "dubbele punt op een plaats waar die niet mag",
        "zet een tekst met ': ' tussen aanhalingstekens",
    ),
    ("expected <block end>", "inspringing klopt niet", "lijn de regel uit met de velden erboven"),
    ("could not find expected ':'", "dubbele punt ontbreekt", "schrijf 'veld: waarde'"),
    (
        "cannot start any token",
        "teken dat YAML hier niet toelaat",
        "zet een tekst die met @ of ` begint tussen aanhalingstekens",
    ),
    (
        "found unexpected end of stream",
        "tekst stopt midden in een waarde",
        "sluit elk aanhalingsteken en elke [ of {",
    ),
    ("expected ',' or ']'", "lijst niet goed gesloten", "sluit de lijst met ]"),
    ("expected ',' or '}'", "mapping niet goed gesloten", "sluit de mapping met }"),
    ("found undefined alias", "onbekende verwijzing (alias)", "definieer eerst het anker met &"),
    ("found duplicate anchor", "anker twee keer gedefinieerd", "geef elk anker een eigen naam"),
    ("did not find expected key", "inspringing klopt niet", "controleer inspringing en streepjes"),
    (
        "did not find expected '-' indicator",
        "lijstelement verwacht",
        "begin elk element van de lijst met '- '",
    ),
)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return ""


def _syntax_message(problem: str) -> tuple[str, str]:
    # PyYAML speaks English; the common problems get a Dutch message and a hint to act on.
    for english, message, hint in _SYNTAX_MESSAGES:
        if english in problem:
            return message, hint
    return problem or "ongeldige YAML", "controleer inspringing, dubbele punten en aanhalingstekens"


def read_yaml(file: Path) -> YamlDocument:
    """Read one YAML file with the safe loader; raise `InputError` on anything unreadable.

    An empty file, a binary file, invalid UTF-8, a syntax error, duplicate keys and
    several documents in one file are all reported as problems with their position.
    """
    raw = read_regular_file(file, MAX_BYTES)
    return parse_yaml(raw, file)


def parse_yaml(raw: bytes, file: Path) -> YamlDocument:
    """Parse YAML bytes that came from `file` (used in messages)."""
    start = Location(file)
    if len(raw) > MAX_BYTES:
        raise InputError([Problem(start, "bestand is te groot (meer dan 10 MB)")])
    if b"\0" in raw:
        raise InputError([Problem(start, "dit is geen tekstbestand", hint="verwacht YAML")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            [Problem(Location(file, line), "geen geldige UTF-8-tekst", hint="sla op als UTF-8")]
        ) from None
    try:
        with collector_paused():
            nodes = list(yaml.compose_all(text, Loader=_LOADER))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(file, mark.line + 1, mark.column + 1) if mark else start
        problem = error.problem or error.context or ""
        if mark and _char_at(text, mark.line, mark.column) == "\t":
            problem = "character '\\t'"
        message, hint = _syntax_message(problem)
        raise InputError([Problem(where, f"YAML-fout: {message}", hint=hint)]) from None
    except yaml.YAMLError as error:
        raise InputError([Problem(start, f"YAML-fout: {error}")]) from None
    except RecursionError:
        raise InputError([Problem(start, "YAML is te diep genest")]) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise InputError([Problem(start, "bestand is leeg", hint="verwacht YAML-inhoud")])
    if len(nodes) > 1:
        second = nodes[1].start_mark
        raise InputError(
            [
                Problem(
                    Location(file, second.line + 1, second.column + 1),
                    "meer dan één YAML-document in dit bestand",
                    hint="verwijder de tweede '---'",
                )
            ]
        )
    document = YamlDocument(file, None, nodes[0])
    walker = _Walker(file)
    try:
        with collector_paused():
            document.data = walker.walk(nodes[0])
    except _Refused as error:
        raise InputError([Problem(error.where, error.message)]) from None
    except yaml.MarkedYAMLError as error:
        # A scalar the safe constructor cannot build: an unknown tag, a bad timestamp.
        mark = error.problem_mark or error.context_mark
        where = Location(file, mark.line + 1, mark.column + 1) if mark else start
        raise InputError([Problem(where, f"ongeldige waarde: {error.problem or error}")]) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        raise InputError([Problem(start, f"ongeldige waarde: {error}")]) from None
    if walker.problems:
        raise InputError(walker.problems)
    return document
