"""The table search box finds what people type: 三公, “三公”经费, （项）.

Every FTS index is a trigram index over the text with quotation marks removed
(``database.py``), so a query is normalised the same way (quotes dropped,
full-width brackets and digits folded by NFKC as the extractors read them).
Three characters or more go to Datasette's own FTS search; shorter terms,
which a trigram cannot match, are rewritten to ``_contains`` and matched with
LIKE over the same index columns (``filters_from_request``).
"""

from __future__ import annotations

import re
import urllib.parse

from datasette.filters import FilterArguments
from markupsafe import Markup, escape

from ..database import QUOTATION_MARKS, SEARCHABLE
from ..normalize import normalize_line

CONTAINS_ARG = "_contains"  # the LIKE search of one- and two-character terms
TRIGRAM = 3


def normalise_query(term: str) -> str:
    """The spelling the index holds: no quotation marks, NFKC brackets, trimmed."""
    for mark in QUOTATION_MARKS:
        term = term.replace(mark, "")
    return normalize_line(term).text.strip()


def rewrite_query_string(query_string: str) -> str:
    """``_search`` normalised; a term too short for a trigram moved to ``_contains``."""
    pairs = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
    if not any(key == "_search" for key, _ in pairs):
        return query_string
    rewritten = []
    for key, value in pairs:
        if key == "_search":
            term = normalise_query(value)
            key = "_search" if len(term) >= TRIGRAM or not term else CONTAINS_ARG
            value = term
        rewritten.append((key, value))
    return urllib.parse.urlencode(rewritten)


def search_asgi(app):
    """Rewrite table search requests before Datasette reads them."""

    async def rewrite(scope, receive, send):
        if scope["type"] == "http" and b"_search=" in scope.get("query_string", b""):
            query = rewrite_query_string(scope["query_string"].decode("utf-8", "replace"))
            scope = dict(scope, query_string=query.encode("utf-8"))
        await app(scope, receive, send)

    return rewrite


def contains_filter(request, table: str | None) -> FilterArguments | None:
    """LIKE over the table's search columns (its FTS copy, quotation marks removed)."""
    term = request.args.get(CONTAINS_ARG) if request else None
    if not term or table not in SEARCHABLE:
        return None
    columns = SEARCHABLE[table]
    likes = " OR ".join(f'"{column}" LIKE :yaan_contains' for column in columns)
    return FilterArguments(
        [f'rowid IN (SELECT rowid FROM "{table}_fts" WHERE {likes})'],
        {"yaan_contains": f"%{_escape_like(term)}%"},
        [f'包含 “{term}” / contains "{term}"'],
        {"yaan_search_term": term},
    )


def _escape_like(term: str) -> str:
    return term  # % and _ are rare in Chinese text; a literal match is what is wanted


def highlight(html: Markup | str, term: str | None) -> Markup:
    """Mark ``term`` in the text of a cell (not inside tags), quotation marks between its characters allowed."""
    html = Markup(html) if isinstance(html, Markup) else escape(html)
    if not term:
        return html
    marks = "(?:" + "|".join(re.escape(str(escape(mark))) for mark in QUOTATION_MARKS) + ")*"
    pattern = re.compile(marks.join(re.escape(str(escape(char))) for char in term))
    parts = re.split(r"(<[^>]*>)", str(html))
    marked = [
        part if part.startswith("<") else pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", part)
        for part in parts
    ]
    return Markup("".join(marked))
