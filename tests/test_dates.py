"""Year and printed date rules of indexer/fields/dates.py, on strings."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.fields.dates import parse_date, published_of, report_years, statistics_year, year_of


def test_years_in_document_numbers_and_dates_are_not_the_report_year():
    paragraphs = [
        "根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，现将我局2022年度报告如下：",
        "截至2022年底，我局主动公开信息80条，较2021年增加5条。",
        "某局",
        "2023年1月15日",
    ]
    assert year_of(None, paragraphs, "2023-01-15") == 2022


def test_year_is_the_statistics_year_even_when_signed_in_that_same_year():
    paragraphs = ["某局政府信息公开工作年度报告", "2020年，我局主动公开信息115条。", "某局", "2020年1月19日"]
    assert year_of(paragraphs[0], paragraphs, "2020-01-19") == 2020


def test_the_statistics_period_is_the_strongest_signal_without_a_title_year():
    paragraphs = [
        "政府信息公开工作年度报告",
        "本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。",
        "2022年，我局将继续推进政务公开工作，2022年计划公开信息200条。2022年度重点工作如下。",
    ]
    assert statistics_year(paragraphs) == 2021
    assert year_of(paragraphs[0], paragraphs, "2022-01-20") == 2021
    assert statistics_year(["本年度报告中所列数据的统计周期为 2024 年 1 月 1 日至 12 月 31 日。"]) == 2024
    assert statistics_year(["本报告所列数据统计期限为2025年1月1日至2025年12月31日。"]) == 2025
    assert statistics_year(["2022年，我局主动公开信息。"]) is None


def test_a_whole_calendar_year_span_is_the_statistics_year_when_no_period_is_labelled():
    # 本报告中所列数据统计限自2021年1月1日至2021年12月31日 (岱山县卫生健康局, the label misprinted): no year mention counts
    paragraphs = ["本报告中所列数据统计限自2021年1月1日至2021年12月31日。", "一、总体情况", "1.2021,在县委的领导下，我局认真贯彻落实。"]
    assert statistics_year(paragraphs) == 2021
    assert year_of(None, paragraphs) == 2021
    assert statistics_year(["内容涵盖2013年1月1日至12月31日期间的工作情况。"]) == 2013
    assert statistics_year(["自2020年1月1日至2021年12月31日，共受理申请12件。"]) is None  # two years: no one year


def test_the_title_year_comes_first():
    paragraphs = ["本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。"]
    assert year_of("某局2022年政府信息公开工作年度报告", paragraphs) == 2022


def test_chinese_numeral_year_and_date():
    assert year_of("某某局二〇二一年政府信息公开工作年度报告", []) == 2021
    assert parse_date("二〇二二年一月二十八日") == dt.date(2022, 1, 28)
    assert parse_date("2022-1-8") == dt.date(2022, 1, 8)
    assert parse_date("2022年13月40日") is None


def test_published_is_the_signature_date_not_a_date_in_the_body():
    body = ["截至2023年12月31日，我局共发布信息267条。", "六、其他需要报告的事项", "无。"]
    assert published_of(body) is None
    assert published_of(body + ["某局", "2024年1月18日"]) == "2024-01-18"
    assert published_of(body, meta_published="2024-01-20 09:30") == "2024-01-20"
    assert published_of(["某局2023年报告", "发布日期：2024-01-22", *body]) == "2024-01-22"


def test_a_date_line_under_the_title_is_the_printed_date():
    opening = ["某县人民政府2025年政府信息公开工作年度报告", "某县人民政府", "（2026年1月23日）", "依据《条例》编制本报告。"]
    assert published_of(opening + ["一、总体情况", "2025年，我县主动公开信息。"]) == "2026-01-23"


def test_a_page_date_with_its_time_glued_to_the_day():
    assert parse_date("2021-03-2918:26") == dt.date(2021, 3, 29)
    assert parse_date("2021-03-29 18:26") == dt.date(2021, 3, 29)


def test_the_page_date_first_on_a_line_of_page_chrome():
    body = ["一、总体情况", "2023年，我局主动公开信息55条。"]
    assert published_of(["某局2023年报告", "2024-01-19 08:30 来源：某局", *body]) == "2024-01-19"
    assert published_of(["某局2023年报告", "2024年01月25日 (点击: )", *body]) == "2024-01-25"
    assert published_of(["某局2023年报告", "2024年1月19日，某局召开政务公开会议。", *body]) is None


def test_a_date_label_with_its_date_in_the_next_cell_or_line():
    body = ["一、总体情况", "2023年，我局主动公开信息55条。"]
    assert published_of(["成文日期 | 发布日期 | 2024-02-06 |", *body]) == "2024-02-06"
    assert published_of(["索引号：123", "发布日期：", "2024-02-06", *body]) == "2024-02-06"
    assert published_of(["发表日期:2024-01-26 15:35:23 发布机构:某局", *body]) == "2024-01-26"


def test_the_date_of_the_site_clock_is_not_the_page_date():
    body = ["某区2022年政府信息公开工作年度报告", "一、总体情况", "2022年，全区主动公开信息。"]
    assert published_of(["2023年3月3日星期五", *body]) is None


def test_a_page_date_below_a_long_run_of_chrome():
    chrome = ["首页", "信息公开指南", "信息公开年报", "组织机构", "政府文件", "计划规划", "财政管理", "人事任免"]
    lines = chrome + ["某乡2023年政府信息公开工作年度报告", "录入人员: abc 发布时间: 2024-01-19 访问次数:", "一、总体情况"]
    assert published_of(lines) == "2024-01-19"


def test_a_sentence_about_dates_is_no_date_line():
    body = ["一、总体情况", "2023年，我局主动公开信息55条。"]
    assert published_of(body + ["数据核定时间点为2022年1月1日至12月31日"]) is None
    assert published_of(body + ["某县人民政府办公室", "2024年1月18日"]) == "2024-01-18"
    assert published_of(["某局2023年报告", "• 2024-01-29", *body]) == "2024-01-29"  # a list bullet before it


def test_a_date_label_glued_to_the_site_name():
    body = ["一、总体情况", "2023年，我局主动公开信息55条。"]
    assert published_of(["某局2018年报告", "点击量:来源:某区人民政府网站日期:2020-01-10 16:16", *body]) == "2020-01-10"
    assert published_of(["某局2018年报告", "数据统计时间:2018-01-01至2018-12-31", *body]) is None
    # the same byline with the date written in characters (来源:某局 日期:2022年01月20日 【字体:)
    assert published_of(["某局2021年报告", "来源:某区住房和建设局日期:2022年01月20日【字体:", *body]) == "2022-01-20"
    assert published_of(["某局2021年报告", "统计时间:2021年1月1日至2021年12月31日", *body]) is None


def test_a_date_closing_the_title_or_a_site_line():
    body = ["根据《条例》规定，现发布本报告。", "一、总体情况", "2023年，某局主动公开信息55条。"]
    assert published_of(["某市人民政府办公室2022年报告", "某市人民政府门户网站 www.example.gov.cn 2023-01-28", *body]) == "2023-01-28"
    assert published_of(["某街道2024年政府信息公开工作年度报告 2025-01-22", *body]) == "2025-01-22"
    assert published_of(["某局2023年报告", "统计期限为2023年1月1日至2023年12月31日", *body]) is None
    assert published_of(["某局2023年报告", *body, "2023年1月9日，某局召开会议"]) is None


def test_the_date_a_page_takes_effect_is_not_its_date():
    body = ["一、总体情况", "2022年，各部门公开政府信息。"]
    opening = ["生效日期: 2023-03-21 废止日期:", "某州人民政府2022年报告", "来源: 发布时间:2023-03-17 浏览次数:"]
    assert published_of(opening + body) == "2023-03-17"


def test_a_label_dates_the_page_only_with_the_date_right_after_it():
    run_on = "索引号: | 0024/2025-00022 |发布机构: |省教育厅|公开日期: | 2025-01-24某厅2024年报告。统计期限为2024年1月1日至12月31日。"
    assert published_of([run_on, "一、总体情况"]) == "2025-01-24"


def test_a_document_sharing_sites_edit_stamp_is_not_the_reports_date():
    opening = ["编辑: someuser01 2019-07-14", "- 1 -", "2018 年度政府信息公开 年度报告 成都市某某局", "本报告根据条例编制。"]
    assert published_of(opening) is None
    assert published_of(["某某局2018年政府信息公开工作年度报告 2019-03-06", "本报告根据条例编制。"]) == "2019-03-06"


def test_year_from_work_dated_only_since_the_year_when_nothing_else_gives_one():
    assert year_of(None, ["一、总体情况", "2019年以来，我局严格按照市委、市政府的统一部署，及时主动公开政府信息。"]) == 2019


def test_a_since_year_does_not_outvote_the_year_the_text_reports_on():
    assert year_of(None, ["2021年，我局主动公开信息50条。", "2019年以来累计公开信息300条。"]) == 2021


def test_a_document_sharing_listing_date_is_not_the_reports():
    lines = ["某县2017年度政府信息公开年报", "ID:33072920", "大小:233.98 KB", "页数:8页", "时间:2019-02-19",
             "资源描述:", "2017年度,县政府认真落实市政府关于政府信息公开的各项制度。"]
    assert published_of(lines) is None
    page = ["某县2017年度政府信息公开年报", "时间:2018-03-19", "一、概述", "2017年度,县政府认真落实各项制度。"]
    assert published_of(page) == "2018-03-19"


def test_the_date_a_page_was_published_wins_over_the_date_it_was_drafted():
    """A CMS box prints when the document was drafted (成文日期, 公文生成日期) and when the page was
    published (发布日期, 时间): the page's date is the latter, on the same line or a later one."""
    same_line = ["发布机构 某苏木 文 号 某政发〔2022〕5号", "成文日期 2022-01-08 发布日期 2022-09-06",
                 "某苏木2021年度政府信息公开工作年度报告", "一、总体情况", "2021年，某苏木认真推进政务公开。"]
    assert published_of(same_line) == "2022-09-06"
    later_line = ["• 发布机构:某区卫生健康局", "• 公文生成日期:2023-01-06", "某区卫生健康局2022年政府信息公开工作年度报告",
                  "时间:2023-01-11 11:18", "根据《条例》规定，向社会公布本报告。"]
    assert published_of(later_line) == "2023-01-11"
    # a drafting date alone is still the only date the page prints
    assert published_of(["• 公文生成日期:2023-01-06", "某局2022年政府信息公开工作年度报告", "根据《条例》规定编制。"]) == "2023-01-06"


def test_a_statistics_period_called_tongjiqi_gives_the_year():
    paragraphs = ["本报告由概述、主动公开情况等部分组成。", "本报告中所列数据的统计期自2016年1月1日起至2016年12月31日止。",
                  "市教育局高度重视政府信息公开工作，2017年将进一步推进。"]
    assert statistics_year(paragraphs) == 2016
    assert year_of(None, paragraphs) == 2016


def test_the_pages_labelled_publishing_date_wins_over_a_drafting_date_line():
    """发布时间:2019-03-27 under the title, then the text's own date (2019年2月20日) on a line of its own:
    the page says when it published."""
    opening = [
        "某市气象局2018年政府信息公开工作年度报告",
        "发布时间:2019-03-27 05:10",
        "2019年2月20日)",
        "本报告根据《中华人民共和国政府信息公开条例》的相关规定编制。",
        "一、 概述",
        "2018年,某市气象局印发了工作要点。",
    ]
    assert published_of(opening) == "2019-03-27"
    assert published_of([p for p in opening if not p.startswith("发布")]) == "2019-02-20"  # the date line alone still dates it


def test_the_issue_date_label_dates_the_page():
    """发文日期 (the date the document was issued) in a CMS box is the page's date, like 发布日期."""
    opening = ["天气:多云,午后有雷阵雨 您现在的位置:首页>>信息公开>>年度报告",  # a line with a comma: page chrome
               "发布机构: 市政府研究室 发文日期: 2023年01月12日", "名  称: 某市人民政府研究室2022年政府信息公开工作年度报告",
               "一、总体情况", "2022年，某市人民政府研究室认真贯彻落实条例。"]
    assert published_of(opening) == "2023-01-12"


def test_a_title_year_printed_without_its_year_character():
    """某厅2022政府信息公开工作年度报告: the year right before the report words, 年 left out."""
    assert year_of("某省某某厅2022政府信息公开工作年度报告", ["日期: 2023-01-31", "一、总体情况"], "2023-01-31") == 2022


def test_a_byline_naming_its_source_then_the_date_gives_the_page_date():
    # 来源:云南省人民政府办公厅          2020-03-31 17:13:25 【字体: (the spaces dropped in the display form)
    opening = ["2019年某省政府信息公开工作年度报告", "来源:某省人民政府办公厅2020-03-31 17:13:25【字体:", "本报告由某省人民政府办公厅编制。"]
    assert published_of(opening) == "2020-03-31"
    assert published_of(["某局2019年报告", "来源:某局 2020年3月31日 【打印】"]) == "2020-03-31"
    assert published_of(["某局2019年报告", "来源:某局。2020年3月31日全年主动公开信息20条。"]) is None  # a sentence, not a byline


def test_archiving_date_is_not_the_page_date():
    """归档时间:2020-01-01 says when a page went to the archive; the page's own date under the title is the
    report's (held20: a 2016 report given 2020-01-01)."""
    paragraphs = ["归档时间:2020-01-01", "某市地方海事局2016年政府信息公开工作年度报告",
                  "2017-03-08 10:17 来源:市地方海事局 字体:【 浏览量:",
                  "按照《中华人民共和国政府信息公开条例》的要求，编制本报告。"]
    assert published_of(paragraphs) == "2017-03-08"


@pytest.mark.parametrize("label", ["归档日期：", "归档时间："])
def test_archiving_label_alone_gives_no_date(label):
    assert published_of([f"{label}2020-01-01", "某局2016年政府信息公开工作年度报告", "一、概述，我局…"]) is None


def test_date_run_into_the_first_paragraph():
    """2019年3月26日本年度报告根据《条例》…: a page's date line run together with the preamble under it (a copy
    that lost the line break) is the page's date (held20 035)."""
    paragraphs = ["2019年3月26日本年度报告根据《中华人民共和国政府信息公开条例》要求，由某高新区管委会编制。",
                  "一、概述", "我单位领导高度重视信息公开工作。"]
    assert published_of(paragraphs) == "2019-03-26"


def test_date_opening_a_sentence_about_that_day_is_no_page_date():
    """2019年3月26日，我局召开…: a sentence that opens on a day is about that day."""
    paragraphs = ["一、概述", "2019年3月26日，我局召开政务公开工作会议。"]
    assert published_of(paragraphs) is None


def test_last_years_final_accounts_and_other_documents_years_do_not_vote():
    """A report without title or period: the year it did its work (2023年，省财政厅…) wins over the years of the
    final accounts it published (2022年度决算, always the year before) and of the documents it names
    (《某省2022年预算执行情况和2023年预算草案的报告》)."""
    paragraphs = [
        "一、总体情况",
        "2023年,省财政厅坚持以习近平新时代中国特色社会主义思想为指导,做好政府信息公开。",
        "(一)主动公开。2023年2月3日,在厅门户网站上公开《某省2022年预算执行情况和2023年预算草案的报告》。"
        "完成2023年省本级政府预算公开。完成2022年度省本级政府决算公开,牵头主动公开2022年度决算。",
    ]
    assert year_of(None, paragraphs) == 2023


def test_a_quoted_disclosure_report_still_gives_its_year():
    """现发布《某镇2023年政府信息公开工作年度报告》: the report's own name, quoted, is no other document."""
    assert report_years("现发布《某县某镇2023年政府信息公开工作年度报告》。") == [(2023, 1.0)]
    assert report_years("现发布《某局2022年…年度报告》。") == [(2022, 1.0)]
