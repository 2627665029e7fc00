"""Report text comes from the web: everything shown is escaped; bad input is a 400, never a 500 or a traceback."""

from __future__ import annotations

import pytest

from fixtures.web_site import XSS_AGENCY_TEXT, soup

pytest_plugins = ("fixtures.web",)

PAYLOADS = ("<script>", '"><img src=x onerror=alert(1)>', "<img src=x")


def assert_inert(html: str) -> None:
    """No payload is markup: neither a script element nor an injected image exists."""
    page = soup_of(html)
    assert not [s for s in page.find_all("script") if not s.get("src", "").startswith("/static/")]
    assert not page.find_all("img")
    assert not page.find_all(attrs={"onerror": True})
    assert "<script>window.__xss" not in html and "<img src=x" not in html


def soup_of(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml")


def test_a_report_with_xss_payloads_shows_them_as_text(client, xss_report_id):
    response = client.get(f"/reports/{xss_report_id}?q=onerror")
    html = response.get_data(as_text=True)
    assert_inert(html)
    page = soup(response)
    assert page.find("h1").get_text().startswith('"><img src=x onerror=alert(1)>')  # shown, as text
    assert "<script>window.__xss = 1; alert(1)</script>" in page.find(class_="report-body").get_text()
    assert page.find("title").get_text().startswith('"><img src=x')
    marks = page.select(".report-body mark")
    assert marks and all(m.get_text() == "onerror" for m in marks)
    citation = page.select_one(".passage[data-citation]")["data-citation"]
    assert "<img src=x onerror=alert(1)>" in citation  # the attribute value holds the text itself


def test_search_results_and_snippets_with_payloads_are_inert(client):
    response = client.get("/", query_string={"q": "onerror"})
    assert_inert(response.get_data(as_text=True))
    snippet = soup(response).select_one("a.snippet")
    assert snippet.mark.get_text() == "onerror"
    assert [child.name for child in snippet.find_all(True)] == ["mark"] * len(snippet.find_all(True))
    assert_inert(client.get("/", query_string={"q": XSS_AGENCY_TEXT}).get_data(as_text=True))
    assert_inert(client.get("/metrics", query_string={"q": XSS_AGENCY_TEXT}).get_data(as_text=True))


@pytest.mark.parametrize("query", ['"><img src=x onerror=alert(1)>', "<script>alert(1)</script>", "</textarea><b>"])
def test_a_query_is_reflected_as_text_only(client, query):
    response = client.get("/", query_string={"q": query, "province": query})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert_inert(html)
    assert "<b>" not in html
    assert soup(response).find("input", id="q")["value"] == query


def test_pages_and_api_send_security_headers(client, xss_report_id):
    for url in ("/", f"/reports/{xss_report_id}", "/metrics", "/api/search", "/reports/nope", "/?page=-1",
                f"/reports/{xss_report_id}/file"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "object-src 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"


def test_pages_use_no_inline_script_or_style(client, xss_report_id):
    for url in ("/?q=行政处罚", f"/reports/{xss_report_id}", "/metrics"):
        page = soup(client.get(url))
        assert all(s.get("src", "").startswith("/static/") for s in page.find_all("script"))
        assert not page.find_all("style") and not page.find_all(attrs={"style": True})
        assert not [tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)]


@pytest.mark.parametrize("url", [
    "/?page=-1", "/?page_size=10000", "/?year=abc", "/?page=1e9", "/?level=x", "/?sort=nope.key",
    "/?where=x", "/?order=sideways", "/metrics?page=-1", "/metrics?year=abc", "/?year=" + "9" * 5000,
])
def test_malformed_parameters_on_pages_are_a_400_in_chinese(client, url):
    response = client.get(url)
    assert response.status_code == 400
    page = soup(response)
    assert page.find("h1").get_text() and page.find(class_="error-code").get_text() == "错误代码 400"
    assert "Traceback" not in response.get_data(as_text=True)


def test_an_unexpected_error_is_a_plain_500_page_without_a_traceback(app, monkeypatch):
    import webui.search_page

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(webui.search_page, "search", broken)
    response = app.test_client().get("/?q=x")
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "服务器出了问题" in html and "secret internal detail" not in html and "Traceback" not in html


def test_static_files_cannot_reach_outside_their_folder(client):
    assert client.get("/static/../__init__.py").status_code == 404
    assert client.get("/static/%2e%2e/__init__.py").status_code == 404
    assert client.get("/static/app.css").status_code == 200
