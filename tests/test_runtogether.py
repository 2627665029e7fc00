"""Paragraphs and tables back from a body written on one line with its cells run together."""

from __future__ import annotations


import pytest

from indexer.blocks import Paragraph, Table
from indexer.extract import extract
from indexer.readers.runtogether import UNSPLIT, has_run_together_table, paragraphs, rebuild, row_label_of, tokens
from indexer.structure import structure_of
from indexer.tables import map_tables
from indexer.template import ACTIVE, APPLY

from fixtures.reports import APPLY_BALANCED, apply_table, flatten
from fixtures.shared import REAL


T2_2021 = ("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
           "行政规范性文件77132470第二十条第（五）项信息内容本年处理决定数量行政许可2629第二十条第（六）项"
           "信息内容本年处理决定数量行政处罚1330行政强制54第二十条第（八）项信息内容本年收费金额（单位：万元）"
           "行政事业性收费5949.088667")
T3_HEAD = ("三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
           "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
T4 = ("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉"
      "复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计")


def metrics_of(blocks) -> dict:
    result = map_tables(structure_of(blocks).tables)
    return {k: m.value for k, m in result.metrics.items()}


def grids(blocks) -> list[list[list[str]]]:
    return [[list(r) for r in b.rows] for b in blocks if isinstance(b, Table)]


# ------------------------------------------------------------------ tokens and labels


def test_a_label_numbering_glued_to_the_figures_goes_with_the_label():
    runs = [t.text for t in tokens("1.属于国家秘密00000002.其他法律行政法规禁止公开0000000") if t.is_run]
    assert runs == ["0000000", "0000000"]


def test_figures_with_spaces_signs_and_units_stay_one_run():
    runs = [t.text for t in tokens("行政许可40增4947行政处罚20 -3 212政府集中采购312.5万元三、") if t.is_run]
    assert runs == ["40增4947", "20 -3 212", "312.5万元"]


@pytest.mark.parametrize("text, key", [
    ("第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章", "rules"),
    ("三、本年度办理结果（一）予以公开", "granted"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial"),
    ("（三）不予公开1.属于国家秘密", "denied.state_secret"),
    ("（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 ", "other.no_correction"),
    ("3.其他", "other.other"),
    ("社会公益 组织 法律服务 机构 其他一、本年新收政府信息公开申请数量", "new"),
])
def test_row_label_at_the_end_of_the_text(text, key):
    label, _ = row_label_of(text, (ACTIVE, APPLY))
    assert label.key == key


# ------------------------------------------------------------------ tables


def test_table_two_single_figures_and_unsplittable_rows():
    blocks = rebuild(T2_2021 + "三、收到和处理政府信息公开申请情况")
    v = metrics_of(blocks)
    assert (v["active.rules.issued"], v["active.rules.in_force"]) == (0, 0)
    assert (v["active.licensing.decisions"], v["active.penalty.decisions"], v["active.coercion.decisions"]) == (2629, 1330, 54)
    assert v["active.fees.amount_wan"] == pytest.approx(5949.088667)
    assert not any(k.startswith("active.normative.") for k in v)  # 77|13|2470? 77|132|470? left unread
    normative = next(r for g in grids(blocks) for r in g if r[0] == "行政规范性文件")
    assert normative[-1] == UNSPLIT.format("77132470")  # the printed figures stay readable


def test_table_three_rows_cut_by_their_sums_and_the_columns_sums():
    line = (T3_HEAD + "一、本年新收政府信息公开申请数量12010011033二、上年结转政府信息公开申请数量0000000"
            "三、本年度办理结果（一）予以公开12 0 10 0 11 0 33（七）总计12 0 10 0 11 0 33四、结转下年度继续办理0000000")
    v = metrics_of(rebuild(line))
    # 12|0|10|0|1|10|33 and 12|0|10|0|11|0|33 both add up; new + carried over = total + carried forward picks one
    assert [v[f"apply.new.{c}"] for c in ("natural", "research", "legal_services", "other", "total")] == [12, 10, 11, 0, 33]


def test_a_printed_error_leaves_only_what_every_cut_agrees_on():
    line = (T3_HEAD + "一、本年新收政府信息公开申请数量12010011033二、上年结转政府信息公开申请数量0000000"
            "（七）总计9 0 10 0 11 0 30四、结转下年度继续办理0000000")
    v = metrics_of(rebuild(line))
    assert (v["apply.new.natural"], v["apply.new.research"], v["apply.new.total"]) == (12, 10, 33)
    assert "apply.new.legal_services" not in v and "apply.new.other" not in v


def test_a_one_digit_row_that_does_not_add_up_is_read_as_printed():
    v = metrics_of(rebuild(T3_HEAD + "一、本年新收政府信息公开申请数量1000002二、上年结转政府信息公开申请数量0000000"))
    assert (v["apply.new.natural"], v["apply.new.total"]) == (1, 2)



def test_a_one_digit_a_cell_row_that_does_not_add_up_is_absent_where_blank_cells_left_no_trace():
    # 一 and 二 print blank cells (30 7 2 39 / 14 14): a blank leaves nothing between the figures, so
    # 予以公开's 3142114 may be 31 4 2 1 and three blanks as well as seven one-digit figures that do not add up
    v = metrics_of(rebuild(T3_HEAD + "一、本年新收政府信息公开申请数量307239二、上年结转政府信息公开申请数量1414"
                           "三、本年度办理结果（一）予以公开3142114（二）部分公开5"))
    assert not [k for k in v if k.startswith("apply.granted.")]
    # where every row prints all its cells, the one-digit row is read as printed
    v = metrics_of(rebuild(T3_HEAD + "一、本年新收政府信息公开申请数量1000002二、上年结转政府信息公开申请数量0000000"
                           "三、本年度办理结果（一）予以公开3142114"))
    assert (v["apply.granted.natural"], v["apply.granted.total"]) == (3, 4)

def test_table_four_fifteen_cells():
    v = metrics_of(rebuild(T4 + "25380363300630003五、存在的主要问题及改进情况无。"))
    assert (v["review.upheld"], v["review.total"], v["litigation.direct.total"], v["litigation.after_review.total"]) \
        == (25, 36, 6, 3)


def test_cells_the_cuts_disagree_on_are_absent_and_the_others_keep_their_place():
    # 27 2 0 1 30 | 3 2 2 27 34 | 27 1 2 1 31 written together: several cuts add up in every group
    v = metrics_of(rebuild(T4 + "272013032227342712131五、存在的主要问题及改进情况无。"))
    assert v["review.pending"] == 1 and v["review.total"] == 30
    assert "review.upheld" not in v and "review.corrected" not in v


def test_prose_numbers_are_no_table_rows():
    line = "一、总体情况2023年，我区依法作出行政处罚1330件，行政许可2629件。二、主动公开政府信息情况本年度无。"
    assert not has_run_together_table(line)
    assert all(isinstance(b, Paragraph) for b in rebuild(line))


# ------------------------------------------------------------------ paragraphs


def test_paragraphs_at_sentence_ends_headings_and_a_title():
    text = ("某县2023年政府信息公开工作年度报告 根据《条例》编制本报告。本报告的电子版可在网站（www.x.gov.cn）下载。"
            "一、总体情况2023年，我县主动公开政府信息185条。（一）主动公开方面。全年“发布信息。”共12条。")
    assert [p.text for p in paragraphs(text)] == [
        "某县2023年政府信息公开工作年度报告", "根据《条例》编制本报告。", "本报告的电子版可在网站（www.x.gov.cn）下载。",
        "一、总体情况", "2023年，我县主动公开政府信息185条。", "（一）主动公开方面。", "全年“发布信息。”共12条。",
    ]


def test_a_space_inside_a_sentence_is_no_break():
    assert [p.text for p in paragraphs("聚焦新中国成立 70 周年举办发布会，共3场。")] == ["聚焦新中国成立70周年举办发布会，共3场。"]


# ------------------------------------------------------------------ a whole export


def test_flattened_table_three_is_the_whole_row_of_figures():
    expected: dict = {}
    text = flatten(apply_table("2021", expected))
    assert "一、本年新收政府信息公开申请数量" + "".join(APPLY_BALANCED["new"]) in text


@pytest.mark.parametrize("name, cells", [
    ("r05_pingtan2023.txt", {"active.licensing.decisions": 2629, "apply.new.total": 81, "review.total": 2,
                             "litigation.direct.total": 5}),
    ("r06_pingtan2025.txt", {"apply.new.natural": 151, "apply.total.total": 148, "apply.carried_forward.commercial": 2,
                             "review.total": 36}),
    ("r04_pingtan2019.txt", {"apply.new.total": 23, "apply.other.total.total": 0, "review.total": 0}),
])
def test_real_crawler_exports(name, cells):
    path = REAL / name
    if not path.exists():
        pytest.skip("the real reports are not on this machine")
    report = extract(path)
    assert {k: report.metrics[k].value for k in cells if k in report.metrics} == cells
    assert report.source_url and report.source_url.startswith("https://www.pingtan.gov.cn/")


def test_a_header_printing_xian_xing_you_xiao_jian_without_shu_still_cuts_the_rows():
    """Real reports print 现行有效件 for 现行有效件数: the header's three columns, and each row's three figures."""
    line = ("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件规章000行政规范性文件000"
            "第二十条第（五）项信息内容本年处理决定数量行政许可0")
    grid = [list(r) for b in rebuild(line) if isinstance(b, Table) for r in b.rows]
    assert ["规章", "0", "0", "0"] in grid and ["行政规范性文件", "0", "0", "0"] in grid


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_crawler_export_of_a_traditional_script_copy(tmp_path, template):
    """The run-together body of a mirror's traditional-script copy: its rows found (labels read in simplified
    form), its text kept as printed."""
    from fixtures.reports import build_report, to_crawler_export, to_traditional

    source = build_report(template)
    simple, mirror = tmp_path / "export.txt", tmp_path / "mirror.txt"
    simple.write_text(to_crawler_export(source), encoding="utf-8")
    mirror.write_text(to_traditional(to_crawler_export(source)), encoding="utf-8")
    figures = {k: m.value for k, m in extract(simple).metrics.items() if not k.startswith(("active.published", "fees."))}
    report = extract(mirror)
    assert len(figures) > 100 and {k: m.value for k, m in report.metrics.items() if k in figures} == figures
    assert any("規章" in p.text or "規範性檔案" in p.text for p in report.passages)


def test_a_table_3_row_whose_seven_cells_add_up_needs_no_header_before_it():
    """四、结转下年度继续办理 and its run right after the section heading (a copied page that starts at the row): a
    table row when its run cuts into seven cells that add up; 本年新收政府信息公开申请数量5 in prose stays prose."""
    blocks = rebuild("三、收到和处理政府信息公开申请情况四、结转下年度继续办理1000001四、政府信息公开行政复议、行政诉讼情况本年未发生。")
    grids = [[list(r) for r in b.rows] for b in blocks if isinstance(b, Table)]
    assert grids and grids[0][-1][-7:] == ["1", "0", "0", "0", "0", "0", "1"]
    prose = rebuild("三、收到和处理政府信息公开申请情况本年新收政府信息公开申请数量5件，均已办结。")
    assert not [b for b in prose if isinstance(b, Table)]


def test_figures_inside_a_headers_remark_do_not_end_the_table():
    """2020 reports' 2019-template headers explain their columns with years in brackets (上一年项目数量（指2019年
    事项数）…（减用负值表示，如-8）): those figures are no rows, and the rows after them are still read."""
    line = ("二、主动公开政府信息情况第二十条第（五）项信息内容上一年项目数量（指2019年事项数）本年增/减（指2020年增加或减少的"
            "事项数，减用负值表示，如-8）处理决定数量（指2020年办件量）行政许可000其他对外管理服务事项000"
            "三、收到和处理政府信息公开申请情况")
    grid = [list(r) for b in rebuild(line) if isinstance(b, Table) for r in b.rows]
    assert ["行政许可", "0", "0", "0"] in grid and ["其他对外管理服务事项", "0", "0", "0"] in grid


def test_a_traditional_copys_run_together_header_is_cut_into_its_columns():
    """A mirror's traditional-script 2019 table 2, its header 本年增/减 printed cut short (本年增/): 第二十條第（六）項 and
    the header words found in simplified form, each row's three figures under their columns."""
    line = ("二、主動公開政府信息情況第二十條第（一）項信息內容本年新制作數量本年新公開數量對外公開總數量規章000規范性文件000"
            "第二十條第（六）項信息內容上一年項目數量本年增/處理決定數量行政處罰311行政強制000"
            "三、收到和處理政府信息公開申請情況")
    grid = [list(r) for b in rebuild(line) if isinstance(b, Table) for r in b.rows]
    assert ["第二十條第（六）項"] in grid and ["信息內容", "上一年項目數量", "本年增/", "處理決定數量"] in grid
    m = metrics_of(rebuild(line))
    assert (m["active.penalty.prev_items"], m["active.penalty.change"], m["active.penalty.decisions"]) == (3, 1, 1)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_header_cut_short_over_two_columns_and_a_label_whose_note_names_it_again(script):
    """本年新本年新: 本年新<br>制作数量 and 本年新<br>公开数量 cut short, run together; 规章 （全区机关均无制定规章的权限）
    with a note that names 规章 again. The header names two columns, the row keeps its label and its three figures
    under 本年新制作数量, 本年新公开数量 and 对外公开总数量; a run that splits several ways (01414) keeps only what every
    split agrees on."""
    from fixtures.reports import to_traditional

    line = ("二、主动公开政府信息情况第二十条第（一）项信息内容本年新本年新对外公开总数量规章 （全区机关均无制定规章的权限）312"
            "规范性文件01414第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可0+100"
            "三、收到和处理政府信息公开申请情况")
    if script == "traditional":
        line = to_traditional(line)
    m = metrics_of(rebuild(line))
    assert (m["active.rules.made"], m["active.rules.published"], m["active.rules.total_published"]) == (3, 1, 2)
    assert m["active.normative.made"] == 0
    assert "active.normative.published" not in m and "active.normative.total_published" not in m
    assert (m["active.licensing.prev_items"], m["active.licensing.change"], m["active.licensing.decisions"]) == (0, 10, 0)


def test_a_mirrors_pinyin_glosses_and_lost_characters_between_figures():
    """A mirror's copy prints pinyin after some characters (規(guī)章, 行政強(qiáng)制) and a lost character as ? before
    a figure (0 | ? 0 | 0): glosses hide no label and the ? is no figure, so each row keeps its three cells."""
    line = ("二、主動(dòng)公開政府信息情況第二十條第（一）項(xiàng)信息內(nèi)容本年制發(fā)件數(shù)本年廢止件數(shù)"
            "現(xiàn)行有效件數(shù)規(guī)章3? 12行政規(guī)范性文件0? 00第二十條第（六）項(xiàng)信息內(nèi)容"
            "本年處理決定數(shù)量行政處罰5行政強(qiáng)制2三、收到和處理政府信息公開申請情況")
    m = metrics_of(rebuild(line))
    assert (m["active.rules.issued"], m["active.rules.repealed"], m["active.rules.in_force"]) == (3, 1, 2)
    assert (m["active.normative.issued"], m["active.normative.repealed"], m["active.normative.in_force"]) == (0, 0, 0)
    assert m["active.penalty.decisions"] == 5 and m["active.coercion.decisions"] == 2


def test_a_row_whose_label_was_left_blank_is_skipped_and_the_table_read_on():
    """The item mark without （一）项 and 规章's label printed blank (…现行有效件数000行政规范性文件312): the unlabelled
    figures belong to no row and stay out of the header; the next row is read."""
    line = ("二、主动公开政府信息情况第二十条第信息内容本年制发件数本年废止件数现行有效件数000行政规范性文件312"
            "第二十条第信息内容本年处理决定数量行政许可124三、收到和处理政府信息公开申请情况")
    grid = [list(r) for b in rebuild(line) if isinstance(b, Table) for r in b.rows]
    assert ["行政规范性文件", "3", "1", "2"] in grid and not any("000" in c for r in grid for c in r)
    m = metrics_of(rebuild(line))
    assert "active.rules.issued" not in m and m["active.licensing.decisions"] == 124


def test_a_long_row_label_printed_with_a_word_left_out_is_still_a_row():
    """二、上年结转政府信息公开数量 (申请 left out): near the template's label as the grids' labels are matched."""
    line = (T3_HEAD + "一、本年新收政府信息公开申请数量3000003二、上年结转政府信息公开数量1000001"
            "三、本年度办理结果（一）予以公开4000004")
    m = metrics_of(rebuild(line))
    assert m["apply.carried_over.natural"] == 1 and m["apply.carried_over.total"] == 1
    assert m["apply.granted.total"] == 4


def test_a_dash_that_ends_a_rows_run_is_its_last_cell():
    """A 2019 table 2 whose 行政强制 prints 4 | 4 | - : run together, 行政强制44- ; the dash (no figure after it, so no
    sign) is the blank last cell, and the two figures before it the row's first two."""
    line = ("二、主动公开政府信息情况第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚90022"
            "行政强制44-第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00三、收到和处理政府信息公开申请情况")
    m = metrics_of(rebuild(line))
    assert (m["active.coercion.prev_items"], m["active.coercion.change"]) == (4, 4)
    assert "active.coercion.decisions" not in m and "active.penalty.prev_items" not in m  # 90022 splits several ways


def test_a_change_typed_with_a_doubled_minus_stays_in_its_rows_run():
    """行政处罚 41 | --41 | 0 run together as 行政处罚41--410: the doubled minus is inside the run, which cuts several
    ways (41 -41 0, 41 -4 10, 4 1 -410 …), so the row stays absent; its first figures alone are no row of their own."""
    line = ("二、主动公开政府信息情况第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚41--410"
            "行政强制000第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00三、收到和处理政府信息公开申请情况")
    m = metrics_of(rebuild(line))
    assert not {k for k in m if k.startswith("active.penalty.")}
    assert (m["active.coercion.prev_items"], m["active.coercion.change"], m["active.coercion.decisions"]) == (0, 0, 0)


def test_a_header_printing_ben_nian_du_zeng_jian_cuts_the_2019_rows_into_three():
    """Sites print 本年度增/减 for 本年增/减: a header of three columns, so a row's run is its three figures, never one
    (行政处罚7804 is 78 / 0 / 4 or 7 / 80 / 4: only the 4 every cut agrees on, not a decision count of 7804)."""
    line = ("二、主动公开政府信息情况第二十条第（六）项信息内容上一年项目数量本年度增/减处理决定数量行政处罚7804"
            "行政强制700第二十条第（八）项信息内容上一年项目数量本年度增/减行政事业性收费00")
    v = metrics_of(rebuild(line))
    assert v.get("active.penalty.decisions") == 4 and "active.penalty.prev_items" not in v
    assert (v["active.coercion.prev_items"], v["active.coercion.change"], v["active.coercion.decisions"]) == (7, 0, 0)
