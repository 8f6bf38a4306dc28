"""The Dutch words only our own texts could print, for reading a French PDF or page back.

The words of the Dutch msgids that some modules mark, less the words of their French
translations: a French print-out holding one of them still carries a Dutch text of ours.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_file

from catalogue import translation

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> set[str]:
    """The words of `text`, lower case, placeholders left out."""
    return {word.lower() for word in WORD.findall(re.sub(r"\{\w+\}", " ", text))}


def dutch_only_words(modules: tuple[str, ...]) -> frozenset[str]:
    """Words of the Dutch texts the `modules` (paths from the repository root) mark that
    their French translations do not use."""
    french = translation("fr")
    dutch: set[str] = set()
    translated: set[str] = set()
    for module in modules:
        for _, message, _, context in extract_from_file("python", ROOT / module, keywords=KEYWORDS):
            if isinstance(message, str):
                said = french.pgettext(context, message) if context else french.gettext(message)
                forms = [(message, said)]
            else:
                one, many = message[0], message[1]
                forms = [
                    (
                        form,
                        french.npgettext(context, one, many, n)
                        if context
                        else french.ngettext(one, many, n),
                    )
                    for form, n in ((one, 1), (many, 2))
                ]
            for msgid, msgstr in forms:
                dutch |= words(msgid)
                translated |= words(msgstr)
    return frozenset(dutch - translated)
