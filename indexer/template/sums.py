"""Table 3's sums across rows, as checks on rows of cells (figures as text, ``""`` a blank, counted 0).

In every applicant column the outcome rows add up to （七）总计, and 一 (new) + 二 (carried over) = （七）总计
+ 四 (carried forward). Readers of text that lost a table's layout (run-together digits, blanks that left no
trace) use them to choose among the ways a row's figures can be placed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..figure_splits import Split, figure_value
from .labels import APPLY_COLUMNS, APPLY_OUTCOMES_2019, OTHER_2019, OTHER_2021


def outcome_rows(template: str | None) -> tuple[str, ...]:
    """The outcome rows of table 3 that add up to （七）总计 (the 2021 template's three 其他处理 rows, else 2019's one)."""
    return APPLY_OUTCOMES_2019 + (OTHER_2019 if template == "2019" else OTHER_2021)


def columns_hold(rows: Mapping[str, Split], outcomes: Sequence[str], every_outcome: bool = True) -> bool:
    """Whether table 3's column sums hold for `rows` ({row key: seven cells}).

    `outcomes` are the template's outcome rows; with `every_outcome`, the
    outcome sum is checked only when all of them are in `rows` (a row whose
    figures ran together is there whenever it has figures); without, a
    missing outcome row is a row of blanks. A column that is blank in every
    outcome row is not summed (a report that fills some columns' details
    only), nor one whose 总计 is blank.
    """
    present = [k for k in outcomes if k in rows]
    check_outcomes = "total" in rows and present and (not every_outcome or len(present) == len(outcomes))
    balance = all(k in rows for k in ("new", "carried_over", "total", "carried_forward"))
    for c in range(len(APPLY_COLUMNS)):
        if check_outcomes and rows["total"][c] and any(rows[k][c] for k in present):
            if sum(figure_value(rows[k][c]) for k in present) != figure_value(rows["total"][c]):
                return False
        if balance and figure_value(rows["new"][c]) + figure_value(rows["carried_over"][c]) != \
                figure_value(rows["total"][c]) + figure_value(rows["carried_forward"][c]):
            return False
    return True


def outcomes_within_total(rows: Mapping[str, Split], outcomes: Sequence[str]) -> bool:
    """Whether the outcome rows chosen so far stay within （七）总计 in every column (figures are not negative)."""
    if "total" not in rows:
        return True
    present = [k for k in outcomes if k in rows]
    for c in range(len(APPLY_COLUMNS)):
        total = rows["total"][c]
        if total and sum(figure_value(rows[k][c]) for k in present) > figure_value(total):
            return False
    return True
