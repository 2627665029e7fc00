"""The lines the field rules read (indexer/fields/lines.py), on strings."""

from __future__ import annotations

from indexer.fields.lines import (
    as_printed,
    field_lines,
    rule_lines,
    simplified,
    unspread,
    without_breaks,
    without_glosses,
    without_lost_indent,
    without_menus,
)


def test_a_header_row_spread_over_merged_cells_is_its_distinct_cells():
    title, date = "某县人民政府2021年度政府信息公开工作年度报告", "2022-02-10 发布：某县人民政府办公室 点击数："
    row = " | ".join([title] * 6 + [date] * 6)
    assert unspread(row) == [title, date]
    assert unspread(title + " | ||||") == [title]


def test_a_real_table_row_or_a_sentence_stays_as_it_is():
    assert unspread("行政许可 | 12 | 3 | 15") == ["行政许可 | 12 | 3 | 15"]
    assert unspread("2022年，我局主动公开信息80条。") == ["2022年，我局主动公开信息80条。"]


def test_field_lines_keeps_the_order_of_the_paragraphs():
    assert field_lines(["甲 | 甲 | 甲", "乙"]) == ["甲", "乙"]


def test_a_mirror_sites_pinyin_glosses_are_taken_out():
    assert without_glosses("現公布嘉興市應(yīng)急管理局2024年政府信息公開(kāi)工作年度報(bào)告") == \
        "現公布嘉興市應急管理局2024年政府信息公開工作年度報告"
    assert field_lines(["長(zhǎng)興縣統(tǒng)計局"]) == ["長興縣統計局"]


def test_an_indentation_lost_to_question_marks_is_taken_out():
    assert without_lost_indent("??一、总体情况") == "一、总体情况"
    assert without_lost_indent("?? ??2024年，某省某厅坚持公开为常态。?") == "2024年，某省某厅坚持公开为常态。?"
    assert without_lost_indent("??（一）主动公开方面") == "（一）主动公开方面"
    assert field_lines(["??一、总体情况", "??2024年，某省某厅认真落实《条例》。"])[0] == "一、总体情况"


def test_a_question_mark_that_is_text_stays():
    for text in ("如何保障农民种粮能挣钱? ”为主题", "?", "?? ??", "某局2024年报告?"):
        assert without_lost_indent(text) == text


def test_brackets_that_are_not_a_gloss_stay():
    for text in ("某局（以下简称“区局”）", "行政许可(件)", "附件(a)", "2023(1)号"):
        assert without_glosses(text) == text


def test_traditional_characters_are_read_as_simplified_one_for_one():
    printed = "嘉興市秀洲區衛生健康局2023年政府信息公開工作年度報告"
    assert simplified(printed) == "嘉兴市秀洲区卫生健康局2023年政府信息公开工作年度报告"
    assert [len(t) for t in rule_lines([printed, "甲"])] == [len(printed), 1]


def test_simplified_text_never_changes():
    text = "2023年，乾县人民政府办公室于政府门户网站主动公开信息，著力提升公开质量；干部覆盖率100%。"
    assert simplified(text) == text


def test_a_name_read_in_the_rule_form_is_quoted_as_printed():
    printed = ["標題：嘉興市秀洲區衛生健康局2023年報告", "一、總體情況"]
    rules = rule_lines(printed)
    assert as_printed("嘉兴市秀洲区卫生健康局", rules, printed) == "嘉興市秀洲區衛生健康局"
    assert as_printed("不在其中的局", rules, printed) == "不在其中的局"


def test_a_title_split_over_two_printed_lines_is_quoted_as_printed():
    """A traditional-script title that a PDF wrapped (…年度 / 報告) keeps its script, as in the forms that did not wrap it."""
    printed = ["撫遠市自然資源局2022年政府信息公開工作年度", "報告", "一、總體情況"]
    rules = rule_lines(printed)
    assert as_printed("抚远市自然资源局2022年政府信息公开工作年度报告", rules, printed) == "撫遠市自然資源局2022年政府信息公開工作年度報告"


def test_a_line_break_made_a_space_between_two_han_characters_is_taken_out():
    assert without_breaks("由成都市住房和城乡建设 局综合全年信息公开情况编制而成") == "由成都市住房和城乡建设局综合全年信息公开情况编制而成"
    assert field_lines(["2018 年度政府信息公开 年度报告"]) == ["2018 年度政府信息公开年度报告"]
    assert without_breaks("发布时间: 2024-01-15 11:05 | 行政许可 | 12") == "发布时间: 2024-01-15 11:05 | 行政许可 | 12"


def test_a_sites_column_menu_before_the_text_is_left_out():
    menu = ["政府信息公开指南", "政府信息公开制度", "政府信息公开年报", "政府信息公开目录", "组配分类", "•全部", "•决策", "•执行",
            "主题分类", "依申请公开"]
    lines = ["当前位置:首页>市政府办公室>信息公开年报", *menu, "某市2013年政府信息公开工作年度报告",
             "发布时间:2014-03-14", "本报告是根据条例要求编制的。"]
    assert without_menus(lines) == [lines[0], *lines[-3:]]


def test_short_lines_that_are_no_menu_stay():
    title = ["某某县人民政府", "政府信息公开", "工作年度报告"]  # a title over three lines
    assert without_menus(title + ["本报告根据条例编制。"]) == title + ["本报告根据条例编制。"]
    body = ["本报告根据条例编制。"] + ["规章", "行政许可", "行政处罚", "行政强制", "信息内容", "本年新", "制作数量", "本年新", "公开数量"]
    assert without_menus(body) == body  # table cells after the text begins


def test_a_short_menu_of_bulleted_links_before_the_text_is_left_out():
    # a column's own menu of six bulleted links and the column's name: fewer than eight lines, but every
    # link carries the page's bullet, which no title split over lines does
    menu = ["政府信息公开", "• 政 策", "• 政府信息公开指南", "• 政府信息公开制度", "• 依法主动公开目录", "• 政府信息公开年报",
            "• 依申请公开"]
    lines = [*menu, "2020年度", "现就某县人民政府2020年度政府信息公开情况报告如下：", "一、概述"]
    assert field_lines(lines) == lines[-3:]
    few = ["• 首页", "• 政务公开", "某县2020年政府信息公开工作年度报告", "本报告根据条例编制。"]
    assert field_lines(few) == few  # two bullets are no menu
    titled = ["某某县人民政府", "政府信息公开", "工作年度报告", "本报告根据条例编制。"]
    assert field_lines(titled) == titled


def test_a_site_footer_is_no_line_the_field_rules_read():
    """The footer names the site's owner (another office, maybe of another province), never the reporting agency."""
    lines = ["2023年，我局认真贯彻条例。", "版权所有：湖北省人民政府办公厅 主办单位：湖北省人民政府办公厅",
             "网站标识码：4200000001 鄂ICP备05003311号", "技术支持：某某科技有限公司"]
    assert field_lines(lines) == ["2023年，我局认真贯彻条例。"]
    sentence = "2023年，我局为全县技术支持单位提供政策咨询，主办单位由县政府确定。"
    assert field_lines([sentence]) == [sentence]  # words of a footer inside a sentence of the report
