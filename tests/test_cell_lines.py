"""Tables written a cell a line without markers (PDF-to-text without layout): labels onto figures, header runs."""

from __future__ import annotations

import pytest

from indexer.blocks import Paragraph, Table
from indexer.readers.cell_lines import _header_runs, appeals_zeros_gathered
from indexer.readers.text import parse_text


def rows(table: Table) -> list[list[str]]:
    return [list(r) for r in table.rows]


def _grids(blocks) -> list[list[list[str]]]:
    return [[list(r) for r in b.rows] for b in blocks if isinstance(b, Table)]


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


def test_a_label_cut_inside_its_remark_takes_the_figures_printed_under_it():
    """PDF-to-text -layout writes a wrapped label's figures on its middle line: （二）部分公开（区分处理的，只计 /
    0 0 0 0 0 0 0 / 这一情形，不计其他情形）."""
    text = ("三、收到和处理政府信息公开申请情况\n       （二）部分公开（区分处理的，只计\n"
            "                        1        0   0   0   0   0   1\n       这一情形，不计其他情形）\n")
    assert _grids(parse_text(text))[0][0][1:] == ["1", "0", "0", "0", "0", "0", "1"]
    assert _grids(parse_text(text))[0][0][0] in ("（二）部分公开（区分处理的，只计", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")


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


def test_a_dash_for_a_blank_cell_ends_a_row_of_figures_a_line_each():
    """行政强制 / 4 / 4 / - : the row's three cells, the last printed blank (absent, never 0)."""
    text = "二、主动公开政府信息情况\n第二十条第（六）项\n行政处罚\n\n90\n\n0\n\n22\n\n行政强制\n\n4\n\n4\n\n-\n\n第二十条第（八）项\n"
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert ["行政强制", "4", "4", "-"] in rows and ["行政处罚", "90", "0", "22"] in rows


def test_a_label_whose_remark_wraps_over_four_lines_takes_the_figures_under_it():
    """pdftotext -raw: a 2019-template label with its long remark over four lines, the row's figures on the next."""
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年新\n制作数量\n本年新\n公开数量\n对外公开总\n数量\n"
            "规章（设区的市、自治州人民政府应提供相\n关数据）\n0 0 0\n规范性文件（行政机关制定发布的决定、公\n告、通告、意见、通知，以及标题采用“规\n"
            "定”“办法”“细则”“规范”“规程”“规则”等字\n样的公文，一般情况下属于规范性文件）\n2 2 19\n第二十条第（五）项\n")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert any(r[0].startswith("规范性文件（") and r[1:] == ["2", "2", "19"] for r in rows)


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
    assert _header_runs(["本年新", "本年新", "对外公开总数量"]) == ["本年新", "本年新", "对外公开总数量"]
    assert _header_runs(["信息内容", "本年新", "本年新", "对外公开总数量"]) == ["信息内容\t本年新\t本年新\t对外公开总数量"]


def test_a_header_word_broken_across_lines_is_no_cut_short_cell():
    """本年新 / 公开数量: one cell broken by the line, not two columns cut short; the lines stay as they are."""
    lines = ["信息内容", "", "本年新制作数量", "", "本年新", "", "公开数量", "", "对外公开", "", "总数量"]
    assert "\t".join(["信息内容", "本年新制作数量", "本年新"]) not in _header_runs(lines)


def test_a_wrapped_label_whose_first_line_took_the_rows_first_figure():
    """PDF-to-text without layout: 其他对外管理服 / 7 / 务事项 / 2 / 9. The label's first line is near enough to name
    the row alone and takes the first figure; the rest of the label and the other figures are the same row's."""
    text = ("二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n0\n0\n0\n"
            "其他对外管理服\n7\n务事项\n2\n9\n第二十条第（六）项\n")
    rows = [r for g in _grids(parse_text(text)) for r in g]
    assert ["其他对外管理服务事项", "7", "2", "9"] in rows


def _cells_a_paragraph(cells: list[str]) -> str:
    return "\n\n".join(cells) + "\n"


@pytest.mark.parametrize("gloss", ["", "(shù)"])
def test_a_header_cell_the_pdf_wrapped_onto_a_second_line_is_one_column(tmp_path, gloss):
    """pdftotext writes a cell a paragraph and wraps a long header cell inside its paragraph (本年新公开数 / 量); a
    pinyin mirror's gloss of the last character moves to the second line with it."""
    from indexer.extract import extract

    head = ["信息内容", "本年新制作数量", f"本年新公开数\n{gloss}量", f"对外公开总数\n{gloss}量"]
    text = _cells_a_paragraph(["某某乡2019年政府信息公开工作年度报告", "二、主动公开政府信息情况", "第二十条第（一）项",
                               *head, "规章", "0", "0", "0", "规范性文件", "4", "2", "9"])
    assert _header_runs(text.split("\n"))[6] == "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    got = {k: m.value for k, m in extract(path).metrics.items()}
    assert [got.get(f"active.normative.{c}") for c in ("made", "published", "total_published")] == [4, 2, 9]
    assert got.get("active.rules.total_published") == 0


def test_a_line_under_a_whole_column_label_is_no_rest_of_it():
    lines = ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章"]
    assert _header_runs(lines)[0] == "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"


def _appeals_section(figures: list[str]) -> str:
    """Table 4 as pdftotext without layout prints it: header words, the figures in three places, a page footer."""
    lines = ["某区审计局2020年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "",
             "行政诉讼", "未经复议直接起诉", "", "结果 结果 其他 尚未 总", "维持 纠正 结果 审结 计", "",
             *[f + "\n" for f in figures[:5]], "复议后起诉", "", "结果 结果 其他 尚未 总 结果 结果 其他 尚未 总",
             "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计", "", *[f + "\n" for f in figures[5:12]],
             "主办单位：某区审计局 | 网站标识码：3710000001", "", *[f + "\n" for f in figures[12:]],
             "五、存在的主要问题及改进情况", "我局将继续做好政府信息公开工作。"]
    return "\n".join(lines) + "\n"


def test_table4_all_zero_among_its_header_words_gives_fifteen_zeros(tmp_path):
    from indexer.extract import extract

    path = tmp_path / "report.txt"
    path.write_text(_appeals_section(["0"] * 15), encoding="utf-8")
    got = {k: m.value for k, m in extract(path).metrics.items() if k.startswith(("review.", "litigation."))}
    assert len(got) == 15 and set(got.values()) == {0}


@pytest.mark.parametrize("figures", [["0"] * 14 + ["1"], ["0"] * 14, ["0"] * 16])
def test_table4_printed_apart_with_any_other_figures_is_not_gathered(figures):
    """Which figure is which cell cannot be told: only fifteen 0s are moved under the header."""
    lines = _appeals_section(figures).split("\n")
    assert appeals_zeros_gathered(lines) == lines


def test_table4_zeros_are_gathered_under_the_headers_last_line():
    lines = _appeals_section(["0"] * 15).split("\n")
    out = appeals_zeros_gathered(lines)
    last = out.index("维持 纠正 结果 审结 计 维持 纠正 结果 审结 计")
    assert out[last + 1:last + 16] == ["0"] * 15 and "0" not in out[last + 16:]
    assert [x for x in out if x != "0"] == [x for x in lines if x != "0"]


def _outcome_label_after_figures(first_row: list[str], after: list[str]) -> str:
    """Table 3 as pdftotext without layout prints it when 三、本年度办理结果 spans the row: the group cell, the first
    outcome row's figures a cell a line, then its label (（一）予以公开), then whatever the table has next."""
    lines = ["某街道2019年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", "申请人情况",
             "一、本年新收政府信息公开申请数量", "", *[f + "\n" for f in ["1", "0", "0", "0", "0", "0", "1"]],
             "二、上年结转政府信息公开申请数量", "", *[f + "\n" for f in ["0"] * 7],
             "三、本年度办理结果", "", *[f + "\n" for f in first_row], "（一）予以公开", "", *after,
             "主办单位：某街道办事处 | 网站标识码：3710000001"]
    return "\n".join(lines) + "\n"


def test_an_outcome_label_printed_after_its_figures_under_its_group_cell_takes_them(tmp_path):
    from indexer.extract import extract

    path = tmp_path / "report.txt"
    path.write_text(_outcome_label_after_figures(["1", "0", "0", "0", "0", "0", "1"], []), encoding="utf-8")
    got = {k: m.value for k, m in extract(path).metrics.items()}
    assert got["apply.new.natural"] == 1 and got["apply.carried_over.total"] == 0
    assert got["apply.granted.natural"] == 1 and got["apply.granted.total"] == 1


def test_an_outcome_label_with_figures_of_its_own_leaves_the_run_before_it_unread(tmp_path):
    """三、本年度办理结果 / seven figures / （一）予以公开 / seven more: which row the first seven are is not known."""
    from indexer.extract import extract

    path = tmp_path / "report.txt"
    own = [f + "\n" for f in ["2", "0", "0", "0", "0", "0", "2"]]
    path.write_text(_outcome_label_after_figures(["1", "0", "0", "0", "0", "0", "1"], own), encoding="utf-8")
    got = {k: m.value for k, m in extract(path).metrics.items()}
    assert got.get("apply.granted.natural") != 1


def _row_among_header_pieces(figures: list[str]) -> list[str]:
    """Table 3's first row as pdftotext without layout prints it when the applicant header is on the same lines:
    four figures, pieces of 法律服务机构 / 总计 / 其他, then the last three figures."""
    return ["三、收到和处理政府信息公开申请情况", "申请人情况", "一、本年新收政府信息公开申请数量", *figures[:4],
            "法律服", "务机构", "总", "其 计", "他", *figures[4:], "二、上年结转政府信息公开申请数量"]


def test_a_row_printed_around_pieces_of_the_applicant_header_gets_its_seven_figures_in_order():
    from indexer.readers.cell_lines import header_words_out_of_rows

    lines = _row_among_header_pieces(["3", "1", "0", "0", "0", "0", "4"])
    out = header_words_out_of_rows(lines)
    start = out.index("一、本年新收政府信息公开申请数量")
    assert out[start + 1:start + 8] == ["3", "1", "0", "0", "0", "0", "4"]
    assert out[start - 5:start] == ["法律服", "务机构", "总", "其 计", "他"]  # no text is lost


@pytest.mark.parametrize("figures", [["3", "1", "0", "0", "0", "0", "5"], ["3", "1", "0", "0", "0", "4"]])
def test_a_row_around_header_pieces_whose_figures_do_not_add_up_is_left_as_printed(figures):
    """Six figures, or seven whose six columns do not make the 总计: which figure is which cell is not known."""
    from indexer.readers.cell_lines import header_words_out_of_rows

    lines = _row_among_header_pieces(figures)
    assert header_words_out_of_rows(lines) == lines


def _metrics(text: str) -> dict[str, float]:
    from pathlib import Path

    from indexer.blocks import Document
    from indexer.extract import record_of

    doc = Document(path=Path("r.txt"), format="txt", blocks=parse_text(text), meta={})
    return {k: m["value"] for k, m in record_of(doc, "0" * 16, "r.txt").to_dict()["metrics"].items()}


def test_table_2_figures_printed_before_their_labels_go_with_the_label_below():
    """pdftotext without layout of a Chromium PDF: a row's figure comes out above its label (1472 / 行政处罚 / 0 / 行政强制)."""
    text = ("2022年某街道政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\n"
            "本年制发件数 本年废止件数 现行有效件数\n2\n1\n7\n规章\n0\n0\n行政规范性文件 0\n"
            "第二十条第(五)项\n信息内容\n本年处理决定数量\n35\n行政许可\n"
            "第二十条第(六)项\n信息内容\n本年处理决定数量\n1472\n行政处罚\n6\n行政强制\n"
            "第二十条第(八)项\n信息内容\n本年收费金额(单位:万元)\n行政事业性收费 0\n三、收到和处理政府信息公开申请情况\n")
    m = _metrics(text)
    assert m["active.penalty.decisions"] == 1472 and m["active.coercion.decisions"] == 6
    assert m["active.licensing.decisions"] == 35
    assert [m["active.rules." + c] for c in ("issued", "repealed", "in_force")] == [2, 1, 7]
    assert all(m["active.normative." + c] == 0 for c in ("issued", "repealed", "in_force"))


def test_table_3_figures_printed_before_their_labels_go_with_the_label_below():
    """pdftotext without layout of a Chromium PDF of a table 3 cut after its second row: each row's figures come out
    above its label (header pieces / 2 0 1 0 0 0 3 / 一、本年新收… / 0 … / 二、上年结转…). Read label first, 一 took
    二's figures (two wrong values) and 二 none; the first figures after the header and the last label without
    figures say the figures stand above their labels."""
    head = ("三、收到和处理政府信息公开申请情况\n申请人情况\n法人或其他组织\n(本列数据的勾稽关系为：第一项加第二项之和，等\n"
            "自然 商业 科研 社会公益 法律服务 其 总\n于第三项加第四项之和)\n人 企 机 组织 机构 他 计\n业 构\n")
    text = head + "2\n0\n1\n0\n0\n0\n3\n一、本年新收政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n二、上年结转政府信息公开申请数量\n"
    m = _metrics(text)
    cols = ("natural", "commercial", "research", "nonprofit", "legal_services", "other", "total")
    assert [m.get("apply.new." + c) for c in cols] == [2, 0, 1, 0, 0, 0, 3]
    assert [m.get("apply.carried_over." + c) for c in cols] == [0] * 7
    # a row whose label was lost (the first label is 二): which figures are whose the text does not say
    lost = head + "2\n0\n1\n0\n0\n0\n3\n二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n（一）予以公开\n"
    assert _metrics(lost).get("apply.carried_over.natural") != 2
    # figures after the last label: read label first as before
    after = text + "5\n0\n0\n0\n0\n0\n5\n"
    assert _metrics(after).get("apply.new.natural") != 2


def test_figures_before_a_label_holding_its_first_figure_follow_it():
    """其他对外管理服务事项 2 after +2 / 114: pdftotext without layout keeps a row's first figure on its label's line (the
    cells touch) and prints the row's other columns before it, so the label's own figure is the first column and
    the figures above follow in order: 2, +2, 114 (the signed figure lands in 本年增/减)."""
    text = ("二、主动公开政府信息情况\n第二十条第(五)项\n信息内容\n上一年项目数量 本年增/减 处理决定数量\n1\n0\n3\n行政许可\n"
            "+2\n114\n其他对外管理服务事项 2\n第二十条第(六)项\n信息内容\n上一年项目数量 本年增/减 处理决定数量\n"
            "25\n-1\n9\n行政处罚\n")
    m = _metrics(text)
    assert [m.get("active.licensing." + c) for c in ("prev_items", "change", "decisions")] == [1, 0, 3]
    assert [m.get("active.penalty." + c) for c in ("prev_items", "change", "decisions")] == [25, -1, 9]
    assert [m.get("active.other_services." + c) for c in ("prev_items", "change", "decisions")] == [2, 2, 114]


def test_figures_before_a_label_holding_its_first_figure_of_a_2021_row():
    """The same layout in a 2021 table: 3 / 19 / 行政规范性文件 4 is 4 issued, 3 repealed, 19 in force."""
    text = ("二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\n本年制发件数 本年废止件数 现行有效件数\n0\n0\n0\n规章\n"
            "3\n19\n行政规范性文件 4\n第二十条第(五)项\n信息内容\n本年处理决定数量\n0\n行政许可\n")
    m = _metrics(text)
    assert [m.get("active.normative." + c) for c in ("issued", "repealed", "in_force")] == [4, 3, 19]


def test_figures_before_labels_left_out_when_a_label_of_the_group_is_not_read():
    """5 / 行政处罚 / 0 / 行政强制措施 (a label the templates do not print whole): pdftotext without layout put the
    group's figures before their labels, but one label cannot be read, so the group cannot be put in order; read
    label first, 行政处罚 took 行政强制's 0 (a wrong value). Its differing figures are left out; figures all the
    same stay as they were (any order gives each row the same)."""
    text = ("二、主动公开政府信息情况\n第二十条第(五)项\n信息内容\n本年处理决定数量\n行政许可\n12\n第二十条第(六)项\n信息内容\n"
            "本年处理决定数量\n5\n行政处罚\n0\n行政强制措施\n第二十条第(八)项\n信息内容\n本年收费金额（单位：万元）\n"
            "行政事业性收费 0\n")
    m = _metrics(text)
    assert m.get("active.penalty.decisions") in (None, 5)
    assert m.get("active.licensing.decisions") == 12
    same = text.replace("本年处理决定数量\n5\n", "本年处理决定数量\n0\n")
    assert _metrics(same).get("active.penalty.decisions") == 0


def test_figures_before_a_label_left_unplaced_when_a_signed_figure_misses_its_column():
    """114 / +2 / 其他对外管理服务事项 2: read so, the signed figure would be 处理决定数量; the text is not in the
    layout the rule knows, and the row is left unplaced."""
    text = ("二、主动公开政府信息情况\n第二十条第(五)项\n信息内容\n上一年项目数量 本年增/减 处理决定数量\n1\n0\n3\n行政许可\n"
            "114\n+2\n其他对外管理服务事项 2\n第二十条第(六)项\n")
    m = _metrics(text)
    assert not any(k.startswith("active.other_services.") for k in m)


def test_table_3_read_column_by_column_gives_no_row_a_column():
    """pdfminer reads a ruled table 3 (here a traditional-script page's) column by column: the row labels, then 自然人's
    figures, then 商 / 業 / 企 / 業 and the next column's, … 總 / 計 and the 总计 column; a column's seven figures are
    no row's."""
    column = "4\n0\n\n4\n\n0\n\n0\n\n0\n\n0\n\n"
    zeros = "0\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
    text = ("三、收到和處理政府信息公開申請情況\n\n申請人情況\n\n法人或其他組織\n\n自然\n人\n\n"
            "一、本年新收政府信息公開申請數量\n二、上年結轉政府信息公開申請數量\n\n三、本年度辦\n理結果\n\n(一)予以公開\n"
            "(二)部分公開(區分處理的,只計這一情\n形,不計其他情形)\n(三)不予公\n開\n\n1.屬于國家秘密\n"
            "2.其他法律行政法規禁止\n公開\n3.危及“三安全一穩定”\n\n" + column + "商\n業\n企\n業\n" + zeros
            + "科\n研\n機\n構\n" + zeros + "社會公益\n組織\n\n法律服務\n機構\n\n其\n他\n\n" + zeros * 3
            + "總\n計\n\n" + column)
    m = _metrics(text)
    rows = ["new", "carried_over", "granted", "partial", "denied.state_secret", "denied.law_forbidden",
            "denied.security_stability"]
    truth = {f"apply.{r}.{c}": (v if c in ("natural", "total") else 0)
             for r, v in zip(rows, [4, 0, 4, 0, 0, 0, 0])
             for c in ("natural", "commercial", "research", "nonprofit", "legal_services", "other", "total")}
    assert {k: v for k, v in m.items() if k.startswith("apply.") and truth.get(k) != v} == {}


def test_a_label_wrapped_over_two_lines_with_the_figures_on_the_second():
    """pypdfium2 text of a PDF whose narrow label column wrapped 2.其他法律行政 / 法规禁止公开 0 0 0 0 0 0 0: the
    label's first line alone, its rest on the line of the row's figures."""
    text = ("三、收到和处理政府信息公开申请情况\n1.属于国家秘密 0 0 0 0 0 0 0\n2.其他法律行政\n法规禁止公开 1 0 0 0 0 0 1\n"
            "3.危及“三安全\n一稳定” 0 0 0 0 0 0 0\n4.保护第三方合\n法权益 2 0 0 0 0 0 2\n")
    grid = _grids(parse_text(text))[0]
    assert grid[1] == ["2.其他法律行政法规禁止公开"] + "1 0 0 0 0 0 1".split()
    assert grid[2] == ["3.危及“三安全一稳定”"] + ["0"] * 7
    assert grid[3] == ["4.保护第三方合法权益"] + "2 0 0 0 0 0 2".split()


def test_a_label_wrapped_over_two_lines_with_the_figures_on_the_first():
    """pdftotext -layout of a narrow page: 一、本年新收政府信 0 0 0 0 0 0 0 / 息公开申请数量."""
    text = ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信 3 0 0 0 0 0 3\n 息公开申请数量\n"
            "二、上年结转政府信 0 0 0 0 0 0 0\n 息公开申请数量\n")
    grid = _grids(parse_text(text))[0]
    assert grid[0] == ["一、本年新收政府信息公开申请数量"] + "3 0 0 0 0 0 3".split()
    assert grid[1] == ["二、上年结转政府信息公开申请数量"] + ["0"] * 7


def test_two_whole_labels_on_two_lines_are_not_joined_into_one():
    text = "二、主动公开政府信息情况\n规章\n规范性文件 1 0 3\n"
    grids = _grids(parse_text(text))
    assert not any(row[0].startswith("规章规范性文件") for g in grids for row in g)


def test_a_label_wrapped_over_many_lines_round_its_figures():
    """pdftotext -layout of a table whose label column holds two or three characters a line: the figures on a middle
    line, the label's pieces above and below it."""
    text = ("三、收到和处理政府信息公开申请情况\n1.属于国家秘密 0 0 0 0 0 0 0\n    2.其\n    他法\n    律行\n"
            "    政法 4 0 0 0 0 0 4\n    规禁\n    止公\n     开\n    3.危\n     及\n    “三 0 0 0 0 0 0 0\n    安全\n"
            "    一稳\n    定”\n")
    grid = _grids(parse_text(text))[0]
    assert grid[1] == ["2.其他法律行政法规禁止公开"] + "4 0 0 0 0 0 4".split()
    assert grid[2] == ["3.危及“三安全一稳定”"] + ["0"] * 7


def test_figures_a_line_that_add_up_to_more_than_their_total_are_no_table_3_row():
    """Raw PDF text of a table 3 printing blank cells puts its columns out one after another: under the last row's
    label come 自然人's 1, 商业企业's 4 and the 总计 column's last figures (1 4 35 2 1 805 72), a figure a line. Their
    six applicant figures add up to more than the seventh, so they are columns run together, not the row's seven
    cells in order: the row's cells stay absent. A row whose figures add up is joined as printed."""
    head = "三、收到和处理政府信息公开申请情况\n"
    grids = _grids(parse_text(head + "四、结转下年度继续办理\n\n1\n4\n\n35\n\n2\n\n1\n\n805\n72\n\n五、存在的主要问题\n"))
    assert ["四、结转下年度继续办理"] + ["—"] * 7 in [r for g in grids for r in g]
    grids = _grids(parse_text(head + "四、结转下年度继续办理\n\n1\n4\n\n0\n\n2\n\n1\n\n0\n8\n\n五、存在的主要问题\n"))
    assert ["四、结转下年度继续办理", "1", "4", "0", "2", "1", "0", "8"] in [r for g in grids for r in g]


def test_a_row_label_printed_a_character_a_line_takes_the_figures_below():
    """PDFium's text of rows a page set a character a line (3. / 危 / 及 / … / ” then 0 / 0 / …): the characters are
    the label when joined they are a template row printed whole; a header's 其 / 他 before the label stays apart, and
    so does a run that names no row (三 / 本 / 年 / 度)."""
    def spelled(text: str) -> str:
        return "".join(ch + "\n" for ch in text)

    text = ("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n"
            "社会公益组织\n法律服务机构\n" + spelled("其他") + spelled("一、本年新收政府信息公开申请数量")
            + "".join(f"{v}\n" for v in (3, 0, 0, 0, 0, 1, 4))
            + "3.\n" + spelled("危及“三安全一稳定”") + "0\n" * 7)
    grids = _grids(parse_text(text))
    body = [r for g in grids for r in g if r and r[0] in ("一、本年新收政府信息公开申请数量", "3.危及“三安全一稳定”")]
    assert body == [["一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "1", "4"],
                    ["3.危及“三安全一稳定”"] + ["0"] * 7]
    from indexer.readers.cell_lines import characters_joined
    assert characters_joined(["三", "本", "年", "度", "12"]) == ["三", "本", "年", "度", "12"]


def test_table_3_printed_in_two_parts_figures_first_takes_seven_equal_figures_a_row():
    """pdftotext without layout of a Chromium PDF of a table 3 cut short: the left columns row by row, each row's
    figures above its label (0 0 0 0 / 一、本年新收… / … / 三、本年度办理 （一）予以公开), then each remaining column
    as its header's pieces and one figure a row (法律服务 / 机构 / 0 0 0 / 其 / 他 / 0 0 0 / 总 / 计 / 0 0 0). Every
    figure the same: each row takes seven of them, whichever column each was printed under."""
    head = ("三、收到和处理政府信息公开申请情况\n申请人情况\n(本列数据的勾稽关系为：第一项加第二项之和，等\n法人或其他组织\n"
            "自然\n于第三项加第四项之和)\n商业 科研 社会公益\n人\n企业 机构 组织\n")
    def table(left, right):
        rows = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理 （一）予以公开"]
        body = "".join("\n".join(left[k]) + "\n" + rows[k] + "\n" for k in range(3))
        blocks = "".join(f"\n{h}\n" + "\n".join(col) + "\n" for h, col in zip(("法律服务\n机构", "其\n他", "总\n计"), right))
        return head + body + "结果\n" + blocks + "\n（二）部分公开（区分处理的，只\n计这一\n"
    cols = ("natural", "commercial", "research", "nonprofit", "legal_services", "other", "total")
    zeros = table([["0"] * 4] * 3, [["0"] * 3] * 3)
    m = _metrics(zeros)
    for row in ("new", "carried_over", "granted"):
        assert [m.get(f"apply.{row}." + c) for c in cols] == [0] * 7
    # figures that differ: which row or column each is the text does not say
    differ = table([["1", "0", "0", "0"], ["0"] * 4, ["1", "0", "0", "0"]], [["0"] * 3, ["0"] * 3, ["1", "0", "1"]])
    assert _metrics(differ).get("apply.new.legal_services") is None
    # a column block short of a row (a blank cell left no trace): not read
    short = table([["0"] * 4] * 3, [["0"] * 3, ["0"] * 2, ["0"] * 3])
    assert _metrics(short).get("apply.new.legal_services") is None
