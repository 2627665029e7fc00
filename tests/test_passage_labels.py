"""Labelled table rows: each cell a figure was read from carries that figure's column name."""

from __future__ import annotations

from indexer.passage_labels import display_texts, label_row, labelled_rows, match_cells


def test_a_2021_row_names_its_one_figure_as_the_template_prints_it():
    row = label_row("行政处罚 | 68", [("active.penalty.decisions", 68)], "2021")
    assert row.text == "行政处罚 | 本年处理决定数量 68"
    assert [(p.kind, row.text[p.start:p.end]) for p in row.pieces] == [
        ("cell", "行政处罚"), ("label", "本年处理决定数量"), ("value", "68")]


def test_a_2019_row_names_each_figure_in_column_order_whatever_order_the_figures_come_in():
    figures = [("active.penalty.decisions", 31), ("active.penalty.change", -4), ("active.penalty.prev_items", 4)]
    row = label_row("行政处罚 | 4 | -4 | 31", figures, "2019")
    assert row.text == "行政处罚 | 上一年项目数量 4 · 本年增/减 -4 · 处理决定数量 31"


def test_applicant_columns_and_group_cells_of_table_3():
    keys = ["natural", "commercial", "research", "nonprofit", "legal_services", "other", "total"]
    figures = [(f"apply.granted.{k}", v) for k, v in zip(keys, (1, 0, 0, 1, 0, 0, 2))]
    row = label_row("三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 1 | 0 | 0 | 2", figures)
    assert row.text == ("三、本年度办理结果 | （一）予以公开 | 自然人 1 · 商业企业 0 · 科研机构 0 · 社会公益组织 1 · "
                        "法律服务机构 0 · 其他 0 · 总计 2")


def test_a_row_holding_several_rows_names_each_group_unless_the_row_prints_it():
    leaves = ("upheld", "corrected", "other", "pending", "total")
    figures = [(f"{g}.{leaf}", 0) for g in ("review", "litigation.direct") for leaf in leaves]
    row = label_row(" | ".join(["0"] * 10), figures)
    assert row.text.startswith("行政复议：结果维持 0 · 结果纠正 0")
    assert " | 行政诉讼（未经复议直接起诉）：结果维持 0" in row.text
    two = label_row("行政许可 | 4 | 增4 | 其他对外管理服务事项 | 0 | 0 | 0",
                    [("active.licensing.prev_items", 4), ("active.licensing.change", 4),
                     ("active.other_services.prev_items", 0), ("active.other_services.change", 0),
                     ("active.other_services.decisions", 0)], "2019")
    assert two.text == ("行政许可 | 上一年项目数量 4 · 本年增/减 增4 | 其他对外管理服务事项 | "
                        "上一年项目数量 0 · 本年增/减 0 · 处理决定数量 0")


def test_a_transposed_table_names_rows_not_columns():
    figures = [("apply.new.natural", 3), ("apply.carried_over.natural", 0), ("apply.total.natural", 3)]
    assert label_row("自然人 | 3 | 0 | 3", figures).text == "自然人 | 一、本年新收申请 3 · 二、上年结转申请 0 · （七）总计 3"


def test_cells_pair_with_figures_by_value_when_the_counts_differ():
    # a leading serial number, an amount printed in 万元 for a figure in 元
    assert match_cells(["1", "政府集中采购", "6", "2.94万元"],
                       [("active.procurement.items", 6), ("active.procurement.amount_yuan", 29400)]) == {
        2: "active.procurement.items", 3: "active.procurement.amount_yuan"}
    assert match_cells(["行政处罚", "—", "31"], [("active.penalty.decisions", 31)]) == {2: "active.penalty.decisions"}
    assert match_cells(["信息内容", "本年新制作数量"], []) == {}


def test_only_rows_with_figures_change_and_the_record_keeps_the_printed_text():
    record = {
        "template": "2021",
        "passages": [
            {"id": "s2-p1", "section": 2, "kind": "table_row", "text": "信息内容 | 本年处理决定数量"},
            {"id": "s2-p2", "section": 2, "kind": "table_row", "text": "行政处罚 | 68"},
            {"id": "s2-p3", "section": 2, "kind": "paragraph", "text": "行政处罚68件。"},
        ],
        "metrics": {"active.penalty.decisions": {"value": 68, "passage": "s2-p2"}},
    }
    assert display_texts(record) == ["信息内容 | 本年处理决定数量", "行政处罚 | 本年处理决定数量 68", "行政处罚68件。"]
    assert set(labelled_rows(record)) == {"s2-p2"}
    assert record["passages"][1]["text"] == "行政处罚 | 68"


def test_the_labels_a_record_shows_are_listed_once_for_the_index():
    from indexer.passage_labels import label_words

    record = {
        "template": "2019",
        "passages": [
            {"id": "s2-p1", "section": 2, "kind": "table_row", "text": "行政处罚 | 4 | -4 | 31"},
            {"id": "s2-p2", "section": 2, "kind": "table_row", "text": "行政强制 | 0 | 0 | 0"},
        ],
        "metrics": {f"active.{row}.{col}": {"value": v, "passage": pid}
                    for row, pid, values in (("penalty", "s2-p1", (4, -4, 31)), ("coercion", "s2-p2", (0, 0, 0)))
                    for col, v in zip(("prev_items", "change", "decisions"), values)},
    }
    assert label_words(record) == ["上一年项目数量", "本年增/减", "处理决定数量"]


def test_rows_that_can_show_a_needle_give_the_snippets_of_labelling_every_row(samples_dir):
    """Labelling only `rows_that_can_show` picks and shows the same snippets as labelling every row."""
    from indexer.extract import extract
    from indexer.passage_labels import display_passages, rows_that_can_show
    from indexer.snippets import best_snippets
    from indexer.textnorm import fold

    needles_tried = [["处理决定数量"], ["本年"], ["数量3"], ["新收"], ["申请人"], ["维持"], ["费"], ["|"], ["公开", "复议"], ["量4"]]
    labelled_somewhere = left_out = 0
    for path in sorted(samples_dir.glob("*.txt")):
        record = extract(path, samples_dir, "0" * 16).to_dict()
        for needles in needles_tried:
            every = display_passages(record)
            some_rows = rows_that_can_show(record, needles)
            some = display_passages(record, some_rows)
            assert best_snippets(some, [fold(p["text"]) for p in some], needles) == \
                best_snippets(every, [fold(p["text"]) for p in every], needles)
            labelled_somewhere += bool(some_rows)
            left_out += needles == ["申请人"] and len(some_rows) < len(labelled_rows(record))
    assert labelled_somewhere and left_out  # some rows are labelled, and some are left as printed
