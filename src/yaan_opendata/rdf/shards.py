"""The graph written document by document and concatenated, never held whole.

Each document's own triples (``graph.document_triples``: its records, its
observations, its checksum; no other document has one of them) are sorted and
written as one shard, by a process per core, in each of the three formats: N-Triples
lines, Turtle without its prefix lines, JSON-LD node objects. The shared triples
(merged tables, code lists, vocabulary, data sets and structures, catalogue) are
one more shard. Each file is the shared shard followed by every document's, in
document order: the same bytes whatever the number of workers. In graph.nt each
shard follows a comment line naming it (``sections.py``), so that the checks read
the graph back shard by shard (``section_checks.py``).

With a cache, a document's shards are kept (compressed) under a key of its
extracted records (``Disclosure.cache_key``) and the base IRI, so a rebuild writes
the shards of unchanged documents without making their triples again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
import zlib
from pathlib import Path

import pyoxigraph as ox

from ..cache import DocumentCache
from ..model import Disclosure
from ..parallel import map_in_workers
from .graph import document_triples, shared_triples
from .mapping import Mapper, prefixes
from .sections import marker
from .serialize import json_ld_pieces

NTRIPLES = ox.RdfFormat.N_TRIPLES
FORMATS = ("graph.nt", "graph.ttl", "graph.jsonld")
# What the forked workers read (inherited, not pickled): the disclosures, where to write, the cache.
_FORKED: dict = {}


def write_graph_files(disclosures: list[Disclosure], out_dir: Path, base_iri: str, distributions,
                      workers: int | None = None, cache_dir: Path | None = None) -> None:
    """Write graph.nt, graph.ttl and graph.jsonld into ``out_dir``."""
    names = prefixes(base_iri)
    shared = sorted(shared_triples(disclosures, Mapper(base_iri), distributions), key=str)
    with tempfile.TemporaryDirectory(prefix=".graph-shards-", dir=out_dir) as tmp:
        folder = Path(tmp)
        _write_pieces(_pieces(shared, names), folder / "shared")
        _FORKED.update(disclosures=disclosures, folder=folder, base_iri=base_iri,
                       cache=DocumentCache(cache_dir / "graph") if cache_dir is not None else None)
        try:
            map_in_workers(_write_shard, range(len(disclosures)), workers)
        finally:
            _FORKED.clear()
        shards = [(None, folder / "shared")] + [
            (disclosure.document.document_id, folder / f"{n:06d}") for n, disclosure in enumerate(disclosures)]
        _concatenate(shards, out_dir, names)


def _write_shard(number: int) -> None:
    """In a worker: one document's shard in the three formats, from the cache when it has it."""
    disclosure, cache = _FORKED["disclosures"][number], _FORKED["cache"]
    key = _shard_key(disclosure, _FORKED["base_iri"]) if cache is not None else None
    packed = cache.get(key) if key else None
    if packed is None:
        mapper, names = Mapper(_FORKED["base_iri"]), prefixes(_FORKED["base_iri"])
        pieces = _pieces(sorted(document_triples(disclosure, mapper), key=str), names)
        if key:
            packed = tuple(zlib.compress(piece, 1) for piece in pieces)
            cache.put_bytes(key, pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
    else:
        pieces = tuple(zlib.decompress(piece) for piece in packed)
    _write_pieces(pieces, _FORKED["folder"] / f"{number:06d}")


def _shard_key(disclosure: Disclosure, base_iri: str) -> str | None:
    """The cache key of a document's shards: its records' key (code version included) and the base IRI."""
    if disclosure.cache_key is None:
        return None
    return hashlib.sha256(f"graph shards\0{disclosure.cache_key}\0{base_iri}".encode()).hexdigest()


def _pieces(triples: list[ox.Triple], names: dict[str, str]) -> tuple[bytes, bytes, bytes]:
    """One shard in each format: N-Triples, Turtle's body, JSON-LD's node objects."""
    ntriples = ox.serialize(triples, format=NTRIPLES)
    turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=names)
    *header, body = turtle.split(b"\n", len(names))  # the prefix lines, then the triples
    assert all(line.startswith(b"@prefix") for line in header), "every prefix is written once"
    nodes = list(json_ld_pieces(triples, names))[1:-1]  # without the context and the closing
    return ntriples, body, "".join(nodes).removeprefix(",\n").encode("utf-8")


def _write_pieces(pieces: tuple[bytes, bytes, bytes], stem: Path) -> None:
    for suffix, piece in zip((".nt", ".ttl", ".jsonld"), pieces):
        stem.with_suffix(suffix).write_bytes(piece)


def _concatenate(shards: list[tuple[str | None, Path]], out_dir: Path, names: dict[str, str]) -> None:
    with (out_dir / "graph.nt").open("wb") as out:
        for document_id, shard in shards:
            out.write(marker(document_id))
            _copy(shard.with_suffix(".nt"), out)
    with (out_dir / "graph.ttl").open("wb") as out:
        out.write(b"\n".join(f"@prefix {name}: <{iri}> .".encode() for name, iri in names.items()) + b"\n")
        for _, shard in shards:
            _copy(shard.with_suffix(".ttl"), out)
    head, *_, tail = json_ld_pieces([], names)
    with (out_dir / "graph.jsonld").open("wb") as out:
        out.write(head.encode())
        separator = b""
        for _, shard in shards:
            if shard.with_suffix(".jsonld").stat().st_size:
                out.write(separator)
                _copy(shard.with_suffix(".jsonld"), out)
                separator = b",\n"
        out.write(tail.encode())


def _copy(path: Path, out) -> None:
    """Append the file to ``out``, in the kernel where it can (no copy through Python)."""
    out.flush()
    with path.open("rb") as data:
        size, done = os.fstat(data.fileno()).st_size, 0
        try:
            while done < size and (copied := os.copy_file_range(data.fileno(), out.fileno(), size - done)):
                done += copied
        except (AttributeError, OSError):  # not on Linux, or a file system that cannot
            pass
        data.seek(done)
        out.seek(0, os.SEEK_END)
        shutil.copyfileobj(data, out)  # what the kernel did not copy
