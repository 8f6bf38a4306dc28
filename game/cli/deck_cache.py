"""What a command worked out from a deck, remembered for the same bytes and the same program.

`deck list` and `deck check` of a deck nobody changed since the last run read the answer
here instead of parsing and validating every card again (most of their time: the deck's
pydantic models, the YAML reader, the printing rules). An answer is kept only for a deck that
loaded, and it is used only when

- the manifest is in the same place (that names the entry's file: one per deck),
- the manifest and every card file have the same bytes (SHA-256), and
- every module of the program that worked it out (netwerktafel's own, pydantic, PyYAML,
  reportlab, … as loaded then: their files' sizes and times of change), its message
  catalogues and the Python version are the same, so an editable checkout, an upgrade or
  a translation fixed since never meets an answer of before,

as ruff and mypy keep their caches. Anything wrong with the cache (unreadable, corrupt,
unwritable, a folder that cannot be made) only means working it out again: never an error.
A deck file changed less than `RECENT` seconds before the run is not remembered, as git does
not trust a file touched in the second it looked at it: it may have changed while it was
read.

The cache lives in the user's cache folder (`NETWERKTAFEL_CACHE` names another).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from deck.manifest_file import manifest_path
from deck.problems import InputError
from deck.regular_file import read_regular_file

if TYPE_CHECKING:
    from deck.loaded_deck import Deck

ENVIRONMENT_VARIABLE = "NETWERKTAFEL_CACHE"
FORMAT = 1
"""Changes when an entry's layout does: older entries are then never read."""
RECENT = 2.0
"""Seconds: a deck file changed this recently is not trusted to be what was validated."""

Value = TypeVar("Value")


def cache_folder() -> Path:
    """The folder of the cache: `NETWERKTAFEL_CACHE`, else the user's cache folder."""
    given = os.environ.get(ENVIRONMENT_VARIABLE)
    if given:
        return Path(given)
    import platformdirs

    return platformdirs.user_cache_path("netwerktafel", appauthor=False)


def remembered(
    kind: str, path: Path, worked_out: Callable[[Deck], Value], *, records: bool = False
) -> Value:
    """`worked_out(deck)` for the deck at `path`, or what it gave for the same deck files and
    program before. Its value must survive JSON unchanged (lists, not tuples). With
    `records`, the deck `worked_out` gets holds records of the compiled schema, not models
    (`deck.loader.load_deck_records`).

    A deck that does not load raises `InputError` from the loader, as without the cache.
    """
    manifest = manifest_path(path)
    entry = _entry_file(kind, manifest)
    found = _recall(entry)
    if found is not None:
        return found[0]
    started = time.time()
    from deck.loader import load_deck, load_deck_records

    deck = (load_deck_records if records else load_deck)(path)
    value = worked_out(deck)
    files = [manifest, *(manifest.parent / name for name in deck.manifest.files)]
    _store(entry, files, value, started)
    return value


def _entry_file(kind: str, manifest: Path) -> Path:
    """The one entry for `kind` of the deck whose manifest is there, for this Python: an
    edited deck replaces its entry, so the cache holds one per deck, not one per edit."""
    key = hashlib.sha256()
    for part in (kind, str(FORMAT), sys.version, os.path.abspath(manifest)):
        key.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return cache_folder() / f"{kind}-{key.hexdigest()}.json"


def _recall(entry: Path) -> tuple[Any] | None:
    """The value of `entry` (as a 1-tuple: it may be None) if nothing it rests on changed."""
    try:
        stored = json.loads(entry.read_bytes())
        if stored["format"] != FORMAT:
            return None
        for name, size, digest in stored["files"]:
            if os.stat(name).st_size != size or _digest(Path(name), size) != digest:
                return None
        for name, size, changed in stored["program"]:
            status = os.stat(name)
            if status.st_size != size or status.st_mtime_ns != changed:
                return None
        return (stored["value"],)
    except (OSError, ValueError, KeyError, TypeError, InputError):
        return None


def _store(entry: Path, files: list[Path], value: object, started: float) -> None:
    """Write `entry` for `value`; not when a file may have changed while it was read, and
    never failing (a cache that cannot be written is a cache that is not used)."""
    try:
        described = []
        for file in files:
            status = os.stat(file)
            if status.st_mtime > started - RECENT:
                return
            described.append([os.path.abspath(file), status.st_size, _digest(file, status.st_size)])
        document = {
            "format": FORMAT,
            "files": described,
            "program": [[name, *_signature(name)] for name in sorted(set(program_files()))],
            "value": value,
        }
        data = json.dumps(document, ensure_ascii=False).encode("utf-8")
        entry.parent.mkdir(parents=True, exist_ok=True)
        _write(entry, data)
    except (OSError, ValueError, TypeError, InputError):
        return


def _write(entry: Path, data: bytes) -> None:
    """Write `entry` whole or not at all (through a rename), but not forced to the disk
    (`deck.atomic_write` waits for that, ± 10 ms): an entry a crash loses or cuts short is
    only worked out again."""
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, entry)
    finally:
        temporary.unlink(missing_ok=True)


def program_files() -> Iterator[str]:
    """The files of the program as it runs now: every module loaded from outside Python's
    own library, and netwerktafel's message catalogues."""
    stdlib = os.path.dirname(os.__file__) + os.sep
    for module in list(sys.modules.values()):
        name = getattr(module, "__file__", None)
        if not isinstance(name, str):
            continue
        if name.startswith(stdlib) and not _in_site_packages(name[len(stdlib) :]):
            continue
        yield os.path.abspath(name)
    import catalogue

    for catalogue_file in Path(catalogue.__file__).parent.glob("*/LC_MESSAGES/*.mo"):
        yield str(catalogue_file.resolve())


def _in_site_packages(inside_stdlib: str) -> bool:
    return inside_stdlib.startswith(("site-packages", "dist-packages"))


def _signature(name: str) -> tuple[int, int]:
    status = os.stat(name)
    return status.st_size, status.st_mtime_ns


def _digest(path: Path, size: int) -> str:
    """The SHA-256 of the regular file `path` (never a pipe that would block), read only as
    far as the `size` it had when it was looked at: a file grown since is an `InputError`,
    which to the cache is only a file it cannot use."""
    return hashlib.sha256(read_regular_file(path, size)).hexdigest()
