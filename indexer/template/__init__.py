"""The national templates of the annual report: what their three tables print and what their figures must satisfy.

This is domain data, like the gazetteer, that readers and the table mapper both build on (it imports
neither): the row and column labels of tables 2-4 and their metric keys, in the stable order of
`METRIC_KEYS` (`labels`); matching a printed label to a template label (`label_core` normalizes width,
spacing, （一）/(一)/1./一、 prefixes, parenthetical remarks, quotes, 只记 -> 只计, 社会组织 -> 社会公益组织;
`match_label` compares by a similarity ratio, so 本年度止件数 is 本年废止件数 while 不予公开 never
becomes 予以公开: the best candidate must beat every other); which template ("2019" or "2021") a text's
labels belong to (`template_of_text`, never the report's year); a cell as a number (``1,234``,
``4279099.95 元``, ``12.5万元``, ``增4``/``减2``; an empty cell, ``—``, ``-``, ``/``, ``无`` is absent,
never 0) in its metric's unit (`cells`); and table 3's column sums (`sums`).

It stays light (no record, no structure, no gazetteer): a search needs `METRIC_KEYS` and imports it.
"""

from .cells import (ABSENT, BLANK, FIGURE_NOTE, PLUS_MINUS, SIGN, TEXT, VALUE, Number, cell_kind, convert, figure_length, is_number_cell,
                    parse_number)
from .labels import (ACTIVE, ACTIVE_ALLOWED, ACTIVE_COLUMNS, ACTIVE_ROWS, APPEAL_CELLS, APPEAL_GROUPS, APPEAL_LEAVES, APPEALS,
                     APPLY, APPLY_COLUMNS, APPLY_OUTCOMES_2019, APPLY_ROWS, KINDS, LABELS, METRIC_KEYS, OTHER_2019, OTHER_2021,
                     Label, label_core, label_parts, match_label, similarity, template_of_text)
from .sums import columns_hold, outcome_rows, outcomes_within_total

__all__ = [
    "ABSENT", "ACTIVE", "ACTIVE_ALLOWED", "ACTIVE_COLUMNS", "ACTIVE_ROWS", "APPEALS", "APPEAL_CELLS", "APPEAL_GROUPS",
    "APPEAL_LEAVES", "APPLY", "APPLY_COLUMNS", "APPLY_OUTCOMES_2019", "APPLY_ROWS", "BLANK", "FIGURE_NOTE", "KINDS", "LABELS", "Label",
    "METRIC_KEYS", "Number", "OTHER_2019", "OTHER_2021", "TEXT", "VALUE", "cell_kind", "columns_hold", "convert", "figure_length",
    "is_number_cell",
    "label_core", "label_parts", "match_label", "outcome_rows", "outcomes_within_total", "parse_number", "similarity",
    "template_of_text",
]
