"""Chinese names of the metric keys, for pages and tables that people read.

Built from the template labels the table mapper recognises (`template.LABELS`)
and the row and column names below, which the checks print too, so a key reads
the same wherever it is shown: ``active.penalty.decisions`` is
主动公开 · 行政处罚 · 处理决定数量.
"""

from __future__ import annotations

from .template import ACTIVE, ACTIVE_ROWS, APPEAL_LEAVES, APPEALS, APPLY_COLUMNS, LABELS, METRIC_KEYS

TABLE_NAMES = {
    "active": "主动公开政府信息情况",
    "apply": "收到和处理政府信息公开申请情况",
    "appeals": "行政复议、行政诉讼情况",
}
SEPARATOR = " · "

COLUMN_NAMES = {
    "natural": "自然人", "commercial": "商业企业", "research": "科研机构", "nonprofit": "社会公益组织",
    "legal_services": "法律服务机构", "other": "其他", "total": "总计",
}
ROW_NAMES = {
    "new": "一、本年新收申请", "carried_over": "二、上年结转申请",
    "granted": "（一）予以公开", "partial": "（二）部分公开",
    "denied.state_secret": "（三）不予公开·属于国家秘密",
    "denied.law_forbidden": "（三）不予公开·其他法律行政法规禁止公开",
    "denied.security_stability": "（三）不予公开·危及“三安全一稳定”",
    "denied.third_party": "（三）不予公开·保护第三方合法权益",
    "denied.internal_affairs": "（三）不予公开·属于三类内部事务信息",
    "denied.process_info": "（三）不予公开·属于四类过程性信息",
    "denied.enforcement_files": "（三）不予公开·属于行政执法案卷",
    "denied.query_items": "（三）不予公开·属于行政查询事项",
    "unavailable.not_held": "（四）无法提供·本机关不掌握相关政府信息",
    "unavailable.needs_creation": "（四）无法提供·没有现成信息需要另行制作",
    "unavailable.unclear": "（四）无法提供·补正后申请内容仍不明确",
    "not_processed.petition": "（五）不予处理·信访举报投诉类申请",
    "not_processed.duplicate": "（五）不予处理·重复申请",
    "not_processed.publication": "（五）不予处理·要求提供公开出版物",
    "not_processed.excessive": "（五）不予处理·无正当理由大量反复申请",
    "not_processed.confirmation": "（五）不予处理·要求行政机关确认或重新出具已获取信息",
    "other.total": "（六）其他处理",
    "other.no_correction": "（六）其他处理·申请人逾期不补正",
    "other.no_fee": "（六）其他处理·申请人逾期未缴纳费用",
    "other.other": "（六）其他处理·其他",
    "total": "（七）总计", "carried_forward": "四、结转下年度继续办理",
}
GROUP_NAMES = {"review": "行政复议", "litigation.direct": "行政诉讼（未经复议直接起诉）",
               "litigation.after_review": "行政诉讼（复议后起诉）"}

# Units that the template prints in a column's header rather than in its label.
_UNITS = {"amount_wan": "万元", "amount_yuan": "元"}
# Column names as the templates print them, where that differs from the recognised label.
_PRINTED = {"change": "本年增/减"}
_PRINTED_2021 = {"decisions": "本年处理决定数量"}
# The two metrics read from the prose, not from a table.
_PROSE = {
    "active.published_total": "主动公开政府信息数量（条）",
    "fees.processing_yuan": "收取信息处理费（元）",
}


def _first_alt(kind: str, role: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for label in LABELS:
        if label.kind == kind and label.role == role and label.key and label.key not in out:
            out[label.key] = label.alts[0]
    return out


ACTIVE_ROW_NAMES = {row: name for row, name in _first_alt(ACTIVE, "row").items() if row in ACTIVE_ROWS}
ACTIVE_COLUMN_NAMES = {
    key: _PRINTED.get(key, name) + (f"（{_UNITS[key]}）" if key in _UNITS else "")
    for key, name in _first_alt(ACTIVE, "col").items()
}
APPLY_ROW_NAMES = dict(ROW_NAMES)
APPLY_COLUMN_NAMES = {column: COLUMN_NAMES[column] for column in APPLY_COLUMNS}
APPEAL_GROUP_NAMES = dict(GROUP_NAMES)
APPEAL_LEAF_NAMES = {leaf: name for leaf, name in _first_alt(APPEALS, "col").items() if leaf in APPEAL_LEAVES}


def table_of(key: str) -> str:
    """Which standard table a metric belongs to: active, apply or appeals (prose metrics count as active)."""
    head = key.split(".", 1)[0]
    if head == "apply":
        return "apply"
    if head in ("review", "litigation"):
        return "appeals"
    return "active"


def _label(key: str) -> str:
    if key in _PROSE:
        return _PROSE[key]
    parts = key.split(".")
    if parts[0] == "active" and len(parts) == 3:
        return SEPARATOR.join((ACTIVE_ROW_NAMES[parts[1]], ACTIVE_COLUMN_NAMES[parts[2]]))
    if parts[0] == "apply":
        row, column = ".".join(parts[1:-1]), parts[-1]
        return SEPARATOR.join((APPLY_ROW_NAMES[row], APPLY_COLUMN_NAMES[column]))
    group, leaf = ".".join(parts[:-1]), parts[-1]
    return SEPARATOR.join((APPEAL_GROUP_NAMES[group], APPEAL_LEAF_NAMES[leaf]))


METRIC_LABELS: dict[str, str] = {key: _label(key) for key in METRIC_KEYS}


def metric_parts(key: str, template: str | None = None) -> tuple[str, str]:
    """(row name, column name) of a table metric, the column as `template` prints it.

    active.penalty.decisions -> (行政处罚, 本年处理决定数量) for 2021, (行政处罚, 处理决定数量) for 2019;
    apply.new.natural -> (一、本年新收申请, 自然人); review.upheld -> (行政复议, 结果维持).
    """
    parts = key.split(".")
    if parts[0] == "active" and len(parts) == 3:
        column = _PRINTED_2021.get(parts[2]) if template == "2021" else None
        return ACTIVE_ROW_NAMES.get(parts[1], parts[1]), column or ACTIVE_COLUMN_NAMES.get(parts[2], parts[2])
    if parts[0] == "apply" and len(parts) >= 3:
        row = ".".join(parts[1:-1])
        return APPLY_ROW_NAMES.get(row, row), APPLY_COLUMN_NAMES.get(parts[-1], parts[-1])
    if parts[0] in ("review", "litigation"):
        group = ".".join(parts[:-1])
        return APPEAL_GROUP_NAMES.get(group, group), APPEAL_LEAF_NAMES.get(parts[-1], parts[-1])
    label = metric_label(key)
    return "", label


def metric_label(key: str) -> str:
    """The Chinese name of a metric key; an unknown key is shown as it is."""
    return METRIC_LABELS.get(key, key)


# The figures people compare first: offered before the 228 keys in menus.
COMMON_METRICS = (
    "active.published_total", "active.penalty.decisions", "active.licensing.decisions",
    "apply.new.total", "apply.granted.total", "apply.total.total", "apply.carried_forward.total",
    "review.total", "litigation.direct.total", "fees.processing_yuan",
)
COMMON_TITLE = "常用"


def metric_groups(available: set[str] | None = None, common: bool = False) -> list[tuple[str, list[tuple[str, str]]]]:
    """(title, [(key, label), ...]) for each standard table, keys in `METRIC_KEYS` order.

    `available` keeps only those keys (the metrics some indexed report states);
    `common` puts a group of the most compared figures (`COMMON_METRICS`) first.
    """
    groups: dict[str, list[tuple[str, str]]] = {table: [] for table in TABLE_NAMES}
    for key in METRIC_KEYS:
        if available is None or key in available:
            groups[table_of(key)].append((key, METRIC_LABELS[key]))
    out = [(TABLE_NAMES[table], items) for table, items in groups.items() if items]
    if common:
        first = [(key, METRIC_LABELS[key]) for key in COMMON_METRICS if available is None or key in available]
        if first:
            out.insert(0, (COMMON_TITLE, first))
    return out
