"""The site the hostile tests attack: the seed's database, served in process (Datasette's
client) or by a real server (uvicorn in a subprocess, rich importable, as `serve` runs it)."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from yaan_opendata.database import build_database
from yaan_opendata.package import write_package
from yaan_opendata.serve import Site, datasette_app

DB = "yaan-opendata"
OUTER_TIMEOUT = 120  # seconds: only keeps a broken test from hanging, never a measure

# Each takes one SQLite step (the time limit cannot cut it): from issue 17.
ONE_STEP_QUERIES = [
    "select instr(printf('%.*c', 200000000, 'a'), 'b')",
    "select printf('%.*c', 999999999, 'x')",
    "select randomblob(999999999)",
    "select hex(randomblob(4e8))",
    "select length(zeroblob(999999999))",
    "select printf('%.999999999c', 'x')",
    "select replace(printf('%.*c', 30000, 'a'), 'a', printf('%.*c', 30000, 'b'))",
]
RUNAWAY = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
# A normal visitor's pages, asked for while the hostile queries run.
NORMAL_PAGES = [f"/{DB}/paragraphs.json?_search=政务云", f"/{DB}/three_public_breakdown.json", "/charts/three-public"]


@pytest.fixture(scope="session", name="hostile_site")
def hostile_site_fixture(tmp_path_factory, seed_disclosures) -> Site:
    root = tmp_path_factory.mktemp("hostile-site")
    site = Site(package_dir=root / "datapackage", build_dir=root / "build")
    write_package(seed_disclosures, site.package_dir)
    build_database(seed_disclosures, site.database_path)
    return site


@pytest.fixture(scope="session", name="hostile_datasette")
def hostile_datasette_fixture(hostile_site):
    datasette = datasette_app(hostile_site)
    asyncio.run(datasette.invoke_startup())  # as a server does before its first request
    return datasette


@pytest.fixture(scope="session", name="live_server")
def live_server_fixture(hostile_site, tmp_path_factory):
    """(base URL, stderr file) of `serve.run` on a free port, in its own process."""
    port = _free_port()
    stderr_path = tmp_path_factory.mktemp("server") / "stderr.txt"
    code = (
        "import sys; from pathlib import Path; from yaan_opendata.serve import Site, run; "
        "run(Site(package_dir=Path(sys.argv[1]), build_dir=Path(sys.argv[2])), port=int(sys.argv[3]))"
    )
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-c", code, str(hostile_site.package_dir), str(hostile_site.build_dir), str(port)],
            stdout=subprocess.DEVNULL, stderr=stderr,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base, process)
        yield base, stderr_path
    finally:
        process.terminate()
        process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + OUTER_TIMEOUT
    while True:
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=5)
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the site did not start") from None
            time.sleep(0.2)


def run(coroutine):
    """Run a scenario, failing (not hanging) if the site never answers."""
    return asyncio.run(asyncio.wait_for(coroutine, OUTER_TIMEOUT))
