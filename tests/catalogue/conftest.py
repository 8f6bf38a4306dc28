"""The catalogue as Babel reads it: the French file and a fresh extraction of the sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
FRENCH_PO = ROOT / "catalogue" / "fr" / "LC_MESSAGES" / "netwerktafel.po"
PYBABEL = str(Path(sys.executable).parent / "pybabel")
KEYWORDS = ("N_", "Message", "plural_message:1,2")
"""Besides Babel's defaults (_, gettext, ngettext, …): the markers of `catalogue`."""


def extract(target: Path) -> Catalog:
    """Run `pybabel extract` over the sources as catalogue/README.md says, into `target`."""
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    subprocess.run(
        [
            PYBABEL,
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            *keywords,
            "--no-location",
            "-o",
            str(target),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with target.open("rb") as file:
        return read_po(file)


@pytest.fixture(scope="session")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """Every message the sources and templates mark, freshly extracted."""
    return extract(tmp_path_factory.mktemp("pot") / "netwerktafel.pot")


@pytest.fixture(scope="session")
def french() -> Catalog:
    """The French catalogue as committed."""
    with FRENCH_PO.open("rb") as file:
        return read_po(file, locale="fr")
