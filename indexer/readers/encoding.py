"""Turn the bytes of a text or HTML file into text.

Government sites serve UTF-8 and GBK, often without saying which, and
sometimes saying the wrong one. Strict UTF-8 almost never succeeds on GBK
bytes, so it is tried first; a declared charset comes next; GB18030 (a
superset of GBK and GB2312) is the fallback. Text that decodes only with many
errors or into control characters is refused rather than indexed as noise.

GB18030 decodes almost any bytes without an error, including Big5 and
Shift-JIS text, into strings of rare characters (mojibake). Simplified Chinese
prose is nearly all (≥ 99 % in reports) in GB2312's first level of common
characters, mojibake a third or less: below `_COMMON_SHARE`, the bytes are
read again as a file mixing UTF-8 and GBK lines, as Big5 (traditional
Chinese, decoded) and as Shift-JIS (Japanese, refused with that reason).
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

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
        if enc == "gb18030":
            return _unless_mojibake(data, text, enc)
        if is_control_heavy(text):
            raise ReadError("the file holds binary data, not text")
        return text, enc
    mixed = _mixed_lines(data)  # lines saved by different programs
    if mixed is not None and not is_control_heavy(mixed) and (common_share(mixed) or 1) >= _COMMON_SHARE:
        return mixed, "utf-8+gb18030"
    # Last chance: a few broken bytes in otherwise good GB18030 or UTF-8 text.
    for enc in ("gb18030", "utf-8"):
        text = data.decode(enc, errors="replace")
        broken = text.count("\ufffd")
        if broken <= max(3, len(text) // 1000) and not is_control_heavy(text):
            return _unless_mojibake(data, text, enc)
    raise ReadError("the file is neither UTF-8, GBK/GB18030 nor UTF-16 text (binary data?)")


_COMMON_SHARE = 0.6  # of Han characters among GB2312's common ones: below, GB18030 text is mojibake
_SAMPLE = 4000  # Han characters looked at


_HAN_CHAR = re.compile("[\u4e00-\u9fff]")


def _han(text: str) -> list[str]:
    """The first `_SAMPLE` Han characters of `text`."""
    return _HAN_CHAR.findall(text)[:_SAMPLE]


def _share_in(text: str, codec: str, low: int, high: int) -> float | None:
    """Share of the Han characters of `text` whose `codec` lead byte lies in [low, high] (None: too few)."""
    han = _han(text)
    if len(han) < 20:
        return None
    hits = 0
    for ch, n in Counter(han).items():  # each distinct character encoded once
        try:
            hits += n * (low <= ch.encode(codec)[0] <= high)
        except UnicodeEncodeError:
            pass
    return hits / len(han)


def common_share(text: str) -> float | None:
    """Share of Han characters among GB2312's 3,755 common characters (lead bytes B0-D7)."""
    return _share_in(text, "gb2312", 0xB0, 0xD7)


def _unless_mojibake(data: bytes, text: str, enc: str) -> tuple[str, str]:
    """`text` as decoded, unless GB18030 made mojibake of another encoding: then that one, or a refusal."""
    if enc != "gb18030":
        return text, enc
    share = common_share(text)
    binary = is_control_heavy(text)  # Big5 read as GBK falls in GBK's user-defined area
    if not binary and (share is None or share >= _COMMON_SHARE):
        return text, enc
    mixed = _mixed_lines(data)
    if mixed is not None and (common_share(mixed) or 0) >= _COMMON_SHARE:
        return mixed, "utf-8+gb18030"
    try:
        japanese = data.decode("cp932")
    except UnicodeDecodeError:
        japanese = None
    if japanese is not None and _kana_share(japanese) >= 0.1:
        raise ReadError("the file is Japanese text (Shift-JIS), not a Chinese report")
    try:
        traditional = data.decode("big5")
    except UnicodeDecodeError:
        traditional = None
    # Big5's common characters have lead bytes A4-C6.
    if traditional is not None and (_share_in(traditional, "big5", 0xA4, 0xC6) or 0) >= 0.8:
        return traditional, "big5"
    if binary:
        raise ReadError("the file holds binary data, not text")
    raise ReadError("the text's encoding is unknown: read as GBK it gives mostly rare characters (mojibake); "
                    "save the file as UTF-8")


def _mixed_lines(data: bytes) -> str | None:
    """A file whose lines are partly UTF-8 and partly GBK, each line decoded by the encoding it is in."""
    lines = []
    any_utf8 = False
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
            any_utf8 = any_utf8 or not line.isascii()
        except UnicodeDecodeError:
            try:
                lines.append(line.decode("gb18030"))
            except UnicodeDecodeError:
                return None
    return "\n".join(lines) if any_utf8 else None


def _kana_share(text: str) -> float:
    letters = [ch for ch in text[:20000] if ord(ch) > 0x2FFF]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if "\u3040" <= ch <= "\u30ff") / len(letters)


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: ASCII-range characters leave every other byte zero."""
    sample = data[:4000]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half
