"""Bad files: index 1,000+ hostile files beside good reports; every file accounted for, memory bounded.

Generates the corpus (`bench/hostile.py`), runs ``nianbao index`` over it
while sampling the memory of the run and its workers, then checks:

* the run ends (exit status 0 or 1), with no traceback;
* every file is accounted for: indexed, failed with a reason, or skipped
  with a reason (system files, hidden folders, links into the corpus);
* every good report is in the index and found by searching for a phrase
  only it holds;
* the run's peak memory (PSS summed over the run and its workers) stays
  under 1.5 GB;
* a second run over the same folder does nothing new and ends the same way.

Prints its figures; exits 1 when any check fails.

    python bench/badfiles_bench.py [--count 1000] [--good 100] [--workers 2] [--quick] [--keep DIR]
                                   [--scans 6 --long-scan 40]   # with OCR installed: scanned PDFs too
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import hostile  # noqa: E402
from proctree import TreeWatch  # noqa: E402
from measure import verdict  # noqa: E402

MEMORY_BUDGET_MB = 1536


def add_scans(h: hostile.Hostile, count: int, long_pages: int) -> int:
    """Scanned PDFs (no text layer) for OCR, one of them `long_pages` long; returns the pages written.

    They must be accounted for like the others (indexed, or listed with a
    reason such as the time limit); what they show is OCR's memory in a run.
    """
    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures import scans
    from fixtures.reports import build_report

    folder = h.folder / "scans"
    folder.mkdir(parents=True, exist_ok=True)
    pages_written, long_scan = 0, []
    for i in range(count):
        report = build_report(("2021", "2019")[i % 2], agency=f"某某市第{i + 1}局")
        pages = scans.scanned_pages(report, seed=i)
        pages[0].save(folder / f"scan{i:03d}.pdf", "PDF", save_all=True, append_images=pages[1:], resolution=180.0)
        pages_written += len(pages)
        long_scan += pages
        h.bad.append(f"scans/scan{i:03d}.pdf")
    if long_pages and long_scan:
        long_scan = (long_scan * (long_pages // len(long_scan) + 1))[:long_pages]
        long_scan[0].save(folder / "long-scan.pdf", "PDF", save_all=True, append_images=long_scan[1:],
                          resolution=180.0)
        pages_written += len(long_scan)
        h.bad.append("scans/long-scan.pdf")
    h.kinds["scanned PDFs (OCR)"] = count + bool(long_pages)
    return pages_written


def run_index(corpus: Path, index: Path, config: Path, workers: int) -> dict:
    command = [sys.executable, "-m", "indexer.cli", "index", "--config", str(config), "--corpus", str(corpus),
               "--index", str(index), "--workers", str(workers)]
    started = time.monotonic()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with TreeWatch(proc.pid) as watch:
        out, err = proc.communicate()
    return {"status": proc.returncode, "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace"),
            "seconds": time.monotonic() - started, "peak_pss": watch.peak_pss, "peak_rss": watch.peak_rss,
            "processes": watch.peak_processes}


def write_config(path: Path, quick: bool) -> None:
    lines = ["[index]", "batch_size = 5000"]
    if quick:
        limits = hostile.quick_limits()
        lines += ["[limits]"] + [f"{name} = {getattr(limits, name)!r}" for name in limits.__dataclass_fields__]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check(corpus: Path, index: Path, h: hostile.Hostile, run: dict) -> list[str]:
    """What went wrong (empty: all right)."""
    from indexer.engine import Index, IndexMissing
    from indexer.search import SearchRequest, search

    problems = []
    if run["status"] not in (0, 1):
        problems.append(f"exit status {run['status']}")
    if "Traceback" in run["stderr"]:
        problems.append("a traceback:\n" + run["stderr"][-3000:])
    try:
        summary = json.loads((index / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return problems + [f"no summary.json in the index folder ({exc})"]
    try:
        ix = Index.open(index)
    except IndexMissing:
        return problems + ["no index was written:\n" + run["stderr"][-3000:]]
    with ix:
        indexed = set(ix.manifest())
        for source, marker in h.good.items():
            if source not in indexed:
                problems.append(f"good report {source} not indexed")
                continue
            answer = search(ix, SearchRequest(query=marker, page_size=5))
            if not any(r["source"] == source for r in answer["results"]):
                problems.append(f"good report {source} not found by searching {marker}")
    failed = {f["source"]: f["reason"] for f in summary["failed"]}
    skipped = {s["source"]: s["reason"] for s in summary["skipped"]}
    duplicates = {d["source"] for d in summary["duplicates"]}
    accounted = indexed | set(failed) | set(skipped) | duplicates
    missing = [s for s in h.bad if s not in accounted]
    problems += [f"{s!r} neither indexed nor listed" for s in missing[:20]]
    if len(missing) > 20:
        problems.append(f"... and {len(missing) - 20} more not listed")
    problems += [f"{s!r} listed without a reason" for s, r in {**failed, **skipped}.items() if not r.strip()]
    problems += [f"{s!r}: {r}" for s, r in failed.items() if "unexpected error" in r]  # a reader's bug
    if run["peak_pss"] > MEMORY_BUDGET_MB:
        problems.append(f"peak memory {run['peak_pss']:.0f} MB over {MEMORY_BUDGET_MB} MB")
    return problems


def reason_kinds(summary: dict) -> Counter:
    kinds: Counter = Counter()
    for f in summary["failed"]:
        reason = f["reason"]
        key = next((f"limit {name}" for name in ("file_mb", "pages", "expanded_mb", "chars", "cells", "seconds",
                                                  "memory_mb") if f"[limits] {name}" in reason), None)
        kinds[key or reason.split(";")[0].split("(")[0].strip()[:60]] += 1
    return kinds


def print_scans(summary: dict) -> None:
    """What became of the scanned PDFs in a run."""
    failed = {f["source"]: f["reason"] for f in summary.get("failed", []) if f["source"].startswith("scans/")}
    for source, reason in sorted(failed.items()):
        print(f"  scan {source}: {reason}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="hostile files (at least)")
    parser.add_argument("--good", type=int, default=100, help="good reports beside them")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="small files and tight limits (what the test suite runs)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--scans", type=int, default=0, help="scanned PDFs for OCR beside them (needs nianbao[ocr])")
    parser.add_argument("--long-scan", type=int, default=40, help="pages of one more, long, scanned PDF (with --scans)")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="nianbao-badfiles-"))
    if work.exists() and args.keep:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    corpus, index, config = work / "corpus", work / "index", work / "config.toml"
    h = hostile.generate(corpus, args.count, args.good, sizes=hostile.QUICK if args.quick else None)
    write_config(config, args.quick)
    if args.scans:
        pages = add_scans(h, args.scans, args.long_scan)
        print(f"scans: {args.scans + bool(args.long_scan)} scanned PDFs, {pages} pages (OCR on)")
    print(f"corpus: {len(h.bad)} hostile files ({len(h.kinds)} kinds) + {len(h.good)} good reports, "
          f"{sum(p.stat().st_size for p in corpus.rglob('*') if p.is_file() and not p.is_symlink()) / 2**20:.0f} MB")

    first = run_index(corpus, index, config, args.workers)
    problems = check(corpus, index, h, first)
    summary = json.loads((index / "summary.json").read_text(encoding="utf-8")) if (index / "summary.json").exists() else {}
    print(f"first run: exit {first['status']} in {first['seconds']:.1f} s; peak memory {first['peak_pss']:.0f} MB "
          f"(PSS of the run and its workers; largest process {first['peak_rss']:.0f} MB RSS), "
          f"{first['processes']} processes at most")
    if summary:
        print(f"  indexed {summary['added']}, failed {len(summary['failed'])}, skipped {len(summary['skipped'])}, "
              f"duplicates {len(summary['duplicates'])}")
        for kind, n in reason_kinds(summary).most_common():
            print(f"    {n:5d}  {kind}")
        print_scans(summary)
    second = run_index(corpus, index, config, args.workers)
    problems += [f"second run: {p}" for p in check(corpus, index, h, second)]
    print(f"second run: exit {second['status']} in {second['seconds']:.1f} s; peak memory {second['peak_pss']:.0f} MB")
    if args.scans:
        print_scans(json.loads((index / "summary.json").read_text(encoding="utf-8")))
    crashes = sum(1 for r in (first, second) if r["status"] not in (0, 1) or "Traceback" in r["stderr"])
    print(f"crashes: {crashes}; every file accounted for: {'yes' if not any('listed' in p for p in problems) else 'no'}; "
          f"good reports searchable: {len(h.good) - sum('good report' in p for p in problems)}/{len(h.good)}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return verdict(problems)


if __name__ == "__main__":
    sys.exit(main())
