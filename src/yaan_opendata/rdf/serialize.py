"""Write the graph as N-Triples, Turtle and JSON-LD, the same bytes every build.

The triples are sorted (by their N-Triples form) and handed to Oxigraph's
serializers, which write them in the order given; the prefix lines come in the
order of ``prefixes``. No blank nodes are minted, so nothing is relabelled
between builds. JSON-LD is written in compact form with a context of the same
prefixes: a ``@graph`` of node objects sorted by ``@id``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from .. import fiscal
from ..downloads import ZIP_NAME
from ..publication import DATABASE_FILE, DOWNLOADS_MOUNT
from ..tables import TABLES
from .catalog import Distribution
from .mapping import prefixes

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

RDF_FILES = (
    Distribution("turtle", "graph.ttl", "text/turtle", "RDF 图(Turtle)", "RDF graph (Turtle)"),
    Distribution("json-ld", "graph.jsonld", "application/ld+json", "RDF 图(JSON-LD)", "RDF graph (JSON-LD)"),
    Distribution("n-triples", "graph.nt", "application/n-triples", "RDF 图(N-Triples)", "RDF graph (N-Triples)"),
)
OTHER_DISTRIBUTIONS = (
    Distribution(
        "data-package", "datapackage.json", "application/json",
        "数据包(CSV 与 datapackage.json)", "Data package (CSV files and datapackage.json)",
    ),
    Distribution(
        "zip", ZIP_NAME, "application/zip", "数据包(zip 压缩)", "Data package (zip)", mount=DOWNLOADS_MOUNT,
    ),
    Distribution(
        "fiscal-data-package", fiscal.FILE_NAME, "application/json",
        "财政数据包描述(财务事实)", "Fiscal Data Package descriptor of the facts",
    ),
    # The database the site serves (a test keeps it the database `serve` offers).
    Distribution("sqlite", DATABASE_FILE, "application/vnd.sqlite3", "SQLite 数据库", "SQLite database", mount=""),
) + tuple(
    Distribution(f"csv-{t.name}", f"{t.name}.csv", "text/csv", f"{t.title_zh}(CSV)", f"{t.title_en} (CSV)")
    for t in TABLES
)
DISTRIBUTIONS = RDF_FILES + OTHER_DISTRIBUTIONS


def write_rdf(triples: list[ox.Triple], out_dir: Path, base_iri: str, ntriples: bytes | None = None) -> list[dict]:
    """Write the three files into ``out_dir``; return their data-package resource descriptors."""
    names = prefixes(base_iri)
    if ntriples is None:
        ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    (out_dir / "graph.nt").write_bytes(ntriples)
    (out_dir / "graph.ttl").write_bytes(turtle(triples, names))
    (out_dir / "graph.jsonld").write_text(json_ld(triples, names), encoding="utf-8")
    return [resource_descriptor(d) for d in RDF_FILES]


def turtle(triples: list[ox.Triple], names: dict[str, str]) -> bytes:
    body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=names)
    lines = body.split(b"\n")
    count = next(i for i, line in enumerate(lines) if not line.startswith(b"@prefix"))
    # Oxigraph writes the prefix lines in hash order: put them in ours.
    header = [f"@prefix {name}: <{iri}> .".encode() for name, iri in names.items()]
    assert len(header) == count, "every prefix is written once"
    return b"\n".join(header + lines[count:])


def json_ld(triples: list[ox.Triple], names: dict[str, str]) -> str:
    """Compact JSON-LD: one node object per subject, IRIs shortened with the context's prefixes."""
    return "".join(json_ld_pieces(triples, names))


def json_ld_pieces(triples, names: dict[str, str]):
    """The text of ``json_ld`` piece by piece, from triples grouped by subject (a stream)."""
    by_length = sorted(names.items(), key=lambda item: -len(item[1]))
    by_namespace = {namespace: name for name, namespace in names.items()}

    compacted: dict[str, str] = {}

    def compact(iri: str) -> str:
        found = compacted.get(iri)
        if found is None:
            found = compacted[iri] = _compact(iri)
        return found

    def _compact(iri: str) -> str:
        # Every prefix ends in '/' or '#': try the namespace up to the last one first.
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        name = by_namespace.get(iri[:cut])
        if name is not None:
            return f"{name}:{iri[cut:]}"
        for name, namespace in by_length:
            if iri.startswith(namespace) and not iri[len(namespace):].startswith("//"):
                return f"{name}:{iri[len(namespace):]}"
        return iri

    # Sorted triples keep each subject's triples together: a node object is complete
    # when the subject changes, so it is encoded then (one line, json's fast C encoder)
    # and written, not every node of a large graph kept at once.
    yield json.dumps({"@context": names}, ensure_ascii=False, indent=1)[:-2] + ',\n "@graph": [\n'
    separator = ""
    subject, node = None, {}
    for triple in triples:
        if triple.subject.value != subject:
            if subject is not None:
                yield separator + json.dumps(node, ensure_ascii=False, sort_keys=True)
                separator = ",\n"
            subject = triple.subject.value
            node = {"@id": compact(subject)}
        obj = triple.object
        if triple.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type":
            node.setdefault("@type", []).append(compact(obj.value))
            continue
        if isinstance(obj, ox.NamedNode):
            value = {"@id": compact(obj.value)}
        elif obj.language:
            value = {"@value": obj.value, "@language": obj.language}
        elif obj.datatype.value == XSD_STRING:
            value = {"@value": obj.value}
        else:
            value = {"@value": obj.value, "@type": compact(obj.datatype.value)}
        node.setdefault(compact(triple.predicate.value), []).append(value)
    if subject is not None:
        yield separator + json.dumps(node, ensure_ascii=False, sort_keys=True)
    yield "\n]}\n"


def resource_descriptor(distribution: Distribution) -> dict:
    """A non-tabular resource of datapackage.json."""
    return {
        "name": f"graph-{distribution.name}",
        "path": distribution.path,
        "title": f"{distribution.title_zh} / {distribution.title_en}",
        "profile": "data-resource",
        "format": distribution.path.rsplit(".", 1)[1],
        "mediatype": distribution.media_type,
        "encoding": "utf-8",
    }
