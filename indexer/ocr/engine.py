"""The OCR engine: RapidOCR (PP-OCRv4 detection and recognition models run by onnxruntime).

The models ship inside the `rapidocr-onnxruntime` wheel, so nothing is
downloaded at run time. It was chosen over Debian's tesseract-ocr (chi_sim)
on the same generated scans; the numbers are in the README. The engine is
loaded once per process, single-threaded: the indexer already runs one worker
per core.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

import numpy as np


@dataclass(frozen=True, slots=True)
class TextBox:
    """A recognised run of text and its box on the page (pixels)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    score: float


def version() -> str:
    from importlib.metadata import version as v

    return f"rapidocr-onnxruntime {v('rapidocr-onnxruntime')}"


@lru_cache(maxsize=1)
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    return RapidOCR(
        intra_op_num_threads=1, inter_op_num_threads=1,
        det_limit_side_len=1280, det_limit_type="max",  # page-sized images keep small table digits
        max_side_len=4000,
    )


def _rgb(grey: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.repeat(grey[:, :, None], 3, axis=2))


def detect(grey: np.ndarray) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, y0, x1, y1) of the text lines the detector finds on a grey image."""
    boxes, _ = _engine().text_det(_rgb(grey))
    out = []
    for box in boxes if boxes is not None else []:
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        out.append((float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))))
    return out


def read_lines(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """Recognition alone on crops that each hold one line of text (no detection)."""
    if not crops:
        return []
    results, _ = _engine().text_rec([_rgb(c) for c in crops])
    return [(text, float(score)) for text, score in results]
