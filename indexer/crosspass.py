"""How the checks across reports measure a report (the pass itself is `crossreport.update_cross_reports`).

Peers are found with LSH over the signatures of one year's reports: the
reports sharing a band with a report are its candidates, ranked by their
estimated similarity; the best `PEER_CANDIDATES` are measured passage by
passage (`copies.compare_prose`), never every pair. Facts and signatures are
loaded on demand, a year at a time, and only a bounded number kept.
"""

from __future__ import annotations

from collections import Counter, OrderedDict, defaultdict
from itertools import chain
from typing import Iterable

import numpy as np

from . import copies
from .copies import ProseIndex, compare_prose
from .crossfacts import RunFacts
from .engine import Index
from .engine.crossstore import CrossStore
from .history import ReportFacts, carried_over_checks, history_copied, peers_copied

PEER_CANDIDATES = 2  # candidates measured passage by passage, per report
RANKED = 20  # candidates ranked by signature, per report
BUCKET_CAP = 30  # members of one LSH bucket considered (template text fills some buckets with hundreds)
MIN_ESTIMATE = 0.05  # a candidate less similar than this by signature is not measured
PROSE_INDEXES = 500  # prose indexes kept (about 400 KB each: a year's 3,000 reports took a 20,000-report pass to 3.2 GB)
FACTS_KEPT = 20_000  # reports' facts kept (about 15 KB each), whatever the size of a year
BUCKETS_AFTER = 32  # a year's LSH buckets are built once this many of its reports were looked up without them


class NotLive(LookupError):
    """A report the pass was told of is not in the live generation."""


def _keep(cache: OrderedDict, key, value, most: int) -> None:
    """Add to a least-recently-used cache holding at most `most` entries."""
    cache[key] = value
    while len(cache) > most:
        cache.popitem(last=False)


class CrossRun:
    """One pass: facts and signatures loaded on demand, a year at a time."""

    def __init__(self, live: Index, store: CrossStore, current: dict[str, str], threshold: float,
                 scratch: RunFacts | None = None, docnums: dict[str, int] | None = None):
        self.live = live
        self.scratch = scratch
        self.fresh_signatures: dict[str, np.ndarray] = {}  # computed by the workers, until stored
        self.store = store
        self.shas = current  # report id -> content hash, of every live report
        self.docnums = docnums or {}  # report id -> document number, found as needed (`docnum`)
        self.threshold = threshold
        self.year_column = live.column("year")
        self.facts: OrderedDict[str, ReportFacts] = OrderedDict()  # least recently used first
        self.indexes: OrderedDict[str, ProseIndex] = OrderedDict()
        self.buckets: dict[int, tuple[dict[bytes, list[str]], dict[str, list[bytes]]]] = {}
        self.bands: dict[int, tuple[list[str], dict[str, int], np.ndarray]] = {}  # a year's bands as one matrix
        self.looked_up: Counter[int] = Counter()  # reports of a year whose bands were matched without its buckets
        self.signatures: dict[int, dict[str, np.ndarray]] = {}
        self.agencies: dict[int, dict[str, str | None]] = {}
        self.candidates: dict[str, list[tuple[float, str]]] = {}

    # ------------------------------------------------------------ loading

    def docnum(self, rid: str) -> int:
        d = self.docnums.get(rid)
        if d is None:
            self.find_docnums([rid])
            d = self.docnums[rid]
        return d

    def find_docnums(self, rids) -> None:
        """Look up the document numbers of live reports at once (a scan of the id column when they are many)."""
        missing = [rid for rid in rids if rid not in self.docnums]
        if missing:
            found = self.live.docnums_of(missing)
            if len(found) != len(missing):
                raise NotLive(f"{len(missing) - len(found)} reports of the run are not in {self.live.name}")
            self.docnums.update(found)

    def year_of(self, rid: str) -> int | None:
        value = self.year_column[self.docnum(rid)]
        return int(value) if value else None

    def load(self, rid: str) -> ReportFacts:
        facts = self.facts.get(rid)
        if facts is None:
            found = self.scratch.get(rid, self.shas[rid]) if self.scratch is not None else None
            if found is not None:
                facts, self.fresh_signatures[rid] = found
            else:
                d = self.docnum(rid)
                record = self.live.stored_record(d)
                facts = ReportFacts.of_record(record,
                                              copies.prose_of(record.get("passages", []), self.live.match_lines(d)))
            _keep(self.facts, rid, facts, FACTS_KEPT)
        else:
            self.facts.move_to_end(rid)
        return facts

    def prose_index(self, facts: ReportFacts) -> ProseIndex:
        """The report's prose indexed for comparing (its trigram sets are the pass's largest objects: few are kept)."""
        index = self.indexes.get(facts.id)
        if index is None:
            index = ProseIndex(facts.prose)
            _keep(self.indexes, facts.id, index, PROSE_INDEXES)
        else:
            self.indexes.move_to_end(facts.id)
        return index

    def forget_before(self, year: int) -> None:
        """Drop what no report of `year` or later needs (a full build holds two years at a time)."""
        for rid in [r for r, f in self.facts.items() if f.year is not None and f.year < year - 1]:
            del self.facts[rid]
            self.indexes.pop(rid, None)
            self.candidates.pop(rid, None)
        for cache in (self.buckets, self.bands, self.signatures, self.agencies):
            for y in [y for y in cache if y < year]:
                del cache[y]

    def year_signatures(self, year: int) -> dict[str, np.ndarray]:
        if year not in self.signatures:
            sigs, agencies = {}, {}
            for rid, agency_id, blob in self.store.year_reports(year):
                sigs[rid] = np.frombuffer(blob, dtype="<u4")
                agencies[rid] = agency_id
            self.signatures[year], self.agencies[year] = sigs, agencies
        return self.signatures[year]

    def year_buckets(self, year: int) -> tuple[dict[bytes, list[str]], dict[str, list[bytes]]]:
        """The year's LSH buckets and each report's band keys."""
        if year not in self.buckets:
            buckets: dict[bytes, list[str]] = defaultdict(list)
            sigs = {rid: sig for rid, sig in self.year_signatures(year).items() if not copies.is_empty(sig)}
            keys_of: dict[str, list[bytes]] = {}
            if sigs:
                for rid, keys in zip(sigs, copies.band_keys_of_rows(np.stack(list(sigs.values())))):
                    keys_of[rid] = keys
                    for key in keys:
                        buckets[key].append(rid)
            self.buckets[year] = (buckets, keys_of)
        return self.buckets[year]

    def year_bands(self, year: int) -> tuple[list[str], dict[str, int], np.ndarray]:
        """The year's reports with a signature, their rows, and their bands as one (reports, BANDS, ROWS) matrix."""
        if year not in self.bands:
            sigs = {rid: sig for rid, sig in self.year_signatures(year).items() if not copies.is_empty(sig)}
            ids = list(sigs)
            matrix = (np.stack(list(sigs.values())).reshape(len(ids), copies.BANDS, copies.ROWS) if ids
                      else np.empty((0, copies.BANDS, copies.ROWS), dtype="<u4"))
            self.bands[year] = (ids, {rid: i for i, rid in enumerate(ids)}, matrix)
        return self.bands[year]

    def band_members(self, rid: str, year: int) -> Iterable[list[str]]:
        """For each band of the report's signature, the first `BUCKET_CAP` reports of the year sharing it.

        From the year's buckets when many of its reports are looked up (a full
        build); for a few (an incremental run), each band matched on the
        year's signatures in numpy: building a year's buckets (a dictionary of
        its 4,000 reports' 32 band keys) took 0.15-0.25 s, and an incremental
        run of two reports built three or four of them (profiled at 20,000
        reports). Either way the members come in the store's order, so the
        candidates are the same (tests/test_crossreport.py compares them).
        """
        if year in self.buckets or self.looked_up[year] >= BUCKETS_AFTER:
            buckets, keys_of = self.year_buckets(year)
            return [buckets[key][:BUCKET_CAP] for key in keys_of[rid]]
        self.looked_up[year] += 1
        ids, rows, matrix = self.year_bands(year)
        shared = (matrix == matrix[rows[rid]]).all(axis=2)  # (reports, BANDS): equal on every row of the band
        return [[ids[i] for i in np.flatnonzero(shared[:, band])[:BUCKET_CAP].tolist()] for band in range(copies.BANDS)]

    # ------------------------------------------------------------ the pass

    def update(self, changed: set[str], removed: set[str], known: dict) -> int:
        """Store the facts of `changed`, forget `removed`, and compute the checks of every report affected."""
        store = self.store
        affected: dict[int | None, set[str]] = defaultdict(set)
        dependents = [rid for rid in store.dependents(changed | removed) if rid in self.shas]
        self.find_docnums([*changed, *dependents])
        for rid in dependents:
            affected[self.year_of(rid)].add(rid)
        for rid in removed:
            _, agency_id, year = known[rid]
            self._next_year(agency_id, year, affected)
        store.remove(changed | removed)
        new_by_year: dict[int | None, set[str]] = defaultdict(set)
        for rid in changed:
            new_by_year[self.year_of(rid)].add(rid)
            affected[self.year_of(rid)].add(rid)
        count = 0
        while affected or new_by_year:
            years = set(affected) | set(new_by_year)
            year = None if None in years else min(years)
            new = new_by_year.pop(year, set())
            for rid in sorted(new):
                facts = self.load(rid)
                sig = self.fresh_signatures.pop(rid, None)
                if sig is None:
                    sig = copies.signature(facts.prose)
                store.put_report(rid, self.shas[rid], facts.agency_id, facts.year, facts.title,
                                 sig.astype("<u4").tobytes())
                self._next_year(facts.agency_id, year, affected)
            if year is not None:
                self.signatures.pop(year, None)  # the year's new signatures are in the store now
                self.buckets.pop(year, None)
                self.bands.pop(year, None)
                self.agencies.pop(year, None)
                for rid in new:
                    self._revisit_peers(rid, year, affected[year])
                self.forget_before(year)
            for rid in sorted(affected.pop(year, set())):
                self._check(rid)
                count += 1
        return count

    def _next_year(self, agency_id: str | None, year: int | None, affected: dict) -> None:
        if agency_id and year is not None:
            for rid, y, _ in self.store.agency_reports(agency_id):
                if y == year + 1 and rid in self.shas:
                    affected[y].add(rid)

    def _revisit_peers(self, rid: str, year: int, affected: set[str]) -> None:
        """Reports of the year that this new report resembles more than their closest peer so far."""
        for estimate, other in self._candidates(rid, year):
            if other not in affected:
                before = self.store.peer_estimate(other)
                if before is None or estimate > before:
                    affected.add(other)

    def _candidates(self, rid: str, year: int) -> list[tuple[float, str]]:
        """(estimated similarity, report id) of other agencies' reports of the year sharing an LSH band, best first."""
        if rid not in self.candidates:
            self.candidates[rid] = self._find_candidates(rid, year)
        return self.candidates[rid]

    def _find_candidates(self, rid: str, year: int) -> list[tuple[float, str]]:
        sigs = self.year_signatures(year)
        sig = sigs.get(rid)
        if sig is None or copies.is_empty(sig):
            return []
        agencies = self.agencies[year]
        mine = agencies.get(rid)
        # every member of the report's buckets, counted in C; then the report itself and its agency's left out
        # (a Counter keeps first-seen order, which most_common keeps among equal counts: the same ranking)
        counts = Counter(chain.from_iterable(self.band_members(rid, year)))
        del counts[rid]
        if mine is not None:
            for other in [o for o in counts if agencies.get(o) == mine]:
                del counts[other]
        ranked = [other for other, _ in counts.most_common(RANKED)]
        if not ranked:
            return []
        estimates = copies.estimated_jaccard(sig, np.stack([sigs[o] for o in ranked]))
        return sorted(zip((float(e) for e in estimates), ranked), key=lambda item: (-item[0], item[1]))

    def _previous(self, facts: ReportFacts) -> ReportFacts | None:
        """The agency's report of the year before (of several, the one stating most carried-forward figures)."""
        if not facts.agency_id or facts.year is None:
            return None
        options = [self.load(rid) for rid, y, _ in self.store.agency_reports(facts.agency_id)
                   if y == facts.year - 1 and rid in self.shas and rid != facts.id]
        if not options:
            return None
        return min(options, key=lambda f: (-sum(k.startswith("apply.carried_forward.") for k in f.metrics), f.id))

    def _check(self, rid: str) -> None:
        facts = self.load(rid)
        threshold = self.threshold
        previous = self._previous(facts)
        history = (compare_prose(self.prose_index(facts), self.prose_index(previous))
                   if previous is not None and previous.prose and facts.prose else None)
        peer, peer_comparison, estimate, later = None, None, 0.0, None
        if facts.year is not None and facts.prose:
            candidates = [c for c in self._candidates(rid, facts.year) if c[0] >= MIN_ESTIMATE][:PEER_CANDIDATES]
            for i, (est, other) in enumerate(candidates):
                if i == 0:
                    estimate = est
                other_facts = self.load(other)
                comparison = compare_prose(self.prose_index(facts), self.prose_index(other_facts))
                if not facts.may_have_copied(other_facts):  # the original of a copy published after it
                    if comparison.share >= threshold and later is None:
                        later = other_facts
                    continue
                if peer_comparison is None or comparison.share > peer_comparison.share:
                    peer, peer_comparison = other_facts, comparison
        checks = carried_over_checks(facts, previous) + [
            history_copied(facts, previous, history, threshold),
            peers_copied(facts, peer, peer_comparison, threshold, later),
        ]
        measured = peer or later
        self.store.put_checks(rid, [c.to_dict() for c in checks], previous.id if previous else None,
                              measured.id if measured else None, estimate)
