"""The whoosh schema and how a report record becomes an index document."""

from __future__ import annotations

import json
from dataclasses import dataclass

from typing import TYPE_CHECKING

from whoosh import columns, fields

from .analysis import GramTokenizer, WordTokenizer

if TYPE_CHECKING:  # `prepare` imports them: reading an index (its manifest, its columns) needs none
    from ..record import Report

SCHEMA_VERSION = 12  # 6: labelled table rows; 7: agency_id and agency_name facets; 8: row labels as words after the passages;
# 9: match text in UTF-16; 10: a column per facet field and the id, metrics packed (`metric_table`); 11: fractions packed;
# 12: the file facts as a column (the manifest)

MTEXT_ENCODING = "utf-16-le"  # two bytes a character where UTF-8 takes three for Chinese: the index's largest column

# Facet fields: one term per document (failing holds one term per failing check). agency_name holds
# "agency_id<TAB>agency", from which each agency's display name is read (`Index.agency_names`).
# Each is also a column (its value as written; failing's check ids space-separated), from which
# `reader.Index` builds a facet in one pass over the documents instead of one postings list per value.
FACET_FIELDS = ("province", "city", "county", "year", "agency_level", "template", "failing", "agency_id", "agency_name")


def _text(analyzer) -> fields.TEXT:
    """A text field without positions or whoosh field lengths: scoring is `reader.Index.scores`,
    which keeps its own length column."""
    field = fields.TEXT(analyzer=analyzer, phrase=False)
    field.scorable = False
    return field


def build_schema(dictionaries: tuple[str, ...] = ()) -> fields.Schema:
    words = WordTokenizer(dictionaries)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),  # a column too: many ids found in one pass
        source=fields.ID(stored=True),
        sha256=fields.STORED(),
        size=fields.STORED(),
        mtime_ns=fields.STORED(),
        extractor=fields.STORED(),
        title=_text(words),
        agency=_text(words),
        body=_text(words),
        gram=_text(GramTokenizer()),
        province=fields.ID(sortable=True),
        city=fields.ID(sortable=True),
        county=fields.ID(sortable=True),
        year=fields.ID(sortable=True),
        agency_level=fields.ID(sortable=True),
        agency_id=fields.ID(sortable=True),
        agency_name=fields.ID(sortable=True),
        template=fields.ID(sortable=True),
        failing=fields.KEYWORD(scorable=False, sortable=True),
        record=fields.COLUMN(columns.CompressedBytesColumn()),
        # Uncompressed on purpose: confirming that a report contains a string reads this
        # column, and decompressing it would cost 100 times the search itself. In
        # MTEXT_ENCODING; a hit counts only at an even byte offset (`reader.holds`).
        mtext=fields.COLUMN(columns.VarBytesColumn()),
        metrics=fields.COLUMN(columns.VarBytesColumn()),  # `metric_table.pack`: read whole, not per report
        # The stored file facts again, as a column: the manifest of 20,000 reports reads in a
        # tenth of a second this way, against 6-17 s through whoosh's stored fields.
        facts=fields.COLUMN(columns.VarBytesColumn()),
        length=fields.COLUMN(columns.NumericColumn("I")),  # characters of text, for length normalization
    )


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What the indexer knows of a file, to tell next time whether it changed."""

    source: str
    sha256: str
    size: int
    mtime_ns: int
    extractor: str


def record_bytes(report: Report | dict) -> bytes:
    record = report if isinstance(report, dict) else report.to_dict()
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


FACTS = ("id", "source", "sha256", "size", "mtime_ns", "extractor")  # a document's file facts, as the manifest gives them


def facts_bytes(report_id: str, facts: FileFacts) -> bytes:
    values = (report_id, facts.source, facts.sha256, facts.size, facts.mtime_ns, facts.extractor)
    return json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def prepare(report: Report, facts: FileFacts) -> dict:
    """Field values for one report: plain data that pickles cheaply to the writer processes.

    The text searched is the passages as printed, one a line, then one line
    for each column name the report's table rows are labelled with when shown
    (`passage_labels.label_words`), so that 处理决定数量 finds the reports that
    state one even where no header row prints it; the labels are indexed once
    a report, not once a row, which keeps the index small.
    """
    from ..passage_labels import label_words
    from ..check_ids import is_cross_report
    from ..textnorm import fold_lines
    from .metric_table import pack as pack_metrics

    record = report.to_dict()
    texts = [p["text"] for p in record["passages"]] + label_words(record)
    body_text = "\n".join(texts)
    match_text = fold_lines(texts)
    region = report.region
    doc = {
        "id": report.id,
        "source": facts.source,
        "sha256": facts.sha256,
        "size": facts.size,
        "mtime_ns": facts.mtime_ns,
        "extractor": facts.extractor,
        "title": report.title or "",
        "agency": report.agency or "",
        "body": body_text,
        "gram": match_text,
        "record": record_bytes(record),
        "mtext": match_text.encode(MTEXT_ENCODING),
        "metrics": pack_metrics({k: m.value for k, m in report.metrics.items()}),
        "facts": facts_bytes(report.id, facts),
        "length": len(match_text),
    }
    for name, value in (
        ("province", region.province),
        ("city", region.city),
        ("county", region.county),
        ("year", str(report.year) if report.year else None),
        ("agency_level", report.agency_level),
        ("agency_id", report.agency_id),
        ("agency_name", f"{report.agency_id}\t{report.agency}" if report.agency_id else None),
        ("template", report.template),
    ):
        if value:
            doc[name] = value
    failing = [c for c in report.failing_checks() if not is_cross_report(c)]  # the cross-report store's
    if failing:
        doc["failing"] = " ".join(failing)
    return doc

