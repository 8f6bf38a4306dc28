"""The session store's problem lines (missing, a folder, not a session, damaged) reach a
French reader in French, under the French summary, and a Dutch one in Dutch."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_inprocess import invoke


def _not_a_session(tmp_path: Path) -> Path:
    path = tmp_path / "tekst.nwt"
    path.write_text("geen sessie\n" * 20, encoding="utf-8")
    return path


def _other_database(tmp_path: Path) -> Path:
    path = tmp_path / "ander.nwt"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    return path


@pytest.mark.parametrize(
    ("make", "dutch", "french"),
    [
        (
            lambda tmp: tmp / "nergens.nwt",
            "dit sessiebestand bestaat niet (controleer het pad)",
            "ce fichier de session n'existe pas (vérifiez le chemin)",
        ),
        (
            lambda tmp: tmp,
            "dit is een map, geen sessiebestand",
            "c'est un dossier, pas un fichier de session",
        ),
        (
            _not_a_session,
            "dit is geen netwerktafel-sessie (geen SQLite-databank)",
            "ceci n'est pas une session netwerktafel (pas une base de données SQLite)",
        ),
        (
            _other_database,
            "dit is een SQLite-databank, maar geen netwerktafel-sessie",
            "ceci est une base de données SQLite, mais pas une session netwerktafel",
        ),
    ],
)
def test_session_verify_names_a_bad_file_in_the_readers_language(
    tmp_path: Path, make: Callable[[Path], Path], dutch: str, french: str
) -> None:
    path = make(tmp_path)
    in_french = invoke("--taal", "fr", "session", "verify", path)
    assert in_french.code == 2
    assert french in in_french.stderr
    assert "1 problème trouvé." in in_french.stderr
    assert dutch not in in_french.stderr
    in_dutch = invoke("session", "verify", path)
    assert in_dutch.code == 2
    assert dutch in in_dutch.stderr
    assert french not in in_dutch.stderr
