"""Cutting a run of digits back into table cells (``801000081`` -> 80 1 0 0 0 0 81).

Crawler text exports and some conversions write a table row's cells with
nothing between them. The cuts are recovered from what a figure can be and
from the table's own sums, never guessed:

* a figure is ``0`` or starts with 1-9 (``05`` is no figure), with at most
  one decimal point and well-placed thousands separators (``1,234``) inside
  it; a space in the run is always a cut, and so is a sign (``40增4947``:
  增4 starts a figure); a word sign alone (``0增25``: 0, 增, 25) may be a cell
  too, a change the report printed without its figure, so such a run cuts both
  ways; a cut only a lone sign makes (``8减2`` in three) is none (a blank may
  have left no trace);
* `splits` lists every way to cut a run into n figures, optionally in groups
  whose last figure is the sum of the others (a table-3 row: six applicant
  columns and 总计; table 4: three groups of 维持 纠正 其他 尚未审结 总计);
* `agreed` keeps, position by position, only the figure every remaining
  split agrees on: when several splits remain, the others stay unknown.

A run with more ways to cut than `MAX_STEPS` allows is left unread (no
figure), so a hostile line cannot make the search explode.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import product

MAX_STEPS = 100_000
MAX_RUN = 160  # characters: no table row is longer; a longer run is left unread
MAX_FIGURE = 16  # characters of one figure (1,234,567,890.12)

_FIGURE = re.compile(r"(?:[+\-]|增|减)?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?")
_PIECE = re.compile(r"(?:[+\-]|增|减)?[\d.,]+")
_UNIT = re.compile(r"(万元|元)$")
_LONE_SIGNS = ("增", "减")  # a change printed as its sign alone (本年增/减: 增): a cell without a figure

Split = tuple[str, ...]


class _TooMany(Exception):
    pass


def _value(text: str) -> Decimal:
    sign = -1 if text[0] in "-减" else 1
    return sign * Decimal(text.lstrip("+-增减").replace(",", ""))




def splits(run: str, n: int, groups: tuple[int, ...] = (), limit: int = 10_000) -> list[Split] | None:
    """Every way to cut `run` into `n` figures (at most `limit`); None when there are too many to look at.

    `groups` are the sizes of consecutive groups that cover the n figures and
    whose last figure is the sum of the group's others; () means no sums.
    A unit written after the run (``2.52元``) stays on the last figure.
    """
    run = run.strip()
    unit = _UNIT.search(run)
    if unit:
        run = run[:unit.start()].rstrip()
    pieces = [p for chunk in run.split() for p in _PIECE.findall(chunk)]  # a space or a sign starts a figure
    if not pieces or n < 1 or "".join(pieces) != re.sub(r"\s+", "", run) or len(pieces) > n:
        return []
    if not groups or sum(groups) != n:
        groups = (n,)
        summed = False
    else:
        summed = True
    if len(run) > MAX_RUN:
        return None
    solver = _Solver("".join(pieces), pieces, summed)
    if len(solver.text) < n:
        return []
    if not summed and solver.count(0, n, limit + 1) > limit:
        return None  # more ways than the caller wants to look at
    try:
        out = solver.solve(groups, limit)
    except _TooMany:
        return None
    if all(any(f in _LONE_SIGNS for f in s) for s in out):
        return []  # a sign alone only ever doubts a cut: read by itself (8减2 as 8 | 减 | 2) it may be a blank that
        # left no trace (8 | 减2 | blank)
    if unit:
        out = [s[:-1] + (s[-1] + unit.group(1),) for s in out]
    return out


class _Solver:
    """Cuts of one run: figures looked up by span, groups solved span by span, work counted."""

    def __init__(self, text: str, pieces: list[str], summed: bool):
        self.text = text
        self.summed = summed
        self.signed = any(p[0] in "+-增减" for p in pieces)
        self.plain = not self.signed and not re.search(r"[.,]", text)  # whole numbers: a longer figure is larger
        self.steps = 0
        cuts, at = [], 0
        for p in pieces:
            at += len(p)
            cuts.append(at)
        # for each position, the next forced cut after it: no figure reaches over it
        self.wall = [next((c for c in cuts if c > pos), len(text)) for pos in range(len(text) + 1)]
        self._figures: dict[tuple[int, int], Decimal | None] = {}
        self._spans: dict[tuple[int, int, int], list[Split]] = {}

    def count(self, a: int, n: int, cap: int) -> int:
        """How many ways text[a:] cuts into n figures (counting stops at `cap`)."""
        memo: dict[tuple[int, int], int] = {}

        def ways(pos: int, k: int) -> int:
            if k == 0:
                return 1 if pos == len(self.text) else 0
            key = (pos, k)
            if key not in memo:
                total = 0
                for b in range(pos + 1, min(len(self.text) - k + 1, pos + MAX_FIGURE) + 1):
                    if self.figure(pos, b) is not None:
                        total += ways(b, k - 1)
                        if total >= cap:
                            break
                memo[key] = min(total, cap)
            return memo[key]

        return ways(a, n)

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise _TooMany

    def figure(self, a: int, b: int) -> Decimal | None:
        """The value of text[a:b] if it is one figure that crosses no forced cut."""
        key = (a, b)
        if key not in self._figures:
            text = self.text[a:b]
            if text in _LONE_SIGNS and not self.summed:
                self._figures[key] = Decimal(0)  # a cell printing only its sign; no sum holds one
                return self._figures[key]
            ok = b <= self.wall[a] and _FIGURE.fullmatch(text) is not None
            self._figures[key] = _value(text) if ok else None
        return self._figures[key]

    def solve(self, groups: tuple[int, ...], limit: int) -> list[Split]:
        out: list[Split] = []

        def walk(pos: int, g: int, done: Split) -> None:
            if g == len(groups):
                if pos == len(self.text):
                    out.append(done)
                    if len(out) >= limit:
                        raise _Enough
                return
            size = groups[g]
            rest = sum(groups[g + 1:])
            ends = [len(self.text)] if g == len(groups) - 1 else range(pos + size, len(self.text) - rest + 1)
            for end in ends:
                self.tick()
                for figures in self.span(pos, end, size):
                    walk(end, g + 1, done + figures)

        try:
            walk(0, 0, ())
        except _Enough:
            pass
        return out

    def span(self, a: int, e: int, size: int) -> list[Split]:
        """The cuts of text[a:e] into `size` figures (the last their sum when the run has sums)."""
        key = (a, e, size)
        if key in self._spans:
            return self._spans[key]
        found: list[Split] = []
        if not self.summed:
            found = self.parts(a, e, size, None)
        else:
            for t in range(e - 1, a + size - 2, -1):  # the total is the span's last figure
                total = self.figure(t, e)
                if total is not None:
                    found += [cut + (self.text[t:e],) for cut in self.parts(a, t, size - 1, total)]
        self._spans[key] = found
        return found

    def parts(self, a: int, e: int, count: int, left: Decimal | None) -> list[Split]:
        """Cuts of text[a:e] into `count` figures; when `left` is given, figures that add up to it."""
        found: list[Split] = []
        self._cut(a, e, count, left, (), found)
        return found

    def _cut(self, a: int, e: int, count: int, left: Decimal | None, done: Split, found: list[Split]) -> None:
        self.tick()
        if count == 1:  # the last figure is what is left of the span
            value = self.figure(a, e)
            if value is not None and (left is None or value == left):
                found.append(done + (self.text[a:e],))
            return
        longest = min(e - a - (count - 1), MAX_FIGURE)
        if left is not None and self.plain:
            room = len(str(int(left))) if left >= 0 else 0  # no figure is longer than what is left of the total
            if e - a > count * room:
                return
            longest = min(longest, room)
        for b in range(a + 1, a + longest + 1):
            value = self.figure(a, b)
            if value is None:
                if self.text[a] == "0" and b > a + 1 and self.text[a + 1] != ".":
                    break  # 0 then a digit: no longer cut is a figure either
                continue
            if left is not None and not self.signed and value > left:
                break  # this figure alone passes the total
            self._cut(b, e, count - 1, None if left is None else left - value, done + (self.text[a:b],), found)


class _Enough(Exception):
    pass


def unique_split(run: str, n: int) -> Split | None:
    """The only way to cut `run` into n figures, if there is just one (every cell one digit, say)."""
    found = splits(run, n, limit=2)
    return found[0] if found is not None and len(found) == 1 else None


def agreed(candidates: list[Split], n: int) -> list[str | None]:
    """Position by position, the figure every candidate agrees on (None where they differ, or no candidate)."""
    if not candidates:
        return [None] * n
    return [c if all(c == s[i] for s in candidates) else None for i, c in enumerate(candidates[0])]


def row_candidates(run: str, n: int, groups: tuple[int, ...] = (), blanks_left_no_trace: bool = False) -> list[Split]:
    """The splits of one row: its only split, whatever the sums say; else those that satisfy its sums.

    When the table's blank cells may have left no trace (`blanks_left_no_trace`: another row ran together
    with fewer digits than cells), a run with just one cut (one digit a cell) may be fewer figures than cells
    (2581211: 258 12 1 1 and three blanks), so its only cut counts only when its sums hold.
    """
    only = unique_split(run, n)
    if only is not None and not (blanks_left_no_trace and groups and not _groups_hold(list(only), groups, True)):
        return [only]
    if only is not None:
        return []
    found = splits(run, n, groups) if groups else splits(run, n)
    return found or []


def combine(candidates: dict[str, list[Split]], holds, max_combinations: int = 50_000,
            possible=None) -> dict[str, list[Split]]:
    """Narrow each row's candidates to those that appear in a combination of rows satisfying `holds`.

    `holds(choice)` gets {row: split} for every row and says whether the
    table's column sums hold. `possible(choice)`, given for part of the rows
    (the fixed ones and the first ambiguous ones, in order), says whether the
    rows chosen so far can still be completed (outcomes not yet past 总计):
    the search then skips what cannot hold instead of trying every
    combination. When no combination holds (a printed error in the table) or
    there are more to try than `max_combinations` steps allow, the candidates
    stay as they were.
    """
    keys = [k for k, c in candidates.items() if c]
    ambiguous = [k for k in keys if len(candidates[k]) > 1]
    if possible is None:
        total = 1
        for k in ambiguous:
            total *= len(candidates[k])
            if total > max_combinations:
                return candidates
    fixed = {k: candidates[k][0] for k in keys if k not in ambiguous}
    kept: dict[str, set[Split]] = {k: set() for k in ambiguous}
    found = False
    steps = 0
    rows = dict(fixed)

    def walk(i: int) -> None:
        nonlocal found, steps
        if i == len(ambiguous):
            if holds(rows):
                found = True
                for k in ambiguous:
                    kept[k].add(rows[k])
            return
        key = ambiguous[i]
        for split in candidates[key]:
            steps += 1
            if steps > max_combinations:
                raise _TooMany
            rows[key] = split
            if possible is None or possible(rows):
                walk(i + 1)
        del rows[key]

    try:
        walk(0)
    except _TooMany:
        return candidates
    if not found:
        return candidates
    out = dict(candidates)
    for k in ambiguous:
        out[k] = [s for s in candidates[k] if s in kept[k]]
    return out


def placements(figures: list[str], n: int, groups: tuple[int, ...] = (), total_needed: bool = True,
               limit: int = 10_000) -> list[Split] | None:
    """Every way to put a row's figures, in their order, into n cells when the row's blank cells left no trace
    (text without layout: ``一、本年新收 821 35 2 1 859`` for seven columns); a blank is ``""``.

    `groups` are consecutive groups of cells whose last cell is the sum of the
    others (blanks count 0): with `total_needed`, a group holding any figure
    must hold its total; without, a blank total is allowed (a report that fills
    only the applicant columns). None: more ways than `limit`.
    """
    from itertools import combinations

    k = len(figures)
    if k > n or k == 0:
        return []
    if not groups or sum(groups) != n:
        groups = ()
    out: list[Split] = []
    for slots in combinations(range(n), k):
        cells = [""] * n
        for slot, figure in zip(slots, figures):
            cells[slot] = figure
        if groups and not _groups_hold(cells, groups, total_needed):
            continue
        out.append(tuple(cells))
        if len(out) > limit:
            return None
    return out


def _groups_hold(cells: list[str], groups: tuple[int, ...], total_needed: bool) -> bool:
    at = 0
    for size in groups:
        group, at = cells[at:at + size], at + size
        parts, total = group[:-1], group[-1]
        if not total:
            if total_needed and any(parts):
                return False
            continue
        if sum(figure_value(p) for p in parts if p) != figure_value(total):
            return False
    return True


def figure_value(text: str) -> Decimal:
    """The number a figure cut by `splits` stands for (its unit dropped, 减 negative); a blank cell counts 0."""
    text = _UNIT.sub("", text).strip()
    return _value(text) if text else Decimal(0)
