"""Time the whole build of the seed as a process: wall time and peak memory.

Run on demand (not a test):  python benchmarks/build_benchmark.py [--runs 5]

Each run is `yaan-opendata build --package <tmp>` in a fresh process (extract,
checks, data package, RDF, validation). Then one in-process run is profiled by
stage to show where the time goes. Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def time_process_builds(runs: int) -> tuple[list[float], int]:
    walls = []
    exe = Path(sys.executable).with_name("yaan-opendata")
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            subprocess.run([str(exe), "build", "--package", f"{tmp}/datapackage"], check=True,
                           stdout=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    return walls, peak_kib


def time_stages() -> None:
    """Each stage run on its own, in one process, to show where the time goes."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import yaan_opendata.cli, yaan_opendata.rdf"], check=True)
    imports = time.perf_counter() - start

    from yaan_opendata import pipeline
    from yaan_opendata.package import write_package
    from yaan_opendata.rdf import check_package_graph, graph_resources, write_graph
    from yaan_opendata.validate import validate_package

    stages = [("python start-up and imports (separate process)", imports)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)

        def timed(name, function, *args, **kwargs):
            begin = time.perf_counter()
            result = function(*args, **kwargs)
            stages.append((name, time.perf_counter() - begin))
            return result

        disclosures = timed("read, split, extract, checks (load_disclosures)", pipeline.load_disclosures)
        timed("CSV + datapackage.json (write_package)", write_package, disclosures, out,
              extra_resources=graph_resources())
        timed("RDF: triples, 3 files (write_graph)", write_graph, disclosures, out)
        timed("RDF checks: IC/OBEU and SHACL by section (check_package_graph)", check_package_graph, out)
        timed("frictionless validation of the tables (one process)", validate_package, out, True)
    with tempfile.TemporaryDirectory() as tmp:
        begin = time.perf_counter()
        pipeline.build(out_dir=Path(tmp) / "datapackage")
        stages.append(("whole build in-process (validation forked in two halves beside RDF)", time.perf_counter() - begin))
    print("\nStages (seconds, each run once in this process, warm imports):")
    for name, seconds in stages:
        print(f"  {seconds:6.3f}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    walls, peak_kib = time_process_builds(args.runs)
    print(f"cores: {os.cpu_count()}  python: {sys.version.split()[0]}  runs: {args.runs}")
    print(f"wall time per build: median {statistics.median(walls):.3f} s, "
          f"min {min(walls):.3f} s, max {max(walls):.3f} s")
    print(f"peak memory (max RSS of a build process): {peak_kib / 1024:.1f} MiB")
    time_stages()


if __name__ == "__main__":
    main()
