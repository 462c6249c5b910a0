"""SQLite limits on every connection the site opens (Datasette's ``prepare_connection`` hook).

Datasette's time limit is a progress handler, checked between virtual-machine steps; one
step can run for a minute and take gigabytes (``randomblob(999999999)``, ``printf`` with a
huge width, ``instr`` on such strings). SQLite's own limits stop those at once with
"string or blob too big". The longest string is sized to the data so no stored value and
no real query is refused.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from importlib import resources

import yaml

from . import printf_guard


@functools.cache
def settings() -> dict:
    return yaml.safe_load((resources.files(__package__) / "limits.yml").read_text(encoding="utf-8"))


def prepare_connection(conn: sqlite3.Connection, database: str, datasette, site_database: str) -> None:
    """Limit a connection Datasette opens to the site's database.

    Other databases are left as Datasette opens them: the plugin is installed as an entry
    point, so it runs in any Datasette of the environment, whose databases may hold longer
    values and be too large to measure; ``_internal`` (Datasette's copy of every schema,
    which only root reads) must hold the longest ``CREATE`` statement of each.
    """
    if database == site_database:
        apply(conn, datasette.databases[database].path)


def apply(conn: sqlite3.Connection, path: str | None) -> None:
    """Limit ``conn``, a connection to the database file at ``path`` (None: in memory)."""
    sqlite = settings()["sqlite"]
    for name, value in sqlite["limits"].items():
        conn.setlimit(getattr(sqlite3, f"SQLITE_LIMIT_{name}"), value)
    longest = longest_value(path) if path else 0
    length = max(sqlite["length_floor_bytes"], longest * sqlite["length_margin"])
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, length)
    printf_guard.install(conn, length)
    conn.set_authorizer(_refusing(frozenset(sqlite["refused_functions"])))
    budget = ResultBudget(sqlite["result_per_statement"])
    conn.row_factory = budget
    conn.set_trace_callback(budget.reset)


def _refusing(functions: frozenset[str]):
    """An authorizer that refuses, when a statement is prepared, every call of ``functions``
    ("not authorized to use function: …")."""

    def authorize(action, _arg1, arg2, _database, _source):
        if action == sqlite3.SQLITE_FUNCTION and arg2 and arg2.lower() in functions:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    return authorize


class ResultBudget:
    """A row factory that refuses a statement's rows once their strings and blobs pass a budget.

    SQLite calls the trace callback (``reset``) when each statement starts; Python calls the
    row factory for every row it reads, so a result is refused one row past the budget, not
    after it has filled the memory (1,000 rows of 64 blobs of 32 KB would be 2 GB).
    """

    def __init__(self, limit: int):
        self.limit = self.left = limit

    def reset(self, _sql: str) -> None:
        self.left = self.limit

    def __call__(self, cursor: sqlite3.Cursor, values: tuple) -> sqlite3.Row:
        self.left -= sum(len(v) for v in values if isinstance(v, (str, bytes)))
        if self.left < 0:
            raise sqlite3.OperationalError(
                f"query result too large: more than {self.limit:,} characters and bytes; "
                "ask for fewer rows or shorter values"
            )
        return sqlite3.Row(cursor, values)  # the rows Datasette asks for


_longest: dict[str, int] = {}
_longest_lock = threading.Lock()


def longest_value(path: str) -> int:
    """The longest value stored in the database file, schema included, in bytes (read once per file:
    the site serves its database immutable)."""
    with _longest_lock:
        if path not in _longest:
            _longest[path] = _measure(path)
        return _longest[path]


def _measure(path: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        longest = conn.execute("select coalesce(max(length(cast(sql as blob))), 0) from sqlite_master").fetchone()[0]
        tables = [row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")]
        for table in tables:
            columns = [row[1] for row in conn.execute(f"pragma table_info({_quote(table)})")]
            if columns:
                widest = ", ".join(f"max(length(cast({_quote(c)} as blob)))" for c in columns)
                row = conn.execute(f"select {widest} from {_quote(table)}").fetchone()
                longest = max(longest, *(v or 0 for v in row))
        return longest
    finally:
        conn.close()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
