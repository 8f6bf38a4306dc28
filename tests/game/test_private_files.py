"""Session files, their -wal/-shm, exports and the sessions folder are the owner's alone."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from game.engine import Actor
from game.engine import commands as c
from game.store import SessionStore, default_session_dir
from tests.cli_inprocess import invoke


def mode(path: Path) -> int:
    """The permission bits of `path`, as `stat -c %a` prints them."""
    printed = subprocess.run(
        ["stat", "-c", "%a", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert int(printed, 8) == stat.S_IMODE(path.stat().st_mode)
    return int(printed, 8)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    os.umask(0o022)
    return tmp_path / "data"


def test_a_session_in_the_sessions_folder_is_private(data_home: Path) -> None:
    assert invoke("session", "new", "buurtoverleg").code == 0
    folder = default_session_dir()
    assert folder.is_relative_to(data_home)
    assert mode(folder) == 0o700
    path = folder / "buurtoverleg.nwt"
    assert mode(path) == 0o600
    assert mode(folder / "buurtoverleg.nwt.begeleider") == 0o600
    with SessionStore.open(path) as store:
        # While a session is open, SQLite keeps its -wal and -shm beside it.
        store.submit(
            c.SetCase("Overlast"),
            Actor(store.path.with_name("buurtoverleg.nwt.begeleider").read_text().strip()),
        )
        for sidecar in ("buurtoverleg.nwt-wal", "buurtoverleg.nwt-shm"):
            assert mode(folder / sidecar) == 0o600


def test_exports_are_private(data_home: Path, tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    assert invoke("session", "new", session).code == 0
    for fmt, target in (("json", "s.json"), ("md", "s.md"), ("csv", "tabellen")):
        assert (
            invoke(
                "session", "export", session, "--format", fmt, "--output", tmp_path / target
            ).code
            == 0
        )
    assert mode(tmp_path / "tabellen") == 0o700
    written = [tmp_path / "s.json", tmp_path / "s.md", *(tmp_path / "tabellen").iterdir()]
    assert {mode(path) for path in written} == {0o600}
    assert invoke("print", "report", session, "--output", tmp_path / "verslag.pdf").code == 0
    assert mode(tmp_path / "verslag.pdf") == 0o600


def test_an_older_open_file_and_folder_are_made_private(data_home: Path) -> None:
    assert invoke("session", "new", "oud").code == 0
    folder = default_session_dir()
    folder.chmod(0o755)
    (folder / "oud.nwt").chmod(0o644)
    assert invoke("session", "show", "oud").code == 0
    assert mode(folder / "oud.nwt") == 0o600
    assert invoke("session", "new", "nieuw").code == 0
    assert mode(folder) == 0o700
