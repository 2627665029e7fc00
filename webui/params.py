"""URL parameters <-> the state of a search, shared by every page and the API.

The URL holds the whole state of a page (query, filters, sort, page), so a
link can be shared and the back button works. Parsing is strict: a value that
cannot be meant (``page=-1``, ``year=abc``) is a `ParamError` whose Chinese
message says what to write instead, shown with status 400, never a 500.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Mapping

from werkzeug.datastructures import MultiDict

from indexer.search import MAX_PAGE_SIZE, MAX_RESULTS_DEPTH, SearchError, SearchRequest, parse_condition

LEVELS = ("national", "province", "city", "county", "township")
TEMPLATES = ("2019", "2021")
MAX_PARAM_CHARS = 2000  # longer values are no query a person typed; the search itself cuts queries at 500
MAX_REPEATS = 20  # year, failing, where, metric
_YEAR = re.compile(r"^\d{4}$")
_SORT = re.compile(r"^[+-]?[A-Za-z0-9_.]+$")
_NUMERIC = ("year", "page", "page_size")


class ParamError(ValueError):
    """A URL parameter that cannot be used; `message` tells the user what to write instead."""

    def __init__(self, param: str, message: str):
        super().__init__(message)
        self.param = param
        self.message = message


@dataclass(frozen=True)
class SearchState:
    """What a search page shows, as read from its URL."""

    q: str = ""
    province: str | None = None
    city: str | None = None
    county: str | None = None
    years: tuple[int, ...] = ()
    level: str | None = None
    agency: str | None = None  # an agency_id
    template: str | None = None
    failing: tuple[str, ...] = ()
    where: tuple[str, ...] = ()
    sort: str | None = None  # None: relevance with a query, newest first without
    page: int = 1
    page_size: int | None = None  # None: the configured default
    expand: bool = True
    extra: tuple[tuple[str, str], ...] = ()  # page-specific parameters kept in links

    @property
    def has_filters(self) -> bool:
        return bool(self.province or self.city or self.county or self.years or self.level or self.agency
                    or self.template or self.failing or self.where)

    def request(self, default_page_size: int) -> SearchRequest:
        """The indexer's request for this state."""
        page_size = self.page_size or default_page_size
        if self.page * page_size > MAX_RESULTS_DEPTH:
            raise ParamError("page", f"只能翻看前 {MAX_RESULTS_DEPTH} 条结果：请加筛选条件缩小范围。")
        return SearchRequest(
            query=self.q,
            province=self.province,
            city=self.city,
            county=self.county,
            years=self.years,
            agency_level=self.level,
            agency=self.agency,
            template=self.template,
            failing=self.failing,
            where=tuple(parse_condition(w) for w in self.where),  # checked by parse_state
            sort=self.sort,
            page=self.page,
            page_size=page_size,
            expand=self.expand,
        )

    def args(self) -> dict[str, str | list[str]]:
        """The canonical URL parameters of this state (defaults left out)."""
        out: dict[str, str | list[str]] = {}
        if self.q:
            out["q"] = self.q
        for name in ("province", "city", "county", "level", "agency", "template"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.years:
            out["year"] = [str(y) for y in self.years]
        if self.failing:
            out["failing"] = list(self.failing)
        if self.where:
            out["where"] = list(self.where)
        if self.sort:
            out["sort"] = self.sort
        if self.page != 1:
            out["page"] = str(self.page)
        if self.page_size:
            out["page_size"] = str(self.page_size)
        if not self.expand:
            out["expand"] = "0"
        for name, value in self.extra:
            out.setdefault(name, [])
            out[name].append(value)  # type: ignore[union-attr]
        return out

    def but(self, **changes) -> "SearchState":
        """This state changed; any change but a page change goes back to page 1."""
        if "page" not in changes:
            changes["page"] = 1
        return replace(self, **changes)

    def toggle_year(self, year: int) -> "SearchState":
        years = tuple(y for y in self.years if y != year) if year in self.years else tuple(sorted((*self.years, year)))
        return self.but(years=years)

    def toggle_failing(self, check: str) -> "SearchState":
        failing = tuple(c for c in self.failing if c != check) if check in self.failing else (*self.failing, check)
        return self.but(failing=failing)

    def with_region(self, province: str | None = None, city: str | None = None,
                    county: str | None = None) -> "SearchState":
        return self.but(province=province, city=city, county=county)


def _where_message(where: tuple[str, ...]) -> str:
    full = next((w for w in where if _is_bad_condition(w)), where[0] if where else "")
    bad = full if len(full) <= 60 else full[:60] + "…"
    try:
        parse_condition(full)
    except SearchError as exc:
        if "too large" in str(exc):
            return f"数值条件“{bad}”中的数字太大：请写实际要比较的数值，例如 apply.new.total>=10。"
    return f"无法理解数值条件“{bad}”：请写成“指标>=数字”，例如 apply.new.total>=10。"


def _is_bad_condition(text: str) -> bool:
    try:
        parse_condition(text)
    except SearchError:
        return True
    return False


def _one(args: Mapping, name: str) -> str | None:
    value = args.get(name)
    if value is None:
        return None
    value = value.strip()
    if name in _NUMERIC:
        value = unicodedata.normalize("NFKC", value)  # ２０２０ typed with a Chinese keyboard
    if len(value) > MAX_PARAM_CHARS:
        raise ParamError(name, f"参数 {name} 太长（超过 {MAX_PARAM_CHARS} 个字符）。")
    return value or None


def _many(args: MultiDict, name: str) -> list[str]:
    values = [v.strip() for v in args.getlist(name) if v.strip()]
    if name in _NUMERIC:
        values = [unicodedata.normalize("NFKC", v) for v in values]
    if len(values) > MAX_REPEATS:
        raise ParamError(name, f"参数 {name} 最多可以给 {MAX_REPEATS} 个。")
    for v in values:
        if len(v) > MAX_PARAM_CHARS:
            raise ParamError(name, f"参数 {name} 太长（超过 {MAX_PARAM_CHARS} 个字符）。")
    return values


def _positive_int(args: Mapping, name: str, message: str) -> int | None:
    raw = _one(args, name)
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise ParamError(name, message.format(raw=raw))
    return int(raw)


def _sort(args: Mapping) -> str | None:
    raw = _one(args, "sort")
    order = _one(args, "order")
    if order not in (None, "asc", "desc"):
        raise ParamError("order", f"排序方向“{order}”无效：请用 asc（升序）或 desc（降序）。")
    if raw is None:
        return None
    if not _SORT.match(raw):
        raise ParamError("sort", f"无法按“{raw}”排序：请用 relevance、year、-year 或指标名（前面加 - 表示从大到小）。")
    key = raw.lstrip("+-")
    if key == "relevance":
        return "relevance"
    descending = raw.startswith("-") if order is None else order == "desc"
    return ("-" if descending else "") + key


def parse_state(args: MultiDict, extra: tuple[str, ...] = ()) -> SearchState:
    """The search state of a request's parameters; ParamError when one is malformed.

    `extra` names page-specific parameters (repeatable) that links keep.
    """
    years: list[int] = []
    for raw in _many(args, "year"):
        if not raw.isascii() or not _YEAR.match(raw):
            raise ParamError("year", f"年份“{raw}”无效：请写四位数字，例如 year=2020。")
        years.append(int(raw))
    level = _one(args, "level")
    if level is not None and level not in LEVELS:
        raise ParamError("level", f"机关层级“{level}”无效：可选 {', '.join(LEVELS)}。")
    template = _one(args, "template")
    if template is not None and template not in TEMPLATES:
        raise ParamError("template", f"表格模板“{template}”无效：可选 2019 或 2021。")
    page = _positive_int(args, "page", "页码“{raw}”无效：请写 1 或更大的整数。") or 1
    page_size = _positive_int(args, "page_size", "每页条数“{raw}”无效：请写 1 到 %d 之间的整数。" % MAX_PAGE_SIZE)
    if page_size is not None and page_size > MAX_PAGE_SIZE:
        raise ParamError("page_size", f"每页条数最多 {MAX_PAGE_SIZE} 条（收到 {page_size}）。")
    expand = _one(args, "expand")
    if expand not in (None, "0", "1"):
        raise ParamError("expand", "参数 expand 只能是 0（不用同义词扩展）或 1。")
    where = tuple(_many(args, "where"))
    if any(_is_bad_condition(w) for w in where):
        raise ParamError("where", _where_message(where))
    kept: list[tuple[str, str]] = []
    for name in extra:
        kept += [(name, v) for v in _many(args, name)]
    return SearchState(
        q=_one(args, "q") or "",
        province=_one(args, "province"),
        city=_one(args, "city"),
        county=_one(args, "county"),
        years=tuple(dict.fromkeys(years)),
        level=level,
        agency=_one(args, "agency"),
        template=template,
        failing=tuple(dict.fromkeys(_many(args, "failing"))),
        where=where,
        sort=_sort(args),
        page=page,
        page_size=page_size,
        expand=expand != "0",
        extra=tuple(kept),
    )
