"""Writing the index: one batch of changes becomes one new generation."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterable

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from . import generations, retired
from .generations import IndexBusy, WriterLock  # noqa: F401  (the lock lives with the folder's other rules)
from .schema import SCHEMA_VERSION, build_schema

WHOOSH_DIR = "whoosh"
LIMIT_MB = 256  # memory for one writer's posting pool before it spills runs to disk
SMALL_SEGMENT = 1000  # documents; smaller segments are merged ...
MAX_SMALL_SEGMENTS = 8  # ... once there are more than this many of them


def merge_small_segments(writer, segments):
    """Merge policy: fold the small segments together once too many have piled up.

    Incremental runs add one small segment each; merging them keeps searches
    from visiting hundreds of segments. Large segments are never rewritten:
    merging re-adds every posting, which costs about as much as indexing
    anew. (whoosh's MERGE_SMALL merges mid-sized segments too, minutes of
    work after a large run.)
    """
    small = [s for s in segments if s.doc_count_all() < SMALL_SEGMENT]
    if len(small) <= MAX_SMALL_SEGMENTS:
        return segments
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s.doc_count_all() >= SMALL_SEGMENT]


# Segments are written as separate files, not one compound file: reading a
# column of a compound file copies the whole sub-file into memory first.
class Codec(W3Codec):
    """whoosh's codec without per-block length statistics.

    They serve whoosh's own BM25 block skipping, which `reader.Index.scores`
    does not use, and writing them costs a field-length lookup per posting.
    Segments remember their codec, so this class must stay at this import path.
    """

    length_stats = False


class GenerationWriter:
    """Deletes and adds documents in a new generation; `commit` makes it live.

    Documents come either one by one through `add`, or as whole segments that
    worker processes wrote into `whoosh_dir` with `build_segment` and that
    `add_segment` takes over. Until `commit` returns, the live generation is
    untouched; `cancel` (or a crash) leaves only a temporary folder that the
    next run removes.
    """

    def __init__(self, index_dir: Path, *, rebuild: bool, dictionaries: tuple[str, ...] = ()):
        self.index_dir = index_dir
        generations.cleanup(index_dir)
        live = generations.current(index_dir)
        base = None if rebuild else live
        self.retired = retired.load(live)  # kept through a rebuild too
        self.tmp = generations.start(index_dir, base)
        self.whoosh_dir = self.tmp / WHOOSH_DIR
        if any(self.whoosh_dir.glob("*.toc")):
            ix = whoosh_index.open_dir(str(self.whoosh_dir))
        else:
            self.whoosh_dir.mkdir(parents=True, exist_ok=True)
            ix = whoosh_index.create_in(str(self.whoosh_dir), build_schema(dictionaries))
        self._writer = ix.writer(limitmb=LIMIT_MB, codec=Codec(), compound=False)
        self._segments: list = []
        self.added = 0
        self.deleted = 0

    def delete(self, report_id: str) -> None:
        self.deleted += self._writer.delete_by_term("id", report_id)

    def retire(self, report_id: str, info: dict) -> None:
        """Remember a report id that leaves the index, for the links that point at it."""
        self.retired[report_id] = info

    def unretire(self, report_id: str) -> None:
        """An id indexed again (its file came back) is no longer retired."""
        self.retired.pop(report_id, None)

    def add(self, document: dict) -> None:
        self._writer.add_document(**document)
        self.added += 1

    def add_segment(self, segment) -> None:
        """Take over a segment a worker wrote into this generation (see `build_segment`)."""
        self._segments.append(segment)
        self.added += segment.doc_count_all()

    def commit(self, meta: dict, merge: bool = True) -> Path:
        """Write the segments and make this generation live. `merge=False` leaves small segments for later."""
        retired.save(self.tmp, self.retired)
        if self._segments:
            # What whoosh's own multiprocessing writer does with its workers' segments.
            w = self._writer
            final = w._merge_segments(merge_small_segments if merge else None, None, merge)
            final += self._segments
            if w._added:
                final.append(w._finalize_segment())
            else:
                w._close_segment()
            w._commit_toc(final)
            w._finish()
        else:
            self._writer.commit(mergetype=merge_small_segments if merge else None, merge=merge)
        live = generations.publish(self.index_dir, self.tmp, dict(meta, schema=SCHEMA_VERSION))
        generations.cleanup(self.index_dir)
        return live

    def cancel(self) -> None:
        try:
            self._writer.cancel()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)


def build_segment(whoosh_dir: Path, documents: Iterable[dict]):
    """In a worker process: write `documents` into a new segment of the generation being built.

    Returns the segment for `GenerationWriter.add_segment`, or None when there
    was no document. The generation's own writer holds the lock; this one
    writes only its own files (whoosh's multiprocessing writer works the same way).
    """
    ix = whoosh_index.open_dir(str(whoosh_dir))
    writer = SegmentWriter(ix, _lk=False, limitmb=LIMIT_MB, codec=Codec(), compound=False)
    try:
        added = 0
        for document in documents:
            writer.add_document(**document)
            added += 1
        if not added:
            _abandon(writer)
            return None
        # No _finish(): the writers of a generation share one temporary folder, which the
        # generation's own writer removes when it commits.
        return writer._finalize_segment()
    except BaseException:
        _abandon(writer)
        raise


def _abandon(writer: SegmentWriter) -> None:
    """Drop a worker's unfinished segment without whoosh's cancel().

    cancel() removes the temporary folder that every writer of the generation
    shares (``MAIN.tmp``), breaking the generation's own writer. The segment's
    files are left unreferenced; whoosh deletes them when the generation commits.
    """
    try:
        writer._close_segment()
    except Exception:  # a segment broken by the error under way: its files are garbage either way
        pass
    writer.is_closed = True
