"""The generated parts of docs/sparql.md: prefixes, column terms, checks, and the
example queries with their results pasted from a real run.

Each block between ``<!-- generated: NAME -->`` and ``<!-- end-generated -->``
is rewritten from the code (or, for ``query NAME``, from ``metadata/queries/NAME.rq``
and its result on the data package), so the docs never drift (a test says when
they do). Refresh them after a build with:

    python -m yaan_opendata.rdf.docs            # rewrites docs/sparql.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pyoxigraph as ox

from ..pipeline import DEFAULT_PACKAGE, PROJECT_ROOT
from .integrity import CONSTRAINTS
from .mapping import COLUMN_TERMS, prefixes
from .namespaces import DEFAULT_BASE_IRI
from .obeu_checks import CHECKS
from .query import load_store, run, table

QUERIES = PROJECT_ROOT / "metadata" / "queries"
DOCS = PROJECT_ROOT / "docs" / "sparql.md"
BLOCK = re.compile(r"(<!-- generated: (?P<name>[\w -]+) -->\n).*?(?=<!-- end-generated -->)", re.DOTALL)


def query_block(name: str, store: ox.Store, base_iri: str = DEFAULT_BASE_IRI) -> str:
    query = (QUERIES / f"{name}.rq").read_text(encoding="utf-8").strip()
    result = table(run(store, query, base_iri), base_iri).rstrip()
    return (
        f"```sparql\n{query}\n```\n\n"
        f"`yaan-opendata sparql metadata/queries/{name}.rq` prints:\n\n"
        f"```text\n{result}\n```\n"
    )


def prefixes_block() -> str:
    rows = [f"| `{name}:` | `{iri}` |" for name, iri in prefixes(DEFAULT_BASE_IRI).items()]
    return "| prefix | namespace |\n|---|---|\n" + "\n".join(rows) + "\n"


def column_terms_block() -> str:
    rows = [
        f"| {'every table' if table == '*' else f'`{table}`'} | `{column}` | `{_compact(term)}` |"
        for (table, column), term in COLUMN_TERMS.items()
    ]
    return "| table | column | property |\n|---|---|---|\n" + "\n".join(rows) + "\n"


def checks_block() -> str:
    constraints = [f"| {c.id} | {c.title} |" for c in CONSTRAINTS]
    obeu = [f"| `{c.id}` | {c.title} |" for c in CHECKS]
    return (
        "| W3C constraint | title |\n|---|---|\n" + "\n".join(constraints) + "\n\n"
        "| OpenBudgets.eu check (`integrity-constraints/*.rq`) | what it finds |\n|---|---|\n"
        + "\n".join(obeu) + "\n"
    )


def _compact(iri: str) -> str:
    for name, namespace in sorted(prefixes(DEFAULT_BASE_IRI).items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace):
            return f"{name}:{iri[len(namespace):]}"
    return f"<{iri}>"


def block(name: str, store: ox.Store | None) -> str:
    if name.startswith("query "):
        return query_block(name.removeprefix("query "), store)
    return {"prefixes": prefixes_block, "column terms": column_terms_block, "checks": checks_block}[name]()


def refresh(text: str, store: ox.Store) -> str:
    """The docs with every generated block rewritten."""
    return BLOCK.sub(lambda m: m.group(1) + block(m.group("name"), store), text)


def main(package_dir: Path = DEFAULT_PACKAGE, docs: Path = DOCS) -> None:
    text = docs.read_text(encoding="utf-8")
    docs.write_text(refresh(text, load_store(package_dir)), encoding="utf-8")
    print(f"Refreshed the generated parts of {docs} from the code and {package_dir}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PACKAGE)
