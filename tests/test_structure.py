"""Sections and passages: national headings and their real-world variants, stable passage ids."""

from __future__ import annotations

from indexer.blocks import Paragraph, Table
from indexer.readers.text import parse_text
from indexer.structure import choose_headings, heading_score, row_text, structure_of

NATIONAL = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def sections(text: str) -> list[tuple[int, str]]:
    return [(s.no, s.title) for s in structure_of(parse_text(text)).sections]


def test_national_headings_make_six_sections_and_a_preamble():
    text = "某局2023年政府信息公开工作年度报告\n" + "\n".join(f"{h}\n正文内容，共计若干条。" for h in NATIONAL)
    assert [no for no, _ in sections(text)] == [0, 1, 2, 3, 4, 5, 6]
    assert sections(text)[2] == (2, "主动公开政府信息情况")


def test_renamed_and_unnumbered_headings_still_found():
    text = "一、整体工作情况\n内容。\n主动公开政府信息情况\n内容。\n五、存在的主要问题及改进情况\n内容。\n六、其他需要报告的事项\n无"
    assert [no for no, _ in sections(text)] == [1, 2, 5, 6]
    assert sections(text)[0] == (1, "整体工作情况")


def test_sub_outline_restarting_at_one_does_not_take_over_the_sections():
    text = "\n".join([
        NATIONAL[0], "一、主要措施", "内容。", "二、信息主动公开情况", "内容。", "三、继续规范开展依申请公开信息", "内容。",
        *NATIONAL[1:],
    ])
    found = sections(text)
    assert [no for no, _ in found] == [1, 2, 3, 4, 5, 6]
    assert found[1] == (2, "主动公开政府信息情况")  # the real heading, not the sub-outline's 二、
    assert found[2] == (3, "收到和处理政府信息公开申请情况")


def test_sub_headings_in_brackets_are_not_sections():
    assert heading_score("（一）主动公开情况。", 2) == 0
    assert heading_score("1.主动公开政府信息情况", 2) == 0


def test_long_sentences_are_not_headings():
    sentence = "二、主动公开政府信息情况良好，全年共发布信息185条，及时回应社会关切，取得了良好效果。"
    assert heading_score(sentence, 2) == 0


def test_heading_broken_over_two_lines_is_joined_in_the_section_title():
    blocks = [Paragraph("四、因政府信息公开工作被申请行政复议、提起行政诉讼"), Paragraph("讼情况"), Paragraph("无。")]
    structure = structure_of(blocks)
    assert structure.sections[0].title.endswith("行政诉讼讼情况")


def test_a_heading_that_disagrees_with_its_numeral_still_counts_by_its_words():
    text = "一、总体情况\n内容。\n二、主动公开政府信息情况\n内容。\n三、存在的主要问题及改进情况\n内容。"
    assert [no for no, _ in sections(text)] == [1, 2, 5]


def test_passages_cover_paragraphs_and_table_rows_with_section_ids():
    blocks = [
        Paragraph("某局2023年政府信息公开工作年度报告"),
        Paragraph("二、主动公开政府信息情况"),
        Table.from_rows([["信息内容", "本年制发件数"], ["规章", "0"], ["", ""]]),
        Paragraph("三、收到和处理政府信息公开申请情况"),
        Paragraph("本年收到申请3件。"),
    ]
    s = structure_of(blocks)
    assert [(p.id, p.kind) for p in s.passages] == [
        ("s0-p1", "paragraph"), ("s2-p1", "paragraph"), ("s2-p2", "table_row"), ("s2-p3", "table_row"),
        ("s3-p1", "paragraph"), ("s3-p2", "paragraph"),
    ]
    assert s.tables[0].passage_ids == ("s2-p2", "s2-p3", None)  # the empty row has no passage
    assert s.sections[1].passages == ["s2-p1", "s2-p2", "s2-p3"]


def test_passage_ids_depend_only_on_content_and_stay_put_when_a_later_section_changes():
    base = "一、总体情况\n第一段。\n第二段。\n二、主动公开政府信息情况\n内容甲。"
    changed = "一、总体情况\n第一段。\n第二段。\n二、主动公开政府信息情况\n内容乙。\n新增一段。"
    a = structure_of(parse_text(base)).passages
    b = structure_of(parse_text(changed)).passages
    assert a == structure_of(parse_text(base)).passages
    assert [(p.id, p.text) for p in a if p.section == 1] == [(p.id, p.text) for p in b if p.section == 1]


def test_row_text_shows_repeated_labels_once_but_keeps_equal_numbers():
    assert row_text(["申请人情况", "申请人情况", "申请人情况"]) == "申请人情况"
    assert row_text(["规章", "0", "0", "0"]) == "规章 | 0 | 0 | 0"
    assert row_text(["", "（三）不予公开", "", "1.属于国家秘密", "0"]) == "（三）不予公开 | 1.属于国家秘密 | 0"


def test_choose_headings_prefers_exact_titles_over_keyword_matches():
    paragraphs = list(enumerate(["一、总体情况", "二、信息主动公开情况", "二、主动公开政府信息情况"]))
    chosen = choose_headings(paragraphs)
    assert [(h.block, h.section) for h in chosen] == [(0, 1), (2, 2)]


def test_samples_have_the_expected_sections(samples_dir):
    from indexer.readers import read_document

    found = {p.name[:3]: [s.no for s in structure_of(read_document(p).blocks).sections] for p in samples_dir.glob("*.txt")}
    assert found["000"] == [0, 1, 2, 5, 6]  # no 收到和处理申请, no 行政复议 section
    assert all(found[k][1:] == [1, 2, 3, 4, 5, 6] for k in ("001", "002", "003", "004"))


def test_a_complete_heading_does_not_take_the_short_line_below_it():
    blocks = [Paragraph("三、收到和处理政府信息公开申请情况"), Paragraph("申请人情况"), Paragraph("正文。")]
    assert structure_of(blocks).sections[0].title == "收到和处理政府信息公开申请情况"


def test_a_numbered_heading_with_one_character_misread_still_opens_its_section():
    """OCR text: 二、主动公幵政府信息情况 (开 read as 幵) opens section 2, so its table rows are read as table 2's; a
    short line one character off (二、工作情况) or an unnumbered one is no such heading."""
    s = structure_of([Paragraph("一、总体情况"), Paragraph("本年度依法公开政府信息。"), Paragraph("二、主动公幵政府信息情况"),
                      Table.from_rows([["规章", "0", "0", "3"]]), Paragraph("三、收到和处理政府信息公开申请情况")])
    assert [sec.no for sec in s.sections] == [1, 2, 3]
    assert heading_score("二、主动公幵政府信息情况", 2) > 0 and heading_score("主动公幵政府信息情况", 2) == 0
    assert heading_score("二、工作情况", 2) == 0
    assert heading_score("三、收到和处理政府信息公开甲请情况", 2) == 0


def test_a_table_under_an_article_line_with_no_section_heading_is_table_two():
    """A report that prints no 二、主动公开政府信息情况 heading: its table 2 stands under 第二十条第（一）项 (the header
    left as lines of words between) in the opening's section, and is read as table 2."""
    from indexer.tables import map_tables
    blocks = [Paragraph("根据有关要求，现将我局2020年度政府信息公开情况报告如下。"), Paragraph("第二十條第(一)項"),
              Paragraph("信息內容本年新製作"), Paragraph("數量本年新公開數量對外公開總數量"),
              Table.from_rows([["规章", "0", "0", "0"], ["规范性文件", "3", "3", "41"]]),
              Paragraph("第二十条第（五）项"), Table.from_rows([["行政许可", "8", "5", "93"], ["其他对外管理服务事项", "1", "0", "2"]])]
    metrics = map_tables(structure_of(blocks).tables).metrics
    assert (metrics["active.normative.made"].value, metrics["active.normative.total_published"].value) == (3, 41)
    # a table of the opening with no article line above it stays out of table 2
    plain = [Paragraph("根据有关要求，现将我局2020年度政府信息公开情况报告如下。"), Table.from_rows([["行政处罚", "12"]])]
    assert "active.penalty.decisions" not in map_tables(structure_of(plain).tables).metrics
