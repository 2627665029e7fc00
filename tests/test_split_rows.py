"""Rows a text layout spread over lines (drawn tables, a browser's copy, header cells broken by line breaks), one line a row."""

from __future__ import annotations

import pytest

from indexer.blocks import Table
from indexer.readers.text import parse_text


def rows(table: Table) -> list[list[str]]:
    return [list(r) for r in table.rows]


def _grids(blocks) -> list[list[list[str]]]:
    return [[list(r) for r in b.rows] for b in blocks if isinstance(b, Table)]


def test_a_browser_copy_of_cells_holding_paragraphs():
    """Each cell between blank lines, a tab alone on the line between two cells, a no-break space an empty cell,
    a line break inside a cell (本年新 / 制作数量) one cell."""
    cell = lambda t: ["", t, ""]  # noqa: E731
    row = lambda *cells: sum(([*(["\t"] if i else []), *cell(c)] for i, c in enumerate(cells)), []) + [""]  # noqa: E731
    lines = (["二、主动公开政府信息情况", ""] + row("信息内容", "本年新\n制作数量", "对外公开总数量") + row("规章", "13", "\xa0")
             + ["三、收到和处理政府信息公开申请情况", ""] + row("一、本年新收政府信息公开申请数量", "821", "35", "\xa0", "\xa0", "2", "1", "859")
             + row("二、上年结转政府信息公开申请数量", "18", *["\xa0"] * 5, "18"))
    tables = [rows(b) for b in parse_text("\n".join(lines)) if isinstance(b, Table)]
    assert tables[0] == [["信息内容", "本年新制作数量", "对外公开总数量"], ["规章", "13"]]
    assert tables[1] == [["一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859"],
                         ["二、上年结转政府信息公开申请数量", "18", "", "", "", "", "", "18"]]


def test_a_browser_copy_keeps_the_lines_of_the_page_around_its_tables():
    """A browser ends each block outside the tables (navigation, breadcrumb, title, date line) with one line break:
    those lines stay lines; only a cell's lines (本年新 / 制作数量) are joined."""
    cell = lambda t: ["", t, ""]  # noqa: E731
    row = lambda *cells: sum(([*(["\t"] if i else []), *cell(c)] for i, c in enumerate(cells)), []) + [""]  # noqa: E731
    head = ["首页 | 政务公开 | 政务服务 | 互动交流", "索引号：\t11372023/0012\t发布机构：\t某某县农业农村局",
            "某某县农业农村局2023年政府信息公开工作年度报告", "发布时间：2024-01-18 来源：某某县农业农村局 浏览次数：", ""]
    lines = (head + ["二、主动公开政府信息情况", ""] + row("信息内容", "本年新\n制作数量", "对外公开总数量")
             + row("规章", "13", "\xa0") + row("规范性文件", "2", "5") + row("行政许可", "7", "9"))
    blocks = parse_text("\n".join(lines))
    texts = [b.text for b in blocks if not isinstance(b, Table)]
    assert "某某县农业农村局2023年政府信息公开工作年度报告" in texts
    assert not any(t.startswith("首页") and "农业农村局" in t for t in texts)
    assert _grids(blocks)[0][0] == ["信息内容", "本年新制作数量", "对外公开总数量"]


def test_tab_rows_whose_header_cells_held_line_breaks():
    """A browser's copy of a table whose header cells hold ``本年新<br>制作数量``: the header row comes out on three
    lines (信息内容⇥本年新 / 制作数量⇥本年新 / 公开数量⇥对外公开总数量) and is one row again."""
    text = ("第二十条第（一）项\n信息内容\t本年新\n制作数量\t本年新\n公开数量\t对外公开总数量\n规章\t0\t0\t0\n"
            "规范性文件\t0\t2\t9\n")
    rows = [list(t.rows) for t in parse_text(text) if isinstance(t, Table)]
    assert rows == [[("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"), ("规章", "0", "0", "0"),
                     ("规范性文件", "0", "2", "9")]]


@pytest.mark.parametrize("drawn", [
    "+--------+----+----+----+\n| 第二十条第（一）项 |\n+========+====+====+====+\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "+--------+----+----+----+\n| 规章 | 0 | 0 | 3 |\n+--------+----+----+----+\n| 行政规范性文件 | 4 | 0 | 32 |\n+--------+----+----+----+\n",
    "┌──────┬──────┐\n│第二十条第（一）项│\n│信息内容│本年制发件数│本年废止件数│现行有效件数│\n├──────┼──────┤\n"
    "│规章│0│0│3│\n│行政规范性文件│4│0│32│\n└──────┴──────┘\n",
])
def test_tables_drawn_with_characters(drawn):
    """pandoc's grid tables and box-drawing tables (text exports of converters): their rows, borders gone."""
    grid = _grids(parse_text("二、主动公开政府信息情况\n" + drawn + "三、收到和处理政府信息公开申请情况\n"))[0]
    assert grid[-2:] == [["规章", "0", "0", "3"], ["行政规范性文件", "4", "0", "32"]]


def test_a_browser_copy_of_rows_broken_at_blank_cells_holding_a_line_break():
    """<td><br></td> copies as a line break between the cell's tabs: the row goes on over lines starting with a tab."""
    head = ("三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n"
            "自然人\t法人或其他组织\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n")
    text = head + "一、本年新收政府信息公开申请数量\t\n\t\n\t\n\t\n\t\n\t\n\t4\n二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"
    rows = [list(r) for b in parse_text(text) if isinstance(b, Table) for r in b.rows]
    assert ["一、本年新收政府信息公开申请数量", "", "", "", "", "", "", "4"] in rows
    assert ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"] in rows
