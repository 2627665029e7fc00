"""The record's JSON shape: fields added by the amended spec survive a round trip."""

from indexer.gazetteer import Region
from indexer.record import Report, agency_id_of


def _report(**kw) -> Report:
    base = dict(id="abc", source="a.txt", title="t", agency="舟山市卫生健康委员会", agency_level="city",
                region=Region("浙江省", "舟山市", None, "330900"), year=2020, published=None, template=None,
                sections=[], passages=[])
    base.update(kw)
    return Report(**base)


def test_agency_id_joins_region_code_and_canonical_name():
    assert _report().to_dict()["agency_id"] == "330900:舟山市卫生健康委员会"


def test_agency_id_without_region_code_is_the_name_alone_and_none_without_agency():
    assert agency_id_of(Region(), "国家统计局") == ":国家统计局"
    assert _report(agency=None).to_dict()["agency_id"] is None


def test_agency_id_leaves_out_the_parents_the_code_already_names():
    hongze = Region("江苏省", "淮安市", "洪泽区", "320813")
    assert agency_id_of(hongze, "淮安市洪泽区人民政府") == agency_id_of(hongze, "洪泽区人民政府") == "320813:洪泽区人民政府"
    assert agency_id_of(hongze, "江苏省淮安市洪泽区人民政府") == "320813:洪泽区人民政府"
    # the agency's own place stays: a city's, a municipality's, a county-level city under a province
    assert agency_id_of(Region("浙江省", "舟山市", None, "330900"), "浙江省舟山市卫生健康委员会") == "330900:舟山市卫生健康委员会"
    assert agency_id_of(Region("上海市", "上海市", None, "310000"), "上海市人民政府办公厅") == "310000:上海市人民政府办公厅"
    assert agency_id_of(Region("上海市", "上海市", "黄浦区", "310101"), "上海市黄浦区人民政府") == "310101:黄浦区人民政府"
    assert agency_id_of(Region("湖北省", "仙桃市", "仙桃市", "429004"), "湖北省仙桃市人民政府") == "429004:仙桃市人民政府"


def test_new_fields_round_trip_through_json():
    zone = Region("湖北省", "武汉市", None, "420100", zone="东湖新技术开发区")
    report = _report(region=zone, agency_printed="市卫生健康委")
    again = Report.from_dict(report.to_dict())
    assert again.agency_printed == "市卫生健康委"
    assert again.region.zone == "东湖新技术开发区"
    assert again.to_dict() == report.to_dict()
