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
from pathlib import Path

_DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_URL = re.compile(r"^https?://\S+$", re.I)

LABELS_FILE = Path(__file__).resolve().parent.parent / "data" / "metadata_labels.tsv"


def read_metadata_labels(path: Path = LABELS_FILE) -> list[tuple[str, str | None, bool]]:
    """(printed label, meta key or None, printed in a site's metadata box) for each label of the file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, key, where = (part.strip() for part in line.split("\t"))
            rows.append((label, None if key == "-" else key, where == "box"))
    return rows


_LABELS = read_metadata_labels()
# printed key (spaces and colon removed) -> meta key
KEYS = {label: key for label, key, _ in _LABELS if key}
# The labels of a site's metadata box (索引号 | 发布机构 | 主题分类 …): every reader knows the box by them
BOX_LABELS = frozenset(label for label, _, box in _LABELS if box)
BOX_LABEL = "(?:" + "|".join(r"\s*".join(label) for label in sorted(BOX_LABELS, key=len, reverse=True)) + ")"
# A box label and its colon inside a line of text (索 引 号：…  发布机构：…)
BOX_LABEL_IN_TEXT = re.compile(rf"{BOX_LABEL}\s*[:：]")
# A cell holding a label and its value (发布机构：某局)
BOX_PAIR = re.compile(rf"^({BOX_LABEL})\s*[:：]\s*(.+)$")


def is_box_label(cell: str) -> bool:
    """A cell that is a metadata box's label alone (索 引 号：, 发布机构)."""
    return re.sub(r"[\s:：]", "", cell) in BOX_LABELS


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
