"""Table-3 rows of text layouts holding fewer figures than columns: what their figures say about their cells."""

from __future__ import annotations

from indexer.readers.text import parse_text
from indexer.structure import structure_of
from indexer.tables import map_tables

HEADER = (
    "三、收到和处理政府信息公开申请情况\n"
    "                           法人或其他\n"
    "自然人                              总计\n"
    "                           组织\n"
    "                                   社会公益 法律服务机\n"
    "商业企业                       科研机构               其他\n"
    "                                   组织   构\n"
)


def _values(body: str) -> dict:
    result = map_tables(structure_of(parse_text(body)).tables)
    return {k: m.value for k, m in result.metrics.items()}


def test_a_run_of_touching_figures_is_cut_before_the_row_is_placed_by_sums():
    """PDF-to-text -layout of a narrow LibreOffice table: the last three cells touch (0 0 3 as 003). The run cuts one
    way into the two cells the row lacks (a figure never starts with 0), so the row holds its seven figures; read as
    the figure 3 it had made 3 0 0 0 3 a row whose blanks left no trace, placed by the sums."""
    v = _values(HEADER
                + "一、本年新收政府信息公开申请数量           3       0       0   0   003\n"
                + "二、上年结转政府信息公开申请数量           0       0       0   0   000\n")
    assert [v.get(f"apply.new.{c}") for c in ("natural", "commercial", "legal_services", "other", "total")] == [3, 0, 0, 0, 3]
    assert v.get("apply.carried_over.other") == 0 and v.get("apply.carried_over.total") == 0


def test_a_short_row_without_a_touching_run_is_still_placed_by_the_sums():
    v = _values(HEADER
                + "一、本年新收政府信息公开申请数量           3       1       4\n"
                + "二、上年结转政府信息公开申请数量           0       0\n")
    assert v.get("apply.new.total") == 4
    assert "apply.new.natural" not in v or v.get("apply.new.natural") == 3
