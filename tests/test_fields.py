"""Field rules on strings: title, agency, year, printed date and agency level."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer import fields


def test_title_split_over_two_lines_agency_first():
    paragraphs = ["威海市环翠区卫生健康局", "2020年政府信息公开工作年度报告", "一、总体情况"]
    assert fields.title_of(paragraphs) == "威海市环翠区卫生健康局2020年政府信息公开工作年度报告"


def test_title_split_before_its_last_words():
    paragraphs = ["某某县教育局2022年政府信息公开", "工作年度报告", "一、总体情况"]
    assert fields.title_of(paragraphs) == "某某县教育局2022年政府信息公开工作年度报告"


def test_title_after_page_junk_and_year_first_title():
    paragraphs = ["首页", "当前位置：首页", "2021年度某某市财政局政府信息公开工作年度报告", "一、总体情况"]
    title = fields.title_of(paragraphs)
    assert title == "2021年度某某市财政局政府信息公开工作年度报告"
    assert fields.agency_in_title(title) == "某某市财政局"
    assert fields.year_of(title, paragraphs) == 2021


def test_no_title_in_text_falls_back_to_page_title_without_site_name():
    paragraphs = ["一、总体情况", "2022年，我局主动公开信息120条。"]
    assert fields.title_of(paragraphs) is None
    assert fields.title_of(paragraphs, "某某区民政局2022年政府信息公开工作年度报告_某某区人民政府") == (
        "某某区民政局2022年政府信息公开工作年度报告"
    )
    assert fields.title_of(paragraphs, "某某区人民政府门户网站") is None


def test_agency_only_in_the_signature():
    paragraphs = ["政府信息公开工作年度报告", "一、总体情况", "本年度主动公开信息100条。", "六、其他需要报告的事项", "无", "某某县水利局", "2023年1月20日"]
    assert fields.agency_of(fields.title_of(paragraphs), paragraphs) == "某某县水利局"


def test_agency_only_in_a_contact_line():
    paragraphs = ["2022年政府信息公开工作年度报告", "如对本报告有疑问，请与某某市统计局办公室联系。"]
    assert fields.agency_of(fields.title_of(paragraphs), paragraphs) == "某某市统计局办公室"


def test_fuller_printed_form_from_the_signature_wins():
    paragraphs = ["市卫生健康委2020年政府信息公开工作年度报告", "正文。", "舟山市卫生健康委员会", "2021年1月29日"]
    assert fields.agency_of(paragraphs[0], paragraphs) == "舟山市卫生健康委员会"


def test_an_office_signing_for_its_government_is_another_agency():
    paragraphs = ["某某县人民政府2022年政府信息公开工作年度报告", "正文。", "某某县人民政府办公室", "2023年3月1日"]
    assert fields.agency_of(paragraphs[0], paragraphs) == "某某县人民政府"
    assert fields.same_agency("华龙区卫健委", "华龙区卫生健康委员会")


def test_years_in_document_numbers_and_dates_are_not_the_report_year():
    paragraphs = [
        "根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，现将我局2022年度报告如下：",
        "截至2022年底，我局主动公开信息80条，较2021年增加5条。",
        "某某局",
        "2023年1月15日",
    ]
    assert fields.year_of(None, paragraphs, "2023-01-15") == 2022


def test_year_is_the_statistics_year_even_when_signed_in_that_same_year():
    paragraphs = ["某局政府信息公开工作年度报告", "2020年，我局主动公开信息115条。", "某局", "2020年1月19日"]
    assert fields.year_of(paragraphs[0], paragraphs, "2020-01-19") == 2020


def test_chinese_numeral_year_and_date():
    assert fields.year_of("某某局二〇二一年政府信息公开工作年度报告", []) == 2021
    assert fields.parse_date("二〇二二年一月二十八日") == dt.date(2022, 1, 28)
    assert fields.parse_date("2022-1-8") == dt.date(2022, 1, 8)
    assert fields.parse_date("2022年13月40日") is None


def test_published_is_the_signature_date_not_a_date_in_the_body():
    body = ["截至2023年12月31日，我局共发布信息267条。", "六、其他需要报告的事项", "无。"]
    assert fields.published_of(body) is None
    assert fields.published_of(body + ["某局", "2024年1月18日"]) == "2024-01-18"
    assert fields.published_of(body, meta_published="2024-01-20 09:30") == "2024-01-20"
    assert fields.published_of(["某局2023年报告", "发布日期：2024-01-22", *body]) == "2024-01-22"


@pytest.mark.parametrize(
    "agency, levels, expected",
    [
        ("威海市环翠区卫生健康局", ["city", "county"], "county"),
        ("舟山市卫生健康委员会", ["city"], "city"),
        ("浙江省卫生健康委员会", ["province"], "province"),
        ("国家卫生健康委员会", [], "national"),
        ("市卫生健康委", [], "city"),
        ("区卫生健康局", [], "county"),
        ("某某县城关镇人民政府", ["county"], "township"),
        (None, [], None),
    ],
)
def test_agency_level(agency, levels, expected):
    assert fields.agency_level_of(agency, levels) == expected


def test_a_web_page_publisher_counts_only_when_the_report_names_no_agency():
    bare = ["2022年政府信息公开工作年度报告", "一、总体情况", "本年度主动公开信息80条。"]
    assert fields.agency_of(fields.title_of(bare), bare, publisher="某某县水利局") == "某某县水利局"
    signed = bare + ["某某县林业局", "2023年1月10日"]
    assert fields.agency_of(fields.title_of(signed), signed, publisher="某某县水利局") == "某某县林业局"
