"""The copy measure: normal forms, prose, passage-by-passage comparison, MinHash estimates."""

from __future__ import annotations

import random

import numpy as np
import pytest

from indexer import copies
from indexer.copies import ProsePassage, compare_prose, normalise

LONG = "我局围绕法治政府建设目标，及时发布行政执法公示信息，全年办理相关事项{}件，持续完善政府信息公开指南。"


def prose(*texts: str) -> list[ProsePassage]:
    return [ProsePassage(f"s1-p{i}", normalise(t)) for i, t in enumerate(texts, 1)]


def test_numbers_and_years_do_not_count():
    assert normalise("2023年主动公开信息185条") == normalise("2024年主动公开信息1,203条")
    assert normalise("二〇二三年，共受理１２件") == normalise("二〇二四年，共受理7件")
    assert normalise("主动公开信息185条") != normalise("主动公开文件185条")


def test_prose_is_sentences_not_headings_titles_or_dates():
    passages = [
        {"id": "s0-p1", "kind": "paragraph", "text": "湖州市司法局2023年政府信息公开工作年度报告"},
        {"id": "s1-p1", "kind": "paragraph", "text": "一、总体情况"},
        {"id": "s1-p2", "kind": "paragraph", "text": LONG.format(12)},
        {"id": "s2-p3", "kind": "table_row", "text": "行政处罚 | 56"},
        {"id": "s6-p9", "kind": "paragraph", "text": "2024年1月20日"},
    ]
    assert [p.id for p in copies.prose_of(passages)] == ["s1-p2"]


def test_a_report_that_only_changed_its_figures_is_copied_whole():
    before = prose(LONG.format(12), "二是加大重点领域信息公开力度，做好政策文件的图文解读，全年发布解读材料8篇。")
    after = prose(LONG.format(310), "二是加大重点领域信息公开力度，做好政策文件的图文解读，全年发布解读材料21篇。")
    comparison = compare_prose(after, before)
    assert comparison.share == 1.0
    assert [(p.a, p.b, p.same) for p in comparison.pairs] == [("s1-p1", "s1-p1", True), ("s1-p2", "s1-p2", True)]


def test_a_lightly_edited_passage_is_nearly_the_same_and_a_rewritten_one_is_not():
    base = LONG.format(12)
    edited = base.replace("我局", "本机关")
    rewritten = "今年以来，我们重点围绕营商环境优化开展了政务公开标准化规范化建设，取得了阶段性成效。"
    comparison = compare_prose(prose(edited, rewritten), prose(base))
    assert [(p.a, p.same) for p in comparison.pairs] == [("s1-p1", False)]
    assert 0.4 < comparison.share < 0.7  # the edited passage's characters out of both


def test_share_is_weighed_by_characters():
    short = "一是及时公开，做好解读。"
    comparison = compare_prose(prose(short + "补充说明。", LONG.format(1)), prose(short + "补充说明。"))
    total = len(normalise(short + "补充说明。")) + len(normalise(LONG.format(1)))
    assert abs(comparison.share - len(normalise(short + "补充说明。")) / total) < 1e-9


def test_nothing_to_compare():
    assert compare_prose([], prose(LONG.format(1))).share == 0.0
    assert compare_prose(prose(LONG.format(1)), []).share == 0.0
    assert copies.is_empty(copies.signature([]))


def _random_prose(rng: random.Random, n: int = 12) -> list[ProsePassage]:
    chars = "政府信息公开工作年度报告主动依申请行政复议诉讼办理结果法治建设平台解读培训考核目录"
    return prose(*("".join(rng.choice(chars) for _ in range(60)) + "。" for _ in range(n)))


def test_signature_estimates_similarity():
    rng = random.Random(7)
    a = _random_prose(rng)
    half = a[:6] + _random_prose(rng, 6)
    other = _random_prose(rng)
    sig = copies.signature(a)
    assert copies.estimated_jaccard(sig, copies.signature(a)[None, :])[0] == 1.0
    similar = copies.estimated_jaccard(sig, copies.signature(half)[None, :])[0]
    unrelated = copies.estimated_jaccard(sig, copies.signature(other)[None, :])[0]
    assert 0.15 < similar < 0.6 and unrelated < 0.1


def test_identical_prose_shares_every_band_and_unrelated_prose_almost_none():
    rng = random.Random(3)
    a, b = _random_prose(rng), _random_prose(rng)
    keys_a = copies.band_keys(copies.signature(a))
    assert keys_a == copies.band_keys(copies.signature(list(a)))
    assert len(set(keys_a) & set(copies.band_keys(copies.signature(b)))) <= 1


def test_band_keys_of_a_year_are_each_reports_band_keys():
    """A year's buckets are built from all its signatures at once; a key is shared only by an equal band."""
    rng = random.Random(5)
    sigs = np.stack([copies.signature(_random_prose(rng)) for _ in range(4)])
    sigs[1, 3 * copies.ROWS:4 * copies.ROWS] = sigs[0, 3 * copies.ROWS:4 * copies.ROWS]  # band 3 of 0 and 1 alike
    rows = copies.band_keys_of_rows(sigs)
    assert rows == [copies.band_keys(sig) for sig in sigs]
    assert set(rows[0]) & set(rows[1]) == {rows[0][3]}
    same_values_other_band = sigs[2].copy()
    same_values_other_band[4 * copies.ROWS:5 * copies.ROWS] = sigs[0, 3 * copies.ROWS:4 * copies.ROWS]
    assert rows[0][3] not in copies.band_keys(same_values_other_band)


def _compare_one_by_one(a: list[ProsePassage], b: list[ProsePassage]) -> tuple[float, list]:
    """The measure passage by passage through `ProseIndex.best` (sets of trigram strings): what `compare_prose` must give."""
    index = copies.ProseIndex(b)
    total = sum(len(p.norm) for p in a)
    copied, pairs = 0, []
    for p in a:
        found = index.best(p.norm)
        if found is not None:
            copied += len(p.norm)
            pairs.append((p.id, b[found[0]].id, found[1]))
    return (copied / total if total else 0.0), pairs


@pytest.mark.parametrize("numbering", ["narrow", "wide", "mixed"])
def test_compare_in_bulk_gives_what_passage_by_passage_gives(numbering, monkeypatch):
    """Narrow codes number characters as met; past 65,535 characters a report's codes are wide, and a pair of
    one of each is compared wide."""
    if numbering != "narrow":
        monkeypatch.setattr(copies, "_CHAR_IDS", np.zeros_like(copies._CHAR_IDS))
        monkeypatch.setattr(copies, "_next_char_id", 0xFFFF - (24 if numbering == "mixed" else 0))
    rng = random.Random(11)
    chars = "政府信息公开工作年度报告主动依申请行政复议诉讼办理结果"
    near = ties = 0
    kinds = set()
    for _ in range(60):
        base = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 40))) for _ in range(rng.randint(0, 12))]

        def edit(text: str) -> str:
            out = list(text)
            for _ in range(rng.randint(0, 6)):
                if out and rng.random() < 0.5:
                    out[rng.randrange(len(out))] = rng.choice(chars)
                else:
                    out.insert(rng.randint(0, len(out)), rng.choice(chars + "𠀀"))
            return "".join(out)

        a = [ProsePassage(f"a{i}", edit(t)) for i, t in enumerate(base + base[:2])]
        b = [ProsePassage(f"b{i}", edit(t) if rng.random() < 0.7 else t) for i, t in enumerate(base + base[:3])]
        rng.shuffle(b)
        share, pairs = _compare_one_by_one(a, b)
        a_index, b_index = copies.ProseIndex(a), copies.ProseIndex(b)
        if a and b:
            kinds.add((a_index.codes().wide, b_index.codes().wide))
        comparison = compare_prose(a_index, b_index)
        assert comparison.share == share
        assert [(p.a, p.b, p.same) for p in comparison.pairs] == pairs
        near += sum(not same for *_, same in pairs)
        ties += sum(1 for x in a if sum(x.norm == y.norm for y in b) > 1)
    assert near > 40 and ties > 5  # the data exercised nearly-same passages and repeated ones
    if numbering == "mixed":
        assert (False, True) in kinds or (True, False) in kinds
    else:
        assert kinds == {(numbering == "wide",) * 2}
