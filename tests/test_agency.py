"""Where a report names its agency: the finders of indexer/fields/agency.py, each on strings."""

from __future__ import annotations

import pytest

from indexer.fields.agency import (
    byline,
    compiler,
    contact,
    embedded,
    first_sentence,
    from_publisher,
    from_title,
    joint_government,
    opening_subject,
    own_column,
    own_plan,
    shared_seat_first,
    signature,
    subject_of,
    system_head,
    working_group,
)
from indexer.fields.agency_name import (
    declared_short_names,
    find_agency,
    placed_printing,
    placed_zone,
    zone_named_in,
)


def names(found):
    return (found.name, found.printed) if found else None


@pytest.mark.parametrize(
    "title, expected",
    [
        ("某县水利局2022年政府信息公开工作年度报告", ("某县水利局", "某县水利局")),
        ("株洲市卫健委2021年政府信息公开工作年度报告", ("株洲市卫生健康委员会", "株洲市卫健委")),
        ("2022年上海市政府信息公开工作年度报告", ("上海市人民政府", "上海市")),
        ("湖口县大垅乡2025年度政府信息公开工作年度报告", ("湖口县大垅乡人民政府", "湖口县大垅乡")),
        ("2022年政府信息公开工作年度报告", None),
        ("我局2022年政府信息公开工作年度报告", None),
        ('"><img src=x>某县水利局2022年政府信息公开工作年度报告', ("某县水利局", "某县水利局")),
        # a subdistrict heading its title the short way, 街 for 街道 (a name several cities share)
        ("白云街2021年政府信息公开工作年度报告", ("白云街道办事处", "白云街")),
        ("步行街2021年政府信息公开工作年度报告", None),  # a street, no subdistrict of that name
    ],
)
def test_from_title(title, expected):
    assert names(from_title(title)) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("现将沐阳县人民政府2025年政府信息公开年度报告向社会公布。", "沐阳县人民政府"),
        ("根据《条例》要求，编制宁波市鄞州区住房和城乡建设局2022年政府信息公开工作年度报告。", "宁波市鄞州区住房和城乡建设局"),
        ("特向社会公布2021年度酒泉市肃州区财政局政府信息公开工作年度报告。", "酒泉市肃州区财政局"),
        ("现发布三明市沙县区农业农村局2022年度政府信息公开工作情况报告如下。", "三明市沙县区农业农村局"),
        ("现将我局2022年政府信息公开工作年度报告公布如下。", None),
        ("根据《条例》要求,公开我局2020年度政府信息公开工作年度报告,报告由六个方面组成。", None),
        ("标题县政府办2022年度政府信息公开工作年度报告", "县人民政府办公室"),  # a CMS label glued on
        ("按照《内蒙古自治区政府信息公开工作年度报告制度》的要求,现向社会公布2022年度某市财政局政府信息公开工作情况。",
         "某市财政局"),
        ("根据某区政务服务局《关于做好某区2025年政府信息公开年报编制和公布有关工作的函》要求,"
         "编制《某区某某镇人民政府2025年政府信息公开工作年度报告》。", "某区某某镇人民政府"),
        ("根据《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制。", None),
        # a city's guide for writing the reports names no report of its own
        ("紧紧围绕《某某市政府信息公开工作年度报告编制指南》做好政务信息公开工作。", None),
        ("根据《政府信息公开工作年度报告编写说明》和本县要求,编制某县水务局2023年政府信息公开工作年度报告。",
         "某县水务局"),
        ("2022年度政府信息公开工作年度报告", None),
        ("现根据《条例》等要求,制定本局2022年政府信息公开工作年度报告。", None),
        # the compiler and its verb before the report's agency: one agency, printed in full by the compiler
        ("根据《条例》及上级有关规定,某某县教育局编制了县教育局2020年政府信息公开工作年度报告。", "某某县教育局"),
        ("根据《条例》规定,某某县人民政府办公室编制了某某县人民政府2020年政府信息公开工作年度报告。", "某某县人民政府"),
        # the verb 涵盖 before the report's agency is no part of its name
        ("本报告依据《条例》编制,涵盖某某乡人民政府2024年信息公开工作情况,共六部分。", "某某乡人民政府"),
        # the reports a compiler gathers (a list after 综合) are other bodies', not the report's own
        ("本年度报告由某区人民政府办公室综合区政府各部门、各街道办事处、某某镇人民政府的政府信息公开年度报告编制。", None),
        ("本报告由某市人民政府办公室汇总某县人民政府的政府信息公开工作年度报告编制而成。", None),
        ("结合工作实际、综合各方面情况,现将某县水利局2022年政府信息公开工作年度报告公布如下。", "某县水利局"),
        # the verb that put the report on the site (按时上传, 上报) is no part of its agency's name
        ("全年网站共发布工作动态20条,按时上传某某市发展和改革委员会2024年政府信息公开工作年度报告。",
         "某某市发展和改革委员会"),
        ("及时上报某某县统计局2023年政府信息公开工作年度报告。", "某某县统计局"),
        # the department's own office compiled the report (由A办公室编制的…报告): the office stands for its department
        ("本年报是根据《条例》要求,由某某市某某区商务局办公室编制的2020年度政府信息公开年度报告。", "某某市某某区商务局"),
        ("本报告是由某某县水利局办公室编写的2022年度政府信息公开工作年度报告。", "某某县水利局"),
        # a government's office compiling its government's report under its own name stays its government's
        ("根据《条例》规定,某某县人民政府办公室编制了某某县人民政府2020年政府信息公开工作年度报告。", "某某县人民政府"),
        # a report quoted under an office's own name (no compiling verb) is that office's
        ("现将某某县人民政府办公室2022年政府信息公开工作年度报告公布如下。", "某某县人民政府办公室"),
    ],
)
def test_embedded_report_name(sentence, expected):
    found = embedded([sentence])
    assert (found.name if found else None) == expected


def test_byline_under_the_title():
    lines = ["2022年政府信息公开工作年度报告", "（某县林业局）", "2023年1月16日", "一、总体情况"]
    assert names(byline(lines, lines[0])) == ("某县林业局", "某县林业局")
    assert byline(["某市人民政府", "2022年政府信息公开工作年度报告"], "2022年政府信息公开工作年度报告") is None


def test_signature_at_the_end():
    assert names(signature(["正文。", "某县水利局", "2023年1月20日"])) == ("某县水利局", "某县水利局")
    assert names(signature(["正文。", "某县水利局 2023年1月20日"])) == ("某县水利局", "某县水利局")
    assert signature(["正文。", "本机关", "2023年1月20日"]) is None


def test_a_numbered_heading_cut_short_is_no_signature():
    """An opening cut inside a heading (（三）政府|信息管理情况) ends on a line that reads like a name."""
    opening = ["本报告由某市人民医院编制。", "一、主动公开情况", "医院发布信息18条。", "（三）政府"]
    assert signature(opening) is None
    assert names(find_agency(None, opening))[0] == "某市人民医院"


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("2022年，衢州市柯城区人力资源和社会保障局认真贯彻落实《条例》。", "衢州市柯城区人力资源和社会保障局"),
        ("2023年，洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导。", "洪泽区人民政府"),
        ("在区委、区政府的领导下，济南市历下区退役军人事务局认真贯彻《条例》。", "济南市历下区退役军人事务局"),
        ("2023年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导。", "平潭综合实验区"),
        ("2022年，某区卫生健康局党组高度重视政务公开。", "某区卫生健康局"),
        ("2021年,我委认真贯彻《条例》。", None),
        ("2023年,在区委、区政府的坚强领导下,某某街道办事处认真贯彻《条例》。", "某某街道办事处"),
        ("2023年,某某乡政府信息公开工作在县委、县政府的领导下有序开展。", "某某乡人民政府"),
        ("2023年,通过政府门户网站,主动公开政府信息63条。", None),
        ("(一)主动公开方面。某某县高度重视政府信息公开工作。", "某某县人民政府"),
        ("2022年,开发区党工委高度重视政府信息公开工作。", None),
        ("根据区里的通知要求,区民政局高度重视,现将工作情况汇报如下:2019年度区民政局主动公开信息。", "区民政局"),
        ("2024年，我县坚持以群众需求为导向。", None),
        ("2012年的南平市政府信息公开工作,根据国务院的统一部署,有序推进。", "南平市人民政府"),
        # a subdistrict named the short way, 街 for 街道 (Guangzhou's)
        ("2022年,梅花村街以习近平新时代中国特色社会主义思想为指导,全面推进政务公开。", "梅花村街道办事处"),
        ("2022年,步行街以改造提升为重点,推进政务公开。", None),  # a street, no subdistrict of that name
        # a department's office as the subject stands for the department; a government's office is an agency
        ("2023年,县民政局办公室紧紧围绕县委、县政府决策部署,认真贯彻《条例》。", "县民政局"),
        ("2023年,某县人民政府办公室认真贯彻《条例》。", "某县人民政府办公室"),
    ],
)
def test_first_sentence_of_section_one(paragraph, expected):
    found = first_sentence(["一、总体情况", paragraph])
    assert (found.name if found else None) == expected


def test_first_sentence_needs_section_one():
    assert first_sentence(["2022年，某县水利局认真贯彻《条例》。"]) is None
    assert first_sentence(["一、", "总体情况", "2022年，某县水利局认真贯彻《条例》。"]).name == "某县水利局"
    assert first_sentence(["1、"]) is None  # a numbering alone as the last paragraph (found by tests/test_fuzz.py)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制。", "淮安市洪泽区人民政府"),
        ("本报告由某市统计局编制。", "某市统计局"),
        # two offices of one seat compile it together (上海市杨浦区国家税务局、上海市地方税务局杨浦区分局, 2013): the first
        ("本年度报告由某市某区国家税务局、某市地方税务局某区分局（以下简称区局）编制。", "某市某区国家税务局"),
        ("某县交通运输局编制了本报告。", "某县交通运输局"),
        ("本报告由本机关办公室编制。", None),
        ("根据《条例》要求,某市人民政府根据全市2022年度政府信息公开工作开展情况,编制本报告。", "某市人民政府"),
        ("根据《条例》的要求,某市某区某某街道特编制2023年政府信息公开年度报告。", "某市某区某某街道办事处"),
        ("根据《条例》要求,某县教育体育局现向社会公开《2023年政府信息公开工作年度报告》。", "某县教育体育局"),
        ("根据《条例》,某某自治区形成了《2016年政府信息公开年度报告》。", "某某自治区人民政府"),
        ("根据《条例》要求,我局编制了本报告。", None),
        # the report says whose year it sums up, the name closed by the year (a bank's branch after its head office)
        ("该报告是对中国某某银行某州中心支行2013年有关政府工作相关信息的综述,主要分为七个部分。", "中国某某银行某州中心支行"),
        ("本报告是对某县水利局2015年度政府信息公开工作的总结。", "某县水利局"),
        ("本报告是对我局2015年度政府信息公开工作的总结。", None),
    ],
)
def test_compiler(sentence, expected):
    found = compiler([sentence])
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("如对本报告有疑问，请与某某市统计局办公室联系。", "某某市统计局"),
        ("如有疑问可与阜阳市颍州区医疗保障局联系。", "阜阳市颍州区医疗保障局"),
        ("请联系：阜阳市颍州区统计局办公室，地址：阜阳市颍州区某路2号。", "阜阳市颍州区统计局"),
        ("请与巴中市恩阳区政府信息公开工作领导小组办公室联系。", "巴中市恩阳区人民政府"),
        ("请与淮安市洪泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道90号）。", "淮安市洪泽区人民政府"),
        ("请与本机关办公室联系。", None),
        ("联系人：张三，电话：0571-1234567。", None),
        ("请与本单位受理机构联系,地址:某省某县某某乡人民政府党政综合办公室,电话:0577-1234567。", "某省某县某某乡人民政府"),
        ("请与本单位受理机构联系,地址:某县某路18号,电话:0577-1234567。", None),
    ],
)
def test_contact_line(line, expected):
    found = contact([line])
    assert (found.name if found else None) == expected


def test_publisher_names_the_office_of_its_agency():
    assert from_publisher("平潭综合实验区管委会办公室").name == "平潭综合实验区管理委员会"
    assert from_publisher("") is None


def test_publisher_line_followed_by_page_widgets():
    line = "www.example.gov.cn发布时间:2021-01-18来源:某某乡人民政府选择阅读字号:[ ]阅读次数:"
    assert from_publisher(None, ["关于2020年度政府信息公开工作的年度报告", line]).name == "某某乡人民政府"


def test_the_first_source_decides_and_the_fullest_printing_names_it():
    paragraphs = ["市卫生健康委2020年政府信息公开工作年度报告", "一、总体情况", "2020年，我委主动公开信息。",
                  "六、其他需要报告的事项", "无。", "舟山市卫生健康委员会", "2021年1月29日"]
    found = find_agency(paragraphs[0], paragraphs)
    assert names(found) == ("舟山市卫生健康委员会", "舟山市卫生健康委员会")
    assert found.source == "signature"


def test_an_office_signing_for_its_government_is_another_agency():
    paragraphs = ["某某县人民政府2022年政府信息公开工作年度报告", "正文。", "某某县人民政府办公室", "2023年3月1日"]
    assert find_agency(paragraphs[0], paragraphs).name == "某某县人民政府"


def test_a_web_page_publisher_counts_only_when_the_report_names_no_agency():
    bare = ["2022年政府信息公开工作年度报告", "一、总体情况", "本年度主动公开信息80条。"]
    assert find_agency(bare[0], bare, publisher="某某县水利局").name == "某某县水利局"
    signed = bare + ["某某县林业局", "2023年1月10日"]
    assert find_agency(signed[0], signed, publisher="某某县水利局").name == "某某县林业局"
    assert find_agency(bare[0], bare) is None


def test_the_preamble_gives_the_fuller_printing_of_the_title_agency():
    paragraphs = [
        "洪泽区人民政府2023年政府信息公开工作年度报告",
        "本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制此报告。如对本报告有疑问，请与淮安市洪泽区人民政府办公室联系。",
    ]
    found = find_agency(paragraphs[0], paragraphs)
    assert found.name == "淮安市洪泽区人民政府"


def test_a_declared_short_name_stands_for_the_full_name():
    paragraphs = [
        "自治区某某办2022年政府信息公开工作年度报告",
        "本年度报告根据《条例》要求,由某某自治区某某经济区规划建设管理办公室(以下简称自治区某某办)编制。",
    ]
    assert declared_short_names(paragraphs) == {"自治区某某办": "某某自治区某某经济区规划建设管理办公室"}
    assert find_agency(paragraphs[0], paragraphs).name == "某某自治区某某经济区规划建设管理办公室"


def test_an_investment_zone_calling_itself_by_its_kind_is_no_place():
    """2023年度，投资区主动公开…: 投资区 is the zone's kind (台商投资区, 华侨投资区), never a place with a 人民政府;
    the zone is the one the text names in full."""
    paragraphs = [
        "现将我委2023年度工作情况报告如下:",
        "一、总体情况",
        "2023年度,投资区主动公开政府信息数88条。微信公众号主动推送信息120条。",
        "有专人负责微信公众号“泉州台商投资区”运维工作,及时发布投资区信息。",
    ]
    found = find_agency(None, paragraphs)
    assert found is not None and found.name == "泉州台商投资区"


def test_a_departments_own_column_on_its_governments_site_names_it():
    paragraphs = ["一、总体情况", "(一)主动公开情况",
                  "严格按照要求在政府网站县水务局专栏转载上级决策部署,及时传递权威声音。"]
    found = own_column(paragraphs)
    assert found is not None and found.name == "县水务局"
    assert own_column(["在县政府网站政务公开专栏发布信息32条。"]) is None  # a column of the site, no department


def test_a_bare_level_department_takes_the_printing_with_its_place():
    """县水务局 … 规范富宁县水务局信息发布流程 … 《文山壮族苗族自治州水务局关于…》: the county's printing, not the prefecture's."""
    paragraphs = ["在政府网站县水务局专栏转载文件。及时转载了《文山壮族苗族自治州水务局关于印发某办法的通知》。",
                  "进一步规范富宁县水务局信息采编、审核、发布工作流程。"]
    assert placed_printing("县水务局", paragraphs) == "富宁县水务局"
    assert find_agency(None, paragraphs).name == "富宁县水务局"
    assert placed_printing("县水务局", paragraphs + ["学习借鉴广南县水务局的做法。"]) is None  # two counties: neither


def test_a_zone_calling_itself_by_its_kind_takes_the_full_name_it_prints():
    paragraphs = [
        "2022年,开发区坚持以人民为中心,深化政务公开。",
        "一、总体情况",
        "(一)主动公开",
        "开发区党工委高度重视政府信息公开工作。",
        "修订完善《西宁经济技术开发区政府信息公开指南》,及时对开发区各类信息进行梳理。",
    ]
    assert opening_subject(paragraphs).name == "开发区"
    assert find_agency(None, paragraphs).name == "西宁经济技术开发区"
    assert zone_named_in("开发区", ["推进西宁经济技术开发区与兰州经济技术开发区合作。"]) is None


def test_the_opening_subject_needs_a_year_first_and_no_section_before_it():
    assert opening_subject(["2022年,某县水利局认真贯彻《条例》。"]).name == "某县水利局"
    assert opening_subject(["根据《条例》,某县水利局编制本报告。"]) is None
    assert opening_subject(["一、总体情况", "2022年,某县水利局认真贯彻《条例》。"]) is None


def test_the_opening_subject_after_commas_a_mirror_doubled():
    # 2012年,,在市委,、市政府的坚强领导和市政府信息公开办的有力指导下,,雅安工业园区管委会认真贯彻… (a spam mirror)
    text = "2012年,,在市委,、市政府的坚强领导和市政府信息公开办的有力指导下,,某县水利局认真贯彻落实《条例》的规定。"
    assert opening_subject([text]).name == "某县水利局"


def test_a_series_heading_without_a_year_yields_to_the_department_that_compiled_the_report():
    # 北京市统计局•国家统计局北京调查总队 / 北京市政府信息公开工作年度报告 (the heading every Beijing department printed)
    compiled = "本报告是根据《条例》要求，由北京市统计局、国家统计局北京调查总队（以下简称统计局队）编制的2012年度政府信息公开工作年度报告。"
    heading = "北京市政府信息公开工作年度报告"
    assert find_agency(heading, [heading, compiled]).name == "北京市统计局"
    assert find_agency("2012年" + heading, ["2012年" + heading, compiled]).name == "北京市人民政府"  # a year: the city's own
    assert find_agency(heading, [heading, "本报告由北京市人民政府办公室编制。"]).name == "北京市人民政府"


def test_the_plan_for_the_year_the_agency_made_itself():
    line = "2022年,我局认真落实《某市人民政府办公厅关于印发2022政务公开工作要点的通知》,制定实施《某市应急管理局2022年政务公开工作实施方案》。"
    assert own_plan([line]).name == "某市应急管理局"
    assert own_plan(["认真落实《某市人民政府办公厅关于印发2022年政务公开工作要点的通知》。"]) is None
    assert find_agency(None, ["一、总体情况", line]).name == "某市应急管理局"


def test_a_text_ending_on_a_bare_section_number_has_no_first_sentence():
    """'1、' as the last paragraph (found by tests/test_fuzz.py) once read past the end of the list."""
    assert first_sentence(["某局2023年政府信息公开工作年度报告", "1、"]) is None
    assert first_sentence(["1、"]) is None


def test_a_compiler_that_wrote_the_report():
    text = "本年报是根据《条例》规定，由某县生态环境局编写了2022年度政府信息公开工作年度报告。"
    assert names(compiler([text])) == ("某县生态环境局", "某县生态环境局")


def test_a_report_name_with_only_xinxi_gongkai():
    text = "根据《条例》，特向社会公布2020年度某县统计局信息公开工作报告。本报告由概述等部分组成。"
    assert names(embedded([text])) == ("某县统计局", "某县统计局")


def test_jiehe_before_the_agency_is_a_word_of_the_sentence():
    text = "本报告依据《条例》要求，结合国家税务总局某市某区税务局（以下简称“某区税务局”）政府信息公开工作有关统计数据撰写。"
    assert declared_short_names([text]) == {"某区税务局": "国家税务总局某市某区税务局"}


def test_a_declared_short_name_with_words_after_it():
    text = "特向社会公布国家税务总局某市税务局（以下简称“某市税务局”，下文类同）2021年政府信息公开工作年度报告。"
    assert declared_short_names([text]) == {"某市税务局": "国家税务总局某市税务局"}


def test_a_website_is_no_agency():
    text = "本报告公布的方式：政府门户网站政府信息公开年度报告专栏。"
    assert embedded([text]) is None


@pytest.mark.parametrize("lead", ["在区政府政务信息公开工作主管部门的引领下", "在县委、县政府的统一部署下"])
def test_first_subject_after_an_adverbial_of_guidance(lead):
    text = f"2024年，{lead}，某某街道办事处严格依照区委、区政府的要求公开政务信息。"
    assert names(opening_subject([text])) == ("某某街道办事处", "某某街道办事处")


def test_the_catalogue_or_guide_the_agency_made_itself():
    line = "严格按照《条例》规定和市政务公开办工作要求，编制发布《某市市场监督管理局主动公开信息目录》，逐一对照落实。"
    assert own_plan([line]).name == "某市市场监督管理局"
    assert own_plan(["及时修订完善《某省民政厅政府信息公开目录和指南》，方便公众获取。"]).name == "某省民政厅"
    assert own_plan(["贯彻落实《某省政府信息公开规定》。"]) is None


def test_a_year_with_a_copula_is_no_subject():
    paragraphs = ["一、概述", "2018年是全市深入贯彻《条例》的一年。我市严格按照《条例》要求推进公开。"]
    assert first_sentence(paragraphs) is None
    preamble = "本年度报告在各县（市、区）年度报告的基础上，由某市人民政府办公室编制。"
    assert find_agency(None, [preamble] + paragraphs).name == "某市人民政府"


def test_a_compiler_that_summed_up_the_year():
    text = "本报告根据《条例》的要求，由某市住房和城乡建设局综合全年信息公开情况编制而成。"
    assert names(compiler([text])) == ("某市住房和城乡建设局", "某市住房和城乡建设局")


def test_a_links_closing_bracket_before_a_column_name_is_no_agency():
    text = "本年度报告的电子版可以从某市门户网站(http://www.example.gov.cn/)政府信息公开年报专栏下载。"
    assert embedded([text]) is None


def test_first_sentence_subject_with_a_verb_outside_the_list_when_it_names_its_place():
    paragraphs = ["一、总体情况", "2022年,江苏省民政厅精准施策,主动公开政府信息。"]
    assert names(first_sentence(paragraphs)) == ("江苏省民政厅", "江苏省民政厅")
    # no place at the start: not taken on an unknown verb
    assert first_sentence(["一、总体情况", "2022年,我局精准施策。"]) is None
    # an ending that starts a word (气象部门) is not the end of a name
    assert first_sentence(["一、总体情况", "2022年,咸宁市气象部门认真贯彻条例。"]) is None


def test_first_sentence_after_a_heading_run_into_the_preamble():
    paragraphs = ["编制说明:本年度报告包括六项内容。 一、总体情况 泰州市统计局坚持以公开为常态,不公开为例外。"]
    assert names(first_sentence(paragraphs)) == ("泰州市统计局", "泰州市统计局")


def test_embedded_prefers_a_later_printing_with_the_place():
    paragraphs = [
        "审计局2024年政府信息公开工作年度报告",
        "根据有关规定,现将岳麓区审计局政府信息公开工作2024年度工作情况报告如下:",
    ]
    assert names(embedded(paragraphs)) == ("岳麓区审计局", "岳麓区审计局")


def test_embedded_compiled_from_an_agencys_work():
    paragraphs = ["本年度报告是根据条例规定,根据精河工业园区管理委员会的政府信息公开年度工作情况进行编制。"]
    assert names(embedded(paragraphs)) == ("精河工业园区管理委员会", "精河工业园区管理委员会")


def test_a_file_name_with_a_bare_level_yields_to_the_placed_government():
    paragraphs = [
        "《2022年市政府信息公开工作年度报告.docx》由会员分享,可在线阅读。",
        "我县仔细梳理有关材料,特编制宾川县2022年度政府信息公开工作年度报告。",
    ]
    assert names(embedded(paragraphs)) == ("宾川县人民政府", "宾川县")
    found = find_agency("2022年市政府信息公开工作年度报告", paragraphs)
    assert found.name == "宾川县人民政府"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("完善《鹿城区住建局信息公开管理制度》,明确公开的内容。", "鹿城区住房和城乡建设局"),
        ("二是修订了《泰安市城市管理局政府信息主动公开基本目录》。", "泰安市城市管理局"),
        ("印发《大连高新区2024年政务公开工作要点及责任分工》,细化任务。", "大连高新区"),
    ],
)
def test_own_rules_catalogues_and_plans_name_their_agency(text, expected):
    assert own_plan([text]).name == expected


def test_own_plan_is_not_a_higher_levels_rules():
    assert own_plan(["根据《某省政府信息公开规定》,做好工作。"]) is None


def test_working_group_named_after_its_agency():
    text = "一是组织机构健全。成立有自治区水文水资源局“一服务两公开”工作领导小组,由局主要领导担任组长。"
    assert names(working_group([text])) == ("自治区水文水资源局", "自治区水文水资源局")
    assert working_group(["成立了由局长任组长的政务公开领导小组。"]) is None


def test_compiler_with_its_short_name_declared_before_the_verb():
    text = "本报告根据《条例》要求，由某某经济技术开发区管理委员会（以下简称经开区管委会）编制。全文包括总体情况。"
    assert names(compiler([text])) == ("某某经济技术开发区管理委员会", "某某经济技术开发区管理委员会")


def test_a_unit_the_agency_itself_puts_in_charge_is_not_the_compiler():
    text = "我局由指挥中心牵头政府信息公开工作，实行专职专人负责。"
    assert compiler([text]) is None


def test_own_guide_updated_and_published_names_the_agency():
    text = "受理依申请公开0份；更新公布《鹤山市公安局政府信息公开指南》，配齐信息公开申请办理流程图。"
    assert names(own_plan([text])) == ("鹤山市公安局", "鹤山市公安局")


def test_contact_line_naming_a_section_of_the_agency():
    text = "如对报告内容有疑问，请与青岛西海岸新区自然资源局综合一科联系（地址：某路1号）。"
    assert names(contact([text])) == ("青岛西海岸新区自然资源局", "青岛西海岸新区自然资源局")


def test_a_plan_of_several_governments_after_an_ascii_comma_is_no_report_name():
    text = "根据《条例》有关规定,按照自治区、市及区人民政府政务公开工作要点有关要求,编制本报告。"
    assert embedded([text]) is None


def test_a_government_counsellors_office_is_an_agency():
    found = find_agency("2022年上海市人民政府参事室政府信息公开工作年度报告", ["一、总体情况", "（一）主动公开"])
    assert found and found.name == "上海市人民政府参事室"


def test_a_governments_research_office_is_an_agency_not_its_government():
    found = find_agency("孝感市人民政府研究室2019年政府信息公开工作年度报告", ["一、总体情况", "（一）主动公开"])
    assert found and found.name == "孝感市人民政府研究室"


def test_title_with_a_year_printed_without_nian_names_its_agency():
    found = from_title("西藏自治区政府国资委2020政府信息公开工作年度报告")
    assert names(found) == ("西藏自治区人民政府国有资产监督管理委员会", "西藏自治区政府国资委")


def test_a_department_compiling_its_county_named_report_is_that_countys_department():
    paragraphs = ["由县农业局办公室编制了永泰县2017年政府信息公开工作年度报告。全文包括概述。", "一、概述"]
    assert names(find_agency(None, paragraphs)) == ("永泰县农业局", "永泰县农业局")
    # a county government's own report stays the government's
    own = ["由县政府办公室编制了永泰县2017年政府信息公开工作年度报告。", "一、概述"]
    assert find_agency(None, own).name == "永泰县人民政府"


# ---- a verb before the agency, a second name in brackets, bare printings, joint leaders, an office's own report


def test_zuohao_before_a_quoted_report_name_is_no_part_of_the_agency():
    text = "严格按照《中华人民共和国政府信息公开工作年度报告格式》做好绵阳市体育局信息公开工作年度报告编制。"
    assert names(embedded([text])) == ("绵阳市体育局", "绵阳市体育局")


def test_a_quoted_report_name_with_a_second_name_in_brackets():
    text = "现发布《兰州市民族事务委员会（宗教事务局）2024年政府信息公开工作年度报告》，本报告统计数据从2024年1月1日至12月31日。"
    assert names(embedded([text])) == ("兰州市民族事务委员会", "兰州市民族事务委员会（宗教事务局）")


@pytest.mark.parametrize(
    "clause, government",
    [
        ("朝阳门街道党工委、办事处按照区委、区政府的统一部署，认真贯彻…", "朝阳门街道办事处"),
        ("湖口县大垅乡党委、政府认真贯彻《条例》…", "湖口县大垅乡人民政府"),
        ("镇党委、政府高度重视政务公开工作…", None),  # a bare level names no place
        ("大路镇党委和政府的领导下，…", None),  # an adverbial, not the subject
    ],
)
def test_a_party_body_and_its_government_as_one_subject(clause, government):
    assert joint_government(clause) == government


def test_first_sentence_naming_a_subdistricts_party_body_and_office_together():
    paragraphs = ["一、总体情况", "2025年，朝阳门街道党工委、办事处按照区委、区政府的统一部署，扎实推进政务信息公开工作。"]
    assert names(first_sentence(paragraphs)) == ("朝阳门街道办事处", "朝阳门街道办事处")


def test_a_government_office_speaking_of_itself_keeps_its_office():
    """请与某区人民政府办公室联系 + 结合我办: the office's own report, not the government's."""
    paragraphs = [
        "本报告结合我办政府信息公开工作有关统计数据编写。如对本报告有任何疑问，请与卫东区人民政府办公室联系（地址：某路1号）。",
        "一、总体情况",
    ]
    assert names(find_agency(None, paragraphs)) == ("卫东区人民政府办公室", "卫东区人民政府办公室")
    government = [
        "本报告由区政府办公室编制。如对本报告有任何疑问，请与卫东区人民政府办公室联系。",
        "一、总体情况",
        "2024年，我区坚持…",
    ]
    assert find_agency(None, government).name == "卫东区人民政府"


def test_a_zone_named_alone_takes_the_one_place_printed_right_before_it():
    paragraphs = ["特向社会公布国家东中西区域合作示范区（连云港徐圩新区）2020年政府信息公开工作年度报告。"]
    assert placed_zone("徐圩新区", paragraphs) == "连云港徐圩新区"
    assert placed_zone("徐圩新区", ["徐圩新区坚持以公开为常态。"]) is None


def test_a_zone_title_without_its_place_gets_the_placed_name_of_the_text():
    paragraphs = ["徐圩新区2020年政府信息公开年度报告",
                  "根据《条例》，特向社会公布国家东中西区域合作示范区（连云港徐圩新区）2020年政府信息公开工作年度报告。"]
    assert find_agency("徐圩新区2020年政府信息公开年度报告", paragraphs).name == "连云港徐圩新区"


def test_a_verb_summing_up_before_a_placed_agency_is_not_its_name():
    """总结建宁县卫生健康局2022年政府信息公开工作情况: the preamble's verb stays out of the name the title gives."""
    paragraphs = ["建宁县卫生健康局2022年政府信息公开工作年度报告",
                  "本报告根据《条例》规定，总结建宁县卫生健康局2022年政府信息公开工作情况。报告内容包括总体情况。"]
    found = find_agency("建宁县卫生健康局2022年政府信息公开工作年度报告", paragraphs)
    assert names(found) == ("建宁县卫生健康局", "建宁县卫生健康局")


def test_a_department_named_with_its_organs_is_the_department():
    """某市市场监督管理局机关2023年…报告: the bureau's own organs report for the bureau."""
    assert names(from_title("某市市场监督管理局机关2023年政府信息公开工作年度报告")) == ("某市市场监督管理局", "某市市场监督管理局")
    assert names(embedded(["现公布某市统计局机关2023年政府信息公开工作年度报告。"])) == ("某市统计局", "某市统计局")


def test_a_subject_declaring_its_short_name_is_read_without_it():
    paragraphs = ["一、总体情况", "2021年，某市公安局（以下简称“市公安局”）以习近平新时代中国特色社会主义思想为指导，深化政务公开。"]
    assert names(first_sentence(paragraphs)) == ("某市公安局", "某市公安局")


def test_a_verb_and_a_pronoun_are_no_name_and_the_departments_own_site_names_it():
    """结合我局2024年实际工作情况编制 names no agency; 某市统计局门户网(http://…) is the department's own site."""
    paragraphs = [
        "本年度报告结合我局2024年实际工作情况编制而成。本年度报告电子版可以从铁岭市统计局门户网（http://tjj.example.cn）下载。",
        "一、总体情况",
        "（一）主动公开政府信息情况。我局积极认真做好政务信息公开工作。",
    ]
    assert names(find_agency(None, paragraphs)) == ("铁岭市统计局", "铁岭市统计局")


def test_a_publisher_in_a_table_cell_places_the_bare_agency_of_the_text():
    """发布单位: | 铁岭市应急管理局 | (a CMS table) and 市应急管理局 in the text: the placed name."""
    paragraphs = ["文号: | 公开日期: | 2023-01-16 | |", "发布单位: | 铁岭市应急管理局 | 主题分类: | 政务公开 |",
                  "2022年，市应急管理局认真贯彻落实政务公开工作部署要求。"]
    assert names(from_publisher(None, paragraphs)) == ("铁岭市应急管理局", "铁岭市应急管理局")
    assert find_agency(None, paragraphs).name == "铁岭市应急管理局"


def test_a_report_compiled_from_the_agencys_work_in_practice_names_it():
    """根据2023年某市司法局信息公开工作实际编制而成: the agency whose work the report sums up."""
    paragraphs = ["本年报根据2023年某市司法局信息公开工作实际编制而成。本年报所列数据的统计期限自2023年1月1日起。"]
    assert names(embedded(paragraphs)) == ("某市司法局", "某市司法局")
    assert embedded(["本报告结合本单位政务公开工作实际编制。"]) is None


def test_the_disclosure_office_of_a_township_governments_office_stands_for_the_township():
    paragraphs = ["如对本报告有疑问，请与某乡人民政府办公室政府信息公开办公室联系（地址：某县某街1号）。", "一、概述"]
    assert find_agency(None, paragraphs).name == "某乡人民政府"


def test_a_title_with_a_bare_level_and_a_short_type_takes_the_full_name_the_body_prints():
    """市城管执法局2020年…报告 in the title, 吕梁市城市管理行政执法局 as compiler and contact: the full name."""
    paragraphs = ["本年度报告由吕梁市城市管理行政执法局按照有关要求编制。如有疑问，请与吕梁市城市管理行政执法局联系。"]
    found = find_agency("市城管执法局2020年政府信息公开工作年度报告", paragraphs)
    assert found.name == "吕梁市城市管理行政执法局"


def test_a_guide_the_agency_says_it_revised_names_it():
    """修定《某区水利局政府信息公开指南（2025年版）》: 修定 is 修订's other spelling."""
    paragraphs = ["按照政务公开工作要求，修定《拉萨市城关区水利局政府信息公开指南（2025年版）》，加强依申请公开制度建设。"]
    assert names(own_plan(paragraphs)) == ("拉萨市城关区水利局", "拉萨市城关区水利局")


def test_a_system_named_in_the_title_is_its_head_office_the_text_prints():
    """青海省邮政管理系统2021年…报告 and 青海省邮政管理局高度重视…: the office that heads the system."""
    title = "青海省邮政管理系统2021年政府信息公开年度报告"
    paragraphs = ["一、总体情况", "2021年，青海省邮政管理系统坚持把加强政府信息公开作为重要抓手。",
                  "（一）加强组织领导。青海省邮政管理局高度重视政府信息公开工作。"]
    assert names(system_head(title, paragraphs)) == ("青海省邮政管理局", "青海省邮政管理局")
    assert find_agency(title, paragraphs).name == "青海省邮政管理局"
    assert system_head(title, paragraphs[:2]) is None  # the office itself is never printed: no guess


def test_a_placed_subject_never_runs_over_what_the_subject_does():
    """青海省邮政管理系统坚持把加强政府信息公开…: no agency ends at 政府 inside the sentence."""
    paragraphs = ["一、总体情况", "2021年，青海省邮政管理系统坚持把加强政府信息公开作为推进服务型政府建设的重要抓手。"]
    assert first_sentence(paragraphs) is None


def test_a_subject_ends_before_zhuyao():
    """某区人民政府某街道办事处主要通过…: 主要 is what the subject does, so the whole name is the subject,
    not the district's government that opens it."""
    found = subject_of("北京市西城区人民政府月坛街道办事处主要通过区政府网站公开机构职能。", "first_sentence")
    assert names(found) == ("北京市西城区人民政府月坛街道办事处",) * 2


def test_a_place_counting_what_it_published_is_its_government():
    """2019年吕梁市共主动公开信息…条 under （一）主动公开情况: the city's government reports."""
    paragraphs = ["一、总体情况", "（一）主动公开情况", "2019年吕梁市共主动公开信息共计2080条。其中通过政府网站公开1865条。"]
    assert names(first_sentence(paragraphs)) == ("吕梁市人民政府", "吕梁市")
    office = ["一、总体情况", "（一）主动公开情况。2021年，拉萨市招商中心办公室共主动公开各类政府信息82条。"]
    assert first_sentence(office).name == "拉萨市招商中心"  # an agency's office counting: the agency, no government


def test_a_bare_level_department_is_placed_by_its_own_channels_name():
    """市商务局 with “吕梁商务”微信公众号: the city's stem and the type's name its own channel."""
    paragraphs = ["一、总体情况", "2022年，市商务局坚持公开为常态，积极依法推进政府信息公开工作。",
                  "我局开设有门户网站和“吕梁商务”微信公众号，及时推送政务信息。"]
    assert find_agency(None, paragraphs).name == "吕梁市商务局"
    county = ["一、总体情况", "2023年，市发展和改革局政务公开工作在市委、市政府的领导下稳步推进。",
              "“韩城发改”微信公众号共发布信息216条。"]
    assert find_agency(None, county).name == "韩城市发展和改革局"  # a county-level city's stem, 发改 for 发展和改革
    other = ["一、总体情况", "2022年，市商务局坚持公开为常态。", "组织干部使用“学习强国”学习平台。"]
    assert find_agency(None, other).name == "市商务局"  # a channel that names no place: no guess


def test_a_bare_level_government_office_is_placed_by_its_governments_channel():
    """市政府办公室 with “吕梁政务信息”微信公众号: a government's channels print its place's stem and 政务 (the
    government's affairs), not its type's first characters (人民): the city's government office."""
    paragraphs = ["根据条例编制本报告。", "一、总体情况", "2022年，市政府办公室按照有关要求，进一步深入贯彻条例。",
                  "通过“吕梁政务信息”微信公众号发布信息297期。"]
    assert find_agency(None, paragraphs).name == "吕梁市人民政府办公室"
    other = paragraphs[:3] + ["通过“吕梁商务”微信公众号发布信息297期。"]
    assert find_agency(None, other).name == "市人民政府办公室"  # a department's channel places no government


def test_a_department_speaking_as_itself_whose_own_work_the_report_sums_up():
    """结合市水利局工作情况，特向社会公布2019年本局…报告 and 《吕梁水利信息网》: the city's water bureau."""
    paragraphs = ["根据《中华人民共和国政府信息公开条例》规定，结合市水利局工作情况，特向社会公布2019年本局信息公开年度报告。",
                  "一、总体情况", "我局的信息公开平台《吕梁水利信息网》已经建成并运行多年。"]
    assert find_agency(None, paragraphs).name == "吕梁市水利局"
    party = ["根据规定，结合市委市政府工作实际，特向社会公布2019年本局信息公开年度报告。", "一、总体情况"]
    assert find_agency(None, party) is None  # a government's work is not the bureau's own


def test_a_department_without_place_or_level_is_of_the_one_place_whose_government_it_names_by_level():
    """发改局 (no place, no level), 《韩城市推进…方案》 and 市政府政务公开办: 韩城市's bureau."""
    paragraphs = ["一、总体情况", "截至2023年底，发改局围绕深化改革、服务民生等工作不断提升服务水平。现将我局2023年信息公开工作报告如下：",
                  "根据市政府政务公开办部署，按照《韩城市推进重大建设项目批准和实施领域政府信息公开实施方案》要求完善公开平台。"]
    assert find_agency(None, paragraphs).name == "韩城市发展和改革局"
    two = paragraphs[:2] + ["根据市政府部署，学习《韩城市推进…方案》和《渭南市推进…方案》。"]
    assert find_agency(None, two).name == "发展和改革局"  # two places: no guess
    no_level = paragraphs[:2] + ["按照《韩城市推进重大建设项目批准和实施领域政府信息公开实施方案》要求完善公开平台。"]
    assert find_agency(None, no_level).name == "发展和改革局"  # the place's government not named by its level


def test_a_title_printing_its_city_and_a_bare_district_is_the_district_the_preamble_names():
    """吕梁市区自然资源局2021年…报告 (区 where the district's name belongs), 由离石区自然资源局…编制: 离石区's bureau."""
    title = "吕梁市区自然资源局2021年政府信息公开工作年度报告"
    paragraphs = ["本年度报告由离石区自然资源局结合有关统计数据编制。", "一、总体情况"]
    assert find_agency(title, paragraphs).name == "离石区自然资源局"
    elsewhere = ["本年度报告由平城区自然资源局结合有关统计数据编制。", "一、总体情况"]  # a district of another city
    assert find_agency(title, elsewhere).name != "平城区自然资源局"


def test_a_sentence_opening_on_jiang_names_no_agency():
    """将政府信息公开工作情况作为…: 将 is no place, so 将政府 is no government."""
    paragraphs = ["一、总体情况", "2019年，我厅严格执行条例。", "(一)总体公开情况。明确专人负责。将政府信息公开工作情况作为各处室年度考核的重要依据。"]
    assert first_sentence(paragraphs) is None


def test_a_plan_the_agency_issued_names_it():
    """制发《省民政厅2019年政务公开工作实施方案》: 制发 is issuing it, like 印发."""
    found = own_plan(["制发《某某省民政厅2019年政务公开工作实施方案》，明确专人负责。"])
    assert found is not None and found.name == "某某省民政厅"


def test_a_place_after_two_adverbials_is_the_first_sentences_subject():
    """2021年，在A的领导下，在B的指导下，某区认真贯彻…: the place stands for its government."""
    paragraphs = ["一、总体情况",
                  "2021年，在市委市政府信息公开工作领导小组的领导下，在市政府信息与政务公开办公室的指导下，乐都区认真贯彻落实条例。"]
    found = first_sentence(paragraphs)
    assert found is not None and found.name == "乐都区人民政府"


def test_a_state_farm_is_an_agency_of_its_own():
    found = from_title("园艺场2020年政府信息公开工作年度报告")
    assert found is not None and found.name == "园艺场"


def test_a_quoted_regulation_is_no_report_name():
    """按《某市政府信息公开规定》的要求编制本报告: the regulation's issuer is not the reporting agency."""
    paragraphs = ["根据《内蒙古自治区政府信息公开工作年度报告制度》和《鄂尔多斯市政府信息公开规定》的要求编制本报告。"
                  "年报通过达拉特旗林业和草原局网站全文公开，如有疑问请与我局联系。",
                  "一、基本情况概述", "我局成立了政务公开领导小组。"]
    assert embedded(paragraphs) is None


def test_a_verb_of_completion_before_the_name_is_not_part_of_it():
    """编制完成某市某局2021年政府信息公开工作年度报告: 完成 closes the verb, the name starts after it."""
    found = find_agency(None, ["根据上级要求和市委、市政府安排部署,编制完成江山市民政局2021年政府信息公开工作年度报告。"])
    assert found is not None and found.name == "江山市民政局"


def test_a_bare_level_name_takes_its_place_from_a_printing_with_it():
    """市住房公积金管理中心某分中心 in the title, 台州市… with its place in a sentence of the preamble."""
    title = "市住房公积金管理中心仙居分中心2022年政府信息公开工作年度报告"
    body = ["为贯彻落实《条例》,台州市住房公积金管理中心仙居分中心认真开展各项工作,现将情况报告如下。", "一、总体情况"]
    assert names(find_agency(title, [title, *body])) == ("台州市住房公积金管理中心仙居分中心",) * 2
    # two places printed before it: which one is the agency's cannot be told
    body = ["台州市住房公积金管理中心仙居分中心与丽水市住房公积金管理中心仙居分中心联合开展工作。", "一、总体情况"]
    assert names(find_agency(title, [title, *body]))[0] == "市住房公积金管理中心仙居分中心"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("成立县水利局宣传信息报道工作领导小组,由局长任组长,办公室同志为成员。", ("县水利局", "县水利局")),
        ("及时调整某区统计局网站建设和信息公开工作领导小组。", ("某区统计局", "某区统计局")),
    ],
)
def test_working_group_with_its_topic_before_the_words_working_group(text, expected):
    # a group for 宣传信息报道 or 网站建设 is still the agency's own; the topic stands between name and 工作领导小组
    assert names(working_group([text])) == expected


def test_working_group_topic_is_never_a_whole_clause():
    assert working_group(["成立县水利局,负责全县水利工作,同时调整工作领导小组。"]) is None
    # nor the rest of the name (the office is the agency) nor a role in the group
    assert names(working_group(["成立县政府办公室网站建设工作领导小组。"])) == ("县人民政府办公室", "县政府办公室")
    assert working_group(["成立县水利局为组长单位的防汛工作领导小组。"]) is None


def test_own_plan_drawn_up_and_issued():
    # 研究制定下发了《某区司法局2019年政务公开工作要点》: the agency's own plan for the year
    text = "2019年,我局研究制定下发了《某区司法局2019年政务公开工作要点》,明确了全年政务公开工作计划。"
    assert names(own_plan([text])) == ("某区司法局", "某区司法局")


def test_an_office_reporting_for_itself_takes_its_fuller_name_from_the_contact_line():
    # the preamble names the office by its district alone, the contact line with its city too
    paragraphs = [
        "根据《条例》规定,编制江北区人民政府办公室2024年政府信息公开工作年度报告。"
        "如对本年度报告有疑问,请联系宁波市江北区人民政府办公室,联系电话:0571-12345678。",
        "一、总体情况",
        "2024年以来,我区通过不同渠道和方式公开政府信息3200余条。",
    ]
    assert find_agency(None, paragraphs).name == "宁波市江北区人民政府办公室"


def test_a_service_centre_on_the_contact_line_answers_for_the_government_that_speaks():
    # a banner's own report, compiled from all its towns and departments, names on its contact line only the
    # centre that runs its website; the report speaks as the banner (我旗)
    paragraphs = [
        "本报告根据《条例》规定,汇总全旗各苏木乡镇人民政府、旗直各部门政府信息公开工作情况编制而成。"
        "如对本报告有任何疑问,请与四子王旗电子政务网站服务中心联系(联系电话:0474-1234567)。",
        "一、总体情况",
        "2024年,我旗认真贯彻落实《条例》相关要求,积极主动公开政府信息。",
    ]
    assert find_agency(None, paragraphs).name == "四子王旗人民政府"


def test_a_centre_reporting_for_itself_keeps_its_name():
    paragraphs = [
        "如对本报告有任何疑问,请与某市公共资源交易中心联系(联系电话:0474-1234567)。",
        "一、总体情况",
        "2024年,我中心认真贯彻落实《条例》相关要求。",
    ]
    assert find_agency(None, paragraphs).name.endswith("公共资源交易中心")
def test_a_contact_unit_of_the_government_of_the_place_that_speaks_is_that_government():
    """请联系某某县政府政务服务中心 in a report that speaks as 我县: the county's own report."""
    opening = ["根据《条例》要求,特向社会公布2023年政府信息公开工作年度报告。如对本报告有疑问,请联系某某县政府政务服务中心。",
               "一、总体情况", "2023年,我县坚持以习近平新时代中国特色社会主义思想为指导。"]
    assert contact(opening).name == "某某县人民政府"
    # a report that never speaks as the county: the centre itself
    assert contact(opening[:2] + ["2023年,本中心坚持公开为常态。"]).name == "某某县政府政务服务中心"


def test_a_report_that_issued_its_governments_gazette_is_that_governments():
    """全年共印发《某某市人民政府公报》6期 and no agency named anywhere: the city government's own report."""
    opening = ["本年度报告根据《条例》编制。", "一、总体情况",
               "(一)主动公开情况。强化重点领域公开。全年共印发《某某市人民政府公报》6期,在门户网站设置专栏。"]
    assert find_agency(None, opening).name == "某某市人民政府"
    # a department that publishes in the gazette issues none
    assert find_agency(None, opening[:2] + ["(一)主动公开情况。在《某某市人民政府公报》上公开文件3件。"]) is None


def test_a_subdistrict_named_alone_takes_its_printing_after_its_district():
    """渝中区's 七星岗街道 named alone in the first sentence and in full in its guide's name."""
    opening = ["一、总体情况", "2023年,七星岗街道认真落实《条例》相关要求。",
               "在区政府门户网站公布《重庆市渝中区七星岗街道办事处信息公开指南》。"]
    assert find_agency(None, opening).name == "重庆市渝中区七星岗街道办事处"
    # a district that does not hold it is no part of its name
    other = opening[:2] + ["在区政府门户网站公布《重庆市江北区七星岗街道办事处信息公开指南》。"]
    assert find_agency(None, other).name == "七星岗街道办事处"


def test_a_district_department_found_last_takes_its_printing_after_its_city():
    """A report that speaks as 我局 and prints its name only in the body, after its municipality each time:
    that fullest printing, as any other finder's answer takes it."""
    opening = ["一、总体情况", "(一)组织领导情况", "我局政府信息公开工作由局办公室负责具体承办。",
               "1.机构信息:天津市河西区体育局主要通过区政府网站对机关职能进行了公开。",
               "2.财政信息:天津市河西区体育局通过区政府网站按时公开了财政预决算情况。"]
    assert find_agency(None, opening).name == "天津市河西区体育局"
    # a city that does not hold the district is no part of its name
    other = [t.replace("天津市", "南京市") for t in opening]
    assert find_agency(None, other).name == "河西区体育局"


def test_a_department_speaking_as_wo_ju_named_by_its_own_rules_or_plan():
    """A report that names itself only in the name of its own disclosure rules (《A信息公开实施办法》) or of a
    year's plan it published (发布了A2024年双随机抽查计划), and speaks as 我局: that department, however long
    its kind's name (人力资源和社会保障局)."""
    rules = ["一、总体情况", "(一)强化落实政务公开规章制度",
             "我局制定了《2020年政务公开工作方案》,依据《本溪市人力资源和社会保障局信息公开实施办法》等制度规范政务公开工作。"]
    assert find_agency(None, rules).name == "本溪市人力资源和社会保障局"
    plan = ["2024年,我局认真贯彻落实《中华人民共和国政府信息公开条例》,按照江汉区2024年政府信息公开工作年度报告编制有关要求,"
            "编制政府信息公开年度报告。", "一、总体情况",
            "我局通过政府门户网站发布信息共175条。在“双随机、一公开”子栏目发布了江汉区卫健局2024年双随机抽查计划及抽查结果。"]
    found = find_agency(None, plan)
    assert found is not None and found.name == "江汉区卫生健康局"
    # the district's requirements for compiling reports are no report's name
    assert find_agency(None, plan[:2]) is None


# held20: forms of older reports (2008-2018) and vertical branches


def test_first_sentence_never_starts_with_a_verb_of_setting_up():
    """2010年，成立某市政府信息公开工作领导小组…: the sentence has no subject; 成立 is its verb, no agency's
    first word (it had been read as 成立营口市人民政府)."""
    paragraphs = ["一、总体工作情况", "（一）组织机构建设",
                  "2010年，成立营口市政府信息公开工作领导小组，并下设营口市政府信息公开工作办公室。"]
    found = first_sentence(paragraphs)
    assert found is None or not found.name.startswith("成立")
    found = find_agency("营口市2015年度政府信息公开工作报告", paragraphs)
    assert found is not None and found.name == "营口市人民政府"


@pytest.mark.parametrize("verb", ["设立", "组建", "调整"])
def test_first_sentence_other_verbs_of_setting_up(verb):
    paragraphs = ["一、概述", f"2012年，{verb}本溪市政府信息公开工作领导小组，明确专人负责。"]
    found = first_sentence(paragraphs)
    assert found is None or not found.name.startswith(verb)


def test_embedded_name_opening_on_gathering_verb_is_no_agency():
    """本报告…综合市政府各部门和各县市区政府的政府信息公开年度报告编制而成: the reports a city's report gathers,
    never its agency; the contact line names it."""
    paragraphs = [
        "本报告根据《中华人民共和国政府信息公开条例》，综合市政府各部门和各县市区政府的政府信息公开年度报告编制而成。"
        "如对本报告有任何疑问，请与渭南市人民政府信息公开工作领导小组办公室联系（地址：某路1号）。",
        "一、概述",
        "2010年，我市认真贯彻落实《条例》，政府信息公开各项工作取得新进展。",
    ]
    assert embedded(paragraphs) is None
    found = find_agency(None, paragraphs)
    assert found is not None and found.name == "渭南市人民政府"


@pytest.mark.parametrize("verb", ["综合", "汇总"])
def test_embedded_gathered_list_either_verb(verb):
    paragraphs = [f"本报告{verb}县政府各部门、各乡镇人民政府的政府信息公开年度报告编制。"]
    found = embedded(paragraphs)
    assert found is None or not found.name.startswith(verb)


def test_bare_type_yields_to_its_branch_printed_in_full():
    """特向社会公布2011年度质监局信息公开工作年度报告 names only the type; the contact line and the first sentence
    print the reporting branch in full (某市质量技术监督局某区分局): the branch reports."""
    paragraphs = [
        "根据《中华人民共和国政府信息公开条例》，特向社会公布2011年度质监局信息公开工作年度报告。"
        "如对本报告有任何疑问，请与嘉兴市质量技术监督局南湖分局办公室联系（电话：0573-1234567）。",
        "一、基本情况",
        "嘉兴市质量技术监督局南湖分局在2011年政府信息公开工作中，坚持以科学发展观为统领。",
    ]
    found = find_agency(None, paragraphs)
    assert found is not None and found.name == "嘉兴市质量技术监督局南湖分局"


def test_bare_type_does_not_yield_to_another_type_with_a_branch_word():
    """A place's other bureau (某市公安局某区分局) is no branch of the bare 质监局 the report names."""
    paragraphs = [
        "特向社会公布2011年度质监局信息公开工作年度报告。如对本报告有任何疑问，请与嘉兴市公安局南湖分局联系。",
    ]
    found = find_agency(None, paragraphs)
    assert found is None or found.name != "嘉兴市公安局南湖分局"


def test_bare_zone_placed_by_its_own_channel():
    """A zone body that calls itself 高新区 throughout (由高新区信息公开领导小组办公室负责编制, 2016年，高新区…) and
    names its own channel by its city's stem (洛阳高新微信公众号, unquoted): that city's zone (held20 033)."""
    paragraphs = [
        "本报告依据《中华人民共和国政府信息公开条例》有关规定，由高新区信息公开领导小组办公室负责编制。",
        "一、 基本情况概述",
        "2016年，高新区认真贯彻落实国务院办公厅关于2016年政府信息公开工作精神。",
        "2016年，高新区加强并逐步规范政务网站、内网、洛阳高新微信公众号、手机报等信息平台建设。",
    ]
    found = find_agency(None, paragraphs)
    assert found is not None and found.name.startswith("洛阳高新")  # the list's 洛阳高新技术产业开发区


@pytest.mark.parametrize("channel", ["“郑州经开”微信公众号", "郑州经开政务微博"])
def test_bare_zone_kind_placed_by_channel_quoted_or_not(channel):
    paragraphs = ["一、概述", "2017年，经开区认真贯彻落实《条例》。", f"通过{channel}发布信息120条。"]
    found = find_agency(None, paragraphs)
    assert found is not None and found.name.startswith("郑州经")


def test_bare_zone_stays_bare_when_the_channel_names_no_zone():
    """A channel whose stem makes no zone the list knows (某某高新微信公众号) places nothing."""
    paragraphs = ["一、概述", "2016年，高新区认真贯彻落实《条例》。", "通过高新微信公众号发布信息。"]
    found = find_agency(None, paragraphs)
    assert found is None or found.name == "高新区"


@pytest.mark.parametrize("title", ["商务局2023年政府信息公开工作年度报告", None])
def test_department_placed_by_an_unquoted_channel(title):
    """A department printed as 商务局 (title) and 市商务局 (body), whose own channel the body names without quotes
    by its city's stem and its type's (依托义乌商务微信公众号平台), deep below a page's chrome: that city's
    department. The names are a real city's and a common type's, the sentences written for the test."""
    chrome = [f"•栏目{i}:" for i in range(18)]
    paragraphs = chrome + [
        "根据《条例》规定编制本报告。",
        "一、总体情况",
        "(一)主动公开",
        "2023年度市商务局通过政府网站主动公开政务信息114条。依托义乌商务微信公众号平台,发布工作动态360条。",
    ]
    found = find_agency(title, paragraphs)
    assert found is not None and found.name == "义乌市商务局"


def test_unquoted_channel_of_another_place_type_places_nothing():
    """A channel whose name does not close on the department's type stem (义乌商务局网站 is the bureau's own
    site name, read by other rules) or whose stem names no place (某某商务微信公众号) leaves the name unplaced."""
    paragraphs = ["一、总体情况", "2023年度市商务局通过某某商务微信公众号发布工作动态360条。"]
    found = find_agency("商务局2023年政府信息公开工作年度报告", paragraphs)
    assert found is None or found.name in ("商务局", "市商务局")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("2019年,根据县政府的工作要求和部署,自然资源局认真贯彻落实《条例》,强化工作措施。", "自然资源局"),
        ("2021年,按照市政府统一安排,某某市审计局扎实推进政府信息公开工作。", "某某市审计局"),
        # the instruction is the government's, the sentence has no agency of its own: none
        ("2020年,根据县政府的工作要求,全县政府信息公开工作有序推进。", None),
    ],
)
def test_first_sentence_after_the_instruction_followed(sentence, expected):
    """2019年,根据县政府的工作要求和部署,A认真贯彻…: the instruction the agency follows stands before its
    name, as 在某某的领导下 does; the agency is the subject after it."""
    found = first_sentence(["一、总体情况", sentence])
    assert (found.name if found else None) == expected
def test_a_government_and_a_zone_committee_sharing_one_seat_name_the_government():
    """广州市某区人民政府 某开发区管委会 (one body with two names, printed one after the other; the display form drops
    the space): the government, named first, reports (held27 064)."""
    assert shared_seat_first("广州市南沙区人民政府广州南沙开发区管委会") == "广州市南沙区人民政府"
    assert shared_seat_first("南沙区人民政府广州南沙经济技术开发区管理委员会") == "南沙区人民政府"
    # no zone's committee after the government: one body, left to the other rules
    assert shared_seat_first("铁西区人民政府兴华街道办事处") is None  # a subdistrict office under its district
    assert shared_seat_first("某县人民政府办公室") is None
    assert shared_seat_first("某县人民政府外事办公室") is None
    assert shared_seat_first("广州南沙开发区管委会") is None  # a committee alone
    assert shared_seat_first("某县人民政府开发区管委会") is None  # a zone named by its kind alone: the government's own


def test_shared_seat_opening_names_the_government():
    paragraphs = [  # in the display form, which drops the space printed between the two names
        "根据《中华人民共和国政府信息公开条例》规定，现公布广州市南沙区人民政府广州南沙开发区管委会2023年政府信息公开工作年度报告。",
        "一、总体情况",
        "2023年，广州市南沙区人民政府广州南沙开发区管委会坚持以人民为中心，全面推进政务公开。",
    ]
    found = find_agency(None, paragraphs)
    assert found is not None and found.name == "广州市南沙区人民政府"


def test_an_address_is_no_fuller_printing_of_the_agency():
    """地址:安徽省池州市青阳县陵阳镇人民政府三楼: where the office sits, not the township government's name; the
    name stays as the contact line prints it (青阳县陵阳镇). A preamble printing the whole chain as the report's
    agency still gives it."""
    contact_only = ["本报告中所列数据的统计期限自2024年1月1日至2024年12月31日。如对本报告有任何疑问,请与青阳县陵阳镇办公室"
                    "联系,地址:安徽省池州市青阳县陵阳镇人民政府三楼,电话:0566-0000000。", "一、总体情况",
                    "2024年,我镇主动公开信息200条。"]
    assert find_agency(None, contact_only).name == "青阳县陵阳镇人民政府"
    named = ["现将安徽省池州市青阳县陵阳镇人民政府2024年政府信息公开工作年度报告公布如下。如对本报告有任何疑问,"
             "请与青阳县陵阳镇办公室联系。", "一、总体情况"]
    assert find_agency(None, named).name == "安徽省池州市青阳县陵阳镇人民政府"


def test_a_short_type_printed_in_full_after_the_same_place_is_the_agency_s_name():
    # the title prints 住建局, which the closed list spells 住房和城乡建设局; the page prints the agency's own name
    title = "2025年和顺县住建局政府信息公开工作年度报告"
    body = ["一、总体情况", "2025年，我局坚持以公开为常态。"]
    line_above = ["和顺县住房和城乡建设管理局", title, "发布日期:2026-01-16"] + body
    assert names(find_agency(title, line_above)) == ("和顺县住房和城乡建设管理局", "和顺县住房和城乡建设管理局")
    in_sentence = [title, "现结合和顺县住房和城乡建设管理局实际，编制本部门年度报告。"] + body
    assert find_agency(title, in_sentence).name == "和顺县住房和城乡建设管理局"
    # printed as the list spells it, or nowhere else: the list's spelling
    assert find_agency(title, [title, "和顺县住房和城乡建设局认真落实条例。"] + body).name == "和顺县住房和城乡建设局"
    assert find_agency(title, [title] + body).name == "和顺县住房和城乡建设局"
    # a unit of it after the same place, whose type the short one does not shorten: not its name
    assert find_agency(title, [title, "和顺县住房保障服务中心配合公开。"] + body).name == "和顺县住房和城乡建设局"


def test_a_cms_rows_label_glued_to_its_value_is_neither_byline_nor_signature():
    """A page's metadata box printed as lines whose labels lost their colons (来源某县某局): the label is no part of
    the agency's name, and the row is the page's metadata, not the report signing."""
    title = "乌恰县审计局2025年政府信息公开工作年度报告"
    opening = [title, "发布机构乌恰县审计局发布日期2026-01-19", "来源乌恰县审计局"]
    assert names(byline(opening, title)) == ("乌恰县审计局", "乌恰县审计局")
    assert signature(opening) is None
    assert find_agency(title, opening + ["本报告根据条例编制。"]).name == "乌恰县审计局"
