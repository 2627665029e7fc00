"""Decoding report bytes: BOMs, undeclared GBK, wrong declarations, binary refused."""

from __future__ import annotations

import codecs
import os

import pytest

from indexer.readers import ReadError
from indexer.readers.encoding import canonical_charset, decode_bytes

TEXT = "某某市2023年政府信息公开工作年度报告\n一、总体情况\n主动公开政府信息185条，未收取信息处理费。\n"


def test_utf8_without_bom():
    assert decode_bytes(TEXT.encode("utf-8")) == (TEXT, "utf-8")


def test_utf8_with_bom_is_stripped():
    text, enc = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert (text, enc) == (TEXT, "utf-8")
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["gbk", "gb2312", "gb18030"])
def test_gb_family_undeclared(codec):
    assert decode_bytes(TEXT.encode(codec)) == (TEXT, "gb18030")


def test_gb18030_only_characters():
    text = "䶮字与𠀀字，都在GB18030里。" * 3
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


def test_declared_gbk_but_really_utf8():
    assert decode_bytes(TEXT.encode("utf-8"), "gbk") == (TEXT, "utf-8")


def test_declared_utf8_but_really_gbk():
    assert decode_bytes(TEXT.encode("gbk"), "utf-8") == (TEXT, "gb18030")


@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(codec, bom):
    assert decode_bytes(bom + TEXT.encode(codec)) == (TEXT, codec)


def test_utf16_without_bom_mostly_ascii():
    text = "Report 2023\n" * 20 + TEXT
    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16-le")


def test_bom_with_broken_body_is_refused():
    with pytest.raises(ReadError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd" + TEXT.encode("gbk"))


def test_random_bytes_are_refused():
    data = bytes((i * 7919 + 13) % 256 for i in range(50000)) + os.urandom(5000)
    with pytest.raises(ReadError):
        decode_bytes(data)


def test_control_heavy_text_is_refused():
    data = ("\x01\x02\x03\x04ab" * 2000).encode("ascii")
    with pytest.raises(ReadError, match="binary"):
        decode_bytes(data)


def test_a_few_broken_bytes_in_long_utf8_text_are_tolerated():
    body = (TEXT * 200).encode("utf-8")
    cut = body.index(b"\n", 3000) + 1  # between two characters
    text, enc = decode_bytes(body[:cut] + b"\xff" + body[cut:])
    assert enc == "utf-8"
    assert text.count("\ufffd") == 1
    assert "未收取信息处理费" in text


def test_canonical_charset():
    assert canonical_charset("GB2312") == "gb18030"
    assert canonical_charset(" 'gbk' ") == "gb18030"
    assert canonical_charset("UTF8") == "utf-8"
    assert canonical_charset("no-such-charset") is None
    assert canonical_charset(None) is None


@pytest.mark.parametrize(
    "data,kind",
    [
        (b"%PDF-1.4\n%\xb5\xb5\xb5\xb5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20, "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" * 50, "ZIP"),
        (b"\x89PNG\r\n\x1a\n" + b"IHDR" * 100, "PNG"),
    ],
)
def test_binary_formats_that_decode_as_gb18030_are_refused(data, kind):
    data.decode("gb18030")  # the trap: these bytes are "valid" GB18030
    with pytest.raises(ReadError, match=kind):
        decode_bytes(data)


REPORT = ("某某市2023年政府信息公开工作年度报告\n一、总体情况\n本机关主动公开政府信息185条，收到政府信息公开申请32件，"
          "均按时答复。未收取信息处理费。\n二、存在的主要问题及改进情况\n公开内容不够全面，下一步将加强培训。\n")


def test_big5_is_decoded_as_traditional_chinese_not_gbk_mojibake():
    text = ("臺北市政府一○九年政府資訊公開工作年度報告。一、總體情況。本府依據政府資訊公開法，主動公開政府資訊共計"
            "一千二百條，受理人民申請案件三百件，均依法辦理完畢。二、主動公開政府資訊情況。本年度新制定規章十件。")
    assert decode_bytes(text.encode("big5")) == (text, "big5")


def test_shift_jis_is_refused_as_japanese():
    text = "日本国憲法は、日本国民が正当に選挙された国会における代表者を通じて行動し、われらとわれらの子孫のために" * 2
    with pytest.raises(ReadError, match="Japanese"):
        decode_bytes(text.encode("shift_jis"))


def test_a_file_mixing_utf8_and_gbk_lines_is_read_line_by_line():
    lines = REPORT.splitlines()
    data = b"\n".join(line.encode("utf-8" if i % 2 else "gbk") for i, line in enumerate(lines))
    assert decode_bytes(data) == ("\n".join(lines), "utf-8+gb18030")


def test_utf8_text_read_as_gbk_would_be_mojibake_and_is_never_returned_so():
    mojibake = REPORT.encode("utf-8").decode("gb18030", errors="replace").encode("gb18030")
    with pytest.raises(ReadError, match="mojibake|binary"):
        decode_bytes(mojibake)
