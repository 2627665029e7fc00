"""Two runs on one index: the second is refused with the first's pid; a killed run's lock and leftovers are taken over."""

from __future__ import annotations

import os
import time

import pytest

from indexer.engine import IndexBusy, WriterLock, generations
from indexer.indexing import index_corpus

from test_indexing import write_report


def test_a_second_run_says_which_process_is_writing(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_report(corpus, "教育")
    idx = tmp_path / "idx"
    with WriterLock(idx):
        with pytest.raises(IndexBusy) as busy:
            index_corpus(corpus, idx, workers=1)
    assert f"process {os.getpid()}" in str(busy.value) and "wait for it to finish" in str(busy.value)
    assert index_corpus(corpus, idx, workers=1).added == 1  # released


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_a_forked_child_never_keeps_the_lock(tmp_path):
    lock = WriterLock(tmp_path)
    lock.__enter__()
    ready_r, ready_w = os.pipe()
    child = os.fork()
    if child == 0:  # a worker that outlives the run
        os.write(ready_w, b"1")  # fork's hooks have run
        time.sleep(5)
        os._exit(0)
    os.read(ready_r, 1)
    try:
        lock.__exit__(None, None, None)
        with WriterLock(tmp_path):  # free although the child still runs
            pass
    finally:
        os.kill(child, 9)
        os.waitpid(child, 0)


def test_leftovers_of_a_killed_run_are_removed_by_the_next(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_report(corpus, "教育")
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    (idx / "gen-000009.tmp" / "whoosh").mkdir(parents=True)
    (idx / "failures.json.part").write_text("{", encoding="utf-8")
    assert index_corpus(corpus, idx, workers=1).nothing_to_do
    assert not [p.name for p in idx.iterdir() if p.name.endswith((".tmp", ".part"))]
    assert generations.current(idx) is not None
