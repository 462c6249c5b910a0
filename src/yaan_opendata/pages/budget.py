"""Budget vs actual (预算 vs 决算) by 项 of the functional classification, with completion rates.

The template states each 项's actual (支出决算) and its completion rate (完成预算
x%); the budget itself is published in the tables of some disclosures and not in
the text of others. Where no budget figure is published, the page derives it
from the two (actual ÷ rate) and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from datasette.utils.asgi import Response

from . import context, documents, labels

_ITEMS_SQL = """
SELECT f.document_id, f.classification_id, c.code, c.name_zh, c.name_en, f.amount_yuan AS actual_yuan,
       f.paragraph_id,
       (SELECT value FROM figure_comparisons k WHERE k.figure_id = f.figure_id AND k.kind = 'completion_rate')
         AS completion_rate,
       (SELECT b.amount_yuan FROM facts b WHERE b.document_id = f.document_id
          AND b.classification_id = f.classification_id AND b.phase = 'budgeted'
          AND b.category = 'expenditure_by_function' AND b.fund = f.fund) AS budget_yuan
FROM facts f JOIN classifications c ON c.classification_id = f.classification_id
WHERE f.category = 'expenditure_by_function' AND f.phase = 'executed' AND c.level = '项'
  AND f.fund = 'general_public_budget' AND f.document_id = :document
ORDER BY c.code
"""


@dataclass(frozen=True)
class Line:
    code: str
    name_zh: str
    name_en: str
    actual_yuan: int | None
    budget_yuan: int | None
    budget_derived: bool
    completion_rate: float | None
    paragraph_id: str

    @property
    def actual_text(self) -> str:
        return "—" if self.actual_yuan is None else labels.wan_yuan(self.actual_yuan)

    @property
    def budget_text(self) -> str:
        return "—" if self.budget_yuan is None else labels.wan_yuan(self.budget_yuan)

    @property
    def bar_percent(self) -> float:
        return min(self.completion_rate or 0, 100)


def line(row) -> Line:
    budget, derived, rate = row["budget_yuan"], False, row["completion_rate"]
    if budget is None and rate and row["actual_yuan"] is not None:
        budget, derived = round(row["actual_yuan"] * 100 / rate), True
    if rate is None and budget and row["actual_yuan"] is not None:
        rate = round(row["actual_yuan"] * 100 / budget, 2)
    return Line(row["code"], row["name_zh"], row["name_en"], row["actual_yuan"], budget, derived, rate,
                row["paragraph_id"])


async def budget_page(datasette, request):
    db = context.database(datasette)
    selection = await documents.select(db, request.args)
    tables = []
    for document in selection.shown:
        rows = (await db.execute(_ITEMS_SQL, {"document": document.document_id})).rows
        tables.append({"document": document, "lines": [line(r) for r in rows],
                       "sentences": await context.sentences(db, [r["paragraph_id"] for r in rows])})
    extra = await context.page_context(
        datasette, request, title_key="budget_vs_actual", selection=selection,
        downloads=[("CSV", f"/{context.DATABASE}/expenditure_by_function.csv?_size=max")],
    )
    html = await datasette.render_template("yaan_budget.html", {"tables": tables, **extra}, request=request)
    return Response.html(html)
