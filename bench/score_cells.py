#!/usr/bin/env python3
"""Score the table figures read from reports in many forms against figures read by hand.

    .venv/bin/python bench/score_cells.py FOLDER [-v] [--json]

FOLDER holds `docs/`, the same reports written out in several forms, one
file each named `<report>.<form>.<ext>` (`r1.page_gbk.html`, `r1.pdftotext_raw.txt`,
`r3.lo.pdf` …), and `truth.json`, the cells of each report's tables as read
by hand from its source:

    {"r1": {"active.licensing.decisions": 1517, "apply.new.total": 4, "apply.new.research": null, …}, …}

A number is a cell the report prints; `null` is a cell it prints blank,
which must stay absent from the record (a blank is not 0). Each file goes
through the reader and `extract.record_of`, as `nianbao extract` does. The
report: stated cells right per form and per report, blank cells left blank,
and every wrong value (a figure present but different from the truth, or a
figure given to a blank cell) with its file; with `-v` the missing cells too.
A file the reader refuses misses all its cells. The reports themselves are
third-party text and stay outside the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.extract import extract  # noqa: E402
from indexer.readers import ReadError  # noqa: E402


def split_name(name: str) -> tuple[str, str]:
    """`r1.page_gbk.html` → (`r1`, `page_gbk.html`): the report and the form it is written in."""
    report, _, form = name.partition(".")
    return report, form


def _same(got: float, want: float) -> bool:
    return abs(float(got) - float(want)) < 1e-9


def judge(metrics: dict[str, float], truth: dict[str, float | None]) -> dict[str, list]:
    """Sort one file's cells: right, missing, wrong (key, got, want); blank cells kept blank or given a value."""
    out: dict[str, list] = {"right": [], "missing": [], "wrong": [], "blank_kept": [], "blank_filled": []}
    for key, want in truth.items():
        got = metrics.get(key)
        if want is None:
            out["blank_kept" if got is None else "blank_filled"].append((key, got, want))
        elif got is None:
            out["missing"].append((key, got, want))
        else:
            out["right" if _same(got, want) else "wrong"].append((key, got, want))
    return out


def metrics_of(path: Path) -> tuple[dict[str, float], str | None]:
    """The figures `nianbao extract` gives for one file, and the reader's refusal when it refuses it."""
    try:
        record = extract(path).to_dict()
    except ReadError as exc:
        return {}, str(exc)
    return {k: m["value"] for k, m in record.get("metrics", {}).items()}, None


def score(folder: Path) -> dict:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    per_form: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # stated right, stated, blank kept, blank
    per_report: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    wrong, missing, refused = [], [], []
    for path in sorted((folder / "docs").iterdir()):
        report, form = split_name(path.name)
        if report not in truth or not path.is_file():
            continue
        metrics, error = metrics_of(path)
        if error:
            refused.append({"file": path.name, "reason": error})
        verdict = judge(metrics, truth[report])
        stated = len(verdict["right"]) + len(verdict["missing"]) + len(verdict["wrong"])
        blanks = len(verdict["blank_kept"]) + len(verdict["blank_filled"])
        for tally in (per_form[form], per_report[report]):
            tally[0] += len(verdict["right"])
            tally[1] += stated
            tally[2] += len(verdict["blank_kept"])
            tally[3] += blanks
        for key, got, want in verdict["wrong"] + verdict["blank_filled"]:
            wrong.append({"file": path.name, "key": key, "got": got, "want": want})
        missing += [{"file": path.name, "key": key, "want": want} for key, _, want in verdict["missing"]]
    right = sum(t[0] for t in per_form.values())
    total = sum(t[1] for t in per_form.values())
    return {
        "cells": [right, total],
        "blank_kept": [sum(t[2] for t in per_form.values()), sum(t[3] for t in per_form.values())],
        "per_form": dict(per_form),
        "per_report": dict(per_report),
        "wrong": wrong,
        "missing": missing,
        "refused": refused,
    }


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f} %)" if b else "0/0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every missing cell too")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = score(args.folder)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print("per form (stated cells right; blank cells left blank):")
    for form, (a, b, c, d) in sorted(result["per_form"].items()):
        print(f"  {form:24} {_pct(a, b):>22}   blank {c}/{d}")
    print("per report:")
    for report, (a, b, c, d) in sorted(result["per_report"].items()):
        print(f"  {report:24} {_pct(a, b):>22}   blank {c}/{d}")
    print(f"cells right: {_pct(*result['cells'])}; blank cells left blank: {_pct(*result['blank_kept'])}")
    print(f"wrong values: {len(result['wrong'])}")
    for w in result["wrong"]:
        print(f"  WRONG {w['file']} {w['key']}: got {w['got']!r}, want {w['want']!r}")
    for r in result["refused"]:
        print(f"  REFUSED {r['file']}: {r['reason']}")
    if args.verbose:
        for m in result["missing"]:
            print(f"  missing {m['file']} {m['key']} (want {m['want']!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
