"""Word segmentation and character n-grams: the tokens the index is built from.

Words come from jieba with our domain dictionary (template terms and every
place name of the gazetteer), loaded lazily and once per process: whoosh
pickles the analyzer into worker processes, and a dictionary added in the
parent does not reach a process started with ``spawn``. Tokens keep digits and
Latin runs (``3件`` is ``3`` + ``件``) and carry character offsets.

N-grams (single characters and pairs of the match form) let search find any
string a report contains, whatever the segmentation: see `indexer.search`.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .textnorm import fold

DATA = Path(__file__).parent / "data"
DOMAIN_WORDS = DATA / "domain_words.txt"

_lock = threading.Lock()
_state: dict[str, object] = {"extra": (), "tokenizer": None, "loaded_extra": None, "blocks": {}, "han": None}


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # folded (match form) token text
    start: int
    end: int


def configure(extra_dictionaries: tuple[str, ...] | list[str] = ()) -> None:
    """Name user dictionary files (from config.toml) to load besides the built-in one."""
    _state["extra"] = tuple(str(p) for p in extra_dictionaries)


def ensure_configured(extra_dictionaries: tuple[str, ...]) -> None:
    """Configure this process with `extra_dictionaries` unless it already is (cheap when it is)."""
    if _state["extra"] != tuple(extra_dictionaries):
        configure(extra_dictionaries)


def _dictionary_words(extra: tuple[str, ...]) -> list[tuple[str, int | None]]:
    from .gazetteer import place_names

    words: list[tuple[str, int | None]] = []
    for path in (DOMAIN_WORDS, *map(Path, extra)):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            words.append((parts[0], freq))
    words.extend((name, None) for name in place_names())
    return words


def dictionary_hash(extra_dictionaries: tuple[str, ...] | list[str] | None = None) -> str:
    """Fingerprint of everything that changes segmentation; stored in the index."""
    import jieba

    extra = tuple(extra_dictionaries) if extra_dictionaries is not None else _state["extra"]
    h = hashlib.sha256(jieba.__version__.encode())
    for path in (DOMAIN_WORDS, *map(Path, extra)):  # type: ignore[arg-type]
        h.update(Path(path).read_bytes())
    gazetteer_files = sorted(DATA.glob("gazetteer*"))
    for path in gazetteer_files:
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _cache_file(extra: tuple[str, ...]) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "nianbao" / f"jieba-{dictionary_hash(extra)}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _cached_tokenizer(jieba, extra: tuple[str, ...]):
    """jieba's tokenizer with our words from the cache file written by an earlier process, or None.

    Building it (jieba's dictionary, then 35,000 words one `add_word` each)
    takes about 2 s, loading the result 0.2 s: that is what makes the first
    answer of `nianbao search` and of a new server fast. The file's name
    holds `dictionary_hash`, so any change of words or of jieba makes a new one.
    """
    try:
        freq, total = marshal.loads(_cache_file(extra).read_bytes())  # loads(bytes): load(file) is 3x slower
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(freq, dict) or not isinstance(total, int):
        return None
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    return tok


def _save_tokenizer(tok, extra: tuple[str, ...]) -> None:
    """Write the cache file (atomically); a cache folder that cannot be written only costs time."""
    try:
        path = _cache_file(extra)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
        with os.fdopen(fd, "wb") as f:
            marshal.dump((tok.FREQ, tok.total), f)
        os.replace(tmp, path)
    except OSError:
        pass


def tokenizer():
    """This process's jieba tokenizer with the domain dictionary loaded (from the cache file when there is one)."""
    extra = _state["extra"]
    tok = _state["tokenizer"]
    if tok is not None and _state["loaded_extra"] == extra:
        return tok
    with _lock:
        if _state["tokenizer"] is None or _state["loaded_extra"] != extra:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tok = _cached_tokenizer(jieba, extra)  # type: ignore[arg-type]
            if tok is None:
                tok = jieba.Tokenizer()
                tok.initialize()
                for word, freq in _dictionary_words(extra):  # type: ignore[arg-type]
                    tok.add_word(word, freq)
                _save_tokenizer(tok, extra)  # type: ignore[arg-type]
            _state["tokenizer"] = tok
            _state["loaded_extra"] = extra
            _state["blocks"] = {}
            _state["han"] = jieba.re_han_default
    return _state["tokenizer"]


def _kept(folded: str) -> bool:
    return bool(folded) and (folded.isalnum() or any(ch.isalnum() for ch in folded))


MAX_RUN = 400  # characters of one block jieba segments at once


def _block_words(tok, block: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's words of one block of Han characters, letters and digits: (folded, start, end).

    A block longer than `MAX_RUN` characters (no sentence of a report is) is
    segmented `MAX_RUN` characters at a time: jieba's HMM for unknown words
    copies its path at every step, quadratic in the run (200,000 characters
    took 65 s; 20,000 8 s, now 1.3 s).
    """
    out = []
    start = 0
    for piece in range(0, len(block), MAX_RUN):
        for token in tok._Tokenizer__cut_DAG(block[piece:piece + MAX_RUN]):  # what jieba.cut runs on a block
            end = start + len(token)
            folded = fold(token)
            if _kept(folded):
                out.append((folded, start, end))
            start = end
    return tuple(out)


BLOCK_CACHE = 20_000  # blocks remembered per process (about 10 MB): table labels and headings recur in every report


def words(text: str) -> list[Word]:
    """Segment display text into folded words with character offsets.

    Whitespace and punctuation-only tokens are dropped; digits, Latin runs and
    single characters are kept. The result is jieba's `tokenize(text, HMM=True)`
    exactly: jieba cuts the text into blocks of Han characters, letters and
    digits (everything else is one token per character) and segments each block
    on its own, so each distinct block is segmented once per process and
    remembered: the labels of the three tables and the headings recur in every
    report.
    """
    tok = tokenizer()
    cache: dict = _state["blocks"]  # type: ignore[assignment]
    han = _state["han"]
    out: list[Word] = []
    append = out.append
    pos = 0
    for block in han.split(text):  # type: ignore[union-attr]
        if not block:
            continue
        if han.match(block):  # type: ignore[union-attr]
            found = cache.get(block)
            if found is None:
                found = _block_words(tok, block)
                if len(block) <= MAX_RUN:  # a long block is a one-off, and would cost the cache's memory
                    if len(cache) >= BLOCK_CACHE:
                        cache.clear()
                    cache[block] = found
            for folded, start, end in found:
                append(Word(folded, pos + start, pos + end))
        else:
            for i, ch in enumerate(block):
                if not ch.isspace():
                    folded = fold(ch)
                    if _kept(folded):
                        append(Word(folded, pos + i, pos + i + 1))
        pos += len(block)
    return out


def query_words(text: str) -> list[str]:
    """Words of a query string, segmented like the index (search engine mode: longer words too)."""
    return [w.text for w in words(text)]


def grams(match_text: str) -> set[str]:
    """Every single character and every adjacent pair of a match-form text.

    Newlines separate passages; no pair spans one, since no query can.
    """
    out: set[str] = set()
    for line in match_text.split("\n"):
        out.update(line)
        out.update(map(str.__add__, line, line[1:]))
    return out


def query_grams(s: str) -> list[str]:
    """The n-grams a document must hold to contain the match-form string `s`."""
    if len(s) <= 2:
        return [s] if s else []
    return sorted({s[i:i + 2] for i in range(len(s) - 1)})
