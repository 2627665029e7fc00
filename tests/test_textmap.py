"""Strings found in the memory-mapped match text (`engine.textmap`) are those the column's values hold."""

from __future__ import annotations

import pytest
from whoosh import columns, fields, index as whoosh_index

from indexer import docset
from indexer.engine import reader as engine_reader
from indexer.engine import textmap
from indexer.engine.textmap import TextMap, Unmappable

TEXTS = ["政府信息公开", "", "鱥政府", "公开工作\n年度报告", "报告", "年度", "政府"]


@pytest.fixture
def two_segments(tmp_path):
    schema = fields.Schema(n=fields.ID(stored=True), mtext=fields.COLUMN(columns.VarBytesColumn()))
    ix = whoosh_index.create_in(str(tmp_path), schema)
    for part in (TEXTS[:4], TEXTS[4:]):
        with ix.writer(compound=False) as w:  # as the index writer writes them: a file per column
            for text in part:
                w.add_document(n=text, mtext=text.encode("utf-16-le"))
    return ix


def mapped(ix):
    reader = ix.reader()
    column = engine_reader._Column(reader, "mtext")
    return reader, column, TextMap(column._readers, column._starts)


@pytest.mark.parametrize("simd", [True, False])  # StringZilla's find, and the map's own
def test_hits_are_those_of_the_values_within_each_document(two_segments, monkeypatch, simd):
    if not simd:
        monkeypatch.setattr(textmap, "stringzilla", None)
    reader, column, text_map = mapped(two_segments)
    try:
        assert len(column._starts) == 2
        everyone = range(len(TEXTS))
        for needle in ("政府", "公开", "鱥", "报告", "年度", "度报", "工作\n年", "告年", "政府政府", "x"):
            encoded = needle.encode("utf-16-le")
            truth = [d for d in everyone if engine_reader.holds(column[d], encoded)]
            assert text_map.holding(everyone, encoded) == truth, needle
            assert truth == [d for d, text in enumerate(TEXTS) if needle in text], needle
        # 报告 ends one document and 年度 starts the next: 告年 spans them and is found in neither
        assert text_map.holding(everyone, "告年".encode("utf-16-le")) == []
        # 政府 is 3F 65 9C 5E in UTF-16-LE: its middle bytes spell 鱥, which only document 2 holds
        assert text_map.holding(everyone, "鱥".encode("utf-16-le")) == [2]
        assert text_map.holding([0, 6], "政府".encode("utf-16-le")) == [0, 6]  # only the documents asked about
    finally:
        text_map.close()  # no view of a map is left to stop it closing
        reader.close()


def test_a_column_inside_a_compound_file_is_not_mapped(tmp_path):
    schema = fields.Schema(mtext=fields.COLUMN(columns.VarBytesColumn()))
    ix = whoosh_index.create_in(str(tmp_path), schema)
    with ix.writer() as w:  # whoosh's default: one compound file a segment
        w.add_document(mtext="政府".encode("utf-16-le"))
    with ix.reader() as reader:
        column = engine_reader._Column(reader, "mtext")
        with pytest.raises(Unmappable):
            TextMap(column._readers, column._starts)


def test_containing_reads_the_same_with_and_without_the_map(open_sample_index, monkeypatch):
    needles = ("行政复议", "信息处理费", "3件", "公开工作年度报告", "不存在的字符串")
    mapped_answers = {n: open_sample_index._containing_uncached(n, open_sample_index.live) for n in needles}
    assert open_sample_index._text_map() is not None
    monkeypatch.setattr(open_sample_index, "_text_map", lambda: None)
    for needle in needles:
        assert open_sample_index._containing_uncached(needle, open_sample_index.live) == mapped_answers[needle], needle
    assert any(docset.count(v) for v in mapped_answers.values())
