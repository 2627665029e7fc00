"""The document model every reader returns: an ordered list of blocks.

A block is a paragraph or a table. Tables are grids of cell strings so that
one mapper turns the tables of every file format into metrics. Readers that
know the cell spans (HTML, DOCX, PDF) expand merged cells by repeating the
cell's text in every grid position it covers; the plain-text reader cannot
know spans, so its rows may be ragged. Text in blocks is already in display
form (`indexer.textnorm.normalize_text`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    ocr: float | None = None  # the OCR engine's confidence when the text was read from an image


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    ocr: tuple[float, ...] | None = None  # per row, the OCR confidence when the table was read from an image

    @staticmethod
    def from_rows(rows: list[list[str]]) -> "Table":
        return Table(tuple(tuple(r) for r in rows))


Block = Paragraph | Table


@dataclass
class Document:
    """What a reader found in one file.

    `meta` carries facts the file states outside its text, such as an HTML
    page's ``<meta name="ArticleTitle">`` or a DOCX's core title; extraction
    uses them only where the text itself says nothing.
    """

    path: Path
    format: str  # "txt", "html", "docx" or "pdf"
    blocks: list[Block]
    encoding: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
