"""The index stays within 4x the UTF-8 size of the corpus text (issue 4's budget), stored text included.

Measured on 300 synthetic reports (bench/make_corpus.py). Below about 200
reports the ratio is higher: every distinct term costs about 100 bytes of
term dictionary and posting block, which a small corpus cannot amortise.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from indexer.engine import generations
from indexer.indexing import index_corpus

from fixtures.figures import report_summary

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(out: Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    module.generate(out, count, seed=7, formats={"text-tab": 1})


def test_index_is_at_most_four_times_the_text(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 300)
    index_corpus(corpus, tmp_path / "index", workers=2)
    text = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    live = generations.current(tmp_path / "index")
    size = sum(p.stat().st_size for p in live.rglob("*") if p.is_file())
    report_summary(f"index size: 300 reports, {text / 1e6:.1f} MB text -> {size / 1e6:.1f} MB index ({size / text:.2f} x)")
    assert size <= 4 * text
