"""Ranking signals, each shown on reports that differ only in that signal."""

from __future__ import annotations

from pathlib import Path

from indexer.engine import Index
from indexer.indexing import index_corpus
from indexer.search import SearchRequest, search

TEMPLATE = """{agency}{year}年政府信息公开工作年度报告
一、总体情况
{body}
二、主动公开政府信息情况
本年度主动公开政府信息若干条。
三、收到和处理政府信息公开申请情况
本年度收到申请若干件，均已答复。
{agency}
{next}年1月20日
"""


def build(tmp_path: Path, reports: dict[str, tuple[str, int, str]]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, (agency, year, body) in reports.items():
        (corpus / f"{name}.txt").write_text(TEMPLATE.format(agency=agency, year=year, body=body, next=year + 1),
                                            encoding="utf-8")
    index_corpus(corpus, tmp_path / "index", workers=1)
    return tmp_path / "index"


def order(index_dir: Path, query: str) -> list[str]:
    with Index.open(index_dir) as index:
        answer = search(index, SearchRequest(query=query, expand=False))
    return [Path(r["source"]).stem for r in answer["results"]]


def test_a_whole_word_ranks_above_a_fragment_of_a_longer_word(tmp_path):
    idx = build(tmp_path, {
        "fragment": ("某某县民政局", 2022, "本年度未收取信息处理费，依法公开各类信息。"),
        "whole": ("某某县财政局", 2022, "本年度未收取处理费，依法公开各类信息。"),
    })
    assert order(idx, "处理费") == ["whole", "fragment"]


def test_title_and_agency_matches_rank_above_body_matches(tmp_path):
    idx = build(tmp_path, {
        "body": ("某某市财政局", 2022, "本局配合审计局完成专项审计工作。"),
        "agency": ("某某市审计局", 2022, "本局依法开展审计工作并公开结果。"),
    })
    assert order(idx, "审计局")[0] == "agency"


def test_more_matches_rank_higher(tmp_path):
    idx = build(tmp_path, {
        "once": ("某某县交通运输局", 2022, "本年度开展道路运输执法检查，公开检查结果。"),
        "often": ("某某县住建局", 2022, "道路运输许可、道路运输执法和道路运输安全信息均及时公开。"),
    })
    assert order(idx, "道路运输")[0] == "often"


def test_terms_close_together_rank_above_terms_far_apart(tmp_path):
    far = "本年度公开了食品抽检结果。" + "另开展其他工作。" * 30 + "依法作出若干行政处罚。"
    idx = build(tmp_path, {
        "apart": ("某某县农业农村局", 2022, far),
        "together": ("某某县商务局", 2022, "本年度公开食品抽检结果和相应的行政处罚。"),
    })
    assert order(idx, "食品 行政处罚")[0] == "together"


def test_equal_scores_go_to_the_newer_year(tmp_path):
    idx = build(tmp_path, {
        "old": ("某某县统计局", 2020, "本年度依法公开统计公报。"),
        "new": ("某某县统计局", 2023, "本年度依法公开统计公报。"),
        "mid": ("某某县统计局", 2021, "本年度依法公开统计公报。"),
    })
    assert order(idx, "统计公报") == ["new", "mid", "old"]
