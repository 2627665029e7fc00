"""Metrics stated in the report's prose rather than in its tables.

* ``active.published_total``: how many items the agency proactively disclosed
  in the year (主动公开政府信息185条, 共发布信息267条, 累计公开信息1,024条,
  全年主动公开各类信息2.3万条). Only a count that the sentence itself ties to
  proactive disclosure of information counts: the number must follow
  主动公开 / 共(计)发布 / 累计公开 … 信息 with nothing but qualifiers in
  between (or 发布政府信息N件, 政府信息 being the 条例's word), so
  微信公众号发布699篇 or 其中规范性文件0件 never match; a clause about one
  channel (微信, 微博, 公众号, a named “…”网站 …) is skipped, several channels
  together (网站、微信公众号等渠道) are not; a count inside brackets or after
  其中 is a part, and the first count of the paragraph is the total.
* ``fees.processing_yuan``: 信息处理费 (信息公开处理费) actually charged, in 元:
  收取信息处理费120元 -> 120, 信息处理费0.5万元 -> 5000, 未收取/没有收取/
  不收取/未产生信息处理费, 未发生政府信息公开收费 -> 0.

Each metric carries the id of the paragraph it was read from; the first
paragraph that states it wins.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .record import Metric
from .structure import Passage

_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(万)?"
_GAP = r"[^，。；;,:：！？!?\d]{0,12}?"  # qualifiers between the verb and the count, within one clause
_INFO = r"(?:政府|政务|各类|各项|相关)?信息"  # 信息, not 文件: 主动公开规范性文件12件 is a part of the total
_LINK = r"(?:数量|总数|条数)?(?:共计|合计|总计|共|累计|达到?|为)?"

_PUBLISHED = [
    # 主动公开政府信息185条 · 主动公开信息共计115条 · 通过门户网站主动公开政府信息322条 · 主动公开信息数量为789条
    re.compile(rf"主动(?:公开|发布){_GAP}{_INFO}{_LINK}\s*{_NUM}\s*(?:条|件|篇|项)"),
    # 共发布信息267条 · 累计公开政府信息1,024条 · 全年共公开各类信息2.3万条
    re.compile(rf"(?:共计?|累计|合计|全年(?:共)?)(?:主动)?(?:发布|公开|公布){_GAP}{_INFO}{_LINK}\s*{_NUM}\s*(?:条|件|篇|项)"),
    # 主动公开政府信息共计185条 written the other way: 共主动公开185条政府信息
    re.compile(rf"(?:共|累计)?主动公开(?:各类)?{_NUM}\s*(?:条|件|篇)(?:政府|政务)?信息"),
    # 共主动公开2599条（其中…）: 共 makes it the total even without 信息
    re.compile(rf"(?:共计?|累计|合计)主动公开{_NUM}\s*(?:条|件)(?![\u4e00-\u9fff]*文件)"),
    # 当年发布政府信息393件: 政府信息, the word of the 条例, makes a plain 发布 count
    re.compile(rf"(?:发布|公布){_GAP}政府信息{_LINK}\s*{_NUM}\s*(?:条|件|篇|项)"),
]
_CHANNEL = re.compile(r"微信|公众号|微博|新媒体|头条|抖音|客户端|视频号|短信|报纸|电视|广播|公开栏|宣传栏|APP|app"
                      r"|“[^”]{1,12}”(?:网站|网|平台|门户|号)")  # a named outlet: “上海科技”网站全年发布信息2139条
# several channels together are the agency's disclosure: 通过网站、微信公众号等渠道主动公开政府信息2118条
_SEVERAL_CHANNELS = re.compile(r"等(?:渠道|平台|方式|途径|载体|媒介|媒体)|多渠道|各类?渠道|全渠道"
                               r"|(?:网站|网|微信|公众号|微博|客户端|新媒体|公开栏)[^，。；;]{0,6}[、和及与]")
_SUBCOUNT_BEFORE = re.compile(r"其中[^，。；;]*$")

_FEE = r"(?:信息(?:公开)?处理费)"  # 信息处理费, 信息公开处理费
_FEE_ZERO = re.compile(
    rf"(?:未|没有|不|无|免|并未|均未|从未|不存在|未发生|未出现)(?:收取|产生|收|征收|涉及)(?:任何)?(?:相关)?(?:的)?(?:政府)?{_FEE}"
    rf"|{_FEE}(?:收取)?(?:情况)?(?:为|是)?\s*[:：]?\s*(?:无|0(?:\.0+)?\s*(?:万)?元|零元|0)(?![\d.])"
    rf"|免收{_FEE}|{_FEE}[^。；;，,\d]{{0,6}}(?:为零|为0|(?<![\d.])0元)"
    r"|未(?:发生|产生)(?:政府)?信息公开收费"
)
_FEE_AMOUNT = re.compile(rf"(?:收取|收缴|产生|共收取|收取了)?(?:的)?{_FEE}(?:共计|合计|共|总计|为|总额|金额)?[:：]?\s*{_NUM}\s*元")


def _number(text: str, wan: str | None) -> int | float:
    value = Decimal(text.replace(",", ""))
    if wan:
        value *= 10000
    return int(value) if value == value.to_integral_value() else float(value)


def published_total(passages: list[Passage]) -> Metric | None:
    """``active.published_total`` from the first paragraph that states it (its first such count)."""
    for passage in passages:
        if passage.kind != "paragraph":
            continue
        text = passage.text
        found = sorted((m for pattern in _PUBLISHED for m in pattern.finditer(text)), key=lambda m: m.start())
        for m in found:
            clause_start = max(text.rfind(p, 0, m.start()) for p in "，。；;,：:") + 1
            clause = text[clause_start:m.end()]
            if _CHANNEL.search(clause) and not _SEVERAL_CHANNELS.search(clause):
                continue  # one channel's count (微信公众号发布699篇)
            if _SUBCOUNT_BEFORE.search(text[clause_start:m.start()]) or _in_brackets(text, m.start()):
                continue  # a part of the total: 其中…, (其中机构职能类信息25条…)
            return Metric(_number(m.group(1), m.group(2)), passage.id)
    return None


def _in_brackets(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def processing_fee(passages: list[Passage]) -> Metric | None:
    """``fees.processing_yuan`` from the first paragraph that states what was charged."""
    for passage in passages:
        if passage.kind != "paragraph" or not re.search(r"处理费|收费", passage.text):
            continue
        zero = _FEE_ZERO.search(passage.text)
        amount = _FEE_AMOUNT.search(passage.text)
        if amount and (zero is None or amount.start() < zero.start()):
            before = passage.text[max(0, amount.start() - 4):amount.start()]
            if not re.search(r"未|没有|不|无", before):
                return Metric(_number(amount.group(1), amount.group(2)), passage.id)
        if zero:
            return Metric(0, passage.id)
    return None


def prose_metrics(passages: list[Passage]) -> dict[str, Metric]:
    out: dict[str, Metric] = {}
    total = published_total(passages)
    if total is not None:
        out["active.published_total"] = total
    fee = processing_fee(passages)
    if fee is not None:
        out["fees.processing_yuan"] = fee
    return out
