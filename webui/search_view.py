"""The search answer laid out for the page: facet links, filter chips, pages.

Every link is the current `SearchState` with one thing changed, so the URL
always holds the whole state and each facet choice can be undone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from indexer.query import All, Any, Not, Term, parse_query
from indexer.search import MAX_RESULTS_DEPTH

from .labels import check_name, level_name, template_name, where_name
from .params import SearchState


@dataclass(frozen=True)
class Link:
    label: str
    state: SearchState
    count: int | None = None
    selected: bool = False
    agency_id: str | None = None  # an agency facet value: its page is linked beside it


# A facet list longer than this gets a box that filters it as one types; at most MAX_FACET_LINKS are listed.
FILTER_BOX_AT = 12
MAX_FACET_LINKS = 300


@dataclass(frozen=True)
class RegionFacet:
    trail: list[Link]  # from 全部地区 down to the chosen region; the last one is the current level
    children: list[Link]  # the next level down, with counts
    child_level: str  # 省份, 城市, 区县, or empty when there is no level below

    @property
    def filterable(self) -> bool:
        return len(self.children) > FILTER_BOX_AT


@dataclass(frozen=True)
class FacetGroup:
    key: str
    title: str
    links: list[Link]
    multiple: bool  # several values may be chosen at once
    more: int = 0  # values with matching reports that are not listed (beyond MAX_FACET_LINKS)

    @property
    def filterable(self) -> bool:
        return len(self.links) > FILTER_BOX_AT


def agency_name(agency_id: str, facets: dict) -> str:
    """The name an agency is shown by: its facet entry's, else the name part of its id."""
    entry = facets.get("agency", {}).get(agency_id)
    return entry["name"] if entry else agency_id.partition(":")[2] or agency_id


def agency_facet(state: SearchState, facets: dict, with_matches: int | None = None) -> FacetGroup:
    """Agencies with their counts, the chosen one first; at most MAX_FACET_LINKS listed.

    `with_matches`: how many agencies have matching reports, when the answer lists only some."""
    entries = facets.get("agency", {})
    links = [Link(entry["name"], state.but(agency=None if agency_id == state.agency else agency_id),
                  entry["count"], agency_id == state.agency, agency_id)
             for agency_id, entry in entries.items()]
    if state.agency:
        chosen = [link for link in links if link.selected] or [Link(agency_name(state.agency, facets),
                                                                    state.but(agency=None), 0, True, state.agency)]
        links = chosen + [link for link in links if not link.selected]
    shown = links[:MAX_FACET_LINKS]
    return FacetGroup("agency", "发布机关", shown, False, max(0, max(with_matches or 0, len(links)) - len(shown)))


def region_facet(state: SearchState, facets: dict) -> RegionFacet:
    trail = [Link("全部地区", state.with_region(), selected=not (state.province or state.city or state.county))]
    if state.province:
        trail.append(Link(state.province, state.with_region(state.province), selected=not (state.city or state.county)))
    if state.city:
        trail.append(Link(state.city, state.with_region(state.province, state.city), selected=not state.county))
    if state.county:
        trail.append(Link(state.county, state.with_region(state.province, state.city, state.county), selected=True))
    if state.county:
        return RegionFacet(trail, [], "")
    if state.city:
        children = [Link(name, state.with_region(state.province, state.city, name), n)
                    for name, n in facets.get("county", {}).items()]
        return RegionFacet(trail, children, "区县")
    if state.province:
        children = [Link(name, state.with_region(state.province, name), n) for name, n in facets.get("city", {}).items()]
        return RegionFacet(trail, children, "城市")
    children = [Link(name, state.with_region(name), n) for name, n in facets.get("province", {}).items()]
    return RegionFacet(trail, children, "省份")


def facet_groups(state: SearchState, facets: dict, truncated: dict | None = None) -> list[FacetGroup]:
    years = {int(y): n for y, n in facets.get("year", {}).items() if str(y).isdigit()}
    for y in state.years:
        years.setdefault(y, 0)
    year_links = [Link(f"{y}年", state.toggle_year(y), n, y in state.years) for y, n in sorted(years.items(), reverse=True)]
    levels = [Link(level_name(v), state.but(level=None if v == state.level else v), n, v == state.level)
              for v, n in facets.get("agency_level", {}).items()]
    templates = [Link(template_name(v), state.but(template=None if v == state.template else v), n, v == state.template)
                 for v, n in facets.get("template", {}).items()]
    checks = {v: n for v, n in facets.get("checks", {}).items()}
    for c in state.failing:
        checks.setdefault(c, 0)
    check_links = [Link(check_name(v), state.toggle_failing(v), n, v in state.failing) for v, n in checks.items()]
    return [
        FacetGroup("year", "年度", year_links, True),
        FacetGroup("level", "机关层级", levels, False),
        agency_facet(state, facets, (truncated or {}).get("agency")),
        FacetGroup("template", "表格模板", templates, False),
        FacetGroup("failing", "未通过的检查", check_links, True),
    ]


def chips(state: SearchState, facets: dict | None = None) -> list[Link]:
    """The active filters, each with the state that removes it."""
    out: list[Link] = []
    if state.province:
        out.append(Link(f"省份：{state.province}", state.with_region()))
    if state.city:
        out.append(Link(f"城市：{state.city}", state.with_region(state.province)))
    if state.county:
        out.append(Link(f"区县：{state.county}", state.with_region(state.province, state.city)))
    out += [Link(f"年度：{y}", state.toggle_year(y)) for y in state.years]
    if state.level:
        out.append(Link(f"层级：{level_name(state.level)}", state.but(level=None)))
    if state.agency:
        out.append(Link(f"机关：{agency_name(state.agency, facets or {})}", state.but(agency=None)))
    if state.template:
        out.append(Link(f"模板：{template_name(state.template)}", state.but(template=None)))
    out += [Link(f"未通过：{check_name(c)}", state.toggle_failing(c)) for c in state.failing]
    out += [Link(f"条件：{where_name(w)}", state.but(where=tuple(x for x in state.where if x != w))) for w in state.where]
    return out


def without_filters(state: SearchState) -> SearchState:
    return state.but(province=None, city=None, county=None, years=(), level=None, agency=None, template=None,
                     failing=(), where=())


@dataclass(frozen=True)
class Pages:
    current: int
    last: int
    previous: SearchState | None
    next: SearchState | None
    numbers: list[tuple[int | None, SearchState | None]]  # None: a gap (…)


def pages(state: SearchState, total: int, page_size: int) -> Pages:
    last = max(1, min(math.ceil(total / page_size), MAX_RESULTS_DEPTH // page_size))
    current = state.page
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    numbers: list[tuple[int | None, SearchState | None]] = []
    for i, n in enumerate(shown):
        if i and n - shown[i - 1] > 1:
            numbers.append((None, None))
        numbers.append((n, state.but(page=n)))
    return Pages(
        current, last,
        state.but(page=current - 1) if 1 < current <= last + 1 else None,
        state.but(page=current + 1) if current < last else None,
        numbers,
    )


def navigation(state: SearchState, answer: dict) -> dict:
    """What the search and numbers pages show around their results: facets, chips, pages."""
    return {
        "region": region_facet(state, answer["facets"]),
        "facet_groups": facet_groups(state, answer["facets"], answer.get("facets_truncated")),
        "chips": chips(state, answer["facets"]),
        "clear_all": without_filters(state),
        "pages": pages(state, answer["total"], answer["page_size"]),
    }


SHOWN_TERM_CHARS = 20  # a longer term is shown shortened in headings (the search box keeps it whole)
SHOWN_QUERY_CHARS = 40


def shorten(text: str, limit: int = SHOWN_QUERY_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _quoted(terms: list[Term]) -> str:
    return "“" + "”“".join(shorten(t.text, SHOWN_TERM_CHARS) for t in terms) + "”"


def describe_query(answer: dict) -> str:
    """What the results contain, said from the query as it was searched (so it agrees with any notice).

    包含“行政处罚”, 同时包含“舟山”“疫情”, 包含“舟山”或“招远”, 包含“卫健委”、不含“疫情”;
    a query of another shape is quoted, shortened: 符合“…”.
    """
    searched = answer.get("searched") or answer.get("query") or ""
    root = parse_query(searched).root
    if root is None:
        return ""
    if isinstance(root, Term):
        return f"包含{_quoted([root])}"
    if isinstance(root, Any) and all(isinstance(c, Term) for c in root.children):
        return "包含" + "或".join(_quoted([c]) for c in root.children)
    if isinstance(root, Not) and isinstance(root.child, Term):
        return f"不含{_quoted([root.child])}"
    if isinstance(root, All):
        positive = [c for c in root.children if isinstance(c, Term)]
        negative = [c.child for c in root.children if isinstance(c, Not) and isinstance(c.child, Term)]
        if len(positive) + len(negative) == len(root.children):
            parts = []
            if positive:
                parts.append(("同时包含" if len(positive) > 1 else "包含") + _quoted(positive))
            if negative:
                parts.append("不含" + _quoted(negative))
            return "、".join(parts)
    return f"符合“{shorten(searched)}”"
