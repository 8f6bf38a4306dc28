"""Text a person typed, made safe for every screen, file and terminal it ends up on.

Control characters (C0 and C1, DEL; newline and tab are text) would let a name move the
cursor of a terminal, set its clipboard (OSC 52) or hide text in an export. Lone
surrogates are the bytes of an argument that was not UTF-8: they cannot be stored.
The engine refuses both at input (`text_problem`); `visible` shows them as escapes
wherever text that never passed the engine (a path, a word that named nothing) is printed.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from catalogue import Message

_ALLOWED_CONTROLS = frozenset("\n\t")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""Every character `visible` escapes: a text without one is shown as it is (the common case,
found at C speed)."""


def _is_control(char: str) -> bool:
    code = ord(char)
    return (code < 0x20 or 0x7F <= code <= 0x9F) and char not in _ALLOWED_CONTROLS


def _is_surrogate(char: str) -> bool:
    return 0xD800 <= ord(char) <= 0xDFFF


def text_problem(text: str) -> str | None:
    """Why `text` cannot be taken as typed (a `Message`), or None when it can."""
    for position, char in enumerate(text, start=1):
        if _is_surrogate(char):
            return Message(
                "bevat bytes die geen UTF-8-tekst zijn (teken {position}); typ de tekst opnieuw",
                position=position,
            )
        if _is_control(char):
            name = unicodedata.name(char, "")
            label = f"U+{ord(char):04X}" + (f" {name}" if name else "")
            return Message(
                "bevat een stuurteken ({label}, teken {position}); laat het weg",
                label=label,
                position=position,
            )
    return None


def command_text_problem(command: object) -> str | None:
    """The first text in a command (a dataclass, searched through) that cannot be taken."""
    if not dataclasses.is_dataclass(command):
        return None
    for field in dataclasses.fields(command):
        value = getattr(command, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, str):
                problem = text_problem(item)
                if problem is not None:
                    return Message(
                        "de invoer '{text}' {problem}", text=visible(item), problem=problem
                    )
            elif dataclasses.is_dataclass(item):
                nested = command_text_problem(item)
                if nested is not None:
                    return nested
    return None


def visible(text: str, limit: int | None = 80) -> str:
    """`text` on one line with every control character and stray byte shown as an escape."""
    if _UNSAFE.search(text) is None:
        return text if limit is None or len(text) <= limit else text[:limit] + "…"
    shown = "".join(
        char.encode("unicode_escape", "backslashreplace").decode("ascii")
        if _is_control(char) or _is_surrogate(char) or char in _ALLOWED_CONTROLS
        else char
        for char in (text if limit is None else text[: limit + 1])
    )
    return shown if limit is None or len(text) <= limit else shown[:limit] + "…"
