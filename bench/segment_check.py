"""Does the fast segmenter give jieba's words on a whole corpus? And how much faster is it?

    .venv/bin/python bench/segment_check.py TEXT_DIR [--limit N]

TEXT_DIR holds one UTF-8 file per report (what `bench/run.py` or
`bench/build_profile.py --text` writes: the passages the build segments).
Every distinct block of the text (what `segment.words` hands to jieba) is
segmented by jieba and by the fast segmenter (`segment.load_fast`), without
the block cache; prints JSON: blocks, characters, CPU seconds of each, and
the blocks where the two differ (there must be none).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text_dir", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    args = parser.parse_args(argv)

    from indexer import segment

    tok = segment.tokenizer()
    han = segment._state["han"]
    files = sorted(args.text_dir.glob("*.txt"))
    if args.limit:
        files = files[:args.limit]
    blocks: dict[str, None] = {}
    for path in files:
        for block in han.split(path.read_text(encoding="utf-8")):
            if block and han.match(block):
                blocks.setdefault(block)
    segment._state["fast"] = None
    c0 = time.process_time()
    slow = [segment._block_words(tok, b) for b in blocks]
    c1 = time.process_time()
    if not segment.load_fast():
        raise SystemExit("rjieba is not installed")
    c2 = time.process_time()
    fast = [segment._block_words(tok, b) for b in blocks]
    c3 = time.process_time()
    differ = [b for b, s, f in zip(blocks, slow, fast) if s != f]
    print(json.dumps({
        "reports": len(files), "blocks": len(blocks), "chars": sum(map(len, blocks)),
        "jieba_cpu_s": round(c1 - c0, 3), "fast_build_cpu_s": round(c2 - c1, 3), "fast_cpu_s": round(c3 - c2, 3),
        "differ": len(differ), "examples": differ[:20],
    }, ensure_ascii=False))
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
