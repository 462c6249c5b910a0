"""Readers of source files: one per format, each giving the document's lines in order.

A line is a paragraph, a heading or a table cell (tab-separated cells stay on one
line and are split by ``source.py``). ``read_lines`` picks the reader by the
file's suffix and remembers the last files read, since a build reads a file
twice: once for its identity, once for its paragraphs.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..errors import SourceError
from . import text

READERS = {".txt": text.read_lines}
SUFFIXES = tuple(READERS)


def read_lines(path: Path, document_id: str | None = None) -> list[str]:
    """The lines of a source file, or a SourceError naming the file and why."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SourceError(document_id or path.stem, f"{path.name}: unknown format '{path.suffix}' "
                          f"(one of {', '.join(SUFFIXES)})")
    stat = path.stat()
    return list(_cached(reader, str(path), stat.st_mtime_ns, stat.st_size, document_id or path.stem))


@functools.lru_cache(maxsize=16)
def _cached(reader, path: str, mtime_ns: int, size: int, document_id: str) -> tuple[str, ...]:
    return tuple(reader(Path(path), document_id))
