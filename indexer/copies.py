"""How much of one report's prose is another's: the measure behind `history.copied` and `peers.copied`.

Pure functions over passage strings, and the MinHash signatures with which
the cross-report pass (`crossreport.py`) finds, among thousands of reports of
a year, the few worth measuring without comparing every pair.

* Prose is a report's paragraphs that read as sentences (`is_prose`): table
  rows, headings, titles, dates and signatures are left out; they are the
  same every year by design.
* Passages are compared in a normal form (`normalise`) where every number,
  year included, is one placeholder: a report that repeats last year's text
  with this year's figures counts as copied.
* Two passages are the *same* when their normal forms are equal, *nearly the
  same* when the sets of their character trigrams overlap by at least
  `NEAR_SAME` (Jaccard). The *share* is the part of this report's prose
  characters that are in passages the same or nearly the same as a passage
  of the other report (`compare_prose`).
* A signature (`signature`) is a MinHash of a report's prose as character
  5-grams: `NUM_PERM` minima of multiply-shift hashes, computed with numpy. Its
  `BANDS` bands of `ROWS` values are the LSH keys (`band_keys`): reports that
  share a band are candidates, ranked by the share of equal minima
  (`estimated_jaccard`), which estimates the Jaccard similarity of their
  5-gram sets. (The `datasketch` package does the same, but importing it loads
  scipy, a second or more per process: more than a one-report re-index may add.)
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

import numpy as np

from .textnorm import fold

NEAR_SAME = 0.7  # trigram Jaccard from which two passages are "nearly the same"
MIN_PROSE_CHARS = 15  # normal-form characters; shorter paragraphs are headings, dates, signatures
SHINGLE = 5  # characters per shingle of a signature
NUM_PERM = 96
BANDS, ROWS = 32, 3  # BANDS * ROWS == NUM_PERM; a pair with Jaccard 0.3 shares a band with probability 0.58

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[〇零一二三四五六七八九]{4}(?=年)")  # on the match form: ，is ,
_SENTENCE = re.compile("[,。;!?]")  # sentence punctuation (，。；！？ in match form); headings have none
NUMBER_MARK = "#"


def normalise(text: str) -> str:
    """Match form with every number (figures, years, 二〇二三年) replaced by one placeholder."""
    return _NUMBER.sub(NUMBER_MARK, fold(text))


def is_prose(kind: str, norm: str) -> bool:
    """A paragraph (given `normalise`d) that reads as sentences: long enough, with sentence punctuation."""
    return kind == "paragraph" and len(norm) >= MIN_PROSE_CHARS and bool(_SENTENCE.search(norm))


@dataclass(frozen=True, slots=True)
class ProsePassage:
    id: str  # the passage id in its report (s2-p3)
    norm: str  # `normalise`d text


def prose_of(passages: list[dict], folded: list[str] | None = None) -> list[ProsePassage]:
    """The prose passages of a record's `passages` list, in order.

    `folded` may give the passages' match forms (the index stores them), which saves folding again.
    """
    out = []
    for i, p in enumerate(passages):
        if p.get("kind") != "paragraph":
            continue
        norm = _NUMBER.sub(NUMBER_MARK, folded[i]) if folded is not None else normalise(p["text"])
        if is_prose("paragraph", norm):
            out.append(ProsePassage(p["id"], norm))
    return out


# ------------------------------------------------------------------ passage by passage


def trigrams(norm: str) -> frozenset[str]:
    if len(norm) < 3:
        return frozenset([norm])
    return frozenset({norm[i:i + 3] for i in range(len(norm) - 2)})


@dataclass(frozen=True, slots=True)
class Pair:
    a: str  # passage id in report A
    b: str  # passage id in report B
    same: bool  # equal normal forms; False: nearly the same


@dataclass
class Comparison:
    share: float  # of A's prose characters, in passages matched in B
    pairs: list[Pair] = field(default_factory=list)  # in A's order
    prose_chars: int = 0


class ProseIndex:
    """One report's prose, indexed for comparing many passages against it.

    `best` answers one passage at a time (the compare page, which takes each
    passage of B once): trigram sets are made on the first question and kept;
    only passages of about the same size can be nearly the same, so a question
    looks at those alone (sizes sorted, bisected). `compare_prose` answers for
    every passage at once from `codes`, made once per report and kept, so a
    report compared with several others (its next year, its peers) is cut
    into trigrams once.
    """

    def __init__(self, prose: list[ProsePassage]):
        self.prose = prose
        self.exact: dict[str, list[int]] = {}
        for i, p in enumerate(prose):
            self.exact.setdefault(p.norm, []).append(i)
        self._grams: list[frozenset[str]] | None = None
        self._sizes: list[tuple[int, int]] = []  # (trigram count, passage index), ascending
        self._codes: TrigramCodes | None = None

    def codes(self, wide: bool = False) -> "TrigramCodes":
        """The passages' trigrams as numbers (`compare_prose`), made on first need and kept."""
        if self._codes is None or (wide and not self._codes.wide):
            self._codes = trigram_codes(self.prose, wide)
        return self._codes

    def grams(self, i: int) -> frozenset[str]:
        return self._all_grams()[i]

    def _all_grams(self) -> list[frozenset[str]]:
        if self._grams is None:
            self._grams = [trigrams(p.norm) for p in self.prose]
            self._sizes = sorted((len(g), i) for i, g in enumerate(self._grams))
        return self._grams

    def best(self, norm: str, taken: set[int] | frozenset[int] = frozenset(),
             grams: frozenset[str] | None = None) -> tuple[int, bool] | None:
        """(index of the matching passage, same?) for a passage's normal form, or None; `taken` are not offered.

        `grams` may give the passage's trigrams when they are known already.
        """
        for hit in self.exact.get(norm, ()):
            if hit not in taken:
                return hit, True
        if grams is None:
            grams = trigrams(norm)
        mine = self._all_grams()
        size = len(grams)
        # Jaccard >= NEAR_SAME needs the smaller set to hold at least NEAR_SAME of the larger
        low = bisect.bisect_left(self._sizes, (math.ceil(size * NEAR_SAME), -1))
        high = bisect.bisect_right(self._sizes, (math.floor(size / NEAR_SAME), len(mine)))
        best, best_sim = None, NEAR_SAME
        for other_size, i in self._sizes[low:high]:
            if i in taken:
                continue
            shared = len(grams & mine[i])
            sim = shared / (size + other_size - shared)
            if sim >= best_sim:
                best, best_sim = i, sim
        return (best, False) if best is not None else None


def compare_prose(a: list[ProsePassage] | ProseIndex, b: list[ProsePassage] | ProseIndex) -> Comparison:
    """How much of A's prose is the same or nearly the same as passages of B.

    Each passage of A independently takes B's first passage of equal normal form,
    else B's passage of highest trigram Jaccard (at least `NEAR_SAME`; of equals,
    the one with the most trigrams, then the latest), as `ProseIndex.best` would.
    The shared trigram counts of every pair of passages come from one numpy join
    of the two reports' sorted trigram codes (`TrigramCodes`).
    """
    index = b if isinstance(b, ProseIndex) else ProseIndex(b)
    mine = a if isinstance(a, ProseIndex) else ProseIndex(a)
    passages = mine.prose
    total = sum(len(p.norm) for p in passages)
    found: list[tuple[int, bool] | None] = [None] * len(passages)
    near: list[int] = []
    for i, p in enumerate(passages):
        hit = index.exact.get(p.norm)
        if hit:
            found[i] = (hit[0], True)
        else:
            near.append(i)
    if near and index.prose:
        codes_a, codes_b = mine.codes(), index.codes()
        if codes_a.wide != codes_b.wide:  # one of them has characters past the narrow numbering
            codes_a, codes_b = mine.codes(wide=True), index.codes(wide=True)
        for i, j in zip(near, _nearly_same(codes_a, codes_b, near)):
            if j is not None:
                found[i] = (j, False)
    copied = 0
    pairs: list[Pair] = []
    for p, hit in zip(passages, found):
        if hit is not None:
            copied += len(p.norm)
            pairs.append(Pair(p.id, index.prose[hit[0]].id, hit[1]))
    return Comparison(copied / total if total else 0.0, pairs, total)


# ------------------------------------------------------------------ trigrams as numbers, for comparing in bulk

_SHORT = np.uint64(1 << 63)  # marks the code of a passage shorter than a trigram (its whole text is its one "trigram")
_ROW_BITS = 15  # narrow codes: three 16-bit character numbers and the passage in one 63-bit sort key
_CHAR_IDS = np.zeros(0x110000, dtype=np.uint16)  # code point -> its number in narrow codes (0: none yet), per process
_next_char_id = 1


@dataclass(frozen=True, slots=True)
class TrigramCodes:
    """A report's distinct (trigram, passage) pairs: codes sorted, each with its passage's index; trigram counts.

    Narrow codes number characters in the order this process met them (16 bits each); wide codes use the
    code points (21 bits each). Only codes of the same kind compare.
    """

    codes: np.ndarray  # uint64, ascending
    rows: np.ndarray  # int64, the passage of each code
    sizes: np.ndarray  # int64 per passage: its number of distinct trigrams (len(trigrams(norm)))
    distinct: np.ndarray  # uint64: the distinct codes, ascending
    first: np.ndarray  # int64: where each distinct code's run starts in `codes`
    runs: np.ndarray  # int64: how many passages hold it
    wide: bool = False


def _char_ids(chars: np.ndarray) -> np.ndarray | None:
    """The narrow numbers of `chars` (uint32 code points), numbering new ones; None when 16 bits run out."""
    global _next_char_id
    ids = _CHAR_IDS[chars]
    new = chars[ids == 0]
    if len(new):
        new = np.unique(new)
        if _next_char_id + len(new) > 0xFFFF:
            return None
        _CHAR_IDS[new] = np.arange(_next_char_id, _next_char_id + len(new), dtype=np.uint16)
        _next_char_id += len(new)
        ids = _CHAR_IDS[chars]
    return ids.astype(np.uint64)


def trigram_codes(prose: list[ProsePassage], wide: bool = False) -> TrigramCodes:
    """Every passage's trigram set (`trigrams`) as numbers, in one sorted array (narrow when it can be)."""
    lengths = np.fromiter((len(p.norm) for p in prose), dtype=np.int64, count=len(prose))
    chars = np.frombuffer("".join(p.norm for p in prose).encode("utf-32-le"), dtype="<u4")
    ids = None if wide or len(prose) >= 1 << _ROW_BITS else _char_ids(chars)
    if ids is None:
        return _wide_codes(prose, lengths, chars.astype(np.uint64))
    ends = np.cumsum(lengths)
    n = max(len(chars) - 2, 0)
    valid = np.arange(n) + 2 < np.repeat(ends, lengths)[:n]  # the trigram starting here ends in its passage
    rows = np.repeat(np.arange(len(prose), dtype=np.uint64), lengths)[:n]
    keys = (((ids[:n] << np.uint64(32)) | (ids[1:n + 1] << np.uint64(16)) | ids[2:n + 2]) << np.uint64(_ROW_BITS)
            | rows)[valid]
    short = np.flatnonzero(lengths < 3)
    if len(short):  # below 2**32: a trigram's first character numbers 1 or more
        starts = ends - lengths
        extra = []
        for i in short.tolist():
            c = [0, 0] + ids[starts[i]:ends[i]].tolist()
            extra.append((((int(c[-2]) << 16) | int(c[-1])) << _ROW_BITS) | i)
        keys = np.concatenate([keys, np.array(extra, dtype=np.uint64)])
    keys.sort()
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys
    return _with_runs(keys >> np.uint64(_ROW_BITS), (keys & np.uint64((1 << _ROW_BITS) - 1)).astype(np.int64),
                      len(prose), False)


def _with_runs(codes: np.ndarray, rows: np.ndarray, passages: int, wide: bool) -> TrigramCodes:
    """TrigramCodes of (code, passage) pairs sorted by code, each pair once."""
    first = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1]))) if len(codes) else rows[:0]
    return TrigramCodes(codes, rows, np.bincount(rows, minlength=passages).astype(np.int64),
                        codes[first], first, np.diff(np.append(first, len(codes))), wide)


def _wide_codes(prose: list[ProsePassage], lengths: np.ndarray, chars: np.ndarray) -> TrigramCodes:
    """Codes of three 21-bit code points, for prose past the narrow numbering (slower: the pairs need two sorts)."""
    ends = np.cumsum(lengths)
    owner = np.repeat(np.arange(len(prose), dtype=np.int64), lengths)
    n = max(len(chars) - 2, 0)
    valid = np.arange(n) + 2 < np.repeat(ends, lengths)[:n]
    codes = ((chars[:n] << np.uint64(42)) | (chars[1:n + 1] << np.uint64(21)) | chars[2:n + 2])[valid]
    rows = owner[:n][valid]
    short = np.flatnonzero(lengths < 3)
    if len(short):
        extra = []
        for i in short:
            c = [ord(ch) for ch in prose[i].norm] + [0, 0]
            extra.append(int(_SHORT) | (int(lengths[i]) << 42) | (c[0] << 21) | c[1])
        codes = np.concatenate([codes, np.array(extra, dtype=np.uint64)])
        rows = np.concatenate([rows, short.astype(np.int64)])
    if not len(codes):
        return _with_runs(codes, rows, len(prose), True)
    order = np.argsort(codes)  # (a stable sort or lexsort takes four times as long)
    codes, rows = codes[order], rows[order]
    starts = np.empty(len(codes), dtype=bool)
    starts[0] = True
    np.not_equal(codes[1:], codes[:-1], out=starts[1:])
    distinct = codes[starts]
    # each (distinct code, passage) once, passages ascending per code: one sort of rank << 32 | passage
    pairs = np.sort(((np.cumsum(starts) - 1).astype(np.uint64) << np.uint64(32)) | rows.astype(np.uint64))
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]  # (np.unique hashes: five times slower)
    return _with_runs(distinct[(pairs >> np.uint64(32)).astype(np.int64)],
                      (pairs & np.uint64(0xFFFFFFFF)).astype(np.int64), len(prose), True)


def shared_trigrams(a: TrigramCodes, b: TrigramCodes, rows: np.ndarray | None = None) -> np.ndarray:
    """Matrix of the number of trigrams passage i of A (of `rows`, if given) and passage j of B have in common."""
    nb = len(b.sizes)
    codes, owners = a.codes, a.rows
    if rows is not None:
        place = np.full(len(a.sizes), -1, dtype=np.int64)
        place[rows] = np.arange(len(rows))
        owners = place[owners]
        keep = owners >= 0
        codes, owners = codes[keep], owners[keep]
    na = len(a.sizes) if rows is None else len(rows)
    if not len(b.distinct):
        return np.zeros((na, nb), dtype=np.int64)
    at = np.searchsorted(b.distinct, codes)
    at[at == len(b.distinct)] = 0
    hit = b.distinct[at] == codes
    at, owners = at[hit], owners[hit]
    count = b.runs[at]
    total = int(count.sum())
    if not total:
        return np.zeros((na, nb), dtype=np.int64)
    start = np.cumsum(count) - count  # where each matched code's run starts in the expanded arrays
    positions = np.arange(total) + np.repeat(b.first[at] - start, count)
    cells = np.repeat(owners, count) * nb + b.rows[positions]
    return np.bincount(cells, minlength=na * nb).reshape(na, nb)


def _nearly_same(a: TrigramCodes, b: TrigramCodes, rows: list[int]) -> list[int | None]:
    """For passages `rows` of A, B's passage of highest trigram Jaccard >= NEAR_SAME (ties: most trigrams, latest)."""
    chosen = np.array(rows, dtype=np.int64)
    shared = shared_trigrams(a, b, chosen if len(rows) < len(a.sizes) else None)
    size = a.sizes[chosen][:, None]
    other = b.sizes[None, :]
    # as `ProseIndex.best` bounds its search; the same float operations decide the same edges
    window = (other >= np.ceil(size * NEAR_SAME)) & (other <= np.floor(size / NEAR_SAME))
    sim = shared / (size + other - shared)
    ok = window & (sim >= NEAR_SAME)
    out: list[int | None] = [None] * len(rows)
    sizes = b.sizes.tolist()
    for r in np.flatnonzero(ok.any(axis=1)).tolist():
        values = sim[r].tolist()
        out[r] = max(np.flatnonzero(ok[r]).tolist(), key=lambda j: (values[j], sizes[j], j))
    return out


# ------------------------------------------------------------------ MinHash signatures and LSH bands

_RNG = np.random.default_rng(20240601)  # fixed: signatures are stored and compared across runs
_A = _RNG.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _RNG.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_POWERS = np.array([pow(1_000_003, j, 2**64) for j in range(SHINGLE)], dtype=np.uint64)
_CHUNK = 1024  # shingles hashed at once, in one buffer (CHUNK x NUM_PERM x 8 bytes: fits the cache)
EMPTY = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)


def shingle_hashes(prose: list[ProsePassage]) -> np.ndarray:
    """64-bit hashes of the character 5-grams of the prose (passages joined by a separator)."""
    text = "\x00".join(p.norm for p in prose)
    if not text:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < SHINGLE:
        codes = np.concatenate([codes, np.zeros(SHINGLE - len(codes), dtype=np.uint64)])
    n = len(codes) - SHINGLE + 1
    hashes = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(SHINGLE):
            hashes += codes[j:j + n] * _POWERS[j]
    return hashes  # repeats do not change a minimum; removing them costs more than hashing them


def signature(prose: list[ProsePassage]) -> np.ndarray:
    """MinHash signature (NUM_PERM uint32) of the prose's 5-grams; `EMPTY` without prose."""
    hashes = shingle_hashes(prose)
    if not len(hashes):
        return EMPTY.copy()
    out = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    buffer = np.empty((min(_CHUNK, len(hashes)), NUM_PERM), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, len(hashes), _CHUNK):
            h = hashes[start:start + _CHUNK, None]
            values = buffer[:len(h)]
            np.multiply(h, _A, out=values)  # h * A + B in place: a third of the time of temporaries
            values += _B
            np.minimum(out, values.min(axis=0), out=out)
    return (out >> np.uint64(32)).astype(np.uint32)  # the minimum's top half is the top halves' minimum


def band_keys(sig: np.ndarray) -> list[bytes]:
    """One key per band: the band's number and its ROWS minima."""
    return band_keys_of_rows(sig.reshape(1, NUM_PERM))[0]


def band_keys_of_rows(sigs: np.ndarray) -> list[list[bytes]]:
    """`band_keys` of each row of a (reports × NUM_PERM) matrix, made in one numpy pass (a year's LSH buckets)."""
    n = len(sigs)
    keys = np.empty((n, BANDS, 1 + 4 * ROWS), dtype=np.uint8)
    keys[:, :, 0] = np.arange(BANDS, dtype=np.uint8)
    keys[:, :, 1:] = np.ascontiguousarray(sigs, dtype="<u4").view(np.uint8).reshape(n, BANDS, 4 * ROWS)
    return keys.view(f"V{1 + 4 * ROWS}").reshape(n, BANDS).tolist()


def estimated_jaccard(sig: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Share of equal minima between `sig` and each row of `others`."""
    return (others == sig).mean(axis=-1)


def is_empty(sig: np.ndarray) -> bool:
    return bool((sig == EMPTY).all())
