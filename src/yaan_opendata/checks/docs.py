"""The rule table of docs/checks.md, generated from the rules' own declarations.

``python -m yaan_opendata.checks.docs`` rewrites the part of docs/checks.md
between the two markers; a test fails when it is stale.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from . import FAMILIES

DOCS_PATH = Path(__file__).resolve().parents[3] / "docs" / "checks.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def rules_table() -> str:
    lines = []
    for family in FAMILIES:
        summary = inspect.getdoc(family).split("\n\n", 1)[0].replace("\n", " ")
        lines += ["", f"**`{family.__name__.rsplit('.', 1)[-1]}`** — {summary}", ""]
        lines += ["| rule | 中文 | English |", "|---|---|---|"]
        lines += [f"| `{r.rule_id}` | {r.title_zh} | {r.title_en} |" for r in family.RULES]
    return "\n".join(lines) + "\n"


def fresh_text(current: str) -> str:
    head, rest = current.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{rules_table()}{END}{tail}"


if __name__ == "__main__":
    DOCS_PATH.write_text(fresh_text(DOCS_PATH.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DOCS_PATH}")
