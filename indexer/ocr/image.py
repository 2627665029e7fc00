"""Page images made ready for recognition: grey without coloured ink, straightened, binarised.

A seal is red and a signature often blue; printed text is black. Taking the
brightest of the three channels makes coloured ink nearly white and leaves
black text black, so a stamp over the signature does not hide it. A scan is
rarely straight: the skew is the angle at which the rows of ink line up best
(the variance of the horizontal projection is largest), searched within ±3°.
"""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image

MAX_PIXELS = 40_000_000  # a 600 dpi A3 page; bigger images are scaled down before anything else


def load(data: bytes | Image.Image) -> np.ndarray:
    """An image file's bytes (or a PIL image) as a grey uint8 array with coloured ink removed."""
    image = data if isinstance(data, Image.Image) else Image.open(io.BytesIO(data))
    Image.MAX_IMAGE_PIXELS = None  # we bound the size ourselves below, after a cheap header read
    w, h = image.size
    if w * h > MAX_PIXELS:
        scale = (MAX_PIXELS / (w * h)) ** 0.5
        image.draft("RGB", (int(w * scale), int(h * scale)))
        image = image.resize((max(1, int(w * scale)), max(1, int(h * scale))))
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image)
    rgb = np.asarray(image.convert("RGB"))
    return rgb.max(axis=2)


def binarise(grey: np.ndarray) -> np.ndarray:
    """Ink as 255, paper as 0 (Otsu's threshold)."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def skew_angle(grey: np.ndarray, limit: float = 3.0) -> float:
    """Degrees to rotate the image (counter-clockwise) so that its lines run level."""
    ink = binarise(grey)
    scale = min(1.0, 800 / max(ink.shape))
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else ink
    if small.sum() == 0:
        return 0.0

    def sharpness(angle: float) -> float:
        rotated = _rotate(small, angle, border=0)
        return float(np.var(rotated.sum(axis=1, dtype=np.float64)))

    best = max(np.arange(-limit, limit + 0.01, 0.5), key=sharpness)
    best = max(np.arange(best - 0.4, best + 0.41, 0.1), key=sharpness)
    return float(round(best, 2))


def _rotate(img: np.ndarray, angle: float, border: int) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def straighten(grey: np.ndarray) -> np.ndarray:
    """The grey page rotated so that text lines and table rules are level."""
    angle = skew_angle(grey)
    if abs(angle) < 0.05:
        return grey
    return _rotate(grey, angle, border=255)
