"""Snippets: marks on the right characters, escaping, trimming that never cuts a mark."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.snippets import best_snippets, find_hits, snippet_html
from indexer.textnorm import match_form


def test_hits_at_the_very_start_and_end():
    text = "行政处罚决定书中的行政处罚"
    assert snippet_html(text, ["行政处罚"]) == "<mark>行政处罚</mark>决定书中的<mark>行政处罚</mark>"


def test_full_width_and_spaced_text_is_marked_on_the_right_characters():
    text = "共发布信息 ２６７ 条（ＡＢＣ）"
    hits = find_hits(text, [match_form("267条"), "abc"])
    assert [text[s:e] for s, e in hits] == ["２６７ 条", "ＡＢＣ"]


def test_everything_but_the_marks_is_escaped():
    html = snippet_html('<script>alert(1)</script>"><img src=x onerror=alert(1)> 行政处罚', ["行政处罚"])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "<mark>行政处罚</mark>" in html


def test_long_passages_are_trimmed_around_hits_without_cutting_a_mark():
    text = "甲" * 300 + "信息处理费" + "乙" * 300
    html = snippet_html(text, ["信息处理费"], width=40)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>信息处理费</mark>" in html
    assert len(html.replace("<mark>", "").replace("</mark>", "")) <= 40 + 2


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="甲乙丙丁 ２3ab", min_size=1, max_size=80),
    width=st.integers(min_value=4, max_value=30),
    data=st.data(),
)
def test_marks_are_balanced_and_always_hold_whole_hits(text, width, data):
    from indexer.textnorm import normalize_text

    text = normalize_text(text)
    folded = match_form(text)
    if not folded:
        return
    start = data.draw(st.integers(min_value=0, max_value=len(folded) - 1))
    needle = folded[start:start + data.draw(st.integers(min_value=1, max_value=4))]
    html = snippet_html(text, [needle], width=width)
    assert html is not None
    assert html.count("<mark>") == html.count("</mark>") >= 1
    for marked in re.findall("<mark>(.*?)</mark>", html):
        assert needle in match_form(marked)


def test_best_snippets_prefer_passages_with_more_different_terms_and_keep_reading_order():
    passages = [
        {"id": "s1-p1", "kind": "paragraph", "text": "舟山"},
        {"id": "s1-p2", "kind": "paragraph", "text": "疫情"},
        {"id": "s2-p1", "kind": "paragraph", "text": "舟山发生疫情"},
        {"id": "s2-p2", "kind": "paragraph", "text": "无关"},
    ]
    lines = [match_form(p["text"]) for p in passages]
    chosen = best_snippets(passages, lines, ["舟山", "疫情"], limit=2)
    assert [s.passage for s in chosen][0:1] == ["s1-p1"] or "s2-p1" in [s.passage for s in chosen]
    assert "s2-p1" in [s.passage for s in chosen]
    assert [s.passage for s in chosen] == sorted([s.passage for s in chosen], key=lambda p: [x["id"] for x in passages].index(p))


def test_a_term_repeated_through_a_huge_passage_gives_a_short_snippet():
    """100,000 hits: the window is found in linear time and never grows to the whole passage."""
    from indexer.snippets import WINDOW

    for text in ("格" * 100_000, "格式，" * 50_000):
        html = snippet_html(text, ["格"])
        shown = html.replace("<mark>", "").replace("</mark>", "").strip("…")
        assert 0 < len(shown) <= 3 * WINDOW and "<mark>格" in html
