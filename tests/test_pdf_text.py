"""pdf_text gives pdfplumber's text lines and text, character for character, on random and odd pages."""

import math
import random

from pdfplumber.utils import chars_to_textmap, extract_text

from indexer.readers.pdf_text import text_lines, text_of


def _page(rng: random.Random, n: int) -> list[dict]:
    """Characters on a few baselines, some touching, some apart, a few rotated, spaces and a ligature among them."""
    chars = []
    texts = "政府信息公开年报0123456789 ﬁ"
    for _ in range(n):
        top = rng.choice([100.0, 101.5, 103.2, 140.0, 180.25, 181.0]) + rng.choice([0, 0, 0.4, 2.9, 3.1])
        x0 = round(rng.uniform(50, 500), rng.choice([0, 1, 2]))
        size = rng.choice([10.5, 12.0])
        chars.append({"text": rng.choice(texts), "x0": x0, "x1": x0 + rng.choice([size, size / 2, 0.0]),
                      "top": top, "doctop": top, "bottom": top + size, "size": size, "upright": rng.random() > 0.05})
    return chars


def _plumber_lines(chars: list[dict]) -> list[dict]:
    return chars_to_textmap(chars).extract_text_lines(strip=True, return_chars=True) if chars else []


def test_same_lines_and_text_as_pdfplumber_on_random_pages():
    rng = random.Random(7)
    for _ in range(300):
        chars = _page(rng, rng.randint(0, 60))
        ours = text_lines(chars)
        assert ours == _plumber_lines(chars)
        assert all(a is b for line, theirs in zip(ours, _plumber_lines(chars)) for a, b in zip(line["chars"], theirs["chars"]))
        assert text_of(chars) == (extract_text(chars, x_tolerance=3, y_tolerance=3) if chars else "")


def test_empty_text_and_touching_rotated_characters():
    chars = [
        {"text": "规", "x0": 10.0, "x1": 20.0, "top": 5.0, "doctop": 5.0, "bottom": 15.0, "upright": True},
        {"text": "", "x0": 20.0, "x1": 20.0, "top": 5.0, "doctop": 5.0, "bottom": 15.0, "upright": True},
        {"text": "章", "x0": 20.0, "x1": 30.0, "top": 5.0, "doctop": 5.0, "bottom": 15.0, "upright": True},
        {"text": "竖", "x0": 50.0, "x1": 60.0, "top": 5.0, "doctop": 5.0, "bottom": 15.0, "upright": False},
        {"text": "排", "x0": 50.5, "x1": 60.5, "top": 15.0, "doctop": 15.0, "bottom": 25.0, "upright": False},
    ]
    assert text_lines(chars) == _plumber_lines(chars)
    assert text_of(chars) == extract_text(chars)


def test_a_coordinate_that_is_no_number_is_left_to_pdfplumber():
    chars = [{"text": "规", "x0": math.nan, "x1": 20.0, "top": 5.0, "doctop": 5.0, "bottom": 15.0, "upright": True},
             {"text": "章", "x0": 20.0, "x1": 30.0, "top": 5.0, "doctop": 5.0, "bottom": 15.0, "upright": True}]
    assert [line["text"] for line in text_lines(chars)] == [line["text"] for line in _plumber_lines(chars)]
    assert text_of(chars) == extract_text(chars)
