"""The statistical tables (决算表): every cell of the nine national tables, as a record.

A table is recognised by its title (``lexicon/tables.yml``), never by its place.
Its header rows are the rows before the first that holds an amount, a code or a
row label the template knows; each column's header words (its header rows,
joined with "/") say what it states (``total``, ``basic``, ``overseas.budget`` …).
Columns split into groups where a code or name column follows an amount column: a
two-sided table (收入 | 支出) or an economic table printed in two halves reads as
two groups. A row is keyed by its code — 类/款/项 over three columns ("201" "06"
"01") or joined ("2010601"), an economic class and item ("301" "01") — or by its
label (合计, 本年收入合计, 年初结转和结余 …, a 类 named without its code). Every
non-empty amount cell becomes a ``TableCell`` in the table's unit (``单位:万元``);
a dash is not stated; a table with no unit keeps the literal with no amount. A
cell the explanation states too is linked to that figure's key (``figures``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import TableSpec, table_named
from ..model import ExtractionIssue, TableCell
from ..numbers import Money
from ..source import SourceDocument, SourceTable
from .figures import functional_index

AMOUNT = re.compile(r"^-?\d[\d,]*(?:\.\d+)?$")
NOT_STATED = {"-", "—", "--", "——", "－", "/", "…", "x", "X"}
CODE_HEADER = re.compile(r"(?:^|/)(?:类|款|项)$|编码|代码")
# The words of a header cell, never of a row
HEADER_WORD = re.compile(r"^(?:项目|科目编码|科目名称|单位名称|行次|栏次|类|款|项|小计|金额)$|[预决]算数$")
LINE_HEADER = re.compile(r"^(?:行次|栏次|序号)$")  # a column that numbers the rows: neither code nor amount
NAME_HEADER = re.compile(r"^(?:项目|类别|.*名称)$")
CODE_CELL = re.compile(r"^\d{2,7}$")
_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、|^\d+[.、]")


def extract(doc: SourceDocument) -> Iterator[TableCell | ExtractionIssue]:
    seen: set[str] = set()
    for table in doc.tables:
        spec = table_named(table.title)
        if spec is None:
            continue
        misaligned = _misaligned(table, spec)
        if misaligned:
            yield ExtractionIssue(
                issue_id=f"{doc.document_id}.table.{table.number:02d}", document_id=doc.document_id,
                kind="unreadable_section", extractor="tables", literal=None, paragraph_id=table.first_paragraph,
                reason=f"table {table.number} ({table.title}): {misaligned}; not read, rather than read wrong",
            )
            continue
        for cell in _cells(doc, table, spec):
            cell_id, n = cell.cell_id, 2
            while cell_id in seen:
                cell_id, n = f"{cell.cell_id}.{n}", n + 1
            seen.add(cell_id)
            yield cell if cell_id == cell.cell_id else _with_id(cell, cell_id)


def _with_id(cell: TableCell, cell_id: str) -> TableCell:
    from dataclasses import replace

    return replace(cell, cell_id=cell_id)


def header_rows(table: SourceTable, spec: TableSpec) -> int:
    """How many rows the header takes: the rows before the first that holds an amount, that
    starts with a code, or that names a row the template knows ("合计", "一、…收入") and holds
    nothing but amounts, codes and such names besides, unless a row of header words
    (科目编码, 决算数) follows it; a row numbering the columns (栏次) is part of the header."""
    named = None  # the first row that names a row the template knows
    for index, row in enumerate(table.texts):
        cells = [c for c in row if c]
        if _column_numbers(cells):
            continue
        if any(_is_amount(c) for c in cells) or any(CODE_CELL.match(c) for c in row[:3] if c):
            return index if named is None else named
        if named is None and cells and _item(cells[0], spec) and all(_item(c, spec) or AMOUNT.match(c) for c in cells[1:]):
            named = index
        elif named is not None and any(HEADER_WORD.match(re.sub(r"\s+", "", c)) for c in cells):
            # not a row: "人员经费 … 公用经费" above the 人员经费 half and the 公用经费 half
            named = None
    return len(table.texts) if named is None else named


def _column_numbers(cells: list[str]) -> bool:
    """The row under a header that numbers the columns (栏次: "1 2 3 …", "栏次 1 栏次 2")."""
    numbers = [c for c in cells if c != "栏次"]
    if len(numbers) == len(cells):
        return len(numbers) >= 3 and [int(c) if c.isdigit() else None for c in numbers] == list(
            range(1, len(numbers) + 1))
    return all(c.isdigit() for c in numbers)


def _is_amount(text: str) -> bool:
    """An amount, not a code: a decimal, a number with separators, or a small whole number."""
    return bool(AMOUNT.match(text)) and ("." in text or "," in text or not CODE_CELL.match(text))


def _item(text: str, spec: TableSpec) -> bool:
    return bool(_row_label(text, spec) or _NUMBERING.match(text))


def _row_label(text: str, spec: TableSpec) -> str | None:
    plain = re.sub(r"\s+", "", text)
    return next((key for key, pattern in spec.labels.items() if pattern.search(plain)), None)


def _headers(table: SourceTable, count: int) -> list[str]:
    """Each column's header words, top to bottom, joined with "/"."""
    rows = [list(row) for row in table.texts[:count] if not _column_numbers([c for c in row if c])]
    _spread(rows)
    width = len(table.texts[0]) if table.texts else 0
    headers = []
    for column in range(width):
        words: list[str] = []
        for row in rows:
            word = re.sub(r"\s+", "", row[column]) if column < len(row) else ""
            if word and word not in words:
                words.append(word)
        headers.append("/".join(words))
    return headers


def _spread(rows: list[list[str]]) -> None:
    """A header cell spanning several columns, printed once (a copied web table keeps no
    merged cells: "预算数" over six columns stands over the first): an empty header cell
    takes the text on its left when the two stand under the same header above and the
    column has a header of its own below (the parts a spanning cell stands over)."""
    for r, row in enumerate(rows):
        for c in range(1, len(row)):
            if row[c] or not row[c - 1]:
                continue
            same_parent = all(above[c] == above[c - 1] for above in rows[:r] if c < len(above))
            if same_parent and any(c < len(below) and below[c] for below in rows[r + 1:]):
                row[c] = row[c - 1]


def _roles(table: SourceTable, headers: list[str], count: int) -> list[str]:
    """code, name, line (行次) or value, for each column: by its header, else by what its cells hold."""
    roles = []
    for column, header in enumerate(headers):
        body = [row[column] for row in table.texts[count:] if column < len(row) and row[column]]
        last = header.rsplit("/", 1)[-1]
        if LINE_HEADER.match(last):
            roles.append("line")
        elif CODE_HEADER.search(last) or body and all(CODE_CELL.match(c) for c in body) and not _value_header(header):
            roles.append("code")
        elif NAME_HEADER.search(last) or any(not AMOUNT.match(c) and c not in NOT_STATED for c in body):
            roles.append("name")
        else:
            roles.append("value")
    return roles


def _value_header(header: str) -> bool:
    return bool(re.search(r"决算|预算|合计|小计|支出|收入|结余|金额", header))


def _groups(roles: list[str]) -> list[list[int]]:
    """Columns in groups: a new group starts at a code or name column after a value column."""
    groups: list[list[int]] = [[]]
    for column, role in enumerate(roles):
        if role != "value" and any(roles[c] == "value" for c in groups[-1]):
            groups.append([])
        groups[-1].append(column)
    return [g for g in groups if g]


def _side(headers: list[str], group: list[int]) -> str | None:
    top = {headers[c].split("/", 1)[0] for c in group if headers[c]}
    if top & {"收入"}:
        return "revenue"
    if top & {"支出"}:
        return "expenditure"
    return None


def _misaligned(table: SourceTable, spec: TableSpec) -> str | None:
    """Why the columns cannot be read, if they cannot: amounts under no header, or two
    amount columns of one group under headers that say the same thing. A copied table
    whose spanning header cells were printed once each looks so: its header rows no
    longer stand over their columns."""
    count = header_rows(table, spec)
    headers = _headers(table, count)
    roles = _roles(table, headers, count)
    for column, role in enumerate(roles):
        if role == "value" and not headers[column] and any(
                column < len(row) and _is_amount(row[column]) for row in table.texts[count:]):
            return f"amounts stand in column {column + 1} under no header"
    for group in _groups(roles):
        keys = [column.key for c in group if roles[c] == "value" and (column := _column(spec, headers[c]))]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        if twice:
            return f"the header names the column {', '.join(twice)} more than once"
    return None


def _cells(doc: SourceDocument, table: SourceTable, spec: TableSpec) -> Iterator[TableCell]:
    if not table.texts:
        return
    count = header_rows(table, spec)
    headers = _headers(table, count)
    roles = _roles(table, headers, count)
    index = functional_index(doc) if spec.code == "functional" else None
    for group in _groups(roles):
        side = _side(headers, group)
        columns = {c: _column(spec, headers[c]) for c in group if roles[c] == "value"}
        balance = None  # a 结转和结余 row, whose parts by budget follow it ("一、一般公共预算财政拨款")
        for r in range(count, len(table.texts)):
            row = table.texts[r]
            code = _code(row[c] for c in group if roles[c] == "code" and c < len(row))
            label = next((row[c] for c in group if roles[c] == "name" and c < len(row) and row[c]), None)
            key, classification = _row_key(spec, code, label, index)
            if key is None:
                continue
            if key in ("opening_balance", "closing_balance"):
                balance = key
            elif balance and key.startswith("income."):
                key = f"{balance}.{key.removeprefix('income.')}"
            else:
                balance = None
            if side:
                key = f"{side}.{key}"
            for c, column in columns.items():
                text = row[c] if c < len(row) else ""
                if column is None or not text or text in NOT_STATED or not AMOUNT.match(text):
                    continue
                pid = table.paragraph_ids[r][c]
                if pid is None:
                    continue
                yield _cell(doc, table, spec, r, key, label, column, headers[c], classification, text, pid, side)


def _code(cells) -> str:
    """A row's code from its code columns: "201" "06" "01" → "2010601"; a 款 or 项 a workbook
    stored as a number ("6") keeps its two digits."""
    parts = [c for c in cells if re.fullmatch(r"\d{1,7}", c or "")]
    return parts[0] + "".join(p.zfill(2) for p in parts[1:]) if parts else ""


def _column(spec: TableSpec, header: str):
    return next((column for column in spec.columns if column.header.search(header)), None)


def _row_key(spec: TableSpec, code: str, label: str | None, index) -> tuple[str | None, str | None]:
    """(row key, classification id) of a row: its code, else the key of its label."""
    if code and len(code) in (3, 5, 7) and spec.code:
        return code, f"{spec.code}:{code}" if _known(spec.code, code, index) else None
    if not label:
        # a table of one row, such as the “三公” table: its row has no name of its own
        return ("row", None) if spec.code is None else (None, None)
    known = _row_label(label, spec)
    if known:
        return known, None
    if index is not None:  # a 类 named without its code: "一、一般公共服务支出"
        name = _NUMBERING.sub("", re.sub(r"\s+", "", label))
        found = index.code(name)
        if found is not None:
            return found.code, found.classification_id
    return None, None


def _known(scheme: str, code: str, index) -> bool:
    if scheme == "functional":
        return index is not None and index.by_code(code) is not None
    from ..codelists import classifications

    return any(c.classification_id == f"economic:{code}" for c in classifications())


def _cell(doc, table: SourceTable, spec: TableSpec, r: int, key: str, label, column, header: str,
          classification, text: str, paragraph_id: str, side: str | None) -> TableCell:
    number = text.replace(",", "")
    amount, note = None, None
    if table.unit:
        amount = Money(literal=text, number=_decimal(number), unit=table.unit).amount_yuan
        if amount is None:
            note = "金额不是整元 / not a whole number of yuan"
    else:
        note = "表未载明单位 / the table states no unit"
    code = key.split(".")[-1]
    figure_key = spec.figures.get(f"{key}|{column.key}")
    if figure_key is None and code.isdigit():
        template = spec.figures.get(f"{{code}}|{column.key}")
        figure_key = template.format(code=code) if template else None
    if figure_key is None and spec.key == "three_public":
        figure_key = spec.figures.get(f"row|{column.key}")
    flow = column.flow or side
    return TableCell(
        cell_id=f"{doc.document_id}.table.{spec.key}.{key}.{column.key}",
        document_id=doc.document_id,
        table=spec.key,
        table_title=table.title,
        row=r + 1,
        row_key=key,
        row_label=label,
        column=column.key,
        column_label=header,
        classification_id=classification,
        flow=flow,
        fund=column.fund,
        phase=column.phase,
        amount_yuan=amount,
        amount_as_published=text,
        unit_as_published=table.unit,
        amount_note=note,
        figure_key=figure_key,
        figure_id=None,
        paragraph_id=paragraph_id,
        page=table.page,
    )


def _decimal(text: str):
    from decimal import Decimal

    return Decimal(text)
