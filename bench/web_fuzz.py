"""Web fuzzing: generated requests over every route and parameter; no 5xx, every 4xx with a message, flat memory.

Requests mix valid values (real report ids, provinces, years, metric keys,
check ids) with hostile ones (huge and non-finite numbers, deep brackets,
control characters, broken percent-encoding, traversal, 5,000-character
values, unknown parameters, other methods, Range headers), sent to a real
``nianbao serve`` (waitress) on loopback, with raw malformed requests for
waitress's own 400 and 431 answers. Checks every answer: no status of 500 or
more; a 4xx carries a message (JSON ``message``, or a Chinese HTML page) and
the security headers; and the server's memory (RSS) after the run is within
10 % of what it was after a warm-up.

Prints its figures; exits 1 when any check fails.

    python bench/web_fuzz.py [--requests 10000] [--reports 200] [--threads 4] [--seed 1] [--index DIR --corpus DIR]

`requests()` and `judge()` are shared with the quick test (tests/test_web_fuzz.py).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import verdict  # noqa: E402

ROUTES = ("/", "/metrics", "/reports/{id}", "/reports/{id}/file", "/api/search", "/api/reports/{id}", "/api/metrics",
          "/api/export.csv", "/api/export.jsonl", "/static/app.css", "/static/{junk}", "/{junk}", "/api/{junk}")
PARAMS = ("q", "province", "city", "county", "year", "level", "template", "failing", "where", "sort", "order",
          "page", "page_size", "expand", "m", "chart", "by")
NUMBERS = ("0", "1", "2", "-1", "10", "100", "101", "1e999", "-1e999", "9" * 400, "nan", "NaN", "inf", "-inf",
           "Infinity", "1.5", "2020.0", "０２", "１", "0x10", "1_000", " 3 ", "+5", "２０２０", "99999999999999999999",
           "1" * 4400, "", "١٢")
HOSTILE = ("", " ", "(" * 400 + "x", ")" * 300, '"', '"' * 41, "((a OR b) AND (c -d))", "a OR OR b", "NOT", "-",
           "- -", "\x00", "%00", "\r\n", "\n", "\t", "<script>alert(1)</script>", "'\"><img src=x onerror=1>",
           "../../etc/passwd", "..%2F..%2F", "%", "%zz", "%E4%B8", "\ud800", "🙂" * 50, "格", "的", "a" * 5000,
           "政府信息公开" * 300, "（（（（（", "“", "OR", "AND", "|", "&", "\u202e", "\ufeff", "\\", "*", "?", "[", "{{7*7}}",
           "apply.new.total>=1e999", "apply.new.total>=" + "9" * 400, "apply.new.total>=nan", "x>=1", ">=", "a=b=c",
           "-year", "--year", "+relevance", "-apply.new.total", "relevance", "year", "asc", "desc", "2019", "2021",
           "region", "national", "province", "0", "1")


@dataclass
class Site:
    """What valid values look like on the server being fuzzed."""

    ids: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)


def index_of(args, work: Path) -> tuple[Path, Path]:
    """(corpus, index): the ones given by --index/--corpus, or a corpus of --reports built into `work`."""
    if args.index:
        return args.corpus or work, args.index
    return build_index(work, args.reports)


def site_of(index_dir: Path) -> Site:
    from indexer import docset
    from indexer.engine import Index
    from indexer.template import METRIC_KEYS

    site = Site(metrics=list(METRIC_KEYS))
    with Index.open(index_dir) as ix:
        for d in list(docset.docnums(ix.live))[:200]:
            record = ix.record(d)
            site.ids.append(record["id"])
            region = record.get("region") or {}
            if region.get("province"):
                site.provinces.append(region["province"])
            if region.get("city"):
                site.cities.append(region["city"])
            site.checks += [c["id"] for c in record.get("checks", [])]
    site.checks = sorted(set(site.checks))
    return site


@dataclass(frozen=True)
class Request:
    method: str
    target: str  # path and query, as sent on the request line
    headers: tuple[tuple[str, str], ...] = ()
    raw: bytes | None = None  # a whole malformed request, sent as is


def _value(rng: random.Random, name: str, site: Site) -> str:
    roll = rng.random()
    if roll < 0.45:
        valid = {
            "q": ["政府信息公开", "行政处罚", "疫情", '"依申请公开"', "卫健委 -疫情", "处理费 OR 复议", "(公开 OR 申请) 行政"],
            "province": site.provinces or ["山东省"], "city": site.cities or ["烟台市"], "county": ["招远市", "西湖区"],
            "year": [str(y) for y in range(2018, 2026)], "level": ["national", "province", "city", "county", "township"],
            "template": ["2019", "2021"], "failing": site.checks or ["apply.balance"],
            "where": [f"{m}{op}{n}" for m in site.metrics[:5] for op in (">=", "<", "=") for n in (0, 10)],
            "sort": ["relevance", "year", "-year", *site.metrics[:5], *("-" + m for m in site.metrics[:5])],
            "order": ["asc", "desc"], "page": ["1", "2", "3"], "page_size": ["1", "10", "100"], "expand": ["0", "1"],
            "m": site.metrics, "chart": site.metrics, "by": ["year", "region"],
        }.get(name, ["1"])
        return rng.choice(valid)
    if roll < 0.7:
        if name in ("where",):
            return rng.choice(site.metrics or ["apply.new.total"]) + rng.choice((">=", "<=", "!=", "==", ">", "<")) \
                + rng.choice(NUMBERS)
        return rng.choice(NUMBERS)
    return rng.choice(HOSTILE)


def _query(rng: random.Random, site: Site) -> str:
    pairs = []
    for _ in range(rng.choice((0, 1, 1, 2, 3, 5, 25))):
        name = rng.choice(PARAMS) if rng.random() < 0.92 else rng.choice(("x", "PAGE", "q[]", "", "%", "q\x00"))
        pairs.append((name, _value(rng, name, site)))
    mode = rng.random()
    if mode < 0.8:
        return urllib.parse.urlencode(pairs, errors="surrogatepass")
    if mode < 0.95:  # as curl sends it: raw UTF-8, some characters unencoded
        return "&".join(f"{n}={v}" for n, v in pairs).replace(" ", "%20").replace("\r", "").replace("\n", "") \
            .replace("#", "%23")
    return rng.choice(("%", "%%", "q=%zz", "q=%E4", "&&&", "=", "q==", "q=%00", ";q=1", "q=a&q=b&q=c" * 50))


def requests(rng: random.Random, site: Site, n: int) -> list[Request]:
    """`n` generated requests over every route and parameter."""
    out = []
    for _ in range(n):
        route = rng.choice(ROUTES)
        rid = rng.choice(site.ids) if site.ids and rng.random() < 0.6 else rng.choice(
            ("0" * 16, "ffffffffffffffff", "x" * 70, "..", "%2e%2e", "报告", "a%2Fb", "%00", "1" * 5000, "'", "'OR'1'='1"))
        junk = rng.choice(("x", "..%2f..%2fetc%2fpasswd", "%c0%ae%c0%ae/", "app.css/..", "a" * 3000, "%ZZ", "索引",
                           "..\\..\\windows", "favicon.svg", "app.js"))
        path = route.replace("{id}", rid).replace("{junk}", junk)
        query = _query(rng, site)
        target = path + ("?" + query if query or rng.random() < 0.1 else "")
        method = rng.choices(("GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "TRACE"), (80, 8, 5, 2, 2, 2, 1))[0]
        headers: list[tuple[str, str]] = []
        if rng.random() < 0.05:
            headers.append(("Range", rng.choice(("bytes=5-1", "bytes=0-", "bytes=-1", "bytes=999999999-", "x"))))
        if rng.random() < 0.03:
            headers.append(("If-Modified-Since", rng.choice(("yesterday", "Thu, 01 Jan 2099 00:00:00 GMT"))))
        if rng.random() < 0.03:
            headers.append(("Accept", rng.choice(("application/json", "*/*", "text/html;q=0"))))
        raw = None
        if rng.random() < 0.01:
            raw = rng.choice((
                b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 300_000 + b"\r\n\r\n",
                b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
                b"GARBAGE\r\n\r\n",
                b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
                b"GET / HTTP/1.1\r\nno colon here\r\n\r\n",
                b"POST /api/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
            ))
        if raw is None and (not target.isascii() or re.search(r"[\x00-\x20\x7f]", target)):
            # http.client refuses such a request line; send it as curl would, in raw bytes
            lines = [f"{method} ".encode() + target.encode("utf-8", "surrogatepass") + b" HTTP/1.1", b"Host: 127.0.0.1",
                     *(f"{k}: {v}".encode() for k, v in headers), b"Connection: close"]
            raw = b"\r\n".join(lines) + b"\r\n\r\n"
        out.append(Request(method, target, tuple(headers), raw))
    return out


SECURITY_HEADERS = ("content-security-policy", "x-content-type-options")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def judge(request: Request, status: int, headers: dict[str, str], body: bytes) -> str | None:
    """What is wrong with this answer, or None."""
    if status >= 500:
        return f"{status}"
    if status < 400:
        return None
    missing = [h for h in SECURITY_HEADERS if h not in headers]
    if missing:
        return f"{status} without {', '.join(missing)}"
    if request.method == "HEAD":
        return None  # an answer to HEAD has no body by definition
    kind = headers.get("content-type", "")
    text = body.decode("utf-8", "replace")
    if "json" in kind:
        try:
            message = json.loads(text).get("message")
        except (ValueError, AttributeError):
            return f"{status} with JSON that does not parse"
        if not (isinstance(message, str) and _CJK.search(message)):
            return f"{status} JSON without a Chinese message"
        return None
    if not _CJK.search(text):
        return f"{status} without a Chinese message ({kind or 'no content type'})"
    if "Traceback" in text:
        return f"{status} showing a traceback"
    return None


# ------------------------------------------------------------------ against a real server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def send(port: int, request: Request, conn: http.client.HTTPConnection | None
         ) -> tuple[int, dict[str, str], bytes, http.client.HTTPConnection | None]:
    """Send one request; returns (status, headers, body, connection to reuse)."""
    if request.raw is not None:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            try:
                s.sendall(request.raw)
            except OSError:  # the server may answer and close before reading all of a huge request
                pass
            data = b""
            while not _complete(data):
                try:
                    chunk = s.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        if not lines or not lines[0].startswith("HTTP/"):
            return 0, {}, data, conn
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        return status, headers, body, conn
    for attempt in (1, 2):
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            conn.putrequest(request.method, request.target, skip_accept_encoding=True)
            for name, value in request.headers:
                conn.putheader(name, value)
            conn.endheaders()
            response = conn.getresponse()
            body = response.read()
            headers = {k.lower(): v for k, v in response.getheaders()}
            if response.will_close:
                conn.close()
                conn = None
            return response.status, headers, body, conn
        except (http.client.HTTPException, OSError):
            conn.close()
            conn = None
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _complete(data: bytes) -> bool:
    """A whole answer read: headers and as many bytes of body as they announce (raw requests may keep the line open)."""
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        return False
    m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    return bool(m) and len(body) >= int(m.group(1))


def server_rss_mb(pid: int) -> float:
    from proctree import rss_mb

    return rss_mb(pid)


def build_index(work: Path, reports: int, repeat: int = 100_000) -> tuple[Path, Path]:
    """A corpus of synthetic reports, the samples and a few hostile ones, indexed."""
    import make_corpus

    from indexer.indexing import index_corpus

    corpus = work / "corpus"
    make_corpus.generate(corpus / "synthetic", reports, seed=3)
    shutil.copytree(ROOT / "corpus" / "samples", corpus / "samples")
    hostile = corpus / "hostile"
    hostile.mkdir()
    head = "某某县格式局2022年政府信息公开工作年度报告\n一、总体情况\n"
    (hostile / "repeat.txt").write_text(head + "格" * repeat + "\n", encoding="utf-8")
    (hostile / "xss.txt").write_text(head + '"><img src=x onerror=alert(1)><script>alert(1)</script>\n', encoding="utf-8")
    (hostile / "name\nwith\rbreaks.txt").write_text(head + "换行文件名。\n", encoding="utf-8")
    (hostile / "引号\"'<>.txt").write_text(head + "引号文件名。\n", encoding="utf-8")
    index = work / "index"
    index_corpus(corpus, index, workers=2)
    return corpus, index


def start_server(corpus: Path, index: Path, port: int) -> subprocess.Popen:
    """`nianbao serve` on loopback, once it answers."""
    server = subprocess.Popen([sys.executable, "-m", "indexer.cli", "serve", "--corpus", str(corpus), "--index",
                               str(index), "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/search")
            conn.getresponse().read()
            conn.close()
            return server
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                stop_server(server)
                raise RuntimeError("the server did not start: " + server.stderr.read().decode()[-2000:])
            time.sleep(0.2)


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def fuzz(port: int, batch: list[Request], threads: int) -> tuple[Counter, list[str], list[tuple[float, str]]]:
    statuses: Counter = Counter()
    problems: list[str] = []
    latencies: list[tuple[float, str]] = []
    lock = threading.Lock()
    chunks = [batch[i::threads] for i in range(threads)]

    def worker(chunk: list[Request]) -> None:
        conn = None
        for request in chunk:
            started = time.monotonic()
            try:
                status, headers, body, conn = send(port, request, conn)
            except (OSError, http.client.HTTPException) as exc:
                status, headers, body = 0, {}, str(exc).encode()
            elapsed = time.monotonic() - started
            problem = judge(request, status, headers, body) if status else f"no answer ({body[:80]!r})"
            with lock:
                statuses[status // 100 * 100 if status else 0] += 1
                latencies.append((elapsed, f"{request.method} {request.target[:200]!r} -> {status}"))
                if problem:
                    problems.append(f"{problem}: {request.method} {request.target[:160]!r}")

    pool = [threading.Thread(target=worker, args=(c,)) for c in chunks]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return statuses, problems, latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--warmup", type=int, default=1_000)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--index", type=Path, help="an index built by build_index (the one of expensive_queries)")
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="nianbao-fuzz-"))
    try:
        corpus, index = index_of(args, work)
        site = site_of(index)
        port = free_port()
        server = start_server(corpus, index, port)
        try:
            rng = random.Random(args.seed)
            fuzz(port, requests(rng, site, args.warmup), args.threads)
            before = server_rss_mb(server.pid)
            started = time.monotonic()
            statuses, problems, latencies = fuzz(port, requests(rng, site, args.requests), args.threads)
            seconds = time.monotonic() - started
            after = server_rss_mb(server.pid)
        finally:
            stop_server(server)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    latencies.sort()
    growth = after / before - 1 if before else 0.0
    print(f"{args.requests} fuzzed requests over {len(ROUTES)} routes and {len(PARAMS)} parameters in {seconds:.0f} s "
          f"({args.threads} clients), after {args.warmup} warm-up requests")
    print("statuses: " + ", ".join(f"{k or 'no answer'}{'xx' if k else ''}: {v}".replace("00xx", "xx")
                                   for k, v in sorted(statuses.items())))
    print(f"5xx: {statuses.get(500, 0)}; answers with a problem: {len(problems)}")
    times = [t for t, _ in latencies]
    print(f"latency p50 {times[len(times) // 2] * 1000:.0f} ms, p99 {times[int(len(times) * .99)] * 1000:.0f} ms, "
          f"max {times[-1] * 1000:.0f} ms; slowest:")
    for t, what in latencies[-3:]:
        print(f"  {t * 1000:6.0f} ms  {what}")
    print(f"server memory (RSS): {before:.0f} MB after warm-up, {after:.0f} MB after ({growth:+.1%})")
    failures = problems[:30]
    if growth >= 0.10:
        failures.append(f"RSS grew {growth:.1%} (limit 10%)")
    return verdict(failures)


if __name__ == "__main__":
    sys.exit(main())
