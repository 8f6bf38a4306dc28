"""Python's cyclic garbage collector, left out of the short commands that end the process.

`deck list` and `deck check` build what lives until they end (modules, the deck's models,
the rows of the table) or is freed by reference counting; the collector's passes over the
imports of pydantic and the models found nothing to free (± 8 ms). When the process ends, the
interpreter walks every object still alive once more, looking for reference cycles whose
finalizers should run before the modules go: ± 20 ms after pydantic, the models and a deck of
111 cards, a tenth of a cold `deck list`. These commands leave nothing that needs it: what they
print is flushed by the interpreter itself, and the one file they write (the cache entry) is
closed when written. So they run without the collector, and at the end everything alive is
frozen (`gc.freeze`) out of that last walk; memory goes back to the system with the process,
as it does anyway. Fitting every card of the default deck with reportlab (when no card can be
proven to fit) grows the process by 0.3 MB without the collector. `print cards` only leaves
out the last walk.
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
    """No cyclic collection for the rest of this process (tests/process_state.py turns the
    collector back on after an in-process run), nor at its exit."""
    gc.disable()
    skip_collection_at_exit()
