"""Paragraphs and the three tables back from text that ran together on one line.

Crawler text exports write a report's whole body on one line, and a table's
cells with nothing between them: ``规章000行政规范性文件77132470``,
``一、本年新收政府信息公开申请数量801000081``. The template fixes which labels
come in which order and how many cells each row has, so:

* the line is cut into text and runs of figures; a digit and a point right
  before a label (``…00000002.其他法律…``) are the label's numbering;
* a run of figures is a table row when the text before it ends with a
  template row label, inside a table (after 第二十条 / 信息内容, 申请人情况 or
  the 勾稽关系 note, or the 结果维持 … 总计 header of table 4) that no sentence
  has ended since;
* the run is cut into the row's cells by `figure_splits`: its only cut, else
  the cuts that satisfy the row's sums (table 3: six columns add up to 总计;
  table 4: each group of five), narrowed by the columns' sums across rows
  (the outcome rows add up to （七）总计, new + carried over = total + carried
  forward). A cell on which the remaining cuts disagree is ``？`` (absent),
  and the row keeps its figures as printed in a last cell, so nothing is
  guessed and nothing is lost;
* the rest is prose, cut into paragraphs at sentence ends, at section
  headings (一、总体情况) and at spaces that follow a title or a heading.

`rebuild(line)` gives the blocks; `has_run_together_table(line)` says
whether a line needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..blocks import Block, Paragraph, Table
from ..figure_splits import agreed, combine, row_candidates
from ..structure import heading_score
from ..template import (ACTIVE, ACTIVE_COLUMNS, APPEALS, APPLY, APPLY_COLUMNS, LABELS, SIGN, Label, columns_hold, label_core,
                        match_label, outcome_rows, similarity, template_of_text)
from ..template.labels import PRINTED_COLUMN_WORDS
from ..textnorm import match_form, normalize_text, simplified, without_glosses

_WORD_SIGN = re.compile(r"([增减])[加少]")
_RUN = re.compile(rf"{SIGN}?\d[\d.,]*(?:[ \u3000]*{SIGN}[ \u3000]*\d[\d.,]*|[ \u3000]+\d[\d.,]*)*(?:\s*(?:万元|元))?")
_TRAILING_DASH = re.compile(r"[-—－–]+(?![\d\-—－–])$|(?<=\d)[-—－–]+(?=[^\d\-—－–]|$)")
_DIGIT_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
# 0? 00: a character the copy lost between two cells (printed as ?), a space as wide
_LOST = re.compile(r"(?<=\d)[?？\ufffd](?=[ \u3000]*\d)|(?<=\d )[?？\ufffd](?=[ \u3000]*\d)")
_NUMBERING_TAIL = re.compile(r"\d[.．、]$")
_ARTICLE = re.compile(r"第\s*二\s*十\s*条\s*第\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*项")
_ACTIVE_MARK = re.compile(r"第\s*二\s*十\s*条\s*第|信\s*息\s*内\s*容")
_APPLY_MARK = re.compile(r"[（(]\s*本列数据|勾稽关系|申\s*请\s*人\s*情\s*况")
_APPEAL_LEAVES = ("结果维持", "结果纠正", "其他结果", "尚未审结")
_LATER_SECTION = re.compile(r"存在的?主要问题|其他需要报告")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_PARENTHETICAL = re.compile(r"[（(][^（()）]*[)）]")
_LABEL_PREFIX = re.compile(r"(?:[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]|[一二三四五六七八九十]{1,2}\s*、|\d\s*[.．、])\s*$")
_OTHER_OTHER = re.compile(r"3\s*[.．、]\s*其\s*他\s*$")
UNSPLIT = "（原文连写，无法拆分：{}）"
UNKNOWN = "？"  # a cell the sums cannot decide: absent to the table mapper


@dataclass(frozen=True, slots=True)
class _RowLabel:
    kind: str
    key: str
    core: str


def _row_labels() -> list[_RowLabel]:
    out = []
    for lab in LABELS:
        if lab.role == "row" and lab.kind in (ACTIVE, APPLY) and lab.key != "other.other":
            for alt in lab.alts:
                out.append(_RowLabel(lab.kind, lab.key, alt))
    return sorted(out, key=lambda r: -len(r.core))


ROW_LABELS = _row_labels()
_HEADER_WORDS = {  # the printed variants too (本年度增/减): cutting header text that ran together needs them whole
    kind: sorted({alt for lab in LABELS if lab.kind == kind and lab.role in ("col", "head", "group")
                  for alt in lab.alts if len(alt) >= 2}
                 | {w for words in PRINTED_COLUMN_WORDS.get(kind, {}).values() for w in words}, key=len, reverse=True)
    for kind in (ACTIVE, APPLY, APPEALS)
}


# ------------------------------------------------------------------ tokens


@dataclass(slots=True)
class _Token:
    text: str
    is_run: bool
    start: int


def tokens(line: str) -> list[_Token]:
    """Text and runs of figures, in order; a label's numbering (2.) goes with the label."""
    out: list[_Token] = []
    pos = 0
    for m in _RUN.finditer(line):
        run, start, end = m.group(), m.start(), m.end()
        if end < len(line) and _NUMBERING_TAIL.search(run) and not line[end].isdigit():
            cut = _NUMBERING_TAIL.search(run).start()  # …00000002.其他法律: "2." numbers the next label
            run, end = run[:cut], start + cut
        if not re.search(r"\d", run) or (start > 0 and line[start - 1] in ".．"):
            continue
        dash = _TRAILING_DASH.match(line, end) if run[-1].isdigit() else None
        if dash:  # 行政强制44-第二十条: a dash after the figures, no sign (no figure follows), is the row's last cell
            run, end = run + dash.group(), dash.end()
        if start > pos:
            out.append(_Token(line[pos:start], False, pos))
        out.append(_Token(_WORD_SIGN.sub(r"\1", run), True, start))  # 增加5 is 增5 to the digit splitter
        pos = end
    if pos < len(line):
        out.append(_Token(line[pos:], False, pos))
    return _merge_text(out)


def _merge_text(toks: list[_Token]) -> list[_Token]:
    out: list[_Token] = []
    for t in toks:
        if out and not t.is_run and not out[-1].is_run:
            out[-1] = _Token(out[-1].text + t.text, False, out[-1].start)
        else:
            out.append(t)
    return out


def _tail(text: str) -> tuple[int, str]:
    """Where the text after the last sentence end starts (brackets' insides do not count), and that text."""
    masked = _PARENTHETICAL.sub(lambda m: "_" * len(m.group()), text)
    last = -1
    for m in _SENTENCE_END.finditer(masked):
        last = m.end()
    start = last if last >= 0 else 0
    return start, text[start:]


def row_label_of(text: str, kinds: tuple[str, ...]) -> tuple[_RowLabel, int] | None:
    """The template row label `text` ends with, and where that label starts in `text`."""
    stripped = text.rstrip()
    core = label_core(_PARENTHETICAL.sub("", stripped) if stripped.endswith(("）", ")")) else stripped)
    core_full = re.sub(r"[^\u4e00-\u9fff0-9a-z]", "", match_form(_PARENTHETICAL.sub("", stripped)))
    for lab in ROW_LABELS:
        if lab.kind in kinds and (core.endswith(lab.core) or core_full.endswith(lab.core)):
            return lab, _label_start(stripped, lab.core)
    if APPLY in kinds and _OTHER_OTHER.search(stripped):
        return _RowLabel(APPLY, "other.other", "其他"), _OTHER_OTHER.search(stripped).start()
    return _near_label(stripped, core_full, kinds)


_NEAR = 0.9  # a long label printed with a word more or less: 上年结转政府信息公开数量 (申请 left out)


def _near_label(text: str, core: str, kinds: tuple[str, ...]) -> tuple[_RowLabel, int] | None:
    """The template row label of ten or more characters that the end of `text` nearly spells (as the grids'
    labels are matched: `similarity`), the best one only when no other comes as near; None if none does."""
    scored = []
    for lab in ROW_LABELS:
        if lab.kind not in kinds or len(lab.core) < 10:
            continue
        best = max(((similarity(core[-size:], lab.core), size) for size in range(len(lab.core) - 2, len(lab.core) + 3)
                    if size <= len(core)), default=(0.0, 0))
        if best[0] >= _NEAR:
            scored.append((best[0], best[1], lab))
    if not scored:
        return None
    scored.sort(key=lambda x: -x[0])
    if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][2].key != scored[0][2].key:
        return None
    _, size, lab = scored[0]
    start = _han_start(text, size)
    prefix = _LABEL_PREFIX.search(text[:start])
    return lab, prefix.start() if prefix else start


def _han_start(text: str, count: int) -> int:
    """Where the last `count` Han characters (and digits, letters) of `text` start."""
    seen = 0
    for i in range(len(text) - 1, -1, -1):
        if re.match(r"[\u4e00-\u9fff0-9a-zA-Z]", text[i]):
            seen += 1
            if seen == count:
                return i
    return 0


_END_NOTE = re.compile(r"[（(][^（）()]*[)）]\s*$")


def _label_start(text: str, core: str) -> int:
    """Start of the printed label (with its numbering) whose words are `core`, at the end of `text`."""
    pattern = r"[\s“”\"、，,]*".join(map(re.escape, core))
    key = simplified(text)  # a traditional-script copy's label too (one character for one)
    note = _END_NOTE.search(key)  # a note the label ends with may name it again: 规章 （全区机关均无制定规章的权限）
    if note and len(key) == len(text):
        key = key[:note.start()] + "_" * (len(key) - note.start())
    starts = [m.start() for m in re.finditer(pattern, key if len(key) == len(text) else text)]
    start = starts[-1] if starts else max(0, len(text) - len(core))
    prefix = _LABEL_PREFIX.search(text[:start])
    return prefix.start() if prefix else start


def _appeals_header(text: str) -> int | None:
    """Where table 4's header (行政复议 行政诉讼 结果维持 …) starts in `text`, if `text` holds one."""
    t = match_form(text)
    if sum(leaf in t for leaf in _APPEAL_LEAVES) < 3:
        return None
    m = re.search(r"行\s*政\s*复\s*议\s*行\s*政\s*诉\s*讼|行\s*政\s*复\s*议\s*(?=结\s*果\s*维\s*持)|结\s*果\s*维\s*持", text)
    return m.start() if m else None


# ------------------------------------------------------------------ which runs are table rows


@dataclass(slots=True)
class _Row:
    kind: str
    key: str | None  # None: table 4's fifteen cells
    label_at: int  # where the row's label starts in the text token before the run
    token: int  # index of the run token


@dataclass(slots=True)
class _Table:
    kind: str
    lead_token: int  # the text token where the table starts
    lead_at: int  # and where in it
    rows: list[_Row] = field(default_factory=list)


def find_tables(toks: list[_Token]) -> list[_Table]:
    """The tables whose rows ran together, in order."""
    tables: list[_Table] = []
    current: _Table | None = None
    context: str | None = None
    mark: tuple[int, int] | None = None  # (token, offset) where the context's table starts
    depth = 0  # brackets open at this point of the text (a header's remark holds figures: （指2019年事项数）)
    for i, tok in enumerate(toks):
        if not tok.is_run:
            depth = max(0, depth + tok.text.count("（") + tok.text.count("(") - tok.text.count("）") - tok.text.count(")"))
            start, tail = _tail(tok.text)
            if start > 0 or _LATER_SECTION.search(tail):
                current, context, mark = None, None, None  # a sentence ended: no table runs on
            appeals = _appeals_header(tail)
            apply_mark = _APPLY_MARK.search(tail)
            active_mark = _ACTIVE_MARK.search(tail)
            if appeals is not None:
                current, context, mark = None, APPEALS, (i, start + appeals)
            elif apply_mark and context != APPLY:
                current, context, mark = None, APPLY, (i, start + apply_mark.start())
            elif active_mark and context not in (ACTIVE, APPLY):
                current, context, mark = None, ACTIVE, (i, start + active_mark.start())
            continue
        row = _row_of(toks, i, context)
        if row is None:
            if context is not None and depth > 0:
                continue  # a figure inside a header's remark: 上一年项目数量（指2019年事项数）
            if context is not None and _ends_with_header(toks[i - 1].text if i else "", context):
                continue  # …现行有效件数000行政规范性文件000: a row whose label the report left blank, skipped
            current, context, mark = None, None, None
            continue
        if current is None or current.kind != row.kind:
            lead = mark if mark is not None and context == row.kind else (i - 1, row.label_at)
            current = _Table(row.kind, *lead)
            tables.append(current)
        current.rows.append(row)
        context, mark = row.kind, None
        if row.kind == APPEALS:
            current, context = None, None  # table 4 is one run of fifteen cells
    return tables


def _ends_with_header(text: str, kind: str) -> bool:
    """The text ends with one of the kind's column labels (the header just above a row)."""
    core = re.sub(r"[^\u4e00-\u9fff]", "", match_form(_PARENTHETICAL.sub("", text.rstrip())))
    return any(core.endswith(re.sub(r"[^\u4e00-\u9fff]", "", w)) for w in _HEADER_WORDS[kind] if len(w) >= 4)


_ALONE = ("new", "carried_over", "carried_forward")  # table 3 rows whose long labels no sentence ends with
_ALONE_END = re.compile(r"(?:申\s*请\s*数\s*量|继\s*续\s*办\s*理)\s*$")


def _row_of(toks: list[_Token], i: int, context: str | None) -> _Row | None:
    if i == 0 or toks[i - 1].is_run:
        return None
    start, tail = _tail(toks[i - 1].text)
    if context is None:  # outside a table: only a table 3 row whose seven cells add up, however its run is cut
        if not _ALONE_END.search(tail):
            return None
        found = row_label_of(tail, (APPLY,))
        n = len(APPLY_COLUMNS)
        if found is None or found[0].key not in _ALONE or None in agreed(row_candidates(toks[i].text, n, (n,)), n):
            return None
        return _Row(APPLY, found[0].key, start + found[1], i)
    if context == APPEALS:
        at = _appeals_header(tail)
        return _Row(APPEALS, None, start + at, i) if at is not None else None
    kinds = (ACTIVE, APPLY) if context == ACTIVE else (APPLY,)
    found = row_label_of(tail, kinds)
    if found is None:
        return None
    label, at = found
    return _Row(label.kind, label.key, start + at, i)


# ------------------------------------------------------------------ cutting the runs


def apply_cells(runs: dict[str, str], template: str | None) -> dict[str, list[str | None]]:
    """Table 3: the cells of each row's run, by the row's own sum, then by the columns' sums across rows."""
    n = len(APPLY_COLUMNS)
    runs = {key: _TRAILING_DASH.sub("", run) for key, run in runs.items()}
    traceless = any(len(re.findall(r"\d", run)) < n for run in runs.values())
    candidates = {key: row_candidates(run, n, (n,), traceless) for key, run in runs.items()}
    outcomes = outcome_rows(template)
    candidates = combine(candidates, lambda rows: columns_hold(rows, outcomes))
    return {key: agreed(c, n) for key, c in candidates.items()}


def row_cells(run: str, n: int, groups: tuple[int, ...] = ()) -> list[str | None]:
    """One row's cells from its run: those every admissible cut agrees on; a dash the run ends with is its last
    cell, left blank by the report (行政强制44- : 4, 4 and an absent 处理决定数量)."""
    dash = _TRAILING_DASH.search(run)
    if dash and not groups:
        return (row_cells(run[:dash.start()], n - 1) + ["—"]) if n > 1 else [None]
    if n == 1:
        figures = row_candidates(run, 1)
        return agreed(figures, 1)
    return agreed(row_candidates(run, n, groups), n)


# ------------------------------------------------------------------ blocks


def has_run_together_table(line: str) -> bool:
    """True for a line that holds at least one table whose cells ran together."""
    if len(line) < 40 or not re.search(r"\d{3}", line):
        return False
    key = _LOST.sub(" ", simplified(without_glosses(line)).translate(_DIGIT_WIDTH))
    return any(len(t.rows) >= 1 for t in find_tables(tokens(key)))


def rebuild(line: str) -> list[Block]:
    """Paragraphs and tables of a body written on one line (a mirror's pinyin glosses out: 規(guī)章 is 規章, and
    a gloss inside a label would hide it)."""
    line = _LOST.sub(" ", without_glosses(line).translate(_DIGIT_WIDTH))
    key = simplified(line)  # a traditional-script copy's labels found in simplified form; one character for one,
    toks = tokens(key)  # so every position found in it holds in the line as printed, which the blocks are cut from
    tables = find_tables(toks)
    template = template_of_text(key)
    blocks: list[Block] = []
    pos = 0
    for table in tables:
        lead_at = toks[table.lead_token].start + table.lead_at
        blocks += paragraphs(line[pos:lead_at])
        grid, end = _grid(table, toks, line, template)
        blocks.append(Table.from_rows(grid))
        pos = end
    blocks += paragraphs(line[pos:])
    return blocks


def _grid(table: _Table, toks: list[_Token], line: str, template: str | None) -> tuple[list[list[str]], int]:
    """The table's grid rows and where its text ends in the line."""
    rows: list[list[str]] = []
    pos = toks[table.lead_token].start + table.lead_at
    cells_of = _cells(table, toks, template)
    for row in table.rows:
        label_abs = toks[row.token - 1].start + row.label_at
        lead = normalize_text(line[pos:label_abs])
        label = normalize_text(line[label_abs:toks[row.token].start])
        run = toks[row.token].text
        cells = cells_of[row.token]
        if table.kind == APPLY:
            if row is table.rows[0]:
                rows += _header_rows(lead, APPLY)  # 申请人情况 自然人 … 总计
            elif lead:
                label = f"{lead} {label}"  # the groups above the row: （三）不予公开 1.属于国家秘密
        elif table.kind == ACTIVE:
            rows += _header_rows(_UNLABELLED_TAIL.sub("", lead), ACTIVE)  # 现行有效件数000: a blank label's row
        else:
            rows += _header_rows(label, APPEALS)
            label = ""
        printed = [c or UNKNOWN for c in cells]  # an unknown cell keeps its place (a blank would shift the row)
        if not all(cells):
            printed.append(UNSPLIT.format(normalize_text(run)))
        rows.append(([label] if label else []) + printed)
        pos = toks[row.token].start + len(run)
    return rows, pos


_UNLABELLED_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])[\d\s]+$")


def _cells(table: _Table, toks: list[_Token], template: str | None) -> dict[int, list[str | None]]:
    """The cells of every run of the table, by its token index."""
    out: dict[int, list[str | None]] = {}
    if table.kind == APPLY:
        runs = {r.key: toks[r.token].text for r in table.rows if r.key}
        by_key = apply_cells(runs, template)
        for r in table.rows:
            out[r.token] = by_key.get(r.key) or [None] * len(APPLY_COLUMNS)
        return out
    for r in table.rows:
        run = toks[r.token].text
        if table.kind == APPEALS:
            out[r.token] = row_cells(run, 15, (5, 5, 5))
        else:
            out[r.token] = row_cells(run, _active_width(table, toks, r, template))
    return out


def _active_width(table: _Table, toks: list[_Token], row: _Row, template: str | None) -> int:
    """How many cells a table-2 row has: the columns its header names, else the template's."""
    for r in reversed(table.rows[:table.rows.index(row) + 1]):
        text = toks[r.token - 1].text[:r.label_at]  # the header before the row's own label
        heads = list(re.finditer(r"信\s*息\s*内\s*容", text))
        text = text[heads[-1].end():] if heads else text  # the last header only (信息内容 opens each)
        pieces = _split_labels(text, ACTIVE)
        columns = [c for i, c in enumerate(pieces) if _is_column(c) or c in pieces[:i] + pieces[i + 1:] and _starts_columns(c)]
        if columns:
            return len(columns)
        if r is not row:
            break
    keys = ACTIVE_COLUMNS.get(template or "2021", {}).get(row.key) or ACTIVE_COLUMNS["2019"].get(row.key, ())
    return max(1, len(keys))


def _columns_starting(key: str, kind: str) -> list[Label]:
    """The kind's column labels that a header cell cut short (本年新, as `label_core`) starts."""
    return [lab for lab in LABELS if lab.kind == kind and lab.role == "col"
            and any(label_core(a).startswith(key) for a in lab.alts)]


def _starts_columns(text: str) -> bool:
    """A header cell cut short (本年新) that starts two or more column labels."""
    key = label_core(text)
    return len(key) >= 2 and len(_columns_starting(key, ACTIVE)) >= 2


def _is_column(text: str) -> bool:
    lab = match_label(text, ("col",), (ACTIVE,))
    return lab is not None


def _header_rows(text: str, kind: str) -> list[list[str]]:
    """Header text that ran together, as rows of label cells: 第二十条第（五）项 / 信息内容 | 本年处理决定数量."""
    rows: list[list[str]] = []
    pos = 0
    for m in _ARTICLE.finditer(simplified(text)):  # a traditional-script copy's 第二十條第（一）項 too
        before = text[pos:m.start()]
        if before.strip():
            rows.append(_split_labels(before, kind))
        rows.append([normalize_text(text[m.start():m.end()])])
        pos = m.end()
    rest = text[pos:]
    if rest.strip():
        rows.append(_split_labels(rest, kind))
    return [r for r in rows if r]


def header_pieces(text: str) -> list[str] | None:
    """Header cells that ran together, when the text is nothing but two or more of the templates' column and
    header labels (上一年项目数量本年增/减 -> 上一年项目数量 | 本年增/减); else None."""
    for kind in (ACTIVE, APPLY, APPEALS):
        pieces = _split_labels(text, kind)
        if len(pieces) >= 2 and "".join(pieces) == text and all(_is_header_word(p, kind) for p in pieces):
            return pieces
    return None


def _is_header_word(text: str, kind: str) -> bool:
    t = re.sub(r"[\s/／、]", "", text)
    return any(re.sub(r"[\s/／、]", "", w) == t for w in _HEADER_WORDS[kind])


def _split_labels(text: str, kind: str) -> list[str]:
    """Cells of labels that ran together (信息内容本年制发件数本年废止件数 -> 信息内容 | 本年制发件数 | 本年废止件数);
    a traditional-script copy's labels found in simplified form (one character for one) and cut as printed."""
    spots: list[tuple[int, int]] = []
    key = simplified(text)
    for word in _HEADER_WORDS[kind]:
        pattern = r"[\s/／、]*".join(map(re.escape, word))
        for m in re.finditer(pattern, key):
            if not any(a < m.end() and m.start() < b for a, b in spots):
                spots.append((m.start(), m.end()))
    starts = sorted({0} | {a for a, _ in spots})
    cells = [normalize_text(text[a:b]) for a, b in zip(starts, starts[1:] + [len(text)])]
    return [piece for c in cells if c for piece in _cut_short_apart(c, kind)]


def _cut_short_apart(text: str, kind: str) -> list[str]:
    """A cell of labels with a header cell cut short repeated at its end (信息内容本年新本年新) as its cells."""
    pieces = _cut_short_repeated(text, kind)
    if pieces:
        return pieces
    key = simplified(text)
    for word in _HEADER_WORDS[kind]:
        if key.startswith(word) and len(key) > len(word):
            pieces = _cut_short_repeated(text[len(word):], kind)
            if pieces:
                return [normalize_text(text[:len(word)])] + pieces
    return [text]


def _cut_short_repeated(text: str, kind: str) -> list[str] | None:
    """本年新本年新: a header cell cut short repeated over the columns it starts (本年新<br>制作数量 and 本年新<br>公开数量
    that lost their second lines), as that many cells when as many of the kind's column labels start with it."""
    key = label_core(text)
    for size in range(2, len(key) // 2 + 1):
        count, rest = divmod(len(key), size)
        if rest or key != key[:size] * count:
            continue
        if len(_columns_starting(key[:size], kind)) == count and len(text) % count == 0:
            width = len(text) // count
            return [normalize_text(text[i * width:(i + 1) * width]) for i in range(count)]
        return None
    return None


# ------------------------------------------------------------------ paragraphs

_HEADING = re.compile(r"[一二三四五六七八九十]{1,2}\s*、\s*[^\d，。；：,;:！？]{2,24}?(?:情况|事项)")
_SPACE = re.compile(r"[ \u3000]+")
_PROSE_PUNCT = re.compile(r"[，。；：,;:]")


def paragraphs(text: str) -> list[Paragraph]:
    """Prose that ran together, cut at sentence ends, section headings and spaces after a title or heading."""
    pieces: list[str] = []
    cur = ""
    i = 0
    n = len(text)
    while i < n:
        heading = _HEADING.match(text, i) if (not cur.strip() or _ends_sentence(cur) or text[i - 1:i].isspace()) else None
        if heading is None and _HEADING.match(text, i) and cur and not _PROSE_PUNCT.search(cur[-1:]):
            heading = _HEADING.match(text, i) if _starts_section(text, i) else None
        if heading is not None:
            pieces += [cur, heading.group()]
            cur = ""
            i = heading.end()
            continue
        ch = text[i]
        space = _SPACE.match(text, i)
        if space is not None:
            if cur.strip() and (_ends_sentence(cur) or _is_title(cur)):
                pieces.append(cur)
                cur = ""
            else:
                cur += ch
            i = space.end()
            continue
        cur += ch
        i += 1
        if ch in "。！？!?" and not _inside_brackets(cur):
            while i < n and text[i] in "”’）)】」":
                cur += text[i]
                i += 1
            pieces.append(cur)
            cur = ""
    pieces.append(cur)
    return [Paragraph(t) for p in pieces if (t := normalize_text(p))]


def _is_title(text: str) -> bool:
    """A report title or a heading, which a space after it ends (…年度报告 根据《条例》…)."""
    if len(text) > 400:  # no title; and normalizing a long run at every space would cost quadratic time
        return False
    t = normalize_text(text)
    return len(t) <= 60 and not _PROSE_PUNCT.search(t) and bool(re.search(r"(?:报告|情况|事项|方面)$", t))


_SENTENCE_END = re.compile(r"[。！？!?；;][”’）)】」]*\s*$")
_TAIL = 200  # characters of a paragraph under way looked at: text with no sentence end must stay linear


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text[-_TAIL:]))


def _inside_brackets(text: str) -> bool:
    text = text[-20 * _TAIL:]  # a bracket open for longer than this is a stray one
    return text.count("（") + text.count("(") > text.count("）") + text.count(")") or text.count("“") > text.count("”")


def _starts_section(text: str, i: int) -> bool:
    """一、总体情况 glued to the text before it still heads a section when its words are a national section's."""
    m = _HEADING.match(text, i)
    return bool(m) and max(heading_score(m.group(), no) for no in range(1, 7)) >= 2.5
