"""The checks across reports (spec/report.md, Across reports), as pure functions of two reports' facts.

* ``history.carried_over.<column>`` — this year's 二、上年结转 equals the same
  agency's 四、结转下年度继续办理 of the year before, per applicant column.
* ``history.copied`` — the share of this report's prose that is the same or
  nearly the same as the agency's report of the year before (`copies.py`)
  stays below the threshold (``[checks] copied_threshold``).
* ``peers.copied`` — the same measure against the most similar report of
  another agency for the same year (found by `crossreport.py`) that was not
  published after this one: of two reports alike, the one published first is
  the original and passes.

Each check says in Chinese what was compared with what; ``against`` names
the other report, ``pairs`` the copied passages and their counterparts, so
that pages can link to both and to the comparison of the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .metric_names import COLUMN_NAMES
from .copies import Comparison, ProsePassage
from .record import Check
from .template import APPLY_COLUMNS

DEFAULT_THRESHOLD = 0.5


@dataclass
class ReportFacts:
    """What the checks across reports need of one report."""

    id: str
    agency_id: str | None
    agency: str | None
    year: int | None
    title: str
    published: str | None = None  # ISO date
    metrics: dict[str, tuple[int | float, str | None]] = field(default_factory=dict)  # key -> (value, passage)
    prose: list[ProsePassage] = field(default_factory=list)

    @classmethod
    def of_record(cls, record: dict, prose: list[ProsePassage]) -> "ReportFacts":
        keep = ("apply.carried_over.", "apply.carried_forward.")
        metrics = {k: (m["value"], m.get("passage")) for k, m in (record.get("metrics") or {}).items()
                   if k.startswith(keep)}
        return cls(record["id"], record.get("agency_id"), record.get("agency"), record.get("year"),
                   record.get("title") or "", record.get("published"), metrics, prose)

    def may_have_copied(self, other: "ReportFacts") -> bool:
        """Whether this report can have copied `other`: not when it was published first (dates unknown: it can)."""
        return not (self.published and other.published and self.published < other.published)


def _number(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def carried_over_checks(this: ReportFacts, previous: ReportFacts | None) -> list[Check]:
    """`history.carried_over.<column>`: this year's carried-over applications against last year's carried forward."""
    out: list[Check] = []
    for col in APPLY_COLUMNS:
        check_id = f"history.carried_over.{col}"
        prefix = f"{COLUMN_NAMES[col]}列："
        mine = this.metrics.get(f"apply.carried_over.{col}")
        if this.year is None or not this.agency_id:
            out.append(Check(check_id, "skip", prefix + "报告年度或发布机关不明，无法与上一年度核对", []))
            continue
        if previous is None:
            out.append(Check(check_id, "skip", prefix + f"语料中没有本机关{this.year - 1}年度的报告，无法核对上年结转",
                             [mine[1]] if mine and mine[1] else []))
            continue
        theirs = previous.metrics.get(f"apply.carried_forward.{col}")
        details = {"against": previous.id, "against_passages": [theirs[1]] if theirs and theirs[1] else []}
        if mine is None or theirs is None:
            what = "本年度报告缺少“上年结转”" if mine is None else f"{previous.year}年度报告缺少“结转下年度继续办理”"
            out.append(Check(check_id, "skip", prefix + what + "，无法核对", [mine[1]] if mine and mine[1] else [],
                             details))
            continue
        equal = mine[0] == theirs[0]
        relation = "等于" if equal else "不等于"
        out.append(Check(
            check_id, "pass" if equal else "fail",
            f"{prefix}本年度“上年结转”（{_number(mine[0])}）{relation}{previous.year}年度报告的“结转下年度继续办理”"
            f"（{_number(theirs[0])}）",
            [mine[1]] if mine[1] else [], details))
    return out


def _copied_details(other: ReportFacts, comparison: Comparison) -> dict:
    return {
        "against": other.id,
        "share": round(comparison.share, 3),
        "pairs": [{"passage": p.a, "against": p.b, "same": p.same} for p in comparison.pairs],
    }


def history_copied(this: ReportFacts, previous: ReportFacts | None, comparison: Comparison | None,
                   threshold: float) -> Check:
    """`history.copied`: how much of this report's prose repeats the agency's report of the year before."""
    if this.year is None or not this.agency_id:
        return Check("history.copied", "skip", "报告年度或发布机关不明，无法与上一年度比较", [])
    if not this.prose:
        return Check("history.copied", "skip", "报告没有可比较的正文段落", [])
    if previous is None or comparison is None:
        return Check("history.copied", "skip", f"语料中没有本机关{this.year - 1}年度的报告，无法比较", [])
    if not previous.prose:
        return Check("history.copied", "skip", f"本机关{previous.year}年度的报告没有可比较的正文段落",
                     [], {"against": previous.id})
    share, limit = _percent(comparison.share), _percent(threshold)
    details = _copied_details(previous, comparison)
    passages = [p.a for p in comparison.pairs]
    if comparison.share >= threshold:
        return Check("history.copied", "fail",
                     f"正文有{share}与本机关{previous.year}年度的报告相同或近似相同（不计数字和年份），"
                     f"达到内容雷同的界限（{limit}）", passages, details)
    return Check("history.copied", "pass",
                 f"正文与本机关{previous.year}年度的报告相同或近似相同的部分占{share}，低于内容雷同的界限（{limit}）",
                 passages, details)


def peers_copied(this: ReportFacts, peer: ReportFacts | None, comparison: Comparison | None,
                 threshold: float, later: ReportFacts | None = None) -> Check:
    """`peers.copied`: how much of this report's prose is the most similar other agency's report of the year.

    `later` is a similar report left out because it was published after this one.
    """
    if this.year is None:
        return Check("peers.copied", "skip", "报告年度不明，无法与同年度其他机关的报告比较", [])
    if not this.prose:
        return Check("peers.copied", "skip", "报告没有可比较的正文段落", [])
    limit = _percent(threshold)
    if later is not None and (comparison is None or comparison.share < threshold):
        return Check("peers.copied", "pass",
                     f"同年度与本报告相似的是{later.agency or '另一机关'}的报告《{later.title}》，"
                     f"但它晚于本报告发布（{later.published}），本报告在先", [], {"against": later.id})
    if peer is None or comparison is None:
        return Check("peers.copied", "pass", f"同年度其他机关的报告中没有与本报告相似的（界限{limit}）", [])
    share = _percent(comparison.share)
    who = f"{peer.agency or '另一机关'}的报告《{peer.title}》"
    details = _copied_details(peer, comparison)
    passages = [p.a for p in comparison.pairs]
    if comparison.share >= threshold:
        return Check("peers.copied", "fail",
                     f"正文有{share}与同年度{who}相同或近似相同（不计数字和年份），达到内容雷同的界限（{limit}）",
                     passages, details)
    return Check("peers.copied", "pass",
                 f"同年度最相似的是{who}，相同或近似相同的部分占{share}，低于内容雷同的界限（{limit}）",
                 passages, details)
