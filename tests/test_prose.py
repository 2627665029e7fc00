"""Metrics stated in prose: items proactively disclosed, 信息处理费 charged."""

from __future__ import annotations

import pytest

from indexer.prose import processing_fee, prose_metrics, published_total
from indexer.structure import Passage


def paras(*texts: str) -> list[Passage]:
    return [Passage(f"s1-p{i}", 1, "paragraph", t) for i, t in enumerate(texts, 1)]


@pytest.mark.parametrize("text, value", [
    ("2020年，通过环翠区政务网政府信息公开平台主动公开政府信息185条。", 185),
    ("2020年，我局主动公开信息115条，其中规范性文件0件并公开，通过政府网站公开信息35条。", 115),
    ("我委围绕医疗救助等工作内容，通过门户网站主动公开政府信息322条，依法办结依申请公开3件。", 322),
    ("截至2023年12月31日，我局在市政府网站共发布信息267条，主动及时公开率100%。", 267),
    ("全年累计公开政府信息1,024条。", 1024),
    ("本年度主动公开各类政府信息共计2.3万条。", 23000),
    ("我县共主动公开456条政府信息。", 456),
    ("本年度主动公开政府信息数量为789条。", 789),
    ("全年共主动公开政务信息2345条，其中政策文件56件。", 2345),
    ("通过网站、微信公众号等渠道主动公开政府信息2,118条。", 2118),  # several channels: the agency's disclosure
    ("全年通过门户网站和政务微博主动公开政府信息560条。", 560),
    ("我区共主动公开2599条（其中机构职能类信息25条，其他应主动公开政府信息856条）。", 2599),
    ("我区政府信息公开单位共公布政府信息2599条，(其中规划计划类信息28条，其他应主动公开政府信息856条)。", 2599),
    ("截至12月31日，市科委通过部门网站当年发布政府信息393件，其中包括行政规范性文件13件。", 393),
])
def test_published_total(text, value):
    m = published_total(paras(text))
    assert m is not None and m.value == value and m.passage == "s1-p1"


@pytest.mark.parametrize("text", [
    "全年通过“健康舟山”微信公众平台发布614期699篇资讯，受到群众好评。",
    "通过政务微博共发布信息320条。",
    "2021年，我委始终坚持“公开为常态、不公开是例外”的原则，主动公开政务信息、文件、重要通知公告等。",
    "在该信息形成或变更之日起5个工作日内在政府信息公开栏中发布。",
    "本年度共收到政府信息公开申请4件，均在法定期限内办结。",
    "其中主动公开政策文件12件。",
    "主动公开规范性文件12件。",
    "主动公开各类信息3000余条。",  # an approximate count is not the count
    "微信公众号发布信息1,236篇。",  # one channel's count
    "“上海科技”网站全年累计发布信息2139条，其中政务信息发布393条。",  # a website's posts are not the disclosure
])
def test_no_published_total(text):
    assert published_total(paras(text)) is None


def test_published_total_is_not_the_channel_count_beside_it():
    m = published_total(paras("全年通过政务微信公众号发布信息699篇，通过门户网站主动公开政府信息185条。"))
    assert m.value == 185


def test_first_paragraph_that_states_it_wins():
    m = published_total(paras("一、总体情况", "我局主动公开政府信息185条。", "其中通过网站共发布信息120条。"))
    assert (m.value, m.passage) == (185, "s1-p2")


@pytest.mark.parametrize("text, value", [
    ("相较2022年度依申请公开件增加1件，未收取信息处理费。", 0),
    ("本年度我局未收取信息处理费。", 0),
    ("本机关没有收取信息处理费。", 0),
    ("依申请公开不收取信息处理费。", 0),
    ("信息处理费：无。", 0),
    ("本机关不存在收取信息处理费的情况。", 0),
    ("本年度共收取信息处理费120元。", 120),
    ("收取信息处理费0.05万元。", 500),
    ("信息处理费合计1,200元。", 1200),
    ("严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。", 3940),
    ("收取信息处理费共计380元，其中民政局1件，收取380元。", 380),
    ("2025年度本机关未收取信息公开处理费。", 0),
    ("2023年，无收取信息处理费情况。", 0),
    ("2024年，市科委未发生政府信息公开收费事项。", 0),
])
def test_processing_fee(text, value):
    m = processing_fee(paras(text))
    assert m is not None and m.value == value


@pytest.mark.parametrize("text", [
    "（一）收取信息处理费情况。",
    "按照《政府信息公开信息处理费管理办法》执行。",
    "行政事业性收费0元。",
])
def test_no_processing_fee(text):
    assert processing_fee(paras(text)) is None


def test_prose_metrics_ignore_table_rows():
    passages = [Passage("s2-p2", 2, "table_row", "主动公开政府信息 | 185条"),
                Passage("s2-p3", 2, "paragraph", "我局主动公开政府信息12条，未收取信息处理费。")]
    got = {k: (m.value, m.passage) for k, m in prose_metrics(passages).items()}
    assert got == {"active.published_total": (12, "s2-p3"), "fees.processing_yuan": (0, "s2-p3")}
