"""Agency pages and the compare view, on the multi-year corpus of tests/fixtures/agencies.py.

The agency page gives the years with the missing one as a gap, the figures
linking to their passages, a chart, and the checks of each year (exactly
the planted failings); the compare view pairs the paragraphs of two
reports and marks what changed; the JSON twins say the same; and every
report page, search result and copied check links to them.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from fixtures.agencies import AGENCY_IDS, EXPECTED_FAILING, HUZHOU, JIAXING, JINHUA, SHAOXING, write_corpus
from fixtures.web_site import soup
from indexer.check_ids import is_cross_report


@pytest.fixture(scope="module")
def agency_site(tmp_path_factory):
    from indexer.config import Config
    from indexer.indexing import index_corpus
    from webui import create_app

    base = tmp_path_factory.mktemp("agency-site")
    write_corpus(base / "corpus")
    index_corpus(base / "corpus", base / "index", workers=1)
    app = create_app(Config(corpus=base / "corpus", index=base / "index"))
    yield app
    app.extensions["nianbao"].live.close()


@pytest.fixture()
def client(agency_site):
    return agency_site.test_client()


def ids_by_year(client, agency: str) -> dict[int, str]:
    data = client.get(f"/api/agencies/{AGENCY_IDS[agency]}").get_json()
    return {y["year"]: y["reports"][0]["id"] for y in data["years"] if y["reports"]}


def test_agency_json_years_gaps_figures_chart_and_checks(client):
    response = client.get(f"/api/agencies/{AGENCY_IDS[HUZHOU]}", query_string={"m": "apply.carried_over.natural"})
    assert response.status_code == 200
    data = response.get_json()
    assert data["agency"] == HUZHOU and data["region"]["city"] == "湖州市" and data["agency_level"] == "city"
    assert [(y["year"], y["missing"]) for y in data["years"]] == [
        (2019, False), (2020, False), (2021, True), (2022, False), (2023, False)]
    assert data["missing_years"] == [2021]
    figures = {row["key"]: row for row in data["figures"]}
    assert [row["key"] for row in data["figures"]][:2] == ["active.published_total", "apply.new.total"]
    carried = figures["apply.carried_over.natural"]["values"]
    assert {y: v["value"] for y, v in carried.items()} == {"2019": 1, "2020": 3, "2022": 1, "2023": 1}
    assert carried["2020"]["url"].startswith(f"/reports/{carried['2020']['report']}#s3-")
    assert data["chart"]["points"] == [
        {"year": 2019, "value": 1}, {"year": 2020, "value": 3}, {"year": 2021, "value": None},
        {"year": 2022, "value": 1}, {"year": 2023, "value": 1}]
    failing = {item["year"]: {c["id"] for c in item["checks"] if c["status"] == "fail"} for item in data["checks"]}
    assert failing == {2019: set(), 2020: EXPECTED_FAILING[(HUZHOU, 2020)], 2022: set(),
                       2023: EXPECTED_FAILING[(HUZHOU, 2023)]}


def test_agency_page_shows_the_gap_the_chart_and_the_failings(client):
    page = soup(client.get(f"/agencies/{AGENCY_IDS[HUZHOU]}"))
    years = [li.select_one(".year").get_text() for li in page.select(".agency-year")]
    assert years == ["2019年度", "2020年度", "2021年度", "2022年度", "2023年度"]
    gap = page.select(".agency-year")[2]
    assert "gap" in gap["class"] and "没有这一年的报告" in gap.get_text()
    assert page.select_one("svg.chart") is not None and "—" in page.select_one("svg.chart").get_text()
    first = page.select_one(".agency-table tbody tr")
    assert first.th.get_text(strip=True) == "主动公开政府信息数量（条）"
    links = [a["href"] for a in first.select("td a")]
    assert len(links) == 4 and all(h.startswith("/reports/") and "#s" in h for h in links)
    assert page.select_one("details.more-figures") is not None
    failed = [li.select_one(".check-name").get_text() for li in page.select(".checks li")
              if li.select_one(".badge-fail")]
    assert sorted(failed) == ["上年结转", "上年结转等于上一年度报告的结转下年度（总计）",
                              "上年结转等于上一年度报告的结转下年度（自然人）", "与本机关上一年度报告内容不雷同"]
    carry = [li.get_text(" ", strip=True) for li in page.select(".checks li")
             if li.select_one(".check-name").get_text() == "上年结转"]
    assert carry[1] == "未通过 上年结转 ：2 列与上一年度报告的“结转下年度继续办理”不一致"  # 2020, in one line
    assert carry[2].startswith("无法核对 上年结转 ：语料中没有本机关2021年度的报告")  # 2022
    compare_links = [a["href"] for a in page.select(".agency-year a.compare-link")]
    assert len(compare_links) == 2  # 2020 against 2019, 2023 against 2022; not 2022 (2021 is missing)


def test_honest_agencies_fail_nothing_across_reports(client):
    for agency in (JINHUA, SHAOXING):
        data = client.get(f"/api/agencies/{AGENCY_IDS[agency]}").get_json()
        assert not [c for item in data["checks"] for c in item["checks"]
                    if c["status"] == "fail" and is_cross_report(c["id"])]


def test_compare_view_pairs_paragraphs_and_marks_changed_figures(client):
    years = ids_by_year(client, HUZHOU)
    data = client.get("/api/compare", query_string={"a": years[2022], "b": years[2023]}).get_json()
    assert data["a"]["year"] == 2022 and data["b"]["year"] == 2023
    assert 0.75 < data["copied"]["b_in_a"] < 0.85
    prose = [r for r in data["rows"] if "全年累计办理相关事项" in (r["a"] or r["b"])["text"]]
    assert sorted(r["status"] for r in prose) == ["changed"] * 8 + ["only_a"] * 2 + ["only_b"] * 2
    changed = [r for r in prose if r["status"] == "changed"]
    for r in changed:  # the new figure is marked whole, the rest of the passage is not
        assert r["a_html"].count("<del>") == 1 == r["b_html"].count("<ins>")
        assert re.search(r"事项<del>\d+</del>件", r["a_html"]) and re.search(r"事项<ins>\d+</ins>件", r["b_html"])
    title = next(r for r in data["rows"] if r["a"] and r["a"]["text"] == "2022年政府信息公开工作年度报告")
    assert title["status"] == "changed" and title["b"]["text"] == "2023年政府信息公开工作年度报告"
    assert data["counts"]["only_a"] == 2 == data["counts"]["only_b"]
    assert {r["status"] for r in data["rows"]} == {"same", "changed", "only_a", "only_b"}
    figures = {f["key"]: f for f in data["figures"]}
    assert figures["apply.new.total"]["difference"] == 0
    page = soup(client.get("/compare", query_string={"a": years[2022], "b": years[2023]}))
    assert len(page.select("tr.row-changed")) == len([r for r in data["rows"] if r["status"] == "changed"])
    assert page.select("tr.row-changed del") and page.select("tr.row-changed ins")
    assert page.select_one(".compare-table").get_text().count("（仅见于 A）") == 2


def test_compare_view_figures_and_errors(client):
    years = ids_by_year(client, HUZHOU)
    data = client.get("/api/compare", query_string={"a": years[2019], "b": years[2020]}).get_json()
    figures = {f["key"]: f for f in data["figures"]}
    assert (figures["apply.carried_over.natural"]["a"]["value"], figures["apply.carried_over.natural"]["b"]["value"],
            figures["apply.carried_over.natural"]["difference"]) == (1, 3, 2)
    assert client.get("/api/compare", query_string={"a": years[2019]}).status_code == 400
    missing = client.get("/api/compare", query_string={"a": years[2019], "b": "0000000000000000"})
    assert missing.status_code == 404 and missing.get_json()["error"] == "not_found"
    assert client.get("/agencies/330500:没有这个机关").status_code == 404
    assert client.get(f"/api/agencies/{AGENCY_IDS[HUZHOU]}", query_string={"m": "no.such"}).status_code == 400


def _compare_targets(page) -> list[tuple[str, str]]:
    out = []
    for a in page.select("a.compare-link"):
        query = parse_qs(urlsplit(a["href"]).query)
        out.append((query["a"][0], query["b"][0]))
    return out


def test_report_pages_link_to_the_agency_and_copied_checks_to_the_comparison(client):
    jiaxing = ids_by_year(client, JIAXING)[2022]
    shaoxing = ids_by_year(client, SHAOXING)[2022]
    page = soup(client.get(f"/reports/{jiaxing}"))
    agency = page.select_one(".facts a[href^='/agencies/']")
    assert agency.get_text() == JIAXING and unquote(agency["href"]) == f"/agencies/{AGENCY_IDS[JIAXING]}"
    assert _compare_targets(page) == [(shaoxing, jiaxing)]
    huzhou = ids_by_year(client, HUZHOU)
    page = soup(client.get(f"/reports/{huzhou[2023]}"))
    assert (huzhou[2022], huzhou[2023]) in _compare_targets(page)


def test_search_results_link_agency_names_to_agency_pages(client):
    page = soup(client.get("/", query_string={"q": "湖州市司法局"}))
    links = {unquote(a["href"]) for a in page.select(".result-meta a.agency-link")}
    assert links == {f"/agencies/{AGENCY_IDS[HUZHOU]}"}
    answer = client.get("/api/search", query_string={"failing": "peers.copied"}).get_json()
    assert [(r["agency"], r["agency_id"]) for r in answer["results"]] == [(JIAXING, AGENCY_IDS[JIAXING])]


def test_the_agency_facet_links_each_agency_to_its_page(client):
    page = soup(client.get("/", query_string={"q": "司法局"}))
    pages = {a.find_previous_sibling("a").select_one(".facet-label").get_text(): unquote(a["href"])
             for a in page.select("#facet-list-agency a.facet-page")}
    assert pages == {agency: f"/agencies/{agency_id}" for agency, agency_id in AGENCY_IDS.items()}
    chosen = soup(client.get("/", query_string={"agency": AGENCY_IDS[HUZHOU]}))
    assert unquote(chosen.select_one("#facet-list-agency a.facet-page")["href"]) == f"/agencies/{AGENCY_IDS[HUZHOU]}"
