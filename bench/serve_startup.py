"""How fast `nianbao serve` answers after it starts, and how much memory it holds.

    python bench/serve_startup.py --index DIR [--corpus DIR] [--runs 3] [--queries bench-N.json]

Each run starts a fresh server on an existing index and measures the wall
time from the start to the first answer of `/api/search?q=公开` (what
bench/run.py reports as start-up), the server's resident memory then, the
first answer of the pages that need the metric table (a condition, a metric
sort, /metrics), and, with `--queries` (a bench/run.py result), its memory
after that run's query mix. CPU time of the server to its first answer is
printed too: on a shared machine the wall time mostly measures the others.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from measure import load_line  # noqa: E402
from indexer.limits import rss_mb  # noqa: E402
from run import Server  # noqa: E402

PAGES = ("/api/search?q=&where=apply.new.total%3E%3D10", "/api/search?q=&sort=-apply.new.total",
         "/metrics?q=&m=apply.new.total")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_once(index: Path, corpus: Path, paths: list[str]) -> dict:
    server = Server(corpus, index)
    try:
        out = {"startup_s": round(server.startup_s, 2), "startup_cpu_s": round(cpu_seconds(server.proc.pid), 2),
               "rss_mb": round(rss_mb(server.proc.pid))}
        for page in PAGES:
            start = time.perf_counter()
            status, _ = server.get(page)
            out[page] = (status, round((time.perf_counter() - start) * 1000))
        out["rss_after_metrics_mb"] = round(rss_mb(server.proc.pid))
        if paths:
            for path in paths:
                server.get(path)
            out["rss_after_queries_mb"] = round(rss_mb(server.proc.pid))
    finally:
        server.stop()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, help="the corpus folder (default: beside the index)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", type=Path, help="a bench/run.py JSON result whose query mix to replay")
    args = parser.parse_args()
    paths = [row["path"] for row in json.loads(args.queries.read_text())["queries"]["rows"]] if args.queries else []
    print(f"load average before: {load_line()}; {os.cpu_count()} CPUs")
    runs = [run_once(args.index, args.corpus or args.index.parent, paths) for _ in range(args.runs)]
    for r in runs:
        print(json.dumps(r, ensure_ascii=False))
    print(f"start-up to first answer: median {statistics.median(r['startup_s'] for r in runs)} s wall, "
          f"{statistics.median(r['startup_cpu_s'] for r in runs)} s CPU; RSS {runs[-1]['rss_mb']} MB")
    print(f"load average after: {load_line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
