"""The Datasette site over 100 and 1,000 documents (issue 15): every kind of page, p50/p95/p99.

Not a test. For each count, generates the documents (`many_documents_benchmark.generate`),
extracts them with the library (lenient, cached), writes the package's tables and
datapackage.json without the RDF graph (the site does not serve it) and builds the SQLite
database as `yaan-opendata serve` does (`database.build_database`). `--keep DIR` keeps
them in DIR/<count>/ and reuses them on the next run (delete the folder after changing
what the database holds). The site is served as `serve` serves it (`serve.run`), in its
own process, and asked for:

- the home page, every table and view page, every canned query, every chart page, the
  citizens' pages (budget vs actual, projects, year on year), a row page and the search box;
- unloaded: the first request of each page (cold: what the server has not answered yet), then
  `--repeat` sequential requests of each; then `--clients` concurrent clients for `--seconds`,
  round robin over all of them.

Prints p50/p95/p99 per kind of page in Markdown (recorded in docs/benchmarks.md) against
the target of issue 15: p95 ≤ 200 ms for the home page, table pages and canned queries.
The machine may be shared: before each count it waits (up to `--wait` s) for the 1-minute
load average to fall to `--max-load`, and prints the load it measured with.

    python benchmarks/site_many_documents_benchmark.py [--counts 100 1000] [--keep DIR]
        [--repeat 20] [--clients 4] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import httpx
import yaml
from many_documents_benchmark import generate
from serve_benchmark import free_port, start
from site_load_benchmark import QUERY_PARAMS, percentile

from yaan_opendata.chart_pages import CHART_PAGES
from yaan_opendata.database import build_database
from yaan_opendata.package import write_package
from yaan_opendata.pipeline import load_disclosures
from yaan_opendata.serve import Site
from yaan_opendata.site_metadata import DATABASE_NAME, GENERATED_PATH

DB = DATABASE_NAME
TARGET_MS = 200
TARGET_KINDS = ("home", "table", "view", "canned query")
SEARCH_TERM = "政务云"
CITIZENS_PAGES = ("/budget-vs-actual", "/projects", "/compare?org=bench-0001")

# Serves a built site without `serve`'s prepare step, which would rebuild a kept database
# from the checkout's sources once the code is newer than it.
_SERVER = """
import sys
from pathlib import Path
from yaan_opendata import serve
site = serve.Site(package_dir=Path(sys.argv[1]), build_dir=Path(sys.argv[2]))
serve.run(site, port=int(sys.argv[3]))
"""


def many_documents_site(folder: Path, count: int) -> Site:
    """``count`` documents' package (tables only) and database in ``folder``; reused when there."""
    site = Site(package_dir=folder / "datapackage", build_dir=folder / "build")
    if site.database_path.exists() and (site.package_dir / "datapackage.json").exists():
        return site
    sources = folder / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    generate(sources, count)
    disclosures = load_disclosures(inputs=[sources], lenient=True, cache_dir=folder / "cache")
    write_package(disclosures, site.package_dir)
    build_database(disclosures, site.database_path)
    return site


def pages(site: Site) -> list[tuple[str, str, dict]]:
    """(kind, path, query parameters) of every page measured."""
    database = yaml.safe_load(GENERATED_PATH.read_text(encoding="utf-8"))["databases"][DB]
    with sqlite3.connect(f"file:{site.database_path}?mode=ro", uri=True) as conn:
        views = {name for (name,) in conn.execute("select name from sqlite_master where type = 'view'")}
        tables = [name for (name,) in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like '%_fts%' "
            "and name not like 'sqlite_%' order by name")]
        figure_id = conn.execute("select figure_id from fiscal_figures order by rowid limit 1").fetchone()[0]
    result = [("home", "/", {})]
    result += [("view" if name in views else "table", f"/{DB}/{name}", {}) for name in tables + sorted(views)]
    result += [("canned query", f"/{DB}/{name}", QUERY_PARAMS.get(name, {})) for name in database["queries"]]
    result += [("chart", f"/charts/{page.slug}", {}) for page in CHART_PAGES]
    result += [("citizens' page", path, {}) for path in CITIZENS_PAGES]
    result.append(("row", f"/{DB}/fiscal_figures/{figure_id.replace('.', '~2E')}", {}))
    result.append(("search", f"/{DB}/paragraphs", {"_search": SEARCH_TERM}))
    return result


async def sequential(base: str, mix: list[tuple[str, str, dict]], repeat: int) -> tuple[dict, dict]:
    """Each page's first request, then ``repeat`` more, one request at a time: times by page."""
    cold: dict[tuple, list[float]] = {}
    times: dict[tuple, list[float]] = {}
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        for kind, path, params in mix:
            key = (kind, path)
            began = time.perf_counter()
            (await http.get(path, params=params)).raise_for_status()
            cold[key] = [time.perf_counter() - began]
            for _ in range(repeat):
                began = time.perf_counter()
                (await http.get(path, params=params)).raise_for_status()
                times.setdefault(key, []).append(time.perf_counter() - began)
    return cold, times


async def concurrent(base: str, mix: list[tuple[str, str, dict]], clients: int, seconds: float) -> tuple[dict, list]:
    """``clients`` clients round robin over ``mix`` for ``seconds``: times by page, and errors."""
    times: dict[tuple, list[float]] = {}
    errors: list[str] = []
    stop = time.monotonic() + seconds

    async def client(http: httpx.AsyncClient, offset: int) -> None:
        i = offset * len(mix) // clients
        while time.monotonic() < stop:
            kind, path, params = mix[i % len(mix)]
            i += 1
            began = time.perf_counter()
            try:
                status = (await http.get(path, params=params)).status_code
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            times.setdefault((kind, path), []).append(time.perf_counter() - began)
            if status != 200:
                errors.append(f"{status} {path}")

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as http:
        await asyncio.gather(*(client(http, n) for n in range(clients)))
    return times, errors


def by_kind(times: dict[tuple, list[float]]) -> dict[str, list[float]]:
    kinds: dict[str, list[float]] = {}
    for (kind, _path), values in times.items():
        kinds.setdefault(kind, []).extend(values)
    return {kind: sorted(values) for kind, values in kinds.items()}


def wait_for_quiet(max_load: float, wait: float) -> float:
    """The 1-minute load average, once it is at most ``max_load`` (or after ``wait`` seconds)."""
    deadline = time.monotonic() + wait
    while os.getloadavg()[0] > max_load and time.monotonic() < deadline:
        time.sleep(15)
    return os.getloadavg()[0]


def measure(site: Site, repeat: int, clients: int, seconds: float, max_load: float, wait: float) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start([sys.executable, "-c", _SERVER, str(site.package_dir), str(site.build_dir), str(port)], base)
    try:
        mix = pages(site)
        load_before = wait_for_quiet(max_load, wait)
        cold, unloaded = asyncio.run(sequential(base, mix, repeat))
        loaded, errors = asyncio.run(concurrent(base, mix, clients, seconds))
        load_after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"cold": cold, "unloaded": unloaded, "loaded": loaded, "errors": errors, "load": (load_before, load_after)}


def print_table(title: str, times: dict[tuple, list[float]]) -> None:
    print(f"\n{title}\n", flush=True)
    print("| kind of page | pages | requests | p50 ms | p95 ms | p99 ms | target p95 ≤ 200 ms |")
    print("|---|---:|---:|---:|---:|---:|---|")
    pages_of = {}
    for kind, _path in times:
        pages_of[kind] = pages_of.get(kind, 0) + 1
    for kind, values in by_kind(times).items():
        p95 = percentile(values, 0.95)
        verdict = ("met" if p95 <= TARGET_MS else "**missed**") if kind in TARGET_KINDS else "–"
        print(f"| {kind} | {pages_of[kind]} | {len(values)} | {percentile(values, 0.5):.0f} | {p95:.0f} | "
              f"{percentile(values, 0.99):.0f} | {verdict} |")


def print_slowest(times: dict[tuple, list[float]], most: int = 8) -> None:
    slowest = sorted(times.items(), key=lambda item: -percentile(sorted(item[1]), 0.95))[:most]
    print("\nSlowest pages, unloaded (p95 ms): " + ", ".join(
        f"{path} {percentile(sorted(values), 0.95):.0f}" for (_kind, path), values in slowest))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--keep", type=Path, default=None, help="keep the sites in DIR/<count>/ and reuse them")
    parser.add_argument("--repeat", type=int, default=20, help="sequential requests of each page")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30, help="time under concurrent clients")
    parser.add_argument("--max-load", type=float, default=2.0, help="wait for the load average to fall to this")
    parser.add_argument("--wait", type=float, default=600, help="at most this long (s)")
    args = parser.parse_args()

    print(f"cores: {os.cpu_count()}  python: {sys.version.split()[0]}")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for count in args.counts:
            began = time.perf_counter()
            site = many_documents_site(root / str(count), count)
            with sqlite3.connect(f"file:{site.database_path}?mode=ro", uri=True) as conn:
                rows = {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0]
                        for t in ("documents", "paragraphs", "fiscal_figures", "table_cells")}
            size = site.database_path.stat().st_size / 2**20
            print(f"\n## {count} documents: database {size:.0f} MiB, "
                  + ", ".join(f"{t} {n:,}" for t, n in rows.items())
                  + f" rows (ready in {time.perf_counter() - began:.0f} s)", flush=True)
            result = measure(site, args.repeat, args.clients, args.seconds, args.max_load, args.wait)
            before, after = result["load"]
            print(f"load average (1 min): {before:.2f} before, {after:.2f} after", flush=True)
            print_table("First request of each page (cold), sequential", result["cold"])
            print_table(f"Unloaded: {args.repeat} sequential requests of each page", result["unloaded"])
            print_slowest(result["unloaded"])
            print_table(f"{args.clients} concurrent clients × {args.seconds:g} s, round robin", result["loaded"])
            if result["errors"]:
                print(f"errors: {len(result['errors'])}, {sorted(set(result['errors']))[:5]}")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
