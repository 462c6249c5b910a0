"""PDF sources, read with pdfplumber: the text as paragraphs and the ruled tables as tables.

A page's words are grouped into lines by their vertical overlap (a Latin-font number
printed a few points lower than the Chinese around it stays on its line), and lines
into paragraphs by the layout: a paragraph opens indented; a line that reaches the
right margin goes on on the next, unless that is indented or opens a heading. The
running header and footer (a line repeated at the top or bottom of the pages) and
page numbers are dropped. Each ruled table is a ``TableBlock``: its cells with the
text of a merged cell over every position it spans, a cell's wrapped lines joined;
a table that goes on over the next page, without its header, is joined to it. A PDF
with no text (scanned), an encrypted or a damaged one is refused with one line.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from pathlib import Path

from ..errors import SourceError
from .blocks import Block, PageLine, TableBlock, join_wrapped

# A line that opens a heading or a numbered item: never the continuation of the one before.
OPENS = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.、．](?!\d))")
PAGE_NUMBER = re.compile(r"^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}(?:\s*/\s*\d{1,3})?)$")
EDGE = 0.1  # the top and bottom tenth of a page, where running headers and footers stand


class _Line:
    def __init__(self, words: list[dict], page: int):
        self.words = sorted(words, key=lambda w: w["x0"])
        self.page = page
        self.top = min(w["top"] for w in words)
        self.bottom = max(w["bottom"] for w in words)
        self.x0 = self.words[0]["x0"]
        self.x1 = max(w["x1"] for w in words)
        self.size = statistics.median(w.get("size", 12) for w in words)
        parts, previous = [], None
        for word in self.words:
            if previous is not None and word["x0"] - previous["x1"] > 0.25 * self.size:
                parts.append(" ")
            parts.append(word["text"])
            previous = word
        self.text = "".join(parts).strip()


def read_blocks(path: Path, document_id: str) -> list[Block]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(path)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise SourceError(document_id, f"{path.name} is an encrypted PDF: it cannot be read without its password") from None
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise SourceError(document_id, f"{path.name} is an encrypted PDF: it cannot be read without its password") from None
        raise SourceError(document_id, f"{path.name} is not a readable PDF ({type(cause).__name__}: damaged or truncated)") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise SourceError(document_id, f"{path.name} is not a readable PDF ({type(exc).__name__}: damaged or truncated)") from None
    try:
        with pdf:
            pages = list(_pages(pdf, path, document_id))
    except (PdfminerException, PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise SourceError(document_id, f"{path.name} is not a readable PDF ({type(exc).__name__}: damaged or truncated)") from None
    if not any(lines or tables for lines, tables, _ in pages):
        raise SourceError(
            document_id,
            f"{path.name} holds no text: a scanned (image-only) PDF; text recognition (OCR) is not done",
        )
    return _blocks(pages)


def _pages(pdf, path: Path, document_id: str):
    """(lines, tables, page height) of every page; a table is (top, TableBlock)."""
    for number, page in enumerate(pdf.pages, start=1):
        found = page.find_tables()
        boxes = [t.bbox for t in found]
        words = [w for w in page.extract_words(extra_attrs=["size"]) if not _inside(w, boxes)]
        tables = [(t.bbox[1], _table(t, number)) for t in found]
        height = page.height
        page.close()  # frees the page's parsed objects: memory stays that of one page
        yield _group_lines(words, number), [t for t in tables if t[1].rows], height


def _inside(word: dict, boxes: list[tuple]) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(b[0] - 1 <= x <= b[2] + 1 and b[1] - 1 <= y <= b[3] + 1 for b in boxes)


def _group_lines(words: list[dict], page: int) -> list[_Line]:
    """Words whose vertical spans overlap by more than half the smaller height are one line."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        for line in lines:
            top, bottom = min(w["top"] for w in line), max(w["bottom"] for w in line)
            overlap = min(bottom, word["bottom"]) - max(top, word["top"])
            if overlap > 0.5 * min(bottom - top, word["bottom"] - word["top"]):
                line.append(word)
                break
        else:
            lines.append([word])
    return sorted((_Line(words, page) for words in lines), key=lambda line: line.top)


def _table(table, page: int) -> TableBlock:
    """A pdfplumber table as a grid: a merged cell's text over every position it spans."""
    cells = [[c for c in row.cells] for row in table.rows]
    texts = table.extract()
    lefts = sorted({round(c[0], 1) for row in cells for c in row if c})
    width = max(len(row) for row in cells) if cells else 0
    grid: list[list[str]] = []
    starts: list[list[bool]] = []
    for r, row in enumerate(cells):
        grid_row, start_row = [], []
        for c in range(width):
            box = row[c] if c < len(row) else None
            if box is not None:
                grid_row.append(join_wrapped(texts[r][c] or ""))
                start_row.append(True)
                continue
            grid_row.append(_covering(cells, texts, grid, r, c, lefts))
            start_row.append(False)
        grid.append(grid_row)
        starts.append(start_row)
    return TableBlock(rows=tuple(map(tuple, grid)), starts=tuple(map(tuple, starts)), page=page)


def _covering(cells, texts, grid, r: int, c: int, lefts) -> str:
    """The text of the merged cell covering position (r, c): the cell to its left when that
    spans over it, else the one above."""
    for left in range(c - 1, -1, -1):
        box = cells[r][left] if left < len(cells[r]) else None
        if box is not None:
            column_x0 = lefts[c] if c < len(lefts) else None
            if column_x0 is not None and box[2] > column_x0 + 1:
                return join_wrapped(texts[r][left] or "")
            break
    return grid[r - 1][c] if r > 0 else ""


def _blocks(pages) -> list[Block]:
    """Lines joined into paragraphs and tables in reading order, running headers dropped."""
    running = _running_lines(pages)
    blocks: list[Block] = []
    previous: _Line | None = None
    margins = None
    for lines, tables, height in pages:
        kept = [line for line in lines if not _dropped(line, height, running)]
        margins = _margins(kept) or margins
        items = sorted([(line.top, line) for line in kept] + [(top, table) for top, table in tables],
                       key=lambda item: item[0])
        for _, item in items:
            if isinstance(item, TableBlock):
                if blocks and isinstance(blocks[-1], TableBlock) and previous is None and _continues(blocks[-1], item):
                    blocks[-1] = blocks[-1].extended(item)
                else:
                    blocks.append(item)
                previous = None
                continue
            if previous is not None and margins and _runs_on(previous, item, margins):
                blocks[-1] = PageLine.on(blocks[-1] + item.text, blocks[-1].page)
            else:
                blocks.append(PageLine.on(item.text, item.page))
            previous = item
    return blocks


def _running_lines(pages) -> set[str]:
    """Texts printed at the top or bottom edge of three pages or more (running headers)."""
    counts: Counter = Counter()
    for lines, _, height in pages:
        for line in lines:
            if line.top < EDGE * height or line.bottom > (1 - EDGE) * height:
                counts[re.sub(r"\d+", "#", line.text)] += 1
    return {text for text, n in counts.items() if n >= 3 and len(pages) >= 3}


def _dropped(line: _Line, height: float, running: set[str]) -> bool:
    at_edge = line.top < EDGE * height or line.bottom > (1 - EDGE) * height
    return at_edge and (re.sub(r"\d+", "#", line.text) in running or bool(PAGE_NUMBER.match(line.text)))


def _margins(lines: list[_Line]) -> tuple[float, float] | None:
    """(left, right) margin of a page's text: where most lines start and end."""
    body = [line for line in lines if len(line.text) >= 10]
    if len(body) < 3:
        return None
    # the left margin is where the lines that go on start (the leftmost x two lines share);
    # a paragraph's first line is indented from it, a centred title more
    starts = Counter(round(line.x0) for line in body)
    left = min((x for x, n in starts.items() if n >= 2), default=min(starts))
    right = max(Counter(round(line.x1) for line in body).most_common(3))[0]
    return left, right


# What cannot open a paragraph: a level mark, a unit or punctuation cut from its line.
_CONTINUATION = re.compile(r"^(?:[（(][类款项][)）]|[，。、；：,.;:！？)）”]|万?元)")
_SENTENCE_END = tuple("。！？；：!?;:")


def _runs_on(previous: _Line, line: _Line, margins: tuple[float, float]) -> bool:
    """Whether ``line`` goes on with the paragraph ``previous`` ended on. A paragraph opens
    indented, so a line at the left margin goes on with the one before, unless it opens a
    heading or the one before ended a sentence short of the right margin."""
    left, right = margins
    size = line.size
    if abs(previous.size - size) >= 1:
        return False
    if _CONTINUATION.match(line.text):
        return True
    if line.x0 > left + 0.8 * size or OPENS.match(line.text):
        return False
    reaches_margin = previous.x1 >= right - 2 * size  # a line may end a character short (punctuation)
    return reaches_margin or not previous.text.endswith(_SENTENCE_END)


def _continues(table: TableBlock, following: TableBlock) -> bool:
    """A table on the next page is the same table when it has as many columns and no title
    line came between them (the caller checks that)."""
    return len(table.rows[0]) == len(following.rows[0])
