"""The fixed mix of queries the benchmark sends to `/api/search`.

The kinds and their counts are fixed; which rare and widespread words and
which long strings fill them comes from the corpus (`jieba_baseline.py`
picks the words from a sample, `run.py` the strings), deterministically, so
the same corpus always gets the same mix. Filters rotate over the queries
(half have none) and every fifth query asks for page 5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

SINGLE_CHARS = list("费网审疫申复诉县镇局章法罚") + ["0", "1", "5", "公", "信", "息", "年"]
TWO_CHARS = ["公开", "申请", "处罚", "复议", "诉讼", "网站", "培训", "保密", "疫情", "政策",
             "解读", "热线", "监督", "平台", "医疗", "教育", "财政", "民政", "规章", "收费"]
PHRASES = ['"政府信息公开工作"', '"主动公开政府信息"', '"依申请公开"', '"年度报告"', '"行政复议"',
           '"信息处理费"', '"政务公开"', '"监督保障"', '"保密审查"', '"政府网站"',
           '"政策解读"', '"政府信息公开申请"', '"行政规范性文件"', '"三安全一稳定"', '"结转下年度继续办理"',
           '"公开政府信息工作年度"', '"政务新媒体"', '"公众关注热点"', '"人大代表建议"', '"主要问题及改进情况"']
SYNONYMS = ["卫健委", "卫健局", "政务公开", "依申请", "卫计委"]


@dataclass(frozen=True)
class Query:
    kind: str
    q: str
    filters: tuple[tuple[str, str], ...] = ()
    page: int = 1

    def path(self) -> str:
        params = [("q", self.q), *self.filters] + ([("page", str(self.page))] if self.page != 1 else [])
        return "/api/search?" + urlencode(params)

    def words(self) -> list[str]:
        """The strings a grep would look for: quoted phrases whole, other words split, operators dropped."""
        out = re.findall(r'"([^"]+)"', self.q)
        for word in re.sub(r'"[^"]*"', " ", self.q).split():
            word = word.lstrip("-")
            if word and word not in ("OR", "NOT", "AND"):
                out.append(word)
        return out


@dataclass
class Facets:
    provinces: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)


def _filters(i: int, facets: Facets) -> tuple[tuple[str, str], ...]:
    def pick(values: list[str]) -> str | None:
        return values[(i * 7) % len(values)] if values else None

    province, year, level = pick(facets.provinces), pick(facets.years), pick(facets.levels)
    options = [(), (), (), (("province", province),), (("year", year),), (("province", province), ("year", year)),
               (("level", level),), (("year", year), ("level", level))]
    chosen = options[i % len(options)]
    return tuple((k, v) for k, v in chosen if v)


def query_mix(rare: list[str], common: list[str], long_strings: list[str], facets: Facets) -> list[Query]:
    """At least 200 queries of every kind a user types, with and without filters, pages 1 and 5."""
    rare = (rare or ["登革热"]) * 30
    common = (common or ["政府信息公开"]) * 20
    long_strings = long_strings or ["政府信息公开工作年度报告"]
    kinds: list[tuple[str, list[str]]] = [
        ("rare word", rare[:30]),
        ("common word", common[:20]),
        ("one character", SINGLE_CHARS[:20]),
        ("two characters", TWO_CHARS),
        ("phrase", PHRASES),
        ("OR", [f"{rare[i]} OR {TWO_CHARS[i]}" if i % 2 else f"{common[i]} OR {rare[i + 1]}" for i in range(20)]),
        ("exclusion", [f"{common[i]} -{TWO_CHARS[i]}" if i % 3 else f"-{TWO_CHARS[i]}" for i in range(20)]),
        ("two words", [f"{TWO_CHARS[i]} {rare[i + 2] if i % 2 else common[i + 1]}" for i in range(20)]),
        ("synonym", SYNONYMS),
        ("long string", [f'"{s}"' if i % 2 else s for i, s in enumerate(long_strings[:10])]),
        ("filters only", [""] * 15),
    ]
    out: list[Query] = []
    for kind, queries in kinds:
        for q in queries:
            i = len(out)
            filters = _filters(i, facets)
            if kind == "filters only" and not filters:
                filters = (("year", facets.years[i % len(facets.years)]),) if facets.years else ()
            out.append(Query(kind, q, filters, 5 if i % 5 == 4 else 1))
    return out
