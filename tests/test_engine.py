"""The engine's read side: postings read block by block agree with whoosh, caches stay bounded."""

from __future__ import annotations

from indexer import docset
from indexer.engine import facets as engine_facets
from indexer.engine import reader as engine_reader
from indexer.engine import records as engine_records


def test_block_postings_equal_whoosh_public_postings(open_sample_index):
    whoosh_reader = open_sample_index.reader()
    for term in ("行政处罚", "公开", "0"):
        ids, weights = open_sample_index.postings("body", term)
        if ("body", term.encode()) not in whoosh_reader:
            assert len(ids) == 0
            continue
        m = whoosh_reader.postings("body", term.encode())
        public = []
        while m.is_active():
            public.append((m.id(), m.weight()))
            m.next()
        assert list(zip(ids, weights)) == public


def test_lru_is_bounded_by_weight():
    cache = engine_reader._LRU(10, weight=len)
    for i in range(20):
        cache.get_or(i, lambda: [0] * 3)
    assert cache.total <= 10 and len(cache) == 3
    assert cache.get_or(19, lambda: None) == [0, 0, 0]  # the most recent survive


def test_containing_agrees_with_the_stored_text(open_sample_index):
    for needle in ("行政复议", "信息处理费", "3件"):
        truth = {d for d in docset.docnums(open_sample_index.live)
                 if any(needle in line for line in open_sample_index.match_lines(d))}
        assert set(docset.docnums(open_sample_index.containing(needle))) == truth


def test_match_text_hits_count_only_at_character_boundaries():
    # 政府 is 3F 65 9C 5E in UTF-16-LE: its middle bytes spell 鱥 (U+9C65), which it does not contain.
    text = "政府".encode("utf-16-le")
    assert "鱥".encode("utf-16-le") in text
    assert not engine_reader.holds(text, "鱥".encode("utf-16-le"))
    assert engine_reader.holds("鱥政府".encode("utf-16-le"), "鱥".encode("utf-16-le"))
    assert engine_reader.holds(text, "府".encode("utf-16-le"))
    assert engine_reader.holds("a政府鱥".encode("utf-16-le"), "鱥".encode("utf-16-le"))  # after a misaligned hit


def test_facets_and_columns_read_from_columns_equal_those_read_from_postings(sample_index):
    from indexer.engine import FACET_FIELDS, Index

    with Index.open(sample_index) as by_column, Index.open(sample_index) as by_postings:
        by_postings._facet_columns = False  # how generations before schema 10 are read
        for field in FACET_FIELDS:
            assert by_column.facet(field) == by_postings.facet(field), field
            assert list(by_column.facet(field)) == list(by_postings.facet(field)), field  # lexicon order
            if field != "failing":
                assert by_column.column(field) == by_postings.column(field), field
                for value in list(by_postings.facet(field))[:3] + ["no such value"]:
                    assert by_column.facet_docs(field, value) == by_postings.facet(field).get(value, 0)
        assert by_column.agency_names() == by_postings.agency_names()


def record_failing(index, docnum: int) -> list[str]:
    return [c["id"] for c in index.stored_record(docnum)["checks"] if c["status"] == "fail"]


def test_every_failing_check_of_a_report_is_a_value_of_the_failing_facet(open_sample_index):
    facet = open_sample_index.facet("failing")
    for d in docset.docnums(open_sample_index.live):
        for check_id in record_failing(open_sample_index, d):
            assert facet[check_id] >> d & 1, (d, check_id)


def test_the_metric_table_holds_each_reports_stated_figures(open_sample_index):
    index = open_sample_index
    stated: dict[str, dict[int, int | float]] = {}
    for d in docset.docnums(index.live):
        for key, metric in index.stored_record(d)["metrics"].items():
            stated.setdefault(key, {})[d] = metric["value"]
    assert stated and index.metric_keys() == set(stated)
    for key, values in stated.items():
        got = index.metric(key)
        assert got == values and [type(v) for v in got.values()] == [type(v) for v in values.values()], key


def test_a_report_failing_several_checks_is_under_each_of_them(open_sample_index, tmp_path):
    from indexer.engine import FileFacts, GenerationWriter, Index, prepare
    from indexer.check_ids import is_cross_report
    from indexer.record import Report

    record = open_sample_index.stored_record(next(docset.docnums(open_sample_index.live)))
    own = [c for c in record["checks"] if not is_cross_report(c["id"])][:2]
    assert len(own) == 2
    for check in own:
        check["status"] = "fail"
    record["checks"] = own
    writer = GenerationWriter(tmp_path / "idx", rebuild=True)
    writer.add(prepare(Report.from_dict(record), FileFacts(record["source"], "0" * 64, 1, 1, "x")))
    writer.commit({})
    with Index.open(tmp_path / "idx") as index:
        assert {check_id for check_id, docs in index.facet("failing").items() if docs} == {c["id"] for c in own}
        index._facet_columns = False
        index._facets.clear()
        assert set(index.facet("failing")) == {c["id"] for c in own}


def test_facet_counts_years_and_names_read_document_by_document_equal_the_whole_columns(sample_index, monkeypatch):
    from indexer.engine import FACET_FIELDS, Index

    answers = []
    for share in (1.0, 0.0):  # every set read one by one; none
        monkeypatch.setattr(engine_facets, "ONE_BY_ONE", share)
        monkeypatch.setattr(engine_facets, "ONE_AGENCY", share)
        monkeypatch.setattr(engine_records, "ID_LOOKUP", 10**9 if share else 1)
        with Index.open(sample_index) as index:
            docs = list(docset.docnums(index.live))
            sets = [index.live, docset.from_docnums(docs[::2], index.size), docset.from_docnums(docs[1:2], index.size)]
            ids = [index.stored_record(d)["id"] for d in docs]
            agencies = [index.column("agency_id")[d] for d in docs[:2]]
            answers.append((
                [[index.facet_counts(field, s) for field in FACET_FIELDS] for s in sets],
                [index.values("year", s) for s in sets],
                {a: index.agency_names(agencies)[a] for a in agencies},
                index.docnums_of(ids),
                index.scores([engine_reader.RankLeaf("公开", ("公开",))], index.live,
                             engine_reader.RankWeights(1.0, 1.5, 1.0, 0.4)),
            ))
    assert answers[0] == answers[1]
    assert any(answers[0][0][0]) and answers[0][3] == {rid: d for rid, d in zip(ids, docs)}


def test_postings_leave_out_deleted_reports_in_every_segment(tmp_path, samples_dir):
    import shutil

    from indexer.engine import Index
    from indexer.indexing import index_corpus

    corpus = tmp_path / "corpus"
    shutil.copytree(samples_dir, corpus)
    index_corpus(corpus, tmp_path / "idx", workers=1)
    first = sorted(corpus.glob("*.txt"))
    first[0].write_text(first[0].read_text(encoding="utf-8") + "\n补充说明。", encoding="utf-8")  # a new version
    first[1].unlink()
    index_corpus(corpus, tmp_path / "idx", workers=1)
    with Index.open(tmp_path / "idx") as index:
        reader = index.reader()
        assert len(list(reader.leaf_readers())) > 1 and index.size > index.doc_count  # deletions to leave out
        for term in ("公开", "行政处罚", "说明"):
            public = []
            if ("body", term.encode()) in reader:
                m = reader.postings("body", term.encode())
                while m.is_active():
                    public.append((m.id(), m.weight()))
                    m.next()
            ids, weights = index.postings("body", term)
            assert list(zip(ids, weights)) == public and public, term
            assert all(d not in index._deleted for d in ids)


def test_scores_over_arrays_are_those_of_the_loop_to_the_last_bit(open_sample_index, monkeypatch):
    index = open_sample_index
    weights = engine_reader.RankWeights(1.0, 1.5, 1.0, 0.4)
    some = docset.from_docnums(list(docset.docnums(index.live))[::2], index.size)
    leaves = [engine_reader.RankLeaf("行政处罚", ("行政处罚",)), engine_reader.RankLeaf("信息公开", ("信息", "公开")),
              engine_reader.RankLeaf("处理费", ("处理费",)), engine_reader.RankLeaf("卫生健康", ("卫生健康",))]
    answers = []
    for bulk in (10**9, 0):
        monkeypatch.setattr(engine_reader, "BULK", bulk)
        answers.append([index.scores(leaves[i:i + 2], docs, weights) for i in range(3) for docs in (index.live, some)])
    assert answers[0] == answers[1] and any(any(s.values()) for s in answers[0])


def test_a_long_postings_list_makes_the_same_set():
    from array import array

    ids = array("I", range(3, 20_000, 3))
    assert engine_reader._set_of(ids, 20_001) == docset.from_docnums(ids, 20_001)
    assert engine_reader._set_of(array("I"), 10) == 0


def test_columns_opened_with_offsets_summed_in_c_read_what_whoosh_reads(open_sample_index):
    for field in ("record", "mtext", "metrics", "year", "failing", "id"):
        ours = list(open_sample_index.column_reader(field))
        theirs = []
        for leaf, _ in open_sample_index.reader().leaf_readers():
            theirs.extend(leaf.column_reader(field, translate=False))
        assert ours == theirs and len(ours) == open_sample_index.size, field
        assert [open_sample_index.column_reader(field)[d] for d in range(open_sample_index.size)] == theirs


def test_a_column_written_with_or_without_its_offsets_reads_back():
    from whoosh import columns
    from whoosh.filedb.filestore import RamStorage

    values = [b"", b"a", "年报".encode(), b"", b"xyz" * 50, b"b"]
    for cutoff in (0, 2**15):  # offsets written (as for a segment of over 32,768 documents); derived
        storage = RamStorage()
        with storage.create_file("c") as f:
            writer = columns.VarBytesColumn(write_offsets_cutoff=cutoff).writer(f)
            for d, v in enumerate(values):
                if v:
                    writer.add(d, v)
            writer.finish(len(values))
        f = storage.open_file("c")
        reader = engine_reader._VarBytes().reader(f, 0, storage.file_length("c"), len(values))
        assert reader.had_stored_offsets == (cutoff == 0)
        assert [reader[d] for d in range(len(values))] == values == list(reader)


def test_records_read_as_json_reads_them(open_sample_index, monkeypatch):
    import json

    column = open_sample_index.column_reader("record")
    raws = [column[d] for d in docset.docnums(open_sample_index.live)]
    assert raws and all(engine_records._loads(raw) == json.loads(raw) for raw in raws)
    # what orjson refuses and json reads: a figure past 64 bits, NaN
    assert engine_records._loads(b'{"v": 123456789012345678901234567890, "n": NaN}')["v"] == 123456789012345678901234567890
    monkeypatch.setattr(engine_records, "orjson", None)
    assert [engine_records._loads(raw) for raw in raws] == [json.loads(raw) for raw in raws]


def test_agency_counts_of_many_reports_are_those_counted_one_at_a_time(open_sample_index, monkeypatch):
    index = open_sample_index
    docs = list(docset.docnums(index.live))
    sets = [index.live, docset.from_docnums(docs[::2], index.size), docset.from_docnums(docs[1:2], index.size)]
    for field in ("agency_id", "agency_name"):
        index.column(field)
        plain = [list(index.facet_counts(field, s).items()) for s in sets]  # in the order of first documents
        monkeypatch.setattr(engine_facets, "BULK", 1)
        assert [list(index.facet_counts(field, s).items()) for s in sets] == plain, field
        monkeypatch.undo()
        assert sum(n for _, n in plain[0]) == len(docs)


def test_containing_within_some_reports_is_the_whole_answer_there(sample_index):
    from indexer.engine import Index

    needles = ("行政复议", "信息处理费", "3件", "公开工作年度报告", "政府信息公开", "不存在的字符串", "年度")
    with Index.open(sample_index) as whole, Index.open(sample_index) as part:
        docs = list(docset.docnums(whole.live))
        scopes = [docset.from_docnums(docs[::2], whole.size), docset.from_docnums(docs[1:2], whole.size), 0, whole.live]
        for needle in needles:
            everywhere = whole.containing(needle)
            for scope in scopes:  # one index answering ever wider scopes, its cache completed each time
                assert part.containing(needle, scope) == everywhere & scope, (needle, scope)
            assert part.containing(needle) == everywhere


def test_agency_counts_of_a_set_seen_before_are_the_same_and_cannot_be_changed(open_sample_index, monkeypatch):
    index = open_sample_index
    monkeypatch.setattr(engine_facets, "BULK", 1)  # every set counts as many reports
    first = index.facet_counts("agency_id", index.live)
    assert first and index._agency_counts.get_or(("agency_id", index.live), dict) == first  # kept
    first.clear()  # a caller's copy
    again = index.facet_counts("agency_id", index.live)
    assert again == index._counted("agency_id", index.live) and again


def test_only_the_few_document_segments_of_incremental_runs_are_merged():
    from indexer.engine.writer import MAX_SMALL_SEGMENTS, segments_to_merge

    batches = [2500, 2480, 1763, 620, 77]  # a build's segments, some left by workers that retired mid-batch
    assert segments_to_merge(batches + [1] * MAX_SMALL_SEGMENTS) == []  # not yet too many
    tiny = segments_to_merge(batches + [1, 3, 2, 1, 1, 2, 1, 1, 4])
    assert tiny == list(range(len(batches), len(batches) + 9))  # the runs' segments, not the retired workers'
