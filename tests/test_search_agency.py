"""Agencies in the index, the search answer, the CLI and the JSON API: one facet entry per agency_id.

The corpus is the bundled samples plus two reports of agencies the samples
already have, for other years, each printing its agency another way: the
招远 fixture of 2022 and a 舟山 report of 2021 titled with 卫健委.
"""

from __future__ import annotations

import json
import shutil
from urllib.parse import unquote
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.search import SearchRequest, search

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
ZHAOYUAN_2022 = ROOT / "tests" / "fixtures" / "relevance" / "r12_zhaoyuan_health_2022.txt"
ZHAOYUAN_ID = "370685:招远市卫生健康局"
ZHOUSHAN_ID = "330900:舟山市卫生健康委员会"
ZHOUSHAN_2021 = (
    "舟山市卫健委2021年政府信息公开工作年度报告\n\n一、总体情况\n\n2021年，市卫健委主动公开政府信息150条，"
    "疫情防控信息及时发布。\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("agencies")
    shutil.copytree(SAMPLES, base / "reports" / "samples")
    shutil.copy(ZHAOYUAN_2022, base / "reports" / "zhaoyuan_2022.txt")
    (base / "reports" / "zhoushan_2021.txt").write_text(ZHOUSHAN_2021, encoding="utf-8")
    (base / "config.toml").write_text('[paths]\ncorpus = "reports"\nindex = "idx"\n', encoding="utf-8")
    return base


@pytest.fixture(scope="module")
def index(corpus):
    from indexer.engine import Index
    from indexer.indexing import index_corpus

    summary = index_corpus(corpus / "reports", corpus / "idx", workers=1)
    assert summary.added == 7 and not summary.failed
    with Index.open(corpus / "idx") as opened:
        yield opened


def run(index, query="", **kw):
    return search(index, SearchRequest(query=query, page_size=100, **kw))


def test_the_agency_facet_counts_reports_per_agency_id_with_its_name(index):
    facet = run(index)["facets"]["agency"]
    assert facet[ZHAOYUAN_ID] == {"name": "招远市卫生健康局", "count": 2}
    assert facet[ZHOUSHAN_ID] == {"name": "舟山市卫生健康委员会", "count": 2}
    assert sum(v["count"] for v in facet.values()) == 7
    counts = [v["count"] for v in facet.values()]
    assert counts == sorted(counts, reverse=True)


def test_filtering_by_agency_gives_its_reports_of_every_year(index):
    answer = run(index, agency=ZHOUSHAN_ID)
    assert answer["total"] == 2 and answer["filters"] == {"agency": ZHOUSHAN_ID}
    assert sorted(r["year"] for r in answer["results"]) == [2020, 2021]
    assert {r["agency_id"] for r in answer["results"]} == {ZHOUSHAN_ID}
    assert {r["agency"] for r in answer["results"]} == {"舟山市卫生健康委员会"}
    # the facet is counted under the other filters, not its own
    assert answer["facets"]["agency"] == run(index)["facets"]["agency"]
    assert answer["facets"]["year"] == {"2021": 1, "2020": 1}


def test_the_agency_facet_follows_the_query_and_the_other_filters(index):
    for query, years in (("疫情", ()), ("疫情", (2021,)), ("行政处罚", (2020, 2023))):
        answer = run(index, query, years=years)
        counted: dict[str, int] = {}
        for r in answer["results"]:
            counted[r["agency_id"]] = counted.get(r["agency_id"], 0) + 1
        assert {k: v["count"] for k, v in answer["facets"]["agency"].items()} == counted


def test_a_long_agency_facet_lists_the_largest_and_says_how_many_there_are(index, monkeypatch):
    from indexer import search as search_module

    monkeypatch.setattr(search_module, "AGENCY_FACET_LIMIT", 2)
    answer = run(index)
    assert list(answer["facets"]["agency"]) == [ZHOUSHAN_ID, ZHAOYUAN_ID]  # 2 reports each, by id on a tie
    assert answer["facets_truncated"] == {"agency": 5}
    chosen = "230822:桦南县卫生健康局"
    assert chosen in run(index, agency=chosen)["facets"]["agency"]  # the chosen one is always listed
    assert "facets_truncated" not in run(index, years=(2023,))  # one agency reported on 2023


def test_an_agency_nobody_reported_as_matches_nothing(index):
    answer = run(index, agency="999999:不存在的局")
    assert answer["total"] == 0 and answer["results"] == []


def nianbao(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "indexer.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def test_cli_search_by_agency(corpus, index):
    result = nianbao(corpus, "search", "--agency", ZHAOYUAN_ID, "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["total"] == 2 and {r["year"] for r in answer["results"]} == {2022, 2023}
    readable = nianbao(corpus, "search", "--agency", ZHAOYUAN_ID)
    assert readable.returncode == 0 and "2 reports" in readable.stdout
    agencies = next(line for line in readable.stdout.splitlines() if line.startswith("agencies: "))
    assert f"招远市卫生健康局 (2) [{ZHAOYUAN_ID}]" in agencies


def test_api_search_by_agency(corpus, index):
    from indexer.config import Config
    from webui import create_app

    app = create_app(Config(corpus=corpus / "reports", index=corpus / "idx"))
    try:
        answer = app.test_client().get("/api/search", query_string={"agency": ZHOUSHAN_ID}).get_json()
    finally:
        app.extensions["nianbao"].live.close()
    assert answer["total"] == 2 and answer["filters"] == {"agency": ZHOUSHAN_ID}
    assert answer["facets"]["agency"][ZHOUSHAN_ID] == {"name": "舟山市卫生健康委员会", "count": 2}


# ---------------------------------------------------------------- the search page


@pytest.fixture(scope="module")
def client(corpus, index):
    from indexer.config import Config
    from webui import create_app

    app = create_app(Config(corpus=corpus / "reports", index=corpus / "idx"))
    yield app.test_client()
    app.extensions["nianbao"].live.close()


def page(response):
    from bs4 import BeautifulSoup

    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def test_the_search_page_lists_agencies_with_counts_and_filters_by_one(client):
    html = page(client.get("/"))
    facet = html.find(id="facet-list-agency")
    entries = {li.find(class_="facet-label").get_text(): li for li in facet.find_all("li")}
    zhoushan = entries["舟山市卫生健康委员会"]
    assert zhoushan.find(class_="count").get_text() == "2"
    chosen = page(client.get(zhoushan.a["href"]))
    assert "2</strong> 份" in str(chosen.find(id="result-count"))
    chip = next(a for a in chosen.select("a.chip") if "机关" in a.get_text())
    assert chip.get_text().startswith("机关：舟山市卫生健康委员会")
    selected = chosen.find(id="facet-list-agency").find("a", class_="selected")
    assert selected.find(class_="facet-label").get_text() == "舟山市卫生健康委员会"
    # the chip and the selected entry both take the filter away again
    assert "agency=" not in chip["href"] and "agency=" not in selected["href"]


def test_every_result_of_the_numbers_page_links_its_agency_page(client):
    html = page(client.get("/metrics", query_string={"agency": ZHAOYUAN_ID}))
    links = [a["href"] for a in html.select("span.agency a")]
    assert links and {unquote(link) for link in links} == {f"/agencies/{ZHAOYUAN_ID}"}


def test_long_facet_lists_get_a_filter_box_and_the_chosen_agency_comes_first():
    from webui.params import SearchState
    from webui.search_view import FILTER_BOX_AT, MAX_FACET_LINKS, agency_facet

    facets = {"agency": {f"{100000 + i}:第{i}局": {"name": f"第{i}局", "count": 1000 - i} for i in range(MAX_FACET_LINKS + 5)}}
    group = agency_facet(SearchState(), facets)
    assert group.filterable and len(group.links) == MAX_FACET_LINKS and group.more == 5
    chosen = agency_facet(SearchState(agency=f"{100000 + MAX_FACET_LINKS + 2}:第{MAX_FACET_LINKS + 2}局"), facets)
    assert chosen.links[0].selected and chosen.links[0].label == f"第{MAX_FACET_LINKS + 2}局"
    few = agency_facet(SearchState(), {"agency": dict(list(facets["agency"].items())[:FILTER_BOX_AT])})
    assert not few.filterable


def test_the_filter_box_is_rendered_for_long_lists_only(client):
    from flask import render_template_string

    from webui.params import SearchState
    from webui.search_view import agency_facet

    template = "{% import '_facets.html' as f %}{{ f.facet_group(group, 'search.index') }}"
    app = client.application
    with app.test_request_context("/"):
        many = {"agency": {f"{i}:第{i}局": {"name": f"第{i}局", "count": 1} for i in range(30)}}
        html = render_template_string(template, group=agency_facet(SearchState(), many))
        assert 'data-facet-filter="facet-list-agency"' in html and 'class="facet-list long"' in html
        few = {"agency": {f"{i}:第{i}局": {"name": f"第{i}局", "count": 1} for i in range(3)}}
        assert "data-facet-filter" not in render_template_string(template, group=agency_facet(SearchState(), few))
