"""Load benchmark of the hardened site (issue 17): our server against bare Datasette, with and
without hostile queries in the mix.

Not a test. Builds the seed's database in a temporary folder and starts, each on its own
port: `yaan-opendata serve` (our settings, plugin, metadata, limits) and bare
`datasette serve -i` on the same file (default settings, no metadata, no plugin). Then:

1. the home page, unloaded: sequential requests, median and p95 per server;
2. 20 clients for 30 s per phase, round robin over a page mix a visitor opens: the home
   page, table pages, a row page, every canned query, every chart page, the search box.
   Bare Datasette has no canned queries or charts, so it runs their SQL as ad-hoc
   queries; phases: ours, bare, and ours with hostile queries (one request in ten is a
   query from issue 17: huge strings, huge blobs, runaway recursion, fts3_tokenizer).
   Bare Datasette is not given the hostile queries: each takes seconds and up to
   gigabytes there (issue 17 measured 95 MB → 2 GB), which would hurt the shared machine;
3. a 404 flood: the 20 clients ask only for pages that do not exist, on both servers
   (Datasette prints each error with rich when it is installed, as it is here).

An error is an answer other than 200 for a page (404 in the flood), or other than 400 / 429
(refused) for a hostile query. Exits 1 on an error of ours or a home page slower than 1.2 ×
bare Datasette's. Prints Markdown tables (recorded in docs/benchmarks.md).

Phases and servers alternate in rounds (3 of 10 s by default) so that other load on a
shared machine lands on every one of them.

    python benchmarks/site_load_benchmark.py [--clients 20] [--seconds 30] [--rounds 3] [--home-requests 150]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import yaml
from serve_benchmark import free_port, seed_site, start

from yaan_opendata.chart_pages import CHART_PAGES
from yaan_opendata.site_metadata import DATABASE_NAME, GENERATED_PATH

DB = DATABASE_NAME
PAGES = [
    "/",
    f"/{DB}/fiscal_figures",
    f"/{DB}/paragraphs",
    f"/{DB}/figures_wan_yuan",
    f"/{DB}/fiscal_figures/yaan-zwfwdsj-2020~2Ethree_public~2Etotal",
    f"/{DB}/paragraphs?_search=政务云",
]
QUERY_PARAMS = {"search_document": {"q": "政务云"}, "project_indicators": {"project": "政务云"}}
HOSTILE = [
    "select instr(printf('%.*c', 200000000, 'a'), 'b')",
    "select printf('%.*c', 999999999, 'x')",
    "select randomblob(999999999)",
    "select hex(randomblob(4e8))",
    "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n",
    "select hex(fts3_tokenizer('porter'))",
]
HOSTILE_EVERY = 10
# `datasette` without the plugins installed as entry points (ours is one): Datasette skips
# loading them when it believes it runs under its own tests.
BARE_DATASETTE = "import sys; sys._called_from_test = True; from datasette.cli import cli; cli(prog_name='datasette')"


def page_mix(ours: bool) -> list[tuple[str, dict]]:
    queries = yaml.safe_load(GENERATED_PATH.read_text(encoding="utf-8"))["databases"][DB]["queries"]
    mix = [(page, {}) for page in PAGES]
    for name, query in queries.items():
        params = QUERY_PARAMS.get(name, {})
        mix.append((f"/{DB}/{name}", params) if ours else (f"/{DB}", {"sql": query["sql"], **params}))
    for page in CHART_PAGES:
        if ours:
            mix.append((f"/charts/{page.slug}", {}))
        else:
            mix += [(f"/{DB}", {"sql": section.sql}) for section in page.sections]
    return mix


def combine_home(rounds: list[list[float]]) -> dict:
    times = sorted(t for r in rounds for t in r)
    return {"p50_ms": 1000 * statistics.median(times), "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))]}


def combine_load(rounds: list[dict]) -> dict:
    return {
        "pages": sorted(t for r in rounds for t in r["pages"]),
        "hostile": sorted(t for r in rounds for t in r["hostile"]),
        "errors": [e for r in rounds for e in r["errors"]],
        "elapsed": sum(r["elapsed"] for r in rounds),
    }


async def home_page(base: str, requests: int) -> list[float]:
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        (await http.get("/")).raise_for_status()
        times = []
        for _ in range(requests):
            began = time.perf_counter()
            (await http.get("/")).raise_for_status()
            times.append(time.perf_counter() - began)
    return times


MISSING = [(f"/{DB}/paragraphs/-/foo{i}", {}) for i in range(50)] + [
    (f"/-/static-plugins/yaan-opendata/x{i}", {}) for i in range(50)
]


async def load(
    base: str, mix: list[tuple[str, dict]], clients: int, seconds: float, hostile: bool, expected: int = 200
) -> dict:
    pages: list[float] = []
    refused: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + seconds

    async def client(http: httpx.AsyncClient, offset: int) -> None:
        i = offset
        while time.monotonic() < stop:
            i += 1
            is_hostile = hostile and i % HOSTILE_EVERY == 0
            path, params = (f"/{DB}.json", {"sql": HOSTILE[i % len(HOSTILE)]}) if is_hostile else mix[i % len(mix)]
            began = time.monotonic()
            try:
                status = (await http.get(path, params=params)).status_code
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            (refused if is_hostile else pages).append(time.monotonic() - began)
            if status not in ((400, 429) if is_hostile else (expected,)):
                errors.append(f"{status} {path} {params.get('sql', '')[:40]}")

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        for path, params in mix if expected == 200 else ():  # every page answers before the clock starts
            (await http.get(path, params=params)).raise_for_status()
        began = time.monotonic()
        await asyncio.gather(*(client(http, n) for n in range(clients)))
        elapsed = time.monotonic() - began
    return {"pages": pages, "hostile": refused, "errors": errors, "elapsed": elapsed}


def percentile(values: list[float], p: float) -> float:
    return 1000 * values[int(p * (len(values) - 1))] if values else float("nan")


def memory_mib(process: subprocess.Popen) -> float:
    """Resident memory of a server process (Linux)."""
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):  # the peak
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30, help="load time per phase")
    parser.add_argument("--home-requests", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        site = seed_site(Path(tmp))
        commands = {
            "yaan-opendata serve": [str(bin_dir / "yaan-opendata"), "serve", "--package", str(site.package_dir),
                                    "--build-dir", str(site.build_dir)],
            "bare datasette": [sys.executable, "-c", BARE_DATASETTE, "serve", "-i", str(site.database_path)],
        }
        processes, bases = {}, {}
        try:
            for name, command in commands.items():
                port = free_port()
                bases[name] = f"http://127.0.0.1:{port}"
                processes[name] = start([*command, "--port", str(port)], bases[name])
            ours, bare = bases["yaan-opendata serve"], bases["bare datasette"]
            plan = {  # phase: (server, page mix, hostile, the status a page is answered with)
                "yaan-opendata serve": (ours, page_mix(True), False, 200),
                "bare datasette": (bare, page_mix(False), False, 200),
                "yaan-opendata serve + hostile": (ours, page_mix(True), True, 200),
                "yaan-opendata serve, 404 flood": (ours, MISSING, False, 404),
                "bare datasette, 404 flood": (bare, MISSING, False, 404),
            }
            home_rounds = {name: [] for name in bases}
            load_rounds = {name: [] for name in plan}
            per_round = args.seconds / args.rounds
            for _ in range(args.rounds):  # alternating, so a busy neighbour lands on every server
                for name, base in bases.items():
                    home_rounds[name].append(asyncio.run(home_page(base, args.home_requests // args.rounds)))
                for name, (base, mix, hostile, expected) in plan.items():
                    load_rounds[name].append(
                        asyncio.run(load(base, mix, args.clients, per_round, hostile, expected))
                    )
            home = {name: combine_home(parts) for name, parts in home_rounds.items()}
            phases = {name: combine_load(parts) for name, parts in load_rounds.items()}
            peak = {name: memory_mib(process) for name, process in processes.items()}
        finally:
            for process in processes.values():
                process.terminate()
                process.wait(timeout=30)

    print("Home page, unloaded, sequential requests:\n")
    print("| server | p50 ms | p95 ms |")
    print("|---|---:|---:|")
    for name, r in home.items():
        print(f"| {name} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |")
    ratio = home["yaan-opendata serve"]["p50_ms"] / home["bare datasette"]["p50_ms"]
    print(f"\nours / bare (p50): {ratio:.2f} (target ≤ 1.2)\n")
    print(f"{args.clients} clients × {args.seconds:g} s per phase, {len(page_mix(True))} kinds of page, round robin;"
          f" with hostile: one request in {HOSTILE_EVERY} is one of {len(HOSTILE)} hostile queries\n")
    print("| phase | requests | req/s | page p50 ms | page p95 ms | page p99 ms | hostile answered (p99 ms) | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in phases.items():
        total = len(r["pages"]) + len(r["hostile"])
        hostile = f"{len(r['hostile'])} ({percentile(r['hostile'], 0.99):.0f})" if r["hostile"] else "–"
        print(f"| {name} | {total} | {total / r['elapsed']:.1f} | {percentile(r['pages'], 0.5):.0f} | "
              f"{percentile(r['pages'], 0.95):.0f} | {percentile(r['pages'], 0.99):.0f} | {hostile} | {len(r['errors'])} |")
    print("\nPeak memory of the servers (VmHWM): " + ", ".join(f"{n} {m:.0f} MiB" for n, m in peak.items()))
    for name, r in phases.items():
        if r["errors"]:
            print(f"{name} errors: {sorted(set(r['errors']))[:5]}")
    failed = any(r["errors"] for name, r in phases.items() if name.startswith("yaan")) or ratio > 1.2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
