"""Hostile SQL ends with an error while other visitors are answered (issue 17, items 1 and 9).

Behaviour, not speed: each hostile query is answered with an error (it does not run to
its end), and pages asked for while it runs are answered. The only clock is an outer
timeout that keeps a broken site from hanging the suite.
"""

from __future__ import annotations

import asyncio

import pytest

from .site_server import (  # noqa: F401  (fixtures)
    DB,
    NORMAL_PAGES,
    ONE_STEP_QUERIES,
    RUNAWAY,
    hostile_datasette_fixture,
    hostile_site_fixture,
    run,
)


async def _hostile_beside_normal(datasette, sql):
    hostile = asyncio.create_task(datasette.client.get(f"/{DB}.json", params={"sql": sql}))
    normal = await asyncio.gather(*(datasette.client.get(page) for page in NORMAL_PAGES))
    return await hostile, normal


@pytest.mark.parametrize("sql", ONE_STEP_QUERIES)
def test_a_one_step_query_ends_with_an_error_while_others_are_answered(hostile_datasette, sql):
    hostile, normal = run(_hostile_beside_normal(hostile_datasette, sql))
    assert hostile.status_code == 400, hostile.text[:300]
    assert "string or blob too big" in hostile.json()["error"]
    assert [r.status_code for r in normal] == [200] * len(NORMAL_PAGES)


def test_a_hostile_where_clause_on_a_table_page_ends_with_an_error(hostile_datasette):
    response = run(hostile_datasette.client.get(
        f"/{DB}/paragraphs.json", params={"_where": "instr(printf('%.*c', 200000000, 'a'), 'b')"}
    ))
    assert response.status_code == 400
    assert "string or blob too big" in response.json()["error"]


@pytest.mark.parametrize("value", ["printf('%.*c', 30000, 'x')", "cast(printf('%.*c', 30000, 'x') as blob)"])
def test_a_result_too_large_for_memory_is_refused(hostile_datasette, value):
    """1,000 rows of 30 KB strings or blobs in 40 columns would be 1.2 GB in the server."""
    columns = ", ".join(["s"] * 40)
    sql = f"select {columns} from (select {value} as s), paragraphs limit 1000"
    response = run(hostile_datasette.client.get(f"/{DB}.json", params={"sql": sql}))
    assert response.status_code == 400
    assert "query result too large" in response.json()["error"]


def test_fts3_tokenizer_is_refused(hostile_datasette):
    for sql in ("select hex(fts3_tokenizer('porter'))", "select FTS3_Tokenizer('simple', x'00')"):
        response = run(hostile_datasette.client.get(f"/{DB}.json", params={"sql": sql}))
        assert response.status_code == 400
        assert "not authorized to use function: fts3_tokenizer" in response.json()["error"].lower()


def test_printf_and_long_values_within_the_limits_still_work(hostile_datasette):
    sql = "select printf('%d-%5s-%.2f', 3, 'a', 1.234) as p, length(printf('%.*c', 1000, 'x')) as n, format('%%') as f"
    response = run(hostile_datasette.client.get(f"/{DB}.json", params={"sql": sql, "_shape": "objects"}))
    assert response.status_code == 200, response.text[:300]
    assert response.json()["rows"] == [{"p": "3-    a-1.23", "n": 1000, "f": "%"}]


def test_three_hostile_queries_at_once_leave_the_pages_answering(hostile_datasette):
    """From one visitor, one runs and ends with the time limit's error; the other two are
    refused at once (429, over the cap); table pages, views, search and charts are answered
    meanwhile."""

    async def scenario():
        hostile = [
            asyncio.create_task(hostile_datasette.client.get(f"/{DB}.json", params={"sql": sql}))
            for sql in (RUNAWAY, RUNAWAY, RUNAWAY)
        ]
        await asyncio.sleep(0.1)
        normal = await asyncio.gather(*(hostile_datasette.client.get(page) for page in NORMAL_PAGES * 3))
        return await asyncio.gather(*hostile), normal

    hostile, normal = run(scenario())
    statuses = sorted(r.status_code for r in hostile)
    assert statuses == [400, 429, 429], [r.text[:200] for r in hostile]
    assert all("SQL query took too long" in r.text for r in hostile if r.status_code == 400)
    assert [r.status_code for r in normal] == [200] * len(normal)


def test_other_databases_in_the_same_datasette_are_left_as_they_are(hostile_datasette, tmp_path):
    """The plugin runs in any Datasette of the environment (an entry point): another
    database keeps Datasette's own limits, whatever its longest value."""
    import sqlite3

    from datasette.app import Datasette

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("create table notes (text)")
        conn.execute("insert into notes values (?)", ["x" * 100_000])
    plain = Datasette([str(other)])
    response = run(plain.client.get("/other.json", params={"sql": "select length(text || text) as n from notes"}))
    assert response.status_code == 200, response.text[:300]
    assert response.json()["rows"] == [[200_000]]
