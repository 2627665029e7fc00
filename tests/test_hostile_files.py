"""The quick version of bench/badfiles_bench.py: hostile files beside good reports, every one accounted for.

The same generator, with the big files and the limits scaled down together
(bench/hostile.py QUICK and quick_limits), so each limit is still hit.
"""

from __future__ import annotations

import json

import pytest

from indexer.engine import Index
from indexer.indexing import index_corpus
from indexer.search import SearchRequest, search

from test_web_fuzz import bench_module

hostile = bench_module("hostile")


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    h = hostile.generate(base / "corpus", count=200, good=20, sizes=hostile.QUICK)
    summary = index_corpus(base / "corpus", base / "index", workers=2, limits=hostile.quick_limits())
    return h, summary, base / "index"


def test_every_hostile_file_is_indexed_or_listed_with_its_reason(hostile_run):
    h, summary, index_dir = hostile_run
    assert len(h.bad) >= 200 and not summary.interrupted
    with Index.open(index_dir) as index:
        indexed = set(index.manifest())
    listed = {f.source: f.reason for f in summary.failed} | dict(summary.skipped)
    duplicates = {source for source, _ in summary.duplicates}
    missing = [s for s in h.bad if s not in indexed and s not in listed and s not in duplicates]
    assert not missing
    assert all(reason.strip() for reason in listed.values())
    assert not [r for r in listed.values() if "unexpected error" in r]  # each refusal is one a reader meant


def test_each_limit_is_named_by_the_files_that_hit_it(hostile_run):
    _, summary, _ = hostile_run
    reasons = " ".join(f.reason for f in summary.failed)
    for name in ("chars", "cells", "pages", "expanded_mb"):
        assert f"[limits] {name}" in reasons


def test_every_good_report_beside_them_is_found(hostile_run):
    h, _, index_dir = hostile_run
    with Index.open(index_dir) as index:
        for source, marker in h.good.items():
            answer = search(index, SearchRequest(query=marker, page_size=5))
            assert [r["source"] for r in answer["results"]] == [source]


def test_the_summary_file_lists_them_too(hostile_run):
    _, summary, index_dir = hostile_run
    written = json.loads((index_dir / "summary.json").read_text(encoding="utf-8"))
    assert len(written["failed"]) == len(summary.failed) and len(written["skipped"]) == len(summary.skipped)
