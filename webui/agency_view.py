"""One agency across the years: `/agencies/<agency_id>` and `/api/agencies/<agency_id>`.

The reports come from the index's cross-report store, which knows every
report's `agency_id` and year. Years between the first and the last report
that have no report are gaps, shown as such, never as zeros. Each figure
links to the passage it was read from; the chart draws one chosen metric
over the years; each year lists its failing checks and its checks across
reports, and links to the comparison with the year before.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from indexer.engine import Index
from indexer.metric_names import metric_label
from indexer.search import iri_quote, report_url
from indexer.template import METRIC_KEYS

from .errors import PageError
from .params import ParamError

# The figures a reader looks at first; every other metric is one click away.
MAIN_METRICS = (
    "active.published_total", "apply.new.total", "apply.carried_over.total", "apply.granted.total",
    "apply.partial.total", "apply.total.total", "apply.carried_forward.total", "review.total",
    "litigation.direct.total", "litigation.after_review.total", "active.licensing.decisions",
    "active.penalty.decisions", "fees.processing_yuan",
)
MAX_ID_CHARS = 200


def agency_url(agency_id: str) -> str:
    return "/agencies/" + iri_quote(agency_id)


def compare_url(a: str, b: str) -> str:
    return "/compare?" + urlencode({"a": a, "b": b})


@dataclass(frozen=True)
class YearColumn:
    year: int | None
    reports: list[dict]  # {id, title, url, failing, compare_url}

    @property
    def missing(self) -> bool:
        return not self.reports


def not_found(agency_id: str) -> PageError:
    return PageError(404, "not_found", f"索引中没有“{agency_id[:MAX_ID_CHARS]}”这个机关的报告。",
                     "机关编号由地区代码和机关全称组成，例如 330900:舟山市卫生健康委员会。请从报告页或搜索结果中的机关名称进入。")


def _records(ix: Index, agency_id: str) -> list[dict]:
    store = ix.cross
    if store is None or not agency_id or len(agency_id) > MAX_ID_CHARS:
        raise not_found(agency_id)
    records = []
    for rid, _, _ in store.agency_reports(agency_id):
        docnum = ix.docnum(rid)
        if docnum is not None:
            records.append(ix.record(docnum))
    if not records:
        raise not_found(agency_id)
    return records


def _columns(records: list[dict]) -> list[YearColumn]:
    by_year: dict[int | None, list[dict]] = {}
    for r in records:
        by_year.setdefault(r.get("year"), []).append(r)
    years = sorted(y for y in by_year if y is not None)
    span = list(range(years[0], years[-1] + 1)) if years else []
    columns = []
    for year in span + ([None] if None in by_year else []):
        reports = []
        for r in by_year.get(year, []):
            previous = by_year.get(year - 1, []) if year is not None else []
            reports.append({
                "id": r["id"], "title": r["title"], "url": report_url(r["id"]),
                "failing": [c["id"] for c in r.get("checks", []) if c["status"] == "fail"],
                "compare_url": compare_url(previous[0]["id"], r["id"]) if previous else None,
            })
        columns.append(YearColumn(year, reports))
    return columns


def _figures(records: list[dict], columns: list[YearColumn]) -> list[dict]:
    """One row per metric some report states: the value of each year's report (first report of a year)."""
    first = {c.year: c.reports[0]["id"] for c in columns if c.reports}
    by_id = {r["id"]: r for r in records}
    rows = []
    stated = {k for r in records for k in (r.get("metrics") or {})}
    keys = [k for k in MAIN_METRICS if k in stated] + [k for k in METRIC_KEYS if k in stated and k not in MAIN_METRICS]
    for key in keys:
        values = {}
        for column in columns:
            rid = first.get(column.year)
            metric = (by_id[rid].get("metrics") or {}).get(key) if rid else None
            if metric:
                values[column.year] = {"value": metric["value"], "report": rid,
                                       "url": report_url(rid, passage=metric.get("passage"))}
        rows.append({"key": key, "label": metric_label(key), "main": key in MAIN_METRICS, "values": values})
    return rows


def _carry_over(checks: list[dict]) -> dict | None:
    """The seven `history.carried_over.<column>` checks said in one line (the failing ones are listed anyway)."""
    carry = [c for c in checks if c["id"].startswith("history.carried_over.")]
    if not carry:
        return None
    if any(c["status"] == "fail" for c in carry):
        failing = [c for c in carry if c["status"] == "fail"]
        return {"status": "fail", "message": f"{len(failing)} 列与上一年度报告的“结转下年度继续办理”不一致"}
    if all(c["status"] == "pass" for c in carry):
        return {"status": "pass", "message": "各列“上年结转”都等于上一年度报告的“结转下年度继续办理”"}
    skipped = next(c for c in carry if c["status"] == "skip")
    return {"status": "skip", "message": skipped["message"].partition("：")[2] or skipped["message"]}


def _checks(records: list[dict], columns: list[YearColumn]) -> list[dict]:
    """Each report's failing checks, its copy checks and its carry-over in one line, by year."""
    by_id = {r["id"]: r for r in records}
    out = []
    for column in columns:
        for summary in column.reports:
            checks = by_id[summary["id"]].get("checks", [])
            shown = [c for c in checks if c["status"] == "fail" or c["id"] in ("history.copied", "peers.copied")]
            out.append({"year": column.year, "report": summary["id"], "title": summary["title"], "checks": shown,
                        "carried_over": _carry_over(checks)})
    return out


def parse_metric(value: str | None, rows: list[dict]) -> str:
    """The metric to chart (`m`): a metric key; default the first main figure the agency states."""
    if value:
        if value not in METRIC_KEYS:
            raise ParamError("m", f"没有“{value[:60]}”这个指标：指标名见 CSV 导出的列名，例如 apply.new.total。")
        return value
    return rows[0]["key"] if rows else MAIN_METRICS[0]


def agency_page(ix: Index, agency_id: str, metric: str | None) -> dict:
    """Everything the agency page and its JSON show."""
    records = _records(ix, agency_id)
    latest = max(records, key=lambda r: (r.get("year") or 0, r["id"]))
    columns = _columns(records)
    rows = _figures(records, columns)
    chart_metric = parse_metric(metric, rows)
    row = next((r for r in rows if r["key"] == chart_metric), None)
    points = [{"year": c.year, "value": (row["values"].get(c.year) or {}).get("value") if row else None}
              for c in columns if c.year is not None]
    return {
        "agency_id": agency_id,
        "agency": latest.get("agency"),
        "agency_level": latest.get("agency_level"),
        "region": latest.get("region"),
        "years": columns,
        "missing_years": [c.year for c in columns if c.missing and c.year is not None],
        "figures": rows,
        "chart": {"metric": chart_metric, "label": metric_label(chart_metric), "points": points},
        "checks": _checks(records, columns),
    }


def as_json(data: dict) -> dict:
    return dict(data, years=[{"year": c.year, "missing": c.missing, "reports": c.reports} for c in data["years"]])
