"""OCR: scanned pages and pictures of tables -> the blocks of the one document model.

Readers call `pdf_pages` (a PDF without a text layer) and `image_blocks`
(pictures in HTML pages and DOCX files). Each page image is straightened, its
ruled tables rebuilt as grids of cells (`ruling.py`, `page.py`) and its other
text grouped into lines and paragraphs (`layout.py`); every block carries the
engine's confidence, which becomes ``"source": "ocr"`` and ``confidence`` on
its passages. Figures read this way are checked by the tables' own sums in
`verify.py` before they reach the record.

Results are cached by content (`cache.py`), so re-indexing never recognises
the same page twice. OCR is optional: without the engine (`pip install
'nianbao[ocr]'`) or with ``[ocr] enabled = false`` the readers refuse scans
as before, with a message saying how to turn OCR on. Only this package's
`page.py`, `image.py`, `ruling.py` and `engine.py` need numpy, OpenCV and the
engine; they are imported when a page is actually recognised.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..blocks import Block, Paragraph, Table
from ..limits import address_space
from ..readers import ReadError
from .cache import OcrCache, page_from_json, page_to_json
from .layout import paragraphs
from .model import Line, OcrPage

PDF_DPI = 200
MAX_PAGES = 60  # pages recognised per file; a longer scan is read up to here and says so
MEMORY_MB = 1536  # address space OCR adds: OpenCV and onnxruntime map about 1.4 GB (400 MB resident)
MIN_IMAGE_SIDE = 120  # pictures smaller than this (icons, bullets, logos) are not read
ENGINE_LOCK = ".engine.lock"  # in the cache folder: held by the one process running the engine


@dataclass
class Settings:
    enabled: bool | None = None  # None: on when the engine is installed
    cache: OcrCache = field(default_factory=lambda: OcrCache(None))
    max_pages: int = MAX_PAGES
    memory_mb: int = MEMORY_MB
    on_page: Callable[[str, int, int], None] | None = None  # (file, page, pages) before each page is recognised
    status: Any = None  # a shared byte array naming the file being recognised (for the progress bar)
    engine_lock: Path | None = None  # one process at a time runs the engine (`take_engine`)
    take_turns: bool = False  # in indexing workers: one at a time runs the engine (`take_engine`)


SETTINGS = Settings()


def configure(enabled: bool | None = None, cache_dir: Path | None = None, max_pages: int = MAX_PAGES,
              on_page: Callable[[str, int, int], None] | None = None, share_status: bool = False,
              memory_mb: int = MEMORY_MB) -> None:
    """Set OCR up for this process and the indexing workers it forks.

    With `share_status`, the file being recognised in any worker is readable
    here with `recognising()` (the progress bar shows it).
    """
    SETTINGS.enabled = enabled
    SETTINGS.cache = OcrCache(cache_dir)
    SETTINGS.max_pages = max_pages
    SETTINGS.memory_mb = memory_mb
    SETTINGS.on_page = on_page
    SETTINGS.engine_lock = cache_dir / ENGINE_LOCK if cache_dir is not None else None
    if share_status and SETTINGS.status is None:
        import multiprocessing

        SETTINGS.status = multiprocessing.Array("c", 200, lock=False)


def _announce(name: str, page: int, pages: int) -> None:
    if SETTINGS.on_page:
        SETTINGS.on_page(name, page, pages)
    if SETTINGS.status is not None:
        text = (f"{name} {page}/{pages}" if pages > 1 else name) if name else ""
        SETTINGS.status.value = text.encode("utf-8")[:199].decode("utf-8", "ignore").encode("utf-8")


def recognising() -> str:
    """The file (and page) an OCR run is reading now, or ""."""
    if SETTINGS.status is None:
        return ""
    return SETTINGS.status.value.decode("utf-8", "replace")


def installed() -> bool:
    """True when the engine's package is installed (found without importing it: the import is heavy)."""
    import importlib.util

    try:
        return importlib.util.find_spec("rapidocr_onnxruntime") is not None
    except (ImportError, ValueError):
        return False


def active() -> bool:
    """True when OCR is turned on and the engine is installed."""
    if SETTINGS.enabled is False:
        return False
    return installed()


def unavailable_reason() -> str:
    """Why a scan cannot be read, in plain words, with what to do."""
    if SETTINGS.enabled is False:
        return "OCR is turned off ([ocr] enabled = false in config.toml)"
    return "install the OCR engine to read it: pip install 'nianbao[ocr]'"


def _pipeline_key() -> str:
    """Cache entries belong to this version of the OCR code and engine."""
    here = Path(__file__).parent
    h = hashlib.sha256()
    for name in ("image.py", "ruling.py", "page.py", "layout.py", "engine.py"):
        h.update((here / name).read_bytes())
    try:
        from .engine import version

        h.update(version().encode())
    except Exception:
        pass
    return h.hexdigest()[:12]


def _make_room() -> None:
    """Let this process map what the engine needs: `[ocr] memory_mb` more address space than it uses now.

    An indexing worker caps its address space (`[limits] memory_mb`) for
    ordinary files; OpenCV and onnxruntime alone map more than that. The cap
    is only ever raised, by a bound of its own, and a worker that grew this
    large retires after the file (`indexer.workers`).
    """
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return
    want = address_space() + SETTINGS.memory_mb * 2**20
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    if want > soft:
        try:
            resource.setrlimit(resource.RLIMIT_AS, (want, hard))
        except (ValueError, OSError):
            pass


class EngineBusy(BaseException):
    """Raised in an indexing worker when another process is running the OCR engine.

    The worker gives the file back and the parent hands it out again later
    (`indexer.workers`): waiting here would spend the file's time limit. A
    BaseException, so that readers' ``except Exception`` cannot swallow it.
    """


_engine_taken: dict = {"fd": None, "pid": None}  # the lock this process holds while it may run the engine


def take_engine() -> None:
    """In an indexing worker, make this the one process of the run running the OCR engine.

    The engine (OpenCV and onnxruntime) makes a process about 1 GB resident:
    two workers recognising at once took a run over its 1.5 GB budget. The
    lock is an flock, which the kernel releases however its holder ends, so a
    killed worker never leaves the engine taken; the worker keeps it until it
    retires after its file (`holds_engine`). When another worker has it, this
    raises `EngineBusy` at once. Outside workers (`take_turns` off: `nianbao
    extract`, tests) it does nothing: a run's budget is the run's.
    """
    if not SETTINGS.take_turns or SETTINGS.engine_lock is None or holds_engine():
        return
    try:
        import fcntl
    except ImportError:
        return
    try:
        SETTINGS.engine_lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(SETTINGS.engine_lock, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return  # no place for the lock (a read-only cache): run without turns
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise EngineBusy() from None
    except OSError:
        os.close(fd)
        return
    _engine_taken.update(fd=fd, pid=os.getpid())


def holds_engine() -> bool:
    """True when this process took the engine (a worker then retires after its file); never inherited by a fork."""
    return _engine_taken["fd"] is not None and _engine_taken["pid"] == os.getpid()


def take_turns(on: bool = True) -> None:
    """This process is an indexing worker: it runs the engine only in its turn (`take_engine`)."""
    SETTINGS.take_turns = on


def _check_time(started: float, pages_done: int, pages: int, name: str, recognised_before: int) -> None:
    """Stop before the file's time (`[limits] seconds`) runs out: pages already read stay cached.

    When this run recognised new pages, the refusal is resumable: the next
    run goes on from the cache (so a long scan is read over a few runs on a
    busy machine), while a scan that made no progress is not tried again
    until the limit changes.
    """
    from .. import limits

    left = limits.time_left()
    per_page = (time.monotonic() - started) / pages_done if pages_done else 0.0
    if left == float("inf") or left > max(2.0, 1.5 * per_page):
        return
    error = limits.exceeded("seconds", f"OCR of {name} ({pages} pages) needs more time: {pages_done} pages were "
                                       f"recognised and cached, so the next run goes on from there")
    error.resumable = _recognised["pages"] > recognised_before
    raise error


_recognised = {"pages": 0}  # pages this process recognised (not taken from the cache)


def _recognise(key: str, load_grey) -> OcrPage:
    full_key = f"{_pipeline_key()}-{key}"
    cached = SETTINGS.cache.get(full_key)
    if cached is not None:
        return page_from_json(cached)
    take_engine()
    _make_room()
    from .page import recognise_page

    try:
        page = recognise_page(load_grey())
    except MemoryError:
        raise
    except Exception as exc:  # the engine's own errors: say it was OCR, not a damaged file
        if "bad_alloc" in str(exc):
            raise MemoryError("the OCR engine ran out of memory") from exc
        raise ReadError(f"OCR failed ({type(exc).__name__}: {str(exc)[:200]})") from exc
    SETTINGS.cache.put(full_key, page_to_json(page))
    _recognised["pages"] += 1
    from .. import limits

    limits.keep_progress()  # stopped by the alarm after this, the file is still tried again by the next run
    return page


def pdf_pages(path: Path) -> list[Block]:
    """The blocks of a scanned PDF, page by page; [] when OCR is off or nothing was read."""
    if not active():
        return []
    import pypdfium2

    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    pdf = pypdfium2.PdfDocument(data)
    try:
        total = len(pdf)
        count = min(total, SETTINGS.max_pages)
        pages = []
        started = time.monotonic()
        recognised_before = _recognised["pages"]
        for i in range(count):
            _check_time(started, i, count, path.name, recognised_before)
            _announce(path.name, i + 1, count)

            def load(i: int = i):
                from .image import load as load_image

                page = pdf[i]
                try:
                    return load_image(page.render(scale=PDF_DPI / 72).to_pil())
                finally:
                    page.close()

            pages.append(_recognise(f"{digest}-p{i}", load))
    finally:
        pdf.close()
        _announce("", 0, 0)
    blocks = blocks_of_pages(pages)
    if blocks and count < total:
        blocks.append(Paragraph(f"（本文件为{total}页的扫描件，只识别了前{count}页）", 1.0))
    return blocks


def image_blocks(data: bytes, name: str = "") -> list[Block]:
    """The blocks of one picture (a table pasted as an image); [] when OCR is off or the picture is no text."""
    if not active():
        return []
    from PIL import Image
    import io

    try:
        with Image.open(io.BytesIO(data)) as probe:
            w, h = probe.size
    except Exception:
        return []  # not an image Pillow can read (SVG, EMF, damaged): nothing to recognise
    if min(w, h) < MIN_IMAGE_SIDE:
        return []
    _announce(name, 1, 1)

    def load():
        from .image import load as load_image

        return load_image(data)

    try:
        return blocks_of_pages([_recognise(hashlib.sha256(data).hexdigest(), load)])
    finally:
        _announce("", 0, 0)


def blocks_of_pages(pages: list[OcrPage]) -> list[Block]:
    """Paragraphs and tables of recognised pages, in reading order, with their confidences."""
    blocks: list[Block] = []
    for page in pages:
        pending: list[Line] = []
        for item in page.items():
            if isinstance(item, Line):
                pending.append(item)
                continue
            blocks.extend(Paragraph(t, c) for t, c in paragraphs(pending) if t)
            pending = []
            if any(any(cell for cell in row) for row in item.rows):
                blocks.append(Table(tuple(tuple(r) for r in item.rows), tuple(item.confidence)))
        blocks.extend(Paragraph(t, c) for t, c in paragraphs(pending) if t)
    return blocks
