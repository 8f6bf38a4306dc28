"""The README's "Een eigen deck maken" runs for someone who installed with pip.

Such a user has the installed package and nothing else: no `docs/`, no `deck/default/` beside
them. The test builds the wheel from the source, installs it (without -e) into a fresh venv,
and runs the section's shell blocks there, in an empty folder. The fresh venv borrows the
dependencies of the test environment through a `.pth` line (no network, no second install of
textual and reportlab); the test environment's own editable install of netwerktafel is not
seen there, since a `.pth` line adds a folder without running that folder's `.pth` files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.test_readme import README, blocks

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("catalogue", "deck", "workshops", "game", "print")
SECTION = "### Een eigen deck maken"


def section_blocks() -> list[str]:
    """The shell blocks of the README's section on making a deck of one's own."""
    text = README.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.index("\n## ", start)
    first_line = text.count("\n", 0, start) + 1
    last_line = text.count("\n", 0, end) + 1
    return [
        block.text
        for block in blocks(text)
        if first_line <= block.line <= last_line and block.language in ("sh", "bash")
    ]


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return result.stdout


def test_the_deck_section_runs_from_a_wheel_install(tmp_path: Path) -> None:
    source = tmp_path / "bron"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", "dist", str(source)],
        tmp_path,
    )
    (wheel,) = (tmp_path / "dist").glob("netwerktafel-*.whl")

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path)
    python = venv / "bin" / "python"
    site = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            tmp_path,
        ).strip()
    )
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        tmp_path,
    )

    user = tmp_path / "gebruiker"
    user.mkdir()
    env = {
        **os.environ,
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "XDG_DATA_HOME": str(tmp_path / "gegevens"),
        "HOME": str(user),
    }
    env.pop("PYTHONPATH", None)
    # The package the commands run is the installed one, not this source tree.
    installed = _run([str(python), "-c", "import deck; print(deck.__file__)"], user, env)
    assert installed.startswith(str(site)), installed

    section = section_blocks()
    assert len(section) >= 2
    for block in section:
        _run(["bash", "-e", "-o", "pipefail", "-c", block], user, env)
    assert (user / "school-kaarten.pdf").stat().st_size > 10_000
