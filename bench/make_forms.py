#!/usr/bin/env python3
"""Write each source report page in the forms users bring, for `bench/score_cells.py`.

    .venv/bin/python bench/make_forms.py SRC_DIR OUT_DIR

SRC_DIR holds `<report>.html` (one report page each, UTF-8); OUT_DIR gets
`<report>.<form>.<ext>`, one file per form:

- `page_utf8.html`  the page inside site chrome (navigation, breadcrumbs, footer), UTF-8
- `page_gbk.html`   the same page encoded GBK, declared `charset=gbk`
- `word.html`       Word-HTML: the DOCX saved by LibreOffice as `html:HTML (StarWriter)`
- `lo.docx`         DOCX written by LibreOffice (`soffice --headless --convert-to docx`)
- `lo.pdf`          PDF written by LibreOffice from that DOCX
- `cr_ruled.pdf`, `cr_plain.pdf`, `cr_narrow.pdf`  Chromium `--print-to-pdf` with ruled
  tables, borderless tables, and a narrow page whose tables break across pages
- `pdftotext_layout.txt`, `pdftotext_raw.txt`  poppler `pdftotext -layout` / without it (ruled PDF)
- `lo_layout.txt`   `pdftotext -layout` of the LibreOffice PDF
- `pdfminer.txt`, `pypdfium2.txt`  pdfminer.six and pypdfium2 text of the ruled PDF
- `innertext.txt`   Chromium's `document.body.innerText` (`--dump-dom` of the page with a script)
- `markdownify.md`, `html2text.md`, `markitdown.md`  the three HTML-to-markdown converters
- `crawler.txt`     a crawler export: 标题/发布时间/发布机构/来源/原文链接 lines, then the body on one line
- `pipe_cells.txt`  one cell per line ending ` |` (a column span adds a `|`), rows parted by a `|` line
- `pipe_rows.txt`   whole rows `label | v | v |`

Tools for the set (not project dependencies): chromium, LibreOffice (`libreoffice-writer-nogui`),
poppler-utils, fonts-noto-cjk (apt); pdfminer.six, pypdfium2, beautifulsoup4, markdownify,
html2text, markitdown (pip, in the venv only). The reports themselves are third-party text and
stay outside the repository.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

CHROME_HEAD = """<div class="top">设为首页 | 加入收藏 | 无障碍 | 长辈版</div>
<ul class="nav"><li>首页</li><li>政务公开</li><li>政务服务</li><li>互动交流</li><li>专题专栏</li></ul>
<div class="crumb">您当前的位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
"""
CHROME_FOOT = """<div class="foot">主办单位：人民政府办公室　网站标识码：0000000000<br>
版权所有　ICP备00000000号　<span>技术支持：信息中心</span></div>
"""
STYLES = {
    "ruled": "table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px 4px}",
    "plain": "table{border:none}td,th{border:none;padding:2px 6px}",
    "narrow": "@page{size:105mm 160mm;margin:6mm}body{font-size:9pt}"
              "table{border-collapse:collapse}td{border:1px solid #000;padding:1px}",
}
INNER_TEXT_JS = """<script>document.addEventListener('DOMContentLoaded',function(){
var t=document.body.innerText;document.body.textContent='';var p=document.createElement('pre');
p.id='innertext';p.textContent=t;document.body.appendChild(p);});</script>"""


def run(cmd: list[str], timeout: int = 180) -> None:
    subprocess.run(cmd, check=True, timeout=timeout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def article(html: str) -> tuple[str, str]:
    """The page's title and the inner HTML of its body."""
    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(strip=True) if soup.title else ""
    return title, "".join(str(c) for c in soup.body.contents)


def with_chrome(title: str, body: str, charset: str = "utf-8", style: str = "", script: str = "") -> str:
    return (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{title}_政府信息公开</title><style>{style}</style>{script}</head><body>"
            f'{CHROME_HEAD}<div class="main">{body}</div>{CHROME_FOOT}</body></html>')


def bare(title: str, body: str, style: str) -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{style}</style></head><body>{body}</body></html>")


def chromium(args: list[str], timeout: int = 120) -> str:
    out = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", *args],
                         check=True, timeout=timeout, capture_output=True, text=True)
    return out.stdout


def print_pdf(html_path: Path, pdf: Path) -> None:
    chromium([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", html_path.as_uri()])


def inner_text(html_path: Path) -> str:
    dom = chromium(["--dump-dom", html_path.as_uri()])
    pre = BeautifulSoup(dom, "html.parser").find(id="innertext")
    return pre.get_text() if pre else ""


def soffice(src: Path, fmt: str, outdir: Path, infilter: str | None = None) -> Path:
    cmd = ["soffice", "--headless", f"-env:UserInstallation=file://{outdir}/lo_profile"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    run([*cmd, "--convert-to", fmt, "--outdir", str(outdir), str(src)], timeout=240)
    ext = fmt.split(":")[0]
    return outdir / f"{src.stem}.{ext}"


def cell_text(td: Tag) -> str:
    return re.sub(r"\s+", " ", td.get_text(" ", strip=True))


def body_blocks(body_html: str):
    """The article's paragraphs (text) and tables (rows of (text, colspan)), in order."""
    soup = BeautifulSoup(body_html, "html.parser")
    for el in soup.find_all(["p", "h1", "h2", "table"]):
        if el.name == "table":
            rows = []
            for tr in el.find_all("tr"):
                rows.append([(cell_text(td), int(td.get("colspan", 1))) for td in tr.find_all(["td", "th"])])
            yield "table", rows
        elif not el.find_parent("table"):
            yield "p", el.get_text(strip=True)


def _pipe_text(body_html: str, row_lines) -> str:
    """The body's paragraphs as lines and each table row as the lines `row_lines` writes for it."""
    out = []
    for kind, item in body_blocks(body_html):
        if kind == "p":
            out.append(item)
        else:
            for row in item:
                out += row_lines(row)
    return "\n".join(out) + "\n"


def pipe_cells(body_html: str) -> str:
    """One cell per line ending ` |` (a column span adds a `|`), rows parted by a line holding only `|`."""
    return _pipe_text(body_html, lambda row: [f"{text} " + "|" * span for text, span in row if text] + ["|"])


def pipe_rows(body_html: str) -> str:
    """Whole rows `label | v | v |`."""
    return _pipe_text(body_html, lambda row: [" | ".join(text for text, _ in row) + " |"])


def run_together(body_html: str) -> str:
    """Every text node of the body joined with nothing between: what a crawler's text export keeps."""
    soup = BeautifulSoup(body_html, "html.parser")
    parts = [s.strip() for s in soup.find_all(string=True) if isinstance(s, NavigableString)]
    return "".join(p for p in parts if p)


def crawler(title: str, body_html: str, report: str) -> str:
    head = (f"标题: {title}\n发布时间: 2025-01-20 10:00:00\n发布机构: {title.split('20')[0] or '人民政府办公室'}\n"
            f"来源: 政府信息公开平台\n原文链接: https://www.example.gov.cn/xxgk/{report}.html\n\n")
    return head + run_together(body_html) + "\n"


def pdf_texts(pdf: Path, out: Path, report: str) -> None:
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    (out / f"{report}.pdftotext_layout.txt").write_text(layout.stdout, encoding="utf-8")
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    (out / f"{report}.pdftotext_raw.txt").write_text(raw.stdout, encoding="utf-8")
    from pdfminer.high_level import extract_text

    (out / f"{report}.pdfminer.txt").write_text(extract_text(str(pdf)), encoding="utf-8")
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    (out / f"{report}.pypdfium2.txt").write_text("\n".join(pages).replace("\r\n", "\n"), encoding="utf-8")


def markdowns(html: str, out: Path, report: str, html_path: Path) -> None:
    import html2text
    from markdownify import markdownify

    (out / f"{report}.markdownify.md").write_text(markdownify(html), encoding="utf-8")
    h = html2text.HTML2Text()
    h.body_width = 0
    (out / f"{report}.html2text.md").write_text(h.handle(html), encoding="utf-8")
    try:
        from markitdown import MarkItDown

        md = MarkItDown().convert(str(html_path)).text_content
        (out / f"{report}.markitdown.md").write_text(md, encoding="utf-8")
    except Exception as exc:  # markitdown is optional for the set
        print(f"{report}: markitdown skipped ({exc})", file=sys.stderr)


def make(src: Path, out: Path) -> None:
    report = src.stem
    title, body = article(src.read_text(encoding="utf-8"))
    page = with_chrome(title, body)
    (out / f"{report}.page_utf8.html").write_text(page, encoding="utf-8")
    (out / f"{report}.page_gbk.html").write_bytes(
        with_chrome(title, body, charset="gbk").encode("gbk", errors="xmlcharrefreplace"))
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        for style, css in STYLES.items():
            p = tmp / f"{report}_{style}.html"
            p.write_text(bare(title, body, css), encoding="utf-8")
            print_pdf(p, out / f"{report}.cr_{style}.pdf")
        it = tmp / f"{report}_it.html"
        it.write_text(with_chrome(title, body, script=INNER_TEXT_JS), encoding="utf-8")
        (out / f"{report}.innertext.txt").write_text(inner_text(it), encoding="utf-8")
        plain = tmp / f"{report}.html"
        plain.write_text(bare(title, body, STYLES["ruled"]), encoding="utf-8")
        docx = soffice(plain, "docx:MS Word 2007 XML", tmp, infilter="HTML (StarWriter)")
        shutil.copy(docx, out / f"{report}.lo.docx")
        pdf = soffice(docx, "pdf:writer_pdf_Export", tmp)
        shutil.copy(pdf, out / f"{report}.lo.pdf")
        word = soffice(docx, "html:HTML (StarWriter)", tmp)
        shutil.copy(word, out / f"{report}.word.html")
        layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
        (out / f"{report}.lo_layout.txt").write_text(layout.stdout, encoding="utf-8")
        markdowns(page, out, report, out / f"{report}.page_utf8.html")
    pdf_texts(out / f"{report}.cr_ruled.pdf", out, report)
    (out / f"{report}.crawler.txt").write_text(crawler(title, body, report), encoding="utf-8")
    (out / f"{report}.pipe_cells.txt").write_text(pipe_cells(body), encoding="utf-8")
    (out / f"{report}.pipe_rows.txt").write_text(pipe_rows(body), encoding="utf-8")


def main() -> None:
    src_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    for src in sorted(src_dir.glob("*.html")):
        make(src, out_dir)
        print(f"{src.stem}: done")


if __name__ == "__main__":
    main()
