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
from indexer.tables import METRIC_KEYS

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "fixtures" / "expected"


def exported(index, fmt: str, **filters) -> str:
    out = io.StringIO()
    export.write(export.rows(index, SearchRequest(**filters)), fmt, out)
    return out.getvalue()


def test_csv_has_a_bom_fixed_columns_and_one_row_per_report(open_sample_index):
    text = exported(open_sample_index, "csv")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == open_sample_index.doc_count
    assert list(rows[0]) == list(export.FIELDS) + list(METRIC_KEYS)


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
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["year"] for r in rows} == {"2020"} and len(rows) == 3


def test_text_that_a_spreadsheet_would_run_is_defused():
    rows = [{**{k: None for k in export.COLUMNS}, "title": "=HYPERLINK(\"http://x\")", "agency": "-某局", "year": 2020}]
    text = "".join(export.csv_chunks(rows))
    row = next(csv.DictReader(io.StringIO(text[1:])))
    assert row["title"].startswith("'=") and row["agency"] == "'-某局" and row["year"] == "2020"
