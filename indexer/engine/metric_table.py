"""The metric figures of every report, packed per document and read back as one table.

Each document's figures are written as one row of the key list
`template.METRIC_KEYS` (a 4-byte tag naming that list, then one little-endian
int32 per key, `ABSENT` where the report does not state it). What an int32
cannot hold follows in a tail: the fractions (0.35 万元 of fees, in two
reports of three) as a count, their slots and their float64 values, then a
JSON object of anything else (figures beyond ±2^31, keys outside the list).
Reading the whole index is then one `b"".join` and one numpy view instead of
a JSON parse per report: the table of 20,000 reports is a 20,000 × 228 int32
matrix (18 MB), where a dict per key of Python numbers took most of the
server's memory.

A row written under another key list (the tag differs: the code's metric keys
changed and the index has not been rebuilt yet) is not guessed at; the reader
takes that report's figures from its stored record instead (`read_figures`).
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from array import array
from functools import lru_cache
from typing import Callable, Iterable

ABSENT = -(2**31)  # the report does not state this figure
ELSEWHERE = ABSENT + 1  # stated, but in the row's tail (a fraction or a figure beyond int32)
_LOW, _HIGH = ELSEWHERE + 1, 2**31 - 1
_BIG_ENDIAN = sys.byteorder == "big"
ROW_FORMAT = b"P"  # the tag's first byte; M: rows whose tail was all JSON (schema 10)


@lru_cache(maxsize=1)
def key_list() -> tuple[tuple[str, ...], bytes, dict[str, int]]:
    """(keys, tag, key -> slot): the key list rows are written in, and the tag that names it."""
    from ..template import METRIC_KEYS

    tag = ROW_FORMAT + zlib.crc32("\n".join(METRIC_KEYS).encode()).to_bytes(4, "little")[:3]
    return METRIC_KEYS, tag, {key: i for i, key in enumerate(METRIC_KEYS)}


def pack(figures: dict[str, int | float]) -> bytes:
    """One report's figures as its row (b"" when it states none)."""
    if not figures:
        return b""
    keys, tag, slot = key_list()
    row = array("i", [ABSENT]) * len(keys)
    fractions: dict[int, float] = {}
    other: dict[str, int | float] = {}
    for key, value in figures.items():
        i = slot.get(key)
        if i is not None and type(value) is int and _LOW <= value <= _HIGH:
            row[i] = value
            continue
        if i is not None:
            row[i] = ELSEWHERE
        if i is not None and type(value) is float:
            fractions[i] = value
        else:
            other[key] = value
    if _BIG_ENDIAN:
        row.byteswap()
    if not fractions and not other:
        return tag + row.tobytes()
    n = len(fractions)
    extra = json.dumps(other, separators=(",", ":")).encode() if other else b""
    return tag + row.tobytes() + _fractions(n).pack(n, *fractions, *fractions.values()) + extra


@lru_cache(maxsize=64)
def _fractions(n: int) -> struct.Struct:
    """A tail's count, slots and values, for `n` fractions."""
    return struct.Struct(f"<H{n}H{n}d")


def _tail(raw: bytes, start: int, keys: tuple[str, ...]) -> dict[str, int | float]:
    """The figures of a row's tail, which begins at `start`."""
    (n,) = struct.unpack_from("<H", raw, start)
    layout = _fractions(n)
    numbers = layout.unpack_from(raw, start)
    figures = {keys[i]: value for i, value in zip(numbers[1:n + 1], numbers[n + 1:])}
    if len(raw) > start + layout.size:
        figures.update(json.loads(raw[start + layout.size:]))
    return figures


class MetricTable:
    """Metric key -> the reports stating it, for the documents of one generation."""

    def __init__(self, matrix, keys: tuple[str, ...], stated: frozenset[str], tails: dict[str, dict[int, int | float]]):
        self._matrix = matrix  # documents × keys, int32
        self._slot = {key: i for i, key in enumerate(keys)}
        self._keys = stated
        self._tails = tails

    def keys(self) -> frozenset[str]:
        """The keys some report states."""
        return self._keys

    def values(self, key: str) -> dict[int, int | float]:
        """Document number -> figure, ascending, for the reports that state `key` (empty for others)."""
        import numpy as np

        out: dict[int, int | float] = {}
        i = self._slot.get(key)
        if i is not None:
            column = self._matrix[:, i]
            docs = np.flatnonzero(column > ELSEWHERE)
            out = dict(zip(docs.tolist(), column[docs].tolist()))
        tail = self._tails.get(key)
        if tail:
            out.update(tail)
            out = dict(sorted(out.items()))
        return out


Rows = Iterable[bytes]


def read_table(rows: Rows, size: int, skip: Callable[[int], bool], read_figures: Callable[[int], dict]) -> MetricTable:
    """The table of `size` documents from their packed rows in document order.

    `skip(d)` says a document is deleted; `read_figures(d)` gives the figures
    of a document whose row is of another key list.
    """
    import numpy as np

    keys = key_list()[0]
    joined, tails = _joined(rows, size, skip, read_figures)
    matrix = np.frombuffer(joined, dtype="<i4").reshape(size, len(keys))
    stated = (matrix != ABSENT).any(axis=0) if size else np.zeros(len(keys), dtype=bool)
    return MetricTable(matrix, keys, frozenset(k for k, on in zip(keys, stated.tolist()) if on) | frozenset(tails), tails)


def _joined(rows: Rows, size: int, skip: Callable[[int], bool],
            read_figures: Callable[[int], dict]) -> tuple[bytearray, dict[str, dict[int, int | float]]]:
    """The rows' int32 parts in one buffer (a documents × keys matrix, written in place: the rows
    are read one at a time), and the figures of their tails by key."""
    keys, tag, _ = key_list()
    width = 4 * len(keys)
    matrix = bytearray(pack_empty() * size)
    tails: dict[str, dict[int, int | float]] = {}
    count = 0
    for d, raw in enumerate(rows):
        count += 1
        if not raw or skip(d) or d >= size:
            continue
        if raw[:4] != tag:
            raw = pack(json.loads(raw) if raw[:1] == b"{" else read_figures(d))  # a JSON column (schema 9) or old keys
            if not raw:
                continue
        matrix[d * width:(d + 1) * width] = memoryview(raw)[4:4 + width]
        if len(raw) > 4 + width:
            for key, value in _tail(raw, 4 + width, keys).items():
                tails.setdefault(key, {})[d] = value
    if count != size:
        raise ValueError(f"metric rows for {count} documents, expected {size}")
    return matrix, tails


@lru_cache(maxsize=1)
def pack_empty() -> bytes:
    """The row of a document that states no figure."""
    keys, _, _ = key_list()
    return ABSENT.to_bytes(4, "little", signed=True) * len(keys)
