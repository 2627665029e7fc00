"""The JSON API: every page's data, and the exports as streamed downloads.

`/api/search` answers in the shape of spec/search.md, `/api/reports/<id>` is
the record of spec/report.md; errors are JSON with the right status
(see `errors`). Exports run the search before the first byte is sent, so a
bad request is a 400, not a broken download.
"""

from __future__ import annotations

from contextlib import ExitStack
from itertools import chain
from typing import Iterable, Iterator

from flask import Blueprint, Response, jsonify, request

from indexer import export
from indexer.metric_names import metric_label
from indexer.search import search

from . import agency_view, compare_view, metrics_view
from .params import parse_state
from .report_page import load_record
from .services import services

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search_json():
    state = parse_state(request.args)
    svc = services()
    with svc.live.use() as ix:
        return jsonify(search(ix, state.request(svc.config.page_size), svc.synonyms))


@bp.get("/reports/<report_id>")
def report_json(report_id: str):
    with services().live.use() as ix:
        return jsonify(load_record(ix, report_id))


@bp.get("/agencies/<path:agency_id>")
def agency_json(agency_id: str):
    with services().live.use() as ix:
        return jsonify(agency_view.as_json(agency_view.agency_page(ix, agency_id, request.args.get("m"))))


@bp.get("/compare")
def compare_json():
    with services().live.use() as ix:
        data = compare_view.comparison(ix, request.args.get("a", "").strip(), request.args.get("b", "").strip())
    return jsonify(compare_view.as_json(data))


@bp.get("/metrics")
def metrics_json():
    state = parse_state(request.args, extra=metrics_view.EXTRA_PARAMS)
    choice = metrics_view.parse_choice(state)
    svc = services()
    with svc.live.use() as ix:
        answer, chart = metrics_view.page(ix, state, choice, svc.synonyms)
    keep = ("id", "title", "agency", "region", "year", "url", "values")
    return jsonify({
        "query": answer["query"],
        "filters": answer["filters"],
        "total": answer["total"],
        "page": answer["page"],
        "page_size": answer["page_size"],
        "sort": answer["sort"],
        "metrics": [{"key": key, "label": metric_label(key)} for key in choice.metrics],
        "results": [{k: r[k] for k in keep} for r in answer["results"]],
        "chart": {
            "metric": chart.metric,
            "label": metric_label(chart.metric),
            "by": chart.by if chart.by == "year" else chart.level,
            "groups": [{"name": g.name, "reports": g.reports, "total": g.total} for g in chart.groups],
        },
    })


def _export(fmt: str) -> Response:
    state = parse_state(request.args)
    svc = services()
    stack = ExitStack()
    try:
        ix = stack.enter_context(svc.live.use())  # held until the download ends
        rows = export.rows(ix, state.but(page=1, page_size=None).request(svc.config.page_size), svc.synonyms)
        first = next(rows, None)  # runs the search now
    except BaseException:
        stack.close()
        raise
    all_rows: Iterable[dict] = chain([first], rows) if first is not None else ()
    chunks = export.csv_chunks(all_rows) if fmt == "csv" else export.jsonl_chunks(all_rows)

    def body() -> Iterator[bytes]:
        try:
            for chunk in chunks:
                yield chunk.encode("utf-8")
        finally:
            stack.close()

    mimetype = "text/csv" if fmt == "csv" else "application/x-ndjson"
    response = Response(body(), content_type=f"{mimetype}; charset=utf-8")
    response.headers["Content-Disposition"] = f"attachment; filename=nianbao-reports.{fmt}"
    response.call_on_close(stack.close)
    return response


@bp.get("/export.csv")
def export_csv():
    return _export("csv")


@bp.get("/export.jsonl")
def export_jsonl():
    return _export("jsonl")
