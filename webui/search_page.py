"""The search page `/`: query box, results with marked snippets, facets, filter chips, pages."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from indexer.metric_names import metric_groups
from indexer.search import search

from . import search_view
from .params import parse_state
from .services import services

bp = Blueprint("search", __name__)

EXAMPLE_QUERIES = ("行政处罚", "依申请公开", "疫情", '"信息处理费"', "卫健委 -疫情")


def sort_groups(keys: frozenset[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The figures a list can be sorted by, those some indexed report states: common ones first, then by table."""
    return metric_groups(set(keys), common=True)


@bp.get("/")
def index():
    """Search; with no query and no filter, every report, newest first."""
    state = parse_state(request.args)
    svc = services()
    with svc.live.use() as ix:
        answer = search(ix, state.request(svc.config.page_size), svc.synonyms)
        groups = sort_groups(ix.metric_keys())
        report_count = ix.doc_count
    sort = state.sort or ""  # no explicit sort: relevance with a query, newest first without
    return render_template(
        "search.html",
        state=state,
        answer=answer,
        report_count=report_count,
        sort_key=sort.lstrip("-"),
        sort_descending=sort.startswith("-") or sort in ("", "relevance"),
        sort_groups=groups,
        **search_view.navigation(state, answer),
        query_description=search_view.describe_query(answer),
        examples=EXAMPLE_QUERIES,
    )


@bp.get("/search")
def search_alias():
    """`/search?q=…` is where people and other tools guess the search is: send them to `/`, filters kept."""
    return redirect(url_for("search.index", **request.args.to_dict(flat=False)), code=301)
