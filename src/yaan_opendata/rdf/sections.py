"""graph.nt in sections, so that it is checked piece by piece and never held whole.

The build writes graph.nt as the shared triples (code lists, vocabulary, data sets,
catalogue, merged tables) followed by each document's own triples, each section after
one comment line (N-Triples allows comments, so every reader still reads plain
N-Triples)::

    # yaan-opendata section: shared
    # yaan-opendata section: document yaan-zwfwdsj-2020

The checks (``rdf.validation.check_package_graph``) read the sections back, and check
each document with the shared triples, grouping the documents whose triples meet:
those whose observations could be duplicates (same organization and year, IC-12) and
those that point at one another's nodes. That gives the findings of the whole graph
only if no node is described in two sections; ``group_sections`` verifies it and says
so when it is not, and the whole graph is then checked at once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

MARK = b"# yaan-opendata section: "
SHARED = "shared"
_DOCUMENT = "document "
_ORGANIZATION = b"<http://data.openbudgets.eu/ontology/dsd/dimension/organization>"
_FISCAL_YEAR = b"<http://data.openbudgets.eu/ontology/dsd/dimension/fiscalYear>"
_BLOCK = 1 << 22


def marker(document_id: str | None) -> bytes:
    """The comment line before a section: the shared one (None) or a document's."""
    return MARK + (SHARED if document_id is None else _DOCUMENT + document_id).encode() + b"\n"


@dataclass(frozen=True)
class Section:
    name: str  # "shared" or "document <id>"
    start: int  # byte offsets of the section's triples in graph.nt
    end: int

    def read(self, path: Path) -> bytes:
        with path.open("rb") as file:
            file.seek(self.start)
            return file.read(self.end - self.start)


def read_sections(path: Path) -> list[Section] | None:
    """The sections of graph.nt, the shared one first; None if it was not written in sections
    (or anything comes before the shared one)."""
    starts: list[tuple[str, int, int]] = []  # (name, offset of the section line, offset after it)
    offset, carry = 0, b""  # carry: the last line of the block before, not ended yet
    with path.open("rb") as file:
        while block := file.read(_BLOCK):
            data, base = carry + block, offset - len(carry)
            ended = data.rfind(b"\n") + 1  # lines before this offset are whole
            at = 0
            while (found := data.find(MARK, at, ended)) != -1:
                if found and data[found - 1] != 0x0A:
                    at = found + 1  # inside a line: not a section line
                    continue
                end = data.find(b"\n", found)
                starts.append((data[found + len(MARK):end].decode("utf-8", "replace"), base + found, base + end + 1))
                at = end + 1
            carry, offset = data[ended:], offset + len(block)
    if not starts or starts[0][0] != SHARED or starts[0][1] != 0:
        return None
    ends = [start for _, start, _ in starts[1:]] + [offset]
    return [Section(name, body, end) for (name, _, body), end in zip(starts, ends)]


@dataclass
class Summary:
    """What grouping needs of one section, read from its lines without parsing them."""

    digest: str
    subjects: set[int] = field(default_factory=set)  # 64-bit hashes of its subjects
    references: set[int] = field(default_factory=set)  # of the IRIs its triples point at
    observation_keys: set[bytes] = field(default_factory=set)  # hashes of (organization, fiscal year)


def _hashed(term: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(term, digest_size=8).digest(), "little")


def summarize(data: bytes) -> Summary:
    summary = Summary(hashlib.sha256(data).hexdigest())
    organization: dict[bytes, bytes] = {}
    year: dict[bytes, bytes] = {}
    for line in data.split(b"\n"):
        if not line or line.startswith(b"#"):
            continue
        subject, _, rest = line.partition(b" ")
        predicate, _, value = rest.partition(b" ")
        summary.subjects.add(_hashed(subject))
        if value.startswith((b"<", b"_:")):
            summary.references.add(_hashed(value.rsplit(b" ", 1)[0]))
        if predicate == _ORGANIZATION:
            organization[subject] = value
        elif predicate == _FISCAL_YEAR:
            year[subject] = value
    summary.observation_keys = {
        hashlib.sha256(organization[s] + b"\0" + year[s]).digest() for s in organization.keys() & year.keys()
    }
    return summary


def group_sections(shared: Summary, documents: list[Summary]) -> tuple[list[list[int]], str | None]:
    """(groups of document sections to check together, None) — or ([], why) when a node is
    described in two sections, so that only the whole graph gives the right findings."""
    owner: dict[int, int] = {}  # subject hash → document section
    for number, summary in enumerate(documents):
        for subject in summary.subjects:
            if subject in shared.subjects or owner.setdefault(subject, number) != number:
                return [], "a node is described in two sections of graph.nt"
    parent = list(range(len(documents)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = n = parent[parent[n]]
        return n

    by_key: dict[bytes, int] = {}
    for number, summary in enumerate(documents):
        for key in summary.observation_keys:
            parent[root(number)] = root(by_key.setdefault(key, number))
        for reference in summary.references - summary.subjects:
            other = owner.get(reference)
            if other is not None:
                parent[root(number)] = root(other)
    groups: dict[int, list[int]] = {}
    for number in range(len(documents)):
        groups.setdefault(root(number), []).append(number)
    return sorted(groups.values()), None
