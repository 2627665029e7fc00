"""Pages saved as one file (.mht / .mhtml, "网页，单个文件") read as the page they hold."""

from __future__ import annotations

import quopri

import pytest

from indexer.extract import extract
from indexer.readers import ReadError, read_document

from fixtures.reports import assert_expected, build_report, write


def _mht(html: bytes, charset: str, encoding: str = "quoted-printable") -> bytes:
    body = quopri.encodestring(html) if encoding == "quoted-printable" else __import__("base64").encodebytes(html)
    return (b"From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000"\r\n\r\n'
            b"------=_NextPart_000\r\nContent-Type: text/html; charset=" + charset.encode() +
            b"\r\nContent-Transfer-Encoding: " + encoding.encode() + b"\r\nContent-Location: http://www.example.gov.cn/a.html\r\n\r\n"
            + body + b"\r\n------=_NextPart_000\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            b"Content-Location: http://www.example.gov.cn/logo.png\r\n\r\niVBORw0KGgo=\r\n------=_NextPart_000--\r\n")


@pytest.mark.parametrize("charset, encoding", [("gbk", "quoted-printable"), ("utf-8", "base64")])
def test_a_page_saved_as_one_file_gives_the_record_of_the_page(tmp_path, charset, encoding):
    source = build_report("2021")
    page = write(source, "html-gbk" if charset == "gbk" else "html", tmp_path / "page").read_bytes()
    mht = tmp_path / "report.mht"
    mht.write_bytes(_mht(page, charset, encoding))
    report = extract(mht)
    assert report.template == "2021"
    assert_expected(report, source.expected)


def test_a_saved_file_without_a_page_is_refused_with_its_reason(tmp_path):
    bad = tmp_path / "empty.mhtml"
    bad.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello\r\n")
    with pytest.raises(ReadError, match="no HTML page"):
        read_document(bad)
