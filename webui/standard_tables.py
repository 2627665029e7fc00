"""The three standard tables of a report, rebuilt from its metrics for the report page.

Rows and columns follow the national template the report uses (2019 or
2021), with table 3's group rows (三、本年度办理结果, （三）不予公开 …) as
printed, so a reader can compare them with the printed tables; every value
keeps the passage it was read from, which the page links to. A cell the
report leaves empty stays empty: nothing is computed or guessed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.metric_names import (
    ACTIVE_COLUMN_NAMES, ACTIVE_ROW_NAMES, APPEAL_GROUP_NAMES, APPEAL_LEAF_NAMES, APPLY_COLUMN_NAMES,
    APPLY_ROW_NAMES, TABLE_NAMES, metric_label,
)
from indexer.template import ACTIVE_COLUMNS, ACTIVE_ROWS, APPEAL_GROUPS, APPEAL_LEAVES, APPLY_COLUMNS, APPLY_ROWS

PROSE_KEYS = ("active.published_total", "fees.processing_yuan")


@dataclass(frozen=True)
class Cell:
    key: str
    value: int | float | None
    passage: str | None


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]  # empty for a group row, which only heads the rows below it
    level: int = 0  # indentation: 0 for 一、…四、, 1 for （一）…（七）, 2 for the numbered rows of a group

    @property
    def group(self) -> bool:
        return not self.cells


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[Row]


@dataclass(frozen=True)
class StandardTable:
    key: str  # active, apply, appeals
    title: str
    parts: list[Table]  # table 2 is printed as several small tables with their own columns


def _cell(metrics: dict, key: str) -> Cell:
    entry = metrics.get(key)
    return Cell(key, entry["value"], entry.get("passage")) if entry else Cell(key, None, None)


def _template(record: dict) -> str:
    """The report's template; without one, the template whose keys the metrics use."""
    if record.get("template") in ACTIVE_COLUMNS:
        return record["template"]
    keys = set(record.get("metrics") or {})

    def fits(template: str) -> int:
        active = {f"active.{row}.{col}" for row, cols in ACTIVE_COLUMNS[template].items() for col in cols}
        apply = {f"apply.{row}.{col}" for row in APPLY_ROWS[template] for col in APPLY_COLUMNS}
        return len(keys & (active | apply))

    if fits("2021") != fits("2019"):
        return "2021" if fits("2021") > fits("2019") else "2019"
    return "2021" if (record.get("year") or 0) >= 2021 else "2019"


def _active(metrics: dict, template: str) -> list[Table]:
    parts: list[Table] = []
    for row in ACTIVE_ROWS:
        columns = ACTIVE_COLUMNS[template].get(row)
        if not columns:
            continue
        cells = [_cell(metrics, f"active.{row}.{col}") for col in columns]
        names = [ACTIVE_COLUMN_NAMES[col] for col in columns]
        if parts and parts[-1].columns == names:
            parts[-1].rows.append(Row(ACTIVE_ROW_NAMES[row], cells))
        else:
            parts.append(Table(names, [Row(ACTIVE_ROW_NAMES[row], cells)]))
    return parts


OUTCOMES_GROUP = "三、本年度办理结果"


def apply_rows(metrics: dict, template: str) -> list[Row]:
    """Table 3's rows as the template prints them: 三、本年度办理结果 heads the outcomes, and each
    outcome with parts (（三）不予公开 …) heads its numbered rows."""
    rows: list[Row] = []
    current_group = None
    numbered = 0
    for row in APPLY_ROWS[template]:
        cells = [_cell(metrics, f"apply.{row}.{col}") for col in APPLY_COLUMNS]
        name = APPLY_ROW_NAMES[row]
        if row == "carried_forward" or row in ("new", "carried_over"):
            rows.append(Row(name, cells, 0))
            continue
        if not any(r.label == OUTCOMES_GROUP for r in rows):
            rows.append(Row(OUTCOMES_GROUP, [], 0))
        group, _, part = name.partition("·")
        if not part:
            rows.append(Row(name, cells, 1))
            current_group = None
            continue
        if group != current_group:
            rows.append(Row(group, [], 1))
            current_group, numbered = group, 0
        numbered += 1
        rows.append(Row(f"{numbered}.{part}", cells, 2))
    return rows


def standard_tables(record: dict) -> list[StandardTable]:
    """The tables of which the report states at least one figure."""
    metrics = record.get("metrics") or {}
    template = _template(record)
    out: list[StandardTable] = []
    if any(k.startswith("active.") and k not in PROSE_KEYS for k in metrics):
        out.append(StandardTable("active", TABLE_NAMES["active"], _active(metrics, template)))
    if any(k.startswith("apply.") for k in metrics):
        out.append(StandardTable("apply", TABLE_NAMES["apply"],
                                 [Table([APPLY_COLUMN_NAMES[c] for c in APPLY_COLUMNS], apply_rows(metrics, template))]))
    if any(k.startswith(("review.", "litigation.")) for k in metrics):
        rows = [Row(APPEAL_GROUP_NAMES[group], [_cell(metrics, f"{group}.{leaf}") for leaf in APPEAL_LEAVES])
                for group in APPEAL_GROUPS]
        out.append(StandardTable("appeals", TABLE_NAMES["appeals"],
                                 [Table([APPEAL_LEAF_NAMES[leaf] for leaf in APPEAL_LEAVES], rows)]))
    return out


def prose_figures(record: dict) -> list[tuple[str, Cell]]:
    """(label, cell) of the figures read from the report's prose rather than its tables."""
    metrics = record.get("metrics") or {}
    return [(metric_label(key), _cell(metrics, key)) for key in PROSE_KEYS if key in metrics]
