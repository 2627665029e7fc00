"""Per-file limits: what reading one report file may cost before it is refused.

Real reports are tens of pages and a few hundred kilobytes. Files far beyond
that are mistakes or attacks (a 2,000-page PDF, a DOCX whose XML expands to
gigabytes, 50 MB of text on one line); each is refused with the limit it hit
and the run goes on. Cheap checks come first: size, pages and expanded size
before anything is read or decompressed, characters and table cells before
the text is analysed. Time and memory are enforced around each file by the
worker process that reads it (`indexer.workers`).

The values come from ``[limits]`` in config.toml. A worker sets them for its
process with `use`; readers (and OCR) ask `current()`, and slow loops call
`check_time` or `time_left` to stop in time by themselves, before the
worker is stopped from outside.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, fields

from .readers import ReadError

CONFIG_HINT = "[limits] {name} in config.toml"


@dataclass(frozen=True)
class Limits:
    """The most one file may cost; the defaults are documented in config.toml."""

    file_mb: int = 100  # size on disk, checked before the file is opened
    pages: int = 300  # PDF pages, counted before any page is read
    expanded_mb: int = 200  # DOCX: the parts read, uncompressed, checked before they are decompressed
    chars: int = 2_000_000  # characters of decoded text (text and HTML files)
    cells: int = 50_000  # table cells in one document
    seconds: float = 60  # to read, analyse and index one file
    memory_mb: int = 720  # address space of one worker process (it starts at about 360 MB, 80 of them jieba-rs)
    run_memory_mb: int = 1536  # memory (PSS) of the whole run, workers and all: over it, the largest worker is stopped

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"[limits] {f.name} must be a positive number, not {value!r}")


class LimitExceeded(ReadError):
    """A file refused because it needs more than a limit allows; `limit` names it.

    `resumable`: work done on the file so far is kept (OCR pages cached), so
    the next run goes on from there even under the same limit.
    """

    def __init__(self, limit: str, message: str, resumable: bool = False):
        super().__init__(message)
        self.limit = limit
        self.resumable = resumable


class FileTimeout(BaseException):
    """Raised inside a worker when a file's time is up.

    A BaseException, so that readers' ``except Exception`` (which turns a
    parser's failure into a plain ReadError) cannot swallow it.
    """


_state: dict = {"limits": Limits(), "deadline": None, "kept": 0}


def current() -> Limits:
    """The limits this process applies."""
    return _state["limits"]


def use(limits: Limits) -> None:
    """Apply `limits` in this process from now on."""
    _state["limits"] = limits


def start_file() -> None:
    """Start the clock of one file (the worker calls this; `time_left` counts from here)."""
    _state["deadline"] = time.monotonic() + current().seconds


def end_file() -> None:
    _state["deadline"] = None


def keep_progress() -> None:
    """Note work on the current file that outlives it (an OCR page cached): a stopped file may be resumed."""
    _state["kept"] += 1


def progress_kept() -> int:
    """How often `keep_progress` was called in this process (compare before and after a file)."""
    return _state["kept"]


def time_left() -> float:
    """Seconds the current file may still take (infinite outside a worker's file)."""
    deadline = _state["deadline"]
    return float("inf") if deadline is None else deadline - time.monotonic()


def check_time(doing: str = "reading the file") -> None:
    """Refuse the file when its time is up; for loops that can stop cleanly (pages, OCR)."""
    if time_left() <= 0:
        raise exceeded("seconds", f"{doing} took longer than {_number(current().seconds)} seconds")


def exceeded(name: str, what: str) -> LimitExceeded:
    """The refusal for limit `name`: what the file needs, the limit, and where to change it."""
    value = getattr(current(), name)
    unit = {"file_mb": " MB", "expanded_mb": " MB", "memory_mb": " MB", "run_memory_mb": " MB", "seconds": " seconds",
            "pages": " pages",
            "chars": " characters", "cells": " cells"}[name]
    hint = CONFIG_HINT.format(name=name)
    return LimitExceeded(name, f"{what}; the limit is {_number(value)}{unit} ({hint})")


def check(name: str, amount: float, what: str) -> None:
    """Refuse when `amount` is over limit `name` (in the limit's unit); `what` describes the amount."""
    if amount > getattr(current(), name):
        raise exceeded(name, what)


def check_bytes(name: str, size: int, what: str) -> None:
    """`check` for the limits in megabytes, given bytes."""
    if size > getattr(current(), name) * 2**20:
        raise exceeded(name, f"{what} is {_megabytes(size)}")


def _megabytes(size: int) -> str:
    return f"{size / 2**20:,.1f} MB" if size < 10 * 2**20 else f"{size / 2**20:,.0f} MB"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def address_space() -> int:
    """This process's virtual memory size in bytes (0 when unknown): what RLIMIT_AS caps."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def rss_mb(pid: int) -> float:
    """A process's resident set size in MB (0 when it cannot be read): never less than its PSS, and cheap to read."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def pss_mb(pid: int) -> float:
    """A process's proportional set size in MB (its resident size where the kernel gives no PSS)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return rss_mb(pid)
