"""Writing the index: one batch of changes becomes one new generation."""

from __future__ import annotations

import os
import shutil
import sys
import zlib
from array import array
from collections import Counter, deque
from itertools import repeat
from operator import sub
from pathlib import Path
from typing import Iterable, Iterator

from whoosh import formats
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3PostingsWriter, W3TermInfo
from whoosh.compat import dumps
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from .. import segment
from . import generations, retired
from .analysis import GramTokenizer, WordTokenizer
from .generations import IndexBusy, WriterLock  # noqa: F401  (the lock lives with the folder's other rules)
from .schema import SCHEMA_VERSION, build_schema

WHOOSH_DIR = "whoosh"
LIMIT_MB = 256  # memory for one writer's posting pool before it spills runs to disk
SMALL_SEGMENT = 50  # documents: the segments incremental runs add, merged ...
MAX_SMALL_SEGMENTS = 8  # ... once there are more than this many of them


def segments_to_merge(sizes: list[int]) -> list[int]:
    """Which segments (positions in `sizes`, their document counts) the next commit folds together.

    Only the few-document segments that incremental runs add, once more than
    MAX_SMALL_SEGMENTS have piled up: merging goes through whoosh's
    per-posting path, about 60 ms a document, so a segment of hundreds (what
    a worker leaves when it retires in the middle of a batch) is never worth
    rewriting: merging eight of them (1,763 documents) took 100 s of a
    1+1+1 re-index at 100,000 reports. Large segments are never rewritten.
    """
    small = [i for i, n in enumerate(sizes) if n < SMALL_SEGMENT]
    return small if len(small) > MAX_SMALL_SEGMENTS else []


def merge_small_segments(writer, segments):
    """whoosh merge policy: fold the segments `segments_to_merge` picks into the one being written."""
    chosen = set(segments_to_merge([s.doc_count_all() for s in segments]))
    for i in sorted(chosen):
        reader = SegmentReader(writer.storage, writer.schema, segments[i])
        writer.add_reader(reader)
        reader.close()
    return [s for i, s in enumerate(segments) if i not in chosen]


# Segments are written as separate files, not one compound file: reading a
# column of a compound file copies the whole sub-file into memory first.
class Codec(W3Codec):
    """whoosh's codec without per-block length statistics.

    They serve whoosh's own BM25 block skipping, which `reader.Index.scores`
    does not use, and writing them costs a field-length lookup per posting.
    Segments remember their codec, so this class must stay at this import path.
    """

    length_stats = False

    def postings_writer(self, dbfile, byteids=False):
        return PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                              compression=self._compression, inlinelimit=self._inlinelimit)


class PostingsWriter(W3PostingsWriter):
    """whoosh's postings writer, taught to write a whole term at once (`write_term`)."""

    def _mini_ids(self):
        ids = self._ids
        if self._byteids:
            return tuple(ids)
        return tuple(map(sub, ids, (0, *ids[:-1])))  # delta_encode, without a Python call per id

    def write_term(self, fieldwriter, tbytes: bytes, ids: array, weights: array, values: bytes | None,
                   value_size: int) -> None:
        """One whole term: what whoosh's `start_term`, `add_posting` for each posting and `finish_term` write.

        whoosh's path makes a term-info object, a block object and a dozen
        method calls per term, and pickles and compresses every block: some
        50 us a term, 3 s for a segment of 1,000 reports (profiled). This
        writes the same bytes (tests/test_writer.py compares the files) with
        the statistics computed here, and reuses the pickled and compressed
        block of a term found in one or two documents, which is most terms and
        repeats within a document (the same ids, weights and values).
        """
        postfile = self._postfile
        offset = postfile.tell()
        fixed = fieldwriter._format.fixed_value_size()
        limit, comp, cache = self._blocklimit, self._compression, _BLOCK_BYTES
        n = len(ids)
        parts = [WHOOSH3_HEADER_MAGIC]
        weight, maxweight = 0, 0  # as W3TermInfo.add_block sums them, block by block
        for start in range(0, n, limit):
            block_ids = ids[start:start + limit]
            block_weights = weights[start:start + limit]
            block_max = max(max(block_weights), 0)
            weight += sum(block_weights)
            maxweight = max(maxweight, block_max)
            mini_ids = tuple(map(sub, block_ids, (0, *block_ids[:-1])))
            if block_weights.count(1.0) == len(block_weights):
                mini_weights = None
            elif block_weights.count(block_weights[0]) == len(block_weights):
                mini_weights = block_weights[0]
            else:
                mini_weights = tuple(block_weights)
            if fixed is None or fixed < 0:
                mini_values = tuple([values[start * value_size:(start + limit) * value_size]] if values else [])
            elif fixed == 0:
                mini_values = None
            else:
                mini_values = values[start * value_size:(start + limit) * value_size] if values else b""
            key = (mini_ids, mini_weights, mini_values, block_max, comp) if len(mini_ids) <= 2 else None
            found = cache.get(key) if key is not None else None
            if found is None:
                databytes = dumps((mini_ids, mini_weights, mini_values), 2)
                if comp:
                    databytes = zlib.compress(databytes, comp)
                infobytes = dumps((len(block_ids), block_ids[-1], block_max, comp, 0, 0), 2)
                found = (databytes, infobytes, len(databytes) + len(infobytes))
                if key is not None:
                    if len(cache) >= _BLOCK_CACHE:
                        cache.clear()
                    cache[key] = found
            databytes, infobytes, length = found
            parts.append(pack_int(-length if start + limit >= n else length))
            parts.append(infobytes)
            parts.append(databytes)
        data = b"".join(parts)
        postfile.write(data)
        # W3TermInfo.to_bytes: not inlined; no field lengths (the bulk writer keeps none), so 0 and 0
        terminfo = _TERMINFO.pack(0, weight, n, 0, 0, maxweight, ids[0], ids[-1])
        fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + tbytes,
                                terminfo + pack_long(offset) + pack_int(len(data)))


_BLOCK_BYTES: dict = {}  # (ids, weights, values, max weight) of a small block -> its pickled bytes
_BLOCK_CACHE = 100_000
_TERMINFO = W3TermInfo._struct  # flags, weight, doc frequency, min and max length bytes, max weight, first and last id


class GenerationWriter:
    """Deletes and adds documents in a new generation; `commit` makes it live.

    Documents come either one by one through `add`, or as whole segments that
    worker processes wrote into `whoosh_dir` with `build_segment` and that
    `add_segment` takes over. Until `commit` returns, the live generation is
    untouched; `cancel` (or a crash) leaves only a temporary folder that the
    next run removes.
    """

    def __init__(self, index_dir: Path, *, rebuild: bool, dictionaries: tuple[str, ...] = ()):
        self.index_dir = index_dir
        generations.cleanup(index_dir)
        live = generations.current(index_dir)
        base = None if rebuild else live
        self.retired = retired.load(live)  # kept through a rebuild too
        self.tmp = generations.start(index_dir, base)
        self.whoosh_dir = self.tmp / WHOOSH_DIR
        if any(self.whoosh_dir.glob("*.toc")):
            ix = whoosh_index.open_dir(str(self.whoosh_dir))
        else:
            self.whoosh_dir.mkdir(parents=True, exist_ok=True)
            ix = whoosh_index.create_in(str(self.whoosh_dir), build_schema(dictionaries))
        self._ix = ix
        self._writer = ix.writer(limitmb=LIMIT_MB, codec=Codec(), compound=False)
        self._bulk: SegmentWriter | None = None  # documents added one by one go into their own segment
        self._segments: list = []
        self.added = 0
        self.deleted = 0

    def delete(self, report_id: str) -> None:
        self.deleted += self._writer.delete_by_term("id", report_id)

    def retire(self, report_id: str, info: dict) -> None:
        """Remember a report id that leaves the index, for the links that point at it."""
        self.retired[report_id] = info

    def unretire(self, report_id: str) -> None:
        """An id indexed again (its file came back) is no longer retired."""
        self.retired.pop(report_id, None)

    def add(self, document: dict) -> None:
        if self._bulk is None:
            self._bulk = _segment_writer(self._ix)
        self._bulk.add_document(**document)
        self.added += 1

    def add_segment(self, segment) -> None:
        """Take over a segment a worker wrote into this generation (see `build_segment`)."""
        self._segments.append(segment)
        self.added += segment.doc_count_all()

    def commit(self, meta: dict, merge: bool = True) -> Path:
        """Write the segments and make this generation live. `merge=False` leaves small segments for later."""
        retired.save(self.tmp, self.retired)
        if self._bulk is not None:
            self._segments.append(self._bulk._finalize_segment())
            self._bulk = None
        if self._segments:
            # What whoosh's own multiprocessing writer does with its workers' segments.
            w = self._writer
            final = w._merge_segments(merge_small_segments if merge else None, None, merge)
            final += self._segments
            if w._added:
                final.append(w._finalize_segment())
            else:
                w._close_segment()
            w._commit_toc(final)
            w._finish()
        else:
            self._writer.commit(mergetype=merge_small_segments if merge else None, merge=merge)
        live = generations.publish(self.index_dir, self.tmp, dict(meta, schema=SCHEMA_VERSION))
        generations.cleanup(self.index_dir)
        return live

    def cancel(self) -> None:
        try:
            if self._bulk is not None:
                self._bulk.cancel()
            self._writer.cancel()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)


_BIG_ENDIAN = sys.byteorder == "big"


def _packed(freqs: array) -> bytes:
    """whoosh's `pack_uint` of every frequency, joined (big-endian unsigned ints)."""
    if _BIG_ENDIAN:
        return freqs.tobytes()
    copy = array("I", freqs)
    copy.byteswap()
    return copy.tobytes()


class BulkSegmentWriter(SegmentWriter):
    """A segment writer that collects postings in plain arrays and writes each term's list at once.

    whoosh's writer sends every posting through its pool (a tuple per posting,
    sorted at the end, then one call each into the codec): most of the
    indexing time once segmentation is fast. Here a document's terms are
    counted (the word fields are segmented once, through the block cache of
    `indexer.segment`) and appended to one array of document numbers per term
    (the n-gram field's grams are numbers grouped at the end: `_GramPostings`),
    and written term by term in sorted order. The
    files are the ones whoosh writes for the same documents, byte for byte
    (tests/test_engine.py compares them). Stored fields and columns go through
    whoosh's per-document writer as before.

    Only formats whose postings are (document, frequency) are written in bulk;
    `supports` says whether a schema qualifies (else use `SegmentWriter`).
    """

    @staticmethod
    def supports(schema) -> bool:
        for _, field in schema.items():
            if field.indexed and type(field.format) not in (formats.Existence, formats.Frequency):
                return False
            if field.vector or field.separate_spelling():
                return False
        return True

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self._terms: dict[str, dict] = {}  # field -> term (str for our analyzers, else bytes) -> docnums
        self._freqs: dict[str, dict] = {}  # field -> term -> frequencies (fields whose terms can occur more than once)
        self._grams: dict[str, _GramPostings] = {}  # n-gram fields' postings, as numbers until the segment is written

    def _term_counts(self, field, value) -> dict | set:
        """The document's terms with their frequencies, or a set when every frequency is 1."""
        analyzer = field.analyzer
        if type(analyzer) is WordTokenizer and isinstance(value, str):
            segment.ensure_configured(analyzer.dictionaries)
            return Counter(segment.word_texts(value))
        if type(analyzer) is GramTokenizer and isinstance(value, str):
            return segment.grams(value)
        return {tbytes: freq for tbytes, freq, _, _ in field.index(value)}

    def _add_terms(self, fieldname: str, counts: dict | set, docnum: int) -> int:
        """Append `docnum` to each term's postings; returns the field length (sum of frequencies).

        The loops over a document's terms run in C (`map`, drained by `deque`):
        some 6,000 terms a report, most of them n-grams.
        """
        terms = self._terms.setdefault(fieldname, {})
        for term in (counts if isinstance(counts, set) else counts.keys()) - terms.keys():
            terms[term] = array("I")
        deque(map(array.append, map(terms.__getitem__, counts), repeat(docnum)), maxlen=0)
        if isinstance(counts, set):
            return len(counts)
        freqs = self._freqs.setdefault(fieldname, {})
        for term in counts.keys() - freqs.keys():
            freqs[term] = array("I")
        deque(map(array.append, map(freqs.__getitem__, counts), counts.values()), maxlen=0)
        return sum(counts.values())

    def add_document(self, **fields):
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed and type(field.analyzer) is GramTokenizer and isinstance(value, str):
                    total = self._grams.setdefault(fieldname, _GramPostings()).add(value, docnum)
                    if field.scorable:
                        length = total
                elif field.indexed:
                    total = self._add_terms(fieldname, self._term_counts(field, value), docnum)
                    if field.scorable:
                        length = total
                perdocwriter.add_field(fieldname, field, value if field.stored else None, length)
                if field.column_type:
                    perdocwriter.add_column_value(fieldname, field.column_type, field.to_column_value(value))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self):
        self.perdocwriter.close()
        fw = self.fieldwriter
        for fieldname in sorted(self._terms.keys() | self._grams.keys()):
            field = self.schema[fieldname]
            boost = field.format.field_boost
            frequency = type(field.format) is formats.Frequency
            fw.start_field(fieldname, field)
            postings = fw._postwriter
            for tbytes, ids, freqs in self._field_postings(fieldname):
                if frequency:
                    weights = array("f", freqs) if boost == 1.0 else array("f", (f * boost for f in freqs))
                    values = _packed(freqs)
                else:
                    weights, values = array("f", [boost]) * len(ids), None
                postings.write_term(fw, tbytes, ids, weights, values, 4)
            fw.finish_field()
        self._terms.clear()
        self._freqs.clear()
        self._grams.clear()
        fw.close()

    def _field_postings(self, fieldname: str) -> Iterator[tuple[bytes, array, array]]:
        """(term bytes, document numbers, frequencies) of a field's terms, in the order of their bytes."""
        grams = self._grams.pop(fieldname, None)
        if grams is not None:
            yield from grams.postings()
            return
        terms = self._terms[fieldname]
        all_freqs = self._freqs.get(fieldname)
        for tbytes, term in sorted((t.encode("utf-8") if isinstance(t, str) else t, t) for t in terms):
            ids = terms[term]
            freqs = all_freqs[term] if all_freqs is not None and term in all_freqs else array("I", [1]) * len(ids)
            yield tbytes, ids, freqs

    def _close_segment(self):
        self._terms.clear()
        self._freqs.clear()
        self._grams.clear()
        super()._close_segment()


_NEWLINE = ord("\n")
_CHAR_BITS = 22  # a gram is (first character << 22) | (second character + 1, or 0 for a single character) ...
_DOC_BITS = 21  # ... and a posting is (gram << 21) | document number: ordered as the terms' UTF-8 bytes, then by document
_RUN = 1 << 18  # postings gathered into a sorted run, and written at once


class _GramPostings:
    """The postings of an n-gram field: each document's distinct characters and pairs as numbers.

    `segment.grams` makes a set of strings per document, and appending each to
    its term's array costs a dictionary lookup per gram (some 2,800 a report):
    4 ms a report, profiled. Here a posting is one 64-bit integer, the gram's
    characters then the document number, so that sorting them orders the terms
    as whoosh writes them (code point order is UTF-8 byte order, a character
    before the pairs it starts) and a term's documents ascending. A document's
    are made unique by numpy and gathered into sorted runs; the segment is
    written a range of grams at a time, merged from every run, so writing needs
    little memory beyond the postings themselves (8 bytes each). The same terms
    and postings as `segment.grams` (tests/test_writer.py compares the files
    with whoosh's).
    """

    def __init__(self) -> None:
        self.pending: list = []  # the last documents' postings, ascending per document
        self.pending_count = 0
        self.runs: list = []  # sorted runs of many documents' postings

    def add(self, match_text: str, docnum: int) -> int:
        """Add a document's grams (single characters and adjacent pairs within each line); returns how many."""
        import numpy as np

        if docnum >= 1 << _DOC_BITS:
            raise ValueError(f"a segment of {docnum} documents is more than n-gram postings can number")
        chars = np.frombuffer(match_text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
        kept = chars != _NEWLINE
        paired = kept[:-1] & kept[1:]
        shift = np.uint64(_CHAR_BITS)
        grams = np.concatenate((chars[kept] << shift, (chars[:-1][paired] << shift) | (chars[1:][paired] + np.uint64(1))))
        grams.sort()  # unique by sorting: numpy's hash-based unique took 1.3 ms for 9,000 grams, this 0.15
        if len(grams) > 1:
            grams = grams[np.concatenate(([True], grams[1:] != grams[:-1]))]
        postings = (grams << np.uint64(_DOC_BITS)) | np.uint64(docnum)
        self.pending.append(postings)
        self.pending_count += len(postings)
        if self.pending_count >= _RUN:
            self._close_run()
        return len(postings)

    def _close_run(self) -> None:
        import numpy as np

        if self.pending:
            run = np.concatenate(self.pending)
            run.sort()
            self.runs.append(run)
            self.pending, self.pending_count = [], 0

    def postings(self) -> Iterator[tuple[bytes, array, array]]:
        """(term bytes, ascending document numbers, frequencies of 1) per term, in the order of the terms' bytes."""
        import numpy as np

        self._close_run()
        runs, self.runs = self.runs, []
        if not runs:
            return
        # Gram ranges of about _RUN postings in all: bounds from the largest run's grams, as whole terms.
        largest = max(runs, key=len)
        step = max(1, len(largest) * _RUN // sum(map(len, runs)))
        grams = np.unique(largest[step::step] >> np.uint64(_DOC_BITS)).tolist()
        bounds = [0, *(g << _DOC_BITS for g in grams), None]
        doc_mask, char_mask = np.uint64((1 << _DOC_BITS) - 1), (1 << _CHAR_BITS) - 1
        for low, high in zip(bounds, bounds[1:]):
            parts = []
            for run in runs:
                a = int(np.searchsorted(run, np.uint64(low))) if low else 0
                b = int(np.searchsorted(run, np.uint64(high))) if high is not None else len(run)
                if b > a:
                    parts.append(run[a:b])
            if not parts:
                continue
            part = np.concatenate(parts)
            part.sort()
            keys = part >> np.uint64(_DOC_BITS)
            firsts = np.concatenate(([0], np.flatnonzero(keys[1:] != keys[:-1]) + 1))
            lasts = np.concatenate((firsts[1:], [len(keys)])).tolist()
            docs = memoryview((part & doc_mask).astype(np.uint32).tobytes())
            for gram, first, last in zip(keys[firsts].tolist(), firsts.tolist(), lasts):
                second = gram & char_mask
                term = chr(gram >> _CHAR_BITS) + (chr(second - 1) if second else "")
                ids = array("I")
                ids.frombytes(docs[first * 4:last * 4])
                yield term.encode("utf-8"), ids, array("I", [1]) * len(ids)


def _segment_writer(ix) -> SegmentWriter:
    """A writer of one new segment, in bulk when the schema allows."""
    kind = BulkSegmentWriter if BulkSegmentWriter.supports(ix.schema) else SegmentWriter
    return kind(ix, _lk=False, limitmb=LIMIT_MB, codec=Codec(), compound=False)


def build_segment(whoosh_dir: Path, documents: Iterable[dict]):
    """In a worker process: write `documents` into a new segment of the generation being built.

    Returns the segment for `GenerationWriter.add_segment`, or None when there
    was no document. The generation's own writer holds the lock; this one
    writes only its own files (whoosh's multiprocessing writer works the same way).
    """
    writer = _segment_writer(whoosh_index.open_dir(str(whoosh_dir)))
    try:
        added = 0
        for document in documents:
            writer.add_document(**document)
            added += 1
        if not added:
            _abandon(writer)
            return None
        # No _finish(): the writers of a generation share one temporary folder, which the
        # generation's own writer removes when it commits.
        return writer._finalize_segment()
    except BaseException:
        _abandon(writer)
        raise


def _abandon(writer: SegmentWriter) -> None:
    """Drop a worker's unfinished segment without whoosh's cancel().

    cancel() removes the temporary folder that every writer of the generation
    shares (``MAIN.tmp``), breaking the generation's own writer. The segment's
    files are left unreferenced; whoosh deletes them when the generation commits.
    """
    try:
        writer._close_segment()
    except Exception:  # a segment broken by the error under way: its files are garbage either way
        pass
    writer.is_closed = True
