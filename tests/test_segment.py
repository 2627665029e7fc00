"""Segmentation and the whoosh analyzers: positions, offsets, digits, the domain dictionary, worker processes."""

from __future__ import annotations

import multiprocessing
import pickle
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer import segment
from indexer.engine.analysis import GramTokenizer, WordTokenizer


def test_digits_and_latin_runs_are_kept_as_tokens():
    words = [w.text for w in segment.words("本年收到3件，拨打12366咨询，ABC公司")]
    assert "3" in words and "件" in words
    assert "12366" in words
    assert "abc" in words  # folded to lower case like the match form


def test_domain_dictionary_keeps_template_terms_whole():
    assert "信息处理费" in segment.query_words("未收取信息处理费")
    assert "依申请公开" in segment.query_words("依申请公开情况")
    assert "招远市" in segment.query_words("招远市卫生健康局")


def test_offsets_point_at_the_word_in_the_original_text():
    text = "２０２３年，我局主动公开政府信息"
    for w in segment.words(text):
        from indexer.textnorm import match_form

        assert match_form(text[w.start:w.end]) == w.text


def test_analyzer_positions_are_sequential_and_chars_are_offsets():
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in WordTokenizer()("行政处罚 68 件", positions=True, chars=True)]
    assert [t[1] for t in tokens] == list(range(len(tokens)))
    assert [t[0] for t in tokens] == ["行政处罚", "68", "件"]
    assert tokens[1][2:] == (5, 7)


def test_grams_hold_every_character_and_pair_but_no_pair_across_passages():
    grams = segment.grams("ab\ncd")
    assert {"a", "b", "c", "d", "ab", "cd"} <= grams
    assert "bc" not in grams and "b\nc" not in grams
    assert segment.query_grams("政府信息") == sorted({"政府", "府信", "信息"})
    assert segment.query_grams("费") == ["费"]


def test_gram_tokenizer_on_a_string_splits_passages():
    grams = {t.text for t in GramTokenizer()("甲乙\n丙丁")}
    assert "乙丙" not in grams and "甲乙" in grams


def _segment_in_child(text: str) -> list[str]:
    return segment.query_words(text)


def test_dictionary_is_loaded_in_spawned_worker_processes():
    """A dictionary loaded in the parent does not reach a spawned process; ours loads itself there."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        words = pool.apply(_segment_in_child, ("未收取信息处理费",))
    assert "信息处理费" in words


def test_analyzers_pickle_at_a_stable_path():
    restored = pickle.loads(pickle.dumps(WordTokenizer()))
    assert type(restored).__module__ == "indexer.engine.analysis"
    assert [t.text for t in restored("政府信息公开")] == ["政府信息公开"]


def test_dictionary_hash_changes_with_a_user_dictionary(tmp_path):
    extra = tmp_path / "words.txt"
    extra.write_text("某某专有名词\n", encoding="utf-8")
    assert segment.dictionary_hash([str(extra)]) != segment.dictionary_hash([])


def _jieba_words(text: str) -> list[segment.Word]:
    """The reference: jieba's own tokenize over the whole text, filtered and folded as `words` does."""
    from indexer.textnorm import fold

    out = []
    for token, start, end in segment.tokenizer().tokenize(text, HMM=True):
        folded = fold(token)
        if folded and (folded.isalnum() or any(ch.isalnum() for ch in folded)):
            out.append(segment.Word(folded, start, end))
    return out


def test_words_are_exactly_jiebas_on_the_samples(samples_dir):
    for path in sorted(samples_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert segment.words(text) == _jieba_words(text)
        assert segment.words(text) == _jieba_words(text)  # again, from the block cache


@given(st.text(alphabet=st.sampled_from(list("政府信息公开申请处理费行政处罚复议招远市镇ABc1２３ 　\t\n，。、（）—-_.%+#&䢺é")),
               max_size=80))
@settings(max_examples=300, deadline=None)
def test_words_are_exactly_jiebas_on_any_text(text):
    assert segment.words(text) == _jieba_words(text)
    assert segment.word_texts(text) == [w.text for w in _jieba_words(text)]  # what the index counts


def test_dictionary_is_cached_for_the_next_process(tmp_path, monkeypatch):
    """The second process loads the built dictionary from the cache file: the same words, the same frequencies."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setitem(segment._state, "tokenizer", None)
    built = segment.tokenizer()
    cached_files = list((tmp_path / "nianbao").glob("jieba-*.marshal"))
    assert len(cached_files) == 1
    monkeypatch.setitem(segment._state, "tokenizer", None)
    loaded = segment.tokenizer()
    assert loaded is not built and loaded.FREQ == built.FREQ and loaded.total == built.total
    assert segment.query_words("招远市卫生健康局未收取信息处理费") == ["招远市", "卫生健康局", "未", "收取", "信息处理费"]
    cached_files[0].write_bytes(b"damaged")
    monkeypatch.setitem(segment._state, "tokenizer", None)
    assert segment.tokenizer().FREQ == built.FREQ  # a damaged cache is rebuilt


def test_jieba_never_gets_a_run_longer_than_max_run(monkeypatch):
    """Its HMM is quadratic in an unknown run's length: long runs are cut before jieba sees them."""
    tok = segment.tokenizer()
    monkeypatch.setitem(segment._state, "fast", None)  # jieba itself, not jieba-rs
    monkeypatch.setitem(segment._state, "blocks", {})
    seen: list[int] = []
    real = tok._Tokenizer__cut_DAG

    def recording(text, *args, **kwargs):
        seen.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(tok, "_Tokenizer__cut_DAG", recording)
    run = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(5000))  # no punctuation at all
    found = segment.words(run)
    assert seen and max(seen) <= segment.MAX_RUN
    assert "".join(run[w.start:w.end] for w in found) == run  # every character kept, offsets right


def test_a_query_is_segmented_without_loading_the_whole_dictionary(tmp_path, monkeypatch, samples_dir):
    """`nianbao search` reads the few frequencies a query needs from the lookup file: jieba's words exactly."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for key, empty in (("tokenizer", None), ("query_tokenizer", None), ("blocks", {})):
        monkeypatch.setitem(segment._state, key, empty)
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples_dir.glob("*.txt"))]
    texts += ["招远市卫生健康局未收取信息处理费", "玲珑英诚医院", "ABC公司12366", "桦南"]
    expected = [[w.text for w in segment.words(t)] for t in texts]  # the full tokenizer, which writes the file
    assert list((tmp_path / "nianbao").glob("jieba-*.sqlite"))

    monkeypatch.setitem(segment._state, "tokenizer", None)  # a new process
    monkeypatch.setitem(segment._state, "blocks", {})
    assert [segment.query_words(t) for t in texts] == expected
    assert segment._state["tokenizer"] is None  # the 600,000 entries were never loaded

    monkeypatch.setattr(segment, "LOOKUPS_KEPT", 50)  # a server asked many different words
    monkeypatch.setitem(segment._state, "query_tokenizer", None)
    monkeypatch.setitem(segment._state, "blocks", {})
    assert [segment.query_words(t) for t in texts] == expected
    assert len(segment._state["query_tokenizer"][1].FREQ._seen) <= 50


def test_a_lookup_file_it_cannot_read_is_written_again(tmp_path, monkeypatch):
    """A lookup file of another version (or damaged) is replaced, so later searches are fast again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for key, empty in (("tokenizer", None), ("query_tokenizer", None), ("blocks", {})):
        monkeypatch.setitem(segment._state, key, empty)
    expected = segment.words("招远市卫生健康局未收取信息处理费")  # writes the dictionary cache and the lookup file
    path = segment._lookup_file(segment._state["extra"])
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE w (k TEXT)")  # not this version's tables
    monkeypatch.setitem(segment._state, "tokenizer", None)  # a new process: the full tokenizer from the cache
    monkeypatch.setitem(segment._state, "blocks", {})
    assert segment.query_words("招远市卫生健康局未收取信息处理费") == [w.text for w in expected]

    monkeypatch.setitem(segment._state, "tokenizer", None)  # a new process
    monkeypatch.setitem(segment._state, "query_tokenizer", None)
    monkeypatch.setitem(segment._state, "blocks", {})
    assert segment.query_words("招远市卫生健康局未收取信息处理费") == [w.text for w in expected]
    assert segment._state["tokenizer"] is None  # answered from the rewritten file


@pytest.fixture(scope="module")
def fast_state():
    """This process's state with jieba-rs built (once for the module), and the state it had before."""
    pytest.importorskip("rjieba")
    before = segment._state["fast"]
    assert segment.load_fast()
    built = segment._state["fast"]
    segment._state["fast"] = before
    return built


@pytest.fixture
def fast(fast_state, monkeypatch):
    """jieba-rs on, and an empty block cache, so that every block is segmented again."""
    monkeypatch.setitem(segment._state, "fast", fast_state)
    monkeypatch.setitem(segment._state, "blocks", {})
    return fast_state


_ALPHABET = list("政府信息公开申请处理费行政处罚复议招远市镇中出了叛徒杭研玲珑英诚ABc1２３ 　\t\n，。、（）—-_.%+#&䢺é")


def test_the_fast_segmenter_gives_jiebas_words_on_the_samples(fast, samples_dir):
    for path in sorted(samples_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        segment._state["blocks"].clear()
        assert segment.words(text) == _jieba_words(text)


@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_fast_segmenter_gives_jiebas_words_on_any_text(fast, text):
    segment._state["blocks"].clear()
    assert segment.words(text) == _jieba_words(text)
    segment._state["blocks"].clear()
    assert segment.word_texts(text) == [w.text for w in _jieba_words(text)]


def test_the_fast_segmenter_does_the_blocks_it_agrees_on_and_jieba_the_rest(fast, monkeypatch):
    """Han, letters and digits go to jieba-rs; a block with other symbols (4-147) to jieba, which cuts it apart."""
    tok = segment.tokenizer()
    text = "他来到了网易杭研大厦2023年ABC公司，复议4-147件"
    expected = _jieba_words(text)
    seen: list[str] = []
    real = tok._Tokenizer__cut_DAG

    def recording(text, *args, **kwargs):
        seen.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(tok, "_Tokenizer__cut_DAG", recording)
    assert segment.words(text) == expected
    assert seen == ["复议4-147件"]
    assert [w.text for w in segment.words("4-147")] == ["4", "147"]  # jieba-rs: one word, 4-147


def test_the_fast_segmenter_keeps_jiebas_pieces_of_a_long_run(fast):
    run = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(2 * segment.MAX_RUN + 37))
    found = segment.words(run)
    assert found == [w for piece in range(0, len(run), segment.MAX_RUN)
                     for w in _shifted(_jieba_words(run[piece:piece + segment.MAX_RUN]), piece)]


def _shifted(words: list[segment.Word], by: int) -> list[segment.Word]:
    return [segment.Word(w.text, w.start + by, w.end + by) for w in words]
