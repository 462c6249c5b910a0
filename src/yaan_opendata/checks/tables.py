"""The statistical tables add up, and the explanation restates them (表文一致).

- ``tables.rows``: a 类 row equals the sum of its 款 rows, a 款 the sum of its 项, the
  合计 row the sum of the 类 rows (functional tables; economic classes the sum of
  their items), column by column.
- ``tables.columns``: the identities of a table's columns on every row (本年支出合计 =
  基本支出 + 项目支出 + …, 合计 = the three budgets, the “三公” total = its parts), from
  lexicon/tables.yml.
- ``tables.sides``: a table of two sides adds up to its 总计 on each (本年收入合计 +
  使用非财政拨款结余 + 年初结转和结余; 本年支出合计 + 结余分配 + 年末结转和结余), and 本年收入合计
  is the sum of the income rows.
- ``tables.between``: a figure two tables state (本年支出合计 in 支出决算表 and in the
  收入支出决算总表) is the same in both.
- ``tables.prose``: every cell the explanation states too has the same amount there.

A table in 万元 rounds each cell to 0.01万元, so a sum of n cells may differ from its
printed total by up to n × 50 yuan: that is ``rounding``, more is ``fail``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from ..lexicon import table_specs
from ..model import TableCell
from .engine import CNY, FAIL, NOT_CHECKABLE, PASS, ROUNDING, Finding, Input, Rule, figure_input
from .records import Records


def _rule(name: str, zh: str, en: str) -> Rule:
    return Rule(f"tables.{name}", zh, en)


ROWS = _rule("rows", "决算表中类等于其下各款之和、款等于其下各项之和、合计等于各类之和",
             "In a table, a 类 equals its 款, a 款 its 项, the 合计 its 类")
COLUMNS = _rule("columns", "决算表中合计列等于其组成列之和(如本年支出合计=基本支出+项目支出)",
                "In a table, a total column equals its parts (e.g. total = basic + project)")
SIDES = _rule("sides", "收支总表的收入方与支出方各自合计为总计,本年收入合计为各项收入之和",
              "Each side of a two-sided table adds up to its 总计; 本年收入合计 is the sum of the income rows")
BETWEEN = _rule("between", "不同决算表所列同一数值一致(如支出决算表与收入支出决算总表的本年支出合计)",
                "Tables that state the same figure agree (e.g. 本年支出合计 in two tables)")
PROSE = _rule("prose", "情况说明所述金额与决算表中同一单元格一致(表文一致)",
              "The explanation states the same amount as the table's cell (text agrees with table)")
RULES = (ROWS, COLUMNS, SIDES, BETWEEN, PROSE)
HALF_UNIT = Decimal(50)  # half of 0.01万元: the rounding of one cell


def check(records: Records) -> Iterator[Finding]:
    cells = records.disclosure.table_cells
    by_table: dict[str, list[TableCell]] = defaultdict(list)
    for cell in cells:
        by_table[cell.table].append(cell)
    for table, table_cells in by_table.items():
        spec = table_specs()[table]
        grid = {(c.row_key, c.column): c for c in table_cells}
        yield from _rows(table, grid)
        yield from _columns(table, spec, grid)
        yield from _sides(table, spec, grid)
    yield from _between(cells)
    yield from _prose(records, cells)


def _rows(table: str, grid: dict[tuple[str, str], TableCell]) -> Iterator[Finding]:
    columns = {column for _, column in grid}
    for column in sorted(columns):
        rows = {row: cell for (row, col), cell in grid.items() if col == column}
        codes = [row.rsplit(".", 1)[-1] for row in rows if row.rsplit(".", 1)[-1].isdigit()]
        side = {row.rsplit(".", 1)[-1]: row for row in rows}
        for code in codes:
            children = [c for c in codes if len(c) == len(code) + 2 and c.startswith(code)]
            if children:
                yield _sum(ROWS, f"{table}.{code}.{column}", rows[side[code]], [rows[side[c]] for c in children])
        classes = [c for c in codes if len(c) == 3]
        total = next((rows[r] for r in rows if r.rsplit(".", 1)[-1] == "total"), None)
        if total is not None and classes:
            yield _sum(ROWS, f"{table}.total.{column}", total, [rows[side[c]] for c in classes])


def _columns(table: str, spec, grid: dict[tuple[str, str], TableCell]) -> Iterator[Finding]:
    rows = sorted({row for row, _ in grid})
    for total_column, parts in spec.sums.items():
        for row in rows:
            total = grid.get((row, total_column))
            found = [grid[(row, p)] for p in parts if (row, p) in grid]
            if total is None or not found:
                continue
            yield _sum(COLUMNS, f"{table}.{row}.{total_column}", total, found)


def _sides(table: str, spec, grid: dict[tuple[str, str], TableCell]) -> Iterator[Finding]:
    columns = {column for _, column in grid}
    for side, parts in spec.sides.items():
        for column in sorted(columns):
            total = grid.get((f"{side}.grand_total", column))
            found = [grid[(p, column)] for p in parts if (p, column) in grid]
            if total is not None and found:
                yield _sum(SIDES, f"{table}.{side}.{column}", total, found)
        if side == "revenue":
            for column in sorted(columns):
                total = grid.get(("revenue.income_total", column))
                found = [c for (row, col), c in grid.items() if col == column and row.startswith("revenue.income.")]
                if total is not None and found:
                    yield _sum(SIDES, f"{table}.revenue.income.{column}", total, found)


def _between(cells) -> Iterator[Finding]:
    """A figure two tables state: each later statement against the first."""
    by_key: dict[str, list[TableCell]] = defaultdict(list)
    for cell in cells:
        if cell.figure_key and cell.amount_yuan is not None:
            by_key[cell.figure_key].append(cell)
    for key, stated in by_key.items():
        for other in stated[1:]:
            if other.table != stated[0].table:
                yield _sum(BETWEEN, f"{key}.{other.table}", other, [stated[0]])


def _prose(records: Records, cells) -> Iterator[Finding]:
    for cell in cells:
        if cell.figure_id is None or cell.amount_yuan is None:
            continue
        figure = records.figure(records.key(cell.figure_id))
        cell_input = _input(cell, "table")
        if figure is None:
            continue
        prose = figure.amount_yuan if figure.amount_yuan is not None else figure.amount_corrected_yuan
        inputs = (cell_input, figure_input(figure, "text"))
        description = {"description_zh": PROSE.title_zh, "description_en": PROSE.title_en}
        subject = cell.cell_id.removeprefix(f"{records.document_id}.table.")
        if prose is None:
            yield Finding(PROSE, subject, NOT_CHECKABLE, inputs=inputs, note="the text's amount has no unit", **description)
            continue
        difference = Decimal(prose) - Decimal(cell.amount_yuan)
        status = PASS if difference == 0 else ROUNDING if abs(difference) <= 2 * HALF_UNIT else FAIL
        yield Finding(
            PROSE, subject, status, inputs=inputs, expected=Decimal(cell.amount_yuan), observed=Decimal(prose),
            difference=difference, tolerance=2 * HALF_UNIT, unit=CNY, figure_id=figure.figure_id,
            paragraph_id=figure.paragraph_id, **description,
        )


def _sum(rule: Rule, subject: str, total: TableCell, parts: list[TableCell]) -> Finding:
    inputs = (_input(total, "total"), *(_input(p, "part") for p in parts))
    description = {"description_zh": rule.title_zh, "description_en": rule.title_en}
    if total.amount_yuan is None or any(p.amount_yuan is None for p in parts):
        return Finding(rule, subject, NOT_CHECKABLE, inputs=inputs, note="a cell has no amount (no unit)", **description)
    expected = sum((Decimal(p.amount_yuan) for p in parts), Decimal(0))
    observed = Decimal(total.amount_yuan)
    difference = observed - expected
    tolerance = HALF_UNIT * (len(parts) + 1)
    status = PASS if difference == 0 else ROUNDING if abs(difference) <= tolerance else FAIL
    return Finding(
        rule, subject, status, inputs=inputs, expected=expected, observed=observed, difference=difference,
        tolerance=tolerance, unit=CNY, paragraph_id=total.paragraph_id, **description,
    )


def _input(cell: TableCell, role: str) -> Input:
    value = Decimal(cell.amount_yuan) if cell.amount_yuan is not None else None
    return Input("table_cells", cell.cell_id, role, value, CNY, cell.amount_as_published, cell.paragraph_id)
