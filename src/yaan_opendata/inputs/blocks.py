"""What a reader gives: the document's lines (paragraphs, headings) and its tables, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TableBlock:
    """A table as a grid of cell texts: a merged cell's text stands at every position it
    spans, and ``starts`` marks the position where each cell begins (published once)."""

    rows: tuple[tuple[str, ...], ...]
    starts: tuple[tuple[bool, ...], ...]
    page: int | None = None

    @classmethod
    def of(cls, rows, page: int | None = None) -> TableBlock:
        """A table without merged cells."""
        width = max((len(r) for r in rows), default=0)
        grid = tuple(tuple(list(r) + [""] * (width - len(r))) for r in rows)
        return cls(grid, tuple(tuple(True for _ in r) for r in grid), page)

    def extended(self, following: TableBlock) -> TableBlock:
        """This table with the rows of its continuation on the next page, less a header the
        continuation repeats."""
        rows, starts = list(following.rows), list(following.starts)
        while rows and rows[0] in self.rows[: len(self.rows) // 2 + 1] and not _has_number(rows[0]):
            rows.pop(0)
            starts.pop(0)
        return TableBlock(self.rows + tuple(rows), self.starts + tuple(starts), self.page)


class PageLine(str):
    """A line of a PDF: a string that knows the page it is printed on."""

    page: int | None = None

    @classmethod
    def on(cls, text: str, page: int | None) -> PageLine:
        line = cls(text)
        line.page = page
        return line


Block = str | TableBlock


def join_wrapped(text: str) -> str:
    """A cell's text wrapped over lines ("机关事业单位基本养老保险\\n缴费支出") as one line:
    joined without a space, but for two Latin words."""
    parts = [p.strip() for p in text.splitlines() if p.strip()]
    out = ""
    for part in parts:
        if out and re.search(r"[A-Za-z]$", out) and re.match(r"[A-Za-z]", part):
            out += " "
        out += part
    return out


def _has_number(row) -> bool:
    return any(re.fullmatch(r"-?[\d,]+(?:\.\d+)?", cell.strip()) for cell in row if cell)
