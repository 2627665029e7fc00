"""What recognising a page gives: text lines and table grids with positions and confidences (no numpy here)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class OcrTable:
    top: float
    box: tuple[int, int, int, int]
    rows: list[list[str]]
    confidence: list[float]  # per row: the lowest confidence of its cells (1.0 for a row with no text)


@dataclass
class OcrPage:
    width: int
    height: int
    lines: list[Line] = field(default_factory=list)
    tables: list[OcrTable] = field(default_factory=list)

    def items(self) -> list[Line | OcrTable]:
        """Lines and tables in reading order (top to bottom)."""
        return sorted([*self.lines, *self.tables], key=lambda it: it.top)
