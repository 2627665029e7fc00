"""Readers: one file on disk -> `indexer.blocks.Document`.

Every reader returns the same document model, so nothing after this package
knows which format a report came in. A file that cannot be read raises
`ReadError` with a reason a person understands; callers report it with the
file name and go on with the other files.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from ..blocks import Document


class ReadError(Exception):
    """A file that is not a readable report; the message says why in plain words."""


Reader = Callable[[Path], Document]

# Formats that look like reports but that we cannot read: say so instead of skipping silently.
UNSUPPORTED = {
    ".doc": "old Word format (.doc) is not supported; save it as .docx",
    ".wps": "WPS format is not supported; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx or .txt",
    ".xls": "spreadsheets are not reports; save the report as .docx or .pdf",
    ".xlsx": "spreadsheets are not reports; save the report as .docx or .pdf",
    ".ofd": "OFD is not supported; export it as PDF",
}


# suffix -> (module, function); imported on first use so that reading text
# files never pays for loading the PDF and DOCX libraries.
_READERS = {
    ".txt": ("text", "read_text"),
    ".text": ("text", "read_text"),
    ".md": ("markdown", "read_markdown"),
    ".markdown": ("markdown", "read_markdown"),
    ".htm": ("html", "read_html"),
    ".html": ("html", "read_html"),
    ".shtml": ("html", "read_html"),
    ".docx": ("docx", "read_docx"),
    ".pdf": ("pdf", "read_pdf"),
}
SUFFIXES = tuple(_READERS)


def _reader_for(suffix: str) -> Reader | None:
    entry = _READERS.get(suffix)
    if entry is None:
        return None
    module = importlib.import_module(f"{__name__}.{entry[0]}")
    return getattr(module, entry[1])


def is_report_file(path: Path) -> bool:
    """True for files the indexer should try (readable, or worth a clear refusal)."""
    suffix = path.suffix.lower()
    return suffix in SUFFIXES or suffix in UNSUPPORTED


def read_document(path: Path) -> Document:
    """Read one report file; raise `ReadError` when it is not a readable report."""
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise ReadError(UNSUPPORTED[suffix])
    reader = _reader_for(suffix)
    if reader is None:
        raise ReadError(f"unknown file type '{suffix or path.name}'; expected one of {', '.join(SUFFIXES)}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot open the file: {exc.strerror or exc}") from exc
    if size == 0:
        raise ReadError("the file is empty")
    try:
        doc = reader(path)
    except ReadError:
        raise
    except (OSError, MemoryError) as exc:
        raise ReadError(f"cannot read the file: {exc}") from exc
    except Exception as exc:  # a parser library choking on hostile input must not stop the run
        raise ReadError(f"the {suffix[1:].upper()} file is damaged or not what its name says ({type(exc).__name__}: {exc})") from exc
    if not doc.blocks:
        raise ReadError("no text found in the file")
    return doc
