"""One spelling per agency: the rules that turn a printed agency name into its canonical form.

A name is a *place part* (舟山市, 威海市环翠区, a bare level 市 or 区, a zone)
followed by a *type* (卫生健康委员会, 人民政府). Reports abbreviate the type
(卫健委, 市场监管局), leave out the place (市卫生健康委), name an office inside
the agency in contact lines (XX局办公室) or give only a place (2022年上海市政府
信息公开…). Each rule here is a pure function over one name:

* `expand_type`: a closed list of type abbreviations (``data/agency_abbreviations.tsv``);
  autonomous prefectures and counties printed short (甘南州) take their full name;
* `drop_internal_office`: XX局办公室 → XX局, XX县政府信息公开工作领导小组办公室 → XX县;
* `place_only_agency`: a place alone stands for its government (XX县 → XX县人民政府, XX地区 and XX盟 → their 行政公署);
* `complete_level_prefix`: 市卫生健康委员会 in 舟山 → 舟山市卫生健康委员会;
* `same_agency`: whether two printings name one agency, so the fullest can be chosen.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..gazetteer import Region, places_in, zones_in
from ..gazetteer.kinds import COMMITTEE, COMMITTEE_END, ZONE_END, ZONE_KIND, ZONE_KINDS, zone_kinds_short
from .patterns import AGENCY_SUFFIX, HAN, STATE_FARM, TRAILING_BRACKET

ABBREVIATIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "agency_abbreviations.tsv"

# 我局, 本机关, 本机关办公室, 我委: pronouns are never an agency.
_PRONOUN = re.compile(r"^(?:我|本|该|此|各|全)(?:局|委|厅|办|署|部|院|中心|机关|单位|部门|县|区|市|镇|乡|街道|省|会|公司|行政机关|政府)")
_LEVEL_PREFIX = re.compile(r"^(?:自治区|自治州|省|市(?!场)|市(?=市场)|州|盟|县|区(?!域)|旗|镇|乡)")
_UNKNOWN_PLACE = re.compile(rf"^[{HAN}]{{2,4}}?(?:自治县|县|旗|市|区|州|盟)")
_UNKNOWN_UNIT = re.compile(rf"[{HAN}]{{2,4}}?(?:自治县|县|旗|区)")
_PLACE_END = re.compile(r"(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|自治旗|区|林区|特区|乡|镇|街道|苏木)$")
_BARE_LEVELS = frozenset({"省", "自治区", "市", "州", "盟", "县", "区", "旗"})  # a name's place printed as its level alone
# A scenic area reports through its own administration, named as the area (五台山景区), never a 人民政府
_SCENIC_END = re.compile(r"(?:景区|风景区|风景名胜区|旅游区|旅游度假区)$")
# An internal unit named after its agency in a contact line: 办公室, 综合科, 政务公开领导小组办公室 …
# 某市政府信息公开日常受理机构某市电子政务办公室: the office named as the place's receiving body is the place's
_INFO_OFFICE = re.compile(
    r"^(.+?)(?:政府信息公开|政务信息公开|政务公开|信息公开|政府信息|政务信息)(?:工作)?(?:领导小组)?"
    r"(?:(?:日常)?(?:受理|工作)机构[^，。,;；]{0,16}?)?办公室$"
)
# 办公室, 政务服务科, 信息中心 (请与某县财政局信息中心联系: the unit that answers for its bureau); a 处 that is
# a division, never a subdistrict's 办事处 printed after its district's government (某区人民政府长河街道办事处)
# A place's or a department's own office: 办公室, 党政办公室, 综合办 (printed short) …
_OFFICE = "(?:(?:党政|综合|党政综合)?办公室|(?:党政|综合|党政综合)办)"
_INTERNAL_UNIT = re.compile(rf"^(?:{_OFFICE}|办公厅|信息中心|[{HAN}]{{1,6}}(?:科|股)|[{HAN}]{{2,6}}(?<!办事)处)$")
_AGENCY_END = re.compile(AGENCY_SUFFIX + "$")
# The office of a place's own administration (临沂高新区党政办公室, 某街道党政综合办 printed short); never 办事处,
# a subdistrict's agency.
_PLACE_OFFICE = re.compile(rf"^{_OFFICE}$")
# A township's government (某镇政府, 某乡人民政府) or a subdistrict office has no agency among its offices: any office
# of it named by what it does (综合督考办公室, 社会事务办公室) is internal. A county's (某县人民政府金融工作办公室) may be
# an agency of its own and is left alone.
_TOWNSHIP_GOVERNMENT_END = re.compile(r"(?:[乡镇](?:人民)?政府|街道办事处)$")
_NAMED_OFFICE = re.compile(rf"^[{HAN}]{{2,6}}办公室$")
# 某区教育局局党政办公室, 某市卫生健康委委办公室: an office named by its body's own type word (局办, as 局长, 局党组),
# printed right after the body's name, so the type's last character stands twice
_TYPE_WORD_OFFICE = re.compile(rf"^(.{{2,}}?([局委厅]))\2{_OFFICE}$")


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, str], ...]:
    """(short, full) pairs of the data file, longest short form first."""
    pairs = []
    for line in ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        short, full = line.split("\t")
        pairs.append((short.strip(), full.strip()))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def is_pronoun(name: str) -> bool:
    """我委, 本机关, 本机关办公室: a report speaking of itself, not a name."""
    return bool(_PRONOUN.match(name))


# What may stand before an abbreviated type: nothing, a place's or a zone's last character, 国家.
# Not another type word: 教育科技局 is a bureau of its own, not 教育 + 科学技术局.
_BEFORE_TYPE = re.compile(r"(?:^|[省市县区旗州盟镇乡道园城)）]|国家|中国|苏木)$")


def expand_type(name: str) -> str:
    """The agency type spelled out (舟山市卫健委 → 舟山市卫生健康委员会); a short autonomous place too (甘南州 → 甘南藏族自治州)."""
    for short, full in abbreviations():
        if name.endswith(short) and not name.endswith(full):
            before = name[: -len(short)]
            lead = full[: full.find(short[0])] if full.find(short[0]) > 0 else ""
            if lead and before.endswith(lead):  # 某县人民|政府办: the 人民 of 人民政府办公室 is printed
                before = before[: -len(lead)]
            if _BEFORE_TYPE.search(before) or _names_subdistrict(before, full):
                name = before + full
            break
    return _expand_place_alias(name)


def _names_subdistrict(before: str, full: str) -> bool:
    """东岳路|街办: a subdistrict's office printed the short way after its name, which ends on a road's word
    (路, 街) rather than a place's: expanded only when that subdistrict is known (东岳路街道)."""
    if not full.startswith("街道") or not before:
        return False
    mentions = places_in(before + "街道", agency=True)
    return (len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(before) + 2
            and all(p.level == "township" for p in mentions[0].places))


def _expand_place_alias(name: str) -> str:
    """甘南州卫生健康委员会 → 甘南藏族自治州卫生健康委员会: a suffixed short name of an autonomous unit, at the start."""
    mentions = places_in(name, agency=True)
    if mentions and mentions[0].start == 0:
        m = mentions[0]
        official = {p.name for p in m.places}
        if len(official) == 1:
            full = official.pop()
            if full != m.text and full.endswith(m.text[-1]) and "自治" in full:
                return full + name[m.end:]
    return name


def drop_internal_office(name: str) -> str:
    """The agency an internal unit belongs to: XX局办公室 → XX局, XX县人民政府办公室 → XX县人民政府,
    XX县政府信息公开工作领导小组办公室 → XX县. Anything else is returned unchanged."""
    name = TRAILING_BRACKET.sub("", name)
    group = _INFO_OFFICE.match(name)
    if group:
        head = group.group(1)
        head = head + "政府" if head.endswith("人民") else head
        if not is_pronoun(head) and (_AGENCY_END.search(head) or is_place_name(head)):
            return drop_internal_office(head)  # 某乡人民政府办公室政府信息公开办公室: an office of an office
    typed = _TYPE_WORD_OFFICE.match(name)
    if typed and _AGENCY_END.search(typed.group(1)) and not is_pronoun(typed.group(1)):
        return drop_internal_office(typed.group(1))  # 某区教育局|局党政办公室
    for k in range(len(name) - 2, 2, -1):
        head, tail = name[:k], name[k:]
        if _INTERNAL_UNIT.match(tail) and not is_pronoun(head) and (
                _AGENCY_END.search(head) or (_PLACE_OFFICE.match(tail) and is_place_name(head))):
            return drop_internal_office(head)  # XX局办公室; 临沂高新区党政办公室: a zone's own office
        if _NAMED_OFFICE.match(tail) and _TOWNSHIP_GOVERNMENT_END.search(head) and not is_pronoun(head):
            return head  # 某镇政府综合督考办公室
    return name


# 县民政局办公室, 某局综合办公室: a department's own office named where the department acts
_DEPARTMENT_OFFICE = re.compile(r"(?:党政|综合|党政综合)?办公室$")


def department_of_office(name: str) -> str:
    """A department's internal office standing as a sentence's subject (2023年，县民政局办公室紧紧围绕…) is the
    department (县民政局): the office works for it. A government's office (某县人民政府办公室) is an agency of its
    own and stays, as does anything that is not an office after an agency's name; a township's (某镇人民政府办公室,
    its 党政办) is no agency of its own, and the subject is the township's government."""
    m = _DEPARTMENT_OFFICE.search(name)
    if not m or m.start() < 3:
        return name
    head = name[: m.start()]
    if not _AGENCY_END.search(head) or is_pronoun(head) or (
            head.endswith("政府") and not _TOWNSHIP_GOVERNMENT_END.search(head)):
        return name
    return head


def is_place_name(text: str) -> bool:
    """Text that is only a place: a chain of divisions (湖口县大垅乡), a zone, or a name with a place ending."""
    if not text:
        return False
    zones = zones_in(text)
    if zones and zones[-1].end == len(text):
        return True
    mentions = places_in(text, agency=True)
    if mentions and mentions[0].start == 0:
        end = 0
        for m in mentions:
            if text[end:m.start].strip():
                break
            end = m.end
        if end == len(text):
            return True
    return bool(_PLACE_END.search(text)) and not _AGENCY_END.search(text) and 3 <= len(text) <= 16


# A county's government named before one of its townships (章贡区人民政府水东镇办公室): the township's own
# government is 章贡区水东镇人民政府. A subdistrict keeps it (鼓楼区人民政府华侨路街道办事处 is its official name).
_INNER_GOVERNMENT = re.compile(rf"^([{HAN}]{{1,20}}?[县区市旗])人民政府(?=[{HAN}]{{1,8}}(?:镇|乡|苏木)$)")


def place_only_agency(place: str) -> str:
    """The agency a place alone stands for: its people's government (XX县人民政府, XX乡人民政府),
    a subdistrict's office (XX街道办事处), a zone as it is named (平潭综合实验区)."""
    if ZONE_END.search(place) or _SCENIC_END.search(place) or (zones_in(place) and zones_in(place)[-1].end == len(place)):
        if not any(m.end == len(place) for m in places_in(place, agency=True)):
            return place
    if _CUSTOMS_DISTRICT.search(place):  # 湛江海关关区: the district a customs house serves is reported by that house
        return place[: -len("关区")]
    if place.endswith("街道"):
        return place + "办事处"
    place = _INNER_GOVERNMENT.sub(r"\1", place)  # 章贡区人民政府水东镇 → 章贡区水东镇 (→ 章贡区水东镇人民政府)
    # a prefecture's government is its 行政公署, and so is a league's (兴安盟 → 兴安盟行政公署)
    if place.endswith(("地区", "盟")) and any(m.end == len(place) for m in places_in(place, agency=True)):
        return place + "行政公署"
    return _expand_place_alias(place + "人民政府")


def split_place(name: str) -> tuple[str, str]:
    """(place part, type) of an agency name: 威海市环翠区|卫生健康局, 市|卫生健康委员会, |自然资源部."""
    end = 0
    for m in places_in(name, agency=True):
        if name[end:m.start].strip(" （()）"):
            break
        end = m.end
    for z in zones_in(name):
        if z.start <= end < z.end or (z.start >= end and not name[end:z.start].strip()):
            end = max(end, z.end)
    if end == 0:
        m = _LEVEL_PREFIX.match(name) or _UNKNOWN_PLACE.match(name)
        if m and m.end() < len(name):
            end = m.end()
    elif name[end - 1] in "市州盟":  # a district the gazetteer does not hold yet (XX市YY区卫生健康局)
        m = _UNKNOWN_UNIT.match(name, end)
        if m and len(name) - m.end() >= 2 and not _AGENCY_END.search(m.group(0)):
            end = m.end()
    bracket = re.match(r"[（(][^（）()]{1,12}[)）]", name[end:])
    if end and bracket:  # 泰州医药高新区（高港区）卫生健康委员会
        end += bracket.end()
    return name[:end], name[end:]


def abbreviates(short: str, full: str) -> bool:
    """True when `short` is a shortening of the agency type `full` the way Chinese shortens names:
    its first and last characters, and the others in order (城管局 / 城市管理局, 卫健局 / 卫生健康局),
    never held whole in it and no place inside it."""
    if not short or len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    if short in full or places_in(full):  # 自然资源厅驻某省政务服务大厅: a unit of it, not its full name
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def _level_dropped(short: str, long: str) -> bool:
    """`short` is `long` with one level character left out after a place (文登|区|人民政府): a misprint."""
    if len(long) != len(short) + 1 or ZONE_END.search(long):  # 临沂高新区 / 临沂市高新区: both a zone's names
        return False
    for i, ch in enumerate(long):
        if ch in "区县市旗" and i >= 2 and long[:i] + long[i + 1:] == short:
            return bool(places_in(long[: i + 1], agency=True))
    return False


# A development zone's kind printed short and in full (盐南高新区 / 盐南高新技术产业开发区, 武昌经开区 / 武昌经济开发区)
_SHORTENED = {short: fulls for short, fulls in ZONE_KINDS if fulls}
_SHORT_KIND = re.compile("(" + "|".join(_SHORTENED) + ")")


def zone_printing_pattern(name: str) -> re.Pattern[str] | None:
    """What matches `name` printed with each zone kind short or in full, and with its committee
    (盐南高新区 → 盐南(?:高新技术产业开发区|…|高新区)(?:管理委员会|管委会)?); None when it names no zone kind."""
    short = zone_kinds_short(name)
    if not _SHORT_KIND.search(short):
        return None
    parts = _SHORT_KIND.split(short)  # the place between the kinds, then each kind printed in any of its forms
    pattern = "".join(
        "(?:" + "|".join((*_SHORTENED[part], part)) + ")" if i % 2 else re.escape(part) for i, part in enumerate(parts)
    )
    if not COMMITTEE_END.search(short):
        pattern += "(?:管理委员会|管委会)?"
    return re.compile(pattern)


# 临港开发区 | 经济开发区: a zone's own name, then its kind
_ZONE_SPLIT = re.compile(rf"^(?P<name>[{HAN}]{{2,8}}?)(?P<kind>{ZONE_KIND})$")


def zone_host_stem(short: str, long: str) -> str | None:
    """The stem of the host place that `long` prints before the zone `short` names, when `long` is that zone
    printed in full: its host's stem and/or its kind's longer form (临港开发区 / 江阴临港经济开发区 → 江阴,
    东湖高新区 / 东湖高新技术产业开发区 → ''); a committee printed on one side only is the zone's own. None
    when `long` names another zone (临港新区, 江阴高新区) or prints nothing more."""
    a, b = COMMITTEE_END.sub("", short), COMMITTEE_END.sub("", long)
    if COMMITTEE_END.search(short) and not COMMITTEE_END.search(long):
        return None  # the committee printed short, the zone long: not the same unit's fuller name
    m = _ZONE_SPLIT.match(a)
    if not m or len(b) <= len(a):
        return None
    name, kind = m.group("name"), m.group("kind")
    at = b.find(name)
    if at < 0 or at > 4:
        return None
    long_kind = b[at + len(name):]
    if long_kind != kind and not (
        ZONE_END.fullmatch(long_kind) and (long_kind.endswith(kind) or zone_kinds_short(long_kind) == zone_kinds_short(kind))
    ):
        return None
    return b[:at]


def same_agency(short: str, long: str) -> bool:
    """True when `long` names the agency `short` names, with more of its place (市卫生健康委 /
    舟山市卫生健康委员会, 洪泽区人民政府 / 淮安市洪泽区人民政府). An office of that agency
    (某县人民政府办公室) or a unit elsewhere (某县某镇人民政府) is another agency."""
    a, b = expand_type(short), expand_type(long)
    if a == b or zone_kinds_short(a) == zone_kinds_short(b):  # 武昌经开区管理委员会 / 武昌经济开发区管理委员会
        return True
    place_a, type_a = split_place(a)
    place_b, type_b = split_place(b)
    if type_a == type_b and place_b.endswith(place_a):  # a bare type (政府办公室) is any place's
        return True
    if place_a == place_b and place_a and (abbreviates(type_a, type_b) or abbreviates(type_b, type_a)):
        return True  # one place, a type shortened outside the closed list (某市城管局 / 某市城市管理局)
    if place_a in _BARE_LEVELS and place_b.endswith(place_a) and abbreviates(type_a, type_b):
        return True  # a title's bare level and short type (市城管执法局), the body's full name (德阳市城市管理行政执法局)
    if _level_dropped(a, b):
        return True  # 威海市文登人民政府办公室 printed for 威海市文登区人民政府办公室
    # a unit the gazetteer lacks, printed once more with its county: 沅江路街道办事处 / 洪江区沅江路街道办事处
    if len(a) >= 4 and b.endswith(a) and is_place_name(b[: -len(a)]):
        return True
    # a title's bare type (市场监督管理局), the body's full name under a zone's committee
    # (武汉市东湖生态旅游风景区管理委员会市场监督管理局)
    return not place_a and len(a) >= 4 and b.endswith(a) and bool(COMMITTEE_END.search(b[: -len(a)]))


# 经济开发区管理委员会, 园艺场: a zone's committee or a state farm printed without any place of its own
_ZONE_COMMITTEE_KIND = rf"{ZONE_KIND}{COMMITTEE}"
_UNPLACED_UNIT = re.compile(rf"[{HAN}]{{0,8}}?{_ZONE_COMMITTEE_KIND}|{STATE_FARM}")


def is_unplaced_unit(name: str) -> bool:
    """A zone's committee or a state farm named by its kind alone, no place in it (经济开发区管理委员会, 园艺场):
    the unit of the county whose site it publishes on."""
    return bool(_UNPLACED_UNIT.fullmatch(name)) and not places_in(name, agency=True) and not zones_in(name)


# 经济开发区管委会, 园艺场: the unit's kind and nothing before it
_KIND_ONLY_UNIT = re.compile(rf"{_ZONE_COMMITTEE_KIND}|{STATE_FARM}")


def is_kind_only_unit(name: str) -> bool:
    """An unplaced unit named by its kind alone (经济开发区管委会), no name of its own before the kind (桃园开发区管委会
    has one): it is known by its county's name."""
    return bool(_KIND_ONLY_UNIT.fullmatch(name))


# An agency named by a bare county-level prefix (市应急管理局), not 市场监督管理局 or 区域…
_BARE_COUNTY_LEVEL = re.compile(r"^(?:市(?!场)|县|区(?!域)|旗)")


def is_bare_county_level(name: str) -> bool:
    """市应急管理局: a department printed with its level alone, placed by the one county-level government
    the text names (阿尔山市人民政府) when nothing else places it."""
    return bool(_BARE_COUNTY_LEVEL.match(name))


def complete_level_prefix(name: str, region: Region) -> str:
    """A name that starts with a bare level (市卫生健康委员会, 省市场监督管理局) takes the place of that
    level from the resolved region (舟山市卫生健康委员会, 黑龙江省市场监督管理局)."""
    place, rest = split_place(name)
    if not re.fullmatch(r"自治区|自治州|省|市|州|盟|县|区|旗", place) or not rest:
        return name
    for unit in (region.county, region.city, region.province):
        if unit and unit.endswith(place):
            return unit + rest
    return name


_CUSTOMS_DISTRICT = re.compile(r"海关关区$")
# 某厅政府网站2017年政府信息公开工作年度报告: the website an agency reports on is that agency's
_OWN_WEBSITE = re.compile(r"(?:政府|政务|门户)*网站$")

# 阿勒泰地区行政公署及办公室: an agency reporting together with its own office is the agency
_WITH_OWN_OFFICE = re.compile(r"及其?(?:办公室|办公厅)$")


def canonical(name: str) -> str:
    """The spelling shared by every report of an agency: bracketed aliases dropped, type spelled out,
    the agency's own office reporting with it left out (某行政公署及办公室 → 某行政公署)."""
    name = TRAILING_BRACKET.sub("", name).strip()
    office = _WITH_OWN_OFFICE.search(name)
    if office and _AGENCY_END.search(name[: office.start()]):
        name = name[: office.start()]
    website = _OWN_WEBSITE.search(name)
    if website and website.start() > 0 and _AGENCY_END.search(name[: website.start()]):
        name = name[: website.start()]
    return expand_type(name)
