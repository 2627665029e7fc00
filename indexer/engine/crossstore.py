"""The cross-report store: checks that need other reports, kept beside a generation's whoosh index.

whoosh documents cannot change, and a cross-report check of one report
changes when another report arrives (next year's carry-over, a new peer).
So these checks live in a SQLite file in the generation folder
(``crossreport.sqlite``) that `reader.Index` merges into records and into
the ``failing`` facet. A generation never changes once live: the
cross-report pass (`indexer.crossreport`) writes an updated copy into the
next generation (`next_generation`), which it publishes. The file also
keeps what the pass needs next time: each report's agency, year, content
hash and MinHash signature.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from . import generations

STORE_FILE = "crossreport.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS reports(
    id TEXT PRIMARY KEY, sha256 TEXT, agency_id TEXT, year INTEGER, title TEXT, sig BLOB);
CREATE INDEX IF NOT EXISTS reports_agency ON reports(agency_id, year);
CREATE INDEX IF NOT EXISTS reports_year ON reports(year);
CREATE TABLE IF NOT EXISTS checks(
    id TEXT PRIMARY KEY, failing TEXT, checks BLOB, previous TEXT, peer TEXT, peer_estimate REAL);
CREATE INDEX IF NOT EXISTS checks_previous ON checks(previous);
CREATE INDEX IF NOT EXISTS checks_peer ON checks(peer);
"""


class CrossStore:
    """One generation's store, read-only (`open_readonly`) or being written (`next_generation`)."""

    def __init__(self, connection: sqlite3.Connection):
        self.db = connection
        self._lock = threading.Lock()  # the web app's threads share one read-only connection

    def _all(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self.db.execute(sql, args).fetchall()

    @classmethod
    def open_readonly(cls, generation: Path) -> "CrossStore | None":
        path = generation / STORE_FILE
        if not path.is_file():
            return None
        try:
            db = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            db.execute("SELECT 1 FROM meta LIMIT 1")
        except sqlite3.Error:
            return None
        return cls(db)

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ reading

    def meta(self) -> dict[str, str]:
        return dict(self._all("SELECT key, value FROM meta"))

    def checks(self, report_id: str) -> list[dict] | None:
        rows = self._all("SELECT checks FROM checks WHERE id = ?", (report_id,))
        return json.loads(zlib.decompress(rows[0][0])) if rows else None

    def failing(self) -> Iterator[tuple[str, list[str]]]:
        """(report id, failing check ids) of every report failing a cross-report check."""
        for rid, failing in self._all("SELECT id, failing FROM checks WHERE failing != ''"):
            yield rid, failing.split()

    def reports(self) -> dict[str, tuple[str | None, str | None, int | None]]:
        """Report id -> (sha256, agency_id, year) of every report the store knows."""
        return {rid: (sha, agency, year) for rid, sha, agency, year in
                self._all("SELECT id, sha256, agency_id, year FROM reports")}

    def agency_reports(self, agency_id: str) -> list[tuple[str, int | None, str]]:
        """(report id, year, title) of an agency's reports, by year."""
        return self._all("SELECT id, year, title FROM reports WHERE agency_id = ? ORDER BY year, id", (agency_id,))

    def year_reports(self, year: int) -> list[tuple[str, str | None, bytes]]:
        """(report id, agency_id, signature) of the reports of a year."""
        return self._all("SELECT id, agency_id, sig FROM reports WHERE year = ?", (year,))

    def signature(self, report_id: str) -> bytes | None:
        rows = self._all("SELECT sig FROM reports WHERE id = ?", (report_id,))
        return rows[0][0] if rows else None

    def dependents(self, report_ids: Iterable[str]) -> set[str]:
        """Reports whose checks were measured against one of `report_ids`."""
        out: set[str] = set()
        for rid in report_ids:
            out.update(r for (r,) in self._all("SELECT id FROM checks WHERE previous = ? OR peer = ?", (rid, rid)))
        return out

    def peer_estimate(self, report_id: str) -> float | None:
        rows = self._all("SELECT peer_estimate FROM checks WHERE id = ?", (report_id,))
        return rows[0][0] if rows else None

    # ------------------------------------------------------------ writing

    def clear(self) -> None:
        """Forget every report (the measure changed: everything is measured again)."""
        self.db.execute("DELETE FROM reports")
        self.db.execute("DELETE FROM checks")

    def set_meta(self, **values: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(values.items()))

    def remove(self, report_ids: Iterable[str]) -> None:
        ids = [(rid,) for rid in report_ids]
        self.db.executemany("DELETE FROM reports WHERE id = ?", ids)
        self.db.executemany("DELETE FROM checks WHERE id = ?", ids)

    def put_report(self, report_id: str, sha256: str, agency_id: str | None, year: int | None, title: str,
                   sig: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?, ?)",
                        (report_id, sha256, agency_id, year, title, sig))

    def put_checks(self, report_id: str, checks: list[dict], previous: str | None, peer: str | None,
                   peer_estimate: float) -> None:
        failing = " ".join(c["id"] for c in checks if c["status"] == "fail")
        self.db.execute("INSERT OR REPLACE INTO checks VALUES (?, ?, ?, ?, ?, ?)",
                        (report_id, failing, zlib.compress(json.dumps(checks, ensure_ascii=False,
                                                                      separators=(",", ":")).encode("utf-8")),
                         previous, peer, peer_estimate))


@contextmanager
def next_generation(index_dir: Path, live: Path, meta: dict) -> Iterator[tuple[CrossStore, str]]:
    """A new generation that is `live` plus an updated copy of its store; published when the block ends.

    Yields the writable store and the new generation's name (which the store
    records, so that the next run knows whether the index changed since).
    An exception cancels the generation; `live` stays as it was.
    """
    tmp = generations.start(index_dir, live)
    try:
        target = tmp / STORE_FILE
        if target.exists():  # a hard link to the live store: copy it, never write through the link
            part = tmp / (STORE_FILE + ".part")
            shutil.copyfile(target, part)
            part.replace(target)
        db = sqlite3.connect(target)
        db.executescript(_SCHEMA)
        store = CrossStore(db)
        try:
            with db:
                yield store, tmp.name[: -len(".tmp")]
        finally:
            db.close()
        generations.publish(index_dir, tmp, meta)
        # Three: the run's own generation stays beside this one, and so does the one live before the run,
        # which a reader may still hold.
        generations.cleanup(index_dir, keep=3)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
