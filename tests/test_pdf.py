"""The PDF reader: paragraphs rebuilt from lines, ruled tables with merged cells, scans."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from indexer.blocks import Table  # noqa: E402
from indexer.readers import ReadError, read_document  # noqa: E402

from fixtures.apply_table import CARRIED_OVER, GRANTED, HEADER, NEW, NOTE, denied, partial  # noqa: E402
from fixtures.shared import REAL  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


class Writer:
    """Lays out a report like a Word export: A4, 12pt body, indented paragraphs, page furniture."""

    LEFT, RIGHT, TOP, BOTTOM = 72.0, 523.0, 770.0, 80.0

    def __init__(self, path: Path, header: str | None = "某某县人民政府办公室", numbers: bool = True) -> None:
        self.c = canvas.Canvas(str(path), pagesize=A4)
        self.header, self.numbers = header, numbers
        self.page = 1
        self.y = self.TOP
        self._furniture()

    def _furniture(self) -> None:
        self.c.setFont(FONT, 9)
        if self.header:
            self.c.drawCentredString(A4[0] / 2, 805, self.header)
        if self.numbers:
            self.c.drawCentredString(A4[0] / 2, 40, f"- {self.page} -")

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1
        self.y = self.TOP
        self._furniture()

    def _line(self, text: str, x: float, size: float = 12) -> None:
        if self.y < self.BOTTOM:
            self.new_page()
        self.c.setFont(FONT, size)
        self.c.drawString(x, self.y, text)
        self.y -= size * 1.6

    def wrap(self, text: str, width: float, size: float) -> list[str]:
        lines, cur = [], ""
        for ch in text:
            if pdfmetrics.stringWidth(cur + ch, FONT, size) > width:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        return lines + [cur] if cur else lines

    def para(self, text: str, indent: bool = True, size: float = 12) -> None:
        first = 2 * size if indent else 0
        lines = self.wrap(text, self.RIGHT - self.LEFT - first, size)
        head, rest = lines[0], "".join(lines[1:])
        self._line(head, self.LEFT + first, size)
        for line in self.wrap(rest, self.RIGHT - self.LEFT, size):
            self._line(line, self.LEFT, size)

    def centre(self, text: str, size: float = 18) -> None:
        self.c.setFont(FONT, size)
        self.c.drawCentredString(A4[0] / 2, self.y, text)
        self.y -= size * 1.8

    def right(self, text: str, size: float = 12) -> None:
        self.c.setFont(FONT, size)
        self.c.drawRightString(self.RIGHT, self.y, text)
        self.y -= size * 1.6

    def table(self, widths: list[float], cells: list[tuple[int, int, int, int, str]], row_h: float = 30, size: float = 7) -> None:
        """cells: (row, col, rowspan, colspan, text); each cell is a ruled box."""
        n_rows = max(r + rs for r, _, rs, _, _ in cells)
        if self.y - n_rows * row_h < self.BOTTOM:
            self.new_page()
        top = self.y + size
        xs = [self.LEFT]
        for w in widths:
            xs.append(xs[-1] + w)
        self.c.setLineWidth(0.5)
        for r, col, rs, cs, text in cells:
            x0, x1 = xs[col], xs[col + cs]
            y1 = top - r * row_h
            y0 = y1 - rs * row_h
            self.c.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
            lines = self.wrap(text, x1 - x0 - 4, size)
            y = (y0 + y1) / 2 + (len(lines) - 1) * size * 0.6 - size * 0.35
            self.c.setFont(FONT, size)
            for line in lines:
                self.c.drawString(x0 + 2, y, line)
                y -= size * 1.2
        self.y = top - n_rows * row_h - 20

    def save(self) -> None:
        self.c.save()


APPLY_CELLS = [
    (0, 0, 3, 3, NOTE), (0, 3, 1, 7, "申请人情况"),
    (1, 3, 2, 1, "自然人"), (1, 4, 1, 5, "法人或其他组织"), (1, 9, 2, 1, "总计"),
    (2, 4, 1, 1, "商业企业"), (2, 5, 1, 1, "科研机构"), (2, 6, 1, 1, "社会公益组织"),
    (2, 7, 1, 1, "法律服务机构"), (2, 8, 1, 1, "其他"),
    (3, 0, 1, 3, "一、本年新收政府信息公开申请数量"),
    (4, 0, 1, 3, "二、上年结转政府信息公开申请数量"),
    (5, 0, 3, 1, "三、本年度办理结果"), (5, 1, 1, 2, "（一）予以公开"),
    (6, 1, 1, 2, "（二）部分公开"),
    (7, 1, 1, 1, "（三）不予公开"), (7, 2, 1, 1, "1.属于国家秘密"),
] + [
    (r, 3 + i, 1, 1, v)
    for r, values in {
        3: ["3", "0", "0", "1", "0", "0", "4"],
        4: ["0"] * 7,
        5: ["1", "0", "0", "1", "0", "0", "2"],
        6: ["0"] * 7,
        7: ["0"] * 7,
    }.items()
    for i, v in enumerate(values)
]
APPLY_WIDTHS = [50, 60, 70] + [43] * 7
APPLY_GRID = HEADER + [NEW, CARRIED_OVER, GRANTED, partial("（二）部分公开"), denied("1.属于国家秘密")]

LONG = (
    "2023年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
    "围绕县委县政府中心工作，全面推进决策、执行、管理、服务、结果公开，全年通过县政府门户网站主动公开政府信息"
    "1285条，其中政策文件56件，政策解读35篇，未收取信息处理费。"
)
SECOND = "本年度共收到政府信息公开申请4件，均在法定期限内办结，未发生因政府信息公开引起的行政复议和行政诉讼。"


def build_report(path: Path) -> Path:
    w = Writer(path)
    w.centre("某某县人民政府")
    w.centre("2023年政府信息公开工作年度报告")
    w.para("一、总体情况", indent=False)
    w.para(LONG)
    w.para(SECOND)
    w.para("（一）主动公开情况", indent=False)
    w.para("三、收到和处理政府信息公开申请情况", indent=False)
    w.table(APPLY_WIDTHS, APPLY_CELLS)
    w.new_page()
    w.para("四、存在的主要问题及改进情况", indent=False)
    w.para("一是公开的主动性还需增强；二是政策解读形式较为单一。下一步，我县将进一步加强培训，提升公开质量。")
    w.right("某某县人民政府")
    w.right("2024年1月25日")
    w.save()
    return path


def test_paragraphs_rebuilt_from_wrapped_lines(tmp_path):
    doc = read_document(build_report(tmp_path / "report.pdf"))
    assert doc.format == "pdf"
    assert doc.paragraphs() == [
        "某某县人民政府",
        "2023年政府信息公开工作年度报告",
        "一、总体情况",
        LONG,
        SECOND,
        "（一）主动公开情况",
        "三、收到和处理政府信息公开申请情况",
        "四、存在的主要问题及改进情况",
        "一是公开的主动性还需增强；二是政策解读形式较为单一。下一步，我县将进一步加强培训，提升公开质量。",
        "某某县人民政府",
        "2024年1月25日",
    ]


def test_page_furniture_dropped(tmp_path):
    doc = read_document(build_report(tmp_path / "report.pdf"))
    text = "\n".join(doc.paragraphs())
    assert "某某县人民政府办公室" not in text
    assert "- 1 -" not in text and "-1-" not in text


def test_ruled_table_with_merged_cells(tmp_path):
    doc = read_document(build_report(tmp_path / "report.pdf"))
    (table,) = doc.tables()
    assert [list(r) for r in table.rows] == APPLY_GRID
    kinds = ["T" if isinstance(b, Table) else b.text[:2] for b in doc.blocks]
    assert kinds.index("T") == kinds.index("三、") + 1
    # text of the table area is not repeated as paragraphs
    assert not any("申请人情况" in p or "自然人" in p for p in doc.paragraphs())


def test_paragraph_and_table_continue_across_pages(tmp_path):
    path = tmp_path / "two_pages.pdf"
    w = Writer(path)
    w.centre("某某局2022年政府信息公开工作年度报告")
    while w.y > w.BOTTOM + 40:
        w.para("本段用于填满页面，内容为年度工作情况，包括主动公开和依申请公开等各方面的工作。")
    w.para(LONG)  # starts near the bottom of page 1 and ends on page 2
    w.para("二、主动公开政府信息情况", indent=False)
    first = [(0, 0, 1, 1, "信息内容"), (0, 1, 1, 1, "本年制发件数"), (0, 2, 1, 1, "本年废止件数"),
             (1, 0, 1, 1, "规章"), (1, 1, 1, 1, "0"), (1, 2, 1, 1, "0")]
    w.table([150, 150, 150], first)
    w.new_page()
    w.table([150, 150, 150], [(0, 0, 1, 1, "行政规范性文件"), (0, 1, 1, 1, "2"), (0, 2, 1, 1, "1"),
                              (1, 0, 1, 1, "合计"), (1, 1, 1, 1, "2"), (1, 2, 1, 1, "1")])
    w.para("三、收到和处理政府信息公开申请情况", indent=False)
    w.save()
    doc = read_document(path)
    assert LONG in doc.paragraphs()
    tables = [[list(r) for r in t.rows] for t in doc.tables()]
    assert tables == [
        [["信息内容", "本年制发件数", "本年废止件数"], ["规章", "0", "0"]],
        [["行政规范性文件", "2", "1"], ["合计", "2", "1"]],
    ]
    assert doc.paragraphs()[-1] == "三、收到和处理政府信息公开申请情况"
    assert not any("- 2 -" in p or "办公室" in p for p in doc.paragraphs())


def test_page_number_forms_dropped(tmp_path):
    path = tmp_path / "numbers.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in (1, 2):
        c.setFont(FONT, 12)
        c.drawString(72, 700, f"第{n}部分正文内容，这是一段完整的句子。")
        c.setFont(FONT, 9)
        c.drawCentredString(A4[0] / 2, 30, f"第 {n} 页 共 2 页")
        c.showPage()
    c.save()
    assert read_document(path).paragraphs() == ["第1部分正文内容，这是一段完整的句子。", "第2部分正文内容，这是一段完整的句子。"]


def test_image_only_pdf_is_refused(tmp_path):
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    scan = Image.new("L", (200, 280), 255)
    for x in range(20, 180):
        for y in range(30, 250, 12):
            scan.putpixel((x, y), 0)  # lines of "print"
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        c.drawImage(ImageReader(scan), 30, 30, 535, 780)
        c.showPage()
    c.save()
    with pytest.raises(ReadError, match="no text layer.*OCR"):
        read_document(path)


def test_encrypted_pdf(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=StandardEncryption("secret", ownerPassword="owner"))
    c.setFont(FONT, 12)
    c.drawString(72, 700, "加密的报告正文。")
    c.save()
    with pytest.raises(ReadError, match="encrypted|password"):
        read_document(path)


def test_not_a_pdf(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"<html>not a pdf</html>")
    with pytest.raises(ReadError, match="damaged or not a PDF"):
        read_document(path)


def test_truncated_pdf(tmp_path):
    good = build_report(tmp_path / "good.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(good[: len(good) // 3])
    with pytest.raises(ReadError):
        read_document(path)


def test_pdf_encrypted_for_permissions_only_still_reads(tmp_path):
    """Many government PDFs forbid copying but open without a password."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = tmp_path / "nocopy.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))
    c.setFont(FONT, 12)
    c.drawString(72, 700, "某某局2023年政府信息公开工作年度报告")
    c.drawString(72, 680, "一、总体情况")
    c.save()
    assert read_document(path).paragraphs() == ["某某局2023年政府信息公开工作年度报告", "一、总体情况"]


def test_line_joining_rules(tmp_path):
    path = tmp_path / "rules.pdf"
    w = Writer(path, header=None, numbers=False)
    width = w.RIGHT - w.LEFT

    def full(text: str) -> str:  # the longest prefix of `text` that fills a line
        return w.wrap(text, width, 12)[0]

    filler = "政府信息公开工作稳步推进各项制度不断完善公开内容持续丰富公开平台建设不断加强" * 3
    a1 = full("（一）" + filler)
    w._line(a1, w.LEFT)  # full line, no sentence end ...
    w._line("（二）依申请公开情况。", w.LEFT)  # ... but numbering starts a new paragraph
    w.centre("某某县人民政府", size=12)  # centred short line stays alone
    s1 = w.wrap("本年度" + filler, width - 24, 12)[0][:-1] + "。"
    w._line(s1, w.LEFT + 24)  # indented start, sentence ends right at the margin ...
    w._line("下一句接着写，没有缩进。", w.LEFT)  # ... and the paragraph goes on
    w._line("新的段落有缩进，另起一段。", w.LEFT + 24)
    w.save()
    assert read_document(path).paragraphs() == [
        a1,
        "（二）依申请公开情况。",
        "某某县人民政府",
        s1 + "下一句接着写，没有缩进。",
        "新的段落有缩进，另起一段。",
    ]


def test_prose_in_a_frame_narrow_row_headers_and_spaced_numbers(tmp_path):
    """What the agencies' own PDFs do: a paragraph and a heading inside a ruled frame, a row header one character
    per line, row labels wrapped over three lines beside one line of figures, numbers set off by spaces."""
    from indexer.extract import extract

    path = tmp_path / "agency.pdf"
    w = Writer(path)
    w.centre("某某县人民政府")
    w.centre("2023年政府信息公开工作年度报告")
    frame_top = w.y + 12
    w.para("一、总体情况", indent=False)
    w.para("2023 年，我县通过门户网站主动公开政府信息 1136 条，未收取信息处理费。")
    w.c.rect(w.LEFT - 4, w.y + 6, w.RIGHT - w.LEFT + 8, frame_top - w.y - 6, stroke=1, fill=0)
    w.para("三、收到和处理政府信息公开申请情况", indent=False)
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    cells = [(0, 0, 2, 1, "三、本年度办理结果"), (0, 1, 1, 1, "（一）予以公开"), (1, 1, 1, 1, label)]
    cells += [(r, 2 + i, 1, 1, v) for r, values in ((0, "2 0 0 0 0 0 2"), (1, "1 0 0 0 1 0 2"))
              for i, v in enumerate(values.split())]
    w.table([12, 110] + [46] * 7, cells, row_h=44)
    w.save()
    doc = read_document(path)
    paras = doc.paragraphs()
    at = paras.index("一、总体情况")  # the framed heading and paragraph stay text
    assert paras[at + 1] == "2023年，我县通过门户网站主动公开政府信息1136条，未收取信息处理费。"
    (table,) = doc.tables()
    assert [list(r)[:2] for r in table.rows] == [["三、本年度办理结果", "（一）予以公开"], ["三、本年度办理结果", label]]
    report = extract(path)
    got = {k: m.value for k, m in report.metrics.items()}
    assert got["active.published_total"] == 1136 and got["fees.processing_yuan"] == 0
    assert (got["apply.granted.total"], got["apply.other.no_fee.legal_services"], got["apply.other.no_fee.total"]) == (2, 1, 2)


REAL_PDFS = sorted(REAL.glob("*.pdf"))


@pytest.mark.parametrize("source", ["built", *[p.name for p in REAL_PDFS]])
def test_pdfium_reads_what_pdfplumber_reads(tmp_path, monkeypatch, source):
    """Pages read by PDFium give the paragraphs and tables pdfplumber's reading gives (real reports when present)."""
    import pypdfium2

    from indexer.readers import pdf as pdf_reader
    from indexer.readers import pdfium_pages

    path = build_report(tmp_path / "r.pdf") if source == "built" else REAL / source
    document = pypdfium2.PdfDocument(str(path))
    assert all(pdfium_pages.page_of(document, i, 0.0) is not None for i in range(len(document)))  # PDFium reads each
    document.close()
    fast = read_document(path)
    with monkeypatch.context() as m:
        m.setattr(pdf_reader, "_read_with_pdfium", lambda path: None)
        slow = read_document(path)
    assert fast.blocks == slow.blocks
    assert any(isinstance(b, Table) for b in fast.blocks)


def test_a_row_of_figures_in_a_page_margin_is_no_running_line(tmp_path):
    """A borderless table 3 (a LibreOffice PDF) whose row falls at a page's foot and another at the next page's head,
    the labels wrapped round their figures: lines of several figures in the margins of most pages are rows, not
    page furniture (digits masked, every row of seven figures looks alike)."""
    path = tmp_path / "margins.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    xs = [300, 340, 380, 420, 460, 500, 540]

    def figures(y: float, values: list[str]) -> None:
        for x, v in zip(xs, values):
            c.drawString(x, y, v)

    c.setFont(FONT, 10)
    c.drawString(72, 700, "三、收到和处理政府信息公开申请情况")
    y = 660
    for label, values in (("1.属于国家秘密", "1 0 0 0 0 0 1"), ("3.危及“三安全一稳定”", "0 0 0 0 0 0 0")) * 6:
        c.drawString(80, y, label)
        figures(y, values.split())
        y -= 24
    c.drawString(80, 82, "2.其他法律行政法规禁")
    figures(70, "30 0 0 0 0 0 30".split())
    c.drawString(80, 58, "止公开")
    c.showPage()
    c.setFont(FONT, 10)
    c.drawString(80, 790, "5.属于三类内部事务信")
    figures(778, "103 1 0 0 0 0 104".split())
    c.drawString(80, 766, "息")
    y = 740
    for label, values in (("6.属于四类过程性信息", "84 1 0 0 0 0 85"), ("7.属于行政执法案卷", "2 0 0 0 0 0 2")) * 6:
        c.drawString(80, y, label)
        figures(y, values.split())
        y -= 24
    c.showPage()
    c.setFont(FONT, 10)
    c.drawString(72, 700, "四、政府信息公开行政复议、行政诉讼情况")
    c.save()
    rows = [list(r) for b in read_document(path).blocks if isinstance(b, Table) for r in b.rows]
    assert any(r[-7:] == "30 0 0 0 0 0 30".split() for r in rows)
    assert any(r[-7:] == "103 1 0 0 0 0 104".split() for r in rows)


def _open_ended_table(c, rows: list[list[str]], top: float, close_top: bool, close_bottom: bool) -> None:
    """A ruled table drawn as a browser draws it where it breaks across pages: no rule under the page's last row
    (`close_bottom` False) or over the next page's first (`close_top` False); its vertical rules run to the break."""
    xs, row_h = [72.0, 252.0, 342.0, 432.0], 24.0
    ys = [top - i * row_h for i in range(len(rows) + 1)]
    c.setLineWidth(0.5)
    for i, y in enumerate(ys):
        if (i == 0 and not close_top) or (i == len(ys) - 1 and not close_bottom):
            continue
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    c.setFont(FONT, 9)
    for r, cells in enumerate(rows):
        for x, text in zip(xs, cells):
            c.drawString(x + 3, ys[r] - 15, text)


def test_a_ruled_table_broken_across_pages_keeps_the_rows_next_to_the_break(tmp_path):
    """A browser's PDF of a ruled table broken across pages draws no rule under page 1's last row and none over
    page 2's first: both rows are still rows of their page's ruled table (not paragraphs, nor a borderless table of
    their own that a wrapped label or a group cell beside them breaks up)."""
    path = tmp_path / "break.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT, 12)
    c.drawString(72, 760, "三、收到和处理政府信息公开申请情况")
    _open_ended_table(c, [["（四）无法提供", "自然人", "总计"], ["2.没有现成信息需要另行制作", "44", "44"],
                          ["3.补正后申请内容仍不明确", "25", "25"]], 200, True, False)
    c.showPage()
    _open_ended_table(c, [["1.信访举报投诉类申请", "148", "148"], ["2.重复申请", "5", "5"]], 780, False, True)
    c.setFont(FONT, 12)
    c.drawString(72, 700, "四、政府信息公开行政复议、行政诉讼情况")
    c.save()
    tables = [[list(r) for r in t.rows] for t in read_document(path).tables()]
    assert tables == [[["（四）无法提供", "自然人", "总计"], ["2.没有现成信息需要另行制作", "44", "44"],
                       ["3.补正后申请内容仍不明确", "25", "25"]],
                      [["1.信访举报投诉类申请", "148", "148"], ["2.重复申请", "5", "5"]]]


def test_a_ruled_table_wider_than_its_page_keeps_its_last_column(tmp_path):
    """A browser's PDF of a table wider than its page: the rows' rules run on past the page's edge, the vertical rule
    at the table's right side is not drawn, so the last column (and a cell spanning to it) had no cell and its figures
    were left out. The row's open side is closed where its rules end."""
    path = tmp_path / "wide.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT, 12)
    c.drawString(72, 760, "二、主动公开政府信息情况")
    xs, right, row_h, top = [40.0, 200.0, 330.0, 460.0], 640.0, 24.0, 720.0
    rows = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "3"],
            ["行政规范性文件", "5", "12", "8"], ["行政许可", "27"]]
    c.setLineWidth(0.5)
    for i in range(len(rows) + 1):
        c.line(xs[0], top - i * row_h, right, top - i * row_h)
    for i, row in enumerate(rows):
        y0, y1 = top - i * row_h, top - (i + 1) * row_h
        for x in xs[:len(row)]:
            c.line(x, y0, x, y1)
        for x, text in zip(xs, row):
            c.drawString(x + 4, y1 + 7, text)
    c.save()
    tables = [[list(r) for r in t.rows] for t in read_document(path).tables()]
    assert tables == [[["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "3"],
                       ["行政规范性文件", "5", "12", "8"], ["行政许可", "27", "27", "27"]]]
