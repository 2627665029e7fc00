"""Per-file limits: files far beyond any report are refused early, with the limit named, before they cost much."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from indexer import limits
from indexer.config import ConfigError, load_config
from indexer.limits import LimitExceeded, Limits
from indexer.readers import read_document

from fixtures.reports import build_report, to_docx, to_pdf

REPORT_LINE = "某某县教育局2022年政府信息公开工作年度报告。主动公开政府信息十条。\n"


@pytest.fixture()
def tight():
    """Apply some limits for one test, then the defaults again."""
    def apply(**values):
        limits.use(Limits(**values))
    yield apply
    limits.use(Limits())


def refusal(path: Path) -> LimitExceeded:
    with pytest.raises(LimitExceeded) as caught:
        read_document(path)
    return caught.value


def test_a_file_over_the_size_limit_is_refused_without_being_read(tmp_path, tight, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(REPORT_LINE.encode() * 40_000)  # 3.4 MB
    tight(file_mb=1)
    import indexer.readers.text as text_reader

    monkeypatch.setattr(text_reader, "read_text", lambda p: pytest.fail("the file was read"))
    error = refusal(path)
    assert error.limit == "file_mb"
    assert "[limits] file_mb" in str(error) and "MB" in str(error)


def test_text_longer_than_the_character_limit_is_refused_before_decoding(tmp_path, tight):
    path = tmp_path / "one-line.txt"
    path.write_bytes(("长" * 300_000).encode("utf-8"))  # one line, no breaks: 900 KB
    tight(chars=100_000)
    error = refusal(path)
    assert error.limit == "chars" and "100,000 characters" in str(error)


def test_html_with_too_many_table_cells_is_refused_with_the_count(tmp_path, tight):
    rows = "".join(f"<tr>{'<td>1</td>' * 50}</tr>" for _ in range(100))
    path = tmp_path / "wide.html"
    path.write_text(f"<html><body><p>{REPORT_LINE}</p><table>{rows}</table></body></html>", encoding="utf-8")
    tight(cells=1000)
    error = refusal(path)
    assert error.limit == "cells" and "5,000" in str(error)
    limits.use(Limits())
    assert read_document(path).tables()  # the same file under the default limits is read


def test_a_docx_zip_bomb_is_refused_before_it_expands(tmp_path, tight):
    good = to_docx(build_report("2021"), tmp_path / "good.docx").read_bytes()
    bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b"<!--" + b" " * (64 * 2**20) + b"-->", 1)
            out.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb.getvalue())
    assert path.stat().st_size < 2**20  # 64 MB of XML in well under a megabyte
    tight(expanded_mb=16)
    error = refusal(path)
    assert error.limit == "expanded_mb" and "uncompressed" in str(error)


def test_a_pdf_with_more_pages_than_allowed_is_refused_by_its_page_count(tmp_path, tight):
    import pypdfium2

    path = to_pdf(build_report("2021"), tmp_path / "report.pdf")
    assert read_document(path).blocks
    pdf = pypdfium2.PdfDocument(str(path))
    count = len(pdf)
    pdf.close()
    tight(pages=max(1, count - 1))
    error = refusal(path)
    assert error.limit == "pages" and f"{count:,} pages" in str(error)


def test_limits_come_from_config_toml_and_bad_values_are_usage_errors(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[limits]\npages = 40\nseconds = 2.5\n", encoding="utf-8")
    loaded = load_config(config).limits
    assert (loaded.pages, loaded.seconds, loaded.file_mb) == (40, 2.5, Limits().file_mb)
    config.write_text("[limits]\npages = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="pages"):
        load_config(config)
    config.write_text("[limits]\npage = 10\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no setting page"):
        load_config(config)


def test_the_documented_defaults_are_those_config_toml_sets():
    root = Path(__file__).resolve().parent.parent
    assert load_config(root / "config.toml").limits == Limits()


def test_ocr_stopped_by_time_resumes_next_run_only_when_it_made_progress(monkeypatch):
    """Pages recognised this run are cached: the refusal lets the next run go on; no new page, no retry."""
    from indexer import ocr

    monkeypatch.setattr(limits, "time_left", lambda: 0.5)
    with pytest.raises(LimitExceeded) as stalled:
        ocr._check_time(0.0, 3, 30, "scan.pdf", ocr._recognised["pages"])
    assert stalled.value.limit == "seconds" and not stalled.value.resumable
    before = ocr._recognised["pages"]
    monkeypatch.setitem(ocr._recognised, "pages", before + 2)
    with pytest.raises(LimitExceeded) as progressed:
        ocr._check_time(0.0, 3, 30, "scan.pdf", before)
    assert progressed.value.resumable and "3 pages were recognised" in str(progressed.value)
