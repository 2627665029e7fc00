"""Worker processes that read files under limits, supervised by the indexing run.

One bad file must not stall a run, exhaust memory or outlive the run. Each
file is handed to a worker process on its own, and the parent watches:

* **time**: an alarm in the worker stops a file after ``[limits] seconds``
  and the worker is replaced (the file was stopped wherever it was); a
  worker stuck where the alarm cannot reach (inside a C library) is killed a
  few seconds later;
* **memory**: a worker's address space is capped (``[limits] memory_mb``),
  so a file that needs more gets a MemoryError instead of taking the
  machine down; the worker then retires and the file gets a second chance
  in a fresh worker before it is refused;
* **the run's memory**: the memory of the run and its workers together
  (PSS: pages shared by forked workers counted once) is kept under
  ``[limits] run_memory_mb``: when over, the worker using most is stopped
  and its file refused;
* **OCR, one at a time**: the engine makes a worker about 1 GB resident, so
  only one worker runs it (`ocr.take_engine`); a file that needs it while
  another worker has it is given back and handed out again a little later
  (its time limit does not run while it waits), and the worker that ran the
  engine retires after its file, which frees it;
* **death**: a worker that crashes is replaced and the file it was reading is
  refused with the reason; workers die with the parent (``PR_SET_PDEATHSIG``,
  and end when their pipe to the parent closes), so a killed run leaves no
  process behind holding the index.

Each worker writes the documents it indexed into one segment of the
generation being built (`engine.build_segment`). Results are only final
when that segment arrives: when a worker is lost, the files of its unfinished
segment are read again by another worker.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterator

from . import limits as file_limits
from .engine import build_segment
from .limits import FileTimeout, Limits, address_space, pss_mb, rss_mb
from .ocr import EngineBusy, holds_engine, take_turns

MEMORY_EVERY = 0.25  # seconds between two looks at the run's memory
KILL_GRACE = 5.0  # seconds after the alarm before a worker is killed from outside
DEFER_WAIT = 1.0  # seconds before a file given back (the OCR engine was busy) is handed out again
RETIRE_AT = 0.75  # a worker that used this share of its room (cap - start-up size) retires after its file
_MIN_HEADROOM = 256 * 2**20  # a cap below the worker's start-up size + this would refuse everything

Work = Callable[[object], tuple[str, str, object]]  # job -> ("ok", source, document) | ("fail", source, reason | Failed)


@dataclass
class Failed:
    """A file that could not be indexed.

    `limit` names the ``[limits]`` setting it hit, if any (raising that
    setting retries it); `remember` is False when the next run should try it
    again anyway (it made progress that is kept, such as OCR pages cached).
    """

    source: str
    reason: str
    remember: bool = True
    limit: str | None = None


@dataclass
class SegmentDone:
    """A worker's finished segment and the files in it: (source, report id)."""

    results: list[tuple[str, str]]
    segment: object | None


Outcome = Failed | SegmentDone


# ------------------------------------------------------------------ in the worker process


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (a no-op elsewhere)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _cap_memory(megabytes: int) -> int:
    """Cap this process's address space; returns the cap in bytes (0 when it cannot be set)."""
    try:
        import resource
    except ImportError:
        return 0
    cap = max(megabytes * 2**20, address_space() + _MIN_HEADROOM)
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        return 0
    return cap


def _on_alarm(signum, frame):
    raise FileTimeout()


def _arm(seconds: float) -> None:
    file_limits.start_file()
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _disarm() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)
    file_limits.end_file()


def _time_reason(limits: Limits) -> str:
    return file_limits.exceeded("seconds", f"reading and indexing the file took longer than "
                                           f"{limits.seconds:g} seconds").args[0]


def _memory_reason(limits: Limits) -> str:
    return file_limits.exceeded("memory_mb", "reading the file needed more memory than a worker may use").args[0]


def _run_memory_reason(limits: Limits) -> str:
    return file_limits.exceeded("run_memory_mb", "reading the file took the run over its memory").args[0]


def _worker_main(conn: Connection, limits: Limits, work: Work, parent: int) -> None:
    """A worker's life: segments of documents, one file at a time, until told to stop or orphaned."""
    _die_with_parent(parent)
    # What the parent loaded before the fork (segmenter, gazetteer, readers) lives as long as the worker: frozen, the
    # full collections no longer walk it (they took 7 % of the CPU of a 300-report segment, half of that after), and do not
    # write to its pages, which stay shared with the parent.
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGALRM, _on_alarm)
    file_limits.use(limits)
    take_turns()  # a file waiting for the OCR engine is given back, not left to spend its time
    start = address_space()
    cap = _cap_memory(limits.memory_mb)
    retire_at = start + RETIRE_AT * (cap - start) if cap and start else 0
    try:
        while True:
            message = conn.recv()
            if message[0] != "open":
                return
            state = {"retire": False, "source": None}
            try:
                segment = build_segment(Path(message[1]), _documents(conn, limits, work, retire_at, state))
            except (FileTimeout, MemoryError) as exc:
                _disarm()
                timeout = isinstance(exc, FileTimeout)
                reason = _time_reason(limits) if timeout else _memory_reason(limits)
                conn.send(("lost", state["source"], Failed(state["source"] or "", reason,
                                                           limit="seconds" if timeout else "memory_mb")))
                return
            conn.send(("segment", segment))
            if state["retire"]:
                return
    except (EOFError, OSError, KeyboardInterrupt):
        return  # the parent is gone


def _documents(conn: Connection, limits: Limits, work: Work, retire_at: float, state: dict) -> Iterator[dict]:
    """Documents for this worker's segment: each file read under the limits as the parent sends it."""
    while True:
        message = conn.recv()
        if message[0] != "job":
            return
        job = message[1]
        source = job.facts.source
        state["source"] = source
        retry = stopped = False
        payload = None
        kept = file_limits.progress_kept()
        _arm(limits.seconds)
        try:
            status, source, payload = work(job)
        except FileTimeout:  # stopped wherever it was: the worker's own state may be half-updated, so it retires
            resumable = file_limits.progress_kept() > kept  # OCR pages cached: the next run goes on from there
            status, payload, stopped = "fail", Failed(source, _time_reason(limits), remember=not resumable,
                                                      limit="seconds"), True
        except MemoryError:
            status, payload, retry = "fail", Failed(source, _memory_reason(limits), limit="memory_mb"), True
        except EngineBusy:  # another worker runs OCR: the parent hands the file out again later
            status = "defer"
        if status == "ok":
            yield payload  # the segment writer analyses and adds it before asking for the next
        _disarm()
        state["retire"] = retry or stopped or holds_engine() or bool(retire_at and address_space() > retire_at)
        if status == "ok":
            conn.send(("ok", source, payload["id"], state["retire"]))
        elif status == "defer":
            conn.send(("defer", source, None, state["retire"]))
        else:
            conn.send(("retry" if retry else "fail", source, payload, state["retire"]))
        state["source"] = None
        if state["retire"]:
            return


# ------------------------------------------------------------------ in the parent


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: Connection
    job: object | None = None  # the file it is reading
    started: float = 0.0
    in_segment: list = field(default_factory=list)  # (job, report id) read into its open segment
    segment_open: bool = False
    closing: bool = False
    retiring: bool = False

    @property
    def idle(self) -> bool:
        return self.job is None and not self.closing and not self.retiring


class WorkerPool:
    """Up to `size` supervised worker processes; `run` indexes a batch of jobs into one generation."""

    def __init__(self, size: int, limits: Limits, work: Work):
        self.size = max(1, size)
        self.limits = limits
        self.work = work
        self.workers: list[_Worker] = []
        try:
            self._context = multiprocessing.get_context("fork")
        except ValueError:  # no fork (Windows): workers start afresh and load what they need
            self._context = multiprocessing.get_context()

    # -------------------------------------------------------------- processes

    def _start(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child_end, self.limits, self.work, os.getpid()),
                                        daemon=True, name="nianbao-reader")
        process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        self.workers.append(worker)
        return worker

    def _drop(self, worker: _Worker, kill: bool = False) -> None:
        if kill and worker.process.is_alive():
            try:
                os.kill(worker.process.pid, signal.SIGKILL)
            except (ProcessLookupError, TypeError):
                pass
        worker.conn.close()
        worker.process.join(timeout=10 if kill else 2)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        if worker in self.workers:
            self.workers.remove(worker)

    def close(self) -> None:
        """Stop every worker (a finished run asks them politely; an interrupted one kills them)."""
        for worker in list(self.workers):
            polite = worker.job is None and not worker.segment_open
            if polite:
                try:
                    worker.conn.send(("stop",))
                except OSError:
                    polite = False
            self._drop(worker, kill=not polite)

    def _busy(self) -> int:
        return sum(1 for w in self.workers if not w.idle)

    @staticmethod
    def _send(worker: _Worker, message: tuple) -> bool:
        try:
            worker.conn.send(message)
        except (OSError, ValueError):  # a broken pipe: the worker died
            return False
        return True

    def pids(self) -> list[int]:
        return [w.process.pid for w in self.workers if w.process.pid]

    # -------------------------------------------------------------- one batch

    def run(self, jobs: list, whoosh_dir: Path, done: Callable[[], None] | None = None) -> Iterator[Outcome]:
        """Index `jobs` into segments in `whoosh_dir`; yields failures at once and segments as they finish.

        `done` is called once for each file finished (indexed or refused).
        """
        queue = deque(sorted(jobs, key=lambda j: -j.facts.size))  # the largest first: no long tail
        fresh_only: deque = deque()  # files to retry in a worker with an empty segment
        deferred: deque = deque()  # (when, job): files given back because the OCR engine was busy
        retried: set[str] = set()
        whoosh = str(whoosh_dir)
        next_memory_look = 0.0

        def lost(worker: _Worker, reason: str | None, limit: str | None = None,
                 remember: bool = True) -> Iterator[Outcome]:
            """A worker died or was killed: refuse its file, read its unfinished segment's files again."""
            if worker.job is not None and reason is not None:
                yield Failed(worker.job.facts.source, reason, remember=remember, limit=limit)
                if done:
                    done()
            for job, _ in worker.in_segment:
                queue.appendleft(job)
            self._drop(worker, kill=True)

        while queue or fresh_only or deferred or any(w.job is not None or w.segment_open for w in self.workers):
            while deferred and deferred[0][0] <= time.monotonic():
                queue.append(deferred.popleft()[1])
            waiting = len(queue) + len(fresh_only)
            while waiting and len(self.workers) < self.size and len(self.workers) < waiting + self._busy():
                self._start()
            for worker in list(self.workers):
                if not worker.idle:
                    continue
                pool = fresh_only if fresh_only and not worker.in_segment else queue
                if pool:
                    job = pool.popleft()
                    opened = worker.segment_open or self._send(worker, ("open", whoosh))
                    worker.segment_open = True
                    if not (opened and self._send(worker, ("job", job))):
                        pool.appendleft(job)  # the worker is gone; its death is handled below
                        worker.retiring = True
                        continue
                    worker.job, worker.started = job, time.monotonic()
                elif worker.segment_open:
                    worker.closing = True
                    if not self._send(worker, ("close",)):
                        worker.retiring = True

            by_conn = {w.conn: w for w in self.workers}
            by_sentinel = {w.process.sentinel: w for w in self.workers}
            ready = wait([*by_conn, *by_sentinel], timeout=0.25)
            dead: list[_Worker] = []
            for item in ready:
                worker = by_conn.get(item) or by_sentinel.get(item)
                if worker is None or worker not in self.workers or worker in dead:
                    continue
                try:
                    while worker.conn.poll():
                        yield from self._receive(worker, queue, fresh_only, deferred, retried, done)
                except (EOFError, OSError):
                    pass
                if not worker.process.is_alive() or item in by_sentinel:
                    worker.process.join(timeout=1)
                    if not worker.process.is_alive():
                        dead.append(worker)
            for worker in dead:
                if worker not in self.workers:
                    continue
                if worker.job is None and not worker.segment_open:
                    self._drop(worker)  # retired after sending its segment
                    continue
                code = worker.process.exitcode
                how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
                yield from lost(worker, f"the reader process died while reading this file ({how})")

            now = time.monotonic()
            for worker in list(self.workers):
                if worker.job is not None and now - worker.started > self.limits.seconds + KILL_GRACE:
                    yield from lost(worker, _time_reason(self.limits), limit="seconds")
            if now >= next_memory_look:
                next_memory_look = now + MEMORY_EVERY
                largest = self._over_memory()
                if largest is not None:
                    # what the other workers were reading counted too: the next run tries the file again
                    yield from lost(largest, _run_memory_reason(self.limits), limit="run_memory_mb", remember=False)

    def _over_memory(self) -> _Worker | None:
        """The reading worker using most memory, when the run is over ``[limits] run_memory_mb``.

        The resident sizes come first: they bound the proportional ones from
        above, so a run well under its limit never reads smaps_rollup, which
        walks a process's page tables (2-4 ms of kernel time a read for a
        worker of 270 MB, measured; four reads every 0.25 s were some 5 % of a
        core for the whole build).
        """
        limit = self.limits.run_memory_mb
        resident = rss_mb(os.getpid()) + sum(rss_mb(w.process.pid) for w in self.workers if w.process.pid)
        if resident <= limit:
            return None
        sizes = [(pss_mb(w.process.pid), i) for i, w in enumerate(self.workers) if w.process.pid]
        if pss_mb(os.getpid()) + sum(size for size, _ in sizes) <= limit:
            return None
        reading = [(size, i) for size, i in sizes if self.workers[i].job is not None]
        return self.workers[max(reading)[1]] if reading else None

    def _receive(self, worker: _Worker, queue: deque, fresh_only: deque, deferred: deque, retried: set[str],
                 done: Callable[[], None] | None) -> Iterator[Outcome]:
        message = worker.conn.recv()
        kind = message[0]
        if kind == "segment":
            results = [(job.facts.source, rid) for job, rid in worker.in_segment]
            worker.in_segment = []
            worker.segment_open = worker.closing = False
            yield SegmentDone(results, message[1])
            return
        if kind == "lost":
            source, failure = message[1], message[2]
            if worker.job is not None and source == worker.job.facts.source:
                yield failure
                if done:
                    done()
                worker.job = None
            for job, _ in worker.in_segment:
                queue.appendleft(job)
            worker.in_segment = []
            worker.segment_open = False
            worker.retiring = True  # it exits now
            return
        job = worker.job
        worker.job = None
        _, source, info, retiring = message
        if retiring:
            worker.retiring = True
            worker.closing = True  # it ends its segment by itself
        if kind == "defer":
            deferred.append((time.monotonic() + DEFER_WAIT, job))
            return
        if kind == "ok":
            worker.in_segment.append((job, info))
        elif kind == "retry" and source not in retried:
            retried.add(source)
            fresh_only.append(job)
            return
        else:
            yield info if isinstance(info, Failed) else Failed(source, info)
        if done:
            done()
