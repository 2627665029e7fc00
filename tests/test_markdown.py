"""The markdown reader: markup gone, headings alone, footers dropped, pipe tables in every variant."""

from __future__ import annotations


import pytest

from indexer.blocks import Paragraph, Table
from indexer.extract import extract
from indexer.readers import read_document
from indexer.readers.markdown import looks_like_markdown, parse_markdown

from fixtures.shared import REAL


def paragraphs(blocks) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


def tables(blocks) -> list[list[list[str]]]:
    return [[list(r) for r in b.rows] for b in blocks if isinstance(b, Table)]


def test_heading_markers_are_removed_and_headings_stand_alone():
    blocks = parse_markdown("# 某某县人民政府 2023 年政府信息公开工作年度报告\n某某县人民政府\n## 一、总体情况\n"
                            "2023年，我县主动公开政府信息185条。\n### 三是提高解读效能。\n聚焦政策解读，发布信息21条。\n")
    assert paragraphs(blocks) == [
        "某某县人民政府2023年政府信息公开工作年度报告", "某某县人民政府", "一、总体情况",
        "2023年，我县主动公开政府信息185条。", "三是提高解读效能。", "聚焦政策解读，发布信息21条。",
    ]


def test_setext_headings_and_rules():
    blocks = parse_markdown("某某县2023年政府信息公开工作年度报告\n=====\n\n一、总体情况\n-----\n正文。\n\n***\n\n结尾。\n")
    assert paragraphs(blocks) == ["某某县2023年政府信息公开工作年度报告", "一、总体情况", "正文。", "结尾。"]


@pytest.mark.parametrize("footer", ["— 3 —", "- 3 -", "第3页 共5页", "第 3 页", "3/5"])
def test_page_footer_inside_a_paragraph_is_dropped_and_the_paragraph_joined(footer):
    blocks = parse_markdown(f"## 一、总体情况\n2023年，全年通过门户网站主动公开政府\n{footer}\n信息185条，发布解读12篇。\n")
    assert paragraphs(blocks) == ["一、总体情况", "2023年，全年通过门户网站主动公开政府信息185条，发布解读12篇。"]


def test_inline_markup_is_removed():
    blocks = parse_markdown("**一、总体情况**\n\n详见[门户网站](http://www.example.gov.cn/a_(1).html)，"
                            "![图1](img.png)共*发布*信息__12__条。<br>\n> 引用的话。\n- 列表一项。\n")
    assert paragraphs(blocks) == ["一、总体情况", "详见门户网站，共发布信息12条。", "引用的话。", "列表一项。"]


@pytest.mark.parametrize("text", [
    "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 97 |\n",
    "信息内容 | 本年处理决定数量\n--- | ---\n行政许可 | 97\n",
    "|信息内容|本年处理决定数量||\n|:---|---:|\n|行政许可|97||\n",
])
def test_pipe_table_variants(text):
    assert tables(parse_markdown(text)) == [[["信息内容", "本年处理决定数量"], ["行政许可", "97"]]]


def test_a_one_row_markdown_table_is_a_table():
    blocks = parse_markdown("## 表二\n| 规章 | 22 | 235 |\n|---|---|---|\n\n说明文字。\n")
    assert tables(blocks) == [[["规章", "22", "235"]]]


def test_an_escaped_pipe_stays_in_its_cell():
    blocks = parse_markdown("| 信息内容 | 说明 |\n|---|---|\n| 行政许可 | 甲\\|乙 |\n")
    assert tables(blocks)[0][1] == ["行政许可", "甲｜乙"]


def test_label_and_figures_on_a_line_are_a_table_row():
    blocks = parse_markdown("第二十条第（五）项\n信息内容本年处理决定数量\n行政许可 97\n第二十条第（六）项\n"
                            "行政处罚 0\n行政强制 12\n市科委通过网站发布信息 393\n")
    assert tables(blocks) == [[["行政许可", "97"]], [["行政处罚", "0"], ["行政强制", "12"]]]
    assert paragraphs(blocks)[-1] == "市科委通过网站发布信息393"  # not a template row: prose


@pytest.mark.parametrize("text, expected", [
    ("# 标题\n\n## 一、总体情况\n正文。\n", True),
    ("标题\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", True),
    ("某某县2023年政府信息公开工作年度报告\n\n一、总体情况\n#1 号文件\n正文。\n", False),
    ("规章\t0\t0\t0\n行政许可\t5\n", False),
    ("二、主动公开政府信息情况\n\n<table><tr><td>规章</td><td>0</td></tr></table>\n", True),  # a converter's HTML table
    ("正文提到<table>标签。\n", False),
])
def test_markdown_inside_text_is_recognised(text, expected):
    assert looks_like_markdown(text) is expected


def test_md_and_markdown_suffixes_are_read(tmp_path):
    for name in ("report.md", "report.markdown"):
        path = tmp_path / name
        path.write_text("# 某某县2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文。\n", encoding="utf-8")
        doc = read_document(path)
        assert doc.format == "md" and doc.paragraphs()[0] == "某某县2023年政府信息公开工作年度报告"


@pytest.mark.parametrize("name, cells", [
    ("r08_shkewei2024.md", {"active.licensing.decisions": 97, "apply.new.total": 34, "apply.other.other.total": 4,
                            "apply.carried_forward.natural": 1, "review.upheld": 1, "review.total": 1}),
    ("r09_shbgt2025.md", {"active.rules.issued": 22, "apply.new.total": 1295, "apply.other.other.total": 276,
                          "review.total": 55, "litigation.after_review.total": 22}),
    ("r07_shuyang2025.txt", {"apply.total.total": 718, "review.total": 61, "litigation.after_review.total": 10}),
])
def test_real_markdown_conversions(name, cells):
    path = REAL / name
    if not path.exists():
        pytest.skip("the real reports are not on this machine")
    report = extract(path)
    assert {k: report.metrics[k].value for k in cells if k in report.metrics} == cells
    assert not any(p.text.startswith("#") for p in report.passages)


def test_tables_as_html2text_writes_them():
    """A first row of one cell with no pipe over ``---``, rows without outer pipes, one-cell rows inside the table,
    and a header row broken at each line break inside its cells (本年新<br>制作数量)."""
    text = ("## 二、主动公开政府信息情况\n\n第二十条第（一）项  \n---  \n信息内容| 本年新  \n制作数量| 本年新  \n公开数量| 对外公开总数量  \n"
            "规章| 13| 13| 524  \n第二十条第（八）项  \n信息内容| 上一年项目数量| 本年增/减  \n行政事业性收费| 0| 0  \n  \n正文。\n")
    assert tables(parse_markdown(text)) == [[
        ["第二十条第（一）项"], ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "13", "13", "524"],
        ["第二十条第（八）项"], ["信息内容", "上一年项目数量", "本年增/减"], ["行政事业性收费", "0", "0"]]]


def test_html2text_table_under_a_caption_row():
    """A table whose first row is a caption (主动公开政府信息情况) over ``---``, then the 第二十条 row of one cell."""
    text = ("二、主动公开政府信息情况\n\n主动公开政府信息情况  \n---  \n第二十条第（一）项  \n"
            "信息内容| 本年制发件数| 本年废止件数| 现行有效件数  \n规章| 0| 0| 0  \n规范性文件| 0| 1| 0  \n  \n正文。\n")
    assert tables(parse_markdown(text)) == [[
        ["主动公开政府信息情况"], ["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"], ["规范性文件", "0", "1", "0"]]]
    setext = parse_markdown("二、主动公开政府信息情况\n---\n正文一段。\n")  # a heading underlined, no table
    assert tables(setext) == []


def test_html2text_row_wrapped_after_a_long_labels_pipe():
    """html2text wraps its lines at 78 characters: a row whose label carries a long remark goes on, figures first,
    on the next line; a short row ending in an empty cell's pipe is left alone."""
    label = "规范性文件（行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”“细则”“规范”等字样的公文，一般情况下属于规范性文件）"
    text = ("第二十条第（一）项  \n---  \n信息内容| 本年新制作数量| 本年新公开数量| 对外公开总数量  \n规章| 0| 0| 0  \n"
            f"{label}|\n2| 2| 19  \n第二十条第（八）项  \n信息内容| 上一年项目数量| 本年增/减  \n行政事业性收费| |\n"
            "第二十条第（九）项  \n  \n正文。\n")
    assert tables(parse_markdown(text))[0][3] == [label, "2", "2", "19"]
    assert ["行政事业性收费"] in [row[:1] for row in tables(parse_markdown(text))[0]]


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_tables_kept_as_html_inside_markdown(tmp_path, template):
    """PDF-to-markdown converters keep a table with merged cells as HTML (``<table>…</table>`` on one line) among
    the markdown text: its cells are read as a saved page's, the same figures as the page itself."""
    import re

    from fixtures.reports import build_report, write

    source = build_report(template)
    html = write(source, "html", tmp_path / "page").read_text(encoding="utf-8")
    body = html[html.index("<body"):]
    parts = []
    for piece in re.split(r"(<table.*?</table>)", body, flags=re.S):
        if piece.startswith("<table"):
            parts.append(re.sub(r"\s*\n\s*", "", piece))
        else:
            parts += [("## " if tag.startswith("h") else "") + re.sub(r"<[^>]+>", "", text).strip()
                      for tag, text in re.findall(r"<(h\d|p|div)[^>]*>(.*?)</\1>", piece, flags=re.S) if text.strip()]
    md = tmp_path / "converted.md"
    md.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    page, converted = extract(tmp_path / "page.html"), extract(md)
    figures = {k: m.value for k, m in page.metrics.items() if k.startswith(("active.", "apply.", "review.", "litigation."))}
    assert len(figures) > 100
    assert {k: m.value for k, m in converted.metrics.items() if k in figures} == figures
    assert converted.template == template


def _tabular(grid) -> str:
    """A grid as an OCR converter writes LaTeX: \\multicolumn over merged columns, \\multirow over merged rows (the
    rows below leave that cell empty), \\hline between rows."""
    from fixtures.reports import origins

    starts = {(r, c): cell for r, c, cell in origins(grid)}
    height = max(r + cell.rowspan for (r, _), cell in starts.items())
    width = max(c + cell.colspan for (_, c), cell in starts.items())
    covered = {(r + dr, c + dc) for (r, c), cell in starts.items() for dr in range(cell.rowspan) for dc in range(cell.colspan)
               if dr or dc}
    rows = []
    for r in range(height):
        cells, c = [], 0
        while c < width:
            cell = starts.get((r, c))
            if cell is None:
                # under a \\multirow: an empty cell as wide as the one above
                above = next(starts[(rr, c)] for rr in range(r, -1, -1) if (rr, c) in starts)
                cells.append("\\multicolumn{%d}{|c|}{}" % above.colspan if above.colspan > 1 else "")
                c += above.colspan
                continue
            text = "\\multirow{%d}{*}{%s}" % (cell.rowspan, cell.text) if cell.rowspan > 1 else cell.text
            cells.append("\\multicolumn{%d}{|c|}{%s}" % (cell.colspan, text) if cell.colspan > 1 else text)
            c += cell.colspan
        rows.append(" & ".join(cells) + " \\\\ \\hline")
    assert not [p for p in covered if p in starts]
    return "\\begin{tabular}{|" + "c|" * width + "}\n\\hline\n" + "\n".join(rows) + "\n\\end{tabular}"


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_latex_tabular_tables_of_an_ocr_conversion(tmp_path, template):
    """Mathpix-style markdown: prose as text, tables as LaTeX tabular with \\multicolumn and \\multirow."""
    from fixtures.reports import assert_expected, build_report

    source = build_report(template)
    text = "\n\n".join(b if isinstance(b, str) else _tabular(b) for b in source.blocks) + "\n"
    path = tmp_path / "mathpix.mmd.md"
    path.write_text(text, encoding="utf-8")
    report = extract(path)
    assert report.template == template
    assert_expected(report, source.expected)


def test_html2text_header_cell_holding_an_empty_line():
    """本年新<br>&nbsp;<br>制作数量: html2text writes the empty line inside the cell as a line of two spaces, which ends
    no table; the header is whole again and the rows after it are the table's (not text with blank cells)."""
    text = ("第二十条第（一）项  \n---  \n信息内容| 本年新  \n  \n制作数量| 本年新  \n  \n公开数量| 对外公开总数量  \n"
            "规章|  0|  0|  0  \n规范性文件| 5| 5| 5  \n  \n正文。\n")
    assert tables(parse_markdown(text)) == [[
        ["第二十条第（一）项"], ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "0", "0", "0"],
        ["规范性文件", "5", "5", "5"]]]


def test_html2text_row_broken_at_blank_cells_holding_a_line_break():
    """A blank cell written <td><br></td>: html2text breaks the row after the cell's pipe, and the row goes on over
    lines that start with the pipe closing each blank cell, 总计 last; rows written | a | b | are left as they are."""
    head = ("三、收到和处理政府信息公开申请情况\n\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况  \n"
            "---|---  \n自然人| 法人或其他组织| 总计  \n商业企业| 科研机构| 社会公益组织| 法律服务机构| 其他  \n")
    text = head + "一、本年新收政府信息公开申请数量|  \n|  \n|  \n|  \n|  \n|  \n| 7  \n二、上年结转政府信息公开申请数量| 1| 0| 0| 0| 0| 0| 1  \n  \n正文。\n"
    rows = tables(parse_markdown(text))[0]
    assert ["一、本年新收政府信息公开申请数量", "", "", "", "", "", "", "7"] in rows
    assert ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"] in rows
    piped = "| 规章 | 0 | 0 | 0 |\n|---|---|---|---|\n| 行政规范性文件 | 1 | 0 | 1 |\n"
    assert tables(parse_markdown(piped)) == [[["规章", "0", "0", "0"], ["行政规范性文件", "1", "0", "1"]]]
