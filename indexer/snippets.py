"""Snippets: the passages of a report that show why it matched.

Hits are found in the match form of a passage (what search compares) and
mapped back to the passage's display text, so a query typed in full-width
characters or across a stray space still marks the right characters. The
only markup in a snippet is ``<mark>``; everything else is HTML-escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .textnorm import match_form_with_offsets

WINDOW = 120  # characters shown around the hits of a long passage
MAX_HITS = 1000  # occurrences of one needle marked in one passage
MAX_MERGED = 2 * WINDOW  # characters of touching hits marked as one
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Snippet:
    passage: str
    html: str


def find_hits(display: str, needles: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) spans in `display` where a needle (match form) occurs; overlaps merged.

    At most `MAX_HITS` occurrences of each needle: no passage of a report
    holds more, and a hostile one holding 100,000 must not cost 100,000 steps.
    Touching hits merge into spans of at most `MAX_MERGED` characters.
    """
    folded, offsets = match_form_with_offsets(display)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        if not needle:
            continue
        start = folded.find(needle)
        found = 0
        while start >= 0 and found < MAX_HITS:
            found += 1
            end = start + len(needle)
            spans.append((offsets[start], offsets[end - 1] + 1))
            start = folded.find(needle, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            first, last = merged[-1]
            if e - first <= MAX_MERGED or e <= last:
                merged[-1] = (first, max(last, e))
            else:  # a run of hits (格格格…) is marked in pieces, so that a window can end between them
                merged.append((last, e))
        else:
            merged.append((s, e))
    return merged


def mark(display: str, hits: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """Escaped text of display[start:end] with the hits inside it wrapped in <mark>."""
    end = len(display) if end is None else end
    out: list[str] = []
    pos = start
    for s, e in hits:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(display[pos:s]))
        out.append("<mark>" + escape(display[s:e]) + "</mark>")
        pos = e
    out.append(escape(display[pos:end]))
    return "".join(out)


def window(display: str, hits: list[tuple[int, int]], width: int = WINDOW) -> tuple[int, int]:
    """The stretch of a long passage to show: around the densest hits, never cutting one.

    `hits` are sorted and do not overlap (as `find_hits` gives them), so the
    hits that fit in a window starting at one hit are a run that ends at a
    pointer moving only forward: linear in the hits (a term occurring 100,000
    times in one passage kept a server thread busy for a minute).
    """
    if len(display) <= width:
        return 0, len(display)
    if not hits:
        return 0, width
    best_start, best_count = hits[0][0], 0
    j = 0
    for i, (s, _) in enumerate(hits):
        j = max(j, i)
        while j < len(hits) and hits[j][1] - s <= width:
            j += 1
        if j - i > best_count:
            best_start, best_count = s, j - i
    lead = width // 4
    start = max(0, best_start - lead)
    end = min(len(display), start + width)
    start = max(0, min(start, end - width))
    for s, e in hits:  # widen rather than cut through a hit
        if s < start < e:
            start = s
        if s < end < e:
            end = e
    return start, end


def snippet_html(display: str, needles: list[str] | tuple[str, ...], width: int = WINDOW) -> str | None:
    """A passage as snippet HTML, or None when no needle occurs in it."""
    hits = find_hits(display, needles)
    if not hits:
        return None
    start, end = window(display, hits, width)
    html = mark(display, hits, start, end)
    return (ELLIPSIS if start > 0 else "") + html + (ELLIPSIS if end < len(display) else "")


def snippet_passages(passages: list[dict], match_lines: list[str], needles: list[str] | tuple[str, ...],
                     limit: int = 3) -> list[int]:
    """The indexes of the passages `best_snippets` shows (chosen by their match lines, never their text)."""
    scored = []
    for i, (passage, line) in enumerate(zip(passages, match_lines)):
        present = [n for n in needles if n and n in line]
        if not present:
            continue
        hits = sum(line.count(n) for n in present)
        prose = 1 if passage.get("kind") == "paragraph" else 0
        figures = 1 if passage.get("labelled") else 0  # a row stating its figures beats its header row
        scored.append(((len(set(present)), hits, prose, figures, -i), i))
    return sorted(i for _, i in sorted(scored, reverse=True)[:limit])


def best_snippets(passages: list[dict], match_lines: list[str], needles: list[str] | tuple[str, ...],
                  limit: int = 3) -> list[Snippet]:
    """Up to `limit` passages that best show the needles, in reading order.

    `match_lines` are the passages' texts in match form (one per passage,
    stored in the index), so that passages without a hit are skipped cheaply.
    A passage scores by how many different needles it holds, then by hits.
    """
    out = []
    for i in snippet_passages(passages, match_lines, needles, limit):
        html = snippet_html(passages[i]["text"], needles)
        if html is not None:
            out.append(Snippet(passages[i]["id"], html))
    return out
