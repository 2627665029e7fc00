"""The search page `/`: results, snippets, facets and chips, sort, pages, empty and zero-result states."""

from __future__ import annotations

import re

from urllib.parse import parse_qs, urlsplit

from fixtures.web_site import ZHAOYUAN, soup

pytest_plugins = ("fixtures.web",)


def params(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def facet_links(page, facet_id: str) -> dict[str, str]:
    """Label -> href of a facet's links."""
    section = page.find(attrs={"aria-labelledby": facet_id})
    return {a.find(class_="facet-label").get_text(): a["href"] for a in section.select(".facet-list a")}


def test_results_show_title_agency_region_year_template_and_marked_snippets(client):
    page = soup(client.get("/?q=行政处罚"))
    assert page.find("input", id="q")["value"] == "行政处罚"
    assert page.find(id="result-count").get_text("", strip=True) == "找到4份包含“行政处罚”的报告"
    results = page.select("li.result")
    assert len(results) == 4
    zhaoyuan = next(r for r in results if ZHAOYUAN in r.find("h2").a["href"])
    assert zhaoyuan.find("h2").get_text(strip=True) == "招远市卫生健康局2023年政府信息公开工作年度报告"
    meta = zhaoyuan.find(class_="result-meta").get_text(" ", strip=True)
    for shown in ("招远市卫生健康局", "山东省 › 烟台市 › 招远市", "2023年度", "2021年版表格"):
        assert shown in meta
    snippet = zhaoyuan.select_one("a.snippet")
    assert snippet.mark.get_text() == "行政处罚"
    url = urlsplit(snippet["href"])
    assert url.path == f"/reports/{ZHAOYUAN}" and parse_qs(url.query) == {"q": ["行政处罚"]} and url.fragment == "s2-p11"


def test_a_report_failing_checks_carries_a_badge(client):
    page = soup(client.get("/?q=行政处罚"))
    badges = {r.find("h2").get_text(strip=True): r.find(class_="badge-fail") for r in page.select("li.result")}
    assert badges["招远市卫生健康局2023年政府信息公开工作年度报告"] is None
    assert badges["市卫生健康委2020年政府信息公开工作年度报告"].get_text() == "1 项检查未通过"


def test_region_facet_drills_down_province_city_county_and_back_up(client):
    top = soup(client.get("/?q=行政处罚"))
    provinces = facet_links(top, "facet-region")
    assert set(provinces) == {"山东省", "浙江省", "河南省", "黑龙江省"}

    shandong = soup(client.get(provinces["山东省"]))
    assert len(shandong.select("li.result")) == 1
    cities = facet_links(shandong, "facet-region")
    assert list(cities) == ["烟台市"]
    trail = shandong.select(".trail li")
    assert [li.get_text(strip=True) for li in trail] == ["全部地区", "山东省"]
    assert params(trail[0].a["href"]) == {"q": ["行政处罚"]}  # back up to every region

    yantai = soup(client.get(cities["烟台市"]))
    assert params(cities["烟台市"]) == {"q": ["行政处罚"], "province": ["山东省"], "city": ["烟台市"]}
    assert list(facet_links(yantai, "facet-region")) == ["招远市"]
    up = {li.get_text(strip=True): li.a["href"] for li in yantai.select(".trail li") if li.a}
    assert params(up["山东省"]) == {"q": ["行政处罚"], "province": ["山东省"]}


def test_facet_counts_cover_all_matching_reports_not_only_the_page(client):
    page = soup(client.get("/?q=行政处罚&page_size=1"))
    assert len(page.select("li.result")) == 1
    years = page.find(attrs={"aria-labelledby": "facet-year"})
    counts = {a.find(class_="facet-label").get_text(): a.find(class_="count").get_text() for a in years.select("a")}
    assert counts == {"2023年": "1", "2021年": "1", "2020年": "2"}


def test_several_years_at_once_and_each_can_be_unchosen(client):
    page = soup(client.get("/?year=2020&year=2023"))
    years = {r.find(class_="result-meta").get_text() for r in page.select("li.result")}
    assert all(("2020年度" in y) or ("2023年度" in y) for y in years) and len(page.select("li.result")) == 4
    links = page.find(attrs={"aria-labelledby": "facet-year"}).select("a")
    chosen = {a.find(class_="facet-label").get_text(): a for a in links if a.get("aria-current") == "true"}
    assert set(chosen) == {"2020年", "2023年"}
    assert params(chosen["2020年"]["href"]) == {"year": ["2023"]}
    unchosen = next(a for a in links if a.find(class_="facet-label").get_text() == "2021年")
    assert params(unchosen["href"])["year"] == ["2020", "2021", "2023"]


def test_active_filters_show_as_chips_that_remove_them(client):
    page = soup(client.get("/?q=行政处罚&province=山东省&city=烟台市&year=2023&level=county"))
    chips = {a.get_text(" ", strip=True).split(" ")[0].rstrip("×"): a["href"] for a in page.select("a.chip")}
    assert set(chips) == {"省份：山东省", "城市：烟台市", "年度：2023", "层级：县级"}
    assert params(chips["城市：烟台市"]) == {"q": ["行政处罚"], "province": ["山东省"], "year": ["2023"], "level": ["county"]}
    assert params(chips["省份：山东省"]) == {"q": ["行政处罚"], "year": ["2023"], "level": ["county"]}
    assert params(page.select_one("a.chip-clear")["href"]) == {"q": ["行政处罚"]}


def test_failing_check_facet_filters_to_the_reports_failing_it(client):
    page = soup(client.get("/"))
    checks = facet_links(page, "facet-failing")
    assert "《条例》要求的五项内容齐全" in checks
    filtered = soup(client.get(checks["《条例》要求的五项内容齐全"]))
    titles = [r.find("h2").get_text(strip=True) for r in filtered.select("li.result")]
    assert "威海市环翠区卫生健康局2020年政府信息公开工作年度报告" in titles
    assert all(r.find(class_="badge-fail") for r in filtered.select("li.result"))


def test_sort_by_a_metric_orders_the_results(client):
    page = soup(client.get("/?q=行政处罚&sort=-active.penalty.decisions"))
    titles = [r.find("h2").get_text(strip=True) for r in page.select("li.result")]
    assert titles[:2] == ["市卫生健康委2020年政府信息公开工作年度报告", "招远市卫生健康局2023年政府信息公开工作年度报告"]
    assert page.find("select", id="sort").find("option", selected=True)["value"] == "active.penalty.decisions"
    assert page.find("select", id="order").find("option", selected=True)["value"] == "desc"
    ascending = soup(client.get("/?q=行政处罚&sort=active.penalty.decisions&order=asc"))
    assert [r.find("h2").get_text(strip=True) for r in ascending.select("li.result")][0] != titles[0]


def test_the_home_page_form_ranks_a_new_query_by_relevance(client):
    form = soup(client.get("/")).find("form", role="search")
    assert form.find("select", id="sort").find("option", selected=True)["value"] == ""
    assert not form.find_all("input", type="hidden")


def test_a_new_query_keeps_the_filters(client):
    page = soup(client.get("/?q=行政处罚&province=山东省&year=2023"))
    form = page.find("form", role="search")
    hidden = {(i["name"], i["value"]) for i in form.find_all("input", type="hidden")}
    assert hidden == {("province", "山东省"), ("year", "2023")}


def test_pages_link_to_each_other(client):
    first = soup(client.get("/?page_size=2"))
    assert len(first.select("li.result")) == 2
    nav = first.find("nav", class_="pagination")
    assert nav.find("a", attrs={"aria-current": "page"}).get_text(strip=True) == "第1页"
    second_href = nav.find("a", rel="next")["href"]
    assert params(second_href) == {"page": ["2"], "page_size": ["2"]}
    second = soup(client.get(second_href))
    assert second.find("ol", class_="result-list")["start"] == "3"
    assert {r.find("h2").a["href"] for r in second.select("li.result")}.isdisjoint(
        {r.find("h2").a["href"] for r in first.select("li.result")})


def test_without_a_query_every_report_is_listed_newest_first_with_examples(client):
    page = soup(client.get("/"))
    years = [int(r.find(class_="result-meta").get_text().split("年度")[0].split()[-1]) for r in page.select("li.result")]
    assert years == sorted(years, reverse=True) and len(years) == 6
    assert page.find(class_="intro").find("a", string="行政处罚")


def test_zero_results_suggest_removing_a_filter(client):
    page = soup(client.get("/?q=疫情&province=浙江省&year=2019"))
    empty = page.find(class_="empty")
    assert "没有找到包含“疫情”的报告" in empty.get_text()
    removals = {a.get_text(): a["href"] for a in empty.find_all("a")}
    assert params(removals["去掉“年度：2019”"]) == {"q": ["疫情"], "province": ["浙江省"]}
    assert len(soup(client.get(removals["去掉“年度：2019”"])).select("li.result")) == 1


def test_the_page_says_how_an_unreadable_query_was_searched(client):
    page = soup(client.get('/?q="行政处罚'))
    assert "引号不成对" in page.find(class_="notice").get_text()
    assert len(page.select("li.result")) == 4


def test_a_query_over_500_characters_is_cut_with_a_notice(client):
    response = client.get("/", query_string={"q": "行政" * 300})
    assert response.status_code == 200
    assert "只搜索了前 500 个字符" in soup(response).find(class_="notice").get_text()


def test_synonyms_used_are_shown_and_can_be_turned_off(client):
    page = soup(client.get("/?q=卫健委"))
    expanded = page.find(class_="expanded")
    assert "卫生健康委员会" in expanded.get_text()
    off = expanded.find("a")["href"]
    assert params(off)["expand"] == ["0"]
    assert "没有使用同义词" in soup(client.get(off)).find(class_="expanded").get_text()


def test_a_page_past_the_last_offers_the_first(client):
    page = soup(client.get("/?q=行政处罚&page=9"))
    assert "回到第一页" in page.find(class_="empty").get_text()


def test_the_heading_says_what_was_searched_and_never_contradicts_the_notice(client):
    split = soup(client.get("/?q=舟山疫情"))
    assert "舟山" in split.find(class_="notice").get_text()
    assert "同时包含“舟山”“疫情”的报告" in split.find(id="result-count").get_text("", strip=True)
    broken = soup(client.get('/?q="行政处罚'))
    assert "已按普通词语搜索" in broken.find(class_="notice").get_text()
    assert broken.find(id="result-count").get_text("", strip=True) == "找到4份包含“行政处罚”的报告"
    excluded = soup(client.get("/?q=卫健委 -疫情")).find(id="result-count").get_text("", strip=True)
    assert excluded.endswith("包含“卫健委”、不含“疫情”的报告")
    either = soup(client.get("/?q=舟山 or 招远")).find(id="result-count").get_text("", strip=True)
    assert either.endswith("包含“舟山”或“招远”的报告")


def test_a_long_query_is_shown_shortened(client):
    query = "政府信息公开" * 20
    page = soup(client.get("/", query_string={"q": query}))
    heading = page.find(id="result-count").get_text("", strip=True)
    assert query not in heading and "…" in heading and len(heading) < 60
    assert page.find("input", id="q")["value"] == query  # the box keeps it whole
    assert len(page.title.get_text()) < 60


def test_chinese_keyboard_forms_of_the_operators_search_as_the_ascii_ones(client):
    def total(q: str) -> int:
        return client.get("/api/search", query_string={"q": q}).get_json()["total"]

    assert total("舟山 or 招远") == total("舟山 OR 招远") == total("舟山 Or 招远") == 2
    assert total("行政处罚 －疫情") == total("行政处罚 -疫情") < total("行政处罚")
    assert total("“行政处罚”") == total('"行政处罚"') == 4
    assert total("（舟山 OR 招远） 行政处罚") == total("(舟山 OR 招远) 行政处罚") == 2


def test_a_query_without_chinese_that_finds_nothing_says_so(client):
    page = soup(client.get("/?q=penalty"))
    assert "没有汉字" in page.find(class_="notice").get_text()


def test_an_unknown_check_id_is_a_400_in_chinese(client):
    response = client.get("/?failing=nope")
    assert response.status_code == 400
    assert "没有“nope”这项检查" in soup(response).get_text()
    body = client.get("/api/search?failing=nope").get_json()
    assert body["status"] == 400 and body["param"] == "failing" and "nope" in body["message"]
    assert client.get("/?failing=apply.balance").status_code == 200


def test_sorting_by_a_figure_shows_it_labelled_on_every_result(client):
    page = soup(client.get("/?sort=-active.penalty.decisions"))
    figures = [r.find(class_="result-figure") for r in page.select("li.result")]
    assert figures and all(f is not None for f in figures)
    texts = [" ".join(f.get_text().split()) for f in figures]
    assert texts[0] == "行政处罚 · 处理决定数量： 212"
    assert texts[-1].endswith("报告没有写明")
    link = figures[0].a["href"]
    assert urlsplit(link).fragment and params(link)["sort"] == ["-active.penalty.decisions"]
    assert not soup(client.get("/?q=行政处罚")).find(class_="result-figure")


def test_the_sort_menu_offers_common_figures_first_then_each_table_and_a_button(client):
    page = soup(client.get("/?q=行政处罚&sort=-apply.new.total"))
    select = page.find("select", id="sort")
    assert "data-autosubmit" in select.attrs
    groups = [g["label"] for g in select.find_all("optgroup")]
    assert groups[0] == "常用" and groups[1:] == ["主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议、行政诉讼情况"]
    common = [o["value"] for o in select.find("optgroup").find_all("option")]
    assert common[:2] == ["active.published_total", "active.penalty.decisions"]
    assert [o["value"] for o in select.find_all("option", selected=True)] == ["apply.new.total"]  # once, not twice
    assert page.find("input", attrs={"data-filters": "sort"})  # the script's filter box
    assert page.select_one(".sort-row button[type=submit]").get_text() == "排序"


def test_searching_a_column_name_shows_the_rows_stating_its_figures_not_the_header(client):
    answer = client.get("/api/search?q=处理决定数量").get_json()
    assert answer["total"] == 4
    for result in answer["results"]:
        htmls = [s["html"] for s in result["snippets"]]
        assert len(htmls) == 3 and all(re.search(r"<mark>处理决定数量</mark> -?\d", h) for h in htmls), htmls


def test_the_guessed_address_search_leads_to_the_search_page_with_its_filters(client):
    moved = client.get("/search?q=行政处罚&province=山东省")
    assert moved.status_code == 301
    page = soup(client.get(moved.headers["Location"]))
    assert page.find("input", id="q")["value"] == "行政处罚"
    assert len(page.select("li.result")) == 1
    assert client.get("/search").headers["Location"] == "/"
