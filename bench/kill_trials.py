"""Kill trials: SIGKILL ``nianbao index`` at random moments while a server answers searches from the same index.

Between kills the corpus changes a little (files edited, added, deleted), so
that runs resume, update and remove. After each kill: the run's worker
processes must be gone within 5 s (no orphan holding the index), and the next
run must start (no stale lock). At the end a run completes, and its index
must equal a fresh build of the final corpus, record for record; no
temporary folder or partial file may be left; the server, polled throughout,
must never have failed a request.

Prints its figures; exits 1 when any check fails.

    python bench/kill_trials.py [--kills 20] [--reports 1500] [--workers 2] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from proctree import alive, descendants  # noqa: E402
from measure import verdict  # noqa: E402

ORPHAN_WAIT = 5.0


def index_command(corpus: Path, index: Path, config: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "indexer.cli", "index", "--config", str(config), "--corpus", str(corpus),
            "--index", str(index), "--workers", str(workers)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Poller:
    """Searches the server in a loop; counts answers and failures (anything but 200, or no answer)."""

    QUERIES = ("政府信息公开", "行政处罚", "疫情", "依申请公开", "信息处理费", "卫生健康")

    def __init__(self, port: int, pause: float = 0.05):
        self.pause = pause
        self.base = f"http://127.0.0.1:{port}"
        self.requests = 0
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        rng = random.Random(5)
        while not self._stop.is_set():
            q = urllib.request.quote(rng.choice(self.QUERIES))
            url = f"{self.base}/api/search?q={q}&page={rng.randint(1, 3)}"
            try:
                with urllib.request.urlopen(url, timeout=30) as r:
                    json.loads(r.read())
            except urllib.error.HTTPError as exc:
                self.failures.append(f"{url}: {exc.code}")
            except (OSError, ValueError) as exc:
                self.failures.append(f"{url}: {exc}")
            self.requests += 1
            time.sleep(self.pause)


def start_server(corpus: Path, index: Path, config: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "indexer.cli", "serve", "--config", str(config), "--corpus",
                             str(corpus), "--index", str(index), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=a", timeout=5).read()
            return proc
        except (OSError, urllib.error.HTTPError):
            if proc.poll() is not None:
                raise RuntimeError("the server did not start: " + proc.stderr.read().decode()[-2000:])
            time.sleep(0.2)
    raise RuntimeError("the server did not answer within 120 s")


def change_corpus(corpus: Path, rng: random.Random, serial: list[int]) -> None:
    """Edit, add and delete a few reports, as users do between runs."""
    files = sorted(corpus.rglob("*.txt"))
    for path in rng.sample(files, min(3, len(files))):
        path.write_text(path.read_text(encoding="utf-8") + f"\n补充说明第{rng.randint(1, 10**6)}号。\n", encoding="utf-8")
    for path in rng.sample(files, min(1, len(files))):
        path.unlink()
    for _ in range(2):
        serial[0] += 1
        source = rng.choice(files)
        if source.exists():
            (source.parent / f"added-{serial[0]:05d}.txt").write_text(
                source.read_text(encoding="utf-8") + f"\n新增第{serial[0]}号。\n", encoding="utf-8")


CROSS_CHECKS = ("peers.", "history.")  # checks across reports


def records(index: Path) -> dict[str, str]:
    """Each report's record by file, in a form two builds of the same corpus must agree on.

    Left out: the report id (a file edited in place keeps its id by design,
    where a fresh build gives the new content's), and of the checks across
    reports all but their status: the nearest other report is searched
    approximately (LSH), so an incremental run may name another one below
    the threshold than a fresh build does.
    """
    from indexer import docset
    from indexer.engine import Index

    with Index.open(index) as ix:
        out = {}
        for d in docset.docnums(ix.live):
            record = ix.record(d)
            record.pop("id", None)
            record["checks"] = [{"id": c["id"], "status": c["status"]} if c["id"].startswith(CROSS_CHECKS) else c
                                for c in record.get("checks", [])]
            out[record["source"]] = json.dumps(record, ensure_ascii=False, sort_keys=True)
        return out


def leftovers(index: Path) -> list[str]:
    return sorted(p.name for p in index.iterdir() if p.name.endswith((".tmp", ".part")))


def trials(work: Path, kills: int, reports: int, workers: int, seed: int, batch: int,
           kill_within: tuple[float, float], poll_pause: float = 0.05) -> dict:
    """Run the trials in `work`; returns the figures (see `main`).

    The server is searched every `poll_pause` seconds throughout.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    import make_corpus

    rng = random.Random(seed)
    corpus, index, fresh, config = work / "corpus", work / "index", work / "fresh", work / "config.toml"
    make_corpus.generate(corpus, reports, seed=seed, formats=make_corpus.parse_formats("txt"))
    config.write_text(f"[index]\nbatch_size = {batch}\n", encoding="utf-8")
    figures = {"kills": 0, "completed_runs": 0, "orphans": 0, "refused_runs": 0, "server_requests": 0,
               "server_failures": [], "leftovers": [], "records": 0, "differing": [], "seconds": 0.0}
    started = time.monotonic()
    # a first generation, so that the server has an index to serve from the start
    first = subprocess.run(index_command(corpus, index, config, workers), cwd=ROOT, capture_output=True)
    if first.returncode not in (0, 1):
        raise RuntimeError(first.stderr.decode()[-2000:])
    port = free_port()
    server = start_server(corpus, index, config, port)
    poller = Poller(port, poll_pause)
    poller.start()
    serial = [0]
    fresh_build: subprocess.Popen | None = None
    try:
        while figures["kills"] < kills:
            change_corpus(corpus, rng, serial)
            if rng.random() < 0.2:  # now and then, a big change: many files at once
                for path in rng.sample(sorted(corpus.rglob("r*.txt")), min(reports // 5, 300)):
                    path.write_text(path.read_text(encoding="utf-8") + "\n大幅修改。\n", encoding="utf-8")
            proc = subprocess.Popen(index_command(corpus, index, config, workers), cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            deadline = time.monotonic() + rng.uniform(*kill_within)
            workers_seen: set[int] = set()
            while time.monotonic() < deadline and proc.poll() is None:
                workers_seen.update(descendants(proc.pid))
                time.sleep(0.02)
            if proc.poll() is not None:
                err = proc.stderr.read().decode("utf-8", "replace")
                if "is writing" in err:
                    figures["refused_runs"] += 1
                figures["completed_runs"] += 1
                continue
            workers_seen.update(descendants(proc.pid))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            figures["kills"] += 1
            until = time.monotonic() + ORPHAN_WAIT
            while time.monotonic() < until and any(alive(p) for p in workers_seen):
                time.sleep(0.05)
            figures["orphans"] += sum(1 for p in workers_seen if alive(p))
            for p in workers_seen:  # never leave one behind, whatever the figures say
                if alive(p):
                    os.kill(p, signal.SIGKILL)
        # the corpus is final now: its fresh build runs beside the final run (on a loaded machine, in half the time)
        fresh_build = subprocess.Popen(index_command(corpus, fresh, config, workers), cwd=ROOT,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        final = subprocess.run(index_command(corpus, index, config, workers), cwd=ROOT, capture_output=True)
        if b"is writing" in final.stderr:
            figures["refused_runs"] += 1
        if final.returncode not in (0, 1):
            raise RuntimeError("the final run failed: " + final.stderr.decode()[-2000:])
    except BaseException:
        if fresh_build is not None:
            fresh_build.kill()
            fresh_build.wait()
        raise
    finally:
        poller.stop()
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    figures["server_requests"] = poller.requests
    figures["server_failures"] = poller.failures
    figures["leftovers"] = leftovers(index)
    fresh_build.wait()
    mine, theirs = records(index), records(fresh)
    figures["records"] = len(theirs)
    figures["differing"] = sorted(s for s in set(mine) | set(theirs) if mine.get(s) != theirs.get(s))
    figures["seconds"] = time.monotonic() - started
    return figures


def problems_of(figures: dict, kills: int) -> list[str]:
    problems = []
    if figures["kills"] < kills:
        problems.append(f"only {figures['kills']} kills")
    if figures["orphans"]:
        problems.append(f"{figures['orphans']} worker processes outlived their killed run")
    if figures["refused_runs"]:
        problems.append(f"{figures['refused_runs']} runs refused: the index stayed locked")
    if figures["leftovers"]:
        problems.append(f"left behind: {', '.join(figures['leftovers'])}")
    if figures["differing"]:
        problems.append(f"{len(figures['differing'])} reports differ from a fresh build, e.g. {figures['differing'][:3]}")
    if figures["server_failures"]:
        problems.append(f"{len(figures['server_failures'])} failed searches, e.g. {figures['server_failures'][:3]}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--reports", type=int, default=1500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=200, help="files per committed generation")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="nianbao-kills-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    figures = trials(work, args.kills, args.reports, args.workers, args.seed, args.batch, (0.5, 8.0))
    print(f"{figures['kills']} SIGKILLs ({figures['completed_runs']} runs ended before their kill) over "
          f"{args.reports} reports in {figures['seconds']:.0f} s")
    print(f"orphan workers: {figures['orphans']}; runs refused by a stale lock: {figures['refused_runs']}; "
          f"leftover folders/files: {len(figures['leftovers'])}")
    print(f"index after a final run equals a fresh build: "
          f"{figures['records'] - len(figures['differing'])} of {figures['records']} reports identical")
    print(f"server polled during the kills: {figures['server_requests']} searches, "
          f"{len(figures['server_failures'])} errors")
    problems = problems_of(figures, args.kills)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return verdict(problems)


if __name__ == "__main__":
    sys.exit(main())
