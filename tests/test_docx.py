"""The DOCX reader: paragraphs and tables in body order, gridSpan/vMerge, damaged files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from indexer.blocks import Paragraph
from indexer.readers import ReadError, read_document

from fixtures.apply_table import CARRIED_OVER, GRANTED, HEADER, NEW, NOTE, denied, partial

APPLY_GRID = HEADER + [
    NEW, CARRIED_OVER, GRANTED, partial(), denied("1.属于国家秘密"), denied("2.其他法律行政法规禁止公开"),
]


def merged(table, r1, c1, r2, c2, text):
    cell = table.cell(r1, c1).merge(table.cell(r2, c2))
    cell.text = text
    return cell


def add_apply_table(document):
    t = document.add_table(rows=9, cols=10)
    merged(t, 0, 0, 2, 2, NOTE)
    merged(t, 0, 3, 0, 9, "申请人情况")
    merged(t, 1, 3, 2, 3, "自然人")
    merged(t, 1, 4, 1, 8, "法人或其他组织")
    merged(t, 1, 9, 2, 9, "总计")
    for c, text in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], start=4):
        t.cell(2, c).text = text
    merged(t, 3, 0, 3, 2, "一、本年新收政府信息公开申请数量")
    merged(t, 4, 0, 4, 2, "二、上年结转政府信息公开申请数量")
    merged(t, 5, 0, 8, 0, "三、本年度办理结果")
    merged(t, 5, 1, 5, 2, "（一）予以公开")
    merged(t, 6, 1, 6, 2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    merged(t, 7, 1, 8, 1, "（三）不予公开")
    t.cell(7, 2).text = "1.属于国家秘密"
    t.cell(8, 2).text = "2.其他法律行政法规禁止公开"
    figures = {3: ["3", "0", "0", "1", "0", "0", "4"], 5: ["1", "0", "0", "1", "0", "0", "2"]}
    for r in (3, 4, 5, 6, 7, 8):
        for i, value in enumerate(figures.get(r, ["0"] * 7)):
            t.cell(r, 3 + i).text = value
    return t


def build_report(path: Path, title: str | None = "某某市司法局2023年政府信息公开工作年度报告") -> Path:
    d = docx.Document()
    if title:
        d.core_properties.title = title
    d.sections[0].header.paragraphs[0].text = "页眉：某某市司法局文件"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    d.add_paragraph("某某市司法局")
    d.add_paragraph("2023年政府信息公开工作年度报告")
    d.add_paragraph("一、总体情况")
    p = d.add_paragraph("2023年，我局主动公开政府信息")
    p.add_run("185").bold = True
    p.add_run("条，未收取信息处理费。")
    d.add_paragraph("")
    d.add_paragraph("三、收到和处理政府信息公开申请情况")
    add_apply_table(d)
    d.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    br = d.add_paragraph("某某市司法局")
    br.add_run().add_break()
    br.add_run("2024年1月20日")
    d.save(path)
    return path


def test_paragraphs_and_tables_in_body_order(tmp_path):
    doc = read_document(build_report(tmp_path / "report.docx"))
    assert doc.format == "docx"
    kinds = [b.text if isinstance(b, Paragraph) else "<table>" for b in doc.blocks]
    assert kinds == [
        "某某市司法局",
        "2023年政府信息公开工作年度报告",
        "一、总体情况",
        "2023年，我局主动公开政府信息185条，未收取信息处理费。",
        "三、收到和处理政府信息公开申请情况",
        "<table>",
        "四、政府信息公开行政复议、行政诉讼情况",
        "某某市司法局",
        "2024年1月20日",
    ]


def test_headers_and_footers_are_skipped(tmp_path):
    doc = read_document(build_report(tmp_path / "report.docx"))
    assert not any("页眉" in t or "第 1 页" in t or "第1页" in t for t in doc.paragraphs())


def test_grid_span_and_vmerge_expand(tmp_path):
    doc = read_document(build_report(tmp_path / "report.docx"))
    (table,) = doc.tables()
    assert [list(r) for r in table.rows] == APPLY_GRID


def test_core_title_in_meta(tmp_path):
    doc = read_document(build_report(tmp_path / "report.docx"))
    assert doc.meta["title"] == "某某市司法局2023年政府信息公开工作年度报告"
    doc = read_document(build_report(tmp_path / "untitled.docx", title=None))
    assert "title" not in doc.meta


def test_nested_table_is_flattened_into_its_cell(tmp_path):
    d = docx.Document()
    d.add_paragraph("二、主动公开政府信息情况")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "信息内容"
    t.cell(0, 1).text = "说明"
    t.cell(1, 0).text = "规章"
    inner = t.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "本年制发"
    inner.cell(0, 1).text = "3件"
    path = tmp_path / "nested.docx"
    d.save(path)
    (table,) = read_document(path).tables()
    assert table.rows == (("信息内容", "说明"), ("规章", "本年制发3件"))


def test_one_column_frame_table_is_read_as_content(tmp_path):
    d = docx.Document()
    frame = d.add_table(rows=1, cols=1)
    cell = frame.cell(0, 0)
    cell.paragraphs[0].text = "某某县2022年政府信息公开工作年度报告"
    for text in ("一、总体情况", "本年度主动公开信息120条。", "二、主动公开政府信息情况", "详见下表。"):
        cell.add_paragraph(text)
    inner = cell.add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "信息内容"
    inner.cell(0, 1).text = "本年制发件数"
    inner.cell(1, 0).text = "规章"
    inner.cell(1, 1).text = "0"
    path = tmp_path / "frame.docx"
    d.save(path)
    doc = read_document(path)
    assert doc.paragraphs()[:2] == ["某某县2022年政府信息公开工作年度报告", "一、总体情况"]
    assert [t.rows for t in doc.tables()] == [(("信息内容", "本年制发件数"), ("规章", "0"))]


def test_truncated_docx(tmp_path):
    good = build_report(tmp_path / "good.docx").read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good[: len(good) // 2])
    with pytest.raises(ReadError, match="damaged or truncated"):
        read_document(bad)


def test_docx_without_document_part(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    path = tmp_path / "empty.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ReadError, match="damaged or truncated.*document.xml is missing"):
        read_document(path)


def test_docx_with_broken_xml(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:p>")
    path = tmp_path / "broken.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ReadError, match="not well-formed"):
        read_document(path)


def test_old_word_file_named_docx(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    with pytest.raises(ReadError, match=r"old Word document|password"):
        read_document(path)


def test_text_file_named_docx(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("这不是一个Word文件", encoding="utf-8")
    with pytest.raises(ReadError, match="damaged or truncated"):
        read_document(path)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="8">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
</w:numbering>"""


def numbered(d, text, num_id, ilvl):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = d.add_paragraph(text)
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(lvl)
    num_pr.append(nid)
    p._p.get_or_add_pPr().append(num_pr)


def test_automatic_list_numbering_is_written_out(tmp_path):
    d = docx.Document()
    d.add_paragraph("某某区2023年政府信息公开工作年度报告")
    numbered(d, "总体情况", 3, 0)
    numbered(d, "主动公开", 3, 1)
    numbered(d, "依申请公开", 3, 1)
    numbered(d, "第一点", 3, 2)
    numbered(d, "主动公开政府信息情况", 3, 0)
    numbered(d, "制度建设", 3, 1)
    numbered(d, "要点", 4, 0)
    src = tmp_path / "plain.docx"
    d.save(src)
    out = tmp_path / "numbered.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = NUMBERING.encode() if item.filename == "word/numbering.xml" else zin.read(item)
            zout.writestr(item, data)
    assert read_document(out).paragraphs() == [
        "某某区2023年政府信息公开工作年度报告",
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "1.第一点",
        "二、主动公开政府信息情况",
        "（一）制度建设",
        "要点",
    ]
