"""Ranking quality on a relevance set: recall@10 and MRR must not fall as the code changes.

Each query of tests/relevance_queries.json lists the reports a user would
expect among the first three (when it lists more than three, the first
three should all come from the list). The current figures are stored in
tests/relevance_baseline.json; a change that lowers either fails this test.
After a change that raises them, record the new figures with
NIANBAO_UPDATE_RELEVANCE=1 pytest tests/test_relevance.py.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from indexer.engine import Index
from indexer.indexing import index_corpus
from indexer.search import SearchRequest, search
from indexer.synonyms import load_synonyms

from fixtures.figures import report_summary

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "corpus" / "samples"
QUERIES = json.loads((HERE / "relevance_queries.json").read_text(encoding="utf-8"))["queries"]
BASELINE = HERE / "relevance_baseline.json"


@pytest.fixture(scope="module")
def relevance_index(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("relevance")
    shutil.copytree(SAMPLES, base / "corpus" / "samples")
    shutil.copytree(HERE / "fixtures" / "relevance", base / "corpus" / "relevance")
    index_corpus(base / "corpus", base / "index", workers=1)
    return base / "index"


def ranking(index: Index, query: str) -> list[str]:
    answer = search(index, SearchRequest(query=query, page_size=10), load_synonyms())
    return [Path(r["source"]).name.split("_")[0] for r in answer["results"]]


def test_relevance_set_is_big_enough():
    assert len(QUERIES) >= 40


def test_recall_at_10_and_mrr_do_not_fall(relevance_index):
    recall_sum = mrr_sum = 0.0
    misses = []
    with Index.open(relevance_index) as index:
        for query, expected in QUERIES:
            ranked = ranking(index, query)
            found = [r for r in expected if r in ranked]
            recall_sum += len(found) / min(len(expected), 10)
            first = min((ranked.index(r) + 1 for r in found), default=None)
            mrr_sum += 1 / first if first else 0.0
            top_ok = (all(r in expected for r in ranked[:3]) if len(expected) > 3
                      else all(r in ranked[:3] for r in expected))
            if not top_ok:
                misses.append(f"{query}: expected {expected} in the top 3, got {ranked[:3]}")
    figures = {"queries": len(QUERIES), "recall_at_10": round(recall_sum / len(QUERIES), 4),
               "mrr": round(mrr_sum / len(QUERIES), 4),
               "top3": round(1 - len(misses) / len(QUERIES), 4)}
    report_summary(f"relevance: {figures['queries']} queries, recall@10 {figures['recall_at_10']}, "
                   f"MRR {figures['mrr']}, all expected in top 3 for {figures['top3']:.0%}")
    for miss in misses:
        report_summary(f"  not in top 3: {miss}")
    if os.environ.get("NIANBAO_UPDATE_RELEVANCE"):
        BASELINE.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert figures["recall_at_10"] >= baseline["recall_at_10"], figures
    assert figures["mrr"] >= baseline["mrr"], figures
    assert figures["top3"] >= baseline["top3"], figures
