"""The report page `/reports/<id>` and the download of its original file.

The download serves only the file the record's `source` names inside the
configured corpus folder: the URL carries a report id, never a path, and the
resolved path is checked to lie inside the corpus before it is opened.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from flask import Blueprint, render_template, request, send_file, url_for

from indexer.engine import Index

from .errors import PageError
from .report_view import query_needles, report_view
from .services import services
from .standard_tables import prose_figures, standard_tables

bp = Blueprint("reports", __name__)

MAX_ID_CHARS = 64
MAX_QUERY_CHARS = 2000


def not_found(report_id: str) -> PageError:
    return PageError(404, "not_found", f"没有编号为“{report_id[:MAX_ID_CHARS]}”的报告。",
                     "报告可能已从语料中删除，或链接不完整。请回到首页重新搜索。")


def load_record(ix: Index, report_id: str) -> dict:
    """The record of a report id, or a 404."""
    docnum = ix.docnum(report_id) if 0 < len(report_id) <= MAX_ID_CHARS else None
    if docnum is None:
        raise not_found(report_id)
    return ix.record(docnum)


def source_path(corpus: Path, source: str) -> Path | None:
    """The file `source` names inside `corpus`, or None when it is not a file there."""
    root = corpus.resolve()
    try:
        path = (root / source).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


@bp.get("/reports/<report_id>")
def show(report_id: str):
    query = (request.args.get("q") or "").strip()[:MAX_QUERY_CHARS]
    svc = services()
    with svc.live.use() as ix:
        record = load_record(ix, report_id)
    needles, terms = query_needles(query, svc.synonyms, record.get("passages", [])) if query else ([], [])
    view = report_view(record, needles, terms,
                       lambda pid: url_for("reports.show", report_id=record["id"], _anchor=pid, _external=True))
    checks = record.get("checks", [])
    return render_template(
        "report.html",
        record=record,
        query=query,
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
    return send_file(path, mimetype=mimetype, as_attachment=True, download_name=path.name)
