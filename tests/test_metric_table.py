"""Packed metric rows read back as the figures each report states, with their types."""

from __future__ import annotations

import json

from indexer.engine import metric_table
from indexer.engine.metric_table import pack, read_table
from indexer.template import METRIC_KEYS

FIRST, SECOND, LAST = METRIC_KEYS[0], METRIC_KEYS[1], METRIC_KEYS[-1]


def _table(rows, skip=(), records=None):
    return read_table(rows, len(rows), set(skip).__contains__, lambda d: (records or {})[d])


def test_figures_come_back_as_stated_ints_fractions_and_large_figures_alike():
    reports = [
        {FIRST: 12, SECOND: 0, LAST: -3},
        {FIRST: 0.35, SECOND: 2**40},  # a fraction of 万元; a figure no int32 holds
        {},
        {"prose.some_new_key": 7, SECOND: 5.0},  # a key outside the list; a float that looks whole
    ]
    table = _table([pack(r) for r in reports])
    assert table.values(FIRST) == {0: 12, 1: 0.35}
    assert table.values(SECOND) == {0: 0, 1: 2**40, 3: 5.0}
    assert type(table.values(SECOND)[3]) is float and type(table.values(SECOND)[0]) is int
    assert table.values(LAST) == {0: -3}
    assert table.values("prose.some_new_key") == {3: 7}
    assert table.keys() == {FIRST, SECOND, LAST, "prose.some_new_key"}
    assert table.values(METRIC_KEYS[5]) == {} and table.values("no.such.key") == {}


def test_deleted_documents_state_nothing():
    table = _table([pack({FIRST: 1}), pack({FIRST: 2, SECOND: 4})], skip={1})
    assert table.values(FIRST) == {0: 1}
    assert table.keys() == {FIRST}


def test_a_json_row_of_an_older_index_reads_the_same():
    figures = {FIRST: 3, SECOND: 0.5}
    old = json.dumps(figures, separators=(",", ":")).encode()
    table = _table([old, pack(figures)])
    assert table.values(FIRST) == {0: 3, 1: 3} and table.values(SECOND) == {0: 0.5, 1: 0.5}


def test_a_row_of_another_key_list_takes_the_figures_of_the_stored_record(monkeypatch):
    stale = pack({FIRST: 9})
    monkeypatch.setattr(metric_table, "key_list", lambda: (METRIC_KEYS, b"Mxyz", {k: i for i, k in enumerate(METRIC_KEYS)}))
    metric_table.pack_empty.cache_clear()
    try:
        table = _table([stale], records={0: {FIRST: 11}})
    finally:
        metric_table.pack_empty.cache_clear()
    assert table.values(FIRST) == {0: 11}
