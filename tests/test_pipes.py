"""Trailing-pipe text layouts, page chrome in pipes, and the 信息公开 metadata row."""

from __future__ import annotations

import pytest

from indexer.blocks import Paragraph, Table
from indexer.readers.pipes import is_table, metadata_pairs, take_metadata, trailing_pipe_rows
from indexer.readers.text import parse_text


def test_one_cell_per_line_with_spans_and_row_separators():
    lines = ["第二十条第（五）项 | | |", "|", "信息内容 |", "本年处理决定数量 | |", "|", "行政许可 |", "2629 | |", "|"]
    assert trailing_pipe_rows(lines) == [
        ["第二十条第（五）项"] * 3, ["信息内容", "本年处理决定数量", "本年处理决定数量"], ["行政许可", "2629", "2629"],
    ]


def test_whole_rows_with_a_trailing_pipe():
    assert trailing_pipe_rows(["行政许可 | 2629 |", "行政处罚 | 1330 |", "行政强制 |  |"]) == [
        ["行政许可", "2629"], ["行政处罚", "1330"], ["行政强制", ""]]


def test_cells_merged_down_are_left_out_and_the_row_still_reads():
    text = ("三、收到和处理政府信息公开申请情况\n"
            "三、本年度办理结果 | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
            "（二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n")
    table = next(b for b in parse_text(text) if isinstance(b, Table))
    assert [list(r) for r in table.rows][1] == ["（二）部分公开", "1", "0", "0", "0", "0", "0", "1"]


@pytest.mark.parametrize("rows, table", [
    ([["设为首页", "加入收藏", "网站地图"], ["首页", "政府信息公开"]], False),
    ([["行政许可", "2629"]], True),
    ([["新增事项", "增加5"]], True),  # a change column's word sign, as every reader's figure test reads it
    ([["信息内容", "本年制发件数", "本年废止件数"]], True),
])
def test_pipes_are_a_table_only_with_figures_or_template_labels(rows, table):
    assert is_table(rows) is table


def test_page_chrome_stays_text():
    blocks = parse_text("设为首页 | 加入收藏 | 网站地图 |\n首页 | 政府信息公开 | 年报 |\n\n一、总体情况\n")
    assert all(isinstance(b, Paragraph) for b in blocks)
    assert "设为首页" in blocks[0].text and "加入收藏" in blocks[0].text


@pytest.mark.parametrize("cells", [
    ["索引号", "0001/2024-1", "发布机构", "某某市司法局", "信息名称", "某某市司法局2023年报告", "发布日期", "2024-01-20"],
    ["索引号：0001/2024-1", "发布机构：某某市司法局", "信息名称：某某市司法局2023年报告", "发布日期：2024年1月20日"],
])
def test_metadata_row(cells):
    blocks, meta = take_metadata([Table.from_rows([cells]), Paragraph("一、总体情况")])
    assert meta == {"index_no": "0001/2024-1", "publisher": "某某市司法局", "title": "某某市司法局2023年报告",
                    "published": "2024-01-20"}
    assert blocks == [Paragraph("一、总体情况")]


def test_a_table_that_merely_names_a_label_is_no_metadata():
    table = Table.from_rows([["信息内容", "本年制发件数"], ["规章", "0"]])
    assert take_metadata([table]) == ([table], {})
    assert metadata_pairs(["文号", "索引号"]) == []


def test_a_metadata_box_with_the_title_on_a_row_of_its_own():
    rows = [["标题:", "某县某镇人民政府2025年政府信息公开工作年度报告"], ["索引号:", "0001/2026-1", "文号:", "无文号"],
            ["发文日期:", "2026-01-26", "发布机构:", "某县某镇人民政府"]]
    blocks, meta = take_metadata([Table.from_rows(rows), Paragraph("一、总体情况")])
    assert meta["title"] == "某县某镇人民政府2025年政府信息公开工作年度报告"
    assert meta["published"] == "2026-01-26" and meta["publisher"] == "某县某镇人民政府"
    assert blocks == [Paragraph("一、总体情况")]
    lone = Table.from_rows([["标题:", "某县某镇人民政府2025年政府信息公开工作年度报告"]])
    assert take_metadata([lone])[0] == [lone]  # one label alone is no box


def test_a_date_under_any_usual_label_is_the_page_date():
    blocks, meta = take_metadata([Table.from_rows([["发布时间:2023-01-13", "发布机构:市生态环境局", "字体:[ ]"],
                                                   ["体裁分类:其他年度报告", "主题分类:环境保护", "文号:"]]),
                                  Paragraph("一、总体情况")])
    assert meta == {"published": "2023-01-13", "publisher": "市生态环境局"}
    assert [b.text for b in blocks] == ["一、总体情况"]


def test_a_paragraph_of_sentences_is_never_metadata():
    text = "索引号: | 002482082/2025-00022 | 发布机构: | 省教育厅 | 某厅2024年报告。一、总体情况。2024年，某厅公开信息705条。"
    blocks, meta = take_metadata([Paragraph(text)])
    assert [b.text for b in blocks] == [text] and meta == {}


def test_one_cell_per_line_with_rows_padded_to_the_table_width():
    """A lone | is an empty cell; a line of pipes pads a short row to the width, and full rows carry no padding."""
    lines = ["第二十条第（一）项 |", "|||", "信息内容 |", "本年制发件数 |", "本年废止件数 |", "现行有效件数 |",
             "规章 |", "/ |", "/ |", "/ |", "行政许可 |", "0 |", "||"]
    assert trailing_pipe_rows(lines) == [["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                                         ["规章", "/", "/", "/"], ["行政许可", "0"]]
    apply = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |", "申请人情况 |", "||||||||",
             "一、本年新收政府信息公开申请数量 |", "|", "|", "|", "|", "|", "|", "2 |", "||"]
    assert trailing_pipe_rows(apply)[1] == ["一、本年新收政府信息公开申请数量", "", "", "", "", "", "", "2"]


def test_a_row_whose_closing_pipe_fell_on_the_next_line():
    text = ("二、主动公开政府信息情况\n第二十条第（一）项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
            "规章 | 0 | 0 | 0\n|\n行政规范性文件 | 2 | 1 | 7\n|\n")
    table = next(b for b in parse_text(text) if isinstance(b, Table))
    assert [list(r) for r in table.rows][-2:] == [["规章", "0", "0", "0"], ["行政规范性文件", "2", "1", "7"]]


def test_an_empty_cell_written_as_space_pipe_keeps_its_column_where_a_bare_pipe_ends_the_row():
    """``3 |`` / `` |`` × 5 / ``3 |`` / ``|``: the empty cells hold their places, so the last figure is the 总计."""
    lines = ["一、本年新收政府信息公开申请数量 | | |", "3 |"] + [" |"] * 5 + ["3 |", "|", "二、上年结转政府信息公开申请数量 | | |",
                                                                       "0 |", " |", "0 |", "|"]
    rows = trailing_pipe_rows(lines)
    assert rows[0][3:] == ["3", "", "", "", "", "", "3"]
    assert rows[1][3:] == ["0", "", "0"]


def test_a_label_on_its_own_line_takes_the_figures_on_the_next_line():
    """``规章 |`` / ``0 | 0 | 0 |``: a page whose label cells hold a paragraph breaks the line after the label."""
    lines = ["第二十条第（一）项 | |||", "信息内容 |", "本年制发件数 |", "本年废止件数 |", "现行有效件数 |",
             "规章 |", "0 | 0 | 0 |", "行政规范性文件 |", "2 | 1 | 7 |", "第二十条第（五）项 | |||", "行政许可 |", "114 | ||"]
    rows = trailing_pipe_rows(lines)
    assert ["规章", "0", "0", "0"] in rows and ["行政规范性文件", "2", "1", "7"] in rows
    assert ["行政许可", "114", "", ""] in rows
    assert ["信息内容"] in rows and ["本年制发件数"] in rows  # header words are no labels of figures


def test_one_cell_per_line_with_no_line_between_rows_ends_a_row_at_its_padding():
    """``0 | |``: with no ``|`` line between rows, the extra pipe of a row's last cell (a blank column after it, or a
    section row's span) ends the row; the figures keep their columns."""
    lines = ["第二十条第（一）项 | ||||", "信息内容 |", "本年新 |", "本年新 |", "对外公开总数量 | |",
             "规章 |", "0 |", "0 |", "0 | |", "规范性文件 |", "3 |", "14 |", "14 | |",
             "第二十条第（五）项 | ||||", "行政许可 |", "0 |", "+10 |", "0 | |"]
    rows = trailing_pipe_rows(lines)
    assert rows[0][0] == "第二十条第（一）项" and not any(rows[0][1:])
    assert ["信息内容", "本年新", "本年新", "对外公开总数量", ""] in rows
    assert ["规范性文件", "3", "14", "14", ""] in rows and ["行政许可", "0", "+10", "0", ""] in rows


def test_a_figure_line_after_a_figure_line_stays_its_own_row():
    rows = trailing_pipe_rows(["行政许可 | 2629 |", "12 |", "行政处罚 |", "3 |"])
    assert rows == [["行政许可", "2629"], ["12"], ["行政处罚", "3"]]


def test_labels_apart_from_their_figures_read_as_the_tables_cells(tmp_path):
    from indexer.extract import extract

    body = ["某县某局2021年政府信息公开工作年度报告", "二、主动公开政府信息情况", "第二十条第（一）项 | |||", "信息内容 |",
            "本年制发件数 |", "本年废止件数 |", "现行有效件数 |", "规章 |", "0 | 0 | 0 |", "行政规范性文件 |", "2 | 1 | 7 |",
            "第二十条第（五）项 | |||", "信息内容 |", "本年处理决定数量 | ||", "行政许可 |", "114 | ||",
            "第二十条第（六）项 | |||", "信息内容 |", "本年处理决定数量 | ||", "行政处罚 |", "43 | ||", "行政强制 |", "5 | ||"]
    f = tmp_path / "report.txt"
    f.write_text("\n".join(body) + "\n", encoding="utf-8")
    got = {k: m.value for k, m in extract(f).metrics.items()}
    assert got["active.normative.issued"] == 2 and got["active.normative.in_force"] == 7
    assert (got["active.licensing.decisions"], got["active.penalty.decisions"], got["active.coercion.decisions"]) == (114, 43, 5)


def test_a_whole_row_starting_with_empty_cells_stays_in_its_table():
    """Table 4 written as whole rows: its third header row starts with the empty cells under 行政复议's columns
    (`` |  |  |  |  | 结果维持 | …``), a line that begins with a pipe between rows that do not."""
    text = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n"
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"
            " |  |  |  |  | " + " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + " |\n"
            "5 | 2 | 1 | 0 | 8 | 3 | 0 | 1 | 2 | 6 | 1 | 0 | 0 | 1 | 2 |\n五、存在的主要问题及改进情况\n")
    tables = [b for b in parse_text(text) if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 4
    assert list(tables[0].rows[-1]) == "5 2 1 0 8 3 0 1 2 6 1 0 0 1 2".split()


def test_a_title_run_onto_a_metadata_box_stays_text():
    # a saved page prints its CMS box with trailing pipes and the title right under it; the lines run
    # together into one paragraph whose last cell is the title, not a metadata value
    text = ("索 引 号: | 001122/2025-00010 | 主题分类: | 科技、教育/教育 |\n"
            "发布机构: | 省农业厅 | 公开日期: | 2025-01-20 |\n"
            "某省农业厅2024年度政府信息公开工作报告 | " + "|" * 120 + "\n"
            "|\n" + "|" * 120 + "\n"
            "2024年,省农业厅着力提升信息公开质效。现将我厅2024年度政府信息公开工作报告公开如下。\n")
    blocks, meta = take_metadata(parse_text(text))
    assert meta["published"] == "2025-01-20"
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts[0] == "某省农业厅2024年度政府信息公开工作报告"


def test_a_metadata_box_alone_leaves_no_text():
    text = "索引号: | 001122/2025-00010 | 发布机构: | 某县水利局 |\n发文日期: | 2025-01-20 | 时效: | 有效 |\n\n某县水利局坚持公开为常态。\n"
    blocks, meta = take_metadata(parse_text(text))
    assert [b.text for b in blocks] == ["某县水利局坚持公开为常态。"]


def test_a_box_printed_label_value_label_value_with_its_spaces_gone_is_metadata():
    rows = [Paragraph("信息索引号01404053X/2024-00175生成日期2024-01-22公开日期2024-01-22"),
            Paragraph("文件编号公开时限长期公开发布机构某开发区党政办公室"),
            Paragraph("公开形式网站公开方式主动公开公开范围面向社会"),
            Paragraph("有效期长期公开程序部门内部审核后公开效力状况有效"),
            Paragraph("2023年政府信息公开工作年度报告"), Paragraph("一、总体情况")]
    blocks, meta = take_metadata(rows)
    assert [b.text for b in blocks] == ["2023年政府信息公开工作年度报告", "一、总体情况"]
    assert meta["publisher"] == "某开发区党政办公室" and meta["published"] == "2024-01-22"
    # a sentence naming labels, a line that does not start on one, one label alone: text
    for text in ("发布机构和发布日期均在页面上方公开。", "本局发布机构信息发布日期为每月一日", "发布机构某县某局",
                 "名称：某局2022年政府信息公开工作年度报告 发布日期：2023-01-10"):
        assert take_metadata([Paragraph(text)])[0] == [Paragraph(text)], text
