"""The objects a print run starts from, kept out of Python's cyclic garbage collector's sight.

Fitting and drawing a deck make tens of thousands of small objects (paragraphs, fragments,
lines, PDF operators); every so many, Python's collector looks at every object in the
process for cycles, the deck's models and every loaded module included: a single such full
pass took 30–40 ms of a 0.25 s `print cards`. None of what existed before the run becomes
garbage during it, so it is frozen (`gc.freeze`) for the run: the collector still collects
what the run makes, but no longer walks the rest.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep every object that exists now out of the collector's passes until the block ends."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
