"""Spreadsheets (.xlsx with openpyxl, .xls with xlrd): one table per sheet.

A sheet's leading rows that hold a single cell (its title "收入支出决算总表", "公开01表",
the department, "单位：万元") are lines; the rest is the table, a merged cell's text
repeated over the positions it spans. A number is written as the sheet displays it
(its number format's decimals and thousands separator), so the literal is what a
reader of the sheet sees. An empty sheet is skipped; a workbook that does not open
is refused with one line.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

from ..errors import SourceError
from .blocks import Block, TableBlock, join_wrapped


def read_blocks(path: Path, document_id: str) -> list[Block]:
    sheets = _xls(path, document_id) if path.suffix.lower() == ".xls" else _xlsx(path, document_id)
    blocks: list[Block] = []
    for name, rows, starts in sheets:
        blocks += _sheet_blocks(name, rows, starts)
    if not blocks:
        raise SourceError(document_id, f"{path.name} holds no cells")
    return blocks


def _xlsx(path: Path, document_id: str):
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, data_only=True, read_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, EOFError) as exc:
        raise SourceError(document_id, f"{path.name} is not a readable .xlsx workbook ({type(exc).__name__})") from None
    for sheet in book.worksheets:
        covered: dict[tuple[int, int], tuple[int, int]] = {}
        for merged in sheet.merged_cells.ranges:
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    covered[(r, c)] = (merged.min_row, merged.min_col)
        rows, starts = [], []
        for r in range(1, sheet.max_row + 1):
            row, start = [], []
            for c in range(1, sheet.max_column + 1):
                origin = covered.get((r, c), (r, c))
                cell = sheet.cell(*origin)
                row.append(_shown(cell.value, cell.number_format))
                start.append(origin == (r, c))
            rows.append(row)
            starts.append(start)
        yield sheet.title, rows, starts


def _xls(path: Path, document_id: str):
    import struct

    import xlrd

    try:
        book = xlrd.open_workbook(path, formatting_info=False)
    except (xlrd.XLRDError, struct.error, ValueError, OSError, EOFError, IndexError) as exc:
        raise SourceError(document_id, f"{path.name} is not a readable .xls workbook ({type(exc).__name__})") from None
    for sheet in book.sheets():
        covered = {}
        for r0, r1, c0, c1 in sheet.merged_cells:
            for r in range(r0, r1):
                for c in range(c0, c1):
                    covered[(r, c)] = (r0, c0)
        rows, starts = [], []
        for r in range(sheet.nrows):
            row, start = [], []
            for c in range(sheet.ncols):
                origin = covered.get((r, c), (r, c))
                row.append(_shown(sheet.cell_value(*origin), "General"))
                start.append(origin == (r, c))
            rows.append(row)
            starts.append(start)
        yield sheet.name, rows, starts


def _shown(value, number_format: str) -> str:
    """A cell's value as the sheet shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        decimals = re.search(r"0\.(0+)", number_format or "")
        places = len(decimals.group(1)) if decimals else None
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if places is not None:
            number = number.quantize(Decimal(1).scaleb(-places))
        elif number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        text = f"{number:,}" if "#,##" in (number_format or "") else f"{number}"
        return text
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return join_wrapped(str(value))


def _sheet_blocks(name: str, rows: list[list[str]], starts: list[list[bool]]) -> list[Block]:
    rows, starts = _trimmed(rows, starts)
    if not rows:
        return []
    lines = []
    while rows and sum(1 for cell in _distinct(rows[0], starts[0]) if cell) <= 1:
        text = next((cell for cell in rows[0] if cell), "")
        if text:
            lines.append(text)
        rows, starts = rows[1:], starts[1:]
    if not any(line.endswith("表") for line in lines) and name:
        lines.insert(0, name)  # the sheet's name titles the table ("收入支出决算总表" / "公开01表")
    table = [TableBlock(tuple(map(tuple, rows)), tuple(map(tuple, starts)))] if rows else []
    return [*lines, *table]


def _distinct(row: list[str], start: list[bool]) -> list[str]:
    return [cell for cell, first in zip(row, start) if first]


def _trimmed(rows, starts):
    """Without empty rows, and without the empty columns at the right."""
    kept = [(r, s) for r, s in zip(rows, starts) if any(cell.strip() for cell in r)]
    if not kept:
        return [], []
    width = max(max((i + 1 for i, cell in enumerate(r) if cell.strip()), default=0) for r, _ in kept)
    return [r[:width] for r, _ in kept], [s[:width] for _, s in kept]
