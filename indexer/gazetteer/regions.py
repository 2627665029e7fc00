"""The region of a report from the places its agency and text name (`resolve`, `resolve_region`)."""

from __future__ import annotations

import re
from collections import Counter
from collections import defaultdict

from .model import MUNICIPALITIES, Mention, NATIONAL, Place, Region, Resolution, ZoneMention, _HINT_SUFFIX, _LEVEL_HINT
from .kinds import ZONE_BODY_END, ZONE_KIND
from .load import _Gazetteer, _gaz
from .lookup import _related_under, near_misses, places_in, zones_in


# ---------------------------------------------------------------------------
# Regions


def _sense(p: Place) -> tuple[str, str, str]:
    return (p.name, p.level, p.region.code)  # type: ignore[return-value]


def _node(p: Place) -> str:
    return p.region.code  # type: ignore[return-value]


def _city_of(code: str, g: _Gazetteer) -> str | None:
    """The prefecture (or municipality) that holds a county-level code."""
    if g.level[code] != "county":
        return None
    return g.parent[code]


def _sibling_key(p: Place, g: _Gazetteer) -> str | None:
    """The prefecture or municipality whose county-level units are siblings of p's."""
    if p.level not in ("county", "township"):
        return None
    ca = _city_of(_node(p), g)
    if ca is None or not (g.level[ca] == "city" or ca in MUNICIPALITIES):
        return None
    return ca


def _relates_to(p: Place, cands: list[Place], g: _Gazetteer) -> list[int]:
    """The candidates the place p relates to: p is the candidate, a parent or a
    child of it, or (for a county-level candidate) a sibling county or one of
    its townships."""
    a = _node(p)
    above = g.anc[a]
    sib = _sibling_key(p, g)
    out = []
    for i, c in enumerate(cands):
        b = _node(c)
        if b in above or a in g.anc[b]:
            out.append(i)
        elif sib is not None and c.level == "county" and _sibling_key(c, g) == sib:
            out.append(i)
    return out


def _hits(cands: list[Place], m: Mention, g: _Gazetteer) -> frozenset[int]:
    """The candidates a mention points to. A mention that may also denote a
    place unrelated to every candidate (城关镇, 新华街道) points nowhere."""
    out: set[int] = set()
    for p in m.places:
        rel = _relates_to(p, cands, g)
        if not rel:
            return frozenset()
        out.update(rel)
    return frozenset(out)


def _winner(score: Counter) -> int | None:
    """The clear leader: evidence, and at least three times the runner-up's."""
    if not score:
        return None
    ranked = score.most_common()
    best_i, best = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if best > 0 and best >= 3 * second:
        return best_i
    return None


def _settle(cands: list[Place], tiers: list[list[Mention]], g: _Gazetteer) -> list[Place]:
    """Narrow the candidates for an ambiguous name by the other names printed.

    Tier by tier (the other primary names, then the context), a mention that
    relates to one candidate only is evidence for it; a clear leader wins.
    Failing that, mentions that relate to some candidates but not all (江苏省
    for 鼓楼区) keep the group they point to, if it clearly leads."""
    hit_sets: list[frozenset[int]] = []
    memo: dict[tuple[Place, ...], frozenset[int]] = {}
    for mentions in tiers:
        hits = []
        for m in mentions:
            h = memo.get(m.places)
            if h is None:
                h = memo[m.places] = _hits(cands, m, g)
            hits.append(h)
        hit_sets += hits
        win = _winner(Counter(next(iter(h)) for h in hits if len(h) == 1))
        if win is not None:
            return [cands[win]]
    score: Counter = Counter()
    for h in hit_sets:
        if 0 < len(h) < len(cands):
            score.update(h)
    if score:
        top = max(score.values())
        group = [i for i in score if score[i] == top]
        runner_up = max((v for i, v in score.items() if v != top), default=0)
        if top >= 3 * runner_up:
            return [cands[i] for i in sorted(group)]
    return cands


def _common_region(places: list[Place], g: _Gazetteer) -> Region:
    """What all the places share (province, or province and city)."""
    chains = [list(reversed(g.ancestors(_node(p)))) for p in places]
    common = None
    for level_codes in zip(*chains):
        if len(set(level_codes)) != 1:
            break
        common = level_codes[0]
    return g.region[common] if common else Region()


# 香港, 澳门, 台湾: the 条例 does not reach them, so a report's text naming them (a casino mirror's 澳门…) never
# places the report there.
_NO_DISCLOSURE_REPORTS = frozenset({"71", "81", "82"})


def _fallback(context: str, hint: tuple[str, ...] | None, g: _Gazetteer) -> str | None:
    """The code the context names by a clear majority, top down, or None."""
    total: Counter = Counter()
    children: dict[str | None, set[str]] = defaultdict(set)
    mentions = [m for m in places_in(context) if not any(p.region.code and p.region.code[:2] in _NO_DISCLOSURE_REPORTS
                                                         for p in m.places)]
    for m in mentions:
        nodes = {_node(p) for p in m.places}
        if len(nodes) > 1:
            common = _common_region(list(m.places), g).code
            if common is None:
                continue
            nodes = {common}
        node = nodes.pop()
        chain = g.ancestors(node)
        for k, c in enumerate(chain):
            total[c] += 1
            children[chain[k + 1] if k + 1 < len(chain) else None].add(c)
    current: str | None = None
    pool = sum(total[c] for c in children[None])
    while True:
        kids = sorted(children.get(current, ()), key=lambda c: -total[c])
        if not kids:
            break
        best = total[kids[0]]
        second = total[kids[1]] if len(kids) > 1 else 0
        if best < 2 or best < 3 * second or best * 2 < pool:
            break
        current = kids[0]
        pool = total[current]
    if current is None and hint and ("省" in hint or "自治区" in hint):
        provinces = [c for c in children[None] if total[c] and g.names[c].endswith(hint)]
        if len(provinces) == 1:  # 省市场监管局 (自治区人民政府) and one province (自治区) named, however often
            return provinces[0]
    if current is None and hint == ("市",):
        named = [c for c in children[None] if total[c]]
        if len(named) == 1 and named[0] in MUNICIPALITIES:
            return named[0]  # 市外办 and one municipality (天津市) named, no other province: the municipality's
    if hint == ("市",) and current is not None and g.level[current] == "province":
        unit = _one_unit_named(mentions, hint, current, g, ("city", "county"))
        if unit is not None:  # 市资规局, its province settled and one city of it named in full (衢州市), no other
            return unit
    if hint and hint[0] in _COUNTY_HINTS and (current is None or g.level[current] != "county"):
        unit = _one_unit_named(mentions, hint, current, g)
        if unit is not None:  # 县卫健局 and one county named in full, unopposed, however often
            return unit
    if current is None:
        return None
    if hint:
        for c in g.ancestors(current):
            if g.names[c].endswith(hint):
                return c
    return current


_COUNTY_HINTS = ("县", "区", "旗")

def _one_city_named(context: str, province: str, g: _Gazetteer) -> str | None:
    """The one prefecture-level unit of a province that the context names, even once, when it names no other
    there: a zone's host city (a zone sits under a city, the province alone says too little)."""
    cities: set[str] = set()
    for m in places_in(context):
        nodes = {_node(p) for p in m.places}
        for node in nodes:
            city = node if g.level[node] == "city" else g.parent.get(node) if g.level[node] == "county" else None
            if city and province in g.anc[city] and g.level.get(city) == "city":
                cities.add(city)
    return cities.pop() if len(cities) == 1 else None


def _one_unit_named(
    mentions: list[Mention], hint: tuple[str, ...], within: str | None, g: _Gazetteer, levels: tuple[str, ...] = ("county",)
) -> str | None:
    """The one unit of `levels` (county-level by default) the context names by its full name with the ending the
    agency asks for (inside `within` when the majority settled a prefecture or a province), when it names no other;
    else None."""
    units: set[str] = set()
    for m in mentions:
        if not m.text.endswith(hint):
            continue
        nodes = {_node(p) for p in m.places if p.level in levels}
        if within is not None:
            nodes = {c for c in nodes if within in g.anc[c]}
        if len(nodes) > 1:
            return None  # 鼓楼区 of four cities: never a guess
        units |= nodes
    return units.pop() if len(units) == 1 else None


def resolve(primary: list[str], context: str = "") -> Resolution:
    """The region of a report, with the agency's candidate places and where the answer came from.

    See the module docstring for the rules."""
    g = _gaz()
    primary = [t for t in primary if t]
    per_text = [places_in(t, agency=True) for t in primary]
    zones = [zones_in(t) for t in primary]
    first = next((i for i, (ms, zs) in enumerate(zip(per_text, zones)) if ms or zs), None)
    if first is None:
        if any(NATIONAL.match(t) for t in primary[:1]):
            return Resolution(Region())
        stem_zone = _zone_of_county_stem(primary[0], context, g) if context else None
        if stem_zone is not None:
            return stem_zone
        misread = _misread(primary, context, g) if context else None
        if misread is not None:
            return misread
        hint = None
        for t in primary:
            m = _LEVEL_HINT.match(t)
            if m:
                hint = _HINT_SUFFIX[m.group(1)]
                break
        code = _fallback(context, hint, g) if context else None
        if code is not None and g.level[code] == "province" and ZONE_BODY_END.search(primary[0]):
            code = _one_city_named(context, code, g) or code  # 苏银产业园管理委员会 and 银川市 named once
        if code is None and context:
            code = _county_of_named_stem(primary[0], context, g)
        if code is None and context:
            code = _county_of_leading_stem(primary[0], context, g)  # 揭东分局: the agency is that unit's
        if code is None:
            return Resolution(Region())
        return Resolution(g.region[code], (g.place((g.names[code], g.level[code], code)),), "context")

    zoned = _zone_first(primary[first], per_text[first], zones[first], g)
    if zoned is not None:
        return zoned
    # the agency's place: the first name, or the last of a chain printed with
    # its parents (威海市环翠区, 山东省烟台市招远市)
    mentions = per_text[first]
    text = primary[first]
    anchor = mentions[0]
    for m in mentions[1:]:
        if text[anchor.end : m.start].strip():
            break
        if not any(_related_under(_sense(p), _sense(a), g) for p in m.places for a in anchor.places):
            break
        anchor = m
    cands = list(dict.fromkeys(anchor.places))
    if len({_node(c) for c in cands}) > 1:
        others = [m for ms in per_text for m in ms if m is not anchor]
        cands = _settle(cands, [others, places_in(context) if context else []], g)
        if len({_node(c) for c in cands}) > 1 and context:
            cands = _township_by_county_stem(cands, context, g)
    region = cands[0].region if len({_node(c) for c in cands}) == 1 else _common_region(cands, g)
    seat = _seat_in_brackets(text, anchor, mentions, g)
    if seat is not None:  # 北京大兴国际机场临空经济区（廊坊）管理委员会: named after an airport, seated in 廊坊
        return Resolution(seat.region, (seat,), "primary")
    stem_unit = _county_after_city(text, anchor.end, region, context, g)
    if stem_unit is not None:  # 内江市隆昌生态环境局: the county printed by its stem after its city
        return Resolution(g.region[stem_unit], (g.place((g.names[stem_unit], "county", stem_unit)),), "primary")
    branch = _BRANCH.search(text, anchor.end)
    # 长沙市公安局岳麓分局: the county's branch; 重庆市公安局渝中区分局: a municipality's district, under it directly;
    # 惠州市公共资源交易中心惠阳分中心: 惠阳区's
    if branch and region.code and g.level.get(region.code) in ("city", "province"):
        stem = branch.group(1)
        units = [c for c, p in g.parent.items() if p == region.code and g.names[c][: len(stem)] == stem
                 and len(g.names[c]) - len(stem) <= 3]
        if len(units) == 1:
            return Resolution(g.region[units[0]], (g.place((g.names[units[0]], "county", units[0])),), "primary")
    area = _FTZ_AREA.search(text, anchor.end)
    if area and region.code and g.level.get(region.code) == "province":
        host = _unit_of_stem(area.group(1), region.code, g)
        if host is not None:  # 中国(福建)自由贸易试验区福州片区: the area is its host's, named by the host's stem
            name = text[: area.end()] if text.startswith("中国") else area.group(0)
            return Resolution(_with_zone(g.region[host], name), (g.place((g.names[host], g.level[host], host)),), "primary")
    zone = _ZONE_AFTER.match(text, anchor.end)
    if zone and region.code and cands[0].level != "township":  # 淮安市高新技术产业开发区管委会: a zone the list lacks
        name = text[anchor.start if not zone.group(1) else zone.start(1) : zone.end()]
        host = _county_of_leading_stem_under(zone.group(1), region.code, g) if zone.group(1) else None
        if host is not None:  # 安徽舒城经济开发区, 西安临潼旅游商贸开发区: a zone named after its host county
            return Resolution(_with_zone(g.region[host], name), (g.place((g.names[host], "county", host)),), "primary")
        city = _one_city_named(context, region.code, g) if g.level.get(region.code) == "province" and context else None
        if city is not None:  # 江苏省盐南高新区 and one city of the province named (its address 盐城市…): the host city
            region = g.region[city]
        if g.level.get(region.code) == "city":  # 苏州高新区(虎丘区)经济发展委员会: the district it sits in
            region = _unit_in_brackets(text, zone.end(), region.code, mentions, g) or region
        region = _with_zone(region, name)
    return Resolution(region, tuple(cands), "primary")


def _township_by_county_stem(cands: list[Place], context: str, g: _Gazetteer) -> list[Place]:
    """Townships of one name in several counties (北街街道), the text printing one of those counties only by its
    stem (甘州乡镇街道动态): the township of that county. Several or none printed: the candidates as they were."""
    if any(c.level != "township" for c in cands):
        return cands
    counties = {c.region.code for c in cands}
    short = re.sub(r"(?:街道|镇|乡)$", "", cands[0].name)
    context = context.replace(short, "")  # 朝阳街道 prints 朝阳, no county's stem
    printed = {code for stem, codes in g.county_stems().items() if len(stem) >= 2 and stem in context
               for code in codes if code in counties}
    if len(printed) != 1:
        return cands
    return [c for c in cands if c.region.code in printed]


def _county_after_city(text: str, at: int, region: Region, context: str, g: _Gazetteer) -> str | None:
    """The county-level unit of a city printed by its stem right after the city (内江市|隆昌|生态环境局),
    when the text prints that unit's full name somewhere and an agency type of three characters or more follows."""
    if not region.code or g.level.get(region.code) != "city":
        return None
    stems = g.county_stems()
    for length in (4, 3, 2):
        stem = text[at : at + length]
        units = [c for c in stems.get(stem, ()) if g.parent[c] == region.code]
        if len(units) == 1 and len(text) - at - length >= 3 and g.names[units[0]] in context:
            return units[0]
    return None


# 中国(福建)自由贸易试验区福州片区: a free trade zone's area, named by the stem of the city or district it lies in
_FTZ_AREA = re.compile(r"自由贸易试验区([\u4e00-\u9fff]{2,4}?)片区")


def _unit_of_stem(stem: str, within: str, g: _Gazetteer) -> str | None:
    """The one city of a province named by `stem` (福州 → 福州市), else its one county-level unit of that stem."""
    cities = [c for c, p in g.parent.items() if p == within and g.level.get(c) == "city"
              and g.names[c].startswith(stem) and len(g.names[c]) - len(stem) <= 1]
    if len(cities) == 1:
        return cities[0]
    return None if cities else _county_of_stem(stem, within, g)


def _county_of_stem(stem: str, within: str, g: _Gazetteer) -> str | None:
    """The one county-level unit under `within` (a province's or city's code) whose stem is `stem` (舒城 → 舒城县)."""
    units = [c for c in g.county_stems().get(stem, ()) if within in g.anc[c] and c != within]
    return units[0] if len(units) == 1 else None


def _county_of_leading_stem_under(words: str, within: str, g: _Gazetteer) -> str | None:
    """The one county-level unit under `within` whose stem is `words` (舒城 of 安徽舒城经济开发区) or opens them, the
    zone's own words after it (临潼|旅游商贸 of 西安临潼旅游商贸开发区); the longest stem that names one unit."""
    host = _county_of_stem(words, within, g)
    if host is not None:
        return host
    for length in (4, 3, 2):
        if len(words) - length >= 2:
            host = _county_of_stem(words[:length], within, g)
            if host is not None:
                return host
    return None


# A zone headed by the stem of a county-level unit: 番禺经济技术开发区
_ZONE_OF_STEM = re.compile(r"^([\u4e00-\u9fff]{2,4}?)" + ZONE_KIND)


# 区统计局: a bare county level, then the agency's type
_BARE_COUNTY_AGENCY = re.compile(r"^\s*(县|区|旗|市)(?P<type>[\u4e00-\u9fff]{2,12})$")
_TYPE_END = re.compile(r"(?:管理局|局|委员会|委|办公室|办|中心|所|站|队)$")


def _county_of_named_stem(text: str, context: str, g: _Gazetteer) -> str | None:
    """The county-level unit a bare 区统计局 belongs to when the text names its own work after the unit's
    stem (《渭滨统计》, 东城司法): the stem right before the type's root, one unit with that ending."""
    m = _BARE_COUNTY_AGENCY.match(text)
    if not m:
        return None
    level, root = m.group(1), _TYPE_END.sub("", m.group("type"))
    if len(root) < 2:
        return None
    stems = g.county_stems()
    units: set[str] = set()
    start = context.find(root)
    while start != -1:
        for length in (2, 3, 4):
            for code in stems.get(context[max(0, start - length):start], ()) if start >= length else ():
                if g.names[code].endswith(level):
                    units.add(code)
        start = context.find(root, start + 1)
    return units.pop() if len(units) == 1 else None


def _county_of_leading_stem(text: str, context: str, g: _Gazetteer) -> str | None:
    """The county-level unit an agency's name starts with by its stem (揭东分局, 揭东公安), when the text
    prints that unit's full name (揭东区政府信息公开网) and no other unit with that stem."""
    stems = g.county_stems()
    for length in (4, 3, 2):
        if len(text) - length < 2:
            continue
        units = [c for c in stems.get(text[:length], ()) if g.names[c] in context]
        if len(units) == 1:
            return units[0]
        if units:
            return None
    return None


def _zone_of_county_stem(text: str, context: str, g: _Gazetteer) -> Resolution | None:
    """A zone named after the county-level unit that hosts it, when one unit has that stem and the
    text names it, its prefecture or its province: the unit's region, with the zone."""
    m = _ZONE_OF_STEM.match(text)
    if not m:
        return None
    units = g.county_stems().get(m.group(1), ())
    if not units:
        return None
    named = {_node(p) for mention in places_in(context) for p in mention.places}
    confirmed = [c for c in units if named & set(g.anc[c])]
    if len(confirmed) != 1:
        return None
    code = confirmed[0]
    return Resolution(_with_zone(g.region[code], m.group(0)), (g.place((g.names[code], "county", code)),), "primary")


def _zone_first(text: str, mentions: list[Mention], zones: list[ZoneMention], g: _Gazetteer) -> Resolution | None:
    """The region of a text whose agency sits in a zone: the zone comes first, or right after its host's names."""
    if not zones:
        return None
    z = zones[0]
    host_chain = g.anc[z.zone.host]
    before = [m for m in mentions if m.start < z.start and m.end <= z.start]
    if before:
        # only the zone's host and its parents, printed right before it (湖北省武汉市东湖高新区)
        if text[before[-1].end : z.start].strip():
            return None
        if not all(any(_node(p) in host_chain for p in m.places) for m in before):
            return None
    region = _unit_in_brackets(text, z.end, z.zone.host, mentions, g) or g.region[z.zone.host]  # 泰州医药高新区（高港区）
    return Resolution(_with_zone(region, z.zone.name), (), "primary")


def _seat_in_brackets(text: str, anchor: Mention, mentions: list[Mention], g: _Gazetteer) -> Place | None:
    """A name that opens on a place it is only named after (an airport's, 北京大兴国际机场临空经济区) and prints
    in brackets, later in the name, the one city or province it sits in (（廊坊）): that place, when it is none of
    the first place's own units nor above it. A county-level unit in brackets is `_unit_in_brackets`' to narrow
    with (苏州高新区（虎丘区）) or to leave when it is another city's (苏州高新区（高港区）)."""
    for m in mentions:
        if m.start <= anchor.end or text[m.start - 1 : m.start] not in ("(", "（") \
                or text[m.end : m.end + 1] not in (")", "）"):
            continue
        seats = {_node(p): p for p in m.places}
        if len(seats) != 1:
            return None
        seat = next(iter(seats.values()))
        if seat.level not in ("province", "city") or any(
                _related_under(_sense(seat), _sense(a), g) or _related_under(_sense(a), _sense(seat), g)
                or _node(a) == _node(seat) for a in anchor.places):
            return None
        return seat
    return None


def _unit_in_brackets(text: str, at: int, host: str, mentions: list[Mention], g: _Gazetteer) -> Region | None:
    """The one county-level unit under a zone's host printed right after the zone's name, in brackets or not
    (泰州医药高新区（高港区）, 苏州高新区(虎丘区)经济发展委员会): the unit the zone's body sits in."""
    after = [m for m in mentions if m.start >= at]
    if after and not text[at : after[0].start].strip(" （(【[　"):
        inside = [p for p in after[0].places if host in g.anc[_node(p)] and p.level != "township"]
        if len({_node(p) for p in inside}) == 1:
            return inside[0].region
    return None


def _with_zone(region: Region, zone: str) -> Region:
    return Region(region.province, region.city, region.county, region.code, zone)


# A zone's type right after a place (its stem, if any, has no agency ending in it): 经济开发区, 高新区, 新区 …
_ZONE_AFTER = re.compile(r"([^\s局委厅办院署部府处科所站队]{0,6}?)(?:" + ZONE_KIND[3:-1] + "|风景名胜区|风景区)")


# 某局某分局, a centre's branch named by its county's stem (公共资源交易中心惠阳分中心), a detachment's
# brigade (交通警察支队张店大队)
_BRANCH = re.compile(r"(?:局|委员会|中心|支队)([\u4e00-\u9fff]{2,3}?)(?:分局|分中心|大队)")
_UNKNOWN_PLACE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,5}?(?:自治县|自治州|县|市|区|旗|州|盟))")


_LEVEL_CHARS = frozenset("省市县区州旗盟乡镇")


def _misread(primary: list[str], context: str, g: _Gazetteer) -> Resolution | None:
    """The unit an OCR-misread name stands for (沐阳县 → 沭阳县), confirmed by what the context names.

    Each unit one character away scores by the mentions inside it or above it
    (its prefecture, its province, its townships); the best wins when alone.
    When several share the best score, the region is what they share (宿迁市
    for 沭阳县 and 泗阳县), and nothing is read as misread."""
    for text in primary:
        m = _UNKNOWN_PLACE.match(text)
        if not m:
            continue
        printed = m.group(1)
        if printed[0] in _LEVEL_CHARS:  # 市城市管理局 is a bare level and a type (城市管理局), not a misread 肥城市
            continue
        near = near_misses(printed)
        if not near:
            return None
        score: Counter = Counter()
        for mention in places_in(context):
            for i, cand in enumerate(near):
                c = _node(cand)
                for p in mention.places:
                    n = _node(p)
                    if (n == c and p.level == "township") or (n != c and (n in g.anc[c] or c in g.anc[n])):
                        score[i] += 1
                        break
        if not score:
            return None
        best = max(score.values())
        top = [near[i] for i, v in score.items() if v == best]
        if len(top) == 1:
            return Resolution(top[0].region, (top[0],), "misread", (printed, top[0].name))
        shared = _common_region(top, g)
        return Resolution(shared, tuple(top), "misread") if shared.code else None
    return None


def resolve_region(primary: list[str], context: str = "") -> Region:
    """The region of a report.

    `primary`: texts naming the reporting agency, in priority order (agency
    name, title, signature …). `context`: the report's whole text, used to
    settle ambiguous names, and alone only when no primary text names a place.
    Never a silent guess: what cannot be settled stays null."""
    return resolve(primary, context).region


# 西峰区人民政府, 德安县政府网站, 某县政府门户, 同心县政府公众网, 某县政府网, 某市政府信息公开平台: the government
# of a place, or the site or platform it publishes on
_GOVERNMENT_AFTER = re.compile(r"人民政府|政府(?:门户)?网站|政府门户|政府(?:公众)?网|政府信息公开(?:平台|专栏|网)")


def county_government_named(context: str) -> Region | None:
    """The region of the one county-level unit whose government the text names (西峰区人民政府 as the
    header of the site a subdistrict publishes on), when it names no other county-level government and
    the name is no other unit's: the county a township agency that prints no county of its own belongs to."""
    units = _counties_before(context, lambda end: bool(_GOVERNMENT_AFTER.match(context, end)))
    return _gaz().region[units.pop()] if units and len(units) == 1 else None


# 西安•莲湖(www.lianhu.gov.cn)政府门户网站: a district's site named by its city's stem and its own, a dot between
_DOTTED_SITE = re.compile(
    r"[•·・‧]\s*(?P<b>[\u4e00-\u9fff]{2,4}?)\s*(?:[(（][^()（）]{0,60}[)）])?\s*(?:政府门户网站|门户网站|政府网站|政府网|官网|网站)")


def county_site_named(context: str) -> Region | None:
    """The region of the one county-level unit whose site the text names by its city's stem and its own, a dot
    between (西安•莲湖 政府门户网站): the host of a unit that prints no place of its own. None when the stems name
    no city and one unit of it, or the text names more than one such site."""
    g = _gaz()
    units: set[str] = set()
    for m in _DOTTED_SITE.finditer(context):
        before = context[max(0, m.start() - 4) : m.start()].rstrip()
        cities = {_node(p) for k in (2, 3, 4) if len(before) >= k
                  for mention in places_in(before[-k:]) if (mention.start, mention.end) == (0, k)
                  for p in mention.places if p.level == "city"}
        unit = _county_of_stem(m.group("b"), cities.pop(), g) if len(cities) == 1 else None
        if unit:
            units.add(unit)
    return g.region[units.pop()] if len(units) == 1 else None


def _counties_before(context: str, follows) -> set[str] | None:
    """The county-level units the text prints right before what `follows(end)` accepts; None when one
    of those names is ambiguous (鼓楼区) or no county (a prefecture's government): no guess then."""
    units: set[str] = set()
    for m in places_in(context):
        if not follows(m.end):
            continue
        nodes = {_node(p) for p in m.places if p.level == "county"}
        if len(nodes) != 1 or len(m.places) != 1:
            return None
        units |= nodes
    return units


def county_printed_before(township: str, context: str) -> Region | None:
    """The county the text prints right before a township it names (地址：仁寿县中岗镇…) when the gazetteer
    holds that township under another county only (its 中岗镇 is 阜南县's): the printed chain names the
    township's own county, which the gazetteer lacks it under. None when the text prints no such chain,
    prints more than one county there, or the gazetteer already holds the township under that county."""
    g = _gaz()
    counties = _counties_before(context, lambda end: context.startswith(township, end))
    if not counties or len(counties) != 1:
        return None
    county = counties.pop()
    for m in places_in(township, agency=True):
        if any(county in g.anc[_node(p)] for p in m.places):
            return None
    return g.region[county]
