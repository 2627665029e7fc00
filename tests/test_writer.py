"""Writing segments: the bulk writer gives the files whoosh's own writer gives, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from indexer.engine import FileFacts, prepare
from indexer.engine import writer
from indexer.engine.schema import build_schema
from indexer.engine.writer import LIMIT_MB, BulkSegmentWriter, Codec
from indexer.extract import extract


def _segment_files(folder: Path, kind, documents: list[dict]) -> dict[str, bytes]:
    ix = whoosh_index.create_in(str(folder), build_schema())
    writer = kind(ix, _lk=False, limitmb=LIMIT_MB, codec=Codec(), compound=False)
    for document in documents:
        writer.add_document(**document)
    seg = writer._finalize_segment()
    return {p.name.replace(seg.segid, "SEG"): p.read_bytes() for p in folder.iterdir() if seg.segid in p.name}


def test_bulk_segment_equals_whooshs_own(tmp_path, samples_dir):
    paths = sorted(samples_dir.glob("*.txt"))
    documents = [prepare(extract(p, samples_dir, f"{i:016x}"), FileFacts(p.name, "0" * 64, 1, 2, "x"))
                 for i, p in enumerate(paths)]
    documents.append(dict(documents[0], id="f" * 16, title="", body="", gram=""))  # empty text fields
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "bulk").mkdir()
    theirs = _segment_files(tmp_path / "whoosh", SegmentWriter, documents)
    ours = _segment_files(tmp_path / "bulk", BulkSegmentWriter, documents)
    assert {"MAIN_SEG.trm", "MAIN_SEG.pst"} <= theirs.keys()
    assert ours.keys() == theirs.keys()
    for name in theirs:
        assert ours[name] == theirs[name], name


def test_schema_qualifies_for_bulk_writing():
    assert BulkSegmentWriter.supports(build_schema())


@pytest.mark.parametrize("run", [writer._RUN, 97])
def test_bulk_segment_equals_whooshs_own_for_terms_of_several_blocks(tmp_path, samples_dir, monkeypatch, run):
    """whoosh writes a term's postings in blocks of 128: a term in 300 documents takes three. (With runs of
    97 postings the n-grams are gathered in many sorted runs and written in many ranges.)"""
    monkeypatch.setattr(writer, "_RUN", run)
    path = sorted(samples_dir.glob("*.txt"))[0]
    base = prepare(extract(path, samples_dir, "0" * 16), FileFacts(path.name, "0" * 64, 1, 2, "x"))
    documents = []
    for i in range(300):
        body = f"第{i}号 行政复议 " + ("决定" * (i % 5)) + ("公开" if i % 3 else "")
        documents.append(dict(base, id=f"{i:016x}", body=body, gram=body.replace(" ", "\n"), title=f"报告{i % 7}"))
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "bulk").mkdir()
    theirs = _segment_files(tmp_path / "whoosh", SegmentWriter, documents)
    ours = _segment_files(tmp_path / "bulk", BulkSegmentWriter, documents)
    assert ours.keys() == theirs.keys()
    for name in theirs:
        assert ours[name] == theirs[name], name
