"""Index generations: how an index folder survives crashes.

The index folder holds numbered generation folders and a ``CURRENT`` file
naming the live one. Writers build ``gen-N.tmp`` beside the live generation,
starting from hard links to its files (whoosh never rewrites a file it has
written, so the links are safe and cost nothing), then rename it to
``gen-N`` and replace ``CURRENT`` atomically. Whatever moment a run dies at,
``CURRENT`` names a complete generation. Readers notice a new generation by
reading ``CURRENT`` again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

CURRENT = "CURRENT"
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
    """Remove unfinished generations and all but the `keep` newest finished ones.

    The previous generation is kept so that a reader that opened it a moment
    ago can finish its work.
    """
    live = current(index_dir)
    if not index_dir.is_dir():
        return
    finished = sorted(p for p in index_dir.iterdir() if _GEN.match(p.name))
    for path in index_dir.iterdir():
        if path.name.endswith(".tmp") and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
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
