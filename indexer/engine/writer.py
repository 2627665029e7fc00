"""Writing the index: one batch of changes becomes one new generation."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from whoosh import index as whoosh_index

from . import generations
from .schema import SCHEMA_VERSION, build_schema

WHOOSH_DIR = "whoosh"


class IndexBusy(Exception):
    """Another process is writing this index."""


class WriterLock:
    """One writer per index folder at a time (an advisory lock, released when the process dies)."""

    def __init__(self, index_dir: Path):
        self.path = index_dir / "WRITER.lock"
        self._fd: int | None = None

    def __enter__(self) -> "WriterLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl

            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # no fcntl (Windows): one writer is the user's responsibility
            pass
        except OSError as exc:
            os.close(self._fd)
            self._fd = None
            raise IndexBusy(f"another 'nianbao index' is writing {self.path.parent}; wait for it to finish") from exc
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class GenerationWriter:
    """Deletes and adds documents in a new generation; `commit` makes it live.

    Until `commit` returns, the live generation is untouched; `cancel` (or a
    crash) leaves only a temporary folder that the next run removes.
    """

    def __init__(self, index_dir: Path, *, rebuild: bool, procs: int = 1, dictionaries: tuple[str, ...] = (),
                 limitmb: int = 256):
        self.index_dir = index_dir
        generations.cleanup(index_dir)
        base = None if rebuild else generations.current(index_dir)
        self.tmp = generations.start(index_dir, base)
        whoosh_dir = self.tmp / WHOOSH_DIR
        if any(whoosh_dir.glob("*.toc")):
            ix = whoosh_index.open_dir(str(whoosh_dir))
        else:
            whoosh_dir.mkdir(parents=True, exist_ok=True)
            ix = whoosh_index.create_in(str(whoosh_dir), build_schema(dictionaries))
        if procs > 1:
            # whoosh's own writer processes segment and write postings in parallel, each into
            # its own segment (multisegment: no merging of their work at commit).
            self._writer = ix.writer(procs=procs, multisegment=True, batchsize=64, limitmb=limitmb)
        else:
            self._writer = ix.writer(limitmb=limitmb)
        self.added = 0
        self.deleted = 0

    def delete(self, report_id: str) -> None:
        self.deleted += self._writer.delete_by_term("id", report_id)

    def add(self, document: dict) -> None:
        self._writer.add_document(**document)
        self.added += 1

    def commit(self, meta: dict, merge: bool = True) -> Path:
        """Write the segments and make this generation live. `merge=False` leaves small segments for later."""
        self._writer.commit(merge=merge)
        meta = dict(meta, schema=SCHEMA_VERSION)
        live = generations.publish(self.index_dir, self.tmp, meta)
        generations.cleanup(self.index_dir)
        return live

    def cancel(self) -> None:
        try:
            self._writer.cancel()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)
