"""A report's own channels (“安康商务”微信公众号, 《驻马店农业信息网》, 义乌商务微信公众号): names made of a place's
stem and a department type's stem, which place a department or a zone the report prints without its place.

Shared by the placing finders in `agency_name` and the last resorts in `speaker`; pure functions over strings.
"""

from __future__ import annotations

import re

from ..gazetteer import places_in
from .names import abbreviations
from .patterns import HAN

# “安康商务”微信公众号, 《驻马店农业信息网》: a channel's name in quotes or title marks
CHANNEL = re.compile(rf"[“\"《](?P<c>[{HAN}]{{3,14}})[”\"》]")
# 洛阳高新微信公众号, 郑州经开政务微博: a channel named without quotes, the run of characters before its kind
UNQUOTED_CHANNEL = re.compile(
    rf"(?<![{HAN}])(?P<c>[{HAN}]{{3,8}}?)(?:微信公众号|微信公众平台|政务微博|官方微博|微博|手机报|门户网站|网站)")

# How deep a channel printed without quotes is looked for: a saved page's chrome and metadata box can take
# the first twenty lines, and the channel is named in the body's 主动公开 part
CHANNEL_DEPTH = 30


def type_stems(kind: str) -> set[str]:
    """How a department's channels shorten its type: its first two characters (商务局 → 商务), its known
    short form without the last character (发展和改革局 → 发改); a government's and its office's, 政务."""
    stems = {kind[:2]} if len(kind) > 2 else set()
    stems.update(short[:-1] for short, full in abbreviations() if full == kind and len(short) > 2)
    if kind.startswith("人民政府"):  # a government and its office: “吕梁政务信息”, the government's affairs
        stems.add("政务")
    return stems


def stem_channel_places(paragraphs: list[str], stems: set[str], levels: tuple[str, ...],
                        quoted: bool) -> set[str]:
    """The places of the given levels whose stem stands right before a department type's stem that closes a
    channel's name printed without quotes (义乌商务微信公众号 → 义乌市), and in quotes too when asked."""
    places: set[str] = set()
    for text in paragraphs:
        matches = [*CHANNEL.finditer(text), *UNQUOTED_CHANNEL.finditer(text)] if quoted else \
            list(UNQUOTED_CHANNEL.finditer(text))
        for m in matches:
            channel = m.group("c")
            for stem in stems:
                at = channel.rfind(stem)
                if at < 2 or at + len(stem) != len(channel):
                    continue  # the type's stem closes the channel's name (义乌商务, not 商务义乌)
                for k in (2, 3):
                    if at - k < 0:
                        continue
                    places.update(place for level in levels if one_place(place := channel[at - k:at] + level))
    return places


def one_place(name: str) -> bool:
    """Whether `name` is, whole, the name of exactly one place (义乌市; not 衡阳 of two, not 某某市 of none)."""
    return [(p.text, len(p.places)) for p in places_in(name, agency=True)] == [(name, 1)]

