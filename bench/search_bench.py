"""Search latency over an existing index: p50/p95 per kind of query, cold and warm.

    python bench/search_bench.py --index DIR [--rounds 3]

"cold" is the first time a query string is seen by the open index (nothing
cached for it); "warm" repeats it (the per-generation caches answer). Every
query asks for facets and snippets, as the web page does.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from indexer.engine import Index
from indexer.search import SearchRequest, search
from indexer.synonyms import load_synonyms

QUERIES = {
    "common word": ["政府信息公开", "公开", "工作", "主动公开", "信息"],
    "template term": ["行政处罚", "行政复议", "依申请公开", "规范性文件", "政府集中采购"],
    "rare string": ["处理费", "登革热", "招远", "健康舟山", "玲珑英诚医院"],
    "single char": ["费", "0", "疫", "网", "审"],
    "phrase": ['"政府信息公开工作"', '"三安全一稳定"', '"主动公开政府信息"', '"依申请公开"', '"年度报告"'],
    "two words": ["行政处罚 疫情", "卫健委 政务公开", "公开 保密审查", "舟山 疫情", "信息 网站"],
    "synonym": ["卫健委", "卫健局", "政务公开", "依申请", "卫计委"],
    "not/or": ["行政处罚 -疫情", "舟山 OR 招远", "公开 -网站", "疫情 OR 登革热", "-行政处罚"],
    "empty + filter": ["", "", "", "", ""],
}
FILTERS = [dict(), dict(province="山东省"), dict(years=(2021, 2022)), dict(province="浙江省", years=(2020,)), dict()]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    synonyms = load_synonyms()
    t = time.perf_counter()
    index = Index.open(args.index)
    index.warm()  # what the web app does when it opens a generation
    search(index, SearchRequest(query="预热"), synonyms)  # loads jieba's dictionary
    open_s = time.perf_counter() - t
    report = {"machine": f"{platform.node()} {platform.machine()} {platform.python_version()}",
              "documents": index.doc_count, "open_and_warm_s": round(open_s, 2), "kinds": {}}
    cold_all, warm_all = [], []
    for kind, queries in QUERIES.items():
        cold, warm = [], []
        for q, filters in zip(queries, FILTERS):
            for r in range(args.rounds):
                start = time.perf_counter()
                search(index, SearchRequest(query=q, **filters), synonyms)
                ms = (time.perf_counter() - start) * 1000
                (cold if r == 0 else warm).append(ms)
        cold_all += cold
        warm_all += warm
        report["kinds"][kind] = {"cold_p50": round(percentile(cold, 50), 1), "cold_max": round(max(cold), 1),
                                 "warm_p50": round(percentile(warm, 50), 1), "warm_max": round(max(warm), 1)}
    report["all"] = {"cold_p50": round(percentile(cold_all, 50), 1), "cold_p95": round(percentile(cold_all, 95), 1),
                     "warm_p50": round(percentile(warm_all, 50), 1), "warm_p95": round(percentile(warm_all, 95), 1)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    print(f"{report['documents']} reports; open + warm-up + first query {report['open_and_warm_s']} s; {report['machine']}")
    print(f"{'kind':16s} {'cold p50':>9s} {'cold max':>9s} {'warm p50':>9s} {'warm max':>9s}  (ms)")
    for kind, r in report["kinds"].items():
        print(f"{kind:16s} {r['cold_p50']:9.1f} {r['cold_max']:9.1f} {r['warm_p50']:9.1f} {r['warm_max']:9.1f}")
    a = report["all"]
    print(f"all queries: cold p50 {a['cold_p50']} ms, p95 {a['cold_p95']} ms; warm p50 {a['warm_p50']} ms, p95 {a['warm_p95']} ms")


if __name__ == "__main__":
    main()
