#!/usr/bin/env python3
"""Score the field rules on a folder of report openings read by hand.

    .venv/bin/python bench/score_fields.py FOLDER [--truth FILE] [-v] [--json]

FOLDER holds the openings (one text file each, as a reader or crawler saves
the start of a report page) and, unless --truth says otherwise, a
`truth.jsonl` beside them: one line per file,

    {"file": "001.txt", "title": ["…"], "agency": ["…", "an accepted alternative"],
     "level": ["county"], "province": ["江苏省"], "city": ["淮安市"], "county": [null],
     "year": [2022], "published": ["2023-01-18", null], "skip": ["title"]}

Every judged field lists the values accepted (null included when leaving it
empty is right); a field in `skip`, or absent, is not judged. Each file goes
through the reader and `extract.record_of`, as `nianbao extract` does. The
report: fields right per field, openings with every judged field right, and
each miss with what was expected and what came out. The openings themselves
are third-party text and stay outside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.extract import extract  # noqa: E402
from indexer.readers import ReadError  # noqa: E402

FIELDS = ("title", "agency", "level", "province", "city", "county", "year", "published")


def got_field(record: dict, field: str):
    if field == "level":
        return record.get("agency_level")
    if field in ("province", "city", "county"):
        return (record.get("region") or {}).get(field)
    return record.get(field)


def _same(field: str, got, want) -> bool:
    if field == "title" and isinstance(got, str) and isinstance(want, str):
        return re.sub(r"\s+", "", got) == re.sub(r"\s+", "", want)
    return got == want


def judge(record: dict, truth: dict) -> dict[str, tuple[bool, object, list]]:
    """field → (right, got, accepted) for every judged field of one opening."""
    out = {}
    for field in FIELDS:
        if field in truth.get("skip", []) or field not in truth:
            continue
        accepted = truth[field] if isinstance(truth[field], list) else [truth[field]]
        got = got_field(record, field)
        out[field] = (any(_same(field, got, want) for want in accepted), got, accepted)
    return out


def score(folder: Path, truth_path: Path) -> dict:
    rows = [json.loads(line) for line in truth_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    per_field: Counter[str] = Counter()
    judged: Counter[str] = Counter()
    misses, perfect = [], 0
    for truth in rows:
        try:
            record = extract(folder / truth["file"]).to_dict()
        except ReadError as exc:  # an opening the reader refuses is a miss on every field, not a crash
            record = {"title": f"<unreadable: {exc}>", "agency": f"<unreadable: {exc}>"}
        verdicts = judge(record, truth)
        for field, (right, got, accepted) in verdicts.items():
            judged[field] += 1
            per_field[field] += right
            if not right:
                misses.append({"file": truth["file"], "field": field, "got": got, "want": accepted})
        perfect += all(right for right, _, _ in verdicts.values())
    return {
        "openings": len(rows),
        "all_right": perfect,
        "fields": {f: [per_field[f], judged[f]] for f in FIELDS if judged[f]},
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--truth", type=Path, help="truth file (default: FOLDER/truth.jsonl)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = score(args.folder, args.truth or args.folder / "truth.jsonl")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    if args.verbose:
        for m in result["misses"]:
            print(f"{m['file']} {m['field']}: got {m['got']!r}, want {' | '.join(map(repr, m['want']))}")
    fields = " ".join(f"{f} {a}/{b}" for f, (a, b) in result["fields"].items())
    print(f"fields: {fields}")
    print(f"openings with every field right: {result['all_right']}/{result['openings']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
