"""The JSON API: every page's data, and the exports as streamed downloads.

`/api/search` answers in the shape of spec/search.md, `/api/reports/<id>` is
the record of spec/report.md; errors are JSON with the right status
(see `errors`). Exports run the search before the first byte is sent, so a
bad request is a 400, not a broken download.
"""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from itertools import chain
from typing import Iterable, Iterator

from flask import Blueprint, Response, jsonify, request

from indexer import export
from indexer.metric_names import metric_label
from indexer.search import search
from indexer.template import METRIC_KEYS

from . import agency_view, compare_view, metrics_view
from .links import base_url
from .params import ParamError, parse_state
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
        "chart": metrics_view.chart_json(chart),
    })


EXPORT_PARAMS = ("m", "header")
_MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_choice(state) -> tuple[tuple[str, ...], str]:
    """(columns, header) of an export request: the figures named by `m` (default: all), `header`."""
    extra: dict[str, list[str]] = {}
    for name, value in state.extra:
        extra.setdefault(name, []).append(value)
    metrics = list(dict.fromkeys(extra.get("m", [])))
    for key in metrics:
        if key not in METRIC_KEYS:
            raise ParamError("m", f"没有“{key}”这个指标：指标名见 CSV 导出的第二行表头（header=both），例如 apply.new.total。")
    header = (extra.get("header") or ["labels"])[-1]
    if header not in export.HEADERS:
        raise ParamError("header", "表头 header 只能是 labels（中文名称）、keys（指标名）或 both（两行都有）。")
    return export.columns(metrics or None), header


def _export(fmt: str) -> Response:
    state = parse_state(request.args, extra=EXPORT_PARAMS)
    columns, header = export_choice(state)
    svc = services()
    stack = ExitStack()
    try:
        ix = stack.enter_context(svc.live.use())  # held until the download ends
        request_ = state.but(page=1, page_size=None, extra=()).request(svc.config.page_size)
        rows = export.rows(ix, request_, svc.synonyms, base_url())
        first = next(rows, None)  # runs the search now
    except BaseException:
        stack.close()
        raise
    all_rows: Iterable[dict] = chain([first], rows) if first is not None else ()
    if fmt == "xlsx":
        try:
            book = tempfile.TemporaryFile()
            export.write_xlsx(all_rows, book, columns, header)
        finally:
            stack.close()
        book.seek(0)
        chunks: Iterator[bytes] = iter(lambda: book.read(1 << 16), b"")
        cleanup = book.close
    else:
        text = export.csv_chunks(all_rows, columns, header) if fmt == "csv" else export.jsonl_chunks(all_rows, columns)
        chunks = (chunk.encode("utf-8") for chunk in text)
        cleanup = stack.close

    def body() -> Iterator[bytes]:
        try:
            yield from chunks
        finally:
            cleanup()

    response = Response(body(), content_type=_MIMETYPES[fmt])
    response.headers["Content-Disposition"] = f"attachment; filename=nianbao-reports.{fmt}"
    response.call_on_close(cleanup)
    return response


@bp.get("/export.csv")
def export_csv():
    return _export("csv")


@bp.get("/export.xlsx")
def export_xlsx():
    return _export("xlsx")


@bp.get("/export.jsonl")
def export_jsonl():
    return _export("jsonl")
