"""Table 3 in text without layout: rows in the template's order and figures under a vertical header, only where the sums prove them."""

from __future__ import annotations

from indexer.blocks import Paragraph, Table
from indexer.readers.text import parse_text


def rows(table: Table) -> list[list[str]]:
    return [list(r) for r in table.rows]


def _grids(blocks) -> list[list[list[str]]]:
    return [[list(r) for r in b.rows] for b in blocks if isinstance(b, Table)]


_VERTICAL_HEAD = ("三、收到和处理政府信息公开申请情况\n申请人情况\n法人或其他组织\n（本列数据的勾稽关系为：第一项加第二项之和， 自\n"
                  "等于第三项加第四项之和）\n然\n人\n商\n业\n企\n业\n科\n总\n研 社会公 法律服 其 计\n机 益组织 务机构 他\n构\n")


def _raw_row(label: str, figures: str) -> str:
    return label + "\n" + "".join(f + "\n\n" for f in figures.split())


def test_a_row_under_a_header_printed_a_character_a_line_keeps_only_what_its_order_cannot_change():
    """PDF-to-text without layout reads the figures of the row right under a vertical header out of order (the
    PDF's 1 0 0 0 0 0 1 comes out 0 0 1 0 0 0 1): its applicant columns are left absent, its 总计 kept when the six
    add up to it; a row of equal figures (0 … 0) and the rows further down are read as they are."""
    text = (_VERTICAL_HEAD + _raw_row("一、本年新收政府信息公开申请数量", "0 0 1 0 0 0 1")
            + _raw_row("二、上年结转政府信息公开申请数量", "2 0 0 0 0 0 2") + "（一）予以公开\n")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert ["一、本年新收政府信息公开申请数量", "—", "—", "—", "—", "—", "—", "1"] in rows
    assert ["二、上年结转政府信息公开申请数量", "2", "0", "0", "0", "0", "0", "2"] in rows
    zeros = _VERTICAL_HEAD + _raw_row("一、本年新收政府信息公开申请数量", "0 0 0 0 0 0 0")
    assert ["一、本年新收政府信息公开申请数量"] + ["0"] * 7 in [r for g in _grids(parse_text(zeros)) for r in g]
    unsummed = _VERTICAL_HEAD + _raw_row("一、本年新收政府信息公开申请数量", "33 44 231 11 22 55 66")
    assert ["一、本年新收政府信息公开申请数量"] + ["—"] * 7 in [r for g in _grids(parse_text(unsummed)) for r in g]


def test_a_row_under_a_vertical_header_is_read_as_printed_when_the_tables_columns_balance():
    """一 + 二 = （七）总计 + 四、结转下年度继续办理 in every column, with row 一 as the text gives it: its order is right."""
    rest = (_raw_row("二、上年结转政府信息公开申请数量", "1 0 0 0 0 0 1") + _raw_row("（七）总计", "2 1 0 0 0 0 3")
            + _raw_row("四、结转下年度继续办理", "0 0 0 0 0 1 1"))
    text = _VERTICAL_HEAD + _raw_row("一、本年新收政府信息公开申请数量", "1 1 0 0 0 1 3") + rest
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert ["一、本年新收政府信息公开申请数量", "1", "1", "0", "0", "0", "1", "3"] in rows
    swapped = _VERTICAL_HEAD + _raw_row("一、本年新收政府信息公开申请数量", "1 0 1 0 0 1 3") + rest
    rows = [r for g in _grids(parse_text(swapped)) for r in g]
    assert ["一、本年新收政府信息公开申请数量", "—", "—", "—", "—", "—", "—", "3"] in rows


_APART = ("二、上年结转政府信息公开申请数量\n{fig14}\n三、本年度 （二）部分公开（区分处理的，只计\n{one}\n办理结果\n"
          "这一情形，不计其他情形）\n{fig12}\n（一）予以公开\n（三）不予公开\n1.属于国家秘密 {last}\n"
          "四、政府信息公开行政复议、行政诉讼情况\n")


def test_table_3_labels_printed_away_from_their_figures_are_put_back_in_the_templates_order():
    """PDF-to-text without layout: the labels of rows 二 .. 1.属于国家秘密 printed after the figures (（一）予以公开 after
    （二）部分公开's): the template's row order gives each row its seven figures when every figure is the same; the
    group labels' text stays."""
    text = "三、收到和处理政府信息公开申请情况\n" + _APART.format(fig14="\n".join("0" * 14), one="0", fig12="\n".join("0" * 12), last="0")
    blocks = parse_text(text)
    rows = [r for g in _grids(blocks) for r in g]
    assert [r[0] for r in rows] == ["二、上年结转政府信息公开申请数量", "（一）予以公开", "三、本年度（二）部分公开（区分处理的，只计",
                                    "1.属于国家秘密"]
    assert all(r[1:] == ["0"] * 7 for r in rows)
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert "（三）不予公开" in paragraphs and "办理结果" in paragraphs


def test_table_3_labels_away_from_figures_that_differ_stay_unread_without_the_whole_tables_sums():
    """The same text with figures that differ (1 … 1 in row 二): which row they belong to is only proven by the whole
    table's balance, which a table cut after 1.属于国家秘密 does not have; nothing is read into those rows."""
    text = "三、收到和处理政府信息公开申请情况\n" + _APART.format(
        fig14="\n".join("10000010000000"), one="0", fig12="\n".join("0" * 12), last="0")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert not any(len(r) >= 8 and any(k in "".join(r[:-7]) for k in ("上年结转", "予以公开", "部分公开", "国家秘密"))
                   and r[-7:] != ["0"] * 7 for r in rows)
    assert not any("上年结转" in "".join(r[:-7]) for r in rows if len(r) >= 8)


_COLUMN_FLOW_HEAD = ("申请人情况\n法人或其他组织\n自然\n商业 科研 社会公益 法律服务 其\n人\n企业 机构 组织\n机构\n他\n")


def test_labels_before_a_header_whose_words_share_lines_keep_their_rows_of_zeros():
    """pdftotext without layout of a borderless-header table 3: the row labels, then the applicant header with several
    words a line (商业 科研 社会公益 法律服务 其), then the six columns' figures and 总 / 计 with the 总计 column. The
    header's lines are pieces of the table's header, never the end of the table: rows of equal figures are read."""
    text = ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n\n"
            + _COLUMN_FLOW_HEAD + "0\n" * 12 + "\n总\n计\n0\n0\n")
    got = {r[0]: r[1:] for g in _grids(parse_text(text)) for r in g if r}
    assert got.get("一、本年新收政府信息公开申请数量") == ["0"] * 7
    assert got.get("二、上年结转政府信息公开申请数量") == ["0"] * 7


def test_one_label_before_such_a_header_keeps_only_what_the_order_cannot_change():
    """The same with one row (the table cut after it): its six applicant figures' order is in doubt (they differ),
    its 总计 is sure when the six add up to it."""
    text = ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n\n" + _COLUMN_FLOW_HEAD
            + "3\n0\n1\n0\n0\n0\n\n总\n计\n4\n")
    got = {r[0]: r[1:] for g in _grids(parse_text(text)) for r in g if r}
    row = got.get("一、本年新收政府信息公开申请数量")
    assert row is not None and row[-1] == "4" and not any(c in ("3", "1") for c in row)


def test_a_site_footer_printed_inside_the_table_neither_ends_it_nor_counts():
    """pdftotext without layout of a browser PDF whose table 3 runs on to a second page, where the page's footer (主办单位
    … | 网站标识码 | 备案号) stands between the last labels and their figures: the footer is chrome, the region goes on
    and rows of equal figures are read (b27: a 镇's table 3 down to 5., its last fourteen 0s after the footer)."""
    text = ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n\n"
            + _COLUMN_FLOW_HEAD + "0\n" * 12 + "\n总\n计\n主办单位：某县人民政府办公室 | 网站标识码 1234567890 | 备案号\n0\n0\n")
    got = {r[0]: r[1:] for g in _grids(parse_text(text)) for r in g if r}
    assert got.get("一、本年新收政府信息公开申请数量") == ["0"] * 7
    assert got.get("二、上年结转政府信息公开申请数量") == ["0"] * 7
    text = ("三、收到和处理政府信息公开申请情况\n（一）予以公开\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
            "（三）不予公开\n1.属于国家秘密\n" + _COLUMN_FLOW_HEAD + "0\n" * 14
            + "2.其他法律行政法规禁止公开\n主办单位：某县人民政府办公室 | 网站标识码 | 备案号\n" + "0\n" * 14)
    got = {r[0]: r[1:] for g in _grids(parse_text(text)) for r in g if r}
    assert got.get("1.属于国家秘密") == ["0"] * 7 and got.get("2.其他法律行政法规禁止公开") == ["0"] * 7
    assert got.get("（一）予以公开") == ["0"] * 7
