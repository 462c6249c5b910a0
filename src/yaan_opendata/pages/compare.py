"""Year on year: one department's totals side by side, once the package holds several of its years."""

from __future__ import annotations

from datasette.utils.asgi import Response

from . import context, documents, labels

# The concepts compared, in the order a reader goes down the accounts.
_COMPARED_SQL = """
SELECT f.document_id, f.concept, f.label_zh, f.label_en, f.amount_yuan
FROM facts f LEFT JOIN classifications c ON c.classification_id = f.classification_id
WHERE f.document_id IN ({documents}) AND f.phase = 'executed'
  AND (f.category IN ('grand_total', 'income_total', 'income_by_source', 'expenditure_total', 'expenditure_by_type',
                      'three_public', 'operating_costs')
       OR (f.category = 'expenditure_by_function' AND c.level = '类'))
ORDER BY f.rowid
"""


async def compare_page(datasette, request):
    db = context.database(datasette)
    selection = await documents.select(db, {"org": request.args.get("org")})
    org = selection.org or (selection.documents[0].org_id if selection.documents else "")
    years = selection.years_of(org)
    rows = []
    if len(years) > 1:
        placeholders = ", ".join(f":d{i}" for i in range(len(years)))
        params = {f"d{i}": d.document_id for i, d in enumerate(years)}
        facts = (await db.execute(_COMPARED_SQL.format(documents=placeholders), params)).rows
        by_concept: dict[str, dict] = {}
        for fact in facts:
            entry = by_concept.setdefault(fact["concept"], {"label_zh": fact["label_zh"], "label_en": fact["label_en"],
                                                            "amounts": {}})
            entry["amounts"][fact["document_id"]] = fact["amount_yuan"]
        for concept, entry in by_concept.items():
            amounts = [entry["amounts"].get(d.document_id) for d in years]
            if not any(amounts):
                continue  # zero or unstated every year: nothing to compare
            last, before = amounts[-1], amounts[-2]
            change = last - before if last is not None and before is not None else None
            rows.append({
                "concept": concept, "label_zh": entry["label_zh"], "label_en": entry["label_en"],
                "amounts": ["—" if a is None else labels.wan_yuan(a) for a in amounts],
                "change": "" if change is None else ("+" if change > 0 else "") + labels.wan_yuan(change),
            })
    org_name = years[0].org_name if years else org
    extra = await context.page_context(
        datasette, request, title=f"年度比较 / Year on year: {org_name}", selection=selection,
        downloads=[("CSV", f"/{context.DATABASE}/facts.csv?org_id={org}&_size=max")],
    )
    html = await datasette.render_template(
        "yaan_compare.html", {"years": years, "rows": rows, "org": org, **extra}, request=request
    )
    return Response.html(html)
