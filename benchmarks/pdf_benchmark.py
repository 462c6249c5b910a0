"""Time reading a PDF disclosure: pdfplumber's text and tables, then the whole build.

Run on demand (not a test):

    python benchmarks/pdf_benchmark.py [PDF] [--runs 5]

PDF defaults to the real 25-page disclosure of ../shared/documents (see its README).
Each measure runs in a fresh process, so the peak memory (max RSS) is the
measure's own:

- read: the PDF's blocks (pdfplumber: characters → lines → paragraphs, ruled
  tables → grids, running headers and page numbers dropped);
- extract: read + split + every extractor + the consistency checks;
- build: `yaan-opendata build --source PDF --package <tmp>` (CSV, RDF, validation).

Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_PDF = Path(__file__).resolve().parents[2] / "shared" / "documents" / "shanghai-putuo-czj-2024-final-accounts.pdf"

# Each measure in a child process, printing {"seconds": …, "peak_kib": …}.
MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
path, what = Path(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
if what == "read":
    from yaan_opendata.inputs import read_blocks
    blocks = read_blocks(path)
elif what == "extract":
    from yaan_opendata.pipeline import load_disclosures
    load_disclosures(inputs=[path])
else:
    import subprocess, tempfile
    exe = Path(sys.executable).with_name("yaan-opendata")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([str(exe), "build", "--source", str(path), "--package", f"{tmp}/p"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_kib": max(own, children)}))
"""


def measure(path: Path, what: str) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE, str(path), what], check=True, capture_output=True,
                            text=True, cwd=tempfile.gettempdir())
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.pdf.exists():
        print(f"{args.pdf} does not exist (see ../shared/documents/README.md)", file=sys.stderr)
        return 1
    import pdfplumber

    with pdfplumber.open(args.pdf) as pdf:
        pages = len(pdf.pages)
    print(f"{args.pdf.name}: {pages} pages, {args.pdf.stat().st_size // 1024} KiB")
    for what in ("read", "extract", "build"):
        runs = [measure(args.pdf, what) for _ in range(args.runs)]
        seconds = statistics.median(r["seconds"] for r in runs)
        peak = max(r["peak_kib"] for r in runs) // 1024
        print(f"{what:8} median {seconds:6.2f} s  ({seconds / pages * 1000:.0f} ms per page)  "
              f"min {min(r['seconds'] for r in runs):.2f} s  peak memory {peak} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
