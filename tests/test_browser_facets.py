"""In a real browser: the agency facet of a corpus with many agencies, filtered by typing, then chosen.

Fourteen short reports of fourteen agencies make the list long enough for its
filter box; typing 卫健 leaves the health commissions, and choosing one lists
its reports of every year, whatever each printed (卫健委 or the full name).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fixtures.serving import served

pytest_plugins = ("fixtures.browser",)

AGENCIES = ["舟山市卫健委", "舟山市卫生健康委员会", "宁波市卫生健康委员会", "温州市民政局", "嘉兴市财政局", "湖州市教育局",
            "绍兴市水利局", "金华市统计局", "衢州市审计局", "台州市司法局", "丽水市林业局", "杭州市商务局",
            "宁波市交通运输局", "温州市应急管理局", "嘉兴市医疗保障局"]
BODY = "一、总体情况\n\n{year}年，我单位主动公开政府信息{n}条。\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from indexer.config import Config
    from indexer.indexing import index_corpus
    from webui import create_app

    base = tmp_path_factory.mktemp("many-agencies")
    (base / "reports").mkdir()
    for i, agency in enumerate(AGENCIES):
        year = 2021 if agency == "舟山市卫健委" else 2022
        text = f"{agency}{year}年政府信息公开工作年度报告\n\n" + BODY.format(year=year, n=100 + i)
        (base / "reports" / f"r{i:02d}.txt").write_text(text, encoding="utf-8")
    summary = index_corpus(base / "reports", base / "index", workers=1)
    assert summary.added == len(AGENCIES) and not summary.failed
    app = create_app(Config(corpus=base / "reports", index=base / "index"))
    with served(app, threads=2) as url:
        yield url
    app.extensions["nianbao"].live.close()


def test_type_to_filter_the_agencies_then_choose_one(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.goto(base_url + "/")
    items = page.locator("#facet-list-agency li")
    expect(items).to_have_count(14)  # 舟山's two reports are one agency
    box = page.get_by_label("筛选发布机关")
    expect(box).to_be_visible()
    box.fill("卫生健康")
    expect(page.locator("#facet-list-agency li:not([hidden])")).to_have_count(2)
    zhoushan = page.locator("#facet-list-agency li:not([hidden])", has_text="舟山市卫生健康委员会")
    expect(zhoushan.locator(".count")).to_have_text("2")
    zhoushan.locator("a").first.click()  # the second link opens the agency page
    expect(page.locator("li.result")).to_have_count(2)
    expect(page.locator("a.chip", has_text="机关：舟山市卫生健康委员会")).to_be_visible()
    page.close()
