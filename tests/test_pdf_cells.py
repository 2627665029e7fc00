"""The table finder's cells from ruling-line intersections: exactly pdfplumber's, found without its quadratic search."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber import table as plumber_table

from indexer.readers.pdf_cells import intersections_to_cells


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"object_type": "line", "orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": top, "width": x1 - x0, "height": bottom - top}


@st.composite
def ruled_grids(draw):
    """Rules of a grid with some segments missing (merged cells, broken lines) and some strays."""
    xs = sorted(draw(st.sets(st.integers(0, 60), min_size=2, max_size=8)))
    ys = sorted(draw(st.sets(st.integers(0, 60), min_size=2, max_size=8)))
    edges = []
    for y in ys:
        for a, b in zip(xs, xs[1:]):
            if draw(st.integers(0, 5)):
                edges.append(_edge("h", a * 10.0, y * 10.0, b * 10.0, y * 10.0))
    for x in xs:
        for a, b in zip(ys, ys[1:]):
            if draw(st.integers(0, 5)):
                edges.append(_edge("v", x * 10.0, a * 10.0, x * 10.0, b * 10.0))
    for _ in range(draw(st.integers(0, 3))):  # strays that cross the grid
        x0, x1 = sorted(draw(st.tuples(st.integers(0, 600), st.integers(0, 600))))
        y = draw(st.integers(0, 600))
        edges.append(_edge("h", float(x0), float(y), float(x1 + 1), float(y)))
    return edges


@given(ruled_grids())
@settings(max_examples=300, deadline=None)
def test_the_cells_are_pdfplumbers(edges):
    intersections = plumber_table.edges_to_intersections(edges, 3, 3)
    assert intersections_to_cells(intersections) == plumber_table.intersections_to_cells(intersections)


def test_a_merged_cell_is_one_cell():
    """A 2 x 2 grid whose middle vertical rule stops halfway: the bottom row is one cell."""
    edges = [_edge("h", 0, y, 200, y) for y in (0, 50, 100)]
    edges += [_edge("v", 0, 0, 0, 100), _edge("v", 200, 0, 200, 100), _edge("v", 100, 0, 100, 50)]
    intersections = plumber_table.edges_to_intersections(edges, 3, 3)
    cells = intersections_to_cells(intersections)
    assert cells == plumber_table.intersections_to_cells(intersections)
    assert (0, 50, 200, 100) in cells and (0, 0, 100, 50) in cells


def test_an_open_table_end_is_closed_and_a_closed_one_or_an_overshoot_left_alone():
    from indexer.readers.pdf_cells import closing_edges
    xs, ys = (0, 100, 150, 200), (0, 30, 60)
    rules = [_edge("h", 0, y, 200, y) for y in ys]
    assert closing_edges(rules + [_edge("v", x, 0, x, 60) for x in xs]) == []  # closed
    assert closing_edges(rules + [_edge("v", x, -2, x, 62) for x in xs]) == []  # rules run 2 pt past the last
    opened = rules[:-1] + [_edge("v", x, 0, x, 60) for x in xs]  # no rule under the last row (a page break)
    assert [(e["top"], e["x0"], e["x1"]) for e in closing_edges(opened)] == [(60, 0, 200)]
    opened = rules[1:] + [_edge("v", x, 0, x, 60) for x in xs]  # none over the first row (the next page's head)
    assert [(e["top"], e["x0"], e["x1"]) for e in closing_edges(opened)] == [(0, 0, 200)]


def test_a_row_open_at_its_side_is_closed_and_a_closed_one_or_a_rule_alone_left_alone():
    from indexer.readers.pdf_cells import closing_verticals
    xs, ys = (0, 100, 150), (0, 30, 60, 90)
    rules = [_edge("h", 0, y, 260, y) for y in ys]  # the rows' rules run on to 260: the table's right edge
    opened = rules + [_edge("v", x, 0, x, 90) for x in xs]  # no rule at 260 (past the page)
    assert [(e["x0"], e["top"], e["bottom"]) for e in closing_verticals(opened)] == [(260, 0, 30), (260, 30, 60),
                                                                                   (260, 60, 90)]
    assert closing_verticals(opened + [_edge("v", 260, 0, 260, 90)]) == []  # closed
    assert closing_verticals(rules) == []  # rules with no vertical rule across them: no table


def test_a_page_head_is_closed_where_a_group_cell_runs_on_past_the_rows_beside_it():
    """A table broken across pages, its next page holding a row with figures and a row of labels alone whose
    figure cells have no rule under them, and a group cell (三、本年度办理结果) down the first column: no one rule
    runs across every vertical (the rows' rule starts right of the group cell, the last rule stops left of the
    figures), so the head over the first row is open all the same and is closed over all of them."""
    from indexer.readers.pdf_cells import closing_edges
    rules = [_edge("h", 80, 30, 250, 30), _edge("h", 0, 60, 150, 60)]
    opened = rules + [_edge("v", x, 0, x, 60) for x in (0, 80, 150)] + [_edge("v", x, 0, x, 30) for x in (200, 250)]
    assert [(e["top"], e["x0"], e["x1"]) for e in closing_edges(opened)] == [(0, 0, 250)]
    assert closing_edges(opened + [_edge("h", 0, 0, 250, 0)]) == []  # closed
    overshoot = rules + [_edge("h", 0, 2, 250, 2)] + [_edge("v", x, 0, x, 60) for x in (0, 80, 150, 200, 250)]
    assert closing_edges(overshoot) == []  # the verticals run 2 pt past the table's first rule
