"""The yardstick: single-process `jieba.cut` over the reports' text, nothing else.

    python bench/jieba_baseline.py TEXT_DIR [--sample 300] [--every K]

TEXT_DIR holds one UTF-8 file per report (what `bench/run.py` dumps from the
index: the passages the indexer segments). jieba's own dictionary is loaded
before the clock starts; files are read outside the timed part. Prints JSON:
seconds of CPU and wall time, characters, and words for the query mix of
`bench/queries.py` taken from a sample of the reports after the clock stopped
(words found in exactly one sampled report, and the most widespread ones).

`--every K` times every K-th report only and scales the times by characters
(jieba.cut's time is linear in the text: 287-600 k chars/s whatever the corpus
size), so that a 100,000-report run does not spend 40 minutes on the yardstick.
The output then says `timed_chars` and `every`.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
import zlib
from collections import Counter
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text_dir", type=Path)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--every", type=int, default=1, help="time every K-th report and scale by characters")
    args = parser.parse_args()

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    files = sorted(args.text_dir.glob("*.txt"))
    cpu = wall = 0.0
    chars = timed = 0
    for n, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        if n % args.every:
            continue
        timed += len(text)
        c0, w0 = time.process_time(), time.perf_counter()
        for _ in jieba.cut(text):
            pass
        cpu += time.process_time() - c0
        wall += time.perf_counter() - w0

    step = max(1, len(files) // args.sample)
    df: Counter[str] = Counter()
    for path in files[::step]:
        words = jieba.cut(path.read_text(encoding="utf-8"))
        df.update({w for w in words if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w)})
    once = sorted((w for w, n in df.items() if n == 1), key=lambda w: zlib.crc32(w.encode()))
    common = [w for w, _ in df.most_common(40)]
    scale = chars / timed if timed else 1.0
    sampled = {"every": args.every, "timed_chars": timed} if args.every > 1 else {}
    print(json.dumps({"reports": len(files), "chars": chars, "cpu_s": round(cpu * scale, 3),
                      "wall_s": round(wall * scale, 3), **sampled, "rare_words": once[:60], "common_words": common}, ensure_ascii=False))


if __name__ == "__main__":
    main()
