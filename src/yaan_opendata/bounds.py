"""Every whole number of the records fits SQLite's 64-bit integer, or the source is refused.

The readers already refuse an amount larger than any budget (``numbers.parse_money``);
this is the net under every other integer a record carries (a count of posts, a row
number, an amount read from a table), checked once before anything is written, so a
number too large is a source error naming document and paragraph, not an
OverflowError when the database is built.
"""

from __future__ import annotations

from .errors import SourceError
from .model import Disclosure
from .package import table_records
from .tables import TABLES

SQLITE_INTEGER = range(-(2**63), 2**63)


def check_bounds(disclosures: list[Disclosure]) -> None:
    """Raise a SourceError for the first integer field no SQLite INTEGER holds."""
    for table in TABLES:
        integers = [f.name for f in table.fields if f.type == "integer"]
        if not integers:
            continue
        for record in table_records(disclosures, table):
            for name in integers:
                value = getattr(record, name)
                if isinstance(value, int) and value not in SQLITE_INTEGER:
                    raise SourceError(
                        getattr(record, "document_id", "-"),
                        f"{table.name}.{name} = {value} does not fit a 64-bit integer: the source prints "
                        "a number larger than any disclosure holds",
                        getattr(record, "paragraph_id", None),
                    )
