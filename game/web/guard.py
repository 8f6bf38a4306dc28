"""What keeps the room's web server safe on a shared network.

- **Cookies**: the participant's token and the forgery token live in HttpOnly,
  SameSite=Strict cookies, so no other site's page sends them along.
- **Forgery**: every form carries the forgery token of its browser (double submit), and a
  request that a browser marks as coming from another site is refused, live pages included.
- **Guessing the join code**: wrong codes are counted per client address as they arrive.
  After a few (typos happen, and a whole venue may share one address), every next attempt
  from that address is answered only after a pause that doubles with each wrong code, one
  at a time: a client that fires codes without waiting still gets one answer per pause.
  Right codes are never counted, so 200 phones behind one router all join at once.
"""

from __future__ import annotations

import asyncio
import hmac
import secrets
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from multidict import MultiDict, MultiDictProxy

from catalogue import N_

CSRF_COOKIE = "nwt_formulier"
PARTICIPANT_COOKIE = "nwt_deelnemer"
EARLIER_COOKIE = "nwt_eerder"
"""Tokens this phone joined with before (anonymously, before giving a name)."""
COOKIE_DAYS = 2
"""A netwerktafel lasts an afternoon; its cookies need not outlive the weekend."""
MAX_BODY = 16 * 1024
"""The largest form a phone sends (a name, a vote, a reason of 1,000 characters) is far
below this."""


def set_cookie(response: web.StreamResponse, name: str, value: str) -> None:
    """Set one of the room's cookies: not for scripts, never sent along by other sites."""
    response.set_cookie(
        name, value, httponly=True, samesite="Strict", path="/", max_age=COOKIE_DAYS * 86400
    )


def csrf_token(request: web.Request) -> str:
    """This browser's forgery token: the one in its cookie, or a fresh one."""
    known = request.cookies.get(CSRF_COOKIE, "")
    return known if _looks_like_token(known) else secrets.token_urlsafe(18)


def remember_csrf(response: web.StreamResponse, request: web.Request, token: str) -> None:
    """Set the forgery cookie on `response` unless the browser holds it already."""
    if request.cookies.get(CSRF_COOKIE) != token:
        set_cookie(response, CSRF_COOKIE, token)


async def read_form(request: web.Request) -> MultiDictProxy[str]:
    """The posted form; a body that is no readable form is a 400, never a failure of ours.

    Only plain forms (url-encoded, as every form of the pages posts): no file uploads, no
    multipart parser to feed junk to.
    """
    if request.content_type != "application/x-www-form-urlencoded":
        raise web.HTTPUnsupportedMediaType(text=N_("Alleen de formulieren van de stempagina."))
    try:
        posted = await request.post()
    except (ValueError, UnicodeDecodeError, HttpProcessingError):
        # aiohttp's form parsers raise these on undecodable or truncated bodies.
        raise web.HTTPBadRequest(text=N_("Dit formulier kon niet gelezen worden.")) from None
    return MultiDictProxy(MultiDict((k, v) for k, v in posted.items() if isinstance(v, str)))


def forged(request: web.Request, form: Mapping[str, str]) -> bool:
    """Whether a form post fails the forgery checks (another site, or no matching token)."""
    if from_other_site(request):
        return True
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = form.get("_csrf", "")
    return not (cookie and sent and hmac.compare_digest(cookie, sent))


def from_other_site(request: web.Request) -> bool:
    """Whether the browser says this request comes from a page of another site.

    Browsers send `Origin` with form posts and cross-site live connections, and
    `Sec-Fetch-Site` with almost everything; a request without either is not from a
    browser page at all (curl, the benchmark) and is judged by its tokens alone.
    """
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None and site not in ("same-origin", "none"):
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    return origin != f"{request.scheme}://{request.host}"


def _looks_like_token(text: str) -> bool:
    return 16 <= len(text) <= 64 and all(ch.isalnum() or ch in "-_" for ch in text)


@dataclass
class _Address:
    wrong: int = 0
    next_try: float = 0.0
    last_wrong: float = 0.0
    waiting: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class TooManyAttempts(Exception):
    """An address has more join attempts waiting than the room allows."""


@dataclass
class JoinGuard:
    """Counts wrong join codes per client address and slows that address down.

    A code is compared as soon as it arrives: a wrong one is counted at once
    (`wrong_code`), then the attempt waits its `turn` before it is answered. An address
    with no wrong codes beyond the free ones goes straight through, many requests at once;
    a penalised address gets one answer at a time, each after its pause, right codes
    included: firing codes without waiting for the answers gains nothing.
    """

    free: int = 5
    """Wrong codes an address may send before it has to wait."""
    first_pause: float = 1.0
    longest_pause: float = 30.0
    forget_after: float = 600.0
    """An address that sent no wrong code for this long starts afresh."""
    max_waiting: int = 20
    """Attempts from one address that may wait at once; more are turned away unread."""
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    _addresses: dict[str, _Address] = field(default_factory=dict, repr=False)

    def _entry(self, address: str) -> _Address:
        entry = self._addresses.get(address)
        now = self.clock()
        if (
            entry is not None
            and entry.waiting == 0
            and not entry.lock.locked()
            and now - entry.last_wrong > self.forget_after
        ):
            entry = None
        if entry is None:
            if len(self._addresses) > 10_000:
                # A flood of addresses: drop the settled ones rather than grow without end.
                self._addresses = {
                    key: known
                    for key, known in self._addresses.items()
                    if known.waiting or known.lock.locked()
                }
            entry = self._addresses[address] = _Address()
        return entry

    def penalised(self, address: str) -> bool:
        """Whether attempts from `address` wait their turn."""
        return self._entry(address).wrong > self.free

    @asynccontextmanager
    async def turn(self, address: str) -> AsyncIterator[None]:
        """Wait until `address` may try a code; `TooManyAttempts` when too many wait."""
        entry = self._entry(address)
        if entry.wrong <= self.free:
            yield
            return
        if entry.waiting >= self.max_waiting:
            raise TooManyAttempts
        entry.waiting += 1
        try:
            await entry.lock.acquire()
        finally:
            entry.waiting -= 1
        try:
            while (delay := entry.next_try - self.clock()) > 0:
                await asyncio.sleep(delay)
            yield
        finally:
            entry.lock.release()

    def wrong_code(self, address: str) -> None:
        """Count a wrong code from `address`; past the free ones, its next try waits longer."""
        entry = self._entry(address)
        entry.wrong += 1
        now = self.clock()
        entry.last_wrong = now
        over = entry.wrong - self.free
        if over > 0:
            pause = min(self.first_pause * 2 ** (over - 1), self.longest_pause)
            entry.next_try = max(entry.next_try, now) + pause
