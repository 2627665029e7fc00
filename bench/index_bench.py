"""Indexing throughput and index size, with and without the character n-gram field.

    python bench/index_bench.py CORPUS_DIR [--workers 2] [--no-grams-too]

The n-gram field is what lets a search find any string a report contains;
`--no-grams-too` also builds an index without it (for comparison only: that
index cannot answer substring searches) to show what it costs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

from indexer.indexing import index_corpus, scan_corpus


def text_bytes(corpus: Path) -> int:
    return sum(f.size for f in scan_corpus(corpus).files)


def index_bytes(index_dir: Path) -> int:
    from indexer.engine import generations

    live = generations.current(index_dir)
    return sum(p.stat().st_size for p in live.rglob("*") if p.is_file())


def run(corpus: Path, workers: int, grams: bool) -> dict:
    import indexer.engine.schema as schema

    original = schema.prepare
    if not grams:
        def prepare(report, facts):
            doc = original(report, facts)
            doc.pop("gram")
            return doc
        schema.prepare = prepare
        import indexer.indexing as indexing
        indexing.prepare = prepare
    index_dir = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    try:
        start = time.perf_counter()
        summary = index_corpus(corpus, index_dir, workers=workers)
        seconds = time.perf_counter() - start
        size = index_bytes(index_dir)
    finally:
        shutil.rmtree(index_dir, ignore_errors=True)
        schema.prepare = original
    text = text_bytes(corpus)
    return {"grams": grams, "reports": summary.documents, "seconds": round(seconds, 1),
            "reports_per_s": round(summary.documents / seconds, 1), "text_mb": round(text / 1e6, 1),
            "index_mb": round(size / 1e6, 1), "index_per_text": round(size / text, 2),
            "text_mb_per_s": round(text / 1e6 / seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--no-grams-too", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    results = [run(args.corpus, args.workers, True)]
    if args.no_grams_too:
        results.append(run(args.corpus, args.workers, False))
    for r in results:
        label = "with n-grams   " if r["grams"] else "without n-grams"
        print(f"{label}: {r['reports']} reports, {r['text_mb']} MB text in {r['seconds']} s "
              f"({r['reports_per_s']} reports/s, {r['text_mb_per_s']} MB/s); index {r['index_mb']} MB "
              f"= {r['index_per_text']} x the text")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
