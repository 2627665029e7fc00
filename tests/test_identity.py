"""The extractor's fingerprint: a change to any code that makes records re-extracts the reports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from indexer.identity import fingerprinted_paths


def test_every_module_extraction_loads_is_in_the_fingerprint():
    """A module the extractor runs but the fingerprint leaves out would keep records made by its old code."""
    code = ("import sys; import indexer.extract; "
            "print('\\n'.join(m.__file__ for n, m in list(sys.modules.items()) if n.startswith('indexer') and getattr(m, '__file__', None)))")
    loaded = {Path(f).resolve() for f in subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                                           check=True).stdout.split()}
    hashed = {p.resolve() for p in fingerprinted_paths()}
    light = {"__init__.py", "config.py", "limits.py", "identity.py", "check_ids.py"}  # dispatch, settings and ids: no rule
    missing = sorted(p.relative_to(Path(__file__).parents[1]).as_posix() for p in loaded - hashed if p.name not in light)
    assert not missing
