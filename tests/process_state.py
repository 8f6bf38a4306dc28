"""The process-wide state a test or an in-process command may change, put back afterwards.

The CLI tests run `netwerktafel` inside the test process (tests/cli_inprocess.py), and some
tests change the working folder, the environment or the umask on purpose. Left behind, such
a change makes a later test on the same xdist worker pass or fail by the order of the tests.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import time
from collections.abc import Iterator

from catalogue import current_language, use_language


def _put_back_environment(before: dict[str, str]) -> None:
    for name in set(os.environ) - set(before):
        del os.environ[name]
    for name, value in before.items():
        if os.environ.get(name) != value:
            os.environ[name] = value


@contextlib.contextmanager
def kept_process_state() -> Iterator[None]:
    """Run the body; then restore the cwd, environment, umask, argv, logging, language and
    the garbage collector."""
    cwd = os.getcwd()
    environment = dict(os.environ)
    umask = os.umask(0o022)
    os.umask(umask)
    argv = list(sys.argv)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    language = current_language()
    collecting = gc.isenabled()  # deck list and deck check turn the collector off
    try:
        yield
    finally:
        (gc.enable if collecting else gc.disable)()
        os.chdir(cwd)
        timezone = os.environ.get("TZ")
        _put_back_environment(environment)
        if os.environ.get("TZ") != timezone:
            time.tzset()
        os.umask(umask)
        sys.argv = argv
        root.handlers[:] = handlers
        root.setLevel(level)
        use_language(language)
