"""HTML tables -> grids: data tables told from page layout and link bars, spans expanded, the metadata box."""

from __future__ import annotations

import lxml.html

from indexer.readers.html_tables import cell_text, is_data_table, table_grid_of, table_kind


def _tables(markup: str):
    return list(lxml.html.fromstring(f"<div>{markup}</div>").iter("table"))


def test_a_merged_cell_fills_every_row_it_spans():
    grid = table_grid_of("<table><tr><td rowspan=2>行政许可</td><td>1</td></tr><tr><td>2</td></tr></table>")
    assert grid == [["行政许可", "1"], ["行政许可", "2"]]
    assert table_grid_of("<p>没有表格</p>") == []


def test_only_tables_of_data_cells_are_data_tables():
    one_column, links, data, layout, inner = _tables(
        "<table><tr><td>规章</td></tr></table>"
        "<table><tr><td><a href='/'>首页</a></td><td><a href='/news'>新闻</a></td></tr></table>"
        "<table><tr><td>规章</td><td>0</td></tr></table>"
        "<table><tr><td>正文</td><td><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>")
    assert [is_data_table(t) for t in (one_column, links, data, layout, inner)] == [False, False, True, False, True]


def test_a_line_break_inside_a_cell_is_a_space():
    (table,) = _tables("<table><tr><td>本年新<br>制作数量</td><td>0</td></tr></table>")
    assert cell_text(table.find(".//td")) == "本年新 制作数量"


def test_the_metadata_box_is_no_data_table():
    kind, pairs = table_kind([["索引号", "123", "发布机构", "某局"], ["发布日期", "2024-01-01", "文号", "无"]])
    assert kind == "meta" and pairs["发布机构"] == "某局"
    assert table_kind([["规章", "0"], ["行政许可", "97"]]) == ("data", {})
