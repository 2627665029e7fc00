"""Searches with filters check the text only where the answer looks, and answer exactly as a search that checks everywhere."""

from __future__ import annotations

import itertools

import pytest

from indexer import search
from indexer.engine import Index
from indexer.search import SearchRequest

QUERIES = ["行政复议", '"政府信息公开工作"', "公开工作年度报告", "信息处理费 行政复议", "行政复议 -诉讼", "-公开",
           "依申请", "不存在的字符串", "不存在的 公开", "处罚 OR 复议", "3件", "年度报告 本年"]


def filter_sets(index: Index) -> list[dict]:
    province = sorted(index.facet("province"))
    year = sorted(index.facet("year"))
    level = sorted(index.facet("agency_level"))
    sets = [{}, {"province": province[0]}, {"years": (int(year[0]),)},
            {"province": province[0], "years": (int(year[-1]),)}, {"agency_level": level[0], "years": (int(year[0]),)},
            {"province": province[-1], "agency_level": level[-1], "years": (int(year[-1]),)}]
    return sets


def answers(sample_index, unscoped: bool, monkeypatch) -> list[dict]:
    if unscoped:
        monkeypatch.setattr(search, "_scope", lambda index, masks: None)
    out = []
    with Index.open(sample_index) as index:  # a fresh index: nothing cached from the other run
        for query, filters in itertools.product(QUERIES, filter_sets(index)):
            out.append(search.search(index, SearchRequest(query=query, **filters)))
    monkeypatch.undo()
    return out


def test_answers_with_filters_are_those_of_checking_everywhere(sample_index, monkeypatch):
    scoped = answers(sample_index, False, monkeypatch)
    everywhere = answers(sample_index, True, monkeypatch)
    assert scoped == everywhere
    assert any(a["total"] for a in scoped) and any(a["facets"].get("year") for a in scoped)


def test_the_scope_is_the_results_and_each_filtered_facets_counts():
    class Live:
        live = 0b1111_1111

    masks = {"province": 0b0000_1111, "year": 0b0011_0011}
    assert search._scope(Live, {}) is None
    assert search._scope(Live, {"province": 0b1}) == Live.live  # its own facet counts every province
    assert search._scope(Live, masks) == 0b0011_1111  # under the province (year counts) or the year (province counts)
    assert search._scope(Live, {**masks, "where": 0b0101_0101}) == 0b0001_0101  # a condition is no facet


@pytest.mark.parametrize("query", ["-公开", "不存在的 公开"])
def test_a_query_matching_nothing_under_the_filters_is_still_split_or_not_as_before(sample_index, query, monkeypatch):
    with Index.open(sample_index) as index:
        filters = filter_sets(index)[3]
        scoped = search.search(index, SearchRequest(query=query, **filters))
    monkeypatch.setattr(search, "_scope", lambda index, masks: None)
    with Index.open(sample_index) as index:
        assert search.search(index, SearchRequest(query=query, **filters)) == scoped
