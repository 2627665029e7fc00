"""End to end in a real browser: Debian's chromium driven by Playwright, against waitress on a free port.

A user searches 行政处罚, narrows to 山东省 → 烟台市, opens the snippet and lands
on the marked passage of 招远's report, highlighted and in view, steps through the
hits with the counter and the keyboard, and copies its citation and link. A report
carrying XSS payloads runs none of them. The numbers page fits a 390-px phone.

Screenshots go to a temporary folder, or to the folder named by
``NIANBAO_SCREENSHOTS``; the README's are taken by scripts/readme_screenshots.py.
`.ci/run` installs chromium with apt-get when /usr/bin/chromium is missing.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from fixtures.serving import served
from fixtures.web_site import ROOT, ZHAOYUAN

pytest_plugins = ("fixtures.web", "fixtures.browser")

TARGET_BACKGROUND = "rgb(255, 245, 194)"  # --target in app.css


@pytest.fixture(scope="module")
def base_url(app):
    with served(app) as url:
        yield url


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    folder = os.environ.get("NIANBAO_SCREENSHOTS")
    path = (ROOT / folder) if folder and not Path(folder).is_absolute() else Path(folder) if folder else None
    path = path or tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_search_narrow_to_a_city_and_land_on_the_highlighted_passage(browser, base_url, screenshots):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.goto(base_url + "/")

    page.get_by_label("搜索报告全文").fill("行政处罚")
    page.get_by_label("搜索报告全文").press("Enter")
    expect(page.locator("#result-count")).to_have_text("找到 4 份包含“行政处罚”的报告")
    expect(page.locator("li.result")).to_have_count(4)
    assert "sort=" not in page.url  # a query typed on the home page is ranked by relevance
    zhaoyuan = page.locator("li.result", has_text="招远市卫生健康局2023年")
    expect(zhaoyuan.locator("a.snippet").first).to_have_text("行政处罚 | 本年处理决定数量 68")  # labelled row
    page.screenshot(path=str(screenshots / "screenshot.png"))

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

    expect(page.locator("#hit-counter")).to_have_text("第 1/1 处")  # the snippet's hit is the current one
    assert page.evaluate("document.activeElement.id") == "s2-p11"

    page.keyboard.press("Tab")  # the focused passage's toolbar comes next, not hundreds of buttons
    expect(page.locator(":focus")).to_have_text("复制引用")
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_have_text("已复制引用，可以粘贴到文章中。")
    citation = page.evaluate("navigator.clipboard.readText()")
    assert citation.startswith("招远市卫生健康局《招远市卫生健康局2023年政府信息公开工作年度报告》（2023年度），")
    assert "“行政处罚 | 本年处理决定数量 68”。" in citation
    assert citation.endswith(f"/reports/{ZHAOYUAN}#s2-p11")
    page.locator("#s2-p12").hover()
    page.locator("#s2-p12").get_by_role("button", name="复制链接").click()
    expect(page.locator("#toast")).to_have_text("已复制这一段的链接。")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/reports/{ZHAOYUAN}#s2-p12"
    assert page.locator("button").count() == 2

    page.get_by_role("link", name="← 返回搜索").click()
    expect(page.locator("#result-count")).to_have_text("找到 1 份包含“行政处罚”的报告")
    assert "city=" in page.url
    context.close()


def test_previous_and_next_hit_with_the_counter_and_the_keyboard(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base_url}/reports/{ZHAOYUAN}?q=申请")
    total = page.locator(".report-body mark").count()
    assert total > 3
    expect(page.locator("#hit-counter")).to_have_text(f"共 {total} 处")
    page.get_by_role("link", name="下一处 ›").click()
    expect(page.locator("#hit-counter")).to_have_text(f"第 1/{total} 处")
    page.keyboard.press("n")
    page.keyboard.press("n")
    expect(page.locator("#hit-counter")).to_have_text(f"第 3/{total} 处")
    expect(page.locator("#hit-3")).to_be_in_viewport()
    expect(page.locator("#hit-3")).to_have_class("current")
    assert page.evaluate("document.activeElement.contains(document.getElementById('hit-3'))")
    page.keyboard.press("p")
    expect(page.locator("#hit-counter")).to_have_text(f"第 2/{total} 处")
    page.get_by_role("link", name="‹ 上一处").click()
    page.get_by_role("link", name="‹ 上一处").click()  # wraps round to the last
    expect(page.locator("#hit-counter")).to_have_text(f"第 {total}/{total} 处")
    page.close()


def test_the_sort_menu_moves_with_arrow_keys_and_applies_only_on_the_button(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "/?q=行政处罚")
    menu = page.locator("select#sort")
    menu.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert "sort=" not in page.url  # choosing with the keyboard does not reload the page
    chosen = menu.input_value()
    assert chosen
    page.get_by_role("button", name="排序").click()
    page.wait_for_url(f"**sort=*")
    assert f"sort={chosen}" in page.url or f"sort=-{chosen}" in page.url
    page.get_by_label("在排序选项中查找指标").fill("处罚")  # the filter box narrows 230 figures to a few
    visible = page.evaluate("[...document.querySelectorAll('#sort option')].filter(o => !o.hidden).length")
    assert 1 < visible < 10
    page.close()


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


@pytest.fixture(scope="module")
def agency_base_url(tmp_path_factory):
    """A second server over the multi-year corpus of fixtures/agencies.py."""
    from fixtures.agencies import write_corpus
    from indexer.config import Config
    from indexer.indexing import index_corpus
    from webui import create_app

    base = tmp_path_factory.mktemp("browser-agencies")
    write_corpus(base / "corpus")
    index_corpus(base / "corpus", base / "index", workers=1)
    app = create_app(Config(corpus=base / "corpus", index=base / "index"))
    with served(app) as url:
        yield url
    app.extensions["nianbao"].live.close()


def test_agency_page_chart_and_the_comparison_with_last_year(browser, agency_base_url):
    from fixtures.agencies import AGENCY_IDS, HUZHOU

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{agency_base_url}/?q=湖州市司法局")
    page.locator("a.agency-link").first.click()
    expect(page.locator("h1")).to_have_text(HUZHOU)
    assert AGENCY_IDS[HUZHOU] in unquote(page.url)
    expect(page.locator(".agency-year.gap")).to_contain_text("2021年度")
    expect(page.locator(".checks .badge-fail")).to_have_count(4)  # 2020: carry-over in one line + 2 columns; 2023: copied

    page.select_option("#m", "apply.carried_over.natural")  # the chart follows the chosen metric
    page.get_by_role("button", name="作图").click()
    page.wait_for_url("**m=apply.carried_over.natural**")
    expect(page.locator("svg.chart title")).to_contain_text("上年结转")
    expect(page.locator("svg.chart rect.chart-bar")).to_have_count(4)  # 2021 is a gap, not a bar

    page.locator(".agency-year", has_text="2023年度").get_by_role("link", name="与上一年度比较").click()
    page.wait_for_url("**/compare?**")
    expect(page.locator("h1")).to_have_text("比较两份报告")
    changed = page.locator("tr.row-changed", has_text="全年累计办理相关事项")
    expect(changed).to_have_count(8)
    expect(changed.first.locator("ins")).to_have_count(1)  # the new figure, marked whole
    expect(changed.first.locator("ins")).to_be_visible()
    expect(page.locator("tr.row-only_a")).to_have_count(2)
    page.close()


def test_the_numbers_page_and_a_reports_tables_fit_a_390_px_phone(browser, base_url, screenshots):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, locale="zh-CN")
    page = context.new_page()
    metrics = "&".join(f"m={k}" for k in ("active.penalty.decisions", "apply.new.total", "apply.granted.total",
                                           "review.total", "litigation.direct.total"))
    page.goto(f"{base_url}/metrics?{metrics}&by=region&cy=each")
    page.screenshot(path=str(screenshots / "metrics-390.png"), full_page=True)
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0, "the page scrolls sideways"
    table = page.locator(".metrics-table")
    wrap = page.locator(".metrics-table").locator("xpath=..")
    assert wrap.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls inside its box
    first = table.locator("tbody tr").first.locator("th")
    figure = table.locator("tbody td").first
    before, figure_before = first.bounding_box()["x"], figure.bounding_box()["x"]
    scrolled = wrap.evaluate("el => { el.scrollBy(400, 0); return el.scrollLeft; }")
    page.wait_for_timeout(100)
    assert scrolled > 0
    assert abs(first.bounding_box()["x"] - before) < 1  # the report column stays in view
    assert abs(figure.bounding_box()["x"] - (figure_before - scrolled)) < 1  # while the figures move under it

    page.goto(f"{base_url}/reports/{ZHAOYUAN}")
    assert page.evaluate(overflow) <= 0
    apply = page.locator(".figures-table", has_text="自然人")
    expect(apply.locator("tr.group-row", has_text="三、本年度办理结果")).to_be_visible()
    apply.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "report-tables-390.png"))
    context.close()
