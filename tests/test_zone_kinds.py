"""The zone kinds (data/zone_kinds.tsv): one list that every "ends like a zone" rule reads."""

from __future__ import annotations

import pytest

from indexer.fields.level import agency_level_of
from indexer.fields.names import is_unplaced_unit, zone_kinds_short, zone_printing_pattern
from indexer.gazetteer import _gaz
from indexer.gazetteer.kinds import ZONE_BODY_END, ZONE_COMMITTEE_END, ZONE_END, ZONE_KINDS, ZONE_WORDS, read_zone_kinds


def test_every_listed_zone_of_the_gazetteer_ends_with_a_kind_of_the_list():
    """The list is the gazetteer's own endings: a kind removed from the file shows here (scenic areas and a
    one-off 食品区 aside, which no rule reads as a zone kind)."""
    officials = {zone.official for zone in _gaz().zone_names.values()}
    unmatched = {n for n in officials if not ZONE_BODY_END.search(n) and not n.endswith(("风景名胜区", "食品区"))}
    assert len(officials) > 100
    assert unmatched == set()


def test_the_file_has_no_kind_twice_and_every_long_form_is_longer():
    words = [w for short, fulls in read_zone_kinds() for w in (short, *fulls)]
    assert len(words) == len(set(words))
    assert all(len(full) > len(short) for short, fulls in ZONE_KINDS for full in fulls)
    assert list(ZONE_WORDS) == sorted(ZONE_WORDS, key=lambda w: (-len(w), w))


@pytest.mark.parametrize("name", ["东湖高新区", "某某经济技术开发区", "某某新区", "某某综合保税区", "某某保税港区",
                                  "某某旅游度假区", "某某产业集聚区", "某某新城", "某某管理区", "某某工业园"])
def test_names_ending_as_zones(name):
    assert ZONE_END.search(name)
    assert ZONE_BODY_END.search(name + "管委会") and ZONE_COMMITTEE_END.search(name + "管理委员会")


@pytest.mark.parametrize("name", ["某某新城区", "某某县", "某某区", "某某区人民政府", "某某街道", "某某新城镇"])
def test_districts_and_townships_do_not_end_as_zones(name):
    assert not ZONE_END.search(name)
    assert not ZONE_COMMITTEE_END.search(name)


def test_short_and_full_kinds_are_one_zone():
    assert zone_kinds_short("某某综合保税区管委会") == "某某综保区管委会"
    assert zone_kinds_short("东湖新技术开发区") == "东湖高新区"
    assert zone_kinds_short("某某工业园区") == "某某工业园区"  # no shortening listed: unchanged


def test_a_printing_pattern_matches_every_form_of_each_shortened_kind():
    pattern = zone_printing_pattern("青溪高新区")
    for printed in ("青溪高新区", "青溪高新技术产业开发区管委会", "青溪高新技术开发区管理委员会"):
        assert pattern.fullmatch(printed)
    assert not pattern.fullmatch("青溪经济开发区")
    # a kind with no short form, and the short kind's letters inside another word, stay literal
    assert zone_printing_pattern("青溪新区") is None
    assert zone_printing_pattern("青溪经开区高新区").fullmatch("青溪经济技术开发区高新技术产业开发区")


def test_every_kind_reaches_the_level_and_the_unplaced_unit_rules():
    """A kind in the file counts for a municipality's zone committee (county, where its districts sit) and a
    committee named by its kind alone (the unit of the site's county)."""
    for short, fulls in ZONE_KINDS:
        for word in (short, *fulls):
            assert agency_level_of(f"天津某某{word}管理委员会", ["province"], f"天津某某{word}", None) == "county", word
            assert is_unplaced_unit(f"{word}管理委员会"), word
