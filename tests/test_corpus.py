"""Corpus folders as users have them: every file is indexed or listed with its reason; one odd file never stops a run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from indexer.corpus import display_name, find_source, scan_corpus
from indexer.engine import Index
from indexer.indexing import index_corpus

from test_indexing import REPORT, write_report


def report_bytes(name: str, encoding: str = "utf-8") -> bytes:
    return REPORT.format(name=name, year=2022, n=7, extra="无", next=2023).encode(encoding)


def fsname(folder: Path, raw: bytes) -> Path:
    """A path whose last name is these bytes, whatever they are."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + raw))


@pytest.fixture()
def messy(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_report(corpus, "教育")
    (corpus / "..点开头.txt").write_bytes(report_bytes("点开头"))
    fsname(corpus, "政府信息公开年报".encode("gbk") + b".txt").write_bytes(report_bytes("压缩包"))
    fsname(corpus, b"bad-\xff\xfe.txt").write_bytes(report_bytes("坏名字"))
    os.symlink("loop-b.txt", corpus / "loop-a.txt")
    os.symlink("loop-a.txt", corpus / "loop-b.txt")
    os.symlink("missing.txt", corpus / "dangling.txt")
    os.symlink("/etc/hostname", corpus / "outside.txt")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (corpus / "README").write_text("notes", encoding="utf-8")
    (corpus / "Thumbs.db").write_bytes(b"\0" * 10)
    (corpus / ".git").mkdir()
    (corpus / ".git" / "config").write_text("[core]", encoding="utf-8")
    (corpus / "page.html").write_text("<p>" + REPORT.format(name="网页", year=2022, n=3, extra="无", next=2023) + "</p>",
                                      encoding="utf-8")
    (corpus / "page_files").mkdir()
    (corpus / "page_files" / "logo.png").write_bytes(b"\x89PNG")
    sub = corpus / "sub"
    sub.mkdir()
    os.symlink("..", sub / "up")
    return corpus


def test_the_scan_lists_every_odd_entry_with_its_reason(messy):
    scan = scan_corpus(messy)
    files = {f.source for f in scan.files}
    failed = {p.source: p.reason for p in scan.failed}
    skipped = {p.source: p.reason for p in scan.skipped}
    assert files == {"教育.txt", "..点开头.txt", "政府信息公开年报.txt", "page.html"}
    assert "loop" in failed["loop-a.txt"] and "loop" in failed["loop-b.txt"]
    assert "broken symbolic link" in failed["dangling.txt"] and "missing.txt" in failed["dangling.txt"]
    assert "outside the corpus" in failed["outside.txt"]
    assert "named pipe" in failed["pipe.txt"]
    assert "unknown file type '.jpg'" in failed["photo.jpg"] and "no extension" in failed["README"]
    assert "neither UTF-8 nor GBK" in failed["bad-\\xff\\xfe.txt"]
    assert set(skipped) == {"Thumbs.db", ".git/", "page_files/", "sub/up/"}
    assert "page.html" in skipped["page_files/"]


def test_a_run_over_a_messy_folder_indexes_what_it_can_and_writes_its_summary(messy, tmp_path):
    idx = tmp_path / "idx"
    summary = index_corpus(messy, idx, workers=2)
    assert summary.added == 4 and not summary.interrupted
    assert {f.source for f in summary.failed} >= {"loop-a.txt", "dangling.txt", "pipe.txt", "photo.jpg"}
    written = json.loads((idx / "summary.json").read_text(encoding="utf-8"))
    assert len(written["failed"]) == len(summary.failed) and written["added"] == 4
    assert {s["source"] for s in written["skipped"]} == {"Thumbs.db", ".git/", "page_files/", "sub/up/"}
    with Index.open(idx) as index:
        assert {"政府信息公开年报.txt", "..点开头.txt"} <= set(index.manifest())
    assert index_corpus(messy, idx, workers=2).nothing_to_do  # the odd entries do not make work every run


def test_a_gbk_file_name_is_shown_decoded_and_found_again_by_its_bytes(tmp_path):
    raw = "年度报告".encode("gbk") + b".txt"
    path = fsname(tmp_path, raw)
    path.write_bytes(b"x")
    assert display_name(path.name) == "年度报告.txt"
    assert os.fsencode(find_source(tmp_path, "年度报告.txt").name) == raw
    assert find_source(tmp_path, "../etc/passwd") is None


def test_two_names_that_display_alike_are_both_accounted_for(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "年报.txt").write_bytes(report_bytes("一"))
    fsname(corpus, "年报".encode("gbk") + b".txt").write_bytes(report_bytes("二"))
    scan = scan_corpus(corpus)
    assert [f.source for f in scan.files] == ["年报.txt"]
    assert [p.source for p in scan.failed] == ["年报.txt"] and "same name" in scan.failed[0].reason


def test_unreadable_files_and_folders_are_listed(tmp_path, monkeypatch):
    """As root nothing is unreadable, so the refusals are simulated where the scan and the hash meet them."""
    import indexer.corpus as corpus_module
    import indexer.indexing as indexing

    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    write_report(corpus / "locked", "民政")
    write_report(corpus, "教育")
    write_report(corpus, "财政")
    real_scandir, real_sha256 = os.scandir, indexing.file_sha256

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def sha256(path):
        if path.name == "财政.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_sha256(path)

    monkeypatch.setattr(corpus_module.os, "scandir", scandir)
    monkeypatch.setattr(indexing, "file_sha256", sha256)
    summary = index_corpus(corpus, tmp_path / "idx", workers=1)
    reasons = {f.source: f.reason for f in summary.failed}
    assert summary.added == 1
    assert "Permission denied" in reasons["财政.txt"] and "cannot open the folder" in reasons["locked"]
