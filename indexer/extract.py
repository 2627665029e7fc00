"""File -> report record: the one place that runs the extraction steps in order."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import fields
from .blocks import Document
from .checks import run_checks
from .gazetteer import Region, county_government_named, county_printed_before, place_by_code, places_in, resolve
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
    full_text = fields.simplified(fields.without_glosses("\n".join(p.text for p in structure.passages)))
    agency, region, level = agency_and_region(found, title, full_text)
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


def agency_and_region(
    found: fields.AgencyFound | None, title: str | None, full_text: str
) -> tuple[str | None, Region, str | None]:
    """The agency's canonical name, the report's region and the agency's level, which decide each other.

    The region comes from the places the agency and title print (the text
    settles ambiguous names), and then completes the agency: a bare level
    prefix takes its place's name (市卫生健康委员会 → 舟山市卫生健康委员会), and
    a misread place name confirmed by the text gets its official spelling (the
    printed form stays in `agency_printed`)."""
    if found is None:
        primary = [title] if title else []
        return None, resolve(primary, full_text).region if primary else Region(), None
    if fields.is_national(found.name) and not places_in(found.name, agency=True):
        return found.name, Region(), "national"
    primary = list(dict.fromkeys(t for t in (found.printed, found.name, title) if t))
    resolution = resolve(primary, full_text)
    region = resolution.region
    agency = found.name
    if fields.is_township_agency(found.name):
        township, _ = fields.split_place(found.name)
        if len(places_in(township, agency=True)) == 1:  # 中岗镇, printed 仁寿县中岗镇 in the address
            region = county_printed_before(township, full_text) or region
    if not region.county and not region.zone and fields.is_township_agency(found.name):
        region = county_government_named(full_text) or region  # 解放路街道办事处 on the 西峰区人民政府 site
    elif not region.code and fields.is_unplaced_unit(found.name):
        host = county_government_named(full_text)  # 经济开发区管委会 on the 定州市人民政府 site
        if host and host.county:
            region, agency = host, host.county + found.name
    elif not region.code and fields.is_bare_county_level(found.name):
        host = county_government_named(full_text)  # 市应急管理局 on the 阿尔山市人民政府 site
        if host and host.county and host.county.endswith(found.name[0]):
            region = host
    if resolution.misread and agency.startswith(resolution.misread[0]):
        agency = resolution.misread[1] + agency[len(resolution.misread[0]):]
    agency = fields.complete_level_prefix(agency, region)
    place_part, _ = fields.split_place(agency)
    levels = [m.places[0].level for m in places_in(agency, agency=True)]
    settled = resolution.places[0].level if len(resolution.places) == 1 else None
    if region.county and levels[-1:] == ["city"] and settled == "county" and not region.zone:
        levels.append("county")  # a county's branch of a city bureau (长沙市公安局岳麓分局, 内江市隆昌生态环境局)
    if not levels and fields.named_by_stem(agency, region.county):
        levels.append("county")  # 揭东分局 of 揭东区: a county's unit named by the county's stem
    host = place_by_code(region.code) if region.zone and region.code else None
    level = fields.agency_level_of(agency, levels, place_part, host.level if host else None)
    return agency, region, level


def _fallback_title(agency: str | None, year: int | None, path: Path) -> str:
    """A report with no printed title is cited by agency and year, else by its file name."""
    if agency and year:
        return f"{agency}{year}年政府信息公开工作年度报告"
    return path.stem
