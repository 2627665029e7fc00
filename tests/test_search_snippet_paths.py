"""A result's snippets are those of labelling and ranking every passage, done with less work (`search._snippets`)."""

from __future__ import annotations

from indexer import docset, search
from indexer.passage_labels import display_passages, rows_that_can_show
from indexer.snippets import best_snippets, snippet_passages
from indexer.textnorm import fold

NEEDLES = [["行政复议"], ["公开"], ["本年"], ["处理决定数量"], ["费"], ["申请人"], ["依申请", "申请公开"],
           ["行政处罚", "行政许可"], ["不存在的词"], ["3件"], ["|"], ["信息公开工作年度报告"]]


def every_passage(record: dict, lines: list[str], needles: list[str]):
    """What `_snippets` did before: every passage folded on the label path, the ranking redone on the labelled rows."""
    passages = record.get("passages", [])
    labels = lines[len(passages):]
    if any(n in label for n in needles for label in labels):
        shown = display_passages(record, rows_that_can_show(record, needles))
        return best_snippets(shown, [fold(p["text"]) for p in shown], needles)
    chosen = {passages[i]["id"] for i in snippet_passages(passages, lines, needles)}
    return best_snippets(display_passages(record, chosen), lines, needles)


def test_snippets_are_those_of_every_passage_labelled_and_ranked(open_sample_index):
    index = open_sample_index
    compared = labelled = 0
    for d in docset.docnums(index.live):
        record, lines = index.record(d), index.match_lines(d)
        for needles in NEEDLES:
            expected = every_passage(record, lines, needles)
            assert search._snippets(record, lines, needles) == expected, (record["id"], needles)
            assert search._snippets(record, lines, needles, folded=False) == expected, (record["id"], needles)
            compared += bool(expected)
            labelled += any(n in label for n in needles for label in lines[len(record["passages"]):])
    assert compared > 20 and labelled > 5  # both ways: a query word in a row label or not
