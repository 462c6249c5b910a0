"""How the site shows a column and a value: Chinese labels, English on hover, 万元.

Tables keep codes and integer yuan (URLs, CSV and JSON too); pages show the
labels of the code lists and amounts in 万元, the unit the documents print.
What is technical, and the English of the views' Chinese column names, is data
(``columns.yml``).
"""

from __future__ import annotations

import functools
from importlib import resources

import yaml
from datasette.utils import to_css_class

from ..codelists import CATEGORY_LABELS, COMPARISON_LABELS, FLOW_LABELS, FUND_LABELS, PHASE_LABELS
from ..tables import TABLES_BY_NAME

_CODE_LISTS = {
    "flow": FLOW_LABELS,
    "phase": PHASE_LABELS,
    "fund": FUND_LABELS,
    "category": CATEGORY_LABELS,
    "comparison": COMPARISON_LABELS,
}


@functools.cache
def settings() -> dict:
    text = resources.files(__package__).joinpath("columns.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@functools.lru_cache(maxsize=1024)
def is_technical(table: str | None, column: str) -> bool:
    config = settings()
    if table is None and column in config["technical_in_queries"]:
        return True
    return column in config["technical_everywhere"] or column in config["technical_by_table"].get(table or "", ())


def column_classes(table: str | None, names) -> dict[str, str]:
    """Each column's cell class (``col-… yaan-technical``), worked out once per page, not per cell."""
    return _column_classes(table, tuple(names))


@functools.lru_cache(maxsize=256)
def _column_classes(table: str | None, names: tuple[str, ...]) -> dict[str, str]:
    return {
        name: f"col-{to_css_class(name)}" + (" yaan-technical" if is_technical(table, name) else "")
        for name in names
    }


def is_yuan(table: str | None, column: str) -> bool:
    """A column of integer yuan (a field whose unit is CNY)."""
    field = _field(table, column)
    return field is not None and field.unit == "CNY" and field.type == "integer"


@functools.lru_cache(maxsize=1024)
def column_label(table: str | None, column: str) -> tuple[str, str]:
    """(Chinese, English) of a column: the field's titles, or the English of a view's Chinese name."""
    field = _field(table, column)
    if field is not None:
        if field.unit == "CNY" and field.type == "integer":
            return (f"{field.title_zh.removesuffix('(元)')}(万元)",
                    f"{field.title_en.removesuffix(' (yuan)')} (10,000 yuan)")
        return field.title_zh, field.title_en
    config = settings()
    if column in config["english"]:
        return column, config["english"][column]
    if column in config["chinese"]:
        return config["chinese"][column], column
    field = _any_field(column)
    if field is not None:
        return field.title_zh, field.title_en
    return column, column


def table_title(name: str) -> str:
    """The Chinese title of a table (its name where it has none: views and unknown tables)."""
    found = TABLES_BY_NAME.get(name)
    return found.title_zh if found else name


def code_label(column: str, value) -> tuple[str, str] | None:
    """(Chinese, English) label of a coded value, or None where the column holds no code."""
    list_name = settings()["code_columns"].get(column)
    if list_name is None or value is None:
        return None
    labels = _CODE_LISTS.get(list_name) or settings()["extra_code_lists"].get(list_name, {})
    return labels.get(str(value))


def wan_yuan(amount_yuan: float) -> str:
    """Yuan as 万元 with thousands separators and the two decimals documents print: 3,351.34."""
    return f"{amount_yuan / 10000:,.2f}"


def yuan(amount_yuan: float) -> str:
    return f"{amount_yuan:,.0f} 元"


@functools.lru_cache(maxsize=1024)
def _field(table: str | None, column: str):
    found = TABLES_BY_NAME.get(table or "")
    if found is None:
        return None
    return next((f for f in found.fields if f.name == column), None)


@functools.cache
def _any_field(column: str):
    """The field of that name in any table (canned queries return table columns by name)."""
    for table in TABLES_BY_NAME.values():
        for field in table.fields:
            if field.name == column:
                return field
    return None
