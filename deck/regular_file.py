"""Open only regular files, and never read more than a bound.

A FIFO named as a deck, a session or a key file would block `open` or `read` for ever, and
`/dev/zero` would be read until memory runs out. The file is opened without blocking, its
kind and size checked on the open descriptor (so it cannot be swapped in between), and at
most `limit` bytes are read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from catalogue import N_, _
from deck.problems import InputError, Location, Problem

_OS_MESSAGES = {
    errno.ENOENT: N_("bestand niet gevonden"),
    errno.EISDIR: N_("dit is een map, geen bestand"),
    errno.ENAMETOOLONG: N_("de bestandsnaam is te lang"),
    errno.ELOOP: N_("de symbolische koppelingen van dit pad vormen een lus"),
    errno.EACCES: N_("geen toegang tot dit bestand"),
    errno.ENOTDIR: N_("een deel van dit pad is geen map"),
}


def os_problem(error: OSError) -> str:
    """Why a file could not be used, in the process's language."""
    known = _OS_MESSAGES.get(error.errno or 0)
    return (
        _(known)
        if known
        else (_("kan het bestand niet gebruiken: {value}").format(value=error.strerror or error))
    )


def open_regular_file(path: Path) -> int:
    """A read-only descriptor of `path`, which must be a regular file; `InputError` if not."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise InputError([Problem(Location(path), os_problem(error))]) from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as error:
        os.close(fd)
        raise InputError([Problem(Location(path), os_problem(error))]) from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        # Whole sentences, not a piece put into one: French says "ce n'est pas", not "c'est pas".
        said = (
            _("dit is een map")
            if stat.S_ISDIR(mode)
            else _("dit is geen gewoon bestand (een pipe of apparaat)")
        )
        raise InputError([Problem(Location(path), said, hint=_("geef een bestand"))])
    return fd


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, refused when it is bigger than `limit` bytes."""
    fd = open_regular_file(path)
    try:
        if os.fstat(fd).st_size > limit:
            raise InputError([Problem(Location(path), _too_big(limit))])
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputError([Problem(Location(path), os_problem(error))]) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError([Problem(Location(path), _too_big(limit))])
    return data


def _too_big(limit: int) -> str:
    size = (
        _("{value} MB").format(value=limit // 1_000_000)
        if limit >= 1_000_000
        else _("{limit} bytes").format(limit=limit)
    )
    return _("bestand is te groot (meer dan {size})").format(size=size)
