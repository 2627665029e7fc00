"""Header rows -> a layout: which table a grid's header opens and the columns it names, with their positions.

Consecutive header rows add up (申请人情况 / 自然人 法人或其他组织 总计 / 商业企业 …); a layout stays in force
until the next header, also in the next grid (a table continued on the next page). Table 4's header is read
in reading order for ragged grids; a caption (### 行政复议) names the group of a one-group table-4 grid.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..template.labels import (ACTIVE, glued_columns, APPEAL_GROUPS, APPEAL_LEAVES, APPEALS, APPLY, APPLY_COLUMNS, KINDS, LABELS, Label,
                               label_core, match_label)
from ..textnorm import match_form, simplified

UNIT_UNKNOWN = "?"  # a column the template gave a row whose header was not read: its money unit is not known


@dataclass(slots=True)
class Column:
    key: str  # table 2: column key; table 3: applicant column; table 4: "group.leaf"
    start: int | None
    end: int | None
    unit: str | None = None  # the money unit its header printed; UNIT_UNKNOWN when no header was read for it
    glued: bool = False  # its header cell held another column's label too (上一年项目数量本年增/减)


@dataclass(slots=True)
class Layout:
    kind: str
    columns: list[Column]
    grid: int
    width: int
    positional: bool  # header positions can be trusted for reading rows of the same grid


@dataclass(slots=True)
class Row:
    cells: list[str]
    kinds: list[str]
    pid: str | None
    grid: int
    width: int
    section: int
    header_labels: dict | None = field(default=None, repr=False, compare=False)  # header_matches by kinds
    used: int | None = field(default=None, repr=False, compare=False)  # the grid's columns up to its last text


MAX_HEADER_ROWS = 6  # a header block is read from its last rows: real ones have 2-4, text-only grids thousands


def header_runs(cells: list[str]) -> list[tuple[str, int, int]]:
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
    t = simplified(match_form(text))
    if "万元" in t:
        return "万元"
    if "元" in t:
        return "元"
    return None


_HEADER_KEYS = {
    kind: {lab.key for lab in LABELS if lab.kind == kind and lab.role in ("col", "head") and lab.key} for kind in KINDS
}


def header_matches(row: Row, kinds: tuple[str, ...] = KINDS) -> list[tuple[Label, int, int, str]]:
    """The column and head labels a row names among `kinds`; computed once per row (header blocks are re-read)."""
    if row.header_labels is None:
        row.header_labels = {}
    out = row.header_labels.get(kinds)
    if out is None:
        out = []
        for text, start, end in header_runs(row.cells):
            glued = glued_columns(text, kinds)
            if glued:  # 上一年项目数量本年增/减 in one cell: both columns, where the cell stands
                out += [(lab, start, end, text) for lab in glued]
                continue
            lab = match_label(text, ("col", "head"), kinds)
            if lab is not None:
                out.append((lab, start, end, text))
            else:
                out += [(c, start + i, start + i + 1, text) for i, c in enumerate(_cut_short(text, end - start, kinds))]
        row.header_labels[kinds] = out
    return out


def _cut_short(text: str, width: int, kinds: tuple[str, ...]) -> list[Label]:
    """The columns a header cell cut short names when it spans as many columns as it can start (本年新 | 本年新, the
    制作数量 and 公开数量 of 本年新<br>制作数量 lost): those columns in the template's order; else none."""
    core = label_core(text)
    if width < 2 or len(core) < 2:
        return []
    found = [lab for lab in LABELS if lab.kind in kinds and lab.role == "col" and any(a.startswith(core) for a in lab.alts)]
    return found if len(found) == width and len({lab.kind for lab in found}) == 1 else []


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


def build_layout(rows: list[Row]) -> Layout | None:
    """The layout of a block of consecutive header rows (all of one grid)."""
    matches: list[tuple[Label, int, int, str, int]] = []
    for r, row in enumerate(rows):
        matches += [(lab, s, e, t, r) for lab, s, e, t in header_matches(row)]
    kind = _header_kind([m[:4] for m in matches], rows[-1].section)
    if kind is None:
        return None
    # re-resolve each run within the chosen kind (总计, 其他 exist in several tables)
    mine: list[tuple[Label, int, int, str, int]] = []
    for r, row in enumerate(rows):
        mine += [(lab, s, e, text, r) for lab, s, e, text in header_matches(row, (kind,))]
    grid, width = rows[-1].grid, rows[-1].width
    if kind == APPEALS:
        return _appeals_layout(mine, rows)
    leaves: dict[str, list[tuple[int, int, str]]] = {}
    placed: set[tuple[str, int, int]] = set()
    for lab, s, e, text, r in mine:
        if lab.role == "col" and (lab.key, s, e) not in placed:
            placed.add((lab.key, s, e))
            if kind == ACTIVE:  # 本年增/减 | (blank) |: a converter wrote the cell's span as blank cells after it
                cells = rows[r].cells
                while e < len(cells) and not cells[e].strip() and not any(s2 <= e < e2 for _, s2, e2, _, _ in mine):
                    e += 1
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
        columns.append(Column(key, s if positional else None, e if positional else None, _unit_of(text),
                              glued=bool(glued_columns(text, (kind,)))))
    return Layout(kind, columns, grid, width, positional)


def _appeals_layout(mine, rows: list[Row]) -> Layout | None:
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


def captioned(layout: Layout, caption: str | None) -> Layout:
    """A table 4 split into one grid per group: the caption above a one-group grid says which group it is."""
    group = caption_group(caption)
    if layout.kind != APPEALS or group is None:
        return layout
    groups = {c.key.rsplit(".", 1)[0] for c in layout.columns}
    if len(groups) != 1:
        return layout
    columns = [Column(f"{group}.{c.key.rsplit('.', 1)[1]}", c.start, c.end, c.unit) for c in layout.columns]
    return Layout(layout.kind, columns, layout.grid, layout.width, layout.positional)


def default_layout(kind: str, grid: int = -1, width: int = 0) -> Layout:
    if kind == APPLY:
        return Layout(APPLY, [Column(k, None, None) for k in APPLY_COLUMNS], grid, width, False)
    return Layout(APPEALS, [Column(f"{g}.{k}", None, None) for g in APPEAL_GROUPS for k in APPEAL_LEAVES], grid, width, False)
