"""The production server: waitress, taught to accept UTF-8 in the request line and to word its own errors.

Browsers percent-encode a URL's Chinese characters, but curl and many scripts
send them as raw UTF-8 bytes (``curl '…/api/search?q=疫情'``), which waitress
rejects as a bad URI. The parser here percent-encodes those bytes before
waitress reads the line, which is exactly what the client meant.

A request waitress cannot parse at all (a broken request line, headers over
its size limit) never reaches the app; waitress answers it itself, in
English plain text and without the security headers. `_ErrorTask` gives
those answers the app's headers and a Chinese message (JSON under /api/).
"""

from __future__ import annotations

import html
import json
import logging
import re

from flask import Flask
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import create_server
from waitress.task import ErrorTask

from .headers import SECURITY_HEADERS

_NON_ASCII = re.compile(rb"[\x80-\xff]")
THREADS = 8


class _Utf8RequestLineParser(HTTPRequestParser):
    def parse_header(self, header_plus: bytes):
        end = header_plus.find(b"\r\n")
        if end > 0:
            line = _NON_ASCII.sub(lambda m: b"%%%02X" % m.group()[0], header_plus[:end])
            header_plus = line + header_plus[end:]
        return super().parse_header(header_plus)


_WAITRESS_ERRORS = {
    400: ("bad_request", "请求无法理解：请求的格式不正确。", "请检查网址是否完整，或回到首页重新搜索。"),
    413: ("too_large", "请求太大。", "请缩短查询后再试。"),
    431: ("headers_too_large", "请求头或网址太长。", "请缩短网址，或清除本站的 Cookie 后再试。"),
    501: ("not_implemented", "服务器不支持这种请求。", "请用浏览器直接打开网址。"),
}
_DEFAULT_ERROR = ("error", "请求无法完成。", "请稍后再试；如果一直出现，请把网址告诉管理员。")


class _ErrorTask(ErrorTask):
    """waitress's own error answer, with the app's security headers and a Chinese message."""

    def execute(self) -> None:
        error = self.request.error
        code = getattr(error, "code", 500)
        name, message, hint = _WAITRESS_ERRORS.get(code, _DEFAULT_ERROR)
        if (getattr(self.request, "path", "") or "").startswith("/api/"):
            body = json.dumps({"status": code, "error": name, "message": message, "hint": hint}, ensure_ascii=False)
            kind = "application/json"
        else:
            body = (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(message)}'
                    f'</title></head><body><h1>{html.escape(message)}</h1><p>{html.escape(hint)}</p>'
                    f'<p>错误代码 {code}</p><p><a href="/">回到首页搜索</a></p></body></html>')
            kind = "text/html"
        data = body.encode("utf-8")
        self.status = f"{code} {getattr(error, 'reason', 'Error')}"
        self.response_headers.extend([("Content-Type", f"{kind}; charset=utf-8"), *SECURITY_HEADERS])
        self.set_close_on_finish()
        self.content_length = len(data)
        self.write(data)


class _Channel(HTTPChannel):
    parser_class = _Utf8RequestLineParser
    error_task_class = _ErrorTask


def make_server(app: Flask, host: str, port: int, threads: int = THREADS):
    """A waitress server for `app`, bound and ready to `run()`; port 0 picks a free one (`effective_port`)."""
    server = create_server(app, host=host, port=port, threads=threads, ident="nianbao")
    for each in (server, *getattr(server, "map", {}).values()):
        if hasattr(each, "channel_class"):
            each.channel_class = _Channel
    return server


def serve(app: Flask, host: str, port: int) -> None:
    """Serve until interrupted; errors are logged to standard error."""
    logging.basicConfig(level=logging.WARNING)
    make_server(app, host, port).run()
