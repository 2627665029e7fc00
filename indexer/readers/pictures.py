"""Pictures in a web page or a Word file, read by OCR into blocks (`indexer.ocr.image_blocks`).

A page saved by a browser keeps its pictures in a folder beside it
(``报告_files/image001.png``) or inline as ``data:`` URIs; agencies often paste
the three tables into their page as pictures. Only those two sources are
read: a picture on another site is never fetched, and a relative path is
followed only when it stays inside the page's own folder (no ``..`` out of
it, no absolute paths), so a hostile page cannot make the indexer read other
files. Sizes and counts are bounded.
"""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..blocks import Block, Paragraph

MAX_PICTURE_BYTES = 20 * 1024 * 1024
MAX_PICTURES = 40  # per file; a page with more pictures than this is decoration
_DATA_URI = re.compile(r"^data:image/[a-z0-9.+-]+(?:;[a-z0-9=.+-]+)*;base64,", re.I)
TOKEN = "〔识别图片{}〕"  # stands for a picture's blocks while the reader lays the text out
_TOKEN = re.compile(r"〔识别图片(\d+)〕")


def picture_bytes(src: str | None, page_dir: Path) -> bytes | None:
    """The bytes of an ``<img src>``: a base64 data URI, or a file inside the page's folder; else None."""
    if not src:
        return None
    src = src.strip()
    m = _DATA_URI.match(src)
    if m:
        payload = src[m.end():]
        if len(payload) > MAX_PICTURE_BYTES * 4 // 3 + 4:
            return None
        try:
            return base64.b64decode(re.sub(r"\s+", "", unquote(payload)), validate=False)
        except (binascii.Error, ValueError):
            return None
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # http:, file:, //host/…: never fetched
    relative = unquote(parts.path).replace("\\", "/")
    if relative.startswith("/"):
        return None
    root = page_dir.resolve()
    try:
        target = (root / relative).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if not target.is_relative_to(root) or not target.is_file():
        return None
    try:
        if target.stat().st_size > MAX_PICTURE_BYTES:
            return None
        return target.read_bytes()
    except OSError:
        return None


def expand_tokens(blocks: list[Block], pictures: dict[int, list[Block]]) -> list[Block]:
    """Blocks with each picture token replaced by the picture's recognised blocks (text around it kept)."""
    if not pictures:
        return blocks
    out: list[Block] = []
    for block in blocks:
        if not isinstance(block, Paragraph) or "〔识别图片" not in block.text:
            out.append(block)
            continue
        pos = 0
        for m in _TOKEN.finditer(block.text):
            before = block.text[pos:m.start()].strip()
            if before:
                out.append(Paragraph(before, block.ocr))
            out.extend(pictures.get(int(m.group(1)), []))
            pos = m.end()
        after = block.text[pos:].strip()
        if after:
            out.append(Paragraph(after, block.ocr))
    return out
