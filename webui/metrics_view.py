"""The numbers of a search's reports: a table of chosen metrics, and one metric charted by year, region or agency.

Shared by the `/metrics` page and `/api/metrics`. The table is a page of the
search (same filters, sort and paging as the search page); the chart covers
every report the search selects, read from the index's metric and facet
columns rather than from the records.

A chart never adds up figures of different years without saying so: by year
each bar is one year; by region or by agency the bars are one year's (the
chosen one, else the newest, and the caption says which), or one series per
year side by side. With a single year in the selection the chart is by region.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer.engine import Index
from indexer.metric_names import metric_label
from indexer.search import ordered_docnums, search
from indexer.synonyms import Synonyms
from indexer.template import METRIC_KEYS

from .params import ParamError, SearchState

DEFAULT_METRICS = (
    "active.published_total", "active.penalty.decisions", "apply.new.total", "apply.granted.total", "review.total",
)
MAX_METRICS = 20
GROUPINGS = {"year": "年度", "region": "地区", "agency": "机关"}
EXTRA_PARAMS = ("m", "chart", "by", "cy")
EACH_YEAR = "each"  # cy=each: one series per year
MAX_BARS = 30  # groups drawn; the table under the chart lists them all
MAX_SERIES = 6  # years drawn side by side
LEVEL_NAMES = {"province": "省份", "city": "城市", "county": "区县"}
UNKNOWN = "未知"


@dataclass(frozen=True)
class Group:
    name: str
    reports: int  # reports of the selection in this group (and year) that state the metric
    total: int | float
    by_year: dict[int, tuple[int, int | float]] = field(default_factory=dict)  # one series per year: year -> (reports, total)
    agency_id: str | None = None


@dataclass(frozen=True)
class Chart:
    metric: str
    by: str  # year, region or agency
    level: str  # province, city or county when by region
    groups: list[Group]
    year: int | None = None  # the one year charted by region or agency
    years: list[int] = field(default_factory=list)  # the years the selection's figures cover, newest first
    series: list[int] = field(default_factory=list)  # one series per year: the years drawn
    shown: int = 0  # groups drawn (the largest ones); every group is listed in the table

    @property
    def title(self) -> str:
        label = metric_label(self.metric)
        if self.by == "year":
            return f"{label}：按年度合计"
        what = f"按{LEVEL_NAMES[self.level]}合计" if self.by == "region" else "各机关"
        if self.series:
            return f"{label}：{what}，每年一组"
        return f"{label}：{self.year}年度，{what}" if self.year else f"{label}：{what}"

    @property
    def year_choices(self) -> list[int]:
        """The years one can chart by region or agency: those with figures, and the one asked for."""
        extra = [self.year] if self.year and self.year not in self.years else []
        return sorted([*self.years, *extra], reverse=True)

    @property
    def note(self) -> str:
        """What the chart leaves out, said plainly (other years, smaller groups)."""
        parts = []
        if self.by != "year" and not self.series and len(self.years) > 1:
            parts.append(f"所选报告涉及 {len(self.years)} 个年度（{self.years[-1]}—{self.years[0]}），"
                         f"图中只有 {self.year} 年度的数字，不同年度不相加；可以改选年度，或每年一组。")
        if self.series and len(self.years) > len(self.series):
            parts.append(f"只画出最近 {len(self.series)} 个年度。")
        if self.shown < len(self.groups):
            parts.append(f"图中是最大的 {self.shown} 个，共 {len(self.groups)} 个，都列在下面的表中。")
        return "".join(parts)


@dataclass(frozen=True)
class MetricsChoice:
    metrics: list[str]
    chart_metric: str
    by: str | None  # None: by region when the selection covers one year, else by year
    chart_year: str | None = None  # a year, EACH_YEAR, or None (the newest)


def parse_choice(state: SearchState) -> MetricsChoice:
    """The metrics to show (m), the one to chart (chart), its grouping (by) and year (cy), from the state."""
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
    by = (extra.get("by") or [None])[-1]
    if by is not None and by not in GROUPINGS:
        raise ParamError("by", "作图分组只能是 year（按年度）、region（按地区）或 agency（按机关）。")
    chart_year = (extra.get("cy") or [None])[-1]
    if chart_year is not None and chart_year != EACH_YEAR and not (chart_year.isascii() and chart_year.isdigit()
                                                                  and len(chart_year) == 4):
        raise ParamError("cy", f"作图年度“{chart_year}”无效：请写四位年份，或 each（每年一组）。")
    return MetricsChoice(metrics, chart_metric, by, chart_year)


def region_level(state: SearchState) -> str:
    """Group by the level below the chosen region: provinces, then a province's cities, then a city's counties."""
    if state.city:
        return "county"
    if state.province:
        return "city"
    return "province"


def _tidy(value: int | float) -> int | float:
    return round(value, 2) if isinstance(value, float) else value


def _add(sums: dict, name: str, value: int | float) -> None:
    entry = sums.setdefault(name, [0, 0])
    entry[0] += 1
    entry[1] += value


def chart(ix: Index, state: SearchState, choice: MetricsChoice, synonyms: Synonyms, page_size: int) -> Chart:
    docs = [d for d in ordered_docnums(ix, state.request(page_size), synonyms)]
    values = ix.metric(choice.chart_metric)
    stated = [d for d in docs if d in values]
    year_of = ix.column("year")
    years = sorted({int(year_of[d]) for d in stated if year_of[d]}, reverse=True)
    by = choice.by or ("region" if len(years) <= 1 or len(state.years) == 1 else "year")
    level = region_level(state)
    if by == "year":
        sums: dict[str, list] = {}
        for d in stated:
            _add(sums, year_of[d] or UNKNOWN, values[d])
        order = sorted(sums, key=lambda k: (k == UNKNOWN, k))
        groups = [Group(name, sums[name][0], _tidy(sums[name][1])) for name in order]
        return Chart(choice.chart_metric, by, level, groups, years=years, shown=len(groups))

    if by == "agency":
        column, names = ix.column("agency_id"), ix.agency_names()
    else:
        column, names = ix.column(level), {}
    series = years[:MAX_SERIES] if choice.chart_year == EACH_YEAR and years else []
    year = None
    if not series:
        wanted = int(choice.chart_year) if choice.chart_year and choice.chart_year != EACH_YEAR else None
        year = wanted if wanted is not None else (years[0] if years else None)
    per_year: dict[int, dict[str, list]] = {}
    for d in stated:
        if not year_of[d]:
            continue  # a report of unknown year is in no year's bars
        y = int(year_of[d])
        if (series and y in series) or y == year:
            _add(per_year.setdefault(y, {}), column[d] or UNKNOWN, values[d])
    keys = {k for sums in per_year.values() for k in sums}
    groups = []
    for key in keys:
        by_year = {y: (per_year[y][key][0], _tidy(per_year[y][key][1])) for y in per_year if key in per_year[y]}
        reports = sum(n for n, _ in by_year.values())
        total = _tidy(sum(v for _, v in by_year.values()))
        name = names.get(key, key.partition(":")[2] or key) if by == "agency" and key != UNKNOWN else key
        groups.append(Group(name, reports, total, by_year if series else {}, key if by == "agency" else None))
    newest = series[0] if series else year
    groups.sort(key=lambda g: (g.name == UNKNOWN, -(g.by_year.get(newest, (0, 0))[1] if series else g.total), g.name))
    return Chart(choice.chart_metric, by, level, groups, year=year, years=years, series=series,
                 shown=min(len(groups), MAX_BARS))


def table(ix: Index, state: SearchState, choice: MetricsChoice, synonyms: Synonyms, page_size: int) -> dict:
    """The search answer for the state, each result with the chosen metrics' values."""
    answer = search(ix, state.request(page_size), synonyms)
    metrics = {key: ix.metric(key) for key in choice.metrics}
    for result in answer["results"]:
        d = ix.docnum(result["id"])
        result["values"] = {key: metrics[key].get(d) for key in choice.metrics}
    return answer


PAGE_SIZE = 50  # reports per page of the numbers table


def page(ix: Index, state: SearchState, choice: MetricsChoice, synonyms: Synonyms) -> tuple[dict, Chart]:
    """The numbers page's data: one page of the table, and the chart over the whole selection."""
    return table(ix, state, choice, synonyms, PAGE_SIZE), chart(ix, state, choice, synonyms, PAGE_SIZE)


def chart_json(chart: Chart) -> dict:
    """The chart as the API gives it."""
    out = {
        "metric": chart.metric,
        "label": metric_label(chart.metric),
        "title": chart.title,
        "by": chart.by if chart.by != "region" else chart.level,
        "year": chart.year,
        "years": chart.years,
        "groups": [],
    }
    if chart.series:
        out["series"] = chart.series
    if chart.note:
        out["note"] = chart.note
    for g in chart.groups:
        entry: dict = {"name": g.name, "reports": g.reports, "total": g.total}
        if g.agency_id:
            entry["agency_id"] = g.agency_id
        if chart.series:
            entry["years"] = {str(y): {"reports": n, "total": v} for y, (n, v) in sorted(g.by_year.items())}
        out["groups"].append(entry)
    return out
