"""Text lines -> paragraphs: wrapped lines joined, headings, dates, metadata rows and list items kept apart."""

from __future__ import annotations

import pytest

from indexer.readers.paragraphs import should_join
from indexer.readers.text import parse_text


def test_wrapped_paragraph_is_joined():
    text = (
        "（一）进一步完善政务公开的决策机制。对关系人民群众切身利益的重大决策，严格执行决\n"
        "\n"
        "策调研、咨询论证、征求意见等相关程序，保证决策的合法性。\n"
        "（二）推进部门政务公开的公信力。\n"
    )
    assert [b.text for b in parse_text(text)] == [
        "（一）进一步完善政务公开的决策机制。对关系人民群众切身利益的重大决策，严格执行决策调研、咨询论证、征求意见等相关程序，保证决策的合法性。",
        "（二）推进部门政务公开的公信力。",
    ]


def test_headings_and_dates_are_not_joined():
    text = "一、总体情况\n2023年，我局信息公开工作取得成效，\n2024年1月20日\n某某局\n"
    assert [b.text for b in parse_text(text)] == [
        "一、总体情况",
        "2023年，我局信息公开工作取得成效，",
        "2024年1月20日",
        "某某局",
    ]


def test_two_blank_lines_end_a_paragraph():
    text = "我局主动公开信息，内容涵盖财政预决算、\n\n\n行政许可等方面。\n"
    assert len(parse_text(text)) == 2


@pytest.mark.parametrize(
    "prev,nxt,expected",
    [
        ("全年主动公开政府信息，其中政策文件", "56件，政策解读35篇。", True),
        ("全年主动公开政府信息185条。", "其中政策文件56件。", False),
        ("全年主动公开政府信息，其中政策文件", "（二）依申请公开情况", False),
        ("一、总体情况", "2023年，我局…", False),
        ("全年主动公开政府信息，其中政策文件", "2024年1月20日", False),
    ],
)
def test_should_join(prev, nxt, expected):
    assert should_join(prev, nxt) is expected


def test_full_width_digits_and_stray_spaces_normalized():
    (p,) = parse_text("全年共公开信息 １８５ 条，办理申请 ３ 件。\n")
    assert p.text == "全年共公开信息185条，办理申请3件。"


def test_metadata_rows_and_list_items_are_never_joined_to_the_next_line():
    assert not should_join("•索引号:78663548-8/2023-34615 主题分类:交通、工业、信息化", "•发文机关:某厅")
    assert not should_join("•时效性:有效、长期", "某厅")  # a list item
    assert not should_join("发布机构:某厅，成文日期:2023-01-19", "某厅2022年政府信息公开工作年度报告")
    assert should_join("本报告由总体情况、主动公开政府信息情况", "等六部分组成。")


def test_a_breadcrumb_is_never_joined_to_the_title_after_it():
    """A browser's copy ends the breadcrumb with one line break; the title follows on the next line."""
    assert not should_join("当前位置：首页>政府信息公开>政府信息公开年报", "某某县农业农村局2023年政府信息公开工作年度报告")
    assert not should_join("首页 > 信息公开 > 年度报告：", "某某县农业农村局2023年政府信息公开工作年度报告")


def test_a_title_after_a_blank_line_is_never_the_end_of_the_line_above():
    """A page's spam line cut by commas, then the report's title after a blank line: two paragraphs."""
    text = "某某视频在线观看,免费视频,原创在线观看\n\n某省人民政府2010年政府信息公開工作報告\n\n本年度報告是根據條例要求編制的。\n"
    assert [b.text for b in parse_text(text)][:2] == ["某某视频在线观看,免费视频,原创在线观看", "某省人民政府2010年政府信息公開工作報告"]


def test_a_page_widget_line_is_never_joined_to_the_line_after_it():
    """【字体：大 中 小】 打印本页 关闭窗口 above the preamble: the widgets stay a line of chrome, so the preamble's
    agency (某区某街道办事处向社会公布…) still opens its own paragraph."""
    text = ("【字体：大 中 小】 打印本页 关闭窗口\n"
            "郑州高新区石佛办事处向社会公布2021年度本级政府信息公开年度报告。本报告全文由六个部分组成。\n")
    assert [b.text for b in parse_text(text)] == [
        "【字体：大中小】打印本页关闭窗口",
        "郑州高新区石佛办事处向社会公布2021年度本级政府信息公开年度报告。本报告全文由六个部分组成。",
    ]
    assert not should_join("2021年，我局坚持以人民为中心，", "扫一扫在手机打开当前页")


def test_a_site_footer_never_continues_a_cut_sentence():
    """A saved opening cut mid-sentence, then the site's footer: the footer stays apart."""
    assert not should_join("持续推进重大建设项目审批、民生实事、社会救助", "版权所有：某省人民政府办公厅 主办单位：某省人民政府办公厅")
