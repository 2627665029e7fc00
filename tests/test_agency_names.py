"""One spelling per agency: the name rules of indexer/fields/names.py, each on strings."""

from __future__ import annotations

import pytest

from indexer.fields.names import (
    abbreviates,
    abbreviations,
    canonical,
    complete_level_prefix,
    department_of_office,
    drop_internal_office,
    expand_type,
    is_place_name,
    is_pronoun,
    place_only_agency,
    same_agency,
    split_place,
    zone_kinds_short,
    zone_printing_pattern,
)
from indexer.gazetteer import Region

# Every entry of data/agency_abbreviations.tsv, as a real name would print it, and the name it must become.
ABBREVIATED = {
    "卫健委": ("舟山市卫健委", "舟山市卫生健康委员会"),
    "卫生健康委": ("舟山市卫生健康委", "舟山市卫生健康委员会"),
    "卫健局": ("招远市卫健局", "招远市卫生健康局"),
    "卫计委": ("某市卫计委", "某市卫生和计划生育委员会"),
    "卫生计生委": ("某市卫生计生委", "某市卫生和计划生育委员会"),
    "卫计局": ("某县卫计局", "某县卫生和计划生育局"),
    "卫生计生局": ("某县卫生计生局", "某县卫生和计划生育局"),
    "人口计生委": ("某省人口计生委", "某省人口和计划生育委员会"),  # 江西省人口计生委 (2010)
    "人口计生局": ("某县人口计生局", "某县人口和计划生育局"),
    "发改委": ("某市发改委", "某市发展和改革委员会"),
    "发展改革委": ("某市发展改革委", "某市发展和改革委员会"),
    "发改局": ("某县发改局", "某县发展和改革局"),
    "发展改革局": ("某县发展改革局", "某县发展和改革局"),
    "市场监管局": ("某市市场监管局", "某市市场监督管理局"),
    "市监局": ("某市市监局", "某市市场监督管理局"),
    "市场监管总局": ("国家市场监管总局", "国家市场监督管理总局"),
    "人社局": ("某县人社局", "某县人力资源和社会保障局"),
    "人社厅": ("某省人社厅", "某省人力资源和社会保障厅"),
    "人力资源社会保障局": ("某县人力资源社会保障局", "某县人力资源和社会保障局"),
    "人力资源社会保障厅": ("某省人力资源社会保障厅", "某省人力资源和社会保障厅"),
    "人力资源社会保障部": ("人力资源社会保障部", "人力资源和社会保障部"),
    "医保局": ("某市医保局", "某市医疗保障局"),
    "住建局": ("某县住建局", "某县住房和城乡建设局"),
    "住建厅": ("某省住建厅", "某省住房和城乡建设厅"),
    "住建委": ("某市住建委", "某市住房和城乡建设委员会"),
    "住房城乡建设局": ("某县住房城乡建设局", "某县住房和城乡建设局"),
    "住房城乡建设厅": ("某省住房城乡建设厅", "某省住房和城乡建设厅"),
    "住房城乡建设委": ("某市住房城乡建设委", "某市住房和城乡建设委员会"),
    "住房城乡建设部": ("住房城乡建设部", "住房和城乡建设部"),
    "自然资源规划局": ("某市自然资源规划局", "某市自然资源和规划局"),
    "资规局": ("某市资规局", "某市自然资源和规划局"),  # a CMS box's 发布机构 (Zhejiang)
    "环保局": ("某县环保局", "某县环境保护局"),
    "文广旅局": ("某县文广旅局", "某县文化广电和旅游局"),
    "文广新局": ("某县文广新局", "某县文化广电新闻出版局"),
    "应急局": ("某县应急局", "某县应急管理局"),
    "退役军人局": ("某县退役军人局", "某县退役军人事务局"),
    "工信局": ("某市工信局", "某市工业和信息化局"),
    "工信厅": ("某省工信厅", "某省工业和信息化厅"),
    "工信委": ("某市工信委", "某市工业和信息化委员会"),
    "经信局": ("某市经信局", "某市经济和信息化局"),
    "经信委": ("某市经信委", "某市经济和信息化委员会"),
    "经济信息委": ("某区经济信息委", "某区经济和信息化委员会"),  # 重庆's districts print theirs so
    "农业农村委": ("某市农业农村委", "某市农业农村委员会"),
    "科技局": ("某市科技局", "某市科学技术局"),
    "科技厅": ("某省科技厅", "某省科学技术厅"),
    "科委": ("上海市科委", "上海市科学技术委员会"),
    "民宗局": ("某县民宗局", "某县民族宗教事务局"),
    "教体局": ("岐山县教体局", "岐山县教育体育局"),
    "人力社保局": ("温州市人力社保局", "温州市人力资源和社会保障局"),
    "交通运输委": ("重庆市某某区交通运输委", "重庆市某某区交通运输委员会"),
    "交通委": ("北京市交通委", "北京市交通委员会"),
    "人力社保厅": ("某省人力社保厅", "某省人力资源和社会保障厅"),
    "民宗委": ("某州民宗委", "某州民族宗教事务委员会"),
    "林草局": ("某县林草局", "某县林业和草原局"),
    "粮储局": ("某市粮储局", "某市粮食和物资储备局"),
    "粮食和储备局": ("某省粮食和储备局", "某省粮食和物资储备局"),  # the national bureau's own short form, provinces' too
    "国资委": ("某市国资委", "某市国有资产监督管理委员会"),
    "政府国资委": ("某自治区政府国资委", "某自治区人民政府国有资产监督管理委员会"),
    "国资局": ("某区国资局", "某区国有资产监督管理局"),
    "政府国资局": ("某区政府国资局", "某区人民政府国有资产监督管理局"),
    "机关事务局": ("某市机关事务局", "某市机关事务管理局"),
    "人防办": ("某市人防办", "某市人民防空办公室"),
    "人民防空办": ("重庆市人民防空办", "重庆市人民防空办公室"),
    "外办": ("某市外办", "某市外事办公室"),
    "侨办": ("某市侨办", "某市侨务办公室"),
    "台办": ("某市台办", "某市台湾事务办公室"),
    "编办": ("某县编办", "某县机构编制委员会办公室"),
    "食药监局": ("某县食药监局", "某县食品药品监督管理局"),
    "安监局": ("某县安监局", "某县安全生产监督管理局"),
    "质监局": ("某县质监局", "某县质量技术监督局"),
    "国土局": ("某县国土局", "某县国土资源局"),
    "管委会": ("某开发区管委会", "某开发区管理委员会"),
    "政府办": ("某县政府办", "某县人民政府办公室"),
    "政府办公室": ("某县政府办公室", "某县人民政府办公室"),
    "政府办公厅": ("某省政府办公厅", "某省人民政府办公厅"),
    "政府": ("某区政府", "某区人民政府"),
    "民委": ("西藏自治区民委", "西藏自治区民族事务委员会"),
    "城管局": ("靖江市城管局", "靖江市城市管理局"),
    "街办": ("解放路街办", "解放路街道办事处"),  # a subdistrict's office, after a known subdistrict's name
}


def test_every_abbreviation_of_the_data_file_has_a_case_here():
    assert {short for short, _ in abbreviations()} == set(ABBREVIATED)


@pytest.mark.parametrize("short", sorted(ABBREVIATED))
def test_abbreviation_entry(short):
    printed, full = ABBREVIATED[short]
    assert expand_type(printed) == full
    assert expand_type(full) == full  # already full: unchanged


def test_abbreviations_apply_to_the_end_of_a_name_only():
    assert expand_type("某县党委") == "某县党委"  # no generic 委 -> 委员会
    assert expand_type("某开发区党工委") == "某开发区党工委"
    assert expand_type("某县人民政府") == "某县人民政府"
    assert expand_type("某市卫健委办公室") == "某市卫健委办公室"  # an office of it: not the commission


def test_an_abbreviation_inside_a_compound_type_is_that_type():
    assert expand_type("某县教育科技局") == "某县教育科技局"  # one bureau of education and science
    assert expand_type("某县科技局") == "某县科学技术局"
    assert expand_type("某县人民政府办") == "某县人民政府办公室"
    assert expand_type("国家卫生健康委") == "国家卫生健康委员会"


def test_a_subdistrict_office_printed_short_needs_a_known_subdistrict():
    assert expand_type("中山路街办") == "中山路街道办事处"
    assert expand_type("某某路街办") == "某某路街办"  # no subdistrict of that name: left as printed


def test_short_autonomous_places_take_their_full_name():
    assert expand_type("甘南州卫生健康委员会") == "甘南藏族自治州卫生健康委员会"
    assert expand_type("恩施州人民政府") == "恩施土家族苗族自治州人民政府"
    assert expand_type("湘西自治州自然资源和规划局") == "湘西土家族苗族自治州自然资源和规划局"
    assert expand_type("峨山自治县教育体育局") == "峨山彝族自治县教育体育局"
    assert expand_type("舟山卫生健康委员会") == "舟山卫生健康委员会"  # a stem is not expanded to 舟山市


@pytest.mark.parametrize(
    "printed, owner",
    [
        ("某某市统计局办公室", "某某市统计局"),
        ("淮安市洪泽区人民政府办公室", "淮安市洪泽区人民政府"),
        ("舟山市卫生健康委员会办公室", "舟山市卫生健康委员会"),
        ("某县交通运输局政务公开办公室", "某县交通运输局"),
        ("某县财政局政策法规科", "某县财政局"),
        ("平潭综合实验区政府信息公开工作领导小组办公室", "平潭综合实验区"),
        ("巴中市恩阳区政府信息公开工作领导小组办公室", "巴中市恩阳区"),
        ("某县人民政府信息公开办公室", "某县人民政府"),
        ("平潭综合实验区管委会办公室", "平潭综合实验区管委会"),
        ("某某街道办事处", "某某街道办事处"),  # 办事处 is the agency
        ("临沂高新区党政办公室", "临沂高新区"),  # a zone's own office
        ("安徽舒城经济开发区综合办公室", "安徽舒城经济开发区"),
        ("本机关办公室", "本机关办公室"),  # a pronoun: no owner
        ("某市统计局", "某市统计局"),
        ("某县某乡人民政府党政综合办公室", "某县某乡人民政府"),
        ("某镇人民政府党政办", "某镇人民政府"),
        ("某某街道党政综合办", "某某街道"),  # a subdistrict's own office, printed short (请与某某街道党政综合办联系)
        ("某县民政局综合办", "某县民政局"),
        ("某镇人民政府党政综合办", "某镇人民政府"),
        ("某乡人民政府办公室政府信息公开办公室", "某乡人民政府"),  # the disclosure office of the government's office
        ("某市人民政府外事办公室", "某市人民政府外事办公室"),  # an agency of its own
        ("某县财政局信息中心", "某县财政局"),  # 请与某县财政局信息中心联系: the unit answering for its bureau
        ("某县某镇政府综合督考办公室", "某县某镇政府"),  # any office of a township's government is internal
        ("某县某乡人民政府社会事务办公室", "某县某乡人民政府"),
        ("某街道办事处综合治理办公室", "某街道办事处"),
        ("某县人民政府金融工作办公室", "某县人民政府金融工作办公室"),  # a county government's office: an agency
        ("某区教育局局党政办公室", "某区教育局"),  # the bureau's own office named by its type word (局办)
        ("某市财政局局办公室", "某市财政局"),
        ("某市卫健委委办公室", "某市卫健委"),
        ("某省交通运输厅厅办公室", "某省交通运输厅"),
        ("某县人民政府办公室", "某县人民政府"),  # guards: no type word doubled
        ("本局局办公室", "本局局办公室"),  # a pronoun's office: no owner
    ],
)
def test_drop_internal_office(printed, owner):
    assert drop_internal_office(printed) == owner


@pytest.mark.parametrize("text", ["我局", "我委", "本机关", "本机关办公室", "本单位", "我县", "本市"])
def test_pronouns(text):
    assert is_pronoun(text)


def test_names_that_start_like_pronouns_are_not():
    assert not is_pronoun("本溪市人民政府")
    assert not is_pronoun("全椒县财政局")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("上海市", True),
        ("湖口县大垅乡", True),
        ("武汉市江汉区民族街道", True),
        ("平潭综合实验区", True),
        ("沐阳县", True),  # an unknown place still ends like one
        ("舟山市卫生健康委员会", False),
        ("某县人民政府", False),
        ("中华人民共和国", False),
    ],
)
def test_is_place_name(text, expected):
    assert is_place_name(text) is expected


@pytest.mark.parametrize(
    "place, agency",
    [
        ("上海市", "上海市人民政府"),
        ("湖口县大垅乡", "湖口县大垅乡人民政府"),
        ("武汉市江汉区民族街道", "武汉市江汉区民族街道办事处"),
        ("平潭综合实验区", "平潭综合实验区"),
        ("浦东新区", "浦东新区人民政府"),  # a district that ends like a zone is a district
        ("阿里地区", "阿里地区行政公署"),  # a prefecture's government
        ("兴安盟", "兴安盟行政公署"),  # a league's government, never 兴安盟人民政府
        ("内蒙古自治区阿拉善盟", "内蒙古自治区阿拉善盟行政公署"),
        ("阿拉善盟阿拉善右旗", "阿拉善盟阿拉善右旗人民政府"),  # a banner of the league
    ],
)
def test_place_only_agency(place, agency):
    assert place_only_agency(place) == agency


@pytest.mark.parametrize(
    "name, parts",
    [
        ("威海市环翠区卫生健康局", ("威海市环翠区", "卫生健康局")),
        ("市卫生健康委员会", ("市", "卫生健康委员会")),
        ("市市场监督管理局", ("市", "市场监督管理局")),
        ("市场监督管理局", ("", "市场监督管理局")),
        ("城市管理局", ("", "城市管理局")),
        ("自然资源部", ("", "自然资源部")),
        ("沐阳县人民政府", ("沐阳县", "人民政府")),
        ("武汉东湖新技术开发区管委会", ("武汉东湖新技术开发区", "管委会")),
        ("泰州医药高新区（高港区）卫生健康委员会", ("泰州医药高新区（高港区）", "卫生健康委员会")),
        ("淮安市新新区卫生健康局", ("淮安市新新区", "卫生健康局")),  # a district too new for the gazetteer
        ("淮安市城市管理局", ("淮安市", "城市管理局")),
        ("淮安市住房和城乡建设局", ("淮安市", "住房和城乡建设局")),
    ],
)
def test_split_place(name, parts):
    assert split_place(name) == parts


def test_same_agency_with_more_of_its_place():
    assert same_agency("市卫生健康委", "舟山市卫生健康委员会")
    assert same_agency("洪泽区人民政府", "淮安市洪泽区人民政府")
    assert same_agency("华龙区卫健委", "华龙区卫生健康委员会")
    assert same_agency("上海市科委", "上海市科学技术委员会")
    assert same_agency("某某路街道办事处", "洪江区某某路街道办事处")  # a subdistrict the gazetteer lacks
    # a title's bare type, the body's name under a zone's committee
    assert same_agency("市场监督管理局", "武汉市东湖生态旅游风景区管理委员会市场监督管理局")


def test_abbreviates_keeps_first_and_last_and_the_rest_in_order():
    assert abbreviates("城管局", "城市管理局")
    assert abbreviates("卫健局", "卫生健康局")
    assert not abbreviates("城管局", "城市管理委员会")  # another ending
    assert not abbreviates("管城局", "城市管理局")  # out of order
    assert not abbreviates("自然资源厅", "自然资源厅驻湖南省政务服务大厅")  # held whole: a unit of it
    assert not abbreviates("城市管理局", "城管局")


def test_same_agency_with_a_type_shortened_outside_the_list():
    assert same_agency("临沂市规划局", "临沂市规划和自然资源局")
    assert not same_agency("临沂市规划局", "日照市规划和自然资源局")  # another place
    assert not same_agency("湖南省自然资源厅", "湖南省自然资源厅驻湖南省政务服务大厅")


def test_a_name_printed_without_its_level_character_is_the_same_agency():
    assert same_agency("威海市文登人民政府办公室", "威海市文登区人民政府办公室")
    assert not same_agency("威海市文登人民政府办公室", "威海市环翠区人民政府办公室")
    assert not same_agency("临沂高新区", "临沂市高新区")  # a zone's two names: the first printed stays


def test_a_zone_printed_with_its_kind_short_and_in_full_is_the_same_agency():
    assert same_agency("青溪经开区管理委员会", "青溪经济开发区管理委员会")
    assert same_agency("青溪高新区管理委员会", "青溪高新技术产业开发区管理委员会")
    assert not same_agency("青溪经开区管理委员会", "青溪高新技术产业开发区管理委员会")  # another kind of zone
    assert not same_agency("青溪经开区管理委员会", "白沙经济开发区管理委员会")


def test_zone_kinds_in_their_short_form():
    assert zone_kinds_short("青溪经济技术开发区管委会") == "青溪经开区管委会"
    assert zone_kinds_short("某省青溪高新技术产业开发区") == "某省青溪高新区"
    assert zone_kinds_short("青溪县人民政府") == "青溪县人民政府"


def test_a_zone_printing_pattern_finds_the_full_kind_and_the_committee():
    pattern = zone_printing_pattern("某省青溪高新区")
    found = pattern.search("可在某省青溪高新技术产业开发区管理委员会门户网站下载")
    assert found and found.group(0) == "某省青溪高新技术产业开发区管理委员会"
    assert zone_printing_pattern("青溪县财政局") is None


def test_other_agencies_are_not_the_same():
    assert not same_agency("某县人民政府", "某县人民政府办公室")  # its office
    assert not same_agency("县人民政府", "某县某镇人民政府")  # a township
    assert not same_agency("平潭综合实验区", "平潭综合实验区管委会")
    assert not same_agency("市卫生健康委员会", "舟山市市场监督管理局")
    assert not same_agency("市场监督管理局", "某县某某局市场监督管理局")  # under a bureau, not a committee


def test_complete_level_prefix_from_the_region():
    zhoushan = Region("浙江省", "舟山市", None, "330900")
    assert complete_level_prefix("市卫生健康委员会", zhoushan) == "舟山市卫生健康委员会"
    assert complete_level_prefix("市市场监督管理局", zhoushan) == "舟山市市场监督管理局"
    assert complete_level_prefix("省市场监督管理局", Region("黑龙江省", None, None, "230000")) == "黑龙江省市场监督管理局"
    huancui = Region("山东省", "威海市", "环翠区", "371002")
    assert complete_level_prefix("区卫生健康局", huancui) == "环翠区卫生健康局"
    assert complete_level_prefix("市卫生健康委员会", huancui) == "威海市卫生健康委员会"
    # a county-level city's own department calls itself 市…
    assert complete_level_prefix("市卫生健康局", Region("山东省", "烟台市", "招远市", "370685")) == "招远市卫生健康局"
    # nothing to complete with, or nothing to complete
    assert complete_level_prefix("县卫生健康局", zhoushan) == "县卫生健康局"
    assert complete_level_prefix("鼓楼区卫生健康局", Region("江苏省", "南京市", "鼓楼区", "320106")) == "鼓楼区卫生健康局"
    assert complete_level_prefix("市场监督管理局", zhoushan) == "市场监督管理局"


def test_canonical_drops_a_bracketed_second_name_and_spells_the_type_out():
    assert canonical("某县人民政府办公室（县政务服务中心）") == "某县人民政府办公室"
    assert canonical("舟山市卫健委") == "舟山市卫生健康委员会"


def test_canonical_leaves_out_the_agencys_own_office_reporting_with_it():
    assert canonical("某地区行政公署及办公室") == "某地区行政公署"
    assert canonical("某县人民政府及其办公室") == "某县人民政府"
    # a bare office, or an office that is no agency's own, stays
    assert canonical("某县人民政府办公室") == "某县人民政府办公室"
    assert canonical("综合及办公室") == "综合及办公室"


def test_the_data_file_holds_no_generic_ending():
    assert not {"委", "局", "办", "厅"} & {short for short, _ in abbreviations()}


@pytest.mark.parametrize(
    "place, agency",
    [
        ("赣县区人民政府田村镇", "赣县区田村镇人民政府"),  # 请与赣县区人民政府田村镇办公室联系
        ("某县人民政府某某乡", "某县某某乡人民政府"),
        ("鼓楼区人民政府华侨路街道", "鼓楼区人民政府华侨路街道办事处"),  # a subdistrict's official name keeps it
    ],
)
def test_a_county_government_before_one_of_its_townships(place, agency):
    assert place_only_agency(place) == agency


def test_a_bare_level_and_a_short_type_is_the_placed_full_name():
    """市城管执法局 / 德州市城市管理行政执法局: the title's shortening of the body's name."""
    assert same_agency("市城管执法局", "德州市城市管理行政执法局")
    assert not same_agency("市城管执法局", "德州市城市管理局")  # 执法 is not in it: another office


def test_an_agencys_own_information_office_is_the_agency():
    """请与某县林业局政府信息办公室联系: the 政府信息办公室 (without 公开) is the agency's own office too."""
    assert drop_internal_office("青山县林业局政府信息办公室") == "青山县林业局"
    assert drop_internal_office("青山县林业局政务信息办公室") == "青山县林业局"
    assert drop_internal_office("政府信息办公室") == "政府信息办公室"  # no agency before it: left alone


def test_the_website_an_agency_reports_on_is_the_agency():
    """某厅政府网站2017年政府信息公开工作年度报告: the title names the agency through its website."""
    assert canonical("甘肃省交通运输厅政府网站") == "甘肃省交通运输厅"
    assert canonical("某市统计局门户网站") == "某市统计局"
    assert canonical("政府网站") == "政府网站"  # no agency before it


def test_a_scenic_area_alone_stands_for_its_administration_not_a_government():
    """五台山景区 reports through its own 管委会, named as the area: never 某景区人民政府."""
    assert place_only_agency("青城山景区") == "青城山景区"
    assert place_only_agency("太湖风景名胜区") == "太湖风景名胜区"


def test_a_customs_district_is_its_customs_house():
    """湛江海关关区2023年政府信息公开工作年度报告: the district (关区) a customs house serves is that house's."""
    assert place_only_agency("汕头海关关区") == "汕头海关"


def test_the_receiving_office_a_place_names_for_its_disclosure_is_the_place():
    """请与某市政府信息公开日常受理机构某市电子政务办公室联系: the place's receiving office stands for the place."""
    assert drop_internal_office("青山市政府信息公开日常受理机构青山市电子政务办公室") == "青山市"
    assert drop_internal_office("青山县林业局政府信息公开工作机构办公室") == "青山县林业局"


@pytest.mark.parametrize(
    "name, department",
    [
        ("县民政局办公室", "县民政局"),
        ("某市教育局综合办公室", "某市教育局"),
        ("某县人民政府办公室", "某县人民政府办公室"),  # a government's office is an agency
        ("某县民政局", "某县民政局"),
        ("办公室", "办公室"),
        ("我局办公室", "我局办公室"),  # a pronoun's office names no agency
    ],
)
def test_department_of_office(name, department):
    assert department_of_office(name) == department
