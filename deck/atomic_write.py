"""Write a file so it is either the old one or the whole new one, never half written."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write `data` to `path` through a temporary file beside it and a rename.

    A crash or a full disk leaves the previous file (or none) and no temporary behind.
    `private` files (the facilitator token, exports of a session) are created readable by
    the owner only, from the first byte on; others get the usual permissions after the umask.
    """
    folder = path.parent if str(path.parent) else Path(".")
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
