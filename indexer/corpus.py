"""The corpus folder as users have it: every file found is indexed or listed with its reason.

Folders of scraped and unpacked reports hold symbolic link loops, dangling
links, named pipes, unreadable files and folders, names in GBK bytes from
archives made on Windows, names starting with ``..``, saved pages with their
``_files`` folders, and ``Thumbs.db``. The scan never stops at one of them and
never drops one silently: a file is a report to read (`CorpusFile`), a
`Problem` listed as failed (it could be a report and is not read), or a
`Problem` listed as skipped (it is known not to be a report: system files,
hidden folders, the resources of a saved page).

A file is known by its *source*: its path under the corpus folder with
forward slashes. A name that is not valid UTF-8 is shown decoded as GBK
(GB18030) when it is that, which is what Windows archives hold; `find_source`
maps such a source back to the file.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .readers import SUFFIXES, UNSUPPORTED

KNOWN_SUFFIXES = (*SUFFIXES, *UNSUPPORTED)
SYSTEM_FILES = {".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", ".localized", "icon\r"}
RESOURCE_FOLDER_ENDINGS = ("_files", ".files")  # what browsers save beside a page ("Web page, complete")


@dataclass(frozen=True, slots=True)
class CorpusFile:
    source: str  # path relative to the corpus folder, with forward slashes (display form of the name)
    file: str  # the file itself, as the operating system names it (the name may hold bytes that are not UTF-8)
    size: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        """The file as a Path: made when asked, since a scan of 20,000 files making one each took a third of it."""
        return Path(self.file)


@dataclass(frozen=True, slots=True)
class Problem:
    source: str
    reason: str


@dataclass
class Scan:
    files: list[CorpusFile] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)  # might be reports, and cannot be read
    skipped: list[Problem] = field(default_factory=list)  # known not to be reports


def display_name(name: str) -> str | None:
    """A file name as text: itself when valid UTF-8, else its bytes decoded as GBK; None when neither."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return None


def shown(text: str) -> str:
    """Any string (a name with undecodable bytes, a reason quoting one) made safe to print and store."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def find_source(corpus: Path, source: str) -> Path | None:
    """The file inside `corpus` that `source` names (a display name may stand for GBK bytes), or None."""
    root = Path(os.path.realpath(corpus))
    path = root
    for part in source.split("/"):
        if part in ("", ".", ".."):
            return None
        candidates = [part]
        try:
            candidates.append(os.fsdecode(part.encode("gb18030")))
        except UnicodeEncodeError:
            pass
        for name in candidates:
            if os.path.lexists(path / name):
                path = path / name
                break
        else:
            return None
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(root) or not real.is_file():
        return None
    return path


def scan_corpus(corpus: Path) -> Scan:
    """Every file under `corpus`, sorted by source: what to read, what failed and what was skipped."""
    root = Path(os.path.realpath(corpus))
    scan = Scan()
    seen: dict[str, str] = {}  # display source -> real relative path, to catch two names that display alike
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name, reverse=True)
        except OSError as exc:
            scan.failed.append(Problem(prefix.rstrip("/") or ".", f"cannot open the folder: {_why(exc)}"))
            continue
        pages = {e.name.lower() for e in entries}
        for entry in entries:
            name = display_name(entry.name)
            source = prefix + (name if name is not None else shown(entry.name))
            if name is None:
                scan.failed.append(Problem(source, "the name is neither UTF-8 nor GBK text; rename the file or folder"))
                continue
            if source in seen:
                scan.failed.append(Problem(source, "another file has the same name once its GBK name is decoded; "
                                                   "rename one of them"))
                continue
            seen[source] = entry.name
            _classify(entry, source, root, pages, scan, stack)
    scan.files.sort(key=lambda f: f.source)
    scan.failed.sort(key=lambda p: p.source)
    scan.skipped.sort(key=lambda p: p.source)
    return scan


def _classify(entry: os.DirEntry, source: str, root: Path, names: set[str], scan: Scan,
              stack: list[tuple[Path, str]]) -> None:
    path = entry.path
    try:
        is_link = entry.is_symlink()
        st = os.stat(path) if is_link else entry.stat(follow_symlinks=False)
    except OSError as exc:
        scan.failed.append(Problem(source, _link_problem(path, exc) if _is_link(path) else f"cannot read: {_why(exc)}"))
        return
    if is_link:
        real = Path(os.path.realpath(path))
        inside = real.is_relative_to(root)
        if stat.S_ISDIR(st.st_mode):
            if inside:
                scan.skipped.append(Problem(source + "/", "a link to a folder of the corpus, whose files are read there"))
            else:
                scan.failed.append(Problem(source + "/", f"a link to a folder outside the corpus ({shown(str(real))}) "
                                                         "is not followed; move or copy the folder in"))
            return
        if not inside:
            scan.failed.append(Problem(source, f"a link to a file outside the corpus ({shown(str(real))}) "
                                               "is not followed; copy the file in"))
            return
    if stat.S_ISDIR(st.st_mode):
        lower = entry.name.lower()
        if entry.name.startswith("."):
            scan.skipped.append(Problem(source + "/", "a hidden folder"))
        elif lower.endswith(RESOURCE_FOLDER_ENDINGS) and _page_of(lower, names):
            scan.skipped.append(Problem(source + "/", f"the images and scripts of the saved page {_page_of(lower, names)}"))
        else:
            stack.append((Path(path), source + "/"))
        return
    if not stat.S_ISREG(st.st_mode):
        scan.failed.append(Problem(source, f"not a regular file ({_kind(st.st_mode)}); only files are read"))
        return
    name = entry.name
    suffix = os.path.splitext(name)[1].lower()
    if name.lower() in SYSTEM_FILES or name.startswith(("._", "~$", ".~lock.")):
        scan.skipped.append(Problem(source, "a file the operating system or an editor made, not a report"))
    elif suffix in KNOWN_SUFFIXES:
        scan.files.append(CorpusFile(source, path, st.st_size, st.st_mtime_ns))
    elif name.startswith("."):
        scan.skipped.append(Problem(source, "a hidden file"))
    else:
        what = f"unknown file type '{suffix}'" if suffix else "a file without a type (no extension)"
        scan.failed.append(Problem(source, f"{what}; reports are read from {', '.join(SUFFIXES)}"))


def _page_of(folder: str, names: set[str]) -> str | None:
    """The saved page a `X_files` folder belongs to, when it is beside it."""
    for ending in RESOURCE_FOLDER_ENDINGS:
        if folder.endswith(ending):
            stem = folder[: -len(ending)]
            for suffix in (".html", ".htm", ".shtml", ".mht", ".mhtml"):
                if stem + suffix in names:
                    return stem + suffix
    return None


def _is_link(path: str) -> bool:
    try:
        return os.path.islink(path)
    except OSError:
        return False


def _link_problem(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop (the link leads back to itself)"
    try:
        target = shown(os.readlink(path))
    except OSError:
        target = "?"
    if exc.errno == errno.ENOENT:
        return f"a broken symbolic link (to {target}, which does not exist)"
    return f"a symbolic link to {target} that cannot be followed: {_why(exc)}"


def _why(exc: OSError) -> str:
    return shown(exc.strerror or str(exc))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
