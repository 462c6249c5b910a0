"""Load benchmark of the site: `yaan-opendata serve` against bare `datasette` on the same database.

Not a test. 20 concurrent clients for 30 s (per server) request a mix of pages a
visitor opens: table pages, a view, a row page, the search box and every canned
query. Bare Datasette gets the same database file, immutable, and no metadata,
plugin or templates; it runs each canned query's SQL as an ad-hoc query. It runs
twice: as it comes (`datasette serve -i`, default settings: the comparison the
target is set against) and with our settings (page size, time limits, no facet
suggestions), which isolates the cost of our metadata and plugin. The servers
stay up on 127.0.0.1 but are loaded one at a time, in alternating rounds, so a
noisy neighbour on a shared machine does not land on one server only. Prints a
Markdown table (recorded in docs/site.md); exits 1 on any error or when ours is
below 0.9 × bare Datasette as it comes.

    /work/venv/bin/python benchmarks/serve_benchmark.py [--clients 20] [--seconds 30] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import httpx
import yaml

from yaan_opendata.database import build_database
from yaan_opendata.package import write_package
from yaan_opendata.pipeline import load_disclosures
from yaan_opendata.serve import SETTINGS, Site
from yaan_opendata.site_metadata import DATABASE_NAME, GENERATED_PATH

DB = DATABASE_NAME
PAGES = [
    f"/{DB}/fiscal_figures",
    f"/{DB}/paragraphs",
    f"/{DB}/performance_indicators",
    f"/{DB}/figures_wan_yuan",
    f"/{DB}/fiscal_figures/yaan-zwfwdsj-2020~2Ethree_public~2Etotal",
    f"/{DB}/paragraphs?_search=政务云",
]
QUERY_PARAMS = {"search_document": {"q": "政务云"}, "project_indicators": {"project": "政务云"}}


def request_mix(canned: bool) -> list[tuple[str, dict]]:
    queries = yaml.safe_load(GENERATED_PATH.read_text(encoding="utf-8"))["databases"][DB]["queries"]
    mix = [(page, {}) for page in PAGES]
    for name, query in queries.items():
        params = QUERY_PARAMS.get(name, {})
        mix.append((f"/{DB}/{name}", params) if canned else (f"/{DB}", {"sql": query["sql"], **params}))
    return mix


def seed_site(folder: Path) -> Site:
    """The seed's package and database in ``folder``, as ``yaan-opendata serve`` lays them out."""
    site = Site(package_dir=folder / "datapackage", build_dir=folder / "build")
    disclosures = load_disclosures()
    write_package(disclosures, site.package_dir)
    build_database(disclosures, site.database_path)
    return site


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command: list[str], base: str) -> subprocess.Popen:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=1)
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {command}") from None
            time.sleep(0.2)


async def load(base: str, mix: list[tuple[str, dict]], clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + seconds

    async def client(http: httpx.AsyncClient, offset: int) -> None:
        i = offset
        while time.monotonic() < stop:
            path, params = mix[i % len(mix)]
            i += 1
            start_time = time.monotonic()
            try:
                response = await http.get(path, params=params)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {path}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {path}")
            latencies.append(time.monotonic() - start_time)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        for path, params in mix:  # every page answers before the clock starts
            response = await http.get(path, params=params)
            response.raise_for_status()
        began = time.monotonic()
        await asyncio.gather(*(client(http, n) for n in range(clients)))
        elapsed = time.monotonic() - began
    return {"latencies": latencies, "errors": errors, "elapsed": elapsed}


def combine(rounds: list[dict]) -> dict:
    latencies = sorted(x for r in rounds for x in r["latencies"])
    errors = [e for r in rounds for e in r["errors"]]
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:5],
        "rps": len(latencies) / sum(r["elapsed"] for r in rounds),
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30, help="load time per server, in all rounds")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        site = seed_site(Path(tmp))
        settings = [arg for name, value in SETTINGS.items() for arg in ("--setting", name, str(value))]
        servers = {
            "yaan-opendata serve": (
                [str(bin_dir / "yaan-opendata"), "serve", "--package", str(site.package_dir),
                 "--build-dir", str(site.build_dir)],
                True,
            ),
            "bare datasette": ([str(bin_dir / "datasette"), "serve", "-i", str(site.database_path)], False),
            "bare datasette, our settings": (
                [str(bin_dir / "datasette"), "serve", "-i", str(site.database_path), *settings],
                False,
            ),
        }
        processes, bases = [], {}
        try:
            for name, (command, _canned) in servers.items():
                port = free_port()
                bases[name] = f"http://127.0.0.1:{port}"
                processes.append(start([*command, "--port", str(port)], bases[name]))
            rounds = {name: [] for name in servers}
            for _ in range(args.rounds):
                for name, (_command, canned) in servers.items():
                    mix = request_mix(canned)
                    rounds[name].append(asyncio.run(load(bases[name], mix, args.clients, args.seconds / args.rounds)))
        finally:
            for process in processes:
                process.terminate()
                process.wait(timeout=10)
        results = {name: combine(parts) for name, parts in rounds.items()}

    print(
        f"{args.clients} clients × {args.seconds:g} s per server ({args.rounds} alternating rounds), "
        f"{len(request_mix(True))} kinds of request, round robin\n"
    )
    print("| server | requests | errors | requests/s | p50 ms | p95 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['requests']} | {r['errors']} | {r['rps']:.1f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} |")
    ours = results["yaan-opendata serve"]["rps"]
    ratio = ours / results["bare datasette"]["rps"]
    print(f"\nours / bare datasette: {ratio:.2f}")
    print(f"ours / bare datasette with our settings: {ours / results['bare datasette, our settings']['rps']:.2f}")
    for name, r in results.items():
        if r["error_kinds"]:
            print(f"{name} errors: {r['error_kinds']}")
    failed = any(r["errors"] for r in results.values()) or ratio < 0.9
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
