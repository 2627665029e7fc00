"""The last resorts of `fields.speaker`: a report that names no agency but speaks as one (我旗, 我局, 我办, 全区),
each finder alone on a few lines written the way real reports put it, and through `find_agency` where the order
of trust matters (a named agency always wins over a last resort). None of them is a real report."""

from __future__ import annotations

import pytest

from indexer.fields.agency_name import find_agency
from indexer.fields.speaker import (office_by_government_channel, pronoun_agency, pronoun_channel, pronoun_government,
                                    repeated_subject, self_named_subject, site_government)


def names(found):
    return (found.name, found.printed) if found else None


def test_a_government_speaking_as_wo_qi_takes_the_one_banner_it_names():
    paragraphs = ["特向社会公布我旗2021年度信息公开年度报告。",
                  "2021年,我旗按照巴彦淖尔市政务公开领导小组的部署开展工作。",
                  "截至2021年12月底,乌拉特前旗政府网站发布信息。"]
    assert pronoun_government(paragraphs).name == "乌拉特前旗人民政府"
    assert find_agency(None, paragraphs).name == "乌拉特前旗人民政府"
    two = paragraphs + ["乌拉特中旗与我旗联合开展检查。"]
    assert pronoun_government(two) is None
    signed = paragraphs + ["本报告由乌拉特前旗统计局编制。"]
    assert find_agency(None, signed).name == "乌拉特前旗统计局"  # the last resort only


def test_a_government_its_office_acts_for_takes_the_one_city_it_names():
    # held32 069: no title, no 我市; the office acts for the government named by its bare level, the city named once
    paragraphs = ["本年度报告电子版可从平顶山市人民政府门户网站下载。",
                  "(一)主动公开情况。全年通过市政府门户网站发布政府信息19554条。",
                  "(二)依申请公开情况。2021年,市政府办公室代表市政府共受理政府信息公开申请44件。"]
    assert find_agency(None, paragraphs).name == "平顶山市人民政府"
    county = ["可从新安县人民政府网站查阅。", "县政府办公室代表县人民政府受理申请3件。"]
    assert find_agency(None, county).name == "新安县人民政府"
    # guards: an office acting for nobody named by its level; two cities named; a department naming itself
    assert find_agency(None, paragraphs[:2]) is None
    two = paragraphs + ["洛阳市人民政府门户网站转载。"]
    assert find_agency(None, two) is None
    signed = paragraphs + ["本报告由平顶山市统计局编制。"]
    assert find_agency(None, signed).name == "平顶山市统计局"


def test_a_government_reporting_with_its_office_takes_the_one_city_it_names():
    # no title, no 我市: the report speaks of 市政府（办公室）, the government and its office reporting as one, and
    # names its city once, in its site's name
    paragraphs = ["一、总体情况", "(一)主动公开方面",
                  "一是围绕2023年九江市政务公开工作要点要求,通过九江市人民政府门户网站累计主动公开政府信息2810条。"
                  "二是2023年市政府(办公室)主动公开重大政策解读率达100%。",
                  "(二)依申请公开方面。2023年,收到依申请公开信息共52件。"]
    assert find_agency(None, paragraphs).name == "九江市人民政府"
    county = ["全年通过都昌县人民政府网站公开信息。", "2023年，县政府（办公室）共收到政府信息公开申请3件。"]
    assert find_agency(None, county).name == "都昌县人民政府"
    # guards: the parenthesis not an office's; each district's government with its office; two cities named
    assert find_agency(None, [paragraphs[2].replace("市政府(办公室)", "市政府(含各部门)")]) is None
    assert find_agency(None, ["全年通过九江市人民政府门户网站公开信息。", "各县区政府（办公室）共收到申请30件。"]) is None
    assert find_agency(None, paragraphs + ["景德镇市人民政府门户网站转载。"]) is None


def test_pronoun_agency_points_at_its_own_site():
    paragraphs = [
        "一、概述",
        "2016年,我局按照市政府的要求完成了自查工作。政府信息主要由本机关网站公布,并可到江门市政府信息公开平台查询。",
        "我局公开信息的形式主要有省水利厅网站、市政府网站、市水务局网站等。在江门市水务局门户网站上设定政务公开专栏。",
    ]
    assert names(pronoun_agency(paragraphs)) == ("江门市水务局", "江门市水务局")
    assert find_agency(None, paragraphs).name == "江门市水务局"


def test_pronoun_agency_needs_one_such_department():
    two = ["我局在江门市水务局网站和佛山市水务局网站公开信息。"]
    assert pronoun_agency(two) is None
    passing = ["我局按照江门市财政局要求公开预算。"]  # named once, not as its own site
    assert pronoun_agency(passing) is None


def test_pronoun_agency_bare_level_at_its_own_site():
    """A report that says 我局 and names itself only as 市人社局 where its own site is (电子版在市人社局门户网站…):
    that department, its level completed from the one city the opening names."""
    paragraphs = [
        "本年度报告根据《条例》以及某某市人民政府办公厅有关文件规定要求组织编制。报告电子版在市人社局门户网站"
        "(http://example.gov.cn/)政府信息公开专栏发布并可下载。如对本报告有疑问,请与局办公室联系。",
        "一、总体情况",
        "2024年,我局坚持以公开为原则、不公开为例外,通过局网站、微信等各类平台加大政府信息公开力度。",
    ]
    assert names(pronoun_agency(paragraphs)) == ("市人力资源和社会保障局", "市人社局")
    # a county bureau's report that points at the city bureau's site: a higher level's department, not its own
    county = ["2024年,我局在县委、县政府的领导下,通过市水务局网站和县政府网站公开信息。"]
    assert pronoun_agency(county) is None


def test_self_named_subject_deep_in_the_body():
    paragraphs = [
        "依据条例第五十条规定,编制本报告。",
        "一、总体情况",
        "建立长效机制,强化组织领导,局主要领导亲自抓,分管领导具体抓。",
        "2024年,主动公开各类政府信息1425条。",
        "区司法局作为负责区政府层级行政规范性文件的合法性审核机构,及时进行合法性审核。",
    ]
    assert names(self_named_subject(paragraphs)) == ("区司法局", "区司法局")
    assert find_agency(None, paragraphs).name == "区司法局"
    paragraphs = ["2021年,我局认真贯彻条例。", "为加强组织领导,市统计局成立了由局长任组长的政务公开领导小组。"]
    assert names(self_named_subject(paragraphs)) == ("市统计局", "市统计局")


def test_self_named_subject_needs_the_report_to_call_itself_so():
    paragraphs = ["2024年,全镇主动公开信息42条。", "区财政局作为预算公开的牵头部门,指导公开工作。"]
    assert self_named_subject(paragraphs) is None


def test_a_report_in_the_third_person_names_itself_as_the_subject_twice():
    """No title, no 我局: a 街道 tells its own work as 某区某街道办事处主要通过… and again with its district's
    government printed before its name."""
    paragraphs = [
        "依据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。",
        "一、总体情况",
        "（一）主动公开情况",
        "1、机关职能、机构设置、办公地址等基本信息",
        "为方便公众查询，杭州市上城区人民政府望江门街道办事处主要通过区政府网站公开机构设置等基本信息。",
        "2、财政预算、决算信息",
        "杭州市上城区望江门街道办事处通过区政府网站按时公开了财政预算、决算情况。",
    ]
    assert names(repeated_subject(paragraphs)) == ("杭州市上城区人民政府望江门街道办事处",) * 2
    found = find_agency(None, paragraphs)
    assert found.name == "杭州市上城区人民政府望江门街道办事处"


def test_a_subject_named_once_or_beside_another_agency_is_no_speaker():
    once = ["2023年，杭州市上城区望江门街道办事处通过区政府网站公开了财政预算。", "全年公开信息56条。"]
    assert repeated_subject(once) is None
    two = once + ["杭州市上城区望江门街道办事处及时更新公开目录。", "杭州市上城区财政局通过网站公开了部门预算。"]
    assert repeated_subject(two) is None  # a county government's report telling of its departments


def test_a_verb_before_a_placed_agency_is_no_part_of_its_name():
    """结合A…实际 / 主动公开A…预算: the clause opens on a verb whose object is the agency."""
    text = "根据有关规定，结合金华市商务局2022年政府信息公开工作实际，编制发布本报告。"
    assert names(self_named_subject([text, "我局主动公开政府信息120条。"])) == ("金华市商务局", "金华市商务局")
    budget = "2023年，主动公开福建省司法厅2023年部门预算，依法依规发布行政许可512件。我厅坚持…"
    assert self_named_subject([budget]).name == "福建省司法厅"


def test_a_verb_before_a_name_without_its_place_is_kept():
    """市对外贸易局: a name with no place stays whole, even with a lead word inside it."""
    text = "市对外贸易局认真贯彻《条例》，主动公开政府信息86条。本局坚持…"
    found = self_named_subject([text])
    assert found is None or found.name == "市对外贸易局"


def test_pronoun_channel_names_the_department():
    paragraphs = ["一、总体情况", "2023年，我委以门户网站和“舟山卫健”微信公众号为主要平台，发布信息300条。",
                  "推进政府信息公开工作是我市建设法治政府的一项重要工作。"]
    found = pronoun_channel(paragraphs)
    assert found is not None and found.name == "舟山市卫生健康委员会"
    # the pronoun's kind gives the type (我局: the 卫健局), the channel must end on a short type (舟山发布: none),
    # and name one place
    found = pronoun_channel(["2023年，我局通过“舟山卫健”微信公众号发布信息。"])
    assert found is not None and found.name == "舟山市卫生健康局"
    assert pronoun_channel(["2023年，我局通过“舟山发布”微信公众号发布信息。"]) is None
    assert pronoun_channel(["2023年，我委通过“舟山卫健”和“宁波卫健”微信公众号发布信息。"]) is None
    # a stem two units share (衡阳市, 衡阳县) is settled by the level the report calls itself (我市), else none
    assert pronoun_channel(["2025年，我局以“衡阳人社”微信公众号为主要平台。"]) is None
    found = pronoun_channel(["2025年，我局以“衡阳人社”微信公众号为主要平台。", "这是我市的一项重要工作。"])
    assert found is not None and found.name == "衡阳市人力资源和社会保障局"


def test_office_by_government_channel():
    lines = ["一、总体情况", "2024年以来，我办深入贯彻落实《条例》，推进政务公开。",
             "2024年，我办通过县政府门户网站全年发布信息500条，政务新媒体“宣汉发布”公开信息2000条。"]
    found = office_by_government_channel(lines)
    assert found is not None and found.name == "宣汉县人民政府办公室"
    # a department speaking as 我局; no site by the bare level; a channel naming no place; two places: none
    assert office_by_government_channel([t.replace("我办", "我局") for t in lines]) is None
    assert office_by_government_channel([t.replace("通过县政府门户网站", "") for t in lines]) is None
    assert office_by_government_channel([t.replace("宣汉发布", "阳光发布") for t in lines]) is None
    assert office_by_government_channel(lines + ["“万年发布”转载信息30条。"]) is None


def test_site_government():
    lines = ["本年度报告根据《中华人民共和国政府信息公开条例》的要求编制，年报电子版可从萧山区政府门户网站的政府信息公开"
             "年报栏目下载。", "一、总体情况", "（一）主动公开方面", "全区政务微博微信全年发布资讯2万余篇。"]
    found = site_government(lines)
    assert found is not None and found.name == "萧山区人民政府"
    # a department speaking as 我局; no whole place spoken of; two places' sites; another district named: none
    assert site_government(lines + ["我局通过网站公开信息50条。"]) is None
    assert site_government([t.replace("全区", "本单位") for t in lines]) is None
    # its government by the bare level (区政府重大行政决策事项) speaks of the place as 全区 does
    assert site_government([t.replace("全区", "本单位") for t in lines] + ["公布5个区政府重大行政决策事项。"]).name == "萧山区人民政府"
    # the bare level naming only the site again (通过区政府门户网站发布) speaks of no whole place
    assert site_government([t.replace("全区", "本单位") for t in lines] + ["通过区政府门户网站发布信息。"]) is None
    assert site_government([t.replace("全区", "本单位") for t in lines] + ["区政府(含各部门)发布解读10篇。"]) is None
    assert site_government(lines + ["可从滨江区政府门户网站查阅。"]) is None
    assert site_government(lines + ["配合滨江区开展工作。"]) is None


def test_a_department_named_once_with_its_place_and_once_by_its_level_alone():
    """我局 … 《市经信局关于《长沙市经信局…（征求意见稿）》公开征求意见的通知》: named twice, once bare."""
    paragraphs = [
        "一、总体情况",
        "2025年，我局门户网站总访问量达194万次。我局通过网站公开《市经信局关于《长沙市经信局促进软件产业发展若干措施"
        "（征求意见稿）》公开征求意见的通知》等27件政策文件。",
    ]
    assert names(pronoun_agency(paragraphs)) == ("长沙市经济和信息化局", "长沙市经信局")


def test_another_districts_bureau_is_no_bare_printing():
    """甲区司法局 and 乙区司法局 once each: 区司法局 inside the other's name does not count for it."""
    paragraphs = ["2022年，我局主动公开信息50条，配合雨花区司法局、天心区司法局开展普法宣传。"]
    assert pronoun_agency(paragraphs) is None


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("从制度建设入手,完善了区人社局政府信息公开工作制度、评议考核机制。", ("区人力资源和社会保障局", "区人社局")),
        ("因人事变动,及时调整充实了局政务公开工作领导小组及其办公室,由局办公室负责日常工作。我局高度重视。", None),
    ],
)
def test_a_verb_with_its_object_is_no_clause_subject(clause, expected):
    # 完善了区人社局…: the clause opens on a verb; what follows 了 is its object, named whole or not at all
    paragraphs = [clause, "局主要领导亲自抓政务公开。"]
    assert names(self_named_subject(paragraphs)) == expected


# ---- held37: an office speaking as 我办 that names itself by its government's bare level (区政府办主动公开…), and a
# government that speaks of 全区 and of 区政府 as its own: the one place of that level the opening names

def test_an_office_named_by_its_governments_bare_level_takes_the_one_district_named():
    from indexer.fields.speaker import bare_office_government
    lines = ["依据《中华人民共和国政府信息公开条例》第五十条之规定，制作本报告。", "一、总体情况",
             "一是组织领导方面。我办明确了政务公开工作领导小组。", "（一）主动公开情况",
             "区政府办主动公开载体是区政府门户网站，2022年主动公开政府信息共98条。",
             "按照《西城区政府信息公开工作要点》，切实推进我办信息公开工作。"]
    assert bare_office_government(lines).name == "西城区人民政府办公室"
    assert find_agency(None, lines).name == "西城区人民政府办公室"
    # no 我办; two districts named; the office named with its place (西城区政府办, a finder's); none
    assert bare_office_government([t.replace("我办", "本单位") for t in lines]) is None
    assert bare_office_government(lines + ["配合东城区开展工作。"]) is None
    assert bare_office_government([t.replace("区政府办主动", "西城区政府办主动") for t in lines]) is None


def test_a_government_speaking_of_the_whole_district_and_its_own_government_takes_the_one_district_named():
    from indexer.fields.speaker import whole_place_government
    lines = ["2023年政府信息公开工作年度报告", "一、总体情况",
             "2023年，各乡镇、各部门认真落实政府信息公开相关要求，全区政务公开水平不断提升。",
             "（一）主动公开工作。通过区政府网站发布了《合肥市包河区农村客运补贴办法》等各类文件20件。",
             "（二）政府信息管理工作。凡以区政府名义制发的公文均进行信息公开审查。"]
    assert whole_place_government(lines).name == "包河区人民政府"
    assert find_agency(None, lines).name == "包河区人民政府"
    # two districts; a department speaking as 我局; no 全区; 区政府 only as the site or the pair a body answers to: none
    assert whole_place_government(lines + ["配合蜀山区开展工作。"]) is None
    assert whole_place_government(lines + ["我局通过网站公开信息50条。"]) is None
    assert whole_place_government([t.replace("全区", "本单位") for t in lines]) is None
    assert whole_place_government([t.replace("凡以区政府名义", "在区委、区政府领导下，凡") for t in lines]) is None
    # a district's government named with its place (包河区政府) is no bare level (guard)
    assert whole_place_government([t.replace("凡以区政府名义", "凡以包河区政府名义") for t in lines]) is None
