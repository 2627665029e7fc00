"""Hostile input: mutated report files and random queries never end in anything but a plain refusal."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.extract import extract
from indexer.query import parse_query
from indexer.readers import ReadError
from indexer.search import SearchRequest, search
from indexer.synonyms import load_synonyms

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "corpus" / "samples").glob("*.txt"))
ALPHABET = "一二三四五六（）()、，。：:\t\n |-—/无增减万元年月日第条项0123456789申请公开总计行政复议" + '"'


def _mutate(data: bytes, cuts: list[tuple[int, int, bytes]]) -> bytes:
    for start, length, insert in cuts:
        start %= max(1, len(data))
        data = data[:start] + insert + data[start + length:]
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sample=st.sampled_from(SAMPLES),
    cuts=st.lists(st.tuples(st.integers(0, 20000), st.integers(0, 400), st.binary(max_size=40)), max_size=6),
    suffix=st.sampled_from([".txt", ".html", ".docx", ".pdf"]),
)
def test_mutated_files_extract_or_are_refused_plainly(tmp_path, sample, cuts, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(_mutate(sample.read_bytes(), cuts))
    try:
        record = extract(path)
    except ReadError as exc:
        assert str(exc)  # a reason a person can read
    else:
        assert record.id and isinstance(record.passages, list)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=600))
def test_random_report_text_extracts(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "r.txt"
    path.write_text("某某县民政局2022年政府信息公开工作年度报告\n" + text, encoding="utf-8")
    record = extract(path)
    assert record.title and all(c.status in ("pass", "fail", "skip") for c in record.checks)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=700))
def test_any_query_string_parses(text):
    parsed = parse_query(text, load_synonyms())
    assert parsed.root is None or parsed.positive_terms() is not None


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet='行政处罚疫情 "()-ORNTab0１２', max_size=40))
def test_any_query_searches(open_sample_index, text):
    answer = search(open_sample_index, SearchRequest(query=text), load_synonyms())
    assert answer["total"] >= 0 and len(answer["results"]) <= 10
