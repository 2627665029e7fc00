"""End to end in a real browser: Debian's chromium driven by Playwright, against waitress on a free port.

A user searches 行政处罚, narrows to 山东省 → 烟台市, opens the snippet and lands
on the marked passage of 招远's report, highlighted and in view, and copies its
citation. A report carrying XSS payloads runs none of them. The search page is
saved as docs/screenshot.png, which the README shows.

`.ci/run` installs chromium with apt-get when /usr/bin/chromium is missing.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from fixtures.web_site import ROOT, ZHAOYUAN

pytest_plugins = ("fixtures.web",)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SCREENSHOT = ROOT / "docs" / "screenshot.png"
TARGET_BACKGROUND = "rgb(255, 245, 194)"  # --target in app.css


@pytest.fixture(scope="module")
def base_url(app):
    from webui.server import make_server

    server = make_server(app, "127.0.0.1", 0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "install chromium: apt-get install -y chromium (.ci/run does it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_search_narrow_to_a_city_and_land_on_the_highlighted_passage(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.goto(base_url + "/")

    page.get_by_label("搜索报告全文").fill("行政处罚")
    page.get_by_label("搜索报告全文").press("Enter")
    expect(page.locator("#result-count")).to_have_text("找到 4 份包含“行政处罚”的报告")
    expect(page.locator("li.result")).to_have_count(4)
    assert "sort=" not in page.url  # a query typed on the home page is ranked by relevance
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    page.locator("#facets .facet-list a", has_text="山东省").click()
    expect(page.locator("li.result")).to_have_count(1)
    expect(page.locator(".chip")).to_have_text(["省份：山东省×（去掉这个筛选）"])
    page.locator("#facets .facet-list a", has_text="烟台市").click()
    expect(page.locator(".trail li")).to_have_text(["全部地区", "山东省", "烟台市"])

    page.locator("a.snippet").first.click()
    page.wait_for_url(f"**/reports/{ZHAOYUAN}?q=*#s2-p11")
    target = page.locator("#s2-p11")
    expect(target).to_be_in_viewport()
    expect(target.locator("mark")).to_have_text("行政处罚")
    assert page.evaluate("document.querySelector(':target').id") == "s2-p11"
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") == TARGET_BACKGROUND
    assert page.locator("#s2-p12").evaluate("el => getComputedStyle(el).backgroundColor") != TARGET_BACKGROUND

    target.hover()
    target.get_by_role("button", name="复制引用").click()
    expect(page.locator("#toast")).to_have_text("已复制引用，可以粘贴到文章中。")
    citation = page.evaluate("navigator.clipboard.readText()")
    assert citation.startswith("招远市卫生健康局《招远市卫生健康局2023年政府信息公开工作年度报告》")
    assert "行政处罚，68" in citation and citation.endswith(f"/reports/{ZHAOYUAN}#s2-p11")
    context.close()


def test_xss_payloads_in_a_report_do_not_run(browser, base_url, xss_report_id):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in (f"/reports/{xss_report_id}?q=onerror", "/?q=onerror", "/?q=鹤城区司法局", "/metrics?q=鹤城区司法局"):
        page.goto(base_url + url)
        page.wait_for_load_state("load")
        assert page.locator("img").count() == 0, url
        assert page.evaluate("typeof window.__xss") == "undefined", url
    page.goto(f"{base_url}/reports/{xss_report_id}")
    expect(page.locator("h1")).to_contain_text('"><img src=x onerror=alert(1)>鹤城区司法局')
    expect(page.locator(".report-body")).to_contain_text("<script>window.__xss = 1; alert(1)</script>")
    assert dialogs == []
    page.close()


def test_on_a_phone_the_facets_fold_away_and_results_come_first(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "/?q=行政处罚")
    expect(page.locator("#facets")).not_to_have_attribute("open", "")
    expect(page.locator("li.result").first).to_be_in_viewport()
    page.locator("#facets > summary").click()
    expect(page.locator("#facets .facet-list a", has_text="山东省")).to_be_visible()
    context.close()
