"""Expensive queries: each one answered or refused within 1 s by a running server.

Over an index of synthetic reports plus hostile ones (a passage holding one
character 100,000 times, script payloads, names with line breaks), asks the
server for what costs most: the commonest characters, a term in every
report, 32-term AND and OR queries, a 500-character phrase, 400 nested
brackets, exclusions only, every filter and sort at once, the last pages,
100 results a page, the numbers page with 20 figures, a report page marking a
character found 100,000 times. Each query is timed cold (first time) and
warm; every answer must be a 2xx or a 4xx with a message, within 1 s.

Prints each query's time; exits 1 when one fails.

    python bench/expensive_queries.py [--reports 1000] [--index DIR --corpus DIR] [--limit 1.0]
"""

from __future__ import annotations

import argparse
import http.client
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import web_fuzz  # noqa: E402
from measure import verdict  # noqa: E402


def queries(site: web_fuzz.Site) -> list[tuple[str, str]]:
    """(name, target) of the expensive requests."""
    rng = random.Random(11)
    metrics = site.metrics[:20]
    common = "的 公开 政府 信息 申请 行政 情况 工作 报告 年度 处理 复议 诉讼 收费 主动 依法 网站 平台 制度 培训 " \
             "机关 部门 条例 规定 办理 答复 决定 数量 本年 上年 法人".split()
    cjk = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(500))
    q = urllib.parse.quote
    every = "&".join(f"m={m}" for m in metrics)
    rid = next(iter(site.ids), "0")
    return [
        ("one character in every report", f"/api/search?q={q('的')}"),
        ("a character 100,000 times in one passage", f"/api/search?q={q('格')}"),
        ("the same, its report page marked", "/reports/{repeat}?q=" + q("格")),
        ("a term in every report", f"/?q={q('政府信息公开')}"),
        ("32 terms AND", f"/api/search?q={q(' '.join(common))}"),
        ("32 terms OR", f"/api/search?q={q(' OR '.join(common))}"),
        ("exclusions only", f"/api/search?q={q(' '.join('-' + w for w in common[:16]))}"),
        ("a 500-character phrase", f"/api/search?q={q(chr(34) + (common[0] * 500)[:498] + chr(34))}"),
        ("500 random characters", f"/api/search?q={q(cjk)}"),
        ("400 nested brackets", f"/api/search?q={q('(' * 400 + '公开' + ')' * 400)}"),
        ("every filter, sort by a figure", f"/api/search?q={q('公开')}&year=2019&year=2020&year=2021&year=2022&year=2023"
                                           f"&level=county&template=2021&where={q(metrics[0] + '>=0')}"
                                           f"&where={q(metrics[1] + '<1000000')}&sort=-{metrics[0]}"),
        ("the last page, 100 a page", "/api/search?q=" + q("公开") + "&page=100&page_size=100"),
        ("no query, sorted by a figure", f"/api/search?sort={metrics[2]}&page_size=100"),
        ("numbers page, 20 figures, chart by region", f"/metrics?{every}&by=region&page_size=100"),
        ("numbers JSON, 20 figures", f"/api/metrics?{every}&by=year&page_size=100"),
        ("search page, common word, 100 a page", f"/?q={q('信息')}&page_size=100"),
        ("a report page with a query", f"/reports/{rid}?q={q('公开 申请 政府')}"),
        ("synonyms widened", f"/api/search?q={q('卫健委 发改委 人社局 市监局')}"),
        ("failing checks facet", "/api/search?failing=apply&page_size=100"),
    ]


def fetch(port: int, target: str) -> tuple[int, bytes, float]:
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", target)
        response = conn.getresponse()
        body = response.read()
        return response.status, body, time.monotonic() - started
    finally:
        conn.close()


def run(port: int, site: web_fuzz.Site, repeat_id: str, limit: float) -> tuple[list[str], list[tuple[str, float, float, int]]]:
    problems, rows = [], []
    for name, target in queries(site):
        target = target.replace("{repeat}", repeat_id)
        (status, body, cold), (_, _, warm) = fetch(port, target), fetch(port, target)
        rows.append((name, cold, warm, status))
        request = web_fuzz.Request("GET", target)
        headers = {"content-type": "application/json" if target.startswith("/api/") else "text/html",
                   "content-security-policy": "-", "x-content-type-options": "-"}
        problem = web_fuzz.judge(request, status, headers, body)
        if problem:
            problems.append(f"{name}: {problem}")
        if max(cold, warm) > limit:
            problems.append(f"{name}: {max(cold, warm):.2f} s (limit {limit} s)")
    return problems, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--limit", type=float, default=1.0, help="seconds each answer may take")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nianbao-expensive-"))
    try:
        corpus, index = web_fuzz.index_of(args, work)
        site = web_fuzz.site_of(index)
        repeat_id = _report_of(index, "hostile/repeat.txt") or (site.ids[0] if site.ids else "0")
        port = web_fuzz.free_port()
        server = web_fuzz.start_server(corpus, index, port)
        try:
            problems, rows = run(port, site, repeat_id, args.limit)
        finally:
            web_fuzz.stop_server(server)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(rows)} expensive requests over {len(site.ids)}+ reports (cold, then warm; limit {args.limit} s):")
    for name, cold, warm, status in rows:
        print(f"  {cold * 1000:6.0f} ms  {warm * 1000:6.0f} ms  {status}  {name}")
    print(f"slowest: {max(max(c, w) for _, c, w, _ in rows) * 1000:.0f} ms")
    return verdict(problems)


def _report_of(index: Path, source: str) -> str | None:
    from indexer.engine import Index

    with Index.open(index) as ix:
        facts = ix.manifest().get(source)
        return facts["id"] if facts else None


if __name__ == "__main__":
    sys.exit(main())
