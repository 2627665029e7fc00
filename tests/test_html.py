"""The HTML reader: article detection, tables, encodings, Word exports, hostile pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from indexer.blocks import Paragraph, Table
from indexer.readers import ReadError, read_document
from indexer.readers.html import is_chrome, sniff_charset

from fixtures.apply_table import CARRIED_OVER, GRANTED, HEADER, NEW, denied, partial

TITLE = "招远市卫生健康局2023年政府信息公开工作年度报告"

APPLY_TABLE = """<table border="1" cellspacing="0">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>4</td></tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>2</td></tr>
<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>（三）不予公开</td><td>1.属于<br>国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>"""

APPLY_GRID = HEADER + [NEW, CARRIED_OVER, GRANTED, partial(), denied("1.属于国家秘密")]

ARTICLE = f"""
<p>本报告根据《中华人民共和国政府信息公开条例》要求，由招远市卫生健康局编制。全文包括总体情况、主动公开政府信息情况等内容。</p>
<p><strong>一、总体情况</strong></p>
<p>2023年，招远市卫生健康局认真贯彻落实政府信息公开工作要求，主动公开政府信息<span>185</span>条，未收取信息处理费。</p>
<p>二、主动公开政府信息情况</p>
<table border="1">
 <tr><td colspan="4">第二十条第（一）项</td></tr>
 <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
 <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
 <tr><td>行政规范性文件</td><td>2</td><td>1</td><td>5</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
{APPLY_TABLE}
<p>四、存在的主要问题及改进情况</p>
<p>一是公开内容不够全面；<br>二是公开形式还需丰富。</p>
"""

GOV_PAGE = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{TITLE}_招远市人民政府</title>
<meta name="ArticleTitle" content="{TITLE}">
<meta name="PubDate" content="2024-01-18 09:30">
<meta name="ContentSource" content="招远市卫生健康局">
<style>.nav {{ color: red }}</style>
<script>var hot = "烟台市2022年政府信息公开工作年度报告";</script>
</head>
<body>
<div class="top"><div class="logo">招远市人民政府门户网站</div>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zmhd">政民互动</a></li><li><a href="/bsfw">办事服务</a></li></ul>
<form action="/search"><input name="q" value="请输入关键字"><button>搜索</button></form></div>
<div class="main">
 <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/ndbg">政府信息公开年报</a></div>
 <div class="left">
  <h3>年报列表</h3>
  <ul>
   <li><a href="/a/2019.html">招远市卫生健康局2019年政府信息公开工作年度报告</a></li>
   <li><a href="/a/2021.html">招远市卫生健康局2021年政府信息公开工作年度报告</a></li>
   <li><a href="/a/2022.html">招远市卫生健康局2022年政府信息公开工作年度报告</a></li>
  </ul>
 </div>
 <div class="right">
  <h1 class="article-title">{TITLE}</h1>
  <div class="info">发布时间：2024-01-18 来源：招远市卫生健康局 浏览次数：321 字体：【<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
  <div class="TRS_Editor" id="zoom">{ARTICLE}</div>
  <div class="sign" style="text-align:right"><p>招远市卫生健康局</p><p>2024年1月18日</p></div>
  <div class="tools"><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a> 分享到：<a href="#">微信</a></div>
  <div class="prevnext">上一篇：<a href="/a/2022.html">招远市卫生健康局2022年政府信息公开工作年度报告</a></div>
 </div>
</div>
<div class="footer">
 <p><a href="/sitemap">网站地图</a> | <a href="/contact">联系我们</a></p>
 <p>主办单位：招远市人民政府办公室 版权所有：招远市人民政府</p>
 <p>网站标识码：3706850001 鲁ICP备05012345号 鲁公网安备 37068502000123号</p>
</div>
</body></html>"""

CHROME_TEXTS = [
    "首页", "政务公开", "政民互动", "办事服务", "请输入关键字", "搜索", "当前位置", "年报列表",
    "2019年", "2021年", "2022年", "发布时间", "浏览次数", "字体", "打印", "关闭", "分享", "微信",
    "上一篇", "网站地图", "联系我们", "主办单位", "版权所有", "网站标识码", "ICP", "公网安备",
    "门户网站", "var hot", "color",
]


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


def all_text(doc) -> str:
    parts = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            parts.append(b.text)
        else:
            parts.extend(c for row in b.rows for c in row)
    return "\n".join(parts)


def tables(doc) -> list[list[list[str]]]:
    return [[list(r) for r in t.rows] for t in doc.tables()]


# ------------------------------------------------------------ a real-looking page


def test_government_page_keeps_article_and_drops_chrome(tmp_path):
    doc = read_document(write(tmp_path, "report.html", GOV_PAGE, "gbk"))
    assert doc.format == "html"
    assert doc.encoding == "gb18030"
    assert doc.blocks[0] == Paragraph(TITLE)
    text = all_text(doc)
    for chrome in CHROME_TEXTS:
        assert chrome not in text, chrome
    assert text.count(TITLE) == 1
    assert doc.paragraphs() == [
        TITLE,
        "本报告根据《中华人民共和国政府信息公开条例》要求，由招远市卫生健康局编制。全文包括总体情况、主动公开政府信息情况等内容。",
        "一、总体情况",
        "2023年，招远市卫生健康局认真贯彻落实政府信息公开工作要求，主动公开政府信息185条，未收取信息处理费。",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、存在的主要问题及改进情况",
        "一是公开内容不够全面；",
        "二是公开形式还需丰富。",
        "招远市卫生健康局",
        "2024年1月18日",
    ]


def test_blocks_keep_document_order(tmp_path):
    doc = read_document(write(tmp_path, "report.html", GOV_PAGE, "gbk"))
    kinds = [("T" if isinstance(b, Table) else b.text[:2]) for b in doc.blocks]
    assert kinds == ["招远", "本报", "一、", "20", "二、", "T", "三、", "T", "四、", "一是", "二是", "招远", "20"]


def test_page_metadata(tmp_path):
    doc = read_document(write(tmp_path, "report.html", GOV_PAGE, "gbk"))
    assert doc.meta["page_title"] == f"{TITLE}_招远市人民政府"
    assert doc.meta["article_title"] == TITLE
    assert doc.meta["title"] == TITLE
    assert doc.meta["published"] == "2024-01-18"
    assert doc.meta["source"] == "招远市卫生健康局"


def test_published_from_info_line_without_meta_tags(tmp_path):
    page = GOV_PAGE.replace('<meta name="PubDate" content="2024-01-18 09:30">', "").replace(
        "发布时间：2024-01-18", "发布日期：2024年01月20日"
    )
    doc = read_document(write(tmp_path, "report.html", page, "gbk"))
    assert doc.meta["published"] == "2024-01-20"
    assert "发布日期" not in all_text(doc)


def test_title_from_title_class_without_meta(tmp_path):
    page = GOV_PAGE.replace(f'<meta name="ArticleTitle" content="{TITLE}">', "").replace(
        f"<title>{TITLE}_招远市人民政府</title>", "<title>招远市人民政府</title>"
    ).replace('<h1 class="article-title">', '<div class="article_tit">').replace("</h1>", "</div>")
    doc = read_document(write(tmp_path, "report.html", page, "gbk"))
    assert doc.blocks[0] == Paragraph(TITLE)
    assert "2022年" not in all_text(doc)


def test_title_repeated_inside_body_is_kept_once(tmp_path):
    page = GOV_PAGE.replace('<div class="TRS_Editor" id="zoom">', f'<div class="TRS_Editor" id="zoom"><p align="center">{TITLE}</p>')
    doc = read_document(write(tmp_path, "report.html", page, "gbk"))
    assert doc.blocks[0] == Paragraph(TITLE)
    assert doc.paragraphs().count(TITLE) == 1


# ------------------------------------------------------------ tables


def test_apply_table_merged_cells_expand(tmp_path):
    doc = read_document(write(tmp_path, "report.html", GOV_PAGE, "gbk"))
    grids = tables(doc)
    assert len(grids) == 2
    assert grids[0] == [
        ["第二十条第（一）项"] * 4,
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "2", "1", "5"],
    ]
    assert grids[1] == APPLY_GRID


def test_br_in_cell_becomes_space_and_empty_rows_dropped(tmp_path):
    page = """<html><body><p>二、主动公开政府信息情况，如下表。</p><table>
    <tr><td>信息内容</td><td>Item<br>A</td></tr>
    <tr><td></td><td>&nbsp;</td></tr>
    <tr><td>规章</td><td>3</td></tr></table></body></html>"""
    doc = read_document(write(tmp_path, "t.html", page))
    assert tables(doc) == [[["信息内容", "Item A"], ["规章", "3"]]]


def test_layout_table_is_not_a_data_table(tmp_path):
    page = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
    <table width="1000"><tr><td colspan="2"><a href="/">首页</a> | <a href="/x">机构设置</a> | <a href="/y">政务公开</a></td></tr>
    <tr><td width="200"><a href="/r19">招远市卫生健康局2019年政府信息公开工作年度报告</a><br>
        <a href="/r21">招远市卫生健康局2021年政府信息公开工作年度报告</a><br>
        <a href="/r22">招远市卫生健康局2022年政府信息公开工作年度报告</a></td>
    <td width="800"><table><tr><td class="title">{TITLE}</td></tr></table>{ARTICLE}</td></tr>
    <tr><td colspan="2">版权所有：招远市人民政府 鲁ICP备05012345号</td></tr></table></body></html>"""
    doc = read_document(write(tmp_path, "layout.html", page))
    grids = tables(doc)
    assert len(grids) == 2 and grids[1] == APPLY_GRID
    assert doc.blocks[0] == Paragraph(TITLE)
    text = all_text(doc)
    for chrome in ("首页", "机构设置", "2019年", "2021年", "2022年", "版权所有", "ICP"):
        assert chrome not in text


def test_metadata_box_is_not_content(tmp_path):
    page = f"""<html><head><meta charset="utf-8"></head><body>
    <div class="xxgk"><table>
      <tr><td>索引号：</td><td>11370685MB28550123/2024-00012</td><td>主题分类：</td><td>其他</td></tr>
      <tr><td>发布机构：</td><td>招远市卫生健康局</td><td>生成日期：</td><td>2024-01-19</td></tr>
      <tr><td>名称：</td><td>{TITLE}</td><td>文号：</td><td></td></tr></table></div>
    <div class="content"><h2>{TITLE}</h2>{ARTICLE}</div></body></html>"""
    doc = read_document(write(tmp_path, "box.html", page))
    text = all_text(doc)
    assert "索引号" not in text and "11370685" not in text and "主题分类" not in text
    assert doc.blocks[0] == Paragraph(TITLE)
    assert doc.meta["publisher"] == "招远市卫生健康局"
    assert doc.meta["published"] == "2024-01-19"


# ------------------------------------------------------------ encodings


def test_gbk_declared_gb2312(tmp_path):
    page = "<html><head><meta charset=gb2312></head><body><p>二〇二三年政府信息公开工作年度报告，正文内容。</p></body></html>"
    doc = read_document(write(tmp_path, "a.html", page, "gbk"))
    assert doc.paragraphs() == ["二〇二三年政府信息公开工作年度报告，正文内容。"]
    assert doc.encoding == "gb18030"


def test_gbk_without_declaration(tmp_path):
    page = "<html><body><p>信息处理费为零，全年未收取。</p><p>公开政府信息185条。</p></body></html>"
    doc = read_document(write(tmp_path, "b.htm", page, "gbk"))
    assert doc.paragraphs() == ["信息处理费为零，全年未收取。", "公开政府信息185条。"]


def test_utf8_declared_as_gbk(tmp_path):
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body><p>依申请公开，办理结果如下。</p></body></html>'
    doc = read_document(write(tmp_path, "c.shtml", page, "utf-8"))
    assert doc.paragraphs() == ["依申请公开，办理结果如下。"]
    assert doc.encoding == "utf-8"


def test_gbk_declared_as_utf8(tmp_path):
    page = '<html><head><meta charset="utf-8"></head><body><p>行政复议和行政诉讼情况。</p></body></html>'
    doc = read_document(write(tmp_path, "d.html", page, "gbk"))
    assert doc.paragraphs() == ["行政复议和行政诉讼情况。"]


def test_utf8_with_bom_and_xml_declaration(tmp_path):
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>存在的主要问题及改进情况。</p></body></html>'
    doc = read_document(write(tmp_path, "e.html", b"\xef\xbb\xbf" + page.encode("utf-8")))
    assert doc.paragraphs() == ["存在的主要问题及改进情况。"]


def test_sniff_charset():
    assert sniff_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">') == "gb2312"
    assert sniff_charset(b"<meta charset='UTF-8'>") == "UTF-8"
    assert sniff_charset(b"<html><body>") is None


# ------------------------------------------------------------ Word export

WORD_PAGE = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=Generator content="Microsoft Word 15">
<title>Microsoft Word - 年报.docx</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>admin</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt'>某某县财政局<o:p></o:p></span></b></p>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt'>2022年政府信息公开工作年度报告<o:p></o:p></span></b></p>
<p class=MsoNormal><a name="_Toc1"><span style='font-family:黑体'>一、总体情况</span></a><o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>主动公开方面，本年度共主动公开政府信息<span
lang=EN-US>267</span>条，</span><span>其中规范性文件<span lang=EN-US>3</span>件。<o:p></o:p></span></p>
<p class=MsoNormal><span style='display:none;mso-hide:all'>隐藏的修订文字<o:p></o:p></span></p>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
 <tr style='mso-yfti-irow:0'><td width=100 rowspan=2><p class=MsoNormal align=center><span>行政复议<o:p></o:p></span></p></td>
 <td colspan=2><p class=MsoNormal><span>行政诉讼<o:p></o:p></span></p></td></tr>
 <tr><td><p class=MsoNormal>未经复议<o:p></o:p></p><p class=MsoNormal>直接起诉</p></td><td><p class=MsoNormal>复议后起诉</p></td></tr>
 <tr><td><p class=MsoNormal>0<o:p></o:p></p></td><td><p class=MsoNormal>1</p></td><td><p class=MsoNormal>2</p></td></tr>
 <![if !supportMisalignedColumns]><tr height=0><td width=100 style='border:none'></td><td width=80 style='border:none'></td>
 <td width=80 style='border:none'></td></tr><![endif]>
</table>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal align=right style='text-align:right'><span>某某县财政局<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal align=right style='text-align:right'><span lang=EN-US>2023</span><span>年<span lang=EN-US>1</span>月<span lang=EN-US>20</span>日</span></p>
</div></body></html>"""


def test_word_exported_html(tmp_path):
    doc = read_document(write(tmp_path, "word.htm", WORD_PAGE, "gbk"))
    assert doc.paragraphs() == [
        "某某县财政局",
        "2022年政府信息公开工作年度报告",
        "一、总体情况",
        "1.主动公开方面，本年度共主动公开政府信息267条，其中规范性文件3件。",
        "某某县财政局",
        "2023年1月20日",
    ]
    assert tables(doc) == [
        [["行政复议", "行政诉讼", "行政诉讼"], ["行政复议", "未经复议直接起诉", "复议后起诉"], ["0", "1", "2"]]
    ]
    assert doc.meta["title"] == "年报"
    assert "admin" not in all_text(doc)


# ------------------------------------------------------------ plain structure


def test_block_elements_become_paragraphs_in_order(tmp_path):
    page = """<html><body><div class="article">
    <h2>某某区2023年政府信息公开工作年度报告</h2>
    <div>直接写在div里的文字，也是一段。<p>嵌套的段落，第二段。</p>div的尾部文字，第三段。</div>
    <ul><li>第一项，列表内容。</li><li>第二项，列表内容。</li></ul>
    <p>第一行，换行分开。<br/>第二行，换行分开。<br><br>第三行，换行分开。</p>
    </div></body></html>"""
    doc = read_document(write(tmp_path, "order.html", page))
    assert doc.paragraphs() == [
        "某某区2023年政府信息公开工作年度报告",
        "直接写在div里的文字，也是一段。",
        "嵌套的段落，第二段。",
        "div的尾部文字，第三段。",
        "第一项，列表内容。",
        "第二项，列表内容。",
        "第一行，换行分开。",
        "第二行，换行分开。",
        "第三行，换行分开。",
    ]


def test_text_saved_as_html_is_read_as_text(tmp_path):
    doc = read_document(write(tmp_path, "plain.html", "某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n", "gbk"))
    assert doc.paragraphs() == ["某某局2023年政府信息公开工作年度报告", "一、总体情况"]


@pytest.mark.parametrize(
    "line",
    ["当前位置：首页 > 政务公开", "字体：大中小", "【打印】【关闭】", "发布时间：2024-01-18 来源：某局", "鲁ICP备05012345号", "上一篇：某局2022年报告"],
)
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", ["一、总体情况", "（二）公开方式多样化", "2023年，我局主动公开政府信息185条。"])
def test_report_lines_are_not_chrome(line):
    assert not is_chrome(line)


# ------------------------------------------------------------ hostile input


def test_huge_spans_are_capped(tmp_path):
    page = """<html><body><p>二、主动公开情况，见下表。</p><table>
    <tr><td rowspan="100000" colspan="99999">标题</td><td>一</td></tr>
    <tr><td>二</td></tr></table></body></html>"""
    doc = read_document(write(tmp_path, "span.html", page))
    grid = tables(doc)[0]
    assert len(grid) == 2
    assert len(grid[0]) <= 200
    assert grid[0][-1] == "一" and grid[1][-1] == "二"


def test_deeply_nested_tags(tmp_path):
    page = "<html><body><p>开头的段落，内容。</p>" + "<div>" * 20000 + "深处的正文，内容。" + "</div>" * 20000 + "<p>之后的段落，内容。</p></body></html>"
    doc = read_document(write(tmp_path, "deep.html", page))
    assert doc.paragraphs() == ["开头的段落，内容。", "深处的正文，内容。", "之后的段落，内容。"]


def test_random_bytes_named_html(tmp_path):
    data = bytes((i * 7919 + 13) % 256 for i in range(20000)) + os.urandom(2000)
    with pytest.raises(ReadError, match="binary|neither UTF-8"):
        read_document(write(tmp_path, "junk.html", data))


def test_page_without_chinese(tmp_path):
    with pytest.raises(ReadError, match="no Chinese text"):
        read_document(write(tmp_path, "en.html", "<html><body><p>Page not found</p></body></html>"))


def test_title_info_and_related_list_inside_one_container(tmp_path):
    page = f"""<html><head><meta charset="utf-8"><title>年报</title></head><body>
    <div class="nav"><a href="/">首页</a><a href="/g">政务公开</a></div>
    <div class="article">
      <h1>{TITLE}</h1>
      <p class="info">发布日期：2024-01-18　信息来源：招远市卫生健康局　【字体：大 中 小】</p>
      {ARTICLE}
      <h4>相关文章</h4>
      <ul><li><a href="/r22">招远市卫生健康局2022年政府信息公开工作年度报告</a> 2023-01-16</li>
          <li><a href="/r21">招远市卫生健康局2021年政府信息公开工作年度报告</a> 2022-01-20</li></ul>
    </div>
    <div class="foot">版权所有：招远市人民政府 网站标识码3706850001</div></body></html>"""
    doc = read_document(write(tmp_path, "one.html", page))
    assert doc.blocks[0] == Paragraph(TITLE)
    text = all_text(doc)
    for chrome in ("首页", "发布日期", "信息来源", "字体", "相关文章", "2022年", "2021年", "2023-01-16", "版权所有"):
        assert chrome not in text, chrome
    assert doc.meta["published"] == "2024-01-18"
    assert tables(doc)[1] == APPLY_GRID


def test_page_with_only_links_is_refused(tmp_path):
    page = """<html><head><meta charset="utf-8"></head><body>
    <div class="nav"><a href="/">首页</a> <a href="/g">政务公开</a></div>
    <div class="main"><h1>某某局2023年政府信息公开工作年度报告</h1>
    <p>附件：<a href="/f/report.pdf">某某局2023年政府信息公开工作年度报告.pdf</a></p></div>
    <div class="foot">版权所有：某某市人民政府 ICP备12345号</div></body></html>"""
    with pytest.raises(ReadError, match="no article text"):
        read_document(write(tmp_path, "links.html", page))


@pytest.mark.parametrize(
    "text,iso",
    [("2024-01-18 09:30", "2024-01-18"), ("2024/1/8", "2024-01-08"), ("2024年1月18日", "2024-01-18"),
     ("20240118", "2024-01-18"), ("2024-13-01", None), ("无", None)],
)
def test_iso_date(text, iso):
    from indexer.readers.meta import iso_date

    assert iso_date(text) == iso


def test_sidebar_of_plain_text_report_titles_is_left_out(tmp_path):
    page = f"""<html><head><meta charset="gbk"></head><body><div class="main">
    <div class="left"><h3>年度报告</h3><ul>
      <li>招远市卫生健康局2019年政府信息公开工作年度报告</li>
      <li>招远市卫生健康局2021年政府信息公开工作年度报告</li></ul></div>
    <div class="right"><h1>{TITLE}</h1><div class="con">{ARTICLE}</div></div>
    </div></body></html>"""
    doc = read_document(write(tmp_path, "plain_sidebar.html", page, "gbk"))
    assert doc.blocks[0] == Paragraph(TITLE)
    text = all_text(doc)
    assert "2019年" not in text and "2021年" not in text
    assert "年度报告" not in doc.paragraphs()


def test_metadata_list_gives_publisher_and_date(tmp_path):
    page = f"""<html><head><meta charset="gbk"></head><body>
    <div class="box"><ul><li><span>索引号：</span>1137/2024-001</li><li><span>发布机构：</span>招远市卫生健康局</li>
    <li><span>发文日期：</span>2024-01-17</li><li><span>主题分类：</span>其他</li></ul></div>
    <div class="art"><h1>{TITLE}</h1>{ARTICLE}</div></body></html>"""
    doc = read_document(write(tmp_path, "meta_list.html", page, "gbk"))
    assert doc.meta["publisher"] == "招远市卫生健康局"
    assert doc.meta["published"] == "2024-01-17"
    assert doc.blocks[0] == Paragraph(TITLE)
    assert "索引号" not in all_text(doc)


def test_pdf_named_html(tmp_path):
    data = b"%PDF-1.3\n%\xc2\xb5\xc2\xb6 ReportLab Generated PDF document\n1 0 obj\n<< /F1 2 0 R >>\nendobj\n" * 10
    with pytest.raises(ReadError, match="PDF document"):
        read_document(write(tmp_path, "report.html", data))


def test_breadcrumb_ending_in_the_title_is_not_the_heading(tmp_path):
    page = f"""<html><head><meta charset="utf-8"><title>政务公开</title></head><body>
    <div class="crumbs"><a href="/">首页</a> &gt; <a href="/g">政务公开</a> &gt; <span>{TITLE}</span></div>
    <div class="position-relative"><h1 class="tit">{TITLE}</h1>
      <div class="con">{ARTICLE}</div></div></body></html>"""
    doc = read_document(write(tmp_path, "crumbs.html", page))
    assert doc.blocks[0] == Paragraph(TITLE)
    assert "首页" not in all_text(doc)
    assert doc.paragraphs().count(TITLE) == 1


@pytest.mark.parametrize("head, url", [
    ('<link rel="canonical" href="https://www.example.gov.cn/a/t1.html"><meta property="og:url" content="https://x.cn/b">',
     "https://www.example.gov.cn/a/t1.html"),
    ('<meta property="og:url" content="https://www.example.gov.cn/b/t2.html">', "https://www.example.gov.cn/b/t2.html"),
    ('<link rel="canonical" href="/relative/t3.html">', None),
    ('<meta property="og:url" content="javascript:alert(1)">', None),
])
def test_the_pages_own_address_is_its_url(tmp_path, head, url):
    path = tmp_path / "page.html"
    path.write_text(f"<html><head>{head}<title>某县2023年报告</title></head><body><p>某县2023年政府信息公开工作年度报告</p>"
                    "<p>一、总体情况</p><p>2023年，我县主动公开政府信息185条。</p></body></html>", encoding="utf-8")
    assert read_document(path).meta.get("url") == url


def test_a_short_article_under_an_info_line_with_a_long_agency_name_is_read_whole(tmp_path):
    """The 发布时间 … 来源 … line inside the article's container counts neither for nor against it."""
    agency = "某某自治区民族事务委员会（自治区宗教事务局）"
    page = (f"<html><head><title>{agency}2019年政府信息公开工作年度报告</title></head><body>"
            '<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div><div id="zoom">'
            f"<h1>{agency}2019年政府信息公开工作年度报告</h1>"
            f"<div class=\"info\">发布时间：2020-02-18 来源：{agency} 浏览次数：</div>"
            "<p>本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为2019年全年。</p>"
            "<p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
            "<table border=\"1\"><tr><td colspan=\"4\">第二十条第（一）项</td></tr>"
            "<tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>"
            "<tr><td>规范性文件</td><td>0</td><td>14</td><td>14</td></tr></table></div>"
            f"<div class=\"foot\">主办单位：{agency} | 网站地图 | 联系我们</div></body></html>")
    f = tmp_path / "report.html"
    f.write_text(page, encoding="utf-8")
    doc = read_document(f)
    assert any(isinstance(b, Table) for b in doc.blocks)
    assert any(isinstance(b, Paragraph) and b.text == "一、总体情况" for b in doc.blocks)
    assert not any(isinstance(b, Paragraph) and "浏览次数" in b.text for b in doc.blocks)


@pytest.mark.parametrize("info", ["时间: 2024-02-05 09:30:12　来源:", "发布时间：2024-02-05 来源： 浏览次数：",
                                  "日期：2024-02-05　来源：　【字体：大 中 小】"])
def test_an_info_line_whose_source_is_left_empty_does_not_cut_the_article_off(tmp_path, info):
    """The 时间 … 来源 line of a site that prints the 来源 label with nothing after it is still the article's info
    line (neutral), not chrome: before, it scored against the container, so a short article shrank to its
    longest paragraph and lost table 2."""
    page = ('<html><head><title>某某自治区某某厅2024年政府信息公开工作年度报告</title></head><body>'
            '<div class="top">设为首页 | 加入收藏</div><div class="crumb">当前位置：首页 &gt; 政府信息公开年报</div>'
            f'<div class="main"><p>{info}</p><h1>某某自治区某某厅2024年政府信息公开工作年度报告</h1>'
            "<p>一、总体情况</p>"
            "<p>2024年，某某厅认真贯彻落实《条例》，全年主动公开政府信息86条，办理政府信息公开申请2件，"
            "切实保障了人民群众的知情权、参与权、监督权和表达权，各项工作取得良好成效，群众满意度持续提升。</p>"
            "<p>二、主动公开政府信息情况</p>"
            '<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>'
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
            "<tr><td>规章</td><td>0</td><td>1</td><td>0</td></tr>"
            "<tr><td>行政规范性文件</td><td>1</td><td>0</td><td>2</td></tr></table></div>"
            '<div class="foot">主办单位：某某自治区人民政府办公厅 版权所有 ICP备00000000号</div></body></html>')
    f = tmp_path / "report.html"
    f.write_text(page, encoding="utf-8")
    doc = read_document(f)
    assert any(isinstance(b, Table) for b in doc.blocks)
    assert any(isinstance(b, Paragraph) and b.text == "一、总体情况" for b in doc.blocks)
    assert not any(isinstance(b, Paragraph) and "来源" in b.text for b in doc.blocks)


def test_cms_metadata_lines_at_the_head_of_the_article_do_not_cut_it_off(tmp_path):
    """索引号 / 发布机构 / 生成日期 / 来源 lines printed inside the article, above its title, are the article's own
    metadata: they count neither for nor against it, so the article keeps its sections and tables (before, the
    container shrank to its longest paragraph and table 2 was lost); they are still not paragraphs of the report."""
    page = ('<html><head><title>某县某局2020年政府信息公开工作年度报告</title></head><body>'
            '<div class="top">设为首页 | 加入收藏</div><div class="crumb">当前位置：首页 &gt; 政府信息公开年报</div>'
            '<div class="article">'
            "<p>索 引 号：12/2021-0000001</p><p>发布机构：县某某局</p><p>生成日期：2021-01-08 10:20:30.0</p>"
            "<p>某县某局2020年政府信息公开工作年度报告</p><p>来源：某局办公室 2021-01-08 10:20</p>"
            "<p>根据《中华人民共和国政府信息公开条例》规定，特向社会公布本部门年度报告。</p>"
            "<p>一、总体情况</p>"
            "<p>2020年，本局认真贯彻落实《条例》，全年主动公开政府信息86条，办理政府信息公开申请2件，"
            "切实保障了人民群众的知情权、参与权、监督权和表达权，各项工作取得良好成效，群众满意度持续提升。</p>"
            "<p>二、主动公开政府信息情况</p>"
            '<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>'
            "<tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>"
            "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
            "<tr><td>规范性文件</td><td>3</td><td>3</td><td>7</td></tr></table>"
            "<p>三、收到和处理政府信息公开申请情况</p></div>"
            '<div class="foot">主办单位：县人民政府办公室 版权所有 ICP备00000000号</div></body></html>')
    f = tmp_path / "report.html"
    f.write_text(page, encoding="utf-8")
    doc = read_document(f)
    assert any(isinstance(b, Table) for b in doc.blocks)
    assert any(isinstance(b, Paragraph) and b.text == "一、总体情况" for b in doc.blocks)
    assert any(isinstance(b, Paragraph) and b.text.startswith("三、收到") for b in doc.blocks)
    assert not any(isinstance(b, Paragraph) and ("索" in b.text[:1] or b.text.startswith(("发布机构", "生成日期", "来源")))
                   for b in doc.blocks)
    assert not any(isinstance(b, Paragraph) and ("ICP" in b.text or "设为首页" in b.text) for b in doc.blocks)


def test_a_metadata_box_table_inside_the_article_does_not_cut_it_off(tmp_path):
    """A CMS metadata box printed as a table (索引号 | … | 公开方式 | … / 发布单位 | … | 成文日期 | …) inside the
    article's container is the article's own metadata: it counts neither for nor against the container, like
    the metadata lines; it had scored as chrome, so a short article shrank to its longest paragraph and lost
    table 2. The box still gives its date and is no table of the report."""
    page = ('<html><head><title>某市某局2021年政府信息公开工作年度报告</title></head><body>'
            '<div class="top">设为首页 | 加入收藏</div><div class="crumb">当前位置：首页 &gt; 政府信息公开年报</div>'
            '<div class="main"><table class="xxgk">'
            "<tr><td>索引号：</td><td>000000000/2022-00001</td><td>公开方式：</td><td>主动公开</td><td></td></tr>"
            "<tr><td>发布单位：</td><td>市某某局</td><td>成文日期：</td><td>2022-01-14</td><td></td></tr>"
            "<tr><td>有效性：</td><td></td><td>规范性文件登记：</td><td></td><td></td></tr></table>"
            "<p>一、总体情况</p><p>2021年，本局做好本领域信息公开工作。</p>"
            "<p>（1）主动公开情况。本局通过网站主动公开信息120条。</p>"
            "<p>二、主动公开政府信息情况</p>"
            '<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>'
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
            "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
            "<tr><td>行政规范性文件</td><td>2</td><td>0</td><td>5</td></tr>"
            '<tr><td colspan="4">第二十条第（五）项</td></tr>'
            '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>'
            '<tr><td>行政许可</td><td colspan="3">318</td></tr></table></div>'
            '<div class="foot">主办单位：市人民政府办公室 版权所有 ICP备00000000号</div></body></html>')
    f = tmp_path / "report.html"
    f.write_text(page, encoding="utf-8")
    doc = read_document(f)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and any("行政许可" in cell for row in tables[0].rows for cell in row)
    assert any(isinstance(b, Paragraph) and b.text == "一、总体情况" for b in doc.blocks)
    assert doc.meta.get("published") == "2022-01-14"
    assert not any(isinstance(b, Paragraph) and ("ICP" in b.text or "设为首页" in b.text) for b in doc.blocks)


TOWN_PAGE = """<html><head><meta charset="utf-8"><title>凤凰镇2023年政府信息公开工作年度报告</title></head><body>
<div class="crumb">当前位置 &gt; 首页 &gt; 政府信息公开年报</div>
<div class="main"><h1>凤凰镇2023年政府信息公开工作年度报告</h1>
<div class="info">来源:张家港市凤凰镇 发布时间:2024-01-26 17:49:57 访问量:</div>
<div class="article"><p>根据《中华人民共和国政府信息公开条例》规定，我镇结合工作实际，形成2023年度凤凰镇政府信息公开工作年度报告。</p>
<p>一、总体情况</p><p>2023年，我镇主动公开政府信息120条。</p></div></div></body></html>"""


def test_the_info_lines_source_ends_where_the_next_label_starts(tmp_path):
    """来源:张家港市凤凰镇 发布时间:…, its spaces dropped by the page's text: the source alone."""
    doc = read_document(write(tmp_path, "town.html", TOWN_PAGE, "utf-8"))
    assert doc.meta["source"] == "张家港市凤凰镇"


def test_a_town_named_with_its_county_only_in_the_info_lines_source_is_placed_there(tmp_path):
    """The page reader keeps the info line out of the text; its 来源 still places a report whose text names its
    town alone (凤凰镇: several counties have one)."""
    from indexer.extract import extract
    record = extract(write(tmp_path, "town.html", TOWN_PAGE, "utf-8"))
    assert (record.agency, record.region.county, record.region.city) == ("凤凰镇人民政府", "张家港市", "苏州市")
