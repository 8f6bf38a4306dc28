"""French spacing in everything a French reader sees from us: the catalogue, and the French side
of the default deck and the built-in werkvormen. A no-break space (U+00A0) goes before : ; ! ? %
and », and after «; a plain space there lets a line break leave the sign alone at a line's start
(on a card, in the PDF report, in a browser).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from babel.messages.catalog import Catalog

from tests.catalogue.conftest import ROOT

BREAKABLE_BEFORE = re.compile(r"[ \u202f][:;!?%»]")
BREAKABLE_AFTER = re.compile(r"«[ \u202f]")
FRENCH_FILES = (
    *sorted((ROOT / "deck" / "default").glob("*.yaml")),
    *sorted((ROOT / "workshops" / "builtin").glob("*.yaml")),
)


def breakable(text: str) -> bool:
    """Whether `text` has a plain space where French wants a no-break one."""
    return bool(BREAKABLE_BEFORE.search(text) or BREAKABLE_AFTER.search(text))


def test_the_check_finds_each_breakable_sign() -> None:
    for sign in ":;!?%»":
        assert breakable(f"mot {sign}")
        assert not breakable(f"mot\u00a0{sign}")
    assert breakable("« mot\u00a0»") and not breakable("«\u00a0mot\u00a0»")
    assert not breakable("19:00, http://, FICHIER:LIGNE:COLONNE, 100\u00a0%")


def test_french_messages_keep_their_signs_to_their_words(french: Catalog) -> None:
    found = [
        repr(text)
        for message in french
        if message.id
        for text in ([message.string] if isinstance(message.string, str) else message.string or ())
        if breakable(text)
    ]
    assert not found, (
        f"{len(found)} French message(s) with a plain space before : ; ! ? % » or after «; "
        "write U+00A0 there: " + "; ".join(found[:10])
    )


def french_texts(node: Any) -> Iterator[str]:
    """The French side of every text in a parsed deck or werkvorm file."""
    if isinstance(node, dict):
        if isinstance(node.get("fr"), str):
            yield node["fr"]
        for value in node.values():
            yield from french_texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from french_texts(item)


def test_the_french_deck_and_werkvormen_keep_their_signs_to_their_words() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {text[:60]!r}"
        for path in FRENCH_FILES
        for text in french_texts(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
        if breakable(text)
    ]
    assert FRENCH_FILES and not found, "; ".join(found[:10])
