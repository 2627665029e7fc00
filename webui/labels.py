"""Chinese names for the codes the index stores (levels, templates, check ids, statuses)."""

from __future__ import annotations

from indexer.metric_names import APPEAL_GROUP_NAMES, APPLY_COLUMN_NAMES, APPLY_ROW_NAMES, metric_label

LEVEL_NAMES = {
    "national": "国家级",
    "province": "省级",
    "city": "市级",
    "county": "县级",
    "township": "乡镇级",
}
TEMPLATE_NAMES = {"2019": "2019年版表格", "2021": "2021年版表格"}
STATUS_NAMES = {"pass": "通过", "fail": "未通过", "skip": "无法核对"}
_NUMERALS = "零一二三四五六七八九十"

# What each check verifies, said neutrally: the same name stands beside 通过 and 未通过.
_CHECKS = {
    "sections.required": "《条例》要求的五项内容齐全",
    "date.after_year": "落款日期在统计年度结束之后",
    "date.deadline": "在法定期限内发布",
    "template.matches_year": "表格模板与年度相符",
    "apply.balance": "依申请公开勾稽关系",
    "apply.row_total": "各类申请人之和等于总计",
    "apply.outcome_total": "各项办理结果之和等于总计",
    "appeals.total": "复议诉讼各项之和等于总计",
    "history.carried_over": "上年结转等于上一年度报告的结转下年度",
    "history.copied": "与本机关上一年度报告内容不雷同",
    "peers.copied": "与同年度其他机关报告内容不雷同",
}
_CHECK_PARTS = {
    "apply.balance": APPLY_COLUMN_NAMES,
    "apply.outcome_total": APPLY_COLUMN_NAMES,
    "apply.row_total": APPLY_ROW_NAMES,
    "appeals.total": APPEAL_GROUP_NAMES,
    "history.carried_over": APPLY_COLUMN_NAMES,
}


def check_name(check_id: str) -> str:
    """A check id (or id prefix, as the `failing` filter takes) in Chinese; unknown ids as they are."""
    if check_id in _CHECKS:
        return _CHECKS[check_id]
    for prefix, parts in _CHECK_PARTS.items():
        if check_id.startswith(prefix + "."):
            part = check_id[len(prefix) + 1:]
            return f"{_CHECKS[prefix]}（{parts.get(part, part)}）"
    return check_id


def level_name(level: str | None) -> str:
    return LEVEL_NAMES.get(level or "", level or "未知层级")


def template_name(template: str | None) -> str:
    return TEMPLATE_NAMES.get(template or "", "无标准表格")


def region_parts(region: dict | None) -> list[str]:
    """province, city, county as given; a municipality's city (北京市 北京市) is said once."""
    region = region or {}
    parts: list[str] = []
    for name in (region.get("province"), region.get("city"), region.get("county")):
        if name and (not parts or parts[-1] != name):
            parts.append(name)
    return parts


def section_heading(no: int, title: str) -> str:
    """二、主动公开政府信息情况 from (2, 主动公开政府信息情况)."""
    if not title:
        return ""
    if 0 < no <= 10:
        return f"{_NUMERALS[no]}、{title}"
    return title


def where_name(condition: str) -> str:
    """apply.new.total>=10 -> 一、本年新收申请 · 总计 ≥ 10."""
    for op, shown in ((">=", " ≥ "), ("<=", " ≤ "), ("!=", " ≠ "), ("==", " = "), (">", " > "), ("<", " < "), ("=", " = ")):
        if op in condition:
            key, value = condition.split(op, 1)
            return metric_label(key.strip()) + shown + value.strip()
    return condition
