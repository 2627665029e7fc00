"""The report page `/reports/<id>`: facts, sections, anchors, marks, citations, tables, checks, the file."""

from __future__ import annotations

import os

from urllib.parse import parse_qs, urlsplit

from fixtures.web_site import HUANCUI, ZHAOYUAN, ZHOUSHAN, soup

pytest_plugins = ("fixtures.web",)


def params(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def api_record(client, report_id: str) -> dict:
    return client.get(f"/api/reports/{report_id}").get_json()


def test_the_page_shows_the_reports_facts_and_a_download_link(client):
    page = soup(client.get(f"/reports/{ZHOUSHAN}"))
    assert page.find("h1").get_text(strip=True) == "市卫生健康委2020年政府信息公开工作年度报告"
    facts = {div.dt.get_text(): div.dd.get_text(" ", strip=True) for div in page.select("header dl.facts > div")}
    assert facts["发布机关"] == "舟山市卫生健康委员会 （市级）"  # the name links to the agency's page
    agency = page.select_one("header dl.facts a[href^='/agencies/']")
    assert agency.get_text() == "舟山市卫生健康委员会"
    assert facts["地区"] == "浙江省 › 舟山市 330900"
    assert facts["年度"] == "2020年"
    assert facts["落款日期"] == "2020-01-29"
    assert facts["表格模板"] == "2019年版表格"
    download = page.select_one("header dl.facts a[href$='/file']")
    assert download["href"] == f"/reports/{ZHOUSHAN}/file"


def test_every_passage_has_its_id_and_the_contents_link_to_the_sections(client):
    record = api_record(client, ZHAOYUAN)
    page = soup(client.get(f"/reports/{ZHAOYUAN}"))
    for passage in record["passages"]:
        element = page.find(id=passage["id"])
        assert element is not None, passage["id"]
        assert "passage" in element["class"]
    toc = [a["href"] for a in page.select("nav.toc a")]
    sections = [s for s in record["sections"] if s["title"]]
    assert toc[: len(sections)] == [f"#section-{s['no']}" for s in sections]
    assert all(page.find(id=href[1:]) for href in toc)


def test_the_query_terms_are_marked_on_the_page(client):
    page = soup(client.get(f"/reports/{ZHAOYUAN}?q=行政处罚"))
    target = page.find(id="s2-p11")
    assert target.mark.get_text() == "行政处罚" and "hit" in target["class"]
    marked = page.select(".report-body mark")
    assert marked and all(m.get_text() == "行政处罚" for m in marked)
    hits = page.find(class_="hits")
    assert f"{len(marked)} 处匹配" in hits.get_text()
    assert hits.find("a", string="跳到第一处")["href"] == "#" + marked[0].find_parent(class_="passage")["id"]


def test_marks_use_the_search_matching_full_width_and_synonyms(client):
    assert soup(client.get(f"/reports/{ZHAOYUAN}?q=行政处罚")).find(id="s2-p11").mark
    full_width = soup(client.get(f"/reports/{ZHOUSHAN}?q=ＷＨＯ 舟山"))  # Latin letters fold; 舟山 is found
    assert any(m.get_text() == "舟山" for m in full_width.select(".report-body mark"))
    synonyms = soup(client.get(f"/reports/{ZHOUSHAN}?q=卫健委"))
    assert any(m.get_text() == "卫生健康委员会" for m in synonyms.select(".report-body mark"))


def test_a_query_the_report_lacks_says_so(client):
    page = soup(client.get(f"/reports/{ZHAOYUAN}?q=核酸检测点"))
    assert "这份报告中没有找到“核酸检测点”" in page.find(class_="hits").get_text()
    assert not page.select(".report-body mark")


def test_each_passage_carries_a_citation_with_agency_title_year_section_text_and_link(client):
    page = soup(client.get(f"/reports/{ZHAOYUAN}?q=行政处罚"))
    citation = page.find(id="s2-p11")["data-citation"]
    assert citation == (
        "招远市卫生健康局《招远市卫生健康局2023年政府信息公开工作年度报告》（2023年度），二、主动公开政府信息情况："
        "“行政处罚 | 本年处理决定数量 68”。\n"
        f"年报检索：http://localhost/reports/{ZHAOYUAN}#s2-p11")
    record = api_record(client, ZHAOYUAN)
    assert all(page.find(id=p["id"]).get("data-citation") for p in record["passages"])


def test_a_citation_quotes_nested_quotes_singly_and_never_doubles_the_full_stop():
    from webui.report_view import citation

    record = {"agency": "某局", "title": "某局2023年《报告》", "year": 2023, "source_url": "https://www.example.gov.cn/a.html"}
    text = citation(record, "一、总体情况", "坚持“三安全一稳定”，公开信息。", "http://x/reports/1#s1-p2")
    assert text.splitlines() == [
        "某局《某局2023年〈报告〉》（2023年度），一、总体情况：“坚持‘三安全一稳定’，公开信息。”",
        "原文：https://www.example.gov.cn/a.html",
        "年报检索：http://x/reports/1#s1-p2",
    ]
    assert "。”。" not in text
    typed = citation(record, "", '落实"谁起草谁解读"原则', "u").splitlines()[0]
    assert typed.endswith("：“落实‘谁起草谁解读’原则”。")  # straight quotes typed in the report pair up too
    assert citation({"title": "无年度报告"}, "", "一段话", "u").splitlines()[0] == "《无年度报告》：“一段话”。"


def test_copying_is_one_toolbar_not_a_button_per_passage(client):
    page = soup(client.get(f"/reports/{ZHAOYUAN}?q=行政处罚"))
    buttons = page.find_all("button")
    assert [b.get_text() for b in buttons] == ["复制引用", "复制链接"]
    assert buttons[0].find_parent(id="passage-tools")
    assert page.find("article", class_="report")["data-report-url"] == f"http://localhost/reports/{ZHAOYUAN}"
    assert not page.select(".report-body [tabindex='0']")


def test_table_rows_show_their_figures_labelled(client):
    page = soup(client.get(f"/reports/{ZHAOYUAN}?q=处理决定数量"))
    row = page.find(id="s2-p11")
    assert row.get_text("", strip=False) == "行政处罚 | 本年处理决定数量 68"
    assert row.find(class_="label").get_text() == "本年处理决定数量" and row.find(class_="value").get_text() == "68"
    assert row.mark.get_text() == "处理决定数量"
    assert api_record(client, ZHAOYUAN)["passages"][[p["id"] for p in api_record(client, ZHAOYUAN)["passages"]].index("s2-p11")]["text"] == "行政处罚 | 68"


def test_hits_are_numbered_for_the_previous_next_buttons_and_counter(client):
    page = soup(client.get(f"/reports/{ZHAOYUAN}?q=行政处罚"))
    marks = page.select(".report-body mark")
    assert [m["id"] for m in marks] == [f"hit-{i}" for i in range(1, len(marks) + 1)]
    nav = page.find("nav", class_="hit-nav")
    counter = nav.find(id="hit-counter")
    assert counter["data-total"] == str(len(marks)) and counter.get_text() == f"共 {len(marks)} 处"
    steps = nav.select("a[data-hit-step]")
    assert [(a["data-hit-step"], a["href"]) for a in steps] == [("-1", f"#hit-{len(marks)}"), ("1", "#hit-1")]
    assert [a["aria-keyshortcuts"] for a in steps] == ["p", "n"]
    assert not soup(client.get(f"/reports/{ZHAOYUAN}")).find("nav", class_="hit-nav")


def test_links_back_keep_the_whole_search(client):
    search = soup(client.get("/?q=行政处罚&province=山东省&year=2023&sort=-year&page_size=5"))
    link = search.select_one("li.result h2 a")["href"]
    assert params(link) == {"q": ["行政处罚"], "province": ["山东省"], "year": ["2023"], "sort": ["-year"],
                            "page_size": ["5"]}
    snippet = search.select_one("a.snippet")["href"]
    assert params(snippet) == params(link) and urlsplit(snippet).fragment == "s2-p11"
    report = soup(client.get(link))
    back = report.find(class_="back").a
    assert back.get_text() == "← 返回搜索" and urlsplit(back["href"]).path == "/"
    assert params(back["href"]) == params(link)
    unmark = report.find("a", string="取消标记")["href"]
    assert params(unmark)["hl"] == ["0"]
    unmarked = soup(client.get(unmark))
    assert not unmarked.select(".report-body mark")
    assert params(unmarked.find(class_="back").a["href"]) == params(link)


def test_a_report_opened_from_the_numbers_page_goes_back_there(client):
    numbers = soup(client.get("/metrics?year=2020&m=apply.new.total&by=region&page=1"))
    link = numbers.select_one(".metrics-table tbody th a")["href"]
    assert params(link)["from"] == ["metrics"] and params(link)["m"] == ["apply.new.total"]
    back = soup(client.get(link)).find(class_="back").a
    assert back.get_text() == "← 返回数据" and urlsplit(back["href"]).path == "/metrics"
    assert params(back["href"]) == {"year": ["2020"], "m": ["apply.new.total"], "by": ["region"]}


def test_the_standard_tables_are_rebuilt_with_each_value_linking_to_its_passage(client):
    record = api_record(client, ZHAOYUAN)
    page = soup(client.get(f"/reports/{ZHAOYUAN}"))
    figures = page.find(id="figures")
    assert [h.get_text() for h in figures.find_all("h3")][:3] == [
        "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议、行政诉讼情况"]
    links = {a["title"]: a for a in figures.select("td a[title]")}
    for key, metric in record["metrics"].items():
        if key in links:
            assert links[key]["href"] == "#" + metric["passage"]
            assert links[key].get_text() == str(metric["value"])
    penalty = links["active.penalty.decisions"]
    assert penalty.get_text() == "68" and penalty["href"] == "#s2-p11"
    assert penalty.find_parent("tr").th.get_text() == "行政处罚"
    assert "apply.new.total" in links and "review.total" in links


def test_a_report_without_recognised_tables_says_so(client):
    figures = soup(client.get(f"/reports/{HUANCUI}")).find(id="figures")
    assert not figures.find("table")
    assert "没有识别出标准表格" in figures.get_text() or "正文中的数字" in figures.get_text()


def test_checks_are_listed_by_status_with_links_to_their_passages(client):
    record = api_record(client, HUANCUI)
    page = soup(client.get(f"/reports/{HUANCUI}"))
    checks = page.find(id="checks")
    failed = [c for c in record["checks"] if c["status"] == "fail"]
    summary = checks.find("p").get_text()
    assert f"{len(failed)} 项未通过" in summary
    first_failed = checks.find("h3", string="未通过").find_next("ul").find_all("li", recursive=False)
    assert len(first_failed) == len(failed)
    sections = next(li for li in first_failed if "缺少《条例》第五十条要求的内容" in li.get_text())
    assert sections.find(class_="badge-fail").get_text() == "未通过"
    assert [a["href"] for a in sections.select(".check-passages a")] == [
        "#" + p for p in next(c for c in failed if c["id"] == "sections.required")["passages"]]
    assert "无法核对的检查" in checks.get_text()


def test_the_original_file_downloads_as_an_attachment(client, web_site):
    response = client.get(f"/reports/{ZHAOYUAN}/file")
    assert response.status_code == 200
    record = api_record(client, ZHAOYUAN)
    assert response.data == (web_site.corpus / record["source"]).read_bytes()
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_file_no_longer_in_the_corpus_is_a_404_that_says_so(web_site, tmp_path):
    from webui import create_app

    app = create_app(web_site.config(corpus=tmp_path))  # the same index over an empty corpus folder
    client = app.test_client()
    response = client.get(f"/reports/{ZHAOYUAN}/file")
    assert response.status_code == 404
    assert "原文件已不在语料文件夹中" in response.get_data(as_text=True)
    page = soup(client.get(f"/reports/{ZHAOYUAN}"))
    assert "原文件已不在语料文件夹中" in page.select_one("header dl.facts").get_text()
    app.extensions["nianbao"].live.close()


def test_the_download_never_leaves_the_corpus_folder(tmp_path):
    from webui.report_page import source_path

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", corpus / "link.txt")
    assert source_path(corpus, "a.txt") == (corpus / "a.txt").resolve()
    assert source_path(corpus, "../secret.txt") is None
    assert source_path(corpus, str(tmp_path / "secret.txt")) is None
    assert source_path(corpus, "link.txt") is None
    assert source_path(corpus, "missing.txt") is None
    assert source_path(corpus, ".") is None


def test_an_unknown_report_is_a_404_page_in_chinese(client):
    for report_id in ("0000000000000000", "x" * 500, "<b>1"):
        response = client.get(f"/reports/{report_id}")
        assert response.status_code == 404
        page = soup(response)
        assert "没有编号为" in page.find("h1").get_text()
        assert page.find("a", string="回到首页搜索")
    traversal = client.get("/reports/..%2F..%2Fetc%2Fpasswd")
    assert traversal.status_code == 404 and "没有这个页面" in traversal.get_data(as_text=True)
    assert client.get("/reports/0000000000000000/file").status_code == 404


def test_table_3_shows_its_group_rows_as_printed(client):
    figures = soup(client.get(f"/reports/{ZHAOYUAN}")).find(id="figures")
    apply = next(t for t in figures.find_all("table") if "自然人" in t.thead.get_text())
    rows = [(tr.get("class", []), tr.th.get_text(strip=True)) for tr in apply.tbody.find_all("tr")]
    labels = [label for _, label in rows]
    at = labels.index("三、本年度办理结果")
    assert labels[:at] == ["一、本年新收申请", "二、上年结转申请"]
    assert "group-row" in rows[at][0] and labels[at + 1] == "（一）予以公开"
    denied = labels.index("（三）不予公开")
    assert "group-row" in rows[denied][0]
    assert labels[denied + 1:denied + 3] == ["1.属于国家秘密", "2.其他法律行政法规禁止公开"]
    assert labels[-2:] == ["（七）总计", "四、结转下年度继续办理"]
    assert apply.find("tr", class_="group-row").th["colspan"] == "8"


def test_a_report_carrying_its_web_address_cites_it_and_exports_it(tmp_path):
    from indexer.indexing import index_corpus
    from webui import create_app

    from fixtures.web_site import SAMPLES, WebSite

    address = "https://www.zhaoyuan.gov.cn/art/2024/1/20/art_1.html"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = next(SAMPLES.glob("003_*")).read_text(encoding="utf-8")
    header = f"标题: 招远市卫生健康局2023年政府信息公开工作年度报告\n原文链接: {address}\n"
    (corpus / "crawled.txt").write_text(f"{header}==================== 正文 ====================\n{body}",
                                        encoding="utf-8")
    assert not index_corpus(corpus, tmp_path / "index", workers=1).failed
    app = create_app(WebSite(corpus, tmp_path / "index").config(base_url="https://nianbao.example.gov.cn/"))
    client = app.test_client()
    report_id = client.get("/api/search?q=").get_json()["results"][0]["id"]
    citation = soup(client.get(f"/reports/{report_id}")).find(id="s2-p11")["data-citation"]
    assert citation.splitlines()[1:] == [
        f"原文：{address}", f"年报检索：https://nianbao.example.gov.cn/reports/{report_id}#s2-p11"]
    row = client.get("/api/export.jsonl").get_data(as_text=True)
    assert f'"source_url": "{address}"' in row and f"https://nianbao.example.gov.cn/reports/{report_id}" in row
    app.extensions["nianbao"].live.close()
