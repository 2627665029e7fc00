"""Synonyms and abbreviations used to widen a search (卫健委 also finds 卫生健康委员会).

The file (named in config.toml) has one group per line: words separated by
spaces are equivalent; ``A => B C`` is one-way (a search for A also finds B
and C). A query term expands when it is a member itself, or when it contains
one (华龙区卫健委 also finds 华龙区卫生健康委员会).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .textnorm import match_form

BUILTIN = Path(__file__).parent / "data" / "synonyms.txt"


@dataclass(frozen=True, slots=True)
class Group:
    sources: tuple[str, ...]  # terms that expand
    targets: tuple[str, ...]  # what they expand to (for an equivalence group: every member)


@dataclass(frozen=True, slots=True)
class Synonyms:
    groups: tuple[Group, ...]

    def alternatives(self, needle: str) -> tuple[str, ...]:
        """Other strings that count as `needle` (all in match form), without `needle` itself."""
        out: list[str] = []
        for group in self.groups:
            members = set(group.sources) | set(group.targets)
            for source in group.sources:
                if source == needle:
                    out.extend(group.targets)
                elif source in needle and not any(
                    len(m) > len(source) and source in m and m in needle for m in members
                ):
                    out.extend(needle.replace(source, target, 1) for target in group.targets)
        seen = {needle}
        return tuple(x for x in out if not (x in seen or seen.add(x)))


def parse_synonyms(text: str) -> Synonyms:
    groups: list[Group] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "=>" in line:
            left, right = line.split("=>", 1)
            sources = tuple(match_form(w) for w in left.split() if match_form(w))
            targets = tuple(match_form(w) for w in right.split() if match_form(w))
        else:
            sources = targets = tuple(match_form(w) for w in line.split() if match_form(w))
        if sources and targets:
            groups.append(Group(sources, targets))
    return Synonyms(tuple(groups))


@lru_cache(maxsize=8)
def load_synonyms(path: str | None = None) -> Synonyms:
    """Synonyms from a file (the built-in list when `path` is None)."""
    return parse_synonyms(Path(path or BUILTIN).read_text(encoding="utf-8"))
