"""The phone page's routes: join, vote (and change the vote), follow the session live.

Every action is a plain form post answered with a redirect (post, then redirect to a GET),
so a phone without JavaScript joins and votes too; `static/live.js` adds live updates.
Moving dots or ranking options without JavaScript is a form post too: the draft travels in
the address (`?stemronde=b1&concept=2,2,3`) until the participant taps Stem.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from aiohttp import web
from multidict import MultiDictProxy

from catalogue import N_, in_language, translator
from game.engine import Actor, Ballot, SessionState, hash_token, normalise_join_code
from game.engine import commands as c
from game.engine.ballots import matrix_choice
from game.engine.voters import VoterKeys
from game.participation import anonymous_join_allowed, pseudonym
from game.store import Refused, new_token
from game.web import pages
from game.web.guard import (
    EARLIER_COOKIE,
    PARTICIPANT_COOKIE,
    TooManyAttempts,
    csrf_token,
    forged,
    from_other_site,
    read_form,
    remember_csrf,
    set_cookie,
)
from game.web.keys import GUARD, ROOM
from game.web.language import page_language
from game.web.live import event_stream
from game.web.phone_view import Identity, PhoneView, phone_view

DRAFT_ACTIONS = ("plus", "min", "omhoog", "omlaag")
WRONG_CODE = N_("Deze deelnamecode klopt niet. Kijk goed op het scherm vooraan en probeer opnieuw.")


@dataclass(frozen=True)
class Phone:
    """What this browser's cookies say about who holds it."""

    token: str | None
    earlier: tuple[str, ...]
    stale: bool
    """The browser joined another session before (a cookie this session does not know)."""

    def identity(self, state: SessionState) -> Identity | None:
        """The participant behind the token in `state`, or None."""
        if self.token is None:
            return None
        participant_id = state.tokens.get(hash_token(self.token))
        if participant_id is None:
            return None
        earlier = tuple(
            (known, token)
            for token in reversed(self.earlier)
            # The same participant's older token too: on an anonymous ballot it voted
            # under a pseudonym of its own.
            if (known := state.tokens.get(hash_token(token))) is not None
        )
        keys = VoterKeys(((participant_id, self.token), *earlier))
        return Identity(participant_id, state.participants[participant_id].name, keys)


def phone_of(request: web.Request, session_id: str) -> Phone:
    """Read this browser's participant cookies for the session `session_id`."""
    stale = False
    token = None
    value = request.cookies.get(PARTICIPANT_COOKIE, "")
    if value:
        session, _, token_part = value.partition(".")
        if session == session_id and token_part:
            token = token_part
        else:
            stale = True
    earlier: tuple[str, ...] = ()
    past = request.cookies.get(EARLIER_COOKIE, "")
    session, _, tokens = past.partition(".")
    if session == session_id and tokens:
        earlier = tuple(tokens.split(".")[-4:])
    return Phone(token, earlier, stale)


async def page(request: web.Request) -> web.StreamResponse:
    """GET /: whatever this phone should see now."""
    room = request.app[ROOM]
    state = room.state
    phone = phone_of(request, room.session_id)
    who = phone.identity(state)
    draft_ballot = request.query.get("stemronde")
    concept = request.query.get("concept")
    draft = tuple(x for x in concept.split(",") if x) if concept is not None else None
    language = page_language(request)
    view = phone_view(
        state, who, deck=room.deck, draft=draft, draft_ballot=draft_ballot, language=language
    )
    notice = None
    if who is None and (phone.stale or phone.token is not None):
        _ = translator(language)
        notice = _(
            "Je vorige netwerktafel is afgelopen. Meld je opnieuw aan met de code van vandaag."
        )
    code = normalise_join_code(request.query.get("code", ""))[:12]
    return _page(request, view, notice=notice, code=code)


async def join(request: web.Request) -> web.StreamResponse:
    """POST /aanmelden: join with the code and a first name, or anonymously."""
    room = request.app[ROOM]
    form = await read_form(request)
    if forged(request, form):
        return _forged(request)
    _ = translator(page_language(request))
    code = _field(form, "code")
    name = _field(form, "naam")
    anonymous = bool(_field(form, "anoniem"))
    address = request.remote or "?"
    guard = request.app[GUARD]
    right = normalise_join_code(code) == room.join_code
    if not right:
        guard.wrong_code(address)
    try:
        async with guard.turn(address):
            if not right:
                return _join_again(request, _(WRONG_CODE), code="", name=name, status=403)
            if anonymous:
                if not anonymous_join_allowed(room.state):
                    message = _("Anoniem meedoen kan alleen als de open stemronde anoniem is.")
                    return _join_again(request, message, code=code, name=name, status=409)
                name = pseudonym()
            token = new_token()
            # The tokens this phone held before prove who it was: a name in use needs one.
            phone = phone_of(request, room.session_id)
            proof = (*phone.earlier, *((phone.token,) if phone.token else ()))
            try:
                await room.submit(c.JoinParticipant(name, code, proof=proof), Actor(token))
            except Refused as refusal:
                message = _sentence(request, refusal.reason)
                return _join_again(request, message, code=code, name=name, status=400)
    except TooManyAttempts:
        return _error(
            request,
            _("Even geduld"),
            _(
                "Er kwamen te veel foute codes van dit netwerk. Wacht een halve minuut en "
                "probeer dan opnieuw."
            ),
            429,
        )
    return _joined(room.session_id, token)


async def give_name(request: web.Request) -> web.StreamResponse:
    """POST /naam: an anonymous participant gives a name for a ballot that is not anonymous."""
    room = request.app[ROOM]
    form = await read_form(request)
    if forged(request, form):
        return _forged(request)
    phone = phone_of(request, room.session_id)
    if phone.token is None or phone.identity(room.state) is None:
        return _redirect("/")
    token = new_token()
    proof = (*phone.earlier, phone.token)
    try:
        command = c.JoinParticipant(_field(form, "naam"), room.join_code, proof=proof)
        await room.submit(command, Actor(token))
    except Refused as refusal:
        error = _sentence(request, refusal.reason)
        return _page(request, _view(request), error=error, status=400)
    return _joined(room.session_id, token, earlier=(*phone.earlier, phone.token))


async def vote(request: web.Request) -> web.StreamResponse:
    """POST /stem: cast or change a vote, or move a dot or an option in the draft."""
    room = request.app[ROOM]
    form = await read_form(request)
    if forged(request, form):
        return _forged(request)
    phone = phone_of(request, room.session_id)
    _ = translator(page_language(request))
    if phone.token is None or phone.identity(room.state) is None:
        return _join_again(request, _("Meld je eerst aan om te stemmen."), status=401)
    if _field(form, "sessie") != room.session_id:
        other = _("Deze stemronde hoort bij een andere sessie.")
        return _error(request, _("Andere sessie"), other, 409)
    ballot = room.state.ballots.get(_field(form, "stemronde"))
    if ballot is None:
        return _error(request, _("Onbekende stemronde"), _("Deze stemronde bestaat niet."), 404)
    choices = tuple(x for key in ("stip", "volgorde", "keuze") for x in form.getall(key, []))
    if ballot.method == "matrix":
        choices = matrix_form_choices(ballot, form)
    for action in DRAFT_ACTIONS:
        if action in form:
            known = {option.id for option in ballot.options}
            draft = tuple(choice for choice in choices if choice in known)
            moved = edit_draft(draft, action, _field(form, action), ballot.dots, ballot.stack)
            query = urlencode({"stemronde": ballot.id, "concept": ",".join(moved)})
            return _redirect(f"/?{query}")
    reason = _field(form, "toelichting").strip() or None
    try:
        await room.submit(c.CastVote(ballot.id, choices, reason), Actor(phone.token))
    except Refused as refusal:
        if not room.state.ballots[ballot.id].is_open:
            return _error(
                request,
                _("Stemronde gesloten"),
                _("De begeleider sloot deze stemronde: je stem telt niet meer."),
                409,
            )
        view = _view(request, draft=choices, draft_ballot=ballot.id)
        return _page(request, view, error=_sentence(request, refusal.reason), status=400)
    return _redirect("/")


async def live(request: web.Request) -> web.StreamResponse:
    """GET /live: the phone's changing part, pushed whenever it changes."""
    room = request.app[ROOM]
    language = page_language(request)
    if from_other_site(request):
        _ = translator(language)
        text = _("Alleen de stempagina zelf volgt de sessie.")
        raise web.HTTPForbidden(text=text)
    phone = phone_of(request, room.session_id)
    if phone.token is None:
        return web.Response(status=204)  # not joined: the page has nothing live to follow

    def draw() -> pages.Parts:
        who = phone.identity(room.state)
        view = phone_view(room.state, who, deck=room.deck, language=language)
        return pages.phone_parts(view, language)

    return await event_stream(request, room, draw)


def matrix_form_choices(ballot: Ballot, form: MultiDictProxy[str]) -> tuple[str, ...]:
    """A matrix vote from the form's two 1–5 fields per option (`as1-ID`, `as2-ID`);
    an option with a field left open is left out, for the engine to name it."""
    choices = []
    for option in ballot.options:
        first, second = _field(form, f"as1-{option.id}"), _field(form, f"as2-{option.id}")
        if first.isdigit() and second.isdigit():
            choices.append(matrix_choice(option.id, int(first[:3]), int(second[:3])))
    return tuple(choices)


def edit_draft(
    choices: tuple[str, ...], action: str, option: str, dots: int, stack: bool
) -> tuple[str, ...]:
    """A dots or ranking draft after one tap on +, −, ↑ or ↓."""
    draft = list(choices)
    if action == "plus" and len(draft) < dots and (stack or option not in draft):
        draft.append(option)
    elif action == "min" and option in draft:
        draft.reverse()
        draft.remove(option)
        draft.reverse()
    elif action in ("omhoog", "omlaag") and option in draft:
        at = draft.index(option)
        to = at - 1 if action == "omhoog" else at + 1
        if 0 <= to < len(draft):
            draft[at], draft[to] = draft[to], draft[at]
    return tuple(draft)


def _joined(session_id: str, token: str, *, earlier: tuple[str, ...] = ()) -> web.Response:
    """Back to the page, the phone now holding `token` (and the tokens it had before)."""
    response = _redirect("/")
    set_cookie(response, PARTICIPANT_COOKIE, f"{session_id}.{token}")
    if earlier:
        set_cookie(response, EARLIER_COOKIE, f"{session_id}.{'.'.join(earlier[-4:])}")
    else:
        response.del_cookie(EARLIER_COOKIE, path="/")
    return response


def _redirect(location: str) -> web.Response:
    """Post, then redirect to a GET: a reload never sends the form twice."""
    return web.Response(status=303, headers={"Location": location})


def _view(
    request: web.Request, draft: tuple[str, ...] | None = None, draft_ballot: str | None = None
) -> PhoneView:
    room = request.app[ROOM]
    who = phone_of(request, room.session_id).identity(room.state)
    return phone_view(
        room.state,
        who,
        deck=room.deck,
        draft=draft,
        draft_ballot=draft_ballot,
        language=page_language(request),
    )


def _page(
    request: web.Request,
    view: PhoneView,
    *,
    error: str | None = None,
    notice: str | None = None,
    code: str = "",
    name: str = "",
    status: int = 200,
) -> web.Response:
    csrf = csrf_token(request)
    html = pages.phone_page(
        view,
        language=page_language(request),
        csrf=csrf,
        live=view.screen != "join",
        error=error,
        notice=notice,
        code=code,
        name=name,
    )
    response = web.Response(text=html, content_type="text/html", status=status)
    remember_csrf(response, request, csrf)
    return response


def _join_again(
    request: web.Request, message: str, *, code: str = "", name: str = "", status: int
) -> web.Response:
    room = request.app[ROOM]
    view = phone_view(room.state, None, deck=room.deck, language=page_language(request))
    return _page(request, view, error=message, code=code, name=name, status=status)


def _forged(request: web.Request) -> web.Response:
    _ = translator(page_language(request))
    return _error(
        request,
        _("Formulier verlopen"),
        _(
            "Dit formulier komt niet van deze stempagina, of het is verlopen. Open de "
            "stempagina opnieuw en probeer nog eens."
        ),
        403,
    )


def _error(request: web.Request, title: str, message: str, status: int) -> web.Response:
    csrf = csrf_token(request)
    response = web.Response(
        text=pages.error_page(title, message, language=page_language(request)),
        content_type="text/html",
        status=status,
    )
    remember_csrf(response, request, csrf)
    return response


def _field(form: MultiDictProxy[str], key: str) -> str:
    return form.get(key, "")


def _sentence(request: web.Request, reason: str) -> str:
    """An engine's refusal as a sentence in this phone's language."""
    said = in_language(reason, page_language(request))
    return said[:1].upper() + said[1:] + ("" if said.endswith((".", "!", "?")) else ".")


__all__ = ["edit_draft", "give_name", "join", "live", "page", "phone_of", "vote"]
