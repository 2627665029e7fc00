"""Field rules: title, agency, agency level, year and printed date of a report.

Each rule is a small pure function over the report's paragraphs (display
form), so each can be tested on a string. Reports start in many ways (page
chrome before the title, a year-first title, a title split over two lines, no
title at all) and print other years than their own, so every rule looks for
the strongest evidence first and weighs the rest. One module per job:

* `title`: the title among the lines of the opening;
* `agency`: where the report names its agency, and the fullest printing;
* `names`: one spelling per agency (abbreviations, offices, level prefixes);
* `level`: national, province, city, county or township;
* `placing`: the agency and its region, which decide each other (placing rules for names without a place);
* `dates`: the statistics year and the printed date;
* `lines`: the paragraphs as the rules read them (a page header row spread over table cells undone,
  a mirror's pinyin glosses out, traditional characters simplified).
"""

from .agency import AgencyFound, from_title
from .agency_name import agency_of, find_agency
from .dates import parse_date, published_of, statistics_year, year_of
from .level import agency_level_of, is_national, is_township_agency, named_by_stem
from .lines import as_printed, field_lines, is_site_footer, rule_lines, simplified, without_glosses
from .names import (
    canonical,
    complete_level_prefix,
    drop_internal_office,
    expand_type,
    is_bare_county_level,
    is_unplaced_unit,
    same_agency,
    split_place,
)
from .patterns import cn_year
from .placing import agency_and_region
from .title import clean_title_line, title_head, title_of


def agency_in_title(title: str) -> str | None:
    """The agency a title names, as printed (years and connectives removed), or None."""
    found = from_title(title)
    return found.printed if found else None


__all__ = [
    "AgencyFound",
    "agency_and_region",
    "agency_in_title",
    "agency_level_of",
    "agency_of",
    "as_printed",
    "canonical",
    "clean_title_line",
    "cn_year",
    "complete_level_prefix",
    "drop_internal_office",
    "expand_type",
    "field_lines",
    "find_agency",
    "is_national",
    "is_site_footer",
    "is_township_agency",
    "is_bare_county_level",
    "is_unplaced_unit",
    "named_by_stem",
    "parse_date",
    "rule_lines",
    "published_of",
    "same_agency",
    "simplified",
    "split_place",
    "statistics_year",
    "title_head",
    "title_of",
    "without_glosses",
    "year_of",
]
