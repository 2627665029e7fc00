"""Space-aligned tables (PDF-to-text -layout): cells, figures touching a label, long labels wrapped round their figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.blocks import Paragraph, Table
from indexer.readers.text import parse_text

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


def rows(table: Table) -> list[list[str]]:
    return [list(r) for r in table.rows]


def _grids(blocks) -> list[list[list[str]]]:
    return [[list(r) for r in b.rows] for b in blocks if isinstance(b, Table)]


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


def test_a_row_beside_a_group_piece_of_one_character_after_its_numeral_gets_its_label():
    """PDF text with layout of a narrow table: （三）不予公开 wraps after one character, so the row's figures stand on
    the line of （三）不 and its own label is wrapped above and below (2.其他法律行政法 / 规禁止公开)."""
    from indexer.readers.spaced import spaced_labels_whole

    lines = ["               1.属于国家秘密    0   0   0   0   0   0   0", " 办理结果", "               2.其他法律行政法",
             "        （三）不               1   0   0   0   0   0   1", "                  规禁止公开", "         予公开"]
    assert "2.其他法律行政法规禁止公开  1  0  0  0  0  0  1" in spaced_labels_whole(lines)
    assert spaced_labels_whole(["三、不", "1  0  0  0  0  0  1"]) == ["三、不", "1  0  0  0  0  0  1"]


def test_label_wrapped_above_and_below_figures_on_their_own_line():
    """pdftotext -layout of a Chromium PDF: a long row label wraps round its figures' line, a piece of the group
    cell (理结果, 开) at the left of the label's first line."""
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量            5  1  0 0       0   0    6\n"
        "二、上年结转政府信息公开申请数量            0  0  0 0       0   0    0\n"
        "三、本年度办 (一)予以公开              3  1  0 0       0   0    4\n"
        "理结果    (二)部分公开(区分处理的,只计这一情\n"
        "                            2   0   0   0   0   0    2\n"
        "       形,不计其他情形)\n"
        "       (三)不予公 1.属于国家秘密      0   0   0   0   0   0    0\n"
        "       开       2.其他法律行政法规禁止\n"
        "                            0   0   0   0   0   0    0\n"
        "               公开\n"
        "               3.危及“三安全一稳定” 0   0   0   0   0   0    0\n"
    )
    rows_ = [r for g in _grids(parse_text(text)) for r in g]
    partial = [r for r in rows_ if r and "部分公开" in r[0]]
    law = [r for r in rows_ if r and "禁止公开" in r[0]]
    assert partial and partial[0][-7:] == ["2", "0", "0", "0", "0", "0", "2"]
    assert law and law[0][-7:] == ["0"] * 7


def test_label_wrapped_above_its_single_spaced_figures():
    """pypdfium2's text: a long label's first line alone, the rest one space before the figures
    (5.要求行政机关确认或重新出具 / 已获取信息 5 0 0 0 0 0 5); the next group's first piece (（六）其) is no part of it."""
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "（二）部分公开（区分处理的，只计这一\n情形，不计其他情形） 2120 39 0 1 6 2 2168\n"
        "4.无正当理由大量反复申请 100 1 0 0 0 0 101\n"
        "5.要求行政机关确认或重新出具\n已获取信息 5 0 0 0 0 0 5\n（六）其\n他处理\n"
        "1.申请人无正当理由逾期不补\n正、行政机关不再处理其政府\n信息公开申请 315 3 0 0 0 0 318\n"
    )
    rows_ = {r[0]: r[1:] for g in _grids(parse_text(text)) for r in g if r}
    assert rows_.get("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "2120 39 0 1 6 2 2168".split()
    assert rows_.get("5.要求行政机关确认或重新出具已获取信息") == "5 0 0 0 0 0 5".split()


def test_label_wrapped_round_its_figures_with_a_group_piece_beside_its_first_line():
    """pdftotext -layout of a LibreOffice PDF: （二）部分公开's label wraps over three lines, its figures on the middle
    one, and a piece of the group cell (办理结果) stands left of the label's first line. The row gets its whole label
    and its figures; the group piece stays a line of its own."""
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量                    9   2   0   0   1   0    12\n"
        "三、本年度      （一）予以公开                  4    1   0   0   0   0    5\n"
        "办理结果       （二）部分公开（区分处理\n"
        "           的，只计这一情形，不计其他            3   1   0   0   0   0    4\n"
        "           情形）\n"
        "           （三）不      1.属于国家秘密       0    0   0   0   0   0    0\n"
    )
    blocks = parse_text(text)
    rows_ = [r for g in _grids(blocks) for r in g]
    partial = [r for r in rows_ if r and r[0].startswith("（二）部分公开")]
    assert partial and partial[0] == ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "3", "1", "0", "0", "0", "0", "4"]
    assert not any("办理结果" in c and "部分公开" in c for r in rows_ for c in r)


def test_label_wrapped_round_its_figures_beside_a_group_label_wrapped_the_same_way():
    """pdftotext -layout of a LibreOffice PDF: 4.无正当理由大量反复申请 wraps over three lines, its figures on the
    middle one, beside （五）不予处理 wrapped too: 不予处 one space before the label's first line, 理 before the
    figures. The row gets its whole label and its figures; the group's pieces are no part of the label."""
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "           2.重复申请          21    1     0   0    0     0    22\n"
        "       （五） 3.要求提供公开出版物 0         0     0   0    0     0    0\n"
        "       不予处 4.无正当理由大量反复\n"
        "       理               7        2     0   0    0     0    9\n"
        "           申请\n"
        "           5.要求行政机关确认或\n"
        "                       1         0     0   0    0     0    1\n"
        "           重新出具已获取信息\n"
    )
    rows_ = [r for g in _grids(parse_text(text)) for r in g]
    assert ["4.无正当理由大量反复申请", "7", "2", "0", "0", "0", "0", "9"] in rows_
    assert not any("理" in c and "反复" in c and not c.startswith("4.") for r in rows_ for c in r)


def test_table_4_figures_under_a_header_keep_the_columns_of_their_positions():
    """pdftotext -layout of a one-row table 4 printing blank cells: the figures stand under their header words
    (5 under 维持, 2 under 审结 …), the blanks are only spaces. Read at the header's positions, each figure keeps its
    column; a line that does not line up with the header is left as it was."""
    head = ("四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议                    行政诉讼\n"
            "结果   结果   其他   尚未   总\n"
            "维持   纠正   结果   审结   计   结果   结果   其他   尚未   总   结果   结果   其他   尚未   总\n"
            "                        维持   纠正   结果   审结   计   维持   纠正   结果   审结   计\n")
    rows_ = [r for g in _grids(parse_text(head + "3              4    7   6              2    8\n")) for r in g]
    assert ["3", "", "", "4", "7", "6", "", "", "2", "8"] in rows_
    rows_ = [r for g in _grids(parse_text(head + "3           4    7   6              2    8\n")) for r in g]
    assert ["3", "4", "7", "6", "2", "8"] in rows_


def test_a_wrapped_label_stops_at_the_next_rows_label_below_its_figures():
    # 规章's note wrapped, its figures beside the last piece; the lines below start 规范性文件's own label (its
    # figures on a line of their own further down): they are no part of 规章's label, nor are its figures 规范性文件's.
    from indexer.readers.spaced import spaced_labels_whole

    lines = [
        "规章（说明文字甲乙丙丁戊己庚辛壬癸子丑寅卯相关",
        "数据） 0 0 0",
        "规范性文件（说明文字甲乙丙丁戊己庚辛壬癸子丑寅",
        "卯辰巳午未申酉戌亥一二三四五六七八九十百千万",
        "亿兆京垓秭穰沟涧正载极恒河沙阿僧祇那由他不可",
        "思议）",
        "87 0 0",
    ]
    out = spaced_labels_whole(lines)
    assert out[0] == "规章（说明文字甲乙丙丁戊己庚辛壬癸子丑寅卯相关数据） 0 0 0"
    assert out[1:] == lines[2:]


def test_a_rows_figures_split_between_the_two_lines_of_its_wrapped_label():
    """A browser's PDF set （二）部分公开's figures beside both lines of its label; PDF-to-text -layout wrote four on the
    first line and three, further right, on the second: one row, seven figures in order, 办理结果 a line apart."""
    text = ("三、收到和处理政府信息公开申请情况\n"
            "                    自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
            " 三、本年度 （一）予以公开               2  0  0  0   0   0 2\n"
            " 办理结果 （二）部分公开（区分处理的，只计这 1 0 0 0\n"
            "         一情形，不计其他情形）                      0   1 2\n"
            "         （三）不予公 1.属于国家秘密     0  0  0  0   0   0 0\n")
    rows = [list(r) for b in parse_text(text) if isinstance(b, Table) for r in b.rows]
    partial = [r for r in rows if r and r[0].startswith("（二）部分公开")]
    assert partial == [["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1", "0", "0", "0", "0", "1", "2"]]
    assert not any(r and r[0].startswith("一情形") for r in rows)


def test_figures_of_the_second_line_left_of_the_first_lines_are_not_joined():
    from indexer.readers.spaced import spaced_labels_whole
    lines = ["办理结果 （二）部分公开（区分处理的，只计这        1 0 0 0",
             "         一情形，不计其他情形）   0   1 2"]
    assert spaced_labels_whole(lines) == lines


def test_a_money_amount_wrapped_round_its_rows_line_is_the_rows_last_cell():
    """pdftotext -layout of a LibreOffice PDF: 3405820元 wrapped in its cell, the figure on the line above the row's
    and 元 on the line below. The row gets it as its last cell (采购总金额 after 采购项目数量); a figure above a row that
    already has all its cells, or with no unit below, stays where it is."""
    text = (
        "二、主动公开政府信息情况\n"
        "              第二十条第（九）项\n"
        "   信息内容          采购项目数量     采购总金额\n"
        "                   3405820\n"
        "政府集中采购      21\n"
        "                      元\n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    rows_ = [r for g in _grids(parse_text(text)) for r in g]
    assert ["政府集中采购", "21", "3405820元"] in rows_
    kept = text.replace("政府集中采购      21", "政府集中采购      21     7")
    assert not any("3405820元" in c for g in _grids(parse_text(kept)) for r in g for c in r)


# A table-3 row that -layout printed with its blank cells as spaces: 自然人 1 and 总计 1, under a header wrapped a
# word a line (b27: a city bureau's row 一 of one natural person's application).
_SHORT_ROW_HEADER = [
    "                              法人或其他组织",
    "（本列数据的勾稽关系为：第一项加第二项之和，等",
    "于第三项加第四项之和）                自然 商 科               总",
    "                           人  业 研 社会公益 法律服务 其   计",
    "                              企 机 组织   机构   他",
    "                              业 构",
]


def _row_cells(text: str) -> list[tuple[str, ...]]:
    return [row for b in parse_text(text) if isinstance(b, Table) for row in b.rows if "本年新收" in row[0]]


def test_short_applicant_row_keeps_each_figure_under_its_column():
    row = "一、本年新收政府信息公开申请数量           1                    1"
    assert _row_cells("\n".join(_SHORT_ROW_HEADER + [row])) == [
        ("一、本年新收政府信息公开申请数量", "1", "", "", "", "", "", "1")]
    # under 商业企业 and 总计
    row = "一、本年新收政府信息公开申请数量              2                 2"
    assert _row_cells("\n".join(_SHORT_ROW_HEADER + [row])) == [
        ("一、本年新收政府信息公开申请数量", "", "2", "", "", "", "", "2")]


def test_short_applicant_row_off_the_columns_stays_as_read():
    # a figure between two columns: no column is sure, the row is read as before (its blanks unplaced)
    row = "一、本年新收政府信息公开申请数量               1                1"
    assert _row_cells("\n".join(_SHORT_ROW_HEADER + [row])) == [("一、本年新收政府信息公开申请数量", "1", "1")]
    # no header above: as before
    assert _row_cells(row) == [("一、本年新收政府信息公开申请数量", "1", "1")]
    # a whole row of seven figures is read as printed
    row = "一、本年新收政府信息公开申请数量           1  0 0 0    0    0   1"
    assert _row_cells("\n".join(_SHORT_ROW_HEADER + [row]))[0][1:] == ("1", "0", "0", "0", "0", "0", "1")


_NOTED = (
    "某县某局2023年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "2023年，我局认真贯彻落实《条例》，主动公开政府信息120条。\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\n"
    "信息内容{s}本年制发件数{s}本年废止件数{s}现行有效件数\n"
    "规章{s}0{s}0{s}0\n"
    "行政规范性文件{s}2{s}1{s}5\n"
    "第二十条第（五）项\n"
    "信息内容{s}本年处理决定数量\n"
    "行政许可{s}90(信用中国某省某市)\n"
    "第二十条第（六）项\n"
    "信息内容{s}本年处理决定数量\n"
    "行政处罚{s}5（含简易程序）\n"
    "行政强制{s}0\n"
    "三、收到和处理政府信息公开申请情况\n"
)



@pytest.mark.parametrize("sep", ["     ", " "])
def test_a_figure_followed_by_a_bracketed_note_is_read_in_text_layouts(tmp_path, sep):
    """PDF text (-layout, or a single space as pypdfium2 puts it) of rows whose figure carries a note in brackets
    (90(信用中国某省某市), 5（含简易程序）): the figure is the row's. Before, the token was no figure to the text
    readers, so the row lost it."""
    from indexer.extract import extract

    path = tmp_path / "report.txt"
    path.write_text(_NOTED.format(s=sep), encoding="utf-8")
    metrics = extract(path).metrics
    assert metrics["active.licensing.decisions"].value == 90
    assert metrics["active.penalty.decisions"].value == 5
    assert metrics["active.normative.in_force"].value == 5


# A LibreOffice layout of table 3: the spanning headings 申请人情况 and 法人或其他组织 stand over no column of their
# own (b33: a 街道's report printing only 总计 in rows 一 and 二, its six applicant cells blank).
_SPANNED_HEADER = [
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加 申请人情况",
    "                            法人或其他组织",
    "第二项之和，等于第三项加第四项之和）  自然人                                总计",
    "                         商业企业  科研机构 社会公益 法律服务  其他",
]


def test_spanning_headings_are_no_columns_of_a_short_applicant_row():
    row = "一、本年新收政府信息公开申请数量" + " " * 39 + "0"  # under 总计
    assert _row_cells("\n".join(_SPANNED_HEADER + [row])) == [("一、本年新收政府信息公开申请数量", "", "", "", "", "", "", "0")]


def test_whole_rows_beside_a_placed_short_row_stay_in_its_table():
    """A row of seven figures, then a row -layout printed with its last cells blank (the page cut after them): both
    rows in one table, so the short row's figures keep their columns (b33: a county bureau's row 二 of four cells)."""
    from indexer.structure import structure_of
    from indexer.tables import map_tables
    text = "\n".join(_SHORT_ROW_HEADER + [
        "一、本年新收政府信息公开申请数量           2  0 0 0    0    0   2",
        "二、上年结转政府信息公开申请数量           0  0 0 0",
    ])
    holding = [b for b in parse_text(text) if isinstance(b, Table) and any("结转" in r[0] for r in b.rows)]
    assert len(holding) == 1 and [r[0][:2] for r in holding[0].rows] == ["一、", "二、"]
    v = {k: m.value for k, m in map_tables(structure_of(parse_text(text)).tables).metrics.items()}
    assert [v.get(f"apply.carried_over.{c}") for c in ("natural", "commercial", "research", "nonprofit")] == [0, 0, 0, 0]
    assert "apply.carried_over.total" not in v


def test_short_rows_stay_as_read_when_a_row_below_them_would_part_the_table():
    # a row under its group's label below, with figures (三、本年度办理结果  （一）予以公开  7  7): tab rows above it would
    # part its table, so the rows are read as before (their blanks unplaced)
    row = "一、本年新收政府信息公开申请数量" + " " * 39 + "0"
    below = "三、本年度办理结果   （一）予以公开     7                               7"
    assert _row_cells("\n".join(_SPANNED_HEADER + [row, below])) == [("一、本年新收政府信息公开申请数量", "0")]


_BLANK_2019 = """某区某局2020年政府信息公开工作年度报告
一、总体情况
2020年，我局主动公开政府信息45条。
二、主动公开政府信息情况

第二十条第(一)项
信息内容         本年新制作数量    本年新公开数量    对外公开总数量
规章
规范性文件
第二十条第(五)项
信息内容         上一年项目数量 本年增/减 处理决定数量
行政许可
其他对外管理服务事项
第二十条第(六)项
信息内容         上一年项目数量 本年增/减 处理决定数量
{row}
行政强制
第二十条第(八)项
信息内容         上一年项目数量 本年增/减
行政事业性收费
三、收到和处理政府信息公开申请情况
"""


@pytest.mark.parametrize("row, want", [
    ("行政处罚         15              增 4        9", {"prev_items": 15, "change": 4, "decisions": 9}),
    ("行政处罚         15              减 4        9", {"prev_items": 15, "change": -4, "decisions": 9}),
    ("行政处罚         15              增          9", {"prev_items": 15, "decisions": 9}),  # 增 alone: no change
])
def test_the_one_row_with_figures_of_a_blank_2019_table_keeps_a_sign_set_apart(tmp_path, row, want):
    """A 2019 table 2 printed blank but for one row, whose change a text tool set apart from its sign (增 4): the lone
    row of figures among bare labels is still a table row, its lone sign no text that makes the line prose."""
    from indexer.extract import extract

    path = tmp_path / "r.txt"
    path.write_text(_BLANK_2019.format(row=row), encoding="utf-8")
    metrics = {k: m["value"] for k, m in extract(path).to_dict()["metrics"].items() if k.startswith("active.penalty.")}
    assert metrics == {f"active.penalty.{k}": v for k, v in want.items()}


def test_a_header_printing_ben_nian_du_zeng_jian_one_space_from_the_column_before(tmp_path):
    """Sites print 本年度增/减 for 本年增/减; PDF-to-text set it one space from 上一年项目数量, one cell of two labels:
    cut into its two columns as 上一年项目数量本年增/减 is, so the rows' three figures keep their three columns."""
    from indexer.extract import extract

    text = _BLANK_2019.replace("上一年项目数量 本年增/减 处理决定数量", "上一年项目数量 本年度增/减   处理决定数量").format(
        row="行政处罚        78       0        4")
    text = text.replace("行政许可\n", "行政许可        40       -2       35964\n")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    metrics = extract(path).to_dict()["metrics"]
    got = {k: metrics[k]["value"] for k in metrics if k.startswith(("active.licensing.", "active.penalty."))}
    assert got == {"active.licensing.prev_items": 40, "active.licensing.change": -2, "active.licensing.decisions": 35964,
                   "active.penalty.prev_items": 78, "active.penalty.change": 0, "active.penalty.decisions": 4}
