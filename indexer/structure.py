"""Sections and passages of a report.

The national template has six sections (一、总体情况 … 六、其他需要报告的事项).
Real reports rename them (一、整体工作情况), drop the numeral (主动公开政府信息情况),
or open a sub-outline inside a section that restarts at 一、. Headings are
therefore chosen as a whole: every short paragraph is scored against each
national section (how close its words are to the section's title, whether its
numeral agrees), and the increasing sequence with the best total score wins
(`choose_headings`), so a stray 二、信息主动公开情况 in a sub-outline loses to
the real 二、主动公开政府信息情况 that follows it.

Passages are every paragraph and every table row, numbered within their
section: ``s2-p3`` is the third passage of section 2; section 0 is whatever
precedes the first heading. The same content always gives the same ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .blocks import Block, Paragraph, Table
from .template import is_number_cell
from .textnorm import simplified

NATIONAL_SECTIONS: tuple[tuple[int, str, str], ...] = (
    (1, "总体情况", r"总体情况|整体.{0,4}情况|总体工作|概述|基本情况|概况"),
    (2, "主动公开政府信息情况", r"主动公开"),
    (3, "收到和处理政府信息公开申请情况", r"收到.{0,2}处理.{0,8}申请|依申请公开|公开申请.{0,4}情况|申请.{0,4}办理情况"),
    (4, "政府信息公开行政复议、行政诉讼情况", r"行政复议|行政诉讼"),
    (5, "存在的主要问题及改进情况", r"存在的?(?:主要)?问题|改进情况|问题及"),
    (6, "其他需要报告的事项", r"其他需要报告|其他.{0,2}事项"),
)
_SECTION_PATTERNS = {no: re.compile(p) for no, _, p in NATIONAL_SECTIONS}
_NATIONAL_TITLES = {no: title for no, title, _ in NATIONAL_SECTIONS}

_NUMERALS = "一二三四五六七八九十"
_TOP_PREFIX = re.compile(r"^\s*(?:第([一二三四五六七八九十])部分|([一二三四五六七八九十])\s*[、.．，,]|([一二三四五六七八九十])\s)\s*")
_SUB_PREFIX = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.、．]|[①-⑳])")
_INNER_PUNCT = re.compile("[，。；：,;:!?！？]")
_TITLE_KEEP = re.compile(r"[\u4e00-\u9fff]")
_NATIONAL_CORES = {no: "".join(_TITLE_KEEP.findall(title)) for no, title in _NATIONAL_TITLES.items()}


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    section: int
    kind: str  # "paragraph" or "table_row"
    text: str
    source: str | None = None  # "ocr" when read from an image; None for the file's own text
    confidence: float | None = None  # the OCR engine's confidence (0-1) for an "ocr" passage


@dataclass(slots=True)
class Section:
    no: int
    title: str
    passages: list[str]


@dataclass(frozen=True, slots=True)
class TableRows:
    """A table with the passage id of each of its rows (None for rows with no text)."""

    table: Table
    section: int
    passage_ids: tuple[str | None, ...]
    caption: str | None = None  # the short paragraph right above the table, if any (### 行政复议)


@dataclass(slots=True)
class Structure:
    sections: list[Section]
    passages: list[Passage]
    tables: list[TableRows]


@dataclass(frozen=True, slots=True)
class Heading:
    block: int
    section: int
    title: str


def split_numbering(text: str) -> tuple[int | None, str]:
    """(top-level numeral as an int, rest of the heading) for 一、X / 第一部分 X / plain X."""
    m = _TOP_PREFIX.match(text)
    if not m:
        return None, text.strip()
    numeral = next(g for g in m.groups() if g)
    return _NUMERALS.index(numeral) + 1, text[m.end():].strip()


def heading_score(text: str, section: int) -> float:
    """How well a paragraph reads as the heading of national section `section` (0: not at all)."""
    parts = _heading_parts(text)
    if parts is None:
        return 0.0
    numeral, rest, core = parts
    national_core = _NATIONAL_CORES[section]
    if core == national_core:
        score = 3.0
    elif len(core) >= 4 and (national_core in core or core in national_core):
        score = 2.5
    elif _SECTION_PATTERNS[section].search(simplified(rest)):
        score = 1.5
    elif numeral == section and _one_character_apart(core, national_core):
        score = 1.0  # 二、主动公幵政府信息情况: the title with one character misread (OCR), under its own numeral
    else:
        return 0.0
    if numeral == section:
        score += 1.0
    elif numeral is not None:
        score -= 0.5
    return score


def _one_character_apart(a: str, b: str) -> bool:
    """Two titles of the same length that differ in one character, both long enough for that to be a misreading."""
    return len(a) == len(b) >= 6 and sum(x != y for x, y in zip(a, b)) == 1


@lru_cache(maxsize=256)  # each paragraph is scored against all six sections
def _heading_parts(text: str) -> tuple[int | None, str, str] | None:
    """(numeral, heading without it, its Han characters) of a paragraph that may be a heading, else None."""
    if len(text) > 45 or _SUB_PREFIX.match(text):
        return None
    numeral, rest = split_numbering(text)
    rest = rest.rstrip("。:：")
    if not rest or len(rest) > 32 or _INNER_PUNCT.search(rest):
        return None
    return numeral, rest, "".join(_TITLE_KEEP.findall(simplified(rest)))  # a traditional-script copy's too


def choose_headings(paragraphs: list[tuple[int, str]]) -> list[Heading]:
    """The increasing sequence of section headings with the best total score.

    `paragraphs` are (block index, text) of the document's paragraphs.
    """
    candidates: list[tuple[int, str, int]] = []  # (block, text, section)
    back: list[int | None] = []
    # best_end[no]: (best total, candidate index) of sequences whose last heading is section `no`.
    best_end: dict[int, tuple[float, int]] = {}
    for block, text in paragraphs:
        updates = []
        for no in range(1, 7):
            score = heading_score(text, no)
            if score <= 0:
                continue
            prev = max((v for k, v in best_end.items() if k < no), default=(0.0, None))
            candidates.append((block, text, no))
            back.append(prev[1])
            updates.append((no, prev[0] + score, len(candidates) - 1))
        for no, total, index in updates:  # after the loop: one paragraph heads one section at most
            if total > best_end.get(no, (0.0, -1))[0]:
                best_end[no] = (total, index)
    if not best_end:
        return []
    i: int | None = max(best_end.values(), key=lambda v: (v[0], -v[1]))[1]
    chosen: list[Heading] = []
    while i is not None:
        block, text, no = candidates[i]
        chosen.append(Heading(block, no, split_numbering(text)[1].rstrip("。:：")))
        i = back[i]
    return chosen[::-1]


def row_text(cells: tuple[str, ...] | list[str]) -> str:
    """A table row as one line: non-empty cells joined with ' | '.

    Labels repeated by merged-cell expansion are shown once; numbers are never
    collapsed, since two equal numbers side by side are two cells.
    """
    out: list[str] = []
    for cell in cells:
        if not cell:
            continue
        if out and cell == out[-1] and not is_number_cell(cell):
            continue
        out.append(cell)
    return " | ".join(out)


def _heading_continuation(heading: Heading, blocks: list[Block]) -> str | None:
    """A heading broken over two lines leaves a short tail such as 讼情况 in the next paragraph."""
    if re.search(r"(情况|事项)$", heading.title):
        return None  # complete already: 申请人情况 below it is the table's first line
    nxt = blocks[heading.block + 1] if heading.block + 1 < len(blocks) else None
    if isinstance(nxt, Paragraph) and len(nxt.text) <= 6 and re.search(r"(情况|事项)$", nxt.text) and not _INNER_PUNCT.search(nxt.text):
        return nxt.text
    return None


def structure_of(blocks: list[Block]) -> Structure:
    """Sections, passages and table row ids of a document's blocks."""
    paragraphs = [(i, b.text) for i, b in enumerate(blocks) if isinstance(b, Paragraph)]
    headings = {h.block: h for h in choose_headings(paragraphs)}
    sections: list[Section] = [Section(0, "", [])]
    passages: list[Passage] = []
    tables: list[TableRows] = []
    counter = 0

    def add(kind: str, text: str, ocr: float | None = None) -> str:
        nonlocal counter
        counter += 1
        section = sections[-1]
        pid = f"s{section.no}-p{counter}"
        if ocr is None:
            passages.append(Passage(pid, section.no, kind, text))
        else:
            passages.append(Passage(pid, section.no, kind, text, "ocr", round(ocr, 3)))
        section.passages.append(pid)
        return pid

    promoted: set[int] = set()  # tables put in section 2 by the 第二十条 line above them
    for i, block in enumerate(blocks):
        heading = headings.get(i)
        if heading is not None:
            tail = _heading_continuation(heading, blocks)
            sections.append(Section(heading.section, heading.title + (tail or ""), []))
            counter = 0
        if isinstance(block, Paragraph):
            if block.text:
                add("paragraph", block.text, block.ocr)
        else:
            confidence = block.ocr or (None,) * len(block.rows)
            ids = tuple(add("table_row", text, c) if (text := row_text(row)) else None
                        for row, c in zip(block.rows, confidence))
            above = blocks[i - 1] if i else None
            caption = above.text if isinstance(above, Paragraph) and len(above.text) <= 30 else None
            section_no = sections[-1].no
            if section_no not in (2, 3, 4) and _under_article(blocks, i, promoted):
                section_no = 2
                promoted.add(i)
            tables.append(TableRows(block, section_no, ids, caption))
    if not sections[0].passages:
        sections.pop(0)
    return Structure(sections, passages, tables)


_ARTICLE = re.compile(r"^第二十条第[（(][一二三四五六七八九十]+[)）]项$")
_ARTICLE_REACH = 8  # paragraphs: a header a converter left as lines of words stands between


def _under_article(blocks: list[Block], i: int, promoted: set[int]) -> bool:
    """Whether table `i` stands under a 第二十条第（一）项 line (a report that prints no 二、主动公开政府信息情况
    heading): its rows are table 2's whatever section the headings before it opened. The line is looked for among
    the paragraphs just above, back to the table before; a table right under one that stands so (its header read
    as a table of its own) stands so too."""
    for j in range(i - 1, max(-1, i - 1 - _ARTICLE_REACH), -1):
        block = blocks[j]
        if not isinstance(block, Paragraph):
            return j in promoted
        if _ARTICLE.match(simplified(re.sub(r"\s+", "", block.text))):
            return True
    return False

