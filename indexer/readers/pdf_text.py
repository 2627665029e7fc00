"""pdfplumber's text lines and text of a set of characters, computed the same way with less Python per character.

`text_lines(chars)` is `chars_to_textmap(chars).extract_text_lines(strip=True,
return_chars=True)` and `text_of(chars)` is `extract_text(chars)`, both with
pdfplumber's defaults (tolerances of 3 points, text top to bottom and left to
right, ligatures expanded, no layout). pdfplumber builds them through generic
code (a key function per character for each clustering, a method call with
keyword arguments per pair of characters, a ten-key dict per word, a tuple per
letter): a fifth of the time of reading a PDF, profiled. Here the same steps
run on plain lists: the same words, the same lines, the same characters in
the same order (checked against pdfplumber on every page of 629 PDFs). Pages
with a coordinate that is not a finite number (damaged files) are handed to
pdfplumber itself, whose orderings of NaN this does not copy.
"""

from __future__ import annotations

import math
import re
from itertools import groupby
from operator import itemgetter

from pdfplumber.utils.text import LIGATURES, chars_to_textmap, extract_text

_TOLERANCE = 3  # pdfplumber's DEFAULT_X_TOLERANCE and DEFAULT_Y_TOLERANCE
_LINE = re.compile(r" *([^\n]+?) *(\n|$)")  # TextMap.extract_text_lines(strip=True)
_upright = itemgetter("upright")
_text = itemgetter("text")
_x0 = itemgetter("x0")
_x1 = itemgetter("x1")
_top = itemgetter("top")
_bottom = itemgetter("bottom")
_top_bottom = itemgetter("top", "bottom")


def text_lines(chars: list[dict]) -> list[dict]:
    """The text lines of the characters, as pdfplumber's TextMap.extract_text_lines gives them."""
    if not chars:
        return []
    if not _finite(chars):
        return chars_to_textmap(chars).extract_text_lines(strip=True, return_chars=True)
    words = _words(chars)
    letters: list[str] = []
    owners: list[dict | None] = []
    for n, line in enumerate(_runs(words, [min(map(_top, w)) for w in words])):
        if n:
            letters.append("\n")
            owners.append(None)
        length = 0
        for word in line:
            if length:
                letters.append(" ")
                owners.append(None)
                length += 1
            texts = [LIGATURES.get(t, t) for t in map(_text, word)]
            joined = "".join(texts)
            if len(joined) == len(word):  # a letter a character, as nearly always (an empty text is a word alone)
                letters.append(joined)
                owners.extend(word)
                length += len(word)
                continue
            for c, text in zip(word, texts):
                for letter in text:
                    letters.append(letter)
                    owners.append(c)
                    length += 1
    out = []
    for m in _LINE.finditer("".join(letters)):
        text = m.group(1)
        if not text.strip():
            continue
        line_chars = [c for c in owners[m.start(1):m.end(1)] if c is not None]
        out.append({
            "text": text,
            "x0": min(map(_x0, line_chars)),
            "top": min(map(_top, line_chars)),
            "x1": max(map(_x1, line_chars)),
            "bottom": max(map(_bottom, line_chars)),
            "chars": line_chars,
        })
    return out


def text_of(chars: list[dict]) -> str:
    """The characters' text, as pdfplumber's extract_text gives it: words apart by a space, lines by a line break."""
    if not chars:
        return ""
    if not _finite(chars):
        return extract_text(chars, x_tolerance=_TOLERANCE, y_tolerance=_TOLERANCE)
    words = _words(chars)
    tops = [min(map(_top, w)) for w in words]
    lines = _clusters(words, tops)
    return "\n".join(" ".join("".join(LIGATURES.get(c["text"], c["text"] or "") for c in w) for w in line)
                     for line in lines)


def _finite(chars: list[dict]) -> bool:
    try:
        return math.isfinite(sum(map(_x0, chars)) + sum(map(_x1, chars)) + sum(map(_top, chars)) + sum(map(_bottom, chars)))
    except (TypeError, KeyError):
        return False


def _words(chars: list[dict]) -> list[list[dict]]:
    """WordExtractor.iter_extract_tuples: runs of equal uprightness, their lines, each line's words."""
    words: list[list[dict]] = []
    for upright, run in groupby(chars, _upright):
        run = list(run)
        if upright:
            lines = _clusters(run, [c["top"] for c in run])
            for line in lines:
                _line_words(sorted(line, key=_x0), words, "x0", "x1", "top")
        else:
            lines = _clusters(run, [c["x0"] for c in run])
            for line in lines:
                _line_words(sorted(line, key=_top_bottom), words, "top", "bottom", "x0")
    return words


def _line_words(line: list[dict], words: list[list[dict]], start: str, end: str, across: str) -> None:
    """WordExtractor.iter_chars_to_words over one sorted line (split_at_punctuation '' splits at empty texts)."""
    current: list[dict] = []
    for c in line:
        text = c["text"]
        if text.isspace():
            if current:
                words.append(current)
            current = []
        elif text == "":
            if current:
                words.append(current)
            words.append([c])
            current = []
        elif current:
            prev = current[-1]
            x = c[start]
            if x < prev[start] or x > prev[end] + _TOLERANCE or abs(c[across] - prev[across]) > _TOLERANCE:
                words.append(current)
                current = [c]
            else:
                current.append(c)
        else:
            current = [c]
    if current:
        words.append(current)


def _cluster_ids(values: list[float]) -> dict[float, int]:
    """clustering.make_cluster_dict: each distinct value's cluster, values within the tolerance of the last chained."""
    distinct = sorted(set(values))
    if len(distinct) < 2:
        return {v: i for i, v in enumerate(distinct)}
    ids: dict[float, int] = {}
    cluster, last = 0, distinct[0]
    for v in distinct:
        if v > last + _TOLERANCE:
            cluster += 1
        ids[v] = cluster
        last = v
    return ids


def _clusters(objects: list, values: list[float]) -> list[list]:
    """clustering.cluster_objects: the objects grouped by cluster, clusters in order of value, objects in input order."""
    ids = _cluster_ids(values)
    groups: list[list] = [[] for _ in range(len(set(ids.values())))]
    for obj, v in zip(objects, values):
        groups[ids[v]].append(obj)
    return groups


def _runs(objects: list, values: list[float]) -> list[list]:
    """clustering.cluster_objects(preserve_order=True): consecutive objects of one cluster."""
    ids = _cluster_ids(values)
    return [[obj for obj, _ in run] for _, run in groupby(zip(objects, values), key=lambda e: ids[e[1]])]
