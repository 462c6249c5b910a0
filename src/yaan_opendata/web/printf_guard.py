"""printf() and format() that refuse a width or precision longer than the longest string allowed.

SQLite 3.40's printf repeats ``%.Nc`` one character at a time and keeps looping after
the string limit is hit, so ``printf('%.*c', 999999999, 'x')`` spins for seconds inside
one VM step (the time limit cannot stop it) and then returns NULL. The guard reads the
format's widths and precisions (written out or taken from the arguments by ``*``) and
refuses before any work, with SQLite's own "string or blob too big" (a function that
raises would print a traceback: Datasette turns on sqlite3's callback tracebacks, and the
visitor would only read "user-defined function raised exception"); an accepted call is run by SQLite's own printf, on a private
in-memory connection with the same limit.
"""

from __future__ import annotations

import re
import sqlite3

# %[flags][width][.precision][size]type, or %% (the template SQLite's printf follows).
_SPEC = re.compile(r"%(?:%|[-+ 0#,!]*(\d+|\*)?(?:\.(\d+|\*))?l{0,2}[a-zA-Z])")


def install(conn: sqlite3.Connection, longest: int) -> None:
    """Replace printf() and format() on ``conn`` by guarded ones refusing widths above ``longest``."""
    private = sqlite3.connect(":memory:", check_same_thread=False)
    private.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, longest)

    too_big = "x" * (longest + 1)  # returned, SQLite answers "string or blob too big"

    def guarded(fmt, *args):
        if isinstance(fmt, str) and _too_wide(fmt, args, longest):
            return too_big
        placeholders = ", ".join("?" * (1 + len(args)))
        return private.execute(f"select printf({placeholders})", (fmt, *args)).fetchone()[0]

    for name in ("printf", "format"):
        conn.create_function(name, -1, guarded)


def _too_wide(fmt: str, args: tuple, longest: int) -> bool:
    next_arg = 0
    for spec in _SPEC.finditer(fmt):
        for number in spec.groups():
            if number == "*":
                value, next_arg = (args[next_arg] if next_arg < len(args) else 0), next_arg + 1
            elif number:
                value = number
            else:
                continue
            try:
                if abs(int(float(value))) > longest:
                    return True
            except (TypeError, ValueError, OverflowError):
                continue  # SQLite reads a non-number as 0
        if spec.group(0) != "%%":
            next_arg += 1  # the value the conversion prints
    return False
