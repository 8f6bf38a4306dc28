"""The README is a contract: every shell block in it runs as written.

The blocks run one after the other in one temporary folder, as a new user would type them
(a later block uses the session an earlier one made), with `netwerktafel` on the PATH and
`.venv/bin/python` and `docs/` where the README says they are. A block that cannot run in a
test says why, in an HTML comment right above it:
`<!-- readme-test: niet uitvoeren (reden) -->`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SKIP = re.compile(r"<!-- readme-test: niet uitvoeren \((.+)\) -->")
FENCE = re.compile(r"^```(\w*)\s*$")

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Block:
    """One fenced block of the README."""

    line: int
    language: str
    text: str
    skip: str | None
    """Why it does not run in the test, or None."""


def blocks(text: str) -> list[Block]:
    """The README's fenced blocks, with the skip reason written above each."""
    found = []
    lines = text.splitlines()
    opened: tuple[int, str] | None = None
    for number, line in enumerate(lines):
        if opened is None:
            fence = FENCE.match(line)
            if fence is not None:
                opened = (number, fence.group(1))
        elif line.strip() == "```":
            start, language = opened
            above = next((x.strip() for x in reversed(lines[:start]) if x.strip()), "")
            reason = SKIP.match(above)
            body = "\n".join(lines[start + 1 : number])
            found.append(Block(start + 1, language, body, reason.group(1) if reason else None))
            opened = None
    return found


SHELL = [b for b in blocks(README.read_text(encoding="utf-8")) if b.language in ("sh", "bash")]


def test_every_shell_block_runs_as_written(tmp_path: Path) -> None:
    assert SHELL, "the README has shell blocks"
    venv = Path(sys.executable).parent.parent
    (tmp_path / ".venv").symlink_to(venv)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    env = {
        **os.environ,
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "XDG_DATA_HOME": str(tmp_path / "gegevens"),
        "HOME": str(tmp_path),
    }
    ran = 0
    for block in SHELL:
        if block.skip:
            continue
        result = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", block.text],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, (
            f"README.md:{block.line}: the block fails (exit {result.returncode}):\n"
            f"{block.text}\n--- stdout\n{result.stdout[-2000:]}"
            f"\n--- stderr\n{result.stderr[-2000:]}"
        )
        ran += 1
    assert ran >= 4


def test_skipped_blocks_say_why() -> None:
    every = blocks(README.read_text(encoding="utf-8"))
    assert any(b.skip for b in every)
    for block in every:
        if block.skip is not None:
            assert len(block.skip) > 10, f"README.md:{block.line}: say why it does not run"


def test_the_bilingual_list_example_is_a_valid_card(tmp_path: Path) -> None:
    # A trainer wrote `scale: {fr: [...], nl: [...]}` for want of an example of a translated list.
    from deck import load_deck
    from deck.model import StatementCard
    from tests.minimal_deck import MINIMAL_MANIFEST, ONE_FORM, write_minimal_deck

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    (card,) = [
        block
        for block in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL)
        if "type: stelling" in block
    ]
    folder = write_minimal_deck(tmp_path / "deck", ONE_FORM + card)
    statement_type = '  stelling: {label: Stelling, colour: "#6a1b9a"}\n'
    (folder / "deck.yaml").write_text(MINIMAL_MANIFEST.replace("files:", statement_type + "files:"))
    statement = load_deck(folder).get("zelfstandig-naar-school")
    assert isinstance(statement, StatementCard)
    scale = [label.in_language("fr") for label in statement.scale]
    assert scale == ["Pas du tout d'accord", "Pas d'accord", "Neutre", "D'accord",
                     "Tout à fait d'accord"]  # fmt: skip
