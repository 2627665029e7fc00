"""From the places a report names its agency to one name: the choice among the finders' answers, then the
fullest printing of that agency.

`agency.py` finds where a report names its agency (title, preamble, first sentence, contact line …), each
finder a pure function over the paragraphs. `find_agency` here takes the first source that names one, in that
order of trust, lets a better-placed source take over where the first one lacks its place (a bare 市政府 title,
a 区 dropped after the city), takes the longest printing of the same agency among all of them, and completes
it: a declared short name's full form, a bare level placed by the opening's one place or by its own channel,
a zone's short kind in full. The last-resort finders (我局, 我县 …) are tried only when no source names one.
"""

from __future__ import annotations

import re
from collections import Counter

from ..gazetteer import places_in, zones_in
from ..gazetteer.kinds import COMMITTEE, COMMITTEE_END, ZONE_END, ZONE_WORDS, zone_kinds_short
from .agency import (
    AgencyFound,
    agency_like,
    byline,
    compiler,
    contact,
    embedded,
    first_of_shared_seat,
    first_sentence,
    from_publisher,
    from_title,
    opening_subject,
    own_column,
    own_plan,
    placed_instead,
    signature,
    starts_with_place,
    system_head,
    trim_lead,
    working_group,
)
from .channels import CHANNEL, CHANNEL_DEPTH, UNQUOTED_CHANNEL, one_place, stem_channel_places, type_stems
from .speaker import (AGENCY_PRONOUN, GOVERNMENT_PRONOUN, OFFICE_PRONOUN, bare_office_government, bare_subdistrict,
                      gazette_government, office_by_government_channel, own_work, pronoun_agency, pronoun_channel,
                      pronoun_government, repeated_subject, self_named_subject, site_government,
                      whole_place_government)
from .level import is_national
from .names import (
    abbreviates,
    canonical,
    is_pronoun,
    place_only_agency,
    same_agency,
    split_place,
    zone_host_stem,
    zone_printing_pattern,
)
from .patterns import AGENCY_SUFFIX, HAN, NAME_CHAR, TRAILING_BRACKET, YEAR


def find_agency(title: str | None, paragraphs: list[str], publisher: str | None = None) -> AgencyFound | None:
    """The reporting agency in its fullest printed form, or None when the report names none.

    The first source that names an agency decides which agency it is; the
    longest printing of that same agency anywhere gives its name."""
    found = [
        from_title(title),
        system_head(title, paragraphs),
        embedded(paragraphs),
        byline(paragraphs, title),
        signature(paragraphs),
        first_sentence(paragraphs),
        opening_subject(paragraphs),
        compiler(paragraphs),
        contact(paragraphs),
        own_plan(paragraphs),
        working_group(paragraphs),
        own_column(paragraphs),
        from_publisher(publisher, paragraphs),
    ]
    sources = [first_of_shared_seat(f) for f in found if f is not None]
    if not sources:
        last = (pronoun_government(paragraphs) or pronoun_agency(paragraphs) or own_work(paragraphs)
                or self_named_subject(paragraphs) or repeated_subject(paragraphs)
                or gazette_government(paragraphs) or bare_subdistrict(paragraphs)
                or pronoun_channel(paragraphs) or office_by_government_channel(paragraphs)
                or bare_office_government(paragraphs) or site_government(paragraphs)
                or whole_place_government(paragraphs))
        return _placed(_full_name(last, paragraphs), paragraphs) if last else None
    primary = _district_dropped(_department_of_place(placed_instead(sources[0], sources[1:]), sources[1:]), sources[1:])
    primary = _centre_answering(primary, paragraphs)
    primary = doubled_kind(department_speaking(primary, sources[1:], paragraphs), sources[1:], paragraphs)
    primary = _series_heading_compiled_by(primary, sources[1:], title)
    fuller = [f for f in sources[1:] if len(f.name) > len(primary.name) and same_agency(primary.name, f.name)
              and not _office_inside(primary.name, f.name)]
    fuller += _office_printed_in_full(primary, sources[1:])
    fuller += _zone_printed_in_full(primary, sources[1:], paragraphs)
    best = max(fuller, key=lambda f: len(f.name)) if fuller else primary
    best = _office_speaking(_placed(_type_printed_in_full(_full_name(best, paragraphs), paragraphs), paragraphs), paragraphs)
    return _committee_of_zone(best, paragraphs)


def _office_inside(office: str, other: str) -> bool:
    """An office inside a government's office (某县人民政府政务公开办公室 in 某县人民政府办公室's report, its
    compiler): words put between the government and 办公室 name another office, never a fuller printing."""
    if not office.endswith("人民政府办公室") or not other.endswith("办公室"):
        return False
    government = office[: -len("办公室")]
    return other.startswith(government) and len(other) > len(office)


def _committee_of_zone(found: AgencyFound, paragraphs: list[str], limit: int = 15) -> AgencyFound:
    """A zone that stands for itself (a title headed by the zone alone: 某某经济技术开发区2025年…报告) whose opening
    prints its committee by the zone's kind, short or full (由经开区管委会党政办…编制, 请与开发区管理委员会联系): the
    zone's committee, the body that reports. A committee printed after another place is another zone's."""
    end = ZONE_END.search(found.name)
    if not end or COMMITTEE_END.search(found.name):
        return found
    kind = end.group(0)
    kinds = "|".join(re.escape(k) for k in sorted({kind, zone_kinds_short(kind)}, key=len, reverse=True))
    printed = re.compile(rf"(?:{re.escape(found.name)}|(?<![{HAN}])|(?<=[由与和及向的对在将]))(?:{kinds}){COMMITTEE}")
    if any(printed.search(text) for text in paragraphs[:limit]):
        name = found.name + "管理委员会"
        return AgencyFound(name, found.printed, found.source)
    return found


def _type_printed_in_full(found: AgencyFound, paragraphs: list[str], limit: int = 15) -> AgencyFound:
    """An agency printed with a short type (盂县住建局) that the opening also prints in full after the same place
    (盂县住房和城乡建设管理局, in a line of its own or a sentence): that full printing, when its type is one the short
    type shortens (first and last characters, the rest in order) and it is longer than the closed list's expansion
    (住房和城乡建设局): the list spells a type the usual way, the report its agency's own name."""
    place, short = split_place(found.printed)
    if not place or not short or canonical(found.printed) == found.printed:
        return found
    printing = re.compile(re.escape(place) + f"{NAME_CHAR}{{2,20}}?{AGENCY_SUFFIX}")
    best = found
    for text in paragraphs[:limit]:
        for m in printing.finditer(text):
            full = m.group(0)
            kind = full[len(place):]
            if len(full) > len(best.name) and abbreviates(short, kind) and same_agency(found.name, full):
                best = AgencyFound(canonical(full), full, found.source)
    return best


def _centre_answering(primary: AgencyFound, paragraphs: list[str]) -> AgencyFound:
    """A contact line naming a place's centre (请与某旗电子政务网站服务中心联系) in a report that speaks as that
    place's government (我旗…, 汇总全旗…): the centre only answers for the government, which reports."""
    if primary.source != "contact" or not primary.name.endswith("中心"):
        return primary
    government = pronoun_government(paragraphs)
    if government and len(government.printed) >= 2 and primary.name.startswith(government.printed):
        return government
    return primary


def _office_printed_in_full(primary: AgencyFound, others: list[AgencyFound]) -> list[AgencyFound]:
    """A government's office reporting for itself (编制某区人民政府办公室2024年…报告) that a contact line prints
    with more of its place (请联系某市某区人民政府办公室): the contact line read the office as its government,
    but the office it prints is the reporting agency itself, named in full."""
    if not primary.name.endswith("人民政府办公室"):
        return []
    out = []
    for other in others:
        printed = canonical(TRAILING_BRACKET.sub("", other.printed))
        if (printed != other.name and len(printed) > len(primary.name) and same_agency(primary.name, printed)
                and not _office_inside(primary.name, printed)):
            out.append(AgencyFound(printed, other.printed, other.source))
    return out


def _zone_printed_in_full(primary: AgencyFound, others: list[AgencyFound], paragraphs: list[str],
                          limit: int = 40) -> list[AgencyFound]:
    """A zone the body names short (2023年，临港开发区围绕…) that a contact line or the publisher prints in full
    (请与江阴临港经济开发区党政办公室联系): that printing, when what it prints before the zone's name is nothing or
    the stem of a place the opening prints in full (江阴 of 江阴市珠江路198号), one place of that name. The
    zone list may give the short name to another province's zone; the full printing says which one it is."""
    text = "\n".join(paragraphs[:limit])
    out = []
    for other in others:
        stem = zone_host_stem(primary.name, other.name)
        if stem is None or (stem and not _stem_printed_in_full(stem, text)):
            continue
        out.append(other)
    return out


def _stem_printed_in_full(stem: str, text: str) -> bool:
    """The text prints the stem as one city's or county's full name (江阴 → 江阴市), one place of that name."""
    for level in ("市", "县", "区", "旗"):
        name = stem + level
        mentions = places_in(name, agency=True)
        if name in text and [(m.text, len(m.places)) for m in mentions] == [(name, 1)]:
            return True
    return False


def _placed(found: AgencyFound, paragraphs: list[str]) -> AgencyFound:
    """A department printed without its place, placed by its own channel or by the one place the opening names;
    a zone printed by its kind alone, by its own channel."""
    return zone_by_channel(placed_in_its_place(placed_by_channel(found, paragraphs), paragraphs), paragraphs)


# 高新区, 经开区: a zone's kind with no place; its channels print its short kind's stem (洛阳高新, 郑州经开)
_ZONE_KIND_ONLY = re.compile(r"(?P<stem>高新|经开|开发|新)区")


def zone_by_channel(found: AgencyFound, paragraphs: list[str], limit: int = 15) -> AgencyFound:
    """A zone the report names by its kind alone (高新区认真贯彻…) whose own channel the opening names by its
    city's stem and the kind's (洛阳高新微信公众号, “郑州经开”微信公众号): the one zone the list knows by that
    stem and kind (洛阳高新区)."""
    bare = _ZONE_KIND_ONLY.fullmatch(found.name)
    if not bare:
        return found
    stem = bare.group("stem")
    zones: set[str] = set()
    for text in paragraphs[:limit]:
        for m in [*CHANNEL.finditer(text), *UNQUOTED_CHANNEL.finditer(text)]:
            channel = m.group("c")
            at = channel.rfind(stem)
            for name in {channel[at - k : at] + found.name for k in (2, 3, 4) if at - k >= 0}:
                mentions = zones_in(name)  # the city's stem right before the kind's (通过郑州经开政务微博)
                if len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (0, len(name)):
                    zones.add(mentions[0].zone.name)
    if len(zones) != 1:
        return found
    return AgencyFound(canonical(zones.pop()), found.printed, found.source)


_LEVEL_ONLY = frozenset({"市", "县", "区", "旗"})


def placed_by_channel(found: AgencyFound, paragraphs: list[str], limit: int = 15) -> AgencyFound:
    """A department the report names by its bare level alone (市商务局) whose own channel the opening quotes
    by its place's stem and its type's (“安康商务”微信公众号, 《驻马店农业信息网》), or prints without quotes
    when no quoted one places it (义乌商务微信公众号): that place's department (安康市商务局), when the stems
    name one place of that level."""
    level, kind = split_place(found.name)
    if not level and kind and not is_national(found.name) and not is_pronoun(found.name) \
            and not _ZONE_KIND_ONLY.fullmatch(found.name):  # 高新区: zone_by_channel's
        return _unplaced_by_channel(found, kind, paragraphs[:CHANNEL_DEPTH])
    if level not in _LEVEL_ONLY or not kind:
        return found
    stems = type_stems(kind)
    places: set[str] = set()
    for text in paragraphs[:limit]:
        for m in CHANNEL.finditer(text):
            channel = m.group("c")
            for stem in stems:
                at = channel.find(stem)
                place = channel[:at] + level
                if 2 <= at <= 4 and one_place(place):
                    places.add(place)
    if not places:  # 2023年度市商务局…依托义乌商务微信公众号平台: the channel printed without quotes
        places = stem_channel_places(paragraphs[:CHANNEL_DEPTH], stems, (level,), quoted=False)
    if len(places) != 1:
        return found
    name = places.pop() + kind
    return AgencyFound(canonical(name), found.printed, found.source)


def _unplaced_by_channel(found: AgencyFound, kind: str, paragraphs: list[str]) -> AgencyFound:
    """A department named with neither place nor level (商务局2023年…报告) whose own channel the opening names by
    its place's stem and its type's, quoted or not (依托义乌商务微信公众号平台): the department of the one city or
    county that stem names (义乌市商务局)."""
    places = stem_channel_places(paragraphs, type_stems(kind), ("市", "县"), quoted=True)
    if len(places) != 1:
        return found
    return AgencyFound(canonical(places.pop() + kind), found.printed, found.source)


def placed_in_its_place(found: AgencyFound, paragraphs: list[str], limit: int = 12) -> AgencyFound:
    """A department named with neither place nor level (发改局围绕…) whose opening names one city or county
    (《义乌市推进…方案》) and that place's government by its level alone (市政府政务公开办): that place's department."""
    place, kind = split_place(found.name)
    if place or not kind or is_national(found.name) or is_pronoun(found.name):
        return found
    if ZONE_END.search(kind) and len(ZONE_END.sub("", kind)) >= 2:
        return found  # 燕郊高新区: a zone named by a place of its own, which region.zone keeps
    text = "\n".join(paragraphs[:limit])
    mentions = places_in(text)
    named = {m.text for m in mentions
             if len(m.places) == 1 and m.places[0].level in ("city", "county") and m.text[-1] in "市县区旗"}
    if len(named) != 1:
        return found
    unit = named.pop()
    if found.name.startswith(unit[:-1]):  # 揭东分局 for 揭东区: the name opens on its place's stem
        return found
    if unit in found.name:  # 第一师某市某团某镇人民政府: the name prints its place inside; not placed again
        return found
    covered = {i for m in mentions for i in range(m.start, m.end)}
    if not any(m.start() not in covered for m in re.finditer(rf"{unit[-1]}(?:人民)?政府", text)):
        return found
    name = unit + kind
    return AgencyFound(canonical(name), found.printed, found.source)



def _office_speaking(found: AgencyFound, paragraphs: list[str], limit: int = 15) -> AgencyFound:
    """A government's office named for its government (请与某区人民政府办公室联系 → 某区人民政府) is the
    agency itself when the report speaks as that office (结合我办…): the office's own report."""
    printed = TRAILING_BRACKET.sub("", found.printed)
    if not printed.endswith("人民政府办公室") or found.name.endswith("办公室"):
        return found
    if not any(OFFICE_PRONOUN.search(t) for t in paragraphs[:limit]):
        return found
    return AgencyFound(canonical(printed), found.printed, found.source)


def _district_dropped(primary: AgencyFound, others: list[AgencyFound]) -> AgencyFound:
    """A title's agency that prints its city and then a bare 区 or 县 where the unit's name belongs
    (大同市区自然资源局) yields to the agency of that type another source names with a district or county of
    that city (由平城区自然资源局编制)."""
    place, kind = split_place(primary.name)
    if primary.source not in ("title", "embedded") or len(kind) < 3 or kind[0] not in "区县":
        return primary
    cities = [p for m in places_in(place, agency=True) for p in m.places if p.level == "city"]
    if len(cities) != 1:
        return primary
    for other in others:
        other_place, other_kind = split_place(other.name)
        units = [p for m in places_in(other_place, agency=True) for p in m.places if p.level == "county"]
        if other_kind == kind[1:] and units and all(u.region.city == cities[0].name for u in units):
            return other
    return primary


def _department_of_place(primary: AgencyFound, others: list[AgencyFound]) -> AgencyFound:
    """A quoted report name that is a place alone (编制了永泰县2017年…报告) yields to the department that says it
    compiled it with a bare level of that place's kind (由县农业局办公室编制): the department of that place."""
    if primary.source != "embedded" or primary.name != place_only_agency(primary.printed):
        return primary
    for other in others:
        place, kind = split_place(other.name)
        if other.source == "compiler" and place in ("县", "区", "市", "旗") and primary.printed.endswith(place) and kind:
            name = primary.printed + kind
            return AgencyFound(canonical(name), name, "compiler")
    return primary


def _series_heading_compiled_by(primary: AgencyFound, others: list[AgencyFound], title: str | None) -> AgencyFound:
    """A title that is a place's series heading, with no year (北京市政府信息公开工作年度报告 over every Beijing
    department's report), yields to a department of that place the preamble says compiled the report
    (由北京市统计局、国家统计局北京调查总队编制的2012年度…报告); a government's own office compiling it stays the government."""
    if primary.source != "title" or primary.name != place_only_agency(primary.printed) or not title:
        return primary
    if re.search(YEAR, title):
        return primary
    for other in others:
        if (other.source == "compiler" and other.name.startswith(primary.printed) and other.name != primary.name
                and not other.name.endswith(("人民政府", "人民政府办公室", "人民政府办公厅"))):
            return other
    return primary


def _full_name(found: AgencyFound, paragraphs: list[str]) -> AgencyFound:
    """The agency under the full name the report gives it: a declared short name (A（以下简称B）), a bare zone word."""
    declared = declared_short_names(paragraphs)
    full = declared.get(found.printed) or declared.get(found.name)
    bare = next((n for n in (found.name, found.printed) if n in _BARE_ZONE), None)  # 投资区 read as 投资区人民政府
    if full is None and bare:
        full = zone_named_in(bare, paragraphs)
    if full is None and ZONE_END.search(found.name) and not places_in(found.name, agency=True):
        full = placed_zone(found.name, paragraphs)
    if full is None:
        full = placed_printing(found.name, paragraphs)
    if full is None:
        full = prefixed_printing(found.name, paragraphs)
    if full is None:
        full = zone_in_full(found.name, paragraphs)
    return AgencyFound(canonical(full), full, found.source) if full else found


# 地址：, 办公地址:, 联系地址 — the label of an address right before a printing: a place to go, not a name
_ADDRESS_BEFORE = re.compile(r"(?:地址|住址|地点|位于)\s*[:：]?\s*[^\s,，。;；:：、()（）]{0,16}$")


def prefixed_printing(name: str, paragraphs: list[str], limit: int = 40) -> str | None:
    """A township's or subdistrict's agency named by its own place alone (渝碚路街道办事处) that the text also
    prints after its county or city (《重庆市沙坪坝区渝碚路街道办事处信息公开指南》), or a county-level unit's
    (东城区市场监督管理局, printed 北京市东城区市场监督管理局) after its city: the fullest printing, when every
    place before the name is one the unit lies in."""
    mentions = places_in(name, agency=True)
    if not mentions or mentions[0].start != 0:
        return None
    levels = {p.level for p in mentions[0].places}
    if not (levels == {"township"} or levels == {"county"}):
        return None
    townships = mentions[0].places
    best = ""
    for text in paragraphs[:limit]:
        for m in re.finditer(re.escape(name), text):
            if _ADDRESS_BEFORE.search(text, 0, m.start()):
                continue  # 地址:某省某市某县某镇人民政府三楼: where an office sits, not the agency's name
            for k in range(min(14, m.start()), 1, -1):  # the longest chain of places first
                prefix = text[m.start() - k:m.start()]
                if len(prefix) + len(name) > len(best) and _encloses(prefix, townships):
                    best = prefix + name
                    break
    return best or None


def _encloses(prefix: str, townships) -> bool:
    """重庆市沙坪坝区 before 渝碚路街道 (北京市 before 东城区): a prefix that is only places, the last of them the
    township's county (or city; a county's city or province) and every one of them on its way."""
    chain = places_in(prefix, agency=True)
    if not chain or chain[0].start != 0 or chain[-1].end != len(prefix):
        return False
    if any(a.end != b.start for a, b in zip(chain, chain[1:])):
        return False
    names = {p.name for m in chain for p in m.places}
    last = {p.name for p in chain[-1].places}
    return any(way and way[-1] in last and set(way) >= names for way in map(_way_to, townships))


def _way_to(place) -> tuple[str, ...]:
    """The places above a township (its province, city, county) or above a county-level unit (its province and
    city), outermost first."""
    region = place.region
    parts = (region.province, region.city, region.county if place.level == "township" else None)
    return tuple(dict.fromkeys(n for n in parts if n))


def zone_in_full(name: str, paragraphs: list[str], limit: int = 40) -> str | None:
    """A zone or its committee printed with a short kind (江苏省盐南高新区, 武昌经开区管委会) that the text also
    prints in full (江苏省盐南高新技术产业开发区管理委员会门户网站), with its province's name when that is printed
    right before it (来源：安徽某某高新技术产业开发区管理委员会): the longest such printing, when longer."""
    pattern = zone_printing_pattern(name)
    if pattern is None:
        return None
    bare = not ZONE_END.sub("", COMMITTEE_END.sub("", name))  # 经开区: a kind alone names no zone by itself
    if bare and (placed := _kind_printed_after_place(pattern, paragraphs[:limit])):
        return placed
    province = _host_province(name)
    printings = [province_before(text, m.start(), province) + m.group(0)
                 for text in paragraphs[:limit] for m in pattern.finditer(text)
                 if not bare or COMMITTEE_END.search(m.group(0))]  # 经开区管委会, not the kind spelled out alone
    longest = max(printings, key=len, default="")
    return longest if len(longest) > len(name) else None


def _kind_printed_after_place(pattern: re.Pattern[str], paragraphs: list[str]) -> str | None:
    """A zone named by its kind alone (经开区) that the text prints in full after a city or county, its stem or its
    name (地址：安顺经济技术开发区迎宾路34号): that printing, when every such printing names the same place. The
    kind printed with no place before it (经济技术开发区) is no zone's name."""
    names: set[str] = set()
    for text in paragraphs:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 12):m.start()]
            places = [p for p in places_in(before, agency=True) if p.end == len(before)]
            if places and any(p.level in ("city", "county") for p in places[-1].places):
                names.add(places[-1].text + m.group(0))
    return names.pop() if len(names) == 1 else None


def _host_province(name: str) -> str | None:
    """The province of the place a name opens on (池州 of 池州高新区 → 安徽省), when that place is one province's."""
    mentions = places_in(name, agency=True)
    if not mentions or mentions[0].start != 0:
        return None
    provinces = {p.region.province for p in mentions[0].places}
    return provinces.pop() if len(provinces) == 1 else None


def province_before(text: str, start: int, province: str | None) -> str:
    """The printing of `province` (安徽 or 安徽省) that ends right where a name starts, standing alone before it
    (来源：安徽 + 某某高新技术产业开发区): the province of the name's own place printed ahead of it; else ''."""
    if not province:
        return ""
    before = text[max(0, start - 8):start]
    for m in reversed(places_in(before)):
        if m.end != len(before):
            continue
        at = start - len(before) + m.start
        if (any(p.level == "province" and p.name == province for p in m.places)
                and not (at > 0 and re.match(f"[{HAN}]", text[at - 1]))):
            return m.text
        break
    return ""


def placed_printing(name: str, paragraphs: list[str], limit: int = 40) -> str | None:
    """A department named by its bare level (县林业和草原局) that the text also prints after its place's stem
    (云县林业和草原局), every such printing the same: that printing. 临沧市林业和草原局 is another level's.
    The place must start where the printing starts (规范富宁县…: 富宁县, neither 范富宁县 nor 宁县)."""
    level, kind = split_place(name)
    if level not in _LEVEL_ONLY or not kind:
        return None
    names: set[str] = set()
    for text in paragraphs[:limit]:
        for m in re.finditer(re.escape(name), text):
            for k in range(min(5, m.start()), 0, -1):  # the longest place first: 富宁县, not 宁县
                printed = text[m.start() - k:m.end()]
                found = places_in(printed, agency=True)
                if found and found[0].start == 0 and found[0].end == k + len(level):
                    names.add(printed)
                    break
    return names.pop() if len(names) == 1 else None


def placed_zone(zone: str, paragraphs: list[str], limit: int = 40) -> str | None:
    """A zone named without its place (徐圩新区) that the text prints once with its place right before it
    (连云港徐圩新区): that fuller name, when every such printing has the same place."""
    names: set[str] = set()
    for text in paragraphs[:limit]:
        for m in re.finditer(re.escape(zone), text):
            before = [p for p in places_in(text[max(0, m.start() - 12):m.start()]) if p.end == min(12, m.start())]
            if before:
                names.add(before[-1].text + zone)
    return names.pop() if len(names) == 1 else None


# 广西壮族自治区北部湾经济区规划建设管理办公室（以下简称自治区北部湾办）
_DECLARED = re.compile(
    rf"(?P<full>{NAME_CHAR}{{4,40}}?{AGENCY_SUFFIX})\s*[（(]\s*(?:以下)?简称\s*[“\"]?(?P<short>[{HAN}]{{2,15}})[”\"]?"
    r"\s*(?:[，,；;][^（）()]{0,12})?[)）]"  # （以下简称“某局”，下文类同）
)


def declared_short_names(paragraphs: list[str], limit: int = 15) -> dict[str, str]:
    """Short name → full name for every agency the opening names with its short name declared."""
    out: dict[str, str] = {}
    for text in paragraphs[:limit]:
        if "简称" not in text:  # what every declaration holds: the pattern's search is slow on long paragraphs
            continue
        for m in _DECLARED.finditer(text):
            full = trim_lead(m.group("full"))
            if agency_like(full):
                out.setdefault(m.group("short"), full)
    return out


# A zone speaking of itself by its kind alone (2022年，开发区坚持…).
_BARE_ZONE = frozenset(ZONE_WORDS)


def zone_named_in(kind: str, paragraphs: list[str], limit: int = 40) -> str | None:
    """The one zone of that kind the text names in full (西宁经济技术开发区 for 开发区), starting with a place."""
    names: Counter[str] = Counter()
    for text in paragraphs[:limit]:
        for m in re.finditer(rf"[{HAN}]{{2,12}}?{kind}", text):
            for start in range(m.start(), m.end() - len(kind) - 1):
                name = text[start:m.end()]
                if zones_in(name) and zones_in(name)[0].start == 0 or starts_with_place(name):
                    names[name] += 1
                    break
    if not names:
        return None
    best = names.most_common()
    return best[0][0] if len(best) == 1 or best[0][1] > best[1][1] else None


def agency_of(title: str | None, paragraphs: list[str], publisher: str | None = None) -> str | None:
    """The canonical name of the reporting agency (see `find_agency`)."""
    found = find_agency(title, paragraphs, publisher)
    return found.name if found else None


def department_speaking(primary: AgencyFound, others: list[AgencyFound], paragraphs: list[str],
                        limit: int = 15) -> AgencyFound:
    """A government read from the disclosure work a preamble names (结合2022年度某区人民政府信息公开工作实际，编制发布此报告)
    in a report that speaks as a department (我局, 本委) and never as its place (我区, 本县): the department of that kind
    and of that place another source names (请联系某区教育局) reports; the government's work is only its setting."""
    if primary.source != "embedded" or not primary.name.endswith("人民政府"):
        return primary
    text = "\n".join(paragraphs[:limit])
    kinds = {m.group(1) for m in AGENCY_PRONOUN.finditer(text)}
    if not kinds or GOVERNMENT_PRONOUN.search(text):
        return primary
    place = primary.name[: -len("人民政府")]
    for other in others:
        other_place, kind = split_place(other.name)
        if other_place == place and kind and other.name[-1] in kinds and agency_like(other.name):
            return other
    return primary


# 由城厢镇镇人民政府编制: a township's kind printed twice before its government, once
_DOUBLED_KIND = re.compile(r"(镇|乡)\1人民政府$")


def doubled_kind(primary: AgencyFound, others: list[AgencyFound], paragraphs: list[str], limit: int = 15) -> AgencyFound:
    """A township printed once with its kind doubled (由城厢镇镇人民政府编制) that another source prints with its kind
    once (请联系太仓市城厢镇人民政府): the name printed so. A township whose own name ends in its kind (湖镇镇) is printed
    doubled more than once."""
    m = _DOUBLED_KIND.search(primary.name)
    if not m or m.start() < 1:
        return primary
    text = "\n".join(paragraphs[:limit])
    if text.count(primary.name[m.start() - 1 : m.start() + 2]) > 1:
        return primary
    single = primary.name[max(0, m.start() - 2) : m.start() + 1] + "人民政府"
    printed = [o for o in others if o.name.endswith(single) and not _DOUBLED_KIND.search(o.name)]
    return max(printed, key=lambda o: len(o.name)) if printed else primary
