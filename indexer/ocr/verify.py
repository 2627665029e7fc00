"""Figures read by OCR, checked by the table's own sums before they enter the record.

A misread digit must not become a figure that users compare across reports.
The standard tables check themselves: in table 3 the applicant columns add up
to 总计 in every row, the outcomes add up to （七）总计 and 一+二 = 三+四 in every
column; in table 4 the four results add up to 总计 in each group. A figure
read by OCR is kept when at least one sum it belongs to holds. A figure all
of whose sums fail (the cell where a failing row meets a failing column) is
left absent rather than guessed, and the check ``ocr.figures`` names it. A
figure that belongs to no sum that can be checked (table 2, or a sum with a
blank cell) is kept only when the engine was confident about its row.

This module needs no OCR engine: it works on the record's metrics.
"""

from __future__ import annotations

from ..metric_names import metric_label
from ..record import Check, Metric
from ..template import APPEAL_GROUPS, APPEAL_LEAVES, APPLY_COLUMNS, APPLY_OUTCOMES_2019, APPLY_ROWS, OTHER_2019, OTHER_2021

MIN_CONFIDENCE = 0.5  # below this, a figure no sum can confirm is left out

Relation = tuple[tuple[str, ...], tuple[str, ...]]  # keys that add up to other keys


def relations(template: str | None) -> list[Relation]:
    """Every sum of tables 3 and 4 (both templates' rows when the template is unknown)."""
    parts = [c for c in APPLY_COLUMNS if c != "total"]
    rows = APPLY_ROWS.get(template or "") or tuple(dict.fromkeys(APPLY_ROWS["2019"] + APPLY_ROWS["2021"]))
    others = {"2019": [OTHER_2019], "2021": [OTHER_2021]}.get(template or "", [OTHER_2019, OTHER_2021])
    out: list[Relation] = []
    for row in rows:
        out.append((tuple(f"apply.{row}.{c}" for c in parts), (f"apply.{row}.total",)))
    for col in APPLY_COLUMNS:
        out.append(((f"apply.new.{col}", f"apply.carried_over.{col}"), (f"apply.total.{col}", f"apply.carried_forward.{col}")))
        for other in others:
            out.append((tuple(f"apply.{r}.{col}" for r in APPLY_OUTCOMES_2019 + other), (f"apply.total.{col}",)))
    for group in APPEAL_GROUPS:
        out.append((tuple(f"{group}.{leaf}" for leaf in APPEAL_LEAVES[:4]), (f"{group}.total",)))
    return out


def verify_figures(metrics: dict[str, Metric], ocr_confidence: dict[str, float],
                   template: str | None) -> tuple[dict[str, Metric], Check | None]:
    """(the metrics to keep, the ``ocr.figures`` check); no check when no figure came from OCR.

    `ocr_confidence` maps each passage read by OCR to the engine's confidence.
    """
    from_ocr = [k for k, m in metrics.items() if m.passage in ocr_confidence]
    if not from_ocr:
        return metrics, None
    checked: dict[str, list[bool]] = {}
    for parts, total in relations(template):
        keys = parts + total
        if not all(k in metrics for k in keys):
            continue
        holds = sum(metrics[k].value for k in parts) == sum(metrics[k].value for k in total)
        for k in keys:
            checked.setdefault(k, []).append(holds)
    unsummed: list[str] = []
    failed: list[str] = []
    for key in from_ocr:
        results = checked.get(key)
        if results is None:
            if ocr_confidence[metrics[key].passage] < MIN_CONFIDENCE:
                unsummed.append(key)
        elif not any(results):
            failed.append(key)
    dropped = set(unsummed) | set(failed)
    kept = {k: m for k, m in metrics.items() if k not in dropped}
    passages = list(dict.fromkeys(metrics[k].passage for k in failed + unsummed if metrics[k].passage))
    if not dropped:
        return kept, Check("ocr.figures", "pass",
                           f"从图片识别的{len(from_ocr)}个数字均已核对（表格合计相符或识别置信度高）", [])
    reasons = []
    if failed:
        reasons.append(f"{len(failed)}个数字所在的行和列的合计都不相符（{_names(failed)}）")
    if unsummed:
        reasons.append(f"{len(unsummed)}个数字无法用合计核对且识别置信度低（{_names(unsummed)}）")
    return kept, Check("ocr.figures", "fail",
                       f"从图片识别的{len(from_ocr)}个数字中，" + "；".join(reasons) + "，这些数字已留空，请对照原件核对", passages)


def _names(keys: list[str], limit: int = 5) -> str:
    names = [metric_label(k) for k in keys[:limit]]
    return "、".join(names) + ("等" if len(keys) > limit else "")
