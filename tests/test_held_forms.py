"""Openings of forms a held-out set met (a site's name on an opening's last line, a zone's kind printed in full only
in its address, a year of disclosure work published without the word 报告 in its clause, a page's source label over
its value; a department's report set in its government's disclosure work, a government's office compiling its own
report, a township's kind printed twice), each rule alone and in openings written the way real sites publish them
(none of them a real report)."""

from __future__ import annotations

from fixtures.openings import BODY, check
from indexer.fields.agency import AgencyFound, contact, embedded, from_publisher, township_after_government
from indexer.fields.agency_name import department_speaking, doubled_kind, zone_in_full
from indexer.fields.placing import township_in_its_zone
from indexer.gazetteer import Region


def names(found):
    return (found.name, found.printed) if found else None


# ---- 1. an opening cut in its body that ends on a heading naming a site (优化门户网站): no signature, the preamble's
# compiler reports (the site-name rule of is_agency_line, 12196d7, in an opening of this form)

def test_opening_cut_on_a_website_line():
    check("信息公开\n本报告由青海省地震局根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统计时间为"
          "2024年1月1日至2024年12月31日。\n一、总体情况\n2024年，青海省地震局严格按照《条例》规定，持续完善政务公开"
          "制度。\n（一）主动公开\n“青海防震减灾网”作为我局政务公开的主平台，全年公开信息402条。\n（二）平台建设\n"
          "优化门户网站\n",
          dict(agency="青海省地震局", agency_level="province", province="青海省", city=None))


# ---- 2. a zone named by its kind alone (经开区) that prints its full name only after its city, in an address
# (地址：毕节经济技术开发区碧阳大道8号): that zone, not the kind alone (经济技术开发区)

def test_kind_alone_printed_in_full_after_its_place():
    assert zone_in_full("经开区", ["请与经开区办公室联系（地址：毕节经济技术开发区碧阳大道8号）"]) == "毕节经济技术开发区"
    # the kind printed with no place before it, after a province, or after two different places: no zone's name
    assert zone_in_full("经开区", ["全面推进经济技术开发区建设"]) is None
    assert zone_in_full("经开区", ["学习贵州省经济技术开发区发展经验"]) is None
    assert zone_in_full("经开区", ["地址：毕节经济技术开发区", "借鉴遵义经济技术开发区做法"]) is None
    # with no place before any printing, the committee printed by the kind is still the zone's (经开区管委会)
    assert zone_in_full("经开区", ["由经开区管委会党政办编制", "全面推进经济技术开发区建设"]) == "经开区管委会"


def test_opening_zone_kind_alone_full_in_address():
    check("分享到:\n根据《中华人民共和国政府信息公开条例》要求，现公布经开区2024年政府信息公开工作年度报告。所列数据统计时限为"
          "2024年1月1日至2024年12月31日。公众如需咨询，请与经开区党政办公室联系（地址：毕节经济技术开发区碧阳大道8号，"
          "邮编：551700）。\n一、总体情况\n2024年，经开区坚持以公开为常态、不公开为例外，全年发布信息820条。\n" + BODY,
          dict(agency="毕节经济技术开发区", agency_level="county", province="贵州省", city="毕节市"))


# ---- 3. a preamble that publishes the agency's year of disclosure work and says 报告 only after the clause ends
# (现公布某区发改局2023年度信息公开工作，报告主要分为六个部分)

def test_published_year_of_work():
    found = embedded(["根据《中华人民共和国政府信息公开条例》规定，现公布龙山区发改局2023年度信息公开工作，报告主要分为六个部分。"])
    assert names(found) == ("龙山区发展和改革局", "龙山区发改局")
    # no publishing verb before the name: a sentence of the body, not the report's name
    assert embedded(["扎实推进龙山区发改局2023年度信息公开工作，成效明显。"]) is None


def test_opening_published_year_of_work():
    check("根据《中华人民共和国政府信息公开条例》规定，现公布龙山区发改局2023年度信息公开工作，报告主要分为六个部分。"
          "龙山区发改局办公地址在龙山大街88号，联系电话04373000000。\n一、总体情况\n2023年，我局政务信息公开工作紧密"
          "结合重大项目建设，广泛向社会公开我区经济发展情况。\n" + BODY,
          dict(agency="龙山区发展和改革局", agency_level="county", province="吉林省", city="辽源市", county="龙山区"))


# ---- 4. a page's source label on a line of its own with its value on the line below (来源: / 市统计局), the date
# stacked one part per line above it

def test_publisher_label_over_its_value():
    found = from_publisher(None, ["2025", "01/15", "来源:", "市统计局", "一、总体情况"])
    assert names(found) == ("市统计局", "市统计局")
    # a label with no agency below it
    assert from_publisher(None, ["来源:", "扫一扫在手机打开当前页"]) is None


def test_opening_source_label_over_a_bare_level():
    check("2025\n01/15\n09:30\n来源:\n市统计局\n扫一扫在手机打开当前页\n一、总体情况\n2024年，我局坚持认真执行《中华人民共和国"
          "政府信息公开条例》有关规定，不断规范政府信息公开流程。\n（一）主动公开情况\n以克拉玛依市人民政府网站部门网页为平台，"
          "主动公开财政预决算等信息，全年发布信息31条。\n（二）平台建设\n在克拉玛依市人民政府网站部门网页中设置“预决算信息”"
          "“公示公告”栏目。\n" + BODY,
          dict(agency="克拉玛依市统计局", agency_level="city", province="新疆维吾尔自治区", city="克拉玛依市"))


# ---- held39: 5. a township's report named with its government's 政府 shared by 政府信息公开
# (现将2023年某县某镇人民政府信息公开工作年度报告予以公布): the agency is the 人民政府, not 某镇人民

def test_embedded_government_sharing_its_zhengfu():
    found = embedded(["现将2022年宁陕县太山镇人民政府信息公开工作年度报告（以下简称“报告”）予以公布。"])
    assert names(found) == ("宁陕县太山镇人民政府", "宁陕县太山镇人民政府")
    # the usual doubled form is unchanged
    found = embedded(["现将宁陕县太山镇人民政府2022年政府信息公开工作年度报告予以公布。"])
    assert names(found) == ("宁陕县太山镇人民政府", "宁陕县太山镇人民政府")


def test_opening_township_government_sharing_its_zhengfu():
    check("根据新修订《中华人民共和国政府信息公开条例》要求，现将2022年宁陕县太山镇人民政府信息公开工作年度报告（以下简称"
          "“报告”）予以公布。报告中所列数据的统计期限为2022年1月1日至12月31日。\n一、总体情况\n今年以来太山镇建立政务信息"
          "公开长效机制，明确工作职责。\n" + BODY,
          dict(agency="宁陕县太山镇人民政府", agency_level="township", province="陕西省", city="安康市", county="宁陕县"))


# ---- held39: 6. a government's office whose report is named in the preamble (《某县人民政府办公室2020年…报告》) and
# compiled by an office inside it (本报告由某县人民政府政务公开办公室…编制): the office inside is not a fuller printing

def test_opening_office_compiled_by_its_own_openness_office():
    check("根据《中华人民共和国政府信息公开条例》规定，《泾源县人民政府办公室2021年政府信息公开工作年度报告》已经泾源县人民政府"
          "办公室同意，现予公布。\n本报告由泾源县人民政府政务公开办公室根据本单位2021年度政府信息公开工作情况编制。\n一、总体情况\n"
          "2021年以来，县政府办公室认真贯彻落实政务公开工作的决策部署。\n" + BODY,
          dict(agency="泾源县人民政府办公室", agency_level="county", province="宁夏回族自治区", city="固原市", county="泾源县"))


# ---- held41: 7. a contact line whose verb is 可联系 (可联系某县人民政府办公室（电子政务办公室）): 联系 is the verb, not
# the start of the office's name

def test_contact_opening_on_ke_lianxi():
    found = contact(["如对本报告有任何疑问，可联系温宿县人民政府办公室（电子政务办公室），电话：0997-4512345。"])
    assert names(found) == ("温宿县人民政府", "温宿县人民政府办公室")  # the office stands for its government, as in 请与A联系
    assert contact(["如有疑问，请直接联系温宿县统计局，电话：0997-4512346。"]).name == "温宿县统计局"
    # 可与A联系 and a bare 可 clause are read as before; a telephone after 可联系 is no agency
    assert contact(["如有疑问，可与温宿县统计局联系。"]).name == "温宿县统计局"
    assert contact(["如有疑问，可联系电话0997-4512346。"]) is None


def test_opening_contact_ke_lianxi_and_a_county_subject():
    check("本年度政府信息公开报告根据《中华人民共和国政府信息公开条例》编制。\n本报告中所列数据的统计时限从2023年1月1日起至"
          "2023年12月31日止。如对本报告有任何疑问，可联系温宿县人民政府办公室（电子政务办公室），电话：0997-4512345。\n一、总体情况\n"
          "2023年，温宿县政府信息公开工作按照自治区、阿克苏地区相关文件要求推进。\n" + BODY,
          dict(agency="温宿县人民政府", agency_level="county", province="新疆维吾尔自治区", city="阿克苏地区", county="温宿县"))


# ---- held41: 8. a county's government followed with no break by one of its own townships (某县人民政府某街办事处道高度重视…,
# a 道 slipped past 办事处): the subject is the township's office, not the county's government

def test_township_after_its_county_government():
    assert township_after_government("安龙县人民政府", "栖凤街办事处道高度重视") == (
        "安龙县人民政府栖凤街道办事处", "安龙县人民政府栖凤街办事处")
    assert township_after_government("正安县人民政府", "瑞溪镇坚持以公开为常态") == ("正安县人民政府瑞溪镇人民政府", "正安县人民政府瑞溪镇")
    # a township of another county, words that name no township, a city's government: none
    assert township_after_government("安龙县人民政府", "瑞溪镇坚持以公开为常态") is None
    assert township_after_government("安龙县人民政府", "高度重视政府信息公开工作") is None
    assert township_after_government("遵义市人民政府", "瑞溪镇坚持以公开为常态") is None


def test_opening_township_slipped_after_its_county_government():
    check("一、总体情况\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n2023年，安龙县人民政府栖凤街办事处道高度重视"
          "政府信息公开工作，认真贯彻落实县委、县政府政务公开各项决策部署。\n（一）主动公开方面。2023年，栖凤街道主动公开政府信息"
          "48条。\n" + BODY,
          dict(agency="安龙县人民政府栖凤街道办事处", agency_level="township", province="贵州省",
               city="黔西南布依族苗族自治州", county="安龙县"))


# ---- held41: 9. a subdistrict of a new area whose name the gazetteer does not place (新河街道: several, none there) and
# whose text names the committee it answers to (在西咸新区管委会的正确领导下) or the site it publishes on: that zone's

def test_township_placed_in_the_zone_it_answers_to():
    placed = township_in_its_zone("新河街道办事处", Region(), "在西咸新区管委会的正确领导下，新河街办认真贯彻落实《条例》。")
    assert placed == (Region(province="陕西省", code="610000", zone="西咸新区"), "新河街道办事处")
    assert township_in_its_zone("新河街道办事处", Region(), "2023年我街道通过西咸新区管委会门户网站发布信息16条。")[0].zone == "西咸新区"
    # a zone only mentioned, two zones' committees, a township already placed, a unit that is no township: none
    assert township_in_its_zone("新河街道办事处", Region(), "学习借鉴西咸新区建设经验。") is None
    assert township_in_its_zone("新河街道办事处", Region(), "在西咸新区管委会的领导下；通过苏州工业园区管委会网站发布。") is None
    placed_already = Region(province="陕西省", city="咸阳市", county="秦都区", code="610402")
    assert township_in_its_zone("新河街道办事处", placed_already, "在西咸新区管委会的正确领导下") is None
    assert township_in_its_zone("新河社区服务中心", Region(), "在西咸新区管委会的正确领导下") is None


def test_opening_subdistrict_of_a_new_area():
    check("现向社会公布我街办2023年度政府信息公开情况。本年度报告中所列数据统计期限自2023年1月1日起至2023年12月31号止。如有疑问"
          "请联系：新河街道办事处，联系电话：029-84930000。\n一、总体情况\n在西咸新区管委会的正确领导下，新河街办认真贯彻落实"
          "《中华人民共和国政府信息公开条例》相关要求。\n（一）主动公开政府信息情况\n2023年我街道通过西咸新区管委会门户网站发布"
          "主动公开政府信息16条。\n" + BODY,
          dict(agency="新河街道办事处", agency_level="township", province="陕西省", city=None, county=None, zone="西咸新区"))


# ---- held40: 7. a department's report whose preamble names its government's disclosure work (结合2022年度某区人民政府
# 信息公开工作实际，编制发布此报告), that speaks as 我局 and gives its own name in the contact line: the department

def test_department_speaking_over_its_government_work():
    assert names(department_speaking(AgencyFound("白山市浑江区人民政府", "白山市浑江区人民政府", "embedded"),
                                     [AgencyFound("白山市浑江区教育局", "白山市浑江区教育局", "contact")],
                                     ["我局高度重视信息公开工作。"])) == ("白山市浑江区教育局", "白山市浑江区教育局")
    # the government speaking of itself (我区), or a department of another place: the government stays
    government = AgencyFound("白山市浑江区人民政府", "白山市浑江区人民政府", "embedded")
    assert department_speaking(government, [AgencyFound("白山市浑江区教育局", "白山市浑江区教育局", "contact")],
                               ["我区高度重视信息公开工作。"]) is government
    assert department_speaking(government, [AgencyFound("白山市教育局", "白山市教育局", "contact")],
                               ["我局高度重视信息公开工作。"]) is government


def test_opening_department_speaking_over_its_government_work():
    check("根据《中华人民共和国政府信息公开条例》规定，结合2022年度白山市浑江区人民政府信息公开工作实际，编制发布此报告。报告中"
          "所列数据的统计时限为2022年1月1日起至2022年12月31日止。如对本年报有疑问，请联系白山市浑江区教育局，地址：浑江大街8号，"
          "邮编：134300。\n一、总体情况\n（一）加强领导，健全组织。我局高度重视信息公开工作，成立了信息公开工作领导小组。\n" + BODY,
          dict(agency="白山市浑江区教育局", agency_level="county", province="吉林省", city="白山市", county="浑江区"))


# ---- held40: 8. a government's office that compiles its own report (由某区人民政府办公室编制的2023年度…报告) and speaks as
# 我办: the office, as the same office named in a contact line is when the report speaks as 我办

def test_opening_office_compiling_its_own_report():
    preamble = ("本年报是根据《中华人民共和国政府信息公开条例》要求，由扬州市江都区人民政府办公室编制的2023年度政府信息公开年度"
                "报告。全文包括总体情况，主动公开政府信息情况和存在的问题及改进措施。\n一、总体情况\n（一）主动公开\n")
    check(preamble + "2023年，我办持续完善政府信息主动公开，及时公开各类政府信息96条。\n" + BODY,
          dict(agency="扬州市江都区人民政府办公室", agency_level="county", province="江苏省", city="扬州市", county="江都区"))
    # the office compiling the district's report (全区…): the government reports
    check(preamble + "2023年，全区持续完善政府信息主动公开，区政府网站公开各类政府信息960条。\n" + BODY,
          dict(agency="扬州市江都区人民政府", agency_level="county", province="江苏省", city="扬州市", county="江都区"))


# ---- held40: 9. a township printed once with its kind doubled (由某镇镇人民政府编制) and elsewhere in its own name
# (请联系某区某镇人民政府): the name it prints; a name whose own last character is 镇 (湖镇镇) keeps it

def test_doubled_township_kind():
    doubled = AgencyFound("城厢镇镇人民政府", "城厢镇镇人民政府", "compiler")
    single = AgencyFound("太仓市城厢镇人民政府", "太仓市城厢镇人民政府", "contact")
    assert names(doubled_kind(doubled, [single], ["由城厢镇镇人民政府编制。", "请联系太仓市城厢镇人民政府。"])) == (
        "太仓市城厢镇人民政府", "太仓市城厢镇人民政府")
    # printed so twice: the township's own name (湖镇镇)
    real = AgencyFound("龙游县湖镇镇人民政府", "龙游县湖镇镇人民政府", "compiler")
    assert doubled_kind(real, [AgencyFound("湖镇人民政府", "湖镇人民政府", "contact")],
                        ["由龙游县湖镇镇人民政府编制。", "请联系湖镇镇人民政府。", "湖镇人民政府地址"]) is real


def test_opening_doubled_township_kind():
    check("本年度报告根据《中华人民共和国政府信息公开条例》要求，由城厢镇镇人民政府编制。报告所列数据的统计期限自2023年1月1日起"
          "至2023年12月31日止。如对本年度报告有任何疑问，请联系太仓市城厢镇人民政府，地址：城厢镇新华西路1号。\n一、总体情况\n"
          "2023年，本镇进一步加强信息公开工作力度。\n" + BODY,
          dict(agency="太仓市城厢镇人民政府", agency_level="township", province="江苏省", city="苏州市", county="太仓市"))
