"""The last resorts: a report that names no agency but speaks as one (我局, 本委, 我县, 代表市政府, 我办 on its
government's site or as 区政府办, 全区 on one district's site or as 区政府).

`agency_name.find_agency` asks these only when no finder in `agency` read a name from the title, the preamble,
the first sentence, a contact line or the publisher; each takes the paragraphs and returns the agency the
report's own words make it (a pronoun and the one place or channel it belongs to), or None.
"""

from __future__ import annotations

import re
from collections import Counter

from ..gazetteer import places_in
from .agency import PARTY_BODY, AGENCY_NAME, AgencyFound, agency_like, starts_with_place, subject_of
from .channels import CHANNEL_DEPTH, one_place, stem_channel_places
from .names import abbreviations, canonical, is_place_name, is_pronoun, place_only_agency, split_place
from .patterns import HAN


# 我旗, 本县: a government speaking of itself; 市政府办公室代表市政府受理: its office acting for it, the government
# named by its bare level (a city's or county's own report, the office that runs disclosure answering for it).
# 我市, 本县; 代表市政府 (the office acting for its government); 市政府（办公室） (the government and its office
# reporting as one, 2023年市政府（办公室）主动公开…), never each district's (各县区政府（办公室）)
GOVERNMENT_PRONOUN = re.compile(r"(?:[我本]|代表(?=[县旗区市州盟](?:人民)?政府)"
                                r"|(?<![各、县区市州旗盟])(?=[县旗区市州盟](?:人民)?政府[（(]办公[室厅][)）]))"
                                r"(县|旗|区|市|镇|乡|州|盟)")
_PRONOUN_LEVELS = {"县": ("county",), "旗": ("county",), "区": ("county",), "市": ("city", "county"),
                   "镇": ("township",), "乡": ("township",), "州": ("city",), "盟": ("city",)}


def pronoun_government(paragraphs: list[str], limit: int = 15) -> AgencyFound | None:
    """A report that names no agency but speaks as 我旗 / 本县: the government of the one place of
    that kind the opening names (乌拉特前旗 → 乌拉特前旗人民政府). The last resort, after every finder."""
    text = "\n".join(paragraphs[:limit])
    kinds = Counter(m.group(1) for m in GOVERNMENT_PRONOUN.finditer(text))
    if not kinds:
        return None
    place = _one_place_of_level(text, kinds.most_common(1)[0][0])
    return AgencyFound(place_only_agency(place), place, "pronoun") if place else None




# 我局, 本委: a department speaking of itself; the kind it names itself by ends its name.
AGENCY_PRONOUN = re.compile(r"[我本](局|委|厅|办)(?![长务员])")
# What follows a department's name where the report points at its own site or office (某市水务局入口网站,
# 可通过“某市水利和湖泊局”网站查询: the name in quotes), its own disclosure rules (《某市人社局信息公开实施办法》)
# or a year's plan of its own that it published (发布了某区卫健局2024年双随机抽查计划).
_OWN_CHANNEL = re.compile(r"[”\"』」]?(?:门户网站|门户网|入口网站|网站|官网|网|微信|公众号|政府信息公开|政务公开|信息公开|办公室|政务微博"
                          rf"|(?:19|20)\d{{2}}\s*年度?[{HAN}、“”\"]{{0,12}}?(?:计划|方案|要点))")


def pronoun_agency(paragraphs: list[str], limit: int = 12) -> AgencyFound | None:
    """A report that names no agency but speaks as 我局 (我委, 我厅): the one department of that kind,
    named with its place, whose site or office the opening points at (在惠州市水务局入口网站上…) or that it
    names twice. The last resort, after every finder."""
    text = "\n".join(paragraphs[:limit])
    kinds = Counter(m.group(1) for m in AGENCY_PRONOUN.finditer(text))
    if not kinds:
        return None
    kind = kinds.most_common(1)[0][0]
    seen: Counter[str] = Counter()
    owned: set[str] = set()
    mentions = places_in(text)
    for mention in mentions:
        m = re.match(rf"[{HAN}]{{1,12}}?{kind}", text[mention.end:])
        if not m or places_in(m.group(0)):
            continue
        name = mention.text + m.group(0)
        if not agency_like(name):
            continue
        seen[name] += 1
        if _OWN_CHANNEL.match(text, mention.end + m.end()):
            owned.add(name)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for name in list(seen):
        seen[name] += _bare_printings(name, text, covered)
    named = {n for n, c in seen.items() if c >= 2} | owned
    if not named:
        named = _bare_level_owned(kind, text, covered)
    if len(named) != 1:
        return None
    name = named.pop()
    return AgencyFound(canonical(name), name, "pronoun")


# 电子版在市人社局门户网站发布: a department printed with its bare level (市, 县, 区) where the report points at
# its own site, outside any place's name
_LOWER_LEVELS = {"省": "市州县区", "市": "县区", "州": "县市"}


def _bare_level_owned(kind: str, text: str, covered: set[int]) -> set[str]:
    """The departments of the pronoun's kind printed with a bare level before their own site or office
    (在市人社局门户网站…, the only place the report names itself): the level is completed from the region later."""
    owned = set()
    for m in re.finditer(rf"(?:市|县|区|州|省)[{HAN}]{{1,10}}?{kind}", text):
        if m.start() in covered or (m.start() > 0 and m.start() - 1 in covered):
            continue
        lower = _LOWER_LEVELS.get(m.group(0)[0])
        if lower and re.search(rf"[{lower}](?:委|政府|人民政府)|全[{lower}]", text):
            continue  # 我局…在市水务局网站公开 in a report speaking of 县委、县政府: a higher level's department
        name = m.group(0)
        if places_in(name[1:]) or not agency_like(name) or not _OWN_CHANNEL.match(text, m.end()):
            continue
        owned.add(name)
    return owned


def _bare_printings(name: str, text: str, covered: set[int]) -> int:
    """How often the text prints a placed department (武汉市经信局) by its level alone (市经信局), a level
    character that is no place's last (`covered`: the positions of the place names): a report names itself
    so in the titles of its own documents."""
    place, kind = split_place(name)
    if not kind or not place or place[-1] not in "省市县区州盟旗":
        return 0
    return sum(1 for m in re.finditer(re.escape(place[-1] + kind), text) if m.start() not in covered)


# 结合市农业农村局工作情况，特向社会公布2019年本局…: the department whose own work the report sums up
_OWN_WORK = re.compile(rf"结合(?P<a>{AGENCY_NAME})(?:的)?(?:工作情况|工作实际|实际情况|实际工作)")


# 2025年,街道收到…, ,街道主动公开…: a subdistrict's office speaking of itself by its level alone (after a
# clause's start or its year, never 各街道 nor a named 某街道)
_BARE_SUBDISTRICT = re.compile(r"(?:^|[，,。；;：:\n]|年)街道(?![办处])")


def bare_subdistrict(paragraphs: list[str], limit: int = 15) -> AgencyFound | None:
    """A report that names no agency but speaks of itself as 街道 (at least twice) and names one subdistrict
    (《某街道主动公开事项目录》): that subdistrict's office. A last resort, after every finder."""
    text = "\n".join(paragraphs[:limit])
    if len(_BARE_SUBDISTRICT.findall(text)) < 2:
        return None
    named = {m.text for m in places_in(text)
             if m.text.endswith("街道") and m.places and all(p.level == "township" for p in m.places)}
    if len(named) != 1:
        return None
    name = named.pop()
    return AgencyFound(place_only_agency(name), name, "pronoun")


# 全年共印发《朔州市人民政府公报》6期: only a government issues its own gazette
_OWN_GAZETTE = re.compile(
    rf"(?:印发|编印|印制|刊印|编发|发行|出版)了?[{HAN}]{{0,4}}?《(?P<p>[{HAN}]{{2,20}}?)(?:人民)?政府公报》")


def gazette_government(paragraphs: list[str], limit: int = 15) -> AgencyFound | None:
    """A report that names no agency but says it issued its government's gazette (全年共印发《某市人民政府公报》
    6期): that government's own report. A last resort, after every finder; a department only publishes in it."""
    for text in paragraphs[:limit]:
        for m in _OWN_GAZETTE.finditer(text):
            place = m.group("p")
            if is_place_name(place) and not is_pronoun(place):
                return AgencyFound(place_only_agency(place), place, "gazette")
    return None


def own_work(paragraphs: list[str], limit: int = 8) -> AgencyFound | None:
    """A report that speaks as 本局 (我委, 我厅) and says it sums up the work of a department of that kind
    (结合市农业农村局工作情况): that department. A last resort, after every finder."""
    text = "\n".join(paragraphs[:limit])
    kinds = {m.group(1) for m in AGENCY_PRONOUN.finditer(text)}
    for m in _OWN_WORK.finditer(text):
        name = m.group("a")
        if name[-1] in kinds and agency_like(name) and not is_pronoun(name):
            return AgencyFound(canonical(name), name, "work")
    return None


# A clause that opens on a name: the start of a paragraph, or after a stop, a semicolon or a comma.
_CLAUSE = re.compile(r"(?:^|[。；;，,])\s*")


def self_named_subject(paragraphs: list[str], limit: int = 20) -> AgencyFound | None:
    """The last resort: a clause's subject (区司法局作为…, 市统计局成立了…) of the kind the report calls
    itself by (我局, 局主要领导, 局党组), in the opening; the first such subject wins."""
    text = "\n".join(paragraphs[:limit])
    for paragraph in paragraphs[:limit]:
        for clause in _CLAUSE.finditer(paragraph):
            found = subject_of(paragraph[clause.end():], "subject") or _acting_as(paragraph[clause.end():])
            if found and not PARTY_BODY.search(found.name) and _calls_itself(found.name[-1], text):
                return found
    return None


# 某区人民政府某街道办事处: a unit printed with its county's government before its own name is the same unit
_GOVERNMENT_INSIDE = re.compile(r"人民政府(?=.)")


def repeated_subject(paragraphs: list[str], limit: int = 20) -> AgencyFound | None:
    """The last resort for a report written in the third person: an agency printed with its place as the subject of
    two or more of the opening's clauses (某区某街道办事处主要通过…; 某区某街道办事处通过…公开了…), and no other
    agency a subject there. One subject alone may be a department the report tells of; the same one twice is the
    report speaking of itself. Its fullest printing."""
    subjects: dict[str, list[AgencyFound]] = {}
    for paragraph in paragraphs[:limit]:
        for clause in _CLAUSE.finditer(paragraph):
            found = subject_of(paragraph[clause.end():], "subject")
            if found and starts_with_place(found.printed) and not PARTY_BODY.search(found.name):
                subjects.setdefault(_GOVERNMENT_INSIDE.sub("", found.name), []).append(found)
    if len(subjects) != 1:
        return None
    (printings,) = subjects.values()
    return max(printings, key=lambda f: len(f.name)) if len(printings) >= 2 else None


def _acting_as(clause: str) -> AgencyFound | None:
    m = re.match(rf"(?P<a>{AGENCY_NAME})(?=作为|是|负责)", clause)
    if m and agency_like(m.group("a")):
        return AgencyFound(canonical(m.group("a")), m.group("a"), "subject")
    return None


def _calls_itself(kind: str, text: str) -> bool:
    return bool(re.search(rf"[我本]{kind}|(?:^|[，,。；;、\n]){kind}(?:主要领导|党组|领导班子|机关|各科室)", text))


# 我办, 本办: an office speaking of itself (not 本办法, 办理, 办公)
OFFICE_PRONOUN = re.compile(r"[我本]办(?![法公理事])")


def pronoun_channel(paragraphs: list[str], limit: int = CHANNEL_DEPTH) -> AgencyFound | None:
    """A report that never prints its name but speaks as 我局 (我委) and names its own channel by its place's stem
    and its type's short form (“衡阳人社”微信公众号, “舟山卫健”): that place's department of that type, the short
    form spelled out by the abbreviation list (衡阳市人力资源和社会保障局). A stem two units share (衡阳市, 衡阳县)
    is settled by the level the report calls itself (我市), else by none. The very last resort."""
    text = "\n".join(paragraphs[:limit])
    kinds = Counter(m.group(1) for m in AGENCY_PRONOUN.finditer(text))
    if not kinds:
        return None
    kind = kinds.most_common(1)[0][0]
    shorts = {short[: -len(kind)]: short for short, _ in abbreviations()
              if short.endswith(kind) and len(short) > len(kind) + 1}
    own = tuple(sorted({m.group(1) for m in GOVERNMENT_PRONOUN.finditer(text)} & {"市", "县", "区", "旗"}))
    names = {place + short for stem, short in shorts.items()
             for place in stem_channel_places(paragraphs[:limit], {stem}, own or ("市", "县"), quoted=True)}
    if len(names) != 1:
        return None
    name = names.pop()
    return AgencyFound(canonical(name), name, "pronoun")


# 我办通过县政府门户网站发布…: the government's own site named by its bare level, the report's office publishing on it
_GOVERNMENT_SITE = re.compile(r"(?:通过|依托|借助|利用|在)(县|区|市|旗)(?:人民)?政府(?:门户)?网站")
# “绩溪发布”, “某某政务”: a government's own channel, named by its place's stem alone
_GOVERNMENT_CHANNEL = re.compile(rf"[“\"《](?P<s>[{HAN}]{{2,4}}?)(?:发布|政务)[”\"》]")


def office_by_government_channel(paragraphs: list[str], limit: int = CHANNEL_DEPTH) -> AgencyFound | None:
    """A report that never prints its name but speaks as 我办, publishes on its government's site named by the bare
    level (通过县政府门户网站) and names that government's own channel by its place's stem (政务新媒体“绩溪发布”): the
    office of the one place of that level the stems name (绩溪县人民政府办公室). After every other last resort."""
    text = "\n".join(paragraphs[:limit])
    site = _GOVERNMENT_SITE.search(text)
    if not site or not OFFICE_PRONOUN.search(text):
        return None
    level = site.group(1)
    places = set()
    for m in _GOVERNMENT_CHANNEL.finditer(text):
        place = m.group("s") + level
        if one_place(place):
            places.add(place)
        elif places_in(m.group("s") + "县", agency=True) or places_in(m.group("s") + "市", agency=True):
            return None  # another level's place (万年县 for a 市政府 site): not this report's place
    if len(places) != 1:
        return None
    name = place_only_agency(places.pop()) + "办公室"
    return AgencyFound(canonical(name), name, "pronoun")


# 年报电子版可从某区政府门户网站下载: the site a report is published on, its government's, named with its place
_PLACE_SITE = re.compile(r"(?<=[市县区旗])(?:人民)?政府(?:门户)?网站")


def site_government(paragraphs: list[str], limit: int = 8) -> AgencyFound | None:
    """A report that never names itself and speaks of no department (我局, 本委), but of the whole of one place (全区)
    or of its government by the bare level, not as its site (区政府重大行政决策事项, not 通过区政府门户网站), and is
    published on that government's site (年报电子版可从余杭区政府门户网站…下载), the only place of that level the
    opening names: that place's government. After every other last resort."""
    text = "\n".join(paragraphs[:limit])
    if AGENCY_PRONOUN.search(text) or OFFICE_PRONOUN.search(text):
        return None
    sites = set()
    for m in _PLACE_SITE.finditer(text):
        before = places_in(text[max(0, m.start() - 10):m.start()], agency=True)
        if before and before[-1].end == min(10, m.start()) and len(before[-1].places) == 1:
            sites.add(before[-1].text)
    if len(sites) != 1:
        return None
    place = sites.pop()
    level = place[-1]
    bare = text.replace(place + "人民政府", "").replace(place + "政府", "")
    # 全区; 区政府重大行政决策事项: the place's government itself, not its site (区政府门户网站), its office acting for
    # it (区政府办公室), nor the government with its departments in brackets (区政府(含各部门))
    if f"全{level}" not in text and not re.search(rf"{level}政府(?![（(]|办公|门户|网)", bare):
        return None
    kind = places_in(place, agency=True)[0].places[0].level
    others = {m.text for m in places_in(text) if any(p.level == kind for p in m.places)} - {place}
    if others:
        return None
    return AgencyFound(place_only_agency(place), place, "site")


# 区政府办主动公开…; 2021年，县政府办公室严格按照…: a government's office named by its bare level, standing alone
_BARE_GOVERNMENT_OFFICE = re.compile(rf"(?<![{HAN}])(县|区|市|旗)(?:人民)?政府办(?:公室)?(?![事法理])")


def bare_office_government(paragraphs: list[str], limit: int = 15) -> AgencyFound | None:
    """A report that never prints its name but speaks as 我办 and names its office by its government's bare level
    (区政府办主动公开…, 县政府办公室严格按照…): the office of the one place of that level the opening names
    (《东城区政府信息公开工作要点》 → 东城区人民政府办公室); none when it names two. A last resort."""
    text = "\n".join(paragraphs[:limit])
    office = _BARE_GOVERNMENT_OFFICE.search(text)
    if not office or not OFFICE_PRONOUN.search(text):
        return None
    place = _one_place_of_level(text, office.group(1))
    if not place:
        return None
    name = place_only_agency(place) + "办公室"
    return AgencyFound(canonical(name), name, "pronoun")


# 区政府常务会议, 以区政府名义制发: the government by its bare level as the report's own, never its site (区政府网站),
# its office (区政府办公室) or the pair a body answers to (区委、区政府); a place's own (某区政府) is named, not bare
def _own_government(text: str, level: str) -> bool:
    for m in re.finditer(rf"{level}(?:人民)?政府(?![（(]|办|门户|网|领导|各)", text):
        start = m.start()
        if text[max(0, start - 2):start].endswith(("委、", "委", "委和", "委及")):
            continue
        window = text[max(0, start - 10):start + 1]
        named = places_in(window)
        if named and named[-1].end == len(window) and len(named[-1].text) > 1:
            continue
        return True
    return False


def whole_place_government(paragraphs: list[str], limit: int = 8) -> AgencyFound | None:
    """A report that never names itself nor speaks as a department (我局, 我办), speaks of the whole of its place
    (全区) and of its government by the bare level as its own (区政府常务会议, 以区政府名义制发), and names one place of
    that level in its opening (《某市某区…办法》): that place's government. After every other last resort."""
    text = "\n".join(paragraphs[:limit])
    if AGENCY_PRONOUN.search(text) or OFFICE_PRONOUN.search(text):
        return None
    levels = {m.group(1) for m in re.finditer(r"全(县|区|旗)", text) if _own_government(text, m.group(1))}
    if len(levels) != 1:
        return None
    place = _one_place_of_level(text, levels.pop())
    return AgencyFound(place_only_agency(place), place, "pronoun") if place else None


def _one_place_of_level(text: str, level: str) -> str | None:
    """The one place whose name ends in the level word (区, 县) at that level the text names, or None."""
    named = {m.text for m in places_in(text)
             if m.text.endswith(level) and any(p.level in _PRONOUN_LEVELS[level] for p in m.places)}
    return named.pop() if len(named) == 1 else None
