"""Helpers that templates call: URLs of a search state, and Chinese names of codes."""

from __future__ import annotations

from flask import Flask, url_for

from indexer.metric_names import metric_label

from . import labels
from .chart import format_number
from .params import SearchState
from .search_view import shorten


def state_url(endpoint: str, state: SearchState, **values) -> str:
    """The URL of `endpoint` showing `state` (plus route `values`)."""
    return url_for(endpoint, **values, **state.args())


def hidden_fields(state: SearchState, exclude: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(name, value) of the state's parameters, for hidden inputs that keep them when a form is sent."""
    out: list[tuple[str, str]] = []
    for name, value in state.args().items():
        if name not in exclude:
            out += [(name, v) for v in value] if isinstance(value, list) else [(name, value)]
    return out


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(state_url=state_url, hidden_fields=hidden_fields, shorten=shorten)
    app.jinja_env.filters.update(
        level_name=labels.level_name,
        template_name=labels.template_name,
        check_name=labels.check_name,
        status_name=lambda s: labels.STATUS_NAMES.get(s, s),
        region_parts=labels.region_parts,
        where_name=labels.where_name,
        metric_label=metric_label,
        number=format_number,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
