"""Consistency checks of a report record (``../shared/spec/report.md``, Checks).

Every check has a stable id, a status (``pass``, ``fail`` or ``skip``), a
message in Chinese that a reader of the report understands, and the passages
that hold its inputs. A check whose inputs are missing is ``skip``, never
``pass``.

Rules:

* ``sections.required`` — Article 50 of the 条例 requires five contents:
  主动公开 (2), 收到和处理申请 (3), 行政复议和行政诉讼 (4), 存在的主要问题及改进情况 (5)
  and 其他需要报告的事项 (6). A content counts as present when the report has a
  section heading for it (the sections found by `structure.py`, numbers 2-6),
  or, for 2-4, when the corresponding standard table (table 2, 3 or 4) was
  recognised anywhere in the report. A sentence that mentions the topic inside
  another section (sample 000's 政府信息公开申请的办理情况 under 总体情况) is not
  the content the article asks for. Fails when any of the five is missing.
* ``apply.balance.<column>`` — for each applicant column of table 3:
  一 + 二 (new + carried_over) = 三 总计 + 四 (total + carried_forward).
* ``apply.row_total.<row>`` — for each row of table 3: the six applicant columns
  add up to 总计. Rows are those of the report's template (every row of both
  templates when the template is unknown; rows without figures are skips).
* ``apply.outcome_total.<column>`` — the outcome rows （一）…（六） add up to
  （七）总计 (（六）is one row in the 2019 template, three in the 2021 one).
* ``appeals.total.<group>`` — in table 4, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计
  for 行政复议, 未经复议直接起诉 and 复议后起诉.
* ``date.after_year`` — the printed date falls after 31 December of the
  report's year (a report cannot be signed before its year has ended).
* ``date.deadline`` — Article 49: a government department publishes by 31
  January of the next year, a people's government (an agency named …人民政府)
  by 31 March. Skipped without a printed date or a year.
* ``history.*``, ``peers.*`` — the checks across reports need the other reports
  of the corpus: here they are ``skip``; `nianbao index` computes them
  (`history.py`, `crossreport.py`).
* ``template.matches_year`` — the 2019 template (国办公开函〔2019〕60号) for the
  years 2019-2020, the 2021 template (国办公开办函〔2021〕30号) from 2021 on.
  Skipped when the report has no standard tables, no year, or a year before
  2019 (no national template covered those).
"""

from __future__ import annotations

import datetime as dt
import re

from .check_ids import cross_report_ids
from .metric_names import COLUMN_NAMES, GROUP_NAMES, ROW_NAMES
from .record import Check, Metric, Report
from .template import APPEAL_GROUPS, APPEAL_LEAVES, APPLY_COLUMNS, APPLY_ROWS, OTHER_2019, OTHER_2021, APPLY_OUTCOMES_2019

REQUIRED_CONTENTS = {
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "行政复议和行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}
_TABLE_OF_SECTION = {2: "active", 3: "apply", 4: "appeals"}



def _fmt(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _passages(metrics: list[Metric]) -> list[str]:
    out: list[str] = []
    for m in metrics:
        if m.passage and m.passage not in out:
            out.append(m.passage)
    return out


def _missing(metrics: dict[str, Metric], keys: list[str]) -> list[str]:
    return [k for k in keys if k not in metrics]


def _date_cn(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


# ------------------------------------------------------------------ sections


def check_sections(report: Report, tables_found: set[str]) -> Check:
    numbers = {s.no for s in report.sections}
    missing = [
        name for no, name in REQUIRED_CONTENTS.items()
        if no not in numbers and _TABLE_OF_SECTION.get(no) not in tables_found
    ]
    heads = [s.passages[0] for s in report.sections if s.no in REQUIRED_CONTENTS and s.passages]
    if missing:
        return Check("sections.required", "fail",
                     f"缺少《条例》第五十条要求的内容：{'、'.join(missing)}", heads)
    return Check("sections.required", "pass", "《条例》第五十条要求的五项内容齐全", heads)


# ------------------------------------------------------------------ table 3 and 4


Side = list[tuple[str, list[str]]]  # named parts of one side of a sum: (name, metric keys added up)


def _side_text(metrics: dict[str, Metric], side: Side) -> tuple[str, int | float]:
    """'新收 12 + 上年结转 0' and its sum."""
    values = [(name, sum(metrics[k].value for k in keys)) for name, keys in side]
    total = sum(v for _, v in values)
    text = " + ".join(f"{name} {_fmt(v)}" for name, v in values)
    return (f"{text} = {_fmt(total)}" if len(values) > 2 else text), total


def _equality(check_id: str, metrics: dict[str, Metric], found: Side, expected: Side, prefix: str,
              skip_message: str, passage_order: list[str] | None = None) -> Check:
    """Pass when the parts of `found` add up to the parts of `expected`.

    The message is a finding a reader can verify against the printed table:
    "表三 自然人列：新收 12 + 上年结转 0 ≠ 办理结果 10 + 结转下年 1". A missing
    key makes it a skip. Passages follow `passage_order` (default: `found`
    then `expected`).
    """
    keys = passage_order or [k for _, ks in found + expected for k in ks]
    present = [metrics[k] for k in keys if k in metrics]
    if _missing(metrics, keys):
        return Check(check_id, "skip", prefix + skip_message, _passages(present))
    left, a = _side_text(metrics, found)
    right, b = _side_text(metrics, expected)
    return Check(check_id, "pass" if a == b else "fail", f"{prefix}{left} {'=' if a == b else '≠'} {right}",
                 _passages(present))


def check_balance(metrics: dict[str, Metric]) -> list[Check]:
    out = []
    for col in APPLY_COLUMNS:
        received = [f"apply.new.{col}", f"apply.carried_over.{col}"]
        handled = [f"apply.total.{col}", f"apply.carried_forward.{col}"]
        out.append(_equality(f"apply.balance.{col}", metrics,
                             [("新收", received[:1]), ("上年结转", received[1:])],
                             [("办理结果", handled[:1]), ("结转下年", handled[1:])],
                             f"表三 {COLUMN_NAMES[col]}列：", "依申请公开表缺少数据，无法核对勾稽关系", received + handled))
    return out


def _apply_rows(report: Report) -> list[str]:
    """The rows of the report's template; every row of either template when the template is unknown.

    A row without figures is still checked, as a skip: a check whose inputs
    are missing is reported as such, never left out.
    """
    if report.template in APPLY_ROWS:
        return list(APPLY_ROWS[report.template])
    return list(dict.fromkeys(APPLY_ROWS["2019"] + APPLY_ROWS["2021"]))


def check_row_totals(report: Report) -> list[Check]:
    parts_cols = [c for c in APPLY_COLUMNS if c != "total"]
    return [
        _equality(f"apply.row_total.{row}", report.metrics,
                  [("各类申请人之和", [f"apply.{row}.{c}" for c in parts_cols])], [("总计", [f"apply.{row}.total"])],
                  f"表三 {ROW_NAMES[row]}行：", "缺少数据，无法核对各类申请人之和与总计")
        for row in _apply_rows(report)
    ]


def _outcome_rows(report: Report) -> list[str]:
    rows = list(APPLY_OUTCOMES_2019)
    if report.template == "2019":
        return rows + list(OTHER_2019)
    if report.template == "2021":
        return rows + list(OTHER_2021)
    has_2019 = any(k.startswith("apply.other.total.") for k in report.metrics)
    return rows + list(OTHER_2019 if has_2019 else OTHER_2021)


def check_outcome_totals(report: Report) -> list[Check]:
    rows = _outcome_rows(report)
    return [
        _equality(f"apply.outcome_total.{col}", report.metrics,
                  [("办理结果（一）至（六）之和", [f"apply.{r}.{col}" for r in rows])], [("（七）总计", [f"apply.total.{col}"])],
                  f"表三 {COLUMN_NAMES[col]}列：", "办理结果缺少数据，无法核对各项之和与总计")
        for col in APPLY_COLUMNS
    ]


def check_appeals(metrics: dict[str, Metric]) -> list[Check]:
    return [
        _equality(f"appeals.total.{group}", metrics,
                  [(name, [f"{group}.{leaf}"]) for name, leaf in zip(("结果维持", "结果纠正", "其他结果", "尚未审结"),
                                                                    APPEAL_LEAVES[:4])],
                  [("总计", [f"{group}.total"])], f"表四 {GROUP_NAMES[group]}：", "缺少数据，无法核对结果之和与总计")
        for group in APPEAL_GROUPS
    ]


# ------------------------------------------------------------------ dates and template


def _date_passage(report: Report, date: dt.date) -> list[str]:
    from .fields import parse_date  # fields compiles its patterns on import: not on the search path

    for p in reversed(report.passages):
        if p.kind == "paragraph" and parse_date(p.text) == date:
            return [p.id]
    return []


_GOVERNMENT = re.compile(r"(?:人民)?政府$")


def is_government(report: Report) -> bool | None:
    """True for a people's government's own report, False for a department, None when no agency is known."""
    from .fields import agency_in_title

    agency = report.agency or (agency_in_title(report.title) if report.title else None)
    if not agency:
        return None
    return bool(_GOVERNMENT.search(agency))


def check_after_year(report: Report) -> Check:
    if not report.published or report.year is None:
        what = "落款日期" if not report.published else "报告年度"
        return Check("date.after_year", "skip", f"报告没有可识别的{what}，无法核对", [])
    date = dt.date.fromisoformat(report.published)
    ps = _date_passage(report, date)
    if date > dt.date(report.year, 12, 31):
        return Check("date.after_year", "pass", f"落款日期{_date_cn(date)}在报告年度（{report.year}年）结束之后", ps)
    return Check("date.after_year", "fail",
                 f"落款日期{_date_cn(date)}早于报告年度（{report.year}年）结束，年度报告不可能在年度结束前成文", ps)


def check_deadline(report: Report) -> Check:
    if not report.published or report.year is None:
        what = "落款日期" if not report.published else "报告年度"
        return Check("date.deadline", "skip", f"报告没有可识别的{what}，无法核对公布期限", [])
    government = is_government(report)
    if government is None:
        return Check("date.deadline", "skip", "无法确定报告机关，不能判断适用的公布期限", [])
    date = dt.date.fromisoformat(report.published)
    deadline = dt.date(report.year + 1, 3, 31) if government else dt.date(report.year + 1, 1, 31)
    who = "人民政府" if government else "政府部门"
    ps = _date_passage(report, date)
    if date <= deadline:
        return Check("date.deadline", "pass", f"落款日期{_date_cn(date)}未超过{who}年度报告的公布期限（{_date_cn(deadline)}）", ps)
    return Check("date.deadline", "fail",
                 f"落款日期{_date_cn(date)}晚于《条例》第四十九条规定的{who}公布期限（{_date_cn(deadline)}）", ps)


TEMPLATE_NAMES = {"2019": "2019年模板（国办公开函〔2019〕60号）", "2021": "2021年模板（国办公开办函〔2021〕30号）"}


def check_template(report: Report, table_passages: list[str] | None = None) -> Check:
    ps = list(table_passages or [])
    if report.template is None:
        return Check("template.matches_year", "skip", "报告没有可识别的标准统计表格", ps)
    if report.year is None:
        return Check("template.matches_year", "skip", "报告年度不明，无法核对表格模板", ps)
    if report.year < 2019:
        return Check("template.matches_year", "skip", f"{report.year}年度早于两种全国统一表格模板的施行年份", ps)
    expected = "2019" if report.year <= 2020 else "2021"
    used = TEMPLATE_NAMES[report.template]
    if report.template == expected:
        return Check("template.matches_year", "pass", f"{report.year}年度报告使用{used}，与年度相符", ps)
    return Check("template.matches_year", "fail",
                 f"{report.year}年度报告应使用{TEMPLATE_NAMES[expected]}，实际使用的是{used}", ps)


# ------------------------------------------------------------------ across reports

CROSS_REPORT_SKIP = "需要与语料中的其他报告比较：由 nianbao index 在建立索引时核对"


def cross_report_skips() -> list[Check]:
    """The checks across reports as one file alone gives them: skipped."""
    return [Check(check_id, "skip", CROSS_REPORT_SKIP, []) for check_id in cross_report_ids()]


def run_checks(report: Report, tables_found: set[str] | None = None, table_passages: list[str] | None = None) -> list[Check]:
    """All checks of a record. `tables_found` names the standard tables recognised ("active", "apply", "appeals");
    by default they are inferred from the metrics."""
    if tables_found is None:
        tables_found = set()
        for key in report.metrics:
            if key.startswith("active.") and key != "active.published_total":
                tables_found.add("active")
            elif key.startswith("apply."):
                tables_found.add("apply")
            elif key.startswith(("review.", "litigation.")):
                tables_found.add("appeals")
    metrics = report.metrics
    return (
        [check_sections(report, tables_found)]
        + check_balance(metrics)
        + check_row_totals(report)
        + check_outcome_totals(report)
        + check_appeals(metrics)
        + [check_after_year(report), check_deadline(report), check_template(report, table_passages)]
        + cross_report_skips()
    )
