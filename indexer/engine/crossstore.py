"""The cross-report store: checks that need other reports, kept beside a generation's whoosh index.

whoosh documents cannot change, and a cross-report check of one report
changes when another report arrives (next year's carry-over, a new peer).
So these checks live in SQLite files in the generation folder that
`reader.Index` merges into records and into the ``failing`` facet. The
store also keeps what the pass needs next time: each report's agency, year,
content hash and MinHash signature.

A generation never changes once live: the cross-report pass
(`indexer.crossreport`) writes the next generation (`next_generation`) and
publishes it. The store is two files so that the pass need not copy the
whole store into every generation (27 MB at 20,000 reports, for a run that
changed three):

* ``crossreport.sqlite``, the base: every row as of some earlier pass. It is
  never written once made, so generations share it through hard links.
* ``crossreport.delta.sqlite``, the rows written since (reports and checks
  measured again) and the ids whose base rows they hide (``shadow``): those
  measured again and those removed. Each generation has its own copy (a few
  hundred KB); once it holds `COMPACT_ROWS` rows the pass folds it into a new
  base, written beside the shared one and renamed over its link.

Readers see one store: a row of the delta, else the base's row unless shadowed.
Rows come in the order one store would give them (a row written again moves
to the end), so that the pass's candidates do not depend on where a row is
kept. A generation of an earlier version holds a base alone. Whatever moment
a pass dies at, the live generation's files are as they were: the base is
opened read-only, the delta is a copy, and both are written in the unfinished
generation's folder, which the next run removes.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from . import generations

STORE_FILE = "crossreport.sqlite"
DELTA_FILE = "crossreport.delta.sqlite"
COMPACT_ROWS = 2000  # rows in the delta (reports, checks and shadowed ids) from which the pass writes a new base

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
_DELTA_SCHEMA = _SCHEMA + """
CREATE TABLE IF NOT EXISTS shadow(tbl TEXT, id TEXT, PRIMARY KEY (tbl, id)) WITHOUT ROWID;
"""
_BASE_KEY = "base_file"  # the delta's meta: size and modification time of the base it was written over
_REPORTS = "id, sha256, agency_id, year, title, sig"
_CHECKS = "id, failing, checks, previous, peer, peer_estimate"


def _file_key(path: Path) -> str:
    """A base file's size and modification time: hard links share them, a copy or a rewrite does not."""
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def _read_only(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro&immutable=1"


class CrossStore:
    """One generation's store, read-only (`open_readonly`) or being written (`next_generation`).

    `base` and `delta` name the attached schemas that hold the base's and the
    delta's rows ("main" or "base"), None for a part the store does not have.
    """

    def __init__(self, connection: sqlite3.Connection, base: str | None = "main", delta: str | None = None):
        self.db = connection
        self.base = base
        self.delta = delta
        self._lock = threading.Lock()  # the web app's threads share one read-only connection

    def _all(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self.db.execute(sql, args).fetchall()

    @classmethod
    def open_readonly(cls, generation: Path) -> "CrossStore | None":
        base, delta = generation / STORE_FILE, generation / DELTA_FILE
        if not base.is_file():
            return None
        try:
            if delta.is_file():
                db = sqlite3.connect(_read_only(delta), uri=True, check_same_thread=False)
                db.execute("ATTACH DATABASE ? AS base", (_read_only(base),))
                store = cls(db, base="base", delta="main")
                if not store._delta_of(base):  # a base written since by a version that knew no delta
                    db.close()
                    db = sqlite3.connect(_read_only(base), uri=True, check_same_thread=False)
                    store = cls(db)
            else:
                db = sqlite3.connect(_read_only(base), uri=True, check_same_thread=False)
                store = cls(db)
            db.execute("SELECT 1 FROM meta LIMIT 1")
        except sqlite3.Error:
            return None
        return store

    def close(self) -> None:
        self.db.close()

    def _delta_of(self, base: Path) -> bool:
        """Whether the delta was written over this base file (`_BASE_KEY`), not over one made since."""
        found = self._all(f"SELECT value FROM {self.delta}.meta WHERE key = ?", (_BASE_KEY,))
        return bool(found) and found[0][0] == _file_key(base)

    # ------------------------------------------------------------ the two parts as one

    def _union(self, columns: str, table: str, where: str = "1") -> str:
        """SQL of `columns` of the rows of `table` matching `where` (with its `?` once per part), from both parts."""
        parts = []
        if self.base is not None:
            hidden = (f" AND id NOT IN (SELECT id FROM {self.delta}.shadow WHERE tbl = '{table}')"
                      if self.delta is not None else "")
            parts.append(f"SELECT {columns} FROM {self.base}.{table} WHERE ({where}){hidden}")
        if self.delta is not None:
            parts.append(f"SELECT {columns} FROM {self.delta}.{table} WHERE ({where})")
        return " UNION ALL ".join(parts)

    def _select(self, columns: str, table: str, where: str = "1", args: tuple = (), order: str = "") -> list[tuple]:
        parts = (self.base is not None) + (self.delta is not None)
        sql = f"SELECT * FROM ({self._union(columns, table, where)})" + (f" ORDER BY {order}" if order else "")
        return self._all(sql, args * parts)

    def _in_order(self, columns: str, table: str, where: str, args: tuple) -> list[tuple]:
        """The rows in the order one store would give them: the base's (not shadowed), then the delta's."""
        rows = []
        if self.base is not None:
            hidden = (f" AND id NOT IN (SELECT id FROM {self.delta}.shadow WHERE tbl = '{table}')"
                      if self.delta is not None else "")
            rows += self._all(f"SELECT {columns} FROM {self.base}.{table} WHERE ({where}){hidden} ORDER BY rowid", args)
        if self.delta is not None:
            rows += self._all(f"SELECT {columns} FROM {self.delta}.{table} WHERE ({where}) ORDER BY rowid", args)
        return rows

    def _one(self, column: str, table: str, report_id: str) -> tuple | None:
        """A report's row of `table`: the delta's, else the base's unless the delta shadows it."""
        if self.delta is not None:
            rows = self._all(f"SELECT {column} FROM {self.delta}.{table} WHERE id = ?", (report_id,))
            if rows:
                return rows[0]
            if self.base is None or self._all(f"SELECT 1 FROM {self.delta}.shadow WHERE tbl = ? AND id = ?",
                                              (table, report_id)):
                return None
        rows = self._all(f"SELECT {column} FROM {self.base}.{table} WHERE id = ?", (report_id,))
        return rows[0] if rows else None

    # ------------------------------------------------------------ reading

    def meta(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in (self.base, self.delta):
            if part is not None:
                out.update(self._all(f"SELECT key, value FROM {part}.meta"))
        return out

    def checks(self, report_id: str) -> list[dict] | None:
        row = self._one("checks", "checks", report_id)
        return json.loads(zlib.decompress(row[0])) if row else None

    def failing(self) -> Iterator[tuple[str, list[str]]]:
        """(report id, failing check ids) of every report failing a cross-report check."""
        for rid, failing in self._select("id, failing", "checks", "failing != ''"):
            yield rid, failing.split()

    def reports(self) -> dict[str, tuple[str | None, str | None, int | None]]:
        """Report id -> (sha256, agency_id, year) of every report the store knows."""
        return {rid: (sha, agency, year) for rid, sha, agency, year in
                self._select("id, sha256, agency_id, year", "reports")}

    def agency_reports(self, agency_id: str) -> list[tuple[str, int | None, str]]:
        """(report id, year, title) of an agency's reports, by year."""
        return self._select("id, year, title", "reports", "agency_id = ?", (agency_id,), order="year, id")

    def year_reports(self, year: int) -> list[tuple[str, str | None, bytes]]:
        """(report id, agency_id, signature) of the reports of a year, in the order they were stored."""
        return self._in_order("id, agency_id, sig", "reports", "year = ?", (year,))

    def signature(self, report_id: str) -> bytes | None:
        row = self._one("sig", "reports", report_id)
        return row[0] if row else None

    def dependents(self, report_ids: Iterable[str]) -> set[str]:
        """Reports whose checks were measured against one of `report_ids`."""
        out: set[str] = set()
        for rid in report_ids:
            out.update(r for (r,) in self._select("id", "checks", "previous = ? OR peer = ?", (rid, rid)))
        return out

    def peer_estimate(self, report_id: str) -> float | None:
        row = self._one("peer_estimate", "checks", report_id)
        return row[0] if row else None

    def rows(self) -> tuple[list[tuple], list[tuple]]:
        """Every row of reports and of checks, by id, as one store holds them (to compare two stores)."""
        return self._select(_REPORTS, "reports", order="id"), self._select(_CHECKS, "checks", order="id")

    # ------------------------------------------------------------ writing (into the delta)

    def _shadow(self, table: str, report_ids: list[str]) -> None:
        if self.base is not None:
            self.db.executemany("INSERT OR IGNORE INTO shadow VALUES (?, ?)", [(table, rid) for rid in report_ids])

    def clear(self) -> None:
        """Forget every report (the measure changed: everything is measured again)."""
        if self.base is not None:
            self.db.execute(f"DETACH DATABASE {self.base}")
            self.base = None
        for table in ("reports", "checks", "shadow"):
            self.db.execute(f"DELETE FROM {table}")

    def set_meta(self, **values: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(values.items()))

    def remove(self, report_ids: Iterable[str]) -> None:
        ids = list(report_ids)
        self.db.executemany("DELETE FROM reports WHERE id = ?", [(rid,) for rid in ids])
        self.db.executemany("DELETE FROM checks WHERE id = ?", [(rid,) for rid in ids])
        self._shadow("reports", ids)
        self._shadow("checks", ids)

    def put_report(self, report_id: str, sha256: str, agency_id: str | None, year: int | None, title: str,
                   sig: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?, ?)",
                        (report_id, sha256, agency_id, year, title, sig))
        self._shadow("reports", [report_id])

    def put_checks(self, report_id: str, checks: list[dict], previous: str | None, peer: str | None,
                   peer_estimate: float) -> None:
        failing = " ".join(c["id"] for c in checks if c["status"] == "fail")
        self.db.execute("INSERT OR REPLACE INTO checks VALUES (?, ?, ?, ?, ?, ?)",
                        (report_id, failing, zlib.compress(json.dumps(checks, ensure_ascii=False,
                                                                      separators=(",", ":")).encode("utf-8")),
                         previous, peer, peer_estimate))
        self._shadow("checks", [report_id])

    def delta_rows(self) -> int:
        return sum(self._all(f"SELECT count(*) FROM {table}")[0][0] for table in ("reports", "checks", "shadow"))

    def write_base(self, path: Path) -> None:
        """Write every row, in this store's order, into a new store file at `path` (a base with no delta)."""
        path.unlink(missing_ok=True)
        self.db.execute("ATTACH DATABASE ? AS merged", (str(path),))
        try:
            self.db.executescript(_SCHEMA.replace("EXISTS ", "EXISTS merged."))
            with self.db:
                self.db.execute("INSERT INTO merged.meta SELECT key, value FROM base.meta")
                self.db.execute("INSERT OR REPLACE INTO merged.meta SELECT key, value FROM main.meta WHERE key != ?",
                                (_BASE_KEY,))
                for table, columns in (("reports", _REPORTS), ("checks", _CHECKS)):
                    self.db.execute(f"INSERT INTO merged.{table} SELECT {columns} FROM base.{table} WHERE id NOT IN "
                                    f"(SELECT id FROM main.shadow WHERE tbl = '{table}') ORDER BY rowid")
                    self.db.execute(f"INSERT INTO merged.{table} SELECT {columns} FROM main.{table} ORDER BY rowid")
        finally:
            self.db.execute("DETACH DATABASE merged")


@contextmanager
def next_generation(index_dir: Path, live: Path, meta: dict) -> Iterator[tuple[CrossStore, str]]:
    """A new generation that is `live` plus its store updated; published when the block ends.

    Yields the writable store and the new generation's name (which the store
    records, so that the next run knows whether the index changed since).
    Rows are written into a copy of the delta, or a new one; the shared base
    is only read. An exception cancels the generation; `live` stays as it was.
    """
    tmp = generations.start(index_dir, live)
    try:
        base, delta = tmp / STORE_FILE, tmp / DELTA_FILE
        if delta.exists():  # a hard link to the live generation's delta: copy it, never write through the link
            part = tmp / (DELTA_FILE + ".part")
            shutil.copyfile(delta, part)
            part.replace(delta)
        db = sqlite3.connect(delta.resolve().as_uri(), uri=True)
        db.executescript(_DELTA_SCHEMA)
        store = CrossStore(db, base=None, delta="main")
        if base.exists():
            db.execute("ATTACH DATABASE ? AS base", (_read_only(base),))
            store.base = "base"
            if not store._delta_of(base):  # a new delta, or one a version that knew no delta left behind
                for table in ("reports", "checks", "shadow", "meta"):
                    db.execute(f"DELETE FROM main.{table}")
                db.execute("INSERT INTO main.meta VALUES (?, ?)", (_BASE_KEY, _file_key(base)))
                db.commit()
        try:
            with db:
                yield store, tmp.name[: -len(".tmp")]
            _settle(store, base, delta)
        finally:
            db.close()
        generations.publish(index_dir, tmp, meta)
        # Three: the run's own generation stays beside this one, and so does the one live before the run,
        # which a reader may still hold.
        generations.cleanup(index_dir, keep=3)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _settle(store: CrossStore, base: Path, delta: Path) -> None:
    """Leave the new generation's store as a base and a small delta, or as a base alone.

    Without a base (a first pass, or one that measured everything again) the
    delta becomes the base. A delta of `COMPACT_ROWS` rows or more is folded
    into a new base, written beside the shared one's link and renamed over it.
    """
    if store.base is None:
        with store.db:
            store.db.execute("DELETE FROM meta WHERE key = ?", (_BASE_KEY,))
            store.db.execute("DROP TABLE shadow")
        store.db.close()
        base.unlink(missing_ok=True)  # the link to the old base, which no row of this store needs
        os.replace(delta, base)
        return
    if store.delta_rows() < COMPACT_ROWS:
        return
    part = base.with_name(STORE_FILE + ".part")
    store.write_base(part)
    store.db.close()
    os.replace(part, base)
    delta.unlink()
