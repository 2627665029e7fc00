"""Search over the bundled samples: matching, filters, facets, snippets, notices, bad requests."""

from __future__ import annotations

import re

import pytest

from indexer.search import SearchError, SearchRequest, parse_condition, search
from indexer.synonyms import load_synonyms
from fixtures.truth import reports_containing


def run(index, query="", **kw):
    return search(index, SearchRequest(query=query, **kw), load_synonyms())


containing = reports_containing


def ids(answer) -> set[str]:
    return {r["id"] for r in answer["results"]}


def test_a_term_finds_every_report_containing_it_with_a_marked_snippet(open_sample_index):
    answer = run(open_sample_index, "行政处罚")
    assert ids(answer) == containing(open_sample_index, "行政处罚") and answer["total"] == 4
    for r in answer["results"]:
        passages = {p["id"] for p in open_sample_index.record(open_sample_index.docnum(r["id"]))["passages"]}
        assert any("<mark>行政处罚</mark>" in s["html"] for s in r["snippets"])
        assert all(s["passage"] in passages for s in r["snippets"])
        assert all(s["url"] == f"/reports/{r['id']}?q=行政处罚#{s['passage']}" for s in r["snippets"])


def test_filters_and_facets_count_every_matching_report_under_the_other_filters(open_sample_index):
    answer = run(open_sample_index, "疫情", province="浙江省", years=(2020,))
    assert [r["region"]["city"] for r in answer["results"]] == ["舟山市"]
    everywhere_2020 = run(open_sample_index, "疫情", years=(2020,))
    assert answer["facets"]["province"] == everywhere_2020["facets"]["province"]  # own filter not applied
    zhejiang_any_year = run(open_sample_index, "疫情", province="浙江省")
    assert answer["facets"]["year"] == zhejiang_any_year["facets"]["year"]
    assert answer["facets"]["city"] == {"舟山市": 1}
    assert run(open_sample_index, "疫情", province="浙江省", years=(2019,))["total"] == 0


def test_several_years_are_ored(open_sample_index):
    both = run(open_sample_index, years=(2021, 2023))
    assert sorted(r["year"] for r in both["results"]) == [2021, 2023]


def test_empty_query_lists_reports_newest_first(open_sample_index):
    answer = run(open_sample_index)
    assert answer["total"] == open_sample_index.doc_count
    years = [r["year"] for r in answer["results"]]
    assert years == sorted(years, reverse=True)
    assert all(r["snippets"] == [] for r in answer["results"])


def test_phrase_finds_exactly_the_reports_containing_it(open_sample_index):
    for phrase in ("行政复议", "政府信息公开工作", "三安全一稳定"):
        assert ids(run(open_sample_index, f'"{phrase}"', page_size=100)) == containing(open_sample_index, phrase)


@pytest.mark.parametrize("query", ["卫健", "处理费", "0", "2023年", "事业单位", "群众满意", "制发", "12345"])
def test_recall_is_what_ctrl_f_finds(open_sample_index, query):
    assert ids(run(open_sample_index, query, page_size=100)) == containing(open_sample_index, query)


def test_synonyms_find_the_full_name_and_are_marked(open_sample_index):
    answer = run(open_sample_index, "卫健委")
    assert {r["source"][8:11] for r in answer["results"]} == {"002", "004"}
    assert answer["expanded"]["卫健委"]
    assert all(re.search("<mark>(卫健委|卫生健康委|卫生健康委员会)</mark>", s["html"]) for r in answer["results"] for s in r["snippets"][:1])
    unexpanded = search(open_sample_index, SearchRequest(query="卫健委", expand=False))
    assert ids(unexpanded) == containing(open_sample_index, "卫健委")


def test_not_and_or(open_sample_index):
    everything = containing(open_sample_index, "行政处罚")
    without = ids(run(open_sample_index, "行政处罚 -疫情", page_size=100))
    assert without == everything - containing(open_sample_index, "疫情")
    either = ids(run(open_sample_index, "舟山 OR 招远", page_size=100))
    assert either == containing(open_sample_index, "舟山") | containing(open_sample_index, "招远")
    only_not = ids(run(open_sample_index, "-疫情", page_size=100))
    assert only_not == {open_sample_index.record(d)["id"] for d in range(open_sample_index.size)} - containing(open_sample_index, "疫情")


def test_unreadable_query_is_searched_as_words_with_a_notice(open_sample_index):
    answer = run(open_sample_index, '"行政处罚')
    assert answer["notice"] and answer["total"] == 4


def test_a_phrase_that_occurs_nowhere_falls_back_to_its_words(open_sample_index):
    answer = run(open_sample_index, "舟山疫情")
    assert answer["total"] >= 1 and "舟山" in answer["notice"]


def test_where_and_sort_by_year(open_sample_index):
    newest = run(open_sample_index, sort="year")
    assert [r["year"] for r in newest["results"]] == sorted(r["year"] for r in newest["results"])
    with pytest.raises(SearchError):
        run(open_sample_index, where=(parse_condition("no.such.metric>=1"),))
    with pytest.raises(SearchError):
        parse_condition("apply.new.total is big")


@pytest.mark.parametrize("bad", [dict(page=0), dict(page_size=0), dict(page_size=101), dict(page=1000, page_size=100)])
def test_bad_paging_is_refused_with_a_message(open_sample_index, bad):
    with pytest.raises(SearchError):
        run(open_sample_index, "行政处罚", **bad)


def test_paging_walks_through_all_results_once(open_sample_index):
    seen = []
    for page in (1, 2, 3):
        seen += [r["id"] for r in run(open_sample_index, "公开", page=page, page_size=2)["results"]]
    assert len(seen) == len(set(seen)) == run(open_sample_index, "公开")["total"]


def test_answer_has_the_spec_shape(open_sample_index):
    answer = run(open_sample_index, "行政处罚", province="山东省", years=(2023,))
    assert {"query", "filters", "total", "page", "page_size", "results", "facets"} <= set(answer)
    assert answer["filters"] == {"province": "山东省", "year": [2023]}
    r = answer["results"][0]
    assert {"id", "title", "agency", "region", "year", "score", "url", "snippets"} <= set(r)
    assert set(r["region"]) == {"province", "city", "county", "zone", "code"}
    assert r["region"] == {"province": "山东省", "city": "烟台市", "county": "招远市", "zone": None, "code": "370685"}


def test_where_filters_on_metrics_and_sort_puts_absent_values_last(open_sample_index):
    answer = run(open_sample_index, where=(parse_condition("active.penalty.decisions>=50"),))
    assert sorted(r["source"][8:11] for r in answer["results"]) == ["002", "003"]
    ordered = run(open_sample_index, sort="-active.penalty.decisions")["results"]
    values = [open_sample_index.record(open_sample_index.docnum(r["id"]))["metrics"].get("active.penalty.decisions") for r in ordered]
    present = [v["value"] for v in values if v]
    assert present == sorted(present, reverse=True) and values[-1] is None


def test_failing_filter_and_checks_facet(open_sample_index):
    answer = run(open_sample_index, failing=("date.after_year",))
    assert sorted(r["source"][8:11] for r in answer["results"]) == ["001", "002"]
    assert run(open_sample_index)["facets"]["checks"]["date.after_year"] == 2
    assert run(open_sample_index, failing=("date",))["total"] >= 2  # a prefix selects the family


def test_an_unknown_check_id_is_refused_but_families_and_ids_are_not(open_sample_index):
    with pytest.raises(SearchError) as caught:
        run(open_sample_index, failing=("nope",))
    assert caught.value.param == "failing" and "nope" in str(caught.value)
    assert run(open_sample_index, failing=("apply.balance",))["total"] >= 0
    assert run(open_sample_index, failing=("history.copied",))["total"] == 0  # a known id no report fails


def test_a_query_without_chinese_characters_that_finds_nothing_says_so(open_sample_index):
    answer = run(open_sample_index, "penalty")
    assert answer["total"] == 0 and "没有汉字" in answer["notice"]
    assert "notice" not in run(open_sample_index, "行政处罚")
    assert "没有汉字" not in run(open_sample_index, "核酸检测点").get("notice", "")


def test_a_rewritten_query_says_what_was_searched(open_sample_index):
    split = run(open_sample_index, "舟山疫情")
    assert split["searched"] == "舟山 疫情"
    assert run(open_sample_index, '"行政处罚')["searched"] == "行政处罚"
    assert "searched" not in run(open_sample_index, "行政处罚")


def test_sorting_by_a_figure_gives_each_result_that_figure_labelled(open_sample_index):
    answer = run(open_sample_index, sort="-active.penalty.decisions", page_size=100)
    figures = [r["figure"] for r in answer["results"]]
    assert all(f["key"] == "active.penalty.decisions" and f["label"] == "行政处罚 · 处理决定数量" for f in figures)
    stated = [f for f in figures if f["value"] is not None]
    assert stated and all(f["url"].endswith("#" + f["passage"]) for f in stated)
    assert "figure" not in run(open_sample_index, "行政处罚")["results"][0]


def test_column_names_find_the_table_rows_that_hold_them_and_snippets_show_them(open_sample_index):
    answer = run(open_sample_index, "处理决定数量", page_size=100)
    assert answer["total"] == len(containing(open_sample_index, "处理决定数量")) == 4  # every report with table 2
    zhaoyuan = next(r for r in answer["results"] if r["title"].startswith("招远市"))
    assert "行政许可 | 本年<mark>处理决定数量</mark> 0" in [s["html"] for s in zhaoyuan["snippets"]]
    snippet = run(open_sample_index, "行政处罚", province="山东省")["results"][0]["snippets"][0]
    assert snippet["html"] == "<mark>行政处罚</mark> | 本年处理决定数量 68"
    label = run(open_sample_index, '"本年处理决定数量"', page_size=100)
    assert {r["title"][:2] for r in label["results"]} == {"招远", "华龙"}  # the 2021 template's label


from hypothesis import given, settings, strategies as st  # noqa: E402

from indexer import search as search_module  # noqa: E402
from indexer.query import Term  # noqa: E402


@given(st.dictionaries(st.text("abc", min_size=1, max_size=3), st.integers(1, 4)), st.integers(1, 12))
def test_the_most_frequent_values_are_those_a_full_sort_lists_first(counts, limit):
    assert search_module._most(counts, limit) == sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


class _Scored:
    """An index whose scorer gives fixed scores."""

    def __init__(self, scores: dict[int, float]):
        self._scores = scores

    def scores(self, leaves, docs, weights):
        return dict(self._scores)


@settings(max_examples=300)
@given(st.lists(st.sampled_from([0.5, 1.0, 1.0000004, 1.0000006, 0.9999996, 0.9999994, 2.0]) | st.floats(0, 3),
                min_size=1, max_size=150), st.integers(1, 70))
def test_ranking_keeps_the_order_of_sorting_every_score(scores, depth):
    """Scores a rounding apart tie and go to the newer year, then the lower document number."""
    scored = dict(enumerate(scores))
    years = [str(2019 + d % 5) if d % 7 else None for d in range(len(scores))]
    got = search_module._relevance(_Scored(scored), [Term("公开", "公开")], 0, depth, years)
    everything = sorted(scored.items(), key=lambda item: (round(item[1], 6), int(years[item[0]] or 0), -item[0]),
                        reverse=True)
    assert got == everything[:depth]


def test_a_score_a_rounding_below_the_last_of_the_best_still_wins_its_tie_on_the_newer_year():
    depth = search_module.RERANK_DEPTH
    scored = {d: 2.0 for d in range(depth - 1)}
    scored[100] = 1.0000004  # the depth-th best score
    scored[101] = 0.9999996  # the same score to six places, of a newer year
    years = {d: "2020" for d in scored}
    years[101] = "2023"
    got = search_module._relevance(_Scored(scored), [Term("公开", "公开")], 0, depth, years)
    assert got[-1] == (101, 0.9999996) and len(got) == depth
