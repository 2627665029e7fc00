"""What the benchmark measures with: the machine, commands' time and memory, percentiles.

Memory and CPU come from /proc (Linux): a command's peak memory is the
largest sum of the resident sets of it and its worker processes seen while
it ran, sampled every 50 ms.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def as_users_run_it() -> None:
    """Let the measured commands cache their compiled modules, as Python does by default.

    Some machines (this benchmark's VM among them) set PYTHONDONTWRITEBYTECODE=1,
    which makes every command compile the project's modules again: about 0.1-0.25 s
    of CPU at each start of `nianbao search` or `nianbao serve`, a cost no user pays
    after the first run.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": memory, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}", "load_before": load(),
            "bytecode_cache": not os.environ.get("PYTHONDONTWRITEBYTECODE")}


def load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def load_line() -> str:
    """The load average as a harness prints it before and after its runs."""
    return " ".join(f"{x:.2f}" for x in load() or [])


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_rss(pid: int) -> tuple[int, int]:
    """(sum, largest) resident set in bytes of `pid` and its descendants."""
    tree = _children()
    total = largest = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        todo += tree.get(p, [])
        try:
            rss = int(Path(f"/proc/{p}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


class PeakMemory:
    """Samples the resident memory of a process tree in a thread until stopped."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid = pid
        self.interval = interval
        self.peak_sum = self.peak_one = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            total, one = tree_rss(self.pid)
            self.peak_sum = max(self.peak_sum, total)
            self.peak_one = max(self.peak_one, one)
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    """One command: wall and CPU seconds (its own and its children's), peak memory, output."""

    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    peak_process_mb: float
    returncode: int
    stdout: str
    stderr: str

    def as_dict(self) -> dict:
        return {"wall_s": round(self.wall_s, 2), "cpu_s": round(self.cpu_s, 2), "peak_rss_mb": round(self.peak_rss_mb),
                "peak_process_mb": round(self.peak_process_mb), "returncode": self.returncode}


def run(cmd: list[str], **kw) -> Run:
    """Run `cmd` to its end, measuring it (CPU includes every worker process it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    memory = PeakMemory(proc.pid)
    try:
        out, err = proc.communicate()
    finally:
        memory.stop()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, memory.peak_sum / 2**20, memory.peak_one / 2**20, proc.returncode, out, err)


def process_memory(pid: int) -> dict:
    """Current and peak resident memory (MB) of one process."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[{"VmRSS": "rss_mb", "VmHWM": "peak_rss_mb"}[key]] = round(int(value.split()[0]) / 1024)
    return out


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))
    return ordered[int(k)]


def summary(values: list[float]) -> dict:
    return {"n": len(values), "p50": round(percentile(values, 50), 1), "p95": round(percentile(values, 95), 1),
            "p99": round(percentile(values, 99), 1), "max": round(max(values), 1) if values else None}


def verdict(problems: list[str]) -> int:
    """Print each problem a harness found and give its exit status: 0 when there were none."""
    for problem in problems:
        print("FAIL:", problem)
    return 1 if problems else 0
