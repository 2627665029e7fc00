"""Finding a string in the stored match text of many reports without copying it out of the files.

Confirming that a report holds a string (`Index.containing`) read each
candidate's whole match text through whoosh's column reader (a seek, a read
into a new bytes object of some 13 KB, then `find`): at 20,000 reports a
phrase whose character pairs are everywhere has 20,000 candidates, and the
reads were half of the 0.2-0.3 s such a query took. Here the column's files
are memory-mapped and searched in place between each report's offsets.

The search itself is StringZilla's (SIMD substring search over the mapped
bytes, without a copy): 3-7 times CPython's `find` on this text, whose
UTF-16 bytes defeat the skip heuristics of the latter. Where the library
cannot be imported, `mmap.find` gives the same hits.

The pages a search touches count in the server's resident memory while
mapped, so a search drops each segment's pages (`MADV_DONTNEED`) when it
moves on to the next: the text stays in the operating system's page cache,
where the next search finds it, and the server holds one segment's at most.
"""

from __future__ import annotations

import mmap
from bisect import bisect_right
from typing import Iterable

try:
    import stringzilla
except ImportError:  # pragma: no cover - a platform without its wheel
    stringzilla = None


class Unmappable(Exception):
    """The column is not in files that can be mapped (the caller reads it through whoosh)."""


class TextMap:
    """A variable-bytes column of every segment, mapped read-only, searched document by document."""

    def __init__(self, segment_readers: list, starts: list[int]):
        self._starts = list(starts)
        self._parts = []
        try:
            for reader in segment_readers:
                fileno = reader._dbfile.file.fileno()
                self._parts.append((mmap.mmap(fileno, 0, access=mmap.ACCESS_READ), reader._basepos,
                                    reader._offsets, reader._lengths))
            self._finds = [_finder(part[0]) for part in self._parts]
        except (AttributeError, OSError, ValueError) as exc:
            self.close()
            raise Unmappable(str(exc)) from exc

    def close(self) -> None:
        self._finds = []  # StringZilla's views hold the maps' buffers until they go
        for part in self._parts:
            part[0].close()
        self._parts = []

    def holding(self, docnums: Iterable[int], needle: bytes, width: int = 2) -> list[int]:
        """The documents among `docnums` (ascending) whose value holds `needle` at an offset that is a
        multiple of `width` (2 for UTF-16: the bytes of two neighbouring characters can spell a third)."""
        out = []
        starts, parts, finds = self._starts, self._parts, self._finds
        current, limit = -1, -1  # the segment being searched, and the first document after it
        m = base = offsets = lengths = find = None
        try:
            for d in docnums:
                if d >= limit or d < starts[current]:
                    if current >= 0:
                        m.madvise(mmap.MADV_DONTNEED)  # one segment's pages mapped at a time
                    current = bisect_right(starts, d) - 1
                    limit = starts[current + 1] if current + 1 < len(starts) else float("inf")
                    m, base, offsets, lengths = parts[current]
                    find = finds[current]
                local = d - starts[current]
                start = base + offsets[local]
                end = start + lengths[local]
                at = find(needle, start, end)
                while at >= 0 and (at - start) % width:
                    at = find(needle, at + 1, end)
                if at >= 0:
                    out.append(d)
        finally:
            if current >= 0:
                m.madvise(mmap.MADV_DONTNEED)
        return out


def _finder(mapped: mmap.mmap):
    """`find(needle, start, end)` over a mapped file: StringZilla's over a view of it, else the map's own."""
    if stringzilla is None or not len(mapped):
        return mapped.find
    return stringzilla.Str(memoryview(mapped)).find
