"""The room web: one asynchronous process serves the phones and the beamer (`netwerktafel serve`).

```
phones ──form POST──▶ routes ──▶ Room (group commit) ──▶ store ──▶ session file
phones, beamer ◀──server-sent events── Listeners ◀── one poller (PRAGMA data_version)
```

- `room`: the session file behind the pages: one store used from one worker thread, votes
  of the whole room committed together, one poller that wakes the live pages.
- `phone` and `beamer`: the routes of the two pages; `phone_view` and `beamer_view` decide
  what each page shows (pure functions of the session's state); `templates/` draws it.
- `guard`: what keeps the room safe: cookies, forgery checks, the join-code throttle, size
  limits, Dutch error pages instead of tracebacks.

Participants can send only the two participant commands; the server never holds the
facilitator token, so no facilitator command is reachable over HTTP.
"""

from game.web.app import create_app, listening_socket, run_room

__all__ = ["create_app", "listening_socket", "run_room"]
