"""Tables laid out without column spans: every row's cells from the left, then empty cells padding it to the table's
width, so that header rows stop short (自然人 | 法人或其他组织 | 总计 | | | …) and no header cell stands above a row's
blank cells. A table-3 row printed blank but for its 总计 keeps its seven cells after its label."""

from __future__ import annotations

from pathlib import Path

from indexer.blocks import Paragraph, Table
from indexer.extract import extract
from indexer.readers.grid import blank_applicant_columns, tidy_grid
from indexer.structure import structure_of
from indexer.tables import map_tables

T3HEAD = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
NEW = "一、本年新收政府信息公开申请数量"
CARRIED = "二、上年结转政府信息公开申请数量"
APPLICANTS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def _padded_apply_rows(new: list[str], carried: list[str]) -> list[list[str]]:
    """Table 3 as a ten-column grid without spans: labels from the left, then padding."""
    return [
        [T3HEAD, "申请人情况"] + [""] * 8,
        ["自然人", "法人或其他组织", "总计"] + [""] * 7,
        APPLICANTS + [""] * 5,
        [NEW, *new, "", ""],
        [CARRIED, *carried, "", ""],
        ["三、本年度办理结果", "（一）予以公开"] + [""] * 8,
    ]


def _values(rows: list[list[str]]) -> dict:
    blocks = [Paragraph("三、收到和处理政府信息公开申请情况"), Table.from_rows(rows)]
    result = map_tables(structure_of(blocks).tables)
    return {k: m.value for k, m in result.metrics.items()}


def test_blank_cells_of_a_row_printing_only_its_total_keep_their_columns():
    grid = _padded_apply_rows([""] * 6 + ["0"], [""] * 6 + ["2"])
    tidy = tidy_grid(grid)
    assert tidy[3] == [NEW] + [""] * 6 + ["0"]  # the padding after 0 goes, the six blank cells before it stay
    assert all(len(r) == 8 for r in tidy)


def test_spacer_columns_between_every_two_cells_are_still_dropped():
    """A row of seven figures with an empty spacer column after each has fourteen cells after its label: no table-3
    row, so the spacers go as before."""
    row = [NEW]
    for figure in ["3", "0", "0", "1", "0", "0", "4"]:
        row += [figure, ""]
    grid = [["信息内容"] + [""] * 14, row]
    assert blank_applicant_columns(grid, [0] + list(range(1, 15, 2))) == set()
    assert tidy_grid(grid)[1] == [NEW, "3", "0", "0", "1", "0", "0", "4"]


def test_a_lone_total_after_blank_cells_in_a_padded_grid_is_the_total():
    """The grid the PDF reader keeps (empty columns of real width stay): the two padding cells after the row's last
    figure hold no column, so the lone 0 is 总计's, not 法律服务机构's (counted from the right of the padding)."""
    v = _values(_padded_apply_rows([""] * 6 + ["0"], [""] * 6 + ["5"]))
    assert v.get("apply.new.total") == 0 and v.get("apply.carried_over.total") == 5
    assert not any(k.startswith(("apply.new.", "apply.carried_over.")) and not k.endswith(".total") for k in v)


def test_a_padded_row_of_figures_reads_every_column():
    v = _values(_padded_apply_rows(["3", "0", "0", "1", "0", "0", "4"], ["0", "", "", "", "", "", "0"]))
    assert [v.get(f"apply.new.{c}") for c in ("natural", "legal_services", "total")] == [3, 0, 4]
    assert v.get("apply.carried_over.natural") == 0 and v.get("apply.carried_over.total") == 0
    assert "apply.carried_over.commercial" not in v


def _cell(text: str) -> str:
    return f"<td>{text}</td>"


def test_a_page_whose_table_3_is_padded_gives_the_total_of_its_blank_rows(tmp_path: Path):
    rows = "".join("<tr>" + "".join(_cell(c) for c in r) + "</tr>"
                   for r in _padded_apply_rows([""] * 6 + ["0"], [""] * 6 + ["0"]))
    page = tmp_path / "r.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区统计局2023年政府信息公开工作年度报告</title></head>'
        "<body><p>某区统计局2023年政府信息公开工作年度报告</p><p>一、总体情况</p>"
        "<p>2023年，我局主动在门户网站公开政府信息50条。</p><p>三、收到和处理政府信息公开申请情况</p>"
        f'<table border="1" cellspacing="0"><tbody>{rows}</tbody></table></body></html>', encoding="utf-8")
    metrics = {k: m["value"] for k, m in extract(page).to_dict()["metrics"].items()}
    assert metrics.get("apply.new.total") == 0 and metrics.get("apply.carried_over.total") == 0
    assert not [k for k in metrics if k.startswith("apply.") and not k.endswith(".total")]
