"""Facets of a generation: each value of a facet field and the set of documents holding it, how many of
a set of documents hold each value, and a facet field's value of every document.

Mixed into `reader.Index`, which holds the generation's caches. Sets of
documents are Python integers used as bitsets (`indexer.docset`), so a
facet count under any filter is an AND and a popcount; the agency fields,
with a value for nearly every agency, are counted from their column instead.
"""

from __future__ import annotations

from collections import Counter
from itertools import compress
from typing import Iterable

from .. import docset
from .schema import FACET_FIELDS

# A facet count, a year or a length is read document by document, not as a whole column, for
# a set of documents smaller than this share of the index (a rare word from the command line)
# unless the column is already in memory (the server reads them when it opens a generation).
ONE_BY_ONE = 1 / 8
BULK = 2000  # documents from which scores and sets are computed on numpy arrays (its import would cost a small search more)
ONE_AGENCY = 1 / 250  # agency names are read agency by agency (a postings list each) for fewer agencies than this share
# Facets counted from their column rather than from bitsets (`Index.facet_counts`).
_COUNTED = ("agency_id", "agency_name")


def _best_names(counts: dict[str, int]) -> dict[str, str]:
    """agency_id -> its most frequent name (the longest on a tie, then the first in lexicon order),
    from the number of reports of each agency_name value ("agency_id<TAB>name")."""
    best: dict[str, tuple[tuple[int, int], str]] = {}
    for term in sorted(counts):
        agency_id, _, name = term.partition("\t")
        key = (counts[term], len(name))
        if agency_id not in best or key > best[agency_id][0]:
            best[agency_id] = (key, name)
    return {agency_id: name for agency_id, (_, name) in best.items()}


def _bits(docs: int, size: int, np):
    """A set of documents as a numpy array of booleans, one per document number."""
    data = np.frombuffer(docs.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(data, bitorder="little")[:size].astype(bool)


class Facets:
    """The facet methods of `reader.Index`."""

    def facet(self, field: str) -> dict[str, int]:
        """Value -> set of documents, for a facet field."""
        if field not in FACET_FIELDS:
            raise KeyError(field)
        cached = self._facets.get(field)
        if cached is None:
            cached = self._facet_of_column(field) if self._facet_columns else self._facet_of_postings(field)
            if field == "failing":
                self._merge_cross_failing(cached)
            self._facets[field] = cached
        return cached

    def _facet_of_column(self, field: str) -> dict[str, int]:
        """One pass over the field's column (failing: check ids space-separated), values in lexicon order."""
        groups: dict[bytes, list[int]] = {}
        deleted = self._deleted
        multi = field == "failing"
        for d, raw in enumerate(self._raw_column(field)):
            if raw and d not in deleted:
                for value in raw.split() if multi else (raw,):
                    groups.setdefault(value, []).append(d)
        return {value.decode("utf-8"): docset.from_docnums(ds, self.size) for value, ds in sorted(groups.items())}

    def _facet_of_postings(self, field: str) -> dict[str, int]:
        """One postings list per value: generations written before facet columns (schema 10)."""
        cached = {}
        for term in self.reader().lexicon(field):
            value = term.decode("utf-8")
            mask = self.postings_mask(field, value)
            if mask:
                cached[value] = mask
        return cached

    def facet_docs(self, field: str, value: str) -> int:
        """The documents whose facet field holds `value`, without building the whole facet when it
        is not built (agency_id has a value for nearly every agency)."""
        if field in self._facets or field == "failing":
            return self.facet(field).get(value, 0)
        if field not in FACET_FIELDS:
            raise KeyError(field)
        return self.postings_mask(field, value)

    def facet_counts(self, field: str, docs: int) -> dict[str, int]:
        """How many of `docs` (live documents) hold each value of a facet field; values none holds are left out.

        Each count is an AND and a popcount over the facet's bitsets, except for the agency
        fields (a value for nearly every agency: one pass over the documents' values costs
        less) and for a small set while the column is not in memory (its values are read
        document by document).
        """
        if field not in FACET_FIELDS:
            raise KeyError(field)
        if not docs:
            return {}
        counted = field in _COUNTED
        if field not in (self._columns if counted else self._facets) and self._one_by_one(docset.count(docs)):
            return self._counts_one_by_one(field, docs)
        if counted:
            if docset.count(docs) >= BULK:  # the same sets come back: every report holds a common word
                return dict(self._agency_counts.get_or((field, docs), lambda: self._counted(field, docs)))
            return self._counted(field, docs)
        return {value: n for value, mask in self.facet(field).items() if (n := docset.count(docs & mask))}

    def _counted(self, field: str, docs: int) -> dict[str, int]:
        """`facet_counts` of an agency field, from its column."""
        column = self.column(field)
        if docset.count(docs) >= BULK:  # one C loop over the column (a step per document took 5 ms at 20,000)
            import numpy as np

            counts = Counter(compress(column, _bits(docs, self.size, np).tolist()))
        else:
            counts = Counter(map(column.__getitem__, docset.docnums(docs)))
        counts.pop(None, None)
        return dict(counts)

    def _one_by_one(self, documents: int) -> bool:
        return self._facet_columns and documents < self.size * ONE_BY_ONE

    def _counts_one_by_one(self, field: str, docs: int) -> dict[str, int]:
        column = self.column_reader(field)
        counts: Counter = Counter()
        if field != "failing":
            counts.update(column[d] for d in docset.docnums(docs))
            counts.pop(b"", None)
        else:
            cross = self._cross_failing()
            ids = self.column_reader("id") if cross else None
            for d in docset.docnums(docs):
                checks = set(column[d].split())
                if ids is not None:
                    checks.update(c.encode("utf-8") for c in cross.get(ids[d].decode("utf-8"), ()))
                counts.update(checks)
        return {value.decode("utf-8"): n for value, n in counts.items()}

    def values(self, field: str, docs: int) -> "dict[int, str | None] | list[str | None]":
        """A facet field's value (None where it has none) of each of `docs`, indexable by document
        number: the whole column when it is in memory or `docs` are many."""
        if field not in self._columns and self._one_by_one(docset.count(docs)):
            column = self.column_reader(field)
            return {d: raw.decode("utf-8") if raw else None for d in docset.docnums(docs) for raw in (column[d],)}
        return self.column(field)

    def agency_names(self, agency_ids: Iterable[str] | None = None) -> dict[str, str]:
        """agency_id -> the name its reports print most often (the longest on a tie): what a facet shows.

        With `agency_ids`, the names of at least those: a few are read agency by agency
        (their postings and their reports' names) unless every name is known already.
        """
        if self._agency_names is None:
            wanted = set(agency_ids) if agency_ids is not None else None
            if wanted is not None and self._facet_columns and len(wanted) < self.size * ONE_AGENCY:
                names = self.column_reader("agency_name")
                counts: Counter = Counter()
                for agency_id in wanted:
                    counts.update(names[d] for d in self.postings("agency_id", agency_id)[0])
                counts.pop(b"", None)
                return _best_names({term.decode("utf-8"): n for term, n in counts.items()})
            if self._facet_columns:
                counts = Counter(v for v in self._column_values("agency_name") if v)
            else:
                counts = {term: docset.count(mask) for term, mask in self.facet("agency_name").items()}
            self._agency_names = _best_names(counts)
        return self._agency_names

    def column(self, field: str) -> list[str | None]:
        """The facet field's value of every live document, by document number (None for others)."""
        cached = self._columns.get(field)
        if cached is None:
            cached = self._columns[field] = self._column_values(field)
        return cached

    def _column_values(self, field: str) -> list[str | None]:
        if field not in FACET_FIELDS:
            raise KeyError(field)
        if not self._facet_columns:
            values: list[str | None] = [None] * self.size
            for value, mask in self.facet(field).items():
                for d in docset.docnums(mask):
                    values[d] = value
            return values
        raw = self._raw_column(field)
        text = {b: b.decode("utf-8") for b in set(raw) if b}
        values = [text.get(b) for b in raw]
        for d in self._deleted:
            values[d] = None
        return values
