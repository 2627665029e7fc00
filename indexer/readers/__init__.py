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
    ".mht": ("mhtml", "read_mhtml"),
    ".mhtml": ("mhtml", "read_mhtml"),
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
    from .. import limits

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot open the file: {exc.strerror or exc}") from exc
    if size == 0:
        raise ReadError("the file is empty")
    limits.check_bytes("file_mb", size, "the file")
    kind = _READERS[suffix][0]
    per_char = _BYTES_PER_CHAR.get(kind)
    if per_char and size > per_char * limits.current().chars:
        raise limits.exceeded("chars", f"the {'HTML' if kind in ('html', 'mhtml') else 'text'} file is {size / 2**20:,.0f} MB, "
                                       f"so it holds more than {limits.current().chars:,} characters")
    try:
        doc = reader(path)
    except ReadError:
        raise
    except MemoryError:
        raise  # the worker reading the file refuses it with the memory limit
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc}") from exc
    except Exception as exc:  # a parser library choking on hostile input must not stop the run
        raise ReadError(f"the {suffix[1:].upper()} file is damaged or not what its name says ({type(exc).__name__}: {exc})") from exc
    if not doc.blocks:
        raise ReadError("no text found in the file")
    _check_size(doc)
    return doc


# Bytes a character takes at most in a text file (UTF-32), and in an HTML page with its markup:
# a file larger than this many bytes per allowed character is refused before it is read.
_BYTES_PER_CHAR = {"text": 4, "html": 10, "mhtml": 10}


def _check_size(doc: Document) -> None:
    """Refuse a document with more text or table cells than the limits allow, before it is analysed."""
    from .. import limits

    chars = cells = 0
    for block in doc.blocks:
        if hasattr(block, "rows"):
            for row in block.rows:
                cells += len(row)
                chars += sum(map(len, row))
        else:
            chars += len(block.text)
    limits.check("cells", cells, f"the tables have {cells:,} cells")
    limits.check("chars", chars, f"the text has {chars:,} characters")
