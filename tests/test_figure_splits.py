"""Cutting runs of digits into cells: what a figure can be, the row's sums, the columns' sums."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.figure_splits import agreed, combine, figure_value, row_candidates, splits, unique_split


@pytest.mark.parametrize("run, n, cells", [
    ("000", 3, ("0", "0", "0")),
    ("7000007", 7, ("7", "0", "0", "0", "0", "0", "7")),
    ("1000002", 7, ("1", "0", "0", "0", "0", "0", "2")),  # one digit each: certain, though it does not add up
    ("2629", 1, ("2629",)),
    ("5949.088667", 1, ("5949.088667",)),
    ("1,234", 1, ("1,234",)),
])
def test_runs_with_one_way_to_cut(run, n, cells):
    assert unique_split(run, n) == cells


def test_a_figure_never_starts_with_zero():
    assert splits("0100", 2) == [("0", "100")]
    assert splits("100", 2) == [("10", "0")]  # 1|00 is no cut


def test_a_space_is_always_a_cut():
    assert splits("230 000023", 7, (7,)) == [("23", "0", "0", "0", "0", "0", "23")]
    assert splits("23 0 00 0 023", 7, (7,)) == [("23", "0", "0", "0", "0", "0", "23")]


def test_a_sign_starts_a_figure():
    assert ("40", "增4", "947") in splits("40增4947", 3)
    assert all(not f[1:].startswith(("增", "-")) for s in splits("20-3212", 3) for f in s)
    assert figure_value("减2") == Decimal(-2) and figure_value("增4") == Decimal(4)


def test_a_unit_stays_on_the_last_figure():
    assert ("3", "12.5万元") in splits("312.5万元", 2)
    assert figure_value("12.5万元") == Decimal("12.5")


@pytest.mark.parametrize("run, cells", [
    ("801000081", ("80", "1", "0", "0", "0", "0", "81")),
    ("15130000154", ("151", "3", "0", "0", "0", "0", "154")),
    ("310000031", ("31", "0", "0", "0", "0", "0", "31")),
    ("491000050", ("49", "1", "0", "0", "0", "0", "50")),
])
def test_the_row_sum_picks_the_cut(run, cells):
    assert splits(run, 7, (7,)) == [cells]


def test_table_four_groups_pick_the_cut():
    assert splits("25380363300630003", 15, (5, 5, 5)) == [
        ("25", "3", "8", "0", "36", "3", "3", "0", "0", "6", "3", "0", "0", "0", "3")]


def test_a_row_that_never_adds_up_has_no_cut():
    assert row_candidates("12345678", 7, (7,)) == []


def test_agreed_keeps_only_what_every_cut_says():
    cuts = [("12", "0", "10", "0", "1", "10", "33"), ("12", "0", "10", "0", "11", "0", "33")]
    assert agreed(cuts, 7) == ["12", "0", "10", "0", None, None, "33"]
    assert agreed([], 3) == [None, None, None]


def test_column_sums_narrow_the_rows():
    a, b = ("12", "0", "10", "0", "1", "10", "33"), ("12", "0", "10", "0", "11", "0", "33")
    total = ("12", "0", "10", "0", "11", "0", "33")

    def holds(rows):
        return all(figure_value(rows["new"][c]) == figure_value(rows["total"][c]) for c in range(7))

    assert combine({"new": [a, b], "total": [total]}, holds)["new"] == [b]
    # a printed error that no choice repairs leaves the candidates as they were
    wrong_total = ("9", "0", "10", "0", "11", "0", "30")
    assert combine({"new": [a, b], "total": [wrong_total]}, holds)["new"] == [a, b]


def test_a_hostile_run_gives_up_instead_of_exploding():
    assert splits("1" * 400, 60) is None or splits("1" * 400, 60) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=800), min_size=6, max_size=6))
def test_the_printed_row_is_always_among_the_cuts(parts):
    cells = tuple(str(p) for p in parts) + (str(sum(parts)),)
    found = splits("".join(cells), 7, (7,), limit=100_000)
    assert found is None or cells in found
    if found is not None:
        for i, figure in enumerate(agreed(found, 7)):
            assert figure is None or figure == cells[i]  # what the cuts agree on is never wrong


def test_placements_put_figures_in_order_into_cells_whose_blanks_were_lost():
    from indexer.figure_splits import placements

    assert placements(["3", "1"], 3) == [("3", "1", ""), ("3", "", "1"), ("", "3", "1")]
    # a group's last cell is the sum of the others: 5 2 7 is 5 and 2 in two of the first three cells, 7 last
    assert sorted(placements(["5", "2", "7"], 4, (4,))) == sorted([("5", "2", "", "7"), ("5", "", "2", "7"), ("", "5", "2", "7")])
    assert placements(["3"], 2, (2,)) == []  # a figure without its total
    assert placements(["3"], 2, (2,), total_needed=False) == [("3", "")]


def test_combine_skips_what_cannot_be_completed():
    a, b = ("1", "", "1"), ("", "1", "1")
    total = ("1", "0", "1")
    holds = lambda rows: all(figure_value(rows["x"][i]) == figure_value(rows["total"][i]) for i in range(3))  # noqa: E731
    seen = []

    def possible(rows):
        seen.append(rows.get("x"))
        return rows.get("x") != b

    assert combine({"total": [total], "x": [a, b]}, holds, possible=possible)["x"] == [a]
    assert b in seen


def test_a_word_sign_alone_may_be_a_cell():
    """0增25: 0 | 增 | 25 (a change printed without its figure) as well as 0 | 增2 | 5; the cut is not known."""
    found = splits("0增25", 3)
    assert ("0", "增", "25") in found and ("0", "增2", "5") in found
    assert agreed(row_candidates("0增25", 3), 3) == ["0", None, None]


def test_a_cut_that_only_a_lone_sign_makes_is_no_cut():
    """8减2 in three cells: 8 | 减 | 2, or 8 | 减2 and a blank that left no trace; nothing is read."""
    assert splits("8减2", 3) == []
    assert agreed(row_candidates("8减2", 3), 3) == [None, None, None]
