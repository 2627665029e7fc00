"""Links that last: a report's address survives editing and renaming its file; a deleted one says so (410)."""

from __future__ import annotations

import os
import shutil

import pytest

from urllib.parse import unquote

from fixtures.web_site import ZHAOYUAN, ZHOUSHAN, build_site, soup


@pytest.fixture()
def site(tmp_path):
    from webui import create_app

    site = build_site(tmp_path, with_web_reports=False)
    app = create_app(site.config())
    yield site, app.test_client()
    app.extensions["nianbao"].live.close()


def reindex(site) -> None:
    from indexer.indexing import index_corpus

    summary = index_corpus(site.corpus, site.index, workers=1)
    assert not summary.failed


def zhaoyuan_file(site):
    return next((site.corpus / "samples").glob("003_*"))


def test_editing_a_bundled_report_keeps_its_url(site):
    site, client = site
    path = zhaoyuan_file(site)
    assert client.get(f"/reports/{ZHAOYUAN}").status_code == 200
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("行政处罚", "行政处罚（已更正）", 1), encoding="utf-8")
    reindex(site)
    response = client.get(f"/reports/{ZHAOYUAN}?q=已更正")
    assert response.status_code == 200
    assert soup(response).select(".report-body mark")  # the new text is served under the old address
    assert client.get(f"/api/reports/{ZHAOYUAN}").get_json()["id"] == ZHAOYUAN


def test_renaming_a_report_keeps_its_url(site):
    site, client = site
    path = zhaoyuan_file(site)
    (site.corpus / "moved").mkdir()
    shutil.move(path, site.corpus / "moved" / "招远卫健局2023.txt")
    reindex(site)
    response = client.get(f"/reports/{ZHAOYUAN}")
    assert response.status_code == 200
    assert client.get(f"/api/reports/{ZHAOYUAN}").get_json()["source"] == "moved/招远卫健局2023.txt"


def test_deleting_a_report_gives_410_naming_it(site):
    site, client = site
    zhaoyuan_file(site).unlink()
    reindex(site)
    response = client.get(f"/reports/{ZHAOYUAN}#s2-p11")
    assert response.status_code == 410
    page = soup(response)
    assert "招远市卫生健康局《招远市卫生健康局2023年政府信息公开工作年度报告》（2023年度）已不在索引中" in page.h1.get_text()
    assert "samples/003_" in page.get_text()
    api = client.get(f"/api/reports/{ZHAOYUAN}")
    assert api.status_code == 410 and api.get_json()["error"] == "gone"
    assert client.get(f"/reports/{ZHAOYUAN}/file").status_code == 410
    assert client.get("/reports/ffffffffffffffff").status_code == 404  # never indexed: not found


def test_a_report_replaced_by_a_copy_of_another_redirects_to_it(site):
    site, client = site
    path = zhaoyuan_file(site)
    other = next((site.corpus / "samples").glob("002_*"))  # 舟山's report
    shutil.copy(other, path)
    os.utime(path, None)
    reindex(site)
    response = client.get(f"/reports/{ZHAOYUAN}?q=行政处罚")
    assert response.status_code == 301
    assert unquote(response.headers["Location"]).endswith(f"/reports/{ZHOUSHAN}?q=行政处罚")
    assert client.get(response.headers["Location"]).status_code == 200
    api = client.get(f"/api/reports/{ZHAOYUAN}")
    assert api.status_code == 301 and api.headers["Location"].endswith(f"/api/reports/{ZHOUSHAN}")
