"""The search engine seam: the only package that imports whoosh.

Everything else talks to the index through these names, so the engine can be
replaced without touching extraction, search logic or the web app.
"""

from .reader import Index, IndexMissing, RankLeaf, RankWeights
from .schema import FACET_FIELDS, SCHEMA_VERSION, FileFacts, prepare
from .writer import GenerationWriter, IndexBusy, WriterLock, build_segment

__all__ = [
    "FACET_FIELDS",
    "SCHEMA_VERSION",
    "FileFacts",
    "GenerationWriter",
    "Index",
    "IndexBusy",
    "IndexMissing",
    "RankLeaf",
    "RankWeights",
    "WriterLock",
    "build_segment",
    "prepare",
]
