"""Report ids that were indexed once and are no longer: what a link to one of them should get.

Published links must keep working. A report whose file left the corpus keeps
an entry here (its title, agency, year, file and when it left), so the web app
can answer 410 naming it, or 301 to its successor: the report that took its
place (its file became a copy of another report's file, or another report of
the same agency and year is in the index; see `Index.successor`). The file
lives in each index generation and is carried from one generation to the next.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

RETIRED_FILE = "retired.json"


def load(generation: Path | None) -> dict[str, dict]:
    """id -> what is known of the retired report, from a generation folder (empty when none)."""
    if generation is None:
        return {}
    try:
        data = json.loads((generation / RETIRED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(folder: Path, retired: dict[str, dict]) -> None:
    """Write the entries into a generation being built (a new file: the base's may be hard-linked)."""
    path = folder / RETIRED_FILE
    tmp = folder / (RETIRED_FILE + ".part")
    tmp.write_text(json.dumps(retired, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)
