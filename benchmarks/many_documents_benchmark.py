"""Build one package from hundreds of template documents: documents per second and peak memory.

Run on demand (not a test):
    python benchmarks/many_documents_benchmark.py [--counts 25 50 100 200 400]

The documents are generated from the template documents the project reads
(sources/ and tests/documents/): copy n is the text of template n mod t under its
own identity (document id, department id, fiscal year 2000 + n // t ... given by
a manifest), so every one is extracted, checked, written, turned into RDF and
validated like a real one. Each count is built by
`yaan-opendata build --lenient --source <folder>` in a fresh process (lenient:
one test document reads only so); its peak memory is the largest resident set of
that process or of the two validators it forks.
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
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"PEAK_KIB {peak}", file=sys.stderr)
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


def build(count: int) -> tuple[float, int, int]:
    """(wall seconds, peak KiB, money figures) of one build of ``count`` documents."""
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources"
        sources.mkdir()
        generate(sources, count)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, "build", "--lenient", "--source", str(sources), "--package", f"{tmp}/datapackage"],
            check=True, capture_output=True, text=True,
        )
        wall = time.perf_counter() - start
        peak = int(next(line.split()[1] for line in done.stderr.splitlines() if line.startswith("PEAK_KIB")))
        figures = int(done.stdout.split(",")[1].split()[0])  # "Wrote …: n document(s), m money figures."
        return wall, peak, figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[25, 50, 100, 200, 400])
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}  python: {sys.version.split()[0]}  templates: {len(TEMPLATES)}")
    print(f"{'documents':>9} {'figures':>8} {'wall s':>8} {'docs/s':>7} {'ms/doc':>7} {'peak MiB':>9} {'MiB/doc':>8}")
    for count in args.counts:
        wall, peak_kib, figures = build(count)
        print(f"{count:>9} {figures:>8} {wall:>8.1f} {count / wall:>7.2f} {1000 * wall / count:>7.0f} "
              f"{peak_kib / 1024:>9.0f} {peak_kib / 1024 / count:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
