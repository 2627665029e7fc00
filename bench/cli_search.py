"""How long `nianbao search WORD` takes from the shell: wall time and CPU time of the whole process.

    python bench/cli_search.py --index DIR [--runs 10] [WORD ...]

Each run is a fresh process (interpreter start, imports, index open, jieba,
search, printing), as a user typing the command sees it. CPU time (user +
sys of the child) is printed beside wall time because on a shared machine
the wall time mostly measures the other jobs; the load average is printed too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import as_users_run_it, load_line  # noqa: E402

NIANBAO = Path(sys.executable).with_name("nianbao")


def run_once(args: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("words", nargs="*", default=["桦南", "玲珑英诚医院", "行政处罚"])
    args = parser.parse_args()
    as_users_run_it()
    print(f"load average before: {load_line()}; {os.cpu_count()} CPUs")
    for word in args.words:
        command = [str(NIANBAO), "search", word, "--index", args.index]
        run_once(command)  # warms the file cache (and writes jieba's cache files on a first run)
        walls, cpus = zip(*(run_once(command) for _ in range(args.runs)))
        print(f"{word}: wall median {statistics.median(walls):.3f} s (min {min(walls):.3f}), "
              f"CPU median {statistics.median(cpus):.3f} s (min {min(cpus):.3f}), {args.runs} runs")
    print(f"load average after: {load_line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
