"""Supervised workers: a file that hangs, eats memory or crashes its reader costs only itself."""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import indexer.indexing as indexing
import indexer.workers as workers
from indexer.engine import Index
from indexer.indexing import index_corpus
from indexer.limits import Limits, pss_mb

from test_indexing import write_report
from test_web_fuzz import bench_module

proctree = bench_module("proctree")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("教育", "财政", "民政", "卫健", "交通"):
        write_report(folder, name)
    write_report(folder, "bad")
    return folder


def misbehave_on_bad(monkeypatch, action) -> None:
    """Reading bad.txt runs `action` in the worker; other files are read normally."""
    real = indexing.extract

    def extract(path, *args, **kwargs):
        if path.name == "bad.txt":
            action()
        return real(path, *args, **kwargs)

    monkeypatch.setattr(indexing, "extract", extract)


def outcome(summary) -> tuple[int, dict[str, str]]:
    return summary.added, {f.source: f.reason for f in summary.failed}


def test_a_file_over_its_time_is_refused_and_the_run_goes_on(corpus, tmp_path, monkeypatch):
    misbehave_on_bad(monkeypatch, lambda: time.sleep(3600))
    added, failed = outcome(index_corpus(corpus, tmp_path / "idx", workers=2, limits=Limits(seconds=4)))
    assert added == 5 and list(failed) == ["bad.txt"]
    assert "longer than 4 seconds" in failed["bad.txt"] and "[limits] seconds" in failed["bad.txt"]


def test_a_worker_deaf_to_its_alarm_is_killed_and_replaced(corpus, tmp_path, monkeypatch):
    def stuck():  # as if inside a C library: the alarm cannot interrupt
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)

    misbehave_on_bad(monkeypatch, stuck)
    monkeypatch.setattr(workers, "KILL_GRACE", 0.5)
    added, failed = outcome(index_corpus(corpus, tmp_path / "idx", workers=1, limits=Limits(seconds=4)))
    assert added == 5 and "longer than 4 seconds" in failed["bad.txt"]


def test_a_file_that_needs_too_much_memory_is_refused_with_the_memory_limit(corpus, tmp_path, monkeypatch):
    misbehave_on_bad(monkeypatch, lambda: bytearray(3 * 2**30))
    added, failed = outcome(index_corpus(corpus, tmp_path / "idx", workers=2, limits=Limits(memory_mb=700)))
    assert added == 5 and list(failed) == ["bad.txt"]
    assert "memory" in failed["bad.txt"] and "[limits] memory_mb" in failed["bad.txt"]


def test_a_file_taking_the_run_over_its_memory_is_refused_and_the_run_goes_on(corpus, tmp_path, monkeypatch):
    """The address-space cap is per worker (and OCR raises it): the run's total is watched from outside."""
    def hog():
        held = b"x" * (700 * 2**20)  # resident, not just reserved
        time.sleep(60)
        return held

    misbehave_on_bad(monkeypatch, hog)
    monkeypatch.setattr(workers, "MEMORY_EVERY", 0.1)
    budget = int(pss_mb(os.getpid())) + 450  # this process and two fresh workers fit, the hog does not
    tight = Limits(memory_mb=4000, run_memory_mb=budget)
    added, failed = outcome(index_corpus(corpus, tmp_path / "idx", workers=2, limits=tight))
    assert added == 5 and list(failed) == ["bad.txt"]
    assert "[limits] run_memory_mb" in failed["bad.txt"]
    added, failed = outcome(index_corpus(corpus, tmp_path / "idx", workers=2, limits=tight))
    assert "unchanged since the last run" not in failed["bad.txt"]  # its neighbours counted too: tried again


def segfault() -> None:
    faulthandler.disable()  # pytest's, inherited by the worker: no stack dump in the test output
    os.kill(os.getpid(), signal.SIGSEGV)


def test_a_crashing_reader_costs_only_its_file(corpus, tmp_path, monkeypatch):
    misbehave_on_bad(monkeypatch, segfault)
    added, failed = outcome(index_corpus(corpus, tmp_path / "idx", workers=2))
    assert added == 5 and list(failed) == ["bad.txt"]
    assert "died" in failed["bad.txt"] and "signal 11" in failed["bad.txt"]
    with Index.open(tmp_path / "idx") as index:
        assert index.doc_count == 5


def test_files_of_a_lost_segment_are_read_again(corpus, tmp_path, monkeypatch):
    """One worker reads everything: the crash on the last file loses its segment, whose files must be redone."""
    for i in range(6):
        write_report(corpus, f"more{i}")
    (corpus / "bad.txt").write_text("某某", encoding="utf-8")  # the smallest: read last
    misbehave_on_bad(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGKILL))
    added, failed = outcome(index_corpus(corpus, tmp_path / "idx", workers=1))
    assert added == 11 and list(failed) == ["bad.txt"]


def test_a_file_refused_on_a_limit_is_read_again_once_that_limit_is_raised(corpus, tmp_path, monkeypatch):
    misbehave_on_bad(monkeypatch, lambda: time.sleep(8))
    idx = tmp_path / "idx"
    added, failed = outcome(index_corpus(corpus, idx, workers=2, limits=Limits(seconds=3)))
    assert added == 5 and "longer than 3 seconds" in failed["bad.txt"]
    added, failed = outcome(index_corpus(corpus, idx, workers=2, limits=Limits(seconds=3, cells=40_000)))
    assert added == 0 and "unchanged since the last run" in failed["bad.txt"]  # another limit changed: not retried
    added, failed = outcome(index_corpus(corpus, idx, workers=2, limits=Limits(seconds=30)))
    assert added == 1 and failed == {}
    with Index.open(idx) as index:
        assert "bad.txt" in index.manifest()


def test_a_file_refused_by_a_reader_limit_is_read_again_once_that_limit_is_raised(corpus, tmp_path):
    idx = tmp_path / "idx"
    small = Limits(chars=50)  # every report holds more text
    added, failed = outcome(index_corpus(corpus, idx, workers=1, limits=small))
    assert added == 0 and len(failed) == 6 and all("[limits] chars" in r for r in failed.values())
    added, failed = outcome(index_corpus(corpus, idx, workers=1, limits=small))
    assert added == 0 and all("unchanged since the last run" in r for r in failed.values())
    added, failed = outcome(index_corpus(corpus, idx, workers=1, limits=Limits()))
    assert added == 6 and failed == {}


def test_only_one_worker_runs_ocr_at_a_time_and_waiting_does_not_spend_a_files_time(corpus, tmp_path, monkeypatch):
    """Two workers at about 1 GB each took runs over their memory budget: scans take turns on the engine.

    Three "scans" each hold the engine 1.5 s under a 3 s time limit: read one
    after another they need 4.5 s, so a file waiting for its turn must not be
    on the clock.
    """
    from indexer import ocr

    monkeypatch.setattr(ocr.SETTINGS, "engine_lock", tmp_path / "engine.lock")
    monkeypatch.setattr(ocr, "_engine_taken", {"fd": -1, "pid": os.getpid()})  # as if this process held it: not inherited
    log = tmp_path / "engine.log"
    real = indexing.extract

    def extract(path, *args, **kwargs):
        if path.stem.startswith("scan"):
            ocr.take_engine()
            with open(log, "a") as f:
                f.write(f"{time.monotonic()} start {os.getpid()}\n")
            time.sleep(1.5)
            with open(log, "a") as f:
                f.write(f"{time.monotonic()} end {os.getpid()}\n")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(indexing, "extract", extract)
    for i in range(3):
        write_report(corpus, f"scan{i}")
    added, failed = outcome(index_corpus(corpus, tmp_path / "idx", workers=2, limits=Limits(seconds=3)))
    assert (added, failed) == (9, {})
    events = sorted((float(t), what, pid) for t, what, pid in (line.split() for line in log.read_text().splitlines()))
    assert [what for _, what, _ in events] == ["start", "end"] * 3  # never two holders at once
    assert len({pid for _, _, pid in events}) == 3  # the worker that ran the engine retired, freeing it


def test_a_worker_finding_the_ocr_engine_taken_gives_its_file_back_and_others_never_wait(tmp_path, monkeypatch):
    """The engine is taken by another process (a killed worker's lock would be gone with it)."""
    from indexer import ocr

    lock = tmp_path / "engine.lock"
    monkeypatch.setattr(ocr.SETTINGS, "engine_lock", lock)
    monkeypatch.setattr(ocr, "_engine_taken", {"fd": None, "pid": None})
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, os, sys, time
        fd = os.open({str(lock)!r}, os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        print("held", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(ocr.SETTINGS, "take_turns", False)
        ocr.take_engine()  # `nianbao extract` on a scan during a run: goes ahead
        assert not ocr.holds_engine()
        monkeypatch.setattr(ocr.SETTINGS, "take_turns", True)
        with pytest.raises(ocr.EngineBusy):
            ocr.take_engine()
        holder.stdin.close()
        assert holder.wait(timeout=10) == 0
        ocr.take_engine()  # its holder is gone: free
        assert ocr.holds_engine()
    finally:
        holder.kill()
        holder.wait()
        if ocr._engine_taken["fd"] is not None:
            os.close(ocr._engine_taken["fd"])


def test_a_refusal_that_kept_its_progress_is_tried_again_by_the_next_run(corpus, tmp_path, monkeypatch):
    """OCR stopped by the time limit keeps the pages it recognised: the next run goes on, the same limit or not."""
    from indexer.limits import LimitExceeded

    def resumable():
        raise LimitExceeded("seconds", "OCR of bad.txt (30 pages) needs more time", resumable=True)

    misbehave_on_bad(monkeypatch, resumable)
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    added, failed = outcome(index_corpus(corpus, idx, workers=1))
    assert added == 0 and failed["bad.txt"] == "OCR of bad.txt (30 pages) needs more time"  # read again


def test_a_file_stopped_by_the_alarm_after_keeping_progress_is_tried_again_by_the_next_run(corpus, tmp_path,
                                                                                           monkeypatch):
    """OCR caches each page it recognises: a scan stopped mid-page by the alarm goes on next run, not refused for good."""
    from indexer import limits

    def page_then_hang():
        limits.keep_progress()
        time.sleep(3600)

    misbehave_on_bad(monkeypatch, page_then_hang)
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=2, limits=Limits(seconds=3))
    added, failed = outcome(index_corpus(corpus, idx, workers=2, limits=Limits(seconds=3)))
    assert added == 0 and "longer than 3 seconds" in failed["bad.txt"]
    assert "unchanged since the last run" not in failed["bad.txt"]  # read again


ORPHAN_SCRIPT = textwrap.dedent("""
    import sys, time
    import indexer.indexing as indexing
    real = indexing.extract
    def slow(path, *a, **k):
        time.sleep(3600)
    indexing.extract = slow
    from indexer.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
def test_workers_die_with_a_killed_run_and_the_next_run_takes_over(corpus, tmp_path):
    idx = tmp_path / "idx"
    proc = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT, "index", "--corpus", str(corpus), "--index", str(idx),
                             "--workers", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    kids: list[int] = []
    while time.monotonic() < deadline and len(kids) < 2:
        time.sleep(0.1)
        kids = proctree.children(proc.pid)
    assert len(kids) >= 2, "the run should have started its workers"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(proctree.alive(k) for k in kids):
        time.sleep(0.05)
    assert not any(proctree.alive(k) for k in kids), "workers outlived their run"
    assert any(p.name.endswith(".tmp") for p in idx.iterdir())  # what the killed run left
    summary = index_corpus(corpus, idx, workers=2)
    assert summary.added == 6 and not summary.failed
    assert not [p.name for p in idx.iterdir() if p.name.endswith((".tmp", ".part"))]


def test_a_run_well_under_its_memory_never_reads_the_costly_proportional_sizes(corpus, tmp_path, monkeypatch):
    """smaps_rollup walks a process's page tables: the resident sizes, which bound it, are read first."""
    looked: list[int] = []
    monkeypatch.setattr(workers, "pss_mb", lambda pid: looked.append(pid) or 0.0)
    monkeypatch.setattr(workers, "MEMORY_EVERY", 0.01)
    added, failed = outcome(index_corpus(corpus, tmp_path / "idx", workers=2, limits=Limits(run_memory_mb=100_000)))
    assert added == 6 and not failed
    assert looked == []


def test_a_worker_freezes_what_it_inherits_so_full_collections_skip_it(corpus, tmp_path, monkeypatch):
    import gc

    seen = tmp_path / "frozen"
    misbehave_on_bad(monkeypatch, lambda: seen.write_text(str(gc.get_freeze_count())))
    added, failed = outcome(index_corpus(corpus, tmp_path / "idx", workers=2))
    assert added == 6 and not failed
    assert int(seen.read_text()) > 1000  # the modules, segmenter and gazetteer loaded before the fork
