"""A report record laid out for reading: sections, passages with their anchors, marks, citations.

The query's terms are found with the search's own matching
(`indexer.snippets.find_hits` on the match forms of the parsed terms), so the
page marks exactly what made the report a result. Table rows are shown in
their labelled form (`indexer.passage_labels`), the form search reads.
Marked text is built by `indexer.snippets.mark`, which escapes the report
text: `<mark>` and the spans around a row's cells are the only markup that
reaches the page from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from markupsafe import Markup

from indexer.passage_labels import LabelledRow, display_texts, labelled_rows
from indexer.query import parse_query, split_terms
from indexer.snippets import find_hits, mark
from indexer.synonyms import Synonyms
from indexer.textnorm import fold

from .labels import section_heading

EXCERPT_CHARS = 500  # a longer passage is cut in a citation


@dataclass
class PassageView:
    id: str
    kind: str  # paragraph, table_row
    html: Markup  # the passage as shown: marked, a table row with its figures labelled
    text: str  # the same, plain
    hits: int
    citation: str
    ocr: float | None = None  # the OCR confidence of a passage read from an image (shown as a 识别 badge)


@dataclass
class Block:
    kind: str  # paragraph, table
    passages: list[PassageView]


@dataclass
class SectionView:
    no: int
    heading: str  # 二、主动公开政府信息情况; empty for what precedes the first section
    heading_passage: PassageView | None  # the passage that is the heading line, shown as the heading itself
    blocks: list[Block] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"section-{self.no}"

    def passages(self) -> list[PassageView]:
        """Every passage of the section in reading order, its heading line first."""
        head = [self.heading_passage] if self.heading_passage else []
        return head + [p for block in self.blocks for p in block.passages]


@dataclass
class ReportView:
    sections: list[SectionView]
    hits: int  # marks on the page, numbered hit-1 … hit-N in reading order
    first_hit: str | None
    terms: list[str]  # what was marked, as typed


def query_needles(query: str, synonyms: Synonyms | None, record: dict) -> tuple[list[str], list[str]]:
    """(needles, terms as typed) of a query, as search matches them.

    When the whole terms occur nowhere in the report, their words are tried
    separately, as search does for a query that finds nothing.
    """
    parsed = parse_query(query, synonyms)
    terms = parsed.positive_terms()
    needles = [n for t in terms for n in t.needles]
    lines = [fold(text) for text in display_texts(record)]
    if terms and not any(n in line for n in needles for line in lines):
        split = split_terms(parsed, synonyms)
        if split is not None:
            terms = split.positive_terms()
            needles = [n for t in terms for n in t.needles]
    return needles, [t.text for t in terms]


def _is_heading(passage: dict, title: str) -> bool:
    text = passage["text"].strip()
    return bool(title) and passage.get("kind") == "paragraph" and text.endswith(title) and len(text) <= len(title) + 6


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


_SENTENCE_END = ("。", "！", "？", "…", "；")


_ASCII_QUOTE = re.compile(r'"([^"]*)"')


def inner_quotes(text: str) -> str:
    """Quotation marks inside a quotation become single ones: “三安全一稳定” and "三安全一稳定" -> ‘三安全一稳定’."""
    text = _ASCII_QUOTE.sub(r"‘\1’", text)
    return text.replace("“", "‘").replace("”", "’").replace('"', "’")


def citation(record: dict, heading: str, text: str, url: str) -> str:
    """What a journalist pastes: agency, title, year, section, the passage quoted, the original address, the link.

    招远市卫生健康局《招远市卫生健康局2023年政府信息公开工作年度报告》（2023年度），二、主动公开政府信息情况：“行政处罚 | 本年处理决定数量 68”。
    原文：http://… (when the record has the report's web address, `source_url`)
    年报检索：http://…/reports/<id>#s2-p11
    """
    agency = record.get("agency") or ""
    title = (record.get("title") or "").replace("《", "〈").replace("》", "〉")
    year = f"（{record['year']}年度）" if record.get("year") else ""
    where = f"，{heading}" if heading else ""
    quoted = inner_quotes(excerpt(text.strip()))
    stop = "" if quoted.endswith(_SENTENCE_END) else "。"
    lines = [f"{agency}《{title}》{year}{where}：“{quoted}”{stop}"]
    if record.get("source_url"):
        lines.append(f"原文：{record['source_url']}")
    lines.append(f"年报检索：{url}")
    return "\n".join(lines)


def _row_html(row: LabelledRow, hits: list[tuple[int, int]]) -> Markup:
    """A labelled table row: each printed cell, and each figure's label and value, in its own span."""
    out: list[str] = []
    pos = 0
    for piece in row.pieces:
        if piece.start > pos:
            out.append(f'<span class="sep">{mark(row.text, hits, pos, piece.start)}</span>')
        out.append(f'<span class="{piece.kind}">{mark(row.text, hits, piece.start, piece.end)}</span>')
        pos = piece.end
    if pos < len(row.text):
        out.append(f'<span class="sep">{mark(row.text, hits, pos, len(row.text))}</span>')
    return Markup("".join(out))


_MARK = re.compile("<mark>")


def number_hits(sections: list[SectionView]) -> int:
    """Give every mark on the page an id, hit-1 … hit-N in reading order; returns N."""
    count = 0

    def numbered(_match: re.Match) -> str:
        nonlocal count
        count += 1
        return f'<mark id="hit-{count}">'

    for section in sections:
        for passage in section.passages():
            if passage.hits:
                passage.html = Markup(_MARK.sub(numbered, str(passage.html)))
    return count


def report_view(record: dict, needles: list[str], terms: list[str], passage_url: Callable[[str], str]) -> ReportView:
    """The page model of a record; `passage_url(id)` is the absolute link a citation gives."""
    by_id = {p["id"]: p for p in record.get("passages", [])}
    rows = labelled_rows(record)
    sections: list[SectionView] = []

    def passage_view(passage: dict, heading: str) -> PassageView:
        kind = "table_row" if passage.get("kind") == "table_row" else "paragraph"
        row = rows.get(passage["id"])
        text = row.text if row else passage["text"]
        spans = find_hits(text, needles) if needles else []
        html = _row_html(row, spans) if row else Markup(mark(text, spans))
        cite = citation(record, heading, text, passage_url(passage["id"]))
        ocr = (passage.get("confidence") or 0.0) if passage.get("source") == "ocr" else None
        return PassageView(passage["id"], kind, html, text, len(spans), cite, ocr)

    for section in record.get("sections", []):
        title = section.get("title") or ""
        heading = section_heading(section["no"], title)
        ids = [pid for pid in section.get("passages", []) if pid in by_id]
        view = SectionView(section["no"], heading, None)
        if ids and _is_heading(by_id[ids[0]], title):
            view.heading_passage = passage_view(by_id[ids.pop(0)], heading)
        for pid in ids:
            item = passage_view(by_id[pid], heading)
            block_kind = "table" if item.kind == "table_row" else "paragraph"
            if view.blocks and view.blocks[-1].kind == block_kind:
                view.blocks[-1].passages.append(item)
            else:
                view.blocks.append(Block(block_kind, [item]))
        sections.append(view)
    hits = number_hits(sections)
    hit_passages = [p for s in sections for p in s.passages() if p.hits]
    return ReportView(sections, hits, hit_passages[0].id if hit_passages else None, terms)
