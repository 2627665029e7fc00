"""Pages saved as one file (.mht, .mhtml: "网页，单个文件"): a MIME message whose first HTML part is the page.

The part's transfer encoding (quoted-printable, base64) and charset are the message's to say; the page is then
read as any saved page (`html.parse_html`). Pictures inside the message are not read (their OCR needs a file).
"""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from ..blocks import Document, Paragraph
from ..textnorm import has_han
from . import ReadError
from .encoding import decode_bytes
from .html import parse_html, sniff_charset


def read_mhtml(path: Path) -> Document:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if part is None:
        raise ReadError("no HTML page inside the saved file; is it a page saved as one file (.mht)?")
    data = part.get_payload(decode=True) or b""
    declared = part.get_content_charset() or sniff_charset(data)
    text, encoding = decode_bytes(data, declared)
    blocks, meta = parse_html(text.replace("\x00", ""))
    if not any(has_han(b.text) if isinstance(b, Paragraph) else any(has_han(c) for r in b.rows for c in r) for b in blocks):
        raise ReadError("no Chinese text in the page body; is it a report?")
    return Document(path=path, format="html", blocks=blocks, encoding=encoding, meta=meta)
