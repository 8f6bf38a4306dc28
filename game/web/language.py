"""Each page of the room in its reader's language: a participant picks it on their phone.

The room speaks the language of `serve` (`--taal`, `NETWERKTAFEL_TAAL`, the system, Dutch)
until a browser chooses another with the switch at the top of the page (`/taal/fr`); the
choice is kept in a cookie, so a bilingual table votes on one ballot in two languages.
"""

from __future__ import annotations

from urllib.parse import urlencode

from aiohttp import web

from catalogue import LANGUAGE_NAMES, LANGUAGES, current_language, parse_language
from game.engine.access import is_join_code, normalise_join_code
from game.web.guard import set_cookie

LANGUAGE_COOKIE = "taal"
_RETURNS = {"gsm": "/", "scherm": "/scherm"}
"""Where the switch sends the browser back to: the phone page or the beamer page."""


def page_language(request: web.Request) -> str:
    """The language this browser reads: its own choice, else the room's."""
    chosen = parse_language(request.cookies.get(LANGUAGE_COOKIE, ""))
    return chosen if chosen is not None else current_language()


def other_languages(language: str) -> tuple[tuple[str, str], ...]:
    """The languages a page offers to switch to: (code, name in that language)."""
    return tuple((code, LANGUAGE_NAMES[code]) for code in LANGUAGES if code != language)


async def choose(request: web.Request) -> web.Response:
    """GET /taal/{code}?naar=gsm|scherm[&code=JOIN]: keep this browser's language and go back,
    to the join form still holding the join code that the QR link filled in."""
    language = parse_language(request.match_info.get("code", ""))
    if language is None:
        raise web.HTTPNotFound()
    back = _RETURNS.get(request.query.get("naar", "gsm"), "/")
    join_code = normalise_join_code(request.query.get("code", ""))
    if back == "/" and is_join_code(join_code):
        back += "?" + urlencode({"code": join_code})
    response = web.Response(status=303, headers={"Location": back})
    set_cookie(response, LANGUAGE_COOKIE, language)
    return response
