"""Rows of every table grid of a report, read in order as one stream -> template and metrics.

Data rows are cut into ``labels… values…`` segments; a segment's values go to the layout's columns in order,
by header position, by their count after the label, or by the window that satisfies the table's sums; table
4's bare figures fill its fifteen slots; rows whose labels were lost take the template rows between their
labelled neighbours. The template is voted by the labels only one template prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..figure_splits import agreed, combine, placements, splits, unique_split
from ..record import Metric
from ..structure import TableRows
from ..template.cells import ABSENT, BLANK, TEXT, VALUE, Number, cell_kind, convert, parse_number
from ..template.labels import (ACTIVE, ACTIVE_ALLOWED, ACTIVE_COLUMNS, ACTIVE_ROWS, APPEAL_CELLS, APPEAL_GROUPS, APPEAL_LEAVES,
                               APPEALS, APPLY, APPLY_COLUMNS, APPLY_OUTCOMES_2019, APPLY_ROWS, OTHER_2019, OTHER_2021, OTHER_OTHER,
                               Label, label_core, label_parts, match_label, template_of_text)
from ..template.sums import columns_hold, outcome_rows, outcomes_within_total
from .layout import (MAX_HEADER_ROWS, UNIT_UNKNOWN, Column, Layout, Row, build_layout, captioned, default_layout,
                     header_matches, header_runs)

# ------------------------------------------------------------------ reading values

def _sequential(cells: list[str], kinds: list[str], start: int, stop: int) -> list[tuple[int, str]]:
    """Value and absent cells from the first one, blank cells inside kept (as absent), trailing blanks dropped."""
    out: list[tuple[int, str]] = []
    begun = False
    for i in range(start, stop):
        k = kinds[i]
        if k in (VALUE, ABSENT):
            begun = True
            out.append((i, cells[i]))
        elif k == BLANK and begun:
            out.append((i, ""))
    while out and not out[-1][1].strip():
        out.pop()
    return out


_LONE_SIGN = re.compile(r"^\s*(?:增加?|减少?|[+＋])\s*$")


def signs_joined(seq: list[tuple[int, str]], n: int) -> list[tuple[int, str]]:
    """A row's cells with a sign standing alone before a figure joined to it (92 | 增 | 98 | 0: a converter set 增98
    apart) when the row holds more cells than its `n` columns and joining makes exactly `n`; a sign alone where
    the row has just its columns' cells (0 | 增 | 25) is a change printed without its figure, left as it is."""
    if len(seq) <= n:
        return seq
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(seq):
        at, cell = seq[i]
        if _LONE_SIGN.match(cell) and i + 1 < len(seq) and parse_number(seq[i + 1][1]) is not None \
                and parse_number(cell.strip() + seq[i + 1][1].strip()) is not None:
            out.append((at, cell.strip() + seq[i + 1][1].strip()))
            i += 2
        else:
            out.append((at, cell))
            i += 1
    return out if len(out) == n else seq


def _positional(row: Row, layout: Layout, columns: list[Column]) -> list[tuple[int, str]] | None:
    """Values read at the header's positions, or None when the row does not line up with them."""
    if not layout.positional or any(c.start is None for c in columns):
        return None
    if row.grid != layout.grid and row.width != layout.width:
        return None
    first = min(c.start for c in columns)
    last = max(c.end for c in columns)
    inside = set()
    for c in columns:
        inside.update(range(c.start, c.end))
    for i, k in enumerate(row.kinds):
        if k == TEXT and i >= first:
            return None
        if k in (VALUE, ABSENT) and i not in inside and i < last:
            return None
    out = []
    for c in columns:
        cells = [row.cells[i] for i in range(c.start, min(c.end, len(row.cells))) if row.cells[i].strip()]
        if len(set(cells)) > 1:
            return None  # two different values under one header cell
        out.append((c.start, cells[0] if cells else ""))
    trailing = [i for i, k in enumerate(row.kinds) if k in (VALUE, ABSENT) and i >= last]
    if trailing and not all(v.strip() for _, v in out):
        return None  # values beyond the header while some columns are blank: the row is shifted
    if not any(v.strip() for _, v in out):
        return None
    return out


def _consistent_window(values: list[tuple[int, str]], columns: list[Column]) -> list[tuple[int, str]] | None:
    """With more values than columns: the first run of len(columns) values that satisfies the table's sums."""
    n = len(columns)
    keys = [c.key for c in columns]
    for offset in range(len(values) - n + 1):
        window = values[offset:offset + n]
        if _sums_hold(keys, [parse_number(v) for _, v in window]):
            return window
    return None


def _sums_hold(keys: list[str], numbers: list[Number | None]) -> bool:
    by_key = dict(zip(keys, numbers))
    groups: list[tuple[list[str], str]] = []
    if "total" in by_key and len(keys) > 2:
        groups.append(([k for k in keys if k != "total"], "total"))
    for g in APPEAL_GROUPS:
        parts = [f"{g}.{k}" for k in APPEAL_LEAVES[:4]]
        if all(p in by_key for p in parts) and f"{g}.total" in by_key:
            groups.append((parts, f"{g}.total"))
    if not groups:
        return False
    for parts, total in groups:
        if any(by_key[p] is None for p in parts) or by_key[total] is None:
            return False
        if sum(by_key[p].value for p in parts) != by_key[total].value:
            return False
    return True


def _sums_contradicted(keys: list[str], cells: list[str]) -> bool:
    """The figures break the row's sum: the applicant columns that are filled add up to more than 总计, or all of
    them are filled and add up to another number."""
    by_key = {k: parse_number(c) if c.strip() else None for k, c in zip(keys, cells)}
    if "total" not in by_key or by_key["total"] is None or len(keys) < 3:
        return False
    parts = [v for k, v in by_key.items() if k != "total"]
    known = sum(v.value for v in parts if v is not None)
    total = by_key["total"].value
    return known > total or (all(v is not None for v in parts) and known != total)


def _cells_after_label(row: Row, start: int, stop: int, n: int, cut: bool, blanks_kept: bool = False) -> range:
    """The cells between the segment's last label and its end (with `cut`, a row's end is the grid's width: a
    reader may have cut the row after its last figure), blank ones at either end left out while there are more
    than `n` (the label's span written as a blank cell, an empty column after the table's last). `blanks_kept`: the
    report's rows keep blank cells between figures, so a row's figures start right after its label."""
    texts = [i for i in range(start, stop) if row.kinds[i] == TEXT]
    first = texts[-1] + 1 if texts else start
    if cut and stop == len(row.cells):
        stop = max(stop, row.width)  # a reader cut the row after its last figure: the blanks it dropped count,
        if blanks_kept and row.width > len(row.cells):  # also when the row holds one label cell more than the
            stop = max(stop, first + n)  # others (三、本年度办理结果 | （一）予以公开 | 18, the blanks after 18 cut)
    if row.used is not None and stop - first > n and stop > row.used:
        stop = max(row.used, first + n)  # the grid's padding: cells after every row's last text hold no column
    while stop - first > n and row.kinds[first] == BLANK:
        first += 1
    while stop - first > n and (stop > len(row.kinds) or row.kinds[stop - 1] == BLANK):
        stop -= 1
    return range(first, stop)


def _text_after_label(row: Row, start: int, stop: int) -> bool:
    """A cell of text right of the cell that names the row (a project's name, 见附件), other than a remark in brackets:
    it stands in a column, so the figures after it are not the row's first columns."""
    texts = [i for i in range(start, stop) if row.kinds[i] == TEXT]
    named = [i for i in texts if any(match_label(p, ("row", "group")) is not None for p in label_parts(row.cells[i]))]
    return bool(named) and any(not row.cells[i].strip().startswith(("（", "(")) for i in texts if i > named[-1])


def read_values(row: Row, start: int, stop: int, layout: Layout, columns: list[Column], whole_row: bool,
                blanks_kept: bool = False) -> list[tuple[Column, str]]:
    """(column, cell) pairs of one row segment; cells that are blank or absent are left out by the caller.
    `blanks_kept`: the report's rows keep blank cells between figures (see `_cells_after_label`)."""
    n = len(columns)
    seq = signs_joined(_sequential(row.cells, row.kinds, start, stop), n)
    if len(seq) == n:
        return list(zip(columns, (v for _, v in seq)))
    cut = _touching_figures_of_short_row(seq, n)
    if cut is not None:
        return list(zip(columns, cut))
    if whole_row:
        pos = _positional(row, layout, columns)
        if pos is not None:
            return list(zip(columns, (v for _, v in pos)))
    if len(seq) < n and any(c.glued for c in columns):
        return []  # 92 0 under 上一年项目数量本年增/减 | 处理决定数量: the header's cells ran together, so its columns
        # have no places, and which column lost its figure is not known
    if len(seq) < n:  # 二、上年结转 | | | | | | | 0: blanks hold their places
        keys = [c.key for c in columns]
        for cut in (False, True):
            cells = [row.cells[i] if i < len(row.cells) else "" for i in _cells_after_label(row, start, stop, n, cut, blanks_kept)]
            if len(cells) == n and not _sums_contradicted(keys, cells):
                return list(zip(columns, cells))
    if len(seq) > n == 1 and len({v.strip() for _, v in seq}) == 1:
        return [(columns[0], seq[0][1])]  # 行政事业性收费 | 1.5 spanning the table's columns: one merged cell, repeated
    if len(seq) > n:
        window = _consistent_window(seq, columns)
        return list(zip(columns, (v for _, v in window))) if window else []
    if columns[-1].key == "total" and _blanks_lost(seq):
        return [(columns[-1], seq[-1][1])]  # 821 35 2 1 859: only 总计 is sure; which columns the others fill is not
    if columns[-1].key == "total" and _may_end_in_total(seq):
        return []  # 0 0, or 18 alone: the last may be 总计 after blanks that left no trace, or a cut row's next column
    if columns[-1].key == "total" and len(seq) < n and any(not v.strip() for _, v in seq):
        # 103 3 1 _ 107 under seven columns: the row keeps a blank between figures, yet lacks columns (a grid that
        # lost the columns blank in every row): which columns its figures stand in is not known, only 总计 by the sum
        return [(columns[-1], seq[-1][1])] if _summed([_plain(v) or "0" for _, v in seq]) else []
    return list(zip(columns, (v for _, v in seq)))


def _touching_figures_of_short_row(seq: list[tuple[int, str]], n: int) -> list[str] | None:
    """A row short of figures one of whose cells is no figure but a run of them with one way to cut it into the
    missing ones (规章 0 00: a converter lost the space between two cells; a figure never starts with 0), cut."""
    missing = n - len(seq)
    if missing <= 0:
        return None
    runs = [k for k, (_, v) in enumerate(seq) if v.strip() and unique_split(v.strip(), 1) is None]
    if len(runs) != 1:
        return None
    k = runs[0]
    parts = unique_split(seq[k][1].strip(), missing + 1)
    if parts is None:
        return None
    return [v for _, v in seq[:k]] + list(parts) + [v for _, v in seq[k + 1:]]


def bare_column(key: str) -> Column:
    """A table-2 column known by its key alone, with no header cell: an amount in 元 whose unit the header did not say."""
    return Column(key, None, None, UNIT_UNKNOWN if key == "amount_yuan" else None)


def _template_columns(row_key: str, columns: list[Column], figures: int) -> list[Column]:
    """A table-2 row's columns when its header lost some: a reader that split a header cell into pieces no header
    word matches (上一年项目数量 as 一 | 目数量) leaves fewer columns than the row has figures. When a template gives
    the row exactly that many columns and the header's columns are among them in the template's order, one of them
    a column only that template has, the row's figures are the template's columns; otherwise the header's stand."""
    keys = [c.key for c in columns]
    if figures <= len(keys):
        return columns
    for template in ("2019", "2021"):
        wanted = ACTIVE_COLUMNS[template].get(row_key, ())
        other = set(ACTIVE_COLUMNS["2021" if template == "2019" else "2019"].get(row_key, ()))
        if len(wanted) != figures or not set(keys) <= set(wanted) or set(keys) <= other:
            continue  # a header of 本年处理决定数量 alone does not tell the template (its cell may span the row)
        if [k for k in wanted if k in keys] != keys:
            continue  # the header's columns in another order than the template's
        have = {c.key: c for c in columns}
        return [have.get(k) or bare_column(k) for k in wanted]
    return columns


def _applicant_columns_lost(row: Row, start: int, stop: int, columns: list[Column]) -> bool:
    """A table-3 row of seven figures, no blank among them, under a header that named fewer of the template's columns
    (two wrapped header words glued into one cell no header word matches, 科研机社会公): the header lost columns, and
    table 3's seven columns in their fixed order are the row's, unless the figures break the row's sum (one of them
    stray). A header with all seven is never overridden."""
    if len(columns) >= len(APPLY_COLUMNS) or any(c.key not in APPLY_COLUMNS for c in columns):
        return False
    seq = _sequential(row.cells, row.kinds, start, stop)
    return len(seq) == len(APPLY_COLUMNS) and all(v.strip() for _, v in seq) \
        and not _sums_contradicted(list(APPLY_COLUMNS), [v for _, v in seq])  # a stray figure breaks the sum


def _cut_at_right(row: Row, start: int, stop: int, columns: list[Column]) -> bool:
    """A table-3 header cut short at its right side (a table wider than the page it was printed on): the columns it
    names are the template's first ones in their order (自然人, 商业企业, 科研机构 …) and the row has a figure for
    each of them, no more. Its figures are those columns'; the columns past the cut stay absent."""
    keys = [c.key for c in columns]
    if not 2 <= len(keys) < len(APPLY_COLUMNS) or keys != list(APPLY_COLUMNS[:len(keys)]):
        return False
    seq = _sequential(row.cells, row.kinds, start, stop)
    return len(seq) == len(keys) and all(v.strip() for _, v in seq)


def _may_end_in_total(seq: list[tuple[int, str]]) -> bool:
    """A short applicant row whose last figure could be its 总计: one figure alone, or a last figure the others add
    up to (zeros too). Read from the left it would give a blank 总计's figure to 自然人 or 商业企业."""
    numbers = [parse_number(v) if v.strip() else None for _, v in seq]
    if any(x is None for x in numbers):
        return False
    return len(numbers) == 1 or sum(x.value for x in numbers[:-1]) == numbers[-1].value


def _lone_figure_after_label(row: Row, start: int, stop: int) -> bool:
    """The segment holds one figure, in the cell right after its label's: no blank cell before it keeps a column."""
    texts = [i for i in range(start, stop) if row.kinds[i] == TEXT]
    first = texts[-1] + 1 if texts else start
    figures = [i for i in range(first, stop) if row.kinds[i] in (VALUE, ABSENT)]
    return figures == [first]


def _blanks_lost(seq: list[tuple[int, str]]) -> bool:
    """Fewer figures than columns, none blank, the last the sum of the others (and more than 0): a row whose blank
    cells left no trace (text without layout), never a row cut after its last figure."""
    numbers = [parse_number(v) if v.strip() else None for _, v in seq]
    if len(numbers) < 2 or any(x is None for x in numbers):
        return False
    return numbers[-1].value > 0 and sum(x.value for x in numbers[:-1]) == numbers[-1].value


# ------------------------------------------------------------------ the mapper


@dataclass(slots=True)
class TableResult:
    template: str | None
    metrics: dict[str, Metric] = field(default_factory=dict)
    found: set[str] = field(default_factory=set)  # kinds of standard table recognised
    evidence: dict[str, float] = field(default_factory=dict)  # template votes
    template_passages: list[str] = field(default_factory=list)  # rows whose labels show the template


def _template_votes(rows: list[Row]) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Votes for each template from the labels only it prints, and the rows that hold them."""
    votes = {"2019": 0.0, "2021": 0.0}
    where: dict[str, list[str]] = {"2019": [], "2021": []}
    for row in rows:
        for text, _, _ in header_runs(row.cells):
            if cell_kind(text) != TEXT or len(label_core(text)) < 3:
                continue  # two characters are no template's own words (三、本年 / 度办理结果 is no 本年增/减)
            lab = match_label(text, ("col", "row"), (ACTIVE, APPLY), group="other")
            if lab is not None and lab.template and lab.key != "other.other":
                votes[lab.template] += 1.0
                if row.pid and row.pid not in where[lab.template]:
                    where[lab.template].append(row.pid)
    return votes, where


def template_of_year(year: int | None) -> str | None:
    """The template a report of `year` was written on when nothing it prints tells: the 2021 template's tables
    replaced the 2019 one's from the reports on 2021 (国办公开办函〔2021〕30号); none before 2019."""
    if year is None or year < 2019:
        return None
    return "2019" if year <= 2020 else "2021"


def _decide(votes: dict[str, float]) -> str | None:
    if votes["2019"] == votes["2021"]:
        return None
    return "2019" if votes["2019"] > votes["2021"] else "2021"


_TABLE_SECTIONS = (2, 3, 4)
_AMOUNTS = (".amount_yuan", ".amount_wan")  # the metrics whose cells may carry a money unit


class _Mapper:
    def __init__(self, rows: list[Row], template_guess: str | None, captions: dict[int, str] | None = None,
                 year_template: str | None = None, grids_keeping_blanks: frozenset[int] = frozenset()):
        self.rows = rows
        self.year_template = year_template  # the columns of a header-less (一) row when no label tells the template
        # the grids one of whose rows keeps a blank cell between figures; none: every short row lost its blanks
        self.grids_keeping_blanks = grids_keeping_blanks
        self.blanks_lost = not grids_keeping_blanks
        self.apply_read: dict[str, tuple[str, ...]] = {}  # table-3 rows read in place: their seven cells
        self.unplaced: dict[str, tuple[list[str], tuple]] = {}  # short table-3 rows: figures, how to read them in place
        self.captions = captions or {}  # grid -> the short paragraph just above it (### 行政复议)
        self.template_guess = template_guess
        self.metrics: dict[str, Metric] = {}
        self.grid_of: dict[str, int] = {}  # the grid each metric was read from
        self.conflicting: set[str] = set()  # table-2 keys one grid gives two different figures: left out
        self.found: set[str] = set()
        self.layout: Layout | None = None
        self.header: list[Row] = []  # the header block being read
        self.header_open = False
        self.kind: str | None = None  # the table being read
        self.group: str | None = None  # 依申请 outcome group (denied, unavailable, not_processed, other)
        self.pending: tuple[Label, int] | None = None  # a row label on a line of its own, and its row index
        self.cursor = 0  # next slot of table 4 for rows of bare numbers
        self.appeal_run: list[tuple[Column, str, Row]] = []  # table-4 figures read slot after slot, not yet put
        self.appeal_slots: list[Column] = []  # the slots that run fills, from its first
        self.last_apply: str | None = None  # the last table-3 row read by its label
        self.unlabelled: list[tuple[Row, int, int]] = []  # table-3 rows of values whose label was lost

    def put(self, key: str, column: Column, cell: str, row: Row) -> None:
        number = parse_number(cell) if cell.strip() else None
        if number is None or key in self.conflicting:  # blank or absent: left out
            return
        if number.unit is not None and not key.endswith(_AMOUNTS):
            return  # 1530000元 is an amount: a count (采购项目数量, 处理决定数量) never holds it
        if number.unit is None and column.unit == UNIT_UNKNOWN and number.value != 0:
            return  # 477.35 under no header read: 采购总金额 is printed in 元 or in 万元, which one is not known
        value = convert(number, key.rsplit(".", 1)[-1], column.unit)
        if key in self.metrics:  # the first table to state a key wins …
            if key.startswith("active.") and self.grid_of.get(key) == row.grid and self.metrics[key].value != value:
                del self.metrics[key]  # … but one table stating it twice, two ways (four 政府集中采购 rows), says
                self.conflicting.add(key)  # neither is the figure
            return
        self.metrics[key] = Metric(value, row.pid)
        self.grid_of[key] = row.grid

    def run(self) -> None:
        previous: Row | None = None
        for index, row in enumerate(self.rows):
            if previous is not None and row.grid != previous.grid and row.section != previous.section \
                    and row.section not in _TABLE_SECTIONS:
                self.kind, self.layout, self.group = None, None, None  # a table of another section
            previous = row
            has_values = any(k in (VALUE, ABSENT) for k in row.kinds)
            if not has_values and _is_header(row):
                if not (self.header_open and self.header and self.header[-1].grid == row.grid):
                    self.header = []
                self.header.append(row)
                del self.header[:-MAX_HEADER_ROWS]
                self.header_open = True
                layout = build_layout(self.header)
                if layout is not None:
                    self.close_appeals()
                    if layout.kind != self.kind:
                        self.close_apply()
                        self.group = None
                    layout = captioned(layout, self.captions.get(row.grid))
                    self.layout, self.kind = layout, layout.kind
                    self.found.add(layout.kind)
                    self.cursor = 0
                continue
            self.header_open = False
            if not has_values and "第二十条" in "".join(row.cells):
                self.close_apply()
                self.close_appeals()
                self.kind = ACTIVE
            self.data_row(index, row)
        self.close_apply()
        self.close_appeals()

    def data_row(self, index: int, row: Row) -> None:
        segments = _segments(row)
        for start, stop in segments:
            labels = [row.cells[i] for i in range(start, stop) if row.kinds[i] == TEXT]
            label = self.row_label(labels, row)
            has_values = any(row.kinds[i] in (VALUE, ABSENT) for i in range(start, stop))
            if not has_values:
                if label is not None and label.role == "row":
                    self.pending = (label, index)
                continue
            if label is None and self.pending and self.pending[1] == index - 1 and labels and len(labels[-1]) <= 8:
                label = self.pending[0]  # 补正后申请内容仍 / 不明确 | 0 | 0 …: the label began on the line before
            self.pending = None
            whole = len(segments) == 1
            if label is not None:
                self.close_appeals()
                self.labelled(row, label, start, stop, whole)
            elif not labels and (self.kind == APPEALS or (self.kind is None and row.section == 4) or (
                    row.section == 4 and len(_sequential(row.cells, row.kinds, start, stop)) == APPEAL_CELLS)):
                self.appeals_numbers(row, start, stop, whole)  # fifteen figures in section 4 are table 4
            elif self.kind == APPLY and len(_sequential(row.cells, row.kinds, start, stop)) == len(APPLY_COLUMNS):
                self.unlabelled.append((row, start, stop))  # its place in the template tells which row it is

    def row_label(self, labels: list[str], row: Row) -> Label | None:
        labels = [part for text in labels for part in label_parts(text)]
        if self.kind is None and row.section not in _TABLE_SECTIONS:
            # 行政处罚 in a table of the 总体情况 section is not table 2; a table 3 row with its seven figures is
            # table 3 wherever it stands (a page of a report that starts with 四、结转下年度继续办理 | 0 | 0 …)
            lab = match_label(labels[-1], ("row",), (APPLY,)) if labels else None
            if lab is None or sum(1 for k in row.kinds if k == VALUE) != len(APPLY_COLUMNS):
                return None
            return lab
        for text in labels:  # groups, left to right: （三）不予公开 | 1.属于国家秘密
            lab = match_label(text, ("row", "group"), group="other")
            if lab is None or lab.kind != APPLY:
                continue
            if lab.role == "group":
                self.group = lab.key
            elif lab.key == "other.total":
                self.group = "other"
        for text in reversed(labels):  # the most specific label: the rightmost that names a row
            lab = match_label(text, ("row", "group"), group=self.group)
            if lab is None or lab.role != "row":
                continue
            if lab.kind == APPEALS and not (self.kind == APPEALS or row.section == 4):
                continue  # 行政复议 labels rows only in a transposed table 4
            if lab.kind == APPLY and lab.key in ("new", "carried_over", "granted", "partial", "total", "carried_forward"):
                self.group = None
            return lab
        if self.kind == APPLY and labels and label_core(labels[-1]) == "其他" and self.last_apply \
                and self.last_apply.startswith(("not_processed.", "other.no_")):
            return OTHER_OTHER  # 3.其他 after the 不予处理 rows, where the （六）其他处理 cell was lost
        return None

    def labelled(self, row: Row, label: Label, start: int, stop: int, whole: bool) -> None:
        layout = self.layout
        if label.kind == ACTIVE:
            allowed = ACTIVE_ALLOWED[label.key]
            if layout is None or layout.kind != ACTIVE or not all(c.key in allowed for c in layout.columns):
                # no header for this row: the template's columns for it
                template = self.template_guess or self.year_template \
                    or ("2019" if label.key in ("other_services", "procurement") else "2021")
                keys = ACTIVE_COLUMNS[template].get(label.key) or ACTIVE_COLUMNS["2019"][label.key]
                layout = Layout(ACTIVE, [bare_column(k) for k in keys], -1, 0, False)
            columns = layout.columns
            figures = [v for _, v in _sequential(row.cells, row.kinds, start, stop) if v.strip()]
            mine = columns if _text_after_label(row, start, stop) else _template_columns(label.key, columns, len(figures))
            if mine is not columns:
                self.kind = label.kind
                self.found.add(label.kind)
                for column, cell in zip(mine, figures):
                    self.put(f"active.{label.key}.{column.key}", column, cell, row)
                return
            prefix = f"active.{label.key}."
        elif label.kind == APPLY:
            if layout is None or layout.kind != APPLY or (len(layout.columns) < len(APPLY_COLUMNS) - 1
                                                          and not _cut_at_right(row, start, stop, layout.columns)):
                layout = default_layout(APPLY)  # a header that kept fewer columns is broken: the template's seven
            elif _applicant_columns_lost(row, start, stop, layout.columns):
                layout = default_layout(APPLY)
            columns = layout.columns
            prefix = f"apply.{label.key}."
            self.fill_unlabelled(label.key)
            self.last_apply = label.key
            if self.place_later(label.key, (row, start, stop, layout, columns, whole)):
                self.kind = label.kind
                self.found.add(label.kind)
                return
        else:  # a row of a transposed table 4: 行政复议 | 0 | 0 | 0 | 0 | 0
            if layout is None or layout.kind != APPEALS:
                layout = default_layout(APPEALS)
            columns, seen = [], set()
            for c in layout.columns:
                leaf = c.key.rsplit(".", 1)[-1]
                if leaf not in seen:
                    seen.add(leaf)
                    columns.append(Column(leaf, None, None))
            prefix = f"{label.key}."
        self.kind = label.kind
        self.found.add(label.kind)
        pairs = read_values(row, start, stop, layout, columns, whole, blanks_kept=self.keeps_blanks(row))
        if _text_after_label(row, start, stop) and len(_sequential(row.cells, row.kinds, start, stop)) < len(columns):
            pairs = []  # 行政许可 | 见附件 | 3 | 12: a column holds text, so which columns the figures fill is not known
        for column, cell in pairs:
            self.put(prefix + column.key, column, cell, row)
        if label.kind == APPLY and [c.key for c in columns] == list(APPLY_COLUMNS):
            read = dict((c.key, _plain(cell)) for c, cell in pairs)
            self.apply_read.setdefault(label.key, tuple(read.get(k, "") for k in APPLY_COLUMNS))

    def keeps_blanks(self, row: Row) -> bool:
        """Whether the row's own grid keeps blank cells between figures: a reader that split a table into grids may
        keep a row's blanks in one (read at its header's places) and none in another (25 25, the blanks lost)."""
        return row.grid in self.grids_keeping_blanks

    def place_later(self, key: str, read: tuple) -> bool:
        """Keep a short table-3 row (``二、上年结转 18 18``) for `place_apply`, in a table where no row keeps a blank
        cell between figures."""
        row, start, stop, _, columns, _ = read
        if not self.blanks_lost or [c.key for c in columns] != list(APPLY_COLUMNS):
            return False
        seq = _sequential(row.cells, row.kinds, start, stop)
        if not 0 < len(seq) < len(APPLY_COLUMNS) or any(row.kinds[i] != VALUE for i, _ in seq):
            return False
        if _touching_figures_of_short_row(seq, len(APPLY_COLUMNS)) is not None:
            return False  # 3 0 0 0 003: a run of touching figures cuts one way into the cells the row lacks
        if any(row.kinds[i] == BLANK for i in range(seq[-1][0] + 1, stop)):
            return False  # blank cells after its figures keep their places: the row is laid out
        if key in self.unplaced or key in self.apply_read:
            return False
        self.unplaced[key] = ([_plain(v) for _, v in seq], read)
        return True

    def place_apply(self) -> None:
        """Short table-3 rows: read in place, or, when their blanks left no trace, each figure's column by the
        table's sums.

        A short row whose last figure is the sum of the others (821 35 2 1 859)
        shows that the table's blank cells vanished (总计 sits in the last
        column, so the cells between were dropped); then every way to place a
        row's figures in order into the seven columns (总计, when the others add
        up to the last figure, else blank) is a candidate, and the columns'
        sums across the table's rows (outcomes add up to （七）总计, new + carried
        over = total + carried forward) keep those that fit together when
        （七）总计 is known. A cell goes in only where every remaining way
        agrees; the rest stay absent, never guessed. Without that sign, a short
        row was cut after its last figure and reads from the left.
        """
        if not self.unplaced:
            return
        if not any(_summed(figures) for figures, _ in self.unplaced.values()):
            for key, (figures, (row, start, stop, layout, columns, whole)) in self.unplaced.items():
                if len(figures) == 1 and layout.grid == row.grid and _lone_figure_after_label(row, start, stop):
                    continue  # a lone figure right after its label under its own grid's header, no row keeping a
                    # blank between figures: the grid's writer dropped blank cells, so it is 总计's as well as
                    # 自然人's (read from the left to the header's width it was always 自然人's); a row of a grid
                    # without its header (a text box, a run of text) is a piece cut after its first figure
                for column, cell in read_values(row, start, stop, layout, columns, whole):
                    self.put(f"apply.{key}.{column.key}", column, cell, row)
            self.unplaced = {}
            return
        n = len(APPLY_COLUMNS)
        outcomes = outcome_rows(self.template_guess)
        order = ["total", "new", "carried_over", "carried_forward"] + list(outcomes)
        candidates: dict[str, list] = {}
        for key, cells in self.apply_read.items():
            candidates[key] = [cells]
        for key in sorted(self.unplaced, key=lambda k: order.index(k) if k in order else len(order)):
            figures = self.unplaced[key][0]
            candidates[key] = placements(figures, n, (n,), total_needed=_summed(figures)) or []
        if len(candidates.get("total", ())) == 1:  # （七）总计 known: the columns it pins down can be searched
            candidates = combine(candidates, lambda rows: columns_hold(rows, outcomes, every_outcome=False),
                                 max_combinations=50_000, possible=lambda rows: outcomes_within_total(rows, outcomes))
        narrowed = candidates
        for key, (_, (row, *_)) in self.unplaced.items():
            for column, cell in zip(APPLY_COLUMNS, agreed(narrowed[key], n)):
                if cell:
                    self.put(f"apply.{key}.{column}", Column(column, None, None), cell, row)
        self.unplaced = {}

    def fill_unlabelled(self, next_key: str | None) -> None:
        """Give table-3 rows that lost their labels the template rows between the labelled rows around them.

        Only when the number of such rows equals the number of template rows in
        the gap (both templates agreeing when the report's is unknown); else
        they stay unread.
        """
        if not self.unlabelled:
            return
        rows, self.unlabelled = self.unlabelled, []
        gaps = set()
        if self.last_apply is None and next_key is None:
            return
        for template in ([self.template_guess] if self.template_guess else ["2019", "2021"]):
            order = APPLY_ROWS[template]
            if any(key is not None and key not in order for key in (self.last_apply, next_key)):
                continue  # a row this template does not have
            first = order.index(self.last_apply) + 1 if self.last_apply else 0
            last = order.index(next_key) if next_key else len(order)
            gaps.add(order[first:last])
        if len(gaps) != 1:
            return
        keys = gaps.pop()
        if len(keys) != len(rows):
            return
        layout = default_layout(APPLY)
        for key, (row, start, stop) in zip(keys, rows):
            for column, cell in read_values(row, start, stop, layout, layout.columns, False):
                self.put(f"apply.{key}.{column.key}", column, cell, row)

    def close_apply(self) -> None:
        """The end of table 3: rows without labels after the last labelled one fill the template to its end;
        rows that lost their blanks are placed."""
        if self.unlabelled and self.last_apply is not None:
            self.fill_unlabelled(None)
        self.unlabelled = []
        self.last_apply = None
        self.place_apply()
        self.apply_read = {}

    def appeals_numbers(self, row: Row, start: int, stop: int, whole: bool) -> None:
        """A row of bare numbers in table 4: the next slots of 复议 / 直接起诉 / 复议后起诉."""
        layout = self.layout if self.layout is not None and self.layout.kind == APPEALS else default_layout(APPEALS)
        seq = _sequential(row.cells, row.kinds, start, stop)
        if self.cursor == 0 and len(layout.columns) != APPEAL_CELLS and (len(seq) == APPEAL_CELLS or (
                row.width == APPEAL_CELLS and start == 0 and seq and seq[0][0] == 0)):
            # fifteen figures are the template's fifteen cells, whatever the header kept; so are the cells of a row
            # from the first column of a grid fifteen cells wide (a header of a word a column, blanks kept)
            layout = default_layout(APPEALS)
        slots = layout.columns
        touching = _touching_figures_cut(seq) if self.cursor == 0 and whole and len(slots) == APPEAL_CELLS else None
        if touching is not None:  # 376 97 196 121 79016 1 …: two figures that touch, cut where the sums say
            pairs = list(zip(slots, touching))
            self.cursor = len(slots)
        elif self.cursor == 0 and len(seq) >= len(slots):
            pairs = read_values(row, start, stop, layout, slots, whole)
            self.cursor = len(slots)
        else:
            pos = _positional(row, layout, slots) if whole and self.cursor == 0 else None
            if pos is not None:
                pairs = [(c, v) for c, (_, v) in zip(slots, pos)]
                filled = [i for i, (_, v) in enumerate(pos) if v.strip()]
                self.cursor = max(filled) + 1
            else:  # the next slots, one figure each: put once the run is known to fill them all (close_appeals)
                rest = slots[self.cursor:]
                if not self.appeal_run:
                    self.appeal_slots = rest
                self.appeal_run += [(c, v, row) for c, (_, v) in zip(rest, seq)]
                self.cursor += min(len(seq), len(rest))
                if self.appeal_run:
                    self.found.add(APPEALS)
                if self.cursor >= len(slots):
                    self.close_appeals()
                pairs = []
        if pairs:
            self.found.add(APPEALS)
        for column, cell in pairs:
            self.put(column.key, column, cell, row)

    def close_appeals(self) -> None:
        """Put the table-4 figures read slot after slot. A run that fills its slots, or whole groups that add up
        (行政复议's five figures, the rest of the table cut off), or one that kept its blank cells between figures
        (5 | | | 2 | 7, the trailing blank cells dropped), is put as read; a shorter one lost blank cells
        (5 2 7 8 1 9 for 5 _ _ 2 7 | 8 _ _ 1 9 | _ _ _ _ _), so only what every placement the groups' sums allow
        agrees on is put, the rest left absent rather than guessed."""
        run, slots = self.appeal_run, self.appeal_slots
        self.appeal_run, self.appeal_slots = [], []
        if not run:
            return
        kept_blanks = any(not v.strip() for _, v, _ in run)  # 5 | | | 2 | 7: the row's cells are in place
        if len(run) < len(slots) and not kept_blanks \
                and not _whole_groups([c.key for c, _, _ in run], [v for _, v, _ in run]):
            run = _placed_by_sums(slots, run)
        for column, cell, row in run:
            self.put(column.key, column, cell, row)


def _whole_groups(keys: list[str], cells: list[str]) -> bool:
    """The figures fill whole table-4 groups (维持 纠正 其他 尚未审结 总计, in that order) that add up."""
    if not keys or len(keys) % len(APPEAL_LEAVES):
        return False
    for at in range(0, len(keys), len(APPEAL_LEAVES)):
        group = keys[at].rsplit(".", 1)[0]
        if keys[at:at + len(APPEAL_LEAVES)] != [f"{group}.{leaf}" for leaf in APPEAL_LEAVES]:
            return False
    numbers = [parse_number(c) for c in cells]
    return all(n is not None for n in numbers) and _sums_hold(keys, numbers)


def _appeal_groups(keys: list[str]) -> tuple[int, ...]:
    """The slots as consecutive whole table-4 groups (five cells, the last their sum), or () when they are not."""
    n = len(APPEAL_LEAVES)
    if not keys or len(keys) % n:
        return ()
    for at in range(0, len(keys), n):
        group = keys[at].rsplit(".", 1)[0]
        if keys[at:at + n] != [f"{group}.{leaf}" for leaf in APPEAL_LEAVES]:
            return ()
    return (n,) * (len(keys) // n)


def _placed_by_sums(slots: list[Column], run: list[tuple[Column, str, Row]]) -> list[tuple[Column, str, Row]]:
    """A table-4 run that lost its blank cells: the figures every placement (in order, blanks counting 0, a blank
    总计 allowed) that keeps each group's sum agrees on; nothing when the slots are not whole groups."""
    groups = _appeal_groups([c.key for c in slots])
    figures = [v.strip() for _, v, _ in run]
    if not groups or not all(parse_number(f) is not None for f in figures):
        return []
    found = placements(figures, len(slots), groups, total_needed=False, limit=20_000)
    if not found:
        return []
    rows = {}
    first = found[0]
    at = 0
    for i, cell in enumerate(first):  # the row each figure came from, by its place in the first placement
        if cell:
            rows[i] = run[at][2]
            at += 1
    out = []
    for i, cell in enumerate(agreed(found, len(slots))):
        if cell:
            out.append((slots[i], cell, rows.get(i, run[0][2])))
    return out


def _touching_figures_cut(seq: list[tuple[int, str]]) -> list[str] | None:
    """Table 4's fifteen figures from a row that printed fewer because figures touched (79016 for 790 | 16): the
    only cut into fifteen whose three groups add up (维持 + 纠正 + 其他 + 尚未审结 = 总计), else None."""
    if not APPEAL_CELLS - 3 <= len(seq) < APPEAL_CELLS or not all(v.strip().isdigit() for _, v in seq):
        return None
    found = splits(" ".join(v.strip() for _, v in seq), APPEAL_CELLS, (5, 5, 5), limit=50)
    if not found:
        return None
    cut = agreed(found, APPEAL_CELLS)
    return None if any(c is None for c in cut) else [c for c in cut if c is not None]


def _is_header(row: Row) -> bool:
    """A row without numbers is a header when it names columns: two labels, or one that names no row."""
    matches = header_matches(row)
    if len(matches) >= 2:
        return True
    return len(matches) == 1 and match_label(matches[0][3], ("row", "group"), group="other") is None


def _segments(row: Row) -> list[tuple[int, int]]:
    """Cut a row into label…value… segments (two rows run together in one text line)."""
    cuts = [0]
    seen_value = False
    for i, k in enumerate(row.kinds):
        if k in (VALUE, ABSENT):
            seen_value = True
        elif k == TEXT and seen_value:
            cuts.append(i)
            seen_value = False
    cuts.append(len(row.cells))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


def map_tables(tables: list[TableRows], text: str = "", year: int | None = None) -> TableResult:
    """Template, metrics and recognised tables of a report's table grids; `text`, the report's whole text, tells
    the template when the grids' labels do not (a header a converter left as paragraphs above its rows); the
    report's `year` gives the columns of a (一) row without a header when neither does."""
    rows: list[Row] = []
    for g, t in enumerate(tables):
        width = max((len(r) for r in t.table.rows), default=0)
        first = len(rows)
        for cells, pid in zip(t.table.rows, t.passage_ids):
            cells = [c or "" for c in cells]
            rows.append(Row(cells, [cell_kind(c) for c in cells], pid, g, width, t.section))
        used = max((i + 1 for r in rows[first:] for i, k in enumerate(r.kinds) if k != BLANK), default=0)
        for r in rows[first:]:
            r.used = used
    votes, where = _template_votes(rows)
    if _decide(votes) is None and text:
        printed = template_of_text(text)
        if printed is not None:
            votes[printed] += 0.5
    captions = {g: t.caption for g, t in enumerate(tables) if t.caption}
    # whether table 3's rows kept their blank cells is told by table 3's rows: a table 4 read at its header's
    # positions keeps blanks that text without layout lost everywhere else
    keeping = frozenset(r.grid for r in rows if r.section != 4 and _inner_blank(r))
    mapper = _Mapper(rows, _decide(votes), captions, year_template=template_of_year(year), grids_keeping_blanks=keeping)
    mapper.run()
    metrics = mapper.metrics
    for key in metrics:  # what the report actually filled in also tells the template
        if key.startswith("apply.other."):
            votes["2021" if key.split(".")[2] in ("no_correction", "no_fee", "other") else "2019"] += 0.5
    template = _decide(votes) if mapper.found & {ACTIVE, APPLY} else None
    return TableResult(template, metrics, mapper.found, votes, where.get(template, [])[:4] if template else [])


def _inner_blank(row: Row) -> bool:
    """A blank cell between two figures: the reader kept the row's layout."""
    seen_value = blank_after = False
    for k in row.kinds:
        if k in (VALUE, ABSENT):
            if blank_after:
                return True
            seen_value = True
        elif k == BLANK and seen_value:
            blank_after = True
        elif k == TEXT:
            seen_value = blank_after = False
    return False


def _summed(figures: list[str]) -> bool:
    """The last of two or more figures is the sum of the others (and more than 0): a row's 总计 after its figures."""
    return len(figures) >= 2 and Decimal(figures[-1]) > 0 and sum(Decimal(f) for f in figures[:-1]) == Decimal(figures[-1])


def _plain(cell: str) -> str:
    """A figure as plain digits for the sums ("" for a blank or absent cell)."""
    number = parse_number(cell) if cell.strip() else None
    return "" if number is None else str(number.value)
