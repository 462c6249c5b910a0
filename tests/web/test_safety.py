"""The site is read-only and one runaway query cannot take it down."""

from __future__ import annotations

import asyncio

from yaan_opendata.serve import SETTINGS

from .conftest import DB

RUNAWAY = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"


def test_the_database_is_served_immutable(datasette):
    assert datasette.get_database(DB).is_mutable is False


def test_an_insert_through_the_sql_box_is_refused(client):
    before = client.json(f"/{DB}/glossary.json?_size=0")["filtered_table_rows_count"]
    response = client.get(f"/{DB}.json", params={"sql": "insert into glossary (term_id) values ('x')"})
    assert response.status_code == 400
    assert "Statement must be a SELECT" in response.json()["error"]
    assert client.json(f"/{DB}/glossary.json?_size=0")["filtered_table_rows_count"] == before


def test_posts_that_would_write_are_refused(client):
    before = client.json(f"/{DB}/reception_events.json?_size=0")["filtered_table_rows_count"]
    for path in (f"/{DB}/reception_events", f"/{DB}/reception_events/-/insert", f"/{DB}/search_document"):
        response = client.post(path, data={"visitor": "x", "amount_yuan": "1"})
        assert response.status_code == 405, (path, response.status_code)
        assert "read-only" in response.text
    assert client.json(f"/{DB}/reception_events.json?_size=0")["filtered_table_rows_count"] == before


def test_a_runaway_query_is_cut_off_while_other_pages_are_answered(datasette):
    """Behaviour, not speed (a busy machine may be slow): the runaway query is stopped by the
    time limit with Datasette's error, and pages asked for while it runs are answered."""

    async def scenario():
        runaway = asyncio.create_task(datasette.client.get(f"/{DB}.json", params={"sql": RUNAWAY}))
        await asyncio.sleep(0.1)  # the runaway query now holds one SQL thread
        in_flight = not runaway.done()  # it never ends on its own: only the limit stops it
        others = await asyncio.gather(
            datasette.client.get(f"/{DB}/paragraphs.json?_search=政务云"),
            datasette.client.get(f"/{DB}/three_public_breakdown.json"),
            datasette.client.get("/charts/three-public"),
        )
        return in_flight, await runaway, others

    in_flight, runaway, others = asyncio.run(scenario())
    assert in_flight
    assert runaway.status_code == 400
    assert "SQL query took too long" in runaway.text
    assert [response.status_code for response in others] == [200, 200, 200]
    assert SETTINGS["sql_time_limit_ms"] > 0
