"""Generate a corpus folder of hostile files beside good reports, as scraped folders hold them.

Used by `bench/badfiles_bench.py` (1,000+ files at full size) and by the
quick test `tests/test_hostile_files.py` (a few hundred, with the sizes and
the limits scaled down together, so the same code paths are taken).

Kinds: random bytes under every extension; truncated, garbled and deeply
nested HTML; huge tables; huge text with and without line breaks; long runs
of characters jieba does not know; zip bombs; corrupt and encrypted PDF and
DOCX; PDFs with thousands of pages; wrong extensions; mixed, Big5,
Shift-JIS and UTF-16 encodings; odd file names (newlines, GBK bytes, bytes
that are no encoding, leading dots and dashes, 250-byte names); symbolic link
loops, dangling links, links out of the corpus, named pipes; system files and
unknown types.

    python bench/hostile.py OUT_DIR [--count 1000] [--good 100] [--quick]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXTENSIONS = (".txt", ".text", ".html", ".htm", ".shtml", ".docx", ".pdf", ".doc", ".wps", ".rtf", ".xls", ".xlsx",
              ".ofd", ".md", ".jpg", ".zip", "")
LINE = "某某县教育局2022年政府信息公开工作年度报告。本机关主动公开政府信息一百二十条，收到申请三十件。"


@dataclass
class Sizes:
    """How big the big files are; the quick version scales them (and the limits) down together."""

    cells_over: int = 120_000  # table cells, over the default limit
    cells_under: int = 30_000  # table cells, under it: must be read in time
    text_chars: int = 3_000_000  # over the default character limit
    text_under: int = 600_000  # under it, with and without line breaks
    unknown_run: int = 200_000  # characters jieba has never seen, in one run
    nesting: int = 100_000  # nested elements
    bomb_mb: int = 1024  # what a zip bomb expands to
    pdf_pages: int = 2_000
    big: int = 3  # files of each big kind


QUICK = Sizes(cells_over=12_000, cells_under=3_000, text_chars=300_000, text_under=60_000, unknown_run=20_000,
              nesting=20_000, bomb_mb=64, pdf_pages=60, big=1)


def quick_limits():
    """The limits that go with QUICK: each big file is as far over (or under) them as at full size."""
    from indexer.limits import Limits

    return Limits(file_mb=10, pages=30, expanded_mb=20, chars=200_000, cells=5_000, seconds=30, memory_mb=640)


@dataclass
class Hostile:
    folder: Path
    good: dict[str, str] = field(default_factory=dict)  # source -> a phrase only that report holds
    bad: list[str] = field(default_factory=list)  # sources of the hostile files (display form)
    kinds: dict[str, int] = field(default_factory=dict)


def generate(out: Path, count: int = 1000, good: int = 100, seed: int = 13, sizes: Sizes | None = None) -> Hostile:
    """Write at least `count` hostile files and `good` good reports under `out`."""
    sizes = sizes or Sizes()
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    h = Hostile(out)
    _good_reports(h, good, rng)
    big_kinds = [_huge_tables, _huge_text, _unknown_runs, _deep_nesting, _zip_bombs, _many_pages]
    for kind in big_kinds:
        kind(h, rng, sizes)
    small_kinds = [_random_bytes, _truncated_html, _garbled_html, _mutated_docx, _mutated_pdf, _encrypted,
                   _wrong_extensions, _encodings, _odd_names, _links_and_pipes, _not_reports, _empty_ish]
    i = 0
    while len(h.bad) < count:
        small_kinds[i % len(small_kinds)](h, rng, i)
        i += 1
    return h


# ------------------------------------------------------------------ helpers


def _write(h: Hostile, name: str | bytes, data: bytes, kind: str, folder: str = "bad") -> Path:
    base = h.folder / folder
    base.mkdir(parents=True, exist_ok=True)
    path = Path(os.fsdecode(os.path.join(os.fsencode(base), os.fsencode(name))))
    with open(path, "wb") as f:
        f.write(data)
    h.bad.append(_source(h, path))
    h.kinds[kind] = h.kinds.get(kind, 0) + 1
    return path


def _source(h: Hostile, path: Path) -> str:
    from indexer.corpus import display_name, shown

    parts = []
    for part in path.relative_to(h.folder).parts:
        shown_name = display_name(part)
        parts.append(shown_name if shown_name is not None else shown(part))
    return "/".join(parts)


def _report_text(rng: random.Random, marker: str) -> str:
    return (f"某某县{marker}局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，本机关主动公开政府信息{rng.randint(10, 900)}条，"
            f"编号{marker}。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
            "五、存在的主要问题及改进情况\n六、其他需要报告的事项\n某某县人民政府\n2023年1月20日\n")


def _good_reports(h: Hostile, n: int, rng: random.Random) -> None:
    folder = h.folder / "good"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        marker = f"甲乙{i:04d}丙丁"
        text = _report_text(rng, marker)
        if i % 3 == 0:
            name, data = f"report{i:04d}.html", (f"<html><head><meta charset='gbk'><title>{marker}</title></head><body>"
                                                 + "".join(f"<p>{line}</p>" for line in text.splitlines())
                                                 + "</body></html>").encode("gbk")
        else:
            name, data = f"report{i:04d}.txt", text.encode("utf-8" if i % 2 else "gb18030")
        (folder / name).write_bytes(data)
        h.good[f"good/{name}"] = marker


def _html_table(rows: int, cols: int) -> bytes:
    row = "<tr>" + "<td>12</td>" * cols + "</tr>"
    return (f"<html><body><p>{LINE}</p><table>" + row * rows + "</table></body></html>").encode("utf-8")


def _docx(document_xml: bytes, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _docx_body(paragraphs: list[str]) -> bytes:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<?xml version="1.0"?><w:document {ns}><w:body>{body}</w:body></w:document>'.encode("utf-8")


def _pdf(text_lines: list[str], pages: int = 1, encrypt: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    for _ in range(pages):
        c.setFont("STSong-Light", 11)
        for n, line in enumerate(text_lines[:40]):
            c.drawString(60, 780 - 16 * n, line)
        c.showPage()
    c.save()
    return buf.getvalue()


_GOOD_DOCX: bytes | None = None
_GOOD_PDF: bytes | None = None


def _good_docx() -> bytes:
    global _GOOD_DOCX
    if _GOOD_DOCX is None:
        _GOOD_DOCX = _docx(_docx_body(_report_text(random.Random(1), "样本").splitlines()))
    return _GOOD_DOCX


def _good_pdf() -> bytes:
    global _GOOD_PDF
    if _GOOD_PDF is None:
        _GOOD_PDF = _pdf(_report_text(random.Random(1), "样本").splitlines())
    return _GOOD_PDF


# ------------------------------------------------------------------ big kinds (a few each)


def _huge_tables(h: Hostile, rng: random.Random, s: Sizes) -> None:
    for i in range(s.big):
        _write(h, f"huge-table-{i}.html", _html_table(s.cells_over // 50, 50), "huge table")
        _write(h, f"wide-table-{i}.html", _html_table(s.cells_under // 100, 100), "wide table")
        spans = "<tr>" + '<td rowspan="100000" colspan="100000">1</td>' * 200 + "</tr>"
        _write(h, f"span-bomb-{i}.html", f"<html><body><p>{LINE}</p><table>{spans * 50}</table></body></html>".encode(),
               "span bomb")


def _huge_text(h: Hostile, rng: random.Random, s: Sizes) -> None:
    for i in range(s.big):
        _write(h, f"huge-one-line-{i}.txt", (LINE * (s.text_chars // len(LINE))).encode("utf-8"), "huge text")
        _write(h, f"huge-lines-{i}.txt", ((LINE + "\n") * (s.text_chars // len(LINE))).encode("utf-8"), "huge text")
        _write(h, f"long-one-line-{i}.txt", (LINE * (s.text_under // len(LINE))).encode("utf-8"), "long text")
        _write(h, f"long-lines-{i}.txt", ((LINE + "\n") * (s.text_under // len(LINE))).encode("utf-8"), "long text")
        _write(h, f"one-term-{i}.txt", (LINE + "\n" + "格" * s.text_under + "\n").encode("utf-8"), "repeated term")


def _unknown_runs(h: Hostile, rng: random.Random, s: Sizes) -> None:
    rare = [chr(c) for c in range(0x4E00, 0x9FA5) if c % 7 == 3]
    for i in range(s.big):
        run = "".join(rng.choice(rare) for _ in range(s.unknown_run))
        _write(h, f"unknown-run-{i}.txt", f"{LINE}\n{run}\n".encode("utf-8"), "unknown run")


def _deep_nesting(h: Hostile, rng: random.Random, s: Sizes) -> None:
    n = s.nesting
    for i in range(s.big):
        _write(h, f"deep-div-{i}.html", ("<div>" * n + LINE + "</div>" * n).encode(), "deep nesting")
        _write(h, f"deep-table-{i}.html", ("<table><tr><td>" * (n // 10) + LINE).encode(), "deep nesting")
        xml = _docx_body([LINE]).replace(b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * (n // 10))
        xml = xml.replace(b"</w:body>", b"</w:sdtContent></w:sdt>" * (n // 10) + b"</w:body>")
        _write(h, f"deep-{i}.docx", _docx(xml), "deep nesting")


def _zip_bombs(h: Hostile, rng: random.Random, s: Sizes) -> None:
    for i in range(s.big):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            with z.open("word/document.xml", "w", force_zip64=True) as f:
                chunk = b"<w:p/>" * (2**20 // 6)
                for _ in range(s.bomb_mb):
                    f.write(chunk)
        _write(h, f"zip-bomb-{i}.docx", buf.getvalue(), "zip bomb")
        # a header that lies: says 1 KB, holds the bomb
        data = bytearray(buf.getvalue())
        _write(h, f"lying-bomb-{i}.docx", bytes(_lie_about_size(data)), "zip bomb")


def _lie_about_size(data: bytearray) -> bytearray:
    """Set the uncompressed sizes a zip's headers declare to 1,000 bytes."""
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (pos := data.find(sig, start)) >= 0:
            if data[pos + offset:pos + offset + 4] != b"\xff\xff\xff\xff":
                data[pos + offset:pos + offset + 4] = (1000).to_bytes(4, "little")
            start = pos + 4
    return data


def _many_pages(h: Hostile, rng: random.Random, s: Sizes) -> None:
    for i in range(s.big):
        _write(h, f"pages-{s.pdf_pages}-{i}.pdf", _pdf([LINE], pages=s.pdf_pages), "many pages")


# ------------------------------------------------------------------ small kinds (many each)


def _random_bytes(h: Hostile, rng: random.Random, i: int) -> None:
    ext = EXTENSIONS[i % len(EXTENSIONS)]
    size = rng.choice((1, 7, 100, 4096, 70_000))
    _write(h, f"random-{i}{ext}", rng.randbytes(size), "random bytes")


def _truncated_html(h: Hostile, rng: random.Random, i: int) -> None:
    page = (f"<html><head><title>{LINE}</title></head><body><div><p>{LINE}</p><table><tr><td>行政许可</td><td>5</td>"
            f"</tr></table><p>{LINE}</p></div></body></html>").encode("utf-8")
    _write(h, f"truncated-{i}.html", page[: rng.randint(1, len(page) - 1)], "truncated html")


def _garbled_html(h: Hostile, rng: random.Random, i: int) -> None:
    pieces = ["<div", "<p>", "</td>", "<table", "<tr>", "<!--", "-->", "<script>", "</script>", "&#x", "&#99999999;",
              "<![CDATA[", "\x00", "\ufeff", LINE, "<td colspan=-5>", "<td rowspan=99999999999>", "<meta charset=big5>",
              "<meta charset=nonsense>", ">>>", "<<<", '"', "'"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(5, 300)))
    _write(h, f"garbled-{i}.html", text.encode("utf-8", "surrogatepass"), "garbled html")


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        pos = rng.randrange(len(out))
        out[pos] = rng.randrange(256)
    if rng.random() < 0.5:
        out = out[: rng.randint(1, len(out))]
    return bytes(out)


def _mutated_docx(h: Hostile, rng: random.Random, i: int) -> None:
    _write(h, f"mutated-{i}.docx", _mutate(_good_docx(), rng), "corrupt docx")


def _mutated_pdf(h: Hostile, rng: random.Random, i: int) -> None:
    _write(h, f"mutated-{i}.pdf", _mutate(_good_pdf(), rng), "corrupt pdf")


def _encrypted(h: Hostile, rng: random.Random, i: int) -> None:
    if i % 2:
        _write(h, f"encrypted-{i}.pdf", _pdf([LINE], encrypt="secret"), "encrypted")
    else:  # what Word writes for a password-protected DOCX: an OLE container
        _write(h, f"encrypted-{i}.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(2000), "encrypted")


def _wrong_extensions(h: Hostile, rng: random.Random, i: int) -> None:
    content = [_good_pdf(), _good_docx(), f"<html><body><p>{LINE}</p></body></html>".encode(),
               b"\x89PNG\r\n\x1a\n" + rng.randbytes(500), b"\x1f\x8b\x08" + rng.randbytes(500)]
    ext = [".txt", ".pdf", ".docx", ".html", ".htm"]
    _write(h, f"wrong-ext-{i}{ext[i % len(ext)]}", content[(i // len(ext)) % len(content)], "wrong extension")


def _encodings(h: Hostile, rng: random.Random, i: int) -> None:
    text = _report_text(rng, f"编码{i}")
    lines = text.splitlines()
    variants = [
        b"\n".join(line.encode("utf-8" if n % 2 else "gbk") for n, line in enumerate(lines)),
        "臺北市政府政府資訊公開工作年度報告。本府主動公開政府資訊共計一千二百條，受理人民申請案件三百件。".encode("big5") * 3,
        "日本国憲法は、日本国民が正当に選挙された国会における代表者を通じて行動し".encode("shift_jis") * 5,
        text.encode("utf-16-le"),
        text.encode("utf-8").decode("latin-1").encode("utf-8"),  # double-encoded
        text.encode("utf-8")[: len(text) // 2] + text.encode("gbk")[len(text) // 2:],
    ]
    _write(h, f"encoding-{i}.txt", variants[i % len(variants)], "encodings")


def _odd_names(h: Hostile, rng: random.Random, i: int) -> None:
    data = _report_text(rng, f"名字{i}").encode("utf-8")
    names: list[str | bytes] = [
        f"line\nbreak-{i}.txt", f"carriage\rreturn-{i}.txt", f"tab\tname-{i}.txt", f"..dots-{i}.txt",
        f"-dash-{i}.txt", f"{'长' * 80}-{i}.txt", f"报告 {i} (copy).txt", f"emoji-😀-{i}.txt",
        f"政府信息公开-{i}".encode("gbk") + b".txt", b"bad-\xff\xfe-" + str(i).encode() + b".txt",
        f"..%2F..%2Fetc-{i}.txt", f"quote\"'<>&-{i}.html",
    ]
    name = names[i % len(names)]
    _write(h, name, data if not str(name).endswith(".html") else b"<p>" + data + b"</p>", "odd names")


def _links_and_pipes(h: Hostile, rng: random.Random, i: int) -> None:
    base = h.folder / "bad"
    base.mkdir(parents=True, exist_ok=True)
    kind = i % 5
    if kind == 0:
        a, b = base / f"loop-a-{i}.txt", base / f"loop-b-{i}.txt"
        os.symlink(b.name, a)
        os.symlink(a.name, b)
        h.bad += [_source(h, a), _source(h, b)]
    elif kind == 1:
        link = base / f"dangling-{i}.txt"
        os.symlink(f"missing-{i}.txt", link)
        h.bad.append(_source(h, link))
    elif kind == 2:
        link = base / f"outside-{i}.txt"
        os.symlink("/etc/hostname", link)
        h.bad.append(_source(h, link))
    elif kind == 3:
        pipe = base / f"fifo-{i}.txt"
        os.mkfifo(pipe)
        h.bad.append(_source(h, pipe))
    else:
        folder = base / f"loop-dir-{i}"
        folder.mkdir()
        os.symlink("..", folder / "up")
        h.bad.append(_source(h, folder / "up") + "/")
    h.kinds["links and pipes"] = h.kinds.get("links and pipes", 0) + 1


def _not_reports(h: Hostile, rng: random.Random, i: int) -> None:
    names = ["Thumbs.db", ".DS_Store", "desktop.ini", f"._report-{i}.pdf", f"~$report-{i}.docx", f"photo-{i}.jpg",
             f"notes-{i}", f"archive-{i}.zip", f".hidden-{i}.cfg"]
    name = names[i % len(names)]
    folder = f"bad/sys-{i}"
    _write(h, name, rng.randbytes(64), "not reports", folder=folder)


def _empty_ish(h: Hostile, rng: random.Random, i: int) -> None:
    variants = [b"", b"\xef\xbb\xbf", b" \n\t\n", b"\x00" * 100, "。".encode(), b"<html></html>"]
    ext = [".txt", ".txt", ".txt", ".html", ".txt", ".html"]
    _write(h, f"empty-{i}{ext[i % len(ext)]}", variants[i % len(variants)], "empty")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--good", type=int, default=100)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    h = generate(args.out, args.count, args.good, sizes=QUICK if args.quick else None)
    print(f"{len(h.bad)} hostile files and {len(h.good)} good reports in {args.out}")
    for kind, n in sorted(h.kinds.items()):
        print(f"  {kind}: {n}")


if __name__ == "__main__":
    main()
