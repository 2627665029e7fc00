"""Search: a query, filters and a page -> the answer of ``spec/search.md``.

Matching follows what a reader expects from Ctrl-F: a term matches every
report whose text contains it, found through the character n-gram field and
confirmed against the stored text (`Index.containing`). Sets of reports are
integers used as bitsets, so the facet counts — each one "matching reports
under every filter except this facet's own" — cost an AND and a popcount.
Ranking (BM25F over whole words, title and agency, then n-grams) only orders
what matched; it never decides what matches.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass
from urllib.parse import quote

from . import docset, segment
from .check_ids import is_check_selector, known_check_ids
from .engine import Index, RankLeaf, RankWeights
from .metric_names import metric_label
from .passage_labels import display_passages, labelled_rows, rows_that_can_show
from .query import Any, Not, ParsedQuery, Term, parse_query, query_text, split_terms
from .snippets import Snippet, best_snippets, snippet_html, snippet_passages
from .synonyms import Synonyms
from .textnorm import fold, has_han

# Ranking, in one place. A report scores for each string asked for: BM25 over
# the string's words where they are whole words of its text, a bonus where they
# are words of its title or agency name, and a smaller fixed amount where the
# string only occurs inside longer words (处理费 in 信息处理费). The best
# RERANK_DEPTH are then re-ordered with what needs the text itself: reports
# whose strings stand together in one passage gain NEAR per string. Equal
# scores go to the newer year.
WEIGHTS = RankWeights(body=1.0, title=1.5, agency=1.0, fragment=0.4)
NEAR = 0.5
RERANK_DEPTH = 50
RANK_BULK = 2000  # scored reports from which the best are found on numpy arrays

MAX_PAGE_SIZE = 100
# The agency facet lists the agencies with most matching reports first, at most this many (and the
# chosen one); `facets_truncated` then says how many have matches in all. A national corpus has
# tens of thousands of agencies: a region or a query narrows them.
AGENCY_FACET_LIMIT = 500
MAX_RESULTS_DEPTH = 10_000
FACETS = ("province", "city", "county", "year", "agency_level", "agency", "template", "checks")
# The index field each facet counts, where it differs from the facet's name.
_FACET_FIELD = {"checks": "failing", "agency": "agency_id"}
_CONDITION = re.compile(r"^\s*([A-Za-z0-9_.]+)\s*(>=|<=|!=|==|=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")


class SearchError(ValueError):
    """A request a user can fix (bad page, unknown sort key); the message says how.

    `param` and `value` name what was wrong, so that each front end (the CLI
    in plain words, the web page in Chinese) can say it its own way.
    """

    def __init__(self, message: str, param: str | None = None, value=None):
        super().__init__(message)
        self.param = param
        self.value = value


@dataclass(frozen=True, slots=True)
class Condition:
    key: str
    op: str
    value: float

    def holds(self, x: float) -> bool:
        return {
            ">=": x >= self.value, "<=": x <= self.value, ">": x > self.value, "<": x < self.value,
            "=": x == self.value, "==": x == self.value, "!=": x != self.value,
        }[self.op]

    def __str__(self) -> str:
        value = int(self.value) if self.value == int(self.value) else self.value
        return f"{self.key}{self.op}{value}"


MAX_CONDITION_VALUE = 1e15  # no report states a figure near it; 400 nines parse as infinity


def parse_condition(text: str) -> Condition:
    """'apply.new.total>=10' -> Condition; SearchError when it is not of that form."""
    m = _CONDITION.match(text or "")
    if not m:
        raise SearchError(f"cannot read the condition '{text}': write it as metric>=number, e.g. apply.new.total>=10")
    value = float(m.group(3))
    if not math.isfinite(value) or abs(value) > MAX_CONDITION_VALUE:
        raise SearchError(f"the number in the condition '{text}' is too large; write the figure you mean")
    return Condition(m.group(1), m.group(2), value)


@dataclass
class SearchRequest:
    query: str = ""
    province: str | None = None
    city: str | None = None
    county: str | None = None
    years: tuple[int, ...] = ()
    agency_level: str | None = None
    agency: str | None = None  # an agency_id (330900:舟山市卫生健康委员会)
    template: str | None = None
    failing: tuple[str, ...] = ()  # check ids or prefixes: apply.balance matches apply.balance.total
    where: tuple[Condition, ...] = ()
    sort: str | None = None  # None = relevance (or newest first without a query); year, -year, [-]metric
    page: int = 1
    page_size: int = 10
    expand: bool = True  # synonyms

    def validate(self) -> None:
        if self.page < 1:
            raise SearchError("page must be 1 or more")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise SearchError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        if self.page * self.page_size > MAX_RESULTS_DEPTH:
            raise SearchError(f"only the first {MAX_RESULTS_DEPTH} results can be paged through; narrow the search")

    def filters(self) -> dict:
        out: dict = {}
        for name in ("province", "city", "county", "agency_level", "agency", "template"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        if self.years:
            out["year"] = list(self.years)
        if self.failing:
            out["failing"] = list(self.failing)
        if self.where:
            out["where"] = [str(c) for c in self.where]
        return out


@dataclass
class _Match:
    parsed: ParsedQuery
    docs: int


def _term_docs(index: Index, term: Term, scope: int | None = None) -> int:
    docs = 0
    for needle in term.needles:
        docs |= index.containing(needle, scope)
    return docs


def _node_docs(index: Index, node, scope: int | None = None) -> int:
    """The reports a query node matches: exact among `scope` (all by default), anything beyond it."""
    if isinstance(node, Term):
        return _term_docs(index, node, scope)
    if isinstance(node, Not):
        return index.live & ~_node_docs(index, node.child, scope)
    if isinstance(node, Any):
        docs = 0
        for child in node.children:
            docs |= _node_docs(index, child, scope)
        return docs
    docs = index.live
    for child in node.children:  # All
        docs &= _node_docs(index, child, scope)
        if not docs:
            break
    return docs


def _match(index: Index, request: SearchRequest, synonyms: Synonyms | None, scope: int | None = None) -> _Match:
    """What the query matches: exact among `scope` (see `_scope`), anything beyond it."""
    parsed = parse_query(request.query, synonyms, expand=request.expand)
    if parsed.root is None:
        return _Match(parsed, index.live)
    if scope is not None:
        docs = _node_docs(index, parsed.root, scope)
        if docs & scope:  # it matches somewhere, so the query is not split into words (below)
            return _Match(parsed, docs)
    docs = _node_docs(index, parsed.root)
    if not docs:
        split = split_terms(parsed, synonyms if request.expand else None)
        if split is not None:
            split_docs = _node_docs(index, split.root)
            if split_docs:
                return _Match(split, split_docs)
    return _Match(parsed, docs)


def _scope(index: Index, masks: dict[str, int]) -> int | None:
    """The reports whose match can change an answer, None for all: those under every filter (the
    results), and for each filtered facet those under every other filter (its counts). With two
    filters, a phrase's candidates outside both are never checked against the text."""
    if not masks:
        return None

    def under(skipped: str | None) -> int:
        docs = index.live
        for name, mask in masks.items():
            if name != skipped:
                docs &= mask
        return docs

    scope = under(None)
    for name in masks:
        if name in FACETS:
            scope |= under(name)
    return scope


def _filter_masks(index: Index, request: SearchRequest) -> dict[str, int]:
    """One mask per active filter, keyed by the facet it belongs to."""
    masks: dict[str, int] = {}
    for name in ("province", "city", "county", "agency_level", "agency", "template"):
        value = getattr(request, name)
        if value:
            masks[name] = index.facet_docs(_FACET_FIELD.get(name, name), value)
    if request.years:
        masks["year"] = 0
        for y in request.years:
            masks["year"] |= index.facet_docs("year", str(y))
    if request.failing:
        failing = index.facet("failing")
        mask = 0
        for prefix in request.failing:
            for check_id, docs in failing.items():
                if check_id == prefix or check_id.startswith(prefix + "."):
                    mask |= docs
        masks["checks"] = mask
    if request.where:
        mask = index.live
        for cond in request.where:
            values = index.metric(cond.key)
            mask &= docset.from_docnums((d for d, v in values.items() if cond.holds(v)), index.size)
        masks["where"] = mask
    return masks


def _facet_counts(index: Index, matched: int, masks: dict[str, int],
                  request: SearchRequest) -> tuple[dict[str, dict], dict[str, int]]:
    """The facets of the answer, and for a facet listed only in part, how many values it has."""
    out: dict[str, dict] = {}
    truncated: dict[str, int] = {}
    for name in FACETS:
        if name == "city" and not request.province:
            continue
        if name == "county" and not request.city:
            continue
        base = matched
        for other, mask in masks.items():
            if other != name:
                base &= mask
        counts = index.facet_counts(_FACET_FIELD.get(name, name), base)
        if name == "agency":
            agencies = counts
            out[name] = dict(_most(counts, AGENCY_FACET_LIMIT))
        else:
            out[name] = dict(_most(counts, len(counts)))
    if "year" in out:
        out["year"] = dict(sorted(out["year"].items(), key=lambda kv: kv[0], reverse=True))
    if "agency" in out:
        listed = list(out["agency"].items())
        if len(agencies) > AGENCY_FACET_LIMIT:
            truncated["agency"] = len(agencies)
        if request.agency in agencies and all(k != request.agency for k, _ in listed):
            listed.append((request.agency, agencies[request.agency]))
        names = index.agency_names(agency_id for agency_id, _ in listed)
        out["agency"] = {agency_id: {"name": names.get(agency_id, agency_id.partition(":")[2]), "count": n}
                         for agency_id, n in listed}
    return out, truncated


def _most(counts: dict[str, int], limit: int) -> list[tuple[str, int]]:
    """The `limit` values with the highest counts (ties by value), in that order, without sorting
    every value: a common word matches reports of most of 17,000 agencies."""
    if len(counts) > limit:
        histogram = Counter(counts.values())
        listed = 0
        for least in sorted(histogram, reverse=True):
            listed += histogram[least]
            if listed >= limit:
                break
        counts = {value: n for value, n in counts.items() if n >= least}
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def _rank_leaves(terms: list[Term]) -> list[RankLeaf]:
    return [
        RankLeaf(needle, tuple(dict.fromkeys(segment.query_words(needle))))
        for term in terms
        for needle in term.needles
    ]


def _closeness(index: Index, docnum: int, terms: list[Term]) -> float:
    """Share of the asked-for strings that the best single passage holds together.

    Each string's occurrences are found in the whole match text and counted
    once per line they fall in, rather than testing every line for every
    string: a report has some 500 lines, and the best 50 of a two-word query
    took 15 ms that way (profiled).
    """
    text = index.match_text(docnum)
    starts = list(accumulate((len(line) + 1 for line in text.split("\n")[:-1]), initial=0))
    holding: Counter = Counter()
    for term in terms:
        holding.update(_lines_holding(text, starts, term.needles))
    return max(holding.values(), default=0) / len(terms)


def _lines_holding(text: str, starts: list[int], needles) -> set[int]:
    """The lines (by number; `starts` are their offsets in `text`) that hold one of `needles`."""
    found: set[int] = set()
    for needle in needles:
        if not needle:
            return set(range(len(starts)))  # the empty string is in every line
        if "\n" in needle:
            continue  # no line holds it
        at = text.find(needle)
        while at >= 0:
            line = bisect_right(starts, at) - 1
            found.add(line)
            if line + 1 == len(starts):
                break
            at = text.find(needle, starts[line + 1])  # the line is counted: on to the next one
    return found


def _rank_key(years):
    """Results in order: by score (rounded, so that sums in another order tie), then newer year, then document."""
    def key(item: tuple[int, float]) -> tuple[float, int, int]:
        d, score = item
        return (round(score, 6), int(years[d] or 0), -d)
    return key


def _best_first(scores: dict[int, float], best: int, years) -> list[tuple[int, float]]:
    """The `best` highest (document, score) items by `_rank_key`, highest first."""
    if len(scores) >= RANK_BULK:
        return _best_first_in_bulk(scores, best, years)
    items = scores.items()
    if len(scores) > best:  # what scores below the best's last by more than the rounding can never be among them
        floor = heapq.nlargest(best, scores.values())[-1] - 2e-6
        items = [(d, s) for d, s in items if s >= floor]
    return heapq.nlargest(best, items, key=_rank_key(years))


def _best_first_in_bulk(scores: dict[int, float], best: int, years) -> list[tuple[int, float]]:
    """`_best_first` on arrays. A word in every report scores nearly the same in thousands of
    them, and the key was then computed for each in Python (20 ms at 20,000 reports). Here the
    rounded score is found for the highest scores only, a run of equal rounded scores at a time:
    `round` is monotonic, so each run's first score is found by bisection with Python's `round`."""
    import numpy as np

    n = len(scores)
    ds = np.fromiter(scores.keys(), dtype=np.int64, count=n)
    ss = np.fromiter(scores.values(), dtype=np.float64, count=n)
    distinct, at, counts = np.unique(ss, return_inverse=True, return_counts=True)
    values = distinct.tolist()
    rounded = np.empty(len(values), dtype=np.float64)
    last, covered = len(values) - 1, 0
    while last >= 0 and covered < best:  # runs of one rounded score, from the highest, until they hold `best`
        r = round(values[last], 6)
        lo, hi = 0, last
        while lo < hi:
            mid = (lo + hi) // 2
            if round(values[mid], 6) == r:
                hi = mid
            else:
                lo = mid + 1
        rounded[lo:last + 1] = r
        covered += int(counts[lo:last + 1].sum())
        last = lo - 1
    keep = at > last
    ds, ss, at = ds[keep], ss[keep], at[keep]
    number = {y: int(y or 0) for y in (set(years.values()) if isinstance(years, dict) else set(years))}
    year = np.fromiter(map(number.__getitem__, map(years.__getitem__, ds.tolist())), dtype=np.int64, count=len(ds))
    order = np.lexsort((ds, -year, -rounded[at]))[:best]
    return list(zip(ds[order].tolist(), ss[order].tolist()))


def _relevance(index: Index, terms: list[Term], docs: int, depth: int, years) -> list[tuple[int, float]]:
    scores = index.scores(_rank_leaves(terms), docs, WEIGHTS)
    key = _rank_key(years)
    top = _best_first(scores, max(depth, RERANK_DEPTH), years)
    if len(terms) > 1:
        window = [(d, s + NEAR * len(terms) * _closeness(index, d, terms)) for d, s in top[:RERANK_DEPTH]]
        top = sorted(window, key=key, reverse=True) + top[RERANK_DEPTH:]
    return top[:depth]


def _ordered(index: Index, request: SearchRequest, match: _Match, docs: int, depth: int) -> list[tuple[int, float]]:
    """(docnum, score) of the first `depth` results in the requested order."""
    years = index.values("year", docs)
    sort = request.sort or ("relevance" if match.parsed.positive_terms() else "-year")
    if sort == "relevance":
        return _relevance(index, match.parsed.positive_terms(), docs, depth, years)
    descending = sort.startswith("-")
    key = sort.lstrip("-+")
    if key == "year":
        values = {d: float(years[d]) for d in docset.docnums(docs) if years[d]}
    else:
        values = index.metric(key)
    present = [(d, values[d]) for d in docset.docnums(docs) if d in values]
    absent = [d for d in docset.docnums(docs) if d not in values]
    present.sort(key=lambda dv: (-dv[1] if descending else dv[1], -int(years[dv[0]] or 0), dv[0]))
    return [(d, 0.0) for d, _ in present][:depth] + [(d, 0.0) for d in absent][: max(0, depth - len(present))]


def iri_quote(text: str) -> str:
    """Percent-encode what a URL cannot hold, keeping Chinese readable (as the spec's examples do)."""
    return "".join(ch if ord(ch) > 127 else quote(ch, safe="") for ch in text)


def report_url(report_id: str, query: str = "", passage: str | None = None) -> str:
    url = f"/reports/{report_id}"
    if query:
        url += "?q=" + iri_quote(query)
    if passage:
        url += "#" + passage
    return url


def _figure(record: dict, key: str) -> dict:
    """The figure a result list is sorted by, labelled, with the passage it was read from."""
    entry = (record.get("metrics") or {}).get(key)
    figure = {"key": key, "label": metric_label(key), "value": entry["value"] if entry else None,
              "passage": entry.get("passage") if entry else None}
    if figure["passage"]:
        figure["url"] = report_url(record["id"], passage=figure["passage"])
    return figure


def _snippets(record: dict, lines: list[str], needles: list[str], folded: bool = True) -> list[Snippet]:
    """The snippets of one result. Only the rows a snippet shows are labelled (every row of 100
    results cost over a second). With `folded` (an index of the current layout), the match lines
    are the printed passages folded, then the row labels: a passage is folded here only where its
    shown text is not the printed one (folding all of them cost 2 ms a result)."""
    passages = record.get("passages", [])
    labels = lines[len(passages):]
    if any(n in label for n in needles for label in labels):  # a label was asked for
        shown = display_passages(record, rows_that_can_show(record, needles))
        reuse = folded and len(lines) >= len(passages)
        return best_snippets(shown, [line if reuse and p is printed else fold(p["text"])
                                     for p, printed, line in zip(shown, passages, lines + [""] * len(passages))],
                             needles)
    # Labelling the chosen rows only raises them in the ranking `best_snippets` would redo on the
    # labelled passages (a row stating figures beats its header row), so it would choose them again.
    chosen = snippet_passages(passages, lines, needles)
    rows = labelled_rows(record, {passages[i]["id"] for i in chosen})
    out = []
    for i in chosen:
        passage = passages[i]
        row = rows.get(passage["id"])
        html = snippet_html(row.text if row is not None else passage["text"], needles)
        if html is not None:
            out.append(Snippet(passage["id"], html))
    return out


def _result(index: Index, docnum: int, score: float, query: str, needles: list[str],
            sort_key: str | None = None) -> dict:
    record = index.record(docnum)
    snippets = _snippets(record, index.match_lines(docnum), needles, not index.outdated) if needles else []
    result = {
        "id": record["id"],
        "title": record["title"],
        "agency": record["agency"],
        "agency_id": record.get("agency_id"),
        "agency_level": record["agency_level"],
        "region": record["region"],
        "year": record["year"],
        "published": record.get("published"),
        "template": record.get("template"),
        "source": record["source"],
        "failing": [c["id"] for c in record.get("checks", []) if c["status"] == "fail"],
        "score": round(score, 4),
        "url": report_url(record["id"], query),
        "snippets": [
            {"passage": s.passage, "url": report_url(record["id"], query, s.passage), "html": s.html}
            for s in snippets
        ],
    }
    if sort_key:
        result["figure"] = _figure(record, sort_key)
    return result


def metric_sort_key(sort: str | None) -> str | None:
    """The metric a sort orders by (`-apply.new.total` -> apply.new.total), or None for relevance and year."""
    if sort in (None, "relevance", "year", "-year", "+year"):
        return None
    return sort.lstrip("-+")


def _check_keys(index: Index, request: SearchRequest) -> None:
    known = tuple(known_check_ids()) + tuple(index.facet("failing")) if request.failing else ()
    for selector in request.failing:
        if not is_check_selector(selector, known):
            raise SearchError(f"there is no check called '{selector}'; check ids look like apply.balance.total "
                              "or date.deadline (a family such as apply.balance selects all of its checks)",
                              param="failing", value=selector)
    if request.sort not in (None, "relevance", "year", "-year", "+year"):
        key = request.sort.lstrip("-+")
        if key not in index.metric_keys():
            raise SearchError(f"cannot sort by '{key}': not a metric of any indexed report (see 'nianbao export' for the keys)",
                              param="sort", value=key)
    for cond in request.where:
        if cond.key not in index.metric_keys():
            raise SearchError(f"unknown metric '{cond.key}' in the condition '{cond}'", param="where", value=cond)


def _selection(index: Index, request: SearchRequest, synonyms: Synonyms | None,
               scoped: bool = False) -> tuple[_Match, dict[str, int], int]:
    """What the query matched, the filter masks, and the reports passing both. `scoped`: the match
    is exact only where the answer's results and facets look (`_scope`)."""
    _check_keys(index, request)
    masks = _filter_masks(index, request)
    match = _match(index, request, synonyms, _scope(index, masks) if scoped else None)
    docs = match.docs
    for mask in masks.values():
        docs &= mask
    return match, masks, docs


def ordered_docnums(index: Index, request: SearchRequest, synonyms: Synonyms | None = None) -> list[int]:
    """Every report the request selects, in its order (no paging): what exports list."""
    match, _, docs = _selection(index, request, synonyms)
    return [d for d, _ in _ordered(index, request, match, docs, docset.count(docs))]


def search(index: Index, request: SearchRequest, synonyms: Synonyms | None = None) -> dict:
    """Run a search; the answer has the shape of spec/search.md."""
    request.validate()
    match, masks, docs = _selection(index, request, synonyms, scoped=True)
    total = docset.count(docs)
    start = (request.page - 1) * request.page_size
    ordered = _ordered(index, request, match, docs, start + request.page_size) if total > start else []
    terms = match.parsed.positive_terms()
    needles = [n for t in terms for n in t.needles]
    sort_key = metric_sort_key(request.sort)
    answer = {
        "query": request.query,
        "filters": request.filters(),
        "total": total,
        "page": request.page,
        "page_size": request.page_size,
        "sort": request.sort or ("relevance" if terms else "-year"),
        "results": [_result(index, d, s, request.query, needles, sort_key) for d, s in ordered[start:]],
    }
    answer["facets"], truncated = _facet_counts(index, match.docs, masks, request)
    if truncated:
        answer["facets_truncated"] = truncated
    expanded = {t.text: list(t.alternatives) for t in terms if t.alternatives}
    if expanded:
        answer["expanded"] = expanded
    notices = list(match.parsed.notices)
    if match.parsed.rewritten and match.parsed.root is not None:
        answer["searched"] = query_text(match.parsed.root)
    if not total and request.query.strip() and not has_han(request.query):
        notices.append(f"查询“{_shorten(request.query.strip())}”中没有汉字，没有找到报告：报告是中文的，请用中文词语搜索，例如“行政处罚”。")
    if notices:
        answer["notice"] = " ".join(notices)
    return answer


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
