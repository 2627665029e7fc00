"""Tables without ruling lines in PDFs (a browser's print of a page whose tables have no borders, or rules only
between rows) read from the positions of their words, into the same record as a ruled table."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from indexer.extract import extract
from indexer.readers import read_document
from indexer.readers.pdf_borderless import Word, find_tables, words_of

from fixtures.reports import (APPLY_BALANCED, DENIED_KEYS, NOT_PROCESSED_KEYS, OTHER_2021_KEYS, UNAVAILABLE_KEYS,
                              assert_expected, build_report, write)

BLANKS = {k: ["" if i in (2, 4) else v for i, v in enumerate(row)] for k, row in APPLY_BALANCED.items()}


def _record_holds(path, source, template) -> None:
    report = extract(path)
    assert report.template == template
    assert_expected(report, source.expected)
    assert [s.no for s in report.sections] == [0, 1, 2, 3, 4, 5, 6]
    assert [c.id for c in report.checks if c.status == "fail"] == []


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("rules,align", [("none", "left"), ("none", "center"), ("none", "right"), ("rows", "left"),
                                         ("grey", "center")])
def test_borderless_tables_give_the_record(tmp_path, template, rules, align):
    """Blank cells keep their columns, wrapped labels their rows, whatever the figures' alignment."""
    pytest.importorskip("reportlab")
    source = build_report(template, apply_figures=BLANKS)
    path = write(source, "pdf", tmp_path / "report", rules=rules, align=align)
    doc = read_document(path)
    assert "四、政府信息公开行政复议、行政诉讼情况" in doc.paragraphs()  # headings stay text
    assert not any("属于国家秘密" in p for p in doc.paragraphs())  # table rows are not
    _record_holds(path, source, template)


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_columns_blank_in_every_row_are_found_by_their_headers(tmp_path, template):
    """科研机构 and 法律服务机构 blank in every row of table 3, every cell's text centred (第二十条第（一）项 over the
    whole table, the headers over their columns): the blank columns keep their places, named by their headers."""
    pytest.importorskip("reportlab")
    keys = ["new", "carried_over", "granted", "partial"] + [f"denied.{k}" for k in DENIED_KEYS] + \
        [f"unavailable.{k}" for k in UNAVAILABLE_KEYS] + [f"not_processed.{k}" for k in NOT_PROCESSED_KEYS] + \
        (["other.total"] if template == "2019" else [f"other.{k}" for k in OTHER_2021_KEYS]) + ["total", "carried_forward"]
    figures = {k: ["" if i in (2, 4) else v for i, v in enumerate(APPLY_BALANCED.get(k, ["0"] * 7))] for k in keys}
    source = build_report(template, apply_figures=figures)
    path = write(source, "pdf", tmp_path / "report", rules="none", align="center-all")
    _record_holds(path, source, template)


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_borderless_table_continued_on_the_next_page(tmp_path, template):
    """Table 3 broken after its 12th row, its first column one character wide (三/本/年/度… down the page)."""
    pytest.importorskip("reportlab")
    source = build_report(template, apply_figures=BLANKS)
    path = write(source, "pdf", tmp_path / "split", rules="none", split_after={1: 12}, vertical_headers=True)
    _record_holds(path, source, template)


# ------------------------------------------------------------------ on words


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    size: float
    words: tuple[Word, ...]


def _line(top: float, *words: tuple[str, float], page: int = 0, size: float = 10.0) -> _Line:
    """A line of words, each (text, x0), one em per character."""
    out = []
    for text, x0 in words:
        out.append(Word(text, x0, x0 + size * len(text) * (0.5 if text.isascii() else 1.0), top, top + size, size))
    return _Line(page, top, top + size, size, tuple(out))


def _chars(text: str, x0: float, width: float = 10.0, gap: float = 0.0) -> list[dict]:
    out = []
    for ch in text:
        out.append({"text": ch, "x0": x0, "x1": x0 + width, "top": 0.0, "bottom": 10.0, "size": 10.0})
        x0 += width + gap
    return out


def test_words_are_cut_where_a_gap_opens_and_keep_their_units():
    chars = _chars("规章", 0) + _chars("13612", 23, 5) + _chars("252", 51, 5) + _chars("元", 68)
    assert [w.text for w in words_of(chars)] == ["规章", "13612", "252元"]
    spaced = _chars("共", 0) + [{"text": " ", "x0": 10, "x1": 12, "top": 0, "bottom": 10, "size": 10}] + _chars("12", 12, 5)
    assert [w.text for w in words_of(spaced)] == ["共", "12"]


def test_prose_whose_numbers_line_up_is_no_table():
    lines = [
        _line(0, ("全年共收到政府信息公开申请", 0), ("12", 140), ("件，其中自然人", 152)),
        _line(14, ("办理答复按期率达到百分之百，合计", 0), ("10", 160)),
        _line(28, ("全年主动公开信息共计", 0), ("8", 160)),
    ]
    assert find_tables(lines) == []


def test_rows_of_figures_under_labels_are_a_table_with_blanks_in_place():
    lines = [
        _line(0, ("信息内容", 0), ("本年新制作数量", 100), ("本年新公开数量", 180), ("对外公开总数量", 260)),
        _line(16, ("规章", 0), ("3", 100), ("74", 260)),
        _line(32, ("规范性文件", 0), ("60", 100), ("60", 180), ("368", 260)),
    ]
    (region,) = find_tables(lines)
    assert (region.first, region.last) == (0, 2)
    assert region.rows == [["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
                           ["规章", "3", "", "74"], ["规范性文件", "60", "60", "368"]]


def test_a_wrapped_label_belongs_to_the_row_whose_figures_sit_beside_it():
    lines = [
        _line(0, ("（一）予以公开", 0), ("5", 200), ("5", 240)),
        _line(16, ("（二）部分公开（区分处理的", 0)),  # a cell's lines 12 points apart, rows 16
        _line(22, ("1", 200), ("1", 240)),
        _line(28, ("，只计这一情形）", 0)),
        _line(44, ("（三）不予公开", 0), ("0", 200), ("0", 240)),
    ]
    (region,) = find_tables(lines)
    assert region.rows == [["（一）予以公开", "5", "5"], ["（二）部分公开（区分处理的，只计这一情形）", "1", "1"],
                           ["（三）不予公开", "0", "0"]]


def test_a_label_wrapped_at_a_browsers_line_pitch_belongs_to_its_row():
    """A browser sets a CJK font's lines 1.45 em apart (Noto CJK's normal line height), rows further: the two lines
    of 2.其他法律行政法规 / 禁止公开 round their row's figures are one cell, and so are 4.保护第三方合法权 / 益, whose
    first line stands taller (its digit) than the second."""
    lines = [
        _line(0, ("1.属于国家秘密", 0), ("0", 200), ("0", 240)),
        _line(20, ("2.其他法律行政法规", 0)),
        _line(27.25, ("0", 200), ("0", 240)),
        _line(34.5, ("禁止公开", 0)),
        _line(54.5, ("3.危及“三安全一稳定”", 0), ("0", 200), ("0", 240)),
        _line(74.5, ("4.保护第三方合法权", 0)),
        _line(81.75, ("2", 200), ("2", 240)),
        _line(89, ("益", 0)),
    ]
    lines[5] = _Line(0, 73.7, 85.0, 10.0, tuple(Word(w.text, w.x0, w.x1, 73.7, 85.0, 10.0) for w in lines[5].words))
    (region,) = find_tables(lines)
    assert region.rows == [["1.属于国家秘密", "0", "0"], ["2.其他法律行政法规禁止公开", "0", "0"],
                           ["3.危及“三安全一稳定”", "0", "0"], ["4.保护第三方合法权益", "2", "2"]]


_HEADS_2019 = ("上一年项目数量 （指2018年事项数）", "本年增/减 （指2019年增加或减少的事项数，减用负值表示，如-8）",
               "处理决定数量 （指2019年办件量）")


def test_a_browsers_print_of_long_headers_wrapped_with_a_space_in_them(tmp_path):
    """A borderless 2019 table 2 printed by Chromium, its headers wrapped in narrow columns with a space in a line
    (上一年项目 / 数量 （指 / 2018年事项 / 数）): the piece after the space joins its header, not a row of its own, and
    the rows' figures fall under 上一年项目数量, 本年增/减 and 处理决定数量."""
    import shutil
    import subprocess

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("needs chromium to print the page")
    rows = [("第二十条第（一）项",), ("信息内容", "本年新<br>制作数量", "本年新<br>公开数量", "对外公开总数量"),
            ("规章", "0", "0", "0"), ("规范性文件（指各行政机关印发的有正式文号的文件）", "27", "1", "1"),
            ("第二十条第（五）项",), ("信息内容",) + _HEADS_2019, ("行政许可", "34", "2", "36"),
            ("其他对外管理服务事项", "0", "5", "7"), ("第二十条第（六）项",), ("信息内容",) + _HEADS_2019,
            ("行政处罚", "3", "1", "9"), ("行政强制", "0", "0", "0")]
    body = "".join("<tr>" + "".join(f'<td colspan="4">{c}</td>' if len(r) == 1 else f"<td>{c}</td>" for c in r) + "</tr>"
                   for r in rows)
    html = tmp_path / "report.html"
    html.write_text("<html><head><meta charset='utf-8'><title>某镇人民政府2019年政府信息公开工作年度报告</title></head><body>"
                    "<h1>某镇人民政府2019年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p>"
                    f'<table width="640"><tbody>{body}</tbody></table><p>三、收到和处理政府信息公开申请情况</p>'
                    "</body></html>", encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()], check=True, capture_output=True, timeout=120)
    got = {k: m.value for k, m in extract(pdf).metrics.items()}
    assert [got.get(f"active.licensing.{c}") for c in ("prev_items", "change", "decisions")] == [34, 2, 36]
    assert [got.get(f"active.other_services.{c}") for c in ("prev_items", "change", "decisions")] == [0, 5, 7]
    assert [got.get(f"active.penalty.{c}") for c in ("prev_items", "change", "decisions")] == [3, 1, 9]


def _touching(top: float, *cells: tuple[str, float, float], size: float = 10.0) -> _Line:
    """A line whose cells (text, x0, width of a character) may touch: words are cut by gaps as the reader cuts them."""
    chars = []
    for text, x0, width in cells:
        for i, ch in enumerate(text):
            chars.append({"text": ch, "x0": x0 + i * width, "x1": x0 + (i + 1) * width, "top": top, "bottom": top + size,
                          "size": size})
    return _Line(0, top, top + size, size, words_of(chars))


def test_cells_without_padding_whose_text_touches():
    """Figures set left in cells without padding: 13612 and 252 touch, and so do the headers 商业企业科研机构 and the
    label 行政事业性收费 and its figure; the rows with a gap between every figure show where to cut."""
    lines = [
        _touching(0, ("自然人", 100, 10), ("商业企业", 130, 7.5), ("科研机构", 160, 10), ("总计", 210, 10)),
        _touching(16, ("一、本年新收政府信息公开申请数量", 0, 5), ("13612", 100, 6), ("252", 130, 6), ("0", 160, 6), ("14069", 210, 6)),
        _touching(32, ("二、上年结转政府信息公开申请数量", 0, 5), ("535", 100, 6), ("6", 130, 6), ("0", 160, 6), ("560", 210, 6)),
        _touching(48, ("（一）予以公开", 0, 5), ("5345", 100, 6), ("129", 130, 6), ("0", 160, 6), ("5474", 210, 6)),
    ]
    assert [w.text for w in lines[0].words] == ["自然人商业企业科研机构", "总计"]
    assert [w.text for w in lines[1].words][1:] == ["13612252", "0", "14069"]
    (region,) = find_tables(lines)
    assert region.rows == [["", "自然人", "商业企业", "科研机构", "总计"],
                           ["一、本年新收政府信息公开申请数量", "13612", "252", "0", "14069"],
                           ["二、上年结转政府信息公开申请数量", "535", "6", "0", "560"], ["（一）予以公开", "5345", "129", "0", "5474"]]
    fee = [_touching(0, ("信息内容", 0, 10), ("本年收费金额（单位：万元）", 70, 10)), _touching(16, ("行政事业性收费", 0, 10), ("316441", 70, 6))]
    assert find_tables(fee)[0].rows == [["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", "316441"]]


def test_a_figure_that_cannot_be_cut_is_not_read_into_one_column():
    """Centred figures that touch (no edge tells where one ends) stay one word; they are never split by guess."""
    lines = [
        _touching(0, ("规章", 0, 10), ("1213", 100, 6), ("524", 135, 6)),
        _touching(16, ("规范性文件", 0, 10), ("6", 109, 6), ("60", 140, 6), ("368", 170, 6)),
    ]
    rows = find_tables(lines)[0].rows
    assert not any("12" == c or "13" == c for r in rows for c in r)


@pytest.mark.parametrize("align", ["left", "center-all"])
def test_only_the_first_and_last_columns_hold_figures(tmp_path, align):
    """Every request from natural persons: table 3's figures only under 自然人 and 总计, two figure columns far
    apart. The five blank columns between them keep their places from their headers (法人或其他组织 over them
    is no column of its own), so each 总计 stays the 总计."""
    pytest.importorskip("reportlab")
    keys = ["new", "carried_over", "granted", "partial"] + [f"denied.{k}" for k in DENIED_KEYS] + \
        [f"unavailable.{k}" for k in UNAVAILABLE_KEYS] + [f"not_processed.{k}" for k in NOT_PROCESSED_KEYS] + \
        [f"other.{k}" for k in OTHER_2021_KEYS] + ["total", "carried_forward"]
    figures = {k: [v[0], "", "", "", "", "", v[0]] for k in keys for v in [APPLY_BALANCED.get(k, ["0"] * 7)]}
    figures["new"] = ["9", "", "", "", "", "", "9"]
    figures["granted"] = ["4", "", "", "", "", "", "4"]
    figures["total"] = ["8", "", "", "", "", "", "8"]
    figures["carried_forward"] = ["2", "", "", "", "", "", "2"]
    source = build_report("2021", apply_figures=figures)
    path = write(source, "pdf", tmp_path / "report", rules="none", align=align)
    got = {k: m.value for k, m in extract(path).metrics.items() if k.startswith("apply.")}
    want = {k: v for k, v in source.expected.items() if k.startswith("apply.") and isinstance(v, int)}
    assert {k: got.get(k) for k in want} == want
    assert not [k for k in got if k.endswith((".commercial", ".research", ".nonprofit", ".legal_services", ".other"))
                and not k.startswith("apply.other.")]


def test_a_browsers_print_of_a_borderless_table_3_in_a_cjk_font(tmp_path):
    """Chromium's print of a borderless table 3 whose labels wrap round their figures, in the machine's CJK font: the
    font's descriptor gives PDFium no ascent, so a character's box is its ink, and 一's ink is a stroke at mid-height
    (一、本年新收… and 一、总体情况 had their 一 on a line of its own); the labels' lines are 1.5 sizes apart."""
    import shutil
    import subprocess

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("needs chromium to print the page")
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    head = (f'<tr><td colspan="3" rowspan="3" width="236">{note}</td><td colspan="7">申请人情况</td></tr>'
            '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>'
            "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>")
    rows = [("一、本年新收政府信息公开申请数量", "6", "1", "0", "0", "0", "0", "7"),
            ("二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0")]
    body = head + "".join(f'<tr><td colspan="3"><p>{r[0]}</p></td>' + "".join(f"<td><p>{c}</p></td>" for c in r[1:])
                          + "</tr>" for r in rows)
    html = tmp_path / "report.html"
    html.write_text("<html><head><meta charset='utf-8'><title>某县民政局2022年政府信息公开工作年度报告</title></head>"
                    "<body style='font-size:16px'><p>一、总体情况</p><p>2022年，我局收到政府信息公开申请7件。</p>"
                    "<p>三、收到和处理政府信息公开申请情况</p>"
                    f'<table width="590"><tbody>{body}</tbody></table></body></html>', encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()], check=True, capture_output=True, timeout=120)
    assert "一、总体情况" in read_document(pdf).paragraphs()
    got = {k: m.value for k, m in extract(pdf).metrics.items()}
    assert [got.get(f"apply.new.{c}") for c in ("natural", "commercial", "other", "total")] == [6, 1, 0, 7]
    assert [got.get(f"apply.carried_over.{c}") for c in ("natural", "commercial", "other", "total")] == [0, 0, 0, 0]


def _chars_line(top: float, *cells: tuple[str, float]) -> _Line:
    """A line of characters (digits half an em wide), cut into words as the reader cuts a page's characters."""
    chars = []
    for text, x0 in cells:
        for ch in text:
            width = 5.0 if ch.isascii() else 10.0
            chars.append({"text": ch, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + 10.0, "size": 10.0})
            x0 += width
    return _Line(0, top, top + 10.0, 10.0, words_of(chars))


def test_a_figure_with_a_bracketed_note_keeps_the_columns_apart():
    """行政许可 | 90(信用中国某市) under three columns of 规章 / 规范性文件 figures: the note runs over the second and
    third columns, but only the figure places the cell, so the rows above keep their three columns (before, the
    note's width joined them into one, 0 0 | 0, and two cells were lost)."""
    lines = [
        _chars_line(0, ("信息内容", 0), ("本年制发件数", 100), ("本年废止件数", 170), ("现行有效件数", 240)),
        _chars_line(16, ("规章", 0), ("0", 100), ("1", 170), ("0", 240)),
        _chars_line(32, ("规范性文件", 0), ("2", 100), ("0", 170), ("5", 240)),
        _chars_line(48, ("行政许可", 0), ("90(信用中国某省某市)", 100)),
    ]
    (region,) = find_tables(lines)
    assert region.rows[1:] == [["规章", "0", "1", "0"], ["规范性文件", "2", "0", "5"], ["行政许可", "90(信用中国某省某市)", "", ""]]


def test_a_tall_header_row_whose_last_line_stands_far_above_the_first_row_joins_the_table():
    """A word processor's print of table 3: the header row is tall (a long note wrapped beside it, 商业 / 企业 split
    over two lines), so its last line stands 1.7 row distances above the first figure row. Its words all stand over
    the figure columns, none in the label area: it is the table's header, and the columns it names keep their places
    (科研机构 blank in every row)."""
    lines = [
        _line(0, ("申请人情况", 200)),
        _line(12, ("自然人", 200), ("商业", 250), ("科研", 300), ("总计", 400)),
        _line(24, ("企业", 250), ("机构", 300)),
        _line(58, ("一、本年新收政府信息公开申请数量", 0), ("12", 200), ("3", 250), ("15", 400)),
        _line(78, ("二、上年结转政府信息公开申请数量", 0), ("0", 200), ("1", 250), ("1", 400)),
        _line(98, ("（一）予以公开", 0), ("9", 200), ("2", 250), ("11", 400)),
    ]
    (region,) = find_tables(lines)
    assert (region.first, region.last) == (0, 5)
    assert ["一、本年新收政府信息公开申请数量", "12", "3", "", "15"] in region.rows
    assert ["", "自然人", "商业企业", "科研机构", "总计"] in region.rows


def test_a_change_whose_sign_stands_apart_from_its_figure_is_one_cell():
    """A 2019 table 2 printed blank but for one row, its change 减11 set in two fonts so that a gap opens after the
    sign (减 | 11): one figure, the row's three (not a label 减 in the figures' midst that keeps the row from being one)."""
    lines = [
        _line(0, ("信息内容", 0), ("上一年项目数量", 120), ("本年增/减", 210), ("处理决定数量", 270)),
        _line(20, ("行政处罚", 0), ("15", 120), ("减", 210), ("11", 222), ("9", 270)),
        _line(40, ("行政强制", 0)),
    ]
    (region,) = find_tables(lines)
    assert ["行政处罚", "15", "减11", "9"] in region.rows
    far = [_line(0, ("信息内容", 0), ("上一年项目数量", 120), ("本年增/减", 210), ("处理决定数量", 270)),
           _line(20, ("行政处罚", 0), ("15", 120), ("减", 210), ("9", 270))]  # 增/减 alone, no figure beside it
    assert all("减9" not in row for region in find_tables(far) for row in region.rows)
