"""Where a build's CPU goes: the worker's per-file path in one process, timed by stage.

    .venv/bin/python bench/build_profile.py CORPUS [--limit N] [--profile out.prof] [--text TEXT_DIR]

Runs what an indexing worker runs for each file of CORPUS (read and extract,
`prepare`, the segment writer's analysis and postings) in this one process,
with no worker pool and no time or memory limits, and prints the CPU seconds
of each stage and per report as JSON. With ``--profile`` the whole run is
under cProfile (stage times then include its overhead; compare like with
like). With ``--text`` the passages of every record are written there, one
file a report, for `jieba_baseline.py` (the yardstick over the same text).
CPU time, not wall time: the machine may be shared.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the run here")
    parser.add_argument("--text", type=Path, help="write each record's passages here (for jieba_baseline.py)")
    parser.add_argument("--slow-segmenter", action="store_true", help="jieba alone, without jieba-rs")
    args = parser.parse_args(argv)
    args.corpus = args.corpus.resolve()  # the workers' jobs name files relative to an absolute corpus

    from indexer import indexing, segment
    from indexer.corpus import scan_corpus
    from indexer.engine import FileFacts, GenerationWriter, build_segment
    from indexer.identity import extractor_fingerprint

    segment.configure(())
    files = scan_corpus(args.corpus).files
    if args.limit:
        files = files[:args.limit]
    fingerprint = extractor_fingerprint()
    jobs = []
    for f in files:
        sha = indexing.file_sha256(f.path)
        jobs.append(indexing._Job(FileFacts(f.source, sha, f.size, f.mtime_ns, fingerprint), f.path, args.corpus,
                                  None, indexing._new_id(sha, set())))
    indexing._warm_up(jobs)  # what a run of these files loads before its workers fork
    gc.freeze()  # as each worker does when it starts (workers._worker_main)
    if args.slow_segmenter:
        segment._state["fast"] = None  # jieba alone
    if args.text:
        shutil.rmtree(args.text, ignore_errors=True)
        args.text.mkdir(parents=True)

    stages = {"extract+prepare": 0.0, "index": 0.0}
    failed: list[str] = []
    chars = 0

    def documents():
        nonlocal chars
        for job in jobs:
            c0 = time.process_time()
            status, source, payload = indexing._work(job)
            c1 = time.process_time()
            stages["extract+prepare"] += c1 - c0
            if status != "ok":
                failed.append(f"{source}: {payload}")
                continue
            if args.text:
                record = json.loads(payload["record"])
                text = "\n".join(p["text"] for p in record["passages"])
                chars += len(text)
                (args.text / f"{payload['id']}.txt").write_text(text, encoding="utf-8")
            c2 = time.process_time()
            yield payload
            stages["index"] += time.process_time() - c2  # the writer analyses the document before asking for the next

    tmp = Path(tempfile.mkdtemp(prefix="nianbao-prof-"))
    profiler = cProfile.Profile(time.process_time) if args.profile else None  # CPU time: the machine may be shared
    try:
        writer = GenerationWriter(tmp / "index", rebuild=True)
        c0 = time.process_time()
        if profiler:
            profiler.enable()
        seg = build_segment(writer.whoosh_dir, documents())
        if seg is not None:
            writer.add_segment(seg)
        writer.commit({})
        if profiler:
            profiler.disable()
            profiler.dump_stats(str(args.profile))
        c2 = time.process_time()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    total = c2 - c0
    result = {
        "reports": len(jobs) - len(failed),
        "failed": failed,
        "cpu_s": round(total, 3),
        "cpu_per_report_ms": round(1000 * total / max(1, len(jobs) - len(failed)), 2),
        "extract_prepare_s": round(stages["extract+prepare"], 3),
        "segment_postings_s": round(stages["index"], 3),
        "flush_commit_s": round(total - stages["extract+prepare"] - stages["index"], 3),
        "profiled": bool(profiler),
    }
    if args.text:
        result["chars"] = chars
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
