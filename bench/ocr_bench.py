"""OCR throughput: scanned pages per minute when `nianbao index` reads a corpus of scans.

Writes COUNT scanned PDFs (the test reports of both templates, drawn at 180
dpi by tests/fixtures/scans.py, rotated 1°, noisy, stamped), indexes them with
WORKERS workers and an empty OCR cache, then indexes again from the cache.

    .venv/bin/python bench/ocr_bench.py [--count 6] [--workers 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fixtures import scans  # noqa: E402
from fixtures.reports import build_report  # noqa: E402

from indexer import ocr  # noqa: E402
from indexer.indexing import index_corpus  # noqa: E402
from indexer.limits import Limits  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=6)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dpi", type=int, default=180)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        pages = 0
        for i in range(args.count):
            template = ("2021", "2019")[i % 2]
            report = build_report(template, agency=f"某某市第{i + 1}局")
            pdf = scans.to_scanned_pdf(report, corpus / f"scan{i:03d}.pdf", dpi=args.dpi, seed=i)
            import pypdfium2

            doc = pypdfium2.PdfDocument(str(pdf))
            pages += len(doc)
            doc.close()
        ocr.configure(enabled=True, cache_dir=Path(tmp) / "cache", share_status=True)
        start = time.perf_counter()
        no_limit = Limits(seconds=3600)  # measure the OCR, not the per-file time limit
        summary = index_corpus(corpus, Path(tmp) / "index", workers=args.workers, limits=no_limit)
        took = time.perf_counter() - start
        print(f"{args.count} scanned reports, {pages} pages at {args.dpi} dpi, {args.workers} workers: "
              f"{took:.1f} s, {60 * pages / took:.1f} pages/min")
        for failure in summary.failed:
            print(f"  failed: {failure.source}: {failure.reason}")
        start = time.perf_counter()
        index_corpus(corpus, Path(tmp) / "index2", workers=args.workers, limits=no_limit)
        print(f"again from the OCR cache (new index): {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
