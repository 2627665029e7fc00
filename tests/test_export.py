"""Exports: one row per report with every metric column, Excel-safe CSV, filters like search."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from indexer import export
from indexer.search import SearchRequest, parse_condition
from indexer.template import METRIC_KEYS

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "fixtures" / "expected"


def exported(index, fmt: str, header: str = "keys", **filters) -> str:
    out = io.StringIO()
    export.write(export.rows(index, SearchRequest(**filters)), fmt, out, header=header)
    return out.getvalue()


def test_csv_has_a_bom_fixed_columns_and_one_row_per_report(open_sample_index):
    text = exported(open_sample_index, "csv")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == open_sample_index.doc_count
    assert list(rows[0]) == list(export.FIELDS) + list(METRIC_KEYS)


def test_the_header_row_is_chinese_by_default_with_keys_as_an_option(open_sample_index):
    labels = list(csv.reader(io.StringIO(exported(open_sample_index, "csv", header="labels")[1:])))
    assert labels[0][:4] == ["报告编号", "文件", "标题", "发布机关"]
    assert labels[0][len(export.FIELDS) + METRIC_KEYS.index("active.penalty.decisions")] == "行政处罚 · 处理决定数量"
    assert len(set(labels[0])) == len(labels[0])  # every column tells itself apart
    assert len(labels) == open_sample_index.doc_count + 1
    both = list(csv.reader(io.StringIO(exported(open_sample_index, "csv", header="both")[1:])))
    assert both[0] == labels[0] and both[1] == list(export.COLUMNS) and both[2:] == labels[1:]


def test_only_the_chosen_figures_are_exported_in_the_standard_order(open_sample_index):
    cols = export.columns(["review.total", "apply.new.total"])
    assert cols == export.FIELDS + ("apply.new.total", "review.total")
    out = io.StringIO()
    export.write(export.rows(open_sample_index, SearchRequest()), "csv", out, cols, "keys")
    rows = list(csv.DictReader(io.StringIO(out.getvalue()[1:])))
    assert list(rows[0]) == list(cols)


def test_xlsx_has_a_frozen_header_numbers_as_numbers_and_text_as_text(open_sample_index, tmp_path):
    import openpyxl

    path = tmp_path / "reports.xlsx"
    rows = list(export.rows(open_sample_index, SearchRequest(sort="-active.penalty.decisions"), base_url="https://x.cn/"))
    rows[0]["title"] = '=HYPERLINK("http://evil")'
    with open(path, "wb") as out:
        export.write(rows, "xlsx", out, header="both")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A3"
    assert [c.value for c in sheet[1]][:3] == ["报告编号", "文件", "标题"]
    assert [c.value for c in sheet[2]][:3] == ["id", "source", "title"]
    col = list(export.COLUMNS).index("active.penalty.decisions") + 1
    assert sheet.cell(3, col).value == 212 and sheet.cell(3, col).data_type == "n"
    assert sheet.cell(3, 3).value == '=HYPERLINK("http://evil")' and sheet.cell(3, 3).data_type == "s"
    assert sheet.cell(3, list(export.COLUMNS).index("url") + 1).value == f"https://x.cn/reports/{rows[0]['id']}"
    assert sheet.max_row == open_sample_index.doc_count + 2
    absent = [r for r in range(3, sheet.max_row + 1) if sheet.cell(r, col).value is None]
    assert absent  # a figure a report does not state is an empty cell, not 0


def test_exported_numbers_equal_the_expected_records(open_sample_index):
    rows = {Path(r["source"]).name: r for r in csv.DictReader(io.StringIO(exported(open_sample_index, "csv")[1:]))}
    checked = 0
    for path in EXPECTED.glob("*.json"):
        expected = json.loads(path.read_text(encoding="utf-8"))
        row = rows[path.name[: -len(".json")]]
        for key, value in expected.get("metrics", {}).items():
            assert float(row[key]) == value, (path.name, key)
            checked += 1
        for key in expected.get("absent_metrics", []):
            assert row[key] == "", (path.name, key)
    assert checked > 500


def test_absent_metrics_are_null_in_jsonl_never_zero(open_sample_index):
    rows = [json.loads(line) for line in exported(open_sample_index, "jsonl").splitlines()]
    by_name = {Path(r["source"]).name[:3]: r for r in rows}
    assert by_name["000"]["active.penalty.decisions"] is None
    assert by_name["001"]["active.licensing.decisions"] is None  # missing from the text: absent, not guessed
    assert by_name["001"]["active.fees.prev_items"] is None  # the cell says 无


def test_export_follows_search_filters(open_sample_index):
    rows = list(export.rows(open_sample_index, SearchRequest(where=(parse_condition("active.penalty.decisions>=50"),))))
    assert sorted(Path(r["source"]).name[:3] for r in rows) == ["002", "003"]
    shandong = list(export.rows(open_sample_index, SearchRequest(province="山东省", sort="-year")))
    assert [r["year"] for r in shandong] == sorted((r["year"] for r in shandong), reverse=True)


def test_cli_export_writes_a_file_excel_can_open(sample_index, tmp_path):
    out = tmp_path / "reports.csv"
    result = subprocess.run([sys.executable, "-m", "indexer.cli", "export", "--index", str(sample_index),
                             "--format", "csv", "--year", "2020", "-o", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"wrote 3 reports to {out} (CSV, every figure, a Chinese header row)\n"
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["年度"] for r in rows} == {"2020"} and len(rows) == 3


def test_cli_export_keys_chosen_figures_xlsx_and_base_url(sample_index, tmp_path):
    import openpyxl

    out = tmp_path / "r.xlsx"
    result = subprocess.run([sys.executable, "-m", "indexer.cli", "export", "--index", str(sample_index),
                             "--format", "xlsx", "-m", "apply.new.total", "--metric", "review.total",
                             "--header", "keys", "--base-url", "https://nianbao.example.cn/", "-o", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"wrote 5 reports to {out} (Excel workbook, 2 figures, a header row of keys)\n"
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header == list(export.FIELDS) + ["apply.new.total", "review.total"]
    assert sheet.cell(2, header.index("url") + 1).value.startswith("https://nianbao.example.cn/reports/")
    bad = subprocess.run([sys.executable, "-m", "indexer.cli", "export", "--index", str(sample_index), "-m", "nope"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("nianbao: there is no figure called 'nope'")


def test_text_that_a_spreadsheet_would_run_is_defused():
    rows = [{**{k: None for k in export.COLUMNS}, "title": "=HYPERLINK(\"http://x\")", "agency": "-某局", "year": 2020}]
    text = "".join(export.csv_chunks(rows, header="keys"))
    row = next(csv.DictReader(io.StringIO(text[1:])))
    assert row["title"].startswith("'=") and row["agency"] == "'-某局" and row["year"] == "2020"
