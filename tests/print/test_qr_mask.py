"""The QR codes on the cards are segno's, module for module: print/qr_mask.py chooses the mask
segno's own evaluation chooses, for the sources of both decks and for generated data."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import segno
import segno.encoder
from hypothesis import given, settings
from hypothesis import strategies as st

from deck.card_content import content_of
from print import qr_mask
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
    assert qr_matrix(data) == code.matrix
    zero = segno.make_qr(data, error="m", boost_error=False, mask=0)
    assert best_mask(zero.matrix) == code.mask


def test_every_mask_is_chosen_somewhere() -> None:
    # The generated data reach all eight masks of segno's choice, each chosen here too: no
    # pattern is left untested.
    data = [f"https://example.be/{n}" for n in range(200)]
    data += [f"https://example.be/rapport-{n * 7919 % 100003}/" + "ab" * n for n in range(40)]
    chosen: set[int] = set()
    for text in data:
        code = segnos(text)
        zero = segno.make_qr(text, error="m", boost_error=False, mask=0)
        assert best_mask(zero.matrix) == code.mask, text
        chosen.add(code.mask)
    assert chosen == set(range(8))


def test_a_module_neither_light_nor_dark_is_refused() -> None:
    # Never taken for mask 0 (or any mask): the code would print with the wrong mask.
    zero = segno.make_qr("https://example.be", error="m", boost_error=False, mask=0)
    matrix = tuple(bytearray(row) for row in zero.matrix)
    matrix[9][9] = 2
    with pytest.raises(ValueError):
        best_mask(matrix)


URL = "https://example.be/rapport-veiligheid"
"""A source whose code segno masks with mask 6: every internal function is reached."""


@pytest.fixture
def made_by_segno(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The data segno.make_qr is asked to encode from here on."""
    made: list[str] = []
    make_qr = segno.make_qr

    def counted(data: str, **options: object) -> segno.QRCode:
        made.append(data)
        return make_qr(data, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(segno, "make_qr", counted)
    return made


def test_segnos_internals_make_the_code_when_they_are_there(made_by_segno: list[str]) -> None:
    assert qr_matrix(URL) == segnos(URL).matrix
    assert segnos(URL).mask == 6
    # qr_matrix asked segno's own (slow) evaluation nothing: only the two lines above did.
    assert made_by_segno == [URL, URL]


def _old_encode(content: str, error: str | None = None) -> object:
    return segno.encoder.encode(content, error)


CHANGED_SEGNOS = {
    "module-gone": None,  # what `from segno import encoder` failing leaves
    "function-gone": SimpleNamespace(encode=segno.encoder.encode),
    "signature-changed": SimpleNamespace(**{**vars(segno.encoder), "encode": _old_encode}),
}


@pytest.mark.parametrize("encoder", CHANGED_SEGNOS.values(), ids=list(CHANGED_SEGNOS))
def test_a_segno_without_the_internals_used_makes_the_code_itself(
    encoder: object, made_by_segno: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = segnos(URL).matrix
    monkeypatch.setattr(qr_mask, "encoder", encoder)
    assert qr_matrix(URL) == expected
    assert made_by_segno == [URL, URL]
