"""A term's postings decoded from its bytes (`engine.postings`) are exactly what whoosh's matcher reads."""

from __future__ import annotations

from array import array

import pytest
from whoosh import fields, index as whoosh_index

from indexer.engine import postings
from indexer.engine.postings import Unreadable, decode_blocks, read_term, shifted


def matcher_postings(leaf, field: str, btext: bytes) -> list[tuple[int, float]]:
    m = leaf._terms.matcher(field, btext, leaf.schema[field].format)
    out = []
    while m.is_active():
        out.append((m.id(), m.weight()))
        m.next()
    return out


@pytest.fixture
def many_blocks(tmp_path):
    """300 documents in one segment: terms of one posting (inlined), of several blocks of 128,
    with equal and with differing weights; a few documents deleted."""
    schema = fields.Schema(body=fields.TEXT(phrase=False), n=fields.ID(stored=True))
    ix = whoosh_index.create_in(str(tmp_path), schema)
    with ix.writer() as w:
        for i in range(300):
            words = ["common", f"rare{i}"] + ["even"] * (i % 2 == 0) + ["tf"] * (1 + i % 5) + ["third"] * (i % 3 == 0)
            w.add_document(body=" ".join(words), n=str(i))
    with ix.writer() as w:
        w.delete_by_term("n", "7")
    return ix


@pytest.mark.parametrize("bulk", [postings.BULK, 1])  # ids summed by accumulate, and by numpy
def test_every_term_decodes_to_the_matchers_ids_and_weights(many_blocks, monkeypatch, bulk):
    monkeypatch.setattr(postings, "BULK", bulk)
    with many_blocks.reader() as reader:
        (leaf, _), = reader.leaf_readers()
        terms = list(reader.lexicon("body"))
        assert b"common" in terms and len(terms) > 300
        for btext in terms:
            ids, weights = read_term(leaf, "body", btext)
            assert list(zip(ids, weights)) == matcher_postings(leaf, "body", btext), btext
        ids, weights = read_term(leaf, "body", b"tf")
        assert len(ids) == 300 and set(weights) == {1.0, 2.0, 3.0, 4.0, 5.0}  # deleted ones too: the caller drops them
        assert read_term(leaf, "body", b"absent") is None


@pytest.mark.parametrize("bulk", [postings.BULK, 1])
def test_ids_shifted_by_a_segments_offset(monkeypatch, bulk):
    monkeypatch.setattr(postings, "BULK", bulk)
    assert list(shifted(array("I", [0, 5, 9]), 0)) == [0, 5, 9]
    assert shifted(array("I", [0, 5, 9]), 2_000_000) == array("I", [2_000_000, 2_000_005, 2_000_009])
    assert shifted([1, 2], 10) == array("I", [11, 12])  # a segment's list with its deleted documents left out


def test_index_postings_are_the_same_through_numpy(open_sample_index, monkeypatch):
    terms = [("body", "公开"), ("gram", "公开"), ("gram", "行"), ("title", "年度"), ("body", "不存在")]
    plain = {t: open_sample_index._read_postings(*t) for t in terms}
    monkeypatch.setattr(postings, "BULK", 1)
    assert {t: open_sample_index._read_postings(*t) for t in terms} == plain
    assert len(plain[("gram", "公开")][0]) > 1


def test_bytes_not_in_the_block_layout_are_refused():
    with pytest.raises(Unreadable):
        decode_blocks(b"XXXX\x00\x00\x00\x01")


def test_a_reader_without_whoosh3_terms_is_refused():
    class Other:
        pass

    with pytest.raises(Unreadable):
        read_term(Other(), "body", b"x")
