"""Datasette for a site that does not change while it runs: what is fixed is read once.

Datasette 0.65.5 answers each "may this visitor see this table?" by deep-copying the whole
metadata (42 KB here: every column described in two languages), and asks the database
for each table's columns, keys and search index on every page, each a hop to an SQL
thread: the home page cost 444 such calls and most of its time copying. The metadata is
fixed when the server starts and the database is served immutable, so these answers are
kept per table (the visitors' own SQL is never kept).
"""

from __future__ import annotations

import copy
import functools

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


class SiteDatasette(Datasette):
    """Datasette whose metadata and immutable databases do not change while it runs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._table_allows_cache = {}
        for database in self.databases.values():
            if not database.is_mutable and not database.is_memory:
                remember_schema(database)

    def _table_permission_allows(self, database, table):
        key = (id(self._metadata_local), database, table)
        if key not in self._table_allows_cache:
            self._table_allows_cache[key] = super()._table_permission_allows(database, table)
        return self._table_allows_cache[key]


def remember_schema(database) -> None:
    """Answer the schema questions of an immutable database from the first answer."""
    for name in SCHEMA_METHODS:
        setattr(database, name, _remembered(getattr(database, name)))
    database.execute = _schema_queries_remembered(database.execute)


def _schema_queries_remembered(execute):
    answers = {}

    @functools.wraps(execute)
    async def execute_remembering_schema(sql, params=None, **kwargs):
        if sql not in SCHEMA_QUERIES or kwargs:
            return await execute(sql, params, **kwargs)
        key = (sql, tuple(params or ()))
        if key not in answers:
            answers[key] = await execute(sql, params)
        return answers[key]  # read, never changed, by the callers

    return execute_remembering_schema


def _remembered(method):
    answers = {}

    @functools.wraps(method)
    async def remembered(*args):
        if args not in answers:
            answers[args] = await method(*args)
        return copy.deepcopy(answers[args])  # callers may change what they are given

    return remembered
