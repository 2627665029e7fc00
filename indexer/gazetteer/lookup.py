"""Finding place and zone names in text (`places_in`, `zones_in`) and near misses of misread names."""

from __future__ import annotations

from .model import Mention, PARENT_ONLY, Place, ROAD_AFTER, ZoneMention, _AFTER_YEAR, _HAN, _PARTY, _RANK
from .load import _Gazetteer, _gaz


def _at_start(text: str, i: int) -> bool:
    """Could an agency name start at text[i]?"""
    if i == 0 or not _HAN.match(text[i - 1]):
        return True
    if _AFTER_YEAR.search(text[max(0, i - 8) : i]):
        return True
    return i <= 8 and text[:i].strip() in _PARTY


def _government_named(text: str, start: int, end: int, word: str) -> bool:
    """A county-level name right before 人民政府 (利用凤县人民政府网站): the county's government, not prose; not
    after a level word, where a conjunction makes the name (省、市和县人民政府 holds no 和县)."""
    return (word[-1] in "县区旗" and word not in PARENT_ONLY and text.startswith("人民政府", end)
            and (start == 0 or text[start - 1] not in "省市县区州盟旗镇乡、，,"))


# ---------------------------------------------------------------------------
# Finding names


def _related_under(child: tuple[str, str, str], parent: tuple[str, str, str], g: _Gazetteer) -> bool:
    """Is the place `child` inside the place `parent` (strictly lower in level)?"""
    if _RANK[child[1]] <= _RANK[parent[1]]:
        return False
    return parent[2] in g.anc[child[2]]


_LEVEL_CHARS = frozenset("省市县区旗州盟乡镇")
_BODY_END = frozenset("府局委厅办处所会院室心站队")  # 某区政府|某街道, 某局|某镇所: a body's name ends before it


def _tail_of_longer_township(text: str, after: int, i: int, senses: tuple) -> bool:
    """In an agency's name, a township printed one or two characters after the name's start or after the place
    before it (二道河镇人民政府, 海林市二道河镇) is the end of a longer township name: those characters are part of
    its name, not a word of their own. Not after a level word (县道河镇), a party's name (中共某镇委员会) nor a
    government's or a department's name (某区人民政府某街道办事处)."""
    gap = text[after:i]
    return (0 < len(gap) <= 2 and all(_HAN.match(c) for c in gap) and not any(c in _LEVEL_CHARS for c in gap)
            and gap not in _PARTY and gap[-1] not in _BODY_END and all(s[1] == "township" for s in senses))


def _scan(text: str, short_names: bool, agency: bool) -> list[tuple[int, int, tuple[tuple[str, str, str], ...]]]:
    g = _gaz()
    table, lengths = g.tables(short_names)
    guarded = g.guarded
    short = g.short if short_names else {}
    out: list[tuple[int, int, tuple]] = []
    n = len(text)
    i = 0
    while i < n - 1:
        lens = lengths.get(text[i : i + 2])
        if lens is None:
            i += 1
            continue
        matched = 0
        for length in lens:
            if i + length > n:
                continue
            word = text[i : i + length]
            if word not in table:
                continue
            senses = table[word]
            end = i + length
            if senses is None:  # blocker
                matched = length
                break
            nxt = text[end : end + 3]
            if word in short and word not in g.full:
                if nxt[:1] in "东西南北中":
                    nxt = nxt[1:]
                if nxt.startswith(ROAD_AFTER) and not nxt.startswith("街道"):
                    continue  # 南京路, 北京东路: a street
            after = text[end : end + 1]
            if word[-1] == "市" and after == "场":
                continue  # 中山市场: try 中山
            if word[-1] in "乡镇" and after and after in "村镇乡街":
                continue  # 幸福乡村, 建设镇村: a phrase, not the township
            if agency and _tail_of_longer_township(text, out[-1][1] if out else 0, i, senses):
                matched = length  # 二道河镇: a township the gazetteer lacks, ending like one it knows (道河镇)
                break
            if word in guarded:
                prev = out[-1] if out else None
                narrowed = ()
                if prev is not None and prev[1] == i:
                    narrowed = tuple(s for s in senses if any(_related_under(s, p, g) for p in prev[2]))
                if narrowed:
                    senses = narrowed
                elif (word in PARENT_ONLY and not (agency and i == 0)) or not (
                        _at_start(text, i) or _government_named(text, i, end, word)):
                    matched = length  # hidden, like a blocker
                    break
            out.append((i, end, senses))
            matched = length
            break
        i += matched or 1
    return out


def places_in(text: str, *, short_names: bool = True, agency: bool = False) -> list[Mention]:
    """Place names printed in `text`, longest match first, left to right, non-overlapping.

    With ``agency``, `text` is an agency name (or a title) and a generic
    county name at its very start counts (城区卫生健康局, 矿区人民政府); in
    running text 城区 and 郊区 need their parent (阳泉市城区).

    A name printed right after its parent (福州市鼓楼区) carries only the places
    under that parent, and the parent only those that hold it."""
    if not text:
        return []
    g = _gaz()
    raw = _scan(text, short_names, agency)
    # narrow chains of adjacent names (whitespace between them allowed)
    senses = [list(r[2]) for r in raw]
    for k in range(1, len(raw)):
        gap = text[raw[k - 1][1] : raw[k][0]]
        if gap.strip():
            continue
        prev, cur = senses[k - 1], senses[k]
        kept = [s for s in cur if any(_related_under(s, p, g) for p in prev)]
        if kept:
            senses[k] = kept
            senses[k - 1] = [p for p in prev if any(_related_under(s, p, g) for s in kept)]
            # propagate back up the chain (山东省烟台市招远市)
            j = k - 1
            while j > 0 and not text[raw[j - 1][1] : raw[j][0]].strip():
                up = [p for p in senses[j - 1] if any(_related_under(s, p, g) for s in senses[j])]
                if not up or len(up) == len(senses[j - 1]):
                    break
                senses[j - 1] = up
                j -= 1
    return [
        Mention(text[a:b], a, b, tuple(g.place(s) for s in ss)) for (a, b, _), ss in zip(raw, senses)
    ]


# ---------------------------------------------------------------------------
# Lookups


def zones_in(text: str) -> list[ZoneMention]:
    """Development zones named in `text` (武汉东湖新技术开发区, 东湖高新区), longest name first, left to right."""
    if not text:
        return []
    g = _gaz()
    table = g.zone_names
    if not table:
        return []
    lengths = g.zone_lengths()
    out: list[ZoneMention] = []
    i, n = 0, len(text)
    while i < n - 1:
        for length in lengths.get(text[i : i + 2], ()):
            if i + length > n:  # a slice past the end is shorter than `length`
                continue
            zone = table.get(text[i : i + length])
            if zone is not None:
                out.append(ZoneMention(text[i : i + length], i, i + length, zone))
                i += length
                break
        else:
            i += 1
    return out


def near_misses(name: str) -> list[Place]:
    """Provinces, prefectures and county-level units whose name differs from `name` in one character, not the last."""
    g = _gaz()
    out = []
    for code in g.by_shape.get((len(name), name[-1:]), ()):
        official = g.names[code]
        if sum(a != b for a, b in zip(official, name)) == 1:
            out.append(g.place((official, g.level[code], code)))
    return out
