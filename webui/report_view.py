"""A report record laid out for reading: sections, passages with their anchors, marks, citations.

The query's terms are found with the search's own matching
(`indexer.snippets.find_hits` on the match forms of the parsed terms), so the
page marks exactly what made the report a result. Marked text is built by
`indexer.snippets.mark`, which escapes the report text: `<mark>` is the only
markup that reaches the page from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from markupsafe import Markup

from indexer.metric_names import metric_label
from indexer.query import parse_query, split_terms
from indexer.snippets import find_hits, mark
from indexer.synonyms import Synonyms
from indexer.textnorm import match_form

from .chart import format_number
from .labels import section_heading

CELL_SEPARATOR = " | "  # how table rows are stored in passages
EXCERPT_CHARS = 200


@dataclass
class PassageView:
    id: str
    kind: str  # paragraph, table_row
    cells: list[Markup]  # a paragraph has one
    hits: int
    citation: str


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
    hits: int
    first_hit: str | None
    terms: list[str]  # what was marked, as typed


def query_needles(query: str, synonyms: Synonyms | None, passages: list[dict]) -> tuple[list[str], list[str]]:
    """(needles, terms as typed) of a query, as search matches them.

    When the whole terms occur nowhere in the report, their words are tried
    separately, as search does for a query that finds nothing.
    """
    parsed = parse_query(query, synonyms)
    terms = parsed.positive_terms()
    needles = [n for t in terms for n in t.needles]
    lines = [match_form(p["text"]) for p in passages]
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


def citation(record: dict, heading: str, text: str, url: str, figures: list[str] = ()) -> str:
    """A citation to paste into an article: agency, title, section, the passage, the link.

    `figures` name the numbers read from the passage (行政处罚 · 处理决定数量：68),
    which says more than a bare table row.
    """
    agency = record.get("agency") or ""
    title = record.get("title") or ""
    where = f"，{heading}" if heading else ""
    named = f"（{'；'.join(figures)}）" if figures else ""
    return f"{agency}《{title}》{where}：“{excerpt(text)}”{named}。来源：{url}"


def report_view(record: dict, needles: list[str], terms: list[str], passage_url: Callable[[str], str]) -> ReportView:
    """The page model of a record; `passage_url(id)` is the absolute link a citation gives."""
    by_id = {p["id"]: p for p in record.get("passages", [])}
    figures: dict[str, list[str]] = {}
    for key, metric in (record.get("metrics") or {}).items():
        figures.setdefault(metric.get("passage"), []).append(f"{metric_label(key)}：{format_number(metric['value'])}")
    sections: list[SectionView] = []

    def passage_view(passage: dict, heading: str) -> PassageView:
        kind = "table_row" if passage.get("kind") == "table_row" else "paragraph"
        texts = passage["text"].split(CELL_SEPARATOR) if kind == "table_row" else [passage["text"]]
        cells, hits = [], 0
        for text in texts:
            spans = find_hits(text, needles) if needles else []
            hits += len(spans)
            cells.append(Markup(mark(text, spans)))
        shown = "，".join(t.strip() for t in texts) if kind == "table_row" else passage["text"]
        cite = citation(record, heading, shown, passage_url(passage["id"]), figures.get(passage["id"], []))
        return PassageView(passage["id"], kind, cells, hits, cite)

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
    hit_passages = [p for s in sections for p in s.passages() if p.hits]
    return ReportView(sections, sum(p.hits for p in hit_passages), hit_passages[0].id if hit_passages else None, terms)
