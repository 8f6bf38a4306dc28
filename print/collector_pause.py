"""Python's cyclic garbage collector, paused while a deck is fitted and drawn.

Fitting and drawing a deck make tens of thousands of small objects (paragraphs, fragments,
lines, PDF operators); every so many, Python's collector looks for reference cycles, and a
full pass walks every object in the process, the deck's models and every loaded module
included: one such pass took 30–40 ms of a 0.25 s `print cards`. Fitting leaves no cycles
behind and drawing only the canvas's own (about a thousand objects for a hundred cards), so
the collector is paused for the run and finds them when it is back. The objects are not
frozen (`gc.freeze`): unfreezing afterwards would also unfreeze what the caller froze.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection until the block ends; then as it was before."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
