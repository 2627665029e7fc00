"""The reporting agency: every place a report names it, one finder each.

Reports name their agency in the title, and when the title does not, in a
byline under it, in the preamble (由A编制, 现将A2022年政府信息公开工作年度报告
公布如下), in the first sentence of 一、总体情况 (2022年，A认真贯彻…), in the
signature, in a contact line (请与A办公室联系) or in the page's 发布机构. Each
place has its finder, a pure function over the paragraphs returning the name
as printed and canonical; the last-resort finders read a report that names no
agency but speaks as one (我局, 我县). `agency_name.find_agency` chooses among
the finders' answers and completes the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import places_in
from ..gazetteer.kinds import ZONE_END, ZONE_KIND
from .dates import DATE_CN
from .names import (
    canonical,
    department_of_office,
    drop_internal_office,
    is_place_name,
    is_pronoun,
    place_only_agency,
    same_agency,
    split_place,
)
from .patterns import AGENCY_SUFFIX, HAN, NAME_CHAR, TRAILING_BRACKET, YEAR_WORD
from .title import clean_title_line, is_agency_line, title_head


@dataclass(frozen=True, slots=True)
class AgencyFound:
    name: str  # canonical: type spelled out, internal office dropped, a place alone made its government
    printed: str  # as the report prints it where it was found
    source: str  # "title", "embedded", "byline", "signature", "first_sentence", "opening", "compiler", "contact",
    # "plan", "publisher", "pronoun"


AGENCY_NAME = rf"{NAME_CHAR}{{2,40}}?{AGENCY_SUFFIX}"
# Words that end the run of characters before an agency name inside a sentence; 上传, 上报: the verbs that put
# the report on a site (按时上传某市某委员会2024年…报告)
_LEAD = re.compile(
    r"^.*(?:现将|现就|特向社会公布|向社会公布|予以公布|公布|发布|公开(?!办|领导|工作)|编制(?!委员会)|编写|制作|制定|撰写|报送|上传|上报|形成|完成|总结|根据|依据|按照|结合|要求|做好|涵盖|是|为|将|由|对|了|的)"
)
_TRAIL = re.compile(r"(?:编制|编写|制作|形成|发布|公布|印发|撰写)(?:完成)?了?$")
# 现将A2022年政府信息公开工作年度报告向社会公布; 特向社会公布2022年度A政府信息公开工作年度报告;
# not a quoted regulation before the word 报告 (按《某市政府信息公开规定》的要求编制本报告): no closing quote inside
_EMBEDDED = re.compile(
    rf"(?:{YEAR_WORD})?(?P<a>{NAME_CHAR}{{2,40}}?)(?:的)?(?:{YEAR_WORD})?(?:政府信息公开|政务信息公开|政务公开|信息公开)[^，。；,;》」]{{0,12}}"
    r"(?:年度报告|年报|报告|工作情况(?=[。，,]|进行|编制)|工作实际(?=[。，,]|编制))"
    # not 《…年度报告制度》, …年报编制和公布有关工作的函, 《…年度报告编制指南》, 按照某区…年度报告编制有关要求;
    # but 现将A…年度报告编制和公布工作有关情况报告如下 is the report's own preamble
    r"(?!制度|格式|编制和(?!公布[^，。；,;]{0,6}情况报告如下)|编制工作|有关|的通知|工作的|编[制写]?(?:有关|相关|的)?(?:指南|指引|说明|规范|要求|模板))"
)
# 现公布某区发改局2022年度信息公开工作，报告主要分为六个部分: a preamble that publishes the agency's year of
# disclosure work, the word 报告 only after the clause ends
_PUBLISHED_WORK = re.compile(
    rf"(?:现将|现公布|现发布|现予公布|特向社会公布|向社会公布)(?P<a>{NAME_CHAR}{{2,40}}?)(?:{YEAR_WORD})"
    r"(?:政府信息公开|政务信息公开|政务公开|信息公开)工作(?=[，,。；;])"
)
_NOT_A_NAME_START = re.compile(r"^(?:年|度|月|日|本|我|该|其|各|全|关于|[)）])")  # ）政府信息公开年报: a link's bracket
# A CMS label glued to the name it labels (标题县政府办…, 名称宿迁市水利局…)
_GLUED_LABEL = re.compile(r"^(?:文章标题|信息名称|标题|名称|题目)")
# 本报告由A编制 / 由A根据…编制
# 由A（以下简称B）编制: a short name declared between the name and its verb
# 由A、B（以下简称C）编制: two offices that share one seat (某区国家税务局、某地方税务局某区分局) compile it; the first is named
_COMPILER = re.compile(rf"由(?P<a>{AGENCY_NAME})(?:、{AGENCY_NAME})*(?:[（(](?:以下)?简称[^（）()]{{1,20}}[)）])?(?=根据|依据|按照|编制|编写|负责|组织|牵头|汇总|综合|会同|结合|制作|撰写)")
# A编制了本报告; A根据…情况，编制本报告; A特编制2023年…报告; A现向社会公开《…》; A形成了《…》
_COMPILER_SUBJECT = re.compile(
    rf"(?:^|[，。；,;:：])\s*(?P<a>{NAME_CHAR}{{2,40}}?)\s*(?:特|现|已|拟|认真|依法)?\s*"
    r"(?:(?:根据|依据|按照|结合)[^。；;]{0,80}?[，,]?\s*)?"
    rf"(?:编制|编写|制作|撰写|形成|汇总编制|向社会公开|向社会公布)(?:完成|并发布)?了?\s*(?:本|此|该|《|{YEAR_WORD})"
)
# 本报告是对A2013年政府信息公开工作的总结; 该报告是对A2013年有关政府工作相关信息的综述: the report says whose year it
# sums up (the name closed by the year or 的: 中国人民银行 alone is not 中国人民银行某中心支行)
_SUMMARY_OF = re.compile(
    rf"(?:本|该|此)(?:年度)?报告(?:是|系)对(?P<a>{AGENCY_NAME})(?:{YEAR_WORD}|的)[^。]{{0,40}}?(?:综述|总结|梳理|汇总|回顾)")
# 请与A办公室联系 / 可与A联系 / 请联系：A办公室，地址… / 可联系A办公室（…） / 联系单位：A
_CONTACT = re.compile(
    # 若有疑问，可A党政办联系: a clause opening on 可 that drops its 与; 可联系A: 联系 is the verb, never the name's
    rf"(?:请与|可与|[请可](?:直接)?联系|(?<=[，,])\s*可(?!与|通过|在|向|从|到|直接|拨打|致电|登录|以|联系)|联系(?:单位|部门|机关|人)?\s*[:：]\s*|咨询(?:单位)?\s*[:：]\s*)(?P<a>{NAME_CHAR}{{2,40}}?(?:{AGENCY_SUFFIX}|领导小组办公室))"
    rf"(?:[{HAN}]{{1,6}}?[科股])?"  # 请与A综合一科联系: a section of the agency
    r"(?=联系|[，。,；;:：（(]|\s|地址|电话|$)"
    # 请与本单位受理机构联系，地址：某县某乡人民政府党政办公室: an office given as the address
    rf"|联系\s*[，,]?\s*(?:联系)?地址\s*[:：]\s*(?P<office>{NAME_CHAR}{{2,40}}?(?:人民政府|办公室))(?=[，。,；;:：（(]|\s|电话|$)"
)
# 2022年，A认真贯彻…: where the first sentence's subject ends
_VERB = (
    r"(?:坚持|认真|始终|深入|不断|全面|严格|积极|扎实|高度|按照|根据|依据|围绕|紧紧|紧扣|紧密|持续|进一步|以|在|"
    r"主动|主要|把|将|聚焦|立足|牢固|牢牢|统筹|切实|继续|贯彻|落实|坚决|大力|着力|强化|加强|规范|推进|推动|对|结合|依法|"
    r"全年|本年度|秉持|注重|狠抓|全力|有序|做好|按|通过|累计|共计|政府信息公开|政务公开|信息公开|精心|锚定|持之以恒|"
    r"把握|对标|践行|健全|完善|印发|制定|召开|成立|已|于|党组|党委|领导班子|高标准|高质量|主动公开|"
    r"更加|全方位|多措并举|一以贯之|始终坚持|紧跟|对照|不折不扣|严格按照|努力|致力于|着眼|遵循|准确)"
)
# A subject never starts with a preposition (通过政府门户网站，…; 在区委的领导下，…),
# nor with a copula: 2018年是全市…的一年 has the year for its subject,
# nor with a verb of setting up (2010年，成立某市政府信息公开工作领导小组: a sentence with no subject).
_SUBJECT = re.compile(rf"^(?!通过|在|按照|根据|依据|围绕|对照|为了|经过|截至|截止|现将|现就|特将|特此|是|将|把|成立|设立|组建|调整)(?P<a>{NAME_CHAR}{{2,40}}?)(?={_VERB}|[，,]|\s*\d)")
_CLAUSE_START = re.compile(
    r"(?:^(?:[(（][一二三四五六七八九十\d]{1,2}[)）][^。，,]{0,12}(?:。|$))?|。|如下\s*[:：])\s*"  # (一)主动公开方面。A…
    # 2012年,,在市委,、市政府的…指导下,,A…: a mirror that doubles the commas
    rf"(?:(?:{YEAR_WORD}(?:以来)?|今年以来|本年度)\s*(?:[，,]+|的)?\s*)?(?:在[^。]{{0,30}}?(?:领导|指导|引领|带领|部署|关心|支持)下\s*[，,]+\s*){{0,3}}\s*"
    # 2019年,根据县政府的工作要求和部署,A认真贯彻…: the instruction the agency follows, before its name
    r"(?:(?:根据|按照|依据)[^。，,；;《》]{0,24}?(?:要求|部署|安排)\s*[，,]+\s*)?"
)
# 发布机构：XX局办公室, 来源：XX局 in the metadata lines of a saved page
# 发布机构：某局; [ 发布机构 ] | 某管委会 | (a CMS box's label cell in brackets)
_PUBLISHER_LINE = re.compile(
    rf"(?:(?:发布机构|发文机关|发布单位|编制单位|信息来源|来源)\s*[:：]\s*(?:\|\s*)?|[\[【]\s*(?:发布机构|发文机关|发布单位)\s*[\]】]\s*\|\s*)"
    rf"(?P<a>{NAME_CHAR}{{2,40}}?{AGENCY_SUFFIX})"
    r"(?=$|[^\u4e00-\u9fff]|(?:发布|成文|生成|印发|更新)(?:日期|时间)|来源|索引号|分类|文号|日期|时间"
    r"|选择|字号|字体|阅读|浏览|访问|点击|打印|分享|作者)"
)
# 来源: on a line of its own, the value on the line below (a page's date and source stacked one per line)
_PUBLISHER_LABEL = re.compile(r"^\s*(?:发布机构|发文机关|发布单位|编制单位|信息来源|来源)\s*[:：]\s*$")
_SECTION_ONE = re.compile(r"^(?:一|1)\s*[、.．]?\s*(?:总体情况|概述|总体工作情况|工作概况|基本情况)")
_SECTION_ONE_NUMBER = re.compile(r"^(?:一|1)\s*[、.．]\s*$")  # 一、 / 总体情况 on two lines


# A party committee (开发区党工委, 县委) leads the agency; it does not publish the report.
PARTY_BODY = re.compile(r"(?:党工委|党委|党组|工委|[省市县区旗州盟]委)$")


# 某某体育官网, 某某娱乐官方网站: a spam mirror's brand glued before a title; no agency's name holds 官网
_SPAM_BRAND = re.compile(r"^.*?(?:官网|官方网站)")


# A website or a column ends like a 站 (工作站) or a 中心: 政府门户网站, 政务服务网站.
_WEBSITE = re.compile(r"(?:网站|网|平台|专栏)$")
# 街道办事处认真贯彻…: a subdistrict's office by its kind alone, the way 街道 alone speaks of itself; no name of its own
_SUBDISTRICT_KIND_ONLY = re.compile(r"街道(?:办事处|办)")


# 将政府信息公开工作…作为: a bare 政府 ends an agency only after a place or a level (某县政府, 县政府)
_BARE_GOVERNMENT = re.compile(r"(?<!人民)政府$")
_LEVELS = frozenset({"省", "自治区", "市", "州", "盟", "县", "区", "旗", "镇", "乡"})


def agency_like(name: str) -> bool:
    if _BARE_GOVERNMENT.search(name) and name[:-2] not in _LEVELS and not is_place_name(name[:-2]):
        return False
    if _SUBDISTRICT_KIND_ONLY.fullmatch(name):
        return False
    return (len(name) >= 3 and not is_pronoun(name) and bool(re.search(AGENCY_SUFFIX + "$", name))
            and not PARTY_BODY.search(name) and not _WEBSITE.search(name) and not _SPEAKER_BEFORE.search(name))


# 某县教育局编制了县教育局2020年…报告: the compiler, its verb, then the report's agency
_COMPILED = re.compile(r"(?:编制|编写|撰写|制作)(?:完成)?了")


def trim_lead(run: str) -> str:
    """An agency name without the words of the sentence around it (现将XX局 → XX局, XX局编制了 → XX局).

    A name that starts with a place is kept whole even when a lead word is in it (XX市对外贸易局);
    not a compiler and its verb before the report's agency (某县教育局编制了县教育局): the report's, printed
    in full by the compiler when they are one agency."""
    run = _TRAIL.sub("", run)
    verb = _COMPILED.search(run)
    if verb:
        head, tail = run[: verb.start()], run[verb.end():]
        if agency_like(head) and agency_like(tail):
            return head if same_agency(tail, head) else tail
    m = _LEAD.match(run)
    if not m or (starts_with_place(run) and agency_like(run)):
        return run
    return run[m.end():]


def starts_with_place(name: str) -> bool:
    mentions = places_in(name, agency=True)
    return bool(mentions) and mentions[0].start == 0


# 某市市场监督管理局机关: the bureau's own organs, as against the whole system it leads
_ORGANS = re.compile(r"(?<=[局委厅办署])机关$")


def without_organs(name: str) -> str:
    """A department named with 机关 after it (重庆市市场监督管理局机关2023年…报告): the department itself."""
    return _ORGANS.sub("", name)


# 广州市某区人民政府 某开发区管委会: a government and a development zone's committee that share one seat (one body,
# two names), printed one after the other (the display form drops the space between them); the zone is named by a
# place of its own, not by its kind alone (某县人民政府开发区管委会 would be the government's own zone)
_SHARED_SEAT = re.compile(rf"^(?P<a>{NAME_CHAR}{{2,20}}?人民政府)(?P<b>{NAME_CHAR}{{2,24}}?{ZONE_KIND}(?:管委会|管理委员会))$")


def shared_seat_first(name: str) -> str | None:
    """The government of a government and zone committee named together (广州市某区人民政府广州某开发区管委会), or None
    when the name is one body (铁西区人民政府某街道办事处, 某县人民政府办公室)."""
    m = _SHARED_SEAT.match(name)
    if not m or not starts_with_place(m.group("b")):
        return None
    return m.group("a")


def first_of_shared_seat(found: AgencyFound) -> AgencyFound:
    """A finder's name that is a government and a zone committee sharing one seat: the government, named first."""
    first = shared_seat_first(found.name)
    if not first:
        return found
    printed = shared_seat_first(found.printed) or found.printed
    return AgencyFound(first, printed, found.source)


# 某办事处、某园区2024年…报告: two bodies that share one seat (a subdistrict office and the park it runs); the
# first reports, as 由A、B编制 names the first
_TWO_BODIES = re.compile(rf"(?P<a>{NAME_CHAR}+)、{NAME_CHAR}+$")


def from_title(title: str | None) -> AgencyFound | None:
    """The agency a title names; a title headed by a place alone names that place's government."""
    if not title:
        return None
    run = re.search(f"{NAME_CHAR}+$", title_head(title))  # a name, without page junk before it
    pair = _TWO_BODIES.search(title_head(title))
    if pair and re.search(AGENCY_SUFFIX + "$", pair.group("a")):
        run = pair  # 某办事处、某园区: the first of two bodies named
    head = without_organs(run.group("a") if run is pair else run.group(0)) if run else ""
    head = _SPAM_BRAND.sub("", head)  # bet体育官网某市卫健委: a mirror's brand glued before the name
    verb = _COMPILED.search(head)  # 由县政府办公室编制了某县2017年…报告: a sentence, its report's place after the verb
    if verb:
        head = head[verb.end():]
    if len(head) < 2 or is_pronoun(head):
        return None
    if re.search(AGENCY_SUFFIX + "$", TRAILING_BRACKET.sub("", head)):
        return AgencyFound(canonical(head), head, "title")
    if is_place_name(head):
        return AgencyFound(place_only_agency(head), head, "title")
    subdistrict = short_subdistrict(head)  # 白云街2021年…报告: 街 for 街道
    if subdistrict:
        return AgencyFound(place_only_agency(subdistrict), head, "title")
    return None


# 西藏自治区邮政管理系统2020年…报告, 某市气象部门: a report for a whole system of offices, headed by one of them
_SYSTEM = re.compile(r"(?:系统|部门)$")


def system_head(title: str | None, paragraphs: list[str], limit: int = 12) -> AgencyFound | None:
    """The head office of the system a title names (西藏自治区邮政管理系统 → 西藏自治区邮政管理局), when the
    opening prints that office by the system's name with 局, 厅 or 委员会 for 系统 or 部门."""
    if not title:
        return None
    run = re.search(f"{NAME_CHAR}+$", title_head(title))
    head = run.group(0) if run else ""
    if not _SYSTEM.search(head) or not starts_with_place(head):
        return None
    stem = _SYSTEM.sub("", head)
    text = "\n".join(paragraphs[:limit])
    for kind in ("局", "厅", "委员会"):
        if len(stem) > 2 and stem + kind in text:
            return AgencyFound(canonical(stem + kind), stem + kind, "title")
    return None


# 由某区人民政府办公室综合区政府各部门、各街道办事处、某镇人民政府的政府信息公开年度报告编制: the reports a
# compiler gathers are other bodies' (a list of them, after 综合 or 汇总), never the report's own name
_GATHERING = re.compile(r"(?:综合|汇总)[^。；;，,]*$")


def _gathered(text: str, start: int, name: str) -> bool:
    """A name printed at `start` that is one of the bodies whose reports the sentence gathers into this
    one: in a list (、), after 综合 or 汇总 in its clause, or after its compiler and that verb in one run
    (某市人民政府办公室汇总某县人民政府)."""
    sentence = text[text.rfind("。", 0, start) + 1 : start]
    verb = re.search("综合|汇总", name)
    # 综合市政府各部门和各县区政府的…年度报告: a name that opens on the verb is the list it gathers
    return (text[start - 1 : start] == "、" or bool(_GATHERING.search(sentence))
            or bool(verb and (verb.start() == 0 or agency_like(name[: verb.start()])) and agency_like(name[verb.end():])))


def embedded(paragraphs: list[str], limit: int = 8) -> AgencyFound | None:
    """A report's name quoted in a sentence of the opening: 现将A2022年政府信息公开工作年度报告公布如下.

    The first name found decides the agency; a later printing of it with more of its place
    (审计局… in a title line, 现将某区审计局…工作情况报告如下 below it) gives its name."""
    found: list[AgencyFound] = []
    for text in paragraphs[:limit]:
        for m in [*_EMBEDDED.finditer(text), *_PUBLISHED_WORK.finditer(text)]:
            trimmed = trim_lead(m.group("a"))
            if _gathered(text, m.end("a") - len(trimmed) if m.group("a").endswith(trimmed) else m.start("a"), trimmed):
                continue
            name = without_organs(_GLUED_LABEL.sub("", trimmed))
            if name.endswith("人民") and text.startswith("政府", m.end("a")):
                name += "政府"  # 某镇人民政府信息公开工作年度报告: the government's 政府 is 政府信息公开's too
            if _NOT_A_NAME_START.match(name) or is_pronoun(name):
                continue
            printed = name
            if _TRAIL.search(m.group("a")):  # 由A办公室编制的2020年度…报告: the compiler's office stands for it
                owner = drop_internal_office(name)
                name = owner if owner != name and agency_like(owner) else name
                # a government's office keeps its printing, as a contact line's does: the office is the agency
                # itself when the report speaks as it (我办)
                printed = printed if printed.endswith("人民政府办公室") and name != printed else name
            if agency_like(name) or agency_like(TRAILING_BRACKET.sub("", name)):  # A（B）: a second name in brackets
                found.append(AgencyFound(canonical(name), printed, "embedded"))
            elif is_place_name(name):  # 现将XX县2022年政府信息公开工作年度报告…
                found.append(AgencyFound(place_only_agency(name), name, "embedded"))
    if not found:
        return None
    first = placed_instead(found[0], found[1:])
    fuller = [f for f in found if len(f.name) > len(first.name) and same_agency(first.name, f.name)]
    return fuller[0] if fuller else first


def byline(paragraphs: list[str], title: str | None, limit: int = 10) -> AgencyFound | None:
    """A line with only an agency's name right under the title (the author line)."""
    if not title:
        return None
    lines = [clean_title_line(t) for t in paragraphs[:limit]]
    for i, text in enumerate(lines):
        if text and (text in title or title.endswith(text)):
            for below in lines[i + 1 : i + 3]:
                below = re.sub(r"^[（(](.+)[)）]$", r"\1", below)  # （XX局）
                if not is_agency_line(below) and is_agency_line(TRAILING_BRACKET.sub("", below)):
                    below = TRAILING_BRACKET.sub("", below)  # 某管委会（某商务区管委会）: a second name in brackets
                if is_agency_line(below) and not is_pronoun(below):
                    return AgencyFound(canonical(below), below, "byline")
    return None


def signature(paragraphs: list[str], tail: int = 6) -> AgencyFound | None:
    """The agency signing the report: a name-only line near the end, usually above the date."""
    for text in reversed(paragraphs[-tail:]):
        if is_agency_line(text) and not is_pronoun(text):
            return AgencyFound(canonical(text), text, "signature")
        m = re.match(rf"^({NAME_CHAR}{{2,38}}{AGENCY_SUFFIX})\s*[（(]?\s*{DATE_CN.pattern}\s*[)）]?$", text)
        if m and not is_pronoun(m.group(1)):
            return AgencyFound(canonical(m.group(1)), m.group(1), "signature")
    return None


def first_sentence(paragraphs: list[str], limit: int = 40) -> AgencyFound | None:
    """The subject of the first sentence of 一、总体情况 (2022年，A认真贯彻…; 在区委的领导下，A…)."""
    start = next((i + 1 for i, t in enumerate(paragraphs[:limit]) if _SECTION_ONE.match(t)), None)
    if start is None:
        start = next((i + 2 for i, t in enumerate(paragraphs[: min(limit, len(paragraphs)) - 1])
                      if _SECTION_ONE_NUMBER.match(t) and _SECTION_ONE.match("一、" + paragraphs[i + 1])), None)
    if start is None:
        return _inline_first_sentence(paragraphs[:limit])
    for text in paragraphs[start : start + 2]:
        for clause in _CLAUSE_START.finditer(text):
            rest = without_declaration(text[clause.end():])
            if not _SUBJECT.match(rest) and not _PLACED_SUBJECT.match(rest) and not _JOINT_LEADERS.match(rest):
                continue
            found = subject_of(rest, "first_sentence")
            if found:
                return found
            break  # the first subject is not an agency (我局, 全县): the sentence names none
    return None


# …组成。 一、总体情况 某市统计局坚持…: a page whose lines were run together holds the heading mid-paragraph
_INLINE_SECTION_ONE = re.compile(r"(?:^|\s|[。；])(?:一|1)\s*[、.．]\s*(?:总体情况|概述|总体工作情况|工作概况|基本情况)\s*")


def _inline_first_sentence(paragraphs: list[str]) -> AgencyFound | None:
    """The subject right after 一、总体情况 printed inside a paragraph."""
    for text in paragraphs:
        m = _INLINE_SECTION_ONE.search(text)
        if m and m.start() > 0:
            rest = text[m.end():]
            clause = _CLAUSE_START.match(rest)
            return subject_of(rest[clause.end():] if clause else rest, "first_sentence")
    return None


# A line that holds a sentence: page chrome (a site's header, its address, a date line, the title) holds none.
_SENTENCE_MARK = re.compile(r"[，,。；;]")


def opening_subject(paragraphs: list[str], limit: int = 3, reach: int = 8) -> AgencyFound | None:
    """The subject of a report that opens on its year before any section (2022年，开发区坚持…), among its first
    `limit` sentences: the site header, date line and title a page prints above them are not counted."""
    sentences = 0
    for text in paragraphs[:reach]:
        if _SECTION_ONE.match(text) or _SECTION_ONE_NUMBER.match(text):
            return None
        if not _SENTENCE_MARK.search(text):
            continue
        sentences += 1
        if sentences > limit:
            return None
        if not re.match(rf"{YEAR_WORD}\s*[，,]", text):
            continue
        return subject_of(text[_CLAUSE_START.match(text).end():], "opening")
    return None


# A clause opening on a full agency name, whatever verb follows (某省某厅准确把握…): the name starts with a place.
_PLACED_SUBJECT = re.compile(rf"^(?!通过|在|按照|根据|依据|围绕|对照|为了|经过|截至|截止|现将|现就|特将|特此|是|将|把)(?P<a>{AGENCY_NAME})(?=[{HAN}])")


# An agency ending that is only the first character of a word (气象部门, 局长, 委员, 办法, 社会): not a name's end.
_WORD_GOES_ON = re.compile(
    r"部[门署分长]|局[长面势]|委[员托]|办[法理公事]|厅长|院[长校]|所[有属在以]|处[理置长于]|站[点长]|队[伍长]|馆长|社[会区]|署名"
)


def _placed_object(run: str) -> str:
    """A run that opens on a verb and then names an agency with its place (结合自贡市商务局…实际,
    主动公开湖南省司法厅…预算): the agency, without the verb. A run that starts with its place stays whole."""
    if starts_with_place(run):
        return run
    trimmed = trim_lead(run)
    return trimmed if trimmed != run and starts_with_place(trimmed) and agency_like(trimmed) else run


# 新开河街道党工委、办事处按照…; 某镇党委、政府坚持…: a place's party body and its government act together
_JOINT_LEADERS = re.compile(
    rf"^(?P<a>{NAME_CHAR}{{2,30}}?)(?:党工委|党委)\s*[、和及与]\s*(?P<g>办事处|人民政府|政府|管委会|管理委员会)(?![{HAN}]*的)"
)


def joint_government(clause: str) -> str | None:
    """The government of a place whose party body and government are the clause's subject together
    (新开河街道党工委、办事处 → 新开河街道办事处, 某镇党委、政府 → 某镇人民政府); None for a bare level (镇党委、政府)."""
    m = _JOINT_LEADERS.match(clause)
    if not m or not is_place_name(m.group("a")):
        return None
    body = {"政府": "人民政府", "管委会": "管理委员会"}.get(m.group("g"), m.group("g"))
    return m.group("a") + body


# 2019年汝州市共主动公开信息…条: a place counting what it published is its government reporting
_TALLY = re.compile(rf"^(?P<a>{NAME_CHAR}{{2,12}}?)共(?:计)?(?=主动公开|发布|公开|收到|受理|办理)")


# 汕尾市公安局(以下简称“市公安局”)以…: a short name declared right after the subject
_DECLARED_AFTER_SUBJECT = re.compile(rf"^(?P<n>{AGENCY_NAME})\s*[（(]\s*(?:以下)?简称[^（）()]{{1,20}}[)）]")


def without_declaration(clause: str) -> str:
    """A clause opening on an agency without the short name it declares there (A（以下简称B）坚持… → A坚持…)."""
    return _DECLARED_AFTER_SUBJECT.sub(r"\g<n>", clause, count=1)


def subject_of(clause: str, source: str) -> AgencyFound | None:
    """The agency a clause starts with (A认真贯彻…), a place standing for its government (平潭综合实验区坚持…)."""
    clause = without_declaration(clause)
    joint = joint_government(clause)
    if joint:
        return AgencyFound(canonical(joint), joint, source)
    tally = _TALLY.match(clause)
    if tally and is_place_name(tally.group("a")) and not is_pronoun(tally.group("a")):
        return AgencyFound(place_only_agency(tally.group("a")), tally.group("a"), source)
    m = _SUBJECT.match(clause)
    if m:
        name = _agent_of(_verb_object(_placed_object(m.group("a"))))
        name = name + "政府" if name.endswith("人民") else name  # 人民|政府信息公开工作…
        name = department_of_office(name)  # 县民政局办公室紧紧围绕…: the bureau acts through its office
        if agency_like(name) or agency_like(TRAILING_BRACKET.sub("", name)):  # A（B）: a second name in brackets
            return AgencyFound(canonical(name), name, source)
        if is_place_name(name) and not is_pronoun(name):
            return AgencyFound(place_only_agency(name), name, source)
        subdistrict = short_subdistrict(name)
        if subdistrict:
            return AgencyFound(place_only_agency(subdistrict), name, source)
    placed = _PLACED_SUBJECT.match(clause)
    name = placed.group("a") if placed else ""
    if (placed and not _WORD_GOES_ON.match(clause, len(name) - 1) and not _ACTING.search(name)
            and starts_with_place(name) and agency_like(name)):
        township = township_after_government(name, clause[len(name):])
        if township:
            return AgencyFound(canonical(township[0]), township[1], source)
        return AgencyFound(canonical(name), name, source)
    return None


# 者楼街办事处…, 某镇坚持…: a township's name at the head of a run (街 standing for 街道)
_TOWNSHIP_HEAD = re.compile(rf"^(?P<stem>[{HAN}]{{1,6}}?)(?P<kind>街道|街|镇|乡|苏木)")


def township_after_government(government: str, rest: str) -> tuple[str, str] | None:
    """A county's government followed with no break by one of that county's own townships (册亨县人民政府者楼街办事处道
    高度重视…, 某县人民政府某镇坚持…): the subject is that township's office, printed under its county's government
    (册亨县人民政府者楼街道办事处), and as printed (册亨县人民政府者楼街办事处). None when the government is no county's,
    or what follows names no township the gazetteer holds under that county."""
    if not government.endswith("人民政府"):
        return None
    m = _TOWNSHIP_HEAD.match(rest)
    counties = {p.region.code for x in places_in(government, agency=True) for p in x.places if p.level == "county"}
    if not m or len(counties) != 1:
        return None
    kind = "街道" if m.group("kind") in ("街道", "街") else m.group("kind")
    township = m.group("stem") + kind
    held = [x for x in places_in(township, agency=True) if x.text == township]
    if not any(p.level == "township" and p.region.code in counties for x in held for p in x.places):
        return None
    office = "办事处" if kind == "街道" else "人民政府"
    printed = government + rest[: m.end()] + (office if rest.startswith(office, m.end()) else "")
    return government + township + office, printed


def _agent_of(run: str) -> str:
    """A run with 由 in it (所有公开信息由局办公室主动收集): the topic comes first and the agent after 由, so the
    agent alone; an agency's name has no 由 (a name opening on a place is kept whole). An agent named by its kind
    alone (由局办公室…) is the report's own bureau, as 我局 is: no name."""
    if "由" not in run or starts_with_place(run):
        return run
    agent = run[run.rindex("由") + 1:]
    return "" if agent[:1] in "局委厅办" else agent


def _verb_object(run: str) -> str:
    """A run that opens on a verb done (完善了区人社局…, 调整充实了局…): no subject but the verb's object, the
    words after 了; an agency's name has no 了."""
    return run[run.rindex("了") + 1:] if "了" in run else run


def short_subdistrict(name: str) -> str | None:
    """A subdistrict named the short way (白云街, 梅花村街: 街 for 街道, as Guangzhou's print themselves):
    the subdistrict, when one of that name is known."""
    if len(name) < 3 or not name.endswith("街") or is_pronoun(name):
        return None
    full = name + "道"
    mentions = places_in(full, agency=True)
    if len(mentions) == 1 and mentions[0].text == full and all(p.level == "township" for p in mentions[0].places):
        return full
    return None


# Words of what a subject does, never inside an agency's name: a placed subject that runs over one
# (西藏自治区邮政管理系统坚持把加强政府…) took the sentence for the name.
_ACTING = re.compile(
    r"坚持|认真|始终|深入|不断|积极|扎实|高度重视|紧紧|紧扣|持续|进一步|聚焦|立足|牢固|牢牢|切实|坚决|大力|着力|"
    r"秉持|注重|狠抓|全力|精心|锚定|努力|致力于|遵循|贯彻|落实"
)


# 我局由…, 本机关由…: what follows is a unit inside the agency speaking
_SPEAKER_BEFORE = re.compile(r"[我本](?:局|委|厅|办|署|院|中心|机关|单位|部门)$")


def compiler(paragraphs: list[str], limit: int = 8) -> AgencyFound | None:
    """The agency that compiled the report (本报告由A编制), or whose year the report says it sums up (本报告是对A2013年…的
    总结): its office stands for it."""
    for text in paragraphs[:limit]:
        m = _COMPILER.search(text)
        if m and _SPEAKER_BEFORE.search(text, 0, m.start()):  # 我局由指挥中心牵头: a unit of the agency, not it
            m = None
        m = m or _COMPILER_SUBJECT.search(text) or _SUMMARY_OF.search(text)
        if m:
            name = trim_lead(m.group("a"))
            found = _office_owner(name, "compiler")
            if found:
                return found
    return None


# 制定实施《广州市应急管理局2022年政务公开工作实施方案》: the agency's own plan for the year
# 编制发布《广州市某局主动公开信息目录》, 修订完善《某厅政府信息公开目录和指南》: its own catalogue and guide
# 完善《某区住建局信息公开管理制度》, 修订了《某市城市管理局政府信息主动公开基本目录》, 印发《某高新区2024年政务公开工作要点及责任分工》
# 研究制定下发了《某区司法局2019年政务公开工作要点》: drawn up and sent down to its own units
_OWN_PLAN = re.compile(
    rf"(?:制定|制发|印发|出台|编制|修订|修定|修改|更新|完善|建立|健全)(?:实施|并实施|并印发|发布|并发布|公布|完善|下发|并下发)?了?《(?P<a>{NAME_CHAR}{{2,40}}?)(?:{YEAR_WORD})?"
    r"(?:政务公开|政府信息主动公开|政府信息公开|信息公开|主动公开)[^》]{0,16}(?:要点|方案|计划|清单|安排|目录|指南|制度|办法|细则)"
    r"[^》]{0,8}》"
)

# 下发了《某县人民政府办公室关于印发某县政务公开工作要点的通知》: the notice that sends its own plan down is the
# reporter's; a notice it follows (按照《某市人民政府办公室关于印发…》) has no such verb and is another's
_OWN_NOTICE = re.compile(
    rf"(?:制定|制发|印发|下发|出台)(?:并下发)?了?《(?P<a>{NAME_CHAR}{{2,40}}?)关于印发[^》]{{0,30}}?"
    r"(?:政务公开|政府信息公开|信息公开)[^》]{0,16}(?:要点|方案|计划|清单|安排|目录|指南|制度|办法|细则)[^》]{0,10}》"
)


# 在政府网站县林业和草原局专栏转载…, 通过市政府门户网站“市教育局”栏目公开…: the department's own column on its
# government's site, where a department without a site of its own publishes
_OWN_COLUMN = re.compile(rf"(?:政府|人民政府)(?:门户)?网站[“\"]?(?P<a>{AGENCY_NAME})[”\"]?(?:专栏|栏目|子栏目)")


def own_column(paragraphs: list[str], limit: int = 12) -> AgencyFound | None:
    """The department whose own column on its government's site the report says it publishes in."""
    for text in paragraphs[:limit]:
        for m in _OWN_COLUMN.finditer(text):
            name = m.group("a")
            if agency_like(name) and not is_pronoun(name):
                return AgencyFound(canonical(name), name, "column")
    return None


def own_plan(paragraphs: list[str], limit: int = 12) -> AgencyFound | None:
    """The agency named by a plan, catalogue or guide the report says it made itself (制定《A2022年政务公开工作要点》,
    编制发布《A主动公开信息目录》)."""
    for text in paragraphs[:limit]:
        for m in [*_OWN_PLAN.finditer(text), *_OWN_NOTICE.finditer(text)]:
            name = m.group("a")
            if is_pronoun(name):
                continue
            if agency_like(name):
                return AgencyFound(canonical(name), name, "plan")
            if ZONE_END.search(name) and is_place_name(name):  # 《大连高新区2024年政务公开工作要点》: a zone's own
                return AgencyFound(place_only_agency(name), name, "plan")
    return None


def contact(paragraphs: list[str]) -> AgencyFound | None:
    """The agency of a contact line (请与A办公室联系): the office named stands for its agency."""
    for text in paragraphs:
        for m in _CONTACT.finditer(text):
            name = m.group("a") or name_in_address(m.group("office"))
            found = government_unit_owner(name, paragraphs) or _office_owner(name, "contact")
            if found:
                return found
    return None


def name_in_address(office: str) -> str:
    """An office given as the address (地址：湖南省浏阳市某镇人民政府党政办公室) leads with the province it lies in, which
    the address adds and the office's name leaves out (浏阳市某镇人民政府党政办公室); a municipality is its own city and
    stays, as does a province's own body (湖南省人民政府办公厅: no lower place after it)."""
    mentions = places_in(office, agency=True)
    if (len(mentions) >= 2 and mentions[0].start == 0 and mentions[0].text.endswith(("省", "自治区"))
            and all(p.level == "province" for p in mentions[0].places) and mentions[1].start == mentions[0].end):
        return office[mentions[0].end:]
    return office


# 吴起县政府政务服务中心: a unit of a place's government, named after the government
_GOVERNMENT_UNIT = re.compile(rf"^(?P<p>[{HAN}]{{2,20}}?[县旗区市州盟])(?:人民)?政府(?P<u>[{HAN}]{{2,12}})$")


def government_unit_owner(name: str, paragraphs: list[str], limit: int = 15) -> AgencyFound | None:
    """A contact line naming a unit of a place's government (请联系吴起县政府政务服务中心) in a report that
    speaks as that place (我县坚持…, 我县全年主动公开…): the place's own report, answered by a unit that serves its
    government; the government reports. A government's office is left to the office rules."""
    m = _GOVERNMENT_UNIT.match(name)
    if not m or drop_internal_office(name) != name or not is_place_name(m.group("p")):
        return None
    place = m.group("p")
    if not any(re.search(rf"[我本]{place[-1]}", t) for t in paragraphs[:limit]):
        return None
    return AgencyFound(place_only_agency(place), name, "contact")


def from_publisher(publisher: str | None, paragraphs: list[str] = (), limit: int = 10) -> AgencyFound | None:
    """The page's 发布机构 (often the agency's office): from the file's metadata, else a labelled line of the opening."""
    if not publisher:
        for i, text in enumerate(paragraphs[:limit]):
            m = _PUBLISHER_LINE.search(text)
            if m:
                publisher = m.group("a")
                break
            below = paragraphs[i + 1].strip() if i + 1 < len(paragraphs) else ""
            if _PUBLISHER_LABEL.match(text) and is_agency_line(below):  # 来源: / 市审计局, a label over its value
                publisher = below
                break
    if not publisher:
        return None
    return _office_owner(publisher.strip(), "publisher")


def _office_owner(name: str, source: str) -> AgencyFound | None:
    owner = drop_internal_office(name)
    if is_pronoun(owner) or len(owner) < 3:
        return None
    if agency_like(owner):
        return AgencyFound(canonical(owner), name, source)
    if is_place_name(owner):
        return AgencyFound(place_only_agency(owner), name, source)
    return None




_BARE_LEVEL = re.compile(r"(?:自治区|自治州|省|市|州|盟|县|区|旗)?")


def placed_instead(primary: AgencyFound, others: list[AgencyFound]) -> AgencyFound:
    """A title's or a quoted report name's agency with no place of its own (《2022年市政府信息公开工作年度报告.docx》,
    a file's name) yields to the first agency of the same type the report names with its place (南华县人民政府)."""
    place, kind = split_place(primary.name)
    if primary.source not in ("title", "embedded") or not _BARE_LEVEL.fullmatch(place):
        return primary
    for other in others:
        other_place, other_kind = split_place(other.name)
        if (other_kind == kind or branch_of(other_kind, kind)) and not _BARE_LEVEL.fullmatch(other_place):
            return other
    return primary


# 质量技术监督局余杭分局: a bureau's branch in a district, named by the bureau's type, the district and 分局
_BRANCH = re.compile(r"(?P<place>.{2,8}?)分局")


def branch_of(kind: str, bare: str) -> bool:
    """Whether `kind` (质量技术监督局余杭分局) is a branch of the bureau type `bare` (质量技术监督局) in a
    place: a report that names itself by the bureau's type alone is that branch's when it prints the branch."""
    if not bare or not kind.startswith(bare):
        return False
    m = _BRANCH.fullmatch(kind[len(bare):])
    return bool(m) and (is_place_name(m.group("place")) or is_place_name(m.group("place") + "区")
                        or is_place_name(m.group("place") + "县"))


# 成立有自治区水文水资源局“一服务两公开”工作领导小组: the agency's own working group for disclosure
_WORKING_GROUP = re.compile(
    rf"(?:成立|调整|设立|组建|健全)(?:了|有)?(?P<a>{AGENCY_NAME})(?:[“\"][^”\"]{{1,12}}[”\"])?"
    r"(?:政务公开|政府信息公开|政务信息公开|信息公开)?(?:工作)?领导小组"
)


# 成立县水利局宣传信息报道工作领导小组, 调整某局网站建设和信息公开工作领导小组: a group for a topic of its own,
# the topic never opening on an agency's ending (市政府办公室…: the office is the name) nor a role (为组长的)
_TOPIC_GROUP = re.compile(
    rf"(?:成立|调整|设立|组建|健全)(?:了|有)?(?P<a>{AGENCY_NAME})(?!{AGENCY_SUFFIX})(?:(?!的|为)[{HAN}]){{1,10}}?(?:工作)?领导小组"
)


def working_group(paragraphs: list[str], limit: int = 12) -> AgencyFound | None:
    """The agency whose disclosure working group the report says it set up (成立有A“一服务两公开”工作领导小组),
    else the one whose working group for a topic of its own it set up (成立A宣传信息报道工作领导小组)."""
    for pattern in (_WORKING_GROUP, _TOPIC_GROUP):
        for text in paragraphs[:limit]:
            for m in pattern.finditer(text):
                name = trim_lead(m.group("a"))
                if agency_like(name):
                    return AgencyFound(canonical(name), name, "group")
    return None
