"""The message catalogue: every text a user reads, in Dutch (the msgid) and in French.

Runtime needs only the standard library's `gettext`, imported on first use so that
`netwerktafel --help` stays fast. Babel is a development tool (extract, compile, check).

- `_("Dutch text")` gives the text in the process's language.
- `N_("…")` only marks a module-level constant for extraction; show it with `_()`.
- `ngettext(singular, plural, n)` picks the plural form.
- `Message("Dutch {name}", name=…)` is text made in one place and shown in another (an
  engine refusal): it reads as the process's language, and `in_language(lang)` says it again
  for one phone page or one participant of a bilingual table; `plural_message` is its
  plural form.
- `translation(lang)` is the translations of one language, `translator(lang)` its gettext
  (`_ = translator(lang)` in a function that draws for one reader); `use_language(lang)`
  sets the process's language.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gettext import NullTranslations

DOMAIN = "netwerktafel"
LANGUAGES = ("nl", "fr")
"""The languages the product speaks; the first is the source and the fallback."""
SOURCE_LANGUAGE = LANGUAGES[0]
LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français"}
"""Each language named in itself, as a switch offers it."""
ENVIRONMENT_VARIABLE = "NETWERKTAFEL_TAAL"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_DIRECTORY = Path(__file__).resolve().parent

_translations: dict[str, NullTranslations] = {}
_language: str | None = None
_active: NullTranslations | None = None


def translation(language: str) -> NullTranslations:
    """The translations of `language` (one of `LANGUAGES`), loaded once per process."""
    found = _translations.get(language)
    if found is not None:
        return found
    import gettext

    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    loaded: NullTranslations
    if language == SOURCE_LANGUAGE:
        # The msgids are the Dutch text: nothing to look up.
        loaded = gettext.NullTranslations()
    else:
        loaded = gettext.translation(DOMAIN, _DIRECTORY, languages=[language])
    _translations[language] = loaded
    return loaded


def parse_language(value: str) -> str | None:
    """`value` as one of `LANGUAGES` (case and spaces ignored), or None when it is none."""
    cleaned = value.strip().lower()
    return cleaned if cleaned in LANGUAGES else None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language a process speaks unless told otherwise.

    `NETWERKTAFEL_TAAL` when it names a language, else the system locale (a French locale
    gives French, in POSIX order: LC_ALL, LC_MESSAGES, LANG), else Dutch.
    """
    environ = os.environ if environ is None else environ
    chosen = parse_language(environ.get(ENVIRONMENT_VARIABLE, ""))
    if chosen is not None:
        return chosen
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            return "fr" if value.lower().startswith("fr") else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def use_language(language: str) -> None:
    """Make `language` the language of this process's `_()` and `ngettext()`."""
    global _language, _active
    _active = translation(language)
    _language = language


def current_language() -> str:
    """The language `_()` speaks now (from the environment until `use_language` is called)."""
    if _language is None:
        use_language(language_from_environment())
    assert _language is not None
    return _language


def translator(language: str | None = None) -> Callable[[str], str]:
    """`_` for one reader: `language`'s gettext, or the process's when `language` is None.

    A deck may be written in a language the product does not speak (`en`): its labels
    then stay in the source language.
    """
    if language is None:
        return _
    return translation(language if language in LANGUAGES else SOURCE_LANGUAGE).gettext


def _current() -> NullTranslations:
    if _active is None:
        current_language()
    assert _active is not None
    return _active


def _(message: str) -> str:
    """`message` (Dutch) in the process's language."""
    return _current().gettext(message)


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it yet (module-level constants)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the process's language."""
    return _current().ngettext(singular, plural, n)


class Message(str):
    """Text made in one place and shown in another, in the language of whoever reads it.

    It is a `str` in the process's language, so code that only prints it needs nothing
    new; a page that serves several languages at once calls `in_language`. Parameters that
    are themselves `Message`s are translated with it. `plural_message` makes one whose
    wording depends on a number.
    """

    msgid: str
    plural: str | None
    number: int
    """The number that chooses between singular and plural."""
    params: dict[str, Any]

    def __new__(cls, msgid: str, /, **params: Any) -> Message:
        return cls._make(msgid, None, 0, params)

    @classmethod
    def _make(cls, msgid: str, plural: str | None, number: int, params: dict[str, Any]) -> Message:
        made = super().__new__(cls, _say(_current(), msgid, plural, number, params, None))
        made.msgid, made.plural, made.number, made.params = msgid, plural, number, params
        return made

    def in_language(self, language: str) -> str:
        """This text in `language`."""
        words = translation(language)
        return _say(words, self.msgid, self.plural, self.number, self.params, language)


def plural_message(singular: str, plural: str, count: int, /, **params: Any) -> Message:
    """A `Message` whose wording depends on `count` (`{count}` is one of its parameters)."""
    return Message._make(singular, plural, count, {"count": count, **params})


def _say(
    words: NullTranslations,
    msgid: str,
    plural: str | None,
    count: int,
    params: dict[str, Any],
    language: str | None,
) -> str:
    text = words.gettext(msgid) if plural is None else words.ngettext(msgid, plural, count)
    return _format(text, params, language)


def _format(text: str, params: dict[str, Any], language: str | None) -> str:
    if not params:
        return text
    if language is not None:
        params = {key: in_language(value, language) for key, value in params.items()}
    return text.format(**params)


def in_language(text: Any, language: str) -> Any:
    """`text` in `language` when it is a `Message`; any other value as it is."""
    return text.in_language(language) if isinstance(text, Message) else text
