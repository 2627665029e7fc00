"""Reading the index: matching, facets, metric columns, ranking and records.

An `Index` wraps one generation. Generations never change once live, so
everything derived from one (facet bitsets, metric columns, the documents
containing a string) is cached on the `Index` for as long as it is open.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import And, Or, Term

from .. import docset, segment
from . import generations
from .schema import FACET_FIELDS
from .writer import WHOOSH_DIR


class IndexMissing(Exception):
    """There is no complete index in the folder."""


@dataclass(frozen=True, slots=True)
class RankLeaf:
    """One thing the user asked for, as the ranker sees it."""

    words: tuple[str, ...]  # the query's words, matched as whole words of the report
    grams: tuple[str, ...]  # the n-grams every report containing the string has


@dataclass(frozen=True, slots=True)
class RankWeights:
    body: float
    title: float
    agency: float
    gram: float


class _LRU(OrderedDict):
    def __init__(self, size: int):
        super().__init__()
        self.size = size
        self.lock = threading.Lock()

    def get_or(self, key, make):
        with self.lock:
            if key in self:
                self.move_to_end(key)
                return self[key]
        value = make()
        with self.lock:
            self[key] = value
            while len(self) > self.size:
                self.popitem(last=False)
        return value


class Index:
    """One live generation, opened read-only."""

    def __init__(self, generation: Path):
        self.path = generation
        self.name = generation.name
        self.meta = generations.read_meta(generation)
        self._ix = whoosh_index.open_dir(str(generation / WHOOSH_DIR), readonly=True)
        self._local = threading.local()
        self._searchers: list = []
        self._lock = threading.Lock()
        s = self.searcher()
        self.size = s.doc_count_all()
        self.doc_count = s.doc_count()
        self.live = docset.from_docnums(s.reader().all_doc_ids(), self.size)
        self._containing = _LRU(1024)
        self._facets: dict[str, dict[str, int]] = {}
        self._metrics: dict[str, dict[int, float]] | None = None

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

    def searcher(self):
        """This thread's whoosh searcher (searchers are not shared between threads)."""
        s = getattr(self._local, "searcher", None)
        if s is None:
            s = self._ix.searcher()
            self._local.searcher = s
            with self._lock:
                self._searchers.append(s)
        return s

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            for s in self._searchers:
                s.close()
            self._searchers.clear()

    # ------------------------------------------------------------ matching

    def containing(self, needle: str) -> int:
        """Documents whose match-form text contains `needle` (itself in match form)."""
        if not needle:
            return self.live
        return self._containing.get_or(needle, lambda: self._containing_uncached(needle))

    def _postings(self, field: str, text: str) -> int:
        reader = self.searcher().reader()
        if (field, text) not in reader:
            return 0
        return docset.from_docnums(reader.postings(field, text).all_ids(), self.size) & self.live

    def _containing_uncached(self, needle: str) -> int:
        grams = segment.query_grams(needle)
        if len(needle) <= 2:
            return self._postings("gram", grams[0])
        reader = self.searcher().reader()
        # Rarest first: the candidate set shrinks fastest and stops early when empty.
        grams.sort(key=lambda g: reader.doc_frequency("gram", g))
        candidates = self.live
        for gram in grams:
            candidates &= self._postings("gram", gram)
            if not candidates:
                return 0
        confirmed = candidates & self._postings("body", needle)  # the needle is a whole word there
        return confirmed | self._verify(candidates & ~confirmed, needle)

    def _verify(self, candidates: int, needle: str) -> int:
        """Candidates whose text really holds the needle (pairs can occur apart)."""
        if not candidates:
            return 0
        column = self.searcher().reader().column_reader("mtext")
        encoded = needle.encode("utf-8")
        hits = [d for d in docset.docnums(candidates) if encoded in column[d]]
        return docset.from_docnums(hits, self.size)

    # ------------------------------------------------------------ facets and columns

    def facet(self, field: str) -> dict[str, int]:
        """Value -> set of documents, for a facet field."""
        if field not in FACET_FIELDS:
            raise KeyError(field)
        cached = self._facets.get(field)
        if cached is None:
            reader = self.searcher().reader()
            cached = {}
            for term in reader.lexicon(field):
                value = term.decode("utf-8")
                mask = docset.from_docnums(reader.postings(field, term).all_ids(), self.size) & self.live
                if mask:
                    cached[value] = mask
            self._facets[field] = cached
        return cached

    def column(self, field: str) -> list[str | None]:
        """The facet field's value of every document, by document number."""
        values: list[str | None] = [None] * self.size
        for value, mask in self.facet(field).items():
            for d in docset.docnums(mask):
                values[d] = value
        return values

    def metrics(self) -> dict[str, dict[int, float]]:
        """Metric key -> {document number: value}; reports that lack a metric are absent."""
        if self._metrics is None:
            column = self.searcher().reader().column_reader("metrics")
            table: dict[str, dict[int, float]] = {}
            for d in docset.docnums(self.live):
                raw = column[d]
                if raw:
                    for key, value in json.loads(raw).items():
                        table.setdefault(key, {})[d] = value
            self._metrics = table
        return self._metrics

    # ------------------------------------------------------------ documents

    def record(self, docnum: int) -> dict:
        return json.loads(self.searcher().reader().column_reader("record")[docnum])

    def match_lines(self, docnum: int) -> list[str]:
        """The report's passages in match form, one per passage."""
        return self.searcher().reader().column_reader("mtext")[docnum].decode("utf-8").split("\n")

    def stored(self, docnum: int) -> dict:
        return self.searcher().stored_fields(docnum)

    def docnum(self, report_id: str) -> int | None:
        found = self._postings("id", report_id)
        return next(docset.docnums(found), None)

    def manifest(self) -> dict[str, dict]:
        """Source path -> stored facts (id, sha256, size, mtime_ns, extractor) of every live document."""
        s = self.searcher()
        out = {}
        for d in docset.docnums(self.live):
            fields = s.stored_fields(d)
            out[fields["source"]] = dict(fields, docnum=d)
        return out

    # ------------------------------------------------------------ ranking

    def rank(self, leaves: list[RankLeaf], docs: int, limit: int, weights: RankWeights) -> list[tuple[int, float]]:
        """The `limit` best documents of `docs` by BM25F over the leaves, best first."""
        clauses = []
        for leaf in leaves:
            sub = []
            for word in leaf.words:
                sub.append(Term("body", word, boost=weights.body))
                sub.append(Term("title", word, boost=weights.title))
                sub.append(Term("agency", word, boost=weights.agency))
            if leaf.grams:
                sub.append(And([Term("gram", g) for g in leaf.grams], boost=weights.gram))
            if sub:
                clauses.append(Or(sub))
        if not clauses or not docs:
            return []
        allowed = set(docset.docnums(docs))
        results = self.searcher().search(Or(clauses), filter=allowed, limit=limit)
        return [(hit.docnum, hit.score) for hit in results]
