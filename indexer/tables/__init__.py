"""Table grids -> template and metrics: the three standard tables as numbers.

One mapper serves every reader. It never trusts positions alone: every row and
column is recognised by its *label*, normalized (`label_core`: width folding,
spacing, （一）/(一)/1./一、 prefixes, parenthetical remarks such as
（区分处理的，只计这一情形…） or （单位：万元）, quotes, 只记 -> 只计,
社会组织 -> 社会公益组织) and compared with the national templates' labels by a
similarity ratio (`difflib`), so small typos (本年度止件数 for 本年废止件数)
still match while 不予公开 does not become 予以公开 (the best candidate must
beat every other candidate).

How the rows of all table grids of a report are read, in order, as one stream
(the three tables may share one grid, or one table may be split over several
grids or pages):

* **header rows** (rows without numbers whose labels are column labels) open a
  *layout*: the table kind (主动公开 / 依申请公开 / 复议诉讼) decided by the labels
  that belong to one table only, and the columns with their grid positions.
  Consecutive header rows add up (申请人情况 / 自然人 法人或其他组织 总计 /
  商业企业 …). A layout stays in force until the next header, also in the next
  grid (a table continued on the next page).
* **data rows** are cut into segments ``labels… values…`` (two rows run together
  in one text line give two segments); the row key comes from the rightmost
  label that matches a template row (so ``（三）不予公开 | 1.属于国家秘密`` is
  ``denied.state_secret``); group rows (（三）不予公开, （六）其他处理) set the group
  that ``3.其他`` needs.
* **values** of a segment are mapped to the layout's columns: in order when
  their number equals the number of columns; else by grid position when the
  layout's header positions are consistent with the row (an extra trailing
  column, blank cells); else, with too many values, the first window that
  satisfies the table's own sums (applicant columns add up to 总计, results
  add up to 总计), or nothing; with too few, from the left (a text row is cut
  at its end, so 行政许可 | 4 | 增4 gives no 处理决定数量) — unless a short
  table-3 row ends in its 总计 (821 35 2 1 859: the blanks vanished, text
  without layout); then short rows are placed by the table's sums
  (`sums`), a cell only where every placement that fits agrees.
* table 4's rows of bare numbers fill its 15 slots (复议, 直接起诉, 复议后起诉 ×
  维持/纠正/其他/尚未审结/总计) in order, in one row or several.

Numbers: ``1,234``, ``4279099.95 元``, ``12.5万元`` (converted to the metric's
unit), ``增4``/``减2``/``-3``/``+6``; an empty cell, ``—``, ``-``, ``/``, ``无``
is absent, never 0. The template ("2019" or "2021") is decided by the labels
only one template prints (本年新制作数量 vs 本年制发件数, 其他对外管理服务事项,
the three 其他处理 rows, …), not by the report's year.

Modules, in the order the data flows: `labels` (the templates' labels and matching a printed label to one),
`cells` (a cell as a number, blank or absent), `layout` (header rows -> the table and its columns), `mapper`
(rows -> metrics and template), `sums` (table 3's column sums). This package re-exports what the rest of the project uses.
"""

from .cells import ABSENT, BLANK, TEXT, VALUE, Number, cell_kind, convert, parse_number
from .labels import (ACTIVE, ACTIVE_ALLOWED, ACTIVE_COLUMNS, ACTIVE_ROWS, APPEAL_GROUPS, APPEAL_LEAVES, APPEALS, APPLY,
                     APPLY_COLUMNS, APPLY_OUTCOMES_2019, APPLY_ROWS, KINDS, LABELS, METRIC_KEYS, OTHER_2019, OTHER_2021, Label,
                     label_core, label_parts, match_label, similarity, template_of_text)
from .layout import Column, Layout

_MAPPER = ("TableResult", "map_tables", "read_values")


def __getattr__(name: str):
    """The mapper loads on first use (PEP 562): it needs the record, the document structure and the gazetteer,
    which a search or a server start, needing only the labels, should not import (0.1 s of a command-line search)."""
    if name in _MAPPER:
        from . import mapper

        return getattr(mapper, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ABSENT", "ACTIVE", "ACTIVE_ALLOWED", "ACTIVE_COLUMNS", "ACTIVE_ROWS", "APPEALS", "APPEAL_GROUPS", "APPEAL_LEAVES", "APPLY",
    "APPLY_COLUMNS", "APPLY_OUTCOMES_2019", "APPLY_ROWS", "BLANK", "Column", "KINDS", "LABELS", "Label", "Layout", "METRIC_KEYS",
    "Number", "OTHER_2019", "OTHER_2021", "TEXT", "TableResult", "VALUE", "cell_kind", "convert", "label_core", "label_parts",
    "map_tables", "match_label", "parse_number", "read_values", "similarity", "template_of_text",
]
