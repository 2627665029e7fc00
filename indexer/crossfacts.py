"""What the cross-report pass needs of each report a run extracts, computed in the extraction workers.

The pass (`crossreport.py`) runs in the parent process after the writes.
Without help it reads every new report's stored record back from the index
(JSON), folds and normalises its prose and computes its MinHash signature:
about half of its time on a full build, on one core. The extraction workers
hold the record already, so each worker computes the report's facts and
signature (`put`) and the pass reads them (`get`), run in parallel with the
extraction instead of after it.

The facts are kept only for the run, in a scratch SQLite file beside the
index (`SCRATCH_FILE`) that the workers write (one short transaction a report)
and the run removes after the pass. An entry names the report id and the
file's content hash: the pass takes it only for the record the index holds
under that id, and falls back to the stored record for anything else.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the indexing run removes a scratch file without them
    import numpy as np

    from .history import ReportFacts
    from .record import Report

SCRATCH_FILE = "crossfacts.run.sqlite"

_SCHEMA = "CREATE TABLE IF NOT EXISTS facts(id TEXT PRIMARY KEY, sha256 TEXT, facts BLOB, sig BLOB)"


def facts_of_report(report: Report, match_lines: list[str]) -> ReportFacts:
    """The report's facts, as `ReportFacts.of_record` makes them from its stored record and match lines."""
    from . import copies
    from .history import ReportFacts

    record = {
        "id": report.id, "agency_id": report.agency_id, "agency": report.agency, "year": report.year,
        "title": report.title, "published": report.published,
        "metrics": {k: {"value": m.value, "passage": m.passage} for k, m in report.metrics.items()},
    }
    passages = [{"id": p.id, "kind": p.kind} for p in report.passages]
    return ReportFacts.of_record(record, copies.prose_of(passages, match_lines))


def _encode(facts: ReportFacts) -> bytes:
    data = [facts.agency_id, facts.agency, facts.year, facts.title, facts.published,
            [[k, v, p] for k, (v, p) in facts.metrics.items()], [[p.id, p.norm] for p in facts.prose]]
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def _decode(report_id: str, blob: bytes) -> ReportFacts:
    from . import copies
    from .history import ReportFacts

    agency_id, agency, year, title, published, metrics, prose = json.loads(zlib.decompress(blob))
    return ReportFacts(report_id, agency_id, agency, year, title, published,
                       {k: (v, p) for k, v, p in metrics}, [copies.ProsePassage(i, n) for i, n in prose])


def start(path: Path) -> None:
    """An empty scratch file at `path` (what an earlier run left there is dropped)."""
    remove(path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")  # two workers write while neither waits on the other's reads
        db.execute(_SCHEMA)
    db.close()


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


_connections: dict[Path, sqlite3.Connection] = {}  # one per worker process and scratch file


def put(path: Path, report: Report, sha256: str, match_lines: list[str]) -> None:
    """In a worker: store the report's facts and signature for the run's pass."""
    from . import copies

    db = _connections.get(path)
    if db is None:
        db = _connections[path] = sqlite3.connect(path, timeout=60)
        db.execute("PRAGMA synchronous=OFF")  # a scratch file: a crash loses the run, whose next run starts it again
    facts = facts_of_report(report, match_lines)
    sig = copies.signature(facts.prose).astype("<u4").tobytes()
    with db:
        db.execute("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?)", (report.id, sha256, _encode(facts), sig))


class RunFacts:
    """The pass's read-only view of a run's scratch file."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)

    @classmethod
    def open(cls, path: Path | None) -> "RunFacts | None":
        if path is None or not path.is_file():
            return None
        try:
            facts = cls(path)
            facts.db.execute("SELECT 1 FROM facts LIMIT 1")
        except sqlite3.Error:
            return None
        return facts

    def get(self, report_id: str, sha256: str) -> tuple[ReportFacts, np.ndarray] | None:
        """The facts and signature a worker stored for this report id and content, if any."""
        import numpy as np

        row = self.db.execute("SELECT facts, sig FROM facts WHERE id = ? AND sha256 = ?",
                              (report_id, sha256)).fetchone()
        if row is None:
            return None
        return _decode(report_id, row[0]), np.frombuffer(row[1], dtype="<u4")

    def close(self) -> None:
        self.db.close()
