"""Build one package from 10 to 1,000 documents: wall, ms per document, peak memory,
and the rebuild after one document changed (warm cache).

Run on demand (not a test):
    python benchmarks/many_documents_benchmark.py [--counts 10 100 200] [--workers N]

The documents are generated from the template documents the project reads
(sources/ and tests/documents/): copy n is the text of template n mod t under its
own identity (document id, department id, fiscal year 2000 + n // t ... given by
a manifest), so every one is extracted, checked, written, turned into RDF and
validated like a real one. Each count is built by
`yaan-opendata build --lenient --source <folder> --cache <empty folder>` in a fresh
process (lenient: one test document reads only so), then one document's text is
changed and the package rebuilt with the same (now warm) cache. Peak memory is the
largest resident set of the build process or of any process it forks (extraction
workers, validators).
Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = [ROOT / "sources" / "yaan-zwfwdsj-2020.txt", *sorted((ROOT / "tests" / "documents").glob("*.txt"))]

# Runs the CLI in this child and reports the peak memory of it and its forked validators.
_CHILD = """
import resource, sys
from yaan_opendata.cli import cli
try:
    cli.main(args=sys.argv[1:], standalone_mode=False)
finally:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"PEAK_KIB {max(own.ru_maxrss, children.ru_maxrss)}", file=sys.stderr)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    print(f"CPU_S {cpu}", file=sys.stderr)
"""


def generate(folder: Path, count: int) -> None:
    """``count`` documents and the manifest that names them."""
    entries = []
    for n in range(count):
        template = TEMPLATES[n % len(TEMPLATES)]
        name = f"bench-{n:04d}"
        shutil.copyfile(template, folder / f"{name}.txt")
        entries.append({
            "document_id": f"{name}-{2000 + n // len(TEMPLATES)}",
            "file": f"{name}.txt",
            "title": f"benchmark document {n} (text of {template.stem})",
            "title_en": f"Benchmark document {n}",
            "publisher": f"基准测试单位{n}",
            "publisher_en": f"Benchmark body {n}",
            "org_id": name,
            "published": "2021-09-14",
            "fiscal_year": 2000 + n // len(TEMPLATES),
        })
    (folder / "manifest.json").write_text(json.dumps({"documents": entries}, ensure_ascii=False), encoding="utf-8")


def run_build(sources: Path, package: Path, cache: Path, workers: int | None) -> tuple[float, int, int, float]:
    """(wall seconds, peak KiB, money figures, CPU seconds) of one build in a fresh process."""
    extra = ["--workers", str(workers)] if workers else []
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, "build", "--lenient", "--source", str(sources), "--package", str(package),
         "--cache", str(cache), *extra],
        check=True, capture_output=True, text=True,
    )
    wall = time.perf_counter() - start
    peak = int(next(line.split()[1] for line in done.stderr.splitlines() if line.startswith("PEAK_KIB")))
    figures = int(done.stdout.split(",")[1].split()[0])  # "Wrote …: n document(s), m money figures."
    cpu = float(next(line.split()[1] for line in done.stderr.splitlines() if line.startswith("CPU_S")))
    return wall, peak, figures, cpu


def build(count: int, workers: int | None) -> tuple[tuple, tuple]:
    """The cold build of ``count`` documents, and the rebuild after one of them changed."""
    with tempfile.TemporaryDirectory() as tmp:
        sources, cache = Path(tmp) / "sources", Path(tmp) / "cache"
        sources.mkdir()
        generate(sources, count)
        cold = run_build(sources, Path(tmp) / "datapackage", cache, workers)
        changed = sources / f"bench-{count // 2:04d}.txt"
        changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        warm = run_build(sources, Path(tmp) / "datapackage", cache, workers)
        return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[10, 50, 100, 200])
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (default: one per core)")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}  python: {sys.version.split()[0]}  templates: {len(TEMPLATES)}")
    # The machine may be shared: the load average says how much the wall times are worth.
    print(f"{'documents':>9} {'figures':>8} {'wall s':>8} {'ms/doc':>7} {'CPU s':>7} {'peak MiB':>9} "
          f"{'1 changed s':>12} {'CPU s':>7} {'peak MiB':>9} {'load':>5}")
    for count in args.counts:
        (wall, peak_kib, figures, cpu), (rewall, repeak_kib, _, recpu) = build(count, args.workers)
        print(f"{count:>9} {figures:>8} {wall:>8.1f} {1000 * wall / count:>7.0f} {cpu:>7.1f} {peak_kib / 1024:>9.0f} "
              f"{rewall:>12.1f} {recpu:>7.1f} {repeak_kib / 1024:>9.0f} {os.getloadavg()[0]:>5.1f}", flush=True)


if __name__ == "__main__":
    main()
