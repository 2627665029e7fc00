"""The app and the index folder: no index yet, a new generation after `nianbao index`, without restart."""

from __future__ import annotations

import shutil

from fixtures.web_site import SAMPLES, WEB_CORPUS, build_site, soup

pytest_plugins = ("fixtures.web",)


def test_without_an_index_pages_say_how_to_build_one_and_then_serve_it_without_restart(tmp_path):
    from indexer.config import Config
    from indexer.indexing import index_corpus
    from webui import create_app

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(SAMPLES, corpus)
    app = create_app(Config(corpus=corpus, index=index))
    client = app.test_client()

    for url in ("/", "/?q=行政处罚", "/metrics", "/reports/0d8b96a474ed6a52"):
        response = client.get(url)
        assert response.status_code == 503, url
        page = soup(response)
        assert page.find("h1").get_text() == "还没有可以搜索的索引。"
        assert "nianbao index" in page.get_text()
    api = client.get("/api/search?q=x")
    assert api.status_code == 503 and api.get_json()["error"] == "no_index"

    index_corpus(corpus, index, workers=1)
    assert client.get("/api/search").get_json()["total"] == 5
    app.extensions["nianbao"].live.close()


def test_an_index_that_cannot_be_opened_is_a_503_that_says_so(tmp_path):
    from indexer.config import Config
    from webui import create_app

    index = tmp_path / "index"
    (index / "gen-000001").mkdir(parents=True)
    (index / "gen-000001" / "meta.json").write_text("{}", encoding="utf-8")  # a generation without its files
    (index / "CURRENT").write_text("gen-000001\n", encoding="ascii")
    client = create_app(Config(corpus=tmp_path, index=index)).test_client()
    response = client.get("/?q=行政处罚")
    assert response.status_code == 503
    assert soup(response).find("h1").get_text() == "索引无法打开。"
    assert client.get("/api/search").get_json()["error"] == "index_unreadable"


def test_a_new_generation_is_served_after_reindexing_and_requests_in_flight_finish_on_the_old_one(tmp_path):
    from indexer.indexing import index_corpus
    from webui import create_app

    site = build_site(tmp_path, with_web_reports=False)
    app = create_app(site.config())
    client = app.test_client()
    live = app.extensions["nianbao"].live
    assert client.get("/api/search?q=鹤城区").get_json()["total"] == 0
    first = live.generation

    with live.use() as in_flight:  # a request that started before the new generation went live
        shutil.copytree(WEB_CORPUS, site.corpus / "web")
        index_corpus(site.corpus, site.index, workers=1)
        answer = client.get("/api/search?q=鹤城区").get_json()
        assert answer["total"] == 1  # the next request sees the new report
        assert live.generation != first
        assert in_flight.doc_count == 5 and in_flight.record(0)["id"]  # the old one still reads

    (site.corpus / "samples" / next(p.name for p in SAMPLES.iterdir())).unlink()
    index_corpus(site.corpus, site.index, workers=1)
    assert client.get("/api/search").get_json()["total"] == 5  # one sample removed, one report added
    page = soup(client.get("/?q=鹤城区"))
    assert len(page.select("li.result")) == 1
    live.close()


def test_flask_run_reads_the_config_named_by_the_environment(web_site, tmp_path, monkeypatch):
    from webui import create_app

    config = tmp_path / "config.toml"
    config.write_text(f'[paths]\ncorpus = "{web_site.corpus.as_posix()}"\nindex = "{web_site.index.as_posix()}"\n'
                      '[search]\npage_size = 3\n', encoding="utf-8")
    monkeypatch.setenv("NIANBAO_CONFIG", str(config))
    app = create_app()  # what `flask --app webui run` calls
    answer = app.test_client().get("/api/search").get_json()
    assert answer["page_size"] == 3 and answer["total"] == 6
    app.extensions["nianbao"].live.close()
