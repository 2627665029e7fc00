"""Reading the index: matching and scoring; facets (`facets.py`) and records (`records.py`) mixed in.

An `Index` wraps one generation. Generations never change once live, so
everything derived from one (posting lists, facet bitsets, metric columns,
the documents containing a string) is cached on the `Index` for as long as
it is open.

Postings are read a block at a time (whoosh stores each block as one
pickled array) rather than through whoosh's per-posting matcher calls, and
scoring is our own BM25 over the documents that matched: whoosh's OR matcher
reads and scores every posting of every clause, which for a term found in
every report is most of the cost of a query.
"""

from __future__ import annotations

import math
import struct
import threading
from array import array
from bisect import bisect_left, bisect_right
from itertools import accumulate
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from whoosh import columns
from whoosh import index as whoosh_index

from .. import docset, segment
from . import generations
from .crossstore import CrossStore
from .facets import BULK, Facets, _bits
from .metric_table import MetricTable
from .postings import Unreadable, read_term, shifted
from .records import Records
from .textmap import TextMap, Unmappable
from .schema import FACET_FIELDS, MTEXT_ENCODING, SCHEMA_VERSION
from .writer import WHOOSH_DIR


# Postings kept in memory per open generation (8 bytes each: at most about 160 MB).
POSTINGS_CACHE = 20_000_000
ENTRY_POSTINGS = 32  # what a cache entry costs beyond its postings (key, tuple, arrays: ~256 bytes), in postings
MASK_CACHE_BYTES = 64 * 2**20  # term -> set of reports (an integer of one bit per document)
CONTAINING_CACHE_BYTES = 32 * 2**20  # string -> reports containing it
COUNTS_CACHE_BYTES = 16 * 2**20  # a set of many reports -> its agency counts


# Checking one report's text for a string costs about as much as reading this
# many postings of an n-gram; `containing` weighs the two.
VERIFY_COST = 8


class IndexMissing(Exception):
    """There is no complete index in the folder."""


@dataclass(frozen=True, slots=True)
class RankLeaf:
    """One string the user asked for, as the scorer sees it."""

    needle: str  # match form; every scored document contains it
    words: tuple[str, ...]  # its words, which score more where they are whole words of the report


@dataclass(frozen=True, slots=True)
class RankWeights:
    """How much each kind of evidence counts; see `indexer.search.WEIGHTS`."""

    body: float  # a whole-word hit in the text (BM25)
    title: float  # a whole-word hit in the title
    agency: float  # a whole-word hit in the agency name
    fragment: float  # the string occurs, but only inside longer words
    k1: float = 1.2
    b: float = 0.75


class _LRU(OrderedDict):
    """A least-recently-used cache bounded by the total `weight` of its values (default: 1 each).

    Empty values (a term no report holds) are not kept: the queries of a
    crawler or a fuzzer are mostly such terms, and keeping them would grow
    the server's memory with every new one until the bound, while looking
    one up again costs little.
    """

    def __init__(self, size: int, weight=lambda value: 1, empty=lambda value: not value):
        super().__init__()
        self.size = size
        self.weight = weight
        self.empty = empty
        self.total = 0
        self.lock = threading.Lock()

    def get_or(self, key, make):
        with self.lock:
            if key in self:
                self.move_to_end(key)
                return self[key]
        value = make()
        if self.empty(value):
            return value
        with self.lock:
            if key not in self:
                self[key] = value
                self.total += self.weight(value)
            while self.total > self.size and len(self) > 1:
                _, old = self.popitem(last=False)
                self.total -= self.weight(old)
        return value

    def put(self, key, value) -> None:
        """Replace (or add) a value: a cached answer completed by a later call."""
        with self.lock:
            if key in self:
                self.total -= self.weight(self.pop(key))
            self[key] = value
            self.total += self.weight(value)
            while self.total > self.size and len(self) > 1:
                _, old = self.popitem(last=False)
                self.total -= self.weight(old)


def _mask_bytes(mask: int) -> int:
    return 200 + mask.bit_length() // 8  # the entry, and the integer's bits


def holds(text: bytes, needle: bytes) -> bool:
    """Whether UTF-16 `text` holds `needle`: a hit counts at an even byte offset only, since
    the bytes of two neighbouring characters can spell a third."""
    at = text.find(needle)
    while at > 0 and at & 1:
        at = text.find(needle, at + 1)
    return at >= 0


def _blocks(matcher):
    """(ids, weights) of each posting block of a segment's matcher.

    whoosh's block matcher keeps a block's ids and weights as arrays; reading
    them whole avoids three Python calls per posting. Deleted documents are
    filtered by the caller, so whoosh's deletion filter is unwrapped; any other
    matcher is read through the public per-posting calls.
    """
    while not hasattr(matcher, "_read_ids") and hasattr(matcher, "child"):
        matcher = matcher.child
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            yield matcher._ids, matcher._weights
            matcher._next_block()
        return
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield ids, weights


def _leaf_postings(leaf, field: str, btext: bytes) -> tuple[array, array] | None:
    """(ids, weights) of a term in one segment, None where it does not occur: decoded from the
    term's bytes (`postings.read_term`), or through whoosh's matcher block by block."""
    try:
        return read_term(leaf, field, btext)
    except Unreadable:
        if (field, btext) not in leaf:
            return None
        ids, weights = array("I"), array("f")
        for block_ids, block_weights in _blocks(leaf.postings(field, btext)):
            ids.extend(block_ids)
            weights.extend(block_weights)
        return ids, weights


def _drop(ids: array, weights: array, dead) -> None:
    """Take the postings of deleted documents out of a segment's (ascending) ids and their weights:
    a few documents a segment, each found by bisection rather than testing every posting."""
    for d in sorted(dead, reverse=True):
        at = bisect_left(ids, d)
        if at < len(ids) and ids[at] == d:
            del ids[at]
            del weights[at]


def _set_of(ids: array, size: int) -> int:
    """The set of documents of a postings list (ascending, distinct), with numpy when it is long."""
    if len(ids) < BULK:
        return docset.from_docnums(ids, size)
    import numpy as np

    bits = np.zeros(size, dtype=bool)
    bits[np.frombuffer(ids, dtype=np.uint32)] = True
    return int.from_bytes(np.packbits(bits, bitorder="little").tobytes(), "little")


def _offsets_and_lengths(reader) -> None:
    """whoosh's VarBytesColumn.Reader._read_offsets_and_lengths, with the offsets summed in C.

    whoosh derives each document's offset from the lengths in a Python loop
    when a segment has fewer than 32,768 documents: opening a column of 20,000
    reports in ten segments took 6 ms, and a search opens a dozen columns.
    """
    dbfile, last, doccount = reader._dbfile, reader._basepos + reader._length - 1, reader._doccount
    lengths_code = chr(dbfile.get_byte(last))
    offsets = None
    if lengths_code == "X":  # the offsets were written too
        reader.had_stored_offsets = True
        lengths_code, offsets_code = chr(dbfile.get_byte(last - 2)), chr(dbfile.get_byte(last - 1))
        start = (last - 2) - doccount * struct.calcsize(offsets_code)
        offsets = dbfile.get_array(start, offsets_code, doccount)
        last = start
    lengths = dbfile.get_array(last - struct.calcsize(lengths_code) * doccount, lengths_code, doccount)
    if offsets is None:
        offsets = array("L", accumulate(lengths, initial=0))
        offsets.pop()
    reader._offsets, reader._lengths = offsets, lengths


class _VarBytes(columns.VarBytesColumn):
    class Reader(columns.VarBytesColumn.Reader):
        _read_offsets_and_lengths = _offsets_and_lengths


class _CompressedBytes(columns.CompressedBytesColumn):
    class Reader(columns.CompressedBytesColumn.Reader):
        _read_offsets_and_lengths = _offsets_and_lengths


def _quick(column):
    """The column type to read a column with: whoosh's own, opened faster where `_offsets_and_lengths` applies."""
    if type(column) is columns.VarBytesColumn:
        return _VarBytes()
    if type(column) is columns.CompressedBytesColumn:
        return _CompressedBytes(module=column._module)
    return None


class _Column:
    """A column's value (as written: bytes, or a number) of any document, read from its segment.

    whoosh's multi-segment column reader leaves out the segments that have no
    file for the column (no document of theirs has a value), which misplaces
    every document after them; each segment's own reader gives its default.
    """

    def __init__(self, reader, field: str):
        leaves = [(leaf, offset) for leaf, offset in reader.leaf_readers() if leaf.doc_count_all()]
        self._starts = [offset for _, offset in leaves]
        self._readers = [leaf.column_reader(field, column=_quick(leaf.schema[field].column_type), translate=False)
                         for leaf, _ in leaves]

    def __getitem__(self, docnum: int):
        i = bisect_right(self._starts, docnum) - 1
        return self._readers[i][docnum - self._starts[i]]

    def __iter__(self):
        for reader in self._readers:
            yield from reader


class Index(Facets, Records):
    """One live generation, opened read-only."""

    def __init__(self, generation: Path):
        self.path = generation
        self.name = generation.name
        self.meta = generations.read_meta(generation)
        self._ix = whoosh_index.open_dir(str(generation / WHOOSH_DIR), readonly=True)
        self._local = threading.local()
        self._readers: list = []
        self._lock = threading.Lock()
        reader = self.reader()
        self.size = reader.doc_count_all()
        self.doc_count = reader.doc_count()
        self._deleted = frozenset(offset + d for leaf, offset in reader.leaf_readers() if leaf.has_deletions()
                                  for d in leaf.deleted_docs_set)
        self.live = docset.full(self.size) & ~docset.from_docnums(self._deleted, self.size)
        self._postings = _LRU(POSTINGS_CACHE, weight=lambda ids_weights: len(ids_weights[0]) + ENTRY_POSTINGS,
                              empty=lambda ids_weights: not ids_weights[0])
        self._masks = _LRU(MASK_CACHE_BYTES, weight=_mask_bytes)
        # string -> (documents checked, those of them containing it)
        # (agency field, set of documents) -> its counts: a dictionary of up to one entry an agency
        self._agency_counts = _LRU(COUNTS_CACHE_BYTES, weight=lambda counts: 200 + 100 * len(counts))
        self._containing = _LRU(CONTAINING_CACHE_BYTES, weight=lambda entry: _mask_bytes(entry[0]) + _mask_bytes(entry[1]),
                                empty=lambda entry: not entry[1])
        self._facets: dict[str, dict[str, int]] = {}
        self._agency_names: dict[str, str] | None = None
        self._columns: dict[str, list[str | None]] = {}
        self._metrics: MetricTable | None = None
        self._lengths: array | None = None
        self._retired: dict[str, dict] | None = None
        self._cross_failing_ids: dict[str, list[str]] | None = None
        self._cross: CrossStore | None = CrossStore.open_readonly(generation)
        self._mapped: TextMap | bool | None = None  # the match text's files, mapped on first need
        # Generations written before schema 8 hold their match text in UTF-8.
        schema = int(self.meta.get("schema") or 0)
        self._mtext_encoding = MTEXT_ENCODING if schema >= 9 else "utf-8"
        self._facet_columns = schema >= 10  # older generations: facets from postings, metrics as JSON
        self.outdated = schema != SCHEMA_VERSION  # read as it was written; `nianbao index` rebuilds it

    @classmethod
    def open(cls, index_dir: Path) -> "Index":
        generation = generations.current(index_dir)
        if generation is None:
            raise IndexMissing(f"no index in {index_dir}; run 'nianbao index' first")
        return cls(generation)

    def is_current(self, index_dir: Path) -> bool:
        """False once another generation has gone live."""
        live = generations.current(index_dir)
        return live is not None and live.name == self.name

    def reader(self):
        """This thread's whoosh reader (readers are not shared between threads). A reader, not a
        searcher: nothing here searches through whoosh, and whoosh.searching costs 0.2 s to import."""
        r = getattr(self._local, "reader", None)
        if r is None:
            r = self._ix.reader()
            self._local.reader = r
            with self._lock:
                self._readers.append(r)
        return r

    def column_reader(self, name: str) -> "_Column":
        """This thread's reader of a per-document column (whoosh reads a column's whole
        offset table when a reader opens, so readers are kept, not reopened)."""
        readers = getattr(self._local, "columns", None)
        if readers is None:
            readers = self._local.columns = {}
        reader = readers.get(name)
        if reader is None:
            reader = readers[name] = _Column(self.reader(), name)
        return reader

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._mapped:
            self._mapped.close()
            self._mapped = False
        if self._cross is not None:
            self._cross.close()
            self._cross = None
        with self._lock:
            for r in self._readers:
                r.close()
            self._readers.clear()

    # ------------------------------------------------------------ postings

    def postings(self, field: str, text: str) -> tuple[array, array]:
        """(document numbers, weights) of a term, live documents only, read block by block."""
        return self._postings.get_or((field, text), lambda: self._read_postings(field, text))

    def _read_postings(self, field: str, text: str) -> tuple[array, array]:
        ids, weights = array("I"), array("f")
        btext = text.encode("utf-8")
        for leaf, offset in self.reader().leaf_readers():
            term = _leaf_postings(leaf, field, btext)
            if term is None:
                continue
            leaf_ids, leaf_weights = term
            if leaf.has_deletions():
                _drop(leaf_ids, leaf_weights, leaf.deleted_docs_set)  # the segment's own numbers
            ids.extend(shifted(leaf_ids, offset))
            weights.extend(leaf_weights)
        return ids, weights

    def postings_mask(self, field: str, text: str) -> int:
        """The set of live documents holding a term."""
        return self._masks.get_or((field, text), lambda: _set_of(self.postings(field, text)[0], self.size))

    # ------------------------------------------------------------ matching

    def containing(self, needle: str, within: int | None = None) -> int:
        """Documents whose match-form text contains `needle` (itself in match form): all of them,
        or those among `within` only, where the others need not be checked.

        A search with two filters needs the matches under each filter but not beyond (its facets
        count the matches under every other filter): a phrase's candidates outside are never
        checked against the text. What was checked is cached with what was found, and a later
        call checks only what it adds.
        """
        if not needle:
            return self.live if within is None else self.live & within
        scope = self.live if within is None else self.live & within
        checked, found = self._containing.get_or(needle, lambda: (0, 0))
        missing = scope & ~checked
        if missing:
            found |= self._containing_uncached(needle, missing)
            checked |= missing
            if found:
                self._containing.put(needle, (checked, found))
        return found & scope

    def _containing_uncached(self, needle: str, scope: int) -> int:
        """The documents of `scope` whose text contains `needle`."""
        grams = segment.query_grams(needle)
        if len(needle) <= 2:
            return self.postings_mask("gram", grams[0]) & scope
        # Rarest pair first; stop intersecting once checking the remaining candidates'
        # text is cheaper than reading the next pair's postings.
        reader = self.reader()
        frequencies = sorted((reader.doc_frequency("gram", g), g) for g in grams)
        if frequencies[0][0] == 0:
            return 0
        candidates = scope
        everyone = self.doc_count or 1
        for i, (df, gram) in enumerate(frequencies):
            # A pair's postings are worth reading while the candidates they would leave out (as many
            # as the reports without the pair, in proportion) cost more to check than the postings.
            if i >= 2 and df > VERIFY_COST * docset.count(candidates) * max(0.0, 1 - df / everyone):
                break
            candidates &= self.postings_mask("gram", gram)
            if not candidates:
                return 0
        confirmed = candidates & self.postings_mask("body", needle)  # the needle is a whole word there
        return confirmed | self._verify(candidates & ~confirmed, needle)

    def _verify(self, candidates: int, needle: str) -> int:
        """Candidates whose text really holds the needle (its pairs can occur apart)."""
        if not candidates:
            return 0
        encoded = needle.encode(self._mtext_encoding)
        text_map = self._text_map()
        if text_map is not None:
            width = 1 if self._mtext_encoding == "utf-8" else 2
            return docset.from_docnums(text_map.holding(docset.docnums(candidates), encoded, width), self.size)
        column = self.column_reader("mtext")
        if self._mtext_encoding == "utf-8":
            hits = [d for d in docset.docnums(candidates) if encoded in column[d]]
        else:
            hits = [d for d in docset.docnums(candidates) if holds(column[d], encoded)]
        return docset.from_docnums(hits, self.size)

    def _text_map(self) -> TextMap | None:
        """The match text's files mapped into memory, once per generation (None where they cannot be)."""
        if self._mapped is None:
            column = self.column_reader("mtext")
            with self._lock:
                if self._mapped is None:
                    try:
                        self._mapped = TextMap(column._readers, column._starts)
                    except Unmappable:
                        self._mapped = False
        return self._mapped or None

    # ------------------------------------------------------------ scoring

    def lengths(self) -> array:
        """Text length (characters) of every document, by document number."""
        if self._lengths is None:
            self._lengths = array("I", (int(v or 0) for v in self._raw_column("length")))
        return self._lengths

    def _lengths_of(self, docs: set[int]):
        """Text length of each of `docs`, indexable by document number."""
        if self._lengths is not None or not self._one_by_one(len(docs)):
            return self.lengths()
        column = self.column_reader("length")
        return {d: int(column[d] or 0) for d in docs}

    def scores(self, leaves: list[RankLeaf], docs: int, weights: RankWeights) -> dict[int, float]:
        """BM25-style score of every document in `docs` for the leaves (all docs get an entry).

        Many documents, or a few with a word of long postings (each posting was a Python step,
        whatever the documents), are scored with numpy (`_scores_in_bulk`: a common word's
        postings at 20,000 reports); the figures are the same, operation for operation.
        """
        if leaves and docs and (docset.count(docs) >= BULK or any(
                len(self.postings("body", word)[0]) >= BULK for leaf in leaves for word in leaf.words)):
            return self._scores_in_bulk(leaves, docs, weights)
        members = set(docset.docnums(docs))
        scores = dict.fromkeys(members, 0.0)
        if not members or not leaves:
            return scores
        lengths = self._lengths_of(members)
        average = (sum(lengths[d] for d in members) / len(members)) or 1.0
        k1, b = weights.k1, weights.b
        idf = self._idf
        for leaf in leaves:
            whole: set[int] = set()
            for word in leaf.words:
                ids, tfs = self.postings("body", word)
                word_idf = idf(len(ids))
                for d, tf in zip(ids, tfs):
                    if d in members:
                        norm = k1 * (1 - b + b * lengths[d] / average)
                        scores[d] += weights.body * word_idf * tf * (k1 + 1) / (tf + norm)
                        whole.add(d)
                for field, weight in (("title", weights.title), ("agency", weights.agency)):
                    ids, _ = self.postings(field, word)
                    if ids:
                        bonus = weight * idf(len(ids))
                        for d in ids:
                            if d in members:
                                scores[d] += bonus
            # only inside longer words: its idf counts every report holding the string, which is
            # found beyond `docs` only when some report scores it
            fragments = [d for d in docset.docnums(self.containing(leaf.needle, docs)) if d not in whole]
            if fragments:
                fragment = weights.fragment * idf(docset.count(self.containing(leaf.needle)))
                for d in fragments:
                    scores[d] += fragment
        return scores

    def _idf(self, df: int) -> float:
        n = self.doc_count
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def _scores_in_bulk(self, leaves: list[RankLeaf], docs: int, weights: RankWeights) -> dict[int, float]:
        """`scores` over arrays: each document gets the same additions, in the same order."""
        import numpy as np

        member = _bits(docs, self.size, np)
        members = np.flatnonzero(member)
        lengths = np.frombuffer(self.lengths(), dtype=np.uint32)
        average = (int(lengths[members].sum(dtype=np.int64)) / len(members)) or 1.0
        k1, b = weights.k1, weights.b
        idf = self._idf
        scores = np.zeros(self.size)
        for leaf in leaves:
            whole = np.zeros(self.size, dtype=bool)
            for word in leaf.words:
                ids, tfs = self.postings("body", word)
                word_idf = idf(len(ids))
                ids = np.frombuffer(ids, dtype=np.uint32)
                hit = member[ids]
                at = ids[hit]
                tf = np.frombuffer(tfs, dtype=np.float32)[hit].astype(np.float64)
                norm = k1 * (1 - b + b * lengths[at] / average)
                scores[at] += weights.body * word_idf * tf * (k1 + 1) / (tf + norm)
                whole[at] = True
                for field, weight in (("title", weights.title), ("agency", weights.agency)):
                    ids, _ = self.postings(field, word)
                    if ids:
                        bonus = weight * idf(len(ids))
                        ids = np.frombuffer(ids, dtype=np.uint32)
                        scores[ids[member[ids]]] += bonus
            fragments = _bits(self.containing(leaf.needle, docs), self.size, np) & member & ~whole
            if fragments.any():
                fragment = weights.fragment * idf(docset.count(self.containing(leaf.needle)))
                scores[fragments] += fragment
        return dict(zip(members.tolist(), scores[members].tolist()))

    # ------------------------------------------------------------ columns

    def _raw_column(self, field: str) -> list:
        """The column's value of every document as written (b"" where it has none)."""
        out = list(self.column_reader(field))
        if len(out) != self.size:
            raise ValueError(f"column {field}: {len(out)} values for {self.size} documents")
        return out

    def warm(self) -> None:
        """Compute what every search page needs (facets, year and agency columns, agency names, lengths,
        the metric keys) when a generation is opened, not during the first request. The agency
        facets are not built: a filter reads its one agency's postings (`facet_docs`)."""
        for field in FACET_FIELDS:
            if field not in ("agency_id", "agency_name"):
                self.facet(field)
        self.column("year")
        self.column("agency_id")
        self.agency_names()
        self.lengths()
        self.metric_keys()
