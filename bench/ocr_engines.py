"""Compare OCR engines on the same generated scans: figures right per table cell, and speed.

Each engine reads the scanned table images of the test reports (both templates,
drawn by tests/fixtures/scans.py at the given dpi, rotated 1°, noisy, JPEG).
Its text boxes are put into the cells where the tables were drawn (box centre,
rotation undone), so the score measures the engine alone, not our table
reconstruction. A figure cell is right when its text equals the drawn text
(spaces and full-width forms aside). Speed is whole scanned pages per minute.

    .venv/bin/python bench/ocr_engines.py [--dpi 180] [--engines rapidocr,tesseract]
"""

from __future__ import annotations

import argparse
import math
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fixtures import scans  # noqa: E402
from tests.fixtures.reports import build_report  # noqa: E402

_FIGURE = re.compile(r"^(?:[\d０-９.,，]+(?:万元)?|[增减+\-][\d０-９]+|[—/无]|)$")
_FOLD = str.maketrans("０１２３４５６７８９，", "0123456789,")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).translate(_FOLD)


def rapidocr_boxes(image) -> list[tuple[float, float, str]]:
    import numpy as np
    from rapidocr_onnxruntime import RapidOCR

    engine = getattr(rapidocr_boxes, "engine", None) or RapidOCR()
    rapidocr_boxes.engine = engine
    result, _ = engine(np.asarray(image.convert("RGB")))
    out = []
    for box, text, _score in result or []:
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        out.append(((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, text))
    return out


def tesseract_boxes(image) -> list[tuple[float, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        image.save(path)
        tsv = subprocess.run(["tesseract", str(path), "-", "-l", "chi_sim", "--psm", TESS_PSM, "tsv"],
                             capture_output=True, text=True, check=True).stdout
    out = []
    for line in tsv.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 12 or not parts[11].strip():
            continue
        left, top, width, height = map(int, parts[6:10])
        out.append((left + width / 2, top + height / 2, parts[11].strip()))
    return out


TESS_PSM = "11"
ENGINES = {"rapidocr": rapidocr_boxes, "tesseract": tesseract_boxes}


def score(engine, dpi: int) -> tuple[int, int, int, int, list[str]]:
    """(figure cells right, figure cells, label cells right, label cells, wrong figures)."""
    right = total = lab_right = lab_total = 0
    wrong: list[str] = []
    for template in ("2021", "2019"):
        report = build_report(template)
        grids = [b for b in report.blocks if not isinstance(b, str)]
        for n, grid in enumerate(grids):
            drawing = scans.draw_table(grid, dpi)
            image = scans._jpeg(scans.scan_look(drawing.pages[0], n, 1.0))
            cx, cy = image.size[0] / 2, image.size[1] / 2
            t = math.radians(1.0)
            found: dict[int, list[tuple[float, float, str]]] = {}
            for x, y, text in ENGINES[engine](image):
                dx, dy = x - cx, y - cy  # undo the scan's rotation: back to drawing coordinates
                ox, oy = cx + dx * math.cos(t) - dy * math.sin(t), cy + dx * math.sin(t) + dy * math.cos(t)
                for i, cell in enumerate(drawing.cells):
                    x0, y0, x1, y1 = cell.box
                    if x0 <= ox <= x1 and y0 <= oy <= y1:
                        found.setdefault(i, []).append((oy, ox, text))
                        break
            for i, cell in enumerate(drawing.cells):
                read = _norm("".join(t for _, _, t in sorted(found.get(i, []))))
                truth = _norm(cell.text)
                if _FIGURE.match(truth):
                    total += 1
                    if read == truth:
                        right += 1
                    else:
                        wrong.append(f"{template}/t{n}/r{cell.row}c{cell.col}: {truth!r} read {read!r}")
                else:
                    lab_total += 1
                    lab_right += read == truth
    return right, total, lab_right, lab_total, wrong


def pages_per_minute(engine, dpi: int) -> float:
    pages = scans.scanned_pages(build_report("2021"), dpi)
    ENGINES[engine](pages[0].crop((0, 0, 200, 200)))  # load models outside the timing
    start = time.perf_counter()
    for page in pages:
        ENGINES[engine](page)
    return 60 * len(pages) / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dpi", type=int, default=180)
    ap.add_argument("--engines", default="rapidocr,tesseract")
    ap.add_argument("--show-wrong", action="store_true")
    args = ap.parse_args()
    for engine in args.engines.split(","):
        right, total, lab_right, lab_total, wrong = score(engine, args.dpi)
        ppm = pages_per_minute(engine, args.dpi)
        print(f"{engine}: figure cells {right}/{total} right ({100 * right / total:.1f} %), "
              f"label cells {lab_right}/{lab_total} exact ({100 * lab_right / lab_total:.1f} %), "
              f"{ppm:.1f} pages/min at {args.dpi} dpi")
        if args.show_wrong:
            for w in wrong[:40]:
                print("   ", w)


if __name__ == "__main__":
    main()
