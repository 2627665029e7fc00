"""The numbers page `/metrics`: the search's reports × chosen metrics, a chart, downloads."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from indexer.metric_names import metric_groups

from . import metrics_view, search_view
from .chart import bar_chart, grouped_bar_chart
from .params import parse_state
from .services import services

bp = Blueprint("metrics", __name__)

@bp.get("/metrics")
def index():
    state = parse_state(request.args, extra=metrics_view.EXTRA_PARAMS)
    choice = metrics_view.parse_choice(state)
    svc = services()
    with svc.live.use() as ix:
        answer, chart = metrics_view.page(ix, state, choice, svc.synonyms)
        sortable = set(ix.metric_keys())
    # The export takes the search and the figures chosen here; paging does not apply to it.
    export_state = state.but(extra=tuple(("m", key) for key in choice.metrics), page=1, page_size=None)
    return render_template(
        "metrics.html",
        state=state,
        answer=answer,
        choice=choice,
        chart=chart,
        chart_svg=chart_svg(chart),
        groups=metric_groups(common=True),
        sortable=sortable,
        **search_view.navigation(state, answer),
        export_state=export_state,
        report_state=state.but(page=state.page, extra=(*state.extra, ("from", "metrics"))),
        groupings=metrics_view.GROUPINGS,
        each_year=metrics_view.EACH_YEAR,
        query_description=search_view.describe_query(answer),
    )


def chart_svg(chart: metrics_view.Chart):
    """The chart's SVG: one bar per group, or a bar per year in each group; None without data."""
    groups = chart.groups[:chart.shown]
    if not groups:
        return None
    if chart.series:
        rows = [(g.name, [g.by_year[y][1] if y in g.by_year else None for y in chart.series]) for g in groups]
        return grouped_bar_chart(rows, [f"{y}年" for y in chart.series], chart.title)
    return bar_chart([(g.name, g.total) for g in groups], chart.title)
