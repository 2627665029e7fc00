"""Generate a synthetic corpus of annual reports in the formats real collections hold.

    python bench/make_corpus.py OUT_DIR --count 2000 [--seed 1] [--formats txt]

Report `i` depends only on (seed, i): the first 2,000 reports of a corpus of
20,000 are the corpus of 2,000, and one report can be rewritten alone (the
benchmark's re-index step does). Each report has

* an agency: a county, district or city of the gazetteer and a kind of
  agency; a year from 2019 to 2024 and that year's national template;
* prose written by a word-level Markov chain trained on the bundled samples'
  prose, holding the report's own places, years and figures and the names of
  townships (rare words, as real reports name their towns and projects).
  Sentences are new: none is repeated verbatim between reports
  (tests/test_bench.py checks), so a cache of segmented lines gains only on
  what real reports share, the headings and table labels;
* the national tables (built by tests/fixtures/reports.py, which also writes
  every format) with random figures that add up; their labels repeat in every
  report, as they do in real ones;
* a signature and a date.

The formats and their shares (`FORMATS`) follow how reports are published:
most as pages of the government portal (UTF-8 or GBK, some saved from Word),
the rest as PDF and Word attachments and as text exports of crawlers and
converters. Files go into folders of 1,000.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the format writers of the test fixtures

from fixtures import reports as fx  # noqa: E402

# format -> share of the corpus (percent)
FORMATS = {"html": 40, "html-gbk": 10, "word-html": 5, "pdf": 15, "docx": 15,
           "text-tab": 8, "text-cells": 4, "text-pipe": 3}
FAMILY = {"txt": ("text-tab", "text-cells", "text-pipe"), "html": ("html", "html-gbk", "word-html"),
          "pdf": ("pdf",), "docx": ("docx",)}
AGENCY_KINDS = ["卫生健康局", "教育局", "财政局", "民政局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局",
                "农业农村局", "水利局", "商务局", "文化和旅游局", "市场监督管理局", "人民政府", "统计局", "医疗保障局",
                "司法局", "公安局", "人力资源和社会保障局", "应急管理局"]
SECTION_ONE = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]
PLACE, NUMBER, YEAR = "＠", "＃", "〇"  # placeholders in the training text
START, END = "\x02", "\x03"
GENERATOR_VERSION = 1  # bump when the output for a given (seed, i) changes


# ------------------------------------------------------------------ vocabulary


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(counties, districts and cities; townships), names that GBK can encode."""
    from indexer import gazetteer

    def gbk(name: str) -> bool:
        try:
            name.encode("gbk")
            return True
        except UnicodeEncodeError:
            return False

    names = [n for n in gazetteer.place_names() if gbk(n)]
    seats = tuple(n for n in names if n.endswith(("县", "区", "市")) and len(n) >= 3)
    towns = tuple(n for n in names if n.endswith(("镇", "乡", "街道")))
    return seats, towns


@dataclass(frozen=True)
class Chain:
    """An order-2 word Markov chain: (word, word) -> the words seen after them."""

    following: dict[tuple[str, str], tuple[str, ...]]
    sentences: frozenset[str]  # the training sentences, which the generator does not reproduce


def _training_sentences() -> list[str]:
    from indexer import gazetteer

    out = []
    for path in sorted((ROOT / "corpus" / "samples").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().replace("\u3000", "")
            if "\t" in line or len(line) < 30:
                continue  # table cells, headings
            for mention in sorted(gazetteer.places_in(line), key=lambda m: -m.start):
                line = line[:mention.start] + PLACE + line[mention.end:]
            line = re.sub(r"(?:19|20)\d\d(?=年)", YEAR, line)
            line = re.sub(r"\d+(?:\.\d+)?", NUMBER, line)
            out += [s for s in re.findall(r"[^。！？；]+[。！？；]?", line) if len(s) >= 8]
    return out


@lru_cache(maxsize=1)
def chain() -> Chain:
    import jieba

    jieba.setLogLevel(60)
    following: dict[tuple[str, str], list[str]] = {}
    sentences = _training_sentences()
    for sentence in sentences:
        words = [START, START, *jieba.lcut(sentence, HMM=False), END]
        for a, b, c in zip(words, words[1:], words[2:]):
            following.setdefault((a, b), []).append(c)
    return Chain({k: tuple(v) for k, v in following.items()}, frozenset(sentences))


# ------------------------------------------------------------------ one report


@dataclass(frozen=True)
class Spec:
    """What report i is about."""

    index: int
    place: str
    agency: str
    year: int
    template: str
    fmt: str


def spec_of(i: int, seed: int = 1, formats: dict[str, int] | None = None) -> Spec:
    rng = random.Random(f"{seed}:{i}:spec")
    seats, _ = _places()
    place = rng.choice(seats)
    year = rng.randint(2019, 2024)
    mix = formats or FORMATS
    fmt = rng.choices(list(mix), weights=list(mix.values()))[0]
    return Spec(i, place, place + rng.choice(AGENCY_KINDS), year, "2019" if year < 2021 else "2021", fmt)


class _Writer:
    """Prose for one report."""

    def __init__(self, spec: Spec, rng: random.Random):
        self.spec = spec
        self.rng = rng
        self.chain = chain()
        self.towns = _places()[1]

    def _fill(self, text: str) -> str:
        rng, spec = self.rng, self.spec
        text = text.replace(PLACE, "\0P")
        text = re.sub(YEAR, lambda m: str(spec.year - rng.choice((0, 0, 0, 1))), text)
        text = re.sub(NUMBER, lambda m: str(int(rng.lognormvariate(3, 1.5)) % 100000), text)
        return re.sub("\0P", lambda m: spec.place if rng.random() < 0.4 else rng.choice(self.towns), text)

    def sentence(self) -> str:
        rng = self.rng
        for _ in range(20):
            words, state = [], (START, START)
            while len(words) < 60:
                word = rng.choice(self.chain.following[state])
                if word == END:
                    break
                words.append(word)
                state = (state[1], word)
            raw = "".join(words)
            if len(raw) >= 8 and raw not in self.chain.sentences:
                break
        if len(raw) < 30 or not re.search(f"[{PLACE}{NUMBER}]", raw):
            # a short or general sentence gets what real ones lead with: a date, a place, a count
            lead = rng.choice((f"{YEAR}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{PLACE}",
                               f"在{PLACE}{rng.choice(('', '等地', '和' + PLACE))}，", f"全年共开展{NUMBER}次活动，",
                               f"截至{YEAR}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日，", f"{PLACE}"))
            raw = lead + raw
        if raw[-1] not in "。！？；":
            raw += "。"
        return self._fill(raw)

    def paragraph(self, chars: int) -> str:
        out = ""
        while len(out) < chars:
            out += self.sentence()
        return out


def _figures(rng: random.Random, template: str) -> dict[str, list[str]]:
    """依申请公开 figures that balance (new + carried over = outcomes + carried forward, per column)."""
    outcomes = ["granted", "partial"] + [f"denied.{k}" for k in fx.DENIED_KEYS] + \
        [f"unavailable.{k}" for k in fx.UNAVAILABLE_KEYS] + [f"not_processed.{k}" for k in fx.NOT_PROCESSED_KEYS] + \
        (["other.total"] if template == "2019" else [f"other.{k}" for k in fx.OTHER_2021_KEYS])
    columns: list[dict[str, int]] = []
    for _ in range(6):
        col = dict.fromkeys(outcomes + ["new", "carried_over", "total", "carried_forward"], 0)
        col["new"] = int(rng.lognormvariate(1, 1.3)) if rng.random() < 0.8 else 0
        col["carried_over"] = rng.choice((0, 0, 0, 1))
        forward = rng.randint(0, min(2, col["new"] + col["carried_over"]))
        col["carried_forward"] = forward
        done = col["new"] + col["carried_over"] - forward
        for _ in range(done):
            col[rng.choices(outcomes[:6], weights=(8, 2, 1, 1, 1, 1))[0]] += 1
        col["total"] = done
        columns.append(col)
    keys = list(columns[0])
    return {k: [str(c[k]) for c in columns] + [str(sum(c[k] for c in columns))] for k in keys}


def _appeals(rng: random.Random) -> dict[str, list[str]]:
    out = {}
    for group in ("review", "litigation.direct", "litigation.after_review"):
        leaves = [rng.choice((0, 0, 0, 1, 2)) for _ in range(4)]
        out[group] = [str(v) for v in leaves] + [str(sum(leaves))]
    return out


def _random_figures(grid: fx.Grid, rng: random.Random) -> fx.Grid:
    return [[fx.Cell(str(int(rng.lognormvariate(2, 1.5))), c.rowspan, c.colspan)
             if c.text.strip().isdigit() else c for c in row] for row in grid]


def report_of(spec: Spec, seed: int = 1, variant: int = 0) -> fx.Report:
    """The blocks of report `spec` (a `variant` > 0 is the same report edited)."""
    rng = random.Random(f"{seed}:{spec.index}:{variant}:text")
    w = _Writer(spec, rng)
    prose = min(25000, max(800, int(rng.lognormvariate(math.log(3800), 0.55))))

    def paragraphs(share: float) -> list[str]:
        total = int(prose * share)
        out = []
        while total > 0:
            n = min(total, int(rng.uniform(120, 700)))
            out.append(w.paragraph(n))
            total -= n
        return out

    expected: dict = {}
    blocks: list = [spec.agency, f"{spec.year}年政府信息公开工作年度报告",
                    w.paragraph(rng.randint(60, 200)), "一、总体情况"]
    for head in SECTION_ONE[:rng.randint(3, 5)]:
        blocks += [head, *paragraphs(0.7 / 5)]
    blocks += ["二、主动公开政府信息情况", _random_figures(fx.active_table(spec.template, expected), rng),
               "三、收到和处理政府信息公开申请情况", fx.apply_table(spec.template, expected, _figures(rng, spec.template)),
               "四、政府信息公开行政复议、行政诉讼情况", fx.appeals_table(expected, _appeals(rng)),
               "五、存在的主要问题及改进情况", *paragraphs(0.2),
               "六、其他需要报告的事项",
               rng.choice(("本年度未收取信息处理费。", f"本年度共收取信息处理费{rng.randint(1, 900)}元。",
                           "本机关未收取信息处理费。")) + w.paragraph(rng.randint(60, 300)),
               spec.agency, f"{spec.year + 1}年{rng.choice((1, 1, 1, 2, 3))}月{rng.randint(1, 28)}日"]
    return fx.Report(blocks, {}, spec.template)


# ------------------------------------------------------------------ files


def _portal_page(report: fx.Report, spec: Spec, charset: str, rng: random.Random) -> bytes:
    """The fixture's HTML inside the chrome of a government portal page."""
    html = fx.to_html(report, charset).decode(charset)
    site = spec.place + "人民政府"
    nav = "".join(f'<li><a href="/col/{k}/">{t}</a></li>' for k, t in enumerate(
        ("首页", "政务公开", "政府信息公开", "政务服务", "互动交流", "走进" + spec.place, "专题专栏", "数据发布")))
    related = "".join(f'<li><a href="/art/{spec.year}/{rng.randint(1, 9999)}.html">{spec.place}{t}</a></li>'
                      for t in ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"))
    header = (f'<div class="top"><a href="/">{site}</a><form action="/search"><input name="q"></form></div>'
              f'<ul class="nav">{nav}</ul><div class="crumb">当前位置：<a href="/">首页</a> &gt; '
              f'<a href="/xxgk/">政府信息公开</a> &gt; 年度报告</div>'
              f'<div class="meta">发布时间：{spec.year + 1}-0{rng.randint(1, 3)}-{rng.randint(10, 28)} '
              f'来源：{spec.agency} 浏览次数：{rng.randint(10, 5000)}</div>')
    footer = (f'<div class="related"><h3>相关链接</h3><ul>{related}</ul></div>'
              f'<div class="footer">主办单位：{site}办公室 网站标识码：{rng.randint(10**9, 10**10 - 1)} '
              f'ICP备{rng.randint(10**7, 10**8 - 1)}号 联系我们 网站地图</div>')
    html = re.sub(r'<div class="header">.*?</div>', lambda m: header, html, count=1, flags=re.S)
    html = re.sub(r'<div class="footer">.*?</div>', lambda m: footer, html, count=1, flags=re.S)
    return html.encode(charset, "replace")


_DOCX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>',
}


def _docx(report: fx.Report, path: Path) -> Path:
    """WordprocessingML as Word writes it (merged cells as gridSpan and vMerge), written directly:
    python-docx looks every cell up from the start of the table, minutes for a corpus."""
    import zipfile
    from xml.sax.saxutils import escape

    def para(text: str) -> str:
        return f'<w:p><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    body = []
    for block in report.blocks:
        if isinstance(block, str):
            body.append(para(block))
            continue
        grid = fx.expand(block)
        starts = {(r, c): cell for r, c, cell in fx.origins(block)}
        covered: dict[tuple[int, int], tuple[int, int]] = {}
        for (r, c), cell in starts.items():
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    covered[(r + dr, c + dc)] = (r, c)
        rows = []
        for r in range(len(grid)):
            tcs, c = [], 0
            while c < len(grid[0]):
                r0, c0 = covered.get((r, c), (r, c))
                cell = starts.get((r0, c0), fx.Cell(""))
                span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
                merge = "" if cell.rowspan == 1 else ('<w:vMerge w:val="restart"/>' if r == r0 else "<w:vMerge/>")
                text = cell.text if r == r0 else ""
                tcs.append(f"<w:tc><w:tcPr>{span}{merge}</w:tcPr>{para(text)}</w:tc>")
                c += max(1, cell.colspan)
            rows.append("<w:tr>" + "".join(tcs) + "</w:tr>")
        body.append('<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr>'
                    + "".join(rows) + "</w:tbl>")
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(body) + "</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in [*_DOCX_PARTS.items(), ("word/document.xml", document)]:
            zf.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), xml, zipfile.ZIP_DEFLATED)
    return path


def write_report(out: Path, i: int, seed: int = 1, variant: int = 0, formats: dict[str, int] | None = None) -> Path:
    """Write report `i` under `out`; returns its path (the same path for every variant)."""
    from reportlab import rl_config

    rl_config.invariant = 1  # PDFs without creation dates and random ids: the same bytes every time
    spec = spec_of(i, seed, formats)
    report = report_of(spec, seed, variant)
    folder = out / f"{i // 1000:03d}"
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"r{i:06d}"
    rng = random.Random(f"{seed}:{i}:{variant}:page")
    if spec.fmt in ("html", "html-gbk"):
        path = stem.with_suffix(".html" if spec.fmt == "html" else ".htm")
        path.write_bytes(_portal_page(report, spec, "utf-8" if spec.fmt == "html" else "gbk", rng))
        return path
    if spec.fmt == "docx":
        return _docx(report, stem.with_suffix(".docx"))
    return fx.write(report, spec.fmt, stem)


def parse_formats(text: str) -> dict[str, int]:
    """"txt" or "pdf,html" (families, shares kept) or "html=60,pdf=40" (formats or families with shares)."""
    mix: dict[str, int] = {}
    for part in text.split(","):
        name, _, share = part.partition("=")
        members = FAMILY.get(name.strip(), (name.strip(),))
        for m in members:
            if m not in FORMATS:
                raise ValueError(f"unknown format {m!r}; known: {', '.join(FAMILY)} or {', '.join(FORMATS)}")
            mix[m] = int(share) // len(members) if share else FORMATS[m]
    return mix


def generate(out: Path, count: int, seed: int = 1, formats: dict[str, int] | None = None,
             workers: int = 1, start: int = 0) -> None:
    """Write reports `start` .. `count - 1` into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    if workers > 1 and count - start > 100:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_write_range, [(out, k, min(k + 200, count), seed, formats)
                                         for k in range(start, count, 200)]))
        return
    _write_range((out, start, count, seed, formats))


def _write_range(args) -> None:
    out, first, last, seed, formats = args
    for i in range(first, last):
        write_report(out, i, seed, formats=formats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", type=parse_formats, default=None,
                        help="formats and shares, e.g. txt, or html=60,pdf=40 (default: the mix of FORMATS)")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed, args.formats, args.workers)


if __name__ == "__main__":
    main()
