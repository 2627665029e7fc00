"""The best results found on arrays (`search._best_first_in_bulk`) are those of the key computed for each."""

from __future__ import annotations

import heapq

from hypothesis import given, settings, strategies as st

from indexer import search


def by_key(scores: dict[int, float], best: int, years) -> list[tuple[int, float]]:
    return heapq.nlargest(best, scores.items(), key=search._rank_key(years))


scores_st = st.dictionaries(
    st.integers(0, 300),
    st.one_of(st.sampled_from([0.0, 1.2, 1.2000004, 1.2000006, 3.5, 7.25]), st.floats(0, 20, allow_nan=False)),
    max_size=200)


@settings(max_examples=150, deadline=None)
@given(scores_st, st.integers(1, 60), st.lists(st.sampled_from(["2019", "2023", "", None]), min_size=301, max_size=301))
def test_the_best_on_arrays_are_the_best_by_key(scores, best, years):
    expected = by_key(scores, best, years)
    assert search._best_first_in_bulk(scores, best, years) == expected
    assert search._best_first(scores, best, years) == expected


def test_thousands_of_equal_scores_go_to_the_newer_year_then_the_first_report():
    years = ["2020" if d % 3 else "2024" for d in range(5000)]
    scores = {d: 0.4 * 1.5 for d in range(5000)}
    scores[4999] = 2.0
    top = search._best_first_in_bulk(scores, 5, years)
    assert top == [(4999, 2.0), (0, 0.6000000000000001), (3, 0.6000000000000001), (6, 0.6000000000000001),
                   (9, 0.6000000000000001)]
    assert top == by_key(scores, 5, years)
