"""What a user sees when something goes wrong: what happened and what to do, in Chinese.

Pages get an HTML page, `/api/…` gets JSON ``{"status", "error", "message"}``;
both with the right status code. A traceback is never shown: an unexpected
error is logged and answered with a plain 500 page.
"""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.search import SearchError

from .live_index import IndexUnavailable
from .params import ParamError

log = logging.getLogger(__name__)


class PageError(Exception):
    """An answer other than the page asked for: status, a message and what to do about it."""

    def __init__(self, status: int, error: str, message: str, hint: str = ""):
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.hint = hint


NO_INDEX = PageError(
    503, "no_index", "还没有可以搜索的索引。",
    "请在服务器上运行 nianbao index 建立索引（或用 nianbao serve 启动，它会先建立索引），完成后刷新本页。",
)

UNREADABLE_INDEX = PageError(
    503, "index_unreadable", "索引无法打开。",
    "请在服务器上重新运行 nianbao index；如果仍然出错，请把服务器日志交给管理员。",
)

_HTTP = {
    400: ("bad_request", "请求无法理解。", "请检查网址是否完整。"),
    404: ("not_found", "没有这个页面。", "请检查网址，或回到首页重新搜索。"),
    405: ("method_not_allowed", "这个网址不接受这种请求方式。", "请用浏览器直接打开网址。"),
    413: ("too_large", "请求太大。", "请缩短查询。"),
    414: ("uri_too_long", "网址太长。", "请缩短查询或减少筛选条件。"),
}


def _wants_json() -> bool:
    return request.blueprint == "api" or request.path.startswith("/api/")


def respond(error: PageError):
    if _wants_json():
        body = {"status": error.status, "error": error.error, "message": error.message}
        if error.hint:
            body["hint"] = error.hint
        param = getattr(error, "param", None)
        if param:
            body["param"] = param
        return jsonify(body), error.status
    return render_template("error.html", error=error), error.status


def _param_error(exc: ParamError):
    error = PageError(400, "bad_parameter", exc.message, "请修改网址中的这个参数，或回到首页重新搜索。")
    error.param = exc.param  # type: ignore[attr-defined]
    return respond(error)


def _search_error(exc: SearchError):
    """A search the index cannot run: worded for the parameter at fault when it is known."""
    if exc.param == "sort":
        return _param_error(ParamError("sort", f"无法按“{exc.value}”排序：索引中没有报告含有这个指标。"))
    if exc.param == "failing":
        return _param_error(ParamError("failing", f"没有“{exc.value}”这项检查：检查编号形如 apply.balance.total 或 "
                                                  "date.deadline，也可以写一类检查，例如 apply.balance。"))
    if exc.param == "where":
        return _param_error(ParamError("where", f"数值条件“{exc.value}”中的指标“{exc.value.key}”在索引中不存在。"))
    return respond(PageError(400, "bad_request", f"这个搜索无法执行：{exc}", "请修改查询或筛选条件。"))


def _http_error(exc: HTTPException):
    code = exc.code or 500
    error, message, hint = _HTTP.get(code, ("error", "请求无法完成。", "请稍后再试。"))
    return respond(PageError(code, error, message, hint))


def _unexpected(exc: Exception):
    log.exception("unexpected error on %s", request.path)
    return respond(PageError(500, "internal_error", "服务器出了问题，这个请求没有完成。",
                             "请稍后再试；如果一直出现，请把网址告诉管理员。"))


def init_app(app: Flask) -> None:
    app.register_error_handler(PageError, respond)
    app.register_error_handler(ParamError, _param_error)
    app.register_error_handler(SearchError, _search_error)
    app.register_error_handler(IndexUnavailable, lambda exc: respond(NO_INDEX if exc.missing else UNREADABLE_INDEX))
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
