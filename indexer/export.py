"""Exports: one row per report, the record's fields then every metric key.

Columns are `FIELDS` then `tables.METRIC_KEYS`, always in that order, so a
spreadsheet built on one export keeps working on the next. A metric a report
does not state is empty (CSV) or null (JSONL), never 0. CSV is UTF-8 with a
byte-order mark, which is what makes Excel show Chinese text correctly, and
text that a spreadsheet would run as a formula (=, +, -, @) starts with an
apostrophe: report text comes from the web.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator, TextIO

from .engine import Index
from .search import SearchRequest, ordered_docnums
from .synonyms import Synonyms
from .tables import METRIC_KEYS

FIELDS = (
    "id", "source", "title", "agency", "agency_level", "province", "city", "county", "code",
    "year", "published", "template", "failing_checks",
)
COLUMNS = FIELDS + METRIC_KEYS
FORMATS = ("csv", "jsonl")
# A text cell starting with one of these is a formula to a spreadsheet; report text comes from the web.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row_of(record: dict) -> dict:
    """A record flattened to the export columns."""
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
    }
    for key in METRIC_KEYS:
        entry = metrics.get(key)
        row[key] = entry["value"] if entry else None
    return row


def rows(index: Index, request: SearchRequest, synonyms: Synonyms | None = None) -> Iterator[dict]:
    """Export rows of every report the request selects, in its order."""
    for d in ordered_docnums(index, request, synonyms):
        yield row_of(index.record(d))


def excel_safe(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe; empty for None."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_chunks(rows: Iterable[dict]) -> Iterator[str]:
    """CSV text in pieces (byte-order mark first), for writing to a file or streaming over HTTP."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writeheader()
    for i, row in enumerate(rows):
        writer.writerow({k: excel_safe(v) for k, v in row.items()})
        if i % 200 == 199:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def write(rows: Iterable[dict], fmt: str, out: TextIO) -> None:
    chunks = csv_chunks(rows) if fmt == "csv" else jsonl_chunks(rows)
    for chunk in chunks:
        out.write(chunk)
