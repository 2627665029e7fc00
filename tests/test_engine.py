"""The engine's read side: postings read block by block agree with whoosh, caches stay bounded."""

from __future__ import annotations

from indexer import docset
from indexer.engine import reader as engine_reader


def test_block_postings_equal_whoosh_public_postings(open_sample_index):
    whoosh_reader = open_sample_index.searcher().reader()
    for term in ("行政处罚", "公开", "0"):
        ids, weights = open_sample_index.postings("body", term)
        if ("body", term.encode()) not in whoosh_reader:
            assert len(ids) == 0
            continue
        m = whoosh_reader.postings("body", term.encode())
        public = []
        while m.is_active():
            public.append((m.id(), m.weight()))
            m.next()
        assert list(zip(ids, weights)) == public


def test_lru_is_bounded_by_weight():
    cache = engine_reader._LRU(10, weight=len)
    for i in range(20):
        cache.get_or(i, lambda: [0] * 3)
    assert cache.total <= 10 and len(cache) == 3
    assert cache.get_or(19, lambda: None) == [0, 0, 0]  # the most recent survive


def test_containing_agrees_with_the_stored_text(open_sample_index):
    for needle in ("行政复议", "信息处理费", "3件"):
        truth = {d for d in docset.docnums(open_sample_index.live)
                 if any(needle in line for line in open_sample_index.match_lines(d))}
        assert set(docset.docnums(open_sample_index.containing(needle))) == truth


def test_match_text_hits_count_only_at_character_boundaries():
    # 政府 is 3F 65 9C 5E in UTF-16-LE: its middle bytes spell 鱥 (U+9C65), which it does not contain.
    text = "政府".encode("utf-16-le")
    assert "鱥".encode("utf-16-le") in text
    assert not engine_reader.holds(text, "鱥".encode("utf-16-le"))
    assert engine_reader.holds("鱥政府".encode("utf-16-le"), "鱥".encode("utf-16-le"))
    assert engine_reader.holds(text, "府".encode("utf-16-le"))
    assert engine_reader.holds("a政府鱥".encode("utf-16-le"), "鱥".encode("utf-16-le"))  # after a misaligned hit
