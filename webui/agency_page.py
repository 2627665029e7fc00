"""The agency page `/agencies/<agency_id>`: one agency's reports, figures, chart and checks across the years."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from indexer.metric_names import metric_label

from . import agency_view
from .chart import bar_chart
from .services import services

bp = Blueprint("agencies", __name__)


@bp.get("/agencies/<path:agency_id>")
def show(agency_id: str):
    with services().live.use() as ix:
        data = agency_view.agency_page(ix, agency_id, request.args.get("m"))
    chart = data["chart"]
    svg = bar_chart([(f"{p['year']}年", p["value"]) for p in chart["points"]],
                    f"{data['agency'] or agency_id}：{chart['label']}（按年度）", "agency-chart")
    main = [r for r in data["figures"] if r["main"]]
    more = [r for r in data["figures"] if not r["main"]]
    return render_template("agency.html", data=data, chart_svg=svg, main_rows=main, more_rows=more,
                           metric_label=metric_label)
