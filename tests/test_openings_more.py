"""More report openings written the way real sites publish them, and the small rules they need, each alone.

Like tests/test_openings.py (which is near its size limit): a few lines each, through the text reader and
`extract.record_of`, with the fields a careful reader gives them. None of them is a real report.
"""

from __future__ import annotations

from fixtures.openings import BODY, check, record
from indexer.fields.agency import opening_subject, subject_of
from indexer.fields.names import drop_internal_office
from indexer.fields.speaker import self_named_subject
from indexer.gazetteer import places_in


# ---- a subdistrict office printed after its district's government is no internal 处 of that government

def test_subdistrict_office_after_its_government_is_no_internal_division():
    assert drop_internal_office("某市滨江区人民政府长河街道办事处") == "某市滨江区人民政府长河街道办事处"
    assert drop_internal_office("铁西区人民政府某街道办事处") == "铁西区人民政府某街道办事处"
    # a government's or a bureau's own division still goes (guards)
    assert drop_internal_office("某县财政局预算科") == "某县财政局"
    assert drop_internal_office("某省商务厅综合处") == "某省商务厅"


def test_subdistrict_named_only_in_its_contact_line():
    check("根据《中华人民共和国政府信息公开条例》和国家、省、市、区的有关规定，结合2023年杭州市滨江区长河街道各科室的"
          "信息公开工作实际情况编制本报告。本报告中所列数据统计期限为2023年1月1日至12月31日。如对本年度报告有疑问，"
          "请联系：杭州市滨江区人民政府长河街道办事处；联系电话：0571-12345678。\n"
          "一、总体情况\n2023年，本街道认真贯彻落实《条例》要求，主动公开街道信息423条。\n" + BODY,
          dict(agency="杭州市滨江区人民政府长河街道办事处", agency_level="township", province="浙江省",
               city="杭州市", county="滨江区", year=2023))


# ---- a clause whose topic comes before 由: the agent is what follows 由, never the run before it

def test_topic_before_by_is_no_subject():
    paragraphs = ["一、总体情况", "所有公开信息由局办公室主动收集，各业务股室按要求上报。", "2020年，我局没有依申请公开事项。"]
    assert self_named_subject(paragraphs) is None
    assert subject_of("所有公开信息由局办公室主动收集", "subject") is None
    # the agent after 由 still names an agency when it is one (guard)
    found = subject_of("全年信息由县审计局办公室主动收集", "subject")
    assert found is not None and found.name == "县审计局"


def test_opening_that_names_no_agency_has_none():
    check("一、总体情况\n（一）主动公开情况。2020年以来，按要求主动公开信息201条。\n（二）依申请公开情况。2020年，我局没有"
          "依申请公开事项。\n（三）政府信息管理情况。落实专人负责政府信息公开工作，所有公开信息由局办公室主动收集，"
          "各业务股室按要求上报。\n" + BODY,
          dict(agency=None, agency_level=None, year=2020))


# ---- a township the gazetteer lacks whose name ends like one it knows (二道河镇 holds 道河镇)

def test_township_tail_of_a_longer_name_is_no_township():
    assert [m.text for m in places_in("二道河镇人民政府", agency=True)] == []
    assert [m.text for m in places_in("海林市二道河镇人民政府", agency=True)] == ["海林市"]
    # a township printed whole, after its county, after a level word or a government stays (guards)
    assert [m.text for m in places_in("东宁市道河镇人民政府", agency=True)] == ["东宁市", "道河镇"]
    assert [m.text for m in places_in("道河镇人民政府", agency=True)] == ["道河镇"]
    assert [m.text for m in places_in("中共道河镇委员会", agency=True)] == ["道河镇"]
    assert [m.text for m in places_in("东宁市政府道河镇办事处", agency=True)] == ["东宁市", "道河镇"]


def test_township_of_a_county_the_gazetteer_does_not_hold_it_under():
    check("二道河镇人民政府2022年政府信息公开工作年度报告\n日期：2023-03-20\n根据《中华人民共和国政府信息公开条例》规定，"
          "特向社会公布二道河镇人民政府2022年政府信息公开年度报告。本报告通过海林市人民政府网站信息公开专栏公布。"
          "如对本报告有任何疑问，请与二道河镇人民政府综合办公室联系。\n一、总体情况\n2022年，在市委、市政府的正确领导下，"
          "我镇高度重视政府信息公开工作。\n（一）政府信息主动公开情况\n2022年，海林市二道河镇通过村（社区）提供题材，"
          "确保做好信息主动公开工作。\n" + BODY,
          dict(agency="海林市二道河镇人民政府", agency_level="township", province="黑龙江省", city="牡丹江市",
               county="海林市", year=2022))


# ---- a department that never prints its name, speaking as 我局 and naming its own channel by its place's stem
# and its type's short form (“舟山卫健”微信公众号)


def test_opening_named_only_by_its_channel():
    check("编制说明：本年度报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。\n一、总体情况\n"
          "推进政府信息公开工作是我市建设法治政府的一项重要工作。2025年，我局进一步健全政府信息公开工作机制。\n"
          "（一）深化主动公开。2025年，我局以门户网站和“衡阳人社”微信公众号为主要平台，全年发布各类信息2082条。\n" + BODY,
          dict(agency="衡阳市人力资源和社会保障局", agency_level="city", province="湖南省", city="衡阳市",
               county=None, year=2025))


# ---- a zone body whose text names its place once, in the site's header: the CMS box's 发布机构 (publisher)
# is one more mention of it, and two mentions that agree place the report as two in the text would

def test_the_publisher_of_the_metadata_box_places_an_agency_the_text_does_not():
    text = ("淄博某某农业高新技术产业示范区管理委员会\n某某农业高新区管委会2020年政府信息公开工作年度报告\n发布日期:2021-01-29\n"
            "2020年度，某某农业高新区管委会政府信息公开工作本着提高工作透明度的目的，及时主动公开各类信息。\n"
            "一、总体情况\n" + BODY)
    r = record(text, publisher="临淄区某某农业高新区").to_dict()
    assert (r["region"]["province"], r["region"]["city"]) == ("山东省", "淄博市")
    assert r["agency_level"] == "county"
    # a place the text prints is not overruled by the publisher's (guard)
    placed = text.replace("某某农业高新区管委会2020年", "南宁某某农业高新区管委会2020年", 1)
    r = record(placed, publisher="临淄区某某农业高新区").to_dict()
    assert r["region"]["province"] == "广西壮族自治区"


# ---- page chrome before an opening sentence that names the agency with its place (held33 037)

CHROME_OPENING = ["富宁县人民政府", "www.fn.gov.cn", "文旅局2024年政府信息公开工作年度报告", "发布日期: 2025-01-20 来源:",
                  "2024年,富宁县文旅局以习近平新时代中国特色社会主义思想为指导,全面落实《条例》要求。", "一、总体情况"]


def test_the_opening_subject_counts_sentences_not_the_chrome_lines_above_them():
    found = opening_subject(CHROME_OPENING)
    assert found is not None and found.name == "富宁县文旅局"
    # still the opening only: a fourth sentence, or one after 一、总体情况, is no opening subject
    assert opening_subject(["首页", "本报告依据《条例》编制,数据截至年底。", "如有疑问,请联系办公室。", "报告分六部分,如下。",
                            "2024年,富宁县文旅局以《条例》为指导,做好公开工作。"]) is None
    assert opening_subject(CHROME_OPENING[:4] + ["一、总体情况", CHROME_OPENING[4]]) is None


def test_a_department_titled_by_its_type_alone_takes_the_placed_name_its_opening_prints():
    check("\n".join(CHROME_OPENING) + "\n(一)主动公开。全年公开信息120条。\n" + BODY,
          dict(agency="富宁县文旅局", agency_level="county", province="云南省", county="富宁县", year=2024))


# ---- a committee named after a place outside its own seat, the seat in brackets (held33 099)

def test_a_committee_named_after_an_airport_is_seated_in_the_city_its_name_brackets():
    check("重庆江北国际机场临空经济区(广安)管理委员会2023年政府信息公开工作年度报告\n一、总体情况\n"
          "2023年,重庆江北国际机场临空经济区(广安)管理委员会认真贯彻落实《条例》。\n" + BODY,
          dict(province="四川省", city="广安市"))
    # a bracketed unit under the place the name opens on narrows it, as before (苏州高新区(虎丘区))
    check("苏州高新区(虎丘区)经济发展委员会2023年政府信息公开工作年度报告\n一、总体情况\n"
          "2023年,苏州高新区(虎丘区)经济发展委员会认真贯彻落实《条例》。\n" + BODY,
          dict(province="江苏省", city="苏州市", county="虎丘区"))


# ---- a zone standing for itself whose opening prints its committee by the zone's kind (held33 090)

def test_a_zone_titled_alone_reports_as_the_committee_its_opening_prints_by_kind():
    opening = ("襄阳高新技术产业开发区\n2024年政府信息公开工作年度报告\n本报告依据《条例》要求,由高新区管委会党政办综合区直"
               "各部门情况编制而成。\n一、总体情况\n2024年,高新区持续深化政务公开。\n" + BODY)
    check(opening, dict(agency="襄阳高新技术产业开发区管理委员会", province="湖北省", city="襄阳市"))
    # another place's committee, or none printed: the zone as it is named
    check(opening.replace("由高新区管委会党政办", "参照宜昌高新区管委会做法,由党政办"),
          dict(agency="襄阳高新技术产业开发区"))
    check(opening.replace("由高新区管委会党政办", "由党政办"), dict(agency="襄阳高新技术产业开发区"))


def test_an_unplaced_zone_committee_sits_below_the_city_it_answers_to():
    check("本报告依据《条例》编制,数据统计期限自2024年1月1日起至2024年12月31日止。\n一、总体情况\n"
          "2024年,某某工业园区管委会严格落实《条例》,扎实开展政务信息公开工作。\n(一)主动公开。\n"
          "2024年,我委通过市委、市政府门户网站主动公开信息13条。\n" + BODY,
          dict(agency="某某工业园区管理委员会", agency_level="county", province=None, city=None))
