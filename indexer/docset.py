"""Sets of documents as Python integers: bit i set = document number i matches.

Facet counts need "how many matching documents have this value, under every
other filter" for dozens of values; with sets as integers each count is one
AND and one popcount, microseconds even for 20,000 reports.
"""

from __future__ import annotations

from typing import Iterable, Iterator


def from_docnums(docnums: Iterable[int], size: int) -> int:
    buf = bytearray((size + 7) // 8)
    for d in docnums:
        buf[d >> 3] |= 1 << (d & 7)
    return int.from_bytes(buf, "little")


def full(size: int) -> int:
    return (1 << size) - 1


def count(mask: int) -> int:
    return mask.bit_count()


_BITS = tuple(tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256))  # the bits set in each byte


def docnums(mask: int) -> Iterator[int]:
    """Document numbers in a set, ascending (one list comprehension over the set's bytes: a set of
    every report of 20,000 took 3 ms as a generator testing each bit)."""
    if mask <= 0:
        return iter(())
    data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
    bits = _BITS
    return iter([(i << 3) + bit for i, byte in enumerate(data) if byte for bit in bits[byte]])
