"""Which analysis produced an article's quotes: the package, the detector and the shipped weights.

Stored with each article (migration 0011), so that ingest knows an unchanged
article is still out of date after quotes was upgraded or its model or weights
files were replaced, and `quotes reanalyse` knows what to redo. The data files
are found by pattern (every `*.json` under quotes/, every file under
quotes/models/), not by name, so new or renamed weights count without a change here.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import quotes
from quotes.detect import DETECTOR_VERSION

PACKAGE = Path(quotes.__file__).resolve().parent
DIGEST_CHARS = 12  # of the hash over the data files: plenty to tell two sets apart


CODE = (".py", ".pyc", ".pyo")  # the code is the package version's business


def data_files(root: Path = PACKAGE) -> list[Path]:
    """The model and weights files that ship with quotes, in a fixed order: every file
    under `root` but Python code and its caches (so every `*.json`, all of `models/`)."""
    found = {
        p for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in CODE and not p.name.startswith(".")
    }
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def weights_digest(root: Path = PACKAGE) -> str:
    """A hash over the data files' names and bytes: any change to any of them changes it."""
    digest = hashlib.sha256()
    for path in data_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:DIGEST_CHARS]


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """`0.1.0+detector.1+weights.3f2a9c1b7d40`: package version, detector version, data files' hash."""
    return f"{quotes.__version__}+detector.{DETECTOR_VERSION}+weights.{weights_digest()}"
