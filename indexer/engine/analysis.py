"""whoosh analyzers over `indexer.segment`.

The classes live at this stable import path because whoosh pickles the
schema, analyzers included, into every index it writes. They keep no jieba
state of their own: `indexer.segment` loads the dictionary lazily in whatever
process unpickles them.

A field value may be a string (segmented here) or a list of already
segmented tokens: the indexer segments in its worker processes and hands the
tokens over, so the process writing the index does not segment again.
"""

from __future__ import annotations

from whoosh.analysis import Token, Tokenizer

from .. import segment
from ..textnorm import match_form


class WordTokenizer(Tokenizer):
    """jieba words with sequential positions and character offsets."""

    def __eq__(self, other):
        return type(other) is type(self)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if isinstance(value, (list, tuple)):
            items = ((w, None, None) for w in value)
        elif not tokenize:
            items = iter([(match_form(value), 0, len(value))])
        else:
            items = ((w.text, w.start, w.end) for w in segment.words(value))
        for pos, (text, start, end) in enumerate(items):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = start_pos + pos
            if chars and start is not None:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t


class GramTokenizer(Tokenizer):
    """Single characters and adjacent pairs of the match form (no positions: terms only)."""

    def __eq__(self, other):
        return type(other) is type(self)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if isinstance(value, (list, tuple, set)):
            grams = value
        elif not tokenize:
            grams = [value]
        else:
            grams = segment.grams("\n".join(match_form(line) for line in value.split("\n")))
        for pos, text in enumerate(grams):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos + pos
            yield t
