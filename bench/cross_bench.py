"""What the checks across reports (copy detection, carry-over) add to indexing.

Indexes a copy of CORPUS from scratch, then changes one report and indexes
again; for each run prints the wall time, the time of the cross-report pass
(`IndexSummary.cross.seconds`, a separate step after the run's writes) and
what it adds to the run without it.

    python bench/make_corpus.py /tmp/c2k --count 2000
    python bench/cross_bench.py /tmp/c2k [--workers 2]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from indexer.indexing import index_corpus


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index"
        shutil.copytree(args.corpus, corpus)
        for label in ("full build", "one report changed"):
            if label == "one report changed":
                changed = sorted(corpus.rglob("*.txt"))[len(list(corpus.rglob("*.txt"))) // 2]
                changed.write_text(changed.read_text(encoding="utf-8") + "\n\n本年度还开展了政务公开专项检查，发现问题及时整改。\n",
                                   encoding="utf-8")
            cpu, started = _cpu(), time.monotonic()
            summary = index_corpus(corpus, index, workers=args.workers)
            wall, used = time.monotonic() - started, _cpu() - cpu
            cross = summary.cross
            print(f"{label}: {summary.added} added, {summary.updated} updated; {wall:.1f} s wall ({used:.1f} s CPU); "
                  f"cross-report pass {cross.seconds:.2f} s for {cross.checked} reports "
                  f"(+{100 * cross.seconds / (wall - cross.seconds):.1f} % over the run without it)", flush=True)


if __name__ == "__main__":
    main()
