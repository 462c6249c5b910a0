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
from ..limits import limits
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
    largest = limits().max_source_bytes  # limits.yml: no disclosure is larger
    if stat.st_size > largest:
        raise SourceError(document_id or path.stem, f"{path.name} is {stat.st_size / 2**20:.1f} MiB: larger than "
                          f"any disclosure ({largest / 2**20:.0f} MiB at most, limits.yml), not read")
    key = (str(path), stat.st_mtime_ns, stat.st_size)  # not the id: the identity is read under the file's name
    if key not in _RECENT:
        blocks = tuple(reader(path, document_id or path.stem))  # a refusal is not remembered
        _check_sizes(blocks, path, document_id or path.stem)
        if len(_RECENT) >= 16:
            _RECENT.pop(next(iter(_RECENT)))
        _RECENT[key] = blocks
    return list(_RECENT[key])


def _check_sizes(blocks: tuple[Block, ...], path: Path, document_id: str) -> None:
    """Refuse a file whose lines or cells are more or longer than any disclosure's (limits.yml),
    before the extractors spend time and memory on it."""
    texts = [b for b in blocks if isinstance(b, str)]
    cells = [cell for b in blocks if isinstance(b, TableBlock) for row in b.rows for cell in row]
    most, longest = limits().max_paragraphs, limits().max_paragraph_chars
    if len(texts) + len(cells) > most:
        raise SourceError(document_id, f"{path.name} has {len(texts) + len(cells):,} lines and cells: more than any "
                          f"disclosure ({most:,} at most, limits.yml), not read")
    for number, line in enumerate(texts, start=1):
        if len(line) > longest:
            raise SourceError(document_id, f"{path.name}: line {number} has {len(line):,} characters: longer than "
                              f"any paragraph of a disclosure ({longest:,} at most, limits.yml), not read")
    if any(len(cell) > longest for cell in cells):
        raise SourceError(document_id, f"{path.name}: a table cell is longer than any paragraph of a disclosure "
                          f"({longest:,} characters at most, limits.yml), not read")


def read_lines(path: Path, document_id: str | None = None) -> list[str]:
    """The text of a source as lines, a table's rows as lines of tab-separated cells."""
    lines = []
    for block in read_blocks(path, document_id):
        if isinstance(block, TableBlock):
            lines += ["\t".join(row) for row in block.rows]
        else:
            lines.append(block)
    return lines
