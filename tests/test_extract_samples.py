"""The bundled samples against their expected records (what ../shared/tools/check_extract.py judges).

The expected records are a copy of ../shared/spec/expected kept in
tests/fixtures/expected, so the tests run in a clone without the shared
folder; where the shared folder is present, the copy must equal it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.extract import extract

from fixtures.shared import shared_folder

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "fixtures" / "expected"
SHARED_EXPECTED = shared_folder() / "spec" / "expected"
SAMPLES = ROOT / "corpus" / "samples"
FIELDS = ["title", "agency", "agency_level", "year", "published", "template"]


def expected_files() -> list[Path]:
    return sorted(EXPECTED.glob("*.json"))


def test_expected_records_exist_and_equal_the_shared_contract():
    names = {p.name[: -len(".json")] for p in expected_files()}
    assert names and names == {p.name for p in SAMPLES.glob("*.txt")}
    if SHARED_EXPECTED.is_dir():  # beside the shared folder, the copy must not drift from it
        shared = {p.name: p.read_bytes() for p in SHARED_EXPECTED.glob("*.json")}
        assert shared == {p.name: p.read_bytes() for p in expected_files()}


def _ids() -> list[str]:
    return [p.name[:3] for p in expected_files()] or ["none"]


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    return {p.name: extract(p).to_dict() for p in SAMPLES.glob("*.txt")}


@pytest.mark.parametrize("expected_path", expected_files() or [None], ids=_ids())
def test_sample_matches_expected_record(expected_path, records):
    assert expected_path is not None, f"no expected records in {EXPECTED}"
    want = json.loads(expected_path.read_text(encoding="utf-8"))
    got = records[expected_path.name[: -len(".json")]]
    wrong: dict[str, tuple] = {}
    for f in FIELDS:
        if f in want and got.get(f) != want[f]:
            wrong[f] = (got.get(f), want[f])
    for f, v in want.get("region", {}).items():
        if got["region"].get(f) != v:
            wrong[f"region.{f}"] = (got["region"].get(f), v)
    for key, value in want.get("metrics", {}).items():
        entry = got["metrics"].get(key)
        if entry is None or abs(entry["value"] - value) > 1e-6:
            wrong[key] = (entry and entry["value"], value)
    for key in want.get("absent_metrics", []):
        if key in got["metrics"]:
            wrong[key] = (got["metrics"][key]["value"], "absent")
    statuses = {c["id"]: c["status"] for c in got["checks"]}
    for cid, status in want.get("checks", {}).items():
        if statuses.get(cid) != status:
            wrong[cid] = (statuses.get(cid), status)
    assert not wrong, wrong


def test_every_metric_names_the_passage_it_came_from(records):
    for name, record in records.items():
        ids = {p["id"]: p for p in record["passages"]}
        for key, metric in record["metrics"].items():
            assert metric["passage"] in ids, (name, key)
            kind = ids[metric["passage"]]["kind"]
            assert kind == ("paragraph" if key in ("active.published_total", "fees.processing_yuan") else "table_row"), (name, key)


def test_cells_missing_from_sample_001_are_absent(records):
    """001's 行政许可 row lost its 处理决定数量 in the text, and its fees cells say 无: never guessed."""
    metrics = records["001_a8c37edb55ee0579.txt"]["metrics"]
    for key in ("active.licensing.decisions", "active.fees.prev_items", "active.fees.change"):
        assert key not in metrics
    assert metrics["active.other_services.decisions"]["value"] == 0


def test_check_passages_exist(records):
    for name, record in records.items():
        ids = {p["id"] for p in record["passages"]}
        for check in record["checks"]:
            assert check["status"] in ("pass", "fail", "skip") and check["message"]
            assert set(check["passages"]) <= ids, (name, check["id"])
