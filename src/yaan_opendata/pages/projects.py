"""Spending per performance project: budget, actual, completion rate and its indicators."""

from __future__ import annotations

from datasette.utils.asgi import Response

from . import context, documents, labels

# A project's budget and actual are the facts ``<project_id>.budget`` / ``.executed``.
_PROJECTS_SQL = """
SELECT p.project_id, p.name_zh, p.name_en, p.completion_rate, p.annual_target, p.annual_result, p.paragraph_id,
       (SELECT amount_yuan FROM facts WHERE fact_id = p.project_id || '.budget') AS budget_yuan,
       (SELECT amount_yuan FROM facts WHERE fact_id = p.project_id || '.executed') AS actual_yuan
FROM performance_projects p WHERE p.document_id = :document ORDER BY p.rowid
"""
_INDICATORS_SQL = """
SELECT project_id, "row", level1, level2, level3, target_text, actual_text, paragraph_id
FROM performance_indicators WHERE document_id = :document ORDER BY project_id, "row"
"""


async def projects_page(datasette, request):
    db = context.database(datasette)
    selection = await documents.select(db, request.args)
    groups = []
    for document in selection.shown:
        params = {"document": document.document_id}
        indicators = (await db.execute(_INDICATORS_SQL, params)).rows
        projects = []
        for row in (await db.execute(_PROJECTS_SQL, params)).rows:
            projects.append({
                "row": row,
                "budget": _wan(row["budget_yuan"]),
                "actual": _wan(row["actual_yuan"]),
                "indicators": [i for i in indicators if i["project_id"] == row["project_id"]],
                "source": context.paragraph_url(datasette, row["paragraph_id"]),
            })
        groups.append({"document": document, "projects": projects})
    extra = await context.page_context(
        datasette, request, title_key="projects", selection=selection,
        downloads=[("CSV 项目 / projects", f"/{context.DATABASE}/performance_projects.csv?_size=max"),
                   ("CSV 指标 / indicators", f"/{context.DATABASE}/performance_indicators.csv?_size=max")],
    )
    html = await datasette.render_template("yaan_projects.html", {"groups": groups, **extra}, request=request)
    return Response.html(html)


def _wan(amount_yuan: int | None) -> str:
    return "—" if amount_yuan is None else labels.wan_yuan(amount_yuan)
