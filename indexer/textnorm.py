"""Text normalization shared by the readers, extraction and search.

Two forms of the same text:

* the *display form* (`normalize_text`): what passages hold and pages show.
  Full-width digits and letters become half-width, every kind of space becomes
  an ASCII space, zero-width characters go, and the stray spaces that PDF and
  Word exports leave between Chinese characters and numbers
  (``2023 年`` -> ``2023年``) are removed. Chinese punctuation is kept.
* the *match form* (`match_form`): what search compares. The display form with
  every whitespace removed, every full-width ASCII variant folded
  (``（`` -> ``(``) and letters lower-cased. It maps one character to at most
  one character, so a hit in the match form maps back to the display text
  (`match_form_with_offsets`), which is how snippets mark the right characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

_WIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}  # ０-９
_WIDTH.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_WIDTH.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
# Symbols that belong to numbers and addresses rather than to Chinese prose.
_WIDTH.update({ord(c): ord(c) - 0xFEE0 for c in "＋－％．／＝＜＞＠＃＆＊＿～"})

_SPACES = "\u3000\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\r\f\v"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"

_DISPLAY_TABLE: dict[int, int | str | None] = dict(_WIDTH)
_DISPLAY_TABLE.update({ord(c): " " for c in _SPACES})
_DISPLAY_TABLE.update({ord(c): None for c in _ZERO_WIDTH})

RADICALS_FILE = Path(__file__).resolve().parent / "data" / "radical_chars.tsv"


def _radical_chars() -> dict[int, int]:
    """Radical code points to the characters PDF fonts drew with them: a font that maps a glyph shared by a radical
    and a character to the radical makes PDF text tools (pdfminer) write 人民政府 as ⼈⺠政府, 行政 as ⾏政. The Kangxi
    radicals by their compatibility mapping, the supplement's simplified forms by `RADICALS_FILE`."""
    table = {c: ord(unicodedata.normalize("NFKC", chr(c))) for c in range(0x2F00, 0x2FD6)}
    for line in RADICALS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            radical, char = line.split("\t")
            table[ord(radical)] = ord(char)
    return table


_RADICAL_TABLE = _radical_chars()
_DISPLAY_TABLE.update(_RADICAL_TABLE)

# Characters around which a space is never meaningful in Chinese text.
_CJK = (
    "\u2e80-\u2fff"  # radicals
    "\u3001-\u303f"  # CJK punctuation (not the ideographic space)
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # full-width punctuation
    "\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"  # quotes, ellipsis, dash, middle dot
    "\U00020000-\U0003134f"
)
_DELETED = 0xFFFFFFFF  # no code point: marks a character the table drops


class Translation:
    """`text.translate(table)` for a table of one character to one character or to none, faster on long texts.

    str.translate looks every character of a text up in the table's dict
    (about 115 ns a character here: 4 ms of each report's CPU, profiled, in
    the display form, the match form and the traditional-to-simplified map).
    A text holding none of the table's characters is returned as it is (one
    regex scan, about 6 ns a character, where the table's characters are a
    few ranges); a long one is mapped as an array of code points (numpy,
    about 9 ns a character). The result is the same string.
    """

    LONG = 256  # characters: below this, str.translate's own cost is small

    def __init__(self, table: dict[int, int | str | None]) -> None:
        self.table = table
        self.size = max(table, default=0) + 1
        self.lookup = None  # made on the first long text: a run with nothing to read never loads numpy
        self.deletes = any(v is None for v in table.values())
        keys = sorted(table)
        runs = [k for n, k in enumerate(keys) if not n or keys[n - 1] != k - 1]
        # a class of a few ranges is scanned fast; one of thousands of scattered characters is not
        self.keys = re.compile("[" + "".join(re.escape(chr(k)) for k in keys) + "]") if 0 < len(runs) <= 64 else None

    def __call__(self, text: str) -> str:
        if self.keys is not None and self.keys.search(text) is None:
            return text
        if len(text) < self.LONG:
            return text.translate(self.table)
        import numpy as np

        if self.lookup is None:
            lookup = np.arange(self.size, dtype=np.uint32)
            for k, v in self.table.items():
                lookup[k] = _DELETED if v is None else ord(v) if isinstance(v, str) else v
            self.lookup = lookup
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        mapped = np.where(points < self.size, self.lookup[np.minimum(points, self.size - 1)], points)
        if self.deletes:
            mapped = mapped[mapped != _DELETED]
        return mapped.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")

    @staticmethod
    def of(table: dict) -> "Translation | None":
        """A Translation of `table`, or None when some value is not one character (str.translate is then the way)."""
        if all(v is None or isinstance(v, int) or (isinstance(v, str) and len(v) == 1) for v in table.values()):
            return Translation(table)
        return None


_SPACE_AFTER_CJK = re.compile(f"(?<=[{_CJK}]) +")
_SPACE_BEFORE_CJK = re.compile(f" +(?=[{_CJK}])")
_MULTI_SPACE = re.compile(" {2,}")

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def without_radicals(text: str) -> str:
    """`text` with radical code points as the characters they stand for (⼆、主动公开 -> 二、主动公开), for the readers'
    line rules that match a table's words before any cell is normalized."""
    return _radicals(text)


def normalize_text(text: str) -> str:
    """Return the display form of one paragraph or cell (no newlines kept)."""
    if not text:
        return ""
    if len(text) <= _SHORT:
        return _normalize_short(text)
    return _normalize(text)


_SHORT = 40  # characters: table cells and labels, which repeat across rows and reports


def _normalize(text: str) -> str:
    if text.isalnum():  # no space, zero-width character or punctuation: only the width changes
        return _display(text)
    text = _display(text).replace("\n", " ")
    text = _MULTI_SPACE.sub(" ", text)
    text = _SPACE_AFTER_CJK.sub("", text)
    text = _SPACE_BEFORE_CJK.sub("", text)
    return text.strip()


_normalize_short = lru_cache(maxsize=32768)(_normalize)
_display = Translation(_DISPLAY_TABLE)
_radicals = Translation(_RADICAL_TABLE)


# Match-form folding, one character to at most one: full-width ASCII variants to
# ASCII, ASCII letters to lower case, whitespace removed.
_MATCH_TABLE: dict[int, int | None] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_MATCH_TABLE.update({c: c + 0x20 for c in range(ord("A"), ord("Z") + 1)})
_MATCH_TABLE.update({c: c - 0xFEE0 + 0x20 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ -> a-z
_MATCH_TABLE.update({ord(c): None for c in " \n" + _SPACES + _ZERO_WIDTH})
_MATCH_TABLE_LINES = {c: v for c, v in _MATCH_TABLE.items() if c != ord("\n")}  # the same, keeping line breaks
_match = Translation(_MATCH_TABLE)
_match_lines = Translation(_MATCH_TABLE_LINES)


def fold(display: str) -> str:
    """Match form of text already in display form (no newlines expected)."""
    return _match(display)


def fold_lines(texts: list[str]) -> str:
    """The match forms of `texts`, one a line: `"\n".join(map(fold, texts))`, in one pass when no text holds a line break."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return "\n".join(map(fold, texts))
    return _match_lines(joined)


def match_form(text: str) -> str:
    """The form search compares: display form without whitespace, folded."""
    return fold(normalize_text(text))


def match_form_with_offsets(display: str) -> tuple[str, list[int]]:
    """Match form of an already normalized text, with each character's index in it.

    The table maps a character to one character or to none, so the offsets
    are the indexes of the characters it keeps: runs between the dropped ones
    (a character at a time cost 2 ms a passage, most of a results page).
    """
    folded = display.translate(_MATCH_TABLE)
    if len(folded) == len(display):
        return folded, list(range(len(display)))
    offsets: list[int] = []
    kept_from = 0
    for m in _DROPPED.finditer(display):
        offsets.extend(range(kept_from, m.start()))
        kept_from = m.end()
    offsets.extend(range(kept_from, len(display)))
    return folded, offsets


_DROPPED = re.compile("[" + "".join(re.escape(chr(c)) for c, v in _MATCH_TABLE.items() if not v) + "]+")


_HAN_RUN = re.compile(HAN.pattern + "+")


TRADITIONAL_FILE = Path(__file__).resolve().parent / "data" / "traditional_chars.tsv"


@lru_cache(maxsize=1)
def _simplifying() -> dict[int, str]:
    table = {}
    for line in TRADITIONAL_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, simple = line.split("\t")
            table[ord(traditional)] = simple
    return table


@lru_cache(maxsize=1)
def _simplifier():
    return Translation.of(_simplifying()) or (lambda text: text.translate(_simplifying()))


def simplified(text: str) -> str:
    """Traditional characters as simplified ones, one character for one (規範性檔案 → 规范性档案): mirror sites
    serve reports converted to traditional script, and labels and headings are matched in simplified form."""
    return _simplifier()(text)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# 應(yīng)急, 國(guó): a syllable with its tone mark in brackets right after a Han character
_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]")


def without_glosses(text: str) -> str:
    """Text without the pinyin a mirror site puts after characters (應(yīng)急 → 應急)."""
    return _GLOSS.sub("", text)


def han_count(text: str) -> int:
    """How many Han characters `text` holds (counted by runs: a third of the time of one match each)."""
    return sum(map(len, _HAN_RUN.findall(text)))


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


def is_control_heavy(text: str, limit: float = 0.05) -> bool:
    """True when a decoded text is mostly binary noise (control or unassigned characters)."""
    if not text:
        return False
    sample = text[:20000]
    rest = _NEVER_NOISE.sub("", sample)  # most of a text; the rest: each distinct character looked at once
    bad = sum(n for ch, n in Counter(rest).items() if _is_noise(ch))
    return bad / len(sample) > limit


# Printable ASCII, line breaks and tabs, the CJK ideographs, CJK punctuation and full-width forms: every one
# assigned and none a control character (tests/test_textnorm.py checks each).
NEVER_NOISE = "\n\r\t\f\x20-\x7e\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e"
_NEVER_NOISE = re.compile(f"[{NEVER_NOISE}]+")


def _is_noise(ch: str) -> bool:
    return (ch < " " and ch not in "\n\r\t\f") or unicodedata.category(ch) in ("Cn", "Co", "Cs")
