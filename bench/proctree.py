"""Memory and processes of a command and its children, read from /proc (Linux), for the reliability benches."""

from __future__ import annotations

import os
import threading
import time

from indexer.limits import pss_mb, rss_mb  # the harnesses read memory as the indexer does


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        out += kids
        todo += kids
    return out


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class TreeWatch:
    """Samples a process tree's memory in a thread: peak PSS summed over the tree, peak RSS of one process."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid = pid
        self.interval = interval
        self.peak_pss = 0.0
        self.peak_rss = 0.0
        self.peak_processes = 0
        self.pids: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = [self.pid, *descendants(self.pid)]
            self.pids.update(tree)
            self.peak_processes = max(self.peak_processes, len(tree))
            self.peak_pss = max(self.peak_pss, sum(pss_mb(p) for p in tree))
            self.peak_rss = max(self.peak_rss, max((rss_mb(p) for p in tree), default=0))
            time.sleep(self.interval)
