"""Table grids -> template and metrics: the three standard tables as numbers.

One mapper serves every reader. It never trusts positions alone: every row and
column is recognised by its *label*, normalized (`label_core`: width folding,
spacing, （一）/(一)/1./一、 prefixes, parenthetical remarks such as
（区分处理的，只计这一情形…） or （单位：万元）, quotes, 只记 -> 只计,
社会组织 -> 社会公益组织) and compared with the national templates' labels by a
similarity ratio (`difflib`), so small typos (本年度止件数 for 本年废止件数)
still match while 不予公开 does not become 予以公开 (the best candidate must
beat every other candidate).

How the rows of all table grids of a report are read, in order, as one stream
(the three tables may share one grid, or one table may be split over several
grids or pages):

* **header rows** (rows without numbers whose labels are column labels) open a
  *layout*: the table kind (主动公开 / 依申请公开 / 复议诉讼) decided by the labels
  that belong to one table only, and the columns with their grid positions.
  Consecutive header rows add up (申请人情况 / 自然人 法人或其他组织 总计 /
  商业企业 …). A layout stays in force until the next header, also in the next
  grid (a table continued on the next page).
* **data rows** are cut into segments ``labels… values…`` (two rows run together
  in one text line give two segments); the row key comes from the rightmost
  label that matches a template row (so ``（三）不予公开 | 1.属于国家秘密`` is
  ``denied.state_secret``); group rows (（三）不予公开, （六）其他处理) set the group
  that ``3.其他`` needs.
* **values** of a segment are mapped to the layout's columns: in order when
  their number equals the number of columns; else by grid position when the
  layout's header positions are consistent with the row (an extra trailing
  column, blank cells); else, with too many values, the first window that
  satisfies the table's own sums (applicant columns add up to 总计, results
  add up to 总计), or nothing; with too few, from the left (a text row is cut
  at its end, so 行政许可 | 4 | 增4 gives no 处理决定数量).
* table 4's rows of bare numbers fill its 15 slots (复议, 直接起诉, 复议后起诉 ×
  维持/纠正/其他/尚未审结/总计) in order, in one row or several.

Numbers: ``1,234``, ``4279099.95 元``, ``12.5万元`` (converted to the metric's
unit), ``增4``/``减2``/``-3``/``+6``; an empty cell, ``—``, ``-``, ``/``, ``无``
is absent, never 0. The template ("2019" or "2021") is decided by the labels
only one template prints (本年新制作数量 vs 本年制发件数, 其他对外管理服务事项,
the three 其他处理 rows, …), not by the report's year.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from functools import lru_cache

from .record import Metric
from .structure import TableRows
from .textnorm import match_form

ACTIVE, APPLY, APPEALS = "active", "apply", "appeals"
KINDS = (ACTIVE, APPLY, APPEALS)

# ------------------------------------------------------------------ template labels


@dataclass(frozen=True, slots=True)
class Label:
    kind: str
    role: str  # "row", "col", "group" (依申请 outcome groups), "head" (header words that are no column)
    key: str | None
    alts: tuple[str, ...]
    template: str | None = None  # the only template that prints this label
    needs_group: str | None = None  # 3.其他 is a row only under （六）其他处理


def _labels() -> list[Label]:
    L = Label
    out = [
        # table 2, rows
        L(ACTIVE, "row", "rules", ("规章",)),
        L(ACTIVE, "row", "normative", ("规范性文件", "行政规范性文件")),
        L(ACTIVE, "row", "licensing", ("行政许可",)),
        L(ACTIVE, "row", "other_services", ("其他对外管理服务事项",), "2019"),
        L(ACTIVE, "row", "penalty", ("行政处罚",)),
        L(ACTIVE, "row", "coercion", ("行政强制",)),
        L(ACTIVE, "row", "fees", ("行政事业性收费",)),
        L(ACTIVE, "row", "procurement", ("政府集中采购",), "2019"),
        # table 2, columns
        L(ACTIVE, "col", "made", ("本年新制作数量",), "2019"),
        L(ACTIVE, "col", "published", ("本年新公开数量",), "2019"),
        L(ACTIVE, "col", "total_published", ("对外公开总数量",), "2019"),
        L(ACTIVE, "col", "prev_items", ("上一年项目数量",), "2019"),
        L(ACTIVE, "col", "change", ("本年增减", "本年增加减少"), "2019"),
        L(ACTIVE, "col", "decisions", ("处理决定数量", "本年处理决定数量")),
        L(ACTIVE, "col", "items", ("采购项目数量",), "2019"),
        L(ACTIVE, "col", "amount_yuan", ("采购总金额",), "2019"),
        L(ACTIVE, "col", "issued", ("本年制发件数",), "2021"),
        L(ACTIVE, "col", "repealed", ("本年废止件数",), "2021"),
        L(ACTIVE, "col", "in_force", ("现行有效件数",), "2021"),
        L(ACTIVE, "col", "amount_wan", ("本年收费金额",), "2021"),
        L(ACTIVE, "head", None, ("信息内容",)),
        # table 3, rows
        L(APPLY, "row", "new", ("本年新收政府信息公开申请数量", "本年新收申请数量")),
        L(APPLY, "row", "carried_over", ("上年结转政府信息公开申请数量", "上年结转申请数量")),
        L(APPLY, "row", "granted", ("予以公开",)),
        L(APPLY, "row", "partial", ("部分公开",)),
        L(APPLY, "row", "denied.state_secret", ("属于国家秘密",)),
        L(APPLY, "row", "denied.law_forbidden", ("其他法律行政法规禁止公开",)),
        L(APPLY, "row", "denied.security_stability", ("危及三安全一稳定",)),
        L(APPLY, "row", "denied.third_party", ("保护第三方合法权益",)),
        L(APPLY, "row", "denied.internal_affairs", ("属于三类内部事务信息",)),
        L(APPLY, "row", "denied.process_info", ("属于四类过程性信息",)),
        L(APPLY, "row", "denied.enforcement_files", ("属于行政执法案卷",)),
        L(APPLY, "row", "denied.query_items", ("属于行政查询事项",)),
        L(APPLY, "row", "unavailable.not_held", ("本机关不掌握相关政府信息",)),
        L(APPLY, "row", "unavailable.needs_creation", ("没有现成信息需要另行制作",)),
        L(APPLY, "row", "unavailable.unclear", ("补正后申请内容仍不明确",)),
        L(APPLY, "row", "not_processed.petition", ("信访举报投诉类申请",)),
        L(APPLY, "row", "not_processed.duplicate", ("重复申请",)),
        L(APPLY, "row", "not_processed.publication", ("要求提供公开出版物",)),
        L(APPLY, "row", "not_processed.excessive", ("无正当理由大量反复申请",)),
        L(APPLY, "row", "not_processed.confirmation", ("要求行政机关确认或重新出具已获取信息",)),
        L(APPLY, "row", "other.total", ("其他处理",)),
        L(APPLY, "row", "other.no_correction",
          ("申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请", "申请人无正当理由逾期不补正"), "2021"),
        L(APPLY, "row", "other.no_fee",
          ("申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用"), "2021"),
        L(APPLY, "row", "other.other", ("其他",), "2021", needs_group="other"),
        L(APPLY, "row", "total", ("总计",)),
        L(APPLY, "row", "carried_forward", ("结转下年度继续办理",)),
        L(APPLY, "group", "result", ("本年度办理结果",)),
        L(APPLY, "group", "denied", ("不予公开",)),
        L(APPLY, "group", "unavailable", ("无法提供",)),
        L(APPLY, "group", "not_processed", ("不予处理",)),
        # table 3, columns
        L(APPLY, "col", "natural", ("自然人",)),
        L(APPLY, "col", "commercial", ("商业企业",)),
        L(APPLY, "col", "research", ("科研机构",)),
        L(APPLY, "col", "nonprofit", ("社会公益组织", "公益组织")),
        L(APPLY, "col", "legal_services", ("法律服务机构",)),
        L(APPLY, "col", "other", ("其他",)),
        L(APPLY, "col", "total", ("总计",)),
        L(APPLY, "head", None, ("申请人情况",)),
        L(APPLY, "head", None, ("法人或其他组织",)),
        # table 4: leaves are columns; groups head the columns, or label the rows of a transposed table
        L(APPEALS, "col", "upheld", ("结果维持", "维持")),
        L(APPEALS, "col", "corrected", ("结果纠正", "纠正")),
        L(APPEALS, "col", "other", ("其他结果", "其他")),
        L(APPEALS, "col", "pending", ("尚未审结", "未审结")),
        L(APPEALS, "col", "total", ("总计",)),
        L(APPEALS, "head", "review", ("行政复议",)),
        L(APPEALS, "head", "litigation.direct", ("未经复议直接起诉", "直接起诉")),
        L(APPEALS, "head", "litigation.after_review", ("复议后起诉",)),
        L(APPEALS, "head", "litigation", ("行政诉讼",)),
        L(APPEALS, "row", "review", ("行政复议",)),
        L(APPEALS, "row", "litigation.direct", ("未经复议直接起诉", "直接起诉")),
        L(APPEALS, "row", "litigation.after_review", ("复议后起诉",)),
    ]
    return out


LABELS = _labels()
_OTHER_OTHER = next(lab for lab in LABELS if lab.key == "other.other")

ACTIVE_ROWS = ("rules", "normative", "licensing", "other_services", "penalty", "coercion", "fees", "procurement")
ACTIVE_COLUMNS = {
    "2019": {
        "rules": ("made", "published", "total_published"),
        "normative": ("made", "published", "total_published"),
        "licensing": ("prev_items", "change", "decisions"),
        "other_services": ("prev_items", "change", "decisions"),
        "penalty": ("prev_items", "change", "decisions"),
        "coercion": ("prev_items", "change", "decisions"),
        "fees": ("prev_items", "change"),
        "procurement": ("items", "amount_yuan"),
    },
    "2021": {
        "rules": ("issued", "repealed", "in_force"),
        "normative": ("issued", "repealed", "in_force"),
        "licensing": ("decisions",),
        "penalty": ("decisions",),
        "coercion": ("decisions",),
        "fees": ("amount_wan",),
    },
}
ACTIVE_ALLOWED = {
    row: set(ACTIVE_COLUMNS["2019"].get(row, ())) | set(ACTIVE_COLUMNS["2021"].get(row, ())) for row in ACTIVE_ROWS
}
APPLY_COLUMNS = ("natural", "commercial", "research", "nonprofit", "legal_services", "other", "total")
APPLY_OUTCOMES_2019 = (
    "granted", "partial",
    "denied.state_secret", "denied.law_forbidden", "denied.security_stability", "denied.third_party",
    "denied.internal_affairs", "denied.process_info", "denied.enforcement_files", "denied.query_items",
    "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
    "not_processed.petition", "not_processed.duplicate", "not_processed.publication", "not_processed.excessive",
    "not_processed.confirmation",
)
OTHER_2019 = ("other.total",)
OTHER_2021 = ("other.no_correction", "other.no_fee", "other.other")
APPLY_ROWS = {
    "2019": ("new", "carried_over") + APPLY_OUTCOMES_2019 + OTHER_2019 + ("total", "carried_forward"),
    "2021": ("new", "carried_over") + APPLY_OUTCOMES_2019 + OTHER_2021 + ("total", "carried_forward"),
}
APPEAL_GROUPS = ("review", "litigation.direct", "litigation.after_review")
APPEAL_LEAVES = ("upheld", "corrected", "other", "pending", "total")
_APPEAL_CELLS = len(APPEAL_GROUPS) * len(APPEAL_LEAVES)

# ------------------------------------------------------------------ label normalization

_PREFIX = re.compile(
    r"^(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
    r"|第?[一二三四五六七八九十]{1,3}\s*[、.．,，:：]"
    r"|\d{1,2}\s*[.、．,，:：)）](?!\d)"
    r"|[①-⑳⑴-⒇])"
)
_PARENTHETICAL = re.compile(r"[(（\[【][^()（）\[\]【】]*[)）\]】]")
_KEEP = re.compile(r"[^\u4e00-\u9fff0-9a-z]")
_UNCLOSED = re.compile(r"[(（][^()（）]*$")
_UNOPENED = re.compile(r"^[^()（）]*[)）]")
# where a second label starts inside one cell: （三）不予公开 1.属于国家秘密, 三、本年度办理结果（一）予以公开
_INNER_NUMBERING = re.compile(r"(?<=[\u4e00-\u9fff\s])(?=[(（][一二三四五六七八九十]{1,2}[)）]|\d{1,2}[.、．](?!\d))")


def label_parts(text: str) -> list[str]:
    """A label cell cut where a second numbered label starts inside it."""
    return [p for p in _INNER_NUMBERING.split(text) if p.strip()]


@lru_cache(maxsize=65536)  # labels and cells repeat across rows and reports
def label_core(text: str) -> str:
    """The part of a cell that names a row or column, in a form that compares across reports."""
    t = match_form(text)
    t = t.replace("只记", "只计")
    t = re.sub(r"社会(?!公益)组织", "社会公益组织", t)
    for _ in range(3):  # 三、（一）1. …
        m = _PREFIX.match(t)
        if not m:
            break
        t = t[m.end():]
    t = _PARENTHETICAL.sub("", t)
    t = _UNCLOSED.sub("", t)  # a remark cut by a line break: 部分公开（区分处理的，只计这 / 一情形，不计其他情形）
    t = _UNOPENED.sub("", t)
    return _KEEP.sub("", t)


def similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


THRESHOLD = 0.75
MARGIN = 0.05


# Candidates scoring under this can change no answer of match_label: the best must reach THRESHOLD,
# and a rival only matters when it comes within MARGIN of the best.
RELEVANT = THRESHOLD - MARGIN


@lru_cache(maxsize=4096)
def _ranked(core: str, roles: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[tuple[float, int], ...]:
    """Labels that `core` may name, best first, with their scores (RELEVANT or more).

    SequenceMatcher costs about 50 µs a pair and a cell meets some 200
    alternatives, so each pair is first bounded by what a ratio 2M/(|a|+|b|)
    can reach: M is at most the shorter length and at most the characters
    the two share (wide tables of unique cells cost 8 ms a cell before).
    """
    best: dict[int, float] = {}
    for alt, shared in _shared_characters(core).items():
        total = len(core) + len(alt)
        if alt != core and 2 * min(len(core), len(alt), shared) < RELEVANT * total:
            continue
        score = None
        for i in _LABELS_WITH[alt]:
            if LABELS[i].role in roles and LABELS[i].kind in kinds:
                if score is None:
                    score = similarity(core, alt)
                if score > best.get(i, 0.0):
                    best[i] = score
    scores = [(score, i) for i, score in best.items() if score >= RELEVANT]
    scores.sort(key=lambda x: (-x[0], x[1]))
    return tuple(scores)


def _shared_characters(core: str) -> dict[str, int]:
    """For each label alternative sharing a character with `core`: how many (with repeats) they share."""
    shared: dict[str, int] = {}
    for ch, k in Counter(core).items():
        for alt, n in _ALTS_WITH.get(ch, ()):
            shared[alt] = shared.get(alt, 0) + min(k, n)
    return shared


def _alternatives_by_character() -> dict[str, list[tuple[str, int]]]:
    index: dict[str, list[tuple[str, int]]] = {}
    for alt in sorted({alt for label in LABELS for alt in label.alts}):
        for ch, n in Counter(alt).items():
            index.setdefault(ch, []).append((alt, n))
    return index


def _labels_by_alternative() -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, label in enumerate(LABELS):
        for alt in label.alts:
            index.setdefault(alt, []).append(i)
    return index


_ALTS_WITH = _alternatives_by_character()  # character -> (alternative, how often it holds the character)
_LABELS_WITH = _labels_by_alternative()  # alternative -> indexes in LABELS of the labels it spells


def match_label(text: str, roles: tuple[str, ...], kinds: tuple[str, ...] = KINDS, group: str | None = None) -> Label | None:
    """The template label `text` names, among labels of the given roles and kinds, or None.

    The best candidate must reach THRESHOLD and beat every candidate that
    means something else by MARGIN (an exact match always wins).
    """
    core = label_core(text)
    if not core:
        return None
    ranked = [(s, LABELS[i]) for s, i in _ranked(core, roles, kinds)]
    ranked = [(s, lab) for s, lab in ranked if lab.needs_group is None or lab.needs_group == group]
    if not ranked or ranked[0][0] < THRESHOLD:
        return None
    best_score, best = ranked[0]
    if best_score < 1.0:
        for s, other in ranked[1:]:
            if other.key != best.key:
                if best_score - s < MARGIN:
                    return None
                break
    return best


# ------------------------------------------------------------------ numbers

_ABSENT = re.compile(r"^(?:[—\-－–―_/／\\、.。·…*×xX?？]+|无|空|暂无|没有|不适用|未统计|n/?a|null)$", re.IGNORECASE)
_NUMBER = re.compile(
    r"^(?P<sign>增加?|减少?|[+＋\-−－])?"
    r"(?P<int>\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．](?P<frac>\d+))?"
    r"(?P<unit>万元|元|万|件|条|个|项|次|篇|家|人|宗|起)?$"
)
_DIGITS = str.maketrans("０１２３４５６７８９，．＋－", "0123456789,.+-")


@dataclass(frozen=True, slots=True)
class Number:
    value: Decimal
    integral_text: bool
    unit: str | None  # "万元", "元" or None


BLANK, ABSENT, VALUE, TEXT = "blank", "absent", "value", "text"


@lru_cache(maxsize=65536)  # labels and cells repeat across rows and reports
def parse_number(cell: str) -> Number | None:
    """A table cell as a number, or None (see `cell_kind` for absent markers)."""
    t = re.sub(r"\s+", "", cell.translate(_DIGITS))
    m = _NUMBER.match(t)
    if not m:
        return None
    try:
        value = Decimal(m.group("int").replace(",", "").replace("，", "") + ("." + m.group("frac") if m.group("frac") else ""))
    except InvalidOperation:
        return None
    sign = m.group("sign") or ""
    if sign.startswith("减") or sign in ("-", "−", "－"):
        value = -value
    unit = m.group("unit")
    return Number(value, m.group("frac") is None, unit if unit in ("万元", "元", "万") else None)


@lru_cache(maxsize=65536)  # labels and cells repeat across rows and reports
def cell_kind(cell: str) -> str:
    t = cell.strip()
    if not t:
        return BLANK
    if parse_number(t) is not None:
        return VALUE
    if _ABSENT.match(re.sub(r"\s+", "", t)) or re.fullmatch(r"[\d.]+\s*%", t):
        return ABSENT
    return TEXT


def _as_number(d: Decimal, integral: bool) -> int | float:
    if integral and d == d.to_integral_value():
        return int(d)
    return float(d)


def convert(number: Number, column: str, header_unit: str | None) -> int | float:
    """The value of a cell in the unit of its metric (元 for amount_yuan, 万元 for amount_wan)."""
    unit = number.unit or header_unit
    value = number.value
    if column == "amount_yuan" and unit in ("万元", "万"):
        value = value * 10000
        return _as_number(value, True)
    if column == "amount_wan" and unit == "元":
        return float(value / 10000)
    return _as_number(value, number.integral_text)


# ------------------------------------------------------------------ layouts


@dataclass(slots=True)
class Column:
    key: str  # table 2: column key; table 3: applicant column; table 4: "group.leaf"
    start: int | None
    end: int | None
    unit: str | None = None


@dataclass(slots=True)
class Layout:
    kind: str
    columns: list[Column]
    grid: int
    width: int
    positional: bool  # header positions can be trusted for reading rows of the same grid


@dataclass(slots=True)
class _Row:
    cells: list[str]
    kinds: list[str]
    pid: str | None
    grid: int
    width: int
    section: int
    header_labels: dict | None = field(default=None, repr=False, compare=False)  # _header_matches by kinds


MAX_HEADER_ROWS = 6  # a header block is read from its last rows: real ones have 2-4, text-only grids thousands


def _runs(cells: list[str]) -> list[tuple[str, int, int]]:
    """Runs of equal non-empty cells (a merged cell expanded over several columns is one run)."""
    out: list[tuple[str, int, int]] = []
    for i, c in enumerate(cells):
        if not c.strip():
            continue
        if out and out[-1][0] == c and out[-1][2] == i:
            out[-1] = (c, out[-1][1], i + 1)
        else:
            out.append((c, i, i + 1))
    return out


def _unit_of(text: str) -> str | None:
    t = match_form(text)
    if "万元" in t:
        return "万元"
    if "元" in t:
        return "元"
    return None


_HEADER_KEYS = {
    kind: {lab.key for lab in LABELS if lab.kind == kind and lab.role in ("col", "head") and lab.key} for kind in KINDS
}


def _header_matches(row: _Row, kinds: tuple[str, ...] = KINDS) -> list[tuple[Label, int, int, str]]:
    """The column and head labels a row names among `kinds`; computed once per row (header blocks are re-read)."""
    if row.header_labels is None:
        row.header_labels = {}
    out = row.header_labels.get(kinds)
    if out is None:
        out = []
        for text, start, end in _runs(row.cells):
            lab = match_label(text, ("col", "head"), kinds)
            if lab is not None:
                out.append((lab, start, end, text))
        row.header_labels[kinds] = out
    return out


def _header_kind(matches: list[tuple[Label, int, int, str]], section: int) -> str | None:
    votes = {k: 0.0 for k in KINDS}
    for lab, _, _, _ in matches:
        ambiguous = [k for k in KINDS if k != lab.kind and lab.key in _HEADER_KEYS[k]]
        votes[lab.kind] += 0.25 if ambiguous else 1.0
    by_section = {2: ACTIVE, 3: APPLY, 4: APPEALS}.get(section)
    if by_section:
        votes[by_section] += 0.1
    best = max(KINDS, key=lambda k: votes[k])
    return best if votes[best] >= 1.0 else None


def _build_layout(rows: list[_Row]) -> Layout | None:
    """The layout of a block of consecutive header rows (all of one grid)."""
    matches: list[tuple[Label, int, int, str, int]] = []
    for r, row in enumerate(rows):
        matches += [(lab, s, e, t, r) for lab, s, e, t in _header_matches(row)]
    kind = _header_kind([m[:4] for m in matches], rows[-1].section)
    if kind is None:
        return None
    # re-resolve each run within the chosen kind (总计, 其他 exist in several tables)
    mine: list[tuple[Label, int, int, str, int]] = []
    for r, row in enumerate(rows):
        mine += [(lab, s, e, text, r) for lab, s, e, text in _header_matches(row, (kind,))]
    grid, width = rows[-1].grid, rows[-1].width
    if kind == APPEALS:
        return _appeals_layout(mine, rows)
    leaves: dict[str, list[tuple[int, int, str]]] = {}
    placed: set[tuple[str, int, int]] = set()
    for lab, s, e, text, _ in mine:
        if lab.role == "col" and (lab.key, s, e) not in placed:
            placed.add((lab.key, s, e))
            leaves.setdefault(lab.key, []).append((s, e, text))
    if not leaves:
        return None
    positional = all(len(v) == 1 for v in leaves.values())
    if positional:
        spans = sorted((v[0][0], v[0][1]) for v in leaves.values())
        positional = all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    if kind == APPLY:
        canonical = [k for k in APPLY_COLUMNS if k in leaves]
        if positional:
            by_position = sorted(leaves, key=lambda k: leaves[k][0][0])
            positional = by_position == canonical
        order = canonical
    else:
        order = sorted(leaves, key=lambda k: min(s for s, _, _ in leaves[k]))
    columns = []
    for key in order:
        s, e, text = leaves[key][0]
        columns.append(Column(key, s if positional else None, e if positional else None, _unit_of(text)))
    return Layout(kind, columns, grid, width, positional)


def _appeals_layout(mine, rows: list[_Row]) -> Layout | None:
    """Table 4's 15 slots from its header block.

    In a grid with merged cells expanded (every header row as wide as the
    grid), a leaf repeated at the same position is one cell spanning rows. In
    a ragged text grid, positions mean little: 结果维持…总计 of 复议 on one line
    and the ten litigation leaves on the next may both start at column 0, so
    the leaves are taken in reading order.
    """
    grid, width = rows[-1].grid, rows[-1].width
    rectangular = all(len(r.cells) == width for r in rows)
    found: list[tuple[str, int, int]] = []
    for lab, s, e, _, _ in sorted(mine, key=lambda m: (m[4], m[1])):
        if lab.role == "col" and not (rectangular and any(f[1] == s for f in found)):
            found.append((lab.key, s, e))
    if not found:
        return None
    if rectangular:
        found.sort(key=lambda f: f[1])
    starts = [f[1] for f in found]
    positional = all(a < b for a, b in zip(starts, starts[1:]))
    chunks: list[list[tuple[str, int, int]]] = []
    previous: int | None = None
    for key, s, e in found:  # a group's leaves run 结果维持 … 总计; a restart opens the next group
        idx = APPEAL_LEAVES.index(key)
        if previous is None or idx <= previous:
            chunks.append([])
        chunks[-1].append((key, s, e))
        previous = idx
    # which groups the chunks are: the group labels the header prints, in reading order
    named: list[str] = []
    for lab, s, e, _, r in sorted(mine, key=lambda m: (m[4], m[1])):
        if lab.role == "head" and lab.key in APPEAL_GROUPS and lab.key not in named:
            named.append(lab.key)
    named.sort(key=APPEAL_GROUPS.index)
    if len(named) == len(chunks):
        groups = named
    else:
        first = 0
        if named and named[0] != "review" and len(chunks) <= 2:
            first = APPEAL_GROUPS.index(named[0])
        elif not named and len(chunks) <= 2 and any(lab.key == "litigation" for lab, *_ in mine) \
                and not any(lab.key == "review" for lab, *_ in mine):
            first = 1
        groups = list(APPEAL_GROUPS[first:first + len(chunks)])
    columns = []
    for group, chunk in zip(groups, chunks):
        columns += [Column(f"{group}.{key}", s if positional else None, e if positional else None) for key, s, e in chunk]
    if not columns:
        return None
    return Layout(APPEALS, columns, grid, width, positional)


def caption_group(text: str | None) -> str | None:
    """The table-4 group a caption above a grid names (行政复议 / 行政诉讼（未经复议直接起诉）/ …复议后起诉)."""
    t = match_form(text or "")
    if not t or len(t) > 30:
        return None
    if "复议后起诉" in t:
        return "litigation.after_review"
    if "直接起诉" in t:
        return "litigation.direct"
    if "行政复议" in t and "诉讼" not in t:
        return "review"
    return None


def _captioned(layout: Layout, caption: str | None) -> Layout:
    """A table 4 split into one grid per group: the caption above a one-group grid says which group it is."""
    group = caption_group(caption)
    if layout.kind != APPEALS or group is None:
        return layout
    groups = {c.key.rsplit(".", 1)[0] for c in layout.columns}
    if len(groups) != 1:
        return layout
    columns = [Column(f"{group}.{c.key.rsplit('.', 1)[1]}", c.start, c.end, c.unit) for c in layout.columns]
    return Layout(layout.kind, columns, layout.grid, layout.width, layout.positional)


def _default_layout(kind: str, grid: int = -1, width: int = 0) -> Layout:
    if kind == APPLY:
        return Layout(APPLY, [Column(k, None, None) for k in APPLY_COLUMNS], grid, width, False)
    return Layout(APPEALS, [Column(f"{g}.{k}", None, None) for g in APPEAL_GROUPS for k in APPEAL_LEAVES], grid, width, False)


# ------------------------------------------------------------------ reading values

def _sequential(cells: list[str], kinds: list[str], start: int, stop: int) -> list[tuple[int, str]]:
    """Value and absent cells from the first one, blank cells inside kept (as absent), trailing blanks dropped."""
    out: list[tuple[int, str]] = []
    begun = False
    for i in range(start, stop):
        k = kinds[i]
        if k in (VALUE, ABSENT):
            begun = True
            out.append((i, cells[i]))
        elif k == BLANK and begun:
            out.append((i, ""))
    while out and not out[-1][1].strip():
        out.pop()
    return out


def _positional(row: _Row, layout: Layout, columns: list[Column]) -> list[tuple[int, str]] | None:
    """Values read at the header's positions, or None when the row does not line up with them."""
    if not layout.positional or any(c.start is None for c in columns):
        return None
    if row.grid != layout.grid and row.width != layout.width:
        return None
    first = min(c.start for c in columns)
    last = max(c.end for c in columns)
    inside = set()
    for c in columns:
        inside.update(range(c.start, c.end))
    for i, k in enumerate(row.kinds):
        if k == TEXT and i >= first:
            return None
        if k in (VALUE, ABSENT) and i not in inside and i < last:
            return None
    out = []
    for c in columns:
        cells = [row.cells[i] for i in range(c.start, min(c.end, len(row.cells))) if row.cells[i].strip()]
        if len(set(cells)) > 1:
            return None  # two different values under one header cell
        out.append((c.start, cells[0] if cells else ""))
    trailing = [i for i, k in enumerate(row.kinds) if k in (VALUE, ABSENT) and i >= last]
    if trailing and not all(v.strip() for _, v in out):
        return None  # values beyond the header while some columns are blank: the row is shifted
    if not any(v.strip() for _, v in out):
        return None
    return out


def _consistent_window(values: list[tuple[int, str]], columns: list[Column]) -> list[tuple[int, str]] | None:
    """With more values than columns: the first run of len(columns) values that satisfies the table's sums."""
    n = len(columns)
    keys = [c.key for c in columns]
    for offset in range(len(values) - n + 1):
        window = values[offset:offset + n]
        if _sums_hold(keys, [parse_number(v) for _, v in window]):
            return window
    return None


def _sums_hold(keys: list[str], numbers: list[Number | None]) -> bool:
    by_key = dict(zip(keys, numbers))
    groups: list[tuple[list[str], str]] = []
    if "total" in by_key and len(keys) > 2:
        groups.append(([k for k in keys if k != "total"], "total"))
    for g in APPEAL_GROUPS:
        parts = [f"{g}.{k}" for k in APPEAL_LEAVES[:4]]
        if all(p in by_key for p in parts) and f"{g}.total" in by_key:
            groups.append((parts, f"{g}.total"))
    if not groups:
        return False
    for parts, total in groups:
        if any(by_key[p] is None for p in parts) or by_key[total] is None:
            return False
        if sum(by_key[p].value for p in parts) != by_key[total].value:
            return False
    return True


def _cells_after_label(row: _Row, start: int, stop: int) -> range:
    """The cells between the segment's last label and its end, when they are all figures, absent or blank."""
    texts = [i for i in range(start, stop) if row.kinds[i] == TEXT]
    return range(texts[-1] + 1 if texts else start, stop)


def read_values(row: _Row, start: int, stop: int, layout: Layout, columns: list[Column], whole_row: bool) -> list[tuple[Column, str]]:
    """(column, cell) pairs of one row segment; cells that are blank or absent are left out by the caller."""
    seq = _sequential(row.cells, row.kinds, start, stop)
    n = len(columns)
    if len(seq) == n:
        return list(zip(columns, (v for _, v in seq)))
    if whole_row:
        pos = _positional(row, layout, columns)
        if pos is not None:
            return list(zip(columns, (v for _, v in pos)))
    after = _cells_after_label(row, start, stop)
    if len(seq) < n and len(after) == n:
        return list(zip(columns, (row.cells[i] for i in after)))  # 二、上年结转 | | | | | | | 0: blanks hold their places
    if len(seq) > n:
        window = _consistent_window(seq, columns)
        return list(zip(columns, (v for _, v in window))) if window else []
    return list(zip(columns, (v for _, v in seq)))


# ------------------------------------------------------------------ the mapper


@dataclass(slots=True)
class TableResult:
    template: str | None
    metrics: dict[str, Metric] = field(default_factory=dict)
    found: set[str] = field(default_factory=set)  # kinds of standard table recognised
    evidence: dict[str, float] = field(default_factory=dict)  # template votes
    template_passages: list[str] = field(default_factory=list)  # rows whose labels show the template


def _template_votes(rows: list[_Row]) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Votes for each template from the labels only it prints, and the rows that hold them."""
    votes = {"2019": 0.0, "2021": 0.0}
    where: dict[str, list[str]] = {"2019": [], "2021": []}
    for row in rows:
        for text, _, _ in _runs(row.cells):
            if cell_kind(text) != TEXT:
                continue
            lab = match_label(text, ("col", "row"), (ACTIVE, APPLY), group="other")
            if lab is not None and lab.template and lab.key != "other.other":
                votes[lab.template] += 1.0
                if row.pid and row.pid not in where[lab.template]:
                    where[lab.template].append(row.pid)
    return votes, where


def _decide(votes: dict[str, float]) -> str | None:
    if votes["2019"] == votes["2021"]:
        return None
    return "2019" if votes["2019"] > votes["2021"] else "2021"


_TABLE_SECTIONS = (2, 3, 4)


class _Mapper:
    def __init__(self, rows: list[_Row], template_guess: str | None, captions: dict[int, str] | None = None):
        self.rows = rows
        self.captions = captions or {}  # grid -> the short paragraph just above it (### 行政复议)
        self.template_guess = template_guess
        self.metrics: dict[str, Metric] = {}
        self.found: set[str] = set()
        self.layout: Layout | None = None
        self.header: list[_Row] = []  # the header block being read
        self.header_open = False
        self.kind: str | None = None  # the table being read
        self.group: str | None = None  # 依申请 outcome group (denied, unavailable, not_processed, other)
        self.pending: tuple[Label, int] | None = None  # a row label on a line of its own, and its row index
        self.cursor = 0  # next slot of table 4 for rows of bare numbers
        self.last_apply: str | None = None  # the last table-3 row read by its label
        self.unlabelled: list[tuple[_Row, int, int]] = []  # table-3 rows of values whose label was lost

    def put(self, key: str, column: Column, cell: str, row: _Row) -> None:
        number = parse_number(cell) if cell.strip() else None
        if number is None or key in self.metrics:  # blank or absent: left out; the first table to state a key wins
            return
        self.metrics[key] = Metric(convert(number, key.rsplit(".", 1)[-1], column.unit), row.pid)

    def run(self) -> None:
        previous: _Row | None = None
        for index, row in enumerate(self.rows):
            if previous is not None and row.grid != previous.grid and row.section != previous.section \
                    and row.section not in _TABLE_SECTIONS:
                self.kind, self.layout, self.group = None, None, None  # a table of another section
            previous = row
            has_values = any(k in (VALUE, ABSENT) for k in row.kinds)
            if not has_values and _is_header(row):
                if not (self.header_open and self.header and self.header[-1].grid == row.grid):
                    self.header = []
                self.header.append(row)
                del self.header[:-MAX_HEADER_ROWS]
                self.header_open = True
                layout = _build_layout(self.header)
                if layout is not None:
                    if layout.kind != self.kind:
                        self.close_apply()
                        self.group = None
                    layout = _captioned(layout, self.captions.get(row.grid))
                    self.layout, self.kind = layout, layout.kind
                    self.found.add(layout.kind)
                    self.cursor = 0
                continue
            self.header_open = False
            if not has_values and "第二十条" in "".join(row.cells):
                self.close_apply()
                self.kind = ACTIVE
            self.data_row(index, row)
        self.close_apply()

    def data_row(self, index: int, row: _Row) -> None:
        segments = _segments(row)
        for start, stop in segments:
            labels = [row.cells[i] for i in range(start, stop) if row.kinds[i] == TEXT]
            label = self.row_label(labels, row)
            has_values = any(row.kinds[i] in (VALUE, ABSENT) for i in range(start, stop))
            if not has_values:
                if label is not None and label.role == "row":
                    self.pending = (label, index)
                continue
            if label is None and self.pending and self.pending[1] == index - 1 and labels and len(labels[-1]) <= 8:
                label = self.pending[0]  # 补正后申请内容仍 / 不明确 | 0 | 0 …: the label began on the line before
            self.pending = None
            whole = len(segments) == 1
            if label is not None:
                self.labelled(row, label, start, stop, whole)
            elif not labels and (self.kind == APPEALS or (self.kind is None and row.section == 4) or (
                    row.section == 4 and len(_sequential(row.cells, row.kinds, start, stop)) == _APPEAL_CELLS)):
                self.appeals_numbers(row, start, stop, whole)  # fifteen figures in section 4 are table 4
            elif self.kind == APPLY and len(_sequential(row.cells, row.kinds, start, stop)) == len(APPLY_COLUMNS):
                self.unlabelled.append((row, start, stop))  # its place in the template tells which row it is

    def row_label(self, labels: list[str], row: _Row) -> Label | None:
        if self.kind is None and row.section not in _TABLE_SECTIONS:
            return None  # 行政处罚 in a table of the 总体情况 section is not table 2
        labels = [part for text in labels for part in label_parts(text)]
        for text in labels:  # groups, left to right: （三）不予公开 | 1.属于国家秘密
            lab = match_label(text, ("row", "group"), group="other")
            if lab is None or lab.kind != APPLY:
                continue
            if lab.role == "group":
                self.group = lab.key
            elif lab.key == "other.total":
                self.group = "other"
        for text in reversed(labels):  # the most specific label: the rightmost that names a row
            lab = match_label(text, ("row", "group"), group=self.group)
            if lab is None or lab.role != "row":
                continue
            if lab.kind == APPEALS and not (self.kind == APPEALS or row.section == 4):
                continue  # 行政复议 labels rows only in a transposed table 4
            if lab.kind == APPLY and lab.key in ("new", "carried_over", "granted", "partial", "total", "carried_forward"):
                self.group = None
            return lab
        if self.kind == APPLY and labels and label_core(labels[-1]) == "其他" and self.last_apply \
                and self.last_apply.startswith(("not_processed.", "other.no_")):
            return _OTHER_OTHER  # 3.其他 after the 不予处理 rows, where the （六）其他处理 cell was lost
        return None

    def labelled(self, row: _Row, label: Label, start: int, stop: int, whole: bool) -> None:
        layout = self.layout
        if label.kind == ACTIVE:
            allowed = ACTIVE_ALLOWED[label.key]
            if layout is None or layout.kind != ACTIVE or not all(c.key in allowed for c in layout.columns):
                # no header for this row: the template's columns for it
                template = self.template_guess or ("2019" if label.key in ("other_services", "procurement") else "2021")
                keys = ACTIVE_COLUMNS[template].get(label.key) or ACTIVE_COLUMNS["2019"][label.key]
                layout = Layout(ACTIVE, [Column(k, None, None) for k in keys], -1, 0, False)
            columns = layout.columns
            prefix = f"active.{label.key}."
        elif label.kind == APPLY:
            if layout is None or layout.kind != APPLY or len(layout.columns) < len(APPLY_COLUMNS) - 1:
                layout = _default_layout(APPLY)  # a header that kept fewer columns is broken: the template's seven
            columns = layout.columns
            prefix = f"apply.{label.key}."
            self.fill_unlabelled(label.key)
            self.last_apply = label.key
        else:  # a row of a transposed table 4: 行政复议 | 0 | 0 | 0 | 0 | 0
            if layout is None or layout.kind != APPEALS:
                layout = _default_layout(APPEALS)
            columns, seen = [], set()
            for c in layout.columns:
                leaf = c.key.rsplit(".", 1)[-1]
                if leaf not in seen:
                    seen.add(leaf)
                    columns.append(Column(leaf, None, None))
            prefix = f"{label.key}."
        self.kind = label.kind
        self.found.add(label.kind)
        for column, cell in read_values(row, start, stop, layout, columns, whole):
            self.put(prefix + column.key, column, cell, row)

    def fill_unlabelled(self, next_key: str | None) -> None:
        """Give table-3 rows that lost their labels the template rows between the labelled rows around them.

        Only when the number of such rows equals the number of template rows in
        the gap (both templates agreeing when the report's is unknown); else
        they stay unread.
        """
        if not self.unlabelled:
            return
        rows, self.unlabelled = self.unlabelled, []
        gaps = set()
        if self.last_apply is None and next_key is None:
            return
        for template in ([self.template_guess] if self.template_guess else ["2019", "2021"]):
            order = APPLY_ROWS[template]
            if any(key is not None and key not in order for key in (self.last_apply, next_key)):
                continue  # a row this template does not have
            first = order.index(self.last_apply) + 1 if self.last_apply else 0
            last = order.index(next_key) if next_key else len(order)
            gaps.add(order[first:last])
        if len(gaps) != 1:
            return
        keys = gaps.pop()
        if len(keys) != len(rows):
            return
        layout = _default_layout(APPLY)
        for key, (row, start, stop) in zip(keys, rows):
            for column, cell in read_values(row, start, stop, layout, layout.columns, False):
                self.put(f"apply.{key}.{column.key}", column, cell, row)

    def close_apply(self) -> None:
        """The end of table 3: rows without labels after the last labelled one fill the template to its end."""
        if self.unlabelled and self.last_apply is not None:
            self.fill_unlabelled(None)
        self.unlabelled = []
        self.last_apply = None

    def appeals_numbers(self, row: _Row, start: int, stop: int, whole: bool) -> None:
        """A row of bare numbers in table 4: the next slots of 复议 / 直接起诉 / 复议后起诉."""
        layout = self.layout if self.layout is not None and self.layout.kind == APPEALS else _default_layout(APPEALS)
        seq = _sequential(row.cells, row.kinds, start, stop)
        if self.cursor == 0 and len(seq) == _APPEAL_CELLS and len(layout.columns) != _APPEAL_CELLS:
            layout = _default_layout(APPEALS)  # fifteen figures are the template's fifteen cells, whatever the header kept
        slots = layout.columns
        if self.cursor == 0 and len(seq) >= len(slots):
            pairs = read_values(row, start, stop, layout, slots, whole)
            self.cursor = len(slots)
        else:
            pos = _positional(row, layout, slots) if whole and self.cursor == 0 else None
            if pos is not None:
                pairs = [(c, v) for c, (_, v) in zip(slots, pos)]
                filled = [i for i, (_, v) in enumerate(pos) if v.strip()]
                self.cursor = max(filled) + 1
            else:
                rest = slots[self.cursor:]
                pairs = list(zip(rest, (v for _, v in seq)))
                self.cursor += min(len(seq), len(rest))
        if pairs:
            self.found.add(APPEALS)
        for column, cell in pairs:
            self.put(column.key, column, cell, row)


def _is_header(row: _Row) -> bool:
    """A row without numbers is a header when it names columns: two labels, or one that names no row."""
    matches = _header_matches(row)
    if len(matches) >= 2:
        return True
    return len(matches) == 1 and match_label(matches[0][3], ("row", "group"), group="other") is None


def _segments(row: _Row) -> list[tuple[int, int]]:
    """Cut a row into label…value… segments (two rows run together in one text line)."""
    cuts = [0]
    seen_value = False
    for i, k in enumerate(row.kinds):
        if k in (VALUE, ABSENT):
            seen_value = True
        elif k == TEXT and seen_value:
            cuts.append(i)
            seen_value = False
    cuts.append(len(row.cells))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


def map_tables(tables: list[TableRows]) -> TableResult:
    """Template, metrics and recognised tables of a report's table grids."""
    rows: list[_Row] = []
    for g, t in enumerate(tables):
        width = max((len(r) for r in t.table.rows), default=0)
        for cells, pid in zip(t.table.rows, t.passage_ids):
            cells = [c or "" for c in cells]
            rows.append(_Row(cells, [cell_kind(c) for c in cells], pid, g, width, t.section))
    votes, where = _template_votes(rows)
    captions = {g: t.caption for g, t in enumerate(tables) if t.caption}
    mapper = _Mapper(rows, _decide(votes), captions)
    mapper.run()
    metrics = mapper.metrics
    for key in metrics:  # what the report actually filled in also tells the template
        if key.startswith("apply.other."):
            votes["2021" if key.split(".")[2] in ("no_correction", "no_fee", "other") else "2019"] += 0.5
    template = _decide(votes) if mapper.found & {ACTIVE, APPLY} else None
    return TableResult(template, metrics, mapper.found, votes, where.get(template, [])[:4] if template else [])


def _metric_keys() -> tuple[str, ...]:
    """Every metric key of spec/report.md in a stable, documented order.

    Table 2 row by row (2021 columns, then the 2019 ones), the two prose
    metrics, table 3 row by row (the 2019 and 2021 其他处理 rows both), table 4
    group by group. Exports use this order for their columns.
    """
    keys = ["active.published_total"]
    for row in ACTIVE_ROWS:
        columns = dict.fromkeys(ACTIVE_COLUMNS["2021"].get(row, ()) + ACTIVE_COLUMNS["2019"].get(row, ()))
        keys += [f"active.{row}.{column}" for column in columns]
    keys.append("fees.processing_yuan")
    rows = ("new", "carried_over") + APPLY_OUTCOMES_2019 + OTHER_2019 + OTHER_2021 + ("total", "carried_forward")
    keys += [f"apply.{row}.{column}" for row in rows for column in APPLY_COLUMNS]
    keys += [f"{group}.{leaf}" for group in APPEAL_GROUPS for leaf in APPEAL_LEAVES]
    return tuple(keys)


METRIC_KEYS = _metric_keys()
