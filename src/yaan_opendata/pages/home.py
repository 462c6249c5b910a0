"""The home page's headline totals: 收支总计, 本年收入, 本年支出, "三公", and the change on last year.

The change is computed from the department's previous year when the package
holds it, else taken from what the document itself states (比上年增减).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import documents, labels
from .documents import Document, Selection

# (string key, concept): the four totals a citizen asks for first.
HEADLINE_CONCEPTS = (
    ("grand_total", "grand_total.revenue"),
    ("income_total", "income.total"),
    ("expenditure_total", "expenditure.total"),
    ("three_public_total", "three_public.total"),
)

_FACTS_SQL = """
SELECT f.document_id, f.concept, f.amount_yuan, f.paragraph_id,
       (SELECT value FROM figure_comparisons k WHERE k.figure_id = f.figure_id AND k.kind = 'yoy_change') AS stated_change,
       (SELECT value FROM figure_comparisons k WHERE k.figure_id = f.figure_id AND k.kind = 'growth_rate') AS stated_growth
FROM facts f
WHERE f.concept IN ({concepts}) AND f.document_id IN ({documents})
"""


@dataclass(frozen=True)
class Headline:
    key: str
    amount_yuan: int | None
    change_yuan: int | float | None
    growth_percent: float | None
    change_source: str  # "computed" (from last year's document), "stated" (by the document), "" (none)
    paragraph_id: str | None

    @property
    def amount_text(self) -> str:
        return "—" if self.amount_yuan is None else labels.wan_yuan(self.amount_yuan)

    @property
    def change_text(self) -> str:
        if self.change_yuan is None:
            return ""
        sign = "+" if self.change_yuan > 0 else ""
        text = f"{sign}{labels.wan_yuan(self.change_yuan)} 万元"
        if self.growth_percent is not None:
            text += f"({sign}{self.growth_percent:.2f}%)"
        return text


@dataclass(frozen=True)
class Card:
    document: Document
    headlines: tuple[Headline, ...]
    has_other_years: bool


async def cards(db, selection: Selection) -> list[Card]:
    shown = list(selection.shown)
    wanted = {d.document_id for d in shown} | {p.document_id for d in shown if (p := selection.previous(d))}
    if not wanted:
        return []
    concepts = ", ".join(f"'{concept}'" for _, concept in HEADLINE_CONCEPTS)
    placeholders = ", ".join(f":d{i}" for i in range(len(wanted)))
    params = {f"d{i}": document_id for i, document_id in enumerate(sorted(wanted))}
    rows = await documents.fixed_rows(db, _FACTS_SQL.format(concepts=concepts, documents=placeholders), params)
    facts = {(r["document_id"], r["concept"]): r for r in rows}
    result = []
    for document in shown:
        previous = selection.previous(document)
        headlines = []
        for key, concept in HEADLINE_CONCEPTS:
            fact = facts.get((document.document_id, concept))
            before = facts.get((previous.document_id, concept)) if previous else None
            headlines.append(_headline(key, fact, before))
        result.append(Card(document, tuple(headlines), len(selection.years_of(document.org_id)) > 1))
    return result


def _headline(key: str, fact, before) -> Headline:
    amount = fact["amount_yuan"] if fact else None
    if amount is not None and before is not None and before["amount_yuan"] is not None:
        change = amount - before["amount_yuan"]
        growth = change * 100 / before["amount_yuan"] if before["amount_yuan"] else None
        return Headline(key, amount, change, growth, "computed", fact["paragraph_id"])
    if fact is not None and fact["stated_change"] is not None:
        return Headline(key, amount, fact["stated_change"], fact["stated_growth"], "stated", fact["paragraph_id"])
    return Headline(key, amount, None, None, "", fact["paragraph_id"] if fact else None)
