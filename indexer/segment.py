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
import re
import sqlite3
import sys
import tempfile
import threading
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from .textnorm import fold

DATA = Path(__file__).parent / "data"
DOMAIN_WORDS = DATA / "domain_words.txt"

_lock = threading.Lock()
_state: dict[str, object] = {"extra": (), "tokenizer": None, "loaded_extra": None, "blocks": {}, "han": None,
                             "query_tokenizer": None, "fast": None, "index_lookup": False}


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
    extra = tuple(extra_dictionaries) if extra_dictionaries is not None else _state["extra"]
    h = hashlib.sha256(_jieba_version().encode())
    for path in (DOMAIN_WORDS, *map(Path, extra)):  # type: ignore[arg-type]
        h.update(Path(path).read_bytes())
    gazetteer_files = sorted(DATA.glob("gazetteer*"))
    for path in gazetteer_files:
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _jieba_version() -> str:
    """jieba's version, read from its source when it is not imported yet.

    Importing jieba loads its HMM tables and, through its own imports,
    pkg_resources: 0.15-0.6 s (profiled) of a `nianbao index` that finds nothing to do.
    """
    if "jieba" not in sys.modules:
        import importlib.util

        try:
            spec = importlib.util.find_spec("jieba")
            with open(spec.origin, encoding="utf-8") as f:  # type: ignore[union-attr, arg-type]
                found = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", f.read(4096), re.M)
        except (ImportError, AttributeError, TypeError, OSError, ValueError):
            found = None
        if found:
            return found.group(1)
    return _import_jieba().__version__


def _cache_file(extra: tuple[str, ...]) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "nianbao" / f"jieba-{dictionary_hash(extra)}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _import_jieba():
    """jieba, imported without pkg_resources.

    jieba 0.42 imports pkg_resources only to open its own data files, and that
    import alone took 0.2-0.6 s of every `nianbao search` (profiled); without
    it jieba opens the same files beside its module.
    """
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` fail
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


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
    _save_lookup_file(tok, extra)


def _lookup_file(extra: tuple[str, ...]) -> Path:
    return _cache_file(extra).with_suffix(".sqlite")


def _save_lookup_file(tok, extra: tuple[str, ...]) -> None:
    """Write the tokenizer's frequencies as a SQLite table (atomically), for `query_words` in a short process."""
    try:
        path = _lookup_file(extra)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
        os.close(fd)
        db = sqlite3.connect(tmp)
        try:
            db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE total (n INTEGER NOT NULL)")
            db.executemany("INSERT INTO freq VALUES (?, ?)", tok.FREQ.items())
            db.execute("INSERT INTO total VALUES (?)", (tok.total,))
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        pass


LOOKUPS_KEPT = 200_000  # words looked up in the SQLite file and remembered (about 20 MB), then forgotten


class _Frequencies:
    """jieba's FREQ looked up in the SQLite file one word at a time, as jieba reads it (`in`, `[]`, `get`).

    Segmenting a query reads a few dozen of the 600,000 entries, so a short
    process (`nianbao search`) need not load them all (1.3-2.5 s on a busy
    machine, profiled), nor the server (0.5 s of its start-up, 72 MB); the
    words are exactly those of the full tokenizer. What was looked up is
    remembered up to `LOOKUPS_KEPT` words, so a server's memory stays bounded
    whatever it is asked.
    """

    def __init__(self, db: sqlite3.Connection):
        self._db = db
        self._lock = threading.Lock()
        self._seen: dict[str, int | None] = {}

    def get(self, word: str, default=None):
        found = self._seen.get(word, self)  # self: not looked up yet (None: not a word)
        if found is self:
            with self._lock:
                row = self._db.execute("SELECT n FROM freq WHERE word = ?", (word,)).fetchone()
            found = row[0] if row else None
            if len(self._seen) >= LOOKUPS_KEPT:
                self._seen.clear()
            self._seen[word] = found
        return default if found is None else found

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found


def _lookup_tokenizer(jieba, extra: tuple[str, ...]):
    """A jieba tokenizer reading its frequencies from the lookup file, or None when there is none yet."""
    path = _lookup_file(extra)
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        (total,) = db.execute("SELECT n FROM total").fetchone()
    except (sqlite3.Error, TypeError):
        return None
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = _Frequencies(db), total, True
    return tok


def _query_tokenizer():
    """The tokenizer for a query: this process's full one when loaded, else one over the lookup file.

    When neither the full tokenizer nor a readable lookup file exists, the full
    one is loaded and the file (re)written for the next process: a file left by
    another version, or damaged, would otherwise cost every search the full load.
    """
    extra = _state["extra"]
    if _state["tokenizer"] is not None and _state["loaded_extra"] == extra:
        return _state["tokenizer"]
    cached = _state["query_tokenizer"]
    if cached is not None and cached[0] == extra:  # type: ignore[index]
        return cached[1]  # type: ignore[index]
    with _lock:
        tok = _lookup_tokenizer(_import_jieba(), extra)  # type: ignore[arg-type]
        if tok is not None:
            _state["query_tokenizer"] = (extra, tok)
            _state["blocks"] = {}  # segmented with whatever words were loaded before
            _state["han"] = sys.modules["jieba"].re_han_default
    if tok is not None:
        return tok
    full = tokenizer()
    _save_lookup_file(full, extra)  # type: ignore[arg-type]
    return full


def tokenizer():
    """This process's jieba tokenizer with the domain dictionary loaded (from the cache file when there is one)."""
    extra = _state["extra"]
    tok = _state["tokenizer"]
    if tok is not None and _state["loaded_extra"] == extra:
        return tok
    with _lock:
        if _state["tokenizer"] is None or _state["loaded_extra"] != extra:
            jieba = _import_jieba()
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


# Pieces of a block that jieba-rs segments exactly as jieba does: Han characters (jieba's range),
# ASCII letters and digits. Inside its HMM, jieba-rs cuts a run of other symbols differently
# (4-147 is one token there, three in jieba), so blocks holding them stay with jieba.
_FAST_SAFE = re.compile("[\u4e00-\u9fd5a-zA-Z0-9]+")
FAST_AFTER = 20  # files: a run reading fewer does not pay for building the fast segmenter (0.5 s)


def load_fast() -> bool:
    """Build jieba-rs (`rjieba`) with exactly this process's jieba words, frequencies and total; False without it.

    It then segments the blocks it agrees with jieba on (`_FAST_SAFE`), about
    ten times as fast: jieba's DAG and HMM in Python were most of the CPU of
    indexing text. It takes the same inputs and the same arithmetic (each
    word's log frequency minus the log of the total, ties to the longer word,
    the same HMM tables), so it gives jieba's words: tests/test_segment.py
    compares the two, and bench/segment_check.py over a whole corpus. Built
    once in the indexing run before its workers fork (0.5 s, 43 MB shared).
    """
    tok = tokenizer()
    fast = _state["fast"]
    if fast is not None and fast[0] is tok:  # type: ignore[index]
        return True
    try:
        import rjieba
    except ImportError:
        return False
    rj = rjieba.Jieba.empty()
    add = rj.add_word
    words_total = 0
    for word, freq in tok.FREQ.items():
        if freq:  # jieba keeps every word's prefixes at frequency 0: never a word of its DAG
            add(word, freq, None)
            words_total += freq
    if tok.total > words_total:
        # jieba's total also counts frequencies that add_word replaced; jieba-rs's is the sum of
        # its words. A word no block can hold (private-use characters) makes the two equal.
        add("\ue000\ue001", tok.total - words_total, None)
    _state["fast"] = (tok, rj)
    return True


def _block_words(tok, block: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's words of one block of Han characters, letters and digits: (folded, start, end).

    A block longer than `MAX_RUN` characters (no sentence of a report is) is
    segmented `MAX_RUN` characters at a time: jieba's HMM for unknown words
    copies its path at every step, quadratic in the run (200,000 characters
    took 65 s; 20,000 8 s, now 1.3 s).
    """
    fast = _state["fast"]
    rj = fast[1] if fast is not None and fast[0] is tok else None  # type: ignore[index]
    out = []
    start = 0
    for piece in range(0, len(block), MAX_RUN):
        chunk = block[piece:piece + MAX_RUN]
        if rj is not None and _FAST_SAFE.fullmatch(chunk):
            tokens = rj.tokenize(chunk)  # letters, digits and Han: every token kept
            if fold(chunk) != chunk:  # capital letters: folded one token at a time
                tokens = [(fold(token), s, e) for token, s, e in tokens]
            out.extend(tokens if not start else [(token, start + s, start + e) for token, s, e in tokens])
            start += len(chunk)
            continue
        for token in tok._Tokenizer__cut_DAG(chunk):  # what jieba.cut runs on a block
            end = start + len(token)
            folded = fold(token)
            if _kept(folded):
                out.append((folded, start, end))
            start = end
    return tuple(out)


BLOCK_CACHE = 20_000  # blocks remembered per process (about 10 MB): table labels and headings recur in every report


def _block_entry(tok, block: str, han) -> tuple[tuple[tuple[str, int, int], ...], tuple[str, ...]]:
    """One block's words, (folded, start, end) within the block, and their texts alone; remembered.

    A block of Han characters, letters and digits is segmented (`_block_words`);
    anything else is one token per character, of which only those with a letter
    or digit are kept (whitespace and punctuation are dropped).
    """
    cache: dict = _state["blocks"]  # type: ignore[assignment]
    found = cache.get(block)
    if found is not None:
        return found
    if han.match(block):
        triples = _block_words(tok, block)
    else:
        triples = tuple((folded, i, i + 1) for i, folded in enumerate(map(fold, block)) if _kept(folded))
    found = (triples, tuple(map(itemgetter(0), triples)))
    if len(block) <= MAX_RUN:  # a long block is a one-off, and would cost the cache's memory
        if len(cache) >= BLOCK_CACHE:
            cache.clear()
        cache[block] = found
    return found


def words(text: str, tok=None) -> list[Word]:
    """Segment display text into folded words with character offsets.

    Whitespace and punctuation-only tokens are dropped; digits, Latin runs and
    single characters are kept. The result is jieba's `tokenize(text, HMM=True)`
    exactly: jieba cuts the text into blocks of Han characters, letters and
    digits (everything else is one token per character) and segments each block
    on its own, so each distinct block is segmented once per process and
    remembered: the labels of the three tables and the headings recur in every
    report. `tok` is the tokenizer to use (this process's full one by default).
    """
    tok = tok or tokenizer()
    han = _state["han"]
    out: list[Word] = []
    append = out.append
    pos = 0
    for block in han.split(text):  # type: ignore[union-attr]
        if block:
            for folded, start, end in _block_entry(tok, block, han)[0]:
                append(Word(folded, pos + start, pos + end))
            pos += len(block)
    return out


def index_from_lookup(on: bool) -> None:
    """Segment the index text of this process (and of the workers it forks) with words read one at a time
    from the lookup file (`_Frequencies`), or with the full tokenizer.

    A run that reads a few files then never loads jieba's 600,000 entries
    (0.5-0.8 s a process, profiled re-indexing 2 files at 20,000 reports) to
    look up the few thousand its text needs; the words are jieba's exactly.
    """
    _state["index_lookup"] = on


def word_texts(text: str) -> list[str]:
    """The texts of `words(text)` alone, for indexing: no offsets, no object per word."""
    tok = _query_tokenizer() if _state["index_lookup"] else tokenizer()
    han = _state["han"]
    cache: dict = _state["blocks"]  # type: ignore[assignment]
    out: list[str] = []
    extend = out.extend
    for block in han.split(text):  # type: ignore[union-attr]
        if block:
            found = cache.get(block) or _block_entry(tok, block, han)
            extend(found[1])
    return out


def query_words(text: str) -> list[str]:
    """Words of a query string, segmented like the index (search engine mode: longer words too)."""
    return [w.text for w in words(text, _query_tokenizer())]


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
