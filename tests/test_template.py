"""The national templates: a printed label matched to the template's, a cell read as a number, table 3's sums."""

from __future__ import annotations

import subprocess
import sys

import pytest

from indexer.template import (APPLY_COLUMNS, cell_kind, columns_hold, label_core, match_label, outcome_rows, outcomes_within_total,
                              parse_number)


# ------------------------------------------------------------------ labels


@pytest.mark.parametrize("cell, key", [
    ("本年度止件数", "repealed"),  # typo in a real 2021 report
    ("本年废止件数", "repealed"),
    ("本年增/减", "change"),
    ("本年增／减", "change"),
    ("本年收费金额（单位：万元，保留4位小数）", "amount_wan"),
    ("处理决定数量", "decisions"),
    ("本年处理决定数量", "decisions"),
    ("社会组织", "nonprofit"),
    ("社会 公益 组织", "nonprofit"),
    ("结果 维持", "upheld"),
])
def test_column_labels(cell, key):
    label = match_label(cell, ("col",))
    assert label is not None and label.key == key


@pytest.mark.parametrize("cell, key", [
    ("（二）部分公开（区分处理的，只记这一情形，不计其他情形）", "partial"),
    ("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)", "partial"),
    ("2.其他法律法规禁止公开", "denied.law_forbidden"),
    ("3. 危及“三安全一稳定”", "denied.security_stability"),
    ("3.补正后申请内容仍不明确", "unavailable.unclear"),
    ("一、本年新收政府信息公开申请数量", "new"),
    ("四、结转下年度继续办理", "carried_forward"),
    ("（七）总计", "total"),
    ("规范性文件", "normative"),
    ("行政规范性文件", "normative"),
    ("(一) 予以公开", "granted"),
])
def test_row_labels(cell, key):
    label = match_label(cell, ("row", "group"))
    assert label is not None and label.key == key


def test_similar_labels_that_mean_other_rows_do_not_match():
    assert match_label("（三）不予公开", ("row", "group")).key == "denied"  # a group, not 予以公开
    assert match_label("予以公开", ("row", "group")).key == "granted"
    assert match_label("其他", ("row",)) is None  # 3.其他 is a row only under （六）其他处理
    assert match_label("3.其他", ("row",), group="other").key == "other.other"
    assert match_label("本年新制作数量", ("col",)).key == "made"
    assert match_label("本年新公开数量", ("col",)).key == "published"
    assert match_label("合计", ("row", "col")) is None
    assert match_label("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", ("row", "col", "head")) is None


def test_label_core_strips_numbering_and_remarks():
    assert label_core("（三）不予公开") == "不予公开"
    assert label_core("三、本年度办理结果") == "本年度办理结果"
    assert label_core("5. 要求行政机关确认或重新出具已获取信息") == "要求行政机关确认或重新出具已获取信息"
    assert label_core("本年收费金额(单位:万元)") == "本年收费金额"


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize("cell, value, integral, unit", [
    ("12", 12, True, None),
    ("１２", 12, True, None),
    ("1,234", 1234, True, None),
    ("4279099.95 元", 4279099.95, False, "元"),
    ("12.5万元", 12.5, False, "万元"),
    ("增4", 4, True, None),
    ("减2", -2, True, None),
    ("-3", -3, True, None),
    ("+6", 6, True, None),
    ("0.3500", 0.35, False, None),
    ("? 0", 0, True, None),  # a mirror's lost character (a no-break space) printed as ? before the figure
    ("？12", 12, True, None),
    ("--7", -7, True, None),  # a minus sign typed twice is one minus sign
    ("－－15", -15, True, None),
])
def test_parse_number(cell, value, integral, unit):
    n = parse_number(cell)
    assert float(n.value) == value and n.integral_text is integral and n.unit == unit


@pytest.mark.parametrize("cell, value", [
    ("90(信用中国某省某市)", 90), ("90（数据来源：信用中国）", 90), ("12（含变更）", 12), ("0（无）", 0),
    ("1,236【网上办理】", 1236), ("7 (其中并联审批)", 7),
])
def test_a_figure_followed_by_a_bracketed_note_is_the_figure(cell, value):
    """A cell printing its figure then a note in brackets (where the count was taken from, what it includes): the
    figure. Before, the whole cell was text, so the row lost its figure in every form."""
    n = parse_number(cell)
    assert n is not None and n.value == value
    assert cell_kind(cell) == "value"


@pytest.mark.parametrize("cell", [
    "3(2)", "12.5(万元)", "3400（元）", "5（减少）", "4(增加)", "(一)", "（二）", "8(含2021年)", "20%（同比）",
    "6(其中线上3件)",
])
def test_a_bracketed_note_that_could_change_the_figure_leaves_the_cell_text(cell):
    """A note holding a figure, a money unit, a sign word or a percentage may change what the figure means: such
    a cell stays unread, absent rather than guessed; a bracketed numeral alone is a row label."""
    assert parse_number(cell) is None


@pytest.mark.parametrize("cell", ["", " ", "—", "-", "/", "无", "——", "－", "？"])
def test_empty_and_dash_cells_are_not_numbers(cell):
    assert parse_number(cell) is None
    assert cell_kind(cell) in ("blank", "absent")


def test_label_cells_are_text():
    assert cell_kind("行政许可") == "text"
    assert cell_kind("第二十条第（一）项") == "text"


# ------------------------------------------------------------------ sums


def _rows(**rows: str) -> dict[str, tuple[str, ...]]:
    return {key: tuple(cells.split()) for key, cells in rows.items()}


def test_table_3_columns_hold_when_outcomes_add_up_to_the_total_and_new_plus_carried_over_balance():
    outcomes = outcome_rows("2021")
    assert len(APPLY_COLUMNS) == 7 and "other.other" in outcomes and "other.total" in outcome_rows("2019")
    rows = _rows(new="5 1 0 0 0 0 6", carried_over="1 0 0 0 0 0 1", total="5 1 0 0 0 0 6", carried_forward="1 0 0 0 0 0 1",
                 granted="3 1 0 0 0 0 4", partial="2 0 0 0 0 0 2")
    assert columns_hold(rows, outcomes, every_outcome=False)
    wrong = dict(rows, granted=("3", "0", "0", "0", "0", "0", "3"))
    assert not columns_hold(wrong, outcomes, every_outcome=False)
    assert columns_hold(wrong, outcomes)  # with every_outcome, the outcomes are summed only when all their rows are there
    unbalanced = dict(rows, carried_forward=("0", "0", "0", "0", "0", "0", "0"))
    assert not columns_hold(unbalanced, outcomes, every_outcome=False)


def test_a_column_blank_in_every_outcome_row_is_not_summed():
    rows = _rows(total="5 1 0 0 0 0 6", granted="3 1 0 0 0 0 4", partial="2 0 0 0 0 0 2")
    rows["granted"] = ("3", "", "", "", "", "", "4")
    rows["partial"] = ("2", "", "", "", "", "", "2")
    assert columns_hold(rows, outcome_rows("2019"), every_outcome=False)


def test_outcomes_chosen_so_far_stay_within_the_total():
    outcomes = outcome_rows("2021")
    assert outcomes_within_total(_rows(total="5 1 0 0 0 0 6", granted="3 1 0 0 0 0 4"), outcomes)
    assert not outcomes_within_total(_rows(total="5 1 0 0 0 0 6", granted="6 1 0 0 0 0 7"), outcomes)


def test_the_template_loads_no_reader_mapper_or_record():
    """Readers and the mapper build on the template; it must not build on them (a search imports it for METRIC_KEYS)."""
    code = "import sys, indexer.template; print(' '.join(m for m in sys.modules if m.startswith('indexer')))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    assert "indexer.template" in loaded
    assert not {m for m in loaded if m.startswith(("indexer.readers", "indexer.tables", "indexer.record",
                                                    "indexer.structure", "indexer.gazetteer"))}


@pytest.mark.parametrize("cell", ["--", "---", "+-5", "-+5", "---5"])
def test_only_a_doubled_minus_before_a_figure_is_read_as_one(cell):
    """A dash run alone stays absent; mixed signs or three dashes before a figure are no number."""
    assert parse_number(cell) is None


@pytest.mark.parametrize("cell", ["增", "减", "增加", "减少", "+", "＋"])
def test_a_sign_printed_without_its_figure_is_absent(cell):
    """本年增/减 printed as 增 alone: a change whose amount the report left out, not a label, never 0."""
    assert parse_number(cell) is None
    assert cell_kind(cell) == "absent"


def test_column_labels_run_together_in_one_cell():
    from indexer.template.labels import glued_columns
    assert [lab.key for lab in glued_columns("上一年项目数量本年增/减")] == ["prev_items", "change"]
    assert [lab.key for lab in glued_columns("上一年项目数量 本年增/减")] == ["prev_items", "change"]
    assert [lab.key for lab in glued_columns("采购项目数量采购总金额")] == ["items", "amount_yuan"]
    assert glued_columns("上一年项目数量") == ()  # one label is no glued cell
    assert glued_columns("上一年项目数量合计") == ()  # a piece left over
