"""Crawler text exports: the key: value header becomes the document's metadata, the body is read as text."""

from __future__ import annotations

import pytest

from indexer.extract import extract
from indexer.readers import read_document
from indexer.readers.crawler import split_header
from indexer.readers.meta import iso_date, meta_from_pairs

HEADER = (
    "标题: 某某县2023年度政府信息公开工作年度报告\n"
    "发布时间: 2024-01-20 15:22\n"
    "文号: \n"
    "发布机构: 某某县人民政府办公室\n"
    "栏目: 政府信息公开年报\n"
    "原文链接: https://www.example.gov.cn/zwgk/ndbg/202401/t20240120_1.htm\n"
    "本地目录: zwgk/ndbg/202401/1_某某县2023年度政府信息公开工作年度报告\n"
    "页面链接与图片详见 links.tsv(同目录)\n"
    "==================== 正文 ====================\n"
)
BODY = "某某县2023年政府信息公开工作年度报告 一、总体情况2023年，我县主动公开政府信息185条。\n"


def test_header_becomes_meta_and_is_not_text():
    meta, body = split_header(HEADER + BODY)
    assert meta == {
        "title": "某某县2023年度政府信息公开工作年度报告", "published": "2024-01-20", "publisher": "某某县人民政府办公室",
        "column": "政府信息公开年报", "url": "https://www.example.gov.cn/zwgk/ndbg/202401/t20240120_1.htm",
    }
    assert body == BODY


def test_header_without_separator_ends_at_the_first_other_line():
    meta, body = split_header("标题: 某某县2023年报告\n来源: 某某县人民政府\n日期: 2024年1月20日\n\n一、总体情况\n正文。\n")
    assert meta == {"title": "某某县2023年报告", "source": "某某县人民政府", "publisher": "某某县人民政府",
                    "published": "2024-01-20"}
    assert body.strip().startswith("一、总体情况")


@pytest.mark.parametrize("text", [
    "一、总体情况\n联系电话: 0591-23165250\n正文。\n",  # a key: value line of the report itself
    "标题: 只有一行\n正文第一行。\n",
    "备注: 无\n说明: 无\n正文。\n",  # pairs, but no title, date or address
])
def test_text_without_a_crawler_header_is_left_whole(text):
    assert split_header(text) == ({}, text)


def test_values_that_are_not_what_their_key_says_are_dropped():
    assert meta_from_pairs([("发布时间", "不详"), ("原文链接", "见附件"), ("标题", "某报告")]) == {"title": "某报告"}


@pytest.mark.parametrize("text, iso", [("2024-01-20 15:22", "2024-01-20"), ("2024年1月5日", "2024-01-05"),
                                       ("20240120", "2024-01-20"), ("2024-02-30", None)])
def test_iso_date(text, iso):
    assert iso_date(text) == iso


def test_export_read_and_extracted(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(HEADER + BODY, encoding="utf-8")
    doc = read_document(path)
    assert doc.meta["url"].startswith("https://www.example.gov.cn/")
    assert doc.paragraphs()[:2] == ["某某县2023年政府信息公开工作年度报告", "一、总体情况"]
    report = extract(path)
    assert report.source_url == "https://www.example.gov.cn/zwgk/ndbg/202401/t20240120_1.htm"
    assert report.to_dict()["source_url"] == report.source_url
    assert report.metrics["active.published_total"].value == 185


def test_a_cms_box_keeps_its_title_and_reads_labels_side_by_side():
    """A saved page's metadata box: several labels on a line, the title on a line of its own among the labels."""
    meta, body = split_header("索 引 号: 000014349/2025-03273 发布日期: 2025-01-14 发布机构: 某区水利局\n"
                              "一、总体情况\n2024年，我局主动公开信息38条。\n")
    assert meta["published"] == "2025-01-14" and meta["publisher"] == "某区水利局"
    assert body.startswith("一、总体情况")
    meta, body = split_header("信息来源:某县人民政府\n"
                              "某县某镇2022年政府信息公开工作年度报告\n"
                              "发布时间:2023-01-10 16:26\n"
                              "浏览次数:\n\n一、总体情况\n2022年，某镇主动公开信息200余条。\n")
    assert meta["published"] == "2023-01-10"
    assert body.startswith("某县某镇2022年政府信息公开工作年度报告\n浏览次数:")


def test_a_line_starting_with_one_label_may_hold_another_after_its_value():
    """发文日期: 2020-01-31 发布机构: 某区某园: the publisher is a pair of its own, not the end of the date's value."""
    meta, body = split_header("标题: 某园管委会2019年政府信息公开工作年度报告\n"
                              "索引号: 1237/2020-None 文号: 无文号\n"
                              "发文日期: 2020-01-31 发布机构: 临淄区某农业园\n\n"
                              "一、总体情况\n2019年，本园主动公开信息38条。\n")
    assert meta["published"] == "2020-01-31" and meta["publisher"] == "临淄区某农业园"
    assert meta["index_no"] == "1237/2020-None"
    assert body.lstrip().startswith("一、总体情况")


def test_a_label_after_a_value_that_ends_in_han_characters():
    """发布机构:某旗某镇 发文日期:2024年01月23日: the second label is the words after the space, not the end of
    the publisher's name run into it (镇 发文日期)."""
    meta, body = split_header("名称:某旗某某镇2023年政府信息公开工作年度报告\n"
                              "发布机构:某旗某某镇 发文日期:2024年01月23日\n"
                              "一、总体情况\n2023年，我镇主动公开信息49条。\n")
    assert meta["published"] == "2024-01-23" and meta["publisher"] == "某旗某某镇"


def test_a_box_date_under_any_usual_label():
    assert meta_from_pairs([("公开日期", "2025-01-24"), ("发布机构", "省教育厅")]) == {
        "published": "2025-01-24", "publisher": "省教育厅"}


def test_a_box_written_as_pipe_rows_is_the_pipe_reader_s_not_a_crawler_header(tmp_path):
    """索引号: | 1234/2023-00003 | 信息分类: | 其他 |: a CMS box printed as pipe rows, a label's value in the cell
    after it. Read as a crawler's ``key: value`` header, each line's value ran on over the next pairs and the
    box's issue date (发文日期: | 2023-01-18) was lost; the pipe reader takes each cell pair."""
    text = ("索引号: | 1234/2023-00003 | 信息分类: | 其他 / 报告 |\n"
            "发布机构: | 市城管局 | 发文日期: | 2023-01-18 |\n"
            "文号: | 无号 | 主题词: | |\n"
            "信息名称: | 某市城市管理局2022年政府信息公开工作年度报告 | ||\n"
            "本年报由某市城市管理局编制。\n一、总体情况\n2022年，市城管局主动公开政府信息1646条。\n")
    meta, body = split_header(text)
    assert meta == {} and body == text
    saved = tmp_path / "page.txt"
    saved.write_text(text, encoding="utf-8")
    report = extract(saved)
    assert report.published == "2023-01-18"
    assert report.title == "某市城市管理局2022年政府信息公开工作年度报告"
