"""Plain text sources: the text of a web page or of a PDF, as a person copies it.

Two layouts come as text. A web page gives one paragraph, heading or table row
per line. A PDF gives its lines as printed: a paragraph wraps at the page width
and goes on on the next line ("…与2023年度相比，收入" / "支出总计减少56.95万元"),
with page numbers ("- 12 -") in between. A text whose long lines mostly end at
one width is read as wrapped: page numbers are dropped and each full line that
does not end a sentence is joined with the next, unless the next is a heading.

A web page's table, copied, gives one line per row with its cells separated by
tabs. The rows that follow the title of one of the national tables (决算表,
``lexicon/tables.yml``) are read as that table; other tab-separated lines (a
project's self-evaluation form, the metadata block of a page) stay lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from ..errors import SourceError
from ..lexicon import table_named
from .blocks import Block, TableBlock

ENCODINGS = ("utf-8-sig", "gb18030")
MIN_LONG = 30  # display width (a CJK character is 2) from which a line counts as long
# "- 12 -", "— 3 —", "第 3 页", "3/25": a page number on a line of its own
PAGE_NUMBER = re.compile(r"^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")
BARE_NUMBER = re.compile(r"^\d{1,3}$")
SENTENCE_END = tuple("。！？!?")
# A line that opens a heading, list item or part: never the continuation of a wrapped line.
# The line above a table that states its unit ("部门：…\t\t金额单位：万元"): a line, not a row.
UNIT_LINE = re.compile(r"(?:金额)?单位\s*[:：]")
TITLE_REACH = 4  # lines above a table where its title may stand (title, 公开01表, unit line)
OPENS = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.、．](?!\d)|附件\d*|附表)")


def read_blocks(path: Path, document_id: str) -> list[Block]:
    raw = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SourceError(document_id, f"{path.name} is neither UTF-8 nor GB18030 text")
    if "\x00" in text:
        raise SourceError(document_id, f"{path.name} is not a text file (it holds NUL bytes)")
    return tables(unwrap([line.rstrip() for line in text.splitlines()]))


def tables(lines: list[str]) -> list[Block]:
    """The lines, each run of tab-separated rows under a national table's title as a table."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and "\t" in lines[end]:
            end += 1
        if end == index:
            blocks.append(lines[index])
            index += 1
            continue
        start = index
        while start < end and UNIT_LINE.search(lines[start]) and not _has_amount(lines[start]):
            start += 1
        above = [line for line in blocks[-TITLE_REACH:] if isinstance(line, str)] + lines[index:start]
        if end - start >= 2 and any(_table_title(line.strip()) for line in above):
            blocks += lines[index:start]
            blocks.append(TableBlock.of([_cells(row) for row in lines[start:end]]))
        else:
            blocks += lines[index:end]
        index = end
    return blocks


def _table_title(line: str) -> bool:
    """A line that names a national table: a title, never the end of a wrapped line."""
    return len(line) <= 40 and table_named(line) is not None


def _cells(row: str) -> list[str]:
    # an ideographic space stands in an empty cell of a copied table
    return [cell.strip(" \u3000") for cell in row.split("\t")]


def _has_amount(line: str) -> bool:
    return any(re.fullmatch(r"-?\d[\d,]*\.\d+", cell.strip(" \u3000")) for cell in line.split("\t"))


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def wrap_width(lines: list[str]) -> int | None:
    """The page width a wrapped text's lines end at, or None for a text that is not wrapped.

    Most body lines of a wrapped text have the same display width (give or take a
    narrow digit or punctuation mark); a web page's paragraphs have any length.
    """
    widths = [display_width(line.strip()) for line in lines if line.strip()]
    long = [w for w in widths if w >= MIN_LONG]
    if len(long) < 15:
        return None
    counts = Counter(long)
    width, near = max(((w, sum(counts[w + d] for d in range(-3, 4))) for w in counts), key=lambda x: (x[1], x[0]))
    # nothing runs past a page's width but the odd table row; a web page's paragraphs do
    beyond = sum(1 for w in long if w > width + 8)
    return width if near >= 0.3 * len(long) and beyond <= 0.2 * len(long) else None


def unwrap(lines: list[str]) -> list[str]:
    width = wrap_width(lines)
    if width is None:
        return lines
    kept = [line for line in lines if not PAGE_NUMBER.match(line.strip())]
    kept = [line for i, line in enumerate(kept) if not _stray_page_number(kept, i)]
    out: list[str] = []
    joining = False
    for line in kept:
        stripped = line.strip()
        if joining and not stripped:
            continue  # the blank lines of a page break inside a paragraph
        if joining and not OPENS.match(stripped) and not _table_title(stripped):
            out[-1] += stripped
        else:
            out.append(line)
        joining = _runs_on(stripped, width)
    return out


def _runs_on(line: str, width: int) -> bool:
    """Whether a line of a wrapped text goes on on the next: it does not end a sentence and
    reaches the page width (digits are narrower than characters, so a line full of
    numbers ends short of it), or ends mid-phrase ("…支出年初预算为") most of the way there."""
    if not line or line.endswith(SENTENCE_END):
        return False
    measured = display_width(line)
    if measured >= width - 8:
        return True
    numbers = len(re.findall(r"\d[\d,.]*", line))
    return measured >= 0.75 * width and numbers <= 1 and bool(re.search(r"[\u4e00-\u9fff，、（“]$", line))


def _stray_page_number(lines: list[str], index: int) -> bool:
    """A bare number between two lines of text (a page footer), not a cell of a table."""
    if not BARE_NUMBER.match(lines[index].strip()):
        return False
    before = [line.strip() for line in lines[:index] if line.strip()][-1:]
    after = [line.strip() for line in lines[index + 1:index + 4] if line.strip()][:1]
    neighbours = before + after  # the nearest lines of text, past the blank lines of a page break
    return all(len(n) > 4 and re.search(r"[\u4e00-\u9fff]", n) for n in neighbours)
