"""Names that look the same but are not: `Аnn` with a Cyrillic А beside `Ann`.

`name_key` already makes `Ann2`, ` ann2 ` and `ＡＮＮ２` one name. Letters from another script
that look like Latin ones (Cyrillic а, е, о, р, с …; Greek ο, ρ, ν …) and invisible format
characters make a different name that looks the same on a screen: someone could join as a
copy of someone else. Such names are not refused (a Cyrillic name is a name), but flagged to
the facilitator, who can see who is who.
"""

from __future__ import annotations

import unicodedata

from game.engine.decide import name_key
from game.engine.state import SessionState

_LATIN_LOOKALIKES = str.maketrans(
    {
        # Cyrillic (lower case; upper case is folded to it first)
        "а": "a", "в": "b", "е": "e", "ё": "e", "һ": "h", "н": "h", "і": "i", "ї": "i",
        "ј": "j", "к": "k", "ӏ": "l", "м": "m", "о": "o", "р": "p", "ԛ": "q",
        "ѕ": "s", "с": "c", "т": "t", "у": "y", "ү": "y", "ԝ": "w", "х": "x", "ԁ": "d",
        "ɡ": "g",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "m", "ν": "v",
        "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ζ": "z",
        # Latin letters that pass for others
        "ı": "i", "ɩ": "i", "ȷ": "j", "ʟ": "l", "ɑ": "a",
    }
)  # fmt: skip


def look_alike_key(name: str) -> str:
    """`name` as it looks: `name_key`, invisible format characters dropped, and letters of
    other scripts that look Latin replaced by the Latin letter."""
    visible = "".join(ch for ch in name_key(name) if unicodedata.category(ch) != "Cf")
    return visible.translate(_LATIN_LOOKALIKES)


def look_alikes(state: SessionState) -> list[tuple[str, str]]:
    """Pairs of participant names that are different names but look the same, earliest
    joined first in each pair, in the order the second one joined."""
    seen: dict[str, str] = {}
    pairs = []
    for participant in state.participants.values():
        key = look_alike_key(participant.name)
        first = seen.setdefault(key, participant.name)
        if first != participant.name:
            pairs.append((first, participant.name))
    return pairs
