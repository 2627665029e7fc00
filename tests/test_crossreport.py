"""The checks across reports on a synthetic multi-year corpus (tests/fixtures/agencies.py).

A full build finds exactly the planted carry-over break, the year copied
from the year before and the report copied from another agency, and nothing
on the honest reports; they are filterable, exported and listed by
`nianbao check`; `nianbao extract` gives them as skip; re-indexing after a
change measures again only what the change touches and ends where a full
build of the same files ends.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest

from fixtures.agencies import EXPECTED_FAILING, HUZHOU, JIAXING, JINHUA, SHAOXING, corpus_reports, write_corpus
from fixtures.reports import to_text
from indexer import docset
from indexer.check_ids import cross_report_ids, is_cross_report
from indexer.engine import Index
from indexer.engine.crossstore import DELTA_FILE, STORE_FILE
from indexer.indexing import index_corpus
from indexer.search import SearchRequest, search


def cross_failing(index: Index) -> dict[tuple[str, int], set[str]]:
    out = {}
    for d in docset.docnums(index.live):
        record = index.record(d)
        failing = {c["id"] for c in record["checks"] if c["status"] == "fail" and is_cross_report(c["id"])}
        if failing:
            out[(record["agency"], record["year"])] = failing
    return out


def cross_checks(index: Index) -> dict[tuple[str, int], list[dict]]:
    """(agency, year) -> checks across reports, the report each names as (agency, year) too.

    (A file edited in place keeps its id, which a fresh build would not give it: ids are not compared.)
    """
    records = [index.record(d) for d in docset.docnums(index.live)]
    names = {r["id"]: (r["agency"], r["year"]) for r in records}
    out = {}
    for record in records:
        checks = [dict(c) for c in record["checks"] if is_cross_report(c["id"])]
        for c in checks:
            if "against" in c:
                c["against"] = names.get(c["against"], c["against"])
        out[(record["agency"], record["year"])] = checks
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("agencies")
    paths = write_corpus(base / "corpus")
    summary = index_corpus(base / "corpus", base / "index", workers=1)
    assert not summary.failed
    return base, paths, summary


def test_a_full_build_finds_exactly_the_planted_failings(built):
    base, _, summary = built
    assert summary.cross.checked == len(corpus_reports())
    with Index.open(base / "index") as index:
        assert cross_failing(index) == EXPECTED_FAILING
        checks = cross_checks(index)
    by_id = {(key, c["id"]): c for key, cs in checks.items() for c in cs}
    copied = by_id[((HUZHOU, 2023), "history.copied")]
    assert 0.75 < copied["share"] < 0.85  # eight paragraphs of ten, of random lengths
    assert copied["message"].startswith(f"正文有{round(copied['share'] * 100)}%与本机关2022年度的报告相同或近似相同")
    assert len(copied["pairs"]) == 8 == len(copied["passages"])
    assert all(p["same"] for p in copied["pairs"])  # only the figures differ: the normal forms are equal
    peer = by_id[((JIAXING, 2022), "peers.copied")]
    assert SHAOXING in peer["message"] and peer["share"] == 1.0
    original = by_id[((SHAOXING, 2022), "peers.copied")]
    assert original["status"] == "pass" and "晚于本报告发布" in original["message"]
    carry = by_id[((HUZHOU, 2020), "history.carried_over.natural")]
    assert carry["message"] == "自然人列：本年度“上年结转”（3）不等于2019年度报告的“结转下年度继续办理”（1）"
    assert carry["passages"] and carry["against_passages"]
    missing = by_id[((HUZHOU, 2022), "history.carried_over.natural")]
    assert missing["status"] == "skip" and "2021年度" in missing["message"]
    assert by_id[((HUZHOU, 2023), "history.carried_over.natural")]["status"] == "pass"
    every = {c["id"] for cs in checks.values() for c in cs}
    assert every == set(cross_report_ids())


def test_checks_across_reports_are_filterable_with_their_family(built):
    base, _, _ = built
    with Index.open(base / "index") as index:
        answer = search(index, SearchRequest(failing=("history.copied",)))
        assert [(r["agency"], r["year"]) for r in answer["results"]] == [(HUZHOU, 2023)]
        assert "history.copied" in answer["results"][0]["failing"]
        family = search(index, SearchRequest(failing=("history",)))
        assert {(r["agency"], r["year"]) for r in family["results"]} == {(HUZHOU, 2020), (HUZHOU, 2023)}
        assert search(index, SearchRequest())["facets"]["checks"]["peers.copied"] == 1


def test_export_and_check_show_them_and_extract_skips_them(built, capsys):
    from indexer.cli import main

    base, paths, _ = built
    out = base / "export.jsonl"
    assert main(["export", "--corpus", str(base / "corpus"), "--index", str(base / "index"), "--format", "jsonl",
                 "--failing", "peers.copied", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["agency"], r["failing_checks"]) for r in rows] == [(JIAXING, "peers.copied")]

    capsys.readouterr()
    status = main(["check", "--corpus", str(base / "corpus"), "--index", str(base / "index"), "--json",
                   str(paths[(HUZHOU, 2020)]), str(paths[(JINHUA, 2023)])])
    results = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [sorted(c["id"] for c in r["failing"]) for r in results] == [
        ["history.carried_over.natural", "history.carried_over.total"], []]

    assert main(["extract", "--json", str(paths[(HUZHOU, 2023)])]) == 0
    record = json.loads(capsys.readouterr().out)
    statuses = {c["id"]: c["status"] for c in record["checks"] if is_cross_report(c["id"])}
    assert statuses == dict.fromkeys(cross_report_ids(), "skip")


def _copy_index(base: Path, name: str) -> tuple[Path, Path]:
    corpus, index = base / name / "corpus", base / name / "index"
    shutil.copytree(base / "corpus", corpus)
    shutil.copytree(base / "index", index)
    return corpus, index


def _rebuilt(corpus: Path, tmp: Path) -> dict:
    """The cross checks of a fresh full build of `corpus`."""
    index_corpus(corpus, tmp / "fresh-index", workers=1)
    with Index.open(tmp / "fresh-index") as index:
        return cross_checks(index)


def test_an_incremental_run_measures_only_what_changed_and_ends_like_a_full_build(built, tmp_path):
    base, paths, _ = built
    corpus, index_dir = _copy_index(base, tmp_path.name)
    # 金华 2023 now repeats its 2022 report; 湖州 2019 leaves the corpus
    reports = {(r.agency, r.year): r for r in corpus_reports()}
    copy = reports[(JINHUA, 2023)]
    copy.paragraphs = [p.replace("2022", "2023") for p in reports[(JINHUA, 2022)].paragraphs]
    from fixtures.agencies import report_blocks

    (corpus / paths[(JINHUA, 2023)].name).write_text(to_text(report_blocks(copy)), encoding="utf-8")
    (corpus / paths[(HUZHOU, 2019)].name).unlink()

    summary = index_corpus(corpus, index_dir, workers=1)
    assert summary.updated + summary.added == 1 and summary.removed == 1
    # the changed report, the report whose previous year left, and peers it may now resemble more
    assert summary.cross.checked <= 4
    with Index.open(index_dir) as index:
        failing = cross_failing(index)
        incremental = cross_checks(index)
    expected = {k: v for k, v in EXPECTED_FAILING.items() if k != (HUZHOU, 2020)}
    expected[(JINHUA, 2023)] = {"history.copied"}
    assert failing == expected
    assert incremental == _rebuilt(corpus, tmp_path)


def test_an_unchanged_corpus_is_not_measured_again(built, tmp_path):
    base, _, _ = built
    corpus, index_dir = _copy_index(base, tmp_path.name)
    with Index.open(index_dir) as index:
        before = index.name
    summary = index_corpus(corpus, index_dir, workers=1)
    assert summary.nothing_to_do and summary.cross.checked == 0 and summary.cross.generation is None
    with Index.open(index_dir) as index:
        assert index.name == before


def test_the_threshold_decides_and_a_new_threshold_measures_everything_again(built, tmp_path):
    base, _, _ = built
    corpus, index_dir = _copy_index(base, tmp_path.name)
    summary = index_corpus(corpus, index_dir, workers=1, copied_threshold=0.9)
    assert summary.cross.checked == len(corpus_reports())
    with Index.open(index_dir) as index:
        failing = cross_failing(index)
        copied = cross_checks(index)[(HUZHOU, 2023)]
    assert (HUZHOU, 2023) not in failing and failing[(JIAXING, 2022)] == {"peers.copied"}
    assert "低于内容雷同的界限（90%）" in next(c for c in copied if c["id"] == "history.copied")["message"]


def test_the_checks_do_not_depend_on_how_much_the_pass_keeps_in_memory(built, tmp_path, monkeypatch):
    """A year of a national corpus does not fit in memory: the pass keeps a few reports' prose and reloads."""
    import indexer.crosspass as crosspass

    base, _, _ = built
    with Index.open(base / "index") as index:
        everything_kept = cross_checks(index)
    monkeypatch.setattr(crosspass, "PROSE_INDEXES", 1)
    monkeypatch.setattr(crosspass, "FACTS_KEPT", 2)
    _, index_dir = _copy_index(base, tmp_path.name)
    summary = index_corpus(base / "corpus", index_dir, workers=1, copied_threshold=0.5000001)  # measure everything again
    assert summary.cross.checked == len(corpus_reports())
    with Index.open(index_dir) as index:
        assert cross_checks(index) == everything_kept


def _store_rows(index_dir: Path) -> tuple[list, list]:
    """Every row of the live generation's cross-report store but its meta (which names the generation)."""
    with Index.open(index_dir) as index:
        reports, checks = index.cross.rows()
    return reports, [(rid, failing, json.loads(zlib.decompress(blob)), *rest) for rid, failing, blob, *rest in checks]


def test_facts_from_the_workers_give_the_store_the_pass_makes_from_stored_records(built, tmp_path, monkeypatch):
    """Two workers compute each report's facts and signature as they extract it; the pass only reads them."""
    import indexer.crossreport as crossreport
    from indexer.crossfacts import SCRATCH_FILE, RunFacts

    base, _, _ = built
    taken = []
    get = RunFacts.get

    def counted(self, report_id, sha256):
        found = get(self, report_id, sha256)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(RunFacts, "get", counted)
    summary = index_corpus(base / "corpus", tmp_path / "index", workers=2)
    assert not summary.failed and taken.count(True) == len(corpus_reports())
    assert not (tmp_path / "index" / SCRATCH_FILE).exists()
    taken.clear()

    shutil.copytree(tmp_path / "index", tmp_path / "serial")
    with Index.open(tmp_path / "serial") as index:
        (index.path / STORE_FILE).unlink()
        (index.path / DELTA_FILE).unlink(missing_ok=True)
    crossreport.update_cross_reports(tmp_path / "serial")  # from the stored records alone
    assert taken == []
    assert _store_rows(tmp_path / "serial") == _store_rows(tmp_path / "index")


def _change_two_reports(corpus: Path, paths: dict) -> None:
    """金华 2023 now repeats its 2022 report; 湖州 2019 leaves the corpus."""
    from fixtures.agencies import report_blocks

    reports = {(r.agency, r.year): r for r in corpus_reports()}
    copy = reports[(JINHUA, 2023)]
    copy.paragraphs = [p.replace("2022", "2023") for p in reports[(JINHUA, 2022)].paragraphs]
    (corpus / paths[(JINHUA, 2023)].name).write_text(to_text(report_blocks(copy)), encoding="utf-8")
    (corpus / paths[(HUZHOU, 2019)].name).unlink()


def test_a_run_reads_the_manifest_once_and_the_pass_checks_what_it_is_handed(built, tmp_path, monkeypatch):
    """The pass takes the live reports from the run's plan; a map that is not the live generation's is not trusted."""
    import indexer.crossreport as crossreport

    base, paths, _ = built
    reads = []
    manifest = Index.manifest
    monkeypatch.setattr(Index, "manifest", lambda self: reads.append(self.name) or manifest(self))
    corpus, index_dir = _copy_index(base, "handed")
    _change_two_reports(corpus, paths)
    summary = index_corpus(corpus, index_dir, workers=1)
    assert summary.updated == 1 and summary.removed == 1 and summary.cross.checked
    assert len(reads) == 1  # the plan's; the pass on the new generation was handed the reports

    handed = crossreport.update_cross_reports

    def wrong_map(index_dir, threshold, run_facts=None, live_shas=None):
        rid = next(iter(live_shas))
        live_shas = {("0" * 16 if r == rid else r): sha for r, sha in live_shas.items()}  # same count, one id wrong
        return handed(index_dir, threshold, run_facts, live_shas)

    monkeypatch.setattr(crossreport, "update_cross_reports", wrong_map)
    corpus, wrong_dir = _copy_index(base, "wrong")
    _change_two_reports(corpus, paths)
    reads.clear()
    index_corpus(corpus, wrong_dir, workers=1)
    assert len(reads) == 2  # the pass read the manifest itself
    assert _store_rows(wrong_dir) == _store_rows(index_dir)


def test_a_few_reports_matched_band_by_band_find_the_candidates_the_buckets_find(built, tmp_path, monkeypatch):
    """An incremental run matches a few reports' bands in numpy instead of building a year's LSH buckets: same store."""
    import indexer.crosspass as crosspass

    base, _, _ = built
    rows = []
    for buckets_after in (0, 10**9):  # the buckets for every report; none, every report matched band by band
        monkeypatch.setattr(crosspass, "BUCKETS_AFTER", buckets_after)
        corpus, index_dir = _copy_index(base, f"bands{buckets_after}")
        summary = index_corpus(corpus, index_dir, workers=1, copied_threshold=0.5000001)  # measure everything again
        assert summary.cross.checked == len(corpus_reports())
        rows.append(_store_rows(index_dir))
    assert rows[0] == rows[1]
    assert any(peer for *_, peer, _ in rows[0][1])  # peers were found


def _file_bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in (STORE_FILE, DELTA_FILE) if (folder / name).exists()}


def test_a_pass_shares_the_base_writes_a_delta_and_a_crash_leaves_every_live_store_as_it_was(built, tmp_path, monkeypatch):
    """The pass writes the rows it measured into a small delta beside the base the generations share.

    A pass that dies leaves the live generation's files unchanged; the next run
    finishes it, and the store is the one a run that never died makes, whether
    its delta is kept or folded into a new base.
    """
    import indexer.crosspass as crosspass
    import indexer.engine.crossstore as crossstore

    base, paths, _ = built
    corpus, clean_dir = _copy_index(base, "clean")
    with Index.open(clean_dir) as index:
        before = index.path
    _change_two_reports(corpus, paths)
    index_corpus(corpus, clean_dir, workers=1)
    with Index.open(clean_dir) as index:
        assert (index.path / DELTA_FILE).is_file()
        assert (index.path / STORE_FILE).samefile(before / STORE_FILE)  # shared, not copied
    expected = _store_rows(clean_dir)

    corpus, crash_dir = _copy_index(base, "crash")
    _change_two_reports(corpus, paths)
    with Index.open(crash_dir) as index:
        stores = {index.path: _file_bytes(index.path)}
    update = crosspass.CrossRun.update

    def dies(self, *args):
        update(self, *args)  # every row written, then the process dies before the generation is published
        raise KeyboardInterrupt

    monkeypatch.setattr(crosspass.CrossRun, "update", dies)
    with pytest.raises(KeyboardInterrupt):
        index_corpus(corpus, crash_dir, workers=1)
    monkeypatch.undo()
    with Index.open(crash_dir) as index:  # the writes' generation, whose store is the last pass's
        stores[index.path] = _file_bytes(index.path)
        assert stores[index.path] == next(iter(stores.values()))
        assert index.cross.checks(next(iter(index.manifest().values()))["id"]) is not None
    for folder, files in stores.items():
        assert _file_bytes(folder) == files
    monkeypatch.setattr(crossstore, "COMPACT_ROWS", 1)  # and this time the delta is folded into a new base
    summary = index_corpus(corpus, crash_dir, workers=1)
    assert summary.nothing_to_do and summary.cross.checked
    with Index.open(crash_dir) as index:
        assert not (index.path / DELTA_FILE).exists()
        assert not any((index.path / STORE_FILE).samefile(folder / STORE_FILE) for folder in stores)
    assert _store_rows(crash_dir) == expected
    for folder, files in stores.items():
        assert _file_bytes(folder) == files
    assert not list(crash_dir.glob("*.tmp"))


def test_a_delta_is_read_only_over_the_base_it_was_written_over(tmp_path):
    """A base rewritten since by a version that knew no delta (it copies the base, and links the delta along)
    makes the delta stale: readers and the next pass read the base alone."""
    import os

    from indexer.engine import generations
    from indexer.engine.crossstore import CrossStore, next_generation

    index_dir = tmp_path / "idx"
    live = generations.publish(index_dir, generations.start(index_dir, None), {})

    def put(rid: str) -> Path:
        with next_generation(index_dir, generations.current(index_dir), {}) as (store, _):
            store.put_report(rid, "sha-" + rid, "ag", 2020, rid, b"sig")
        return generations.current(index_dir)

    def ids(generation: Path) -> list[str]:
        store = CrossStore.open_readonly(generation)
        try:
            return [row[0] for row in store.rows()[0]]
        finally:
            store.close()

    put("a")  # the first pass: its store is a base
    live = put("b")  # a base shared with the generation before, and a delta
    assert (live / DELTA_FILE).is_file() and ids(live) == ["a", "b"]

    older = generations.start(index_dir, live)  # an earlier version's pass: a copy of the base, written into
    shutil.copyfile(older / STORE_FILE, older / "copy")
    os.replace(older / "copy", older / STORE_FILE)
    with sqlite3.connect(older / STORE_FILE) as db:
        db.execute("INSERT INTO reports VALUES ('c', 'sha-c', 'ag', 2020, 'c', x'00')")
    db.close()
    live = generations.publish(index_dir, older, {})
    assert (live / DELTA_FILE).is_file() and ids(live) == ["a", "c"]
    assert ids(put("d")) == ["a", "c", "d"]
