"""The report record of ``../shared/spec/report.md`` as plain dataclasses.

The index, the web pages, the JSON API and the exports all show this record,
so its field names are a public contract: add fields freely, never rename.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .gazetteer import Region
from .structure import Passage, Section


# 某区人民政府某街道办事处, 某县人民政府某镇人民政府: the county's government printed before a township unit
_COUNTY_GOVERNMENT_BEFORE_UNIT = re.compile(r"(?<=[区县市旗])人民政府(?=[\u4e00-\u9fff]{1,12}?(?:街道办事处|街道|镇|乡|苏木)(?:人民政府)?$)")


def agency_id_of(region: Region, agency: str | None) -> str | None:
    """`agency_id` of spec/report.md: the region code and the agency, e.g. ``330900:舟山市卫生健康委员会``.

    The names of the region's parents printed in front of the agency's own
    place are left out of the key, since the code already says them: a report
    that prints 淮安市洪泽区人民政府 and one that prints 洪泽区人民政府 share
    ``320813:洪泽区人民政府``. So does a township unit printed after its county's government
    (东城区人民政府某街道办事处 and 东城区某街道办事处). Without a region code the name alone (``:国家统计局``)."""
    if not agency:
        return None
    key = _COUNTY_GOVERNMENT_BEFORE_UNIT.sub("", agency, count=1)
    own = region.county or region.city or region.province
    for parent in dict.fromkeys((region.province, region.city)):
        if parent and parent != own and key.startswith(parent) and len(key) > len(parent):
            key = key[len(parent):]
    return f"{region.code or ''}:{key}"


def _passage_dict(p: Passage) -> dict[str, Any]:
    """A passage as JSON; only passages read by OCR carry `source` and `confidence`."""
    d: dict[str, Any] = {"id": p.id, "section": p.section, "kind": p.kind, "text": p.text}
    if p.source:
        d["source"] = p.source
        d["confidence"] = p.confidence
    return d


@dataclass(slots=True)
class Metric:
    value: int | float
    passage: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "passage": self.passage}


@dataclass(slots=True)
class Check:
    id: str
    status: str  # "pass", "fail" or "skip"
    message: str
    passages: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # more fields for the JSON (a check across reports: against, share, pairs)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "message": self.message, "passages": list(self.passages),
                **self.details}


_CHECK_FIELDS = ("id", "status", "message", "passages")


@dataclass(slots=True)
class Report:
    id: str
    source: str
    title: str
    agency: str | None
    agency_level: str | None
    region: Region
    year: int | None
    published: str | None
    template: str | None
    sections: list[Section]
    passages: list[Passage]
    metrics: dict[str, Metric] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    format: str = "txt"
    agency_printed: str | None = None  # the agency as the report prints it where `agency` was found
    source_url: str | None = None  # the report's original web address, when the file states it

    @property
    def agency_id(self) -> str | None:
        """One key per agency across years: region code and canonical name (330900:舟山市卫生健康委员会)."""
        return agency_id_of(self.region, self.agency)

    def failing_checks(self) -> list[str]:
        return [c.id for c in self.checks if c.status == "fail"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "agency": self.agency,
            "agency_printed": self.agency_printed,
            "agency_id": self.agency_id,
            "agency_level": self.agency_level,
            "region": self.region.to_dict(),
            "year": self.year,
            "published": self.published,
            "template": self.template,
            "format": self.format,
            "source_url": self.source_url,
            "sections": [{"no": s.no, "title": s.title, "passages": list(s.passages)} for s in self.sections],
            "passages": [_passage_dict(p) for p in self.passages],
            "metrics": {k: m.to_dict() for k, m in self.metrics.items()},
            "checks": [c.to_dict() for c in self.checks],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Report":
        return cls(
            id=d["id"],
            source=d["source"],
            title=d["title"],
            agency=d.get("agency"),
            agency_printed=d.get("agency_printed"),
            agency_level=d.get("agency_level"),
            region=Region(**(d.get("region") or {})),
            year=d.get("year"),
            published=d.get("published"),
            template=d.get("template"),
            format=d.get("format", "txt"),
            source_url=d.get("source_url"),
            sections=[Section(s["no"], s["title"], list(s["passages"])) for s in d.get("sections", [])],
            passages=[Passage(p["id"], p["section"], p["kind"], p["text"], p.get("source"), p.get("confidence"))
                      for p in d.get("passages", [])],
            metrics={k: Metric(m["value"], m.get("passage")) for k, m in (d.get("metrics") or {}).items()},
            checks=[Check(c["id"], c["status"], c["message"], list(c.get("passages", [])),
                          {k: v for k, v in c.items() if k not in _CHECK_FIELDS}) for c in d.get("checks", [])],
        )
