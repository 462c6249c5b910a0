"""Time the whole build of the seed as a process: wall time and peak memory.

Run on demand (not a test):  python benchmarks/build_benchmark.py [--runs 5]

Each run is `yaan-opendata build --package <tmp>` in a fresh process (extract,
checks, data package, RDF, validation). Then one in-process run is profiled by
stage to show where the time goes. Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
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


def profile_stages() -> None:
    from yaan_opendata import pipeline

    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp:
        profiler.enable()
        pipeline.build(out_dir=Path(tmp) / "datapackage")
        profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative")
    wanted = ("load_disclosures", "extract_disclosure", "run_checks", "write_package",
              "write_rdf", "validate_package", "validate_graph", "build_graph", "split_paragraphs")
    print("\nIn-process stages (cumulative seconds, one build, under cProfile):")
    for (file, _line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():
        if name in wanted and "yaan_opendata" in file:
            print(f"  {name:<20} {cumulative:6.3f} s   {os.path.relpath(file)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    walls, peak_kib = time_process_builds(args.runs)
    print(f"cores: {os.cpu_count()}  python: {sys.version.split()[0]}  runs: {args.runs}")
    print(f"wall time per build: median {statistics.median(walls):.3f} s, "
          f"min {min(walls):.3f} s, max {max(walls):.3f} s")
    print(f"peak memory (max RSS of a build process): {peak_kib / 1024:.1f} MiB")
    profile_stages()


if __name__ == "__main__":
    main()
