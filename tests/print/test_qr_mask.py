"""The QR codes on the cards are segno's, module for module: print/qr_mask.py chooses the mask
segno's own evaluation chooses, for the sources of both decks and for generated data."""

from __future__ import annotations

import pytest
import segno
from hypothesis import given, settings
from hypothesis import strategies as st

from deck.card_content import content_of
from print.qr_mask import best_mask, qr_matrix
from tests.print.printed_decks import DEFAULT, EXAMPLE


def segnos(data: str) -> segno.QRCode:
    return segno.make_qr(data, error="m", boost_error=False)


def test_every_source_of_both_decks_gets_segnos_code() -> None:
    urls = {
        content_of(deck, card, language).url
        for deck in (DEFAULT, EXAMPLE)
        for language in (None, *deck.manifest.languages)
        for card in deck.cards
    }
    found = sorted(url for url in urls if url)
    assert len(found) > 5
    for url in found:
        assert qr_matrix(url) == segnos(url).matrix, url


@settings(max_examples=300, deadline=None)
@given(
    data=st.text(min_size=1, max_size=400)
    | st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789/.:-%#?=&", min_size=1, max_size=300)
)
def test_generated_data_gets_segnos_mask_and_code(data: str) -> None:
    code = segnos(data)
    if code.is_micro:
        return
    assert qr_matrix(data) == code.matrix
    zero = segno.make_qr(data, error="m", boost_error=False, mask=0)
    assert best_mask(zero.matrix) == code.mask


def test_every_mask_is_chosen_somewhere() -> None:
    # The generated data reach all eight masks: no pattern is left untested.
    data = [f"https://example.be/{n}" for n in range(200)]
    data += [f"https://example.be/rapport-{n * 7919 % 100003}/" + "ab" * n for n in range(40)]
    chosen = {best_mask(segno.make_qr(text, error="m", mask=0).matrix) for text in data}
    assert chosen == set(range(8))


def test_a_module_neither_light_nor_dark_is_refused() -> None:
    # Never taken for mask 0 (or any mask): the code would print with the wrong mask.
    zero = segno.make_qr("https://example.be", error="m", boost_error=False, mask=0)
    matrix = tuple(bytearray(row) for row in zero.matrix)
    matrix[9][9] = 2
    with pytest.raises(ValueError):
        best_mask(matrix)
