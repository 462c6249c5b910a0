"""Web pages, read with lxml: paragraphs as lines and data tables as tables.

The encoding is the one the page declares (a byte-order mark, ``<meta charset>`` or
``http-equiv``), else UTF-8 if the bytes are UTF-8, else GB18030 (which reads GB2312
and GBK). Every block element (paragraph, heading, list item, ``<br>``) ends a line.
A ``<table>`` holding data (rows of cells, no table inside) is a table, its
``colspan``/``rowspan`` cells repeated over the positions they span; a layout table
(one that holds tables, or a single column) is read as text. Scripts, styles and
navigation are left out. A page with no text is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import SourceError
from .blocks import Block, TableBlock, _has_number, join_wrapped

BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
    "footer", "blockquote", "pre", "dd", "dt", "dl", "center", "tr", "td", "th", "table", "tbody",
    "thead", "caption", "form", "main", "aside",
}
SKIPPED_TAGS = {"script", "style", "noscript", "template", "select", "option", "button", "svg", "iframe"}
UNIT_ROW = re.compile(r"(?:金额)?单位\s*[:：]\s*(?:亿元|万元|千元|元)")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    declared = _CHARSET.search(raw[:4096])
    candidates = [declared.group(1).decode("ascii").lower()] if declared else []
    for encoding in [*candidates, "utf-8", "gb18030"]:
        encoding = "gb18030" if encoding in ("gb2312", "gbk", "gb_2312-80") else encoding
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("gb18030", errors="replace")


def read_blocks(path: Path, document_id: str) -> list[Block]:
    import lxml.html
    from lxml import etree

    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise SourceError(document_id, f"{path.name} is not a web page (it holds binary data)")
    try:
        root = lxml.html.document_fromstring(decode(raw))
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(document_id, f"{path.name} is not a readable web page ({exc})") from None
    blocks: list[Block] = []
    title = root.find(".//title")
    if title is not None and (title.text or "").strip():
        blocks.append(title.text.strip())
    body = root.find("body")
    _walk(body if body is not None else root, blocks, [])
    blocks = [b for b in blocks if isinstance(b, TableBlock) or b.strip()]
    if not blocks:
        raise SourceError(document_id, f"{path.name} holds no text")
    return blocks


def _walk(element, blocks: list[Block], inline: list[str]) -> None:
    """Append the element's lines and tables to ``blocks``; ``inline`` gathers the text of
    the line being read."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED_TAGS:
        _tail(element, inline)
        return
    if tag == "table" and _is_data_table(element):
        _flush(blocks, inline)
        blocks += _unit_rows_lifted(_table(element))
        _tail(element, inline)
        return
    if tag == "br":
        _flush(blocks, inline)
        _tail(element, inline)
        return
    block = tag in BLOCK_TAGS
    if block:
        _flush(blocks, inline)
    if element.text:
        inline.append(element.text)
    for child in element:
        _walk(child, blocks, inline)
    if block:
        _flush(blocks, inline)
    _tail(element, inline)


def _tail(element, inline: list[str]) -> None:
    if element.tail:
        inline.append(element.tail)


def _flush(blocks: list[Block], inline: list[str]) -> None:
    text = re.sub(r"[ \t\r\n\u3000\xa0]+", " ", "".join(inline)).strip()
    inline.clear()
    if text:
        blocks.append(text)


def _rows(table):
    return [row for row in table.iter("tr") if row.getparent() is not None and _owner(row) is table]


def _owner(row):
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _is_data_table(table) -> bool:
    """Rows of cells, and no table inside: a table of data, not of layout."""
    if table.find(".//table") is not None:
        return False
    rows = _rows(table)
    return len(rows) >= 2 and max(len(row.findall("./td") + row.findall("./th")) for row in rows) >= 2


def _table(table) -> TableBlock:
    """The table's grid, a cell spanning rows or columns repeated over its positions."""
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    for r, row in enumerate(_rows(table)):
        c = 0
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = join_wrapped("\n".join(t.strip() for t in cell.itertext()))
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = (text, dr == 0 and dc == 0)
            c += colspan
    if not grid:
        return TableBlock((), ())
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    rows = tuple(tuple(grid.get((r, c), ("", True))[0] for c in range(width)) for r in range(height))
    starts = tuple(tuple(grid.get((r, c), ("", True))[1] for c in range(width)) for r in range(height))
    return TableBlock(rows, starts)


def _unit_rows_lifted(table: TableBlock) -> list[Block]:
    """The table, its first rows that state its unit ("部门:… 公开01表 单位:万元" in one cell
    over the whole width, 吉林) set before it as lines, where a page prints them."""
    rows, starts = list(table.rows), list(table.starts)
    lines: list[Block] = []
    while len(rows) > 2 and UNIT_ROW.search(row_text := " ".join(dict.fromkeys(c for c in rows[0] if c))) \
            and not _has_number(rows[0]):
        lines.append(row_text)
        rows.pop(0)
        starts.pop(0)
    return lines + [TableBlock(tuple(rows), tuple(starts), table.page)] if lines else [table]


def _span(cell, attribute: str) -> int:
    try:
        return max(1, min(int(cell.get(attribute, "1")), 200))
    except ValueError:
        return 1
