"""Indexing a corpus folder: incremental, parallel and crash-safe.

A run compares the corpus with the live generation's manifest (path, size,
modification time, content hash, extractor fingerprint) and does only what
changed: new and changed files are read and extracted in worker processes,
each file under the limits of ``[limits]`` (`indexer.workers` supervises them),
deleted files leave the index, a renamed file keeps its record. Report ids
are stable: a file edited in place keeps its id, a renamed one too, and an
id that leaves the index is remembered with its successor, if any, so
published links never silently break (`engine.retired`). Work is
committed in batches, each batch a new generation, so a crash or Ctrl-C
loses at most the batch under way and the next run picks up from there.

A changed dictionary or schema means every document must be segmented again:
the run then rebuilds the whole index into a new generation (reusing stored
records, so files are not read again) and makes it live only when complete.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Callable

from . import crossfacts, segment
from .corpus import CorpusFile, scan_corpus, shown  # noqa: F401  (CorpusFile: the scan's files, for callers)
from .engine import SCHEMA_VERSION, FileFacts, GenerationWriter, Index, IndexMissing, WriterLock, generations, prepare
from .identity import extractor_fingerprint, id_of_sha256
from .limits import LimitExceeded, Limits
from .readers import ReadError

# What reads files and measures reports is imported where a run has files to read or reports to measure:
# a run with nothing to do imports none of it (`extract`, `workers`, numpy), only what tells it so.
if TYPE_CHECKING:
    from .crossreport import CrossSummary
    from .record import Report
    from .workers import Failed

FEW_FILES = 8  # a run reading fewer files loads only its files' readers before its workers fork, and segments from the lookup file
FAILURES_FILE = "failures.json"
SUMMARY_FILE = "summary.json"  # the last run: counts, and every file failed, skipped or duplicate with its reason


@dataclass
class Failure:
    source: str
    reason: str
    kept_previous: bool = False

    def __post_init__(self) -> None:  # a reason may quote a name holding bytes that are not UTF-8
        self.source, self.reason = shown(self.source), shown(self.reason)


@dataclass
class IndexSummary:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, same content as)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file or folder/, why it is no report)
    documents: int = 0
    generation: str | None = None
    rebuilt: str | None = None  # why the whole index was rebuilt
    interrupted: bool = False
    seconds: float = 0.0
    cross: CrossSummary | None = None  # the checks across reports, computed after the writes

    @property
    def nothing_to_do(self) -> bool:
        return not (self.added or self.updated or self.removed or self.rebuilt)


@dataclass(frozen=True, slots=True)
class _Job:
    facts: FileFacts
    path: Path
    corpus: Path
    previous: dict | None  # a stored record to reuse instead of reading the file again
    report_id: str  # the id the report gets (the one it had, for a file edited in place or renamed)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def extract(path: Path, corpus: Path, report_id: str) -> Report:
    """`extract.extract`, imported on first use: a run with no file to read never loads the readers and rules."""
    from .extract import extract as extract_file

    return extract_file(path, corpus, report_id)


def _work(job: _Job, cross_facts: Path | None = None) -> tuple[str, str, dict | str]:
    """In a worker process: file or stored record -> index fields, or the reason it failed.

    With `cross_facts`, the report's facts for the cross-report pass go to that scratch file too.
    """
    from .record import Report
    from .workers import Failed

    try:
        if job.previous is not None:
            report = Report.from_dict(job.previous)
            report.source = job.facts.source
            report.id = job.report_id
        else:
            report = extract(job.path, job.corpus, job.report_id)
            if report.source != job.facts.source:  # a name in GBK bytes: the record shows it decoded
                if report.title == job.path.stem:
                    report.title = PurePosixPath(job.facts.source).stem
                report.source = job.facts.source
        document = prepare(report, job.facts)
        if cross_facts is not None:
            _keep_cross_facts(cross_facts, report, job.facts.sha256, document["gram"])
        return ("ok", job.facts.source, document)
    except LimitExceeded as exc:
        return ("fail", job.facts.source, Failed(job.facts.source, str(exc), remember=not exc.resumable,
                                                 limit=exc.limit))
    except ReadError as exc:
        return ("fail", job.facts.source, str(exc))
    except MemoryError:
        raise  # the worker refuses the file with the memory limit and retires
    except RecursionError:
        return ("fail", job.facts.source, "the file is nested too deeply to read")
    except Exception as exc:  # one bad file must never stop the run; the reason is reported
        return ("fail", job.facts.source, f"unexpected error while reading: {type(exc).__name__}: {exc}")


def _keep_cross_facts(path: Path, report: Report, sha256: str, match_text: str) -> None:
    """The cross-report pass's facts of the report (`crossfacts`); without them the pass reads the stored record."""
    try:
        crossfacts.put(path, report, sha256, match_text.split("\n"))
    except (sqlite3.Error, OSError):
        pass


def _warm_up(jobs: list[_Job]) -> None:
    """Load what every worker needs once, here: workers forked from this process start with it.

    A run of fewer than `FEW_FILES` files loads the extraction code, the
    gazetteer and the readers of its files' types, and no segmenter: its workers
    segment with words looked up one at a time (`segment.index_from_lookup`), not
    jieba's whole dictionary (re-indexing 2 files at 20,000 reports, loading it and
    every reader was 0.5-1.8 s of the run). Larger runs load jieba's dictionary
    and every reader, and the fast segmenter (`segment.load_fast`) from
    `segment.FAST_AFTER` files.
    """
    from . import copies, extract, gazetteer  # noqa: F401  (imported for the workers)
    from .readers import SUFFIXES, _reader_for

    few = len(jobs) < FEW_FILES
    segment.index_from_lookup(few)
    if not few:
        segment.tokenizer()
        if len(jobs) >= segment.FAST_AFTER:
            segment.load_fast()
    gazetteer.places_in("北京市海淀区")
    for suffix in {job.path.suffix.lower() for job in jobs} if few else SUFFIXES:
        _reader_for(suffix)


def _save_summary(index_dir: Path, summary: IndexSummary) -> None:
    """The last run's summary as JSON beside the index (SUMMARY_FILE), however the run ended."""
    data = {
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "interrupted": summary.interrupted,
        "seconds": round(summary.seconds, 3),
        "added": summary.added, "updated": summary.updated, "removed": summary.removed,
        "unchanged": summary.unchanged, "documents": summary.documents, "generation": summary.generation,
        "rebuilt": summary.rebuilt,
        "failed": [{"source": f.source, "reason": f.reason, "kept_previous": f.kept_previous} for f in summary.failed],
        "skipped": [{"source": source, "reason": reason} for source, reason in summary.skipped],
        "duplicates": [{"source": source, "same_as": same} for source, same in summary.duplicates],
    }
    tmp = index_dir / (SUMMARY_FILE + ".part")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, index_dir / SUMMARY_FILE)
    except OSError:
        pass  # a full disk must not hide the run's own error


def _load_failures(index_dir: Path) -> dict[str, dict]:
    try:
        return json.loads((index_dir / FAILURES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_failures(index_dir: Path, failures: dict[str, dict]) -> None:
    tmp = index_dir / (FAILURES_FILE + ".part")
    tmp.write_text(json.dumps(failures, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, index_dir / FAILURES_FILE)


@dataclass
class _Plan:
    jobs: list[_Job] = field(default_factory=list)
    remove: set[str] = field(default_factory=set)  # ids of reports whose files left the corpus
    previous_id: dict[str, str] = field(default_factory=dict)  # source -> id it had, for files read again
    retire: dict[str, dict] = field(default_factory=dict)  # id leaving the index -> what links to it are told
    shas: dict[str, str] = field(default_factory=dict)  # id -> content hash of every report live when planned

    def live_shas(self, written: dict[str, str], rebuilt: bool) -> dict[str, str]:
        """Id -> content hash of every report live after the writes (`written`: the reports indexed),
        so that the cross-report pass need not read the manifest again."""
        shas = {} if rebuilt else {rid: sha for rid, sha in self.shas.items() if rid not in self.remove}
        shas.update(written)
        return shas


def index_corpus(
    corpus: Path,
    index_dir: Path,
    *,
    workers: int | None = None,
    dictionaries: tuple[str, ...] = (),
    batch_size: int = 5000,
    progress: Callable[[int, int], None] | None = None,
    limits: Limits | None = None,
    copied_threshold: float | None = None,
) -> IndexSummary:
    """Bring the index in `index_dir` up to date with the files in `corpus`.

    Files are read in `workers` processes, each file under `limits` (see `indexer.limits`); reports copying
    more than `copied_threshold` of another's prose fail the checks across reports (default: `history`'s).
    """
    started = time.monotonic()
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus folder {corpus} does not exist")
    summary = IndexSummary()
    segment.configure(dictionaries)
    with WriterLock(index_dir):
        generations.cleanup(index_dir)  # what a killed run left behind
        crossfacts.remove(index_dir / crossfacts.SCRATCH_FILE)
        try:
            old: Index | None = Index.open(index_dir)
        except IndexMissing:
            old = None
        try:
            try:
                limits = limits or Limits()
                known_failures = _load_failures(index_dir)
                plan = _plan(corpus, old, dictionaries, known_failures, summary, limits)
                if plan.jobs or plan.remove or summary.rebuilt or old is None:
                    written = _write(index_dir, plan, summary, known_failures, workers or os.cpu_count() or 1,
                                     dictionaries, batch_size, progress, limits)
                    live_shas = plan.live_shas(written, summary.rebuilt is not None)
                else:
                    live_shas = plan.shas
                    _save_failures(index_dir, _current_failures(known_failures, summary))
            finally:
                if old is not None:
                    old.close()
            from .crossreport import update_cross_reports  # numpy: loaded after the workers are forked, not before

            summary.cross = update_cross_reports(index_dir, copied_threshold, index_dir / crossfacts.SCRATCH_FILE,
                                                 live_shas)
            with Index.open(index_dir) as live:
                summary.documents = live.doc_count
                summary.generation = live.name
        except BaseException:
            summary.interrupted = True
            raise
        finally:
            crossfacts.remove(index_dir / crossfacts.SCRATCH_FILE)
            summary.seconds = time.monotonic() - started
            _save_summary(index_dir, summary)
    return summary


def _plan(corpus: Path, old: Index | None, dictionaries: tuple[str, ...], known_failures: dict[str, dict],
          summary: IndexSummary, limits: Limits) -> _Plan:
    """Compare the corpus with the live index: what to read, what to reuse, what to remove."""
    fingerprint = extractor_fingerprint()
    manifest = old.manifest() if old else {}
    if old is not None:
        if old.meta.get("schema") != SCHEMA_VERSION:
            summary.rebuilt = "the index format changed"
        elif old.meta.get("dictionary") != segment.dictionary_hash(dictionaries):
            summary.rebuilt = "the segmentation dictionary changed"
    rebuild = summary.rebuilt is not None
    by_sha = {facts["sha256"]: facts for facts in manifest.values()}
    plan = _Plan(shas={facts["id"]: facts["sha256"] for facts in manifest.values()})
    first_source_of: dict[str, str] = {}  # sha -> first file with that content
    unreadable: set[str] = set()
    taken = {facts["id"] for facts in manifest.values()}  # ids a new report must not take
    id_of_source = {source: facts["id"] for source, facts in manifest.items()}
    copy_of: dict[str, str] = {}  # source whose new content is another file's -> that file
    scan = scan_corpus(corpus)
    for problem in scan.failed:  # links, pipes, unknown types, names that are no text: listed, never skipped silently
        summary.failed.append(Failure(problem.source, problem.reason, kept_previous=problem.source in manifest))
        unreadable.add(problem.source)
    summary.skipped = [(p.source, p.reason) for p in scan.skipped]
    for f in scan.files:
        known = manifest.get(f.source)
        if (known and not rebuild and known["size"] == f.size and known["mtime_ns"] == f.mtime_ns
                and known["extractor"] == fingerprint):
            summary.unchanged += 1
            first_source_of.setdefault(known["sha256"], f.source)
            continue
        try:
            sha = file_sha256(f.path)
        except OSError as exc:
            summary.failed.append(Failure(f.source, f"cannot read the file: {exc.strerror or exc}",
                                          kept_previous=known is not None))
            unreadable.add(f.source)  # still in the corpus: keep what was indexed of it
            continue
        if sha in first_source_of:
            summary.duplicates.append((f.source, first_source_of[sha]))
            copy_of[f.source] = first_source_of[sha]
            continue
        first_source_of[sha] = f.source
        if known and not rebuild and known["sha256"] == sha and known["extractor"] == fingerprint:
            summary.unchanged += 1  # touched, same content
            continue
        failed_before = known_failures.get(f.source)
        if (failed_before and failed_before.get("sha256") == sha and failed_before.get("extractor") == fingerprint
                and not _limit_changed(failed_before, limits)):
            summary.failed.append(Failure(f.source, failed_before["reason"] + " (unchanged since the last run)",
                                          kept_previous=known is not None))
            continue
        previous = by_sha.get(sha)
        reuse = old.record(previous["docnum"]) if old and previous and previous["extractor"] == fingerprint else None
        if known:
            report_id = known["id"]  # edited in place (or re-read): the same id
        elif previous:
            report_id = previous["id"]  # moved or renamed: its content's id
        else:
            report_id = _new_id(sha, taken)
        taken.add(report_id)
        id_of_source[f.source] = report_id
        plan.jobs.append(_Job(FileFacts(f.source, sha, f.size, f.mtime_ns, fingerprint), f.path, corpus, reuse,
                              report_id))
        if known and not rebuild:
            plan.previous_id[f.source] = known["id"]
    present = set(first_source_of.values()) | unreadable
    kept_ids = {manifest[source]["id"] for source in present if source in manifest}
    readded = {job.report_id for job in plan.jobs}
    removed = {facts["id"] for source, facts in manifest.items() if source not in present} - kept_ids - readded
    summary.removed = len(removed)
    plan.remove = set() if rebuild else removed  # a rebuild starts from an empty generation anyway
    for source, facts in manifest.items():
        if facts["id"] in removed:
            successor = id_of_source.get(copy_of[source]) if source in copy_of else None
            plan.retire[facts["id"]] = _retired_entry(old.record(facts["docnum"]), successor)
    return plan


def _new_id(sha: str, taken: set[str]) -> str:
    """The id of new content: its hash's, or, when a report edited in place kept that id, a derived one."""
    report_id = id_of_sha256(sha)
    n = 1
    while report_id in taken:
        n += 1
        report_id = id_of_sha256(hashlib.sha256(f"{sha}:{n}".encode()).hexdigest())
    return report_id


def _retired_entry(record: dict, successor: str | None) -> dict:
    """What a link to a report that left the index is told: which report it was, and where it went."""
    return {
        "title": record.get("title"),
        "agency": record.get("agency"),
        "agency_id": record.get("agency_id"),
        "year": record.get("year"),
        "source": record.get("source"),
        "retired": time.strftime("%Y-%m-%d"),
        "successor": successor,
    }


class _Applier:
    """Turns extraction results into index changes, summary lines and remembered failures."""

    def __init__(self, index_dir: Path, plan: _Plan, summary: IndexSummary, failures: dict[str, dict],
                 dictionaries: tuple[str, ...], limits: Limits):
        self.index_dir = index_dir
        self.limits = limits
        self.plan = plan
        self.summary = summary
        self.failures = failures
        self.dictionaries = dictionaries
        self.facts = {job.facts.source: job.facts for job in plan.jobs}
        self.meta = {"dictionary": segment.dictionary_hash(dictionaries), "extractor": extractor_fingerprint()}
        self.rebuild = summary.rebuilt is not None
        self.writer: GenerationWriter | None = None
        self.started = False
        self.written: dict[str, str] = {}  # id -> content hash of each report indexed

    def current_writer(self) -> GenerationWriter:
        if self.writer is None:
            self.writer = GenerationWriter(self.index_dir, rebuild=self.rebuild and not self.started,
                                           dictionaries=self.dictionaries)
            if not self.started:
                for rid in self.plan.remove:
                    self.writer.delete(rid)
                for rid, info in self.plan.retire.items():
                    self.writer.retire(rid, info)
            self.started = True
        return self.writer

    def ok(self, source: str, report_id: str) -> None:
        """A report was extracted and (or will be) added under `report_id`."""
        writer = self.current_writer()
        previous = self.plan.previous_id.get(source)
        if previous is not None:
            writer.delete(previous)
            self.summary.updated += 1
        else:
            self.summary.added += 1
        writer.delete(report_id)  # a renamed file keeps its id: drop the entry under the old path
        writer.unretire(report_id)  # a file that came back has its old id again
        self.failures.pop(source, None)
        self.written[report_id] = self.facts[source].sha256

    def failed(self, failure: Failed) -> None:
        source = failure.source
        self.summary.failed.append(Failure(source, failure.reason, kept_previous=source in self.plan.previous_id))
        if failure.remember:
            facts = self.facts[source]
            self.failures[source] = {"sha256": facts.sha256, "extractor": facts.extractor, "reason": failure.reason}
            if failure.limit:
                self.failures[source].update(limit=failure.limit, setting=_limit_setting(failure.limit, self.limits))

    def commit(self, final: bool) -> None:
        """Publish what the current writer holds (a rebuild publishes only once, at the end)."""
        if self.rebuild and not final:
            return
        self.current_writer().commit(self.meta, merge=final)
        self.writer = None

    def cancel(self) -> None:
        if self.writer is not None:
            self.writer.cancel()
            self.writer = None


def _write(index_dir: Path, plan: _Plan, summary: IndexSummary, known_failures: dict[str, dict], workers: int,
           dictionaries: tuple[str, ...], batch_size: int, progress: Callable[[int, int], None] | None,
           limits: Limits) -> dict[str, str]:
    """Apply the plan, publishing a generation every `batch_size` files (a rebuild publishes once).

    Returns id -> content hash of each report indexed.
    """
    from .workers import Failed, WorkerPool

    applier = _Applier(index_dir, plan, summary, _current_failures(known_failures, summary), dictionaries, limits)
    jobs = plan.jobs
    if jobs:
        _warm_up(jobs)
    scratch = index_dir / crossfacts.SCRATCH_FILE
    try:
        crossfacts.start(scratch)
        work = partial(_work, cross_facts=scratch)
    except (sqlite3.Error, OSError):
        work = _work  # the pass reads the stored records instead
    pool = WorkerPool(min(workers, len(jobs)), limits, work)
    finished = 0

    def done() -> None:
        nonlocal finished
        finished += 1
        if progress:
            progress(min(finished, len(jobs)), len(jobs))

    try:
        for start in range(0, len(jobs), batch_size):
            writer = applier.current_writer()
            for outcome in pool.run(jobs[start:start + batch_size], writer.whoosh_dir, done):
                if isinstance(outcome, Failed):
                    applier.failed(outcome)
                    continue
                for source, report_id in outcome.results:
                    applier.ok(source, report_id)
                if outcome.segment is not None:
                    writer.add_segment(outcome.segment)
            if start + batch_size < len(jobs):
                applier.commit(final=False)
        if progress:
            progress(len(jobs), len(jobs))
        applier.commit(final=True)
    except BaseException:
        summary.interrupted = True
        pool.close()
        applier.cancel()
        raise
    finally:
        pool.close()
        _save_failures(index_dir, applier.failures)
    return applier.written


def _limit_setting(limit: str, limits: Limits) -> list:
    """What decides whether a file refused on `limit` passes it: the setting (and OCR's own room for memory)."""
    setting = [getattr(limits, limit, None)]
    if limit == "memory_mb":
        from . import ocr

        setting.append(ocr.SETTINGS.memory_mb)
    return setting


def _limit_changed(failed_before: dict, limits: Limits) -> bool:
    """A file refused on a limit is read again once that limit is set differently in config.toml."""
    limit = failed_before.get("limit")
    return bool(limit) and failed_before.get("setting") != _limit_setting(limit, limits)


def _current_failures(known: dict[str, dict], summary: IndexSummary) -> dict[str, dict]:
    """Remembered failures of files still failing; fixed or deleted files are forgotten."""
    still = {f.source for f in summary.failed}
    return {source: info for source, info in known.items() if source in still}
