"""Agencies of reports never seen, in the kinds of openings held-out sets keep missing, each rule alone and in
openings written the way real sites publish them (none of them a real report)."""

from __future__ import annotations

from fixtures.openings import BODY, check
from indexer.fields.agency import AgencyFound, contact, from_title
from indexer.fields.agency_name import _zone_printed_in_full
from indexer.fields.names import zone_host_stem

def names(found):
    return (found.name, found.printed) if found else None


LEVEL_REGION = ("agency_level", "province", "city", "county")


# ---- 1. a zone printed short in the body (临港开发区: 经济 dropped, no place) and in full only in its contact line or
# publisher (某市临港经济开发区党政办公室), its host's stem confirmed by the host's full name printed in the opening

def test_zone_host_stem():
    assert zone_host_stem("临港开发区", "江阴临港经济开发区") == "江阴"
    assert zone_host_stem("临港开发区", "临港经济开发区") == ""
    assert zone_host_stem("东湖高新区", "武汉东湖新技术开发区") == "武汉"
    assert zone_host_stem("滨江开发区", "张家港滨江经济开发区管理委员会") == "张家港"
    # another zone, another kind, no zone name of its own, nothing more printed, a committee printed only short
    assert zone_host_stem("临港开发区", "江阴高新区") is None
    assert zone_host_stem("临港开发区", "临港新区") is None
    assert zone_host_stem("开发区", "江阴经济开发区") is None
    assert zone_host_stem("临港开发区", "临港开发区") is None
    assert zone_host_stem("临港开发区管委会", "江阴临港经济开发区") is None


def test_zone_printed_in_full_needs_its_hosts_full_name():
    primary = AgencyFound("临港开发区", "临港开发区", "first_sentence")
    contact = AgencyFound("江阴临港经济开发区", "江阴临港经济开发区党政办公室", "contact")
    assert _zone_printed_in_full(primary, [contact], ["办公地点：江阴市珠江路198号"]) == [contact]
    # the stem printed only inside the zone's name: no place confirms it
    assert _zone_printed_in_full(primary, [contact], ["请与江阴临港经济开发区党政办公室联系"]) == []
    # a stem that is no place (新临港经济开发区) or another zone's full name
    other = AgencyFound("新临港经济开发区", "新临港经济开发区", "contact")
    assert _zone_printed_in_full(primary, [other], ["办公地点：江阴市珠江路198号"]) == []
    other = AgencyFound("江阴高新技术产业开发区", "江阴高新技术产业开发区", "contact")
    assert _zone_printed_in_full(primary, [other], ["办公地点：江阴市珠江路198号"]) == []


def test_opening_zone_short_in_body_full_in_contact_line():
    check("2023年政府信息公开工作年度报告\n本年度报告是根据《中华人民共和国政府信息公开条例》的要求编制，所列数据的统计期限"
          "自2023年1月1日起至2023年12月31日止。如对本报告有任何疑问，请与江阴临港经济开发区党政办公室联系，"
          "办公地点：江阴市滨江西路8号，联系电话：0510-12345678。\n一、总体情况\n2023年，临港开发区围绕产业发展规划重点，"
          "狠抓平台建设。全年主动公开政府信息1200条。\n" + BODY,
          dict(agency="江阴临港经济开发区", agency_level="county", province="江苏省", city="无锡市", county="江阴市"))


def test_opening_zone_short_in_body_full_committee_in_contact_line():
    check("2022年政府信息公开工作年度报告\n本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。如对本报告有疑问，"
          "请与张家港滨江经济开发区管理委员会综合办公室联系（地址：张家港市金港大道1号，电话：0512-12345678）。\n"
          "一、总体情况\n2022年，滨江开发区认真贯彻落实《条例》，主动公开政府信息310条。\n" + BODY,
          dict(agency="张家港滨江经济开发区管理委员会", agency_level="county", province="江苏省", city="苏州市",
               county="张家港市"))


def test_opening_zone_short_keeps_its_name_when_the_contact_line_names_another_zone():
    check("2023年政府信息公开工作年度报告\n本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。如对本报告有疑问，"
          "请与江阴高新技术产业开发区党政办公室联系，办公地点：江阴市滨江西路8号。\n一、总体情况\n"
          "2023年，临港开发区围绕产业发展规划重点，狠抓平台建设。\n" + BODY,
          dict(agency="临港开发区"))


# ---- 2. a department named by its type alone (统计局, then 我局) whose opening names its county only in the site it
# publishes on (某县政府公众网, 某县人民政府门户网站, 某县政府网): that county's department

def test_bare_type_on_its_county_site():
    from indexer.fields.placing import bare_type_on_host_site
    from indexer.gazetteer import Region

    region, agency = bare_type_on_host_site("统计局", Region(), "主动公开文件及时在海原县政府公众网公开。")
    assert (region.city, region.county, agency) == ("中卫市", "海原县", "海原县统计局")
    region, agency = bare_type_on_host_site("统计局", Region(), "依托德安县政府网发布信息，按九江市统计局要求")
    assert (region.county, agency) == ("德安县", "德安县统计局")
    # another county named, two county sites, a city's site, a pronoun, a bare level, a national body: none
    assert bare_type_on_host_site("统计局", Region(), "通过泾川县人民政府门户网站公开。与崇信县统计局交流") is None
    assert bare_type_on_host_site("统计局", Region(), "在海原县政府网和泾川县政府网发布") is None
    assert bare_type_on_host_site("统计局", Region(), "通过平凉市人民政府门户网站公开。") is None
    for name in ("我局", "县统计局", "国家统计局"):
        assert bare_type_on_host_site(name, Region(), "通过泾川县人民政府门户网站公开。") is None


def test_opening_bare_type_in_the_preamble_county_only_in_its_site():
    check("根据《中华人民共和国政府信息公开条例》规定和国办公开办函〔2021〕30号要求，现将统计局2021年政府信息公开年度"
          "报告编制和公布工作有关情况报告如下，本报告统计数据时限为2021年1月1日至2021年12月31日。\n一、总体情况\n"
          "（一）主动公开情况\n我局坚持以公开为常态、不公开为例外，主动公开信息35条，主动公开文件及时在海原县政府公众网公开。\n"
          + BODY,
          dict(agency="海原县统计局", agency_level="county", province="宁夏回族自治区", city="中卫市", county="海原县",
               year=2021))


def test_opening_bare_type_in_the_title_county_only_in_its_site():
    check("统计局2022年政府信息公开工作年度报告\n发布时间：2023-01-20\n一、总体情况\n2022年，我局认真贯彻落实《条例》，"
          "通过泾川县人民政府门户网站主动公开信息48条。\n" + BODY,
          dict(agency="泾川县统计局", agency_level="county", province="甘肃省", city="平凉市", county="泾川县",
               year=2022))


def test_opening_bare_type_with_its_county_site_named_short():
    check("市场监督管理局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局在德安县政府网公开各类信息120条，"
          "及时回应社会关切。\n" + BODY,
          dict(agency="德安县市场监督管理局", agency_level="county", province="江西省", city="九江市", county="德安县"))


def test_opening_bare_type_stays_bare_when_another_county_is_named():
    check("统计局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局通过泾川县人民政府门户网站主动公开信息48条，"
          "并与崇信县统计局开展交流。\n" + BODY,
          dict(agency="统计局", county=None))


def test_preamble_reporting_on_its_reports_compiling_names_the_agency():
    from indexer.fields.agency import embedded

    found = embedded(["现将统计局2021年政府信息公开年度报告编制和公布工作有关情况报告如下，本报告统计数据时限为2021年。"])
    assert found is not None and found.name == "统计局"
    # a notice about compiling reports names no agency (guards)
    assert embedded(["根据某区政务服务局《关于做好某区2025年政府信息公开年报编制和公布有关工作的函》要求编制。"]) is None
    assert embedded(["结合《关于做好2021年度我市行政机关政府信息公开年度报告编制和公布工作的通知》的要求编制。"]) is None


# ---- 3. a park's office printing no place (通航产业园管理办), placed only by its quoted channel that names its host
# zone before the park (“武汉经济技术开发区通航产业园”微信公众号): a unit of that zone, in the zone's host city

def test_park_in_its_zones_channel():
    from indexer.fields.placing import park_in_its_zones_channel
    from indexer.gazetteer import Region

    region, agency = park_in_its_zones_channel("生物医药产业园管委会", Region(), "通过“合肥高新区生物医药产业园”微信公众号发布")
    assert (region.province, region.city, region.county, agency) == ("安徽省", "合肥市", None, "生物医药产业园管委会")
    region, _ = park_in_its_zones_channel("纳米产业园管理办", Region(), "开设《苏州工业园区纳米产业园》专栏")
    assert (region.city, region.zone) == ("苏州市", "苏州工业园区")
    # what is before the park is no zone, nothing is, two zones are, or the unit is placed already: none
    for text in ("“江城通航产业园”微信公众号", "“通航产业园”微信公众号", "“武汉经开区通航产业园”和“长沙经开区通航产业园”"):
        assert park_in_its_zones_channel("通航产业园管理办", Region(), text) is None
    placed = Region("湖北省", "武汉市", None, "420100")
    assert park_in_its_zones_channel("通航产业园管理办", placed, "“长沙经开区通航产业园”微信公众号") is None


def test_opening_park_office_placed_by_its_quoted_channel():
    check("生物医药产业园管委会2023年政府信息公开工作年度报告\n发布时间：2024-01-25 10:12 信息来源：生物医药产业园管委会\n"
          "一、总体情况\n在高新区党工委、管委会的领导下，生物医药产业园管委会按照区大数据中心工作要求，做好政府信息公开工作。\n"
          "（四）平台建设情况。园区办建设了“合肥高新区生物医药产业园”微信公众号，通过公众号对园区工作动态进行公开。\n" + BODY,
          dict(agency="生物医药产业园管理委员会", agency_level="county", province="安徽省", city="合肥市", county=None,
               year=2023))


def test_opening_park_office_with_a_quoted_channel_naming_no_zone_stays_unplaced():
    check("智能制造产业园办公室2023年政府信息公开工作年度报告\n一、总体情况\n2023年，智能制造产业园办公室认真贯彻《条例》，"
          "建设了“智造产业园”微信公众号。\n" + BODY,
          dict(agency="智能制造产业园办公室", province=None, city=None))


# ---- 4. a report printed under its cover letter (the letter's title line, its address and signature above the
# report's own title): titled by the report's own title, not the letter's

def test_enclosed_report_title():
    from indexer.fields.title import enclosed_report_title

    letter = "张掖市人民政府关于报送张掖市2021年度政府信息公开工作年度报告的函"
    assert enclosed_report_title([letter, "省政府信息公开办：", "张掖市2021年度政府信息公开工作年度报告"]) == \
        "张掖市2021年度政府信息公开工作年度报告"
    assert enclosed_report_title(["通渭县人民政府办公室关于报送《通渭县2022年政府信息公开工作年度报告》的函"]) == \
        "通渭县2022年政府信息公开工作年度报告"
    # a letter naming no agency or place and no printed title; a report titled above a letter; a notice: none
    assert enclosed_report_title(["某局关于报送政府信息公开工作年度报告的函", "省政府信息公开办："]) is None
    assert enclosed_report_title(["张掖市民政局2021年政府信息公开工作年度报告", letter]) is None
    assert enclosed_report_title(["关于做好2021年政府信息公开工作年度报告编制和发布工作的通知"]) is None


def test_opening_report_under_its_cover_letter():
    check("张掖市人民政府关于报送张掖市2021年度政府信息公开工作年度报告的函\n【制定机关】张掖市人民政府\n"
          "【公布日期】2022.03.10\n【字　号】张政函〔2022〕15号\n【施行日期】2022.03.10\n【效力等级】地方规范性文件\n【时效性】现行有效\n"
          "【主题分类】机关工作\n相关文章\n正文\n张掖市人民政府关于报送张掖市2021年度政府信息公开工作年度报告的函\n省政府信息公开办：\n"
          "现将《张掖市2021年度政府信息公开工作年度报告》报来，请审示。\n张掖市人民政府\n2022年3月10日\n"
          "张掖市2021年度政府信息公开工作年度报告\n本年度报告根据《中华人民共和国政府信息公开条例》要求编制。本年度报告中所列"
          "数据统计时限为2021年1月1日至2021年12月31日。\n一、总体情况\n2021年，张掖市坚持以人民为中心的发展思想。\n" + BODY,
          dict(title="张掖市2021年度政府信息公开工作年度报告", agency="张掖市人民政府", agency_level="city",
               province="甘肃省", city="张掖市", year=2021))


def test_opening_report_under_a_letter_naming_it_without_its_agency_keeps_its_own_title_line():
    check("靖远县人民政府关于上报2021年度政府信息公开工作年度报告的报告\n索引号：620421/2022-00031\n"
          "发布机构：靖远县人民政府\n公开日期：2022-01-20\n文号：靖政发〔2022〕6号\n主题分类：综合政务\n"
          "靖远县人民政府关于上报2021年度政府信息公开工作年度报告的报告\n发布时间：2022-01-20 字号：大 中 小\n"
          "市政府办公室：\n现将我县2021年度政府信息公开工作年度"
          "报告随文上报，请审阅。\n附件：2021年度政府信息公开工作年度报告\n靖远县人民政府\n2022年1月20日\n（此件公开发布）\n靖远县人民政府2021年度政府信息公开工作年度报告\n"
          "一、总体情况\n2021年，县政府认真贯彻《条例》，主动公开政府信息2300条。\n" + BODY,
          dict(title="靖远县人民政府2021年度政府信息公开工作年度报告", agency="靖远县人民政府", agency_level="county",
               city="白银市", county="靖远县", year=2021))


# ---- a subdistrict's office speaking of itself by its kind alone (街道办事处认真贯彻…) in an opening whose contact line
# names it with its place (请与某市某区某某街道党政办公室联系): the kind alone is no name, the contact line's is

def test_subdistrict_office_kind_alone_is_no_name():
    from indexer.fields.agency import agency_like
    assert not agency_like("街道办事处")
    assert not agency_like("街道办")
    assert agency_like("宁海路街道办事处")
    assert agency_like("南京市鼓楼区宁海路街道办事处")


def test_opening_subdistrict_office_by_its_kind_named_in_its_contact_line():
    check("本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限从2023年1月1日起至2023年12月31日止。"
          "如有任何疑问，请与南京市鼓楼区宁海路街道党政办公室联系（地址：某路1号；电话：025-00000000）。\n一、总体情况\n"
          "2023年，街道办事处认真贯彻落实《中华人民共和国政府信息公开条例》，规范公开内容。\n" + BODY,
          dict(agency="南京市鼓楼区宁海路街道办事处", agency_level="township", province="江苏省", city="南京市",
               county="鼓楼区"))


# ---- an office given as the address (请与本单位受理机构联系，地址：某省某县某镇人民政府党政办公室): the address leads with
# its province, which is where the office lies, not part of its name (as 地址：… is no fuller printing of a name)

def test_address_office_without_its_province():
    from indexer.fields.agency import name_in_address
    assert name_in_address("湖南省浏阳市大围山镇人民政府") == "浏阳市大围山镇人民政府"
    assert name_in_address("广西壮族自治区灵川县大圩镇人民政府") == "灵川县大圩镇人民政府"
    # no lower place after it (a province's own body), a municipality (its own city), no province at all: unchanged
    assert name_in_address("湖南省人民政府办公厅") == "湖南省人民政府办公厅"
    assert name_in_address("上海市长宁区周家桥街道办事处") == "上海市长宁区周家桥街道办事处"
    assert name_in_address("浏阳市大围山镇人民政府") == "浏阳市大围山镇人民政府"


def test_opening_office_given_as_the_address_with_its_province():
    check("一、总体情况 本年度报告根据《中华人民共和国政府信息公开条例》的要求编制。本年度报告中所列数据统计期限从2023年1月1日到"
          "12月31日止。如对本年度报告有疑问，请与本单位政府信息公开受理机构联系，地址：湖南省浏阳市大围山镇人民政府党政综合办公室，"
          "电话：0731-00000000。 （一）政府信息主动公开情况 2023年度我镇共新增主动公开政府信息30条。\n" + BODY,
          dict(agency="浏阳市大围山镇人民政府", agency_level="township", province="湖南省", city="长沙市",
               county="浏阳市"))


# ---- a report that never prints its name but speaks as 我办, publishes on its county's site by the bare level
# (通过县政府门户网站) and names the government's own channel by the place's stem (“宣汉发布”): that government's office


def test_opening_office_by_its_government_channel():
    check("根据《中华人民共和国政府信息公开条例》要求，编制本年度报告。\n一、总体情况\n2024年以来，我办深入贯彻落实《条例》，"
          "推进政务公开。\n（一）主动公开情况\n2024年，我办通过县政府门户网站全年发布信息500条，政务新媒体“宣汉发布”公开信息"
          "2000条。\n（二）依申请公开情况\n2024年我办共受理政府信息公开申请5件。\n" + BODY,
          dict(agency="宣汉县人民政府办公室", agency_level="county", province="四川省", city="达州市", county="宣汉县"))


# ---- an institute of a national academy (中国科学院某地某某研究所) naming the city it sits in: a national body

def test_opening_institute_of_a_national_academy_is_national():
    check("中国科学院武汉某某研究所信息公开工作2024年度报告\n"
          "根据《中华人民共和国政府信息公开条例》《中国科学院院属单位信息公开公示工作管理办法》等规定，现发布本报告。"
          "报告所列数据的统计日期为2024年1月1日至12月31日。\n一、总体情况\n2024年，武汉某某所严格落实信息公开各项规定。\n" + BODY,
          dict(agency="中国科学院武汉某某研究所", agency_level="national", year=2024))


# ---- a zone's committee printed short in its title and contact line, and in full with its province's name
# before it only in the site's breadcrumb and source line (来源：安徽某某高新技术产业开发区管理委员会)

def test_zone_in_full_keeps_its_provinces_name_printed_before_it():
    from indexer.fields.agency_name import province_before, zone_in_full

    source = "发布时间:2025-01-10 来源:安徽宣城高新技术产业开发区管理委员会 字体:[ ]"
    assert zone_in_full("宣城高新区管理委员会", [source]) == "安徽宣城高新技术产业开发区管理委员会"
    assert zone_in_full("宣城高新区管理委员会", [source.replace("安徽", "安徽省")]) == "安徽省宣城高新技术产业开发区管理委员会"
    # guards: another province's name; a province run into the word before it; no province at all
    assert zone_in_full("宣城高新区管理委员会", [source.replace("安徽", "江苏")]) == "宣城高新技术产业开发区管理委员会"
    assert province_before("印发安徽宣城高新", 4, "安徽省") == ""
    assert province_before("来源:宣城高新", 3, "安徽省") == ""
    assert province_before("来源:安徽宣城高新", 5, None) == ""


def test_opening_zone_committee_named_with_its_province_in_the_source_line():
    check("当前位置: 网站首页 > 政府信息公开 > 安徽宣城高新技术产业开发区管理委员会 > 政府信息公开年报\n"
          "宣城高新区2024年政府信息公开工作年度报告\n发布时间:2025-01-10 09:30 来源:安徽宣城高新技术产业开发区管理委员会\n"
          "根据《中华人民共和国政府信息公开条例》要求，结合2024年园区政府信息公开工作编制而成。本报告中使用数据统计期限为"
          "2024年1月1日至12月31日。如对本报告有任何疑问，请与宣城高新区管委会联系。\n一、总体情况\n" + BODY,
          dict(agency="安徽宣城高新技术产业开发区管理委员会", agency_level="county", province="安徽省", city="宣城市",
               year=2024))
# ---- held36: a name that already prints its place inside (a corps' regiment town: 第三师图木舒克市四十五团某镇) is not
# placed again by that place; a spam mirror's brand glued before a title (某某体育官网某市卫健委…) is no part of the name;
# a contact line that drops its 与 (若有疑问，可某街道办事处党政办联系) still names the office's agency

def test_name_printing_its_place_inside_is_not_placed_again():
    from indexer.fields.agency_name import placed_in_its_place
    found = AgencyFound("第三师图木舒克市四十五团前海镇人民政府", "第三师图木舒克市四十五团前海镇", "title")
    lines = ["一、总体情况", "按照师市政府信息公开领导小组办公室的要求，我团认真贯彻落实《条例》。",
             "2022年，我团通过图木舒克市门户网站主动公开政务信息80条。"]
    assert placed_in_its_place(found, lines) == found
    # a department with no place of its own is still placed by the one city its opening names
    bare = AgencyFound("发展和改革局", "发改局", "first_sentence")
    assert placed_in_its_place(bare, lines).name == "图木舒克市发展和改革局"


def test_title_after_a_spam_brand():
    assert names(from_title("bet体育官网株洲市卫健委2021年政府信息公开工作年度报告")) == ("株洲市卫生健康委员会", "株洲市卫健委")
    assert names(from_title("某某娱乐官方网站某县水利局2022年政府信息公开工作年度报告")) == ("某县水利局", "某县水利局")
    assert from_title("最新官网2022年政府信息公开工作年度报告") is None


def test_contact_line_without_its_yu():
    lines = ["本年报全文在区人民政府门户网站长河街道办事处信息公开专栏公布。若有疑问或意见建议，可长河街道办事处党政办联系，"
             "电话：0571-00000000。"]
    assert names(contact(lines))[0] == "长河街道办事处"
    # 可 before a verb or a channel is no contact line
    assert contact(["如有疑问，可通过区人民政府门户网站留言。"]) is None


def test_opening_contact_line_without_its_yu():
    check("本年度报告根据《中华人民共和国政府信息公开条例》要求，结合杭州市滨江区人民政府2023年度政府信息公开工作编制而成。"
          "本年度报告中所列数据的统计期限从2023年1月1日到12月31日止。本年报全文在“滨江区人民政府门户网站”长河街道办事处"
          "信息公开专栏公布。若有疑问或意见建议，可长河街道办事处党政办联系，电话：0571-00000000。\n一、总体情况\n"
          "2023年，街道信息公开工作稳步推进。\n" + BODY,
          dict(agency="长河街道办事处", agency_level="township", province="浙江省", city="杭州市", county="滨江区"))


# ---- held36: a title line naming no agency (2022年政府信息公开工作年度报告) that the preamble prints whole after the
# agency's name, following its verb (某委编制了某委员会2022年…年度报告): that printing is the title a reader cites

def test_title_named_in_preamble():
    from indexer.fields.title import title_of
    lines = ["2022年政府信息公开工作年度报告",
             "根据《中华人民共和国政府信息公开条例》的规定，长春市水务局编制了长春市水务局2022年政府信息公开工作年度报告"
             "（以下简称《年报》）。报告中所列数据的统计时限为2022年1月1日起至2022年12月31日止。",
             "一、总体情况"]
    assert title_of(lines) == "长春市水务局2022年政府信息公开工作年度报告"
    # another year's report named in the preamble, or a title naming its agency already: the title line stands
    other = [lines[0], lines[1].replace("水务局2022年", "水务局2021年"), lines[2]]
    assert title_of(other) == "2022年政府信息公开工作年度报告"
    named = ["某县水利局2022年政府信息公开工作年度报告"] + lines[1:]
    assert title_of(named) == "某县水利局2022年政府信息公开工作年度报告"


def test_title_line_that_is_a_compiling_sentence():
    # 由县政府办公室编制了某县2017年…报告 read as a title: the report's place is after the verb, not the sentence
    assert names(from_title("由县政府办公室编制了永安县2017年政府信息公开工作年度报告。")) == ("永安县人民政府", "永安县")


# ---- held36: a report that never names itself nor speaks as a department, speaks of the whole of one place (全区)
# and is published on that place's government site (年报电子版可从某区政府门户网站下载): that place's government


def test_opening_published_on_its_governments_site():
    check("本年度报告根据《中华人民共和国政府信息公开条例》的要求编制，其中所列数据统计期限从2023年1月1日到12月31日止，"
          "年报电子版可从萧山区政府门户网站的政府信息公开年报栏目下载。\n一、总体情况\n（一）主动公开方面\n"
          "完善规范性文件的公开要素。全区政务微博微信全年发布资讯2万余篇。\n" + BODY,
          dict(agency="萧山区人民政府", agency_level="county", province="浙江省", city="杭州市", county="萧山区"))


# ---- held37: a site's greeting above a short opening (欢迎来到某县人民政府门户网站) is no agency's line: a signature
# read from the last lines of a page with few lines took it

def test_a_sites_name_is_no_agency_line():
    from indexer.fields.agency import signature
    from indexer.fields.title import is_agency_line
    assert not is_agency_line("欢迎来到某县人民政府门户网站")
    assert not is_agency_line("某市人民政府门户网站")
    assert signature(["欢迎访问某县人民政府门户网站", "某镇人民政府根据有关规定编制本报告。"]) is None
    # an agency ending in 站 (工作站, 气象站) and an agency line above a date stay (guards)
    assert is_agency_line("某县气象站")
    assert names(signature(["正文。", "某县农业技术推广站", "2023年1月20日"])) == ("某县农业技术推广站", "某县农业技术推广站")


def test_opening_under_a_sites_greeting():
    check("欢迎访问沂水县人民政府门户网站\n许家湖镇人民政府根据《中华人民共和国政府信息公开条例》有关规定，特向社会公开2022年度"
          "政府信息公开年度报告。本报告的统计数据时限为2022年1月1日至2022年12月31日。如对本报告有任何疑问，请联系：沂水县"
          "许家湖镇人民政府办公室，电话：0539-1234567。\n一、总体情况\n（一）主动公开。\n2022年许家湖镇主动公开信息共120条。",
          dict(agency="沂水县许家湖镇人民政府", agency_level="township", province="山东省", city="临沂市", county="沂水县",
               year=2022))


# ---- held37: a township government's office as a sentence's subject (2023年，某镇人民政府办公室严格按照…) is its 党政办,
# no agency of its own: the township's government, as a department's office stands for the department

def test_a_township_governments_office_stands_for_the_township():
    from indexer.fields.names import department_of_office
    assert department_of_office("孙村镇人民政府办公室") == "孙村镇人民政府"
    assert department_of_office("某乡政府党政办公室") == "某乡政府"
    # a county's or a city's government office is an agency of its own; a bureau's office stands for the bureau (guards)
    assert department_of_office("某县人民政府办公室") == "某县人民政府办公室"
    assert department_of_office("某市人民政府办公室") == "某市人民政府办公室"
    assert department_of_office("县民政局办公室") == "县民政局"


def test_opening_where_a_townships_office_acts():
    check("本年报根据《中华人民共和国政府信息公开条例》要求编制，使用数据统计时间为2023年1月1日至12月31日。如对本报告有疑问，"
          "请与孙村镇人民政府联系。\n一、总体情况\n（一）主动公开方面。2023年，全镇依托区政府网站主动公开政府信息300条。\n"
          "（二）依申请公开方面。2023年，孙村镇人民政府办公室严格按照《条例》规定办理，我镇未收到政府信息公开申请。\n",
          dict(agency="孙村镇人民政府", agency_level="township", year=2023))


# ---- held37: a central business district's committee (某某中央商务区管理委员会) is a zone's body: under a municipality it
# sits where the municipality's districts do

def test_a_central_business_districts_committee_is_a_zone_body():
    from indexer.fields.level import agency_level_of
    from indexer.gazetteer.kinds import ZONE_COMMITTEE_END, ZONE_END
    assert ZONE_END.search("某某中央商务区") and ZONE_COMMITTEE_END.search("某某中央商务区管理委员会")
    assert agency_level_of("重庆江北嘴中央商务区管理委员会", ["province"], "重庆", None) == "county"
    # a municipality's own area committee that is no zone stays the municipality's (guard)
    assert agency_level_of("北京市重点站区管理委员会", ["province"], "北京市", None) == "province"


def test_opening_of_a_central_business_districts_committee():
    check("本报告由重庆江北嘴中央商务区管理委员会根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限"
          "自2022年1月1日起至2022年12月31日止。\n一、总体情况\n2022年，我委认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
          + BODY,
          dict(agency="重庆江北嘴中央商务区管理委员会", agency_level="county", province="重庆市", city="重庆市", year=2022))


# ---- held37: an office speaking as 我办 that calls itself 区政府办 (区政府办主动公开载体是…), the one district it names
# in a document's title; a district government's report that speaks of 全区 and 以区政府名义 and names its district only
# in the titles of the documents it issued (《某市某区…办法》)

def test_opening_of_an_office_named_by_its_governments_bare_level():
    check("依据《中华人民共和国政府信息公开条例》第五十条之规定，制作本报告。\n一、总体情况\n一是组织领导方面。我办明确了"
          "政务公开工作领导小组。二是依申请公开方面。本单位2022年度共收到政府信息公开申请0件。\n（一）主动公开情况\n"
          "区政府办主动公开载体是区政府门户网站，2022年主动公开政府信息共98条。\n（二）政府信息管理情况\n"
          "按照《西城区政府信息公开工作要点》，切实推进我办信息公开工作。\n" + BODY,
          dict(agency="西城区人民政府办公室", agency_level="county", province="北京市", city="北京市", county="西城区"))


def test_opening_of_a_district_government_named_only_in_its_documents():
    check("2023年政府信息公开工作年度报告\n一、总体情况\n2023年，各乡镇、各部门认真落实政府信息公开相关要求，全区政务公开"
          "水平不断提升。\n（一）主动公开工作。通过区政府网站发布了《合肥市包河区农村客运补贴办法》等各类文件20件。\n"
          "（二）政府信息管理工作。凡以区政府名义制发的公文均进行信息公开审查。\n" + BODY,
          dict(agency="包河区人民政府", agency_level="county", province="安徽省", city="合肥市", county="包河区",
               year=2023))
