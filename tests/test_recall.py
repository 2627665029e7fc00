"""Recall property: any string a report contains finds that report (Ctrl-F semantics).

500 random substrings (1-6 characters) of indexed passages and of the labels
their table rows show (`passage_labels.label_words`); for each, the search must
return exactly the reports whose text contains it. The corpus is
the bundled samples plus the relevance fixtures, so strings cross Han text,
digits, Latin and punctuation.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from indexer import docset
from indexer.engine import Index
from indexer.indexing import index_corpus
from indexer.search import SearchRequest, search

from fixtures.figures import report_summary
from fixtures.truth import reports_containing, searchable_lines

HERE = Path(__file__).resolve().parent
SYNTAX = set('"()') | {" "}


@pytest.fixture(scope="module")
def recall_index(tmp_path_factory):
    base = tmp_path_factory.mktemp("recall")
    shutil.copytree(HERE.parent / "corpus" / "samples", base / "corpus" / "samples")
    shutil.copytree(HERE / "fixtures" / "relevance", base / "corpus" / "relevance")
    index_corpus(base / "corpus", base / "index", workers=1)
    with Index.open(base / "index") as index:
        yield index


def as_query(needle: str) -> str | None:
    """The needle as a query that means exactly it: quoted, unless it holds query syntax."""
    if SYNTAX & set(needle):
        return None
    return f'"{needle}"'


def test_500_random_substrings_find_every_report_that_contains_them(recall_index):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    texts = {}
    for d in docset.docnums(recall_index.live):
        record = recall_index.record(d)
        texts[record["id"]] = searchable_lines(record)
    ids = sorted(texts)
    checked = 0
    while checked < 500:
        lines = texts[rng.choice(ids)]
        line = rng.choice(lines)
        if not line:
            continue
        length = rng.randint(1, 6)
        start = rng.randrange(max(1, len(line) - length + 1))
        needle = line[start:start + length]
        query = as_query(needle)
        if query is None:
            continue
        truth = {rid for rid, passages in texts.items() if any(needle in p for p in passages)}
        answer = search(recall_index, SearchRequest(query=query, page_size=100, expand=False))
        found = {r["id"] for r in answer["results"]}
        assert found == truth, f"seed {seed}: {query} found {len(found)} reports, {len(truth)} contain it"
        assert answer["total"] == len(truth)
        checked += 1
    report_summary(f"recall: {checked} random substrings (seed {seed}), every containing report found (100%)")


@pytest.mark.parametrize("query", ["0", "3件", "2023年", "12345热线", "处理费", "卫健", "ＡＢＣ", "１２３"])
def test_numbers_units_and_full_width_queries(recall_index, query):
    answer = search(recall_index, SearchRequest(query=query, page_size=100, expand=False))
    assert {r["id"] for r in answer["results"]} == reports_containing(recall_index, query)
