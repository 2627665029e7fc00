"""whoosh analyzers over `indexer.segment`.

The classes live at this stable import path because whoosh pickles the
schema, analyzers included, into every index it writes and into its writer
subprocesses. They keep no jieba state of their own: `indexer.segment` loads
the dictionary lazily in whatever process unpickles them.
"""

from __future__ import annotations

from whoosh.analysis import Token, Tokenizer

from .. import segment
from ..textnorm import fold


class WordTokenizer(Tokenizer):
    """jieba words with sequential positions and character offsets.

    It carries the user dictionary files it was built with, so that a process
    that unpickles it (whoosh's writer subprocesses, spawned or forked) loads
    the same dictionary before segmenting.
    """

    def __init__(self, dictionaries: tuple[str, ...] = ()):
        self.dictionaries = tuple(dictionaries)

    def __eq__(self, other):
        return type(other) is type(self) and other.dictionaries == self.dictionaries

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.__dict__.setdefault("dictionaries", ())

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            items = iter([(fold(value), 0, len(value))])
        else:
            segment.ensure_configured(self.dictionaries)
            items = ((w.text, w.start, w.end) for w in segment.words(value))
        for pos, (text, start, end) in enumerate(items):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t


class GramTokenizer(Tokenizer):
    """Single characters and adjacent pairs of a match-form text (terms only, no positions).

    The value is the report's passages in match form, one per line.
    """

    def __eq__(self, other):
        return type(other) is type(self)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            grams = [value]
        else:
            grams = segment.grams(value)
        for pos, text in enumerate(grams):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos + pos
            yield t
