"""The agency level rule of indexer/fields/level.py, on strings."""

from __future__ import annotations

import pytest

from indexer.fields.level import agency_level_of, hosting_level, is_national, is_township_agency, named_by_stem


@pytest.mark.parametrize(
    "agency, levels, place_part, zone_host, expected",
    [
        ("威海市环翠区卫生健康局", ["city", "county"], "威海市环翠区", None, "county"),
        ("舟山市卫生健康委员会", ["city"], "舟山市", None, "city"),
        ("浙江省卫生健康委员会", ["province"], "浙江省", None, "province"),
        ("国家卫生健康委员会", [], "", None, "national"),
        ("自然资源部", [], "", None, "national"),
        ("海关总署", [], "", None, "national"),
        ("审计署", [], "", None, "national"),
        ("中国气象局", [], "", None, "national"),
        ("市卫生健康委", [], "市", None, "city"),
        ("区卫生健康局", [], "区", None, "county"),
        ("市市场监督管理局", [], "市", None, "city"),
        ("某某县城关镇人民政府", ["county"], "某某县城关镇", None, "township"),
        ("沐阳县人民政府", [], "沐阳县", None, "county"),  # a place the gazetteer does not hold
        ("东湖高新区卫生健康局", [], "东湖高新区", "city", "county"),  # a zone: below its host
        ("平潭综合实验区", [], "平潭综合实验区", "province", "city"),
        ("泰州医药高新区（高港区）卫生健康委员会", ["city", "county"], "泰州医药高新区（高港区）", "city", "county"),
        ("淮安市新新区卫生健康局", ["city"], "淮安市新新区", None, "county"),  # a district the gazetteer lacks
        ("上海市某北区人民政府", ["province"], "上海市某北区", None, "county"),  # a municipality's district, merged since
        # an area's committee named after a municipality is the municipality's own body, not a district's
        ("北京市某某站区管理委员会", ["province"], "北京市某某站区", None, "province"),
        ("重庆市某某区管委会", ["province"], "重庆市某某区", None, "province"),
        # but a development or bonded zone's committee sits where the municipality's districts do, as a listed zone's does
        ("天津某某综保区管理委员会", ["province"], "天津某某综保区", None, "county"),
        ("上海某某经济技术开发区管委会", ["province"], "上海某某经济技术开发区", None, "county"),
        ("广西壮族自治区人民政府办公厅", ["province"], "广西壮族自治区", None, "province"),  # 自治区 is no district
        ("阿里地区行政公署", ["city"], "阿里地区", None, "city"),  # nor is 地区
        ("某新区某某街道办事处", [], "某新区", "province", "township"),  # a subdistrict of a zone
        # a city bureau's branch in a development zone is a zone body: a county-level one, as the zone's own are
        ("某某市自然资源和规划局国家高新区分局", ["city"], "某某市", None, "county"),
        ("某某市生态环境局经济技术开发区分局", ["city"], "某某市", None, "county"),
        ("某某市生态环境局", ["city"], "某某市", None, "city"),
        ("某某市高新区管理委员会", ["city"], "某某市", None, "city"),  # the committee itself: as before
        ("某某湖镇人民政府", [], "", None, "township"),  # a township the gazetteer does not hold, printed alone
        ("某某乡街道办事处", [], "", None, "township"),
        ("泰兴市城东办事处", ["county"], "泰兴市", None, "township"),  # a subdistrict office printed without 街道
        ("某某市人民政府驻北京办事处", ["city"], "某某市", None, "city"),  # a liaison office is no subdistrict
        (None, [], "", None, None),
        # an institute of a national academy is the academy's, a national body, whatever city its name prints
        ("中国科学院某某基因组研究所", [], "", None, "national"),
        ("中国科学院武汉某某研究所", ["city"], "武汉", None, "national"),
        ("中国农业科学院兰州某某研究所", ["city"], "兰州", None, "national"),
        ("中国林业科学研究院某某林业研究所", [], "", None, "national"),
        ("中国科学院北京某某研究所", ["province"], "北京", None, "national"),
        # a national administration's local branches keep their place's level
        ("国家统计局北京调查总队", ["province"], "北京", None, "province"),
        ("国家税务总局芜湖市镜湖区税务局", ["city", "county"], "芜湖市镜湖区", None, "county"),
        ("中国人民银行武汉分行", ["city"], "武汉", None, "city"),
    ],
)
def test_agency_level(agency, levels, place_part, zone_host, expected):
    assert agency_level_of(agency, levels, place_part, zone_host) == expected


def test_a_department_without_a_place_is_not_national():
    assert not is_national("城市管理局")
    assert not is_national("市卫生健康委员会")
    assert is_national("国务院办公厅")


@pytest.mark.parametrize(
    "agency, county, expected",
    [
        ("揭东分局", "揭东区", True),  # the county's branch named by the county's stem
        ("揭东区公安分局", "揭东区", False),  # the full name: its place says the level already
        ("揭东", "揭东区", False),
        ("某某局", "揭东区", False),
        ("揭东分局", None, False),
    ],
)
def test_an_agency_named_by_its_countys_stem(agency, county, expected):
    assert named_by_stem(agency, county) is expected


@pytest.mark.parametrize(
    "agency, expected",
    [("解放路街道办事处", True), ("某某镇人民政府", True), ("某某苏木人民政府", True), ("某某县人民政府", False),
     ("某某街道党工委", False)],
)
def test_a_township_agency(agency, expected):
    assert is_township_agency(agency) is expected


@pytest.mark.parametrize(
    "agency, county, city, province, expected",
    [
        # held26 027, 093: a zone's own body the gazetteer does not hold, named by no place it knows
        ("某某沿海经济技术开发区管理委员会", None, "盘锦市", "辽宁省", "city"),
        ("某某(某某)重点开发开放试验区", None, "西双版纳傣族自治州", "云南省", "city"),
        ("某某工业园区管委会", "某县", "某市", "某省", "county"),
        ("某某高新区", None, None, "某省", "province"),
        # not a zone's body: no host
        ("某某开发区财政局", None, "盘锦市", "辽宁省", None),
        ("某某沿海经济技术开发区管理委员会", None, None, None, None),
    ],
)
def test_the_host_of_a_zone_body_is_the_regions_most_specific_place(agency, county, city, province, expected):
    from indexer.fields.level import zone_body_host

    assert zone_body_host(agency, county, city, province) == expected


@pytest.mark.parametrize(
    "agency, text, expected",
    [
        # held33 086: a park's committee no place names, answering to a city's party committee and government
        ("某某工业园区管理委员会", "第一时间发布市委巡察组巡察园区新闻。通过市委、市政府门户网站主动公开信息13条。", "city"),
        ("某某新区管委会", "在县委县政府的坚强领导下,新区扎实推进政务公开。", "county"),
        ("某某经济开发区", "认真落实省委、省人民政府决策部署。", "province"),
        # no pair named by level alone, or not a zone's own body: nothing
        ("某某工业园区管理委员会", "在区党工委的领导下,扎实推进政务公开。", None),
        ("某某开发区财政局", "通过市委、市政府门户网站公开信息。", None),
    ],
)
def test_a_zone_body_nothing_places_answers_to_the_superiors_its_text_names(agency, text, expected):
    from indexer.fields.level import zone_body_superiors

    assert zone_body_superiors(agency, text) == expected


@pytest.mark.parametrize(
    "level, place, hosting",
    [
        ("province", "天津市", "city"),  # a municipality hosts its zones as a city: their bodies sit at county
        ("province", "重庆", "city"),
        ("province", "江苏省", "province"),  # a province's own zones sit at city
        ("city", "苏州市", "city"),
        ("county", "北京路街道", "county"),  # only a province-level municipality is read as a city
    ],
)
def test_hosting_level_reads_a_municipality_as_its_own_city(level, place, hosting):
    assert hosting_level(level, place) == hosting
