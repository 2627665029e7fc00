"""The names of the checks (spec/report.md): which exist, which need other reports, and what `failing` selects.

Apart from the checks themselves (`checks`) so that a search, a report page or
the index reader can name and filter checks without importing the extractor.
"""

from __future__ import annotations

from .template import APPEAL_GROUPS, APPLY_COLUMNS, APPLY_ROWS

CROSS_REPORT_PREFIXES = ("history.", "peers.")


def is_cross_report(check_id: str) -> bool:
    """A check that needs other reports (spec/report.md, Across reports): computed by `nianbao index`."""
    return check_id.startswith(CROSS_REPORT_PREFIXES)


def cross_report_ids() -> list[str]:
    """The ids of the checks across reports (spec/report.md), which `nianbao index` computes."""
    return [f"history.carried_over.{col}" for col in APPLY_COLUMNS] + ["history.copied", "peers.copied"]


def known_check_ids() -> tuple[str, ...]:
    """Every check id of spec/report.md, including those computed across reports at index time."""
    rows = dict.fromkeys(APPLY_ROWS["2019"] + APPLY_ROWS["2021"])
    return (
        "sections.required",
        *(f"apply.balance.{c}" for c in APPLY_COLUMNS),
        *(f"apply.row_total.{r}" for r in rows),
        *(f"apply.outcome_total.{c}" for c in APPLY_COLUMNS),
        *(f"appeals.total.{g}" for g in APPEAL_GROUPS),
        "date.after_year", "date.deadline", "template.matches_year",
        *cross_report_ids(),
    )


def is_check_selector(text: str, known: tuple[str, ...] | None = None) -> bool:
    """True for a check id or a family of them (apply.balance, date) as the `failing` filter takes."""
    return any(k == text or k.startswith(text + ".") for k in (known or known_check_ids()))
