"""Placing rules: an agency that prints no place of its own is placed by where its report stands."""

from __future__ import annotations

import pytest

from indexer.fields import placing
from indexer.fields.agency import AgencyFound
from indexer.gazetteer import Region


def test_a_township_printed_after_its_county_is_placed_there():
    placed = placing.township_by_printed_county("中岗镇人民政府", Region(), "地址：四川省眉山市仁寿县中岗镇政府大楼")
    assert placed is not None and placed[0].county == "仁寿县"


def test_a_township_office_on_its_county_governments_site_takes_that_county():
    text = "本报告在西峰区人民政府门户网站公开。"
    region, agency = placing.township_on_host_site("解放路街道办事处", Region(), text)
    assert (region.city, region.county, agency) == ("庆阳市", "西峰区", "解放路街道办事处")
    # a township already placed keeps its place
    assert placing.township_on_host_site("解放路街道办事处", Region("甘肃省", "庆阳市", "西峰区", "621002"), text) is None


def test_a_unit_printing_no_place_takes_its_host_county_into_its_name():
    region, agency = placing.unit_on_host_site("经济开发区管委会", Region(), "可登录定州市人民政府网站查阅。")
    assert (region.county, agency) == ("定州市", "定州市经济开发区管委会")


def test_a_bare_level_department_needs_a_host_of_that_level():
    text = "本报告在阿尔山市人民政府网站公开。"
    region, agency = placing.bare_level_on_host_site("市应急管理局", Region(), text)
    assert (region.county, agency) == ("阿尔山市", "市应急管理局")
    # 县 is not the level of a 市: no host
    assert placing.bare_level_on_host_site("县应急管理局", Region(), text) is None


@pytest.mark.parametrize("rule", placing.PLACING_RULES)
def test_no_rule_places_a_name_when_the_text_names_no_host(rule):
    assert rule("经济开发区管委会", Region(), "本年度共主动公开政府信息120条。") is None


def test_agency_and_region_runs_the_placing_rules():
    found = AgencyFound("经济开发区管委会", "经济开发区管委会", "title")
    agency, region, level = placing.agency_and_region(found, None, "可登录定州市人民政府网站查阅。")
    assert agency == "定州市经济开发区管委会" and region.county == "定州市" and level is not None


@pytest.mark.parametrize(
    "agency, place",
    [
        ("国家统计局中山调查队", "中山市"),  # a stem the gazetteer will not read alone (held18: 2018 report)
        ("国家统计局慈溪调查队", "慈溪市"),  # a county-level city's team
        ("国家统计局湖北调查总队", None),  # a province's corps prints a place the gazetteer reads
        ("国家统计局某某调查队", None),
        ("中山市统计局", None),
        ("中国人民银行中山中心支行", "中山市"),  # the central bank's branch of a city, by the same unsafe stem
        ("中国人民银行慈溪市支行", None),  # a place the gazetteer reads in the name
        ("中国人民银行某某中心支行", None),
    ],
)
def test_a_national_bodys_branch_is_placed_by_its_stem(agency, place):
    assert placing.stem_branch_place(agency) == place


def test_a_unit_on_a_site_named_by_its_citys_stem_and_its_districts_takes_that_district():
    """西安•莲湖(www…)政府门户网站: a district's site named by the stems of its city and its own, a dot between
    (held23 046, a development zone's committee of 2023): the zone's committee stands in that district. A unit with
    a name of its own (某园开发区管委会) keeps it as printed; one named by its kind alone takes its county's name."""
    text = "本报告电子版可在西安•莲湖(www.example.gov.cn)政府门户网站浏览、下载。"
    region, agency = placing.unit_on_host_site("桃花开发区管委会", Region(), text)
    assert (region.province, region.city, region.county, agency) == ("陕西省", "西安市", "莲湖区", "桃花开发区管委会")
    region, agency = placing.unit_on_host_site("经济开发区管委会", Region(), text)
    assert (region.county, agency) == ("莲湖区", "莲湖区经济开发区管委会")
    region, agency = placing.unit_on_host_site("桃花开发区管委会", Region(), "可登录定州市人民政府网站查阅。")
    assert (region.county, agency) == ("定州市", "桃花开发区管委会")
    # a dot between words that are no city's and its district's stems places nothing
    assert placing.unit_on_host_site("桃花开发区管委会", Region(), "详见“健康•生活”网站。") is None
    assert placing.unit_on_host_site("桃花开发区管委会", Region(), "西安•莲湖文化节圆满举办。") is None  # no site


def test_an_unlisted_zones_committee_sits_below_the_city_its_report_names():
    # held26 027: the zone is in no gazetteer, its city is printed in the text; the committee is a county-level body
    found = AgencyFound("某某沿海经济技术开发区管理委员会", "某某沿海经济技术开发区管理委员会", "title")
    text = "2021年,盘锦某某沿海经济技术开发区管理委员会认真贯彻落实《盘锦市2021年政务公开工作要点》。"
    agency, region, level = placing.agency_and_region(found, None, text)
    assert (region.city, level) == ("盘锦市", "county")


@pytest.mark.parametrize("name", ["天津某某经济技术开发区管理委员会", "重庆某某高新技术产业开发区管理委员会办公室"])
def test_a_zones_body_under_a_municipality_sits_where_its_districts_do(name):
    # held30 087, held31 055, held32 019: a municipality is its own city (spec), so its zones' bodies are county-level,
    # as a zone's under any other city is
    found = AgencyFound(name, name, "title")
    text = f"2022年,{name}认真贯彻落实《{name[:2]}市2022年政务公开工作要点》。"
    agency, region, level = placing.agency_and_region(found, None, text)
    assert (region.province, region.city, region.county, level) == (name[:2] + "市", name[:2] + "市", None, "county")
