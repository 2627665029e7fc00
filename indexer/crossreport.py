"""The cross-report pass of `nianbao index`: checks that compare a report with other reports.

It runs once after a run's writes, over the live generation, and publishes
the next generation with an updated cross-report store
(`engine.crossstore`). It is incremental: the store remembers each report's
content hash, agency, year and MinHash signature, so a run reads only the
reports that are new or changed, and measures again only

* those reports,
* the reports that had been measured against a changed or removed report
  (its next year's report of the same agency, reports whose closest peer it was),
* the same agency's reports of the year after a new report,
* reports of the same year that a new report resembles more than their
  closest peer so far (by MinHash estimate).

How reports are measured is `crosspass.py`, imported only when there is
something to measure: a run that finds the store up to date loads neither it
nor numpy.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .engine import Index, IndexMissing
from .engine.crossstore import next_generation

VERSION = "1"  # change when the measure or the checks change: the next run measures everything again


@dataclass
class CrossSummary:
    checked: int = 0  # reports whose checks across reports were computed
    generation: str | None = None  # the generation published, if any
    seconds: float = 0.0


def update_cross_reports(index_dir, threshold: float | None = None, run_facts: Path | None = None,
                         live_shas: dict[str, str] | None = None) -> CrossSummary:
    """Bring the live generation's checks across reports up to date (publishing a new generation when needed).

    `threshold` is the share of copied prose from which a report fails (`history.DEFAULT_THRESHOLD` when None).
    `run_facts` is the run's scratch file of facts the extraction workers computed (`crossfacts`), if any.
    `live_shas` is report id -> content hash of every live report when the caller knows it (the indexing
    run does, from the manifest it planned with): else the live generation's manifest is read. A map that
    does not match the live generation's count of reports is not used.
    """
    started = time.monotonic()
    summary = CrossSummary()
    if threshold is None:
        from .history import DEFAULT_THRESHOLD

        threshold = DEFAULT_THRESHOLD
    try:
        live = Index.open(index_dir)
    except IndexMissing:
        return summary
    with live:
        config = f"{VERSION}:{threshold}:{live.meta.get('extractor')}"
        old = live.cross
        old_meta = old.meta() if old is not None else {}
        if old_meta.get("generation") == live.name and old_meta.get("config") == config:
            return summary
        known = old.reports() if old is not None and old_meta.get("config") == config else {}
        if live_shas is not None and len(live_shas) == live.doc_count:
            from .crosspass import NotLive

            try:
                _pass(index_dir, live, known, live_shas, {}, threshold, run_facts, config, summary)
            except NotLive:  # the map the caller gave is not this generation's: the manifest says
                _pass_from_manifest(index_dir, live, known, threshold, run_facts, config, summary)
        else:
            _pass_from_manifest(index_dir, live, known, threshold, run_facts, config, summary)
    summary.seconds = time.monotonic() - started
    return summary


def _pass_from_manifest(index_dir, live: Index, known: dict, threshold: float, run_facts: Path | None, config: str,
                        summary: CrossSummary) -> None:
    manifest = live.manifest().values()
    current = {f["id"]: f["sha256"] for f in manifest}
    docnums = {f["id"]: f["docnum"] for f in manifest}
    _pass(index_dir, live, known, current, docnums, threshold, run_facts, config, summary)


def _pass(index_dir, live: Index, known: dict, current: dict[str, str], docnums: dict[str, int], threshold: float,
          run_facts: Path | None, config: str, summary: CrossSummary) -> None:
    """Measure what changed between the store's `known` reports and the `current` ones; publish the next generation."""
    from .crossfacts import RunFacts
    from .crosspass import CrossRun

    changed = {rid for rid, sha in current.items() if rid not in known or known[rid][0] != sha}
    removed = set(known) - set(current)
    with next_generation(index_dir, live.path, live.meta) as (store, name):
        if not known:
            store.clear()
        scratch = RunFacts.open(run_facts) if changed else None
        try:
            run = CrossRun(live, store, current, threshold, scratch, docnums)
            summary.checked = run.update(changed, removed, known)
        finally:
            if scratch is not None:
                scratch.close()
        store.set_meta(generation=name, config=config)
    summary.generation = name
