"""A cache of extracted documents, so a rebuild re-reads only what changed.

A document's records (``Disclosure``, checked and stamped) depend on its source
bytes, its manifest entry, the mode (strict or lenient) and this package's code
and data (readers, lexicon, code lists). The cache key is a sha256 of all of
them, so an entry is never stale: a changed source, entry or code version is a
different key. An entry is the pickled disclosure, written to a temporary file
and renamed, so two builds sharing a cache never read half a file.

The same folder keeps, in ``graph/``, each document's RDF shards (``rdf/shards.py``)
and, in ``checks/``, the findings of the graph's checks on each group of sections
(``rdf/section_checks.py``), each under a key of what it was made from.

The cache is local and trusted (it is pickle): point ``--cache`` only at a
folder you own. Deleting it is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .model import Disclosure

_PACKAGE_DIR = Path(__file__).resolve().parent
# What the records are computed from: code and the data files read at run time.
_CODE_SUFFIXES = {".py", ".yml", ".yaml", ".csv", ".json", ".ttl"}


@functools.cache
def code_version() -> str:
    """sha256 of this package's own source and data files (and the Python version)."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]}".encode())
    for path in sorted(_PACKAGE_DIR.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
            digest.update(str(path.relative_to(_PACKAGE_DIR)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def document_key(entry: dict, files: list[Path], *, lenient: bool) -> str:
    """The cache key of one document: its entry, its files' bytes, the mode and the code version."""
    digest = hashlib.sha256(code_version().encode())
    digest.update(json.dumps(entry, sort_keys=True, ensure_ascii=False, default=str).encode())
    digest.update(b"lenient" if lenient else b"strict")
    for path in files:
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.exists() else b"missing")
    return digest.hexdigest()


class DocumentCache:
    """Pickled disclosures in ``folder``, one file per key."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Disclosure | None:
        try:
            data = self._path(key).read_bytes()
        except FileNotFoundError:
            return None
        try:
            return pickle.loads(data)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            # a truncated or foreign file is a miss, rewritten by this build
            return None

    def put_bytes(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
