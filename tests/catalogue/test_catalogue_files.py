"""The French catalogue is complete, consistent with the sources and compiled as committed."""

from __future__ import annotations

import ast
import gettext
import string
import subprocess
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from tests.catalogue.conftest import FRENCH_PO, KEYWORDS, PYBABEL, ROOT

SOURCE_PACKAGES = ("catalogue", "deck", "workshops", "game", "print")
MARKERS = {"_", "N_", "ngettext", *(keyword.split(":")[0] for keyword in KEYWORDS)}


def _key(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _strings(message: Message) -> list[str]:
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    texts = [message.string] if isinstance(message.string, str) else list(message.string or ())
    return [*ids, *texts]


def test_every_extracted_message_has_a_french_translation(
    extracted: Catalog, french: Catalog
) -> None:
    missing = [_key(m) for m in extracted if m.id and not _translated(french.get(m.id, m.context))]
    assert not missing, (
        f"{len(missing)} message(s) without French in {FRENCH_PO.relative_to(ROOT)} "
        "(see catalogue/README.md): " + "; ".join(repr(m) for m in missing[:20])
    )


def _translated(message: Message | None) -> bool:
    if message is None or message.fuzzy or message.string is None:
        return False
    strings = [message.string] if isinstance(message.string, str) else message.string
    return all(strings)


def test_the_french_file_has_no_untranslated_or_fuzzy_message(french: Catalog) -> None:
    bad = [_key(m) for m in french if m.id and not _translated(m)]
    assert not bad, bad[:20]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_placeholders_are_the_same_in_dutch_and_french(french: Catalog) -> None:
    mismatched = []
    for message in french:
        if not message.id:
            continue
        names = [_fields(text) for text in _strings(message)]
        if any(found != names[0] for found in names):
            mismatched.append(_key(message))
    assert not mismatched, mismatched


def test_the_french_file_holds_no_message_the_sources_dropped(
    extracted: Catalog, french: Catalog
) -> None:
    stale = [_key(m) for m in french if m.id and extracted.get(m.id, m.context) is None]
    assert not stale, f"remove or update in {FRENCH_PO.name}: {stale[:20]}"


def test_the_committed_mo_is_the_po_compiled(tmp_path: Path) -> None:
    target = tmp_path / "fresh.mo"
    subprocess.run(
        [
            PYBABEL,
            "-q",
            "compile",
            "-i",
            str(FRENCH_PO),
            "-o",
            str(target),
            "-l",
            "fr",
        ],
        check=True,
    )
    committed = FRENCH_PO.with_suffix(".mo")
    with target.open("rb") as fresh, committed.open("rb") as shipped:
        assert gettext.GNUTranslations(shipped)._catalog == (  # type: ignore[attr-defined]
            gettext.GNUTranslations(fresh)._catalog  # type: ignore[attr-defined]
        ), "run: pybabel compile -d catalogue -D netwerktafel"


def _marked_literals() -> Iterator[tuple[Path, int, str]]:
    """Every string literal our code hands to a catalogue marker, found by reading the code."""
    for package in SOURCE_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in MARKERS
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    yield path, node.lineno, node.args[0].value


def test_extraction_finds_every_marked_string(extracted: Catalog) -> None:
    found = {_key(m) for m in extracted if m.id}
    lost = [
        f"{path.relative_to(ROOT)}:{line}"
        for path, line, text in _marked_literals()
        if text not in found
    ]
    assert not lost, f"babel.cfg misses: {lost[:20]}"


def test_the_checks_have_messages_to_check(extracted: Catalog) -> None:
    # The checks above would pass on an empty extraction; the CLI's help alone is 100+.
    assert len(extracted) > 100
    assert sum(1 for _ in _marked_literals()) > 5
