"""A term's postings in one segment, decoded in C-speed steps from its bytes in the postings file.

whoosh's block matcher reads a block with a seek and three reads, then
de-minifies its ids in a Python generator (`delta_decode`, one step per
posting): at 20,000 reports the postings of the character pairs of a
common phrase took 40 us a block and most of a cold query. Here a term's
bytes are read in one call and each block is unpickled, decompressed and
summed with `itertools.accumulate`; the ids and weights are the same.
"""

from __future__ import annotations

import pickle
import zlib
from array import array
from io import BytesIO
from itertools import accumulate, repeat
from struct import Struct

from whoosh.reading import TermNotFound

_MAGIC = b"W3Bl"  # whoosh.codec.whoosh3.WHOOSH3_HEADER_MAGIC: the start of a term's postings
_LENGTH = Struct("!i")  # whoosh.system.pack_int: a block's length, negative for the last block


BULK = 512  # postings from which ids are summed and moved with numpy (its import would cost a rare word's search more)


class Unreadable(Exception):
    """The postings are not in the block layout this module reads (the caller uses whoosh's matcher)."""


def read_term(leaf, field: str, btext: bytes) -> tuple[array, array] | None:
    """(ids, weights) of a term in one segment (its own document numbers, deleted ones included),
    or None when the segment does not hold the term. Raises `Unreadable` for a layout it cannot read."""
    terms = getattr(leaf, "_terms", None)
    if terms is None or not hasattr(terms, "term_info") or not hasattr(terms, "_postfile"):
        raise Unreadable(type(leaf).__name__)
    try:
        info = terms.term_info(field, btext)  # one lookup in the segment's term table, not two
    except TermNotFound:
        return None
    if info.is_inlined():
        ids, weights, _ = info.inlined_postings()
        return array("I", ids), array("f", weights)
    offset, length = info.extent()
    if isinstance(length, tuple):  # whoosh's W3TermInfo.from_bytes leaves the length as struct.unpack gave it
        (length,) = length
    return decode_blocks(terms._postfile.get(offset, length))


def decode_blocks(raw: bytes) -> tuple[array, array]:
    """The ids and weights of a term's postings bytes (`W3Bl`, then blocks of: length, the
    pickled block info, the pickled and maybe compressed (delta ids, weights, values))."""
    if raw[:4] != _MAGIC:
        raise Unreadable("no block header")
    deltas: list[int] = []  # across blocks: each block's first id made a step from the last block's last
    weights: list[float] = []
    stream = BytesIO(raw)
    pos, size, last_id = 4, len(raw), 0
    while pos < size:
        (length,) = _LENGTH.unpack_from(raw, pos)
        end = pos + 4 + abs(length)
        stream.seek(pos + 4)
        count, max_id, _, compression, *_ = pickle.load(stream)
        data = raw[stream.tell():end]
        block_ids, block_weights, _ = pickle.loads(zlib.decompress(data) if compression else data)
        if len(block_ids) != count or not count:
            raise Unreadable("block length")
        at = len(deltas)
        deltas.extend(block_ids)
        deltas[at] -= last_id
        last_id = max_id
        if block_weights is None:
            weights.extend(repeat(1.0, count))
        elif isinstance(block_weights, float):
            weights.extend(repeat(block_weights, count))
        else:
            weights.extend(block_weights)
        pos = end
        if length < 0:
            break
    return _summed(deltas), array("f", weights)


def _summed(deltas: list[int]) -> array:
    """The running sums of `deltas` as an array of document numbers (numpy for a long list:
    `accumulate` makes a new integer object per posting)."""
    if len(deltas) < BULK:
        return array("I", accumulate(deltas))
    import numpy as np

    return array("I", np.cumsum(np.array(deltas, dtype=np.int64)).astype(np.uint32).tobytes())


def shifted(ids, offset: int) -> array:
    """`ids` plus `offset` (a segment's first document number in the whole index), as an array."""
    if not offset:
        return ids if isinstance(ids, array) else array("I", ids)
    if len(ids) < BULK:
        return array("I", map(offset.__add__, ids))
    import numpy as np

    return array("I", (np.asarray(ids, dtype=np.uint32) + np.uint32(offset)).tobytes())
