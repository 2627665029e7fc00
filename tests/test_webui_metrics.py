"""The numbers page `/metrics`: reports × metrics, sorting, the SVG chart, downloads."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from fixtures.web_site import soup

pytest_plugins = ("fixtures.web",)


def table_rows(page) -> list[dict[str, str]]:
    table = page.find("table", class_="metrics-table")
    heads = [th.get_text(" ", strip=True).rstrip("↑↓ ") for th in table.thead.find_all("th")]
    rows = []
    for tr in table.tbody.find_all("tr"):
        cells = [tr.th.a.get_text(strip=True)] + [td.get_text(strip=True) for td in tr.find_all("td")]
        rows.append(dict(zip(heads, cells)))
    return rows


def test_the_reports_of_a_year_with_the_default_metrics(client):
    page = soup(client.get("/metrics?year=2020"))
    rows = table_rows(page)
    assert len(rows) == 3 and all(r["年度"] == "2020" for r in rows)
    by_title = {r["报告"]: r for r in rows}
    zhoushan = by_title["市卫生健康委2020年政府信息公开工作年度报告"]
    assert zhoushan["行政处罚 · 处理决定数量"] == "212"
    huancui = by_title["威海市环翠区卫生健康局2020年政府信息公开工作年度报告"]
    assert huancui["行政处罚 · 处理决定数量"] == "—"  # not stated: never shown as 0


def test_chosen_metrics_become_columns_and_a_column_sorts(client):
    url = "/metrics?year=2020&m=active.penalty.decisions&m=apply.new.total&sort=-active.penalty.decisions"
    page = soup(client.get(url))
    rows = table_rows(page)
    assert list(rows[0]) == ["报告", "年度", "地区", "行政处罚 · 处理决定数量", "一、本年新收申请 · 总计"]
    assert [r["行政处罚 · 处理决定数量"] for r in rows] == ["212", "31", "—"]
    header = page.find("th", attrs={"aria-sort": "descending"})
    assert "行政处罚" in header.get_text()
    flipped = parse_qs(urlsplit(header.a["href"]).query)
    assert flipped["sort"] == ["active.penalty.decisions"] and flipped["m"] == ["active.penalty.decisions", "apply.new.total"]


def test_the_chart_sums_a_metric_by_year_as_inline_svg(client):
    page = soup(client.get("/metrics?m=active.penalty.decisions"))
    svg = page.find("svg", class_="chart")
    assert svg["role"] == "img" and "行政处罚 · 处理决定数量" in svg.title.get_text()
    labels = [t.get_text() for t in svg.find_all("text", class_="chart-label")]
    values = [t.get_text() for t in svg.find_all("text", class_="chart-value")]
    assert dict(zip(labels, values)) == {"2020": "243", "2021": "19", "2023": "68"}
    assert len(svg.find_all("rect", class_="chart-bar")) == 3


def chart_bars(page) -> dict[str, str]:
    svg = page.find("svg", class_="chart")
    labels = [t.title.get_text() if t.title else t.get_text() for t in svg.find_all("text", class_="chart-label")]
    values = [t.get_text() for t in svg.find_all("text", class_="chart-value")]
    return dict(zip(labels, values))


def test_the_chart_by_region_groups_the_level_below_the_chosen_region_for_one_year(client):
    page = soup(client.get("/metrics?m=active.penalty.decisions&by=region&cy=2020"))
    assert chart_bars(page) == {"浙江省": "212", "黑龙江省": "31"}
    assert page.find(id="chart-title").get_text() == "行政处罚 · 处理决定数量：2020年度，按省份合计"
    shandong = soup(client.get("/metrics?m=active.penalty.decisions&by=region&province=山东省"))
    assert list(chart_bars(shandong)) == ["烟台市"]


def test_a_chart_by_region_never_adds_up_years_without_saying_so(client):
    page = soup(client.get("/metrics?m=active.penalty.decisions&by=region"))
    assert chart_bars(page) == {"山东省": "68"}  # the newest year only, not 2020 + 2021 + 2023
    note = page.find(class_="chart-note").get_text()
    assert "3 个年度（2020—2023）" in note and "只有 2023 年度的数字" in note
    years = [o["value"] for o in page.find("select", id="cy").find_all("option")]
    assert years == ["2023", "2021", "2020", "each"]
    each = soup(client.get("/metrics?m=active.penalty.decisions&by=region&cy=each"))
    svg = each.find("svg", class_="chart")
    assert {t.get_text() for t in svg.find_all("text", class_="chart-label")} == {"山东省", "河南省", "浙江省", "黑龙江省"}
    legend = [t.get_text() for t in svg.find_all("text", class_="chart-value") if t.get_text().endswith("年")]
    assert legend == ["2023年", "2021年", "2020年"]
    assert len(svg.select("rect[class^=chart-series-] title")) == 4  # one bar per region and year it has
    assert "每年一组" in each.find(id="chart-title").get_text()
    api = client.get("/api/metrics?m=active.penalty.decisions&by=region&cy=each").get_json()["chart"]
    assert api["series"] == [2023, 2021, 2020]
    assert next(g for g in api["groups"] if g["name"] == "浙江省")["years"] == {"2020": {"reports": 1, "total": 212}}


def test_with_one_year_selected_the_chart_is_by_region(client):
    page = soup(client.get("/metrics?m=active.penalty.decisions&year=2020"))
    assert page.find("select", id="by").find("option", selected=True)["value"] == "region"
    assert chart_bars(page) == {"浙江省": "212", "黑龙江省": "31"}
    assert not page.find(class_="chart-note")
    assert client.get("/metrics?cy=20x").status_code == 400


def test_the_chart_ranks_the_agencies_of_one_year(client):
    page = soup(client.get("/metrics?m=active.penalty.decisions&by=agency&cy=2020"))
    assert chart_bars(page) == {"舟山市卫生健康委员会": "212", "桦南县卫生健康局": "31"}
    assert page.find(id="chart-title").get_text() == "行政处罚 · 处理决定数量：2020年度，各机关"
    links = [a["href"] for a in page.select(".chart-section table a")]
    assert links and all(href.startswith("/agencies/") for href in links)
    api = client.get("/api/metrics?m=active.penalty.decisions&by=agency&cy=2020").get_json()["chart"]
    assert api["by"] == "agency" and api["year"] == 2020 and api["groups"][0]["agency_id"].endswith("舟山市卫生健康委员会")


def test_downloads_carry_the_filters_and_the_chosen_figures_but_not_the_page(client):
    page = soup(client.get("/metrics?year=2020&m=apply.new.total&m=review.total&page=1&sort=-year"))
    xlsx, chosen_csv, jsonl, every_csv = [a["href"] for a in page.select(".downloads a")]
    assert urlsplit(xlsx).path == "/api/export.xlsx" and urlsplit(jsonl).path == "/api/export.jsonl"
    assert urlsplit(chosen_csv).path == "/api/export.csv"
    assert parse_qs(urlsplit(chosen_csv).query) == {"year": ["2020"], "sort": ["-year"],
                                                    "m": ["apply.new.total", "review.total"]}
    csv = client.get(chosen_csv).get_data(as_text=True)
    lines = csv.strip().splitlines()
    assert csv.startswith("\ufeff") and len(lines) == 1 + 3
    assert lines[0].endswith("一、本年新收申请 · 总计,行政复议 · 总计")
    assert parse_qs(urlsplit(every_csv).query) == {"year": ["2020"], "sort": ["-year"]}


def test_facets_on_the_numbers_page_keep_the_chosen_metrics(client):
    page = soup(client.get("/metrics?m=apply.new.total"))
    year_link = page.find(attrs={"aria-labelledby": "facet-year"}).find("a")
    assert parse_qs(urlsplit(year_link["href"]).query)["m"] == ["apply.new.total"]


def test_unknown_metrics_and_groupings_are_a_400_that_says_what_to_write(client):
    for url, words in (("/metrics?m=nope", "没有“nope”这个指标"), ("/metrics?by=month", "作图分组只能是"),
                       ("/metrics?chart=x.y", "无法作图"), ("/metrics?" + "&".join(["m=apply.new.total"] * 21), "最多")):
        response = client.get(url)
        assert response.status_code == 400, url
        assert words in soup(response).find("h1").get_text()


def test_no_matching_reports_is_not_an_error(client):
    response = client.get("/metrics?q=不存在的词语组合")
    assert response.status_code == 200
    page = soup(response)
    assert "没有符合条件的报告" in page.find(class_="empty").get_text()
    assert "没有报告写明" in page.find(class_="chart-section").get_text()


def test_chart_labels_are_escaped():
    from webui.chart import bar_chart

    svg = str(bar_chart([("<script>alert(1)</script>", 3), ("负数", -2)], title="a&b"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a&amp;b" in svg
    assert "chart-bar-negative" in svg
