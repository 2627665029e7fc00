"""Incremental, crash-safe indexing of a corpus folder."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.engine import Index
from indexer.indexing import index_corpus

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"

REPORT = """某某县{name}局{year}年政府信息公开工作年度报告
一、总体情况
{year}年，我局主动公开政府信息{n}条，{extra}。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
某某县{name}局
{next}年1月20日
"""


def write_report(folder: Path, name: str, year: int = 2022, n: int = 10, extra: str = "无") -> Path:
    path = folder / f"{name}.txt"
    path.write_text(REPORT.format(name=name, year=year, n=n, extra=extra, next=year + 1), encoding="utf-8")
    return path


def sources(index_dir: Path) -> set[str]:
    with Index.open(index_dir) as index:
        return set(index.manifest())


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("教育", "财政", "民政"):
        write_report(folder, name)
    return folder


def test_second_run_over_an_unchanged_corpus_does_nothing(corpus, tmp_path):
    first = index_corpus(corpus, tmp_path / "idx", workers=1)
    assert (first.added, first.failed) == (3, [])
    second = index_corpus(corpus, tmp_path / "idx", workers=1)
    assert second.nothing_to_do and second.unchanged == 3
    assert second.generation == first.generation  # no new generation written


def test_changed_deleted_and_new_files(corpus, tmp_path):
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    write_report(corpus, "教育", n=99)
    (corpus / "财政.txt").unlink()
    write_report(corpus, "交通")
    s = index_corpus(corpus, idx, workers=1)
    assert (s.added, s.updated, s.removed, s.unchanged) == (1, 1, 1, 1)
    assert sources(idx) == {"教育.txt", "民政.txt", "交通.txt"}
    with Index.open(idx) as index:
        assert index.containing("主动公开政府信息99条")


def test_a_renamed_file_keeps_its_record_and_id(corpus, tmp_path, monkeypatch):
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    with Index.open(idx) as index:
        old_id = index.manifest()["民政.txt"]["id"]
    (corpus / "sub").mkdir()
    shutil.move(corpus / "民政.txt", corpus / "sub" / "民政-副本.txt")
    import indexer.indexing as indexing

    def no_reading(*args, **kwargs):
        raise AssertionError("a renamed file must not be read again")

    monkeypatch.setattr(indexing, "extract", no_reading)
    s = index_corpus(corpus, idx, workers=1)
    assert s.removed == 0 and not s.failed
    manifest = Index.open(idx).manifest()
    assert manifest["sub/民政-副本.txt"]["id"] == old_id
    assert "民政.txt" not in manifest


def test_duplicate_content_is_indexed_once_and_reported(corpus, tmp_path):
    shutil.copy(corpus / "教育.txt", corpus / "教育-重复.txt")
    s = index_corpus(corpus, tmp_path / "idx", workers=1)
    assert s.added == 3
    assert s.duplicates == [("教育.txt", "教育-重复.txt")] or s.duplicates == [("教育-重复.txt", "教育.txt")]


def test_bad_files_are_listed_with_reasons_and_the_rest_is_indexed(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "noise.txt").write_bytes(os.urandom(4000))
    (corpus / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    s = index_corpus(corpus, tmp_path / "idx", workers=1)
    reasons = {f.source: f.reason for f in s.failed}
    assert set(reasons) == {"empty.txt", "noise.txt", "old.doc"}
    assert "empty" in reasons["empty.txt"] and ".docx" in reasons["old.doc"]
    assert s.added == 3 and s.documents == 3
    again = index_corpus(corpus, tmp_path / "idx", workers=1)
    assert len(again.failed) == 3 and all("unchanged since the last run" in f.reason for f in again.failed)


def test_a_file_that_turns_bad_keeps_its_previous_version(corpus, tmp_path):
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    (corpus / "教育.txt").write_bytes(os.urandom(3000))
    s = index_corpus(corpus, idx, workers=1)
    assert [f.kept_previous for f in s.failed] == [True]
    assert "教育.txt" in sources(idx)


def test_a_new_dictionary_rebuilds_everything_without_reading_files_again(corpus, tmp_path, monkeypatch):
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    words = tmp_path / "words.txt"
    words.write_text("某某专有名词\n", encoding="utf-8")
    import indexer.indexing as indexing

    monkeypatch.setattr(indexing, "extract", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-read")))
    s = index_corpus(corpus, idx, workers=1, dictionaries=(str(words),))
    assert s.rebuilt and s.documents == 3
    assert index_corpus(corpus, idx, workers=1, dictionaries=(str(words),)).nothing_to_do


def test_parallel_workers_give_the_same_index(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    for i in range(10):
        write_report(corpus, f"机构{i}", n=i)
    s = index_corpus(corpus, tmp_path / "idx", workers=2)
    assert s.added == 15 and not s.failed
    with Index.open(tmp_path / "idx") as index:
        assert index.doc_count == 15


def test_a_run_of_a_few_files_indexes_the_words_a_large_run_does(tmp_path, monkeypatch):
    """A few files are segmented from the lookup file, word by word, without jieba's whole dictionary: same words."""
    import indexer.indexing as indexing

    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    terms = {}
    for few_files in (indexing.FEW_FILES, 0):
        monkeypatch.setattr(indexing, "FEW_FILES", few_files)
        idx = tmp_path / f"idx{few_files}"
        assert index_corpus(corpus, idx, workers=1).added == 5
        with Index.open(idx) as index:
            terms[few_files] = sorted(t for t in index.reader().all_terms() if t[0] in ("title", "agency", "body"))
    assert len(terms[0]) > 1000 and terms[indexing.FEW_FILES] == terms[0]


def test_old_generation_still_reads_after_an_update(corpus, tmp_path):
    """Generations share whoosh files through hard links; writing the next must not touch the last."""
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    old = Index.open(idx)
    before = old.containing("主动公开政府信息10条")
    write_report(corpus, "教育", n=77)
    index_corpus(corpus, idx, workers=1)
    reopened = Index(old.path)
    assert reopened.doc_count == 3 and reopened.containing("主动公开政府信息10条") == before
    old.close()
    reopened.close()


def _run_index(corpus: Path, idx: Path, config: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "index", "--config", str(config), "--corpus", str(corpus),
         "--index", str(idx), "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def test_sigkill_midway_leaves_a_usable_index_and_the_next_run_completes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):
        write_report(corpus, f"单位{i:02d}", n=i, extra="内容" * 200)
    config = tmp_path / "config.toml"
    config.write_text('[index]\nbatch_size = 10\n', encoding="utf-8")
    idx = tmp_path / "idx"
    proc = _run_index(corpus, idx, config)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (idx / "CURRENT").exists() and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (idx / "CURRENT").exists(), "the first batch should have been published before the kill"
    with Index.open(idx) as index:  # the last good generation opens and is consistent
        partial = index.doc_count
        print("documents after SIGKILL:", partial)
        assert 10 <= partial <= 60 and partial % 10 == 0 or partial == 60
        assert len(index.manifest()) == partial
    done = _run_index(corpus, idx, config)
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err.decode()
    with Index.open(idx) as index:
        assert index.doc_count == 60
        assert docset_count(index.containing("主动公开政府信息59条")) == 1
    assert not [p for p in idx.iterdir() if p.name.endswith(".tmp")]


def docset_count(mask: int) -> int:
    return mask.bit_count()


def test_the_issue_mix_of_bad_files_beside_a_gbk_page(tmp_path):
    """Empty file, random bytes named .txt, GBK HTML page, image-only PDF, truncated DOCX."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from fixtures.reports import build_report, to_docx

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "random.txt").write_bytes(os.urandom(5000))
    page = ("<html><head><title>某某县水利局2022年政府信息公开工作年度报告_某某县人民政府</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> <a href='/zw'>政务公开</a></div>"
            "<div class='article'><h1>某某县水利局2022年政府信息公开工作年度报告</h1>"
            "<p>一、总体情况</p><p>2022年，某某县水利局主动公开政府信息88条，依法公开河道采砂行政许可。</p>"
            "<p>某某县水利局</p><p>2023年1月16日</p></div>"
            "<div class='footer'>网站地图 | 某ICP备12345678号</div></body></html>")
    (corpus / "page.html").write_bytes(page.encode("gbk"))
    scan = Image.new("L", (100, 140), 255)
    pdf = canvas.Canvas(str(corpus / "scan.pdf"), pagesize=A4)
    pdf.drawImage(ImageReader(scan), 30, 30, 535, 780)
    pdf.showPage()
    pdf.save()
    whole = to_docx(build_report("2021"), tmp_path / "whole.docx").read_bytes()
    (corpus / "truncated.docx").write_bytes(whole[: len(whole) // 2])

    s = index_corpus(corpus, tmp_path / "idx", workers=1)
    reasons = {f.source: f.reason for f in s.failed}
    assert set(reasons) == {"empty.txt", "random.txt", "scan.pdf", "truncated.docx"}
    assert "empty" in reasons["empty.txt"]
    assert "text layer" in reasons["scan.pdf"]
    assert "damaged or truncated" in reasons["truncated.docx"]
    assert s.added == 1
    with Index.open(tmp_path / "idx") as index:
        record = index.record(index.docnum(next(iter(index.manifest().values()))["id"]))
    assert record["title"] == "某某县水利局2022年政府信息公开工作年度报告" and record["year"] == 2022
    assert not any("ICP" in p["text"] or "首页" in p["text"] for p in record["passages"])


def test_a_file_that_cannot_be_opened_keeps_its_indexed_version(corpus, tmp_path, monkeypatch):
    import indexer.indexing as indexing

    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    write_report(corpus, "财政", n=55)  # changed, so the run must open it
    real_sha256 = indexing.file_sha256

    def refuse(path):
        if path.name == "财政.txt":
            raise PermissionError(13, "Permission denied")
        return real_sha256(path)

    monkeypatch.setattr(indexing, "file_sha256", refuse)
    s = index_corpus(corpus, idx, workers=1)
    assert s.removed == 0 and [f.source for f in s.failed] == ["财政.txt"] and s.failed[0].kept_previous
    assert "Permission denied" in s.failed[0].reason
    assert "财政.txt" in sources(idx)


def ids_by_source(index_dir: Path) -> dict[str, str]:
    with Index.open(index_dir) as index:
        return {source: facts["id"] for source, facts in index.manifest().items()}


def test_a_file_edited_in_place_keeps_its_id_and_new_content_gets_a_fresh_one(corpus, tmp_path):
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    before = ids_by_source(idx)
    original = (corpus / "教育.txt").read_bytes()
    write_report(corpus, "教育", n=99)  # edited in place
    s = index_corpus(corpus, idx, workers=1)
    assert (s.updated, s.removed) == (1, 0)
    assert ids_by_source(idx) == before
    with Index.open(idx) as index:
        record = index.record(index.docnum(before["教育.txt"]))
        assert "99条" in " ".join(p["text"] for p in record["passages"]) and record["id"] == before["教育.txt"]
    # the old content saved as a new file: its content's id is taken by the edited report, so it gets another
    (corpus / "教育-旧版.txt").write_bytes(original)
    index_corpus(corpus, idx, workers=1)
    after = ids_by_source(idx)
    assert after["教育.txt"] == before["教育.txt"] and after["教育-旧版.txt"] not in before.values()
    # and the edited report keeps its id through a full rebuild
    s = index_corpus(corpus, idx, workers=1, dictionaries=(str(_dictionary(tmp_path)),))
    assert s.rebuilt and ids_by_source(idx) == after


def _dictionary(tmp_path: Path) -> Path:
    path = tmp_path / "words.txt"
    path.write_text("信息公开年报 10\n", encoding="utf-8")
    return path


def test_a_deleted_report_is_remembered_and_comes_back_with_its_id(corpus, tmp_path):
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    old_id = ids_by_source(idx)["财政.txt"]
    saved = (corpus / "财政.txt").read_bytes()
    (corpus / "财政.txt").unlink()
    index_corpus(corpus, idx, workers=1)
    with Index.open(idx) as index:
        assert index.docnum(old_id) is None
        info = index.retired(old_id)
        assert info["title"] == "某某县财政局2022年政府信息公开工作年度报告" and info["source"] == "财政.txt"
        assert info["year"] == 2022 and info["successor"] is None
        assert index.retired(ids_by_source(idx)["教育.txt"]) is None  # a live id is not retired
    write_report(corpus, "交通")  # another run: the memory is carried to the next generation
    index_corpus(corpus, idx, workers=1)
    with Index.open(idx) as index:
        assert index.retired(old_id)["source"] == "财政.txt"
    (corpus / "财政-恢复.txt").write_bytes(saved)
    index_corpus(corpus, idx, workers=1)
    assert ids_by_source(idx)["财政-恢复.txt"] == old_id
    with Index.open(idx) as index:
        assert index.retired(old_id) is None


def test_a_file_that_becomes_a_copy_of_another_points_to_it(corpus, tmp_path):
    idx = tmp_path / "idx"
    index_corpus(corpus, idx, workers=1)
    before = ids_by_source(idx)
    shutil.copy(corpus / "民政.txt", corpus / "财政.txt")  # 财政.txt now holds 民政's report
    os.utime(corpus / "财政.txt", None)
    index_corpus(corpus, idx, workers=1)
    with Index.open(idx) as index:
        assert index.docnum(before["财政.txt"]) is None
        assert index.retired(before["财政.txt"])["successor"] == before["民政.txt"]
        assert index.successor(before["财政.txt"]) == before["民政.txt"]
