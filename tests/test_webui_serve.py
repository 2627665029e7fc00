"""`nianbao serve` and the production server (waitress) it runs."""

from __future__ import annotations

import json
import shutil
import socket
import threading

from fixtures.web_site import SAMPLES, ZHOUSHAN

pytest_plugins = ("fixtures.web",)


def test_serve_indexes_the_corpus_first_when_there_is_no_index_and_prints_the_url(tmp_path, monkeypatch, capsys):
    import webui.server
    from indexer import cli

    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    served = {}

    def fake_serve(app, host, port):
        served.update(app=app, host=host, port=port)

    monkeypatch.setattr(webui.server, "serve", fake_serve)
    code = cli.main(["serve", "--corpus", str(corpus), "--index", str(tmp_path / "index"), "--port", "8123"])
    out = capsys.readouterr().out
    assert code == 0
    assert "no index yet" in out and "http://127.0.0.1:8123/" in out
    assert served["host"] == "127.0.0.1" and served["port"] == 8123
    assert served["app"].test_client().get("/api/search").get_json()["total"] == 5
    served["app"].extensions["nianbao"].live.close()


def test_serve_with_an_index_does_not_reindex(web_site, monkeypatch, capsys):
    import webui.server
    from indexer import cli

    monkeypatch.setattr(webui.server, "serve", lambda app, host, port: app.extensions["nianbao"].live.close())
    code = cli.main(["serve", "--corpus", str(web_site.corpus), "--index", str(web_site.index), "--host", "0.0.0.0"])
    out = capsys.readouterr().out
    assert code == 0 and "no index yet" not in out and "http://127.0.0.1:8000/" in out


def test_serve_with_no_corpus_and_no_index_says_what_to_do(tmp_path, capsys):
    from indexer import cli

    code = cli.main(["serve", "--corpus", str(tmp_path / "missing"), "--index", str(tmp_path / "index")])
    assert code == 2 and "--corpus" in capsys.readouterr().err


def _get(port: int, raw_target: bytes) -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(b"GET " + raw_target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_the_server_accepts_chinese_sent_unencoded_as_curl_does(app):
    from webui.server import make_server

    server = make_server(app, "127.0.0.1", 0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        status, body = _get(server.effective_port, "/api/search?q=疫情&province=浙江省&year=2020".encode("utf-8"))
        assert status == 200
        answer = json.loads(body)
        assert answer["query"] == "疫情" and [r["id"] for r in answer["results"]] == [ZHOUSHAN]
        status, body = _get(server.effective_port, b"/api/search?q=%E7%96%AB%E6%83%85&province=%E6%B5%99%E6%B1%9F%E7%9C%81")
        assert status == 200 and json.loads(body)["total"] == 1
    finally:
        server.close()
        thread.join(timeout=30)
