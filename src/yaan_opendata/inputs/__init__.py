"""Readers of source files: one per format, each giving the document's blocks in order.

A block is a line (a paragraph, a heading, a table row flattened with tabs) or a
``TableBlock`` (a table's grid of cells, from a PDF, an HTML page or a spreadsheet).
``read_blocks`` picks the reader by the file's suffix and remembers the last files
read, since a build reads a file twice: once for its identity, once for its
paragraphs. Every reader refuses a file it cannot read with one line naming it.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError
from . import html, pdf, spreadsheet, text
from .blocks import Block, TableBlock

READERS = {
    ".txt": text.read_blocks,
    ".pdf": pdf.read_blocks,
    ".html": html.read_blocks,
    ".htm": html.read_blocks,
    ".xlsx": spreadsheet.read_blocks,
    ".xls": spreadsheet.read_blocks,
}
SUFFIXES = tuple(READERS)
# No disclosure is larger: a file beyond this is refused before it is read.
MAX_BYTES = 50 * 1024 * 1024
# The blocks of the files read last, by path, modification time and size.
_RECENT: dict[tuple[str, int, int], tuple[Block, ...]] = {}

__all__ = ["SUFFIXES", "Block", "TableBlock", "read_blocks", "read_lines"]


def read_blocks(path: Path, document_id: str | None = None) -> list[Block]:
    """The blocks of a source file, or a SourceError naming the file and why."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SourceError(document_id or path.stem, f"{path.name}: unknown format '{path.suffix}' "
                          f"(one of {', '.join(SUFFIXES)})")
    stat = path.stat()
    if stat.st_size > MAX_BYTES:
        raise SourceError(document_id or path.stem, f"{path.name} is {stat.st_size // 2**20} MiB: larger than any "
                          f"disclosure ({MAX_BYTES // 2**20} MiB at most), not read")
    key = (str(path), stat.st_mtime_ns, stat.st_size)  # not the id: the identity is read under the file's name
    if key not in _RECENT:
        blocks = tuple(reader(path, document_id or path.stem))  # a refusal is not remembered
        if len(_RECENT) >= 16:
            _RECENT.pop(next(iter(_RECENT)))
        _RECENT[key] = blocks
    return list(_RECENT[key])


def read_lines(path: Path, document_id: str | None = None) -> list[str]:
    """The text of a source as lines, a table's rows as lines of tab-separated cells."""
    lines = []
    for block in read_blocks(path, document_id):
        if isinstance(block, TableBlock):
            lines += ["\t".join(row) for row in block.rows]
        else:
            lines.append(block)
    return lines
