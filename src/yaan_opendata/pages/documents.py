"""Which disclosures a page shows: the department and year pickers.

Every page of a package of several documents takes ``?org=`` and ``?year=``
(and ``?document=``, the id both name) and shows the documents they select.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

_DOCUMENTS_SQL = """
SELECT d.document_id, d.org_id, o.name_zh AS org_name, d.fiscal_year
FROM documents d LEFT JOIN organizations o ON o.org_id = d.org_id
ORDER BY o.name_zh, d.fiscal_year
"""


# The documents a page shows at most, in order; past this, the pickers narrow the list (a
# chart of 1,000 documents' bars reads nothing, and costs a second).
MOST_SHOWN = 6

# Answers of the site's own queries over an immutable database, by database: its data cannot
# change while the site runs, so the home page asks once (issue 17: the home page's cost).
_REMEMBERED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def fixed_rows(db, sql: str, params: dict | None = None) -> list:
    """The rows of one of the site's queries; remembered when the database is immutable.

    Only for queries whose parameters come from a finite set (document ids), never a
    visitor's text, so what is remembered stays as small as the package.
    """
    if db.is_mutable:
        return (await db.execute(sql, params)).rows
    answers = _REMEMBERED.setdefault(db, {})
    key = (sql, tuple(sorted((params or {}).items())))
    if key not in answers:
        answers[key] = (await db.execute(sql, params)).rows
    return answers[key]


@dataclass(frozen=True)
class Document:
    document_id: str
    org_id: str
    org_name: str
    fiscal_year: int

    @property
    def title(self) -> str:
        return f"{self.org_name} {self.fiscal_year}年度"


@dataclass(frozen=True)
class Selection:
    """The documents of the package and those the request picks."""

    documents: tuple[Document, ...]
    picked: tuple[Document, ...]
    org: str
    year: str

    @property
    def shown(self) -> tuple[Document, ...]:
        return self.picked[:MOST_SHOWN]

    @property
    def orgs(self) -> list[tuple[str, str]]:
        return sorted({(d.org_id, d.org_name) for d in self.documents}, key=lambda pair: pair[1])

    @property
    def years(self) -> list[int]:
        return sorted({d.fiscal_year for d in self.documents})

    @property
    def several(self) -> bool:
        return len(self.documents) > 1

    def years_of(self, org_id: str) -> list[Document]:
        return sorted((d for d in self.documents if d.org_id == org_id), key=lambda d: d.fiscal_year)

    def previous(self, document: Document) -> Document | None:
        earlier = [d for d in self.years_of(document.org_id) if d.fiscal_year < document.fiscal_year]
        return earlier[-1] if earlier else None


async def select(db, args) -> Selection:
    rows = await fixed_rows(db, _DOCUMENTS_SQL)
    documents = tuple(Document(r["document_id"], r["org_id"], r["org_name"] or r["org_id"], r["fiscal_year"]) for r in rows)
    org, year, document_id = args.get("org") or "", args.get("year") or "", args.get("document") or ""
    picked = tuple(
        d for d in documents
        if (not org or d.org_id == org)
        and (not year or str(d.fiscal_year) == year)
        and (not document_id or d.document_id == document_id)
    )
    return Selection(documents, picked, org, year)
