"""The numbers of a search's reports: a table of chosen metrics, and one metric summed by year or region.

Shared by the `/metrics` page and `/api/metrics`. The table is a page of the
search (same filters, sort and paging as the search page); the chart covers
every report the search selects, read from the index's metric and facet
columns rather than from the records.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.engine import Index
from indexer.metric_names import metric_label
from indexer.search import ordered_docnums, search
from indexer.synonyms import Synonyms
from indexer.tables import METRIC_KEYS

from .params import ParamError, SearchState

DEFAULT_METRICS = (
    "active.published_total", "active.penalty.decisions", "apply.new.total", "apply.granted.total", "review.total",
)
MAX_METRICS = 20
GROUPINGS = {"year": "年度", "region": "地区"}
EXTRA_PARAMS = ("m", "chart", "by")


@dataclass(frozen=True)
class Group:
    name: str
    reports: int  # reports of the selection in this group that state the metric
    total: int | float


@dataclass(frozen=True)
class Chart:
    metric: str
    by: str  # year or region
    level: str  # province, city or county when by region
    groups: list[Group]

    @property
    def title(self) -> str:
        return f"{metric_label(self.metric)}：按{GROUPINGS[self.by]}合计"


@dataclass(frozen=True)
class MetricsChoice:
    metrics: list[str]
    chart_metric: str
    by: str


def parse_choice(state: SearchState) -> MetricsChoice:
    """The metrics to show (m), the one to chart (chart) and its grouping (by), from the state's extra parameters."""
    extra: dict[str, list[str]] = {}
    for name, value in state.extra:
        extra.setdefault(name, []).append(value)
    metrics = list(dict.fromkeys(extra.get("m", []))) or list(DEFAULT_METRICS)
    if len(metrics) > MAX_METRICS:
        raise ParamError("m", f"最多可以同时选 {MAX_METRICS} 个指标。")
    for key in metrics:
        if key not in METRIC_KEYS:
            raise ParamError("m", f"没有“{key}”这个指标：指标名见 CSV 导出的列名，例如 apply.new.total。")
    chart_metric = (extra.get("chart") or [metrics[0]])[-1]
    if chart_metric not in METRIC_KEYS:
        raise ParamError("chart", f"没有“{chart_metric}”这个指标，无法作图。")
    by = (extra.get("by") or ["year"])[-1]
    if by not in GROUPINGS:
        raise ParamError("by", "作图分组只能是 year（按年度）或 region（按地区）。")
    return MetricsChoice(metrics, chart_metric, by)


def region_level(state: SearchState) -> str:
    """Group by the level below the chosen region: provinces, then a province's cities, then a city's counties."""
    if state.city:
        return "county"
    if state.province:
        return "city"
    return "province"


def chart(ix: Index, state: SearchState, choice: MetricsChoice, synonyms: Synonyms, page_size: int) -> Chart:
    request = state.request(page_size)
    docs = ordered_docnums(ix, request, synonyms)
    values = ix.metrics().get(choice.chart_metric, {})
    level = region_level(state)
    column = ix.column("year" if choice.by == "year" else level)
    sums: dict[str, list] = {}
    for d in docs:
        if d in values:
            name = column[d] or "未知"
            entry = sums.setdefault(name, [0, 0])
            entry[0] += 1
            entry[1] += values[d]
    if choice.by == "year":
        order = sorted(sums, key=lambda k: (k == "未知", k))
    else:
        order = sorted(sums, key=lambda k: (k == "未知", -sums[k][1], k))
    groups = [Group(name, sums[name][0], _tidy(sums[name][1])) for name in order]
    return Chart(choice.chart_metric, choice.by, level, groups)


def _tidy(value: int | float) -> int | float:
    return round(value, 2) if isinstance(value, float) else value


def table(ix: Index, state: SearchState, choice: MetricsChoice, synonyms: Synonyms, page_size: int) -> dict:
    """The search answer for the state, each result with the chosen metrics' values."""
    answer = search(ix, state.request(page_size), synonyms)
    metrics = ix.metrics()
    for result in answer["results"]:
        d = ix.docnum(result["id"])
        result["values"] = {key: metrics.get(key, {}).get(d) for key in choice.metrics}
    return answer


PAGE_SIZE = 50  # reports per page of the numbers table


def page(ix: Index, state: SearchState, choice: MetricsChoice, synonyms: Synonyms) -> tuple[dict, Chart]:
    """The numbers page's data: one page of the table, and the chart over the whole selection."""
    return table(ix, state, choice, synonyms, PAGE_SIZE), chart(ix, state, choice, synonyms, PAGE_SIZE)
