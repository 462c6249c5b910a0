"""Score the extractor on a corpus of whole disclosures: right / wrong / missing headline figures.

Each document ``NAME.<ext>`` of a folder has a ``NAME.expected.json`` whose
``figures`` give the headline figures it states (figure key → integer yuan, read
by whoever wrote or hand-read the document). The script reads every document the
way a user's build would (identity from its own text, lenient mode), compares the
figures it publishes with the expected ones and prints one row per document and
the total; ``--markdown`` prints the table for docs/extraction.md. It also says
whether the document builds in strict mode and, if not, the first reason.

A wrong figure (published, but not the expected value) is worse than a missing
one: the target is 0 wrong.

    python benchmarks/score_corpus.py tests/documents [more folders] [--markdown] [--details]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from yaan_opendata.errors import SourceError
from yaan_opendata.pipeline import load_disclosures
from yaan_opendata.scoring import score as score_figures

INPUT_SUFFIXES = (".txt", ".pdf", ".html", ".htm", ".xlsx", ".xls")


@dataclass
class Score:
    name: str
    expected: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    strict: str = "ok"
    error: str | None = None

    @property
    def share(self) -> float:
        return self.right / self.expected if self.expected else 0.0


def documents(folders: list[Path]) -> list[tuple[Path, dict]]:
    found = []
    for folder in folders:
        for expected in sorted(folder.glob("*.expected.json")):
            name = expected.name.removesuffix(".expected.json")
            source = next((folder / f"{name}{s}" for s in INPUT_SUFFIXES if (folder / f"{name}{s}").exists()), None)
            if source is not None:
                found.append((source, json.loads(expected.read_text(encoding="utf-8"))))
    return found


def score(source: Path, expected: dict) -> Score:
    result = Score(source.stem, expected=len(expected["figures"]))
    try:
        (disclosure,) = load_disclosures(inputs=[source], lenient=True)
    except SourceError as exc:
        result.error = str(exc)
        result.missing = sorted(expected["figures"])
        result.strict = "refused"
        return result
    found = score_figures(disclosure, expected["figures"])
    result.right, result.wrong, result.missing = len(found.right), found.wrong, found.missing
    try:
        load_disclosures(inputs=[source])
    except SourceError as exc:
        result.strict = f"fails: {exc.reason}"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--details", action="store_true", help="list every wrong and missing figure")
    args = parser.parse_args(argv)
    scores = [score(source, expected) for source, expected in documents(args.folders)]
    total = Score("total", expected=sum(s.expected for s in scores), right=sum(s.right for s in scores),
                  wrong=[w for s in scores for w in s.wrong], missing=[m for s in scores for m in s.missing])
    strict_ok = sum(s.strict == "ok" for s in scores)
    if args.markdown:
        print("| document | figures | right | wrong | missing | strict build |")
        print("|---|---:|---:|---:|---:|---|")
        for s in scores:
            strict = "yes" if s.strict == "ok" else s.strict.split(":")[0]
            print(f"| `{s.name}` | {s.expected} | {s.right} | {len(s.wrong)} | {len(s.missing)} | {strict} |")
        print(f"| **total** ({len(scores)} documents) | {total.expected} | {total.right} ({total.share:.1%}) "
              f"| {len(total.wrong)} | {len(total.missing)} | {strict_ok} of {len(scores)} |")
    else:
        print(f"{'document':40} {'figures':>7} {'right':>6} {'wrong':>6} {'missing':>7}  strict")
        for s in scores:
            print(f"{s.name:40} {s.expected:7} {s.right:6} {len(s.wrong):6} {len(s.missing):7}  {s.strict[:70]}")
        print(f"{'total':40} {total.expected:7} {total.right:6} {len(total.wrong):6} {len(total.missing):7}  "
              f"{strict_ok}/{len(scores)} strict; {total.share:.1%} right")
    if args.details:
        for s in scores:
            for line in ([s.error] if s.error else []) + s.wrong + [f"missing {m}" for m in s.missing]:
                print(f"  {s.name}: {line}")
    return 0 if not total.wrong else 1


if __name__ == "__main__":
    sys.exit(main())
