"""Loading the data file once per process into lookup tables, and lookups by code."""

from __future__ import annotations

import gzip
import re
import threading
from collections import defaultdict
from pathlib import Path

from .model import AT_START_ONLY, BLOCKERS, MUNICIPALITIES, PARENT_ONLY, Place, Region, UNSAFE_STEMS, Zone, _AUTONOMOUS


DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer.tsv.gz"
ALIASES_FILE = Path(__file__).resolve().parent.parent / "data" / "place_aliases.tsv"


def read_place_aliases(path: Path = ALIASES_FILE) -> list[tuple[str, str]]:
    """(short name, official name) pairs of the county-level short names reports print (达茂旗)."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short_name, official = line.split("\t")
            pairs.append((short_name.strip(), official.strip()))
    return pairs


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
                    aliases[stem + "自治州"].append(sense)  # 湘西自治州: the stem and the kind, the nations left out
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
                aliases[m.group("stem") + "自治" + m.group("kind")].append(sense)  # 峨山自治县 as 峨山县
        for stem in list(short):
            senses = short[stem]
            if stem in province_stems:
                short[stem] = [s for s in senses if s[1] == "province"]
            if stem in UNSAFE_STEMS or stem in full:
                del short[stem]
        by_name = {name: (name, self.level[code], code) for code, name in names.items() if self.level[code] in ("city", "county")}
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
