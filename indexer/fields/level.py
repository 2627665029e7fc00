"""The agency's level: national, province, city, county or township."""

from __future__ import annotations

import re

from ..gazetteer.kinds import COMMITTEE_END, ZONE_BODY_END, ZONE_COMMITTEE_END, ZONE_KIND

_NATIONAL = re.compile(r"^(?:国务院|中华人民共和国|国家|中国(?!共产党)|最高人民|全国|中央)")
# Ministries and national bodies print no 国家 (自然资源部, 海关总署, 审计署; 中国人民银行 is caught above),
# nor do their agencies (水利部长江水利委员会, 交通运输部海事局).
_NATIONAL_TYPE = re.compile(r"(?:部|总署|署|总局)$|^[\u4e00-\u9fff]{2,8}?(?:部|总署)(?=[\u4e00-\u9fff]{2,12}$)")
# 中国科学院, 中国农业科学院, 中国林业科学研究院: a national academy, whose institutes are its own wherever they sit
# (中国科学院武汉病毒研究所: 武汉 says where, not whose); a national administration's branches keep their
# place's level (国家统计局某某调查总队, 国家税务总局某市某区税务局)
_NATIONAL_ACADEMY = re.compile(r"^中国[\u4e00-\u9fff]{0,6}?(?:科学院|工程院|研究院)")
_LOCAL_PREFIX = re.compile(r"^(?:省|自治区|市|州|盟|区|县|旗|镇|乡|街道)(?!场)")
_LEVEL_BY_PREFIX = (("省", "province"), ("自治区", "province"), ("市", "city"), ("州", "city"), ("盟", "city"),
                    ("区", "county"), ("县", "county"), ("旗", "county"), ("镇", "township"), ("乡", "township"),
                    ("街道", "township"))
_TOWNSHIP = re.compile(r"(?:镇|乡|街道|苏木)(?:人民政府|政府|办事处|党委|卫生院|$)")


def _subdistrict_office(agency: str) -> bool:
    """A subdistrict office printed without 街道 (靖江市城南办事处, as Jiangsu's and Hubei's print theirs), never a
    government's liaison office elsewhere (某市人民政府驻北京办事处)."""
    return agency.endswith("办事处") and "驻" not in agency


def _township(agency: str) -> bool:
    """A township's unit (某镇人民政府, 某乡卫生院) or a subdistrict's office, however printed."""
    return bool(_TOWNSHIP.search(agency)) or _subdistrict_office(agency)


# The level a place's own ending says, for a place the gazetteer does not hold (沐阳县: OCR).
_LEVEL_BY_ENDING = ((re.compile(r"(?:省|自治区)$"), "province"), (re.compile(r"(?:自治州|州|盟|地区)$"), "city"),
                    (re.compile(r"(?:县|旗|区)$"), "county"), (re.compile(r"(?:镇|乡|街道|苏木)$"), "township"))
# A place part ending in a county-level unit; 自治区 and 地区 are a province and a prefecture.
_UNLISTED_COUNTY = re.compile(r"(?<!自治)(?<!地)(?:县|旗|区)$")
_BELOW = {"province": "city", "city": "county", "county": "county", "township": "township"}
# 北京市重点站区管理委员会: an area's committee named after a municipality is the municipality's own body; a
# municipality's districts are all listed, and a district (闸北区 too, long merged) is never a 管理委员会
_MUNICIPALITY = re.compile(r"^(?:北京市|上海市|天津市|重庆市)")
_MUNICIPALITY_STEM = re.compile(r"^(?:北京|上海|天津|重庆)")


def hosting_level(level: str, place: str) -> str:
    """The level of a place as the host of a zone: a municipality is its own city (spec), so a zone's body under
    it, listed or only named after it (天津港保税区管理委员会), sits where its districts do, one level below."""
    return "city" if level == "province" and _MUNICIPALITY_STEM.match(place) else level
# 宁波市自然资源和规划局国家高新区分局, 某市生态环境局经济技术开发区分局: a city bureau's branch in a development
# zone, a zone body like the zone's own bureaus (one level below the zone's host city)
_ZONE_BRANCH = re.compile(r"(?:局|委员会|委)[\u4e00-\u9fff]{0,10}?" + ZONE_KIND + "分局$")


def named_by_stem(agency: str, county: str | None) -> bool:
    """An agency whose name opens on the stem of its county-level unit (揭东分局 for 揭东区), the unit's
    ending left out: the county's own, at the county's level."""
    if not county or len(county) < 3 or county[-1] not in "县区市旗":
        return False
    stem = county[:-1]
    return agency.startswith(stem) and not agency.startswith(county) and len(agency) > len(stem) + 1


def zone_body_host(agency: str, county: str | None, city: str | None, province: str | None) -> str | None:
    """The level of the place a zone's own body stands in (某某沿海经济技术开发区管理委员会, 某某重点开发开放试验区) when
    the gazetteer holds neither the zone nor a place its name prints: the most specific level of the report's
    region, which the text placed. The body sits one level below it, as a listed zone's does; a zone's
    department (某某开发区财政局) is no zone body."""
    if not ZONE_BODY_END.search(agency):
        return None
    return "county" if county else "city" if city else "province" if province else None


# 市委、市政府; 县委县政府; 省委、省人民政府: the party committee and the government a body answers to, one level
_SUPERIORS = re.compile(r"(省|自治区|市|州|盟|县|区|旗)委[、，,和及与]?\s*\1(?:人民)?政府")
_SUPERIOR_LEVEL = dict(_LEVEL_BY_PREFIX)


def zone_body_superiors(agency: str, text: str) -> str | None:
    """The level of the place a zone's own body answers to (某某工业园区管委会…通过市委、市政府门户网站公开) when
    nothing places it: the first pair of a party committee and its government the text names by level alone.
    The body sits one level below it, as a listed zone's does; a zone's department is no zone body."""
    if not ZONE_BODY_END.search(agency):
        return None
    m = _SUPERIORS.search(text)
    return _SUPERIOR_LEVEL[m.group(1)] if m else None


def is_township_agency(agency: str) -> bool:
    """A township's or a subdistrict's own administration (某镇人民政府, 某街道办事处, 某苏木人民政府)."""
    return bool(_TOWNSHIP_GOVERNMENT.search(agency)) or _subdistrict_office(agency)


_TOWNSHIP_GOVERNMENT = re.compile(r"(?:镇|乡|苏木)人民政府$|街道办事处$")


def is_national(agency: str) -> bool:
    """国家统计局, 国务院办公厅, and ministries without 国家 (自然资源部, 海关总署) and their agencies;
    the caller makes sure the name holds no place (宣传部 of a county is no ministry)."""
    return bool(_NATIONAL.match(agency) or (_NATIONAL_TYPE.search(agency) and len(agency) <= 16)
                and not _LOCAL_PREFIX.match(agency))


def agency_level_of(
    agency: str | None, place_levels: list[str], place_part: str = "", zone_host_level: str | None = None
) -> str | None:
    """national / province / city / county / township.

    `place_levels` are the legal levels of the places the agency name
    prints, in order; the last (most specific) one decides. An agency in a
    development zone sits one level below the zone's host (`zone_host_level`).
    With no known place, a bare level prefix (市卫生健康委, 区卫生健康局) or the
    ending of an unknown place (`place_part`, 沐阳县) tells the level; a name
    with neither is national when it reads like a national body.
    """
    if not agency:
        return None
    if _NATIONAL_ACADEMY.match(agency):
        return "national"
    if zone_host_level and not place_levels[-1:] == ["county"]:
        return "township" if _township(agency) else _BELOW[zone_host_level]
    if place_levels:
        level = place_levels[-1]
        host = hosting_level(level, place_part or agency)
        if host != level and ZONE_COMMITTEE_END.search(agency):
            return _BELOW[host]
        if level != "township" and _township(agency):
            return "township"
        if level == "city" and _ZONE_BRANCH.search(agency):
            return "county"
        if level in ("province", "city") and _UNLISTED_COUNTY.search(place_part) and not (
                _MUNICIPALITY.match(place_part) and COMMITTEE_END.search(agency)):
            return "county"  # a county-level unit after its city that the gazetteer does not hold
        return level
    if _township(agency):  # a township the gazetteer does not hold (某某镇人民政府)
        return "township"
    if not place_part and is_national(agency):
        return "national"
    for prefix, level in _LEVEL_BY_PREFIX:
        if agency.startswith(prefix) and not agency.startswith("市场"):
            return level
    for ending, level in _LEVEL_BY_ENDING:
        if place_part and ending.search(place_part):
            return level
    return None
