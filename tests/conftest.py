"""Shared fixtures: the bundled samples, and an index built from them once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests assert behaviour, never speed: hypothesis's per-example deadline (200 ms) is a wall-clock limit
# that a loaded machine misses (the first example of test_textnorm pays for numpy's import).
settings.register_profile("nianbao", deadline=None)
settings.load_profile("nianbao")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory) -> Path:
    """An index of the bundled samples (the folder, not an open Index)."""
    from indexer.indexing import index_corpus

    base = tmp_path_factory.mktemp("sample-index")
    corpus = base / "corpus"
    shutil.copytree(SAMPLES, corpus / "samples")
    index_dir = base / "index"
    summary = index_corpus(corpus, index_dir, workers=1)
    assert summary.added == len(list(SAMPLES.glob("*.txt"))) and not summary.failed
    return index_dir


@pytest.fixture()
def open_sample_index(sample_index):
    from indexer.engine import Index

    with Index.open(sample_index) as index:
        yield index


def sample_text(name_prefix: str) -> str:
    path = next(SAMPLES.glob(f"{name_prefix}*"))
    return path.read_text(encoding="utf-8")


def pytest_terminal_summary(terminalreporter) -> None:
    """Print what tests measured (tests/fixtures/figures.py), such as recall@10 and MRR."""
    from fixtures.figures import LINES

    if LINES:
        terminalreporter.section("nianbao figures")
        for line in LINES:
            terminalreporter.write_line(line)
