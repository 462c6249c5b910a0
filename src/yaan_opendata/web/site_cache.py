"""Datasette for a site that does not change while it runs: what is fixed is read once.

Datasette 0.65.5 answers each "may this visitor see this table?" by deep-copying the whole
metadata (42 KB here: every column described in two languages), and asks the database
for each table's columns, keys and search index on every page, each a hop to an SQL
thread: the home page cost 444 such calls and most of its time copying. The metadata is
fixed when the server starts and the database is served immutable, so these answers are
kept per table (the visitors' own SQL is never kept).

Over many documents (issue 15: 1,000 documents, 600,000 paragraphs) a table page's row
count and facet counts each scan the table or view, and a canned query sorts every
document's rows: their answers are fixed too, so they are kept as well, a bounded number.
"""

from __future__ import annotations

import collections
import copy
import functools
import re

from datasette.app import Datasette

# Database methods whose answer depends only on the schema (arguments: table names).
SCHEMA_METHODS = (
    "table_names",
    "view_names",
    "hidden_table_names",
    "table_columns",
    "table_column_details",
    "primary_keys",
    "fts_table",
    "label_column_for_table",
    "foreign_keys_for_table",
    "get_all_foreign_keys",
    "get_table_definition",
    "get_view_definition",
)

# Statements Datasette runs on every page or permission check that read only the schema
# (the spelling of a table's name; the schema version).
SCHEMA_QUERIES = frozenset({
    "select name from sqlite_master where type in ('table', 'view') and name = ? collate nocase",
    "PRAGMA schema_version",
})

# The counts Datasette writes for a table page (its rows, each facet's values). Datasette runs
# them without ``truncate``; a visitor's SQL (?sql=) always runs with it, and is never kept.
AGGREGATE_QUERY = re.compile(r"\s*select (count\(\*\)|\S+ as value, count\(\*\) as count) from ", re.IGNORECASE)
# How many such answers are kept (a few rows each): the filters a visitor adds to a table
# page make new ones, the oldest are forgotten.
MOST_AGGREGATES = 512


class SiteDatasette(Datasette):
    """Datasette whose metadata and immutable databases do not change while it runs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._table_allows_cache = {}
        for name, database in self.databases.items():
            if not database.is_mutable and not database.is_memory:
                remember_schema(database, canned_sql(self._metadata_local or {}, name))

    def _table_permission_allows(self, database, table):
        key = (id(self._metadata_local), database, table)
        if key not in self._table_allows_cache:
            self._table_allows_cache[key] = super()._table_permission_allows(database, table)
        return self._table_allows_cache[key]


def canned_sql(metadata: dict, database: str) -> frozenset[str]:
    """The SQL of the database's canned queries that take no parameter (their answer is fixed)."""
    queries = (metadata.get("databases") or {}).get(database, {}).get("queries") or {}
    return frozenset(
        q["sql"] for q in queries.values() if isinstance(q, dict) and not q.get("params") and ":" not in q["sql"]
    )


def remember_schema(database, canned: frozenset[str] = frozenset()) -> None:
    """Answer the schema questions of an immutable database from the first answer, and its
    table pages' counts and parameterless canned queries too."""
    for name in SCHEMA_METHODS:
        setattr(database, name, _remembered(getattr(database, name)))
    database.execute = _fixed_queries_remembered(database.execute, canned)


def _fixed_queries_remembered(execute, canned: frozenset[str]):
    schema = {}
    fixed = collections.OrderedDict()

    @functools.wraps(execute)
    async def execute_remembering(sql, params=None, **kwargs):
        if sql in SCHEMA_QUERIES and not kwargs:
            answers, key = schema, (sql, tuple(params or ()))
        elif (AGGREGATE_QUERY.match(sql) and not kwargs.get("truncate")) or (sql in canned and not _hashable(params)):
            answers, key = fixed, (sql, _hashable(params), tuple(sorted(kwargs.items())))
        else:
            return await execute(sql, params, **kwargs)
        if key in answers:
            if answers is fixed:
                fixed.move_to_end(key)
            return answers[key]  # read, never changed, by the callers
        answers[key] = answer = await execute(sql, params, **kwargs)  # an error (a time-out) is not kept
        if len(fixed) > MOST_AGGREGATES:
            fixed.popitem(last=False)
        return answer

    return execute_remembering


def _hashable(params) -> tuple:
    if isinstance(params, dict):  # a canned query's are never empty to len() (MagicParameters)
        return tuple(sorted(params.items()))
    return tuple(params or ())


def _remembered(method):
    answers = {}

    @functools.wraps(method)
    async def remembered(*args):
        if args not in answers:
            answers[args] = await method(*args)
        return copy.deepcopy(answers[args])  # callers may change what they are given

    return remembered
