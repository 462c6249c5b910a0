"""Cells as a citizen reads them: labels for codes, 万元 for yuan, a short link to the source.

The value stays what the database holds (URLs, CSV and JSON keep codes and
yuan); only the HTML shows the label, with the code or the yuan on hover.
"""

from __future__ import annotations

from datasette.utils import tilde_encode
from markupsafe import Markup, escape

from . import labels

_WAN_YUAN_SUFFIX = "(万元)"


def render(value, column: str, table: str | None, database: str, datasette) -> Markup | None:
    if column == "paragraph_id" and isinstance(value, (dict, str)) and value:
        return _source_link(value if isinstance(value, dict) else {"value": value}, database, datasette)
    if value is None or value == "" or isinstance(value, dict):
        return None
    code = labels.code_label(column, value)
    if code is not None:
        return Markup(f'<span class="yaan-code" title="{escape(code[1])} · {escape(value)}">{escape(code[0])}</span>')
    if isinstance(value, int) and not isinstance(value, bool) and labels.is_yuan(table, column):
        return _amount(value)
    if column.endswith(_WAN_YUAN_SUFFIX) and isinstance(value, (int, float)):
        return _amount(round(value * 10000))
    return None


def _amount(amount_yuan: int) -> Markup:
    return Markup(
        f'<span class="yaan-amount" title="{escape(labels.yuan(amount_yuan))}">{labels.wan_yuan(amount_yuan)}</span>'
    )


def _source_link(value: dict, database: str, datasette) -> Markup:
    """A paragraph named by a figure: a short link, the sentence on hover (rows stay one line high)."""
    href = f"{datasette.urls.table(database, 'paragraphs')}/{tilde_encode(str(value['value']))}"
    sentence = str(value.get("label") or value["value"])
    return Markup(
        f'<a href="{escape(href)}" class="yaan-source" title="{escape(sentence)}">原文 ¶{escape(_number(value["value"]))}</a>'
    )


def _number(paragraph_id) -> str:
    """``…-p0080`` → ``80``: the paragraph's place in its document."""
    tail = str(paragraph_id).rsplit("-p", 1)[-1]
    return tail.lstrip("0") or tail
