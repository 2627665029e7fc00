"""Table 2 written column by column (PDF-to-text without layout on a table without borders) read back in rows."""

from __future__ import annotations

from indexer.extract import extract

LABELS = ["第二十条第（一）项", "信息内容", "规章", "规范性文件", "第二十条第（五）项", "信息内容", "行政许可", "其他对外管理服务事项",
          "第二十条第（六）项", "信息内容", "行政处罚", "行政强制", "第二十条第（八）项", "信息内容", "行政事业性收费",
          "第二十条第（九）项", "信息内容", "政府集中采购"]
COLUMNS = [("本年新\n制作数量", ["1", "3"]), ("本年新\n公开数量", ["1", "2"]), ("上一年项目数量", ["12", "40"]),
           ("本年增/减", ["-2", "0"]), ("处理决定数量", ["603", "77"]), ("上一年项目数量", ["5", "1"]), ("本年增/减", ["0", "1"]),
           ("处理决定数量", ["31", "2"]), ("上一年项目数量", ["2"]), ("本年增/减", ["0"]), ("采购项目数量", ["4"]),
           ("采购总金额", ["12.5万元"]), ("对外公开总数量", ["9", "21"])]
WANT = {"active.rules.made": 1, "active.rules.published": 1, "active.rules.total_published": 9,
        "active.normative.made": 3, "active.normative.published": 2, "active.normative.total_published": 21,
        "active.licensing.prev_items": 12, "active.licensing.change": -2, "active.licensing.decisions": 603,
        "active.other_services.prev_items": 40, "active.other_services.change": 0, "active.other_services.decisions": 77,
        "active.penalty.prev_items": 5, "active.penalty.change": 0, "active.penalty.decisions": 31,
        "active.coercion.prev_items": 1, "active.coercion.change": 1, "active.coercion.decisions": 2,
        "active.fees.prev_items": 2, "active.fees.change": 0, "active.procurement.items": 4, "active.procurement.amount_yuan": 125000}


def _dump(columns) -> str:
    body = "\n".join(LABELS) + "\n\n" + "\n\n".join(head + "\n" + "\n".join(figs) for head, figs in columns)
    return ("某局2019年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n二、主动公开政府信息情况\n" + body +
            "\n\n三、收到和处理政府信息公开申请情况\n本年未收到申请。\n")


def test_table_2_written_column_by_column_gives_its_rows(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(_dump(COLUMNS), encoding="utf-8")
    report = extract(path)
    assert report.template == "2019"
    assert {k: report.metrics[k].value for k in WANT if k in report.metrics} == WANT


def test_a_column_that_fits_no_block_leaves_the_dump_unread(tmp_path):
    """处理决定数量 with three figures fits no block of two rows: nothing is placed by guess."""
    broken = [(h, f + ["7"]) if i == 4 else (h, f) for i, (h, f) in enumerate(COLUMNS)]
    path = tmp_path / "dump.txt"
    path.write_text(_dump(broken), encoding="utf-8")
    assert not [k for k in extract(path).metrics if k.startswith("active.") and k != "active.published_total"]


LABELS_2021 = ["第二十条第（一）项", "信息内容", "规章", "行政规范性文件", "第二十条第（五）项", "信息内容", "行政许可",
               "第二十条第（六）项", "信息内容", "行政处罚", "行政强制", "第二十条第（八）项"]


def _dump_2021(chunks) -> str:
    """pdfminer's text: the labels' column (blank lines between), then chunks of headers and figures, then the last
    block written in rows."""
    body = "\n\n".join(LABELS_2021) + "\n\n" + "\n\n".join("\n\n".join(heads + figs) for heads, figs in chunks)
    return ("某镇2023年政府信息公开工作年度报告\n一、总体情况\n依法公开。\n二、主动公开政府信息情况\n" + body +
            "\n\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n0\n三、收到和处理政府信息公开申请情况\n无。\n")


def test_headers_of_several_columns_then_their_figures(tmp_path):
    """本年制发件数 / 本年废止件数 / 现行有效件 then six figures: read when the order cannot matter (all the same)
    or the block has one row; 本年处理决定数量 columns one at a time."""
    chunks = [(["本年制发件数", "本年废止件数", "现行有效件"], ["0"] * 6), (["本年处理决定数量"], ["5"]),
              (["本年处理决定数量"], ["30", "2"])]
    path = tmp_path / "dump.txt"
    path.write_text(_dump_2021(chunks), encoding="utf-8")
    got = {k: m.value for k, m in extract(path).metrics.items()}
    assert [got.get(f"active.{r}.{c}") for r in ("rules", "normative") for c in ("issued", "repealed", "in_force")] == [0] * 6
    assert (got.get("active.licensing.decisions"), got.get("active.penalty.decisions"), got.get("active.coercion.decisions")) \
        == (5, 30, 2)


def test_headers_of_several_columns_with_different_figures_over_rows_stay_unread(tmp_path):
    """Six different figures under three headers of a two-row block: in rows or in columns? Nothing is guessed."""
    chunks = [(["本年制发件数", "本年废止件数", "现行有效件"], ["1", "0", "6", "2", "1", "9"]), (["本年处理决定数量"], ["5"]),
              (["本年处理决定数量"], ["30", "2"])]
    path = tmp_path / "dump.txt"
    path.write_text(_dump_2021(chunks), encoding="utf-8")
    got = extract(path).metrics
    assert not [k for k in got if k.startswith(("active.rules", "active.normative"))]


def _boxes(head: list[str], first_block: list[str]) -> str:
    """A 2021 table 2 as pdfminer writes it from a ruled PDF: text boxes in its own order, each article's figures
    together (the (一) block's six in columns), labels and headers anywhere around them."""
    body = ["第二十条第（一）项", "信息内容", "本年制发件数 本年废止件数 现行有效件数", "规章", "行政规范性文件", *first_block,
            *head, "第二十条第（五）项", "本年处理决定数量", "1517", "第二十条第（六）项", "本年处理决定数量", "46", "0",
            "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", "0.092"]
    return ("某街道2022年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n二、主动公开政府信息情况\n"
            + "\n\n".join(body) + "\n\n三、收到和处理政府信息公开申请情况\n本年未收到申请。\n")


def test_a_2021_table_2_in_text_boxes_gives_each_article_its_figures(tmp_path):
    path = tmp_path / "boxes.txt"
    path.write_text(_boxes(["信息内容", "行政许可", "信息内容", "行政处罚", "行政强制"], ["0"] * 6), encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert (m["active.licensing.decisions"], m["active.penalty.decisions"], m["active.coercion.decisions"]) == (1517, 46, 0)
    assert m["active.fees.amount_wan"] == 0.092 and m["active.normative.in_force"] == 0 and m["active.rules.issued"] == 0


def test_text_boxes_whose_first_block_could_be_rows_or_columns_leave_it_absent(tmp_path):
    """0 3 0 0 0 101: 行政规范性文件's figures in columns (3, 0, 101) or in rows (0, 0, 101) the text does not say."""
    path = tmp_path / "boxes.txt"
    path.write_text(_boxes(["信息内容", "行政许可", "信息内容", "行政处罚", "行政强制"], ["0", "3", "0", "0", "0", "101"]),
                    encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert not any(k.startswith(("active.rules.", "active.normative.")) for k in m)
    assert m["active.licensing.decisions"] == 1517


def test_text_boxes_with_a_run_the_template_has_no_block_for_stay_unread(tmp_path):
    """Three figures under (六), which holds two rows of one column: no figure is placed by the runs."""
    text = _boxes(["信息内容", "行政许可", "信息内容", "行政处罚", "行政强制"], ["0"] * 6).replace("46\n\n0", "46\n\n0\n\n7")
    path = tmp_path / "boxes.txt"
    path.write_text(text, encoding="utf-8")
    got = extract(path).metrics
    assert not any(f"active.{row}.decisions" in got for row in ("licensing", "penalty", "coercion"))


def _table3_boxes(*parts: list[str]) -> str:
    lines = [line for part in parts for line in part]
    return ("某区某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n三、收到和处理政府信息公开申请情况\n"
            + "\n\n".join(lines) + "\n\n四、政府信息公开行政复议、行政诉讼情况\n本年无行政复议。\n")


ROWS_A = ["（本列数据的勾稽关系为：第一项加第二项之", "和，等于第三项加第四项之和）", "一、本年新收政府信息公开申请数量",
          "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开", "申请人情况", "法人或其他组织"]
ROWS_B = ["（二）部分公开（区分处理的，只计", "这一情形，不计其他情形）", "（三）不予公", "开", "1.属于国家秘密", "2.其他法律行政法规",
          "禁止公开"]


def _apply(path) -> dict:
    return {k: v.value for k, v in extract(path).metrics.items() if k.startswith("apply.")}


def test_table_3_in_text_boxes_gives_each_column_its_figures(tmp_path):
    """pdfminer on a ruled table 3: the rows' labels, then columns' headers (wrapped: 自然 / 人) each over its figures
    top to bottom, or four headers over twelve figures all alike; a later group of rows with no header over all
    seven columns' figures. The 其他 of 部分公开's remark is no column."""
    path = tmp_path / "boxes.txt"
    path.write_text(_table3_boxes(ROWS_A, ["商业", "企业", "科研", "机构", "社会公", "益组织", "法律服", "务机构"], ["0"] * 12,
                                  ["自然", "人", "5", "2", "4"], ["总", "计", "7", "2", "5"], ["其", "他", "2", "0", "1"],
                                  ROWS_B, ["0"] * 21), encoding="utf-8")
    got = _apply(path)
    assert [got.get(f"apply.new.{c}") for c in ("natural", "commercial", "legal_services", "other", "total")] == [5, 0, 0, 2, 7]
    assert (got["apply.carried_over.total"], got["apply.granted.natural"], got["apply.granted.other"]) == (2, 4, 1)
    assert got["apply.denied.law_forbidden.total"] == 0 and got["apply.partial.nonprofit"] == 0 and len(got) == 42


def test_table_3_boxes_whose_several_columns_differ_leave_those_columns_absent(tmp_path):
    """Two headers over six figures that differ: in rows or in columns the text does not say; the columns named one
    by one are still read."""
    path = tmp_path / "boxes.txt"
    path.write_text(_table3_boxes(ROWS_A, ["商业企业", "科研机构", "1", "0", "0", "0", "1", "0"],
                                  ["社会公益组织", "法律服务机构", "其他", "0"] * 1 + ["0"] * 8,
                                  ["自然人", "5", "2", "4"], ["总计", "6", "2", "5"]), encoding="utf-8")
    got = _apply(path)
    assert not any(k.endswith((".commercial", ".research")) for k in got)
    assert (got["apply.new.natural"], got["apply.new.total"], got["apply.new.other"]) == (5, 6, 0)


def test_table_3_boxes_with_a_blank_cell_stay_unread(tmp_path):
    """A blank cell (a line holding only a space) leaves no way to tell where the figures around it sit."""
    path = tmp_path / "boxes.txt"
    path.write_text(_table3_boxes(ROWS_A, ["自然人", "5", " ", "4"], ["总计", "7", "2", "5"]), encoding="utf-8")
    got = _apply(path)
    assert "apply.carried_over.natural" not in got and "apply.granted.natural" not in got


def test_text_boxes_whose_article_gives_its_figures_in_two_runs(tmp_path):
    """pdfminer may put a row label between the figures of one article: 本年处理决定数量 / 46 / 行政强制 / 0."""
    text = _boxes(["信息内容", "行政许可", "信息内容", "行政处罚"], ["0"] * 6).replace("46\n\n0", "46\n\n行政强制\n\n0")
    path = tmp_path / "boxes.txt"
    path.write_text(text, encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert (m["active.licensing.decisions"], m["active.penalty.decisions"], m["active.coercion.decisions"]) == (1517, 46, 0)


def test_text_boxes_written_with_radical_code_points(tmp_path):
    """pdfminer writes 二 and 一 as the Kangxi radicals ⼆ and ⼀ when the font maps their glyphs so: the table's words
    (⼆、主动公开政府信息情况, 第⼆⼗条第（⼀）项) are still its words."""
    text = _boxes(["信息内容", "行政许可", "信息内容", "行政处罚", "行政强制"], ["0"] * 6)
    text = text.replace("二、主动", "⼆、主动").replace("第二十条第（一）项", "第⼆⼗条第（⼀）项").replace("行政", "⾏政")
    path = tmp_path / "boxes.txt"
    path.write_text(text, encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert (m["active.licensing.decisions"], m["active.penalty.decisions"], m["active.coercion.decisions"]) == (1517, 46, 0)
    assert m["active.normative.in_force"] == 0


def _boxes_2019(five: list[str]) -> str:
    """A 2019 table 2 as pdfminer writes a borderless one: each article's labels, its header words, its figures."""
    body = ["信息内容", "规章", "规范性文件", "第二十条第（一）项", "本年新", "制作数量", "本年新", "公开数量", "对外公开总数量",
            *["0"] * 6, "第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "行政许可",
            "其他对外管理服务事项", *five, "第二十条第（六）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
            "行政处罚", "行政强制", *["0"] * 6, "第二十条第（八）项", "信息内容", "上一年项目数量", "本年增/减", "行政事业性收费",
            "3", "-1", "第二十条第（九）项", "信息内容", "采购项目数量", "采购总金额", "政府集中采购", "2", "0"]
    return ("某街道办事处2020年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n二、主动公开政府信息情况\n"
            + "\n\n".join(body) + "\n\n三、收到和处理政府信息公开申请情况\n本年未收到申请。\n")


def test_a_2019_table_2_in_text_boxes_gives_the_blocks_whose_order_cannot_matter(tmp_path):
    """Blocks of two rows of three figures all alike, and one-row blocks, are read; (五) with unlike figures (in rows
    or in columns?) is not."""
    path = tmp_path / "boxes.txt"
    path.write_text(_boxes_2019(["0", "0", "+21", "+57", "776", "0"]), encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert [m.get(f"active.{r}.{c}") for r in ("rules", "penalty") for c in ("made", "prev_items")] == [0, None, None, 0]
    assert (m["active.normative.total_published"], m["active.coercion.decisions"]) == (0, 0)
    assert (m["active.fees.prev_items"], m["active.fees.change"]) == (3, -1)
    assert (m["active.procurement.items"], m["active.procurement.amount_yuan"]) == (2, 0)
    assert not any(k.startswith(("active.licensing.", "active.other_services.")) for k in m)


def _boxes_own(tail: list[str], before: str = "") -> str:
    """A 2021 table 2 as pdfminer writes a ruled one whose label boxes touch their row's first cell: 行政规范性文件 5 on
    one line, the (一) block's other figures after the (五) article's line, in an order of the tool's."""
    body = ["第二十条第（一）项", "信息内容", "本年制发件数 本年废止件数 现行有效件数", "0", "规章", "行政规范性文件 5",
            "第二十条第（五）项", "信息内容", "0", "5", "0", "2", "行政许可", "本年处理决定数量", "31", "第二十条第（六）项",
            "信息内容", "行政处罚", "行政强制", "本年处理决定数量", "7", "0", *tail]
    return ("某乡2024年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n二、主动公开政府信息情况\n" + before
            + "\n\n".join(body) + "\n\n三、收到和处理政府信息公开申请情况\n本年未收到申请。\n")


FEE_BLOCK = ["第二十条第（八）项", "信息内容", "行政事业性收费 0", "本年收费金额（单位：万元）"]


def test_text_boxes_with_a_label_holding_its_row_s_first_figure(tmp_path):
    """The boxes' figures still make each article's block: (五) 31, (六) 7 over 0, (八) 0; (一)'s unlike figures, in rows
    or in columns, stay absent but for the figure its label's line holds, its row's first cell."""
    path = tmp_path / "boxes.txt"
    path.write_text(_boxes_own(FEE_BLOCK), encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert (m["active.licensing.decisions"], m["active.penalty.decisions"], m["active.coercion.decisions"]) == (31, 7, 0)
    assert m["active.fees.amount_wan"] == 0 and m["active.normative.issued"] == 5
    assert not any(k.startswith("active.rules.") for k in m)
    assert not any(k in m for k in ("active.normative.repealed", "active.normative.in_force"))


def test_text_boxes_after_a_sentence_under_the_heading(tmp_path):
    """A sentence stating the figures between the section's heading and the table stays prose; the boxes are read."""
    path = tmp_path / "boxes.txt"
    path.write_text(_boxes_own(FEE_BLOCK, before="本年制发文件5件，行政许可共处理决定31起，行政\n处罚共处理决定7起。\n\n"),
                    encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert (m["active.licensing.decisions"], m["active.penalty.decisions"], m["active.coercion.decisions"]) == (31, 7, 0)


def test_text_boxes_of_a_table_cut_after_its_first_articles(tmp_path):
    """A page's opening that ends after (六): the blocks of the articles it prints are read."""
    path = tmp_path / "boxes.txt"
    path.write_text(_boxes_own([]), encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert (m["active.licensing.decisions"], m["active.penalty.decisions"], m["active.coercion.decisions"]) == (31, 7, 0)


def test_a_change_printed_with_a_minus_typed_twice_is_read_column_by_column(tmp_path):
    """--2 (a minus typed twice, as some reports print a decrease) is one figure of the 本年增/减 column, -2."""
    columns = [(head, ["--2", "0"]) if figs == ["-2", "0"] else (head, figs) for head, figs in COLUMNS]
    path = tmp_path / "dump.txt"
    path.write_text(_dump(columns), encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert m == WANT


def test_text_boxes_whose_runs_put_a_label_s_own_figure_in_another_article_s_block(tmp_path):
    """A label that kept its figure on its line (行政事业性收费 1.5) ties that figure to its row; runs that, taken in order,
    put it in (六)'s block (the (一) zeros split round 规章 and (六)'s heading, 行政许可's and 行政处罚's figures after
    the fee row) are not the table's order: no block is read from them, and no figure goes to another row."""
    body = ["本年制发件数 本年废止件数 现行有效件数", "0", "0", "0", "0", "0", "第二十条第（一）项", "信息内容", "规章", "0",
            "行政规范性文件", "第二十条第（五）项", "信息内容", "行政许可", "第二十条第（六）项", "信息内容", "0", "行政处罚",
            "行政强制", "第二十条第（八）项", "信息内容", "行政事业性收费 1.5", "本年处理决定数量", "638", "本年处理决定数量",
            "12", "本年收费金额（单位：万元）"]
    path = tmp_path / "boxes.txt"
    path.write_text("某街道办事处2021年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n二、主动公开政府信息情况\n"
                    + "\n".join(body) + "\n三、收到和处理政府信息公开申请情况\n本年未收到申请。\n", encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert not any(k in m for k in ("active.licensing.decisions", "active.penalty.decisions", "active.coercion.decisions"))
    assert m.get("active.fees.amount_wan", 1.5) == 1.5


def _raw_2019(body: list[str], before: str = "", after: str = "") -> str:
    return ("某乡2020年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n二、主动公开政府信息情况\n" + before
            + "\n".join(body) + "\n" + after)


RAW_WITHOUT_FIRST_ARTICLE = [
    "信息内容", "规章", "规范性文件", "第二十条(五)项", "信息内容", "行政许可",
    "本年新制作数量 本年新公开数量 对外公开总数量", *["0"] * 6, "上一年项目数量 本年增/减", "0", "0", "0",
    "其他对外管理服务事项 0", "处理决定数量", "0", "0", "第二十条(六)项", "信息内容", "行政处罚", "上一年项目数量 本年增/减",
    "0", "0", "处理决定数量", "0", "0", "0", "行政强制", "第二十条(八)项", "信息内容", "行政事业性收费", "0",
    "上一年项目数量 本年增/减", "0", "0"]


def test_boxes_of_a_table_printed_without_its_first_article_s_line_after_a_sentence(tmp_path):
    """A page whose table 2 opens on 信息内容 / 规章 (no 第二十条第（一）项 line) under a sentence of the section, its later
    articles printed 第二十条(五)项 without the second 第, cut after the fee row: the sentence stays prose, the table
    counts its first article, and the blocks of (一), (五), (六) and (八), every figure alike, are read."""
    path = tmp_path / "raw.txt"
    path.write_text(_raw_2019(RAW_WITHOUT_FIRST_ARTICLE, before="本年主动公开政府信息共216条,其中政策文件\n信息35条。\n"),
                    encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert [m.get(f"active.{r}.{c}") for r in ("rules", "normative", "licensing", "other_services", "penalty", "coercion")
            for c in (("made", "published", "total_published") if r in ("rules", "normative")
                      else ("prev_items", "change", "decisions"))] == [0] * 18
    assert (m["active.fees.prev_items"], m["active.fees.change"]) == (0, 0)


RAW_INTERLEAVED_AND_CUT = [
    "第二十条第(一)项", "信息内容", "规章", "规范性文件", "第二十条第(五)项", "信息内容", "本年新", "本年新", "制作数量",
    "公开数量", "0", "0", "0", "0", "对外公开总数量", "0", "0", "上一年项目数量 本年增/减 处理决定数量", "0", "0", "0",
    "行政许可", "0", "0", "其他对外管理服务事项 0", "第二十条第(六)项", "信息内容", "行政处罚", "行政强制", "第二十条第(八)项",
    "上一年项目数量 本年增/减 处理决定数量", *["0"] * 6, "信息内容", "行政事业性收费", "第二十条第(九)项",
    "上一年项目数量 本年增/减", "2", "-1", "信"]


def test_boxes_with_two_header_words_broken_at_once_and_a_page_cut_inside_the_last_article(tmp_path):
    """本年新 / 本年新 / 制作数量 / 公开数量 (two header words broken over lines at once) are two words; a page's opening
    that ends inside (九)'s header (信 of 信息内容), none of (九)'s figures printed, holds the blocks of the articles before."""
    path = tmp_path / "raw.txt"
    path.write_text(_raw_2019(RAW_INTERLEAVED_AND_CUT), encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert (m["active.rules.total_published"], m["active.other_services.decisions"], m["active.coercion.decisions"]) == (0, 0, 0)
    assert (m["active.fees.prev_items"], m["active.fees.change"]) == (2, -1)
    assert not any(k.startswith("active.procurement.") for k in m)


def test_boxes_cut_inside_the_last_article_on_a_word_no_table_prints_are_left(tmp_path):
    """A last line that begins no word of a table 2 (会 after the (九) line) is not a cut header: nothing is read."""
    path = tmp_path / "raw.txt"
    path.write_text(_raw_2019(RAW_INTERLEAVED_AND_CUT[:-1] + ["会"]), encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert not any(k.startswith(("active.rules.", "active.fees.", "active.procurement.")) for k in m)


def test_boxes_ending_on_a_figure_short_of_the_last_article_s_are_left(tmp_path):
    """Text that ends on a figure (the (九) block's own, one of its two?) is not cut before that article's figures: the
    runs that fall short of the table's blocks are left as they are."""
    path = tmp_path / "raw.txt"
    path.write_text(_raw_2019(RAW_INTERLEAVED_AND_CUT[:-1] + ["采购项目数量", "4"]), encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert not any(k.startswith(("active.rules.", "active.fees.", "active.procurement.")) for k in m)


def test_boxes_whose_zeros_of_two_articles_ran_together(tmp_path):
    """pdfminer ran (一)'s last zeros and (五)'s first together (对外公开总数量 / 0 0 0 0), and (五)'s last with (六)'s
    six: a run of figures all alike fills one block and starts the next (which zero is whose cannot matter), and the
    one-row blocks after them keep their own figures."""
    body = ["第二十条第（一）项", "信息内容", "规章", "规范性文件", "第二十条第（五）项", "信息内容", "本年新", "制作数量", "0",
            "0", "本年新", "公开数量", "0", "0", "对外公开总数量", "0", "0", "0", "0",
            "上一年项目数量 本年增/减 处理决定数量", "0", "行政许可", "其他对外管理服务事项 0", "第二十条第（六）项", "信息内容",
            "行政处罚", "行政强制", "第二十条第（八）项", "信息内容", "上一年项目数量 本年增/减 处理决定数量", *["0"] * 8,
            "上一年项目数量 本年增/减", "3", "-1", "行政事业性收费", "第二十条第（九）项", "信息内容", "政府集中采购",
            "采购项目数量 采购总金额", "2", "0"]
    path = tmp_path / "boxes.txt"
    path.write_text(_raw_2019(body, after="三、收到和处理政府信息公开申请情况\n本年未收到申请。\n"), encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert (m["active.normative.total_published"], m["active.other_services.decisions"], m["active.coercion.decisions"]) == (0, 0, 0)
    assert (m["active.fees.prev_items"], m["active.fees.change"]) == (3, -1)
    assert (m["active.procurement.items"], m["active.procurement.amount_yuan"]) == (2, 0)


def test_boxes_whose_unlike_figures_ran_across_two_articles_are_left(tmp_path):
    """A run that would fill one block and start the next is split only when its figures are all alike."""
    body = ["第二十条第（一）项", "信息内容", "规章", "规范性文件", "本年新制作数量 本年新公开数量 对外公开总数量",
            "0", "0", "0", "0", "0", "0", "5", "7", "第二十条第（五）项", "信息内容", "行政许可", "其他对外管理服务事项",
            "上一年项目数量 本年增/减 处理决定数量", "0", "0", "0", "0", "第二十条第（六）项", "信息内容", "行政处罚", "行政强制",
            "上一年项目数量 本年增/减 处理决定数量", *["0"] * 6, "第二十条第（八）项", "信息内容", "行政事业性收费",
            "上一年项目数量 本年增/减", "3", "-1", "第二十条第（九）项", "信息内容", "政府集中采购", "采购项目数量 采购总金额",
            "2", "0"]
    path = tmp_path / "boxes.txt"
    path.write_text(_raw_2019(body, after="三、收到和处理政府信息公开申请情况\n本年未收到申请。\n"), encoding="utf-8")
    m = {k: v.value for k, v in extract(path).metrics.items()}
    assert not any(k.startswith(("active.licensing.", "active.other_services.")) for k in m)
