"""Exports: one row per report, the record's fields then its figures.

Columns are `FIELDS` then the chosen metric keys (every key of
`template.METRIC_KEYS` unless some are chosen), always in that order, so a
spreadsheet built on one export keeps working on the next. A metric a report
does not state is empty (CSV, xlsx) or null (JSONL), never 0.

The header row holds the Chinese labels of `metric_names` (``labels``), the
keys (``keys``), or both as two rows (``both``: labels, then keys). CSV is
UTF-8 with a byte-order mark, which is what makes Excel show Chinese text
correctly, and text that a spreadsheet would run as a formula (=, +, -, @)
starts with an apostrophe: report text comes from the web. The .xlsx file
(XlsxWriter, written row by row) has its header frozen and its figures as
numbers; its text cells are text, never formulas.
"""

from __future__ import annotations

import csv
import io
import json
from typing import BinaryIO, Iterable, Iterator, Sequence, TextIO

from .engine import Index
from .metric_names import metric_label
from .search import SearchRequest, ordered_docnums
from .synonyms import Synonyms
from .template import METRIC_KEYS

FIELDS = (
    "id", "source", "title", "agency", "agency_level", "province", "city", "county", "code",
    "year", "published", "template", "failing_checks", "source_url", "url",
)
FIELD_LABELS = {
    "id": "报告编号", "source": "文件", "title": "标题", "agency": "发布机关", "agency_level": "机关层级",
    "province": "省份", "city": "城市", "county": "区县", "code": "行政区划代码", "year": "年度",
    "published": "落款日期", "template": "表格模板", "failing_checks": "未通过的检查",
    "source_url": "原文网址", "url": "年报检索链接",
}
COLUMNS = FIELDS + METRIC_KEYS
FORMATS = ("csv", "xlsx", "jsonl")
HEADERS = ("labels", "keys", "both")
# A text cell starting with one of these is a formula to a spreadsheet; report text comes from the web.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def columns(metrics: Sequence[str] | None = None) -> tuple[str, ...]:
    """The export's columns: the fields, then `metrics` (default: every metric key) in the standard order."""
    if metrics is None:
        return COLUMNS
    chosen = set(metrics)
    return FIELDS + tuple(k for k in METRIC_KEYS if k in chosen)


def column_label(column: str) -> str:
    return FIELD_LABELS.get(column) or metric_label(column)


def header_rows(cols: Sequence[str], header: str = "labels") -> list[list[str]]:
    """The header row(s) of `cols`: Chinese labels, keys, or both (labels first)."""
    labels = [column_label(c) for c in cols]
    return {"labels": [labels], "keys": [list(cols)], "both": [labels, list(cols)]}[header]


def row_of(record: dict, base_url: str = "") -> dict:
    """A record flattened to the export columns; `url` is its page on `base_url` (a path without one)."""
    region = record.get("region") or {}
    metrics = record.get("metrics") or {}
    row = {
        "id": record["id"],
        "source": record["source"],
        "title": record["title"],
        "agency": record.get("agency"),
        "agency_level": record.get("agency_level"),
        "province": region.get("province"),
        "city": region.get("city"),
        "county": region.get("county"),
        "code": region.get("code"),
        "year": record.get("year"),
        "published": record.get("published"),
        "template": record.get("template"),
        "failing_checks": " ".join(c["id"] for c in record.get("checks", []) if c["status"] == "fail"),
        "source_url": record.get("source_url"),
        "url": (base_url.rstrip("/") if base_url else "") + f"/reports/{record['id']}",
    }
    for key in METRIC_KEYS:
        entry = metrics.get(key)
        row[key] = entry["value"] if entry else None
    return row


def rows(index: Index, request: SearchRequest, synonyms: Synonyms | None = None, base_url: str = "") -> Iterator[dict]:
    """Export rows of every report the request selects, in its order."""
    for d in ordered_docnums(index, request, synonyms):
        yield row_of(index.record(d), base_url)


def excel_safe(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe; empty for None."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_chunks(rows: Iterable[dict], cols: Sequence[str] = COLUMNS, header: str = "labels") -> Iterator[str]:
    """CSV text in pieces (byte-order mark first), for writing to a file or streaming over HTTP."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerows(header_rows(cols, header))
    for i, row in enumerate(rows):
        writer.writerow([excel_safe(row.get(c)) for c in cols])
        if i % 200 == 199:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(rows: Iterable[dict], cols: Sequence[str] = COLUMNS) -> Iterator[str]:
    for row in rows:
        yield json.dumps({c: row.get(c) for c in cols}, ensure_ascii=False) + "\n"


_WIDTHS = {"id": 18, "source": 28, "title": 44, "agency": 26, "url": 40, "source_url": 40, "failing_checks": 24}


def write_xlsx(rows: Iterable[dict], out: BinaryIO, cols: Sequence[str] = COLUMNS, header: str = "labels") -> None:
    """An .xlsx workbook: one sheet, header row(s) frozen and filterable, figures as numbers."""
    import xlsxwriter  # only exports need it

    book = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": False,
                                     "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})
    sheet = book.add_worksheet("报告")
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#F2F4F7"})
    heads = header_rows(cols, header)
    for c, name in enumerate(cols):
        sheet.set_column(c, c, _WIDTHS.get(name, 10 if name in FIELDS else 14))
    for r, names in enumerate(heads):
        for c, text in enumerate(names):
            sheet.write_string(r, c, text, bold)
    sheet.freeze_panes(len(heads), 0)
    last = len(heads) - 1
    for r, row in enumerate(rows, len(heads)):
        last = r
        for c, name in enumerate(cols):
            value = row.get(name)
            if value is None or value == "":
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, str(value))
    sheet.autofilter(len(heads) - 1, 0, max(last, len(heads) - 1), len(cols) - 1)
    book.close()


def write(rows: Iterable[dict], fmt: str, out: TextIO | BinaryIO, cols: Sequence[str] = COLUMNS,
          header: str = "labels") -> None:
    """Write an export; `out` is a text stream for csv and jsonl, a binary one for xlsx."""
    if fmt == "xlsx":
        write_xlsx(rows, out, cols, header)  # type: ignore[arg-type]
        return
    chunks = csv_chunks(rows, cols, header) if fmt == "csv" else jsonl_chunks(rows, cols)
    for chunk in chunks:
        out.write(chunk)  # type: ignore[arg-type]
