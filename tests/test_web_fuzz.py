"""No 500 on any input: the quick version of bench/web_fuzz.py, and waitress's own error answers."""

from __future__ import annotations

import importlib
import random
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def bench_module(name: str):
    """A module of bench/ (the harnesses whose quick versions these tests are)."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module(name)


web_fuzz = bench_module("web_fuzz")


@pytest.fixture(scope="module")
def fuzz_site(tmp_path_factory):
    from indexer.config import Config
    from webui import create_app

    corpus, index = web_fuzz.build_index(tmp_path_factory.mktemp("fuzz"), reports=12, repeat=20_000)
    app = create_app(Config(corpus=corpus, index=index))
    yield app, web_fuzz.site_of(index)
    app.extensions["nianbao"].live.close()


def test_fuzzed_requests_get_no_5xx_and_every_4xx_says_what_is_wrong_in_chinese(fuzz_site):
    app, site = fuzz_site
    client = app.test_client()
    problems = []
    sent = 0
    for request in web_fuzz.requests(random.Random(7), site, 500):
        if request.raw is not None:
            continue  # what the test client cannot send; see the waitress test below
        response = client.open(request.target, method=request.method, headers=dict(request.headers))
        headers = {k.lower(): v for k, v in response.headers.items()}
        problem = web_fuzz.judge(request, response.status_code, headers, response.get_data())
        if problem:
            problems.append(f"{problem}: {request.method} {request.target[:120]!r}")
        sent += 1
    assert sent >= 400
    assert not problems, "\n".join(problems[:20])


def _raw(port: int, data: bytes) -> tuple[int, dict[str, str], bytes]:
    request = web_fuzz.Request("GET", "/", (), data)
    status, headers, body, _ = web_fuzz.send(port, request, None)
    return status, headers, body


@pytest.fixture(scope="module")
def live_server(fuzz_site):
    from webui.server import make_server

    server = make_server(fuzz_site[0], "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield server.effective_port
    server.close()


@pytest.mark.parametrize("raw, status", [
    (b"GARBAGE\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nno colon here\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 300_000 + b"\r\n\r\n", 431),
    (b"POST /api/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
])
def test_requests_waitress_refuses_itself_get_security_headers_and_a_chinese_message(live_server, raw, status):
    got, headers, body = _raw(live_server, raw)
    assert got == status
    assert web_fuzz.judge(web_fuzz.Request("GET", "/", (), raw), got, headers, body) is None


def test_an_api_request_waitress_refuses_is_answered_in_json(live_server):
    got, headers, body = _raw(live_server, b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
    assert got == 400 and headers["content-type"].startswith("application/json")
    assert "message" in body.decode("utf-8")


def test_a_report_whose_file_name_holds_line_breaks_downloads(fuzz_site):
    app, _ = fuzz_site
    client = app.test_client()
    answer = client.get("/api/search", query_string={"q": "换行文件名"}).get_json()
    assert answer["total"] == 1
    response = client.get(f"/reports/{answer['results'][0]['id']}/file")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert "\n" not in disposition and "\r" not in disposition and "name_with_breaks.txt" in disposition


@pytest.mark.parametrize("where", ["apply.new.total>=" + "9" * 400, "apply.new.total>=1e999"])
def test_numbers_that_are_no_figure_are_a_400_that_says_so(fuzz_site, where):
    """400 nines parse as infinity: once an OverflowError (500) on /, /api/search and the report page."""
    client = fuzz_site[0].test_client()
    for path in ("/api/search", "/", "/metrics", "/api/metrics"):
        response = client.get(path, query_string={"where": where})
        assert response.status_code == 400, path
    body = client.get("/api/search", query_string={"where": where}).get_json()
    assert body["param"] == "where" and "apply.new.total" in body["message"]
