"""Index generations: how an index folder survives crashes.

The index folder holds numbered generation folders and a ``CURRENT`` file
naming the live one. Writers build ``gen-N.tmp`` beside the live generation,
starting from hard links to its files (whoosh never rewrites a file it has
written, so the links are safe and cost nothing), then rename it to
``gen-N`` and replace ``CURRENT`` atomically. Whatever moment a run dies at,
``CURRENT`` names a complete generation. Readers notice a new generation by
reading ``CURRENT`` again.

One writer at a time holds ``WRITER.lock``; what a dead writer leaves behind
(``*.tmp`` folders, ``*.part`` files) is removed by the next one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

CURRENT = "CURRENT"
LOCK = "WRITER.lock"
_GEN = re.compile(r"^gen-(\d{6})$")
_LOCK_FILES = re.compile(r"LOCK", re.I)


def current(index_dir: Path) -> Path | None:
    """The live generation folder, or None when there is no complete index."""
    try:
        name = (index_dir / CURRENT).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not _GEN.match(name):
        return None
    path = index_dir / name
    return path if (path / "meta.json").is_file() else None


def read_meta(generation: Path) -> dict:
    return json.loads((generation / "meta.json").read_text(encoding="utf-8"))


def _numbers(index_dir: Path) -> list[int]:
    out = []
    for child in index_dir.iterdir() if index_dir.is_dir() else []:
        m = re.match(r"^gen-(\d{6})(?:\.tmp)?$", child.name)
        if m:
            out.append(int(m.group(1)))
    return out


def start(index_dir: Path, base: Path | None) -> Path:
    """Create the next generation's temporary folder, seeded with links to `base`."""
    index_dir.mkdir(parents=True, exist_ok=True)
    number = max(_numbers(index_dir), default=0) + 1
    tmp = index_dir / f"gen-{number:06d}.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    if base is not None:
        for src in base.rglob("*"):
            rel = src.relative_to(base)
            dst = tmp / rel
            if src.is_dir():
                dst.mkdir(parents=True, exist_ok=True)
            elif not _LOCK_FILES.search(src.name) and src.name != "meta.json":
                dst.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(src, dst)
                except OSError:  # file systems without hard links
                    shutil.copy2(src, dst)
    return tmp


def publish(index_dir: Path, tmp: Path, meta: dict) -> Path:
    """Make a finished temporary generation the live one."""
    _write_atomic(tmp / "meta.json", json.dumps(meta, ensure_ascii=False, indent=1))
    final = tmp.with_name(tmp.name[: -len(".tmp")])
    os.replace(tmp, final)
    _fsync_dir(index_dir)
    _write_atomic(index_dir / CURRENT, final.name + "\n")
    return final


def cleanup(index_dir: Path, keep: int = 2) -> None:
    """Remove what unfinished runs left and all but the `keep` newest finished generations.

    Call it holding the `WriterLock`. The previous generation is kept so that
    a reader that opened it a moment ago can finish its work.
    """
    live = current(index_dir)
    if not index_dir.is_dir():
        return
    finished = sorted(p for p in index_dir.iterdir() if _GEN.match(p.name))
    for path in index_dir.iterdir():
        if path.name.endswith(".tmp") and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.name.endswith(".part") and path.is_file():
            path.unlink(missing_ok=True)
    for path in finished[:-keep] if keep else finished:
        if path != live:
            shutil.rmtree(path, ignore_errors=True)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class IndexBusy(Exception):
    """Another process is writing this index."""


_held_locks: set[int] = set()  # descriptors of the locks this process holds


def _forget_locks_in_child() -> None:
    """A forked child (a worker) closes its copy of the parent's lock, so it can never keep it alive."""
    for fd in list(_held_locks):
        try:
            os.close(fd)
        except OSError:
            pass
    _held_locks.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_locks_in_child)


class WriterLock:
    """One writer per index folder at a time.

    An advisory lock (``flock``) on ``WRITER.lock``: the kernel releases it
    when its holder dies, so the next run takes over the lock of a killed run
    by itself, with no stale file to remove. The holder writes its process id
    into the file, so that a second run can say who is writing.
    """

    def __init__(self, index_dir: Path):
        self.path = index_dir / LOCK
        self._fd: int | None = None

    def __enter__(self) -> "WriterLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl
        except ImportError:  # no fcntl (Windows): one writer is the user's responsibility
            fcntl = None
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                holder = _holder(fd)
                os.close(fd)
                who = f" (process {holder})" if holder else ""
                raise IndexBusy(f"another 'nianbao index'{who} is writing {self.path.parent}; "
                                "wait for it to finish, then run again") from exc
        self._fd = fd
        _held_locks.add(fd)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError:
            pass
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            _held_locks.discard(self._fd)
            try:
                os.ftruncate(self._fd, 0)
            except OSError:
                pass
            os.close(self._fd)
            self._fd = None


def _holder(fd: int) -> int | None:
    """The process id the lock's holder wrote, if it is a running process."""
    try:
        pid = int(os.pread(fd, 32, 0).decode("ascii").strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except PermissionError:  # running, as another user
        return pid
    except OSError:
        return None
    return pid
