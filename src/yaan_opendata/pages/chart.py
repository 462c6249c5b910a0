"""The chart pages (``chart_pages.py`` says what each shows), for the department and year picked.

Each section quotes the sentences its figures were read from, so the page
says what the money was for without another click.
"""

from __future__ import annotations

from datasette.utils.asgi import NotFound, Response

from ..chart_pages import CHART_PAGES, CHART_PAGES_BY_SLUG
from ..charts import Bar, amount_text, bar_chart_svg
from . import context, documents

# Every section's rows carry the paragraph they came from: that names their document.
_OF_DOCUMENTS = """
SELECT * FROM ({sql}) WHERE paragraph_id IN (
  SELECT paragraph_id FROM paragraphs WHERE document_id IN ({documents}))"""


async def charts_index(datasette, request):
    extra = await context.page_context(datasette, request, title_key="charts")
    html = await datasette.render_template("yaan_charts.html", {"pages": CHART_PAGES, **extra}, request=request)
    return Response.html(html)


async def chart_page(datasette, request):
    page = CHART_PAGES_BY_SLUG.get(request.url_vars["slug"])
    if page is None:
        raise NotFound("没有这个图表 / No such chart")
    db = context.database(datasette)
    selection = await documents.select(db, request.args)
    ids = [d.document_id for d in selection.shown]
    sections = []
    for section in page.sections:
        rows = await _rows(db, section.sql, ids)
        bars = [Bar(r["label"], r["amount_yuan"], context.paragraph_url(datasette, r["paragraph_id"])) for r in rows]
        title = f"{section.title_zh} / {section.title_en}"
        sections.append(
            {
                "title": title,
                "svg": bar_chart_svg(title, bars, section.unit),
                "rows": [(bar, amount_text(bar.amount_yuan, section.unit)) for bar in bars],
                "sentences": await context.sentences(db, [r["paragraph_id"] for r in rows]),
            }
        )
    extra = await context.page_context(
        datasette, request, title=f"{page.title_zh} / {page.title_en}", selection=selection,
        downloads=[("CSV", _csv_url(datasette, page, ids))],
    )
    html = await datasette.render_template(
        "yaan_chart.html", {"page": page, "sections": sections, "pages": CHART_PAGES, **extra}, request=request
    )
    return Response.html(html)


async def _rows(db, sql: str, document_ids: list[str]):
    if not document_ids:
        return []
    placeholders = ", ".join(f":d{i}" for i in range(len(document_ids)))
    params = {f"d{i}": d for i, d in enumerate(document_ids)}
    return (await db.execute(_OF_DOCUMENTS.format(sql=sql, documents=placeholders), params)).rows


def _csv_url(datasette, page, document_ids: list[str]) -> str:
    """The first section's rows as CSV, through Datasette's SQL API."""
    from urllib.parse import urlencode

    placeholders = ", ".join(f"'{d}'" for d in document_ids) or "''"
    sql = " UNION ALL ".join(
        _OF_DOCUMENTS.format(sql=section.sql.replace("SELECT ", f"SELECT '{section.title_zh}' AS section, ", 1),
                             documents=placeholders)
        for section in page.sections
    )
    return f"{datasette.urls.database(context.DATABASE)}.csv?{urlencode({'sql': sql, '_size': 'max'})}"


