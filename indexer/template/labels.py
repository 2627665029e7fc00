"""The national templates' labels and how a printed label is matched to one.

`label_core` normalizes a cell's text (width, spacing, numbering prefixes, parenthetical remarks, quotes,
只记 -> 只计, 社会组织 -> 社会公益组织); `match_label` compares it with every template label by a similarity
ratio and takes the best one only when it beats every other candidate (本年度止件数 is 本年废止件数, 不予公开
never 予以公开). The row and column keys of the three tables are here too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ..textnorm import match_form, simplified

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
        L(ACTIVE, "row", "normative", ("规范性文件", "行政规范性文件", "规范性档案")),  # 档案: a mirror's Taiwan-usage conversion of 文件
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
        L(ACTIVE, "col", "change", ("本年增减", "本年增加减少", "本年增"), "2019"),  # 本年增/: a mirror lost the 减
        L(ACTIVE, "col", "decisions", ("处理决定数量", "本年处理决定数量")),
        L(ACTIVE, "col", "items", ("采购项目数量",), "2019"),
        L(ACTIVE, "col", "amount_yuan", ("采购总金额",), "2019"),
        L(ACTIVE, "col", "issued", ("本年制发件数",), "2021"),
        L(ACTIVE, "col", "repealed", ("本年废止件数",), "2021"),
        L(ACTIVE, "col", "in_force", ("现行有效件数", "现行有效件"), "2021"),
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
OTHER_OTHER = next(lab for lab in LABELS if lab.key == "other.other")

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
APPEAL_CELLS = len(APPEAL_GROUPS) * len(APPEAL_LEAVES)

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
    t = simplified(match_form(text))
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


@lru_cache(maxsize=65536)  # a report asks about 470 times, mostly the templates' own labels and figures
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


# Column headers sites print in other words than the templates' (本年度增/减 for 本年增/减). `match_label` takes them
# by likeness; they are no alternatives of the label itself, whose likeness would then take a cell holding a piece of
# another label (三、本年度, of 本年度办理结果) for that column. Cutting a header cell or run of header text into
# the labels it holds needs them whole.
PRINTED_COLUMN_WORDS = {ACTIVE: {"change": ("本年度增减",)}}


def _printed_words(lab: Label) -> tuple[str, ...]:
    return PRINTED_COLUMN_WORDS.get(lab.kind, {}).get(lab.key, ()) if lab.role == "col" else ()


@lru_cache(maxsize=4096)
def glued_columns(text: str, kinds: tuple[str, ...] = KINDS) -> tuple[Label, ...]:
    """The column labels of one table a header cell holds one after another with nothing between them (上一年项目数量
    本年增/减, two header cells a converter put in one): those labels in order when they make up the whole cell and
    are two or more, else (). A cell that is one label, or holds anything else, is no such cell."""
    core = label_core(text)
    if len(core) < 4:
        return ()
    for kind in kinds:
        alts = [(label_core(a), lab) for lab in LABELS if lab.kind == kind and lab.role == "col"
                for a in lab.alts + _printed_words(lab)]
        alts = [(a, lab) for a, lab in alts if len(a) >= 2]

        def cut(at: int) -> tuple[Label, ...] | None:
            if at == len(core):
                return ()
            for alt, lab in sorted(alts, key=lambda x: -len(x[0])):
                if core.startswith(alt, at):
                    rest = cut(at + len(alt))
                    if rest is not None:
                        return (lab,) + rest
            return None

        found = cut(0)
        if found and len(found) >= 2:
            return found
    return ()


_TEMPLATE_WORDS = {
    "2019": ("本年新制作数量", "上一年项目数量", "其他对外管理服务事项", "政府集中采购"),
    "2021": ("本年制发件数", "本年收费金额", "逾期不补正", "缴纳费用"),
}


def template_of_text(text: str) -> str | None:
    """The template whose own words (本年新制作数量 … or 本年制发件数 …) a text holds more of, wherever it prints
    them (a header that ran together, or a header a converter left as paragraphs), or None."""
    t = simplified(match_form(text))
    votes = {k: sum(w in t for w in words) for k, words in _TEMPLATE_WORDS.items()}
    if votes["2019"] == votes["2021"]:
        return None
    return "2019" if votes["2019"] > votes["2021"] else "2021"


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
