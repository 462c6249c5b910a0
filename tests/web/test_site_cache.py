"""What is fixed while the site runs is read once (issue 17, item 6): the home page, loaded
again, sends no query to the database; visitors' own SQL is never answered from memory."""

from __future__ import annotations

import asyncio

from yaan_opendata.serve import datasette_app

from .conftest import DB


def _count_sql_calls(datasette, path):
    db = datasette.get_database(DB)
    calls = []
    run_in_thread = db.execute_fn

    async def counting(fn):
        calls.append(fn)
        return await run_in_thread(fn)

    db.execute_fn = counting
    try:
        response = asyncio.run(datasette.client.get(path))
    finally:
        del db.execute_fn  # the class's method again
    assert response.status_code == 200
    return len(calls)


def test_the_home_page_asks_the_database_nothing_once_it_knows_the_schema(datasette):
    asyncio.run(datasette.client.get("/"))
    assert _count_sql_calls(datasette, "/") == 0


def test_a_table_page_still_reads_its_rows(datasette):
    asyncio.run(datasette.client.get(f"/{DB}/glossary"))
    assert _count_sql_calls(datasette, f"/{DB}/glossary") > 0


def test_a_visitors_query_runs_every_time(datasette):
    sql = "select count(*) from glossary"
    for _ in range(2):
        assert _count_sql_calls(datasette, f"/{DB}.json?sql={sql}") == 1


def test_a_remembered_answer_cannot_be_changed_by_its_caller(datasette):
    db = datasette.get_database(DB)
    columns = asyncio.run(db.table_columns("glossary"))
    columns.append("not a column")
    assert "not a column" not in asyncio.run(db.table_columns("glossary"))


def test_a_table_page_loaded_again_counts_nothing_again(site):
    """Its row count and facet counts scan the table (600,000 paragraphs at 1,000 documents)."""
    datasette = datasette_app(site)  # nothing remembered yet
    path = f"/{DB}/paragraphs"
    _count_sql_calls(datasette, path + "?_nocount=1&_nofacet=1")  # the schema, read once
    first = _count_sql_calls(datasette, path)
    again = _count_sql_calls(datasette, path)
    assert first - again == 1 + len(datasette.table_metadata(DB, "paragraphs")["facets"])


def test_a_filtered_table_page_shows_its_own_counts(client, disclosures):
    document_id = disclosures[0].document.document_id
    everything = client.json(f"/{DB}/paragraphs.json?_facet=document_id")
    one = client.json(f"/{DB}/paragraphs.json?_facet=document_id&document_id={document_id}")
    assert one["filtered_table_rows_count"] == len(disclosures[0].paragraphs)
    assert everything["filtered_table_rows_count"] == sum(len(d.paragraphs) for d in disclosures)
    assert one["facet_results"]["document_id"]["results"][0]["count"] == len(disclosures[0].paragraphs)


def test_a_canned_query_without_parameters_is_answered_once(datasette):
    path = f"/{DB}/failed_consistency_checks"
    asyncio.run(datasette.client.get(path))
    assert _count_sql_calls(datasette, path) == 0


def test_a_canned_query_with_a_parameter_runs_every_time(datasette):
    path = f"/{DB}/project_indicators?project=政务云"
    asyncio.run(datasette.client.get(path))
    assert _count_sql_calls(datasette, path) == 1
