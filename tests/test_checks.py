"""Consistency checks: rules, messages, passages, skips; and the `nianbao check` command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from indexer import cli
from indexer.checks import run_checks
from indexer.extract import extract
from indexer.gazetteer import Region
from indexer.record import Metric, Report
from indexer.structure import Passage, Section

from fixtures.reports import APPEALS, APPLY_BALANCED, appeals_table, build_report, write

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


def by_id(report) -> dict:
    return {c.id: c for c in report.checks}


def make(agency="某县卫生健康局", year=2023, published="2024-01-20", template=None, metrics=None, sections=(1, 2, 3, 4, 5, 6),
         passages=None) -> Report:
    passages = passages or [Passage(f"s{n}-p1", n, "paragraph", f"第{n}节") for n in sections]
    r = Report(id="x", source="x.txt", title=f"{agency}{year}年政府信息公开工作年度报告", agency=agency,
               agency_level=None, region=Region(), year=year, published=published, template=template,
               sections=[Section(n, "", [f"s{n}-p1"]) for n in sections], passages=passages,
               metrics={k: Metric(v, "s3-p2") for k, v in (metrics or {}).items()})
    r.checks = run_checks(r)
    return r


# ------------------------------------------------------------------ table 3 and 4 through real files


def unbalanced() -> dict[str, list[str]]:
    figures = dict(APPLY_BALANCED)
    figures["total"] = ["4", "2", "0", "1", "0", "0", "7"]  # 自然人 should be 5, 总计 8
    return figures


@pytest.mark.parametrize("fmt", ["text-tab", "html", "docx"])
def test_unbalanced_table_fails_with_numbers_and_rows(tmp_path, fmt):
    report = extract(write(build_report("2021", apply_figures=unbalanced()), fmt, tmp_path / "r"))
    checks = by_id(report)
    passages = {p.id: p.text for p in report.passages}

    balance = checks["apply.balance.natural"]
    assert balance.status == "fail"
    assert balance.message == "表三 自然人列：新收 5 + 上年结转 1 ≠ 办理结果 4 + 结转下年 1"
    texts = [passages[p] for p in balance.passages]
    assert len(texts) == 4
    for label, text in zip(("本年新收", "上年结转", "总计", "结转下年度"), texts):
        assert label in text

    assert checks["apply.balance.total"].status == "fail"
    assert " ≠ 办理结果 7 + " in checks["apply.balance.total"].message
    assert checks["apply.balance.commercial"].message.startswith("表三 商业企业列：新收 ")
    assert " = " in checks["apply.balance.commercial"].message
    assert checks["apply.balance.commercial"].status == "pass"
    outcome = checks["apply.outcome_total.natural"]
    assert outcome.status == "fail" and outcome.message == "表三 自然人列：办理结果（一）至（六）之和 5 ≠ （七）总计 4"
    assert any("予以公开" in passages[p] for p in outcome.passages)
    assert checks["apply.row_total.total"].status == "pass"  # 4+2+1 = 7 within the row
    assert checks["apply.row_total.new"].status == "pass"


def test_row_total_fails_when_applicants_do_not_add_up(tmp_path):
    figures = dict(APPLY_BALANCED)
    figures["granted"] = ["3", "1", "0", "1", "0", "0", "6"]
    report = extract(write(build_report("2019", apply_figures=figures), "text-pipe", tmp_path / "r"))
    check = by_id(report)["apply.row_total.granted"]
    assert check.status == "fail"
    assert check.message == "表三 （一）予以公开行：各类申请人之和 5 ≠ 总计 6"
    assert len(check.passages) == 1 and "予以公开" in next(p.text for p in report.passages if p.id == check.passages[0])


def test_appeals_total(tmp_path):
    figures = dict(APPEALS)
    figures["litigation.direct"] = ["1", "1", "0", "0", "3"]
    source = build_report("2021")
    at = source.blocks.index("四、政府信息公开行政复议、行政诉讼情况") + 1
    source.blocks[at] = appeals_table({}, figures)
    report = extract(write(source, "word-html", tmp_path / "r"))
    checks = by_id(report)
    assert checks["appeals.total.review"].status == "pass"
    direct = checks["appeals.total.litigation.direct"]
    assert direct.status == "fail"
    assert direct.message == "表四 行政诉讼（未经复议直接起诉）：结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 2 ≠ 总计 3"
    assert direct.passages and all(p.startswith("s4-") for p in direct.passages)


@pytest.mark.parametrize("year, tables, status", [
    (2023, "2019", "fail"),
    (2020, "2021", "fail"),
    (2020, "2019", "pass"),
    (2022, "2021", "pass"),
])
def test_template_matches_year(tmp_path, year, tables, status):
    source = build_report("2021" if year >= 2021 else "2019", year=year, tables_template=tables)
    report = extract(write(source, "html", tmp_path / "r"))
    assert report.year == year and report.template == tables
    check = by_id(report)["template.matches_year"]
    assert check.status == status
    if status == "fail":
        assert f"{year}年度报告应使用" in check.message and "实际使用的是" in check.message
        assert check.passages  # the header rows that show which template it is


def test_template_check_skips_without_tables():
    assert by_id(make())["template.matches_year"].status == "skip"
    assert by_id(make(template="2021", year=None))["template.matches_year"].status == "skip"


# ------------------------------------------------------------------ missing inputs skip


def test_apply_checks_skip_without_the_table():
    checks = make().checks
    apply = [c for c in checks if c.id.startswith(("apply.", "appeals."))]
    assert apply and all(c.status == "skip" for c in apply)


def test_one_missing_figure_skips_only_its_checks():
    metrics = {}
    for row in ("new", "carried_over", "total", "carried_forward"):
        for col, v in zip(("natural", "commercial", "research", "nonprofit", "legal_services", "other", "total"),
                          [1, 0, 0, 0, 0, 0, 1] if row in ("new", "total") else [0] * 7):
            metrics[f"apply.{row}.{col}"] = v
    del metrics["apply.carried_forward.natural"]
    checks = by_id(make(metrics=metrics, template="2021"))
    assert checks["apply.balance.natural"].status == "skip"
    assert checks["apply.balance.total"].status == "pass"
    assert checks["apply.row_total.carried_forward"].status == "skip"
    assert checks["apply.row_total.new"].status == "pass"
    assert checks["apply.outcome_total.total"].status == "skip"  # the outcome rows are missing


def test_the_same_checks_whatever_the_report_holds():
    """A check with missing inputs is a skip, never left out: no template, no table 3, half a table."""
    from indexer.template import APPLY_ROWS

    every_row = set(APPLY_ROWS["2019"]) | set(APPLY_ROWS["2021"])
    for report in (make(), make(metrics={"apply.new.natural": 1, "apply.new.total": 1}),
                   make(metrics={"review.total": 0})):
        row_totals = {c.id[len("apply.row_total."):]: c.status
                      for c in report.checks if c.id.startswith("apply.row_total.")}
        assert set(row_totals) == every_row
        assert all(status == "skip" for row, status in row_totals.items() if row != "new")
        assert len([c for c in report.checks if c.id.startswith("apply.balance.")]) == 7
        assert len([c for c in report.checks if c.id.startswith("apply.outcome_total.")]) == 7
        assert len([c for c in report.checks if c.id.startswith("appeals.total.")]) == 3


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize("published, status", [
    ("2024-01-20", "pass"),
    ("2023-12-31", "fail"),
    ("2023-01-19", "fail"),
])
def test_date_after_year(published, status):
    check = by_id(make(published=published))["date.after_year"]
    assert check.status == status
    if status == "fail":
        y, m, d = (int(x) for x in published.split("-"))
        assert f"{y}年{m}月{d}日" in check.message and "2023年" in check.message


@pytest.mark.parametrize("agency, published, status", [
    ("某县卫生健康局", "2024-01-31", "pass"),
    ("某县卫生健康局", "2024-02-01", "fail"),
    ("某县人民政府办公室", "2024-02-01", "fail"),  # an office is a department
    ("某县人民政府", "2024-03-31", "pass"),
    ("某县人民政府", "2024-04-01", "fail"),
    ("某某镇人民政府", "2024-03-15", "pass"),
])
def test_date_deadline(agency, published, status):
    check = by_id(make(agency=agency, published=published))["date.deadline"]
    assert check.status == status
    if status == "fail":
        assert ("3月31日" in check.message) == agency.endswith("人民政府")


def test_dates_skip_without_a_printed_date():
    checks = by_id(make(published=None))
    assert checks["date.after_year"].status == "skip" and checks["date.deadline"].status == "skip"


def test_date_check_points_at_the_signature():
    passages = [Passage("s6-p1", 6, "paragraph", "六、其他需要报告的事项"), Passage("s6-p2", 6, "paragraph", "某县卫生健康局"),
                Passage("s6-p3", 6, "paragraph", "2023年1月19日")]
    check = by_id(make(published="2023-01-19", passages=passages))["date.after_year"]
    assert check.passages == ["s6-p3"]


# ------------------------------------------------------------------ sections


def test_sections_required_names_what_is_missing():
    check = by_id(make(sections=(1, 2, 3, 4, 6)))["sections.required"]
    assert check.status == "fail" and check.message.endswith("存在的主要问题及改进情况")
    assert by_id(make())["sections.required"].status == "pass"


def test_a_recognised_table_stands_for_its_section():
    metrics = {"review.upheld": 0, "review.corrected": 0, "review.other": 0, "review.pending": 0, "review.total": 0}
    check = by_id(make(sections=(1, 2, 3, 5, 6), metrics=metrics))["sections.required"]
    assert check.status == "pass"


def test_sample_without_application_and_appeal_content_fails():
    report = extract(next(SAMPLES.glob("000_*")))
    check = by_id(report)["sections.required"]
    assert check.status == "fail"
    assert "收到和处理政府信息公开申请情况" in check.message and "行政复议和行政诉讼情况" in check.message
    assert "主动公开" not in check.message


# ------------------------------------------------------------------ nianbao check


def run_cli(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_command_reports_impossible_dates(capsys):
    code, out, _ = run_cli(capsys, "check", "--corpus", str(SAMPLES.parent), str(SAMPLES))
    assert code == 1
    blocks = out.split("samples/")
    by_file = {b.split("\n", 1)[0]: b for b in blocks[1:]}
    for name in ("001_", "002_"):
        block = next(v for k, v in by_file.items() if k.startswith(name))
        assert "date.after_year" in block and "2020年1月" in block
    assert not any(k.startswith(("003_", "004_")) for k in by_file)
    assert out.splitlines()[-1] == "5 reports checked: 3 with failing checks (3 failures)"


def test_check_command_json_and_unreadable_files(capsys, tmp_path):
    for p in SAMPLES.glob("00[34]_*"):
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    code, out, _ = run_cli(capsys, "check", "--json", "--corpus", str(tmp_path), str(tmp_path))
    records = json.loads(out)
    assert code == 1  # the unreadable file
    assert {r["source"] for r in records} == {"003_f90b525eb7280150.txt", "004_117cf03a8e1b5c4c.txt", "broken.docx"}
    broken = next(r for r in records if r["source"] == "broken.docx")
    assert broken["error"]
    assert all(r["failing"] == [] for r in records if "error" not in r)


def test_check_command_exit_zero_when_all_pass(capsys, tmp_path):
    path = write(build_report("2021"), "text-tab", tmp_path / "good")
    code, out, _ = run_cli(capsys, "check", "--corpus", str(tmp_path), str(path))
    assert code == 0 and out == "1 report checked: every check passed or could not be run\n"


def test_check_command_lists_failing_check_messages(capsys, tmp_path):
    path = write(build_report("2021", apply_figures=unbalanced()), "html", tmp_path / "bad")
    code, out, _ = run_cli(capsys, "check", "--corpus", str(tmp_path), str(path))
    assert code == 1
    assert "apply.balance.natural: 表三 自然人列：新收 5 + 上年结转 1 ≠ 办理结果 4 + 结转下年 1" in out
    assert "某某市司法局2023年政府信息公开工作年度报告" in out
