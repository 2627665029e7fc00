"""Development-zone kinds (高新区, 经开区, 新区 …), read once from `data/zone_kinds.tsv`.

Every rule that asks whether a name ends like a zone, or names a zone's committee,
builds its pattern from this one list, so a kind added to the file reaches them all.
"""

from __future__ import annotations

import re
from pathlib import Path

ZONE_KINDS_FILE = Path(__file__).resolve().parent.parent / "data" / "zone_kinds.tsv"


def read_zone_kinds(path: Path = ZONE_KINDS_FILE) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(short form, its longer official forms) for each kind, in the file's order."""
    kinds = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short, *fulls = (part.strip() for part in line.split("\t"))
            kinds.append((short, tuple(fulls)))
    return tuple(kinds)


ZONE_KINDS = read_zone_kinds()
# Every word a zone name may end with, longest first (an alternation tries them in order)
ZONE_WORDS: tuple[str, ...] = tuple(
    sorted({w for short, fulls in ZONE_KINDS for w in (short, *fulls)}, key=lambda w: (-len(w), w))
)
ZONE_KIND = "(?:" + "|".join(ZONE_WORDS) + ")"
COMMITTEE = "(?:管理委员会|管委会)"
# A committee's name (某某区管理委员会, 某某管委会)
COMMITTEE_END = re.compile(COMMITTEE + "$")
# A name ending as a zone does (东湖高新区, 某某新区)
ZONE_END = re.compile(ZONE_KIND + "$")
# A zone's own administration, its committee printed or not (苏银产业园管理委员会, 某某新区)
ZONE_BODY_END = re.compile(ZONE_KIND + COMMITTEE + "?$")
# A zone's committee (某某保税区管理委员会)
ZONE_COMMITTEE_END = re.compile(ZONE_KIND + COMMITTEE + "$")


def zone_kinds_short(name: str) -> str:
    """The name with every zone kind in its short form (武昌经济开发区管委会 → 武昌经开区管委会)."""
    for short, fulls in ZONE_KINDS:
        for full in sorted(fulls, key=len, reverse=True):
            name = name.replace(full, short)
    return name
