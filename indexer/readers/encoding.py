"""Turn the bytes of a text or HTML file into text.

Government sites serve UTF-8 and GBK, often without saying which, and
sometimes saying the wrong one. Strict UTF-8 almost never succeeds on GBK
bytes, so it is tried first; a declared charset comes next; GB18030 (a
superset of GBK and GB2312) is the fallback. Text that decodes only with many
errors or into control characters is refused rather than indexed as noise.
"""

from __future__ import annotations

import codecs

from ..textnorm import is_control_heavy
from . import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Declared charsets that are really GB18030 or subsets of it.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "euc-cn", "gb_2312-80", "csgb2312"}


def canonical_charset(name: str | None) -> str | None:
    """Python codec name for a declared charset, or None when unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# Binary formats that GB18030 can decode without an error, because most of their bytes are ASCII.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip data"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode file bytes; return (text, encoding used). Raise ReadError for binary data."""
    head = data[:16].lstrip()
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise ReadError(f"the file is {kind}, not text; give it the right file extension")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ReadError(f"the file starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()}") from exc
    if _looks_utf16(data):
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if not is_control_heavy(text):
                return text, enc
    candidates = ["utf-8"]
    declared_enc = canonical_charset(declared)
    if declared_enc and declared_enc not in candidates:
        candidates.append(declared_enc)
    if "gb18030" not in candidates:
        candidates.append("gb18030")
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if is_control_heavy(text):
            raise ReadError("the file holds binary data, not text")
        return text, enc
    # Last chance: a few broken bytes in otherwise good GB18030 or UTF-8 text.
    for enc in ("gb18030", "utf-8"):
        text = data.decode(enc, errors="replace")
        broken = text.count("\ufffd")
        if broken <= max(3, len(text) // 1000) and not is_control_heavy(text):
            return text, enc
    raise ReadError("the file is neither UTF-8, GBK/GB18030 nor UTF-16 text (binary data?)")


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: ASCII-range characters leave every other byte zero."""
    sample = data[:4000]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half
