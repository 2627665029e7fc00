"""The three standard tables of a report, rebuilt from its metrics for the report page.

Rows and columns follow the national template the report uses (2019 or
2021), so a reader can compare them with the printed tables; every value
keeps the passage it was read from, which the page links to. A cell the
report leaves empty stays empty: nothing is computed or guessed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.metric_names import (
    ACTIVE_COLUMN_NAMES, ACTIVE_ROW_NAMES, APPEAL_GROUP_NAMES, APPEAL_LEAF_NAMES, APPLY_COLUMN_NAMES,
    APPLY_ROW_NAMES, TABLE_NAMES, metric_label,
)
from indexer.tables import ACTIVE_COLUMNS, ACTIVE_ROWS, APPEAL_GROUPS, APPEAL_LEAVES, APPLY_COLUMNS, APPLY_ROWS

PROSE_KEYS = ("active.published_total", "fees.processing_yuan")


@dataclass(frozen=True)
class Cell:
    key: str
    value: int | float | None
    passage: str | None


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[tuple[str, list[Cell]]]


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
            parts[-1].rows.append((ACTIVE_ROW_NAMES[row], cells))
        else:
            parts.append(Table(names, [(ACTIVE_ROW_NAMES[row], cells)]))
    return parts


def standard_tables(record: dict) -> list[StandardTable]:
    """The tables of which the report states at least one figure."""
    metrics = record.get("metrics") or {}
    template = _template(record)
    out: list[StandardTable] = []
    if any(k.startswith("active.") and k not in PROSE_KEYS for k in metrics):
        out.append(StandardTable("active", TABLE_NAMES["active"], _active(metrics, template)))
    if any(k.startswith("apply.") for k in metrics):
        rows = [(APPLY_ROW_NAMES[row], [_cell(metrics, f"apply.{row}.{col}") for col in APPLY_COLUMNS])
                for row in APPLY_ROWS[template]]
        out.append(StandardTable("apply", TABLE_NAMES["apply"],
                                 [Table([APPLY_COLUMN_NAMES[c] for c in APPLY_COLUMNS], rows)]))
    if any(k.startswith(("review.", "litigation.")) for k in metrics):
        rows = [(APPEAL_GROUP_NAMES[group], [_cell(metrics, f"{group}.{leaf}") for leaf in APPEAL_LEAVES])
                for group in APPEAL_GROUPS]
        out.append(StandardTable("appeals", TABLE_NAMES["appeals"],
                                 [Table([APPEAL_LEAF_NAMES[leaf] for leaf in APPEAL_LEAVES], rows)]))
    return out


def prose_figures(record: dict) -> list[tuple[str, Cell]]:
    """(label, cell) of the figures read from the report's prose rather than its tables."""
    metrics = record.get("metrics") or {}
    return [(metric_label(key), _cell(metrics, key)) for key in PROSE_KEYS if key in metrics]
