"""Report openings written the way real sites publish them, through the whole field pipeline.

Each opening is a few lines of a report as a reader or a crawler saves it
(page chrome, metadata rows, labels glued to titles, no title at all, an
agency named only in the body or a contact line, abbreviations, zones, OCR
misreadings) with the fields a careful reader gives it, written here by
hand. They go through the text reader and `extract.record_of`, as any file
does. None of them is a real report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.openings import BODY, check, record
from indexer.extract import extract


def saved_and_read(tmp_path: Path, text: str):
    """The record of the opening saved as a text file and read by the file reader (which finds its tables)."""
    saved = tmp_path / "opening.txt"
    saved.write_text(text, encoding="utf-8")
    return extract(saved)


def region(province=None, city=None, county=None, zone=None) -> dict:
    return {"province": province, "city": city, "county": county, "zone": zone}


OPENINGS = {
    # ---- titles after page chrome
    "widget_line_above_a_preamble_naming_the_agency": (
        "首页 | 政务公开 | 政府信息公开年报\n当前位置：首页 > 政务公开 > 政府信息公开年报\n【字体：大 中 小】 打印本页 关闭窗口\n"
        "郑州高新区石佛办事处向社会公布2021年度本级政府信息公开年度报告。本报告全文由六个部分组成。\n"
        "一、总体情况\n2021年，石佛办事处主动公开政府信息96条。\n" + BODY,
        dict(agency="郑州高新区石佛办事处", agency_level="township", province="河南省", city="郑州市", year=2021),
    ),
    "site_footer_of_another_province": (
        "市审计局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我局以乌鲁木齐市人民政府网站部门网页为平台，"
        "主动公开财政预决算等信息。平台版面由乌鲁木齐市人民政府网站统一设计规划。\n" + BODY + "\n版权所有：湖北省人民政府办公厅 主办单位：湖北省人民政府办公厅\n"
        "网站标识码：4200000001 鄂ICP备05003311号 鄂公网安备42010602000001号\n技术支持：某某科技有限公司 联系我们 网站地图\n",
        dict(agency="乌鲁木齐市审计局", agency_level="city", province="新疆维吾尔自治区", city="乌鲁木齐市", county=None),
    ),
    "chrome_breadcrumb_widgets": (
        "首页 > 政务公开 > 政府信息公开年报\n【字体：大 中 小】 【打印】 【关闭】\n"
        "东营市生态环境局2022年政府信息公开工作年度报告\n发布时间：2023-01-18 来源：东营市生态环境局\n"
        "一、总体情况\n2022年，东营市生态环境局认真贯彻《条例》，主动公开政府信息286条。\n" + BODY,
        dict(title="东营市生态环境局2022年政府信息公开工作年度报告", agency="东营市生态环境局", agency_level="city",
             province="山东省", city="东营市", county=None, year=2022, published="2023-01-18"),
    ),
    "cms_metadata_row": (
        "索引号：11370500MB2856432X/2023-00012 | 发布机构：东营市统计局 | 分类：政府信息公开年报\n"
        "东营市统计局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开政府信息97条。\n" + BODY,
        dict(title="东营市统计局2022年政府信息公开工作年度报告", agency="东营市统计局", agency_level="city",
             city="东营市", year=2022),
    ),
    "widget_label_glued_to_title": (
        "公报标题烟台市芝罘区人民政府2021年政府信息公开工作年度报告\n大中小\n一、总体情况\n"
        "2021年，芝罘区人民政府主动公开政府信息1820条。\n" + BODY,
        dict(title="烟台市芝罘区人民政府2021年政府信息公开工作年度报告", agency="烟台市芝罘区人民政府",
             agency_level="county", city="烟台市", county="芝罘区", year=2021),
    ),
    "font_size_widget_before_title": (
        "大中小烟台市芝罘区司法局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开信息66条。\n" + BODY,
        dict(title="烟台市芝罘区司法局2022年政府信息公开工作年度报告", agency="烟台市芝罘区司法局", county="芝罘区"),
    ),
    "site_column_before_the_title": (
        "政府信息公开年报\n政府信息公开工作年度报告\n南宁市兴宁区教育局2023年度政府信息公开工作年度报告\n"
        "一、总体情况\n2023年，我局主动公开政府信息150条。\n" + BODY,
        dict(title="南宁市兴宁区教育局2023年度政府信息公开工作年度报告", agency="南宁市兴宁区教育局",
             agency_level="county", province="广西壮族自治区", county="兴宁区", year=2023),
    ),
    "title_without_agency_then_agency_then_title": (
        "2021年政府信息公开工作年度报告\n绵阳市涪城区民政局\n绵阳市涪城区民政局2021年政府信息公开工作年度报告\n"
        "一、总体情况\n2021年，我局主动公开信息120条。\n" + BODY,
        dict(title="绵阳市涪城区民政局2021年政府信息公开工作年度报告", agency="绵阳市涪城区民政局",
             county="涪城区", year=2021),
    ),
    "breadcrumb_ending_in_the_title": (
        "当前位置：首页 > 信息公开 > 年度报告 > 嘉兴市南湖区司法局2022年政府信息公开工作年度报告\n"
        "一、总体情况\n2022年，我局主动公开信息80条。\n" + BODY,
        dict(title="嘉兴市南湖区司法局2022年政府信息公开工作年度报告", agency="嘉兴市南湖区司法局", county="南湖区"),
    ),
    "markdown_heading_title": (
        "# 济宁市任城区自然资源局2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"
        "2024年，我局主动公开信息210条。\n" + BODY,
        dict(title="济宁市任城区自然资源局2024年政府信息公开工作年度报告", agency="济宁市任城区自然资源局",
             agency_level="county", county="任城区", year=2024),
    ),
    "crawler_header_lines": (
        "标题: 南平市延平区财政局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-22 10:30\n文号:\n"
        "发布机构: 南平市延平区财政局办公室\n栏目: 政府信息公开年报\n==== 正文 ====\n"
        "一、总体情况\n2023年，我局主动公开信息130条。\n" + BODY,
        dict(title="南平市延平区财政局2023年度政府信息公开工作年度报告", agency="南平市延平区财政局",
             county="延平区", year=2023, published="2024-01-22"),
    ),
    "year_first_title_split_over_two_lines": (
        "2024年济宁市任城区交通运输局政府信息公开\n工作年度报告\n一、总体情况\n2024年，我局主动公开信息95条。\n" + BODY,
        dict(title="2024年济宁市任城区交通运输局政府信息公开工作年度报告", agency="济宁市任城区交通运输局",
             county="任城区", year=2024),
    ),
    "year_first_title": (
        "2023年度长沙市岳麓区市场监督管理局政府信息公开工作年度报告\n一、总体情况\n"
        "2023年，区市场监管局主动公开信息312条。\n" + BODY,
        dict(title="2023年度长沙市岳麓区市场监督管理局政府信息公开工作年度报告",
             agency="长沙市岳麓区市场监督管理局", agency_level="county", county="岳麓区", year=2023),
    ),
    "title_with_guanyu": (
        "关于德阳市旌阳区审计局2021年度政府信息公开工作年度报告\n一、总体情况\n2021年，我局主动公开信息48条。\n" + BODY,
        dict(agency="德阳市旌阳区审计局", county="旌阳区", year=2021),
    ),
    "agency_with_bracketed_second_name": (
        "眉山市东坡区人民政府办公室（区政府外事办公室）2022年政府信息公开工作年度报告\n一、总体情况\n"
        "2022年，区政府办公室主动公开信息400条。\n" + BODY,
        dict(agency="眉山市东坡区人民政府办公室", agency_level="county", county="东坡区", year=2022),
    ),
    # ---- no title, or a title without the agency: the agency in the body
    "compiler_in_preamble_and_statistics_year": (
        "本报告由滁州市来安县人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。"
        "本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n"
        "2022年，我县坚持以习近平新时代中国特色社会主义思想为指导。\n" + BODY,
        dict(agency="滁州市来安县人民政府", agency_level="county", province="安徽省", city="滁州市",
             county="来安县", year=2022),
    ),
    "report_name_after_bianzhi": (
        "根据《中华人民共和国政府信息公开条例》要求，编制宁波市鄞州区住房和城乡建设局2022年政府信息公开工作年度报告。\n"
        "一、总体情况\n2022年，我局主动公开信息170条。\n" + BODY,
        dict(agency="宁波市鄞州区住房和城乡建设局", agency_level="county", county="鄞州区", year=2022),
    ),
    "report_name_after_gongbu": (
        "根据《条例》规定，特向社会公布2021年度酒泉市肃州区财政局政府信息公开工作年度报告。\n"
        "一、总体情况\n2021年，我局主动公开信息60条。\n" + BODY,
        dict(agency="酒泉市肃州区财政局", county="肃州区", year=2021),
    ),
    "report_name_after_xianfabu": (
        "政府信息公开工作年度报告\n现发布三明市沙县区农业农村局2022年度政府信息公开工作情况报告如下。\n"
        "一、总体情况\n2022年，我局主动公开信息75条。\n" + BODY,
        dict(agency="三明市沙县区农业农村局", county="沙县区", year=2022),
    ),
    "first_sentence_of_section_one": (
        "2022年度政府信息公开工作年度报告\n一、总体情况\n"
        "2022年，衢州市柯城区人力资源和社会保障局认真贯彻落实《条例》，主动公开信息140条。\n" + BODY,
        dict(title="2022年度政府信息公开工作年度报告", agency="衢州市柯城区人力资源和社会保障局",
             agency_level="county", county="柯城区", year=2022),
    ),
    "first_sentence_after_an_adverbial": (
        "政府信息公开工作年度报告\n一、总体情况\n"
        "在区委、区政府的领导下，济南市历下区退役军人事务局认真贯彻《条例》，2023年主动公开信息50条。\n"
        "我局地址：济南市历下区某路1号。\n" + BODY,
        dict(agency="济南市历下区退役军人事务局", agency_level="county", county="历下区", year=2023),
    ),
    "bare_prefix_completed_from_the_context": (
        "区卫生健康局2022年政府信息公开工作年度报告\n一、总体情况\n"
        "2022年，区卫生健康局在历下区委、历下区政府领导下，主动公开信息90条，济南市历下区群众满意。\n" + BODY,
        dict(agency="历下区卫生健康局", agency_printed="区卫生健康局", agency_level="county",
             city="济南市", county="历下区", year=2022),
    ),
    "contact_line_office": (
        "2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我委主动公开信息102条。\n" + BODY
        + "如对本报告有任何疑问，请与丽水市莲都区发展和改革局办公室联系（地址：丽水市莲都区某路8号，电话：0578-1234567）。\n",
        dict(agency="丽水市莲都区发展和改革局", agency_printed="丽水市莲都区发展和改革局办公室",
             agency_level="county", county="莲都区", year=2022),
    ),
    "contact_line_keyu": (
        "2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局主动公开信息61条。\n" + BODY
        + "如有疑问，可与阜阳市颍州区医疗保障局联系。\n",
        dict(agency="阜阳市颍州区医疗保障局", county="颍州区", year=2023),
    ),
    "contact_line_qinglianxi": (
        "2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本机关主动公开信息44条。\n" + BODY
        + "请联系：阜阳市颍州区统计局办公室，地址：阜阳市颍州区某路2号。\n",
        dict(agency="阜阳市颍州区统计局", county="颍州区", year=2023),
    ),
    "contact_line_leading_group_office": (
        "2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我区主动公开信息1500条。\n" + BODY
        + "如对本报告有疑问，请与巴中市恩阳区政府信息公开工作领导小组办公室联系。\n",
        dict(agency="巴中市恩阳区人民政府", agency_level="county", county="恩阳区", year=2021),
    ),
    "contact_line_info_office_of_a_department": (
        "2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开信息88条。\n" + BODY
        + "请与韶关市浈江区交通运输局政务公开办公室联系。\n",
        dict(agency="韶关市浈江区交通运输局", county="浈江区", year=2022),
    ),
    "pronoun_office_is_no_agency": (
        "2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开信息30条。\n" + BODY
        + "如有疑问，请与本机关办公室联系。\n六、其他需要报告的事项\n无。\n吉安市吉州区水利局\n2023年1月12日\n",
        dict(agency="吉安市吉州区水利局", county="吉州区", year=2022, published="2023-01-12"),
    ),
    "office_reporting_for_itself_keeps_office": (
        "玉溪市人民政府办公室2022年政府信息公开工作年度报告\n一、总体情况\n2022年，市政府办公室主动公开信息300条。\n"
        + BODY + "如有疑问，请与玉溪市人民政府办公室联系。\n",
        dict(agency="玉溪市人民政府办公室", agency_level="city", city="玉溪市", year=2022),
    ),
    "byline_under_a_title_without_agency": (
        "2022年政府信息公开工作年度报告\n南平市延平区林业局\n2023年1月16日\n一、总体情况\n"
        "2022年，我局主动公开信息55条。\n" + BODY,
        dict(agency="南平市延平区林业局", county="延平区", year=2022, published="2023-01-16"),
    ),
    "publisher_of_the_page_only": (
        "2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开信息70条。\n" + BODY,
        dict(agency="韶关市浈江区交通运输局", county="浈江区", year=2022),
    ),
    # ---- abbreviations: one spelling per agency
    "weijianwei": (
        "株洲市卫健委2021年政府信息公开工作年度报告\n一、总体情况\n2021年，市卫健委主动公开信息230条。\n" + BODY,
        dict(agency="株洲市卫生健康委员会", agency_printed="株洲市卫健委", agency_level="city", city="株洲市"),
    ),
    "shichang_jianguanju": (
        "湘潭市市场监管局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开信息400条。\n" + BODY,
        dict(agency="湘潭市市场监督管理局", city="湘潭市", year=2022),
    ),
    "renshe_and_yibao": (
        "遂宁市人社局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开信息210条。\n" + BODY,
        dict(agency="遂宁市人力资源和社会保障局", city="遂宁市"),
    ),
    "yibaoju": (
        "南充市医保局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局主动公开信息120条。\n" + BODY,
        dict(agency="南充市医疗保障局", city="南充市", year=2023),
    ),
    "short_autonomous_prefecture": (
        "甘南州卫生健康委员会2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我委主动公开信息130条。\n" + BODY,
        dict(agency="甘南藏族自治州卫生健康委员会", agency_level="city", province="甘肃省", city="甘南藏族自治州"),
    ),
    "government_office_short": (
        "吉安市吉州区政府办2022年政府信息公开工作年度报告\n一、总体情况\n2022年，区政府办主动公开信息500条。\n" + BODY,
        dict(agency="吉安市吉州区人民政府办公室", agency_level="county", county="吉州区"),
    ),
    "bare_prefix_and_abbreviation_with_signature": (
        "区人社局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开信息80条。\n" + BODY
        + "六、其他需要报告的事项\n无。\n常州市武进区人力资源和社会保障局\n2023年1月20日\n",
        dict(agency="常州市武进区人力资源和社会保障局", agency_level="county", county="武进区",
             published="2023-01-20"),
    ),
    "province_prefix_named_once": (
        "省市场监管局2022年政府信息公开工作年度报告\n一、总体情况\n"
        "2022年，省市场监管局按照黑龙江省政务公开工作要点，主动公开信息900条。\n" + BODY,
        dict(agency="黑龙江省市场监督管理局", agency_level="province", province="黑龙江省", city=None, year=2022),
    ),
    # ---- titles headed by a place only
    "whole_government_by_place": (
        "2022年上海市政府信息公开工作年度报告\n一、总体情况\n2022年，本市主动公开政府信息5万余条。\n" + BODY,
        dict(agency="上海市人民政府", agency_level="province", province="上海市", city="上海市", year=2022),
    ),
    "township_by_place": (
        "湖口县大垅乡2025年度政府信息公开工作年度报告\n一、总体情况\n2025年，我乡主动公开信息40条。\n" + BODY,
        dict(agency="湖口县大垅乡人民政府", agency_level="township", province="江西省", city="九江市",
             county="湖口县", year=2025),
    ),
    "subdistrict_by_place": (
        "武汉市江汉区民族街道2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我街主动公开信息35条。\n" + BODY,
        dict(agency="武汉市江汉区民族街道办事处", agency_level="township", city="武汉市", county="江汉区"),
    ),
    # ---- national bodies without 国家
    "ministry": (
        "自然资源部2022年政府信息公开工作年度报告\n一、总体情况\n2022年，自然资源部在浙江省、江苏省等地开展调研。\n" + BODY,
        dict(agency="自然资源部", agency_level="national", province=None, city=None, year=2022),
    ),
    "general_administration": (
        "海关总署2021年政府信息公开工作年度报告\n一、总体情况\n2021年，海关总署主动公开信息1200条，广州海关、上海海关……\n" + BODY,
        dict(agency="海关总署", agency_level="national", province=None, year=2021),
    ),
    # ---- a customs house: its city's name and 海关 (天津海关2016年海关政府信息公开年度工作报告)
    "customs_house": (
        "您的位置:首页 > 信息公开 > 公开年报\n青岛海关2016年海关政府信息公开年度工作报告\n"
        "2016年青岛海关在海关总署的领导下，进一步加强政府信息公开工作。\n" + BODY,
        dict(agency="青岛海关", agency_level="city", province="山东省", city="青岛市", year=2016),
    ),
    # ---- a survey team of the statistics bureau, named by its city's stem (国家统计局中山调查队, 2018)
    "survey_team_by_stem": (
        "2018年国家统计局中山调查队政府信息公开工作报告\n发布时间:2019-03-20 09:51:00\n"
        "根据《中华人民共和国政府信息公开条例》，现公布2018年国家统计局中山调查队政府信息公开工作年度报告。\n"
        "一、主要工作概述\n2018年，我队认真贯彻《条例》。\n" + BODY,
        dict(agency="国家统计局中山调查队", agency_level="city", province="广东省", city="中山市", year=2018),
    ),
    "ministry_with_prc": (
        "中华人民共和国商务部2022年政府信息公开工作年度报告\n一、总体情况\n2022年，商务部主动公开信息800条。\n" + BODY,
        dict(agency="中华人民共和国商务部", agency_level="national", province=None),
    ),
    "provincial_department": (
        "湖南省教育厅2022年政府信息公开工作年度报告\n一、总体情况\n2022年，省教育厅主动公开信息600条。\n" + BODY,
        dict(agency="湖南省教育厅", agency_level="province", province="湖南省", city=None),
    ),
    # ---- zones
    "zone_by_full_name": (
        "武汉东湖新技术开发区管委会2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我区主动公开信息700条。\n" + BODY,
        dict(agency="武汉东湖新技术开发区管理委员会", agency_level="county", province="湖北省", city="武汉市",
             county=None, zone="东湖新技术开发区"),
    ),
    "zone_by_short_name": (
        "东湖高新区卫生健康局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局主动公开信息90条。\n" + BODY,
        dict(agency="东湖高新区卫生健康局", agency_level="county", city="武汉市", zone="东湖新技术开发区"),
    ),
    "zone_narrowed_to_its_district": (
        "泰州医药高新区（高港区）卫生健康委员会2022年政府信息公开工作年度报告\n一、总体情况\n"
        "2022年，我委主动公开信息140条。\n" + BODY,
        dict(agency_level="county", city="泰州市", county="高港区", zone="医药高新技术产业开发区"),
    ),
    "zone_of_the_statistics_list": (
        "苏州工业园区经济发展委员会2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我委主动公开信息210条。\n" + BODY,
        dict(agency="苏州工业园区经济发展委员会", province="江苏省", city="苏州市", zone="苏州工业园区"),
    ),
    "zone_under_a_province": (
        "平潭综合实验区2023年度政府信息公开工作年度报告\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
        "如对本报告有任何疑问，请与平潭综合实验区管委会办公室联系。\n一、总体情况\n2023年，平潭综合实验区坚持以……\n" + BODY,
        dict(agency="平潭综合实验区", agency_level="city", province="福建省", city=None, zone="平潭综合实验区",
             year=2023),
    ),
    "county_level_city_under_a_province": (
        "仙桃市卫生健康委员会2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我委主动公开信息150条。\n" + BODY,
        dict(agency="仙桃市卫生健康委员会", agency_level="county", province="湖北省", city="仙桃市", county="仙桃市"),
    ),
    # ---- years
    "year_only_in_the_statistics_period": (
        "政府信息公开工作年度报告\n（丽水市莲都区财政局）\n"
        "根据《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号），编制本报告。"
        "本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。\n一、总体情况\n"
        "我局2022年将继续推进政务公开，2020年以来累计公开信息500条。\n" + BODY
        + "丽水市莲都区财政局\n2022年1月20日\n",
        dict(agency="丽水市莲都区财政局", year=2021, published="2022-01-20"),
    ),
    "statistics_period_with_spaces": (
        "政府信息公开工作年度报告\n本年度报告中所列数据的统计周期为 2024 年 1 月 1 日至 12 月 31 日。\n"
        "一、总体情况\n2025年，我局将持续推进公开。\n" + BODY + "南充市统计局\n2025年1月15日\n",
        dict(agency="南充市统计局", year=2024, published="2025-01-15"),
    ),
    # ---- OCR misreadings: read as the unit the text confirms, the text unchanged
    "ocr_misread_county_confirmed_by_townships": (
        "沐阳县人民政府2025年政府信息公开工作年度报告\n沐阳县人民政府\n(2026年1月23日)\n一、总体情况\n"
        "2025年，我县沭城街道、钱集镇等地推进基层政务公开标准化建设，宿迁市考核优秀。\n" + BODY,
        dict(agency="沭阳县人民政府", agency_printed="沐阳县人民政府", agency_level="county", province="江苏省",
             city="宿迁市", county="沭阳县", year=2025, published="2026-01-23"),
    ),
    "ocr_misread_county_unconfirmed": (
        "沐阳县人民政府2025年政府信息公开工作年度报告\n一、总体情况\n2025年，我县主动公开信息4511条。\n" + BODY,
        dict(agency="沐阳县人民政府", agency_level="county", province=None, county=None, year=2025),
    ),
    # ---- more title shapes and sources
    "title_with_its_year_in_brackets_after_it": (
        "来安县人民政府信息公开工作年度报告（2022年度）\n一、总体情况\n2022年，我县主动公开信息900条。\n" + BODY,
        dict(title="来安县人民政府信息公开工作年度报告（2022年度）", agency="来安县人民政府", agency_level="county",
             city="滁州市", county="来安县", year=2022),
    ),
    "office_issuing_its_governments_report": (
        "来安县人民政府办公室关于来安县2021年度政府信息公开工作年度报告\n一、总体情况\n2021年，我县主动公开信息。\n" + BODY,
        dict(agency="来安县人民政府", county="来安县", year=2021),
    ),
    "first_sentence_subject_before_the_year": (
        "政府信息公开工作年度报告\n一、总体情况\n长沙市岳麓区统计局2023年深入贯彻《条例》，主动公开信息66条。\n" + BODY,
        dict(agency="长沙市岳麓区统计局", county="岳麓区", year=2023),
    ),
    "publisher_line_of_the_page": (
        "2023年政府信息公开工作年度报告\n发布机构：衢州市柯城区水利局办公室 发布日期：2024-01-19\n一、总体情况\n"
        "2023年，我局主动公开信息41条。\n" + BODY,
        dict(agency="衢州市柯城区水利局", county="柯城区", year=2023, published="2024-01-19"),
    ),
    "bare_date_label": (
        "衢州市柯城区水利局2023年政府信息公开工作年度报告\n日期：2024-01-22　来源：衢州市柯城区水利局\n"
        "一、总体情况\n2023年，我局主动公开信息41条。本报告统计时间：2023年1月1日至2023年12月31日。\n" + BODY,
        dict(agency="衢州市柯城区水利局", year=2023, published="2024-01-22"),
    ),
    "national_body_branch_in_a_province": (
        "国家税务总局浙江省税务局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开信息500条。\n" + BODY,
        dict(agency="国家税务总局浙江省税务局", agency_level="province", province="浙江省", city=None),
    ),
    "zone_the_list_lacks": (
        "淮安市高新技术产业开发区管委会2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我委主动公开信息120条。\n" + BODY,
        dict(agency_level="county", city="淮安市", county=None, zone="淮安市高新技术产业开发区", year=2022),
    ),
    "site_chrome_run_into_the_title": (
        "无障碍 | 长者模式\n赣州市人民政府\n首页 政务公开 政务服务 互动交流\n"
        "当前位置：首页 > 政府信息公开 > 政府信息公开年报\n赣州市章贡区财政局2022年政府信息公开工作年度报告\n"
        "信息来源：章贡区财政局 发布时间：2023-01-28 浏览次数：345\n【字体：大 中 小】\n一、总体情况\n"
        "2022年，区财政局认真贯彻落实《条例》。\n" + BODY,
        dict(title="赣州市章贡区财政局2022年政府信息公开工作年度报告", agency="赣州市章贡区财政局", county="章贡区",
             year=2022, published="2023-01-28"),
    ),
    "title_over_three_lines": (
        "赣州市章贡区审计局\n2022年度\n政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开信息。\n" + BODY,
        dict(title="赣州市章贡区审计局2022年度政府信息公开工作年度报告", agency="赣州市章贡区审计局", year=2022),
    ),
    "compiler_as_subject_of_bianzhi_le": (
        "根据《中华人民共和国政府信息公开条例》规定，赣州市章贡区交通运输局编制了2022年度政府信息公开工作年度报告。"
        "本报告所列数据统计期限自2022年1月1日至2022年12月31日。\n一、总体情况\n2022年，全区政府信息公开工作取得成效。\n" + BODY,
        dict(agency="赣州市章贡区交通运输局", county="章贡区", year=2022),
    ),
    "bare_type_title_and_signature": (
        "政府办公室2022年政府信息公开工作年度报告\n一、总体情况\n2022年，全区政府信息公开工作取得成效。\n" + BODY
        + "六、其他需要报告的事项\n无。\n赣州市章贡区人民政府办公室\n2023年1月20日\n",
        dict(agency="赣州市章贡区人民政府办公室", agency_level="county", county="章贡区", published="2023-01-20"),
    ),
    "central_bank": (
        "中国人民银行2022年政府信息公开工作年度报告\n一、总体情况\n2022年，人民银行主动公开信息。\n" + BODY,
        dict(agency="中国人民银行", agency_level="national", province=None),
    ),
    "agency_of_a_ministry": (
        "水利部长江水利委员会2022年政府信息公开工作年度报告\n一、总体情况\n2022年，长江委在湖北省武汉市主动公开信息。\n" + BODY,
        dict(agency="水利部长江水利委员会", agency_level="national", province=None),
    ),
    "county_branch_of_a_city_bureau": (
        "长沙市公安局岳麓分局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开信息。\n" + BODY,
        dict(agency="长沙市公安局岳麓分局", agency_level="county", city="长沙市", county="岳麓区"),
    ),
    "short_autonomous_prefecture_alone": (
        "临夏州2022年政府信息公开工作年度报告\n一、总体情况\n2022年，全州主动公开信息。\n" + BODY,
        dict(agency="临夏回族自治州人民政府", agency_level="city", city="临夏回族自治州"),
    ),
    # ---- pages saved with ASCII punctuation, header rows in table cells, dates among chrome
    "ascii_punctuation_year_and_adverbial": (
        "一、总体情况\n2023年,在区委、区政府的坚强领导下,长沙市岳麓区望月湖街道办事处认真贯彻落实《条例》,"
        "主动公开政府信息58条。2023年,通过政府门户网站,发布动态信息36条。\n" + BODY,
        dict(agency="长沙市岳麓区望月湖街道办事处", agency_level="township", city="长沙市", county="岳麓区", year=2023),
    ),
    "header_row_in_table_cells": (
        "嘉兴市南湖区司法局2021年度政府信息公开工作年度报告 | ||||||\n"
        "2022-01-20 发布:嘉兴市南湖区司法局 点击数: | |||||\n"
        "根据《条例》要求,现将本局2021年度报告公布如下。\n一、总体情况\n2021年,我局主动公开信息45条。\n" + BODY,
        dict(title="嘉兴市南湖区司法局2021年度政府信息公开工作年度报告", agency="嘉兴市南湖区司法局",
             county="南湖区", year=2021, published="2022-01-20"),
    ),
    "title_broken_inside_report_words_and_page_date_with_time": (
        "宁波市鄞州区首南街道办事处2022年度政府\n信息公开工作年度报告\n2023-01-2910:15 来源:鄞州区人民政府\n"
        "一、总体情况\n2022年,首南街道主动公开信息120条。\n" + BODY,
        dict(title="宁波市鄞州区首南街道办事处2022年度政府信息公开工作年度报告",
             agency="宁波市鄞州区首南街道办事处", agency_level="township", county="鄞州区", published="2023-01-29"),
    ),
    "compiler_names_itself_before_its_reasons": (
        "根据《条例》和省政府办公厅的要求,九江市人民政府根据全市2022年度政府信息公开工作开展情况,编制本报告。"
        "本报告中所列数据统计期限为2022年1月1日至12月31日。\n一、总体情况\n2022年,全市各地各部门深化政务公开。\n" + BODY,
        dict(agency="九江市人民政府", agency_level="city", province="江西省", city="九江市", year=2022),
    ),
    "combined_bureau_name_is_not_expanded": (
        "临汾市洪洞县教育科技局\n2023年政府信息公开工作年度报告\n一、总体情况\n2023年,我局主动公开信息。\n" + BODY,
        dict(agency="临汾市洪洞县教育科技局", agency_level="county", county="洪洞县", year=2023),
    ),
    "branch_of_a_city_bureau_named_for_a_county_stem": (
        "根据《条例》,编制了2021年政府信息公开工作年度报告。如对本报告有疑问,可与内江市隆昌生态环境局联系"
        "(地址:四川省隆昌市某某路8号)。\n一、总体情况\n2021年,内江市隆昌生态环境局认真贯彻落实《条例》。\n" + BODY,
        dict(agency="内江市隆昌生态环境局", agency_level="county", city="内江市", county="隆昌市", year=2021),
    ),
    "letter_to_the_city_then_the_county_as_subject": (
        "昭通市人民政府办公室:\n根据《条例》规定,彝良县坚持以公开为常态、不公开为例外,编制了本报告。"
        "本年度报告中所列数据的统计期限自2020年1月1日起至12月31日止。\n一、总体情况\n"
        "(一)主动公开方面。彝良县高度重视政府信息公开工作。\n" + BODY,
        dict(agency="彝良县人民政府", agency_level="county", province="云南省", city="昭通市", county="彝良县",
             year=2020),
    ),
    "banner_speaking_as_wo_qi": (
        "索引号 | 2022-01075 | 发布机构 | 政府办公室 |\n成文日期 | 发布日期 | 2022-04-06 |\n"
        "根据《条例》,特向社会公布我旗2021年度信息公开年度报告。\n一、总体情况\n"
        "2021年,我旗按照巴彦淖尔市有关部署,推进信息公开。截至2021年12月底,乌拉特前旗政府网站发布信息600条。\n" + BODY,
        dict(agency="乌拉特前旗人民政府", agency_level="county", city="巴彦淖尔市", county="乌拉特前旗",
             year=2021, published="2022-04-06"),
    ),
    # ---- copies on mirror sites: traditional characters, pinyin glosses after characters
    "traditional_character_copy": (
        "嘉興市秀洲區衛生健康局2023年政府信息公開工作年度報告\n一、總體情況\n"
        "2023年，我局認真貫徹《條例》，主動公開政府信息150條。\n" + BODY,
        dict(title="嘉興市秀洲區衛生健康局2023年政府信息公開工作年度報告", agency="嘉兴市秀洲区卫生健康局",
             agency_printed="嘉興市秀洲區衛生健康局", agency_level="county", province="浙江省", city="嘉兴市",
             county="秀洲区", year=2023),
    ),
    "traditional_copy_with_pinyin_glosses_no_title": (
        "根據(jù)《條例》規(guī)定，現(xiàn)公布常州市武進(jìn)區(qū)應(yīng)急管理局2022年政府信息公開工作年度報告。"
        "本報告統(tǒng)計期限為2022年1月1日至12月31日。\n一、總體情況\n2022年，我局主動公開信息90條。\n" + BODY,
        dict(agency="常州市武进区应急管理局", agency_printed="常州市武進區應急管理局", agency_level="county",
             city="常州市", county="武进区", year=2022),
    ),
    "copy_whose_indentation_became_question_marks": (
        "??根据《条例》规定编制本报告。报告数据统计期限为2024年1月1日至2024年12月31日。\n??一、总体情况\n"
        "??2024年，吉林省人民政府办公厅坚持以公开为常态，认真落实《条例》。\n??（一）主动公开方面。发布政府文件30件。?\n"
        + BODY,
        dict(agency="吉林省人民政府办公厅", agency_level="province", province="吉林省", year=2024),
    ),
    "guide_for_writing_the_reports_quoted_before_the_agency": (
        "本年度报告根据《关于做好政府信息公开工作年度报告编制工作通知》规定而编制。本报告中所列数据的统计期限为"
        "2023年1月1日至2023年12月31日。\n一、总体情况\n2023年，克拉玛依市商务局紧紧围绕《克拉玛依市政府信息公开工作"
        "年度报告编制指南》做好政务信息公开工作。\n" + BODY,
        dict(agency="克拉玛依市商务局", agency_level="city", province="新疆维吾尔自治区", city="克拉玛依市", year=2023),
    ),
    # ---- a verb, a bracket or a party body around the agency's name
    "agency_as_the_object_of_a_lead_verb": (
        "根据《条例》和《某市人民政府办公室关于做好2022年政府信息公开工作年度报告编制发布工作的通知》的要求，"
        "结合绵阳市商务局2022年政府信息公开工作实际，编制发布本报告。\n一、总体情况\n"
        "2022年，我局严格贯彻执行国家、省、市有关政务公开的规定。\n" + BODY,
        dict(agency="绵阳市商务局", agency_level="city", province="四川省", city="绵阳市", year=2022),
    ),
    "quoted_report_name_with_a_bracketed_second_name": (
        "根据《条例》规定，现发布《兰州市民族事务委员会（宗教事务局）2024年政府信息公开工作年度报告》，"
        "本报告统计数据从2024年1月1日至12月31日。\n一、总体情况\n2024年，市民委（宗教局）深入学习贯彻…\n" + BODY,
        dict(agency="兰州市民族事务委员会", agency_level="city", province="甘肃省", city="兰州市", year=2024),
    ),
    "subdistrict_party_body_and_office_under_the_districts_header": (
        "天津市南开区人民政府\n2019年12月3日星期二\n本年度报告根据《条例》编制。本年度报告中所列数据统计期限从"
        "2025年1月1日起至2025年12月31日止。\n一、总体情况\n2025年，万兴街道党工委、办事处按照区委、区政府的统一部署，"
        "扎实推进政务信息公开工作。\n" + BODY,
        dict(agency="万兴街道办事处", agency_level="township", province="天津市", city="天津市", county="南开区",
             year=2025, published=None),
    ),
    "subdistrict_on_its_districts_site_whose_name_the_gazetteer_shares": (
        "西峰区人民政府\n解放路街道办事处政府信息公开\n解放路街道办事处2021年政府信息公开工作年度报告\n"
        "一、总体情况\n2021年，我办认真做好政府信息公开工作。\n" + BODY,
        dict(agency="解放路街道办事处", agency_level="township", province="甘肃省", city="庆阳市", county="西峰区",
             year=2021),
    ),
    "government_office_speaking_as_wo_ban": (
        "本报告结合我办政府信息公开工作有关统计数据编写。本年度报告中使用数据统计期限为2024年1月1日至12月31日。"
        "如对本报告有任何疑问，请与卫东区人民政府办公室联系（地址：建设路1号，联系电话：0375-1234567）。\n"
        "一、总体情况\n（一）主动公开：通过卫东区人民政府网站累计发布各类信息2785篇。\n" + BODY,
        dict(agency="卫东区人民政府办公室", agency_level="county", province="河南省", city="平顶山市", county="卫东区",
             year=2024),
    ),
    # ---- named by the report only in passing
    "bureau_named_once_placed_once_bare": (
        "根据《条例》有关要求，编写本报告。本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。\n"
        "一、总体情况\n2025年，坚持以习近平新时代中国特色社会主义思想为指导，认真落实省政府工作要求。\n"
        "（一）主动公开\n2025年度，我局门户网站总访问量达19万次。我局通过网站公开《市经信局关于《长沙市经信局促进"
        "软件产业发展若干措施（征求意见稿）》公开征求意见的通知》等27件政策文件。\n" + BODY,
        dict(agency="长沙市经济和信息化局", agency_level="city", province="湖南省", city="长沙市", year=2025),
    ),
    "league_printed_short": (
        "商务局 政府信息公开\n锡盟商务局2021年政府信息公开工作报告\n来源:商务局 发布日期:2022-01-13 03:07:44\n"
        "一、总体情况\n2021年，锡盟商务局充分利用门户网站公开本局各类重要信息。\n" + BODY,
        dict(title="锡盟商务局2021年政府信息公开工作报告", agency_level="city", province="内蒙古自治区",
             city="锡林郭勒盟", year=2021, published="2022-01-13"),
    ),
    "civil_air_defence_office_printed_short": (
        "一、总体情况\n市人民防空办认真贯彻国家和市政府关于政务公开的有关规定，现公布2020年政府信息公开工作年度报告。"
        "一年来，通过天津市人民防空网站公布了各种公开信息共378篇。\n" + BODY,
        dict(agency="天津市人民防空办公室", agency_level="province", province="天津市", city="天津市", year=2020),
    ),
    "county_branch_named_by_its_countys_stem": (
        "一、总体情况\n2019年，潮安分局在区委、区政府和上级公安机关的正确领导下，扎实做好信息公开工作。"
        "我局在潮安区政府信息公开网公开信息120条。\n" + BODY,
        dict(agency="潮安分局", agency_level="county", province="广东省", city="潮州市", county="潮安区", year=2019),
    ),
    # ---- zones named without their place
    "zone_body_and_its_city_named_once": (
        "苏银产业园管理委员会2025年政府信息公开工作年度报告\n发布时间:2026-01-23\n"
        "现发布《苏银产业园管理委员会2025年政府信息公开工作年度报告》。\n一、总体情况\n"
        "2025年，苏银产业园管理委员会深入学习贯彻习近平总书记考察宁夏重要讲话精神，严格贯彻落实党中央、自治区和银川市"
        "关于全面深化政务公开的工作要求。\n" + BODY,
        dict(agency="苏银产业园管理委员会", province="宁夏回族自治区", city="银川市", year=2025, published="2026-01-23"),
    ),
    "zone_titled_alone_printed_with_its_city_in_the_preamble": (
        "徐圩新区2020年政府信息公开年度报告\n根据《条例》，特向社会公布国家东中西区域合作示范区（连云港徐圩新区）"
        "2020年政府信息公开工作年度报告。\n一、总体情况\n2020年，徐圩新区坚持以习近平新时代中国特色社会主义思想为指导。\n"
        + BODY,
        dict(agency="连云港徐圩新区", province="江苏省", city="连云港市", year=2020),
    ),
    "investment_zone_speaking_as_its_kind": (
        "我要收藏\n文章分享\n根据《条例》要求，现将我委2023年度工作情况报告如下:\n一、总体情况\n（一）主动公开\n"
        "2023年度，投资区主动公开政府信息数88条。\n（二）依申请公开\n2023年度我单位未收到依申请公开申请。\n"
        "有专人负责微信公众号“泉州台商投资区”运维工作。\n" + BODY,
        dict(agency="泉州台商投资区", province="福建省", city="泉州市", year=2023),
    ),
    "county_department_named_by_its_column_and_once_with_its_place": (
        "一、總體情況\n（一）主動公開情況\n嚴格按照要求在政府網站縣水務局專欄轉載黨中央、國務院決策部署，"
        "及時轉載了《文山壯族苗族自治州水務局關于印發某辦法的通知》等文件。\n（二）依申請公開情況\n全年未接到申請。\n"
        "（三）加強政府信息管理。2024年，進一步規範富寧縣水務局信息採編、審核、發布工作流程。\n" + BODY,
        dict(agency="富宁县水务局", agency_level="county", province="云南省", city="文山壮族苗族自治州",
             county="富宁县", year=2024),
    ),
    # ---- a site's header above a title split after its bare year
    "title_split_after_a_bare_year_below_the_sites_header": (
        "北京市东城区人民政府\n政府信息公开年报\n北京市东城区人民防空办公室2020\n政府信息公开工作年度报告\n"
        "发布时间:2021-01-19\n本报告是根据《条例》要求，由东城区人民防空办公室编制的2020年度政府信息公开工作年度报告。\n"
        "一、总体情况\n2020年，区人防办政府信息公开坚持…\n" + BODY,
        dict(title="北京市东城区人民防空办公室2020政府信息公开工作年度报告", agency="北京市东城区人民防空办公室",
             agency_level="county", province="北京市", city="北京市", county="东城区", year=2020,
             published="2021-01-19"),
    ),
    # ---- held21: a byline's date in characters, a zone branch of a city bureau, names only in the body
    "byline_date_written_with_nian": (
        "广州市白云区城市管理和综合执法局2021年政府信息公开工作年度报告\n"
        "来源:广州市白云区城市管理和综合执法局 日期:2022年01月18日 【字体:\n一、总体情况\n2021年，我局主动公开信息80条。\n"
        + BODY,
        dict(agency="广州市白云区城市管理和综合执法局", agency_level="county", county="白云区", year=2021,
             published="2022-01-18"),
    ),
    "zone_branch_of_a_city_bureau": (
        "合肥市生态环境局高新区分局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，分局主动公开信息37条。\n" + BODY,
        dict(agency="合肥市生态环境局高新区分局", agency_level="county", province="安徽省", city="合肥市", year=2020),
    ),
    "district_department_named_in_the_body_after_its_municipality": (
        "依据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。\n一、总体情况\n"
        "我局政府信息公开工作由局办公室负责具体承办。\n1.机构信息:为方便公众查询,天津市南开区民政局主要通过区政府网站"
        "公开了机关职能。\n2.财政信息:天津市南开区民政局通过区政府网站按时公开了财政预决算。\n" + BODY,
        dict(agency="天津市南开区民政局", agency_level="county", province="天津市", city="天津市", county="南开区"),
    ),
    "department_named_only_by_its_own_rules": (
        "本报告根据《条例》编制。本报告所列数据为2020年1月1日至2020年12月31日。\n一、总体情况\n"
        "我局依据《锦州市人力资源和社会保障局信息公开实施办法》等制度规范政务公开工作。\n" + BODY,
        dict(agency="锦州市人力资源和社会保障局", agency_level="city", province="辽宁省", city="锦州市", year=2020),
    ),
}


@pytest.mark.parametrize("name", sorted(OPENINGS))
def test_opening(name):
    text, want = OPENINGS[name]
    meta = {"publisher": "韶关市浈江区交通运输局办公室"} if name == "publisher_of_the_page_only" else {}
    check(text, want, **meta)


def test_a_township_the_gazetteer_holds_in_another_county_takes_the_county_its_address_prints():
    text = ("某镇\n2017年03月09日\n中岗镇2016年政府信息公开工作年度报告\n本年度报告由中岗镇人民政府编制。如有疑问，请与中岗镇人民政府联系"
            "（地址：仁寿县中岗镇富兴街99号）。\n一、工作概述\n" + BODY)
    check(text, {"agency": "中岗镇人民政府", "agency_level": "township",
                 "province": "四川省", "city": "眉山市", "county": "仁寿县"})


def test_a_zone_committee_without_a_place_is_of_the_county_whose_government_site_it_names():
    text = ("2020年政府信息公开工作年度报告\n报告可在定州市人民政府门户网站下载。如对本报告有任何疑问，请与经济开发区管委会党政办公室联系。\n"
            "一、总体情况\n经济开发区管委会严格按照《中华人民共和国政府信息公开条例》，层层分解任务。\n" + BODY)
    check(text, {"agency": "定州市经济开发区管理委员会", "province": "河北省", "city": "保定市", "county": "定州市"})


def test_a_state_farm_is_of_the_county_whose_government_site_it_publishes_on():
    text = ("园艺场2020年政府信息公开工作年度报告\n一、总体情况\n2020年园艺场通过德安县政府网站共主动公开政府信息105条。\n" + BODY)
    check(text, {"agency": "德安县园艺场", "province": "江西省", "city": "九江市", "county": "德安县"})


def test_a_table_row_before_the_first_paragraph_may_hold_the_title():
    """An encyclopedia's infobox, read as a table row, above the report's text."""
    text = ("中文名 | 泸州市江阳区人民政府2019年政府信息公开工作年度报告 | 发布单位 | 泸州市江阳区人民政府 |\n---|\n"
            "本报告根据《中华人民共和国政府信息公开条例》规定编制。\n一、总体情况\n2019年，江阳区深入贯彻落实条例。\n" + BODY)
    check(text, {"title": "泸州市江阳区人民政府2019年政府信息公开工作年度报告", "agency": "泸州市江阳区人民政府"})


def test_a_cms_box_under_the_title_dates_the_report(tmp_path):
    """A metadata table between the title and the body (作者: | 日期: | 2019-04-04 |) dates the page."""
    text = ("某市某区发改局2018年政府信息公开工作年度报告\n索引号: | GS1297/2019-9895 | 部门: | 区发改局 |\n---|---|---|---|\n"
            "栏目: | 信息公开年报 | 来源: | 某区人民政府 |\n作者: | 日期: | 2019-04-04 |\n某市某区发展和改革局2018年政府信息公开工作年度报告\n"
            "根据《中华人民共和国政府信息公开条例》的规定，现将我局2018年度工作情况报告如下：\n" + BODY)
    assert saved_and_read(tmp_path, text).published == "2019-04-04"


def test_a_bare_city_bureau_on_a_county_level_citys_site_is_that_citys():
    """市应急管理局 with no place of its own, the report naming one county-level city's government (the
    site's owner): the bureau is that city's, at the county level."""
    text = ("2020年应急管理局政府信息公开工作年度报告\n一、总体情况\n市应急局紧紧围绕全市发展大局，全面推进政务公开工作。\n"
            "（四）政府信息公开平台建设情况\n根据市政府要求，按市应急管理局、扎兰屯市人民政府要求做好相关栏目维护。\n" + BODY)
    check(text, {"agency": "扎兰屯市应急管理局", "agency_level": "county", "county": "扎兰屯市"})


def test_the_publisher_in_a_bracketed_label_cell_names_the_agency(tmp_path):
    """A CMS box whose label cells are bracketed ([ 发布机构 ] | 某管委会 |) names the publisher."""
    text = ("[ 索 引 号 ] | fx/2019-0000013 | [ 文 号 ] | [ 发布机构 ] | 费县经济开发区管委会 | |\n---|---|---|---|---|---|\n"
            "[ 成文日期 ] | 2019-03-25 | [ 公开日期 ] | 2019-03-25 | [ 有 效 性 ] | 有效中 |\n"
            "根据《中华人民共和国政府信息公开条例》规定，特编制某某电子产业园2018年度政府信息公开工作年度报告，并向社会公布。\n" + BODY)
    r = saved_and_read(tmp_path, text)
    assert (r.agency, r.region.county) == ("费县经济开发区管理委员会", "费县")


def test_a_we_bureau_report_pointing_at_its_site_named_in_quotes():
    """我局 and no agency named but the site the report points at, its name in quotes (“某局”网站)."""
    text = ("一、总体情况\n2020年以来，我局认真贯彻《中华人民共和国政府信息公开条例》，全面推进政府信息公开工作。\n"
            "每个类别条目具体内容可通过“黄石市水利和湖泊局”网站查询。\n" + BODY)
    check(text, {"agency": "黄石市水利和湖泊局", "city": "黄石市"})


def test_a_bare_level_branch_in_the_title_placed_by_its_preamble():
    """Title 市某中心某分中心, the preamble naming it with its city: the city's centre's branch in that county."""
    text = ("索引号: 123310000000000000/2023-130000\n发布机构: 公积金 发文日期: 2023-01-06\n"
            "市住房公积金管理中心仙居分中心2022年政府信息公开工作年度报告\n时间:2023-01-06 16:30 来源:市住房公积金管理中心仙居分中心\n"
            "为全面贯彻落实《中华人民共和国政府信息公开条例》,台州市住房公积金管理中心仙居分中心认真开展各项工作,现将情况报告如下。\n"
            "一、总体情况\n(一)主动公开\n2022年度,在政务公开网上主动公开信息90条。\n" + BODY)
    check(text, {"agency": "台州市住房公积金管理中心仙居分中心", "agency_level": "county", "province": "浙江省",
                 "city": "台州市", "county": "仙居县", "published": "2023-01-06"})


def test_a_bare_county_bureau_on_the_site_of_a_short_named_county():
    """县人社局 and the county's site named by a two-character county (凤县人民政府网站) mid-sentence."""
    text = ("一、总体情况\n2023年,县人社局严格按照《中华人民共和国政府信息公开条例》相关规定推进公开工作。"
            "全年,利用凤县人民政府网站,对县人社局的工作动态等对外公开栏目内容进行更新。\n" + BODY)
    check(text, {"agency": "凤县人力资源和社会保障局", "agency_level": "county", "province": "陕西省", "county": "凤县"})


def test_a_subdistrict_named_the_short_way_on_its_districts_site():
    """白云街 (Guangzhou's subdistricts print 街 for 街道), its district named by the site it publishes on."""
    text = ("一、总体情况\n2022年,白云街以习近平新时代中国特色社会主义思想为指导,全面推进政务公开工作。\n"
            "(一)主动公开方面\n2022年白云街政府网站公开政府信息84条。充分利用越秀区门户网站等窗口发布信息。\n" + BODY)
    check(text, {"agency": "白云街道办事处", "agency_level": "township", "city": "广州市", "county": "越秀区"})


def test_no_title_line_but_the_preamble_quotes_the_reports_name():
    """现发布《某局2022年…年度报告》 and no title line: the quoted name, as printed, is the title."""
    text = ("当前位置:首页 > 政府信息公开 > 政府信息公开年报 > 正文\n"
            "根据《中华人民共和国政府信息公开条例》要求,现发布《包头市市场监管局2022年政府信息公开工作年度报告》。"
            "本报告中所列数据统计期限为2022年1月1日至12月31日。\n一、总体情况\n包头市市场监督管理局高度重视政府信息公开工作。\n" + BODY)
    check(text, {"title": "包头市市场监管局2022年政府信息公开工作年度报告", "agency": "包头市市场监督管理局",
                 "city": "包头市", "year": 2022})


def test_an_opening_cut_inside_a_numbered_heading():
    """The compiler in the preamble; the opening ends on （三）政府, a heading cut short, not a signature."""
    text = ("本报告根据《中华人民共和国政府信息公开条例》要求,由淮北市人民医院编制。本报告中所列数据的统计期限自2022年1月1日起"
            "至2022年12月20日止。\n一、主动公开情况\n一年来,我院积极做好政务公开工作。\n(一)依申请公开情况\n医院尚未收到申请。\n(三)政府")
    check(text, {"agency": "淮北市人民医院", "city": "淮北市", "year": 2022})


def test_a_compiler_naming_itself_before_the_reports_agency():
    """宣恩县教育局编制了县教育局2020年…报告 (a mirror's traditional characters): one agency, printed in full."""
    text = ("根據《中華人民共和國政府信息公開條例》及上級政府信息公開工作有關規定,宣恩縣教育局編制了縣教育局2020年政府信息公開工作年度報告。"
            "本報告中所列數據的統計期限自2020年1月1日起至2020年12月31日。\n一、總體情況\n2020年,縣教育局高度重視政務信息公開。\n" + BODY)
    check(text, {"agency": "宣恩县教育局", "agency_level": "county", "county": "宣恩县", "year": 2020})


def test_a_short_type_in_the_publisher_box_and_the_city_named_once_in_full():
    """发布机构 | 市资规局 in a CMS box; the province named twice, one city of it once (《衢州市…计划》)."""
    text = ("索引号: | 11330800000000000N/2025-00326 | 成文日期: | 2025-01-15 |\n公开方式: | 主动公开 | 组配分类: | 2024年度 |\n"
            "发布机构: | 市资规局 | ||\n根据《中华人民共和国政府信息公开条例》规定编制本报告。本报告所列数据的统计期限为2024年1月1日至2024年12月31日。\n"
            "一、总体情况\n2024年以来,我局严格按照《条例》《浙江省政府信息公开暂行办法》《衢州市政务公开五年行动计划》要求,"
            "完成了政府信息公开各项任务。在市政府门户网站,市自然资源和规划局主动公开信息3626条。\n" + BODY)
    check(text, {"agency": "衢州市自然资源和规划局", "agency_level": "city", "province": "浙江省", "city": "衢州市"})


def test_a_township_whose_name_has_a_rare_character():
    """塘㙍镇: a place character outside the common CJK block (extension A) is part of the name."""
    text = ("塘㙍镇2023年度政府信息公开工作年度报告\n现公布吴川市塘㙍镇人民政府2023年政府信息公开工作年度报告。"
            "如对本报告有疑问,请与吴川市塘㙍镇人民政府党政办公室联系。\n一、总体情况\n2023年,我镇认真落实条例。\n" + BODY)
    check(text, {"agency": "吴川市塘㙍镇人民政府", "agency_level": "township", "city": "湛江市", "county": "吴川市"})


def test_a_zone_committee_under_a_bare_title_with_its_second_name_in_brackets():
    """政府信息公开工作年度报告 / 某经开区管委会（某商务区管委会） / date: the author line names the agency; the body
    prints the zone's kind in full (经济开发区), the name it keeps."""
    text = ("政府信息公开工作年度报告\n汉阳经开区管委会(汉阳商务区管委会)\n2024年1月9日\n一、总体情况\n"
            "2023年,汉阳经济开发区管委会(汉阳商务区管委会)深入贯彻落实《中华人民共和国政府信息公开条例》,"
            "在汉阳区政府外网主动公开相关内容。\n" + BODY)
    check(text, {"agency": "汉阳经济开发区管理委员会", "province": "湖北省", "city": "武汉市", "county": "汉阳区"})


def test_a_province_prefixed_zone_printed_short_in_its_contact_line_and_in_full_elsewhere():
    """江苏省某高新区党政办公室 in the contact line, the committee's full name in the download line, and the
    address naming one city of the province: the committee, under that city."""
    text = ("本报告的电子版可在浙江省青溪高新技术产业开发区管理委员会门户网站下载。如对本报告有任何疑问,"
            "请与浙江省青溪高新区党政办公室联系(地址:湖州市仁皇山路1号)。\n一、总体情况\n2023年,我区认真贯彻落实《条例》。\n" + BODY)
    check(text, {"agency": "浙江省青溪高新技术产业开发区管理委员会", "agency_level": "county",
                 "province": "浙江省", "city": "湖州市"})


def test_a_free_trade_zone_area_is_its_host_citys():
    """中国(某省)自由贸易试验区某片区管理委员会: the area is named by its host city's stem."""
    text = ("本报告依据《中华人民共和国政府信息公开条例》编制。如对本报告有任何疑问,请联系:中国(浙江)自由贸易试验区舟山片区"
            "管理委员会政府信息公开办公室。\n一、总体情况\n2023年,我委认真贯彻落实条例。\n" + BODY)
    check(text, {"agency": "中国(浙江)自由贸易试验区舟山片区管理委员会", "province": "浙江省", "city": "舟山市"})


def test_a_cms_box_labelled_with_its_issuing_unit_names_the_agency(tmp_path):
    """| 发文单位 | 某局 | 发文字号 | 无 |: the unit a CMS box says issued the page is the publisher, and the
    report that only says 我局 is that unit's."""
    text = ("| 发文单位 | 芜湖市地方金融管理局 | 发文字号 | 无 |\n|---|---|---|---|\n"
            "| 发文日期 | 2025-01-15 | 效力状态 | 有效 |\n"
            "一、总体情况\n2024年,我局认真落实政务公开工作要求,通过门户网站主动公开政府信息120条。\n" + BODY)
    r = saved_and_read(tmp_path, text)
    assert (r.agency, r.agency_level, r.region.province, r.region.city) == ("芜湖市地方金融管理局", "city", "安徽省", "芜湖市")


def test_a_title_naming_two_bodies_that_share_one_seat_names_the_first():
    """某办事处、某园区2024年…报告 (a subdistrict office and the park it runs): the first body named reports,
    as 由A、B编制 names the first."""
    text = ("城东办事处、城东园区2024年政府信息公开工作年度报告\n"
            "根据《中华人民共和国政府信息公开条例》规定,现公布泰兴市城东办事处(城东园区)2024年政府信息公开工作年度报告。\n"
            "一、总体情况\n城东办事处严格按照条例规定公开信息。\n" + BODY)
    check(text, {"agency": "泰兴市城东办事处", "agency_level": "township", "province": "江苏省", "city": "泰州市",
                 "county": "泰兴市"})


def test_a_public_institutions_summary_titled_as_a_work_summary():
    """某医院 / 2024年度信息公开工作总结: a hospital prints its yearly report as a work summary; that is its title."""
    text = ("凤阳县中医院\n2024年度信息公开工作总结\n2024年,县中医院贯彻落实《中华人民共和国政府信息公开条例》,"
            "扎实做好信息公开工作,现将有关情况报告如下:\n一、落实工作要求\n一是强化组织领导。\n")
    check(text, {"title": "凤阳县中医院2024年度信息公开工作总结", "agency": "凤阳县中医院", "year": 2024})


def test_a_zone_named_by_a_place_of_its_own_takes_no_prefix_it_does_not_print():
    """某高新区党政办公室 compiles the zone's report and the opening names one county's government site: the zone
    carries its own name (region.zone places it); no county is written before it."""
    text = ("本报告依据《中华人民共和国政府信息公开条例》规定,由潮白高新区党政办公室编制。所列数据统计期限为2025年1月1日至"
            "2025年12月31日。如对本报告有疑问,可与潮白高新区党政办公室联系。\n一、总体情况\n2025年,我区按照县政府的要求认真开展政府信息公开工作,"
            "通过潮白高新区门户网站发布各类政务信息180件。安排专人负责大厂回族自治县政府信息公开平台高新区专栏的管理与维护。\n" + BODY)
    r = record(text).to_dict()
    assert r["agency"] == "潮白高新区"
    assert (r["region"]["province"], r["region"]["city"], r["region"]["county"], r["region"]["zone"]) == (
        "河北省", "廊坊市", "大厂回族自治县", "潮白高新区")  # the zone on that county's site is in that county


def test_a_subdistrict_speaking_of_itself_by_its_level_alone():
    """No title, no agency: 2024年,街道收到… / ,街道主动公开…, and one subdistrict named, in the names of its own
    documents (《宝山区某街道…目录》): that subdistrict's office, its district placing it."""
    text = ("根据《中华人民共和国政府信息公开条例》《上海市政府信息公开规定》等有关规定和要求,编制本年度报告。"
            "本年度报告中所列数据统计期限从2024年1月1日起至12月31日止。\n一、总体情况\n(一)主动公开\n"
            "2024年,依托区政府门户网站,街道主动公开公文类信息等政府信息累计52条。\n(二)依申请公开\n"
            "2024年,街道收到依申请公开政府信息7件。\n(三)政府信息管理\n完成《张庙街道主动公开事项目录》编制,"
            "做好《宝山区张庙街道2024年重大行政决策事项目录》公开。\n" + BODY)
    check(text, {"agency": "张庙街道办事处", "agency_level": "township", "province": "上海市", "city": "上海市",
                 "county": "宝山区"})
    one = text.replace("2024年,街道收到", "2024年,收到")  # 街道 once only: not yet a way of speaking
    assert record(one).agency is None


def test_a_zone_unit_printing_no_place_whose_zone_the_text_prints_after_its_city():
    """某新区某中心 reports (no place in its name); the opening prints the zone once after its city's stem
    (“某市stem某新区政务服务”公众号): a unit of that city's zone."""
    text = ("按照《中华人民共和国政府信息公开条例》要求,我中心编制了《章江新区政务服务中心2024年政府信息公开工作年度报告》。\n"
            "一、总体情况\n(一)主动公开情况\n2024年,我中心通过门户网站、吉安章江新区政务服务微信公众号等平台主动公开信息180篇。\n" + BODY)
    check(text, {"agency": "章江新区政务服务中心", "agency_level": "county", "province": "江西省", "city": "吉安市",
                 "county": None, "zone": "章江新区"})


def test_a_township_contact_line_naming_an_office_of_its_government():
    """A township's report whose contact line names its government's office by what it does (某镇政府综合督考办公室):
    the office stands for the township's government, whatever the office is called."""
    text = ("根据《中华人民共和国政府信息公开条例》规定,特向社会公布2021年度本镇政府信息公开年度报告。本报告中所列数据的统计期限"
            "自2021年1月1日起至2021年12月31日止。如对本报告有任何疑问,请与湖州市吴兴区八里店镇政府综合督考办公室联系"
            "(电话:0572-0000000)。\n一、总体情况\n2021年,我镇深入贯彻实施《条例》。\n" + BODY)
    check(text, {"agency": "湖州市吴兴区八里店镇人民政府", "agency_level": "township", "province": "浙江省",
                 "city": "湖州市", "county": "吴兴区"})


def test_a_subdistrict_of_a_common_name_placed_by_its_county_stem():
    """北街街道 is the name of subdistricts in several counties; the opening prints its county only by the
    stem (西秀乡镇街道动态): the one 北街街道 of a county with that stem. Without the stem, no guess."""
    text = ("北街街道2024年政府信息公开工作年度报告\n一、总体情况\n2024年,北街街道认真贯彻落实《条例》要求。\n"
            "(一)主动公开情况\n通过政府门户网站累计发布工作动态信息120条,其中重点聚焦西秀乡镇街道动态58条。\n" + BODY)
    check(text, {"agency": "北街街道办事处", "agency_level": "township", "province": "贵州省", "city": "安顺市",
                 "county": "西秀区"})
    bare = text.replace("重点聚焦西秀乡镇街道动态", "重点聚焦乡镇街道动态")
    r = record(bare).to_dict()
    assert r["region"]["county"] is None


@pytest.mark.parametrize("township", ["朝阳街道", "光明街道"])
def test_a_subdistrict_named_like_a_county_is_not_placed_by_its_own_name(township):
    """朝阳街道 and 光明街道 are subdistricts of many counties, and one of the counties holding a 光明街道 is 光明区:
    the township's own name is no county printed, so nothing is guessed."""
    text = (f"{township}2024年政府信息公开工作年度报告\n一、总体情况\n2024年,{township}认真贯彻落实《条例》要求,"
            "主动公开政府信息120条。\n" + BODY)
    r = record(text).to_dict()
    assert r["region"]["county"] is None


def test_a_county_office_naming_itself_only_as_the_sender_of_its_plan():
    """No title and no agency but 县政府办公室: the opening says it sent down (下发了) a notice of a county's
    government office printing the county's plan (《某县人民政府办公室关于印发某县政务公开工作要点的通知》): that
    office reports. A notice it follows (按照《某市人民政府办公室关于印发…》) is another's."""
    text = ("根据《中华人民共和国政府信息公开条例》规定编制本报告。报告数据统计期限为2024年1月1日至2024年12月31日。\n"
            "一、总体情况\n按照《抚顺市人民政府办公室关于印发抚顺市2024年政务公开工作要点的通知》,下发了《新宾满族自治县"
            "人民政府办公室关于印发新宾满族自治县政务公开工作要点的通知》。\n(一)主动公开情况\n全县通过县政府网站公开发布信息"
            "1200条。\n(二)依申请公开情况\n县政府办公室共受理政府信息公开申请6件。\n" + BODY)
    check(text, {"agency": "新宾满族自治县人民政府办公室", "agency_level": "county", "province": "辽宁省",
                 "city": "抚顺市", "county": "新宾满族自治县"})
    followed = text.replace(",下发了《新宾满族自治县人民政府办公室关于印发新宾满族自治县政务公开工作要点的通知》", "")
    assert record(followed).agency != "抚顺市人民政府办公室"


def test_government_and_zone_committee_sharing_one_seat():
    """广州市某区人民政府 某开发区管委会, one body with two names printed one after the other: the government reports,
    in its district (held27 064, whose agency had been the two names run together)."""
    text = ("根据《中华人民共和国政府信息公开条例》规定，现公布广州市南沙区人民政府 广州南沙开发区管委会2023年政府信息公开工作年度报告。\n"
            "一、总体情况\n2023年，广州市南沙区人民政府 广州南沙开发区管委会坚持以人民为中心，全面推进政务公开。\n" + BODY)
    check(text, dict(agency="广州市南沙区人民政府", agency_level="county", province="广东省", city="广州市", county="南沙区"))
