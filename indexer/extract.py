"""File -> report record: the one place that runs the extraction steps in order."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import fields
from .blocks import Document
from .checks import run_checks
from .identity import id_of_sha256
from .ocr.verify import verify_figures
from .readers import read_document
from .prose import prose_metrics
from .record import Report
from .structure import structure_of
from .tables import map_tables


def report_id(data: bytes) -> str:
    """Stable id of a report: the same file content always gets the same id."""
    return id_of_sha256(hashlib.sha256(data).hexdigest())


def extract(path: Path, root: Path | None = None, rid: str | None = None) -> Report:
    """Read one file and build its record. Raises `readers.ReadError` for unreadable files.

    `rid` saves reading the file a second time when the caller has hashed it already.
    """
    doc = read_document(path)
    source = path.relative_to(root).as_posix() if root is not None else path.as_posix()
    return record_of(doc, rid or report_id(path.read_bytes()), source)


def record_of(doc: Document, rid: str, source: str) -> Report:
    """Build the record of an already read document."""
    structure = structure_of(doc.blocks)
    printed = fields.field_lines(_field_passages(structure.passages))
    paragraphs = fields.rule_lines(printed)  # a traditional-character copy read as simplified
    meta = {k: fields.simplified(v) for k, v in doc.meta.items() if k in ("title", "publisher") and v}
    title = fields.title_of(paragraphs, meta.get("title"))
    found = fields.find_agency(title, paragraphs, publisher=meta.get("publisher"))
    published = fields.published_of(paragraphs, doc.meta.get("published"))
    year = fields.year_of(title, paragraphs, published)
    texts = [p.text for p in structure.passages]
    full_text = fields.simplified(fields.without_glosses("\n".join(texts)))
    # the places the text names, the site's footer (its owner, maybe in another province) left out; the CMS box's
    # 发布机构 (临淄区某某高新区) and the info line's 来源 (张家港市某镇), which a page reader keeps out of the
    # text, read after it: a place for an agency the text leaves unplaced. Most reports have neither: the text as is.
    kept = [t for t in texts if not fields.is_site_footer(t)]
    extra = [doc.meta[k] for k in ("publisher", "source") if doc.meta.get(k)]
    place_text = (fields.simplified(fields.without_glosses("\n".join(kept + extra)))
                  if extra or len(kept) < len(texts) else full_text)
    agency, region, level = fields.agency_and_region(found, title, place_text)
    # the file's own title (a page's <title>) is quoted as printed too when the text gave no better one
    own = doc.meta.get("title")
    if title and own:
        title = fields.as_printed(title, paragraphs + [meta["title"]], printed + [own])
    elif title:
        title = fields.as_printed(title, paragraphs, printed)
    else:
        title = _fallback_title(agency, year, doc.path)
    tables = map_tables(structure.tables, full_text, year)
    metrics = dict(tables.metrics)
    for key, metric in prose_metrics(structure.passages).items():
        metrics.setdefault(key, metric)
    ocr_confidence = {p.id: p.confidence or 0.0 for p in structure.passages if p.source == "ocr"}
    metrics, ocr_check = verify_figures(metrics, ocr_confidence, tables.template)
    report = Report(
        id=rid,
        source=source,
        title=title,
        agency=agency,
        agency_printed=fields.as_printed(found.printed, paragraphs, printed) if found else None,
        agency_level=level,
        region=region,
        year=year,
        published=published,
        template=tables.template,
        sections=structure.sections,
        passages=structure.passages,
        metrics=metrics,
        format=doc.format,
        source_url=doc.meta.get("url"),
    )
    report.checks = run_checks(report, tables.found, tables.template_passages)
    if ocr_check is not None:
        report.checks.append(ocr_check)
    return report


def _field_passages(passages) -> list[str]:
    """The paragraphs, with the table rows printed before the body's first sentence (an encyclopedia's
    infobox row 中文名 | 某区人民政府2019年…报告 | 发布单位 | …; a CMS box 作者: | 日期: | 2019-04-04 under
    the title): the page may name and date its report there."""
    body = next((i for i, p in enumerate(passages) if p.kind == "paragraph" and _SENTENCE.search(p.text)),
                len(passages))
    return [p.text for i, p in enumerate(passages)
            if p.kind == "paragraph" or (p.kind == "table_row" and i < body)]


_SENTENCE = re.compile("[。，,；;]")  # a paragraph of the body: page chrome and titles have no sentences


def _fallback_title(agency: str | None, year: int | None, path: Path) -> str:
    """A report with no printed title is cited by agency and year, else by its file name."""
    if agency and year:
        return f"{agency}{year}年政府信息公开工作年度报告"
    return path.stem
