"""OCR: scanned reports and pictures of tables read into the record, figures checked by the tables' sums.

The scans are drawn by the tests themselves (tests/fixtures/scans.py): the
same reports and expected figures as the text fixtures, drawn with a Chinese
font at 180 dpi, rotated 1°, noisy, with a red seal over the signature.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from indexer import ocr
from indexer.blocks import Paragraph, Table
from indexer.ocr.cache import OcrCache, page_from_json, page_to_json
from indexer.ocr.layout import Box, group_lines, paragraphs
from indexer.ocr.model import Line, OcrPage, OcrTable
from indexer.ocr.verify import verify_figures
from indexer.record import Metric, Report
from indexer.structure import structure_of

from fixtures import scans
from fixtures.figures import report_summary
from fixtures.reports import ABSENT, build_report

needs_engine = pytest.mark.skipif(not (ocr.installed() and scans.font_available()),
                                  reason="OCR engine (pip install -e '.[ocr]') or fonts-wqy-microhei not installed")


# ------------------------------------------------------------------ pure parts (no engine)


def _apply_metrics(figures: dict[str, list[int]], passage: str = "s3-p1") -> dict[str, Metric]:
    cols = ("natural", "commercial", "research", "nonprofit", "legal_services", "other", "total")
    return {f"apply.{row}.{c}": Metric(v, passage) for row, values in figures.items() for c, v in zip(cols, values)}


def test_a_misread_figure_where_a_failing_row_meets_a_failing_column_is_left_out():
    metrics = _apply_metrics({
        "new": [5, 2, 0, 1, 0, 0, 8], "carried_over": [1, 0, 0, 0, 0, 0, 1],
        "total": [5, 2, 0, 1, 0, 0, 8], "carried_forward": [1, 0, 0, 0, 0, 0, 1],
    })
    metrics["apply.new.commercial"] = Metric(7, "s3-p1")  # the scan's 2 read as 7
    kept, check = verify_figures(metrics, {"s3-p1": 0.9}, None)
    assert "apply.new.commercial" not in kept
    assert kept["apply.new.natural"].value == 5  # its column still adds up
    assert kept["apply.carried_forward.total"].value == 1
    assert check.id == "ocr.figures" and check.status == "fail"
    assert "留空" in check.message and "s3-p1" in check.passages


def test_figures_that_add_up_are_kept_and_the_check_passes():
    metrics = _apply_metrics({"new": [5, 2, 0, 1, 0, 0, 8], "carried_over": [1, 0, 0, 0, 0, 0, 1],
                              "total": [5, 2, 0, 1, 0, 0, 8], "carried_forward": [1, 0, 0, 0, 0, 0, 1]})
    kept, check = verify_figures(dict(metrics), {"s3-p1": 0.4}, None)
    assert kept == metrics
    assert check.status == "pass"


def test_figures_no_sum_can_check_need_a_confident_reading():
    metrics = {"active.penalty.decisions": Metric(56, "s2-p9"), "active.licensing.decisions": Metric(12, "s2-p8")}
    kept, check = verify_figures(metrics, {"s2-p9": 0.3, "s2-p8": 0.95}, "2021")
    assert "active.penalty.decisions" not in kept and kept["active.licensing.decisions"].value == 12
    assert check.status == "fail" and "置信度低" in check.message


def test_reports_without_ocr_get_no_ocr_check():
    metrics = {"active.penalty.decisions": Metric(56, "s2-p9")}
    assert verify_figures(metrics, {}, "2021") == (metrics, None)


def test_boxes_make_lines_and_lines_make_paragraphs():
    boxes = [Box(300, 102, 500, 130, "工作年度报告", 0.9), Box(100, 100, 290, 128, "政府信息公开", 0.99),
             Box(100, 160, 900, 188, "本年度，我局认真贯彻落实条例，全年主动公开政府信息", 0.95),
             Box(100, 200, 400, 228, "185条。", 0.8), Box(140, 260, 500, 288, "二、主动公开情况", 0.97)]
    lines = group_lines(boxes)
    assert [ln.text for ln in lines][0] == "政府信息公开工作年度报告"
    assert lines[0].confidence == 0.9
    paras = paragraphs(lines)
    assert [t for t, _ in paras] == ["政府信息公开工作年度报告", "本年度，我局认真贯彻落实条例，全年主动公开政府信息185条。",
                                     "二、主动公开情况"]
    assert paras[1][1] == 0.8


def test_ocr_passages_carry_source_and_confidence_and_old_records_still_load():
    blocks = [Paragraph("一、总体情况", 0.99), Paragraph("全年主动公开政府信息185条。"),
              Table((("信息内容", "本年制发件数"), ("规章", "1")), (0.97, 0.61))]
    structure = structure_of(blocks)
    by_text = {p.text: p for p in structure.passages}
    assert (by_text["一、总体情况"].source, by_text["一、总体情况"].confidence) == ("ocr", 0.99)
    assert by_text["全年主动公开政府信息185条。"].source is None
    assert by_text["规章 | 1"].confidence == 0.61
    old = {"id": "x", "source": "a.txt", "title": "t", "passages": [{"id": "s1-p1", "section": 1, "kind": "paragraph", "text": "t"}]}
    report = Report.from_dict(old)
    assert report.passages[0].source is None
    assert "source" not in report.to_dict()["passages"][0]


def test_cache_round_trip(tmp_path):
    page = OcrPage(100, 200, [Line("某某市司法局", 10, 20, 90, 40, 0.98)],
                   [OcrTable(50.0, (5, 50, 95, 150), [["规章", "1"]], [0.9])])
    cache = OcrCache(tmp_path)
    cache.put("k1", page_to_json(page))
    again = page_from_json(cache.get("k1"))
    assert again == page
    assert OcrCache(None).get("k1") is None


# ------------------------------------------------------------------ with the engine


def _score(record: dict, expected: dict) -> tuple[int, int, list[str]]:
    right, wrong = 0, []
    for key, value in expected.items():
        got = record["metrics"].get(key, {}).get("value", ABSENT)
        if got == value or (value is ABSENT and got is ABSENT):
            right += 1
        else:
            wrong.append(f"{key}: {value!r} read {got!r}")
    return right, len(expected), wrong


@contextmanager
def ocr_settings(**settings):
    """OCR configured as given for a block, then as it was before."""
    saved = dict(vars(ocr.SETTINGS))
    ocr.configure(**settings)
    try:
        yield
    finally:
        vars(ocr.SETTINGS).update(saved)


@pytest.fixture(scope="module")
def ocr_cache(tmp_path_factory):
    ocr.configure(enabled=True, cache_dir=tmp_path_factory.mktemp("ocr-cache"))
    yield
    ocr.configure()


@pytest.fixture(scope="module")
def scanned(ocr_cache, tmp_path_factory):
    """(report, scanned PDF, its record) per template, each recognised once for the module."""
    from indexer.extract import extract

    made = {}

    def get(template: str):
        if template not in made:
            report = build_report(template, agency="某某市司法局")
            path = scans.to_scanned_pdf(report, tmp_path_factory.mktemp("scan") / f"scan{template}.pdf",
                                        dpi=180, seed=int(template))
            made[template] = (report, path, extract(path).to_dict())
        return made[template]

    return get


@needs_engine
@pytest.mark.parametrize("template", ["2021", "2019"])
def test_scanned_pdf_is_read_with_its_tables(template, scanned):
    report, _, record = scanned(template)
    right, total, wrong = _score(record, report.expected)
    report_summary(f"OCR scanned PDF ({template} template): {right}/{total} table cells right")
    assert right >= 0.98 * total, wrong
    year = 2023 if template == "2021" else 2020
    assert record["title"] == f"某某市司法局{year}年政府信息公开工作年度报告"
    assert record["agency"] == "某某市司法局"
    assert record["year"] == year
    assert record["published"] == f"{year + 1}-01-20"
    assert record["template"] == template
    assert record["format"] == "pdf"
    passages = record["passages"]
    assert all(p["source"] == "ocr" and 0 <= p["confidence"] <= 1 for p in passages)
    ocr_check = next(c for c in record["checks"] if c["id"] == "ocr.figures")
    # every figure wrong in the record is one the checks name
    assert not wrong or ocr_check["status"] == "fail"


@needs_engine
def test_a_scan_is_recognised_once_then_read_from_the_cache(scanned, monkeypatch):
    from indexer.extract import extract
    from indexer.ocr import page as page_module

    _, path, first = scanned("2021")

    def no_ocr(*_):
        raise AssertionError("recognised again")

    monkeypatch.setattr(page_module, "recognise_page", no_ocr)
    assert extract(path).to_dict() == first


def test_with_ocr_turned_off_a_scan_is_refused_with_the_reason(tmp_path):
    from indexer.readers import ReadError, read_document

    path = tmp_path / "scan.pdf"
    if scans.font_available():
        scans.to_scanned_pdf(build_report("2021"), path, dpi=100)
    else:
        from PIL import Image

        Image.new("RGB", (800, 1100), "white").save(path, "PDF")
    with ocr_settings(enabled=False):
        with pytest.raises(ReadError, match=r"no text layer.*OCR is turned off"):
            read_document(path)


@needs_engine
def test_a_scanned_sample_is_indexed_and_found_by_a_phrase_in_its_body(tmp_path):
    """A bundled sample drawn as a scanned PDF, indexed: a phrase of its body finds it, the snippet links its passage."""
    from indexer.engine import Index
    from indexer.indexing import index_corpus
    from indexer.limits import Limits
    from indexer.readers import read_document
    from indexer.search import SearchRequest, search

    sample = Path(__file__).resolve().parents[1] / "corpus" / "samples" / "001_a8c37edb55ee0579.txt"
    doc = read_document(sample)
    blocks = [b.text if isinstance(b, Paragraph) else scans.grid_of_rows(b.rows) for b in doc.blocks]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    scans.to_scanned_pdf(scans.Report(blocks), corpus / "scan.pdf", dpi=180, seed=1)
    body = next(t for t in blocks[5:] if isinstance(t, str) and len(t) >= 40 and "，" in t)
    phrase = body[10:18]
    with ocr_settings(enabled=True, cache_dir=tmp_path / "cache"):
        # a quiet 2-core machine reads a page in seconds; a busy test machine may need more than the default 60.
        # The run's memory counts its parent, here the test process, which holds the OCR engine of the tests
        # before this one: the run-memory budget is tested in test_workers.py, not here.
        limits = Limits(seconds=3600, run_memory_mb=8192)
        summary = index_corpus(corpus, tmp_path / "index", workers=1, limits=limits)
    assert not summary.failed
    with Index.open(tmp_path / "index") as index:
        answer = search(index, SearchRequest(query=f'"{phrase}"'))
        assert answer["total"] == 1, phrase
        result = answer["results"][0]
        snippet = result["snippets"][0]
        assert snippet["url"].endswith("#" + snippet["passage"])
        record = index.record(index.docnum(result["id"]))
    passage = next(p for p in record["passages"] if p["id"] == snippet["passage"])
    assert phrase in passage["text"] and passage["source"] == "ocr"


@needs_engine
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_tables_pasted_as_pictures_are_read_into_the_record(fmt, tmp_path, ocr_cache):
    from indexer.extract import extract

    report = build_report("2021", agency="某某市司法局")
    write = scans.to_html_with_table_images if fmt == "html" else scans.to_docx_with_table_images
    path = write(report, tmp_path / f"report.{fmt}", dpi=180, seed=7)
    record = extract(path).to_dict()
    right, total, wrong = _score(record, report.expected)
    report_summary(f"OCR tables as pictures in {fmt.upper()}: {right}/{total} table cells right")
    assert right >= 0.98 * total, wrong
    assert (record["title"], record["agency"], record["year"], record["published"], record["template"]) == (
        "某某市司法局2023年政府信息公开工作年度报告", "某某市司法局", 2023, "2024-01-20", "2021")
    rows = [p for p in record["passages"] if p["kind"] == "table_row"]
    assert rows and all(p["source"] == "ocr" for p in rows)
    assert all("source" not in p for p in record["passages"] if p["kind"] == "paragraph")


def test_a_page_picture_is_read_only_from_a_data_uri_or_the_pages_own_folder(tmp_path):
    from indexer.readers.pictures import picture_bytes

    page_dir = tmp_path / "site"
    (page_dir / "report_files").mkdir(parents=True)
    (page_dir / "report_files" / "t1.png").write_bytes(b"png-bytes")
    (tmp_path / "secret.png").write_bytes(b"secret")
    assert picture_bytes("report_files/t1.png", page_dir) == b"png-bytes"
    assert picture_bytes("report_files/t1%2Epng?x=1", page_dir) == b"png-bytes"
    assert picture_bytes("data:image/png;base64,cG5nLWJ5dGVz", page_dir) == b"png-bytes"
    for src in ("../secret.png", "report_files/../../secret.png", str(tmp_path / "secret.png"), "/etc/passwd",
                "file:///etc/passwd", "http://example.org/t1.png", "//example.org/t1.png", "", None):
        assert picture_bytes(src, page_dir) is None, src


def test_the_report_page_marks_passages_read_by_ocr():
    from webui.report_view import report_view

    record = {
        "id": "r1", "title": "某某市司法局2023年政府信息公开工作年度报告", "agency": "某某市司法局", "year": 2023,
        "sections": [{"no": 1, "title": "总体情况", "passages": ["s1-p1", "s1-p2", "s1-p3"]}],
        "passages": [
            {"id": "s1-p1", "section": 1, "kind": "paragraph", "text": "一、总体情况", "source": "ocr", "confidence": 0.99},
            {"id": "s1-p2", "section": 1, "kind": "paragraph", "text": "全年主动公开政府信息185条。", "source": "ocr", "confidence": 0.87},
            {"id": "s1-p3", "section": 1, "kind": "paragraph", "text": "本年度无其他需要报告的事项。"},
        ],
        "metrics": {}, "checks": [],
    }
    view = report_view(record, [], [], lambda pid: f"http://x/reports/r1#{pid}")
    shown = {p.id: p for s in view.sections for p in s.passages()}
    assert shown["s1-p2"].ocr == 0.87
    assert shown["s1-p3"].ocr is None
