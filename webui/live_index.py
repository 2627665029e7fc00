"""The index generation the app reads, replaced when `nianbao index` publishes a new one.

Every request asks `LiveIndex.use()` for the index. It checks the folder's
``CURRENT`` file (one small read) and, when a newer generation has gone live,
opens and warms it in the requesting thread while other requests keep using
the old one; the old `Index` is closed once the last request (or streamed
download) that holds it has finished. No restart is needed after re-indexing.
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from indexer.engine import Index, IndexMissing

log = logging.getLogger(__name__)


class IndexUnavailable(Exception):
    """There is no index to read: none built yet (`missing`), or the live one cannot be opened."""

    def __init__(self, index_dir: Path, missing: bool = True):
        super().__init__(str(index_dir))
        self.missing = missing


class LiveIndex:
    def __init__(self, index_dir: Path):
        self.index_dir = Path(index_dir)
        self._index: Index | None = None
        self._lock = threading.Lock()  # guards _index, _users and _retired
        self._opening = threading.Lock()  # one thread opens a new generation at a time
        self._users: dict[int, int] = {}  # id(Index) -> requests using it
        self._retired: list[Index] = []

    @property
    def generation(self) -> str | None:
        """Name of the generation being served, if any."""
        index = self._index
        return index.name if index else None

    def open_now(self) -> bool:
        """Open the live generation at start-up, so that the first request does not wait; False without one."""
        try:
            self._current()
        except IndexUnavailable:
            return False
        return True

    def _current(self) -> Index:
        index = self._index
        if index is not None and index.is_current(self.index_dir):
            return index
        # Without an index everyone waits for the opening; with one, only the thread that opens does.
        if not self._opening.acquire(blocking=index is None):
            return index  # type: ignore[return-value]
        try:
            index = self._index
            if index is not None and index.is_current(self.index_dir):
                return index
            try:
                fresh = Index.open(self.index_dir)
                fresh.warm()
            except Exception as exc:  # missing, or damaged on disk
                if not isinstance(exc, IndexMissing):
                    log.exception("cannot open the index in %s", self.index_dir)
                if index is not None:
                    return index  # keep serving the generation we have
                raise IndexUnavailable(self.index_dir, missing=isinstance(exc, IndexMissing)) from None
            with self._lock:
                old, self._index = self._index, fresh
                if old is not None:
                    self._retired.append(old)
                self._close_idle()
            log.info("serving index generation %s", fresh.name)
            if fresh.outdated:
                log.warning("the index in %s was built by an earlier version of nianbao, which makes searches "
                            "slower; 'nianbao index' rebuilds it", self.index_dir)
            return fresh
        finally:
            self._opening.release()

    @contextmanager
    def use(self) -> Iterator[Index]:
        """The current index, kept open until the block ends. Raises IndexUnavailable without one."""
        while True:
            index = self._current()
            with self._lock:
                if index is self._index or any(index is r for r in self._retired):  # not closed yet
                    self._users[id(index)] = self._users.get(id(index), 0) + 1
                    break
            # replaced and closed between the two steps: take the new one
        try:
            yield index
        finally:
            with self._lock:
                self._users[id(index)] -= 1
                if not self._users[id(index)]:
                    del self._users[id(index)]
                self._close_idle()

    def _close_idle(self) -> None:
        for old in list(self._retired):
            if not self._users.get(id(old)):
                self._retired.remove(old)
                old.close()

    def close(self) -> None:
        with self._lock:
            for index in (*self._retired, *([self._index] if self._index else [])):
                index.close()
            self._retired.clear()
            self._index = None
