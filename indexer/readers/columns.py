"""Tables 2 and 3 written column by column or text box by text box, as PDF-to-text tools write some tables.

Table 2 column by column, as PDF-to-text without layout writes some tables without borders.

The page's first column comes out whole (第二十条第（一）项 / 信息内容 / 规章 / 规范性文件 / 第二十条第（五）项 …),
then each further column with its header and its figures (本年新 / 制作数量 / 0 / 0 / 上一年项目数量 / 0 / 0 …), in
the order the tool met them. The template says which rows each article's block holds and which columns each
row has, so a column of figures belongs to the first block, in the page's order, that has that column, has not
had it yet and has as many rows as the column has figures. When every column finds its block the lines become
the blocks' rows again (tab-separated, blanks where a block lacks a column); else they stay as they are.
pdfminer writes a block's headers together and then their figures (本年制发件数 / 本年废止件数 / 现行有效件 / six
figures): in rows or in columns the text does not say, so such a group is read only for a block of one row or
figures all alike; a block the tool wrote in rows later on is left to the usual reading.
pdfminer on a ruled table writes text boxes in its own order: `rows_from_block_runs` (table 2) and
`apply_rows_from_boxes` (table 3) read them by what stays together whatever the order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..template import ACTIVE, ACTIVE_COLUMNS, APPLY, APPLY_COLUMNS, LABELS, SIGN, Label, match_label, template_of_text
from ..textnorm import match_form, simplified

_ARTICLE = re.compile(r"^第\s*二\s*十\s*条\s*(?:第\s*)?[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*项$")
_FIGURE = re.compile(rf"^(?:{SIGN}?\d[\d,.]*(?:万元|元)?|—|-|/|无)$")
_MAX_HEADER_LINES = 3


def rows_from_columns(lines: list[str]) -> list[str]:
    """`lines` with each table 2 written column by column put back in rows (tab-separated)."""
    template = None
    i = 0
    out: list[str] = []
    while i < len(lines):
        if not _ARTICLE.match(lines[i].strip()):
            out.append(lines[i])
            i += 1
            continue
        if template is None:
            template = template_of_text("\n".join(lines)) or ""
        found = _column_dump(lines, i, template)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        rows, i = found
        out += rows
    return out


def _column_dump(lines: list[str], start: int, template: str) -> tuple[list[str], int] | None:
    """(rows, end) of a table 2 dumped column by column from `start`, or None."""
    if template not in ACTIVE_COLUMNS:
        return None
    blocks: list[tuple[str, list[tuple[str, str]]]] = []  # (article line, [(row label, row key)])
    i = start
    while i < len(lines):
        text = lines[i].strip()
        if not text:
            i += 1
            continue
        if _ARTICLE.match(text):
            blocks.append((text, []))
        elif text != "信息内容":
            lab = match_label(text, ("row",), (ACTIVE,))
            if lab is None or not blocks or lab.key not in ACTIVE_COLUMNS[template]:
                break
            blocks[-1][1].append((text, lab.key))
        i += 1
    empty = [article for article, rows in blocks if not rows]  # a block the tool wrote in rows later on
    blocks = [(article, rows) for article, rows in blocks if rows]
    if len(blocks) < 2:
        return None
    filled: list[dict[str, list[str]]] = [{} for _ in blocks]
    heads: dict[str, str] = {}
    chunks = 0
    while i < len(lines):
        j, header = _skip_blank(lines, i), []
        while (k := _skip_blank(lines, j)) < len(lines) and len(header) < 3 * _MAX_HEADER_LINES \
                and not _FIGURE.match(lines[k].strip()):
            header.append(lines[k].strip())
            j = k + 1
        figures = []
        while (k := _skip_blank(lines, j)) < len(lines) and _FIGURE.match(lines[k].strip()):
            figures.append(lines[k].strip())
            j = k + 1
        labels = _column_labels(header) if figures else None
        if not labels:
            break
        width = len(labels)
        keys = [lab.key for _, lab in labels]
        target = next((b for b, (_, rows) in enumerate(blocks) if not set(keys) & set(filled[b])
                       and len(rows) * width == len(figures)
                       and all(key in ACTIVE_COLUMNS[template][row] for key in keys for _, row in rows)), None)
        if target is None or len(set(keys)) < width:
            return None
        if width > 1 and len(blocks[target][1]) > 1 and len(set(figures)) > 1:
            return None  # several columns' headers, then their figures: in rows or in columns, the text does not say
        for c, (text, lab) in enumerate(labels):
            filled[target][lab.key] = figures[c::width]
            heads[lab.key] = text
        chunks += 1
        i = j
    if chunks < 2 or not all(filled):
        return None
    rows: list[str] = []
    for (article, labelled), got in zip(blocks, filled):
        keys = [k for k in ACTIVE_COLUMNS[template][labelled[0][1]] if k in got]
        rows += [article, "\t".join(["信息内容"] + [heads[k] for k in keys])]
        rows += ["\t".join([label] + [got[k][n] for k in keys]) for n, (label, _) in enumerate(labelled)]
    return rows + [""] + empty, i


def _column_labels(header: list[str]) -> list[tuple[str, Label]] | None:
    """The column labels a run of header lines spells, in order (本年新 / 制作数量: one label over two lines;
    本年制发件数 / 本年废止件数 / 现行有效件: three), or None when a piece is left over."""
    labels, piece = [], ""
    for line in (part for text in header for part in text.split()):  # 本年增/减 处理决定数量: two on one line
        piece += line
        lab = match_label(piece, ("col",), (ACTIVE,))
        if lab is not None:
            labels.append((piece, lab))
            piece = ""
    return labels if labels and not piece else None


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


_TABLE2_START = re.compile(r"^[二2][、.．]\s*主动公开政府信息情况$")
_LABEL_AND_FIGURE = re.compile(rf"^(\S+)\s+({SIGN}?\d[\d,.]*(?:万元|元)?)$")  # 行政规范性文件 18
_NEXT_SECTION = re.compile(r"^[三3][、.．]")
_BLOCKS = {
    "2021": (("一", ("rules", "normative"), ("issued", "repealed", "in_force")), ("五", ("licensing",), ("decisions",)),
             ("六", ("penalty", "coercion"), ("decisions",)), ("八", ("fees",), ("amount_wan",))),
    "2019": (("一", ("rules", "normative"), ("made", "published", "total_published")),
             ("五", ("licensing", "other_services"), ("prev_items", "change", "decisions")),
             ("六", ("penalty", "coercion"), ("prev_items", "change", "decisions")), ("八", ("fees",), ("prev_items", "change")),
             ("九", ("procurement",), ("items", "amount_yuan"))),
}
_ROW_NAMES = {"2021": {"rules": "规章", "normative": "行政规范性文件", "licensing": "行政许可", "penalty": "行政处罚",
                       "coercion": "行政强制", "fees": "行政事业性收费"},
              "2019": {"rules": "规章", "normative": "规范性文件", "licensing": "行政许可", "other_services": "其他对外管理服务事项",
                       "penalty": "行政处罚", "coercion": "行政强制", "fees": "行政事业性收费", "procurement": "政府集中采购"}}
_COLUMN_NAMES = {"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
                 "decisions": "本年处理决定数量", "amount_wan": "本年收费金额（单位：万元）", "made": "本年新制作数量",
                 "published": "本年新公开数量", "total_published": "对外公开总数量", "prev_items": "上一年项目数量",
                 "change": "本年增/减", "items": "采购项目数量", "amount_yuan": "采购总金额"}


def rows_from_block_runs(lines: list[str]) -> list[str]:
    """`lines` with a table 2 whose labels, headers and figures a PDF-to-text tool wrote on lines of their own, in an
    order of its text boxes (pdfminer: the labels' column, then each article's header and figures, or each article's
    labels, header and figures in turn), put back in rows.

    Whatever the order of the labels and headers, each article's figures stay together and the articles keep
    theirs, a block's figures in one run or in several one after another (pdfminer may put 行政强制 between
    行政处罚's figure and its own). On the 2021 template runs of 6, 1, 2 and 1 figures are 规章 and 行政规范性文件
    (three columns each), 行政许可, 行政处罚 over 行政强制, and 行政事业性收费; on the 2019 one 6, 6, 6, 2 and 2
    (two rows of three columns for (一), (五) and (六), one row of two for (八) and (九)). A block of several rows
    and several columns is read only when its figures are all alike (in rows or in columns, the text does not
    say); when such unlike figures came in several runs (rows written as rows?) the lines are left as they are. Any
    other line in the table (prose, a label with its figure) or any other run leaves the lines as they are, and so
    does a label's own figure (行政事业性收费 0.092) that the runs in order would put in another article's block.

    A table printed without its first article's line (信息内容 / 规章 first, under a sentence of the section) counts
    that article; 第二十条(五)项 without its second 第 is an article's line; two header words broken at once (本年新 /
    本年新 / 制作数量 / 公开数量) are joined piece by piece. A page's opening cut inside its last article, the text
    ending on that article's words (or on the start of one, 信 of 信息内容) with none of its figures, holds the blocks
    of the articles before it.
    """
    span = _table2_span(lines)
    if span is None:
        return lines
    start, first, end = span
    boxes = _box_runs(lines[first:end])
    if boxes is None:
        return lines
    last_line = next((t for t in (line.strip() for line in reversed(lines[first:end])) if t), "")
    cut = end == len(lines) and bool(boxes.runs) and not _FIGURE.match(last_line)
    # the text ends inside the table, on words: a page's opening cut inside an article's header or labels
    pieces = boxes.pieces
    if pieces and not (cut and len(pieces) == 1 and _begins_table2_word(pieces[0]) and last_line == pieces[0]):
        return lines
    template = template_of_text("\n".join(lines[start:end]))
    if template not in _BLOCKS:
        return lines
    articles, after = boxes.articles, boxes.after
    if articles and "一" not in boxes.numbers and not _ARTICLE.match(lines[first].strip()):
        articles += 1  # the table printed its first article without that article's line (信息内容 / 规章 / …)
        after = [n + 1 for n in after]
    sizes = [len(rows) * len(cols) for _, rows, cols in _BLOCKS[template]]
    sizes = sizes[:articles] if 0 < articles < len(sizes) else sizes  # a table cut after its first articles (the
    # page's opening ends there) holds their blocks alone
    blocks = _runs_into_blocks(boxes.runs, sizes, after)
    if blocks is None and cut and 1 < articles <= len(sizes):
        sizes = sizes[:articles - 1]  # cut inside its last article's header, before any of that article's figures
        blocks = _runs_into_blocks(boxes.runs, sizes, after)
    rows_of = [rows for _, rows, _ in _BLOCKS[template]]
    if blocks is None or not _owned_runs_in_their_blocks(boxes.runs, boxes.owners, rows_of, sizes):
        return lines
    rows = _rows_of_blocks(template, blocks, boxes.own)
    if rows is None:
        return lines
    return lines[:first] + rows + [""] + pieces + lines[end:]


def _table2_span(lines: list[str]) -> tuple[int, int, int] | None:
    """Where table 2 is: its section heading, its first line, the next section (or the end); None without a heading.

    Prose between the heading and the table's first line (a sentence that states the figures) stays as it is: the
    table starts at its first article, or at a line only a table prints when one comes before (its header's boxes,
    or 信息内容 / 规章 of a table printed without its first article's line)."""
    start = next((i for i, line in enumerate(lines) if _TABLE2_START.match(line.strip())), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _NEXT_SECTION.match(lines[i].strip())), len(lines))
    first = next((i for i in range(start + 1, end) if _ARTICLE.match(lines[i].strip())), end)
    first = next((i for i in range(start + 1, first) if _FIGURE.match(lines[i].strip()) or _table2_word(lines[i].strip())),
                 first)
    return start, first, end


@dataclass
class _BoxRuns:
    """A table 2's text boxes read in the tool's order: its figure runs and what stood between them."""

    runs: list[list[str]] = field(default_factory=list)
    after: list[int] = field(default_factory=list)  # for each run, how many article lines (第二十条第（N）项) came before it
    articles: int = 0
    numbers: set[str] = field(default_factory=set)  # the articles whose lines the table prints
    own: dict[str, str] = field(default_factory=dict)  # a row label that kept its first figure on its line
    # (行政规范性文件 18): that figure
    owners: dict[int, str] = field(default_factory=dict)  # the run that is such a figure: its row
    pieces: list[str] = field(default_factory=list)  # header words the tool broke over two lines: 本年新 / 制作数量,
    # or two at once (本年新 / 本年新 / 制作数量 / 公开数量), left open at the end


def _box_runs(lines: list[str]) -> _BoxRuns | None:
    """The figure runs of a table 2's lines, each with the article lines before it and the figures row labels kept on
    their lines; None when a line is no table's (prose, a figure inside a broken header word, a third broken word)."""
    boxes = _BoxRuns()
    previous_figure = False
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if _FIGURE.match(text) and not boxes.pieces:
            if not previous_figure:
                boxes.runs.append([])
                boxes.after.append(boxes.articles)
            boxes.runs[-1].append(text)
            previous_figure = True
            continue
        previous_figure = False
        if article := _ARTICLE.match(text):
            boxes.articles += 1
            boxes.numbers.add(article.group(1))
        labelled = _LABEL_AND_FIGURE.match(text) if not boxes.pieces else None
        row = match_label(labelled.group(1), ("row",), (ACTIVE,)) if labelled else None
        if row is not None and row.key not in boxes.own:
            boxes.own[row.key] = labelled.group(2)
            boxes.runs.append([labelled.group(2)])  # a run of its own: the box of the row's first cell
            boxes.after.append(boxes.articles)
            boxes.owners[len(boxes.runs) - 1] = row.key
            continue
        joined = next((k for k, piece in enumerate(boxes.pieces) if _table2_word(piece + text)), None)
        if joined is not None:
            del boxes.pieces[joined]
        elif not boxes.pieces and _table2_word(text):
            pass
        elif _FIGURE.match(text) or len(boxes.pieces) == _PIECES:
            return None
        else:
            boxes.pieces.append(text)
    return boxes


def _rows_of_blocks(template: str, blocks: list[tuple[list[str], bool, int]], own: dict[str, str]) -> list[str] | None:
    """Each article's block written back as its article line, its header and its rows; None when a block of several
    rows and columns holds unlike figures that came in several runs (rows written as rows?)."""
    out: list[str] = []
    for b, ((article, rows, cols), (figures, several, last)) in enumerate(zip(_BLOCKS[template], blocks)):
        if len(rows) > 1 and len(cols) > 1 and len(set(figures)) > 1:
            if several and not (any(r in own for r in rows) and last > b + 1):
                return None  # runs of unlike figures that may be its rows written as rows: the usual reading's
                # (unless a row kept its first figure on its label's line and the block's other figures came after the
                # next article's line: boxes in the tool's order, not rows)
            # in rows or in columns, the text does not say; a label's own figure is its row's first cell
            figures = [own.get(r, "") if c == 0 else "" for r in rows for c in range(len(cols))]
        out += [f"第二十条第（{article}）项", "\t".join(["信息内容"] + [_COLUMN_NAMES[c] for c in cols])]
        out += ["\t".join([_ROW_NAMES[template][r]] + figures[n * len(cols):(n + 1) * len(cols)]) for n, r in enumerate(rows)]
    return out


_PIECES = 2


def _begins_table2_word(text: str) -> bool:
    """Whether `text` is the start of a word only a table 2 prints (信 of 信息内容, 上一年 of 上一年项目数量)."""
    words = ["信息内容", "第二十条", *_COLUMN_NAMES.values(), *(n for names in _ROW_NAMES.values() for n in names.values())]
    return any(word.startswith(text) and word != text for word in words)


def _runs_into_blocks(runs: list[list[str]], sizes: list[int], after: list[int]) -> list[tuple[list[str], bool, int]] | None:
    """The figure runs, in order, as the articles' blocks of `sizes` figures, each with whether it came in several
    runs: a block's figures may come in runs one after another (pdfminer puts 行政强制 between 行政处罚's 0 and its
    own; a block written row by row, 行政许可 0 0 0 / 其他对外管理服务事项 0 0 0); one run fills two blocks only when
    its figures are all alike (pdfminer ran a block's last zeros and the next block's first together: which of them
    is whose cannot then matter). With each block, how many article lines came before its last run (`after`, one
    count per run)."""
    blocks: list[tuple[list[str], bool, int]] = []
    current: list[str] = []
    pieces = 0
    for run, seen in zip(runs, after):
        if len(blocks) == len(sizes):
            return None
        current += run
        pieces += 1
        while len(blocks) < len(sizes) and len(current) > sizes[len(blocks)] and len(set(run)) == 1:
            size = sizes[len(blocks)]
            blocks.append((current[:size], True, seen))
            current, pieces = current[size:], 1
        if len(blocks) == len(sizes) or len(current) > sizes[len(blocks)]:
            return None
        if len(current) == sizes[len(blocks)]:
            blocks.append((current, pieces > 1, seen))
            current, pieces = [], 0
    return blocks if len(blocks) == len(sizes) and not current else None


def _owned_runs_in_their_blocks(runs: list[list[str]], owners: dict[int, str], rows: list[tuple[str, ...]],
                                sizes: list[int]) -> bool:
    """Whether each figure a row label kept on its line (行政事业性收费 0.092) falls, with the runs taken in order into
    blocks of `sizes` figures, in the block of the article that row belongs to. A label's own figure is the one the
    text ties to a row: runs that put it in another article's block are not in the table's order (pdfminer wrote the
    boxes of 规章, 行政强制 and 行政事业性收费 among other articles' headers), so the blocks they make are not the table's."""
    offset = 0
    for n, run in enumerate(runs):
        block = next((b for b in range(len(sizes)) if sum(sizes[:b + 1]) > offset), None)
        if block is None or n in owners and owners[n] not in rows[block]:
            return False
        offset += len(run)
    return True


def _table2_word(text: str) -> bool:
    """A line a table 2 alone prints: an article, 信息内容, a row label, or column headers (several on one line)."""
    if _ARTICLE.match(text) or text == "信息内容" or match_label(text, ("row",), (ACTIVE,)) is not None:
        return True
    return all(match_label(part, ("col",), (ACTIVE,)) is not None for part in text.split())


_TABLE3_START = re.compile(r"^[三3][、.．]\s*收到和处理政府信息公开申请情况$")
_SECTION = re.compile(r"^[四五六4-6][、.．]")
_APPLY_WORDS = {"自然人": "natural", "商业企业": "commercial", "科研机构": "research", "社会公益组织": "nonprofit",
                "公益组织": "nonprofit", "法律服务机构": "legal_services", "其他": "other", "总计": "total"}
_SET_ASIDE = ("申请人情况", "法人或其他组织", "本年度办理结果", "不予公开", "无法提供", "不予处理", "本列数据的勾稽关系为",
              "第一项加第二项之和", "等于第三项加第四项之和")
_LATER_ROWS = ("其他处理", "逾期不补正", "缴纳费用", "结转下年度继续办理")  # rows whose labels clash with 其他 / 总计
_LEFTOVER = re.compile(r"[一二三四五六七八九十\d、.．()（）“”\"'‘’，,：:]*")


_COLUMN_HEADS = {"natural": "自然人", "commercial": "商业企业", "research": "科研机构", "nonprofit": "社会公益组织",
                 "legal_services": "法律服务机构", "other": "其他", "total": "总计"}


def _row_text(key: str) -> str:
    return next(lab.alts[0] for lab in LABELS if lab.kind == APPLY and lab.role == "row" and lab.key == key)


def _apply_row_words() -> list[tuple[str, str]]:
    """(printed words, row key) of table 3's rows before （六）其他处理, longest words first."""
    words = [(alt, lab.key) for lab in LABELS if lab.kind == APPLY and lab.role == "row" and not lab.key.startswith("other.")
             and lab.key not in ("total", "carried_forward") for alt in lab.alts]
    return sorted(words, key=lambda w: -len(w[0]))


def _words_of(text: str) -> tuple[list[str], list[str]] | None:
    """(row keys, column keys) a run of label and header lines names, in the order printed; None for other text."""
    t = re.sub(r"\s+", "", simplified(match_form(text))).replace("内容事务", "内部事务")
    t = re.sub(r"[“”\"‘’，,：:]", "", t)
    t = re.sub(r"区分处理的只计这一情[形况]不计其他情[形况]", "#", t)  # （二）部分公开's remark, whose 其他 is no column
    found: list[tuple[int, str, str]] = []
    for words, key in _apply_row_words():
        for m in re.finditer(re.escape(words), t):
            found.append((m.start(), "row", key))
            t = t[:m.start()] + "#" * len(words) + t[m.end():]
    for words in _SET_ASIDE:
        t = t.replace(words, "#" * len(words))
    for words, key in sorted(_APPLY_WORDS.items(), key=lambda w: -len(w[0])):
        for m in re.finditer(re.escape(words), t):
            found.append((m.start(), "col", key))
            t = t[:m.start()] + "#" * len(words) + t[m.end():]
    if _LEFTOVER.fullmatch(t.replace("#", "")) is None:
        return None
    found.sort()
    return [k for _, r, k in found if r == "row"], [k for _, r, k in found if r == "col"]


def apply_rows_from_boxes(lines: list[str]) -> list[str]:
    """`lines` with a table 3 whose labels, headers and figures a PDF-to-text tool wrote on lines of their own in the
    order of its text boxes (pdfminer: the rows' labels, then each column's header and its figures top to bottom,
    or several headers and then all their figures) put back in rows.

    A run of row labels opens a group of k rows; each run of figures after it belongs to the headers printed just
    before it (or, with none, to the group's columns still empty) and holds k figures a column. One column's
    figures are its rows' from the top, one row's its columns' from the left; several columns' figures over
    several rows are read only when all alike (in rows or in columns, the text does not say). Text with no group
    of several rows is written row by row and left to the usual reading. A blank cell, a run of another length, or any line that is no table-3 word
    leaves the lines as they are; rows from （六）其他处理 on (their labels 其他 and 总计 are also column names) end the
    part read, and are left to the usual reading.
    """
    start = next((i for i, line in enumerate(lines) if _TABLE3_START.match(line.strip())), None)
    if start is None:
        return lines
    end = next((i for i in range(start + 1, len(lines)) if _SECTION.match(lines[i].strip())), len(lines))
    runs: list[tuple[bool, list[str], int]] = []  # (figures?, lines, index after the run)
    for i in range(start + 1, end):
        raw = lines[i].replace("\f", "")  # a page break
        if raw and not raw.strip():
            return lines  # a blank cell: where the figures around it sit cannot be told
        text = raw.strip()
        if not text:
            continue
        figure = bool(_FIGURE.match(text))
        if not figure and re.search(r"\d\s*$", text):
            return lines  # a label with its figures on one line: the table is written in rows
        if runs and runs[-1][0] == figure:
            runs[-1][1].append(text)
            runs[-1] = (figure, runs[-1][1], i + 1)
        else:
            runs.append((figure, [text], i + 1))
    groups: list[tuple[list[str], dict[str, list[str]]]] = []
    pending: list[str] = []
    stop = end
    for figure, texts, after in runs:
        if not figure:
            if any(w in re.sub(r"\s+", "", "".join(texts)) for w in _LATER_ROWS):
                stop = after - len(texts)
                break
            words = _words_of("".join(texts))
            if words is None:
                return lines
            rows, columns = words
            if rows:
                groups.append((rows, {}))
                pending = []
            pending += columns
            continue
        if not groups:
            return lines
        rows, filled = groups[-1]
        k = len(rows)
        targets = pending or [c for c in APPLY_COLUMNS if c not in filled]
        if len(texts) != k * len(targets) or any(c in filled for c in targets) or len(set(targets)) < len(targets):
            return lines
        for n, column in enumerate(targets):
            if len(targets) == 1 or k == 1:  # one column top to bottom, or one row left to right
                filled[column] = texts[n * k:(n + 1) * k]
            else:
                filled[column] = [texts[0]] * k if len(set(texts)) == 1 else [""] * k
        pending = []
    if all(len(rows) == 1 for rows, _ in groups) or not any(filled for _, filled in groups):
        return lines  # no group of several rows: the table is written row by row, which the usual reading reads
    out = [lines[start], "\t".join(["申请人情况"] + [_COLUMN_HEADS[c] for c in APPLY_COLUMNS])]
    for rows, filled in groups:
        for n, key in enumerate(rows):
            out.append("\t".join([_row_text(key)] + [filled[c][n] if c in filled else "" for c in APPLY_COLUMNS]))
    return lines[:start] + out + [""] + lines[stop:]
