"""The title rules of indexer/fields/title.py, on strings."""

from __future__ import annotations

import pytest

from indexer.fields.title import clean_title_line, is_cms_row, title_head, title_of


def test_title_split_over_two_lines_agency_first():
    paragraphs = ["威海市环翠区卫生健康局", "2020年政府信息公开工作年度报告", "一、总体情况"]
    assert title_of(paragraphs) == "威海市环翠区卫生健康局2020年政府信息公开工作年度报告"


def test_title_split_before_its_last_words():
    paragraphs = ["某某县教育局2022年政府信息公开", "工作年度报告", "一、总体情况"]
    assert title_of(paragraphs) == "某某县教育局2022年政府信息公开工作年度报告"


def test_title_split_inside_its_year():
    """A PDF line ends on the year's digits and the next starts on its 年 (某办事处2025 / 年政府信息公开…)."""
    paragraphs = ["武汉市某某风景区城乡工作办事处2025", "年政府信息公开工作年度报告", "一、总体情况"]
    assert title_of(paragraphs) == "武汉市某某风景区城乡工作办事处2025年政府信息公开工作年度报告"
    assert title_head("年度政府信息公开工作年度报告") == ""


def test_title_after_page_junk_and_year_first_title():
    paragraphs = ["首页", "当前位置：首页", "2021年度某某市财政局政府信息公开工作年度报告", "一、总体情况"]
    title = title_of(paragraphs)
    assert title == "2021年度某某市财政局政府信息公开工作年度报告"
    assert title_head(title) == "某某市财政局"


def test_no_title_in_text_falls_back_to_page_title_without_site_name():
    paragraphs = ["一、总体情况", "2022年，我局主动公开信息120条。"]
    assert title_of(paragraphs) is None
    assert title_of(paragraphs, "某某区民政局2022年政府信息公开工作年度报告_某某区人民政府") == (
        "某某区民政局2022年政府信息公开工作年度报告"
    )
    assert title_of(paragraphs, "某某区人民政府门户网站") is None


def test_a_title_with_agency_and_year_beats_a_site_column_and_a_bare_title():
    paragraphs = ["政府信息公开年报", "政府信息公开工作年度报告", "某市统计局2022年政府信息公开工作年度报告", "一、总体情况"]
    assert title_of(paragraphs) == "某市统计局2022年政府信息公开工作年度报告"
    assert title_of(["政府信息公开年报", "2022年政府信息公开工作年度报告"]) == "2022年政府信息公开工作年度报告"


def test_the_page_title_wins_when_it_names_the_agency_the_text_title_does_not():
    paragraphs = ["2022年政府信息公开工作年度报告", "一、总体情况"]
    assert title_of(paragraphs, "某县林业局2022年政府信息公开工作年度报告") == "某县林业局2022年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    "line, cleaned",
    [
        ("公报标题某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
        ("某街道2024年政府信息公开工作年度报告 2025-01-22", "某街道2024年政府信息公开工作年度报告"),
        ("欢迎光临某省工业和信息化厅", "某省工业和信息化厅"),
        ("海关总署2020年政府信息公开工作年度报告-某某网站", "海关总署2020年政府信息公开工作年度报告"),
        ("某局2020年政府信息公开工作年度报告_某市人民政府门户网站", "某局2020年政府信息公开工作年度报告"),
        ("标题：某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
        ("标题: 某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
        ("大中小某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
        ("【字体：大 中 小】某局2022年政府信息公开工作年度报告【打印】【关闭】", "某局2022年政府信息公开工作年度报告"),
        ("# 某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
        ("**某局2022年政府信息公开工作年度报告**", "某局2022年政府信息公开工作年度报告"),
        ("  • 2016年某区某委员会政府信息公开年度报告", "2016年某区某委员会政府信息公开年度报告"),  # a list bullet
        ("- 某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
        ("《某局2022年政府信息公开工作年度报告》", "某局2022年政府信息公开工作年度报告"),
        ("首页 > 政务公开 > 某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
        ("某局2022年政府信息公开工作年度报告 发布时间：2023-01-10 来源：某局", "某局2022年政府信息公开工作年度报告"),
        ("名称：某局2022年政府信息公开工作年度报告 发布日期：2023-01-10", "某局2022年政府信息公开工作年度报告"),
        ("标题|某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
        ("当前位置:首页> |某厅2022年度政府信息公开工作报告", "某厅2022年度政府信息公开工作报告"),
        ("某部政府信息公开工作2021年度报告 二维码", "某部政府信息公开工作2021年度报告"),
        ("【扫一扫在手机打开当前页】某局2022年政府信息公开工作年度报告", "某局2022年政府信息公开工作年度报告"),
    ],
)
def test_clean_title_line(line, cleaned):
    assert clean_title_line(line) == cleaned


def test_markup_in_a_title_is_not_a_breadcrumb():
    line = '"><img src=x onerror=alert(1)>某局2022年政府信息公开工作年度报告'
    assert clean_title_line(line) == line


def test_cms_rows():
    assert is_cms_row("索引号：113706/2023-001 | 发布机构：某局 | 分类：政府信息公开年报")
    assert not is_cms_row("某局2022年政府信息公开工作年度报告")
    glued = "索引号：113706/2023-001 |发布机构：某局|分类：政府信息公开年报某局2022年政府信息公开工作年度报告"
    assert title_of([glued, "一、总体情况"]) == "某局2022年政府信息公开工作年度报告"


def test_a_title_glued_to_the_preamble():
    line = "某县2019年政府信息公开工作年度报告根据《中华人民共和国政府信息公开条例》要求，编制本报告。"
    assert title_of([line]) == "某县2019年政府信息公开工作年度报告"


def test_a_title_printed_twice_and_glued_to_the_preamble_is_read_once():
    # a document site prints the file's name, then the heading, then the preamble, all in one paragraph
    line = ("某县开发区2020年政府信息公开工作年度报告某县开发区2020年政府信息公开工作年度报告"
            "2020年，某县开发区在县委、县政府的领导下，认真贯彻落实《条例》。")
    assert title_of([line]) == "某县开发区2020年政府信息公开工作年度报告"
    other = "某县开发区2020年政府信息公开工作年度报告某镇2020年政府信息公开工作年度报告根据《条例》编制。"
    assert title_of([other]) != "某县开发区2020年政府信息公开工作年度报告"  # two different titles are not one said twice


@pytest.mark.parametrize(
    "title, head",
    [
        ("某局2022年政府信息公开工作年度报告", "某局"),
        ("2022年度某局政府信息公开工作年度报告", "某局"),
        ("关于某局2021年度政府信息公开工作年度报告", "某局"),
        ("2022年上海市政府信息公开工作年度报告", "上海市"),
        ("2022年政府信息公开工作年度报告", ""),
        ("某海关2016年海关政府信息公开年度工作报告", "某海关"),  # the kind said again after the year (天津海关, 2016)
        ("某县2016年度卫生局政府信息公开工作年度报告", "某县卫生局"),
    ],
)
def test_title_head(title, head):
    assert title_head(title) == head


def test_a_slash_breadcrumb_is_chrome_and_not_the_start_of_the_title():
    paragraphs = ["首页/ 政务公开 / 信息公开年报 / 乡镇 / 2023年 / 正文", "某某镇2023年政府信息公开工作年度报告", "一、总体情况"]
    assert title_of(paragraphs) == "某某镇2023年政府信息公开工作年度报告"
    assert clean_title_line("2023/01/16 某局2022年政府信息公开工作年度报告") == "2023/01/16 某局2022年政府信息公开工作年度报告"


def test_a_title_broken_inside_its_report_words():
    paragraphs = ["某某新区某某街道办事处2024年度政府", "信息公开工作年度报告", "根据《条例》编制本报告。"]
    assert title_of(paragraphs) == "某某新区某某街道办事处2024年度政府信息公开工作年度报告"


def test_a_line_is_not_joined_to_a_whole_title_after_it():
    paragraphs = ["政务公开 政府信息公开", "某县林业局2021年政府信息公开工作年度报告", "一、总体情况"]
    assert title_of(paragraphs) == "某县林业局2021年政府信息公开工作年度报告"


def test_a_government_and_its_office_as_one_body_heads_a_title():
    paragraphs = ["某某县人民政府机关", "2020年政府信息公开工作年度报告", "本报告根据《条例》编制。"]
    assert title_of(paragraphs) == "某某县人民政府机关2020年政府信息公开工作年度报告"


def test_a_page_title_with_stray_cell_pipes():
    assert title_of(["一、总体情况"], "| 某县某镇人民政府2024年政府信息公开工作年度报告 | ||") == (
        "某县某镇人民政府2024年政府信息公开工作年度报告")


def test_a_title_glued_to_the_preamble_ending_in_a_plain_report_word():
    paragraphs = ["某县卫生健康局2022年度政府信息公开工作的报告根据《条例》要求,编制了本年报。"]
    assert title_of(paragraphs) == "某县卫生健康局2022年度政府信息公开工作的报告"


def test_title_broken_inside_its_report_words():
    assert title_of(["某市公安局2020年度政府信息", "公开工作年度报告", "概述"]) == "某市公安局2020年度政府信息公开工作年度报告"


def test_title_glued_to_a_first_sentence_opened_by_the_year():
    line = "某区水利局2024年度政府信息公开工作年度报告2024年,区水利局秉承公开透明的原则,现报告如下:"
    assert title_of([line]) == "某区水利局2024年度政府信息公开工作年度报告"


@pytest.mark.parametrize(
    "line, cleaned",
    [
        ("当前位置:首页>政府信息公开年报>2023>苏木镇场、社区服务中心东乌珠穆沁旗满都宝力格镇2023年政府信息公开工作年度报告",
         "东乌珠穆沁旗满都宝力格镇2023年政府信息公开工作年度报告"),
        ("首页>政府信息公开年报>2024>乡镇(街道)嘉善县西塘镇2024年政府信息公开工作年度报告发布时间:2025-01-20",
         "嘉善县西塘镇2024年政府信息公开工作年度报告"),
    ],
)
def test_a_column_name_glued_before_the_title_in_the_last_crumb_is_cut(line, cleaned):
    assert clean_title_line(line) == cleaned


@pytest.mark.parametrize(
    "line",
    [
        "首页 > 政务公开 > 国家税务总局嘉兴市税务局2022年政府信息公开工作年度报告",
        "首页 > 政务公开 > 2023年度长沙市岳麓区市场监督管理局政府信息公开工作年度报告",
        "首页 > 政务公开 > 关于德阳市旌阳区审计局2021年度政府信息公开工作年度报告",
    ],
)
def test_a_title_that_opens_with_an_agency_a_year_or_guanyu_keeps_it(line):
    assert clean_title_line(line) == line.rpartition("> ")[2]


def test_a_title_printed_twice_on_one_line_is_read_once():
    line = "乐清市某某镇2024年政府信息公开工作年度报告乐清市某某镇2024年政府信息公开工作年度报告"
    assert clean_title_line(line) == "乐清市某某镇2024年政府信息公开工作年度报告"
    assert clean_title_line("您现在的位置: |首页|" + line) == "乐清市某某镇2024年政府信息公开工作年度报告"


def test_a_title_naming_its_place_beats_one_with_a_bare_level_above_it():
    lines = [
        "区退役军人事务局2022年政府信息公开工作年度报告",
        "发布日期:2023-01-19 10:02:41 文章来源:本网",
        "广州市越秀区退役军人事务局2022年政府信息公开工作年度报告",
        "一、总体情况",
    ]
    assert title_of(lines) == "广州市越秀区退役军人事务局2022年政府信息公开工作年度报告"
    lines = ["2018年水务局政府信息公开工作年度报告", "发布时间:2019-01-08", "2018年绵阳市水务局政府信息公开工作年度报告"]
    assert title_of(lines) == "2018年绵阳市水务局政府信息公开工作年度报告"


def test_a_title_broken_inside_its_agency_name():
    lines = ["重庆市沙坪坝区人民政府小龙坎街道", "办事处2023年政府信息公开工作年度报告", "一、总体情况"]
    assert title_of(lines) == "重庆市沙坪坝区人民政府小龙坎街道办事处2023年政府信息公开工作年度报告"
    # a sentence or a dated line above is not the first part of the name
    lines = ["发布时间:2024-01-05 来源:某区", "办事处2023年政府信息公开工作年度报告"]
    assert title_of(lines) == "办事处2023年政府信息公开工作年度报告"


def test_a_flipbook_page_label_is_not_part_of_the_title():
    assert clean_title_line("Page 9 - 某县人民政府办公室2022年政府信息公开工作年度报告") == "某县人民政府办公室2022年政府信息公开工作年度报告"


def test_a_version_note_after_the_title_is_kept_as_printed():
    lines = ["某县财政局2023年度政府信息公开工作年度报告(文字版)", "发布时间:2024-01-25 08:36", "一、总体情况"]
    assert title_of(lines) == "某县财政局2023年度政府信息公开工作年度报告(文字版)"


def test_a_news_sites_full_text_note_is_not_part_of_the_title():
    # 辽宁省2015年度政府信息公开工作报告(全文), 青海省2012年…报告(全文): a news site reposting the whole report
    lines = ["某省2015年度政府信息公开工作报告(全文)", "某省人民政府办公厅 2016-04-15", "一、总体情况"]
    assert title_of(lines) == "某省2015年度政府信息公开工作报告"
    assert clean_title_line("某省2012年政府信息公开工作报告（全文）") == "某省2012年政府信息公开工作报告"


def test_title_head_without_a_year_printed_without_nian():
    assert title_head("某自治区政府国资委2020政府信息公开工作年度报告") == "某自治区政府国资委"


def test_a_title_split_after_a_bare_year_beats_the_sites_header_and_column():
    """北京市某区人民政府 / 政府信息公开年报 (the site's header and column) above the report's own title
    printed over two lines with its year without 年."""
    paragraphs = ["北京市东城区人民政府", "政府信息公开年报", "北京市东城区人民防空办公室2020", "政府信息公开工作年度报告",
                  "发布时间:2021-01-19", "本报告是根据《条例》要求编制的2020年度政府信息公开工作年度报告。"]
    assert title_of(paragraphs) == "北京市东城区人民防空办公室2020政府信息公开工作年度报告"


def test_a_document_sharing_sites_chunk_number_is_not_part_of_the_title():
    """1、某局2017年度…报告本报告根据…: the site numbers the chunks it cut the file into."""
    paragraphs = ["1、 某某区档案局 2017 年度政府信息公开工作年度报告根据条例要求，特向社会公布本报告。", "一、概述"]
    assert title_of(paragraphs).replace(" ", "") == "某某区档案局2017年度政府信息公开工作年度报告"


def test_a_title_on_its_year_with_the_agency_in_brackets_after_it():
    paragraphs = ["2024年政府信息公开工作年度报告 (上海市浦东新区某某镇人民政府)", "索引号 发布机构 某某镇", "引言"]
    assert title_of(paragraphs) == "2024年政府信息公开工作年度报告 (上海市浦东新区某某镇人民政府)"


def test_a_titles_bracketed_year_on_the_line_under_it_is_part_of_it():
    paragraphs = ["某某县民政局", "政府信息公开工作年度报告", "(2023年度)", "根据《条例》规定，现将报告如下："]
    assert title_of(paragraphs) == "某某县民政局政府信息公开工作年度报告(2023年度)"
    # a title with its year keeps a date line under it apart (the page's date, not the title's)
    dated = ["某某县民政局2023年政府信息公开工作年度报告", "(2024年1月19日)", "一、总体情况"]
    assert title_of(dated) == "某某县民政局2023年政府信息公开工作年度报告"


def test_an_encyclopedias_infobox_row_names_the_report():
    """中文名 | 某区人民政府2019年…报告 | 发布单位 | 某区人民政府 |: a wiki page's infobox before the text."""
    paragraphs = ["中文名 | 泸州市江阳区人民政府2019年政府信息公开工作年度报告 | 发布单位 | 泸州市江阳区人民政府",
                  "本报告根据《中华人民共和国政府信息公开条例》规定编制。", "一、总体情况"]
    assert title_of(paragraphs) == "泸州市江阳区人民政府2019年政府信息公开工作年度报告"


def test_an_opening_without_a_title_line_is_titled_by_the_name_its_preamble_quotes():
    """No title line, but the preamble publishes the report by name (现发布《…》): the name as printed, with its
    short agency type (市场监管局), not a name made from the agency and the year."""
    preamble = "根据《中华人民共和国政府信息公开条例》要求，现发布《某市市场监管局2022年政府信息公开工作年度报告》。本报告统计期限为2022年1月1日至12月31日。"
    assert title_of([preamble, "一、总体情况", "某市市场监督管理局高度重视政府信息公开工作。"]) == \
        "某市市场监管局2022年政府信息公开工作年度报告"
    # a regulation quoted in the preamble names no report; nor does a report of another year quoted in the body
    rules = "根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》要求编制。"
    body = "2022年，我局公开了《某市某局2021年政府信息公开工作年度报告》。"
    assert title_of([rules, "一、总体情况", body]) is None


def test_a_pages_own_title_line_starting_on_the_sites_name():
    """某市政府门户网站-某县人民政府2021年…报告_…: the site's name before the title is not part of it."""
    paragraphs = ["某市政府门户网站-某某县人民政府2021年政府信息公开工作年度报告_某某网", "首页 > 政府信息公开",
                  "某某县人民政府2021年政府信息公开工作年度报告", "一、总体情况"]
    assert title_of(paragraphs) == "某某县人民政府2021年政府信息公开工作年度报告"
    assert clean_title_line("某某网站 - 关于网站") == "某某网站 - 关于网站"  # no title after the site's name


def test_an_encyclopedias_lead_sentence_is_its_title():
    """某镇2019年度…报告。 then the infobox's list item (- 中文名:…): the title without the full stop."""
    paragraphs = ["某某县某某镇2019年度政府信息公开年度工作报告。", "基本介绍", "-中文名:某某县某某镇2019年度政府信息公开年度工作报告"]
    assert title_of(paragraphs) == "某某县某某镇2019年度政府信息公开年度工作报告"


def test_a_news_headline_about_the_report_is_not_its_title():
    """某省人民政府发布2010年…报告 (a portal's headline) above the report's own title line."""
    paragraphs = ["某省人民政府发布2010年政府信息公开工作报告", "2011年05月26日 | 某某网", "某省人民政府2010年政府信息公开工作报告",
                  "本年度报告是根据条例要求编制的。"]
    assert title_of(paragraphs) == "某省人民政府2010年政府信息公开工作报告"


def test_a_mirrors_question_marks_for_unprintable_spaces_are_no_part_of_a_title():
    # a mirror site writes the non-breaking spaces it cannot encode as ASCII question marks,
    # after a title split over two lines and before the first paragraph
    paragraphs = ["某某旗2024年度", "政府信息公开年报?", "? ?本年度报告根据《条例》要求制作。", "一、总体情况?"]
    assert title_of(paragraphs) == "某某旗2024年度政府信息公开年报"
    assert clean_title_line("?某县2023年政府信息公开工作年度报告 ?") == "某县2023年政府信息公开工作年度报告"


def test_a_cms_rows_content_cell_glued_to_the_preamble_holds_the_title():
    # 文件下载内容概述|江阴市人民政府2011年政府信息公开年度报告本年度报告是根据… (a Jiangsu county's CMS table, one run)
    row = ("公开形式|网站、文件、政府公报|公开方式|主动公开|公开范围|面向社会有效期|长期|公开程序|部门编制,经办公室审核后公开|"
           "体裁|报告主题(一级) |综合政务|主题(二级) |文秘工作|关键词|报告,行政,工作制度效力状况|有效|文件下载内容概述|"
           "某市人民政府2011年政府信息公开年度报告本年度报告是根据《条例》的要求编制。如有疑问请与某市人民政府办公室联系,联系电话:86860511。")
    assert title_of(["文件编号|公开时限|长期公开|发布机构|某市人民政府办公室", row]) == "某市人民政府2011年政府信息公开年度报告"
def test_a_bar_of_site_links_above_a_title_is_not_its_first_piece():
    """中国政府网 | 某部 | 某省政府门户网站 无障碍浏览| over an agency-less title (a province bureau's page header)."""
    lines = ["中国政府网 | 中华人民共和国某某部 | 某省政府门户网站 无障碍浏览|", "2023年政府信息公开工作年度报告", "一、总体情况"]
    assert title_of(lines) == "2023年政府信息公开工作年度报告"
    # a title broken inside its report words still joins (no bar between items)
    assert title_of(["某县水利局2023年度政府", "信息公开工作年度报告"]) == "某县水利局2023年度政府信息公开工作年度报告"


def test_a_breadcrumb_of_words_between_spaces_yields_to_the_title_printed_alone_under_it():
    """某市人民政府门户网站 某市某局 政府信息公开年报 某市某局2023年…报告: a page's breadcrumb whose crumbs only
    spaces separate ends on the title, which the next line prints alone: that line is the title, not the crumbs."""
    lines = ["页面:", "某市人民政府门户网站 某市人力资源和社会保障局 政府信息公开年报 某市人力资源和社会保障局2023年度信息公开工作年度报告",
             "某市人力资源和社会保障局2023年度信息公开工作年度报告", "来源:本网   时间:2024-01-12 09:00:29",
             "根据《中华人民共和国政府信息公开条例》规定，现公布某市人力资源和社会保障局2023年政府信息公开工作年度报告。"]
    assert title_of(lines) == "某市人力资源和社会保障局2023年度信息公开工作年度报告"
    lines[1] = lines[1].replace(" ", "")  # the display form of the line: its spaces dropped
    assert title_of(lines) == "某市人力资源和社会保障局2023年度信息公开工作年度报告"
    # a title in full above the same title without its province is no breadcrumb: the fuller one stays
    assert title_of(["某省某市农业农村局2022年政府信息公开工作年度报告", "某市农业农村局2022年政府信息公开工作年度报告"]) \
        == "某省某市农业农村局2022年政府信息公开工作年度报告"
    # a title whose first words stand apart from the rest (某市 某局2023年…报告) is still one title
    assert title_of(["某县 农业农村局2022年政府信息公开工作年度报告", "一、总体情况"]) == "某县 农业农村局2022年政府信息公开工作年度报告"


def test_a_site_and_its_columns_before_the_title_on_one_line_are_crumbs():
    # held26 019: the page prints its site, a column, then the title, spaces between (no > nor /)
    line = "某市人民政府门户网站 部门 某市体育局2022年政府信息公开工作年度报告"
    assert clean_title_line(line) == "某市体育局2022年政府信息公开工作年度报告"
    assert title_of([line, "一、总体情况"]) == "某市体育局2022年政府信息公开工作年度报告"
    # a title whose own words a space parts stays whole: what follows the site must be a title on its own
    spaced = "某市人民政府门户网站 某市体育局 2022年政府信息公开工作年度报告"
    assert clean_title_line(spaced) == "某市体育局 2022年政府信息公开工作年度报告"
    # no site before: the line is left as it is
    plain = "政务公开 某市体育局2022年政府信息公开工作年度报告"
    assert clean_title_line(plain) == plain


def test_a_site_and_its_column_glued_before_the_title():
    # the reader drops the spaces between Chinese characters: 门户网站 部门 某市… reaches the title rule glued
    line = "延安市人民政府门户网站部门延安市林业局2022年政府信息公开工作年度报告"
    assert title_of([line, "一、总体情况"]) == "延安市林业局2022年政府信息公开工作年度报告"


def test_the_widget_hint_finds_every_widget_so_skipping_lines_without_it_changes_nothing():
    from indexer.fields.title import _WIDGET, _WIDGET_HINT

    for widget in ("【字体：大 中 小】", "字号 大中小", "[打印本页]", "打印", "【关闭窗口】", "关闭", "收藏", "分享到",
                   "分享", "扫一扫在手机上打开当前页", "扫一扫在手机打开当前页", "扫一扫", "二维码", "[ 二维码 ]"):
        line = f"某县人民政府2023年政府信息公开工作年度报告 {widget} 发布时间：2024-01-20"
        assert _WIDGET.search(line) and _WIDGET_HINT.search(line), widget
    assert not _WIDGET_HINT.search("某县人民政府2023年政府信息公开工作年度报告") and not _WIDGET.search("某县人民政府2023年政府信息公开工作年度报告")
    assert clean_title_line("某县人民政府2023年政府信息公开工作年度报告【打印本页】【关闭窗口】") == "某县人民政府2023年政府信息公开工作年度报告"


def test_a_font_size_label_after_the_title_is_chrome_whatever_its_brackets_hold():
    # 字号:[ ] (the sizes drawn as pictures, so the brackets print empty) or an unclosed 【字体: on the title's line
    crumb = "当前位置:首页 > 政府信息公开 > 政府信息公开工作年度报告"
    for widget in ("字号:[ ]", "字号：[ ]", "【字体:", "字体：【大 中 小】", "字号：T|T"):
        line = f"某市市场监督管理局2023年政府信息公开工作年度报告 {widget}"
        assert clean_title_line(line) == "某市市场监督管理局2023年政府信息公开工作年度报告", widget
        assert title_of([crumb, "发布日期 2024-01-16", line, "一、总体情况"]) == \
            "某市市场监督管理局2023年政府信息公开工作年度报告", widget
    # a sentence that speaks of 字号 is no label: left as it is
    assert clean_title_line("统一文件字号：按规定编号") == "统一文件字号：按规定编号"


def test_a_breadcrumb_ending_on_its_column_is_no_title_piece():
    # the site's name on a line, the breadcrumb under it ending on the column, the title in a CMS field
    lines = ["某某经济开发区", "当前位置:首页>某某经济开发区>信息公开>政府信息公开工作年度报告",
             "内容概述2023年政府信息公开工作年度报告", "2023年政府信息公开工作年度报告", "一、总体情况"]
    assert title_of(lines) == "2023年政府信息公开工作年度报告"
    assert clean_title_line("内容概述2023年政府信息公开工作年度报告") == "2023年政府信息公开工作年度报告"
    assert clean_title_line("首页 > 信息公开 > 政府信息公开年报") == ""
    # a breadcrumb ending on the title itself keeps it
    assert clean_title_line("首页 > 信息公开 > 某县某局2023年政府信息公开工作年度报告") == "某县某局2023年政府信息公开工作年度报告"
