"""pdfplumber's table finder, with its cells found from the ruling lines' intersections in linear time.

pdfplumber's `intersections_to_cells` looks from every intersection at every
later one for the points below and to the right, and rebuilds the sets of
edges through two points for each comparison: quadratic in the intersections
of a page, and a tenth of the CPU of reading the benchmark's PDFs (profiled).
`intersections_to_cells` here gives the same cells in the same order: the
points below and to the right of a point are the rest of its column and of its
row in sorted order, and each point's edges are made a set once.
`TableFinder` is pdfplumber's with that one step replaced.
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


class TableFinder(plumber_table.TableFinder):
    """pdfplumber's `TableFinder` (0.11), its cells from `intersections_to_cells` above."""

    def __init__(self, page, settings=None):
        self.page = page
        self.settings = plumber_table.TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = plumber_table.edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [plumber_table.Table(self.page, group) for group in plumber_table.cells_to_tables(self.cells)]
