"""The report page `/reports/<id>` and the download of its original file.

The download serves only the file the record's `source` names inside the
configured corpus folder: the URL carries a report id, never a path, and the
resolved path is checked to lie inside the corpus before it is opened.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from dataclasses import replace

from flask import Blueprint, redirect, render_template, request, send_file

from indexer.corpus import find_source
from indexer.engine import Index

from . import metrics_view
from .errors import PageError
from .links import external_url
from .params import SearchState, parse_state
from .report_view import query_needles, report_view
from .services import services
from .standard_tables import prose_figures, standard_tables

bp = Blueprint("reports", __name__)

MAX_ID_CHARS = 64
MAX_QUERY_CHARS = 2000


def not_found(report_id: str) -> PageError:
    return PageError(404, "not_found", f"没有编号为“{report_id[:MAX_ID_CHARS]}”的报告。",
                     "报告可能已从语料中删除，或链接不完整。请回到首页重新搜索。")


class Moved(Exception):
    """A retired report id whose successor is in the index: answered with a 301 to it."""

    def __init__(self, successor: str):
        super().__init__(successor)
        self.successor = successor


def gone(report_id: str, info: dict) -> PageError:
    """410 for a report that was indexed once and has left the corpus, naming it."""
    agency = f"{info['agency']}" if info.get("agency") else ""
    title = f"《{info['title']}》" if info.get("title") else f"编号为“{report_id}”的报告"
    year = f"（{info['year']}年度）" if info.get("year") else ""
    when = f"于 {info['retired']} " if info.get("retired") else ""
    source = f"原文件 {info['source']} " if info.get("source") else ""
    return PageError(410, "gone", f"{agency}{title}{year}已不在索引中。",
                     f"这份报告的{source}{when}已从语料中删除，索引中也没有接替它的报告。可以回到首页搜索这个机关的其他报告。")


def load_record(ix: Index, report_id: str) -> dict:
    """The record of a report id; Moved for a retired id with a successor, 410 for other retired ids, else 404."""
    valid = 0 < len(report_id) <= MAX_ID_CHARS
    docnum = ix.docnum(report_id) if valid else None
    if docnum is None:
        info = ix.retired(report_id) if valid else None
        if info is None:
            raise not_found(report_id)
        successor = ix.successor(report_id)
        if successor:
            raise Moved(successor)
        raise gone(report_id, info)
    return ix.record(docnum)


def redirect_moved(exc: Moved):
    """301 to the successor's address: same path and query with the new id (the browser keeps the #passage)."""
    old = request.view_args.get("report_id", "") if request.view_args else ""
    path = request.path.replace(f"/{old}", f"/{exc.successor}", 1) if old else request.path
    query = request.query_string.decode("utf-8", "replace")
    return redirect(path + (f"?{query}" if query else ""), code=301)


def source_path(corpus: Path, source: str) -> Path | None:
    """The file `source` names inside `corpus`, or None when it is not a file there.

    A source shows a GBK file name decoded (`indexer.corpus`); `find_source`
    finds the file by its bytes, and never outside the corpus.
    """
    try:
        return find_source(corpus, source)
    except (OSError, ValueError):
        return None


# A report opened from a results list carries that list's whole state (query, filters,
# sort, page, and for the numbers page its choices), so that links back return to it.
FROM_PARAM = "from"  # "metrics" when opened from the numbers page
MARKS_PARAM = "hl"  # hl=0: show the report without marking the query
REPORT_PARAMS = (*metrics_view.EXTRA_PARAMS, FROM_PARAM, MARKS_PARAM)


def short_name(text: str, limit: int = 12) -> str:
    """A passage named by its start, for the short links of the checks list: 一、本年新收政府信息…"""
    first = text.split(" | ", 1)[0].strip() or text.strip()
    return first if len(first) <= limit else first[:limit] + "…"


def back_link(state: SearchState) -> tuple[str, SearchState]:
    """(endpoint, state) of the results list the report was opened from."""
    extra = dict(state.extra)
    if extra.get(FROM_PARAM) == "metrics":
        kept = tuple((k, v) for k, v in state.extra if k in metrics_view.EXTRA_PARAMS)
        return "metrics.index", replace(state, extra=kept)
    return "search.index", replace(state, extra=())


@bp.get("/reports/<report_id>")
def show(report_id: str):
    state = parse_state(request.args, extra=REPORT_PARAMS)
    marking = dict(state.extra).get(MARKS_PARAM) != "0"
    query = state.q.strip()[:MAX_QUERY_CHARS] if marking else ""
    svc = services()
    with svc.live.use() as ix:
        record = load_record(ix, report_id)
    needles, terms = query_needles(query, svc.synonyms, record) if query else ([], [])
    view = report_view(record, needles, terms,
                       lambda pid: external_url("reports.show", report_id=record["id"], _anchor=pid))
    checks = record.get("checks", [])
    back_endpoint, back_state = back_link(state)
    extra = tuple((k, v) for k, v in state.extra if k != MARKS_PARAM)
    return render_template(
        "report.html",
        record=record,
        query=query,
        state=state,
        back_endpoint=back_endpoint,
        back_state=back_state,
        unmarked_state=replace(state, extra=(*extra, (MARKS_PARAM, "0"))),
        marked_state=replace(state, extra=extra),
        report_url=external_url("reports.show", report_id=record["id"]),
        passage_names={p.id: short_name(p.text) for s in view.sections for p in s.passages()},
        view=view,
        tables=standard_tables(record),
        prose=prose_figures(record),
        failed=[c for c in checks if c["status"] == "fail"],
        passed=[c for c in checks if c["status"] == "pass"],
        skipped=[c for c in checks if c["status"] == "skip"],
        has_file=source_path(svc.config.corpus, record["source"]) is not None,
    )


@bp.get("/reports/<report_id>/file")
def original_file(report_id: str):
    """The report's original file, as a download (it may be HTML from the web: never shown inline)."""
    svc = services()
    with svc.live.use() as ix:
        record = load_record(ix, report_id)
    path = source_path(svc.config.corpus, record["source"])
    if path is None:
        raise PageError(404, "file_missing", "这份报告的原文件已不在语料文件夹中。",
                        "文件可能已被移动或删除；重新运行 nianbao index 后，索引会与语料一致。")
    mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    shown_name = record["source"].rsplit("/", 1)[-1]
    return send_file(path, mimetype=mimetype, as_attachment=True, download_name=download_name(shown_name))


def download_name(name: str) -> str:
    """A file name fit for a Content-Disposition header: no control characters (a name may hold a newline)."""
    return "".join("_" if ord(ch) < 32 or ord(ch) == 127 else ch for ch in name)
