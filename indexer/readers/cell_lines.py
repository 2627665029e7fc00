"""Tables written a cell a line without markers (PDF-to-text without layout, a saved page's cells as paragraphs), in rows.

Such text keeps a table's cells in reading order but not its rows: a row label on its own line(s), its figures
on the next lines, column labels one a line. Figures on consecutive lines become one line; a row label and the
figures after it become one row when the label is a template row that takes that many figures; three or more
column labels in a row become a header row. Table 3 whose labels stand away from their figures is rebuilt by
`table3_rows`.
"""

from __future__ import annotations

import re

from ..template import ACTIVE, APPLY, label_core, match_label, parse_number
from ..textnorm import simplified, without_glosses
from .table3_rows import doubted_orders_unplaced, rows_in_template_order
from .template_rows import FIGURE_TOKEN, FIGURES_LINE, row_fits, starts_columns, whole_row_label

def labels_onto_figures(lines: list[str]) -> list[str]:
    """A table written one cell per line without markers (PDF-to-text without layout), put back in rows.

    A row label on its own line(s) and the row's figures on the next line become one line, label then
    figures (``（二）部分公开（区分处理的，只计这一情形，`` / ``不计其他情形）`` / ``1 0 0 0 0 0 1``), when
    the label is one of the national templates' and the number of figures fits its table; three or more
    lines that are each a column label of the templates (信息内容 / 本年制发件数 / …) become one header row.
    """
    out: list[str] = []
    lines = characters_joined(lines)
    runs = figures_before_labels(_figure_runs(appeals_zeros_gathered(header_words_out_of_rows(lines))))
    runs = table3_figures_before_labels(table3_split_figures_first(runs))
    skip: set[int] = set()
    for i, line in enumerate(runs):
        if i in skip:
            continue
        tokens = line.split()
        if _is_figures_line(line) and not _column_run(runs, i) and _label_above(out, tokens):
            continue
        below = _label_below(out, runs, i) if _is_figures_line(line) else None
        if below is not None:
            out.append(runs[below].strip() + " " + " ".join(tokens))
            skip.add(below)
            continue
        if (wrapped := _wrapped_label(out, line, runs[i + 1:i + 1 + _WRAP_LINES])) is not None:
            joined, above, below = wrapped  # 2.其他法律行政 / 法规禁止公开 0 0 0 0 0 0 0
            del out[len(out) - above:]
            out.append(joined)
            skip.update(range(i + 1, i + 1 + below))
            continue
        out.append(line)
    out = doubted_orders_unplaced(rows_in_template_order(active_labels_before_header(out)))
    return _header_runs(out)


def active_labels_before_header(lines: list[str]) -> list[str]:
    """Table-2 row labels PDF-to-text without layout wrote before their block's column header, and the rows' figures
    after it on one line (行政处罚 / 行政强制 / 上一年项目数量 本年增/减 处理决定数量 / 0 0 0 0 0 0): the header, then each
    label with its share of the figures, when the figures are exactly the labels' count times the header's columns
    and every figure is the same (which row a figure belongs to cannot then matter). Figures that differ, a count that
    does not fit, or any other line between (a block's heading, a row of its own) leave the lines as they are."""
    out = list(lines)
    i = 0
    while i < len(out):
        labels: list[str] = []
        j = i
        while j < len(out) and (got := _active_label(out[j])) is not None and not got[1]:
            labels.append(got[0])
            j += 1
        header: list[str] = []
        while labels and j < len(out) and (not out[j].strip() or _column_labels(out[j])):
            if out[j].strip():
                header.append(out[j].strip())
            j += 1
        columns = sum(_column_labels(h) for h in header)
        figures = out[j].split() if labels and header and j < len(out) and _is_figures_line(out[j]) else []
        if figures and 2 <= columns <= 4 and len(figures) == columns * len(labels) and len(set(figures)) == 1 \
                and all(row_fits(label, columns) for label in labels):
            rows = [f"{label} {' '.join(figures[:columns])}" for label in labels]
            out[i:j + 1] = header + rows
            i += len(header) + len(rows)
            continue
        i += 1
    return out


def _column_labels(line: str) -> int:
    """How many table-2 column labels a header line names, every word of it one (上一年项目数量 本年增/减 处理决定数量), else 0."""
    words = line.split()
    labs = [match_label(w, ("col",), kinds=(ACTIVE,)) for w in words]
    return len(words) if words and all(lab is not None for lab in labs) else 0


_ITEM_NUMBER = re.compile(r"^\d{1,2}[.、．]$")  # 3. of 3.危及“三安全一稳定” on a line of its own


def _one_character(line: str) -> bool:
    """A line of one character of a label (危, “), or its item number (3.): no figure."""
    s = line.strip()
    return bool(s) and (len(s) == 1 and not s.isdigit() or bool(_ITEM_NUMBER.match(s)))


def characters_joined(lines: list[str]) -> list[str]:
    """A row label printed a character a line (PDFium's text of a label cell on a page where its row was set a
    character a line: 3. / 危 / 及 / “ / 三 … / ” then the row's figures) as one line, when four or more such lines
    joined are a template row label printed whole; other runs of one-character lines (a header written down a narrow
    column, 三 / 本 / 年 / 度) stay as they are; so do the lines before such a label in its run (其 / 他 of a header)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _one_character(lines[j]):
            j += 1
        if j - i >= 4:  # the label ends the run (its figures follow); what stands before it (其 / 他 of a header) stays
            k = next((k for k in range(i, j - 3) if whole_row_label("".join(x.strip() for x in lines[k:j]))), j)
            out += lines[i:k]
            if k < j:
                out.append("".join(x.strip() for x in lines[k:j]))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


_ARTICLE_ITEM = re.compile(r"^\s*第二十[条條]\s*第")
_SECTION_HEAD = re.compile(r"^\s*[一二三四五六七][、.．]")


def figures_before_labels(lines: list[str]) -> list[str]:
    """Table-2 rows whose figures PDF-to-text without layout printed before their labels (a Chromium PDF: 0 / 行政许可 /
    第二十条第（六）项 / … / 1472 / 行政处罚 / 0 / 行政强制 / 第二十条第（八）项): each label followed by the figures above it.

    Only in a 第二十条 group whose first figures come before any label, figures lines and labels alternating from
    there to the group's end: read label first, those figures would have no label. A label whose line holds one
    figure too (其他对外管理服务事项 2, after +2 114; 行政规范性文件 5, after 1 25) touched its first cell: that figure
    is the first column and the figures above the others, in order (2 +2 114, 5 1 25; seen so in b16's and b18's
    Chromium PDFs), unless a signed figure would then stand outside 本年增/减 (the text is in another layout): then,
    and when the line holds several figures, the label takes them only when all are the same. A group whose labels
    cannot all be read whole has no order: its figures are left out unless all are the same."""
    out = list(lines)
    starts = [i for i, line in enumerate(out) if _ARTICLE_ITEM.match(line)]
    for n, start in enumerate(starts):
        end = next((j for j in range(start + 1, len(out))
                    if _ARTICLE_ITEM.match(out[j]) or _SECTION_HEAD.match(out[j])), len(out))
        if n + 1 < len(starts):
            end = min(end, starts[n + 1])
        items = [j for j in range(start + 1, end) if out[j].strip()]
        first = next((k for k, j in enumerate(items) if _is_figures_line(out[j])), None)
        if first is None or any(_active_label(out[j]) for j in items[:first]):
            continue
        body = items[first:]
        if len(body) < 2 or len(body) % 2 or not all(_is_figures_line(out[j]) for j in body[0::2]):
            continue
        labels = [_active_label(out[j]) for j in body[1::2]]
        if None in labels:
            unread = [out[j].strip() for j, lab in zip(body[1::2], labels) if lab is None]
            if all(_names_active_row(t) for t in unread) and len({t for f in body[0::2] for t in out[f].split()}) > 1:
                # a row label not printed whole: no order for the group, and read label first each row would take
                # the next row's figures; differing figures are left out (all the same, any order gives each row
                # the same)
                return figures_before_labels([line for i, line in enumerate(out) if i not in body[0::2]])
            continue
        fixed = {}
        for f, j, (label, own) in zip(body[0::2], body[1::2], labels):
            figures = own + out[f].split()
            if own and len(set(figures)) > 1 and (len(own) != 1 or not _signs_in_place(figures)):
                figures = []
            if figures and not row_fits(label, figures):
                break
            fixed[f], fixed[j] = None, (label + " " + " ".join(figures)).strip()
        else:
            out = [fixed.get(i, line) for i, line in enumerate(out)]
            out = [line for line in out if line is not None]
            return figures_before_labels(out)
    return out


def table3_figures_before_labels(lines: list[str]) -> list[str]:
    """Table-3 rows whose figures PDF-to-text without layout printed before their labels (a Chromium PDF of a table
    cut short: header pieces / 1 0 0 0 0 0 1 / 一、本年新收… / 0 0 0 0 0 0 0 / 二、上年结转…): each label with the
    figures above it.

    Only where the first line of figures follows the header (a line neither figures nor a row label) and the labels
    start at the table's first row (一、本年新收…), figures and whole table-3 row labels alternating, each label
    taking its figures (row_fits), and no figures after the last label: read label first, the first figures would
    have no label, the last label none and every other label the next row's figures. A row whose label was lost
    (the first label 二、…) or figures after the last label leave the lines as they are."""
    out: list[str | None] = list(lines)
    text = [i for i, line in enumerate(lines) if line.strip()]
    for n in range(1, len(text)):
        first, prev = lines[text[n]], lines[text[n - 1]]
        if not _is_figures_line(first) or _is_figures_line(prev) or _apply_row_label(prev) is not None:
            continue
        pairs, m = [], n
        while m + 1 < len(text) and _is_figures_line(lines[text[m]]):
            lab = _apply_row_label(lines[text[m + 1]])
            if lab is None or not row_fits(lines[text[m + 1]].strip(), lines[text[m]].split()):
                break
            pairs.append((text[m], text[m + 1], lab.key))
            m += 2
        if not pairs or pairs[0][2] != "new" or (m < len(text) and _is_figures_line(lines[text[m]])):
            continue
        for f, j, _ in pairs:
            out[j], out[f] = lines[j].strip() + " " + lines[f].strip(), None
        return [line for line in out if line is not None]
    return lines


_GROUP_PREFIX = re.compile(r"^三[、.．]\s*本年度办理(结果)?\s*")  # the outcome rows' group label before (一)
_AFTER_TABLE3 = re.compile(r"^\s*[四五六七4-7][、.．]")


def table3_split_figures_first(lines: list[str]) -> list[str]:
    """A table 3 that PDF-to-text without layout printed in two parts (a Chromium PDF of a table cut short): its left
    columns row by row with each row's figures above its label (header pieces / 0 0 0 0 / 一、本年新收… / 0 0 0 0 /
    二、上年结转… / 0 0 0 0 / （一）予以公开), then each remaining column as its header's pieces and one figure a row
    (法律服务 / 机构 / 0 0 0 / 其 / 他 / 0 0 0 / 总 / 计 / 0 0 0): each label with seven figures.

    Only when the first figures follow the header, the labels start at 一、本年新收 and alternate with figure lines
    of one length k under seven, exactly 7 - k figure lines follow the last label before the next section (四、…) or
    the end, each holding one figure for every row, with nothing between but header pieces and figureless label
    pieces (a group label, a row cut short), and every figure is the same: which column or row a figure is then
    cannot matter. Figures that differ, another count, or a figure in a text line leave the lines as they are."""
    text = [i for i, line in enumerate(lines) if line.strip()]
    for n in range(1, len(text)):
        split = _split_table3_at(lines, text, n)
        if split is not None:
            return _rows_of_one_value(lines, *split)
    return lines


def _split_table3_at(lines: list[str], text: list[int], n: int):
    """The split table 3 whose first figure line is ``lines[text[n]]``: (figure/label line pairs, the later columns'
    figure lines, the header pieces between them, the one figure every cell holds), else None."""
    first, prev = lines[text[n]], lines[text[n - 1]]
    if not _is_figures_line(first) or _is_figures_line(prev) or _apply_row_label(prev) is not None:
        return None
    width = len(first.split())
    pairs, m = [], n
    while m + 1 < len(text) and _is_figures_line(lines[text[m]]) and len(lines[text[m]].split()) == width:
        lab = _apply_row_label(_GROUP_PREFIX.sub("", simplified(lines[text[m + 1]].strip())))
        if lab is None:
            break
        pairs.append((text[m], text[m + 1], lab.key))
        m += 2
    if not pairs or pairs[0][2] != "new" or not 0 < width < 7:
        return None
    later = _later_columns(lines, text[m:])
    if later is None:
        return None
    blocks, pieces = later
    if len(blocks) != 7 - width or any(len(lines[b].split()) != len(pairs) for b in blocks):
        return None
    value = _one_value([tok for i in [f for f, _, _ in pairs] + blocks for tok in lines[i].split()])
    return (pairs, blocks, pieces, value) if value is not None else None


def _later_columns(lines: list[str], indices: list[int]) -> tuple[list[int], set[int]] | None:
    """After a split table 3's last row label, up to the next section (四、…): its remaining columns' figure lines and
    the header pieces between them; None when a text line holds a figure (it is not a column)."""
    blocks, pieces = [], set()
    for j in indices:
        t = lines[j].strip()
        if _AFTER_TABLE3.match(t):
            break
        if _is_figures_line(t):
            blocks.append(j)
        elif _header_piece(t):
            pieces.add(j)
        elif _has_figure(t):
            return None
    return blocks, pieces


def _one_value(tokens: list[str]) -> str | None:
    """The figure every token prints when they all print the same number, else None."""
    values = {number.value if (number := parse_number(tok)) is not None else None for tok in tokens}
    return tokens[0] if len(values) == 1 and None not in values else None


def _rows_of_one_value(lines: list[str], pairs, blocks: list[int], pieces: set[int], value: str) -> list[str]:
    """Each row label with all seven cells holding the one value; the figure lines and header pieces dropped."""
    out: list[str | None] = list(lines)
    for f, j, _ in pairs:
        out[j], out[f] = lines[j].strip() + " " + " ".join([value] * 7), None
    for j in [*blocks, *pieces]:
        out[j] = None
    return [line for line in out if line is not None]


def _apply_row_label(line: str):
    """The table-3 row a line names whole, alone on its line (no figure but its item number), else None."""
    text = line.strip()
    if not text or "\t" in text or "|" in text or _has_figure(text):
        return None
    lab = match_label(text, ("row",), (APPLY,))
    return lab if lab is not None and whole_row_label(text) else None


_SIGNED = re.compile(r"^[+\-−增减]")


def _signs_in_place(figures: list[str]) -> bool:
    """A signed figure (+2, -1, 增4) only where a row's 本年增/减 stands: the middle of a 2019 row's three figures."""
    return all(not _SIGNED.match(f) or (len(figures) == 3 and k == 1) for k, f in enumerate(figures))


def _active_label(line: str) -> tuple[str, list[str]] | None:
    """A table-2 row label alone on its line or with its figures (行政规范性文件 0): (label, figures), else None."""
    text = line.strip()
    if not text or "\t" in text or "|" in text:
        return None
    m = FIGURES_LINE.match(text)
    label, own = (m.group(1).strip(), m.group(2).split()) if m else (text, [])
    if any(ch.isdigit() for ch in label):
        return None
    lab = match_label(label, ("row",), group="other")
    return (label, own) if lab is not None and lab.kind == ACTIVE and whole_row_label(label) else None


def _names_active_row(text: str) -> bool:
    """A line naming a table-2 row though not whole (行政强制措施): no figure, a template row label matched in it."""
    if not text or len(text) > 20 or "\t" in text or "|" in text or _has_figure(text):
        return False
    lab = match_label(text, ("row",), group="other")
    return lab is not None and lab.kind == ACTIVE


def _column_run(runs: list[str], i: int) -> bool:
    """Line i is a column of table 3, not a row: pdfminer's text of a table read column by column (自然人's seven
    figures, then 商 / 业 / 企 / 业 and the next column's), seven figures whose six first do not add up to the last,
    with pieces of the applicant header right before or after them. Joined to the row label above, they would give
    that row a column's figures."""
    numbers = [parse_number(t) for t in runs[i].split()]
    if len(numbers) != 7 or None in numbers or sum(n.value for n in numbers[:6]) == numbers[6].value:
        return False
    near = [next((runs[k].strip() for k in ks if runs[k].strip()), "") for ks in (range(i - 1, -1, -1), range(i + 1, len(runs)))]
    return any(t and not _is_figures_line(t) and _header_piece(t) for t in near)


def _is_figures_line(line: str) -> bool:
    tokens = line.split()
    return bool(tokens) and "\t" not in line and all(FIGURE_TOKEN.match(t) for t in tokens)


def _label_piece(line: str) -> bool:
    """A short line of a wrapped label's piece: no figure, no tab or pipe of a laid-out table."""
    text = line.strip()
    return bool(text) and len(text) <= 16 and "\t" not in line and "|" not in line and not _has_figure(text)


def _has_figure(text: str) -> bool:
    """A digit other than the numbering a label starts with (2.其他法律行政)."""
    return any(ch.isdigit() for ch in re.sub(r"^\d+[.、．]", "", text))


def _whole_label(text: str):
    """The template row `text` names as printed whole (not a piece of a label, not a fuzzy match)."""
    lab = match_label(text, ("row",), group="other")
    return lab if lab is not None and label_core(text) in {label_core(a) for a in lab.alts} else None


_WRAP_LINES = 6  # a label wrapped in a narrow column: up to six lines above or below the line of its figures


def _wrapped_label(out: list[str], line: str, after: list[str]) -> tuple[str, int, int] | None:
    """A row label a narrow column wrapped over several lines, the row's figures on one of them, as one line (label
    then figures), with how many lines above and below it took: pypdfium2's 2.其他法律行政 / 法规禁止公开 0 0 0 0 0 0
    0, pdftotext -layout's 一、本年新收政府信 0 0 0 0 0 0 0 / 息公开申请数量 or 2.其 / 他法 / 律行 / 政法 0 0 0 0 0 0 0
    / 规禁 / 止公 / 开. Only when the pieces, the fewest that do, make a whole template row label whose table takes
    that many figures, and the piece on the figures' line is no row label by itself."""
    with_figures = FIGURES_LINE.match(line.strip()) if "\t" not in line and "|" not in line else None
    if with_figures is None or _has_figure(with_figures.group(1)):
        return None
    head, figures = with_figures.group(1).strip(), with_figures.group(2).split()
    if _whole_label(head) is not None:
        return None
    ups = 0
    while ups < min(_WRAP_LINES, len(out)) and _label_piece(out[-1 - ups]):
        ups += 1
    downs = 0
    while downs < len(after) and _label_piece(after[downs]):
        downs += 1
    for size in range(1, ups + downs + 1):
        for above in range(min(size, ups), -1, -1):
            below = size - above
            if below > downs:
                continue
            label = "".join(t.strip() for t in out[len(out) - above:]) + head + "".join(t.strip() for t in after[:below])
            if _whole_label(label) is not None and row_fits(label, figures):
                return f"{label} {' '.join(figures)}", above, below
    return None


def _label_below(out: list[str], runs: list[str], i: int) -> int | None:
    """The line of the row label printed after its figures, under a group cell that holds none (pdftotext without
    layout: 三、本年度办理结果 / 0 0 0 0 0 0 0 / （一）予以公开, the table going on or ending with no figure after it).

    Only when the line above the figures is a table-3 group label (it takes no figures, so they are some row's of
    its group), the next text line names a table-3 row that takes that many figures, and no figures follow that
    label (a label with figures of its own leaves the run unexplained: left as it is)."""
    above = out[-1].strip() if out else ""
    group = match_label(above, ("group",), (APPLY,)) if above and not _is_figures_line(above) else None
    if group is None or match_label(above, ("row",), (APPLY,)) is not None:
        return None
    k = next((k for k in range(i + 1, len(runs)) if runs[k].strip()), None)
    if k is None or _is_figures_line(runs[k]) or any(ch.isdigit() for ch in runs[k].split()[-1]):
        return None
    label = runs[k].strip()
    lab = match_label(label, ("row",), (APPLY,))
    if lab is None or not row_fits(label, runs[i].split()):
        return None
    after = next((j for j in range(k + 1, len(runs)) if runs[j].strip()), None)
    return None if after is not None and _is_figures_line(runs[after]) else k


_APPLICANT_HEAD_CHARS = set("自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构总计")


def header_words_out_of_rows(lines: list[str]) -> list[str]:
    """A table-3 row whose figures pdftotext without layout printed around pieces of the applicant header (一、本年新收…
    / 8 / 0 / 0 / 0 / 法律服 / 务机构 / 总 / 其 计 / 他 / 0 / 0 / 8): the pieces go above the row's label and the seven
    figures follow it a line each, in the order printed.

    Only seven figures, the first six adding up to the seventh (总计), with pieces made of the header's own characters
    between them: any other line, count or sum leaves the lines as they are."""
    out = list(lines)
    for i, line in enumerate(out):
        label = line.strip()
        if not label or any(ch.isdigit() for ch in label) or match_label(label, ("row",), (APPLY,)) is None:
            continue
        figures, pieces, j = [], [], i + 1
        while j < len(out):
            t = out[j].strip()
            if not t:
                j += 1
                continue
            if FIGURE_TOKEN.match(t) and parse_number(t) is not None:
                figures.append(t)
            elif figures and len(figures) < 7 and _header_piece(t):
                pieces.append(t)
            else:
                break
            if len(figures) == 7:
                j += 1
                break
            j += 1
        if len(figures) != 7 or not pieces or any(_header_piece(out[k].strip()) for k in range(j, min(j + 1, len(out)))):
            continue
        numbers = [parse_number(f).value for f in figures]
        if sum(numbers[:6]) != numbers[6]:
            continue
        return header_words_out_of_rows(out[:i] + pieces + [line, *figures] + out[j:])
    return out


def _header_piece(text: str) -> bool:
    core = simplified(text.replace(" ", ""))  # 商 / 業 / 企 / 業 of a traditional-script page too
    return bool(core) and len(core) <= 6 and set(core) <= _APPLICANT_HEAD_CHARS


_APPEALS_HEADING = re.compile(r"^\s*[四4][、.．].*行政复议.*行政诉讼")
_NEXT_HEADING = re.compile(r"^\s*[五六七5-7][、.．]")
_APPEALS_HEAD_WORD = re.compile(r"维持|纠正|审结|尚未|总\s*计|计$")


def appeals_zeros_gathered(lines: list[str]) -> list[str]:
    """Table 4 whose fifteen figures are all 0, printed among its header words (pdftotext without layout: 0 0 0 0 0 /
    复议后起诉 / 结果 结果 … / 0 0 0 0 0 0 0 / page footer / 0 0 0): the fifteen gathered under the header's last line.

    Which figure is which cell cannot be told from such text, so only a table whose figures are all 0 is gathered:
    any order gives the same cells. Any other figure in the section, or another count, leaves the lines as they are.
    """
    start = next((i for i, line in enumerate(lines) if _APPEALS_HEADING.match(line)), None)
    if start is None:
        return lines
    end = next((i for i in range(start + 1, len(lines)) if _NEXT_HEADING.match(lines[i])), len(lines))
    figures = [i for i in range(start + 1, end) if "\t" not in lines[i] and lines[i].split()
               and all(FIGURE_TOKEN.match(t) for t in lines[i].split())]
    tokens = [t for i in figures for t in lines[i].split()]
    heads = [i for i in range(start + 1, end) if i not in figures and _APPEALS_HEAD_WORD.search(lines[i].strip())]
    if len(tokens) != 15 or any(t != "0" for t in tokens) or not heads or any("\t" in lines[i] for i in range(start, end)):
        return lines
    taken = set(figures)
    section = [line for i, line in enumerate(lines[start:heads[-1] + 1], start) if i not in taken]
    rest = [line for i, line in enumerate(lines[heads[-1] + 1:end], heads[-1] + 1) if i not in taken]
    return lines[:start] + section + ["0"] * 15 + rest + lines[end:]


def _is_figure_cell(line: str, several: bool = False) -> bool:
    """A line of one figure; with `several`, also of a few of a row's figures that a PDF-to-text tool put on one
    line (``13612 252 0``)."""
    tokens = line.split()
    return bool(tokens) and "\t" not in line and len(tokens) <= (4 if several else 1) and \
        all(FIGURE_TOKEN.match(t) for t in tokens)


def _usual_gap(lines: list[str]) -> int:
    """How many blank lines usually stand between two lines of text (1 when every paragraph is followed by one)."""
    gaps: dict[int, int] = {}
    run = None
    for line in lines:
        if line.strip():
            if run is not None:
                gaps[run] = gaps.get(run, 0) + 1
            run = 0
        elif run is not None:
            run += 1
    return max(gaps, key=gaps.get) if gaps else 0


def _figure_runs(lines: list[str]) -> list[str]:
    """A table's figures written one cell to a line (a saved page's cells as paragraphs): one line of figures.

    Figures on consecutive lines, blank lines between them allowed, become one line right under the line
    before them (``行政许可`` / ``0`` / ``0`` / ``0`` → ``行政许可`` / ``0 0 0``). Where the text puts one blank line
    between any two paragraphs, each further blank line before or between the figures is an empty cell (—),
    kept when the row label above then takes exactly that many figures. Lines of a few figures each (a
    PDF-to-text tool's ``13612 252 0`` / ``45`` / ``128`` / ``32 14069``) join only into a table-3 row whose
    seven figures add up (its six columns to its 总计): such lines can as well hold several rows' figures.
    """
    usual = _usual_gap(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _is_figure_cell(lines[i], several=True):
            out.append(lines[i])
            i += 1
            continue
        lead = 0
        while out and not out[-1].strip():
            out.pop()
            lead += 1
        figures, with_empty, j, several = _figure_run(lines, i, usual, lead, True)
        if several and not _summed_row(out, figures):
            figures, with_empty, j, _ = _figure_run(lines, i, usual, lead, False)
            if not figures:  # a line of several figures on its own: left as it is
                out += [""] * lead + [lines[i]]
                i += 1
                continue
        if len(with_empty) > len(figures) and out and row_fits(out[-1].strip(), with_empty):
            figures = with_empty
        if _over_their_total(out, figures):  # columns run together under a row's label: which cell is whose is
            figures = ["—"] * len(figures)  # not known, so the row's cells stay absent
        if lead and not out:
            out += [""] * lead
        out.append(" ".join(figures))
        i = j
    return out


def _figure_run(lines: list[str], i: int, usual: int, lead: int, several: bool) -> tuple[list[str], list[str], int, bool]:
    """The figures on the lines from i on (blank lines between allowed), with blanks beyond the usual gap as empty
    cells; where the run ends; whether a line held several figures."""
    figures: list[str] = []
    with_empty = ["—"] * (lead - usual if usual and lead > usual else 0)
    j, multi = i, False
    while j < len(lines):
        k = j
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k >= len(lines) or not _is_figure_cell(lines[k], several):
            break
        if usual and k - j > usual and figures:
            with_empty += ["—"] * (k - j - usual)
        tokens = lines[k].split()
        multi = multi or len(tokens) > 1
        figures += tokens
        with_empty += tokens
        j = k + 1
    return figures, with_empty, j, multi


def _over_their_total(out: list[str], figures: list[str]) -> bool:
    """Seven figures under a table-3 row's label whose six applicant figures add up to more than the seventh, its
    总计: a PDF-to-text tool's columns put out one after another (自然人's last figures, then 总计's), not one row's
    cells in order."""
    numbers = [parse_number(f) for f in figures]
    if len(numbers) != 7 or any(n is None for n in numbers) or not out:
        return False
    lab = match_label(out[-1].strip(), ("row",), group="other")
    return lab is not None and lab.kind == APPLY and sum(n.value for n in numbers[:-1]) > numbers[-1].value


def _summed_row(out: list[str], figures: list[str]) -> bool:
    """Seven figures that add up (six columns to 总计), under a table-3 row's label or a label none matches (a
    label the tool broke: 度办理结 （二）部分公开（区分处理的，只计这一情); or table 4's fifteen under its header."""
    numbers = [parse_number(f) for f in figures]
    if any(n is None for n in numbers):
        return False
    if len(numbers) == 15 and out and re.search(r"[维纠审]|尚未|总计?$", out[-1]):
        # table 4's row under its header: each group's four results add up to its 总计
        return all(sum(n.value for n in numbers[g:g + 4]) == numbers[g + 4].value for g in (0, 5, 10))
    if len(numbers) != 7 or sum(n.value for n in numbers[:-1]) != numbers[-1].value:
        return False
    for take in (1, 2, 3):
        label = "".join(t.strip() for t in out[-take:])
        lab = match_label(label, ("row",), group="other") if len(out) >= take and len(label) <= 80 else None
        if lab is not None:
            return lab.kind == APPLY
    return True


def _label_above(out: list[str], figures: list[str]) -> bool:
    """Join `figures` to the row label on the last one to three lines of `out`, if they hold one (or to the row
    whose first figures are on its label's line: ``行政规范性文件 564`` / ``984`` / ``4185``)."""
    started = FIGURES_LINE.match(out[-1].strip()) if out and "\t" not in out[-1] and "|" not in out[-1] else None
    if started and row_fits(started.group(1), started.group(2).split() + figures):
        out[-1] = out[-1].rstrip() + " " + " ".join(figures)
        return True
    # a label wrapped round its row's first figure: 2.其他法律行政法规 / 0 / 禁止公开 / 0 0 0 0 0 0
    if len(out) >= 3 and all(t.strip() and "\t" not in t and "|" not in t for t in out[-3:]) \
            and FIGURE_TOKEN.match(out[-2].strip()) and not any(ch.isdigit() for ch in out[-1]) \
            and not FIGURE_TOKEN.match(out[-3].split()[-1]) and len(out[-1].strip()) <= 12:
        label = out[-3].strip() + out[-1].strip()
        if row_fits(label, [out[-2].strip()] + figures) and not row_fits(out[-1].strip(), figures):
            out[-3:] = [label + " " + out[-2].strip() + " " + " ".join(figures)]
            return True
    # the same when that first figure was taken by the label's first line, near enough to name the row alone:
    # 其他对外管理服 0 / 务事项 / 0 0 (the row's whole label is the two lines joined)
    first = FIGURES_LINE.match(out[-2].strip()) if len(out) >= 2 and "\t" not in out[-2] and "|" not in out[-2] else None
    if first and len(first.group(2).split()) == 1 and out[-1].strip() and "\t" not in out[-1] and "|" not in out[-1] \
            and not any(ch.isdigit() for ch in out[-1]) and len(out[-1].strip()) <= 12:
        label = first.group(1).strip() + out[-1].strip()
        lab = match_label(label, ("row",), group="other")
        if lab is not None and label_core(label) in {label_core(a) for a in lab.alts} \
                and label_core(first.group(1)) not in {label_core(a) for a in lab.alts} \
                and row_fits(label, [first.group(2).strip()] + figures) and not row_fits(out[-1].strip(), figures):
            out[-2:] = [label + " " + first.group(2).strip() + " " + " ".join(figures)]
            return True
    # the rest of a wrapped label between a row's first figure and the others: 规章（设区的市…相 / 0 / 关数据） / 0 0
    closing = [k for k in (1, 2) if len(out) > k and out[-1].strip().endswith(("）", ")"))
               and all(t.strip() and not any(ch.isdigit() for ch in t) for t in out[-k:])]
    for k in closing:
        head = out[-k - 1].strip()
        row = FIGURES_LINE.match(head) if "\t" not in head and "|" not in head else None
        if row and row.group(1).count("（") + row.group(1).count("(") > row.group(1).count("）") + row.group(1).count(")") \
                and row_fits(row.group(1), row.group(2).split() + figures):
            out[-k - 1] = head + " " + " ".join(figures)
            return True
    for take in (1, 2, 3, 4, 5):
        above = out[-take:]
        if len(out) < take or any(not t.strip() or "\t" in t or "|" in t or FIGURE_TOKEN.match(t.split()[-1])
                                  for t in above):
            return False
        label = "".join(t.strip() for t in above)
        if take > 3 and not (label.endswith(("）", ")")) and ("（" in above[0] or "(" in above[0])):
            continue  # four or five lines only for a label whose remark in brackets wrapped (规范性文件（行政机关…）)
        if len(label) <= (80 if take <= 3 else 160) and row_fits(label, figures):
            out[-take:] = [label + " " + " ".join(figures)]
            return True
        # the rest of a wrapped group cell printed after the row's label (三、本年度 （一）予以公开 / 办理结果)
        if take > 1 and all(len(t.strip()) <= 6 for t in above[1:]) and row_fits(above[0].strip(), figures):
            out[-take:] = [t.strip() for t in above[1:]] + [above[0].strip() + " " + " ".join(figures)]
            return True
    return False


def _whole_column(text: str) -> bool:
    lab = match_label(text, ("col", "head"))
    return lab is not None and label_core(text) in {label_core(a) for a in lab.alts}


def _rest(column: str, line: str) -> str:
    """A wrapped line without the gloss its first characters carry for the character the line before ends in."""
    return without_glosses(column[-1:] + line.strip())[len(column[-1:]):].strip()


def _wrapped_rest(column: str, line: str) -> bool:
    """`line`, right under a column label with no blank line between, is the rest of that label the PDF wrapped
    (本年新公开数 / 量, 对外公开总数 / (shù)量): a few characters, no figure, that make the label whole."""
    rest = _rest(column, line)
    return (0 < len(rest) <= 4 and not re.search(r"[\d\t|]", line) and not _whole_column(column)
            and _whole_column(column + rest))


def _header_runs(lines: list[str]) -> list[str]:
    """Three or more lines that are each a column label (信息内容 / 本年制发件数 / …): one tab-separated header row.

    A line that is the start of several columns of one table (本年新, its 制作数量 / 公开数量 lost) is a piece of such
    a run when two of its lines are whole labels; the table reader names what it cut short."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    place = {n: k for k, n in enumerate(filled)}

    def repeats(at: int) -> int:
        """How many times line `at` stands in a row (blank lines between)."""
        k = place[at]
        a = b = k
        while a > 0 and lines[filled[a - 1]].strip() == lines[at].strip():
            a -= 1
        while b + 1 < len(filled) and lines[filled[b + 1]].strip() == lines[at].strip():
            b += 1
        return b - a + 1

    def is_column(at: int) -> bool:
        line = lines[at]
        t = line.strip()
        if not (0 < len(t) <= 20) or re.search(r"[\t|]", line):
            return False
        if match_label(t, ("col", "head")) is not None:
            return True
        started = starts_columns(t)  # a piece, as many times as the columns it starts (本年新 | 本年新)
        return started >= 2 and repeats(at) == started

    out: list[str] = []
    i = 0
    while i < len(lines):
        j, columns = i, []
        while j < len(lines) and is_column(j):
            column = lines[j].strip()
            j += 1
            if j < len(lines) and _wrapped_rest(column, lines[j]):  # 本年新公开数 / 量: one cell the PDF wrapped
                column += _rest(column, lines[j])
                j += 1
            columns.append(column)
            k = j  # blank lines between column labels (a cell a paragraph)
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k > j and k < len(lines) and is_column(k):
                j = k
        if len(columns) >= 3 and sum(1 for c in columns if match_label(c, ("col", "head")) is not None) >= 2:
            out.append("\t".join(columns))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out
