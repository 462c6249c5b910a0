"""What is fixed while the site runs is read once (issue 17, item 6): the home page, loaded
again, sends no query to the database; visitors' own SQL is never answered from memory."""

from __future__ import annotations

import asyncio

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
