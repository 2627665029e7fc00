"""An agency and its region, which decide each other: where the report stands, and who it is.

The region comes from the places the agency and title print (the text
settles ambiguous names). A name that prints no place of its own (a
township's office, a zone's committee, a bare 市应急管理局) is then placed by
the first placing rule that knows where it stands, and the region completes
the name: a bare level prefix takes its place's name (市卫生健康委员会 →
舟山市卫生健康委员会), and a misread place name confirmed by the text gets its
official spelling (the printed form stays in `agency_printed`). Each placing
rule is a small function over (agency, region, text); a new one goes into
`PLACING_RULES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..gazetteer import (
    Region, county_government_named, county_printed_before, county_site_named, place_by_code, places_in, resolve,
)
from ..gazetteer.kinds import COMMITTEE_END, ZONE_BODY_END, ZONE_END, ZONE_KIND
from .agency import AgencyFound, agency_like
from .level import agency_level_of, hosting_level, is_national, is_township_agency, named_by_stem, zone_body_host, zone_body_superiors
from .names import (
    complete_level_prefix, is_bare_county_level, is_kind_only_unit, is_pronoun, is_unplaced_unit, split_place,
)
from .patterns import HAN

# (agency, region so far, the report's text) → (region, agency) when the rule places the agency, else None
PlacingRule = Callable[[str, Region, str], "tuple[Region, str] | None"]


def township_by_printed_county(agency: str, region: Region, text: str) -> tuple[Region, str] | None:
    """A township's office whose township the text prints after its county (仁寿县中岗镇 in the address)."""
    if not is_township_agency(agency):
        return None
    township, _ = split_place(agency)
    if len(places_in(township, agency=True)) != 1:
        return None
    placed = county_printed_before(township, text)
    return (placed, agency) if placed else None


def township_on_host_site(agency: str, region: Region, text: str) -> tuple[Region, str] | None:
    """A township's office with no county yet, on its county government's site (解放路街道办事处, 西峰区人民政府)."""
    if region.county or region.zone or not is_township_agency(agency):
        return None
    host = county_government_named(text)
    return (host, agency) if host else None


# 在西咸新区管委会的正确领导下; 通过西咸新区管委会门户网站发布: a zone's committee a unit answers to or publishes on
_ZONE_COMMITTEE_OVER = re.compile(
    rf"(?P<z>[{HAN}]{{2,12}}?{ZONE_KIND})(?:管理委员会|管委会|党工委)"
    rf"(?=[{HAN}、和及]{{0,8}}(?:的)?(?:正确|坚强|统一)?领导|(?:门户|官方)?网站|官网)"
)


def township_in_its_zone(agency: str, region: Region, text: str) -> tuple[Region, str] | None:
    """A township's office placed nowhere yet (大王街道办事处) whose text names the one zone the gazetteer holds whose
    committee it answers to (在西咸新区管委会的正确领导下) or publishes on (西咸新区管委会门户网站): a township of that
    zone. None when the text names two such zones, or one in another province than the agency's."""
    if region.county or region.zone or not is_township_agency(agency):
        return None
    zones = {placed for m in _ZONE_COMMITTEE_OVER.finditer(text)
             if (placed := resolve([m.group("z")]).region).zone}
    if len(zones) != 1:
        return None
    zone = zones.pop()
    return None if region.province and region.province != zone.province else (zone, agency)


def unit_on_host_site(agency: str, region: Region, text: str) -> tuple[Region, str] | None:
    """A unit printing no place (经济开发区管委会) on one county government's site (定州市人民政府), or on a site
    named by its city's stem and its county's (西安•莲湖 政府门户网站): that county's. A unit named by its kind
    alone takes the county's name; one with a name of its own (桃园开发区管委会) keeps it as printed."""
    if region.code or is_township_agency(agency) or not is_unplaced_unit(agency):
        return None
    host = county_government_named(text) or county_site_named(text)
    if not host or not host.county:
        return None
    return host, host.county + agency if is_kind_only_unit(agency) else agency


def bare_level_on_host_site(agency: str, region: Region, text: str) -> tuple[Region, str] | None:
    """A bare county-level department (市应急管理局) on the site of the one county government of that level
    the text names (阿尔山市人民政府)."""
    if region.code or is_township_agency(agency) or is_unplaced_unit(agency) or not is_bare_county_level(agency):
        return None
    host = county_government_named(text)
    return (host, agency) if host and host.county and host.county.endswith(agency[0]) else None


def bare_type_on_host_site(agency: str, region: Region, text: str) -> tuple[Region, str] | None:
    """A department named by its type alone, no place and no level (统计局, its body speaking as 我局), on the
    site of the one county government the text names (同心县政府公众网, 某县人民政府门户网站), when the text names
    no other city or county than that county and its city: that county's department (同心县统计局)."""
    if region.county or region.zone or not _bare_type(agency):
        return None
    host = county_government_named(text)
    if not host or not host.county or (region.province and region.province != host.province) \
            or (region.city and region.city != host.city):
        return None
    named = {p.name for m in places_in(text) for p in m.places if p.level in ("city", "county")}
    return (host, host.county + agency) if named <= {host.city, host.county} else None


def _bare_type(agency: str) -> bool:
    """统计局, 市场监督管理局: an agency's type with nothing before it (no place, no level, no zone, not national)."""
    place, kind = split_place(agency)
    return (not place and kind == agency and agency_like(agency) and not is_pronoun(agency)
            and not is_national(agency) and not is_township_agency(agency) and not is_unplaced_unit(agency)
            and not is_bare_county_level(agency) and not ZONE_BODY_END.search(agency))


def named_zone_on_host_site(agency: str, region: Region, text: str) -> tuple[Region, str] | None:
    """A zone the gazetteer does not hold, named by a place of its own (燕郊高新区, 某某高新区管理委员会), on the
    site of the one county government the text names (三河市政府信息公开平台): a zone of that county."""
    zone = COMMITTEE_END.sub("", agency)  # 某某高新区管理委员会: the zone's name
    if region.code or not ZONE_END.search(zone) or len(ZONE_END.sub("", zone)) < 2 or places_in(zone, agency=True):
        return None
    host = county_government_named(text)
    return (replace(host, zone=zone), agency) if host and host.county else None


# 蓉江新区政务服务中心: a unit whose name opens on a zone's name
_ZONE_HEAD = re.compile(rf"^(?P<z>[{HAN}]{{2,8}}?{ZONE_KIND})(?=[{HAN}])")


def zone_after_its_city(agency: str, region: Region, text: str) -> tuple[Region, str] | None:
    """A zone's unit printing no place (蓉江新区政务服务中心) whose zone the text prints right after a city's name
    or stem (赣州蓉江新区), the same city every time: a unit of that city's zone."""
    m = _ZONE_HEAD.match(agency)
    if region.code or not m or places_in(m.group("z"), agency=True):
        return None
    zone, cities = m.group("z"), set()
    for hit in re.finditer(re.escape(zone), text):
        before = text[max(0, hit.start() - 12):hit.start()]
        mentions = [x for x in places_in(before) if x.end == len(before)]
        if mentions:
            cities.update(p.region for p in mentions[-1].places if p.level == "city")
    return (replace(cities.pop(), zone=zone), agency) if len(cities) == 1 else None


# “武汉经济技术开发区通航产业园”微信公众号, 《某某高新区某某产业园》: a name printed in quotes or title marks
_QUOTED_NAME = re.compile(rf"[“\"《](?P<c>[{HAN}]{{4,24}})[”\"》]")


def park_in_its_zones_channel(agency: str, region: Region, text: str) -> tuple[Region, str] | None:
    """A park's unit printing no place (通航产业园管理办) whose park the text names in quotes right after its
    host zone's name (“武汉经济技术开发区通航产业园”微信公众号), every such name placing the same zone: a unit of
    that zone, in its host city. A quoted name whose part before the park is no zone (“通航产业园”, “某某通航产业园”)
    places nothing."""
    m = _ZONE_HEAD.match(agency)
    if region.code or not m or places_in(m.group("z"), agency=True):
        return None
    park, regions = m.group("z"), set()
    for q in _QUOTED_NAME.finditer(text):
        name = q.group("c")
        host = name[: -len(park)] if name.endswith(park) else ""
        if len(host) < 4 or not ZONE_END.search(host):
            continue
        placed = resolve([host]).region
        if placed.code and placed.zone:
            regions.add(placed)
    return (regions.pop(), agency) if len(regions) == 1 else None


PLACING_RULES: tuple[PlacingRule, ...] = (
    township_by_printed_county,
    township_on_host_site,
    township_in_its_zone,
    unit_on_host_site,
    bare_level_on_host_site,
    bare_type_on_host_site,
    named_zone_on_host_site,
    zone_after_its_city,
    park_in_its_zones_channel,
)


# 国家统计局中山调查队, 中国人民银行湖州中心支行: a national body's branch in a city or a county, named by the place's
# stem alone after the body (a stem the gazetteer will not read alone: 中山 is also a district, a town, a road)
_STEM_BRANCH = re.compile(rf"^(?:国家统计局|中国人民银行|国家外汇管理局)(?P<stem>[{HAN}]{{2,4}}?)(?:调查队|中心支行|支行|中心支局|支局)$")


def stem_branch_place(agency: str) -> str | None:
    """The city or county a national body's branch names by its stem (国家统计局中山调查队, 中国人民银行湖州中心支行):
    the city first (中山 → 中山市), then a county."""
    m = _STEM_BRANCH.match(agency)
    if not m or places_in(agency, agency=True):
        return None
    for kind in ("市", "县", "区", "旗"):
        name = m.group("stem") + kind
        found = places_in(name, agency=True)
        if len(found) == 1 and found[0].start == 0 and len(found[0].places) == 1:
            return name
    return None


def agency_and_region(found: AgencyFound | None, title: str | None, full_text: str) -> tuple[str | None, Region, str | None]:
    """The agency's canonical name, the report's region and the agency's level."""
    if found is None:
        primary = [title] if title else []
        return None, resolve(primary, full_text).region if primary else Region(), None
    team_place = stem_branch_place(found.name)
    if is_national(found.name) and not places_in(found.name, agency=True) and not team_place:
        return found.name, Region(), "national"
    primary = [team_place] if team_place else list(dict.fromkeys(t for t in (found.printed, found.name, title) if t))
    resolution = resolve(primary, full_text)
    region, agency = resolution.region, found.name
    for rule in PLACING_RULES:
        placed = rule(agency, region, full_text)
        if placed:
            region, agency = placed
    if resolution.misread and agency.startswith(resolution.misread[0]):
        agency = resolution.misread[1] + agency[len(resolution.misread[0]):]
    agency = complete_level_prefix(agency, region)
    place_part, _ = split_place(agency)
    levels = [m.places[0].level for m in places_in(team_place or agency, agency=True)]
    settled = resolution.places[0].level if len(resolution.places) == 1 else None
    if region.county and levels[-1:] == ["city"] and settled == "county" and not region.zone:
        levels.append("county")  # a county's branch of a city bureau (长沙市公安局岳麓分局, 内江市隆昌生态环境局)
    if not levels and named_by_stem(agency, region.county):
        levels.append("county")  # 揭东分局 of 揭东区: a county's unit named by the county's stem
    host = place_by_code(region.code) if region.zone and region.code else None
    host_level = hosting_level(host.level, host.name) if host else None
    if not levels and not host_level:  # a zone the gazetteer does not hold: below the place the text put it in
        host_level = zone_body_host(agency, region.county, region.city, region.province)
    if not levels and not host_level and not region.code:  # nor placed at all: the government it answers to
        host_level = zone_body_superiors(agency, full_text[:3000])
    return agency, region, agency_level_of(agency, levels, place_part, host_level)
