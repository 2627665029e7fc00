"""The table mapper: awkward grids, and every format through the real readers (labels and numbers: test_template)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.blocks import Paragraph, Table
from indexer.extract import extract
from indexer.readers.text import parse_text
from indexer.structure import structure_of
from indexer.tables import map_tables

from fixtures.reports import assert_expected, build_report, to_traditional, write


def mapped(blocks):
    structure = structure_of(blocks)
    return map_tables(structure.tables), structure


def values(result) -> dict:
    return {k: m.value for k, m in result.metrics.items()}


def text_report(body: str):
    return mapped(parse_text(body))


def passage_text(structure, pid: str) -> str:
    return next(p.text for p in structure.passages if p.id == pid)


# ------------------------------------------------------------------ awkward grids

ACTIVE_2019_HEAD = "二、主动公开政府信息情况\n"


def test_two_rows_run_together_in_one_line():
    """行政许可's 处理决定数量 is missing from the text: absent, never taken from the next row."""
    result, structure = text_report(
        ACTIVE_2019_HEAD
        + "第二十条第（五）项\t\t\t\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政许可\t4\t增4\t其他对外管理服务事项\t0\t0\t7\n"
    )
    v = values(result)
    assert v["active.licensing.prev_items"] == 4 and v["active.licensing.change"] == 4
    assert "active.licensing.decisions" not in v
    assert (v["active.other_services.prev_items"], v["active.other_services.change"], v["active.other_services.decisions"]) == (0, 0, 7)
    assert result.template == "2019"


def test_apply_row_with_an_extra_number_uses_the_header_positions():
    head = "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
    result, _ = text_report(
        "三、收到和处理政府信息公开申请情况\n" + head
        + "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t1\t0\t0\t4\n"
        "（七）总计\t\t2\t0\t0\t1\t0\t0\t3\t0\n"
    )
    v = values(result)
    assert [v[f"apply.total.{c}"] for c in ("natural", "nonprofit", "total")] == [2, 1, 3]
    assert [v[f"apply.new.{c}"] for c in ("natural", "commercial", "nonprofit", "total")] == [3, 0, 1, 4]


def test_extra_number_without_header_positions_takes_the_window_that_adds_up():
    result, _ = text_report(
        "三、收到和处理政府信息公开申请情况\n"
        "（七）总计\t0\t3\t0\t0\t1\t0\t0\t4\n"  # a stray 0 first: 0+3+0+0+1+0 != 0, 3+0+0+1+0+0 == 4
        "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n"
    )
    v = values(result)
    assert v["apply.total.natural"] == 3 and v["apply.total.total"] == 4


def test_extra_numbers_that_never_add_up_are_not_guessed():
    result, _ = text_report("三、收到和处理政府信息公开申请情况\n（七）总计\t1\t2\t3\t4\t5\t6\t7\t8\n"
                            "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n")
    assert not any(k.startswith("apply.total.") for k in result.metrics)
    assert result.metrics["apply.carried_forward.total"].value == 0


def test_label_broken_over_two_lines_with_numbers_on_the_second():
    grid = [
        ["（四）无法提供", "2.没有现成信息需要另行制作", "0", "0", "0", "0", "0", "0", "0"],
        ["", "3.补正后申请内容仍", "", "", "", "", "", "", ""],
        ["", "不明确", "2", "0", "0", "0", "0", "0", "2"],
        ["（五）不予处理", "1.信访举报投诉类申请", "1", "0", "0", "0", "0", "0", "1"],
    ]
    result, structure = mapped([Paragraph("三、收到和处理政府信息公开申请情况"), Table.from_rows(grid)])
    v = values(result)
    assert v["apply.unavailable.unclear.natural"] == 2 and v["apply.unavailable.unclear.total"] == 2
    assert v["apply.not_processed.petition.natural"] == 1
    assert "不明确" in passage_text(structure, result.metrics["apply.unavailable.unclear.natural"].passage)


def test_table_split_over_two_grids_keeps_its_header():
    header = [["", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]]
    first = header + [["一、本年新收政府信息公开申请数量", "", "", "2", "0", "0", "0", "0", "2"]]
    second = [["（七）总计", "", "", "2", "0", "0", "0", "0", "2"], ["四、结转下年度继续办理", "", "0", "", "0", "0", "0", "0", "0"]]
    result, _ = mapped([Paragraph("三、收到和处理政府信息公开申请情况"), Table.from_rows(first),
                        Paragraph("- 3 -"), Table.from_rows(second)])
    v = values(result)
    # the blank 自然人 cell is absent, and the other figures stay in their columns
    assert "apply.new.natural" not in v and v["apply.new.commercial"] == 2 and v["apply.new.total"] == 2
    assert "apply.total.natural" not in v and v["apply.total.commercial"] == 2
    assert v["apply.carried_forward.natural"] == 0 and "apply.carried_forward.commercial" not in v


def test_a_table_3_cut_at_its_right_side_keeps_the_columns_its_header_names():
    """A table wider than the page it was printed on loses its right columns (其他, 总计): the header names the
    template's first five in order and each row has a figure under each, so a row of zeros is read under them (a
    row of zeros alone could end in 总计, and was left out); the columns past the cut stay absent."""
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    header = [[note] + ["申请人情况"] * 5, [note, "自然人"] + ["法人或其他组织"] * 4,
              [note, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构"]]
    rows = header + [["一、本年新收政府信息公开申请数量", "6", "0", "0", "0", "0"],
                     ["二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0"]]
    result, _ = mapped([Paragraph("三、收到和处理政府信息公开申请情况"), Table.from_rows(rows)])
    v = values(result)
    assert [v.get(f"apply.carried_over.{c}") for c in ("natural", "commercial", "research", "nonprofit", "legal_services")] == [0] * 5
    assert v["apply.new.natural"] == 6 and "apply.new.total" not in v and "apply.carried_over.total" not in v
    # a row with more figures than the cut header names is a header that lost columns: the template's seven
    full = header + [["一、本年新收政府信息公开申请数量", "6", "0", "0", "0", "0", "0", "6"]]
    v = values(mapped([Paragraph("三、收到和处理政府信息公开申请情况"), Table.from_rows(full)])[0])
    assert v["apply.new.natural"] == 6 and v["apply.new.other"] == 0 and v["apply.new.total"] == 6


def test_three_tables_in_one_grid():
    rows = [
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "2"],
        ["第二十条第（五）项", "", "", ""],
        ["信息内容", "本年处理决定数量", "", ""],
        ["行政许可", "17", "", ""],
        ["", "自然人", "法人或其他组织", "总计"],
        ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        ["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
        ["（七）总计", "1", "0", "0", "0", "0", "0", "1"],
        ["行政复议", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
        ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        ["1", "0", "0", "0", "1", "0", "0", "0", "2", "2", "0", "0", "0", "0", "0"],
    ]
    result, _ = mapped([Paragraph("二、主动公开政府信息情况"), Table.from_rows(rows)])
    v = values(result)
    assert v["active.rules.in_force"] == 2 and v["active.licensing.decisions"] == 17
    assert v["apply.new.total"] == 1 and v["apply.total.natural"] == 1
    assert v["review.upheld"] == 1 and v["review.total"] == 1
    assert v["litigation.direct.pending"] == 2 and v["litigation.direct.total"] == 2
    assert v["litigation.after_review.total"] == 0
    assert result.template == "2021" and result.found == {"active", "apply", "appeals"}


@pytest.mark.parametrize("rows", [
    [["1", "0", "0", "1", "2"], ["0", "3", "0", "0", "3", "0", "0", "1", "0", "1"]],
    [["1", "0", "0", "1", "2"], ["0", "3", "0", "0", "3"], ["0", "0", "1", "0", "1"]],
])
def test_table_four_numbers_in_several_rows(rows):
    header = [["行政复议", "行政诉讼"],
              ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
              ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]
    body = "四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join("\t".join(r) for r in header + rows) + "\n"
    result, structure = text_report(body)
    v = values(result)
    assert [v[f"review.{k}"] for k in ("upheld", "pending", "total")] == [1, 1, 2]
    assert [v[f"litigation.direct.{k}"] for k in ("corrected", "total")] == [3, 3]
    assert [v[f"litigation.after_review.{k}"] for k in ("other", "total")] == [1, 1]
    assert "0\t0\t1" not in passage_text(structure, result.metrics["review.total"].passage)


def test_transposed_table_four():
    rows = [["", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
            ["行政复议", "2", "0", "0", "0", "2"],
            ["行政诉讼", "未经复议直接起诉", "0", "1", "0", "0", "1"],
            ["", "复议后起诉", "0", "0", "0", "1", "1"]]
    result, _ = mapped([Paragraph("四、政府信息公开行政复议、行政诉讼情况"), Table.from_rows(rows)])
    v = values(result)
    assert v["review.upheld"] == 2 and v["review.total"] == 2
    assert v["litigation.direct.corrected"] == 1 and v["litigation.after_review.pending"] == 1


def test_procurement_in_wan_is_converted_to_yuan_and_fees_in_yuan_to_wan():
    result, _ = text_report(
        ACTIVE_2019_HEAD
        + "信息内容\t采购项目数量\t采购总金额（万元）\n政府集中采购\t2\t37.5\n"
        "信息内容\t本年收费金额（万元）\n行政事业性收费\t1500元\n"
    )
    v = values(result)
    assert v["active.procurement.amount_yuan"] == 375000 and isinstance(v["active.procurement.amount_yuan"], int)
    assert v["active.fees.amount_wan"] == pytest.approx(0.15)


def test_project_rows_of_procurement_give_no_count_and_no_total():
    # a 2021 report on the 2019 template lists its purchases, a project a row: the project's name stands where the
    # count belongs and no row is the total, so neither cell is known (the amount is no count of items either)
    result, _ = text_report(
        ACTIVE_2019_HEAD
        + "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t0\t0\t7\n"
        "信息内容\t采购项目数量\t采购总金额\n"
        "政府集中采购\t区公务用车10辆\t1530000元\n"
        "政府集中采购\t办公区物业管理服务项目\t350000元\n"
    )
    v = values(result)
    assert v["active.licensing.decisions"] == 7
    assert "active.procurement.items" not in v and "active.procurement.amount_yuan" not in v


def test_a_procurement_amount_under_no_header_is_left_out_unless_its_unit_or_zero_tells():
    # raw pdftotext prints 采购项目数量 / 采购总金额（万元） far from the row: the row meets no header of its own, and
    # 采购总金额 is printed in 元 by some reports, in 万元 by others, so 477.35 has no known value in 元
    def procurement(*cells):
        rows = [["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "1", "0", "8"], ["政府集中采购", *cells]]
        return values(mapped([Paragraph("二、主动公开政府信息情况"), Table.from_rows(rows)])[0])

    v = procurement("13", "477.35")
    assert v["active.procurement.items"] == 13 and "active.procurement.amount_yuan" not in v
    assert v["active.licensing.decisions"] == 8
    assert procurement("0", "0")["active.procurement.amount_yuan"] == 0  # 0 in any unit
    assert procurement("236", "80618元")["active.procurement.amount_yuan"] == 80618  # the cell names its unit


def test_a_figure_with_a_money_unit_is_never_a_count():
    result, _ = text_report(ACTIVE_2019_HEAD + "信息内容\t采购项目数量\t采购总金额\n政府集中采购\t1530000元\n")
    assert "active.procurement.items" not in values(result)


def test_one_table_stating_a_row_twice_two_ways_gives_neither():
    rows = [["信息内容", "本年处理决定数量"], ["行政许可", "12"], ["行政处罚", "3"], ["行政许可", "15"]]
    result, _ = mapped([Paragraph("二、主动公开政府信息情况"), Table.from_rows(rows)])
    v = values(result)
    assert "active.licensing.decisions" not in v and v["active.penalty.decisions"] == 3
    rows[-1] = ["行政许可", "12"]  # the same figure twice is no conflict
    result, _ = mapped([Paragraph("二、主动公开政府信息情况"), Table.from_rows(rows)])
    assert values(result)["active.licensing.decisions"] == 12


def test_rows_without_a_header_get_the_template_columns():
    result, _ = text_report(
        ACTIVE_2019_HEAD
        + "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t3\n"
        "行政处罚\t68\n行政强制\t2\n"  # the 第二十条第（六）项 header was lost
    )
    v = values(result)
    assert v["active.penalty.decisions"] == 68 and v["active.coercion.decisions"] == 2
    assert result.template == "2021"


def test_other_tables_make_no_metrics():
    rows = [["序号", "公开事项", "条数"], ["1", "政策文件", "35"], ["2", "行政处罚结果公示", "12"], ["3", "合计", "47"]]
    result, _ = mapped([Paragraph("一、总体情况"), Table.from_rows(rows)])
    assert result.metrics == {} and result.template is None and not result.found


def test_no_tables_no_template():
    result, _ = text_report("一、总体情况\n2023年，我局主动公开政府信息185条。\n")
    assert result.template is None and result.metrics == {}


def test_template_comes_from_the_headers_not_the_year():
    result, _ = text_report(
        "2023年政府信息公开工作年度报告\n" + ACTIVE_2019_HEAD
        + "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n"
    )
    assert result.template == "2019"


def test_apply_table_2021_other_rows_and_group_context():
    rows = [
        ["", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1", "0", "0", "0", "0", "0", "1"],
        ["", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0", "0", "0", "0", "0", "0", "0"],
        ["3.其他", "", "0", "2", "0", "0", "0", "0", "2"],
        ["（七）总计", "", "1", "2", "0", "0", "0", "0", "3"],
    ]
    result, _ = mapped([Paragraph("三、收到和处理政府信息公开申请情况"), Table.from_rows(rows)])
    v = values(result)
    assert v["apply.other.no_correction.natural"] == 1
    assert v["apply.other.no_fee.total"] == 0
    assert v["apply.other.other.commercial"] == 2 and v["apply.total.total"] == 3
    assert not any(k.startswith("apply.other.total") for k in v)
    assert result.template == "2021"


# ------------------------------------------------------------------ every format through the real readers

FORMATS = ["html", "html-gbk", "word-html", "docx", "pdf", "text-tab", "text-cells", "text-pipe"]


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_and_template(tmp_path, fmt, template):
    if fmt == "pdf":
        pytest.importorskip("reportlab")
    source = build_report(template)
    report = extract(write(source, fmt, tmp_path / "report"))
    assert report.template == template
    assert_expected(report, source.expected)
    # every metric points at the table row (or paragraph) that holds it
    passages = {p.id: p for p in report.passages}
    for key, metric in report.metrics.items():
        passage = passages[metric.passage]
        if key == "active.published_total":
            assert passage.kind == "paragraph" and "主动公开政府信息" in passage.text
        elif key == "fees.processing_yuan":
            assert passage.kind == "paragraph" and "信息处理费" in passage.text
        else:
            assert passage.kind == "table_row"
    assert "本年新收" in passages[report.metrics["apply.new.natural"].passage].text
    assert "结转下年度" in passages[report.metrics["apply.carried_forward.total"].passage].text
    assert [c.id for c in report.checks if c.status == "fail"] == []


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_pdf_table_continued_on_the_next_page(tmp_path, template):
    pytest.importorskip("reportlab")
    from indexer.readers import read_document

    source = build_report(template)
    path = write(source, "pdf", tmp_path / "split", split_after={1: 12})
    assert len(read_document(path).tables()) == 4  # the 依申请 table comes out as two grids
    report = extract(path)
    assert_expected(report, source.expected)


def test_full_width_digits_and_thousands_survive_every_reader(tmp_path):
    source = build_report("2021")
    for fmt in ("html", "docx", "text-tab"):
        report = extract(write(source, fmt, tmp_path / fmt))
        assert report.metrics["active.rules.in_force"].value == 5  # written ５
        assert report.metrics["active.licensing.decisions"].value == 1234  # written 1,234
        assert report.metrics["active.fees.amount_wan"].value == pytest.approx(0.35)
        assert "active.coercion.decisions" not in report.metrics  # written —


def test_group_and_item_in_one_cell():
    rows = [
        ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["三、本年度办理结果（一）予以公开", "2", "0", "0", "0", "0", "0", "2"],
        ["（三）不予公开 1.属于国家秘密", "1", "0", "0", "0", "0", "0", "1"],
        ["（四）无法提供 3.补正后申请内容仍不明确", "0", "0", "1", "0", "0", "0", "1"],
    ]
    result, _ = mapped([Paragraph("三、收到和处理政府信息公开申请情况"), Table.from_rows(rows)])
    v = values(result)
    assert v["apply.granted.natural"] == 2
    assert v["apply.denied.state_secret.natural"] == 1
    assert v["apply.unavailable.unclear.research"] == 1


def test_remark_cut_by_a_line_break():
    rows = [
        ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["（二）部分公开（区分处理的，只计这", "1", "0", "0", "0", "0", "0", "1"],
        ["一情形，不计其他情形）", "", "", "", "", "", "", ""],
        ["（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"],
    ]
    result, _ = mapped([Paragraph("三、收到和处理政府信息公开申请情况"), Table.from_rows(rows)])
    v = values(result)
    assert v["apply.partial.natural"] == 1 and v["apply.partial.total"] == 1
    assert v["apply.denied.state_secret.total"] == 0


def test_short_table_four_headers():
    rows = [["行政复议", "", "", "", "", "行政诉讼"],
            ["维持", "纠正", "其他", "未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
            ["", "", "", "", "", "维持", "纠正", "其他", "未审结", "总计", "维持", "纠正", "其他", "未审结", "总计"],
            ["0", "1", "0", "0", "1", "2", "0", "0", "0", "2", "0", "0", "0", "1", "1"]]
    result, _ = mapped([Paragraph("四、政府信息公开行政复议、行政诉讼情况"), Table.from_rows(rows)])
    v = values(result)
    assert v["review.corrected"] == 1 and v["litigation.direct.upheld"] == 2 and v["litigation.after_review.pending"] == 1


# ------------------------------------------------------------------ any grid


_VOCAB = ["", "0", "12", "增4", "-3", "1,234", "12.5万元", "—", "无", "/", "信息内容", "本年制发件数", "本年增/减",
          "规章", "行政许可", "自然人", "商业企业", "其他", "总计", "（三）不予公开", "1.属于国家秘密", "3.其他",
          "（六）其他处理", "行政复议", "行政诉讼", "结果维持", "尚未审结", "复议后起诉", "第二十条第（五）项", "合计", "备注"]
_cells = st.lists(st.sampled_from(_VOCAB), min_size=0, max_size=17)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_cells, min_size=1, max_size=12), min_size=1, max_size=3), st.sampled_from([0, 2, 3, 4]))
def test_any_grid_maps_without_error(grids, section):
    blocks = []
    if section:
        blocks.append(Paragraph(["", "", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                 "四、政府信息公开行政复议、行政诉讼情况"][section]))
    blocks += [Table.from_rows(g) for g in grids]
    result, structure = mapped(blocks)
    rows = {p.id: p.text for p in structure.passages if p.kind == "table_row"}
    for key, metric in result.metrics.items():
        assert isinstance(metric.value, (int, float)) and metric.passage in rows
    assert result.template in (None, "2019", "2021")


def test_table_two_in_many_small_grids():
    blocks = [Paragraph("二、主动公开政府信息情况")]
    for article, head, rows in (
        ("一", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], [["规章", "0", "1", "4"], ["行政规范性文件", "3", "0", "9"]]),
        ("五", ["信息内容", "本年处理决定数量"], [["行政许可", "88"]]),
        ("六", ["信息内容", "本年处理决定数量"], [["行政处罚", "7"], ["行政强制", "0"]]),
        ("八", ["信息内容", "本年收费金额（单位：万元）"], [["行政事业性收费", "12.3456"]]),
    ):
        blocks.append(Paragraph(f"第二十条第（{article}）项"))
        blocks.append(Table.from_rows([head] + rows))
    result, _ = mapped(blocks)
    v = values(result)
    assert (v["active.rules.repealed"], v["active.normative.in_force"]) == (1, 9)
    assert (v["active.licensing.decisions"], v["active.penalty.decisions"], v["active.coercion.decisions"]) == (88, 7, 0)
    assert v["active.fees.amount_wan"] == pytest.approx(12.3456)
    assert result.template == "2021"


def test_column_missing_from_the_header_is_absent_not_shifted():
    rows = [
        ["", "自然人", "商业企业", "科研机构", "社会公益组织", "其他", "总计"],  # no 法律服务机构 column
        ["一、本年新收政府信息公开申请数量", "4", "1", "0", "0", "2", "7"],
    ]
    result, _ = mapped([Paragraph("三、收到和处理政府信息公开申请情况"), Table.from_rows(rows)])
    v = values(result)
    assert (v["apply.new.other"], v["apply.new.total"]) == (2, 7)
    assert "apply.new.legal_services" not in v


# ------------------------------------------------------------------ converters' damage: lost labels, broken headers


def apply_rows(*rows: list[str]) -> list:
    return [Paragraph("三、收到和处理政府信息公开申请情况"), *(Table.from_rows(list(r)) for r in rows)]


def test_rows_that_lost_their_labels_take_the_template_rows_between_their_neighbours():
    seven = lambda *v: [str(x) for x in v]  # noqa: E731
    result, _ = mapped(apply_rows(
        [["（一）予以公开", *seven(9, 0, 0, 0, 0, 0, 9)], seven(1, 0, 0, 0, 0, 0, 1)],  # 部分公开 lost its label
        [["1.属于国家秘密", *seven(0, 0, 0, 0, 0, 0, 0)], seven(2, 0, 0, 0, 0, 0, 2),
         ["3.危及“三安全一稳定”", *seven(0, 0, 0, 0, 0, 0, 0)]],
        [["8.属于行政查询事项", *seven(0, 0, 0, 0, 0, 0, 0)], seven(4, 0, 0, 0, 0, 0, 4), seven(6, 0, 0, 0, 0, 0, 6),
         seven(0, 0, 0, 0, 0, 0, 0), ["1.信访举报投诉类申请", *seven(0, 0, 0, 0, 0, 0, 0)]],
        [["（七）总计", *seven(33, 2, 0, 0, 0, 0, 35)], seven(1, 0, 0, 0, 0, 0, 1)],  # 结转 lost its label, last row
    ))
    v = values(result)
    assert v["apply.partial.total"] == 1
    assert v["apply.denied.law_forbidden.natural"] == 2
    assert [v[f"apply.unavailable.{k}.total"] for k in ("not_held", "needs_creation", "unclear")] == [4, 6, 0]
    assert v["apply.carried_forward.total"] == 1


def test_lost_labels_are_not_guessed_when_the_rows_do_not_fill_the_gap():
    seven = ["1", "0", "0", "0", "0", "0", "1"]
    result, _ = mapped(apply_rows([["8.属于行政查询事项", *["0"] * 7], seven, seven, ["1.信访举报投诉类申请", *["0"] * 7]]))
    assert not any(k.startswith("apply.unavailable.") for k in result.metrics)  # two rows for a gap of three


def test_other_row_after_the_not_processed_rows_without_its_group_cell():
    result, _ = mapped(apply_rows([
        ["5.要求行政机关确认或重新出具已获取信息", *["0"] * 7],
        ["行政机关不再处理其政府信息公", "40", "1", "0", "0", "2", "0", "43"],  # the label's tail only
        ["缴纳费用、", "行政机关不再处理其政", *["0"] * 7],
        ["3.其他", "264", "12", "0", "0", "0", "0", "276"],
        ["（七）总计", "1139", "48", "0", "0", "4", "0", "1191"],
    ]))
    v = values(result)
    assert v["apply.other.other.total"] == 276
    assert v["apply.other.no_correction.total"] == 43 and v["apply.other.no_fee.total"] == 0


def test_seven_figures_under_a_broken_header_are_the_seven_columns():
    result, _ = mapped(apply_rows([
        ["业", "构", "益组织", "务机构"],  # what a converter kept of 商业企业 / 科研机构 / 社会公益组织 / 法律服务机构
        ["一、本年新收政府信息公开申请数量", "32", "2", "0", "0", "0", "0", "34", ""],
        ["四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", ""],
    ]))
    v = values(result)
    assert (v["apply.new.natural"], v["apply.new.commercial"], v["apply.new.total"]) == (32, 2, 34)
    assert v["apply.carried_forward.natural"] == 1 and "apply.carried_forward.total" not in v


def test_fifteen_figures_under_a_short_table_four_header():
    result, _ = mapped([
        Paragraph("四、政府信息公开行政复议、行政诉讼情况"),
        Table.from_rows([["维持", "纠正", "结果", "审结", "总计", "总计"],
                         "40 0 10 5 55 2 0 4 6 12 6 0 9 7 22".split()]),
    ])
    v = values(result)
    assert (v["review.upheld"], v["review.total"], v["litigation.direct.total"], v["litigation.after_review.total"]) \
        == (40, 55, 12, 22)


def test_table_four_in_three_grids_under_captions():
    head = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    blocks = [Paragraph("四、政府信息公开行政复议、行政诉讼情况")]
    for caption, figures in (("行政复议", "27 10 9 15 61"), ("行政诉讼（未经复议直接起诉）", "3 0 0 0 3"),
                             ("行政诉讼（复议后起诉）", "8 0 1 1 10")):
        blocks += [Paragraph(caption), Table.from_rows([head, figures.split()])]
    v = values(mapped(blocks)[0])
    assert (v["review.total"], v["litigation.direct.upheld"], v["litigation.after_review.total"]) == (61, 3, 10)


def test_wide_grids_of_unique_cells_cost_few_label_comparisons(monkeypatch):
    """Each label comparison (SequenceMatcher) costs ~50 µs; a cell that cannot name a label must not pay ~200 of them."""
    import random

    import indexer.template.labels as labels

    calls = 0
    real = labels.similarity

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(labels, "similarity", counting)
    labels._ranked.cache_clear()
    rng = random.Random(2)
    words = ["行政许可", "自然人", "商业企业", "予以公开", "总计", "其他", "本年新收政府信息公开申请数量"]
    rows = [tuple(rng.choice(words) + str(rng.randint(0, 10**6)) for _ in range(20)) for _ in range(100)]
    map_tables(structure_of([Table(tuple(rows))]).tables)
    assert calls <= 5 * 2000


def test_blank_cells_hold_their_places_when_the_row_has_one_cell_a_column():
    """A broken header (商业 / 企业 on two rows) gives no positions; seven cells after the label are the seven columns."""
    header = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"], ["自然人", "法人或其他组织", "总计"],
              ["商业", "科研", "社会公益组织", "法律服务机构", "其他"], ["企业", "机构"]]
    result, _ = mapped(apply_rows(header + [["二、上年结转政府信息公开申请数量", "", "", "", "", "", "", "4"],
                                            ["一、本年新收政府信息公开申请数量", "3", "1", "", "", "", ""]]))
    v = values(result)
    assert v["apply.carried_over.total"] == 4 and "apply.carried_over.natural" not in v
    assert (v["apply.new.natural"], v["apply.new.commercial"]) == (3, 1)  # trailing blanks dropped: read from the left


def test_a_header_cell_written_with_its_span_as_blank_cells_covers_them():
    """A converter writes 本年增/减's second column as a blank cell; the rows' own spans differ (0 | | 0 | 0)."""
    rows = [["信息内容", "上一年项目数量", "本年增/减", "", "处理决定数量"], ["行政许可", "40", "", "4", "947"]]
    result, _ = mapped([Paragraph("二、主动公开政府信息情况"), Table.from_rows(rows)])
    v = values(result)
    assert (v["active.licensing.prev_items"], v["active.licensing.change"], v["active.licensing.decisions"]) == (40, 4, 947)


def test_a_row_cut_after_its_last_figure_reads_by_its_sum():
    """(一)予以公开's span written as a blank cell, and the blank 总计 cut off the row's end: only the reading whose
    figures do not break the row's sum is taken (258 + 12 + 1 + 1 is no 总计 of 1)."""
    header = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"],
              ["自然人", "法人或其他组织", "", "", "", "", "总计"], ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    data = [["一、本年新收政府信息公开申请数量", "", "", "821", "35", "", "", "2", "1", "859"],
            ["三、本年度办理结果", "（一）予以公开", "", "258", "12", "", "", "1", "1"]]
    v = values(mapped(apply_rows(header + data))[0])
    assert (v["apply.granted.natural"], v["apply.granted.commercial"], v["apply.granted.other"]) == (258, 12, 1)
    assert "apply.granted.total" not in v and "apply.granted.research" not in v


def test_a_row_whose_blank_cells_left_no_trace_gives_only_its_total():
    """PDF text without layout: 821 35 2 1 859 under seven columns, the last the sum of the others; which columns
    the other four fill is not known, so only 总计 is read. That row shows the table's blanks vanished, so 3 1 0
    may sit in any three columns: nothing of it is read (the sums cannot tell without （七）总计)."""
    result, _ = mapped(apply_rows(["一、本年新收政府信息公开申请数量 821 35 2 1 859".split(" "),
                                   "二、上年结转政府信息公开申请数量 18 18".split(" "),
                                   "三、本年度办理结果 （一）予以公开 3 1 0".split(" ")]))
    v = values(result)
    assert v["apply.new.total"] == 859 and not any(f"apply.new.{c}" in v for c in ("natural", "commercial", "research"))
    assert v["apply.carried_over.total"] == 18 and "apply.carried_over.natural" not in v
    assert not any(k.startswith("apply.granted.") for k in v)


def test_a_short_row_reads_from_the_left_when_nothing_shows_blanks_vanished():
    """No short row ends in its 总计: a short row was cut after its last figure."""
    result, _ = mapped(apply_rows(["一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4".split(" "),
                                   "三、本年度办理结果 （一）予以公开 3 1 0".split(" ")]))
    v = values(result)
    assert (v["apply.granted.natural"], v["apply.granted.commercial"], v["apply.granted.research"]) == (3, 1, 0)


def test_the_columns_sums_place_figures_whose_blanks_left_no_trace():
    """（七）总计 printed whole (zeros included) pins the columns: the outcome rows' figures can only sit where the
    outcomes add up to it, so 3 1 1 5 is 自然人 3, 商业企业 1, 社会公益组织 1, 总计 5, the blanks absent."""
    rows = ["一、本年新收政府信息公开申请数量 5 2 0 1 0 0 8", "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1",
            "三、本年度办理结果 （一）予以公开 3 1 1 5", "（二）部分公开 1 1", "1.本机关不掌握相关政府信息 1 1 2",
            "（七）总计 5 2 0 1 0 0 8", "四、结转下年度继续办理 1 0 0 0 0 0 1"]
    v = values(mapped(apply_rows([r.split(" ") for r in rows]))[0])
    columns = ("natural", "commercial", "research", "nonprofit", "legal_services", "other", "total")
    got = lambda key: tuple(v.get(f"apply.{key}.{c}") for c in columns)  # noqa: E731
    assert got("granted") == (3, 1, None, 1, None, None, 5)
    assert got("partial") == (1, None, None, None, None, None, 1)
    assert got("unavailable.not_held") == (1, 1, None, None, None, None, 2)


def test_figures_the_sums_cannot_place_stay_absent():
    """Two ways fit the sums (商业企业 or 社会公益组织 for the lone 1 of each row): those cells stay absent."""
    rows = ["一、本年新收政府信息公开申请数量 2 1 0 1 0 0 4", "（一）予以公开 1 1 2", "（二）部分公开 1 1 2",
            "（七）总计 2 1 0 1 0 0 4", "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0", "四、结转下年度继续办理 0 0 0 0 0 0 0"]
    v = values(mapped(apply_rows([r.split(" ") for r in rows]))[0])
    assert v["apply.granted.natural"] == 1 and v["apply.granted.total"] == 2 and v["apply.partial.natural"] == 1
    assert not any(f"apply.{k}.{c}" in v for k in ("granted", "partial") for c in ("commercial", "nonprofit"))


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_pdf_text_without_layout_whose_blank_cells_vanished_gives_no_wrong_figure(tmp_path, template):
    """A PDF's text without layout (labels on their lines, each row's figures on one line) of a table 3 with blank
    columns: the blanks leave no trace, so each such row gives its 总计 only; full rows are read whole."""
    from fixtures.reports import ABSENT, APPLY_BALANCED

    blanks = {k: ["" if i in (2, 4) else v for i, v in enumerate(row)] for k, row in APPLY_BALANCED.items()}
    source = build_report(template, apply_figures=blanks)
    got = {k: m.value for k, m in extract(write(source, "text-lines", tmp_path / "report")).metrics.items()}
    for key, want in source.expected.items():
        if key.startswith("apply."):
            assert got.get(key) in (None, want) and (want is not ABSENT or key not in got), key
    for key in blanks:
        assert got[f"apply.{key}.total"] == int(blanks[key][-1])
    assert got["apply.denied.state_secret.natural"] == 0  # a row of seven zeros is read whole


def test_the_template_a_header_left_as_paragraphs_names(tmp_path):
    """PDF text whose table-2 header came out as paragraphs (本年新 / 制作数量 …) above rows of figures: the rows'
    columns are the template's the text names (2019: 本年新制作数量 …), not the 2021 columns."""
    body = ("某某街道办事处2023年政府信息公开工作年度报告\n一、总体情况\n本街道依法公开政府信息。\n二、主动公开政府信息情况\n"
            "第二十条第（一）项\n信息内容\n\n本年新\n制作数量\n\n本年新\n公开数量\n\n对外公开总数量\n\n规章\n\n0\n\n0\n\n3\n\n"
            "规范性文件\n\n4\n\n4\n\n15\n\n本年增/减\n\n处理决定数量\n\n第二十条第（五）项\n信息内容\n\n上一年项目数量\n\n"
            "行政许可\n40\n增4\n947\n三、收到和处理政府信息公开申请情况\n无。\n")  # pdftotext's order: header cells out of place
    path = tmp_path / "report.txt"
    path.write_text(body, encoding="utf-8")
    report = extract(path)
    v = {k: m.value for k, m in report.metrics.items()}
    assert report.template == "2019"
    assert (v["active.rules.made"], v["active.rules.published"], v["active.rules.total_published"]) == (0, 0, 3)
    assert (v["active.licensing.prev_items"], v["active.licensing.change"], v["active.licensing.decisions"]) == (40, 4, 947)
    assert not any(k.startswith("active.rules.issued") for k in v)


# ------------------------------------------------------------------ a mirror's traditional-script copy


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_traditional_script_copy_gives_the_same_figures(tmp_path, template):
    source = build_report(template)
    html = write(source, "html", tmp_path / "simplified").read_text(encoding="utf-8")
    copy = tmp_path / "mirror.html"
    copy.write_text(to_traditional(html), encoding="utf-8")
    assert "規範性檔案" in copy.read_text(encoding="utf-8") and "规范性文件" not in copy.read_text(encoding="utf-8")
    report = extract(copy)
    assert report.template == template
    assert [s.no for s in report.sections] == [0, 1, 2, 3, 4, 5, 6]  # its headings (二、主動公開政府信息情況 …) found
    assert_expected(report, {k: v for k, v in source.expected.items() if k.startswith(("active.", "apply.", "review.", "litigation."))
                             and k != "active.published_total"})  # the figures of the three tables


@pytest.mark.parametrize("fmt", ["text-pipe-rows", "md-pipes", "md-html2text", "md-bare"])
def test_a_traditional_script_copy_in_text_forms_gives_the_same_figures(tmp_path, fmt):
    """A mirror's copy as pipe rows or markdown: the section rows 第二十條第（五）項 (條, 項) are headings of their own,
    never glued to the row above as the rest of its label."""
    source = build_report("2021")
    path = write(source, fmt, tmp_path / "simplified")
    copy = tmp_path / f"mirror{path.suffix}"
    copy.write_text(to_traditional(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert "第二十條第（五）項" in copy.read_text(encoding="utf-8")
    assert_expected(extract(copy), {k: v for k, v in source.expected.items()
                                    if k.startswith(("active.", "apply.", "review.", "litigation."))
                                    and k != "active.published_total"})


def test_a_table_3_row_with_its_seven_figures_is_read_before_any_section_heading():
    """A page of a report that starts inside table 3 (a flipbook page, a copied page): the row names its table."""
    result, _ = text_report("P. 9\n四、结转下年度继续办理 0 1 0 0 0 0 1\n五、存在的主要问题及改进情况\n")
    assert {k: v for k, v in values(result).items() if k.startswith("apply.")} == {
        f"apply.carried_forward.{c}": v for c, v in zip(
            ("natural", "commercial", "research", "nonprofit", "legal_services", "other", "total"), (0, 1, 0, 0, 0, 0, 1))}
    result, _ = text_report("一、总体情况\n行政处罚 1 2 3\n予以公开 1 2 3 4\n")
    assert values(result) == {}  # fewer figures than table 3 has columns: text of the 总体情况 section


def test_table_4_figures_that_touch_are_cut_where_the_groups_add_up():
    """A one-row table 4 whose cells had no padding: 790 and 16 printed as 79016. The three groups' sums allow one
    cut only; a row whose sums allow none, or several, keeps its figures unread rather than guessed."""
    head = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
    result, _ = text_report(head + "376 97 196 121 79016 1 12 27 56 74 1 30 51 156\n")
    got = values(result)
    assert [got.get(f"review.{c}") for c in ("upheld", "corrected", "other", "pending", "total")] == [376, 97, 196, 121, 790]
    assert got.get("litigation.direct.upheld") == 16 and got.get("litigation.after_review.total") == 156
    from indexer.tables.mapper import _touching_figures_cut
    assert _touching_figures_cut(list(enumerate("5 0 0 0 7 1 0 0 0 1 0 0 0 0".split()))) is None  # no cut adds up
    assert _touching_figures_cut(list(enumerate("1 1 0 2 0 0 0 0 0 0 0 0 0 0".split()))) is None  # no figure of two digits to cut


def test_table_3_columns_dumped_one_after_another_give_no_wrong_figure():
    """pdfminer's text of a table 3 without borders whose rows print only 自然人 and 总计: the labels, then the
    自然人 column (3 0 3), then the 总计 column (3 0 3), a figure a line. Six figures that do not add up are no
    row of seven read from the left: nothing comes out rather than 3 as 科研机构."""
    text = ("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n总计\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n"
            "三、本年度办理结果\n（一）予以公开\n\n3\n0\n3\n\n3\n0\n3\n\n四、政府信息公开行政复议、行政诉讼情况\n")
    result, _ = text_report(text)
    assert not [k for k in values(result) if k.startswith("apply.")]


def test_a_header_cell_cut_short_over_the_columns_it_starts_names_them_in_the_templates_order():
    """本年新 | 本年新 | 对外公开总数量 (a page whose 本年新<br>制作数量 lost its second line): the two cells that read the
    same are 本年新制作数量 and 本年新公开数量, in that order; a cut cell that starts one column only is no guess."""
    head = "二、主动公开政府信息情况\n第二十条第（一）项 | | | |\n信息内容 | 本年新 | 本年新 | 对外公开总数量 |\n"
    result, _ = text_report(head + "规章 | 1 | 2 | 3 |\n规范性文件 | 4 | 5 | 60 |\n")
    got = values(result)
    assert [got.get(f"active.normative.{k}") for k in ("made", "published", "total_published")] == [4, 5, 60]
    assert [got.get(f"active.rules.{k}") for k in ("made", "published", "total_published")] == [1, 2, 3]


@pytest.mark.parametrize("year, keys", [
    (2019, ("made", "published", "total_published")),
    (2020, ("made", "published", "total_published")),
    (2022, ("issued", "repealed", "in_force")),
])
def test_a_headerless_active_row_takes_the_columns_of_its_reports_years_template(year, keys):
    """规章 | 2 | 0 | 5 with no header and no label only one template prints: the report's year tells the columns."""
    structure = structure_of(parse_text("二、主动公开政府信息情况\n规章 | 2 | 0 | 5 |\n规范性文件 | 1 | 3 | 7 |\n"))
    got = values(map_tables(structure.tables, "", year))
    assert {k: got[f"active.rules.{k}"] for k in keys} == dict(zip(keys, (2, 0, 5)))
    assert {k: got[f"active.normative.{k}"] for k in keys} == dict(zip(keys, (1, 3, 7)))


def test_template_of_year_names_no_template_before_2019():
    from indexer.tables.mapper import template_of_year

    assert [template_of_year(y) for y in (None, 2015, 2019, 2020, 2021, 2025)] == [None, None, "2019", "2019",
                                                                                  "2021", "2021"]


@pytest.mark.parametrize("row, kept", [
    (["政府集中采购", "区公务用车10辆", "1530000"], {}),  # a project's name in 采购项目数量
    (["行政许可", "见附件", "3", "12"], {}),  # text in 上一年项目数量: 3 and 12 are no prev_items and change
    (["行政许可", "（不含即办件）", "4", "增1", "9"], {"prev_items": 4, "change": 1, "decisions": 9}),  # a remark
])
def test_text_right_of_a_row_label_keeps_short_figures_out_of_the_first_columns(row, kept):
    head = ["信息内容", "采购项目数量", "采购总金额"] if row[0] == "政府集中采购" else ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    result, _ = mapped([Paragraph("二、主动公开政府信息情况"), Table.from_rows([head, row, ["行政处罚", "2", "0", "5"]])])
    v = values(result)
    key = "procurement" if row[0] == "政府集中采购" else "licensing"
    assert {k.rsplit(".", 1)[-1]: x for k, x in v.items() if k.startswith(f"active.{key}.")} == kept
    assert v["active.penalty.decisions"] == 5


def test_a_short_row_that_may_end_in_its_total_gives_no_figure():
    """PDF text of a table 3 printing blank cells (一、本年新收 0 … 0 with five blanks between, 二、上年结转 with
    总计 alone): the text keeps no trace of the blanks, and 0 0 or a lone 0 may end in 总计, so reading them from the
    left would give 商业企业 or 自然人 a figure the report leaves blank. They stay absent."""
    result, _ = mapped(apply_rows(["一、本年新收政府信息公开申请数量 0 0".split(" "),
                                   "二、上年结转政府信息公开申请数量 0".split(" "),
                                   "三、本年度办理结果 （一）予以公开 18".split(" ")]))
    assert not any(k.startswith("apply.") for k in values(result))


def test_a_lone_figure_of_a_row_whose_spans_fill_the_grid_is_not_read_from_the_left():
    """Text of a table written a cell a line with its blank cells dropped (a page printing table 3's applicant cells
    blank and only 总计 0): the label's span repeats it over three cells and the row ends at its lone 0, in a grid
    whose header rows are wider. No row keeps a blank between figures, so the 0 may be 总计's after blanks that left
    no trace as well as 自然人's in a row cut after it: neither column is read (the grid's width once made it 自然人's)."""
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    head = [[corner] * 3 + ["申请人情况"] * 7, ["自然人", *["法人或其他组织"] * 5, "总计"],
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    result, _ = mapped(apply_rows(head + [["一、本年新收政府信息公开申请数量"] * 3 + ["0"],
                                          ["二、上年结转政府信息公开申请数量"] * 3 + ["0"], ["三、本年"]]))
    assert not any(k.startswith("apply.") for k in values(result))
    # a row of several figures cut after them (a page that stops inside the row) still reads from the left
    result, _ = mapped(apply_rows(head + [["一、本年新收政府信息公开申请数量"] * 3 + ["0"] * 7,
                                          ["二、上年结转政府信息公开申请数量"] * 3 + ["0"] * 4]))
    v = values(result)
    assert [v.get(f"apply.carried_over.{c}") for c in ("natural", "commercial", "research", "nonprofit")] == [0] * 4
    # a grid without its header (a text box of a label and the figure beside it) keeps reading from the left
    result, _ = mapped(apply_rows(head, [["（三）不予公开1.属于国家秘密", "0"], ["", *["0"] * 11]]))
    assert values(result).get("apply.denied.state_secret.natural") == 0


def test_a_row_holding_its_group_cell_and_cut_after_its_figure_keeps_its_columns():
    """A converter keeps a row's blank cells (56 | | | | | | 56) but drops those after a row's last figure; the row
    that opens 三、本年度办理结果 holds one label cell more than the others: 18 is its 自然人, nothing else is read."""
    header = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"], ["自然人", "法人或其他组织", "总计"],
              ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]  # html2text: the spans' cells dropped
    data = [["一、本年新收政府信息公开申请数量", "56", "", "", "", "", "", "56"],
            ["二、上年结转政府信息公开申请数量", "0", "", "", "", "", "", "0"],
            ["三、本年度办理结果", "（一）予以公开", "18"]]
    v = values(mapped(apply_rows(header + data))[0])
    assert v["apply.granted.natural"] == 18 and [k for k in v if k.startswith("apply.granted.")] == ["apply.granted.natural"]
    assert v["apply.new.total"] == 56 and "apply.new.commercial" not in v


def test_a_piece_of_a_wrapped_row_group_label_is_no_template_evidence():
    """PDF text with layout: 三、本年度办理结果 wrapped into 三、本年 / 度办理结果 beside the first outcome row, the
    table-2 header left as a paragraph. 本年 alone is no 本年增/减: the rows keep the 2021 columns the text names."""
    result, _ = mapped([Paragraph("二、主动公开政府信息情况"), Paragraph("信息内容本年制发件数本年废止件数现行有效件数"),
                        Table.from_rows([["规章", "1", "0", "5"], ["行政规范性文件", "2", "1", "9"]]),
                        Paragraph("三、收到和处理政府信息公开申请情况"),
                        Table.from_rows([["一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3"],
                                         ["三、本年", "（一）予以公开", "3", "0", "0", "0", "0", "0", "3"]])])
    v = values(result)
    assert "active.rules.made" not in v
    assert (v["active.rules.issued"], v["active.rules.in_force"], v["active.normative.repealed"]) == (1, 5, 1)


def test_a_table_2_row_with_the_templates_figures_under_a_header_that_lost_a_column():
    """A borderless PDF's reader split 上一年项目数量 into pieces no header word matches: the header keeps
    本年增/减 and 处理决定数量, the rows three figures. The 2019 template's three columns, in its order, are theirs."""
    rows = [["第二十条第（五）项", "", "", "", ""],
            ["信息内容", "一", "目数量", "本年增/减", "处理决定数量"],
            ["行政许可", "0", "+21", "776"],
            ["其他对外管理服务事项", "0", "+57", "0"],
            ["第二十条第（八）项", "", "", ""],
            ["信息内容", "一", "目数量", "本年增/减"],
            ["行政事业性收费", "3", "-1"]]
    result, _ = mapped([Paragraph("二、主动公开政府信息情况"), Table.from_rows(rows)])
    v = values(result)
    assert [v.get(f"active.licensing.{k}") for k in ("prev_items", "change", "decisions")] == [0, 21, 776]
    assert [v.get(f"active.other_services.{k}") for k in ("prev_items", "change", "decisions")] == [0, 57, 0]
    assert [v.get(f"active.fees.{k}") for k in ("prev_items", "change")] == [3, -1]



def test_seven_figures_under_a_header_that_lost_applicant_columns_are_the_template_columns():
    """PDF-to-text -layout glued two wrapped header words into one cell no header word matches (科研机 社会公 ->
    科研机社会公), so the header names five or six of table 3's seven columns; a row of seven figures is the
    template's seven columns in their order, not a window of the header's columns (which dropped it, or gave 科研机构's
    figure to the next column)."""
    header = [["自然人", "科研机社会公", "法律服务机", "总计"], ["和）", "商业企业", "其他"], ["构", "益组织", "构"]]
    data = [["一、本年新收政府信息公开申请数量", "5", "0", "2", "0", "0", "1", "8"],
            ["二、上年结转政府信息公开申请数量", "1", "1", "0", "0", "0", "0", "2"]]
    v = values(mapped(apply_rows(header + data))[0])
    cols = ("natural", "commercial", "research", "nonprofit", "legal_services", "other", "total")
    assert [v.get(f"apply.new.{c}") for c in cols] == [5, 0, 2, 0, 0, 1, 8]
    assert [v.get(f"apply.carried_over.{c}") for c in cols] == [1, 1, 0, 0, 0, 0, 2]


def test_seven_figures_that_break_the_sum_keep_the_header_reading():
    """The same broken header over a row whose seven figures do not add up (a stray figure among them): the template's
    seven columns are not imposed."""
    header = [["自然人", "科研机社会公", "法律服务机", "总计"], ["和）", "商业企业", "其他"], ["构", "益组织", "构"]]
    v = values(mapped(apply_rows(header + [["一、本年新收政府信息公开申请数量", "5", "0", "2", "0", "0", "1", "9"]]))[0])
    assert "apply.new.research" not in v and "apply.new.nonprofit" not in v
TABLE_4_TEXT_HEAD = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
                     "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
                     + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "\n")


def test_a_table_4_row_that_lost_its_blank_cells_gives_no_figure_to_the_wrong_cell():
    """A one-row table 4 printing blank cells (5 _ _ 2 7 | 8 _ _ 1 9 | _ _ _ _ _) in a text form that keeps no trace
    of them: 5 2 7 8 1 9. The figures are not the first six cells; where they go the sums cannot tell, so they stay
    absent rather than guessed."""
    truth = {"review.upheld": 5, "review.pending": 2, "review.total": 7,
             "litigation.direct.upheld": 8, "litigation.direct.pending": 1, "litigation.direct.total": 9}
    got = values(text_report(TABLE_4_TEXT_HEAD + "5\t2\t7\t8\t1\t9\n")[0])
    assert {k: v for k, v in got.items() if k.startswith(("review.", "litigation."))
            and truth.get(k) != v} == {}


def test_a_table_4_row_that_lost_one_blank_keeps_what_every_placement_agrees_on():
    """2 _ 1 0 3 | 0 0 0 0 0 | 1 0 0 0 1 printed without its blank: the blank can be any of 行政复议's five cells
    (a blank 总计 is allowed: some reports print results and leave the total blank), so that group stays absent;
    the two other groups hold the same figures in every placement the sums allow."""
    got = values(text_report(TABLE_4_TEXT_HEAD + "2 1 0 3 0 0 0 0 0 1 0 0 0 1\n")[0])
    appeals = {k: v for k, v in got.items() if k.startswith(("review.", "litigation."))}
    assert appeals == {**{f"litigation.direct.{k}": 0 for k in APPEAL_LEAVES_T},
                       "litigation.after_review.upheld": 1, "litigation.after_review.corrected": 0,
                       "litigation.after_review.other": 0, "litigation.after_review.pending": 0,
                       "litigation.after_review.total": 1}


APPEAL_LEAVES_T = ("upheld", "corrected", "other", "pending", "total")


def test_table_4_groups_printed_whole_before_the_table_was_cut_are_read():
    """行政复议's five figures alone (the rest of the table cut off) fill its group, which adds up."""
    got = values(text_report(TABLE_4_TEXT_HEAD + "1 0 2 0 3\n")[0])
    assert [got.get(f"review.{k}") for k in APPEAL_LEAVES_T] == [1, 0, 2, 0, 3]


def test_a_table_4_row_that_kept_its_blank_cells_is_read_in_place():
    """Tab-separated rows (like markdown and pipe rows) keep blank cells (5 _ _ 2 7 | 8 _ _ 1 9 | and the trailing
    blanks dropped): read in place."""
    got = values(text_report(TABLE_4_TEXT_HEAD + "5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\t\n")[0])
    assert {k: v for k, v in got.items() if k.startswith(("review.", "litigation."))} == {
        "review.upheld": 5, "review.pending": 2, "review.total": 7,
        "litigation.direct.upheld": 8, "litigation.direct.pending": 1, "litigation.direct.total": 9}


def test_a_table_4_that_kept_its_blank_cells_says_nothing_of_table_3s():
    """Text without layout whose table-3 rows lost their blank cells (二、上年结转 18 18: 18 under 自然人 and 总计) and a
    table 4 read at its header's positions, blanks kept: table 3's short rows are still placed as rows that lost
    their blanks, never read from the left (18 as 商业企业)."""
    text = ("三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 21 5 2 1 29\n二、上年结转政府信息公开申请数量 18 18\n"
            "（七）总计 39 5 2 1 47\n四、结转下年度继续办理 0\n"
            + TABLE_4_TEXT_HEAD + "5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\t\n")
    got = values(text_report(text)[0])
    assert "apply.carried_over.commercial" not in got
    assert got.get("review.pending") == 2 and got.get("litigation.direct.total") == 9


def test_table_4_figures_under_their_header_words_in_pdf_to_text_layout_get_their_cells():
    """pdftotext -layout of a one-row table 4 printing blank cells: the header a word a column (结果 / 维持 on two
    lines), the figures under their words, blanks as spaces. Each figure gets the cell it stands under."""
    text = ("四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议                    行政诉讼\n"
            "结果   结果   其他   尚未   总\n"
            "维持   纠正   结果   审结   计   结果   结果   其他   尚未   总   结果   结果   其他   尚未   总\n"
            "                        维持   纠正   结果   审结   计   维持   纠正   结果   审结   计\n"
            "3              4    7   6              2    8\n")
    got = {k: v for k, v in values(text_report(text)[0]).items() if k.startswith(("review.", "litigation."))}
    assert got == {"review.upheld": 3, "review.pending": 4, "review.total": 7,
                   "litigation.direct.upheld": 6, "litigation.direct.pending": 2, "litigation.direct.total": 8}




def test_a_change_printed_as_its_sign_alone_leaves_the_row_s_other_figures_in_place():
    """行政处罚 | 0 | 增 | 25: 增 is 本年增/减 without its figure (absent); 25 is 处理决定数量, 0 上一年项目数量."""
    for sep in ("\t", " "):
        result, _ = text_report(
            ACTIVE_2019_HEAD
            + "第二十条第（六）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
            + f"行政处罚{sep}0{sep}增{sep}25\n行政强制{sep}0{sep}0{sep}0\n"
        )
        v = values(result)
        assert v["active.penalty.prev_items"] == 0 and v["active.penalty.decisions"] == 25, sep
        assert "active.penalty.change" not in v


def test_a_sign_set_apart_from_its_figure_joins_it_when_the_row_has_a_cell_too_many():
    """行政许可 | 92 | 增 | 98 | 0 under three columns: 增 98 is one cell (增98), a converter set it apart."""
    result, _ = text_report(
        ACTIVE_2019_HEAD
        + "第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政许可\t92\t增\t98\t0\n其他对外管理服务事项\t0\t0\t0\n"
    )
    v = values(result)
    assert (v["active.licensing.prev_items"], v["active.licensing.change"], v["active.licensing.decisions"]) == (92, 98, 0)


def test_a_change_printed_with_the_word_sign_zengjia_is_a_signed_figure_in_every_text_layout():
    """本年增/减 printed 增加5 / 减少3 (the words, not 增 / 减 alone): a change of 5 and of -3, in a row of text whose
    cells a space parts, with the word set apart from its figure (增加 5) or run into a crawler's figures. Read as
    text, 增加5 had ended the label, and the row's one figure after it (0) was given to 上一年项目数量."""
    for row in ("其他对外管理服务事项 24 增加5 0", "其他对外管理服务事项 24 增加 5 0"):
        result, _ = text_report(
            ACTIVE_2019_HEAD
            + "第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
            f"行政许可 1 减少3 0\n{row}\n"
        )
        v = values(result)
        assert [v.get(f"active.other_services.{c}") for c in ("prev_items", "change", "decisions")] == [24, 5, 0], row
        assert [v.get(f"active.licensing.{c}") for c in ("prev_items", "change", "decisions")] == [1, -3, 0], row
    from indexer.readers.runtogether import tokens
    assert [t.text for t in tokens("其他对外管理服务事项24增加5 0第二十条") if t.is_run] == ["24增5 0"]


def test_two_header_cells_run_together_are_both_columns():
    """信息内容 | 上一年项目数量本年增/减 | 处理决定数量 (pdftotext -layout put one space between two header cells): three
    columns; a row of three figures fills them; a row of two under such a header is not guessed (which column
    lost its figure, the converter that glued the header does not say)."""
    result, _ = text_report(
        ACTIVE_2019_HEAD
        + "第二十条第（五）项\n信息内容               上一年项目数量 本年增/减            处理决定数量\n"
        "行政许可               92       增98             0\n"
        "其他对外管理服务事项   7                         3\n"
    )
    v = values(result)
    assert (v["active.licensing.prev_items"], v["active.licensing.change"], v["active.licensing.decisions"]) == (92, 98, 0)
    assert not any(k.startswith("active.other_services.") for k in v)


_FEES_PAGE = ("<html><head><title>某县某局2023年政府信息公开工作年度报告</title></head><body>"
              "<h1>某县某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
              "<p>2023年，我局认真贯彻落实《条例》，主动公开政府信息120条，切实保障群众知情权。</p><p>二、主动公开政府信息情况</p>"
              '<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>'
              "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
              "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
              '<tr><td colspan="4">第二十条第（六）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>'
              '<tr><td>行政处罚</td><td colspan="3">5</td></tr><tr><td>行政强制</td><td colspan="3">0</td></tr>'
              '<tr><td colspan="4">第二十条第（八）项</td></tr>{header}'
              '<tr><td>行政事业性收费</td><td colspan="3">1.5</td></tr></table>'
              "<p>三、收到和处理政府信息公开申请情况</p></body></html>")


@pytest.mark.parametrize("header", ['<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>', ""])
def test_a_one_column_row_merged_across_the_table_under_a_header_not_its_own(tmp_path, header):
    """行政事业性收费 | 1.5 (one cell spanning the table's three columns) under a header copied from the group above
    (本年处理决定数量, not the row's column) or under none: the row takes the template's one column, as a row of
    one cell does; its merged cell, repeated across the columns, is one figure. Before, three copies of one figure
    for one column were read as a row that does not fit, and the fee was lost."""
    from indexer.extract import extract

    path = tmp_path / "report.html"
    path.write_text(_FEES_PAGE.format(header=header), encoding="utf-8")
    metrics = extract(path).metrics
    assert metrics["active.fees.amount_wan"].value == 1.5
    assert metrics["active.penalty.decisions"].value == 5
    assert metrics["active.coercion.decisions"].value == 0


def test_a_short_row_in_a_grid_whose_rows_keep_no_blanks_is_read_as_text_that_lost_them():
    """PDF text whose table 3 the reader split in two grids: the first one's rows keep no trace of their blank
    cells (一、本年新收 25 25, 二、上年结转 0), a later row was read at its header's places (1 | | | | | | 1). That
    later row does not make the first grid's rows keep their columns: 25 25 gives its 总计 alone, the lone 0 none."""
    result, _ = mapped(apply_rows(
        [["一、本年新收政府信息公开申请数量", "25", "25"], ["二、上年结转政府信息公开申请数量", "0"]],
        [["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1", "", "", "", "", "", "1"]]))
    v = {k: x for k, x in values(result).items() if k.startswith("apply.")}
    assert v == {"apply.new.total": 25, "apply.partial.natural": 1, "apply.partial.total": 1}


def test_a_row_keeping_a_blank_in_a_grid_that_lost_columns_gives_only_its_total():
    """A borderless PDF's table 3 whose header stayed outside the grid and whose columns blank in every row left no
    column (一、本年新收 | 103 | 3 | 1 | | 107: seven columns in the report, five in the grid): the row keeps a blank
    between figures, so its blanks hold places, but not all of them; which column 1 or the blank is the grid does
    not say. Only 总计, the sum of the others, is sure; nothing is read from the left."""
    result, _ = mapped(apply_rows([
        ["", "一、本年新收政府信息公开申请数量", "103", "3", "1", "", "107"],
        ["", "二、上年结转政府信息公开申请数量", "8", "0", "", "0", "8"],
        ["三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "31", "", "", "", "31"],
        ["三、本年度办理结果", "（一）予以公开", "41", "2", "", "1", "45"]]))
    v = {k: x for k, x in values(result).items() if k.startswith("apply.")}
    assert v == {"apply.new.total": 107, "apply.carried_over.total": 8, "apply.partial.total": 31}
