"""The quick version of bench/kill_trials.py: a few SIGKILLs of nianbao index while a server answers searches."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_web_fuzz import bench_module

kill_trials = bench_module("kill_trials")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the killed run's workers in /proc")
def test_killed_runs_leave_no_orphan_no_lock_no_leftover_and_the_index_equals_a_fresh_build(tmp_path):
    figures = kill_trials.trials(tmp_path, kills=3, reports=20, workers=2, seed=3, batch=5, kill_within=(1.0, 4.0),
                                 poll_pause=0.5)  # searched throughout, without taking a core from the runs
    assert figures["kills"] == 3 and figures["records"] >= 20
    assert kill_trials.problems_of(figures, 3) == []
    assert figures["server_requests"] > 0
