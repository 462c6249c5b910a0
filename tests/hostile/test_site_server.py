"""Against a real server (uvicorn in its own process, rich importable): floods of 404s and
hostile queries leave the pages answering (issue 17, items 1 and 2)."""

from __future__ import annotations

import asyncio

import httpx

from .site_server import (  # noqa: F401  (fixtures)
    DB,
    NORMAL_PAGES,
    ONE_STEP_QUERIES,
    RUNAWAY,
    hostile_site_fixture,
    live_server_fixture,
    run,
)


async def _flood_and_visit(base, flood, visits):
    # A connection per request: a kept-alive connection that the server closes for idling
    # (uvicorn, 5 s) while the machine is busy would fail a request that was never answered.
    limits = httpx.Limits(max_connections=40, max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        async def visitor():
            answers = []
            for page in visits:
                answers.append(await http.get(page))
            return answers

        results = await asyncio.gather(visitor(), *(http.get(path, params=params) for path, params in flood))
    return results[0], results[1:]


def test_a_404_flood_leaves_the_pages_answering(live_server):
    base, stderr = live_server
    flood = [(f"/{DB}/paragraphs/-/foo{i}", {}) for i in range(200)] + [
        (f"/-/static-plugins/yaan-opendata/x{i}", {}) for i in range(100)
    ]
    visits, flooded = run(_flood_and_visit(base, flood, NORMAL_PAGES * 3))
    assert [r.status_code for r in visits] == [200] * len(visits)
    assert {r.status_code for r in flooded} == {404}
    printed = stderr.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in printed and "╭" not in printed


def test_hostile_queries_end_with_errors_while_the_pages_answer(live_server):
    base, stderr = live_server
    hostile = [(f"/{DB}.json", {"sql": sql}) for sql in [*ONE_STEP_QUERIES, RUNAWAY, RUNAWAY, RUNAWAY]]
    visits, refused = run(_flood_and_visit(base, hostile, NORMAL_PAGES * 3))
    assert [r.status_code for r in visits] == [200] * len(visits)
    # Each ends with its error (400), or is refused at once for being over the cap (429).
    assert {r.status_code for r in refused} <= {400, 429}
    assert any(r.status_code == 400 for r in refused)
    assert all(not r.json()["ok"] for r in refused if r.status_code == 400)
    assert "Traceback" not in stderr.read_text(encoding="utf-8", errors="replace")
