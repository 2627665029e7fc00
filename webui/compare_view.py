"""Two reports side by side, passage by passage, and their figures in one table: `/compare?a=<id>&b=<id>`.

Shared by the page and `/api/compare`. Paragraphs are paired with the
measure of the copy checks (`indexer.copies`: equal or nearly equal once
numbers and years are set aside), kept in reading order; a pair whose texts
differ is *changed*, with the changed characters marked (`<del>` in A,
`<ins>` in B, everything else escaped). Table rows are left to the figures
table, which gives both values of every metric and their difference.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from indexer.copies import ProseIndex, ProsePassage, compare_prose, normalise, prose_of
from indexer.engine import Index
from indexer.metric_names import metric_label
from indexer.search import report_url
from indexer.template import METRIC_KEYS

from .params import ParamError
from .report_page import load_record

SAME, CHANGED, ONLY_A, ONLY_B = "same", "changed", "only_a", "only_b"
STATUS_NAMES = {SAME: "相同", CHANGED: "有改动", ONLY_A: "仅见于A", ONLY_B: "仅见于B"}


@dataclass(frozen=True)
class Row:
    status: str
    a: dict | None  # passage {id, text}
    b: dict | None
    a_html: Markup | None = None
    b_html: Markup | None = None


_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|.", re.S)  # a number is one token: 347 -> 3305 is marked whole


def marked(a: str, b: str) -> tuple[Markup, Markup]:
    """Both texts escaped, with what A lost in <del> and what B gained in <ins> (characters; numbers whole)."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(escape("".join(ta[i1:i2])))
            right.append(escape("".join(tb[j1:j2])))
            continue
        if i2 > i1:
            left.append(Markup("<del>%s</del>") % "".join(ta[i1:i2]))
        if j2 > j1:
            right.append(Markup("<ins>%s</ins>") % "".join(tb[j1:j2]))
    return Markup("").join(left), Markup("").join(right)


def paragraphs(record: dict) -> list[dict]:
    return [p for p in record.get("passages", []) if p.get("kind") == "paragraph"]


def align(a: list[dict], b: list[dict]) -> list[Row]:
    """Rows in reading order: each A paragraph with its match in B (used once), B's own paragraphs where they fall."""
    b_norm = [ProsePassage(p["id"], normalise(p["text"])) for p in b]
    index = ProseIndex(b_norm)
    used: set[int] = set()
    rows: list[Row] = []
    next_b = 0

    def only_b_until(stop: int) -> None:
        nonlocal next_b
        for k in range(next_b, stop):
            if k not in used:
                used.add(k)
                rows.append(Row(ONLY_B, None, b[k]))
        next_b = max(next_b, stop)

    for p in a:
        hit = index.best(normalise(p["text"]), used)
        k = hit[0] if hit else None
        if k is None:
            rows.append(Row(ONLY_A, p, None))
            continue
        if k >= next_b:
            only_b_until(k)
            next_b = k + 1
        used.add(k)
        other = b[k]
        if p["text"] == other["text"]:
            rows.append(Row(SAME, p, other))
        else:
            rows.append(Row(CHANGED, p, other, *marked(p["text"], other["text"])))
    only_b_until(len(b))
    return rows


def _value(record: dict, key: str) -> dict | None:
    metric = (record.get("metrics") or {}).get(key)
    if not metric:
        return None
    return {"value": metric["value"], "passage": metric.get("passage"),
            "url": report_url(record["id"], passage=metric.get("passage"))}


def figures(a: dict, b: dict) -> list[dict]:
    """Every metric either report states: both values and B − A."""
    out = []
    for key in METRIC_KEYS:
        va, vb = _value(a, key), _value(b, key)
        if va is None and vb is None:
            continue
        difference = None
        if va is not None and vb is not None:
            difference = vb["value"] - va["value"]
            if isinstance(difference, float):
                difference = round(difference, 4)
        out.append({"key": key, "label": metric_label(key), "a": va, "b": vb, "difference": difference})
    return out


def _summary(record: dict) -> dict:
    return {"id": record["id"], "title": record["title"], "agency": record.get("agency"),
            "agency_id": record.get("agency_id"), "year": record.get("year"), "url": report_url(record["id"])}


def comparison(ix: Index, a_id: str, b_id: str) -> dict:
    """The compare view's data: both reports, the aligned paragraphs, shares of copied prose, figures."""
    if not a_id or not b_id:
        raise ParamError("a" if not a_id else "b",
                         "请用 a 和 b 两个参数给出要比较的两份报告的编号，例如 /compare?a=报告编号&b=报告编号。")
    a, b = load_record(ix, a_id), load_record(ix, b_id)
    rows = align(paragraphs(a), paragraphs(b))
    prose_a, prose_b = prose_of(a.get("passages", [])), prose_of(b.get("passages", []))
    counts = {status: sum(r.status == status for r in rows) for status in STATUS_NAMES}
    return {
        "a": _summary(a),
        "b": _summary(b),
        "copied": {"b_in_a": round(compare_prose(prose_b, prose_a).share, 3),
                   "a_in_b": round(compare_prose(prose_a, prose_b).share, 3)},
        "counts": counts,
        "rows": rows,
        "figures": figures(a, b),
    }


def as_json(data: dict) -> dict:
    """The comparison for the API: rows as plain objects, marks as HTML strings."""
    return dict(data, rows=[
        {"status": r.status, "a": r.a and {"id": r.a["id"], "text": r.a["text"]},
         "b": r.b and {"id": r.b["id"], "text": r.b["text"]},
         **({"a_html": str(r.a_html), "b_html": str(r.b_html)} if r.status == CHANGED else {})}
        for r in data["rows"]])
