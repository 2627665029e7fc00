"""The lines the field rules read (indexer/fields/lines.py), on strings."""

from __future__ import annotations

from indexer.fields.lines import field_lines, unspread


def test_a_header_row_spread_over_merged_cells_is_its_distinct_cells():
    title, date = "某县人民政府2021年度政府信息公开工作年度报告", "2022-02-10 发布：某县人民政府办公室 点击数："
    row = " | ".join([title] * 6 + [date] * 6)
    assert unspread(row) == [title, date]
    assert unspread(title + " | ||||") == [title]


def test_a_real_table_row_or_a_sentence_stays_as_it_is():
    assert unspread("行政许可 | 12 | 3 | 15") == ["行政许可 | 12 | 3 | 15"]
    assert unspread("2022年，我局主动公开信息80条。") == ["2022年，我局主动公开信息80条。"]


def test_field_lines_keeps_the_order_of_the_paragraphs():
    assert field_lines(["甲 | 甲 | 甲", "乙"]) == ["甲", "乙"]
