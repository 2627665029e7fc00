"""pdfplumber's table finder, with its cells found from the ruling lines' intersections in linear time.

pdfplumber's `intersections_to_cells` looks from every intersection at every
later one for the points below and to the right, and rebuilds the sets of
edges through two points for each comparison: quadratic in the intersections
of a page, and a tenth of the CPU of reading the benchmark's PDFs (profiled).
`intersections_to_cells` here gives the same cells in the same order: the
points below and to the right of a point are the rest of its column and of its
row in sorted order, and each point's edges are made a set once.
`TableFinder` is pdfplumber's with that one step replaced, and with a table's open ends closed
(`closing_edges`): a browser that breaks a ruled table across pages draws no rule under the last row of
the page and none over the first row of the next, so those rows had no cell and came out as paragraphs;
a table wider than the page (a fixed width printed on a narrow page) loses the rule at its right side, so
its last column had no cell and a figure in it (or in a cell spanning to it) was left out.
"""

from __future__ import annotations

from pdfplumber import table as plumber_table
from pdfplumber.utils.geometry import bbox_getter

Point = tuple[float, float]


def intersections_to_cells(intersections: dict) -> list[tuple[float, float, float, float]]:
    """The smallest cell whose top-left corner is each intersection, as pdfplumber finds them."""
    points = sorted(intersections)
    vertical = {p: frozenset(map(bbox_getter, edges["v"])) for p, edges in intersections.items()}
    horizontal = {p: frozenset(map(bbox_getter, edges["h"])) for p, edges in intersections.items()}
    column: dict[float, list[Point]] = {}  # x -> its points from the top
    row: dict[float, list[Point]] = {}  # top -> its points from the left
    for p in points:
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)
    place_in_column = {p: i for ps in column.values() for i, p in enumerate(ps)}
    place_in_row = {p: i for ps in row.values() for i, p in enumerate(ps)}

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2]):
            return True
        return p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])

    def smallest_cell(pt: Point) -> tuple[float, float, float, float] | None:
        below = column[pt[0]][place_in_column[pt] + 1:]
        right = row[pt[1]][place_in_row[pt] + 1:]
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                bottom_right = (right_pt[0], below_pt[1])
                if (bottom_right in intersections and connects(bottom_right, right_pt)
                        and connects(bottom_right, below_pt)):
                    return (pt[0], pt[1], bottom_right[0], bottom_right[1])
        return None

    return [cell for cell in map(smallest_cell, points[:-1]) if cell]


_TOL = 1.0  # points: rule ends this close are one end
_MIN_ROW = 6.0  # points: a closing rule makes a row at least this tall (a vertical's overshoot past the last rule is none)


def closing_edges(edges: list[dict]) -> list[dict]:
    """Horizontal rules where a table's vertical rules end together with no rule across them: three or more
    verticals that stop at the same height, each with a rule across it further in (the table's last or first rule
    on the page) and none where they stop. A table broken across pages is so open at the page's foot and head; the
    rules further in need not each run across all of them (a group cell spanning rows on from the page before has
    its next rule further down than the rows beside it)."""
    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h"]
    out: list[dict] = []
    for end, inward in (("bottom", -1), ("top", 1)):
        for y, xs in _ends(verticals, end):
            open_xs = [x for x in xs if _open_at(x, y, inward, horizontals)]
            if len(open_xs) < 3:
                continue
            left, right = open_xs[0], open_xs[-1]
            out.append({"object_type": "line", "orientation": "h", "x0": left, "x1": right, "top": y, "bottom": y,
                        "doctop": y, "width": right - left, "height": 0.0})
    return out


def _open_at(x: float, y: float, inward: int, horizontals: list[dict]) -> bool:
    """A vertical rule at `x` ending at `y` is open there: no rule across it at `y`, and the nearest rule across it
    further in at least `_MIN_ROW` away (a rule just short of the end is the table's own: the vertical overshoots)."""
    across = [h["top"] for h in horizontals if h["x0"] <= x + _TOL and h["x1"] >= x - _TOL]
    if any(abs(t - y) <= _TOL for t in across):
        return False  # closed already
    inner = [abs(y - t) for t in across if (y - t) * -inward > 0]
    return bool(inner) and min(inner) >= _MIN_ROW


def closing_verticals(edges: list[dict]) -> list[dict]:
    """Vertical rules where a table's rows are open at a side: between two rules across a row (at least
    `_MIN_ROW` apart) that end at the same x, a vertical rule further in spanning that row, and none at that x.
    A browser that prints a table wider than its page draws the rows' rules out to the table's edge past the
    page's, but not the vertical rule there."""
    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h"]
    out: list[dict] = []
    for end, inward in (("x1", -1), ("x0", 1)):
        for x, ys in _ends(horizontals, end, "top"):
            for a, b in zip(ys, ys[1:]):
                if b - a < _MIN_ROW:
                    continue
                spanning = [v["x0"] for v in verticals if v["top"] <= a + _TOL and v["bottom"] >= b - _TOL]
                if any(abs(vx - x) <= _TOL for vx in spanning):
                    continue  # closed already
                inner = [vx for vx in spanning if (x - vx) * -inward > _MIN_ROW]
                if not inner:
                    continue
                out.append({"object_type": "line", "orientation": "v", "x0": x, "x1": x, "top": a, "bottom": b,
                            "doctop": a, "width": 0.0, "height": b - a})
    return out


def _ends(rules: list[dict], end: str, across: str = "x0") -> list[tuple[float, list[float]]]:
    """Where three or more rules end together (at their `end`), with their positions across (`across`), ascending:
    verticals' heights with their x positions, or horizontals' x with their heights."""
    groups: list[tuple[float, list[float]]] = []
    for e in sorted(rules, key=lambda e: e[end]):
        if groups and e[end] - groups[-1][0] <= _TOL:
            groups[-1][1].append(e[across])
        else:
            groups.append((e[end], [e[across]]))
    return [(at, sorted(positions)) for at, positions in groups if len(positions) >= 3]


class TableFinder(plumber_table.TableFinder):
    """pdfplumber's `TableFinder` (0.11), its cells from `intersections_to_cells` above, open table ends closed."""

    def __init__(self, page, settings=None):
        self.page = page
        self.settings = plumber_table.TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.edges += closing_edges(self.edges)
        self.edges += closing_verticals(self.edges)
        self.intersections = plumber_table.edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [plumber_table.Table(self.page, group) for group in plumber_table.cells_to_tables(self.cells)]
