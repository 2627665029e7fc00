"""The compare view `/compare?a=<id>&b=<id>`: two reports passage by passage, and their figures side by side."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from . import compare_view
from .services import services

bp = Blueprint("compare", __name__)


@bp.get("/compare")
def show():
    with services().live.use() as ix:
        data = compare_view.comparison(ix, request.args.get("a", "").strip(), request.args.get("b", "").strip())
    return render_template("compare.html", data=data, status_names=compare_view.STATUS_NAMES)
