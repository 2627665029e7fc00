"""A text line's row label against the national template: the row it names and whether its figures fit."""

from __future__ import annotations

from indexer.readers.template_rows import is_header_row, label_and_figures, row_fits, starts_columns, template_row


def test_a_cell_holding_a_group_and_a_row_names_the_row():
    assert template_row("三、本年度办理结果（一）予以公开").key == "granted"
    assert template_row("3.其他").key == "other.other"  # alone in text, 3.其他 is the 其他处理 row
    assert template_row("本机关主动公开政府信息185条") is None


def test_figures_fit_a_row_only_in_the_number_its_table_has():
    assert row_fits("（一）予以公开", ["1", "0", "0", "0", "0", "0", "1"])
    assert not row_fits("（一）予以公开", ["1", "0", "1"])  # table 3 takes seven
    assert row_fits("（一）予以公开", ["3", "1", "0", "0", "4"])  # five that add up to the last: blanks vanished
    assert not row_fits("（一）予以公开", ["3", "1", "0", "0", "5"])
    assert row_fits("行政许可", ["97"]) and not row_fits("行政许可", ["1", "2", "3", "4", "5"])


def test_a_label_and_its_figures_on_one_line():
    assert label_and_figures("行政许可 97") == ["行政许可", "97"]
    assert label_and_figures("规章 0 0 0") == ["规章", "0", "0", "0"]
    assert label_and_figures("1 0 0 0 0 0 1") == ["", "1", "0", "0", "0", "0", "0", "1"]  # its place says which row
    assert label_and_figures("今年共受理 97") == []  # no template row
    assert label_and_figures("行政许可，共 97") == []  # prose


def test_header_rows_and_cells_cut_short():
    assert is_header_row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
    assert not is_header_row(["规章", "0", "0", "0"])
    assert starts_columns("本年新") == 2  # 本年新制作数量, 本年新公开数量
    assert starts_columns("本年制发件数") == 0  # a whole label starts nothing


def test_a_unit_set_off_by_a_space_stays_with_its_figure():
    # PDF text tools put a space where the font changes between a figure and its unit
    assert label_and_figures("政府集中采购 12 45800.5 元") == ["政府集中采购", "12", "45800.5元"]
    assert label_and_figures("行政事业性收费 3.2 万元") == ["行政事业性收费", "3.2万元"]
    assert label_and_figures("政府集中采购 12 元旦采购") == []  # a word that starts with 元 is no unit
