"""What names a report and the code that read it: the id of a file's content, and the extractor's fingerprint.

Kept apart from `extract` (which imports every reader and rule) so that a run
of `nianbao index` can tell what changed without loading what would read it.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_EXTRACTION_MODULES = (
    "textnorm.py", "blocks.py", "structure.py", "record.py", "extract.py",
    "prose.py", "checks.py", "metric_names.py", "figure_splits.py",
)


def id_of_sha256(hexdigest: str) -> str:
    """The report id of a file whose SHA-256 is already known (the indexer hashes every file)."""
    return hexdigest[:16]


def fingerprinted_paths() -> list[Path]:
    """The code and data files that make records (what `extractor_fingerprint` hashes)."""
    here = Path(__file__).parent
    paths = [here / name for name in _EXTRACTION_MODULES]
    for package in ("readers", "fields", "gazetteer", "template", "tables"):
        paths += sorted((here / package).glob("*.py"))
    paths += sorted((here / "data").glob("gazetteer*"))
    paths += [here / "data" / name for name in ("agency_abbreviations.tsv", "metadata_labels.tsv", "place_aliases.tsv", "traditional_chars.tsv", "zone_kinds.tsv")]
    paths += sorted((here / "ocr").glob("*.py"))
    return paths


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Hash of the code and data that make records, so the indexer re-extracts when they change."""
    h = hashlib.sha256()
    for path in fingerprinted_paths():
        if path.exists():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]
