"""Table 3 in text that lost its layout: rows rebuilt in the template's row order where the table's own sums prove it.

PDF-to-text without layout may write table 3's row labels apart from their figures, or read the figures under a
header printed a character a line out of order. The template fixes the row order and the sums (outcomes add up
to 总计; 一 + 二 = 总计 + 四) prove a reading; a row is rebuilt only when they do, else its figures stay unread or
absent. This stays a reader step (it decides which text is which row's cells, producing lines that become a grid)
rather than the mapper's: the mapper maps grids of every format and never sees lines.
"""

from __future__ import annotations

import re

from ..template import APPLY, APPLY_ROWS, LABELS, columns_hold, match_label, parse_number, template_of_text
from ..textnorm import has_han, match_form, simplified
from .grid import is_group_piece
from .paragraphs import NUMBERING, SITE_CHROME
from .runtogether import apply_cells
from .template_rows import FIGURE_TOKEN, template_row

_LIST_NUMBER = re.compile(r"\d+[.、．](?!\d)")  # 1.属于国家秘密: numbering, no figure
_CONTINUATION = 16  # characters: the rest of a wrapped label (这一情形，不计其他情形）, 禁止公开, 定”, 信息)


def rows_in_template_order(lines: list[str]) -> list[str]:
    """PDF-to-text without layout of table 3 whose row labels stand away from their figures (二、上年结转… / fourteen
    figures / （二）部分公开… / … / （一）予以公开 / 1.属于国家秘密 0; a row that seemed whole inside it counts as its
    label and figures, since the figures before it may be its own): the rows rebuilt in the template's fixed row order,
    seven figures each, when the labels name a run of consecutive template rows, the figures are exactly seven per
    row, and the order cannot matter or is proven: every figure the same (0 …), or each row adding up to its 总计
    and every column of the whole table balancing (the crawler-export reader's sums, `apply_cells`). Otherwise the
    lines stay as they are (their figures unread)."""
    out = list(lines)
    whole: dict = {}  # the text's template and its whole table-3 rows, found once when first needed
    i = 0
    while i < len(out):
        region = _label_region(out, i, whole)
        if region is None:
            i += 1
            continue
        end, rows, kept = region
        if rows is None:
            i = end
            continue
        out[i:end] = rows + kept  # the region's other text (group labels, the rest of wrapped labels) after its rows
        i += len(kept) + len(rows)
    return out


def _label_region(lines: list[str], start: int, whole: dict) -> tuple[int, list[str] | None, list[str]] | None:
    """The table-3 region of labels and figures from `start` (a row label without its figures): where it ends, its rows
    rebuilt (None when they cannot be) and the region's other text. `whole` caches what is read from all `lines`."""
    if len(lines[start]) > 80 or "。" in lines[start]:
        return None  # prose: no row label starts a region
    first = _region_line(lines[start])
    if first is None or first[0] is None or first[2]:
        return None
    keys: dict[str, str] = {}
    figures: list[str] = []
    kept: list[str] = []
    end = start
    while end < len(lines):
        if not lines[end].strip():
            end += 1
            continue
        got = _region_line(lines[end])
        if got is None:
            break
        key, text, tokens = got
        if key is not None and key not in keys:
            keys[key] = text
        elif text:
            kept.append(text)
        figures += tokens
        end += 1
    if "template" not in whole:
        whole["template"] = template_of_text("\n".join(lines)) or "2021"
    template = whole["template"]
    order = [k for k in APPLY_ROWS[template] if k in keys]
    at = [APPLY_ROWS[template].index(k) for k in order]
    n = len(order)
    if n == 1 and len(figures) == 7 and any(_header_piece(t) for t in kept):
        # one label, then the applicant header's pieces, then seven figures (the table cut after this row): the
        # columns' order is in doubt, so only what it cannot change is kept
        return end, [_applicants_unplaced(f"{_grouped(keys[order[0]], order[0])} {' '.join(figures)}")], kept
    if n < 2 or len(figures) != 7 * n or at[-1] - at[0] != n - 1:
        return end, None, kept
    runs = {k: " ".join(figures[7 * r:7 * r + 7]) for r, k in enumerate(order)}
    if len(set(figures)) > 1:
        if "rows" not in whole:
            whole["rows"] = {k: " ".join(map(str, f)) for line in lines if (got := _apply_row(line)) for k, f in [got]}
        others = whole["rows"]
        if not all(k in {**others, **runs} for k in APPLY_ROWS[template]):
            return end, None, kept  # the whole table's sums are needed to prove the order
        cells = apply_cells({**others, **runs}, template)
        if any(c is None for k in order for c in cells[k]):
            return end, None, kept
    return end, [f"{_grouped(keys[k], k)} {runs[k]}" for k in order], kept


def _grouped(label: str, key: str) -> str:
    """A row label that names its row only under its group (3.其他 under （六）其他处理) with the group before it."""
    group = next((lab.needs_group for lab in LABELS if lab.key == key and lab.needs_group), None)
    return f"（六）其他处理 {label}" if group == "other" and "其他处理" not in label else label


def _region_line(line: str) -> tuple[str | None, str, list[str]] | None:
    """A line of a table-3 region: (the row key its text names or None, its text, its figures), or None for a line
    that ends the region (prose, a footer, another table's row)."""
    if SITE_CHROME.search(line):
        return None, "", []  # the site's footer a page break printed inside the table: neither ends it nor counts
    tokens = line.split()
    n = len(tokens)
    while n and FIGURE_TOKEN.match(tokens[n - 1]):
        n -= 1
    text, figures = " ".join(tokens[:n]), tokens[n:]
    if "\t" in line or "|" in line or (text and any(ch.isdigit() for ch in _LIST_NUMBER.sub("", text))):
        return None
    if not text:
        return None, "", figures
    whole = match_label(text, ("row", "group"), group="other")
    if (whole is not None and whole.role == "group") or (whole is None and is_group_piece(text)):
        return None, text, figures  # （三）不予公开 is a group, never the row 予以公开
    lab = whole or template_row(text)
    if lab is not None:
        return (lab.key, text, figures) if lab.kind == APPLY and len(figures) <= 7 else None
    if _header_piece(text):
        return None, text, figures  # 商业 科研 社会公益 法律服务 其: the applicant header's words, several a line
    if figures or "。" in text or len(text) > _CONTINUATION or NUMBERING.match(text):
        return None  # prose, or a heading (四、…) after the table
    return None, text, []


_HEADER_WORDS = tuple({simplified(match_form(a)) for lab in LABELS if lab.kind == APPLY and lab.role in ("col", "head")
                        for a in lab.alts})


def _header_piece(text: str) -> bool:
    """`text` is words of table 3's applicant header only, each a piece of one (商业 科研 社会公益 法律服务 其, 企业 机构
    组织, 总): a line of the header that PDF-to-text without layout wrote between the row labels and their figures."""
    words = text.split()
    return bool(words) and all(any(simplified(match_form(w)) in h for h in _HEADER_WORDS) for w in words)


_SEVEN_FIGURES = re.compile(r"\S\s+(?:\S+\s+){6}\S+\s*$")  # a label and (at least) seven tokens after it


def _under_vertical_header(lines: list[str], at: int) -> bool:
    """The lines right above line `at` (back to the last line holding a figure) are a header printed a character a
    line (自 / 然 / 人 / 商 / 业 …). PDF-to-text without layout reads the figures of the row under such a header
    into the header's column flows, out of order (1 2 3 4 5 6 7 comes out 1 3 2 4 5 6 7)."""
    near: list[str] = []
    for line in reversed(lines[max(0, at - 40):at]):
        if any(ch.isdigit() for ch in line) or len(near) == 8:
            break
        if line.strip():
            near.append(line.strip())
    return sum(1 for t in near if len(t) == 1 and has_han(t)) >= 3


def _apply_row(line: str) -> tuple[str, list[int]] | None:
    """The table-3 row key and seven figures of a line `label f1 … f7`, or None."""
    tokens = line.split()
    if len(tokens) < 8 or "\t" in line or "|" in line:
        return None
    numbers = [parse_number(f) for f in tokens[-7:]]
    lab = template_row(" ".join(tokens[:-7]))
    if lab is None or lab.kind != APPLY or None in numbers:
        return None
    return lab.key, [n.value for n in numbers]


def _columns_balance(row: str, table: dict[str, list]) -> bool:
    """The figures of row 一 (or 二) as the text gives them agree, column by column, with the table's own balance
    一 + 二 = （七）总计 + 四、结转下年度继续办理, read from the table's other rows (`table`: key -> figures): the order
    is right after all."""
    found = _apply_row(row)
    if found is None or found[0] not in ("new", "carried_over"):
        return False
    rows = {key: tuple(map(str, figures)) for key, figures in table.items()}
    rows[found[0]] = tuple(map(str, found[1]))
    if not all(k in rows for k in ("new", "carried_over", "total", "carried_forward")):
        return False
    return columns_hold(rows, ())


def _applicants_unplaced(line: str) -> str:
    """A table-3 row whose figures' order cannot be trusted: its six applicant columns left absent (—) unless they
    are all the same figure, its 总计 kept when the six add up to it (then the last figure is 总计 whatever the
    order: the six and 总计 together sum to twice 总计); nothing kept when they do not."""
    tokens = line.split()
    label, figures = " ".join(tokens[:-7]), tokens[-7:]
    lab = template_row(label) if label else None
    numbers = [parse_number(f) for f in figures]
    if lab is None or lab.kind != APPLY or len(tokens) < 8 or None in numbers:
        return line
    parts = [n.value for n in numbers[:6]]
    if len(set(parts)) == 1 and sum(parts) == numbers[6].value:
        return line
    total = figures[6] if sum(parts) == numbers[6].value and all(p >= 0 for p in parts) else "—"
    return " ".join([label] + ["—"] * 6 + [total])


def doubted_orders_unplaced(lines: list[str]) -> list[str]:
    """Table-3 rows under a header printed a character a line, whose figures' order is in doubt
    (`_under_vertical_header`): their figures kept only when the table's balance proves the order, else their
    six applicant columns left absent (`_applicants_unplaced`)."""
    doubted = {line: unplaced for i, line in enumerate(lines) if _SEVEN_FIGURES.search(line) and _under_vertical_header(lines, i)
               and (unplaced := _applicants_unplaced(line)) != line}
    if not doubted:
        return lines
    rows = {key: figures for line in lines if (got := _apply_row(line)) for key, figures in [got]}
    return [doubted[line] if line in doubted and not _columns_balance(line, rows) else line for line in lines]
