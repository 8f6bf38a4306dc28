"""Python's cyclic garbage collector, left out of the short commands that end the process.

When a process ends, the interpreter walks every object still alive once more, looking for
reference cycles whose finalizers should run before the modules go. After pydantic, the deck's
models and a deck of 111 cards that walk is ± 20 ms of CPU: a tenth of a cold `deck list`.
`deck list` and `deck check` leave nothing that needs it: what they print is flushed by the
interpreter itself, and the one file they write (the cache entry) is closed when written.
So when they end, everything alive is frozen (`gc.freeze`) out of that walk; memory goes
back to the system with the process, as it does anyway.

`deck list` also runs without the collector: what it builds (modules, the deck's models, its
rows) lives until the end or is freed by reference counting, and the collector's passes over
the imports of pydantic and the models found nothing to free (± 8 ms). `deck check` keeps it,
as fitting a card with reportlab may leave cycles behind.
"""

from __future__ import annotations

import atexit
import gc


def skip_collection_at_exit() -> None:
    """Freeze every live object out of the interpreter's last collection, at exit.

    Registered once however often a process runs a command (the in-process tests run
    hundreds); there it runs when the test worker exits, and changes nothing before.
    """
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


def skip_collection() -> None:
    """No cyclic collection for the rest of this process, nor at its exit."""
    gc.disable()
    skip_collection_at_exit()
