"""The graph written document by document and concatenated, never held whole.

Each document's own triples (``graph.document_triples``: its records, its
observations, its checksum; no other document has one of them) are sorted and
written as one shard, by a process per core, in each of the three formats: N-Triples
lines, Turtle without its prefix lines, JSON-LD node objects. The shared triples
(merged tables, code lists, vocabulary, data sets and structures, catalogue) are
one more shard. Each file is the shared shard followed by every document's, in
document order: the same bytes whatever the number of workers.

The Data Cube integrity constraints and the OBEU checks run in the same workers,
on the shared triples with the documents whose observations could collide (those
that share an organization and year; usually each document alone), so that no
process holds the whole graph: the checks' findings are those of the whole graph.
"""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from ..model import Disclosure
from .graph import document_triples, shared_triples
from .integrity import Violation
from .mapping import Mapper, prefixes
from .serialize import json_ld_pieces
from .validation import check_graph

NTRIPLES = ox.RdfFormat.N_TRIPLES
FORMATS = ("graph.nt", "graph.ttl", "graph.jsonld")
# What the forked workers read (inherited, not pickled): the disclosures and the shared shard.
_FORKED: dict = {}


def write_graph_files(
    disclosures: list[Disclosure], out_dir: Path, base_iri: str, distributions, workers: int | None = None
) -> list[Violation]:
    """Write graph.nt, graph.ttl and graph.jsonld into ``out_dir``; return the checks' violations."""
    names = prefixes(base_iri)
    shared = sorted(shared_triples(disclosures, Mapper(base_iri), distributions), key=str)
    with tempfile.TemporaryDirectory(prefix=".graph-shards-", dir=out_dir) as tmp:
        folder = Path(tmp)
        _write_pieces(shared, folder / "shared", names)
        groups = collision_groups(disclosures)
        _FORKED.update(disclosures=disclosures, shared=shared, folder=folder, base_iri=base_iri)
        try:
            violations = _in_workers(_write_and_check, groups, workers)
        finally:
            _FORKED.clear()
        shards = [folder / "shared", *(folder / f"{n:06d}" for n in range(len(disclosures)))]
        _concatenate(shards, out_dir, names)
    found: dict[str, Violation] = {}  # the shared triples' findings come from every group: once
    for violation in (v for group in violations for v in group):
        found.setdefault(str(violation), violation)
    return list(found.values())


def collision_groups(disclosures: Sequence[Disclosure]) -> list[list[int]]:
    """Documents (by number) that must be checked together: observations of two documents
    can only be duplicates (IC-12) if they share organization and fiscal year."""
    owner: dict[tuple[str, int], int] = {}
    parent = list(range(len(disclosures)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = n = parent[parent[n]]
        return n

    for number, disclosure in enumerate(disclosures):
        for record in (*disclosure.facts, *disclosure.table_cells):
            other = owner.setdefault((record.org_id, record.fiscal_year), number)
            parent[root(number)] = root(other)
    groups: dict[int, list[int]] = {}
    for number in range(len(disclosures)):
        groups.setdefault(root(number), []).append(number)
    return sorted(groups.values()) or [[]]  # with no document, the shared triples are still checked


def _in_workers(function, jobs: list, workers: int | None) -> list:
    from ..parallel import default_workers

    workers = min(workers or default_workers(), len(jobs))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(job) for job in jobs]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(function, jobs))


def _write_and_check(group: list[int]) -> list[Violation]:
    """Write the shards of a group of documents; check them with the shared triples."""
    disclosures, folder = _FORKED["disclosures"], _FORKED["folder"]
    mapper, names = Mapper(_FORKED["base_iri"]), prefixes(_FORKED["base_iri"])
    store_triples = list(_FORKED["shared"])
    for number in group:
        triples = sorted(document_triples(disclosures[number], mapper), key=str)
        _write_pieces(triples, folder / f"{number:06d}", names)
        store_triples += triples
    return check_graph(store_triples)


def _write_pieces(triples: list[ox.Triple], stem: Path, names: dict[str, str]) -> None:
    """One shard in each format: N-Triples, Turtle's body, JSON-LD's node objects."""
    stem.with_suffix(".nt").write_bytes(ox.serialize(triples, format=NTRIPLES))
    turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=names)
    *header, body = turtle.split(b"\n", len(names))  # the prefix lines, then the triples
    assert all(line.startswith(b"@prefix") for line in header), "every prefix is written once"
    stem.with_suffix(".ttl").write_bytes(body)
    nodes = list(json_ld_pieces(triples, names))[1:-1]  # without the context and the closing
    stem.with_suffix(".jsonld").write_text("".join(nodes).removeprefix(",\n"), encoding="utf-8")


def _concatenate(shards: list[Path], out_dir: Path, names: dict[str, str]) -> None:
    with (out_dir / "graph.nt").open("wb") as out:
        for shard in shards:
            _copy(shard.with_suffix(".nt"), out)
    with (out_dir / "graph.ttl").open("wb") as out:
        out.write(b"\n".join(f"@prefix {name}: <{iri}> .".encode() for name, iri in names.items()) + b"\n")
        for shard in shards:
            _copy(shard.with_suffix(".ttl"), out)
    head, *_, tail = json_ld_pieces([], names)
    with (out_dir / "graph.jsonld").open("wb") as out:
        out.write(head.encode())
        separator = b""
        for shard in shards:
            if shard.with_suffix(".jsonld").stat().st_size:
                out.write(separator)
                _copy(shard.with_suffix(".jsonld"), out)
                separator = b",\n"
        out.write(tail.encode())


def _copy(path: Path, out) -> None:
    with path.open("rb") as data:
        shutil.copyfileobj(data, out)
