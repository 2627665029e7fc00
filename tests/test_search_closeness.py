"""The proximity re-rank's closeness (`search._closeness`) is the share of strings the best single line holds."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from indexer import search
from indexer.query import Term


class OneReport:
    def __init__(self, text: str):
        self.text = text

    def match_text(self, docnum: int) -> str:
        return self.text


def by_lines(text: str, terms: list[Term]) -> float:
    """The definition: every line tested for every string."""
    best = 0
    for line in text.split("\n"):
        best = max(best, sum(1 for t in terms if any(n in line for n in t.needles)))
    return best / len(terms)


def term(*needles: str) -> Term:
    return Term(needles[0], needles[0], alternatives=tuple(needles[1:]))


def test_strings_on_one_line_beat_strings_apart():
    text = "行政复议\n行政诉讼\n行政复议和行政诉讼案件"
    assert search._closeness(OneReport(text), 0, [term("复议"), term("诉讼")]) == 1.0
    assert search._closeness(OneReport("复议\n诉讼"), 0, [term("复议"), term("诉讼")]) == 0.5
    assert search._closeness(OneReport("复议\n诉讼"), 0, [term("复议"), term("处罚")]) == 0.5
    assert search._closeness(OneReport("复议"), 0, [term("处罚"), term("收费")]) == 0.0
    assert search._closeness(OneReport("信息处理费\n复议"), 0, [term("收费", "处理费"), term("复议")]) == 0.5


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab\n公开", max_size=40),
       st.lists(st.lists(st.text(alphabet="ab\n公开", max_size=3), min_size=1, max_size=3), min_size=1, max_size=4))
def test_closeness_is_that_of_testing_every_line(text, needle_lists):
    terms = [term(*needles) for needles in needle_lists]
    assert search._closeness(OneReport(text), 0, terms) == by_lines(text, terms)
