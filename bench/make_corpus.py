"""Generate a synthetic corpus of N reports for benchmarks.

Each report recombines paragraphs and tables of the bundled samples with
another agency, place, year and numbers, and adds sentences rebuilt from the
samples' own clauses, so that vocabulary and report length resemble real
ones. Deterministic for a given seed.

    python bench/make_corpus.py OUT_DIR --count 20000 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AGENCY_KINDS = ["卫生健康局", "教育局", "财政局", "民政局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局",
                "农业农村局", "水利局", "商务局", "文化和旅游局", "市场监督管理局", "人民政府", "统计局", "医疗保障局"]


def places() -> list[tuple[str, str]]:
    from indexer import gazetteer

    out = []
    for name in gazetteer.place_names():
        if name.endswith(("县", "区", "市")) and len(name) >= 3:
            out.append((name, name))
    return out


def generate(out: Path, count: int, seed: int = 1) -> None:
    """Write `count` synthetic reports into `out`."""
    rng = random.Random(seed)
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "samples").glob("*.txt"))]
    clauses = [c for s in samples for c in re.split("[，。；]", s) if 6 <= len(c) <= 40 and "\t" not in c]
    names = places()
    out.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = rng.choice(samples[1:])
        place = rng.choice(names)[0]
        agency = place + rng.choice(AGENCY_KINDS)
        year = rng.randint(2019, 2024)
        text = re.sub(r"(桦南县|招远市|华龙区|舟山市|市)卫生(健康)?(局|委员会|委)", agency, text)
        text = re.sub(r"20(19|20|21|22|23)", str(year), text)
        text = re.sub(r"(?<=\t)\d+(?=\t|\n)", lambda m: str(rng.randint(0, 300)), text)
        extra = "。".join("，".join(rng.sample(clauses, 3)) for _ in range(rng.randint(5, 25))) + "。"
        paragraphs = text.split("\n\n")
        paragraphs.insert(rng.randint(2, max(2, len(paragraphs) - 1)), extra)
        (out / f"r{i:06d}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
