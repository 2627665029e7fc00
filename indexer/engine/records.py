"""Records of a generation: each report's stored record (with its checks across reports), figures, match
text and file facts, and its id's document number or successor.

Mixed into `reader.Index`, which holds the generation's caches.
"""

from __future__ import annotations

import json
from typing import Iterator

try:
    import orjson
except ImportError:  # pragma: no cover - a platform without its wheel
    orjson = None

from .. import docset
from ..check_ids import is_cross_report
from . import retired
from .crossstore import CrossStore
from .metric_table import MetricTable, read_table
from .schema import FACET_FIELDS, FACTS

ID_LOOKUP = 100  # report ids are found by scanning the id column for more than one in this many documents


def _loads(raw: bytes):
    """A stored record's JSON: orjson's parse (half json's time for a report of 45 KB, most of
    the record's cost on a results page), json's where orjson is missing or refuses the text
    (a figure past 64 bits, NaN), so that every record reads as json reads it."""
    if orjson is not None:
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
    return json.loads(raw)


class Records:
    """The record methods of `reader.Index`."""

    def metric_table(self) -> MetricTable:
        """Every report's figures (`metric_table`), read on first use: a search without a condition
        or a metric sort never needs them; the server reads them at start-up for its sort menu
        (0.25 s and 18 MB at 20,000 reports)."""
        if self._metrics is None:
            self._metrics = read_table(self.column_reader("metrics"), self.size, self._deleted.__contains__,
                                       self._stored_figures)
        return self._metrics

    def metric_keys(self) -> frozenset[str]:
        """The metric keys some live report states (what the search page offers to sort by)."""
        return self.metric_table().keys()

    def metric(self, key: str) -> dict[int, int | float]:
        """Document number -> value of a metric, ascending, for the live reports that state it."""
        return self.metric_table().values(key)

    def _stored_figures(self, docnum: int) -> dict:
        return {key: m["value"] for key, m in (self.stored_record(docnum).get("metrics") or {}).items()}

    # ------------------------------------------------------------ documents

    def stored_record(self, docnum: int) -> dict:
        """The record as extraction made it (checks across reports `skip`)."""
        return _loads(self.column_reader("record")[docnum])

    def record(self, docnum: int) -> dict:
        """The report's record, with the checks across reports of the cross-report store."""
        record = self.stored_record(docnum)
        if self._cross is not None:
            record["checks"] = self.merged_checks(record["id"], record.get("checks", []))
        return record

    # ------------------------------------------------------------ checks across reports

    @property
    def cross(self) -> CrossStore | None:
        """This generation's cross-report store (None before the first cross-report pass)."""
        return self._cross

    def merged_checks(self, report_id: str, checks: list[dict]) -> list[dict]:
        """A record's own checks, with those across reports taken from the store (`skip` when it has none)."""
        stored = self._cross.checks(report_id) if self._cross is not None else None
        if stored is None:
            return checks
        return [c for c in checks if not is_cross_report(c["id"])] + stored

    def _merge_cross_failing(self, facet: dict[str, int]) -> None:
        """Add the reports failing cross-report checks to the `failing` facet; the index itself never holds them."""
        failing = self._cross_failing()
        if not failing:
            return
        docnums = self.docnums_of(failing)
        for rid, check_ids in failing.items():
            d = docnums.get(rid)
            if d is None:
                continue
            bit = 1 << d
            for check_id in check_ids:
                facet[check_id] = facet.get(check_id, 0) | bit

    def _cross_failing(self) -> dict[str, list[str]]:
        """Report id -> the cross-report checks it fails, from the store."""
        if self._cross_failing_ids is None:
            self._cross_failing_ids = dict(self._cross.failing()) if self._cross is not None else {}
        return self._cross_failing_ids

    def docnums_of(self, report_ids) -> dict[str, int]:
        """Report id -> document number, for the ids that are live (a scan of the ids when they are many)."""
        ids = set(report_ids)
        if self._facet_columns and len(ids) * ID_LOOKUP >= self.size:  # a postings read costs ~100 column values
            wanted = {rid.encode("utf-8"): rid for rid in ids}
            deleted = self._deleted
            return {wanted[raw]: d for d, raw in enumerate(self._raw_column("id")) if raw in wanted and d not in deleted}
        if len(ids) * 4 < self.doc_count or self._facet_columns:
            return {rid: d for rid in ids if (d := self.docnum(rid)) is not None}
        return {facts["id"]: d for d, facts in self._file_facts() if facts["id"] in ids}

    def match_lines(self, docnum: int) -> list[str]:
        """The report's passages in match form, one per passage."""
        return self.match_text(docnum).split("\n")

    def match_text(self, docnum: int) -> str:
        """The report's passages in match form, one a line."""
        return self.column_reader("mtext")[docnum].decode(self._mtext_encoding)

    def docnum(self, report_id: str) -> int | None:
        ids = self.postings("id", report_id)[0]
        return ids[0] if ids else None

    def retired(self, report_id: str) -> dict | None:
        """What is known of a report id that was indexed once and is no longer (None for others)."""
        if self._retired is None:
            self._retired = retired.load(self.path)
        if self.docnum(report_id) is not None:
            return None
        return self._retired.get(report_id)

    def successor(self, report_id: str) -> str | None:
        """The live report that took a retired id's place, or None.

        The successor recorded when it retired (its file became a copy of
        another's), followed while those retired too; else the one live report
        of the same agency and year, when the index has exactly one.
        """
        seen = set()
        current = report_id
        while current not in seen and len(seen) < 32:
            seen.add(current)
            if self.docnum(current) is not None:
                return current if current != report_id else None
            info = self.retired(current)
            if not info:
                return None
            if info.get("successor"):
                current = info["successor"]
                continue
            return self._same_agency_and_year(info)
        return None

    def _same_agency_and_year(self, info: dict) -> str | None:
        agency, year = info.get("agency_id"), info.get("year")
        if not agency or not year or "agency_id" not in FACET_FIELDS:
            return None
        docs = self.facet_docs("agency_id", agency) & self.facet("year").get(str(year), 0)
        if docset.count(docs) != 1:
            return None
        return self.record(next(docset.docnums(docs)))["id"]

    def manifest(self) -> dict[str, dict]:
        """Source path -> stored facts (id, sha256, size, mtime_ns, extractor) of every live document."""
        out = {}
        for d, facts in self._file_facts():
            facts["docnum"] = d
            out[facts["source"]] = facts
        return out

    def _file_facts(self) -> Iterator[tuple[int, dict]]:
        """(document number, file facts) of every live document, read from the `facts` column in one pass."""
        if not self.size:
            return
        if "facts" not in self._ix.schema:  # a generation of schema 9 or older, until it is rebuilt
            s = self.reader()
            for d in docset.docnums(self.live):
                yield d, s.stored_fields(d)
            return
        deleted = self._deleted
        raws = self._raw_column("facts")
        docs = [d for d, raw in enumerate(raws) if raw and d not in deleted]
        # one parse of every row (`facts_bytes`) as one JSON array: 20,000 parses of a row each took most of the time
        rows = _loads(b"[" + b",".join([raws[d] for d in docs]) + b"]")
        for d, row in zip(docs, rows):
            yield d, dict(zip(FACTS, row))
