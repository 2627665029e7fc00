"""Recognised pages cached on disk by content, so a re-index never runs OCR on the same page again.

An entry is a small JSON file named by the hash of what was recognised (the
picture's bytes, or the PDF file's bytes and the page number) and of the OCR
code's version; it is written to a temporary name and renamed, so a crash
never leaves half an entry. Without a cache folder nothing is stored.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .model import Line, OcrPage, OcrTable


class OcrCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / key[-2:] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: dict[str, Any]) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(value, f, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a full or read-only disk costs a later re-recognition, never the run


def page_to_json(page: OcrPage) -> dict[str, Any]:
    return {
        "width": page.width,
        "height": page.height,
        "lines": [[ln.text, ln.x0, ln.top, ln.x1, ln.bottom, ln.confidence] for ln in page.lines],
        "tables": [{"top": t.top, "box": list(t.box), "rows": t.rows, "confidence": t.confidence} for t in page.tables],
    }


def page_from_json(d: dict[str, Any]) -> OcrPage:
    return OcrPage(d["width"], d["height"], [Line(*ln) for ln in d["lines"]],
                   [OcrTable(t["top"], tuple(t["box"]), t["rows"], t["confidence"]) for t in d["tables"]])
