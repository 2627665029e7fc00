"""Every form a report arrives in gives the same figures: one record written as markdown (four variants),
PDF-to-text without layout (a cell per line; table 3's labels printed after their figures, under a header a
character a line),
trailing-pipe text, a crawler export, an OCR conversion and a PDF whose table breaks across pages.

(HTML in two encodings, Word HTML, DOCX, ruled PDF and the tab / one-cell-per-line / markdown-pipe text
layouts are the matrix of tests/test_tables.py.)
"""

from __future__ import annotations

import pytest

from indexer.extract import extract
from indexer.readers import read_document

from fixtures.reports import ABSENT, APPLY_BALANCED, RUN_TOGETHER_AMBIGUOUS, assert_expected, build_report, write

FORMS = ["md-pipes", "md-bare", "md-compact", "md-html2text", "md-damaged", "md-damaged-txt", "text-pipe-cells", "text-pipe-rows",
         "text-pipe-padded", "text-pipe-after", "text-paras", "text-browser", "text-browser-page", "text-lines",
         "text-labels-apart"]
ALL_FORMS = ["html", "html-gbk", "word-html", "docx", "crawler", *FORMS]


def check_record(report, source, template) -> None:
    assert report.template == template
    assert_expected(report, source.expected)
    assert [s.no for s in report.sections] == [0, 1, 2, 3, 4, 5, 6]
    assert [c.id for c in report.checks if c.status == "fail"] == []
    assert not any(p.text.startswith("#") or "— 1 —" in p.text for p in report.passages)


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("fmt", FORMS)
def test_every_form_gives_the_record_of_the_report(tmp_path, fmt, template):
    source = build_report(template)
    check_record(extract(write(source, fmt, tmp_path / "report")), source, template)


@pytest.mark.parametrize("fmt", ALL_FORMS)
def test_every_form_gives_the_same_fields(tmp_path, fmt):
    """The fields users facet and compare on do not depend on the form: title, agency, level, region, year, date."""
    source = build_report("2021", agency="宿迁市沭阳县司法局")
    report = extract(write(source, fmt, tmp_path / "report"))
    got = (report.title, report.agency, report.agency_level, report.region.city, report.region.county, report.year,
           report.published, report.template)
    assert got == ("宿迁市沭阳县司法局2023年政府信息公开工作年度报告", "宿迁市沭阳县司法局", "county", "宿迁市", "沭阳县", 2023,
                   "2024-01-20", "2021")


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_ocr_conversion_gives_the_same_figures(tmp_path, template):
    source = build_report(template, agency="沭阳县司法局", preamble="根据《宿迁市2023年政务公开工作要点》要求，编制本报告。")
    path = write(source, "ocr", tmp_path / "ocr", misreads={"沭": "沐"})
    report = extract(path)
    check_record(report, source, template)
    assert report.agency == "沐阳县司法局"  # the text is never rewritten
    assert report.region.city == "宿迁市"


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_pdf_with_its_last_table_row_alone_on_the_next_page(tmp_path, template):
    pytest.importorskip("reportlab")
    source = build_report(template)
    last = len(source.blocks[source.blocks.index("三、收到和处理政府信息公开申请情况") + 1]) - 1
    path = write(source, "pdf", tmp_path / "split", split_after={1: last})
    assert [len(t.rows) for t in read_document(path).tables()][2] == 1  # 四、结转下年度 alone on its page
    check_record(extract(path), source, template)


def test_pdf_whose_table2_last_row_of_a_label_and_one_figure_is_alone_on_the_next_page(tmp_path):
    """行政事业性收费 | 1.5 under a page break: a row of two cells, the template row's whole label and its figure."""
    pytest.importorskip("reportlab")
    source = build_report("2021")
    last = len(source.blocks[source.blocks.index("二、主动公开政府信息情况") + 1]) - 1
    path = write(source, "pdf", tmp_path / "split", split_after={0: last})
    alone = read_document(path).tables()[1].rows
    assert len(alone) == 1 and alone[0][0] == "行政事业性收费"
    check_record(extract(path), source, "2021")


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_pdf_with_tables_split_mid_table_vertical_row_headers_and_wrapped_labels(tmp_path, template):
    """Table 3 broken across pages after its 12th row, its first column one character wide, long labels wrapped
    over lines beside one line of figures, and table 4's row of figures alone on the next page."""
    pytest.importorskip("reportlab")
    source = build_report(template)
    path = write(source, "pdf", tmp_path / "split", split_after={1: 12, 2: 3}, vertical_headers=True)
    tables = read_document(path).tables()
    assert len(tables) == 5 and len(tables[-1].rows) == 1  # two continuation grids; table 4's figures alone
    assert any(r[0] == "三、本年度办理结果" for r in tables[1].rows)  # read down its one-character column
    check_record(extract(path), source, template)


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_pdf_whose_table_continues_with_columns_blank_on_the_next_page(tmp_path, template):
    """The columns blank in a table's last rows keep those rows' figures in place on the page they continue on."""
    pytest.importorskip("reportlab")
    blank = {k: ["" if i in (2, 4) else v for i, v in enumerate(row)] for k, row in APPLY_BALANCED.items()}
    source = build_report(template, apply_figures=blank)
    rows = len(source.blocks[source.blocks.index("三、收到和处理政府信息公开申请情况") + 1])
    path = write(source, "pdf", tmp_path / "split", split_after={1: rows - 2})
    assert [len(t.rows) for t in read_document(path).tables()][2] == 2  # （七）总计 and 四、结转下年度 on the next page
    check_record(extract(path), source, template)


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_crawler_export_gives_the_record_but_for_the_cells_it_makes_ambiguous(tmp_path, template):
    source = build_report(template)
    report = extract(write(source, "crawler", tmp_path / "export"))
    lost = RUN_TOGETHER_AMBIGUOUS[template]
    want = {k: v for k, v in source.expected.items() if v is not ABSENT and k not in lost}
    assert {k: m.value for k, m in report.metrics.items()} == pytest.approx(want)
    assert report.template == template
    assert [s.no for s in report.sections] == [0, 1, 2, 3, 4, 5, 6]
    assert report.title == "某某市司法局" + source.blocks[1]
    assert report.source_url == "https://www.example.gov.cn/xxgk/ndbg/202401/t20240120_1.htm"


@pytest.mark.parametrize("fmt", ["text-pipe-cells", "text-pipe-rows", "text-pipe-padded"])
def test_page_chrome_and_metadata_row_of_a_saved_page(tmp_path, fmt):
    source = build_report("2021")
    doc = read_document(write(source, fmt, tmp_path / "page"))
    assert doc.meta["title"] == "某某市司法局2023年政府信息公开工作年度报告"
    assert doc.meta["publisher"] == "某某市司法局" and doc.meta["published"] == "2024-01-20"
    assert len(doc.tables()) == 3  # the navigation is no table
    assert not any("索引号" in p for p in doc.paragraphs())


ALL_FORMS = ["html", "html-gbk", "word-html", "docx", "pdf", "crawler", "ocr", "md-pipes", "md-bare", "md-compact",
             "md-html2text", "md-damaged",
             "md-damaged-txt", "text-tab", "text-cells", "text-pipe", "text-pipe-cells", "text-pipe-rows", "text-pipe-padded",
             "text-paras", "text-browser", "text-lines",
         "text-labels-apart"]


def test_index_over_a_folder_mixing_every_form(tmp_path):
    """`nianbao index` over every form of a report and files it cannot read: each file is indexed or listed as
    failed with its reason, nothing is skipped silently."""
    pytest.importorskip("reportlab")
    pytest.importorskip("docx")
    import json
    import subprocess
    import sys

    from indexer.engine import Index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = set()
    for i, fmt in enumerate(ALL_FORMS):
        kw = {"misreads": {"沭": "沐"}} if fmt == "ocr" else {}
        source = build_report("2021" if i % 2 else "2019", agency=f"某某市第{i + 1}局")
        good.add(write(source, fmt, corpus / f"{i:02d}-{fmt}", **kw).name)
    bad = {"旧版.doc": b"\xd0\xcf\x11\xe0" + b"\0" * 600, "notes.xyz": "年报".encode(), "empty.md": b"",
           "broken.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 4, "truncated.docx": b"PK\x03\x04" + b"\0" * 40}
    for name, data in bad.items():
        (corpus / name).write_bytes(data)
    idx = tmp_path / "idx"
    result = subprocess.run([sys.executable, "-m", "indexer.cli", "index", "--corpus", str(corpus), "--index", str(idx)],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 1, result.stderr  # some files failed
    summary = json.loads((idx / "summary.json").read_text(encoding="utf-8"))
    failed = {f["source"]: f["reason"] for f in summary["failed"]}
    with Index.open(idx) as index:
        indexed = set(index.manifest())
    assert indexed == good, (good - indexed, failed)
    assert set(failed) == set(bad) and all(reason.strip() for reason in failed.values())
    assert not summary["skipped"] and not summary["duplicates"]
    for name in bad:
        assert name in result.stderr  # the run names every file it could not read


@pytest.mark.parametrize("fmt", ["html", "docx", "word-html", "text-pipe-rows", "text-pipe-cells"])
def test_table_3_whose_last_row_stands_alone_as_a_table_of_one_row(tmp_path, fmt):
    """四、结转下年度继续办理 and its seven figures as a one-row table of its own (a page break, a copied page):
    a table row, not a line of text whose repeated figures collapse."""
    source = build_report("2021")
    at = source.blocks.index("三、收到和处理政府信息公开申请情况") + 1
    table3 = source.blocks[at]
    assert table3[-1][0].text.startswith("四、结转下年度继续办理")
    source.blocks[at:at + 1] = [table3[:-1], table3[-1:]]
    report = extract(write(source, fmt, tmp_path / "report"))
    want = {k: v for k, v in source.expected.items() if k.startswith("apply.carried_forward.")}
    assert len(want) == 7 and {k: report.metrics[k].value for k in want if k in report.metrics} == want


def test_a_title_taken_from_the_page_title_keeps_its_script(tmp_path):
    """A traditional-script page whose text gives no title line (a PDF printing its title's runs out of order):
    the title comes from the page's own title, quoted as printed like a title found in the text."""
    title = "撫遠市自然資源局2022年政府信息公開工作年度報告"
    page = (f"<html><head><meta charset='utf-8'><title>{title}_撫遠市人民政府</title></head><body>"
            "<p>撫遠市自然資源局</p><p>年政府信息</p><p>2022</p>"
            "<p>本報告根據《中華人民共和國政府信息公開條例》編制，所列數據統計期限為2022年1月1日至2022年12月31日。</p>"
            "<p>一、總體情況</p><p>2022年，撫遠市自然資源局認真落實條例要求。</p></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    report = extract(path)
    assert report.title == title
    assert report.agency == "抚远市自然资源局"
