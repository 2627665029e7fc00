"""The JSON API: /api/search in the shape of spec/search.md, records, metrics, streamed exports, JSON errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from fixtures.web_site import ZHAOYUAN, ZHOUSHAN

pytest_plugins = ("fixtures.web",)


def test_search_answers_in_the_spec_shape(client):
    response = client.get("/api/search?q=疫情&province=浙江省&year=2020")
    assert response.status_code == 200 and response.mimetype == "application/json"
    answer = response.get_json()
    for key in ("query", "filters", "total", "page", "page_size", "results", "facets"):
        assert key in answer
    assert answer["query"] == "疫情"
    assert answer["filters"] == {"province": "浙江省", "year": [2020]}
    assert answer["total"] == 1 and answer["page"] == 1 and answer["page_size"] == 10
    (result,) = answer["results"]
    assert result["id"] == ZHOUSHAN and result["region"]["city"] == "舟山市"
    assert set(result) >= {"id", "title", "agency", "region", "year", "score", "url", "snippets"}
    assert result["url"] == f"/reports/{ZHOUSHAN}?q=疫情"
    for snippet in result["snippets"]:
        assert snippet["url"] == f"/reports/{ZHOUSHAN}?q=疫情#{snippet['passage']}"
        assert "<mark>疫情</mark>" in snippet["html"]
    assert answer["facets"]["city"] == {"舟山市": 1}
    assert "浙江省" in answer["facets"]["province"]


def test_search_takes_every_filter_of_the_page(client):
    answer = client.get("/api/search?level=county&template=2021&failing=date&sort=-year&page_size=5").get_json()
    assert answer["filters"] == {"agency_level": "county", "template": "2021", "failing": ["date"]}
    assert answer["page_size"] == 5 and answer["sort"] == "-year"
    where = client.get("/api/search?where=active.penalty.decisions>=50").get_json()
    assert {r["id"] for r in where["results"]} == {ZHOUSHAN, ZHAOYUAN}
    assert client.get("/api/search?q=行政处罚&city=烟台市&county=招远市").get_json()["total"] == 1
    assert client.get("/api/search?q=卫健委&expand=0").get_json().get("expanded") is None


@pytest.mark.parametrize("query, param", [
    ("page=-1", "page"), ("page=0", "page"), ("page=abc", "page"), ("page_size=10000", "page_size"),
    ("page_size=0", "page_size"), ("year=abc", "year"), ("year=20201", "year"), ("level=planet", "level"),
    ("template=1999", "template"), ("where=penalty>>3", "where"), ("where=nope.key>1", "where"),
    ("sort=nope.key", "sort"), ("sort=a;b", "sort"), ("order=up", "order"), ("expand=maybe", "expand"),
    ("page=200&page_size=100", "page"),
])
def test_malformed_parameters_are_a_400_json_with_a_message(client, query, param):
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert body["status"] == 400 and body["param"] == param and body["message"]


def test_numbers_typed_in_full_width_are_understood(client):
    answer = client.get("/api/search?year=２０２０&page_size=２").get_json()
    assert answer["filters"] == {"year": [2020]} and answer["page_size"] == 2 and answer["total"] == 3


def test_a_report_is_its_record(client):
    record = client.get(f"/api/reports/{ZHAOYUAN}").get_json()
    assert record["id"] == ZHAOYUAN and record["source"].endswith(".txt")
    assert record["metrics"]["active.penalty.decisions"] == {"value": 68, "passage": "s2-p11"}
    assert {"passages", "sections", "checks", "region", "year", "published", "template"} <= set(record)


def test_an_unknown_report_or_route_is_a_json_404(client):
    for url in ("/api/reports/0000000000000000", "/api/nothing-here"):
        response = client.get(url)
        assert response.status_code == 404 and response.get_json()["status"] == 404


def test_a_wrong_method_is_a_json_405(client):
    response = client.post("/api/search")
    assert response.status_code == 405 and response.get_json()["error"] == "method_not_allowed"


def test_metrics_json_has_the_rows_and_the_chart_of_the_page(client):
    body = client.get("/api/metrics?year=2020&m=active.penalty.decisions&by=region").get_json()
    assert body["total"] == 3
    assert body["metrics"] == [{"key": "active.penalty.decisions", "label": "行政处罚 · 处理决定数量"}]
    values = {r["id"]: r["values"]["active.penalty.decisions"] for r in body["results"]}
    assert values[ZHOUSHAN] == 212 and None in values.values()
    assert body["chart"]["by"] == "province"
    assert {g["name"]: g["total"] for g in body["chart"]["groups"]} == {"浙江省": 212, "黑龙江省": 31}


def test_the_csv_export_opens_in_excel_with_every_column(client):
    from indexer.export import COLUMNS

    response = client.get("/api/export.csv?year=2020&header=keys")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert tuple(rows[0]) == COLUMNS
    assert {r["year"] for r in rows} == {"2020"} and len(rows) == 3
    zhoushan = next(r for r in rows if r["id"] == ZHOUSHAN)
    assert zhoushan["active.penalty.decisions"] == "212" and zhoushan["city"] == "舟山市"


def test_the_csv_export_has_a_chinese_header_by_default_and_only_the_chosen_figures(client):
    response = client.get("/api/export.csv?year=2020&m=apply.new.total&m=active.penalty.decisions")
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8")[1:])))
    assert rows[0][:3] == ["报告编号", "文件", "标题"]
    assert rows[0][-2:] == ["行政处罚 · 处理决定数量", "一、本年新收申请 · 总计"]
    assert rows[next(i for i, r in enumerate(rows) if r[0] == ZHOUSHAN)][-2] == "212"
    both = list(csv.reader(io.StringIO(client.get("/api/export.csv?year=2020&header=both").get_data().decode()[1:])))
    assert both[1][:2] == ["id", "source"] and both[0][:2] == ["报告编号", "文件"]
    assert client.get("/api/export.csv?header=nope").status_code == 400
    bad = client.get("/api/export.csv?m=no.such.figure")
    assert bad.status_code == 400 and bad.get_json()["param"] == "m"


def test_the_xlsx_export_is_a_workbook_with_numbers(client, tmp_path):
    import openpyxl

    response = client.get("/api/export.xlsx?year=2020&m=active.penalty.decisions")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    path = tmp_path / "r.xlsx"
    path.write_bytes(response.get_data())
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2" and sheet.max_row == 4
    header = [c.value for c in sheet[1]]
    values = [sheet.cell(r, header.index("行政处罚 · 处理决定数量") + 1).value for r in range(2, 5)]
    assert 212 in values and all(v is None or isinstance(v, int) for v in values)
    urls = [sheet.cell(r, header.index("年报检索链接") + 1).value for r in range(2, 5)]
    assert all(u.startswith("http://localhost/reports/") for u in urls)


def test_links_that_leave_the_app_use_the_configured_base_url(web_site):
    from webui import create_app

    app = create_app(web_site.config(base_url="https://nianbao.example.gov.cn/search/"))
    client = app.test_client()
    text = client.get("/api/export.csv?year=2023&header=keys").get_data().decode("utf-8")
    row = next(csv.DictReader(io.StringIO(text[1:])))
    assert row["url"] == f"https://nianbao.example.gov.cn/search/reports/{row['id']}"
    page = client.get(f"/reports/{ZHAOYUAN}").get_data(as_text=True)
    assert f'data-report-url="https://nianbao.example.gov.cn/search/reports/{ZHAOYUAN}"' in page
    assert f"年报检索：https://nianbao.example.gov.cn/search/reports/{ZHAOYUAN}#s2-p11" in page
    app.extensions["nianbao"].live.close()


def test_the_jsonl_export_has_one_report_per_line(client):
    response = client.get("/api/export.jsonl?q=行政处罚")
    lines = response.get_data(as_text=True).splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 4 and all("active.penalty.decisions" in r for r in rows)
    assert client.get("/api/export.jsonl?q=不存在的词语组合").get_data() == b""


def test_an_export_with_a_bad_request_fails_before_the_download_starts(client):
    response = client.get("/api/export.csv?sort=nope.key")
    assert response.status_code == 400 and response.get_json()["param"] == "sort"
