"""The query language: words, phrases, OR, NOT, brackets, synonyms, and what happens to bad input."""

from __future__ import annotations

from indexer.query import MAX_QUERY_CHARS, All, Any, Not, Term, parse_query
from indexer.synonyms import load_synonyms, parse_synonyms


def needles(node) -> list[str]:
    if isinstance(node, Term):
        return [node.needle]
    if isinstance(node, Not):
        return ["-" + n for n in needles(node.child)]
    return [n for c in node.children for n in needles(c)]


def test_words_are_anded_and_normalized_like_the_index():
    q = parse_query("行政处罚  ＡＢＣ１２３")
    assert isinstance(q.root, All)
    assert needles(q.root) == ["行政处罚", "abc123"]


def test_phrases_or_not_and_brackets():
    q = parse_query('"政府信息公开 工作" (舟山 OR 招远) -疫情')
    assert isinstance(q.root, All)
    phrase, either, negated = q.root.children
    assert phrase.phrase and phrase.needle == "政府信息公开工作"
    assert isinstance(either, Any) and needles(either) == ["舟山", "招远"]
    assert isinstance(negated, Not)
    assert [t.needle for t in q.positive_terms()] == ["政府信息公开工作", "舟山", "招远"]


def test_chinese_quotes_are_content_not_syntax():
    q = parse_query("危及“三安全一稳定”")
    assert isinstance(q.root, Term) and q.root.needle == "危及“三安全一稳定”"


def test_unreadable_queries_become_plain_words_with_a_notice():
    for text in ['"行政处罚', "(行政处罚", "行政处罚)", "OR 行政处罚", "行政处罚 OR", "NOT", "-"]:
        q = parse_query(text)
        assert q.notices, text
        assert all(n.lstrip("-") in ("行政处罚",) for n in needles(q.root)) if q.root else True


def test_long_queries_are_cut_with_a_notice():
    q = parse_query("税" * (MAX_QUERY_CHARS + 50))
    assert len(q.root.needle) == MAX_QUERY_CHARS
    assert any(str(MAX_QUERY_CHARS) in n for n in q.notices)


def test_synonyms_expand_unquoted_terms_only():
    syn = load_synonyms()
    term = parse_query("卫健委", syn).root
    assert set(term.alternatives) >= {"卫生健康委员会", "卫生健康委"}
    assert parse_query('"卫健委"', syn).root.alternatives == ()
    assert parse_query("卫健委", syn, expand=False).root.alternatives == ()


def test_synonym_inside_a_longer_term_and_one_way_groups():
    syn = parse_synonyms("卫健委 卫生健康委员会\n政务公开 => 政府信息公开\n")
    assert syn.alternatives("华龙区卫健委") == ("华龙区卫生健康委员会",)
    assert syn.alternatives("政务公开") == ("政府信息公开",)
    assert syn.alternatives("政府信息公开") == ()


def test_a_member_inside_a_longer_member_does_not_produce_nonsense():
    syn = parse_synonyms("依申请公开 依申请\n")
    assert syn.alternatives("依申请公开") == ("依申请",)


def test_chinese_keyboard_operators_work_as_their_ascii_forms():
    assert needles(parse_query("舟山 or 招远").root) == needles(parse_query("舟山 OR 招远").root) == ["舟山", "招远"]
    assert isinstance(parse_query("舟山 Or 招远").root, Any)
    negated = parse_query("卫健委 －疫情").root
    assert isinstance(negated, All) and needles(negated) == ["卫健委", "-疫情"]
    phrase = parse_query("“政府信息 公开”").root
    assert isinstance(phrase, Term) and phrase.phrase and phrase.needle == "政府信息公开"
    grouped = parse_query("（舟山 OR 招远） 疫情").root
    assert isinstance(grouped, All) and isinstance(grouped.children[0], Any)
    assert needles(grouped) == ["舟山", "招远", "疫情"]
    assert not parse_query("（舟山 OR 招远） 疫情").notices


def test_chinese_punctuation_inside_a_word_stays_content():
    assert parse_query("第（六）项").root.needle == "第(六)项"
    assert parse_query("规定（试行）").root.needle == "规定(试行)"
    assert parse_query("2019－2020").root.needle == "2019-2020"
    assert parse_query("“三安全一稳定").root.needle == "“三安全一稳定"  # an unpaired quote is content
    nested = parse_query("（规定（试行） OR 办法）").root
    assert isinstance(nested, Any) and needles(nested) == ["规定(试行)", "办法"]


def test_brackets_nested_deeper_than_the_limit_are_read_as_words_with_a_notice():
    from indexer.query import MAX_NESTING

    deep = parse_query("(" * 400 + "公开" + ")" * 400)  # 400 levels: once a RecursionError
    assert isinstance(deep.root, Term) and deep.root.needle == "公开"
    assert any("嵌套" in n for n in deep.notices)
    fine = parse_query("(" * MAX_NESTING + "公开 OR 申请" + ")" * MAX_NESTING)
    assert not fine.notices and {t.needle for t in fine.positive_terms()} == {"公开", "申请"}
