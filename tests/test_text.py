"""The plain-text reader: encodings, the table layouts told apart, broken labels, the bundled samples.

Each layout's own rebuilding is tested beside its module: test_split_rows, test_spaced, test_cell_lines,
test_table3_rows; paragraphs in test_paragraphs.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from indexer.blocks import Paragraph, Table
from indexer.readers import ReadError, read_document
from indexer.readers.text import parse_text

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


REPORT = "某某县2023年政府信息公开工作年度报告\n\n一、总体情况\n\n2023年，我县主动公开政府信息185条。\n"


def write(tmp_path: Path, data: bytes, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def rows(table: Table) -> list[list[str]]:
    return [list(r) for r in table.rows]


@pytest.mark.parametrize(
    "data,encoding",
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings(tmp_path, data, encoding):
    doc = read_document(write(tmp_path, data))
    assert doc.format == "txt"
    assert doc.encoding == encoding
    assert doc.paragraphs() == ["某某县2023年政府信息公开工作年度报告", "一、总体情况", "2023年，我县主动公开政府信息185条。"]


def test_crlf_line_ends(tmp_path):
    doc = read_document(write(tmp_path, REPORT.replace("\n", "\r\n").encode("gbk")))
    assert doc.paragraphs()[1] == "一、总体情况"


def test_random_bytes_are_refused(tmp_path):
    data = bytes((i * 7919 + 13) % 256 for i in range(30000)) + os.urandom(3000)
    with pytest.raises(ReadError):
        read_document(write(tmp_path, data))


def test_text_without_chinese_is_refused(tmp_path):
    with pytest.raises(ReadError, match="no Chinese text"):
        read_document(write(tmp_path, b"just some notes\nnothing else\n"))


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(ReadError, match="empty"):
        read_document(write(tmp_path, b""))


TAB_TABLE = (
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\t\t\t\n"
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
    "\n"
    "规章\t0\t0\t0\n"
    "行政规范性文件\t２\t1\t5\n"
    "三、收到和处理政府信息公开申请情况\n"
)


def test_tab_separated_table_with_blank_line_inside():
    blocks = parse_text(TAB_TABLE)
    assert blocks[0] == Paragraph("二、主动公开政府信息情况")
    assert isinstance(blocks[1], Table)
    assert rows(blocks[1]) == [
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "2", "1", "5"],
    ]
    assert blocks[2] == Paragraph("三、收到和处理政府信息公开申请情况")
    assert len(blocks) == 3


def test_one_cell_per_line_table():
    text = (
        "二、主动公开政府信息情况\n"
        "\t第二十条第（一）项\n"
        "\n"
        "\t信息内容\n\t本年新制作数量\n\t本年新公开数量\n\t对外公开总数量\n"
        "\n"
        "\t规章\n\t0\n\t0\n\t0\n"
        "\n"
        "\t规范性文件\n\t4\n\t4\n\t12\n"
        "\n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    blocks = parse_text(text)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    assert rows(blocks[1]) == [
        ["第二十条第（一）项"],
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "0", "0", "0"],
        ["规范性文件", "4", "4", "12"],
    ]


def test_markdown_pipe_table():
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "| 行政复议 | 行政诉讼 |\n"
        "|---|---|\n"
        "| **结果维持** | 结果纠正 |\n"
        "| 0 | 1 |\n"
        "五、存在的主要问题及改进情况\n"
    )
    blocks = parse_text(text)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    assert rows(blocks[1]) == [["行政复议", "行政诉讼"], ["结果维持", "结果纠正"], ["0", "1"]]


def test_row_label_broken_over_two_lines():
    text = (
        "（四）无法提供\t1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1\n"
        "\t3.补正后申请内容仍\t0\t0\t0\t0\t0\t0\t0\n"
        "\n"
        "\t不明确\t\t\t\t\t\t\t\n"
        "（五）不予处理\t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0\n"
    )
    (table,) = parse_text(text)
    assert rows(table) == [
        ["（四）无法提供", "1.本机关不掌握相关政府信息", "1", "0", "0", "0", "0", "0", "1"],
        ["", "3.补正后申请内容仍不明确", "0", "0", "0", "0", "0", "0", "0"],
        ["（五）不予处理", "1.信访举报投诉类申请", "0", "0", "0", "0", "0", "0", "0"],
    ]


@pytest.mark.parametrize("lead,sep,end", [("", " | ", " |"), ("| ", " | ", " |"), ("", "\t", "")])
def test_a_blank_row_after_a_row_with_a_figure_stays_its_own_row(tmp_path, lead, sep, end):
    """A table printed blank but for one figure: the blank row's whole label is no second line of the label above."""
    from indexer.extract import extract

    table = [["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "0", "", ""], ["规范性文件", "", "", ""]]
    lines = [lead + sep.join(row) + end for row in table]
    text = "\n".join([REPORT, "二、主动公开政府信息情况", "第二十条第（一）项", *lines, "第二十条第（五）项", ""])
    got = {k: m.value for k, m in extract(write(tmp_path, text.encode("utf-8"))).metrics.items()}
    assert got.get("active.rules.made") == 0
    assert not any(k.startswith("active.normative.") for k in got)


def test_a_single_tab_line_is_not_a_table():
    blocks = parse_text("联系电话：\t0535-1234567\n一、总体情况\n")
    assert blocks == [Paragraph("联系电话：0535-1234567"), Paragraph("一、总体情况")]


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_samples_read(name):
    doc = read_document(SAMPLES / name)
    assert doc.paragraphs(), name
    assert any("年度报告" in p for p in doc.paragraphs()[:3])


def test_sample_apply_table_keeps_its_rows():
    doc = read_document(SAMPLES / "002_4d9a4a9cceefb299.txt")
    apply_table = next(t for t in doc.tables() if any("本年新收" in c for r in t.rows for c in r))
    labels = [c for r in apply_table.rows for c in r if c and not c.isdigit()]
    assert "3.补正后申请内容仍不明确" in labels
    assert "不明确" not in labels
    assert ["一、", "本年新收政府信息公开申请数量", "3", "0", "0", "1", "0", "0", "4"] in [list(r) for r in apply_table.rows]


def _grids(blocks) -> list[list[list[str]]]:
    return [[list(r) for r in b.rows] for b in blocks if isinstance(b, Table)]


def _metrics(text: str) -> dict:
    from indexer.structure import structure_of
    from indexer.tables import map_tables

    return {k: m.value for k, m in map_tables(structure_of(parse_text(text)).tables).metrics.items()}


@pytest.mark.parametrize("cells", ["政府集中采购\n1\n140万\n", "政府集中采购 1 140万\n"])
def test_an_amount_printed_with_wan_is_a_figure_of_its_row(cells):
    """采购总金额 printed 140万 (万元 as 万), a cell a line (a page's text) or on the label's line (pdftotext)."""
    text = ("二、主动公开政府信息情况\n第二十条第（九）项\n信息内容\n采购项目数量\n采购总金额\n" + cells
            + "三、收到和处理政府信息公开申请情况\n")
    m = _metrics(text)
    assert m["active.procurement.items"] == 1 and m["active.procurement.amount_yuan"] == 1400000


def test_a_figure_after_a_lost_character_on_a_line_of_its_own():
    """A mirror's cell ``? 0`` (a lost no-break space printed as ?) that pdftotext writes ``?0``: a figure of the row."""
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n3\n?0\n5\n"
            "三、收到和处理政府信息公开申请情况\n")
    m = _metrics(text)
    assert (m["active.rules.issued"], m["active.rules.repealed"], m["active.rules.in_force"]) == (3, 0, 5)


def test_a_browser_copy_whose_header_cell_holds_an_empty_line():
    """Cells as paragraphs copied from a browser, a header cell 本年新<br>&nbsp;<br>制作数量 (an empty line inside it):
    the header comes out over three rows apart by blank lines and is one row again."""
    def cell_lines(cells):
        out = []
        for i, c in enumerate(cells):
            out += (["", "\t"] if i else []) + [""] + c.split("\n")
        return out + ["", "", ""]
    lines = (["第二十条第（一）项", ""] + cell_lines(["信息内容", "本年新\n\n制作数量", "本年新\n\n公开数量", "对外公开总数量"])
             + cell_lines(["规章", "0", "0", "0"]) + cell_lines(["规范性文件", "5", "2", "9"]) + ["三、收到和处理政府信息公开申请情况"])
    m = _metrics("二、主动公开政府信息情况\n" + "\n".join(lines) + "\n")
    assert (m["active.normative.made"], m["active.normative.published"], m["active.normative.total_published"]) == (5, 2, 9)


def test_a_change_printed_with_a_doubled_minus_keeps_its_row():
    """本年增/减 typed as ``--40`` (a minus typed twice): the row stays a table row with its three figures."""
    text = ("第二十条第（六）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
            "行政处罚 40 --40 0\n行政强制 2 0 5\n")
    rows = [r for b in parse_text(text) if isinstance(b, Table) for r in b.rows]
    assert ("行政处罚", "40", "--40", "0") in rows


def test_two_zeros_whose_space_was_lost_are_two_cells_of_a_short_row():
    """pdftotext -layout writes a row's last two cells 0 and 0 touching (``规范性文件  0  00``): ``00`` is no figure
    (a figure never starts with 0), and the row lacks one, so it is cut into the two it must be. A row that has all
    its figures keeps a printed ``00`` as one cell."""
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n"
            "信息内容      本年新制作数量    本年新公开数量    对外公开总数量\n"
            "规章            0         00\n规范性文件         3         04\n"
            "三、收到和处理政府信息公开申请情况\n")
    m = _metrics(text)
    assert [m.get(f"active.rules.{c}") for c in ("made", "published", "total_published")] == [0, 0, 0]
    assert [m.get(f"active.normative.{c}") for c in ("made", "published", "total_published")] == [3, 0, 4]


_T2_APART = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年新制作数量 本年新公开数量 对外公开总数量\n"
             "规章 0 0 0\n规范性文件 0 0 0\n第二十条第（五）项\n信息内容\n上一年项目数量 本年增/减 处理决定数量\n行政许可 0 0 0\n"
             "第二十条第（六）项\n信息内容\n行政处罚\n行政强制\n\n上一年项目数量 本年增/减 处理决定数量\n{figures}\n\n"
             "第二十条第（八）项\n")


def _extracted(tmp_path: Path, body: str) -> dict:
    from indexer.extract import extract

    path = tmp_path / "report.txt"
    path.write_text("某街道2019年政府信息公开工作年度报告\n" + body, encoding="utf-8")
    return {k: m["value"] for k, m in extract(path).to_dict()["metrics"].items()}


def test_table_2_labels_before_their_header_take_equal_figures(tmp_path):
    """pdftotext without layout of a 2019 table 2 (b27: a 街道's (六) block): 行政处罚 / 行政强制 written before the
    block's header, their six figures after it on one line. Every figure the same: each row takes three."""
    got = _extracted(tmp_path, _T2_APART.format(figures="0 0 0 0 0 0"))
    assert {k: got.get(k) for k in ("active.penalty.prev_items", "active.penalty.decisions", "active.coercion.change",
                                    "active.coercion.decisions")} == dict.fromkeys(
        ("active.penalty.prev_items", "active.penalty.decisions", "active.coercion.change", "active.coercion.decisions"), 0)
    assert got.get("active.licensing.decisions") == 0


@pytest.mark.parametrize("figures", ["5 0 12 0 0 3", "0 0 0 0 0"])
def test_table_2_labels_before_their_header_with_figures_that_differ_stay_unread(tmp_path, figures):
    """Figures that differ (whether row-wise or column-wise is not told) or a count that does not fit: no row is read."""
    got = _extracted(tmp_path, _T2_APART.format(figures=figures))
    assert not any(k.startswith(("active.penalty.", "active.coercion.")) for k in got)
