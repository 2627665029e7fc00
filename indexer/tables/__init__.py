"""Table grids -> metrics: one label-driven mapper from every reader's grids to the three standard tables.

It never trusts positions alone: every row and column is recognised by its *label*, matched against the
national templates (`indexer.template`, which also holds how a cell reads as a number and table 3's sums).

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
  without layout); then short rows are placed by the table's sums, a cell
  only where every placement that fits agrees.
* table 4's rows of bare numbers fill its 15 slots (复议, 直接起诉, 复议后起诉 ×
  维持/纠正/其他/尚未审结/总计) in order, in one row or several.

The template ("2019" or "2021") is voted by the labels only one template prints (本年新制作数量 vs 本年制发件数,
其他对外管理服务事项, the three 其他处理 rows, …), the report's year only breaking a tie.

Modules, in the order the data flows: `layout` (header rows -> the table and its columns), `mapper`
(rows -> metrics and template). The mapper needs the record and the document structure: a search, which
needs only the template's metric keys, imports `indexer.template` and never this package.
"""

from .layout import Column, Layout
from .mapper import TableResult, map_tables, read_values

__all__ = ["Column", "Layout", "TableResult", "map_tables", "read_values"]
