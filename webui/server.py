"""The production server: waitress, taught to accept UTF-8 in the request line.

Browsers percent-encode a URL's Chinese characters, but curl and many scripts
send them as raw UTF-8 bytes (``curl '…/api/search?q=疫情'``), which waitress
rejects as a bad URI. The parser here percent-encodes those bytes before
waitress reads the line, which is exactly what the client meant.
"""

from __future__ import annotations

import logging
import re

from flask import Flask
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import create_server

_NON_ASCII = re.compile(rb"[\x80-\xff]")
THREADS = 8


class _Utf8RequestLineParser(HTTPRequestParser):
    def parse_header(self, header_plus: bytes):
        end = header_plus.find(b"\r\n")
        if end > 0:
            line = _NON_ASCII.sub(lambda m: b"%%%02X" % m.group()[0], header_plus[:end])
            header_plus = line + header_plus[end:]
        return super().parse_header(header_plus)


class _Channel(HTTPChannel):
    parser_class = _Utf8RequestLineParser


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
