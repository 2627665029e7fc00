"""One agency_id per agency across years and corpora, whatever abbreviation each report prints.

The bundled samples and the test fixtures hold reports of the same agencies
in different years; reports written here for other years print the same
agency the other ways reports do (卫健委, a bare 市 prefix, the city in front
or not). All must share the agency's id.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.blocks import Document
from indexer.extract import extract, record_of
from indexer.readers.text import parse_text
from fixtures.shared import REAL

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "relevance"


def agency_id_of_file(path: Path) -> str:
    return extract(path).agency_id


def agency_id_of_text(text: str) -> str:
    doc = Document(path=Path("other_year.txt"), format="txt", blocks=parse_text(text))
    return record_of(doc, "0" * 16, "other_year.txt").agency_id


BODY = "一、总体情况\n{year}年，我委主动公开政府信息200条。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"


def test_bundled_sample_and_fixture_of_another_year_share_the_id():
    sample = agency_id_of_file(SAMPLES / "003_f90b525eb7280150.txt")  # 招远市卫生健康局 2023
    fixture = agency_id_of_file(FIXTURES / "r12_zhaoyuan_health_2022.txt")  # the same agency, 2022
    assert sample == fixture == "370685:招远市卫生健康局"


def test_abbreviated_and_prefix_only_printings_share_the_samples_id():
    zhoushan = agency_id_of_file(SAMPLES / "002_4d9a4a9cceefb299.txt")  # title 市卫生健康委, signed in full
    assert zhoushan == "330900:舟山市卫生健康委员会"
    assert agency_id_of_text("舟山市卫健委2021年政府信息公开工作年度报告\n" + BODY.format(year=2021)) == zhoushan
    assert agency_id_of_text("浙江省舟山市卫生健康委员会2022年政府信息公开工作年度报告\n" + BODY.format(year=2022)) == zhoushan
    hualong = agency_id_of_file(SAMPLES / "004_117cf03a8e1b5c4c.txt")  # 华龙区卫生健康委员会 2021
    assert hualong == "410902:华龙区卫生健康委员会"
    assert agency_id_of_text("濮阳市华龙区卫健委2022年政府信息公开工作年度报告\n" + BODY.format(year=2022)) == hualong
    assert agency_id_of_text("华龙区卫生健康委2023年政府信息公开工作年度报告\n" + BODY.format(year=2023)) == hualong


def test_a_city_printed_in_front_or_not_gives_one_id():
    huancui = agency_id_of_file(SAMPLES / "000_a4de8c3d0db3ef4d.txt")  # 威海市环翠区卫生健康局 2020
    assert agency_id_of_text("环翠区卫生健康局2021年政府信息公开工作年度报告\n" + BODY.format(year=2021)) == huancui
    assert agency_id_of_text("环翠区卫健局2022年政府信息公开工作年度报告\n" + BODY.format(year=2022)) == huancui


def test_different_agencies_of_one_place_keep_different_ids():
    health = agency_id_of_file(FIXTURES / "r12_zhaoyuan_health_2022.txt")
    education = agency_id_of_file(FIXTURES / "r01_zhaoyuan_edu.txt")
    assert health != education and health.split(":")[0] == education.split(":")[0]


@pytest.mark.skipif(not REAL.is_dir(), reason="the shared real reports are not beside this checkout")
def test_real_reports_of_one_government_in_two_years_share_the_id():
    # 2023 prints 洪泽区人民政府 in its title, 2024 淮安市洪泽区人民政府
    assert agency_id_of_file(REAL / "r01_hongze2023.pdf") == agency_id_of_file(REAL / "r02_hongze2024.pdf")
    ids = {agency_id_of_file(REAL / f) for f in ("r04_pingtan2019.txt", "r05_pingtan2023.txt", "r06_pingtan2025.txt")}
    assert len(ids) == 1


def test_a_township_unit_printed_after_its_countys_government_keeps_its_id():
    """某区人民政府某街道办事处 one year, 某区某街道办事处 the next: one agency."""
    with_government = agency_id_of_text("北京市东城区人民政府东华门街道办事处2022年政府信息公开工作年度报告\n" + BODY.format(year=2022))
    without = agency_id_of_text("北京市东城区东华门街道办事处2023年政府信息公开工作年度报告\n" + BODY.format(year=2023))
    office = agency_id_of_text("北京市东城区人民政府办公室2023年政府信息公开工作年度报告\n" + BODY.format(year=2023))
    assert with_government == without == "110101:东城区东华门街道办事处"
    assert office == "110101:东城区人民政府办公室"
