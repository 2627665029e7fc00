"""Text exports of web crawlers: a header of ``key: value`` lines, then the page's text.

    标题: 平潭综合实验区2023年度政府信息公开工作年度报告
    发布时间: 2024-03-08 15:34
    发布机构: 平潭综合实验区管委会办公室
    原文链接: https://www.pingtan.gov.cn/…/t20240308_87885.htm
    ==================== 正文 ====================
    本报告根据…（the whole body, often on one line）

`split_header` takes the header off and turns it into `Document.meta`
(title, publisher, published, url); the body is read like any text, and a
body written on one line is rebuilt by `readers.runtogether`.
"""

from __future__ import annotations

import re

from .meta import meta_from_pairs, meta_key

_PAIR = re.compile(r"^\s*([^\s:：]{1,8}(?:\s[^\s:：]{1,8})?)\s*[:：]\s*(.*?)\s*$")
_SEPARATOR = re.compile(r"^\s*[=\-_*#~]{3,}\s*(?:正文|内容|body|content)?\s*[=\-_*#~]*\s*$", re.I)
_HEAD_LINES = 30
# A metadata box's row with its cells between pipes: 索引号: | 468049301/2023-00003 | 信息分类: | … |
_BOX_ROW = re.compile(r"^\s*[|｜]?\s*[^\s|｜:：]{1,8}(?:\s[^\s|｜:：]{1,8})?\s*[:：]\s*[|｜]")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(meta, body): the metadata of a crawler's header block and the text after it.

    A header is two or more ``key: value`` lines with known keys (标题, 发布时间,
    发布机构, 来源, 原文链接 …) at the top, one of them a title, a date or an
    address, ended by a separator line (``=== 正文 ===``) or by the first line
    that is no such pair. Text without one comes back whole, with no meta.
    """
    lines = text.split("\n")
    pairs: list[tuple[str, str]] = []
    counted = 0  # how much the pairs say this is a header (a CMS line's trailing 来源: counts for no more)
    kept: list[str] = []  # lines among the pairs that are none (the title of a CMS box): the body's
    end = None
    for i, line in enumerate(lines[:_HEAD_LINES]):
        if not line.strip():
            continue
        if _BOX_ROW.match(line):
            kept.append(line)  # 发布机构: | 某局 | 发文日期: | 2023-01-18 |: a CMS box's pipe row, read by pipes.py
            continue
        m = _PAIR.match(line)
        if m and meta_key(m.group(1)) and not inline_pairs(m.group(2)):
            # 发文日期: 2020-01-31 发布机构: 某局: two pairs, one line's evidence of a header (a box's pipe row is pipes.py's)
            two = inline_pairs(line) if "|" not in line else []
            pairs += [(k, v) for k, v, _ in two] if two else [(m.group(1), m.group(2))]
            counted += 1
            continue
        several = inline_pairs(line)
        if several and not line[: several[0][2]].strip():
            pairs += [(k, v) for k, v, _ in several]  # 索 引 号: … 发布日期: 2025-01-14 发布机构: …
            counted += len(several)
            continue
        if _SEPARATOR.match(line):
            end = i + 1
            break
        if end is None and counted >= 2 and not _looks_like_header_note(line, lines[i + 1:_HEAD_LINES]):
            end = i
            break
        if not re.search("[:：]", line) and not _looks_like_header_note(line, lines[i + 1:_HEAD_LINES]):
            kept.append(line)  # a title among the labels; never a label of its own or a crawler's note
    keys = {meta_key(k) for k, v in pairs if v.strip()}
    if counted < 2 or not keys & {"title", "published", "url"} or end is None:
        return {}, text
    return meta_from_pairs(pairs), "\n".join(kept + lines[end:])


# A known label and its value inside a line: 发布日期: 2025-01-14 (spaces inside a label allowed: 索 引 号)
_INLINE_LABEL = re.compile(r"((?:[\u4e00-\u9fff]\s?){2,5})\s*[:：]")


def inline_pairs(line: str) -> list[tuple[str, str, int]]:
    """(label, value, start) of every known ``label: value`` in a line holding two or more of them."""
    found = [known for m in _INLINE_LABEL.finditer(line) for known in [_known_label(m)] if known]
    if len(found) < 2:
        return []
    return [(label, line[end: nxt[1] if nxt else len(line)].strip(), start)
            for (label, start, end), nxt in zip(found, found[1:] + [None])]


def _known_label(m: re.Match) -> tuple[str, int, int] | None:
    """(label, start, end) of a known label the match ends on: the whole run (索 引 号), or the words after a
    space in it when the value before ran into it (某镇 发文日期: the value's 镇, then the label 发文日期)."""
    run = m.group(1)
    for cut in [0] + [i + 1 for i, ch in enumerate(run) if ch.isspace()]:
        if meta_key(run[cut:]):
            return run[cut:], m.start(1) + cut, m.end()
    return None


def _looks_like_header_note(line: str, rest: list[str]) -> bool:
    """A line of the crawler's own (页面链接与图片详见 links.tsv) before the separator that ends the header."""
    return len(line) < 80 and any(_SEPARATOR.match(r) for r in rest)
