"""Facts a file states about the report outside its text: title, publisher, date, original address.

Crawler exports open with ``标题: …`` / ``发布时间: …`` / ``原文链接: …`` lines,
government sites print a metadata box (索引号 | 发布机构 | 信息名称 | 发布日期),
and saved pages carry a canonical link. Every reader puts what it finds under
the same keys of `Document.meta`: ``title``, ``publisher``, ``published``
(ISO date) and ``url``; the field rules use them only where the text says
nothing better.
"""

from __future__ import annotations

import datetime as _dt
import re

_DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_URL = re.compile(r"^https?://\S+$", re.I)

# printed key (spaces and colon removed) -> meta key
KEYS = {
    "标题": "title", "题目": "title", "文章标题": "title", "信息名称": "title", "名称": "title", "title": "title",
    "发布时间": "published", "发布日期": "published", "发文日期": "published", "成文日期": "published",
    "生成日期": "published", "公开日期": "published", "日期": "published", "时间": "published", "date": "published",
    "发布机构": "publisher", "发文机关": "publisher", "发文机构": "publisher", "发布单位": "publisher",
    "来源": "source", "信息来源": "source", "source": "source",
    "原文链接": "url", "原文地址": "url", "原文网址": "url", "链接": "url", "网址": "url", "来源网址": "url", "url": "url",
    "索引号": "index_no", "文号": "doc_no", "发文字号": "doc_no", "栏目": "column",
}


def iso_date(text: str) -> str | None:
    """``2024-01-18``, ``2024/1/18 09:30``, ``2024年1月18日`` or ``20240118`` as ISO ``YYYY-MM-DD``."""
    m = _DATE.search(text) or re.match(r"\s*((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{4}(?:\d{2})?)?(?!\d)", text)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def meta_key(label: str) -> str | None:
    """The meta key a printed label stands for (发布时间 -> published), or None."""
    return KEYS.get(re.sub(r"[\s:：]", "", label).lower())


def meta_from_pairs(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """`Document.meta` from (printed label, value) pairs; the first good value of each key wins.

    A 来源 names the publisher only when no 发布机构 does; a date must read as a
    date and an address must be a web address.
    """
    meta: dict[str, str] = {}
    for label, value in pairs:
        key = meta_key(label)
        value = value.strip()
        if key is None or not value or key in meta:
            continue
        if key == "published":
            value = iso_date(value) or ""
        elif key == "url" and not _URL.match(value):
            value = ""
        if value:
            meta[key] = value
    if "publisher" not in meta and meta.get("source"):
        meta["publisher"] = meta["source"]
    return meta
