"""Display form and match form, and the shortcuts that compute them without the general path."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from indexer import textnorm
from indexer.textnorm import HAN, han_count, normalize_text

_TEXT = st.text(alphabet=st.sampled_from(list("政府信息公开abcAB12３４ 　\t\n，。ｆ\u200b\u00a0-《》䶵𠀀")), max_size=60)


def _display_form(text: str) -> str:
    """The display form by its definition: width, spaces, zero-width characters, spaces around Chinese."""
    text = text.translate(textnorm._DISPLAY_TABLE).replace("\n", " ")
    text = textnorm._MULTI_SPACE.sub(" ", text)
    text = textnorm._SPACE_AFTER_CJK.sub("", text)
    return textnorm._SPACE_BEFORE_CJK.sub("", text).strip()


@given(_TEXT)
def test_the_display_form_is_the_same_by_every_path(text):
    """Short texts are remembered and letters-and-digits-only texts skip the space rules: same results."""
    assert normalize_text(text) == _display_form(text)
    assert normalize_text(text * 10) == _display_form(text * 10)  # past the length of remembered texts


def test_full_width_figures_and_letters_become_half_width():
    assert normalize_text("２０２３年ＡＢ") == "2023年AB"
    assert normalize_text("２０２３ 年") == "2023年"


@given(_TEXT)
def test_han_count_counts_every_han_character(text):
    assert han_count(text) == len(HAN.findall(text))


def test_no_character_skipped_by_the_binary_check_could_be_noise():
    """is_control_heavy skips these ranges before looking at characters one by one: none of them may count."""
    import re

    skipped = re.compile(f"[{textnorm.NEVER_NOISE}]")
    assert not [c for c in map(chr, range(0x30000)) if skipped.match(c) and textnorm._is_noise(c)]


def test_binary_noise_is_told_from_text():
    assert textnorm.is_control_heavy("\x01\x02\x03abc" * 10)
    assert textnorm.is_control_heavy("报告\ue000\ue001" * 10)  # private use: GBK's user-defined area misread
    assert not textnorm.is_control_heavy("政府信息公开工作年度报告，2023年。\n" * 100)


@given(st.lists(_TEXT, max_size=6))
def test_fold_lines_is_each_text_folded_one_a_line(texts):
    assert textnorm.fold_lines(texts) == "\n".join(textnorm.fold(t) for t in texts)


def test_simplified_maps_traditional_characters_one_for_one_and_leaves_simplified_text_alone():
    from indexer.textnorm import simplified

    assert simplified("第二十條第（一）項 規範性檔案 行政處罰") == "第二十条第（一）项 规范性档案 行政处罚"
    text = "本年新收政府信息公开申请数量 乾隆 著作 于是"  # 乾, 著, 于: characters simplified text uses too
    assert simplified(text) == text


_LONG_TEXT = st.text(alphabet=st.sampled_from(list("政府信息公开abcAB12３４ 　\t\n，。ｆＺ\u200b\u00a0-《》䶵𠀀規範檔\udc80")),
                     min_size=200, max_size=700)


@given(_LONG_TEXT)
def test_translations_give_what_str_translate_gives(text):
    """The display, match and simplified forms of long texts (mapped on arrays) are str.translate's, character for
    character: deleted characters, astral characters and a lone surrogate (from a decoding error) included."""
    for table in (textnorm._DISPLAY_TABLE, textnorm._MATCH_TABLE, textnorm._MATCH_TABLE_LINES, textnorm._simplifying()):
        translate = textnorm.Translation(table)
        assert translate(text) == text.translate(table)
        assert translate(text * 3) == (text * 3).translate(table)
        plain = "".join(c for c in text if ord(c) not in table)
        assert translate(plain) == plain


def test_radical_code_points_that_pdf_fonts_map_glyphs_to_read_as_the_characters():
    """pdfminer gives a PDF's 人, 工, 行, 民 as the Kangxi radicals ⼈ ⼯ ⾏ and the supplement's ⺠ when the font maps
    the glyph to them (Chromium's and many Word PDFs): titles, labels and agencies read as the characters."""
    assert normalize_text("桃江县松⽊塘镇⼈⺠政府2022年政府信息公开⼯作年度报告") == "桃江县松木塘镇人民政府2022年政府信息公开工作年度报告"
    assert normalize_text("⾏政规范性⽂件") == "行政规范性文件"
    assert normalize_text("⻓⻔⻢⻋") == "长门马车"


def test_a_pdf_text_with_radical_code_points_gives_its_title_and_table(tmp_path):
    from indexer.extract import extract

    path = tmp_path / "report.txt"
    path.write_text("桃江县松⽊塘镇⼈⺠政府2022年政府信息公开⼯作年度报告\n\n⼀、总体情况\n\n本镇认真开展⼯作。\n\n"
                    "⼆、主动公开政府信息情况\n\n第⼆⼗条第（⼀）项\n\n信息内容 本年制发件数 本年废⽌件数 现⾏有效件数\n\n"
                    "规章 2 0 2\n⾏政规范性⽂件 3 1 4\n", encoding="utf-8")
    record = extract(path).to_dict()
    assert record["title"] == "桃江县松木塘镇人民政府2022年政府信息公开工作年度报告"
    assert record["agency"] == "桃江县松木塘镇人民政府"
    assert record["metrics"]["active.normative.in_force"]["value"] == 4
