"""`print cards` loads what drawing cards needs: no session store, engine or SQLite; fitting
a card loads no web client (urllib.request, http, email, ssl: xml.sax.saxutils loads them
for its `escape`, and segno's writers load them for `print cards`' QR codes).

`print report` and `print ballots` sit in the same command group and read sessions; their
modules import the store only when they run, so printing a deck does not pay for it.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax import saxutils

from hypothesis import given
from hypothesis import strategies as st

from print.paragraphs import escape
from tests.minimal_deck import ONE_FORM, write_minimal_deck
from tests.test_import_hygiene import full_names_after

SESSION_MODULES = ("game.store", "game.engine", "game.session_deck", "sqlite3", "workshops")
WEB_MODULES = ("xml.sax.saxutils", "urllib.request", "http.client", "email.parser", "ssl")


def test_print_cards_loads_no_session_module(tmp_path: Path) -> None:
    loaded = full_names_after("print", "cards", "-o", str(tmp_path / "k.pdf"))
    assert "print.sheets" in loaded  # the cards were drawn
    assert not loaded & set(SESSION_MODULES), sorted(loaded & set(SESSION_MODULES))


def test_deck_check_fits_a_card_with_reportlab_without_a_web_client(tmp_path: Path) -> None:
    # A soft hyphen proves nothing from glyph widths: the card is fitted with reportlab.
    card = ONE_FORM.replace("Burgers doen mee.", "Burgers doen mee aan veilig\u00adheid.")
    loaded = full_names_after("deck", "check", str(write_minimal_deck(tmp_path / "deck", card)))
    assert "print.fit" in loaded  # reportlab fitted the card
    assert not loaded & set(WEB_MODULES), sorted(loaded & set(WEB_MODULES))


@given(st.text(alphabet=st.sampled_from("a &<>\"'é;#")))
def test_card_text_is_escaped_as_saxutils_escapes_it(text: str) -> None:
    assert escape(text) == saxutils.escape(text)
