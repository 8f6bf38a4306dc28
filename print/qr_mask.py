"""The data mask segno chooses for a QR code, worked out without segno's evaluation.

A QR code's modules are masked with the one of eight patterns that gives the lowest penalty
(ISO/IEC 18004 7.8.3: long runs, 2×2 blocks, finder-like patterns, the share of dark
modules). segno tries each pattern module by module in pure Python: about 4 ms a code, most
of the time a card sheet spends on its QR codes. The choice is deterministic, so here the
same eight scores are computed on the whole matrix at once, as one integer of bits and as
strings, from the code segno makes with mask 0 (a code with a given mask costs it a fifth),
and the chosen mask is then put in mask 0's place. The scores follow segno's `mask_scores`
rule for rule, quirks included; tests/print/test_qr_mask.py holds the codes to segno's on
the decks' sources and on generated data. segno's encoder functions used here are internal:
should a later segno move or change them, segno makes the code itself (slower, the same).

A matrix of `size` × `size` modules is one integer here: row 0 in the highest bits, each
row's column 0 first, 1 for a dark module.
"""

from __future__ import annotations

import re
from functools import cache

import segno

try:
    from segno import encoder
except ImportError:  # an internal module a later segno may move: qr_matrix falls back
    encoder = None  # type: ignore[assignment]

_RUNS = (re.compile("1{5,}"), re.compile("0{5,}"))
"""Five or more modules of one colour in a row (N1); one pattern per colour is faster."""
_FINDER = "1011101"
"""Dark, light, three dark, light, dark: a finder pattern's 1:1:3:1:1 (N3)."""
_TILE = 12
"""The mask patterns repeat every 12 rows and columns (their periods are 2, 3, 4 and 6)."""
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_MODULES = bytes.maketrans(b"01", b"\x00\x01")

Matrix = tuple[bytearray, ...]
"""A QR code's modules, row by row: 1 dark, 0 light."""


def qr_matrix(data: str) -> Matrix:
    """The modules of the QR code segno makes of `data` at error level M (the smallest
    version that holds it), with the mask segno would choose."""
    try:
        return _masked_here(data)
    except (AttributeError, TypeError):
        # segno's internals are gone (a missing module leaves `encoder` None) or changed:
        # segno's own code, mask and all.
        return segno.make_qr(data, error="m", boost_error=False).matrix


def _masked_here(data: str) -> Matrix:
    """`qr_matrix` from segno's code with mask 0, the mask chosen here."""
    code = encoder.encode(data, error="m", mask=0, micro=False, boost_error=False)
    matrix: Matrix = code.matrix
    size = len(matrix)
    bits = _bits(matrix)
    mask = _chosen_mask(bits, size)
    if mask == 0:
        return matrix
    # Mask 0 swapped for the chosen one inside the data, and the format information that
    # names the mask written again.
    masks, region = _masks(size), _layout(size)[1]
    swapped = bits ^ (masks[0][0] ^ masks[mask][0]) & region
    modules = format(swapped, f"0{size * size}b").encode("ascii").translate(_MODULES)
    changed = tuple(bytearray(modules[at : at + size]) for at in range(0, size * size, size))
    encoder.add_format_info(changed, code.version, code.error, mask)
    return changed


def best_mask(matrix: Matrix) -> int:
    """The mask segno chooses for the data of `matrix`, a QR code (not a Micro QR code)
    masked with mask 0."""
    return _chosen_mask(_bits(matrix), len(matrix))


def _chosen_mask(bits: int, size: int) -> int:
    """`best_mask` of the matrix `bits` of `size` × `size` modules."""
    fixed, region, fixed_across, region_across = _layout(size)
    masks = _masks(size)
    # The data as placed, before masking: mask 0 undone inside the encoding region.
    data = (bits ^ masks[0][0]) & region
    data_across = _transposed(data, size)
    scores = [
        _penalty(
            fixed | (data ^ mask) & region,
            fixed_across | (data_across ^ mask_across) & region_across,
            size,
        )
        for mask, mask_across in masks
    ]
    return min(range(len(scores)), key=scores.__getitem__)


def _bits(matrix: Matrix) -> int:
    """`matrix` as one integer; a module other than 0 or 1 is a ValueError."""
    return int(b"".join(matrix).translate(_DIGITS), 2)


def _transposed(bits: int, size: int) -> int:
    """The matrix `bits` turned over its diagonal: its columns as rows."""
    text = format(bits, f"0{size * size}b")
    return int("".join(text[column::size] for column in range(size)), 2)


@cache
def _layout(size: int) -> tuple[int, int, int, int]:
    """For a code of `size` modules: its modules outside the data as segno evaluates them
    (finder, timing and alignment patterns; format and version areas still light), its
    encoding region, and both transposed."""
    matrix = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(matrix, size, size)
    encoder.add_alignment_patterns(matrix, size, size)
    fixed = int("".join("1" if cell == 1 else "0" for row in matrix for cell in row), 2)
    region = int("".join("1" if cell > 1 else "0" for row in matrix for cell in row), 2)
    return fixed, region, _transposed(fixed, size), _transposed(region, size)


@cache
def _masks(size: int) -> list[tuple[int, int]]:
    """Each of the eight QR mask patterns over `size` × `size` modules, and transposed."""
    repeat = -(-size // _TILE)
    found = []
    for tile in _tiles():
        bits = int("".join((tile[i % _TILE] * repeat)[:size] for i in range(size)), 2)
        found.append((bits, _transposed(bits, size)))
    return found


@cache
def _tiles() -> list[list[str]]:
    """Each mask pattern's first `_TILE` rows and columns, as strings of 0 and 1."""
    return [
        ["".join("1" if pattern(i, j) else "0" for j in range(_TILE)) for i in range(_TILE)]
        for pattern in encoder.get_data_mask_functions(False)
    ]


def _penalty(rows: int, columns: int, size: int) -> int:
    """segno's penalty score (N1 + N2 + N3 + N4) of a masked matrix, given as its rows and
    as its columns."""
    count = size * size
    lines = [format(rows, f"0{count}b"), format(columns, f"0{count}b")]
    text = "2".join(line[at : at + size] for line in lines for at in range(0, count, size))
    runs = [run for pattern in _RUNS for run in pattern.findall(text)]
    score = sum(map(len, runs)) - 2 * len(runs) + _finder_like(text, size)
    # N2: a 2×2 block of one colour, counted by its lower right module (column and row > 0).
    same_above = ~(rows ^ (rows >> size))
    same_left = ~(rows ^ (rows >> 1))
    blocks = same_left & same_above & (same_above >> 1) & _lower_right(size)
    score += 3 * blocks.bit_count()
    percent = float(rows.bit_count()) / (size**2)
    return score + 10 * int(abs(percent * 100 - 50) / 5)


@cache
def _lower_right(size: int) -> int:
    """The modules that can be the lower right one of a 2×2 block: not in row or column 0."""
    row = "0" + "1" * (size - 1)
    return int("0" * size + row * (size - 1), 2)


def _finder_like(text: str, size: int) -> int:
    """N3 of the rows and columns in `text` (each `size` modules, one character between
    them), as segno counts it: 40 for each 1:1:3:1:1 pattern at the edge of its line or with
    four light modules before or after it."""
    count = 0
    found = text.find(_FINDER)
    while found != -1:
        start = found - found % (size + 1)
        line = text[start : start + size]
        index = found - start
        after = index + 7
        if (
            index in (0, size - 7)
            or "1" not in line[max(index - 4, 0) : index]
            or "1" not in line[after : after + 4]
        ):
            count += 40
        else:
            after = index + 4
        found = text.find(_FINDER, start + after)
    return count
