"""The plain-text reader: encodings, the three table layouts, wrapped lines and broken labels."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from indexer.blocks import Paragraph, Table
from indexer.readers import ReadError, read_document
from indexer.readers.text import parse_text, should_join

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"

REPORT = "某某县2023年政府信息公开工作年度报告\n\n一、总体情况\n\n2023年，我县主动公开政府信息185条。\n"


def write(tmp_path: Path, data: bytes, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def rows(table: Table) -> list[list[str]]:
    return [list(r) for r in table.rows]


# ------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    "data,encoding",
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings(tmp_path, data, encoding):
    doc = read_document(write(tmp_path, data))
    assert doc.format == "txt"
    assert doc.encoding == encoding
    assert doc.paragraphs() == ["某某县2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我县主动公开政府信息185条。"]


def test_crlf_line_ends(tmp_path):
    doc = read_document(write(tmp_path, REPORT.replace("\n", "\r\n").encode("gbk")))
    assert doc.paragraphs()[1] == "一、总体情况"


def test_random_bytes_are_refused(tmp_path):
    data = bytes((i * 7919 + 13) % 256 for i in range(30000)) + os.urandom(3000)
    with pytest.raises(ReadError):
        read_document(write(tmp_path, data))


def test_text_without_chinese_is_refused(tmp_path):
    with pytest.raises(ReadError, match="no Chinese text"):
        read_document(write(tmp_path, b"just some notes\nnothing else\n"))


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(ReadError, match="empty"):
        read_document(write(tmp_path, b""))


# ------------------------------------------------------------ tables

TAB_TABLE = (
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\t\t\t\n"
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
    "\n"
    "规章\t0\t0\t0\n"
    "行政规范性文件\t２\t1\t5\n"
    "三、收到和处理政府信息公开申请情况\n"
)


def test_tab_separated_table_with_blank_line_inside():
    blocks = parse_text(TAB_TABLE)
    assert blocks[0] == Paragraph("二、主动公开政府信息情况")
    assert isinstance(blocks[1], Table)
    assert rows(blocks[1]) == [
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "2", "1", "5"],
    ]
    assert blocks[2] == Paragraph("三、收到和处理政府信息公开申请情况")
    assert len(blocks) == 3


def test_one_cell_per_line_table():
    text = (
        "二、主动公开政府信息情况\n"
        "\t第二十条第（一）项\n"
        "\n"
        "\t信息内容\n\t本年新制作数量\n\t本年新公开数量\n\t对外公开总数量\n"
        "\n"
        "\t规章\n\t0\n\t0\n\t0\n"
        "\n"
        "\t规范性文件\n\t4\n\t4\n\t12\n"
        "\n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    blocks = parse_text(text)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    assert rows(blocks[1]) == [
        ["第二十条第（一）项"],
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "0", "0", "0"],
        ["规范性文件", "4", "4", "12"],
    ]


def test_markdown_pipe_table():
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "| 行政复议 | 行政诉讼 |\n"
        "|---|---|\n"
        "| **结果维持** | 结果纠正 |\n"
        "| 0 | 1 |\n"
        "五、存在的主要问题及改进情况\n"
    )
    blocks = parse_text(text)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    assert rows(blocks[1]) == [["行政复议", "行政诉讼"], ["结果维持", "结果纠正"], ["0", "1"]]


def test_row_label_broken_over_two_lines():
    text = (
        "（四）无法提供\t1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1\n"
        "\t3.补正后申请内容仍\t0\t0\t0\t0\t0\t0\t0\n"
        "\n"
        "\t不明确\t\t\t\t\t\t\t\n"
        "（五）不予处理\t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0\n"
    )
    (table,) = parse_text(text)
    assert rows(table) == [
        ["（四）无法提供", "1.本机关不掌握相关政府信息", "1", "0", "0", "0", "0", "0", "1"],
        ["", "3.补正后申请内容仍不明确", "0", "0", "0", "0", "0", "0", "0"],
        ["（五）不予处理", "1.信访举报投诉类申请", "0", "0", "0", "0", "0", "0", "0"],
    ]


def test_a_single_tab_line_is_not_a_table():
    blocks = parse_text("联系电话：\t0535-1234567\n一、总体情况\n")
    assert blocks == [Paragraph("联系电话：0535-1234567"), Paragraph("一、总体情况")]


# ------------------------------------------------------------ paragraphs


def test_wrapped_paragraph_is_joined():
    text = (
        "（一）进一步完善政务公开的决策机制。对关系人民群众切身利益的重大决策，严格执行决\n"
        "\n"
        "策调研、咨询论证、征求意见等相关程序，保证决策的合法性。\n"
        "（二）推进部门政务公开的公信力。\n"
    )
    assert [b.text for b in parse_text(text)] == [
        "（一）进一步完善政务公开的决策机制。对关系人民群众切身利益的重大决策，严格执行决策调研、咨询论证、征求意见等相关程序，保证决策的合法性。",
        "（二）推进部门政务公开的公信力。",
    ]


def test_headings_and_dates_are_not_joined():
    text = "一、总体情况\n2023年，我局信息公开工作取得成效，\n2024年1月20日\n某某局\n"
    assert [b.text for b in parse_text(text)] == [
        "一、总体情况",
        "2023年，我局信息公开工作取得成效，",
        "2024年1月20日",
        "某某局",
    ]


def test_two_blank_lines_end_a_paragraph():
    text = "我局主动公开信息，内容涵盖财政预决算、\n\n\n行政许可等方面。\n"
    assert len(parse_text(text)) == 2


@pytest.mark.parametrize(
    "prev,nxt,expected",
    [
        ("全年主动公开政府信息，其中政策文件", "56件，政策解读35篇。", True),
        ("全年主动公开政府信息185条。", "其中政策文件56件。", False),
        ("全年主动公开政府信息，其中政策文件", "（二）依申请公开情况", False),
        ("一、总体情况", "2023年，我局…", False),
        ("全年主动公开政府信息，其中政策文件", "2024年1月20日", False),
    ],
)
def test_should_join(prev, nxt, expected):
    assert should_join(prev, nxt) is expected


def test_full_width_digits_and_stray_spaces_normalized():
    (p,) = parse_text("全年共公开信息 １８５ 条，办理申请 ３ 件。\n")
    assert p.text == "全年共公开信息185条，办理申请3件。"


# ------------------------------------------------------------ the bundled samples


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_samples_read(name):
    doc = read_document(SAMPLES / name)
    assert doc.paragraphs(), name
    assert any("年度报告" in p for p in doc.paragraphs()[:3])


def test_sample_apply_table_keeps_its_rows():
    doc = read_document(SAMPLES / "002_4d9a4a9cceefb299.txt")
    apply_table = next(t for t in doc.tables() if any("本年新收" in c for r in t.rows for c in r))
    labels = [c for r in apply_table.rows for c in r if c and not c.isdigit()]
    assert "3.补正后申请内容仍不明确" in labels
    assert "不明确" not in labels
    assert ["一、", "本年新收政府信息公开申请数量", "3", "0", "0", "1", "0", "0", "4"] in [list(r) for r in apply_table.rows]


# ------------------------------------------------------------ space-aligned columns (PDF-to-text output)


def test_space_aligned_columns_are_a_table():
    text = (
        "二、主动公开政府信息情况\n"
        "信息内容      本年制发件数   本年废止件数   现行有效件数\n"
        "规章          0              0              0\n"
        "行政规范性文件  2            1              5\n"
        "行政许可      603\n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    blocks = parse_text(text)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert rows(tables[0]) == [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "2", "1", "5"],
        ["行政许可", "603"],
    ]
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text.startswith("三、")


def test_prose_with_double_spaces_stays_prose():
    text = "2022年，我局主动公开政府信息  185条，  其中规范性文件3件。\n联系电话：1234567    地址：某某路1号\n"
    assert all(isinstance(b, Paragraph) for b in parse_text(text))


def test_a_sample_in_space_aligned_layout_meets_its_expected_record(tmp_path):
    import json
    import re

    from indexer.extract import extract

    name = "002_4d9a4a9cceefb299.txt"
    text = (SAMPLES / name).read_text(encoding="utf-8")
    spaced = "\n".join(re.sub(r"\t+", "    ", line.strip("\t")) if "\t" in line else line for line in text.split("\n"))
    path = tmp_path / name
    path.write_text(spaced, encoding="utf-8")
    expected = json.loads((Path(__file__).parent / "fixtures" / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    metrics = extract(path).metrics
    wrong = {k: (metrics[k].value if k in metrics else None, v) for k, v in expected["metrics"].items()
             if k not in metrics or metrics[k].value != v}
    assert not wrong


# ------------------------------------------------------------ a cell per line, no markers (PDF-to-text without layout)


def test_row_labels_on_their_own_lines_take_the_figures_below():
    text = ("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n"
            "社会公益组织\n法律服务机构\n其他\n（二）部分公开（区分处理的，只计\n这一情形，不计其他情形）\n1 0 0 0 0 0 1\n"
            "3.其他\n0 0 0 0 0 0 0\n")
    tables = [rows(b) for b in parse_text(text) if isinstance(b, Table)]
    assert tables[0][0][:3] == ["申请人情况", "自然人", "法人或其他组织"]  # the label lines are one header row
    assert tables[1] == [["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] + "1 0 0 0 0 0 1".split(),
                         ["3.其他"] + ["0"] * 7]


def test_figures_are_joined_only_to_a_label_whose_table_has_that_many():
    text = "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n" + " ".join(["0"] * 15) + "\n"
    tables = [rows(b) for b in parse_text(text) if isinstance(b, Table)]
    assert tables[-1] == [[""] + ["0"] * 15]  # 总计 heads table 4's columns here: fifteen figures are no 总计 row
    assert [rows(b) for b in parse_text("行政许可\n1,234\n")] == [[["行政许可", "1,234"]]]
    assert all(isinstance(b, Paragraph) for b in parse_text("全年共办理\n12 3\n"))


def test_metadata_rows_and_list_items_are_never_joined_to_the_next_line():
    assert not should_join("•索引号:78663548-8/2023-34615 主题分类:交通、工业、信息化", "•发文机关:某厅")
    assert not should_join("•时效性:有效、长期", "某厅")  # a list item
    assert not should_join("发布机构:某厅，成文日期:2023-01-19", "某厅2022年政府信息公开工作年度报告")
    assert should_join("本报告由总体情况、主动公开政府信息情况", "等六部分组成。")


def test_every_cell_a_paragraph_with_empty_cells_as_blank_lines():
    """A saved page's table as text: a blank line after every cell, one more for an empty cell."""
    text = ("二、主动公开政府信息情况\n\n信息内容\n\n上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n行政许可\n\n0\n\n3\n\n12\n\n"
            "三、收到和处理政府信息公开申请情况\n\n一、本年新收政府信息公开申请数量\n\n\n\n\n\n\n\n5\n\n")
    tables = [rows(b) for b in parse_text(text) if isinstance(b, Table)]
    assert tables[0] == [["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]]
    assert tables[1] == [["行政许可", "0", "3", "12"]]
    assert tables[2] == [["一、本年新收政府信息公开申请数量"] + ["—"] * 6 + ["5"]]  # six empty cells, then 总计
    # where paragraphs are not blank-line separated, a blank line is no empty cell
    assert [rows(b) for b in parse_text("行政许可\n0\n\n3\n12\n") if isinstance(b, Table)] == [[["行政许可", "0", "3", "12"]]]


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


def test_tab_rows_whose_header_cells_held_line_breaks():
    """A browser's copy of a table whose header cells hold ``本年新<br>制作数量``: the header row comes out on three
    lines (信息内容⇥本年新 / 制作数量⇥本年新 / 公开数量⇥对外公开总数量) and is one row again."""
    text = ("第二十条第（一）项\n信息内容\t本年新\n制作数量\t本年新\n公开数量\t对外公开总数量\n规章\t0\t0\t0\n"
            "规范性文件\t0\t2\t9\n")
    rows = [list(t.rows) for t in parse_text(text) if isinstance(t, Table)]
    assert rows == [[("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"), ("规章", "0", "0", "0"),
                     ("规范性文件", "0", "2", "9")]]


def test_a_rows_figures_spread_over_lines_by_pdftotext():
    """pdftotext without layout writes a row's figures on several lines, some several to a line, some on the
    label's own line: they are the row's figures again."""
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数 本年废止件数 现行有效件数\n规章\n3\n5\n74\n"
            "行政规范性文件 564\n984\n4185\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n"
            "13612 252 0\n45\n128\n32 14069\n二、上年结转政府信息公开申请数量\n535\n6\n0\n1\n18\n0 560\n")
    rows = [r for t in parse_text(text) if isinstance(t, Table) for r in t.rows]
    assert ("行政规范性文件", "564", "984", "4185") in rows
    assert ("一、本年新收政府信息公开申请数量", "13612", "252", "0", "45", "128", "32", "14069") in rows
    assert ("二、上年结转政府信息公开申请数量", "535", "6", "0", "1", "18", "0", "560") in rows


def test_lines_of_several_figures_that_do_not_add_up_are_not_one_row():
    """Text that lists a table's figures column by column (pdfminer's text boxes): lines of several figures from
    different rows do not become one row of the label above them."""
    text = ("三、收到和处理政府信息公开申请情况\n（七）总计\n四、结转下年度继续办理\n\n35\n\n767 72\n\n2\n\n1 805\n72\n")
    rows = [r for t in parse_text(text) if isinstance(t, Table) for r in t.rows]
    assert not any(len(r) >= 7 for r in rows)


def _grids(blocks) -> list[list[list[str]]]:
    return [[list(r) for r in b.rows] for b in blocks if isinstance(b, Table)]


def test_figures_a_single_space_apart_in_a_space_aligned_row_are_cells():
    """PDF-to-text -layout keeps a table's column gaps only roughly: 0  0 0   0 is four cells."""
    text = "第二十条第（一）项\n信息内容     本年制发件数   本年废止件数   现行有效件数\n规章          1  0 12\n行政规范性文件   3 1   40\n"
    assert _grids(parse_text(text))[0][-2:] == [["规章", "1", "0", "12"], ["行政规范性文件", "3", "1", "40"]]


def test_table_4_row_of_figures_alone_under_a_header_left_as_words():
    """The header of table 4 as lines of words, then its fifteen figures on one line: one row, however they are spaced
    (0  0 0 …) or however PDF-to-text without layout broke them (a figure or two a line, when each group adds up)."""
    head = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果 结果 其他 尚未 总\n维持 纠正 结果 审结 计\n"
    figures = ["1", "0", "0", "0", "1", "0", "0", "0", "2", "2", "0", "1", "0", "0", "1"]
    spaced = head + "  ".join(figures[:5]) + " " + "   ".join(figures[5:]) + "\n五、存在的主要问题及改进情况\n"
    assert _grids(parse_text(spaced))[-1][-1][-15:] == figures
    broken = head + "\n".join(figures[:4] + [" ".join(figures[4:6])] + figures[6:]) + "\n五、存在的主要问题及改进情况\n"
    assert _grids(parse_text(broken))[-1][-1][-15:] == figures
    unsummed = head + "\n".join(figures[:4] + [" ".join(figures[4:6])] + ["7"] + figures[7:]) + "\n五、存在的主要问题\n"
    assert all(row[-15:] != figures[:6] + ["7"] + figures[7:] for g in _grids(parse_text(unsummed)) for row in g)


def test_a_label_cut_inside_its_remark_takes_the_figures_printed_under_it():
    """PDF-to-text -layout writes a wrapped label's figures on its middle line: （二）部分公开（区分处理的，只计 /
    0 0 0 0 0 0 0 / 这一情形，不计其他情形）."""
    text = ("三、收到和处理政府信息公开申请情况\n       （二）部分公开（区分处理的，只计\n"
            "                        1        0   0   0   0   0   1\n       这一情形，不计其他情形）\n")
    assert _grids(parse_text(text))[0][0] == ["（二）部分公开（区分处理的，只计", "1", "0", "0", "0", "0", "0", "1"]


def test_a_row_label_printed_before_the_rest_of_its_wrapped_group_cell():
    """PDF-to-text without layout: 三、本年度 （一）予以公开 / 办理结果 / the row's figures a line each. The row is
    （一）予以公开's; 办理结果 (the rest of the group cell 三、本年度办理结果) stays text."""
    text = ("三、收到和处理政府信息公开申请情况\n三、本年度 （一）予以公开\n办理结果\n\n" + "\n\n".join("3100004") +
            "\n\n（二）部分公开\n")
    grid = _grids(parse_text(text))[0]
    assert grid[-1] == ["三、本年度（一）予以公开", "3", "1", "0", "0", "0", "0", "4"]


def test_figures_on_both_sides_of_the_rest_of_a_wrapped_label():
    """PDF-to-text without layout: a wrapped label's first line, the row's first figure, the label's last line,
    then the row's other figures: 规章（设区的市、自治州人民政府应提供相 / 0 / 关数据） / 0 / 12."""
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
            "规章（设区的市、自治州人民政府应提供相\n3\n关数据）\n\n0\n\n12\n\n第二十条第（五）项\n")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert ["规章（设区的市、自治州人民政府应提供相", "3", "0", "12"] in rows


def test_a_label_wrapped_round_its_rows_first_figure():
    """PDF-to-text without layout on a ruled table: 2.其他法律行政法规 / 1 / 禁止公开 / then the row's other figures."""
    text = ("三、收到和处理政府信息公开申请情况\n2.其他法律行政法规\n1\n禁止公开\n\n" + "\n\n".join("000001") +
            "\n\n3.危及“三安全一稳定”\n")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert ["2.其他法律行政法规禁止公开", "1", "0", "0", "0", "0", "0", "1"] in rows


def test_a_long_label_wrapped_over_lines_with_its_figures_beside_a_middle_one():
    """PDF-to-text -layout: a 2019-template label with its long remark over five lines, the figures beside the
    third; the lines around hold no figure."""
    text = ("二、主动公开政府信息情况\n第二十条第（五）项\n信息内容     上一年项目数量     本年增/减     处理决定数量\n"
            "行政许可             8             5            93\n"
            "其他对外管理服务事项（指行政许可证以外\n的政务服务事项，含行政确认、行政奖励、\n"
            "行政裁决、行政给付、行政处罚、行政强  117           0         165\n制、行政检查、行政征收和其他类，以及公\n共服务事项）\n\n"
            "第二十条第（六）项\n")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert any(r[0].startswith("其他对外管理服务事项") and r[0].endswith("共服务事项）") and r[1:] == ["117", "0", "165"]
               for r in rows)


def test_a_dash_for_a_blank_cell_ends_a_row_of_figures_a_line_each():
    """行政强制 / 4 / 4 / - : the row's three cells, the last printed blank (absent, never 0)."""
    text = "二、主动公开政府信息情况\n第二十条第（六）项\n行政处罚\n\n90\n\n0\n\n22\n\n行政强制\n\n4\n\n4\n\n-\n\n第二十条第（八）项\n"
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert ["行政强制", "4", "4", "-"] in rows and ["行政处罚", "90", "0", "22"] in rows


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


def test_a_label_whose_remark_wraps_over_four_lines_takes_the_figures_under_it():
    """pdftotext -raw: a 2019-template label with its long remark over four lines, the row's figures on the next."""
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年新\n制作数量\n本年新\n公开数量\n对外公开总\n数量\n"
            "规章（设区的市、自治州人民政府应提供相\n关数据）\n0 0 0\n规范性文件（行政机关制定发布的决定、公\n告、通告、意见、通知，以及标题采用“规\n"
            "定”“办法”“细则”“规范”“规程”“规则”等字\n样的公文，一般情况下属于规范性文件）\n2 2 19\n第二十条第（五）项\n")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert any(r[0].startswith("规范性文件（") and r[1:] == ["2", "2", "19"] for r in rows)


def test_a_figure_one_space_after_the_label_that_fills_its_column_is_the_rows_first():
    """PDF-to-text -layout: a label that fills its column leaves one space before the row's first figure
    (…正式文号 2   0   83): 2 is the first cell, never a piece of the label (which would shift 0 and 83 left)."""
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n                 本年新          本年新\n"
            "信息内容                                     对外公开总数量\n                 制作数量         公开数量\n规章\n"
            "规范性文件（指各行政\n机关印发的有正式文号 2                  0          83\n的文件）\n第二十条第（五）项\n")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert [r[1:] for r in rows if "规范性文件（指各行政机关印发的有正式文号的文件）" in r[0]] == [["2", "0", "83"]]


def test_a_row_sharing_its_line_with_its_group_label_and_touching_it_is_a_row():
    """PDF-to-text -layout: （三）不予公开   1.属于国家秘密 0   0 … alone after a wrapped label's last line: the row's
    seven figures, its label after the group's."""
    text = ("三、收到和处理政府信息公开申请情况\n三、本年度 （二）部分公开（区分处理的，只计\n"
            "                       0           0   0   0   0   0   0\n办理结果  这一情形，不计其他情形）\n\n\n"
            "       （三）不予公开        1.属于国家秘密 2   0   0   0   0   0   2\n")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert ["（三）不予公开", "1.属于国家秘密", "2", "0", "0", "0", "0", "0", "2"] in rows


def test_a_label_ending_in_a_figure_of_its_own_keeps_it():
    """Only a label's last word that is a figure, with figures after it, is cut off; a line of words keeps its words."""
    assert _grids(parse_text("附件 2     共 3 页\n")) == []
    rows = [r for g in _grids(parse_text("第二十条第（五）项\n信息内容     本年处理决定数量\n行政许可 12   \n行政处罚     3\n"))
            for r in g]
    assert ["行政处罚", "3"] in rows


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


def test_a_rows_figures_on_the_line_of_a_piece_of_its_group_label():
    """PDF-to-text -layout of table 3's 不予公开 rows: a row's figures beside 三、本年度 or beside （三）不予公 (the group
    cell's text wrapped at another height), its own label wrapped above and below further right."""
    text = ("三、收到和处理政府信息公开申请情况\n"
            "三、本年度            1.属于国家秘密     1   0   0   0   0   0   1\n办理结果\n\n"
            "               2.其他法律行政法规\n        （三）不予公            2       0   0   0   0   0   2\n"
            "               禁止公开\n        开\n"
            "办理结果           3.危及“三安全一稳\n        （三）不予公            3    0   0   0   0   0   3\n"
            "               定”\n        开\n")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert ["三、本年度", "1.属于国家秘密", "1", "0", "0", "0", "0", "0", "1"] in rows
    assert ["2.其他法律行政法规禁止公开", "2", "0", "0", "0", "0", "0", "2"] in rows
    assert ["3.危及“三安全一稳定”", "3", "0", "0", "0", "0", "0", "3"] in rows
    paragraphs = [b.text for b in parse_text(text) if isinstance(b, Paragraph)]
    assert "（三）不予公" in paragraphs and "办理结果" in paragraphs  # the group label's text stays


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


def _active_2019_cut_header(tmp_path, header: list[str]) -> dict[str, float]:
    from indexer.extract import extract

    lines = ["某某局2019年政府信息公开工作年度报告", "", "二、主动公开政府信息情况", "第二十条第（一）项"]
    for cell in header + ["规章", "0", "0", "0", "规范性文件", "0", "14", "14"]:
        lines += [cell, ""]  # a cell a paragraph, as PDF-to-text without layout writes a table
    f = tmp_path / "report.txt"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {k: m.value for k, m in extract(f).metrics.items()}


def test_a_header_cell_cut_short_on_lines_of_its_own_still_names_its_columns(tmp_path):
    """信息内容 / 本年新 / 本年新 / 对外公开总数量 (the 制作数量 and 公开数量 of 本年新<br>制作数量 lost)."""
    got = _active_2019_cut_header(tmp_path, ["信息内容", "本年新", "本年新", "对外公开总数量"])
    assert (got["active.normative.made"], got["active.normative.published"], got["active.normative.total_published"]) == (0, 14, 14)
    assert "active.normative.issued" not in got


def test_lines_that_merely_start_column_labels_are_no_header_alone(tmp_path):
    """One whole label beside two pieces is too little to call the lines a header."""
    from indexer.readers.text import _header_runs

    assert _header_runs(["本年新", "本年新", "对外公开总数量"]) == ["本年新", "本年新", "对外公开总数量"]
    assert _header_runs(["信息内容", "本年新", "本年新", "对外公开总数量"]) == ["信息内容\t本年新\t本年新\t对外公开总数量"]


def test_a_header_word_broken_across_lines_is_no_cut_short_cell():
    """本年新 / 公开数量: one cell broken by the line, not two columns cut short; the lines stay as they are."""
    from indexer.readers.text import _header_runs

    lines = ["信息内容", "", "本年新制作数量", "", "本年新", "", "公开数量", "", "对外公开", "", "总数量"]
    assert "\t".join(["信息内容", "本年新制作数量", "本年新"]) not in _header_runs(lines)
