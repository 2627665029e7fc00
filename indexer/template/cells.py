"""A table cell as a number: ``1,234``, ``4279099.95 元``, ``12.5万元``, ``增4``/``减2``, ``90(信用中国某市)`` (a note
in brackets after the figure that cannot change it); blank and absent markers.

An empty cell, ``—``, ``-``, ``/``, ``无`` is absent, never 0, and so is a sign printed without its figure
(``增``, ``减少``, ``+``: a change whose amount the report left out); `convert` puts a figure in its metric's unit
(元 for amount_yuan, 万元 for amount_wan). A minus typed twice (``--253``, a change column) is one minus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

_ABSENT = re.compile(r"^(?:[—\-－–―_/／\\、.。·…*×xX?？]+|无|空|暂无|没有|不适用|未统计|n/?a|null|增加?|减少?|[+＋])$", re.IGNORECASE)
# How a figure's sign is printed, for every reader's pattern of figures: a plus, or a minus, typed twice at times
# (``--253`` is one minus); SIGN adds the 增 / 减 (增加 / 减少) a change column may print before its figure
PLUS_MINUS = r"(?:[+＋]|[\-−－]{1,2})"
SIGN = rf"(?:{PLUS_MINUS}|增加?|减少?)"
_NUMBER = re.compile(
    rf"^(?P<sign>增加?|减少?|{PLUS_MINUS})?"
    r"(?P<int>\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．](?P<frac>\d+))?"
    r"(?P<unit>万元|元|万|件|条|个|项|次|篇|家|人|宗|起)?$"
)
# A note in brackets after a figure (90(信用中国某市), 12（含变更）): where the count came from or what it holds, for
# every reader's pattern of figures. A note that could change the figure (a digit, a money unit, 增 / 减, a
# percentage) is not one of these: such a cell stays text.
FIGURE_NOTE = r"[(（【\[][^()（）【】\[\]\d\s万元增减%‰]{1,20}[)）】\]]"
_NOTE = re.compile(rf"(?<=\d){FIGURE_NOTE}$")
_LOST = re.compile(r"^[?？\ufffd](?=[+\-]?\d)")  # ? 0: a character a mirror lost (a no-break space), printed as ?
_DIGITS = str.maketrans("０１２３４５６７８９，．＋－減萬條個項", "0123456789,.+-减万条个项")  # full width; a traditional-script copy's 減 萬 條 個 項


@dataclass(frozen=True, slots=True)
class Number:
    value: Decimal
    integral_text: bool
    unit: str | None  # "万元", "元" or None


BLANK, ABSENT, VALUE, TEXT = "blank", "absent", "value", "text"
# every reader's test for a cell holding one figure: signs, 增加 / 减少, full-width digits, a unit or a share
_NUMBER_CELL = re.compile(r"^[\s+\-−]*(?:增加?|减少?)?[\s+\-−]*[\d０-９][\d,，.．]*%?\s*(?:元|万元|件|条|个|项|%)?$")


@lru_cache(maxsize=65536)  # labels and cells repeat across rows and reports
def parse_number(cell: str) -> Number | None:
    """A table cell as a number, or None (see `cell_kind` for absent markers)."""
    t = _LOST.sub("", re.sub(r"\s+", "", cell.translate(_DIGITS)))
    note = _NOTE.search(t)
    if note:
        t = t[:note.start()]
    m = _NUMBER.match(t)
    if not m:
        return None
    try:
        value = Decimal(m.group("int").replace(",", "").replace("，", "") + ("." + m.group("frac") if m.group("frac") else ""))
    except InvalidOperation:
        return None
    sign = m.group("sign") or ""
    if sign.startswith("减") or sign[:1] in ("-", "−", "－"):
        value = -value
    unit = m.group("unit")
    return Number(value, m.group("frac") is None, unit if unit in ("万元", "元", "万") else None)


def figure_length(cell: str) -> int | None:
    """How many characters of `cell` its figure takes when a bracketed note follows it (``90(信用中国某市)`` → 2), so
    that a reader placing figures by position places the figure, not its note; None for any other cell."""
    t = cell.translate(_DIGITS)
    note = _NOTE.search(t)
    if note and _NUMBER.match(t[:note.start()]):
        return note.start()
    return None


@lru_cache(maxsize=65536)  # labels and cells repeat across rows and reports
def cell_kind(cell: str) -> str:
    t = cell.strip()
    if not t:
        return BLANK
    if parse_number(t) is not None:
        return VALUE
    if _ABSENT.match(re.sub(r"\s+", "", t)) or re.fullmatch(r"[\d.]+\s*%", t):
        return ABSENT
    return TEXT


def is_number_cell(cell: str) -> bool:
    """A cell that holds a figure and nothing else (a repeated one is no merged label, a row of them no prose)."""
    return bool(_NUMBER_CELL.match(cell))


def _as_number(d: Decimal, integral: bool) -> int | float:
    if integral and d == d.to_integral_value():
        return int(d)
    return float(d)


def convert(number: Number, column: str, header_unit: str | None) -> int | float:
    """The value of a cell in the unit of its metric (元 for amount_yuan, 万元 for amount_wan)."""
    unit = number.unit or header_unit
    value = number.value
    if column == "amount_yuan" and unit in ("万元", "万"):
        value = value * 10000
        return _as_number(value, True)
    if column == "amount_wan" and unit == "元":
        return float(value / 10000)
    return _as_number(value, number.integral_text)
