"""Load: the highest request rate a server holds on loopback for 60 s with no error and p99 under 1 s.

Starts ``nianbao serve`` over an index of synthetic reports and sends an
open-loop stream of requests (each sent at its scheduled moment, whatever
the answers before it, so a slow server cannot slow the client down and hide
its queue): searches with and without filters, result pages, report pages,
the numbers page and the JSON API. Short probes raise the rate while every
answer is a 2xx and p99 (measured from each request's scheduled moment)
stays under 1 s; then the best rate is held for the whole duration. Client
and server share the machine's cores, as they would on a small intranet box.

Prints the rate held, its p50/p99/max and the errors; exits 1 when the held
run has an error or a p99 of 1 s or more.

    python bench/load_bench.py [--reports 2000] [--seconds 60] [--index DIR --corpus DIR]
"""

from __future__ import annotations

import argparse
import http.client
import random
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import web_fuzz  # noqa: E402

WORDS = ["政府信息公开", "行政处罚", "疫情", "依申请公开", "信息处理费", "行政复议", "卫生健康", "教育", "财政预算",
         "政务公开", "主动公开", "行政许可", "网站", "培训", "答复", "不予公开", "行政诉讼", "决策", "规范性文件", "统计"]


def targets(site: web_fuzz.Site, n: int, seed: int = 1) -> list[str]:
    """A mix of what users ask for."""
    rng = random.Random(seed)
    q = urllib.parse.quote
    out = []
    for _ in range(n):
        word = rng.choice(WORDS)
        roll = rng.random()
        if roll < 0.35:
            out.append(f"/api/search?q={q(word)}")
        elif roll < 0.55:
            out.append(f"/?q={q(word)}&page={rng.randint(1, 3)}")
        elif roll < 0.65 and site.provinces:
            out.append(f"/?q={q(word)}&province={q(rng.choice(site.provinces))}&year={rng.randint(2019, 2024)}")
        elif roll < 0.8 and site.ids:
            out.append(f"/reports/{rng.choice(site.ids)}?q={q(word)}")
        elif roll < 0.9:
            out.append(f"/metrics?q={q(word)}")
        else:
            out.append(f"/api/search?q={q(word + ' ' + rng.choice(WORDS))}&sort=-year")
    return out


@dataclass
class Result:
    rate: float
    seconds: float
    sent: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)

    def p(self, share: float) -> float:
        if not self.latencies:
            return float("inf")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))]

    @property
    def ok(self) -> bool:
        return not self.errors and self.p(0.99) < 1.0


def drive(port: int, urls: list[str], rate: float, seconds: float, clients: int = 32) -> Result:
    """Send `rate` requests a second for `seconds`, open loop, from `clients` connections."""
    result = Result(rate, seconds)
    total = int(rate * seconds)
    start = time.monotonic() + 0.2
    lock = threading.Lock()
    next_index = [0]

    def client() -> None:
        conn = None
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= total:
                break
            due = start + i / rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            url = urls[i % len(urls)]
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", url)
                response = conn.getresponse()
                response.read()
                ok = 200 <= response.status < 300
                if response.will_close:
                    conn.close()
                    conn = None
                problem = None if ok else f"{response.status} {url}"
            except (OSError, http.client.HTTPException) as exc:
                if conn is not None:
                    conn.close()
                conn = None
                problem = f"{type(exc).__name__} {url}"
            latency = time.monotonic() - due  # from the scheduled moment: waiting in the queue counts
            with lock:
                result.sent += 1
                result.latencies.append(latency)
                if problem:
                    result.errors.append(problem)
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return result


def find_rate(port: int, urls: list[str], probe: float, start: float) -> list[Result]:
    """Probe rates upward (x1.5) from `start` while they hold; then halfway back between the last two."""
    probes = []
    rate = start
    while True:
        r = drive(port, urls, rate, probe)
        probes.append(r)
        if not r.ok:
            break
        rate *= 1.5
    good = [p for p in probes if p.ok]
    if good:
        between = (good[-1].rate + probes[-1].rate) / 2
        r = drive(port, urls, between, probe)
        probes.append(r)
    return probes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--probe", type=float, default=10, help="seconds of each probing run")
    parser.add_argument("--start-rate", type=float, default=5)
    parser.add_argument("--rate", type=float, help="hold this rate (skip the probes)")
    parser.add_argument("--index", type=Path)
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nianbao-load-"))
    try:
        corpus, index = web_fuzz.index_of(args, work)
        site = web_fuzz.site_of(index)
        urls = targets(site, 5000)
        port = web_fuzz.free_port()
        server = web_fuzz.start_server(corpus, index, port)
        try:
            drive(port, urls, 5, 5)  # warm the caches a little, as a running server's are
            if args.rate:
                best = args.rate
            else:
                probes = find_rate(port, urls, args.probe, args.start_rate)
                for r in probes:
                    print(f"  probe {r.rate:6.1f}/s for {r.seconds:.0f} s: p99 {r.p(0.99) * 1000:6.0f} ms, "
                          f"{len(r.errors)} errors {'held' if r.ok else 'NOT held'}")
                held = [r.rate for r in probes if r.ok]
                best = max(held) if held else args.start_rate
            for _ in range(4):  # a probe is short: if the whole duration does not hold, 20% less
                final = drive(port, urls, best, args.seconds)
                if final.ok or args.rate:
                    break
                print(f"  {best:.1f}/s not held for {args.seconds:.0f} s (p99 {final.p(0.99) * 1000:.0f} ms, "
                      f"{len(final.errors)} errors); trying {best * 0.8:.1f}/s")
                best *= 0.8
        finally:
            web_fuzz.stop_server(server)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"held {final.rate:.1f} requests/s for {final.seconds:.0f} s over {len(site.ids)}+ reports: "
          f"{final.sent} requests, {len(final.errors)} errors, p50 {final.p(0.5) * 1000:.0f} ms, "
          f"p99 {final.p(0.99) * 1000:.0f} ms, max {final.p(1.0) * 1000:.0f} ms")
    for e in final.errors[:10]:
        print("FAIL:", e)
    if final.p(0.99) >= 1.0:
        print(f"FAIL: p99 {final.p(0.99):.2f} s (limit 1 s)")
    return 0 if final.ok else 1


if __name__ == "__main__":
    sys.exit(main())
