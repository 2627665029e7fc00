"""The metadata labels (data/metadata_labels.tsv): one list every reader knows a site's metadata box by."""

from __future__ import annotations

import pytest

from indexer.readers.html_tables import table_kind
from indexer.readers.meta import BOX_LABELS, KEYS, is_box_label, meta_key, read_metadata_labels
from indexer.readers.paragraphs import should_join
from indexer.readers.pipes import label_run_pairs, metadata_pairs

BOX = sorted(BOX_LABELS)


def test_the_file_lists_each_label_once_with_a_known_key():
    labels = [label for label, _, _ in read_metadata_labels()]
    assert len(labels) == len(set(labels))
    assert {key for _, key, _ in read_metadata_labels() if key} <= {
        "title", "published", "publisher", "source", "url", "index_no", "doc_no", "column"}
    assert meta_key("发 布 时 间：") == "published" and KEYS["原文链接"] == "url"


def test_words_too_common_in_report_text_do_not_mark_a_box():
    assert not is_box_label("日期") and not is_box_label("链接")
    assert meta_key("日期") == "published"  # but a crawler's header line still gives the date


@pytest.mark.parametrize("label", BOX)
def test_every_box_label_marks_a_box_in_html_cells(label):
    others = [x for x in ("索引号", "发布机构", "主题分类") if x != label][:2]
    kind, pairs = table_kind([[others[0], "1234-01", label, "某值"], [others[1], "某县某局"]])
    assert kind == "meta"
    assert pairs[label] == "某值"


@pytest.mark.parametrize("label", BOX)
def test_every_box_label_pairs_in_a_pipe_row(label):
    assert (label, "某值") in metadata_pairs(["索引号", "1234-01", label, "某值"])
    assert ("发布机构", "某县某局") in metadata_pairs([f"{label}：某值", "发布机构：某县某局"])


@pytest.mark.parametrize("label", BOX)
def test_a_line_of_box_labels_is_never_joined_to_the_next(label):
    prev = f"索 引 号：1234-01，{label}：某值，发布机构：某县某局"
    assert not should_join(prev, "2023年度某县某局政府信息公开工作年度报告")


def test_a_spaced_label_is_the_label():
    assert is_box_label("索 引 号") and is_box_label("发布机构：")
    assert not is_box_label("某县某局")


@pytest.mark.parametrize("label", BOX)
def test_every_box_label_pairs_in_a_row_printed_with_spaces_the_display_form_drops(label):
    # 索引号 1234-01 某标签 某值 发布机构 某县某局: label, value, label, value, run together once the spaces go
    assert (label, "某值") in label_run_pairs(f"索引号1234-01{label}某值发布机构某县某局")
